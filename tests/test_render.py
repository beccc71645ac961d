"""The terminal view: golden files in both languages, CJK alignment, wrapping.

Golden files live in tests/golden/. After an intended change of the view, rewrite them with
``GOVCAL_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render.py`` and review the diff.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from plan_fixtures import small_plan, small_scenario

from govcal.exports.view import display_width, party_names
from govcal.render import TEXT_COLUMN_WIDTH, format_table, render_plan, wrap_to_width

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("GOVCAL_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_render_matches_golden(lang: str) -> None:
    text = render_plan(small_plan(), small_scenario(), lang)
    golden = GOLDEN / f"render_small.{lang}.txt"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def column_starts(line: str) -> list[int]:
    """Display offsets where a run of non-spaces starts after two or more spaces."""
    starts, offset, spaces = [0], 0, 0
    for character in line:
        if character == " ":
            spaces += 1
        else:
            if spaces >= 2:
                starts.append(offset)
            spaces = 0
        offset += display_width(character)
    return starts


def test_cjk_columns_line_up_by_display_width() -> None:
    lines = format_table(["议题", "汇报单位", "时长(分钟)"],
                         [["关于调整2024年县级财政预算的请示", "县财政局", "20"], ["short", "unit", "5"]])
    header_starts = column_starts(lines[0])
    assert len(header_starts) == 3
    for line in lines[1:]:
        assert column_starts(line) == header_starts
    # Padding counts a CJK character as two columns: the rule under 议题 is as wide as the longest title.
    assert lines[1].split()[0] == "-" * display_width("关于调整2024年县级财政预算的请示")


def test_long_cells_wrap_inside_their_column_and_keep_names_whole() -> None:
    scenario = small_scenario()
    lines = render_plan(small_plan(), scenario, "zh").splitlines()
    table = lines[lines.index("会议安排") + 1:]
    table = table[:table.index("")]
    attendees_at = column_starts(table[0])[-1]
    cells = []
    for line in table[2:]:
        prefix_width = 0
        for index, character in enumerate(line):
            if prefix_width == attendees_at:
                cells.append(line[index:])
                break
            prefix_width += display_width(character)
    assert len(cells) > len(small_plan().meetings), "the long attendee list wraps onto further lines"
    assert all(display_width(cell) <= TEXT_COLUMN_WIDTH for cell in cells)
    names = [name for name in "、".join(cells).split("、") if name]
    standing = small_plan().meeting("standing-2024-05-1")
    assert set(party_names(standing.attendees, scenario, "zh").split("、")) <= set(names)


@given(st.text(alphabet=st.sampled_from(list("县长副常务 abcXYZ、,关于调整2024年")), max_size=80),
       st.integers(min_value=2, max_value=30))
def test_wrap_respects_width_and_keeps_every_character(text: str, width: int) -> None:
    lines = wrap_to_width(text, width)
    assert all(display_width(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_color_only_when_asked() -> None:
    plain = render_plan(small_plan(), small_scenario(), "zh")
    coloured = render_plan(small_plan(), small_scenario(), "zh", color=True)
    assert "\x1b[" not in plain
    assert "\x1b[1m" in coloured
    assert coloured.replace("\x1b[1m", "").replace("\x1b[0m", "") == plain


@pytest.mark.parametrize(("lang", "none"), [("zh", "无"), ("en", "none")])
def test_empty_plan_says_none_in_every_section(lang: str, none: str) -> None:
    empty = replace(small_plan(), meetings=(), deferred=(), rejected=())
    lines = render_plan(empty, small_scenario(), lang).splitlines()
    assert lines.count(none) == 3  # meetings, deferred items, rejected requests


def test_missing_solver_figures_are_dashes() -> None:
    plan = small_plan()
    unknown = replace(plan, solver=replace(plan.solver, objective=None, bound=None, gap=None))
    assert "目标值 —，下界 —，差距 —" in render_plan(unknown, small_scenario(), "zh")
