"""The month picture of a plan: one grid per month (rows = weeks, Monday..Sunday), stacked.

Each day shows its meetings (time and short title) coloured by kind, who is away, holidays by name
on a shaded cell and make-up working days (调休上班) flagged. Chinese renders with the Noto Sans CJK
font shipped by mplfonts (simulation.fonts), so a fresh machine needs no system font. The PNG
carries no timestamp or software version, so the same plan gives the same bytes.
"""

from __future__ import annotations

import calendar as month_calendar
import io
from datetime import date
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from govcal.exports.view import (
    absence_text,
    absence_time,
    absences_in_period,
    day_flag,
    display_width,
    kind_name,
    meetings_in_order,
    month_title,
    months,
    plan_calendar,
    weekday_name,
)
from scheduler.calendar import WorkCalendar
from scheduler.domain import MEETING_KINDS, Absence, Scenario, fmt_minutes
from scheduler.i18n import Lang, t
from scheduler.plan import Plan, PlannedMeeting
from simulation.fonts import use_cjk_font

# One colour per meeting kind (colour-blind-safe Okabe-Ito palette), in MEETING_KINDS order.
KIND_COLOURS = dict(zip(MEETING_KINDS, ("#0072B2", "#CC79A7", "#009E73", "#E69F00", "#56B4E9", "#D55E00"),
                        strict=True))
HOLIDAY_SHADE = "#F6D5D5"
REST_SHADE = "#EEEEEE"
MAKEUP_SHADE = "#FFF3C4"
OUTSIDE_SHADE = "#FAFAFA"
AWAY_COLOUR = "#555555"
DPI = 110
CELL_INCHES = (2.3, 1.45)
LINES_PER_CELL = 5
LINE_STEP = 0.14
ENTRY_COLUMNS = 36  # display columns of one entry line before it is cut with an ellipsis


def shorten(text: str, columns: int = ENTRY_COLUMNS) -> str:
    if display_width(text) <= columns:
        return text
    while display_width(text) > columns - 1:
        text = text[:-1]
    return text + "…"


def cell_entries(day: date, meetings: list[PlannedMeeting], absences: list[Absence], scenario: Scenario,
                 lang: Lang) -> list[tuple[str, str | None]]:
    """Lines of one day's cell as (text, meeting kind or None for an absence), meetings first."""
    entries: list[tuple[str, str | None]] = [
        (shorten(f"{fmt_minutes(m.start)} {m.title}"), m.kind) for m in meetings if m.date == day
    ]
    for absence in absences:
        if absence.start <= day <= absence.end:
            text = absence_text(absence, scenario, lang, with_note=False)
            if absence.half:
                text = f"{text} {absence_time(absence, lang)}"
            entries.append((shorten(text), None))
    if len(entries) > LINES_PER_CELL:
        hidden = len(entries) - (LINES_PER_CELL - 1)
        entries = [*entries[: LINES_PER_CELL - 1], (t("ui.more", lang, count=hidden), None)]
    return entries


def entry_style(kind: str | None) -> dict[str, Any]:
    """A meeting: white text on its kind's colour; an absence (kind None): grey text in a dashed box."""
    if kind is None:
        return {"color": AWAY_COLOUR, "bbox": {"boxstyle": "round,pad=0.15", "facecolor": "white",
                                               "edgecolor": AWAY_COLOUR, "linestyle": "--", "linewidth": 0.6}}
    return {"color": "white", "bbox": {"boxstyle": "round,pad=0.15", "edgecolor": "none",
                                       "facecolor": KIND_COLOURS.get(kind, "#333333")}}


def day_shade(day: date, plan: Plan, calendar: WorkCalendar) -> str:
    if not plan.period_from <= day <= plan.period_to:
        return OUTSIDE_SHADE
    if calendar.holiday_name(day):
        return HOLIDAY_SHADE
    if calendar.is_makeup_day(day):
        return MAKEUP_SHADE
    return "white" if calendar.is_working_day(day) else REST_SHADE


