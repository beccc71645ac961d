"""calendar.png: Chinese renders without missing-glyph warnings, deterministic bytes, one grid per month,
entries that keep their time and room, congress commitments drawn, a legend of what appears, readable contrast."""

from __future__ import annotations

import logging
import struct
import warnings
from dataclasses import replace
from datetime import date

import matplotlib
import pytest
from matplotlib.colors import to_rgb
from plan_fixtures import congress_plan, congress_scenario, small_plan, small_scenario

from govcal.exports.picture import (
    ENTRY_COLUMNS,
    HOLIDAY_SHADE,
    INK,
    MAKEUP_SHADE,
    MAX_CELL_LINES,
    REST_SHADE,
    STYLE_COLOURS,
    Entry,
    cell_entries,
    month_layout,
    month_legend,
    month_picture,
    shorten,
    tint,
    when_where,
)
from govcal.view import display_width, plan_calendar
from scheduler.domain import MEETING_KINDS
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


def test_cell_lists_meetings_with_time_and_room_then_absences_and_caps_the_lines() -> None:
    plan, scenario = small_plan(), small_scenario()
    assert cell_entries(date(2024, 5, 21), plan, scenario, "zh") == [
        Entry(("10:00-13:00 常务会议室", "县政府第5次常务会议"), "standing")]
    assert cell_entries(date(2024, 5, 22), plan, scenario, "zh") == [Entry(("副县长（教育）休假 下午",), "away")]
    crowded = tuple(PlannedMeeting(f"t{n}", "thematic", f"专题会议{n}", date(2024, 5, 9), 600 + 30 * n, 630 + 30 * n,
                                   None, "exec") for n in range(9))
    lines = cell_entries(date(2024, 5, 9), replace(plan, meetings=crowded), scenario, "zh")
    assert len(lines) == 7 and lines[-1] == Entry(("另有3项",), "more")
    assert sum(len(entry.lines) for entry in lines) <= MAX_CELL_LINES


def test_a_shortened_title_keeps_its_time_range_and_room() -> None:
    plan, scenario = small_plan(), small_scenario()
    title = "关于研究全县城乡供水一体化和农村饮水安全巩固提升工程的会议"
    long_title = replace(plan.meeting("standing-2024-05-1"), title=title)
    (entry,) = cell_entries(date(2024, 5, 21), replace(plan, meetings=(long_title,)), scenario, "zh")
    assert entry.lines[0] == "10:00-13:00 常务会议室"
    assert entry.lines[1].endswith("…") and display_width(entry.lines[1]) <= ENTRY_COLUMNS
    crowded_room = when_where(600, 780, "县人民政府办公楼三楼东侧第一会议室（视频会议室）")
    assert crowded_room.startswith("10:00-13:00 ") and crowded_room.endswith("…")
    assert display_width(crowded_room) <= ENTRY_COLUMNS


def test_congress_meetings_are_drawn_with_their_attendee_and_a_stand_in_marked() -> None:
    plan, scenario = congress_plan(), congress_scenario()
    lines = ("10:00-13:00 县人大常委会会议室", "县人大常委会会议", "政府办公室主任", "受委托出席（第四十九条）")
    assert cell_entries(date(2024, 5, 28), plan, scenario, "zh") == [Entry(lines, "commitment")]
    assert cell_entries(date(2024, 5, 30), plan, scenario, "en")[0].lines[2:] == ("副县长（教育）",)
    assert cell_entries(date(2024, 5, 28), plan, scenario, "en")[0].lines[-1] == "Stands in (Art. 49)"  # whole


def test_the_legend_lists_only_what_appears_that_month() -> None:
    plan, scenario = congress_plan(), congress_scenario()
    calendar = plan_calendar(plan, scenario)
    legend = [style for style, _ in month_legend(month_layout(2024, 5, plan, scenario, "zh"), plan, calendar, "zh")]
    assert legend == ["standing", "thematic", "county_head_office", "commitment", "away",
                      HOLIDAY_SHADE, MAKEUP_SHADE, REST_SHADE]
    quiet = replace(plan, meetings=plan.meetings[:1], period_from=date(2024, 5, 6), period_to=date(2024, 5, 10))
    legend = [style for style, _ in month_legend(month_layout(2024, 5, quiet, scenario, "zh"), quiet, calendar, "zh")]
    assert "standing" not in legend and "commitment" not in legend and "away" not in legend


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize("style", [*MEETING_KINDS, "commitment"])
def test_entry_text_has_enough_contrast_on_its_fill(style: str) -> None:
    ink, fill = relative_luminance(to_rgb(INK)), relative_luminance(tint(STYLE_COLOURS[style]))
    assert (fill + 0.05) / (ink + 0.05) >= 7  # WCAG AAA for body text


def test_a_busy_week_grows_its_row() -> None:
    plan, scenario = small_plan(), small_scenario()
    crowded = tuple(PlannedMeeting(f"t{n}", "thematic", f"专题会议{n}", date(2024, 5, 9), 600 + 30 * n, 630 + 30 * n,
                                   None, "exec") for n in range(5))
    quiet = month_layout(2024, 5, plan, scenario, "zh")
    busy = month_layout(2024, 5, replace(plan, meetings=plan.meetings + crowded), scenario, "zh")
    assert busy.row_heights[1] > quiet.row_heights[1] and busy.row_heights[2:] == quiet.row_heights[2:]
    assert busy.height > quiet.height  # the picture is sized from the layout


def test_shorten_cuts_at_display_width() -> None:
    assert shorten("短标题", 10) == "短标题"
    cut = shorten("关于调整2024年县级财政预算的请示", 12)
    assert cut.endswith("…") and display_width(cut) <= 12
