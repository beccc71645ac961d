"""The month picture of a plan: one grid per month (rows = weeks, Monday..Sunday), stacked.

Made to be printed and read at arm's length: 11 pt entry text in dark ink on light tints of each
meeting kind's colour (a strip of the full colour on the left tells kinds apart). A meeting shows
its time range and room on one line and its title, shortened if need be, on the next; a fixed
commitment (a congress standing-committee meeting, ...) shows its time, place, title and who
attends it, an office director standing in marked as such (Art. 49); absences are dashed. A week's
row grows with its busiest day. Under each month, a legend of what appears in that month only.

Layout is computed in inches (each month's axes maps y to inches from its top), so text sizes and
line spacing hold whatever the month holds. Chinese renders with the Noto Sans CJK font shipped by
mplfonts (simulation.pictures.fonts), so a fresh machine needs no system font. The PNG carries no timestamp
or software version, so the same plan gives the same bytes.
"""

from __future__ import annotations

import calendar as month_calendar
import io
from dataclasses import dataclass
from datetime import date

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from govcal.view import (
    absence_text,
    absence_time,
    absences_in_period,
    commitment_attendees,
    commitments_in_period,
    day_flag,
    display_width,
    is_stand_in,
    kind_name,
    leader_role,
    meetings_in_order,
    month_title,
    months,
    party_name,
    party_names,
    plan_calendar,
    projected_mark,
    room_name,
    time_span,
    weekday_name,
)
from scheduler.calendar import WorkCalendar
from scheduler.domain import MEETING_KINDS, Absence, Commitment, Scenario
from scheduler.i18n import Lang, t
from scheduler.plan import Plan, PlannedMeeting
from simulation.pictures.fonts import use_cjk_font

# One colour per meeting kind (colour-blind-safe Okabe-Ito palette), in MEETING_KINDS order. Entries
# are filled with a light tint of it and carry a strip of the full colour; text is always dark.
KIND_COLOURS = dict(zip(MEETING_KINDS, ("#0072B2", "#CC79A7", "#009E73", "#E69F00", "#56B4E9", "#D55E00"),
                        strict=True))
COMMITMENT = "commitment"
AWAY = "away"
MORE = "more"
STYLE_COLOURS = {**KIND_COLOURS, COMMITMENT: "#6A3D9A"}
TINT = 0.68  # share of white in an entry's fill
INK = "#1A1A1A"
AWAY_INK = "#404040"
HOLIDAY_SHADE = "#F6D5D5"
REST_SHADE = "#EEEEEE"
MAKEUP_SHADE = "#FFF3C4"
OUTSIDE_SHADE = "#FAFAFA"
GRID_COLOUR = "#8C8C8C"
HOLIDAY_INK = "#A01818"
MAKEUP_INK = "#7A5200"

DPI = 120
MARGIN = 0.2  # inches around the page
CELL_WIDTH = 2.6  # inches
ENTRY_POINTS = 11  # entry text; the rest scales from it
LINE = 0.2  # inches per line of entry text
ENTRY_GAP = 0.06  # inches between two entries
PAD = 0.05  # inches of fill around an entry's text
STRIP = 0.05  # inches of the kind's full colour at an entry's left
DAY_HEADER = 0.32  # inches above a day's first entry (the day's number and flag)
MIN_ROW_LINES = 3  # a quiet week still leaves room to write in by hand
MAX_CELL_LINES = 14  # beyond this a day says 另有N项
TITLE_BAND, WEEKDAY_BAND, LEGEND_BAND, MONTH_GAP = 0.5, 0.36, 0.5, 0.3
# Display columns of one entry line: a CJK character is about one em (two columns), a digit or a
# Latin letter about half of one; the cell's width less the strip and padding.
ENTRY_COLUMNS = int((CELL_WIDTH - STRIP - 3 * PAD) * 72 / (ENTRY_POINTS * 0.5)) - 1


