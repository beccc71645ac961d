"""The plan as the workbook a county general office exchanges: it opens in Excel or WPS and prints as is.

Sheets: 领导活动安排表 (the weekly leader schedule, one block per week, absences, fixed commitments
and holidays shown too), 议题清单 (each meeting's items in running order), 暂缓议题 and 未安排会议
(what was left out, why, and the article), then one sheet per leader with that leader's month.
Every sheet has a title row and a frozen header row that repeats on each printed page, columns
sized to their content (CJK characters count double), wrapped text, A4 landscape fitted to the
page width, and the scenario name and page numbers in the header and footer.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.constants import ARC_CORE
from openpyxl.xml.functions import tostring

from govcal.exports.package import repack
from govcal.view import (
    absence_text,
    absence_time,
    absences_in_period,
    attendee_names,
    commitment_attendees,
    commitment_people,
    commitments_in_period,
    day_flag,
    day_kind,
    display_width,
    format_date,
    format_date_span,
    hosting_units,
    item_of,
    item_rows,
    join_names,
    kind_name,
    leader_role,
    meetings_in_order,
    month_title,
    party_name,
    party_names,
    plan_calendar,
    projected_mark,
    projected_years_of,
    request_title,
    room_name,
    takes_part,
    time_span,
    weekday_name,
    weeks,
)
from scheduler.calendar import WorkCalendar
from scheduler.domain import Scenario
from scheduler.i18n import Lang, t
from scheduler.plan import Plan
from scheduler.rules import cite_articles

if TYPE_CHECKING:
    from govcal.ledger.records import FollowUp

Cell = str | int | None
Row = list[Cell]

MAX_SHEET_NAME = 31
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
MIN_COLUMN_WIDTH = 6
MAX_COLUMN_WIDTH = 48  # wider cells wrap
# What fits across A4 landscape at 100% between 0.5-inch margins: 297 - 2 x 12.7 mm = 271.6 mm, and a column
# `w` characters wide takes about 1.85 w + 1.3 mm (7 w + 5 pixels at 96 dpi).
PRINT_WIDTH_CHARACTERS = 138
PAGE_MARGIN_INCHES = 0.5
TITLE_ROW, HEADER_ROW = 1, 2
LINE_HEIGHT = 15  # points per line of 11-point text
TITLE_STYLE, HEADER_STYLE, BLOCK_STYLE, DATA_STYLE = "govcal title", "govcal header", "govcal block", "govcal data"
CHANGED_STYLE = "govcal changed"  # rows of meetings a re-plan changed



def named_styles() -> list[NamedStyle]:
    """The workbook's cell styles. Named styles are set with one assignment per cell, which is many
    times faster in openpyxl than setting font, fill, border and alignment one by one."""
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    return [
        NamedStyle(TITLE_STYLE, font=Font(bold=True, size=14)),
        NamedStyle(HEADER_STYLE, font=Font(bold=True), fill=PatternFill("solid", fgColor="D9E1F2"), border=border,
                   alignment=Alignment(wrap_text=True, horizontal="center", vertical="center")),
        NamedStyle(BLOCK_STYLE, font=Font(bold=True), fill=PatternFill("solid", fgColor="F2F2F2"),
                   alignment=Alignment(wrap_text=True, vertical="top")),
        NamedStyle(DATA_STYLE, border=border, alignment=Alignment(wrap_text=True, vertical="top")),
        NamedStyle(CHANGED_STYLE, font=Font(bold=True), fill=PatternFill("solid", fgColor="FFF2CC"), border=border,
                   alignment=Alignment(wrap_text=True, vertical="top")),
    ]


@dataclass
class Block:
    """A labelled group of rows: one week, one meeting, one month."""

    label: str | None
    rows: list[Row] = field(default_factory=list)
    changed: set[int] = field(default_factory=set)  # indices of rows a re-plan changed (highlighted)


@dataclass
class SheetSpec:
    name: str
    title: str
    headers: list[str]
    blocks: list[Block]
    page_per_block: bool = False  # a printed page per block (the weekly schedule prints week by week)


# ----- sheet contents ----------------------------------------------------------------------


def headers(lang: Lang, *keys: str) -> list[str]:
    return [t(f"ui.col.{key}", lang) for key in keys]


def weekday_span(first: date, last: date, lang: Lang) -> str:
    if first == last:
        return weekday_name(first, lang)
    return t("ui.date_span", lang, first=weekday_name(first, lang), last=weekday_name(last, lang))


def calendar_fact_runs(first: date, last: date, calendar: WorkCalendar, lang: Lang) -> list[tuple[date, date, str]]:
    """Holidays and make-up working days in [first, last], consecutive days with one label merged."""
    runs: list[tuple[date, date, str]] = []
    for day in calendar.days(first, last):
        label = day_flag(day, calendar, lang)
        if label is None:
            continue
        if runs and runs[-1][2] == label and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day, label)
        else:
            runs.append((day, day, label))
    return runs


def schedule_sheet(plan: Plan, scenario: Scenario, calendar: WorkCalendar, lang: Lang) -> SheetSpec:
    """领导活动安排表: per week, every meeting, fixed commitment (with who attends it, Art. 49), absence and
    holiday, by date and time. Meetings a re-plan changed are marked and highlighted."""
    changed = changed_marks(plan, lang)
    blocks = []
    meetings = meetings_in_order(plan)
    absences = absences_in_period(plan, scenario)
    commitments = commitments_in_period(plan, scenario)
    for week in weeks(plan):
        entries: list[tuple[tuple[date, int, int], Row]] = []
        for first, last, label in calendar_fact_runs(week.first, week.last, calendar, lang):
            entries.append(((first, -1, 0), [format_date_span(first, last, lang), weekday_span(first, last, lang),
                                             t("ui.all_day", lang), label, "", "", "", ""]))
        changed_rows: list[Row] = []
        for meeting in (m for m in meetings if week.first <= m.date <= week.last):
            entries.append(((meeting.date, meeting.start, 2), [
                format_date(meeting.date, lang), weekday_name(meeting.date, lang),
                time_span(meeting.start, meeting.end), meeting.title + changed.get(meeting.id, ""),
                room_name(meeting.room, scenario),
                party_name(scenario, meeting.presider), attendee_names(meeting, meeting.attendees, scenario, lang),
                party_names(hosting_units(meeting, scenario), scenario, lang),
            ]))
            if meeting.id in changed:
                changed_rows.append(entries[-1][1])
        for commitment in (c for c in commitments if week.first <= c.date <= week.last):
            entries.append(((commitment.date, commitment.start, 2), [
                format_date(commitment.date, lang), weekday_name(commitment.date, lang),
                time_span(commitment.start, commitment.end), commitment.title, commitment.location, "",
                commitment_people(plan, commitment, scenario, lang), "",
            ]))
        for absence in (a for a in absences if a.start <= week.last and a.end >= week.first):
            first, last = max(absence.start, week.first), min(absence.end, week.last)
            entries.append(((first, -1, 1), [
                format_date_span(first, last, lang), weekday_span(first, last, lang), absence_time(absence, lang),
                absence_text(absence, scenario, lang), "", "", party_name(scenario, absence.who), "",
            ]))
        entries.sort(key=lambda entry: entry[0])
        label = t("ui.week", lang, number=week.number, first=format_date(week.first, lang),
                  last=format_date(week.last, lang)) + projected_mark(
            (year for year in {week.first.year, week.last.year} if calendar.basis(year) == "projected"), lang)
        rows = [row for _, row in entries]
        marked = {index for index, row in enumerate(rows) if any(row is other for other in changed_rows)}
        blocks.append(Block(label, rows or [[t("ui.none", lang)] + [""] * 7], marked))
    return SheetSpec(
        t("ui.sheet.schedule", lang), sheet_title(plan, t("ui.sheet.schedule", lang), lang),
        headers(lang, "date", "weekday", "time", "meeting", "room", "presider", "attendees", "host"),
        blocks, page_per_block=True,
    )


def items_sheet(plan: Plan, scenario: Scenario, lang: Lang) -> SheetSpec:
    """议题清单: for each meeting with items, its items in running order."""
    blocks = [
        Block(
            t("ui.title.items_of", lang, title=meeting.title, date=format_date(meeting.date, lang),
              time=time_span(meeting.start, meeting.end)),
            [[row.number, row.title, row.unit, row.supervisor, row.attending_units, row.minutes]
             for row in item_rows(meeting, scenario, lang)],
        )
        for meeting in meetings_in_order(plan) if meeting.items
    ]
    return SheetSpec(
        t("ui.sheet.items", lang), sheet_title(plan, t("ui.sheet.items", lang), lang),
        headers(lang, "number", "item", "reporting_unit", "supervisor", "attending_units", "minutes"), blocks,
    )


def deferred_sheet(plan: Plan, scenario: Scenario, lang: Lang) -> SheetSpec:
    """暂缓议题: each deferred item, why, and the article."""
    rows: list[Row] = []
    for deferral in plan.deferred:
        item = item_of(scenario, deferral.item)
        title, unit, supervisor = (item.title, party_name(scenario, item.unit), party_name(scenario, item.supervisor)
                                   ) if item else (deferral.item, "", "")
        rows.append([deferral.item, title, unit, supervisor, deferral.reason.render(lang),
                     cite_articles(deferral.rules, lang)])
    return SheetSpec(
        t("ui.sheet.deferred", lang), sheet_title(plan, t("ui.sheet.deferred", lang), lang),
        headers(lang, "id", "item", "reporting_unit", "supervisor", "reason", "basis"), [Block(None, rows)],
    )


def rejected_sheet(plan: Plan, scenario: Scenario, lang: Lang) -> SheetSpec:
    """未安排会议: each meeting request left unplaced, why, and the article."""
    rows: list[Row] = []
    for rejection in plan.rejected:
        request = next((r for r in scenario.meeting_requests if r.id == rejection.request), None)
        rows.append([
            rejection.request, request_title(scenario, rejection.request),
            kind_name(request.kind, lang) if request else "", party_name(scenario, request.convener) if request else "",
            rejection.reason.render(lang), cite_articles(rejection.rules, lang),
        ])
    return SheetSpec(
        t("ui.sheet.rejected", lang), sheet_title(plan, t("ui.sheet.rejected", lang), lang),
        headers(lang, "id", "request", "kind", "presider", "reason", "basis"), [Block(None, rows)],
    )


def leader_sheets(plan: Plan, scenario: Scenario, calendar: WorkCalendar, lang: Lang,
                  used_names: set[str]) -> list[SheetSpec]:
    """One sheet per leader: every day of the period with that leader's meetings, commitments and absences."""
    meetings = meetings_in_order(plan)
    absences = absences_in_period(plan, scenario)
    commitments = commitments_in_period(plan, scenario)
    sheets = []
    for leader in scenario.leaders:
        label = party_name(scenario, leader.id)
        blocks: list[Block] = []
        for day in calendar.days(plan.period_from, plan.period_to):
            if not blocks or day.day == 1:
                blocks.append(Block(month_title(day.year, day.month, lang)))
            # (start minute, row); an absence sorts first, as the schedule sheet lists it.
            entries: list[tuple[int, Row]] = [
                (m.start, [time_span(m.start, m.end), m.title, room_name(m.room, scenario),
                           t("ui.role.presider" if m.presider == leader.id else "ui.role.attendee", lang)])
                for m in meetings if m.date == day and takes_part(m, leader.id)
            ]
            entries += [(c.start, [time_span(c.start, c.end), c.title, c.location,
                                   leader_role(plan, c, leader.id, lang)])
                        for c in commitments if c.date == day and leader.id in commitment_attendees(plan, c)]
            entries += [(-1, [absence_time(a, lang), absence_text(a, scenario, lang), "", t("ui.role.away", lang)])
                        for a in absences if a.who == leader.id and a.start <= day <= a.end]
            entries.sort(key=lambda entry: entry[0])
            facts: Row = [format_date(day, lang), weekday_name(day, lang), day_kind(day, calendar, lang)]
            blocks[-1].rows += [facts + row for _, row in entries] or [[*facts, "", "", "", ""]]
        sheets.append(SheetSpec(
            unique_sheet_name(label, used_names), sheet_title(plan, t("ui.sheet.leader", lang, leader=label), lang),
            headers(lang, "date", "weekday", "day", "time", "meeting", "room", "role"), blocks,
        ))
    return sheets


