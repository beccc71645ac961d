"""The scenario as the office's own workbook (``govcal scenario export``, ``scenario new --xlsx``).

The sheets, columns and cell codecs are `scheduler.workbook`'s, which reads the workbook back; this
module adds what a person editing it needs: a Chinese header with the field name under it and a
comment saying what the column holds, real Excel dates and times, drop-down lists for every id or
kind a cell must name, frozen header rows, and widths that show the content.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.constants import ARC_CORE
from openpyxl.xml.functions import tostring

from govcal.exports.package import repack
from govcal.view import display_width
from scheduler.errors import InputError, Problem
from scheduler.scenario import workbook_layout
from scheduler.workbook import (
    BOOL,
    BOOL_WORDS,
    FIRST_DATA_ROW,
    HEADER_ROWS,
    MAX_ROWS,
    SETTINGS_HEADERS,
    SETTINGS_WORDS,
    TEXT,
    Column,
    RecordSheet,
    SettingsSheet,
    column_letter,
    encode,
    holds,
    owned_paths,
    settings_rows,
)

HEADER_STYLE, FIELD_STYLE, DATA_STYLE = "scenario header", "scenario field", "scenario data"
DATE_STYLE, TIME_STYLE = "scenario date", "scenario time"
IDS_SHEET = "编号表"  # hidden: the leaders' and units' ids, for the columns that may name either
MIN_WIDTH, MAX_WIDTH = 8, 50
# Reference kinds -> (sheet, field) whose ids a drop-down offers, read live from that sheet's column.
_ID_SOURCES = {"leader": "leaders", "unit": "units", "item": "agenda", "request": "meeting_requests",
               "room": "rooms"}


def _styles() -> list[NamedStyle]:
    thin = Side(style="thin", color="A0A0A0")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = Alignment(vertical="top")
    return [
        NamedStyle(HEADER_STYLE, font=Font(bold=True), fill=PatternFill("solid", fgColor="D9E1F2"), border=border,
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
        NamedStyle(FIELD_STYLE, font=Font(italic=True, color="606060", size=9), fill=PatternFill("solid",
                   fgColor="F2F2F2"), border=border, alignment=Alignment(horizontal="center")),
        NamedStyle(DATA_STYLE, border=border, alignment=top),
        NamedStyle(DATE_STYLE, border=border, alignment=top, number_format="yyyy-mm-dd"),
        NamedStyle(TIME_STYLE, border=border, alignment=top, number_format="hh:mm"),
    ]


def _cell_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date | time):
        return 10
    return max((display_width(line) for line in str(value).split("\n")), default=0)


def _style_of(value: Any) -> str:
    if isinstance(value, datetime | date):
        return DATE_STYLE
    if isinstance(value, time):
        return TIME_STYLE
    return DATA_STYLE


def _blank_style(column: Column) -> str:
    """A blank cell is framed like the others and shows a date or time as one when typed in."""
    return {"date": DATE_STYLE, "time": TIME_STYLE}.get(column.kind, DATA_STYLE)


def _headers(sheet: Worksheet, pairs: list[tuple[str, str, str]]) -> list[int]:
    """Row 1 the Chinese headers (with a comment saying what the column holds), row 2 the field names."""
    widths = []
    for index, (header, field, note) in enumerate(pairs, start=1):
        cell = sheet.cell(1, index, header)
        cell.style = HEADER_STYLE
        text = f"{header}（{field}）" + (f"\n{note}" if note else "")
        cell.comment = Comment(text, "govcal", width=320, height=110)
        sheet.cell(HEADER_ROWS, index, field).style = FIELD_STYLE
        widths.append(max(display_width(header), display_width(field)))
    return widths


def _finish(sheet: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[column_letter(index)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 1)
    sheet.print_title_rows = f"1:{HEADER_ROWS}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _validation(column: Column, id_columns: Mapping[str, str]) -> DataValidation | None:
    """The drop-down list of a column: its enumeration, yes/no, or the ids of the sheet it names."""
    choices = column.choices
    if column.kind == BOOL:
        choices = BOOL_WORDS
    if isinstance(choices, tuple):
        if column.kind == "list":
            return None  # several values in one cell: the comment lists them
        source = '"' + ",".join(choices) + '"'
        strict = True
    elif isinstance(choices, str) and choices in id_columns and column.kind != "list":
        source = id_columns[choices]
        strict = choices != "party"  # the hidden list of leaders and units is as of the export
    else:
        return None
    validation = DataValidation(type="list", formula1=source, allow_blank=True,
                                errorStyle="stop" if strict else "warning")
    validation.error = "请从下拉列表中选择 / choose from the list"
    validation.errorTitle = column.header
    return validation


def _record_sheet(sheet: Worksheet, spec: RecordSheet, records: list[Mapping[str, Any]],
                  id_columns: Mapping[str, str]) -> None:
    widths = _headers(sheet, [(c.header, c.field, c.note) for c in spec.columns])
    for offset, record in enumerate(records):
        row = FIRST_DATA_ROW + offset
        for index, column in enumerate(spec.columns):
            if column.kind == TEXT and not holds(record.get(column.field)):
                raise InputError([Problem("", f"{spec.field_path}[{offset}].{column.field}",
                                          "workbook.control_character")])
            value = encode(record.get(column.field), column.kind)
            cell = sheet.cell(row, index + 1, value)
            cell.style = _style_of(value) if value is not None else _blank_style(column)
            widths[index] = max(widths[index], _cell_width(value))
    last = max(FIRST_DATA_ROW + len(records) + 200, 1000)
    for index, column in enumerate(spec.columns, start=1):
        validation = _validation(column, id_columns)
        if validation is not None:
            letter = column_letter(index)
            validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{min(last, MAX_ROWS)}")
            sheet.add_data_validation(validation)
        if column.kind in ("date", "time"):  # rows the office adds show dates and times as such too
            sheet.column_dimensions[column_letter(index)].number_format = (
                "yyyy-mm-dd" if column.kind == "date" else "hh:mm")
    _finish(sheet, widths)


def _settings_sheet(sheet: Worksheet, spec: SettingsSheet, data: Mapping[str, Any], owned: set[str]) -> None:
    widths = _headers(sheet, [(header, field, "") for header, field in SETTINGS_HEADERS])
    rows = dict(settings_rows(spec, data, owned))
    roots = [root for root in spec.roots if root]
    known = [path for path in SETTINGS_WORDS
             if (any(path.startswith(f"{root}.") for root in roots) if roots
                 else not any(path == o or path.startswith(f"{o}.") for o in owned))]
    ordered = known + [path for path in rows if path not in known]
    for offset, path in enumerate(ordered):
        label, note = SETTINGS_WORDS.get(path, (_label_of(path), ""))
        value = encode(rows.get(path), "value")
        row = FIRST_DATA_ROW + offset
        for index, text in enumerate((label, path, value, note), start=1):
            if text is None:
                continue
            cell = sheet.cell(row, index, text)
            cell.style = _style_of(text)
            widths[index - 1] = max(widths[index - 1], _cell_width(text))
    _finish(sheet, widths)


def _label_of(path: str) -> str:
    """A settings row this module has no words for: a soft rule's weight says so, others their own name."""
    name = path.rsplit(".", 1)[-1]
    return f"权重：{name}" if path.startswith("policy.weights.") else name