def shorten(text: str, columns: int = ENTRY_COLUMNS) -> str:
    """`text` cut to `columns` display columns, with an ellipsis when cut."""
    if display_width(text) <= columns:
        return text
    while display_width(text) > columns - 1:
        text = text[:-1]
    return text + "…"


def when_where(start: int, end: int, place: str) -> str:
    """``10:00-13:00 常务会议室``: the time range whole, the place shortened if the line is too long."""
    times = time_span(start, end)
    return f"{times} {shorten(place, ENTRY_COLUMNS - display_width(times) - 1)}" if place else times


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing on a day: its lines (each within ENTRY_COLUMNS) and its style (a meeting kind,
    ``commitment``, ``away`` or ``more``)."""

    lines: tuple[str, ...]
    style: str


def meeting_entry(meeting: PlannedMeeting, scenario: Scenario) -> Entry:
    return Entry((when_where(meeting.start, meeting.end, room_name(meeting.room, scenario)), shorten(meeting.title)),
                 meeting.kind)


def commitment_entry(commitment: Commitment, plan: Plan, scenario: Scenario, lang: Lang) -> Entry:
    """Time and place, title, who attends; a stand-in's name is followed by 受委托出席（第四十九条）."""
    attendees = commitment_attendees(plan, commitment)
    regular = [party for party in attendees if not is_stand_in(plan, commitment, party)]
    lines = [when_where(commitment.start, commitment.end, commitment.location), shorten(commitment.title)]
    if regular:
        lines.append(shorten(party_names(regular, scenario, lang)))
    for party in attendees:
        if is_stand_in(plan, commitment, party):
            lines += [shorten(party_name(scenario, party)), shorten(leader_role(plan, commitment, party, lang))]
    return Entry(tuple(lines), COMMITMENT)


def absence_entry(absence: Absence, scenario: Scenario, lang: Lang) -> Entry:
    text = absence_text(absence, scenario, lang, with_note=False)
    if absence.half:
        text = f"{text} {absence_time(absence, lang)}"
    return Entry((shorten(text),), AWAY)


def cell_entries(day: date, plan: Plan, scenario: Scenario, lang: Lang) -> list[Entry]:
    """A day's entries: meetings and commitments by start time, then absences; past MAX_CELL_LINES
    the rest is counted (另有N项)."""
    timed = [(m.start, meeting_entry(m, scenario)) for m in meetings_in_order(plan) if m.date == day]
    timed += [(c.start, commitment_entry(c, plan, scenario, lang))
              for c in commitments_in_period(plan, scenario) if c.date == day]
    entries = [entry for _, entry in sorted(timed, key=lambda pair: pair[0])]
    entries += [absence_entry(a, scenario, lang) for a in absences_in_period(plan, scenario)
                if a.start <= day <= a.end]
    shown: list[Entry] = []
    for index, entry in enumerate(entries):
        room = MAX_CELL_LINES - sum(len(e.lines) for e in shown) - (1 if index < len(entries) - 1 else 0)
        if len(entry.lines) > room:
            shown.append(Entry((t("ui.more", lang, count=len(entries) - index),), MORE))
            break
        shown.append(entry)
    return shown


def cell_height(entries: list[Entry]) -> float:
    """Inches the entries take below the day's header."""
    return sum(len(e.lines) * LINE for e in entries) + ENTRY_GAP * max(len(entries) - 1, 0)


def tint(colour: str) -> tuple[float, float, float]:
    red, green, blue = to_rgb(colour)
    return (TINT + (1 - TINT) * red, TINT + (1 - TINT) * green, TINT + (1 - TINT) * blue)


def day_shade(day: date, plan: Plan, calendar: WorkCalendar) -> str:
    if not plan.period_from <= day <= plan.period_to:
        return OUTSIDE_SHADE
    if calendar.holiday_name(day):
        return HOLIDAY_SHADE
    if calendar.is_makeup_day(day):
        return MAKEUP_SHADE
    return "white" if calendar.is_working_day(day) else REST_SHADE