def changed_marks(plan: Plan, lang: Lang) -> dict[str, str]:
    """Meeting id -> the mark its title gets in the schedule (【已变更：改期、议题变化】), from `plan.changes`."""
    kinds: dict[str, list[str]] = {}
    for change in plan.changes:
        kinds.setdefault(change.meeting, []).append(t(f"ledger.change.{change.what}", lang))
    return {meeting: t("ui.changed", lang, what=join_names(dict.fromkeys(words), lang))
            for meeting, words in kinds.items()}


def changes_sheet(plan: Plan, scenario: Scenario, lang: Lang) -> SheetSpec:
    """变更清单: every change of a re-plan against the published revision, and whom to tell."""
    from govcal.ledger.present import change_headers, change_rows

    titles = {m.id: m.title for m in plan.meetings}
    rows: list[Row] = list(change_rows(plan.changes, scenario, titles, lang))
    return SheetSpec(t("ui.sheet.changes", lang), sheet_title(plan, t("ui.sheet.changes", lang), lang),
                     change_headers(lang), [Block(None, rows)])


def followups_sheet(plan: Plan, scenario: Scenario, followups: Sequence[FollowUp], lang: Lang) -> SheetSpec:
    """督办清单: the ledger's open follow-ups, with their state against the plan's period."""
    from govcal.ledger.present import followup_cells, followup_headers, period_state

    def unit_name(unit: str) -> str:
        return party_name(scenario, unit)

    def title_of(item: str) -> str:
        found = item_of(scenario, item)
        return found.title if found else item

    rows: list[Row] = []
    for followup in followups:
        state = period_state(followup, plan.period_from, plan.period_to)
        rows.append([*followup_cells(followup, title_of, unit_name, lang), t(f"ui.followup.{state}", lang)])
    headers_row = [*followup_headers(lang), t("ledger.col.state", lang)]
    return SheetSpec(t("ui.sheet.followups", lang), sheet_title(plan, t("ui.sheet.followups", lang), lang),
                     headers_row, [Block(None, rows)])