def _id_columns(sheets: tuple[RecordSheet | SettingsSheet, ...], data: Mapping[str, Any],
                book: Workbook) -> dict[str, str]:
    """The range a drop-down of each reference kind reads its ids from."""
    columns: dict[str, str] = {}
    for sheet in sheets:
        if not isinstance(sheet, RecordSheet):
            continue
        for kind, section in _ID_SOURCES.items():
            if sheet.field_path == section and sheet.column("id") is not None:
                letter = column_letter(sheet.columns.index(sheet.column("id")) + 1)
                columns[kind] = f"'{sheet.name}'!${letter}${FIRST_DATA_ROW}:${letter}${MAX_ROWS}"
    parties = [r["id"] for section in ("leaders", "units") for r in data.get(section) or ()
               if isinstance(r, Mapping) and isinstance(r.get("id"), str)]
    hidden = book.create_sheet(IDS_SHEET)
    hidden.sheet_state = "hidden"
    for row, party in enumerate(parties, start=1):
        hidden.cell(row, 1, party)
    columns["party"] = f"'{IDS_SHEET}'!$A$1:$A${max(len(parties), 1)}"
    return columns


def scenario_workbook(data: Mapping[str, Any], stamp: date) -> bytes:
    """The .xlsx bytes of a scenario mapping (`scheduler.scenario.scenario_to_mapping`); the same
    mapping and `stamp` (the document's date) give the same bytes."""
    book = Workbook()
    for style in _styles():
        book.add_named_style(style)
    sheets = workbook_layout()
    owned = owned_paths(sheets)
    first = book.active
    id_columns = _id_columns(sheets, data, book)
    for index, spec in enumerate(sheets):
        sheet = first if index == 0 else book.create_sheet(index=index)
        sheet.title = spec.name
        if isinstance(spec, RecordSheet):
            records = data
            for key in spec.path:
                records = records.get(key) or {} if isinstance(records, Mapping) else {}
            _record_sheet(sheet, spec, list(records) if isinstance(records, list) else [], id_columns)
        else:
            _settings_sheet(sheet, spec, data, owned)
    moment = datetime.combine(stamp, time(0))
    book.properties.created = book.properties.modified = moment
    book.properties.creator = book.properties.lastModifiedBy = "govcal"
    book.properties.title = str(data.get("name") or "")
    buffer = io.BytesIO()
    book.save(buffer)
    book.properties.modified = moment  # save() has just set it to the current time
    return repack(buffer.getvalue(), moment, {ARC_CORE: tostring(book.properties.to_tree())})


def append_rows(raw: bytes, file: str, key: str, records: list[Mapping[str, Any]]) -> bytes:
    """The workbook with `records` as new rows of the sheet holding the list `key`, below its last row,
    each cell styled as the one above it; the rest of the workbook as it was."""
    from copy import copy

    from openpyxl import load_workbook

    from scheduler.scenario import parse_scenario_bytes

    parse_scenario_bytes(raw, file)  # a broken form is named by its cells before anything is added
    spec = next(s for s in workbook_layout() if isinstance(s, RecordSheet) and s.field_path == key)
    book = load_workbook(io.BytesIO(raw))
    sheet = book[spec.name]
    columns = {str(cell.value).strip(): cell.column for cell in sheet[HEADER_ROWS] if cell.value is not None}
    last = max((row for row in range(FIRST_DATA_ROW, sheet.max_row + 1)
                if any(sheet.cell(row, column).value not in (None, "") for column in columns.values())),
               default=HEADER_ROWS)
    for offset, record in enumerate(records, start=1):
        row = last + offset
        for column in spec.columns:
            if column.field not in columns:
                continue
            cell = sheet.cell(row, columns[column.field])
            cell.value = encode(record.get(column.field), column.kind)
            above = sheet.cell(row - 1, columns[column.field])
            if row - 1 >= FIRST_DATA_ROW and above.has_style:
                cell._style = copy(above._style)  # openpyxl copies a style this way
            elif cell.value is not None and _style_of(cell.value) in book.named_styles:
                cell.style = _style_of(cell.value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
