"""calendar.png: Chinese renders without missing-glyph warnings, deterministic bytes, one grid per month."""

from __future__ import annotations

import logging
import struct
import warnings
from dataclasses import replace
from datetime import date

import matplotlib
import pytest
from plan_fixtures import small_plan, small_scenario

from govcal.exports.picture import cell_entries, month_picture, shorten
from govcal.exports.view import display_width
from scheduler.plan import PlannedMeeting

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    return struct.unpack(">II", data[16:24])


def png_text_chunks(data: bytes) -> list[bytes]:
    chunks, offset = [], len(PNG_SIGNATURE)
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        if kind in (b"tEXt", b"iTXt", b"zTXt"):
            chunks.append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    return chunks


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_renders_with_no_missing_glyph_warning(lang: str, caplog: pytest.LogCaptureFixture) -> None:
    rc_before = dict(matplotlib.rcParams)
    with caplog.at_level(logging.DEBUG, logger="matplotlib"), warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" is a UserWarning
        data = month_picture(small_plan(), small_scenario(), lang)
    complaints = [r.getMessage() for r in caplog.records
                  if r.levelno >= logging.WARNING or "findfont: Failed" in r.getMessage()]
    assert complaints == []
    assert png_size(data)[0] > 1000
    assert dict(matplotlib.rcParams) == rc_before  # the font settings do not leak out of the picture


def test_the_glyph_check_catches_a_picture_without_the_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    def latin_font_only() -> str:  # what a machine without the CJK font would use, whatever ran before
        matplotlib.rcParams["font.family"] = "sans-serif"
        matplotlib.rcParams["font.sans-serif"] = ["DejaVu Sans"]
        return "DejaVu Sans"

    monkeypatch.setattr("govcal.exports.picture.use_cjk_font", latin_font_only)
    with warnings.catch_warnings(), pytest.raises(UserWarning, match="missing from font"):
        warnings.simplefilter("error")
        month_picture(small_plan(), small_scenario())


def test_same_plan_same_bytes_and_no_timestamp() -> None:
    first = month_picture(small_plan(), small_scenario())
    assert first == month_picture(small_plan(), small_scenario())
    assert not any(b"Software" in chunk or b"Creation" in chunk for chunk in png_text_chunks(first))


def test_a_two_month_plan_stacks_two_grids() -> None:
    one = png_size(month_picture(small_plan(), small_scenario()))
    two = png_size(month_picture(replace(small_plan(), period_to=date(2024, 6, 30)), small_scenario()))
    assert two[0] == one[0] and two[1] > 1.7 * one[1]


def test_cell_lists_meetings_then_absences_and_caps_the_lines() -> None:
    plan, scenario = small_plan(), small_scenario()
    meetings, absences = list(plan.meetings), list(scenario.absences)
    standing_day = cell_entries(date(2024, 5, 21), meetings, absences, scenario, "zh")
    assert standing_day == [("10:00 县政府第5次常务会议", "standing")]
    assert cell_entries(date(2024, 5, 22), meetings, absences, scenario, "zh") == [("副县长（教育）休假 下午", None)]
    crowded = [PlannedMeeting(f"t{n}", "thematic", f"专题会议{n}", date(2024, 5, 9), 600 + 30 * n, 630 + 30 * n,
                              None, "exec") for n in range(7)]
    lines = cell_entries(date(2024, 5, 9), crowded, absences, scenario, "zh")
    assert len(lines) == 5 and lines[-1] == ("另有3项", None)


def test_shorten_cuts_at_display_width() -> None:
    assert shorten("短标题", 10) == "短标题"
    cut = shorten("关于调整2024年县级财政预算的请示", 12)
    assert cut.endswith("…") and display_width(cut) <= 12