def sheet_title(plan: Plan, subject: str, lang: Lang) -> str:
    """The title row: scenario, what the sheet shows, and the plan's period (with its year)."""
    period = t("ui.date_span", lang, first=plan.period_from.isoformat(), last=plan.period_to.isoformat())
    return t("ui.sheet.title", lang, scenario=plan.scenario, subject=subject, period=period) + projected_mark(
        projected_years_of(plan), lang)


def unique_sheet_name(wanted: str, used: set[str]) -> str:
    """A legal sheet name (at most 31 characters, none of []:*?/\\), unique within the workbook."""
    base = FORBIDDEN_IN_SHEET_NAME.sub("_", wanted).strip("'")[:MAX_SHEET_NAME] or "_"
    name, number = base, 1
    while name.casefold() in used:  # Excel compares sheet names without case
        number += 1
        suffix = f"~{number}"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
    used.add(name.casefold())
    return name


# ----- layout --------------------------------------------------------------------------------


def cell_width(value: Cell) -> int:
    """Display width of the widest line of a cell (CJK characters count two)."""
    return max((display_width(line) for line in str(value).split("\n")), default=0) if value is not None else 0


def wrapped_lines(value: Cell, width: int) -> int:
    """Lines a cell's text takes in a column `width` characters wide."""
    if value is None:
        return 1
    return sum(max(1, -(-display_width(line) // max(width, 1))) for line in str(value).split("\n"))


def fit_to_page(widths: list[int], budget: int = PRINT_WIDTH_CHARACTERS) -> list[int]:
    """Column widths that add up to at most `budget` characters, so a sheet prints across A4 landscape at
    full size: each column gives up the same share of what it has beyond `MIN_COLUMN_WIDTH` (their text
    wraps), so the long lists (attendees, hosting units) keep the most room."""
    total = sum(widths)
    if total <= budget:
        return widths
    spare = total - MIN_COLUMN_WIDTH * len(widths)
    keep = max(0.0, (budget - MIN_COLUMN_WIDTH * len(widths)) / spare) if spare else 0.0
    return [MIN_COLUMN_WIDTH + int((width - MIN_COLUMN_WIDTH) * keep) for width in widths]


def write_sheet(sheet: Worksheet, spec: SheetSpec, scenario_name: str, lang: Lang) -> None:
    """Fill one worksheet and set it up to print as is."""
    columns = len(spec.headers)
    sheet.title = spec.name
    sheet.cell(TITLE_ROW, 1, spec.title).style = TITLE_STYLE
    sheet.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=columns)
    sheet.row_dimensions[TITLE_ROW].height = 24
    for column, header in enumerate(spec.headers, start=1):
        cell = sheet.cell(HEADER_ROW, column, header)
        cell.style = HEADER_STYLE
    widths = [cell_width(header) for header in spec.headers]
    data_rows: list[tuple[int, Row]] = []
    row_number = HEADER_ROW
    for index, block in enumerate(spec.blocks):
        if block.label is not None:
            row_number += 1
            if spec.page_per_block and index > 0:
                sheet.row_breaks.append(Break(id=row_number - 1))
            cell = sheet.cell(row_number, 1, block.label)
            cell.style = BLOCK_STYLE
            sheet.merge_cells(start_row=row_number, start_column=1, end_row=row_number, end_column=columns)
        for position, values in enumerate(block.rows):
            row_number += 1
            data_rows.append((row_number, values))
            style = CHANGED_STYLE if position in block.changed else DATA_STYLE
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row_number, column, value)
                cell.style = style
                widths[column - 1] = max(widths[column - 1], cell_width(value))
    widths = fit_to_page([min(max(width + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH) for width in widths])
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(HEADER_ROW, column).column_letter].width = width
    # Not every spreadsheet program grows a row for wrapped text on opening, so rows whose text
    # wraps get their height here: one line height per wrapped line.
    for row_number, values in data_rows:
        lines = max(wrapped_lines(value, width - 2) for value, width in zip(values, widths, strict=False))
        if lines > 1:
            sheet.row_dimensions[row_number].height = LINE_HEIGHT * lines
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    sheet.print_title_rows = f"{TITLE_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages tall as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = PAGE_MARGIN_INCHES
    sheet.oddHeader.center.text = scenario_name
    sheet.oddFooter.center.text = t("ui.print.footer", lang)


def workbook_spec(plan: Plan, scenario: Scenario, lang: Lang,
                  followups: Sequence[FollowUp] | None = None) -> list[SheetSpec]:
    calendar = plan_calendar(plan, scenario)
    specs = [schedule_sheet(plan, scenario, calendar, lang), items_sheet(plan, scenario, lang),
             deferred_sheet(plan, scenario, lang), rejected_sheet(plan, scenario, lang)]
    if plan.changes:
        specs.append(changes_sheet(plan, scenario, lang))
    if followups is not None:
        specs.append(followups_sheet(plan, scenario, followups, lang))
    used = {spec.name.casefold() for spec in specs}
    return specs + leader_sheets(plan, scenario, calendar, lang, used)


def plan_workbook(plan: Plan, scenario: Scenario, lang: Lang = "zh",
                  followups: Sequence[FollowUp] | None = None) -> bytes:
    """The .xlsx bytes; identical for the same plan (document times come from the plan's period).
    `followups`: the ledger's open follow-ups, for a 督办清单 sheet (None: no ledger, no sheet)."""
    workbook = Workbook()
    stamp = datetime.combine(plan.period_from, time(0, 0))
    workbook.properties.created = stamp
    workbook.properties.creator = workbook.properties.lastModifiedBy = "govcal"
    workbook.properties.title = plan.scenario
    for style in named_styles():
        workbook.add_named_style(style)
    for index, spec in enumerate(workbook_spec(plan, scenario, lang, followups)):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        write_sheet(sheet, spec, plan.scenario, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    workbook.properties.modified = stamp  # save() has just set it to the current time
    return repack(buffer.getvalue(), stamp, {ARC_CORE: tostring(workbook.properties.to_tree())})
