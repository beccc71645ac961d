"""The terminal view of a plan: meetings, their items, fixed commitments, deferred items and rejected requests.

The view follows the terminal's width (`shutil.get_terminal_size`, which honours COLUMNS): aligned
tables when they fit, their free-text columns narrowed as far as `MIN_WRAP_WIDTH` if need be, and
otherwise a stacked layout with one block per meeting (its items inside), per commitment, per
deferred item and per rejected request, every line within the width.

Columns are padded by display width (CJK characters take two columns) and long cells wrap inside
their column, so Chinese and English tables line up in any monospaced terminal. Columns are
separated by spaces and the header is underlined with ASCII dashes: box-drawing characters are
"ambiguous width" and take two columns in many Chinese terminals, which would break the alignment.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass

from govcal.view import (
    attendee_names,
    commitment_people,
    commitments_in_period,
    display_width,
    format_date,
    item_rows,
    item_title,
    kind_name,
    meetings_in_order,
    party_name,
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
# Widest a column of free text may grow before it wraps (terminal columns), and the narrowest it is
# squeezed to before the view switches to the stacked layout.
TEXT_COLUMN_WIDTH = 36
MIN_WRAP_WIDTH = 12
# Narrower terminals are treated as this wide (a line may then run over rather than break every word).
MIN_WIDTH = 40
INDENT = "  "
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
# Wrapping breaks after spaces and list separators, so names in a list stay whole; a run longer
# than the column (a long Chinese title) is cut at the column's width.
_TOKEN = re.compile(r"[^\s、，,]+[\s、，,]*|[\s、，,]+")


def wrap_to_width(text: str, width: int, tokens: re.Pattern[str] = _TOKEN) -> list[str]:
    """`text` broken into lines of at most `width` display columns (at least one line), between
    `tokens` (by default after spaces and list separators)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in tokens.findall(paragraph):
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
                 wrap_columns: Sequence[int] = (), wrap_width: int = TEXT_COLUMN_WIDTH) -> list[str]:
    """Lines of a left-aligned table; columns listed in `wrap_columns` wrap at `wrap_width`."""
    limits = [wrap_width if index in wrap_columns else None for index in range(len(headers))]
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


def terminal_width() -> int:
    """Columns of the terminal standard output goes to (COLUMNS when set; 80 when not a terminal)."""
    return shutil.get_terminal_size().columns


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Block:
    """One entry of the stacked layout: a heading line, its fields, and nested blocks (a meeting's items)."""

    heading: str
    fields: tuple[Field, ...] = ()
    label: str = ""  # introduces the nested blocks (议题（按上会顺序）)
    children: tuple[Block, ...] = ()
    marker: str = ""  # hangs in front of the heading: an item's number (``1. ``)


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the view, as a table (wide layout) and as blocks (stacked layout)."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    wrap_columns: tuple[int, ...]
    blocks: tuple[Block, ...]
    optional: bool = False  # left out when empty, instead of saying 无
    stacked: bool = True  # shown in the stacked layout (a meeting's items are shown inside its block)


def headers(lang: Lang, *keys: str) -> tuple[str, ...]:
    return tuple(t(f"ui.col.{key}", lang) for key in keys)


def field(label_key: str, value: str, lang: Lang) -> Field:
    return Field(t(f"ui.col.{label_key}", lang), value)


