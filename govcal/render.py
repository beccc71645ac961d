"""The terminal view of a plan: aligned tables of meetings, their items, deferred items and rejected requests.

Columns are padded by display width (CJK characters take two columns) and long cells wrap inside
their column, so Chinese and English tables line up in any monospaced terminal. Columns are
separated by spaces and the header is underlined with ASCII dashes: box-drawing characters are
"ambiguous width" and take two columns in many Chinese terminals, which would break the alignment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govcal.exports.view import (
    display_width,
    format_date,
    item_rows,
    item_title,
    kind_name,
    meetings_in_order,
    party_name,
    party_names,
    request_title,
    room_name,
    time_span,
    weekday_name,
)
from scheduler.domain import Scenario
from scheduler.i18n import Lang, t
from scheduler.plan import Plan, SolverInfo
from scheduler.rules import cite_articles

COLUMN_GAP = "  "
# Widest a column of free text may grow before it wraps (terminal columns).
TEXT_COLUMN_WIDTH = 36
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
# Wrapping breaks after spaces and list separators, so names in a list stay whole; a run longer
# than the column (a long Chinese title) is cut at the column's width.
_TOKEN = re.compile(r"[^\s、，,]+[\s、，,]*|[\s、，,]+")


def wrap_to_width(text: str, width: int) -> list[str]:
    """`text` broken into lines of at most `width` display columns (at least one line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKEN.findall(paragraph):
            if display_width((line + token).rstrip()) <= width:
                line += token
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = token.lstrip()
            while display_width(line.rstrip()) > width:  # a single word wider than the column
                cut = 1
                while display_width(line[: cut + 1]) <= width:
                    cut += 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, color: bool = False,
                 wrap_columns: Sequence[int] = ()) -> list[str]:
    """Lines of a left-aligned table; columns listed in `wrap_columns` wrap at TEXT_COLUMN_WIDTH."""
    limits = [TEXT_COLUMN_WIDTH if index in wrap_columns else None for index in range(len(headers))]
    wrapped_rows = [
        [wrap_to_width(cell, limit) if limit else cell.split("\n") for cell, limit in zip(row, limits, strict=True)]
        for row in rows
    ]
    widths = [display_width(header) for header in headers]
    for row in wrapped_rows:
        for index, cell_lines in enumerate(row):
            widths[index] = max(widths[index], *(display_width(line) for line in cell_lines))

    def join(cells: Sequence[str]) -> str:
        return COLUMN_GAP.join(pad(cell, width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    header = join(headers)
    lines = [f"{_BOLD}{header}{_RESET}" if color else header, join(["-" * width for width in widths])]
    for row in wrapped_rows:
        height = max(len(cell_lines) for cell_lines in row)
        for offset in range(height):
            lines.append(join([cell_lines[offset] if offset < len(cell_lines) else "" for cell_lines in row]))
    return lines


def format_number(value: float | None, lang: Lang) -> str:
    """Whole numbers without decimals, others with two; a missing figure as a dash."""
    if value is None:
        return t("ui.not_available", lang)
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def solver_line(solver: SolverInfo, lang: Lang) -> str:
    gap = t("ui.not_available", lang) if solver.gap is None else f"{solver.gap:.2%}"
    return t("ui.solver", lang, status=solver.status, objective=format_number(solver.objective, lang),
             bound=format_number(solver.bound, lang), gap=gap, seconds=f"{solver.seconds:.2f}")


def render_plan(plan: Plan, scenario: Scenario, lang: Lang = "zh", *, color: bool = False) -> str:
    """The plan as text for a terminal: title, solver line, meetings, each meeting's items in running
    order, deferred items and rejected requests with their reasons and articles."""

    def heading(text: str) -> str:
        return f"{_BOLD}{text}{_RESET}" if color else text

    def section(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                wrap_columns: Sequence[int] = ()) -> list[str]:
        body = format_table(headers, rows, color=color, wrap_columns=wrap_columns) if rows else [t("ui.none", lang)]
        return ["", heading(title), *body]

    lines = [
        heading(t("ui.title.plan", lang, scenario=plan.scenario, first=plan.period_from.isoformat(),
                  last=plan.period_to.isoformat())),
        solver_line(plan.solver, lang),
    ]
    meetings = meetings_in_order(plan)
    lines += section(
        t("ui.section.meetings", lang),
        [t(f"ui.col.{key}", lang) for key in ("date", "weekday", "time", "meeting", "kind", "room", "presider",
                                               "attendees")],
        [[format_date(m.date, lang), weekday_name(m.date, lang), time_span(m.start, m.end), m.title,
          kind_name(m.kind, lang), room_name(m.room, scenario), party_name(scenario, m.presider),
          party_names(m.attendees, scenario, lang)] for m in meetings],
        wrap_columns=(3, 7),
    )
    for meeting in meetings:
        if not meeting.items:
            continue
        title = t("ui.title.items_of", lang, title=meeting.title, date=format_date(meeting.date, lang),
                  time=time_span(meeting.start, meeting.end))
        lines += section(
            t("ui.section.items_of", lang, meeting=title),
            [t(f"ui.col.{key}", lang) for key in ("number", "id", "item", "reporting_unit", "supervisor",
                                                   "attending_units", "minutes")],
            [[str(row.number), row.id, row.title, row.unit, row.supervisor, row.attending_units,
              "" if row.minutes is None else str(row.minutes)] for row in item_rows(meeting, scenario, lang)],
            wrap_columns=(2, 5),
        )
    lines += section(
        t("ui.section.deferred", lang),
        [t(f"ui.col.{key}", lang) for key in ("id", "item", "reason", "basis")],
        [[d.item, item_title(scenario, d.item), d.reason.render(lang), cite_articles(d.rules, lang)]
         for d in plan.deferred],
        wrap_columns=(1, 2),
    )
    lines += section(
        t("ui.section.rejected", lang),
        [t(f"ui.col.{key}", lang) for key in ("id", "request", "reason", "basis")],
        [[r.request, request_title(scenario, r.request), r.reason.render(lang), cite_articles(r.rules, lang)]
         for r in plan.rejected],
        wrap_columns=(1, 2),
    )
    return "\n".join(lines) + "\n"