def draw_month(axes: Axes, year: int, month: int, plan: Plan, scenario: Scenario, calendar: WorkCalendar,
               lang: Lang) -> None:
    weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    meetings = meetings_in_order(plan)
    absences = absences_in_period(plan, scenario)
    # A small margin keeps the outer grid lines inside the axes, where they are not clipped.
    axes.set_xlim(-0.01, 7.01)
    axes.set_ylim(len(weeks) + 0.01, -0.35)
    axes.axis("off")
    axes.set_title(t("ui.title.calendar", lang, scenario=plan.scenario, month=month_title(year, month, lang)),
                   fontsize=13, loc="left")
    for column, day in enumerate(weeks[0]):
        axes.text(column + 0.5, -0.17, weekday_name(day, lang), ha="center", va="center", fontsize=9)
    for row, week in enumerate(weeks):
        for column, day in enumerate(week):
            in_month = day.month == month
            axes.add_patch(Rectangle((column, row), 1, 1, facecolor=day_shade(day, plan, calendar) if in_month
                                     else OUTSIDE_SHADE, edgecolor="#999999", linewidth=0.6))
            if not in_month:
                continue
            axes.text(column + 0.04, row + 0.05, str(day.day), ha="left", va="top", fontsize=10)
            flag = day_flag(day, calendar, lang)
            if flag:
                axes.text(column + 0.96, row + 0.05, shorten(flag, 22), ha="right", va="top", fontsize=7.5,
                          color="#B22222" if calendar.holiday_name(day) else "#9A6700")
            if not plan.period_from <= day <= plan.period_to:
                continue
            for line, (text, kind) in enumerate(cell_entries(day, meetings, absences, scenario, lang)):
                axes.text(column + 0.04, row + 0.3 + line * LINE_STEP, text, ha="left", va="center", fontsize=7.5,
                          **entry_style(kind))


def legend_handles(plan: Plan, lang: Lang) -> list[Patch]:
    kinds = [kind for kind in MEETING_KINDS if any(m.kind == kind for m in plan.meetings)]
    handles = [Patch(facecolor=KIND_COLOURS[kind], label=kind_name(kind, lang)) for kind in kinds]
    handles += [
        Patch(facecolor=HOLIDAY_SHADE, edgecolor="#999999", label=t("ui.legend.holiday", lang)),
        Patch(facecolor=MAKEUP_SHADE, edgecolor="#999999", label=t("ui.legend.makeup", lang)),
        Patch(facecolor="white", edgecolor=AWAY_COLOUR, linestyle="--", label=t("ui.legend.away", lang)),
    ]
    return handles


def month_picture(plan: Plan, scenario: Scenario, lang: Lang = "zh") -> bytes:
    """PNG bytes of every month the plan touches, one grid under the other, with a legend."""
    calendar = plan_calendar(plan, scenario)
    spans = months(plan)
    week_counts = [len(month_calendar.Calendar().monthdatescalendar(year, month)) for year, month in spans]
    with matplotlib.rc_context():
        use_cjk_font()  # inside rc_context: the font settings end with this picture
        figure = Figure(figsize=(7 * CELL_INCHES[0], sum(n + 0.9 for n in week_counts) * CELL_INCHES[1] + 0.6))
        FigureCanvasAgg(figure)
        grid = figure.subplots(len(spans), 1, squeeze=False,
                               gridspec_kw={"height_ratios": [n + 0.35 for n in week_counts]})
        for axes, (year, month) in zip(grid[:, 0], spans, strict=True):
            draw_month(axes, year, month, plan, scenario, calendar, lang)
        figure.legend(handles=legend_handles(plan, lang), loc="lower center", ncol=8, frameon=False, fontsize=9)
        figure.subplots_adjust(left=0.01, right=0.99, top=0.97, bottom=0.6 / figure.get_figheight() + 0.02,
                               hspace=0.25)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