def plan_sections(plan: Plan, scenario: Scenario, lang: Lang) -> list[Section]:
    """What the view shows, once: the rows of the wide tables and the blocks of the stacked layout."""
    meetings = meetings_in_order(plan)
    item_sections: list[Section] = []
    meeting_blocks: list[Block] = []
    for meeting in meetings:
        rows = item_rows(meeting, scenario, lang)
        minutes = ["" if row.minutes is None else str(row.minutes) for row in rows]
        item_blocks = tuple(
            Block(f"{row.id} {row.title}", tuple(
                f for f in (field("reporting_unit", row.unit, lang), field("supervisor", row.supervisor, lang),
                            field("attending_units", row.attending_units, lang), field("minutes", text, lang))
                if f.value), marker=f"{row.number}. ")
            for row, text in zip(rows, minutes, strict=True))
        meeting_blocks.append(Block(
            f"{format_date(meeting.date, lang)} {weekday_name(meeting.date, lang)} "
            f"{time_span(meeting.start, meeting.end)}  {meeting.title}",
            (field("kind", kind_name(meeting.kind, lang), lang), field("room", room_name(meeting.room, scenario), lang),
             field("presider", party_name(scenario, meeting.presider), lang),
             field("attendees", attendee_names(meeting, meeting.attendees, scenario, lang), lang)),
            t("ui.items_in_order", lang) if item_blocks else "", item_blocks,
        ))
        if rows:
            title = t("ui.title.items_of", lang, title=meeting.title, date=format_date(meeting.date, lang),
                      time=time_span(meeting.start, meeting.end))
            item_sections.append(Section(
                t("ui.section.items_of", lang, meeting=title),
                headers(lang, "number", "id", "item", "reporting_unit", "supervisor", "attending_units", "minutes"),
                tuple((str(row.number), row.id, row.title, row.unit, row.supervisor, row.attending_units, text)
                      for row, text in zip(rows, minutes, strict=True)),
                (2, 5), (), stacked=False,
            ))
    commitments = commitments_in_period(plan, scenario)
    deferred = [(d.item, item_title(scenario, d.item), d.reason.render(lang), cite_articles(d.rules, lang))
                for d in plan.deferred]
    rejected = [(r.request, request_title(scenario, r.request), r.reason.render(lang), cite_articles(r.rules, lang))
                for r in plan.rejected]
    return [
        Section(
            t("ui.section.meetings", lang),
            headers(lang, "date", "weekday", "time", "meeting", "kind", "room", "presider", "attendees"),
            tuple((format_date(m.date, lang), weekday_name(m.date, lang), time_span(m.start, m.end), m.title,
                   kind_name(m.kind, lang), room_name(m.room, scenario), party_name(scenario, m.presider),
                   attendee_names(m, m.attendees, scenario, lang)) for m in meetings),
            (3, 7), tuple(meeting_blocks),
        ),
        *item_sections,
        Section(
            t("ui.section.commitments", lang),
            headers(lang, "date", "weekday", "time", "activity", "room", "attendees"),
            tuple((format_date(c.date, lang), weekday_name(c.date, lang), time_span(c.start, c.end), c.title,
                   c.location, commitment_people(plan, c, scenario, lang)) for c in commitments),
            (3, 5),
            tuple(Block(f"{format_date(c.date, lang)} {weekday_name(c.date, lang)} {time_span(c.start, c.end)}  "
                        f"{c.title}",
                        tuple(f for f in (field("room", c.location, lang),
                                          field("attendees", commitment_people(plan, c, scenario, lang), lang))
                              if f.value))
                  for c in commitments),
            optional=True,
        ),
        Section(
            t("ui.section.deferred", lang), headers(lang, "id", "item", "reason", "basis"), tuple(deferred), (1, 2),
            tuple(Block(f"{item}  {title}", (field("reason", reason, lang), field("basis", basis, lang)))
                  for item, title, reason, basis in deferred),
        ),
        Section(
            t("ui.section.rejected", lang), headers(lang, "id", "request", "reason", "basis"), tuple(rejected), (1, 2),
            tuple(Block(f"{request}  {title}", (field("reason", reason, lang), field("basis", basis, lang)))
                  for request, title, reason, basis in rejected),
        ),
    ]


def narrowed_table(headers: Sequence[str], rows: Sequence[Sequence[str]], wrap_columns: Sequence[int],
                   width: int) -> list[str] | None:
    """A table whose free-text columns are as wide as they may be within `width`, or None if none fits."""
    for wrap_width in range(TEXT_COLUMN_WIDTH, MIN_WRAP_WIDTH - 1, -1):
        lines = format_table(headers, rows, wrap_columns=wrap_columns, wrap_width=wrap_width)
        if max(display_width(line) for line in lines) <= width:
            return lines
    return None


