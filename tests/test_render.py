"""The terminal view: golden files at 80 and 160 columns in both languages, the terminal's width,
CJK alignment, wrapping, and congress commitments with their attendee (Art. 49).

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
from plan_fixtures import congress_plan, congress_scenario, small_plan, small_scenario

from govcal.render import TEXT_COLUMN_WIDTH, format_table, render_plan, wrap_to_width
from govcal.view import display_width, party_names

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("GOVCAL_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_render_matches_golden(lang: str, width: int) -> None:
    text = render_plan(congress_plan(), congress_scenario(), lang, width=width)
    golden = GOLDEN / f"render.{lang}.{width}.txt"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert max(display_width(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_narrow_terminal_stacks_one_block_per_meeting_with_its_items(lang: str) -> None:
    lines = render_plan(congress_plan(), congress_scenario(), lang, width=80).splitlines()
    assert not any(set(line) <= {"-", " "} and line for line in lines), "no table rules in the stacked layout"
    standing = next(i for i, line in enumerate(lines) if line.endswith("县政府第5次常务会议"))
    block = lines[standing:lines.index("", standing)]
    first, second = (next(i for i, line in enumerate(block) if title in line)
                     for title in ("关于调整2024年县级财政预算的请示", "关于畜牧业补贴发放办法的请示"))
    assert first < second  # running order
    assert any("县财政局" in line for line in block[first:second])  # the first item's reporting unit


def test_wide_table_when_it_fits_and_narrower_free_text_columns_before_stacking() -> None:
    wide = render_plan(congress_plan(), congress_scenario(), "zh", width=160).splitlines()
    assert wide[wide.index("会议安排") + 1].startswith("日期")
    squeezed = render_plan(congress_plan(), congress_scenario(), "zh", width=124).splitlines()
    assert squeezed[squeezed.index("会议安排") + 1].startswith("日期"), "still a table"
    assert max(display_width(line) for line in squeezed) <= 124
    assert len(squeezed) > len(wide)  # the free-text columns wrap sooner


@pytest.mark.parametrize("columns", ["80", "160"])
def test_follows_the_terminal_width_from_columns(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert render_plan(congress_plan(), congress_scenario(), "zh") == render_plan(
        congress_plan(), congress_scenario(), "zh", width=int(columns))


@pytest.mark.parametrize("width", [80, 160])
def test_stand_in_at_a_congress_meeting_is_marked_with_its_article(width: int) -> None:
    text = render_plan(congress_plan(), congress_scenario(), "zh", width=width)
    assert "委托政府办公室主任参加（第四十九条）" in text
    assert "县人大常委会会议室" in text
    without = render_plan(replace(congress_plan(), commitment_attendance=()), congress_scenario(), "zh", width=width)
    assert "第四十九条" not in without
    # A scenario without commitments in the period shows no commitments section at all.
    bare = render_plan(small_plan(), replace(small_scenario(), commitments=()), "zh", width=width)
    assert "固定活动" not in bare


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
    lines = render_plan(small_plan(), scenario, "zh", width=160).splitlines()
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
    for width in (80, 160):
        plain = render_plan(small_plan(), small_scenario(), "zh", width=width)
        coloured = render_plan(small_plan(), small_scenario(), "zh", color=True, width=width)
        assert "\x1b[" not in plain
        assert "\x1b[1m" in coloured
        assert coloured.replace("\x1b[1m", "").replace("\x1b[0m", "") == plain


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize(("lang", "none"), [("zh", "无"), ("en", "none")])
def test_empty_plan_says_none_in_every_section(lang: str, none: str, width: int) -> None:
    empty = replace(small_plan(), meetings=(), deferred=(), rejected=())
    lines = render_plan(empty, small_scenario(), lang, width=width).splitlines()
    assert lines.count(none) == 3  # meetings, deferred items, rejected requests


def test_missing_solver_figures_are_dashes() -> None:
    plan = small_plan()
    unknown = replace(plan, solver=replace(plan.solver, objective=None, bound=None, gap=None))
    assert "目标值 —，下界 —，差距 —" in render_plan(unknown, small_scenario(), "zh")


def test_ledger_tables_fit_the_terminal_as_the_plan_view_does() -> None:
    """A re-plan's change list (and every ledger table) is a table when it fits and one block per row
    when it does not, every line within the width."""
    from govcal.render import table_or_blocks

    headers = ["会议", "变更", "原安排", "新安排", "需通知"]
    rows = [["县政府第4次常务会议\nstanding-2024-06-2", "出席人员变化", "减少：常务副县长、县统计局",
             "增加：巴音库鲁提乡、县医疗保障局", "、".join(["副县长（农业农村）"] * 8)]]
    narrow = table_or_blocks(headers, rows, "zh", wrap_columns=(0, 4), width=80)
    assert max(display_width(line) for line in narrow) <= 80
    assert narrow[0] == "县政府第4次常务会议 standing-2024-06-2" and narrow[1] == "  变更：出席人员变化"
    wide = table_or_blocks(headers, rows, "zh", wrap_columns=(0, 4), width=200)
    assert wide[0].split() == headers and max(display_width(line) for line in wide) <= 200