@dataclass(frozen=True, slots=True)
class MonthLayout:
    year: int
    month: int
    weeks: list[list[date]]
    entries: dict[date, list[Entry]]
    row_heights: list[float]  # inches

    @property
    def height(self) -> float:
        return TITLE_BAND + WEEKDAY_BAND + sum(self.row_heights) + LEGEND_BAND


def month_layout(year: int, month: int, plan: Plan, scenario: Scenario, lang: Lang) -> MonthLayout:
    weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    entries = {day: cell_entries(day, plan, scenario, lang) for week in weeks for day in week
               if day.month == month and plan.period_from <= day <= plan.period_to}
    heights = [DAY_HEADER + max(MIN_ROW_LINES * LINE, *(cell_height(entries.get(day, [])) for day in week)) + PAD
               for week in weeks]
    return MonthLayout(year, month, weeks, entries, heights)


def draw_entry(axes: Axes, x: float, y: float, entry: Entry) -> float:
    """Draw `entry` with its top-left corner at (x columns, y inches); return the y below it."""
    height = len(entry.lines) * LINE
    width = (CELL_WIDTH - 2 * PAD) / CELL_WIDTH
    if entry.style == AWAY:
        axes.add_patch(Rectangle((x, y), width, height, facecolor="white", edgecolor=AWAY_INK, linestyle="--",
                                 linewidth=0.8))
        ink, text_x = AWAY_INK, x + PAD / CELL_WIDTH
    elif entry.style == MORE:
        ink, text_x = AWAY_INK, x + PAD / CELL_WIDTH
    else:
        colour = STYLE_COLOURS.get(entry.style, "#333333")
        axes.add_patch(Rectangle((x, y), width, height, facecolor=tint(colour), edgecolor="none"))
        axes.add_patch(Rectangle((x, y), STRIP / CELL_WIDTH, height, facecolor=colour, edgecolor="none"))
        ink, text_x = INK, x + (STRIP + PAD) / CELL_WIDTH
    for line, text in enumerate(entry.lines):
        axes.text(text_x, y + (line + 0.5) * LINE, text, ha="left", va="center", fontsize=ENTRY_POINTS, color=ink)
    return y + height + ENTRY_GAP


def month_legend(layout: MonthLayout, plan: Plan, calendar: WorkCalendar, lang: Lang) -> list[tuple[str, str]]:
    """(style, label) of what appears in this month: its meeting kinds, commitments, absences,
    holidays, make-up working days and rest days, in that order."""
    styles = {entry.style for entries in layout.entries.values() for entry in entries}
    legend = [(kind, kind_name(kind, lang)) for kind in MEETING_KINDS if kind in styles]
    if COMMITMENT in styles:
        legend.append((COMMITMENT, t("ui.legend.commitment", lang)))
    if AWAY in styles:
        legend.append((AWAY, t("ui.legend.away", lang)))
    shades = {day_shade(day, plan, calendar) for week in layout.weeks for day in week if day.month == layout.month}
    for shade, key in ((HOLIDAY_SHADE, "holiday"), (MAKEUP_SHADE, "makeup"), (REST_SHADE, "rest")):
        if shade in shades:
            legend.append((shade, t(f"ui.legend.{key}", lang)))
    return legend


def draw_legend(axes: Axes, y: float, legend: list[tuple[str, str]]) -> None:
    x = 0.0
    swatch = 0.32 / CELL_WIDTH
    for style, label in legend:
        if style == AWAY:
            patch = {"facecolor": "white", "edgecolor": AWAY_INK, "linestyle": "--", "linewidth": 0.8}
        elif style in STYLE_COLOURS:
            patch = {"facecolor": tint(STYLE_COLOURS[style]), "edgecolor": STYLE_COLOURS[style], "linewidth": 2}
        else:  # a day's shade
            patch = {"facecolor": style, "edgecolor": GRID_COLOUR, "linewidth": 0.8}
        axes.add_patch(Rectangle((x, y - 0.09), swatch, 0.18, **patch))
        axes.text(x + swatch + 0.06 / CELL_WIDTH, y, label, ha="left", va="center", fontsize=ENTRY_POINTS, color=INK)
        x += swatch + (0.06 + display_width(label) * ENTRY_POINTS * 0.5 / 72 + 0.3) / CELL_WIDTH