def table_or_blocks(headers: Sequence[str], rows: Sequence[Sequence[str]], lang: Lang, *,
                    wrap_columns: Sequence[int] = (), width: int | None = None, color: bool = False) -> list[str]:
    """Rows for a terminal `width` columns wide (default: the terminal's), as the plan view does: a
    table when one fits, else one block per row, its first cell as the heading and the other cells
    as labelled fields (empty ones left out)."""
    width = max(MIN_WIDTH, width if width is not None else terminal_width())
    table = narrowed_table(headers, rows, wrap_columns, width)
    if table is not None:
        return [f"{_BOLD}{table[0]}{_RESET}" if color else table[0], *table[1:]]
    lines: list[str] = []
    for index, row in enumerate(rows):
        block = Block(" ".join(row[0].split("\n")), tuple(
            Field(label, " ".join(value.split("\n"))) for label, value in zip(headers[1:], row[1:], strict=True)
            if value))
        lines += ([""] if index else []) + block_lines(block, width, lang)
    return lines


def hanging_lines(prefix: str, text: str, width: int) -> list[str]:
    """`prefix` and `text` wrapped within `width`, continuation lines aligned under the text.

    The text keeps at least MIN_WRAP_WIDTH columns, so only a terminal narrower than a label and
    that sees a line run over.
    """
    lines = wrap_to_width(text, max(width - display_width(prefix), MIN_WRAP_WIDTH))
    hanging = " " * display_width(prefix)
    return [prefix + lines[0], *(hanging + line for line in lines[1:])]


def block_lines(block: Block, width: int, lang: Lang, indent: str = "", *, bold=lambda text: text) -> list[str]:
    """A block: its heading (an item's number hanging in front), then its fields, then its children."""
    lines = [bold(line) for line in hanging_lines(indent + block.marker, block.heading, width)]
    inner = indent + (" " * display_width(block.marker) if block.marker else INDENT)
    for item in block.fields:
        lines += hanging_lines(inner + t("ui.field", lang, label=item.label), item.value, width)
    if block.children:
        lines.append(inner + t("ui.field", lang, label=block.label).rstrip())
        for child in block.children:
            lines += block_lines(child, width, lang, inner + INDENT)
    return lines


def render_plan(plan: Plan, scenario: Scenario, lang: Lang = "zh", *, color: bool = False,
                width: int | None = None) -> str:
    """The plan as text for a terminal `width` columns wide (default: the terminal's): title, solver
    line, meetings with their items in running order, fixed commitments and who attends them (Art. 49),
    deferred items and rejected requests with their reasons and articles."""
    width = max(MIN_WIDTH, width if width is not None else terminal_width())

    def bold(text: str) -> str:
        return f"{_BOLD}{text}{_RESET}" if color else text

    def headings(text: str) -> list[str]:
        return [bold(line) for line in wrap_to_width(text, width)]

    sections = [s for s in plan_sections(plan, scenario, lang) if s.rows or not s.optional]
    lines = [
        *headings(t("ui.title.plan", lang, scenario=plan.scenario, first=plan.period_from.isoformat(),
                    last=plan.period_to.isoformat())),
        *wrap_to_width(solver_line(plan.solver, lang), width),
    ]
    tables = [narrowed_table(section.headers, section.rows, section.wrap_columns, width) if section.rows else []
              for section in sections]
    wide = all(table is not None for table in tables)
    for section, table in zip(sections, tables, strict=True):
        if not (wide or section.stacked):
            continue
        lines += ["", *headings(section.title)]
        if not section.rows:
            lines.append(t("ui.none", lang))
        elif wide and table is not None:
            lines += [bold(table[0]), *table[1:]]
        else:
            for index, block in enumerate(section.blocks):
                lines += ([""] if index else []) + block_lines(block, width, lang, bold=bold)
    return "\n".join(lines) + "\n"