def draw_month(axes: Axes, layout: MonthLayout, plan: Plan, calendar: WorkCalendar, lang: Lang) -> None:
    """One month in axes whose x runs over the seven day columns and y over inches from the top."""
    axes.set_xlim(-0.005, 7.005)  # a small margin keeps the outer grid lines inside the axes
    axes.set_ylim(layout.height, 0)
    axes.axis("off")
    projected = projected_mark([layout.year] if calendar.basis(layout.year) == "projected" else [], lang)
    axes.text(0, TITLE_BAND / 2, t("ui.title.calendar", lang, scenario=plan.scenario,
                                   month=month_title(layout.year, layout.month, lang)) + projected,
              ha="left", va="center", fontsize=ENTRY_POINTS + 5, color=INK)
    for column, day in enumerate(layout.weeks[0]):
        axes.text(column + 0.5, TITLE_BAND + WEEKDAY_BAND / 2, weekday_name(day, lang), ha="center", va="center",
                  fontsize=ENTRY_POINTS + 1, color=INK)
    top = TITLE_BAND + WEEKDAY_BAND
    for week, height in zip(layout.weeks, layout.row_heights, strict=True):
        for column, day in enumerate(week):
            in_month = day.month == layout.month
            axes.add_patch(Rectangle((column, top), 1, height, facecolor=day_shade(day, plan, calendar) if in_month
                                     else OUTSIDE_SHADE, edgecolor=GRID_COLOUR, linewidth=0.8))
            if not in_month:
                continue
            axes.text(column + PAD / CELL_WIDTH, top + DAY_HEADER / 2, str(day.day), ha="left", va="center",
                      fontsize=ENTRY_POINTS + 2, color=INK)
            flag = day_flag(day, calendar, lang)
            if flag:
                axes.text(column + 1 - PAD / CELL_WIDTH, top + DAY_HEADER / 2, shorten(flag, ENTRY_COLUMNS - 6),
                          ha="right", va="center", fontsize=ENTRY_POINTS - 1,
                          color=HOLIDAY_INK if calendar.holiday_name(day) else MAKEUP_INK)
            y = top + DAY_HEADER
            for entry in layout.entries.get(day, []):
                y = draw_entry(axes, column + PAD / CELL_WIDTH, y, entry)
        top += height
    draw_legend(axes, top + LEGEND_BAND / 2, month_legend(layout, plan, calendar, lang))


def month_picture(plan: Plan, scenario: Scenario, lang: Lang = "zh") -> bytes:
    """PNG bytes of every month the plan touches, one grid under the other, each with its legend."""
    calendar = plan_calendar(plan, scenario)
    layouts = [month_layout(year, month, plan, scenario, lang) for year, month in months(plan)]
    width = 7 * CELL_WIDTH + 2 * MARGIN
    height = sum(layout.height for layout in layouts) + MONTH_GAP * (len(layouts) - 1) + 2 * MARGIN
    with matplotlib.rc_context():
        use_cjk_font()  # inside rc_context: the font settings end with this picture
        figure = Figure(figsize=(width, height))
        FigureCanvasAgg(figure)
        top = MARGIN
        for layout in layouts:
            axes = figure.add_axes((MARGIN / width, 1 - (top + layout.height) / height,
                                    7 * CELL_WIDTH / width, layout.height / height))
            draw_month(axes, layout, plan, calendar, lang)
            top += layout.height + MONTH_GAP
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None}, facecolor="white")
    return buffer.getvalue()
