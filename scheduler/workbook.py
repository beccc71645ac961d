"""The scenario as an Excel workbook: its sheets and columns, and reading one back.

A workbook is another spelling of the same v1 scenario: one sheet per list of records (领导, 单位,
议题, ...), one row per record, and "settings" sheets (基本信息, 政策, 流程参数) holding every
other field as one row per field path. Reading converts the cells to the very mapping a YAML file
parses to, with the cell each field path came from (as YAML carries lines), and hands it to the
scenario reader: the rules are checked once, in `scheduler.scenario`, and every problem names its
cell (``议题!F12``). Only what a spreadsheet adds is checked here: a file that is no workbook, a
missing or renamed sheet, a header changed by hand, merged cells, formulas without a value, size.

Columns come from the scenario reader's field lists (`scheduler.scenario.*_FIELDS`), so a field
added to the contract gets a column without a change here; its type is read off the domain
dataclass, and a field this module has no words for is headed by its own name.

Both directions share the cell codecs below, so ``read(write(s)) == s`` (tests hold it as a property
over generated scenarios).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime, time
from typing import Any

from scheduler import domain
from scheduler.errors import InputError, Problem
from scheduler.reader import join, nearest, parse_yaml_value, yaml_value_text

# Beyond this many rows in all sheets together a workbook is refused before it is read whole
# (a county's year is a few thousand rows; a sheet of a million blank-but-formatted rows would hang).
MAX_ROWS = 50_000
HEADER_ROWS = 2  # row 1: the Chinese header; row 2: the field name the column holds
FIRST_DATA_ROW = HEADER_ROWS + 1
# How a list of ids is written in one cell; any of these separates the values when read back.
LIST_JOIN = "、"
_LIST_SPLIT = re.compile(r"[、,，;；\n]+")
# Text a settings value cell reads as YAML (a list, a mapping, a quoted string, a null).
_YAML_START = ("[", "{", '"', "'")
_YAML_WORDS = ("null", "~")
# Characters XML 1.0 (and so a cell) cannot hold; text with them is written as quoted YAML.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_TRUE_WORDS = {"是": True, "否": False, "true": True, "false": False, "TRUE": True, "FALSE": False}
BOOL_WORDS = ("是", "否")

# Column kinds: how a cell is written and read.
TEXT, INT, DATE, TIME, BOOL, LIST, VALUE = "text", "int", "date", "time", "bool", "list", "value"


# ----- the layout ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a record sheet: the field it holds, its header, how its cells read, and what a
    cell must name (an enumeration of the contract, or the kind of id: leader, unit, party, ...)."""

    field: str
    header: str
    kind: str
    choices: tuple[str, ...] | str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class RecordSheet:
    """A sheet of records: the list at `path` in the scenario mapping, one row per record."""

    name: str
    path: tuple[str, ...]
    columns: tuple[Column, ...]
    note: str = ""

    @property
    def field_path(self) -> str:
        return ".".join(self.path)

    def column(self, field_name: str) -> Column | None:
        return next((c for c in self.columns if c.field == field_name), None)


@dataclass(frozen=True, slots=True)
class SettingsSheet:
    """A sheet of single fields: one row per field path (``calendar.grain_minutes``) under `roots`
    (the empty root: every field no other sheet holds)."""

    name: str
    roots: tuple[str, ...]
    note: str = ""


SETTINGS_HEADERS = (("名称", "label"), ("字段", "field"), ("值", "value"), ("说明", "note"))
SETTINGS_FIELD_COLUMN, SETTINGS_VALUE_COLUMN = 2, 3

# What each field is called and means, by section; a field missing here is headed by its own name.
# (header, note); a note names what the cell must hold when that is not plain text.
_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "calendar.local_holidays": {
        "date": ("日期", "放假的日期 / the day off"),
        "name": ("名称", "节日名称 / name of the holiday"),
    },
    "rooms": {
        "id": ("编号", "全文件唯一 / unique in the whole file"),
        "name": ("名称", ""),
        "capacity": ("座位数", "可容纳人数 / seats"),
    },
    "leaders": {
        "id": ("编号", "全文件唯一 / unique in the whole file"),
        "title": ("职务", "如 副县长 / e.g. 副县长"),
        "role": ("角色", "county_head 县长（一人）| executive_deputy 常务副县长 | deputy 副县长 | "
                         "office_director 政府办公室主任"),
        "domain": ("分管领域", "可空 / optional"),
        "email": ("电子邮箱", "日历邀请用，可空 / for calendar invitations, optional"),
    },
    "units": {
        "id": ("编号", "全文件唯一 / unique in the whole file"),
        "name": ("名称", ""),
        "kind": ("类别", "department 部门 | township 乡镇"),
        "supervisor": ("分管领导", "领导编号 / a leader's id"),
    },
    "absences": {
        "who": ("人员", "领导或单位编号 / a leader's or unit's id"),
        "from": ("开始日期", "含当天 / inclusive"),
        "to": ("结束日期", "含当天 / inclusive"),
        "kind": ("类别", "第六十一条 Art. 61：visit 出访 | trip 出差 | study 学习 | training 培训 | leave 休假 | "
                         "other 其他"),
        "note": ("事由", "可空 / optional"),
        "half": ("半天", "am 上午 | pm 下午，仅限一天；空为全天 / one day only; blank: all day"),
    },
    "commitments": {
        "id": ("编号", "全文件唯一 / unique in the whole file"),
        "title": ("名称", ""),
        "date": ("日期", ""),
        "start": ("开始时间", "HH:MM"),
        "end": ("结束时间", "HH:MM"),
        "kind": ("类别", "npc_standing_committee 人大常委会会议（第四十九条）| cppcc 政协 | superior 上级 | "
                         "inspection 检查 | other 其他"),
        "attendees": ("出席人员", "领导或单位编号，以顿号分隔；人大常委会会议可空由规划指定 / ids separated by 、; "
                                  "may be blank for a congress meeting (the plan names one)"),
        "location": ("地点", "可空 / optional"),
    },
    "history": {
        "kind": ("类别", "standing 常务会议 | plenary 全体会议 | study 学习会 | county_wide 全县性会议（填单位）| "
                         "decided 议题已决定（填议题）| held 会议申请已召开（填会议申请）"),
        "date": ("日期", ""),
        "unit": ("单位", "单位编号 / a unit's id"),
        "item": ("议题", "议题编号 / an agenda item's id"),
        "request": ("会议申请", "会议申请编号 / a meeting request's id"),
    },
    "agenda": {
        "id": ("编号", "全文件唯一 / unique in the whole file"),
        "title": ("议题名称", ""),
        "unit": ("汇报单位", "单位编号 / a unit's id"),
        "supervisor": ("分管领导", "空为单位的分管领导 / blank: the unit's supervisor"),
        "body": ("提交会议", "standing 常务会议 | plenary 全体会议"),
        "minutes": ("时长（分钟）", ""),
        "submitted": ("报送日期", "书面请示送达日期 / the written request's date"),
        "pre_studied": ("已专题研究", "是 | 否（第四十三条 Art. 43）"),
        "consensus": ("意见一致", "是 | 否（第四十三条 Art. 43）"),
        "matters": ("事项类别", "funds 资金 | projects 项目 | staffing 人事编制 | rewards 奖惩 | "
                                "normative 规范性文件 | other 其他，以顿号分隔 / separated by 、"),
        "attending_units": ("列席单位", "单位编号，以顿号分隔 / unit ids separated by 、"),
        "deadline": ("审议截止日期", "可空 / optional"),
        "priority": ("优先级", "1 最急 … 3 / 1 most urgent … 3"),
    },
    "meeting_requests": {
        "id": ("编号", "全文件唯一 / unique in the whole file"),
        "kind": ("会议类别", "thematic 专题会议 | county_head_office 县长办公会议 | study 学习会 | "
                             "county_wide 全县性会议 | standing 临时常务会议"),
        "title": ("会议名称", ""),
        "convener": ("召集人", "领导编号；全县性会议可为主办单位 / a leader's id; a county-wide meeting's unit"),
        "unit": ("主办单位", "全县性会议必填 / required for a county-wide meeting"),
        "required": ("必须出席", "领导或单位编号，以顿号分隔 / ids separated by 、"),
        "preferred": ("希望出席", "领导或单位编号，以顿号分隔 / ids separated by 、"),
        "minutes": ("时长（分钟）", ""),
        "earliest": ("最早日期", ""),
        "latest": ("最晚日期", ""),
        "for_items": ("研究议题", "专题研究的议题编号，以顿号分隔（第四十三条）/ items it pre-studies (Art. 43)"),
        "room": ("会议室", "可空 / optional"),
    },
}
# What a cell of a column must name, beyond its type: an enumeration, or the kind of id.
_CHOICES: dict[str, dict[str, tuple[str, ...] | str]] = {
    "leaders": {"role": domain.ROLES},
    "units": {"kind": domain.UNIT_KINDS, "supervisor": "leader"},
    "absences": {"who": "party", "kind": domain.ABSENCE_KINDS, "half": domain.HALVES},
    "commitments": {"kind": domain.COMMITMENT_KINDS, "attendees": "party"},
    "history": {"kind": domain.HISTORY_KINDS, "unit": "unit", "item": "item", "request": "request"},
    "agenda": {"unit": "unit", "supervisor": "leader", "body": domain.BODIES, "matters": domain.MATTERS,
               "attending_units": "unit"},
    "meeting_requests": {"kind": domain.REQUEST_KINDS, "convener": "party", "unit": "unit", "required": "party",
                         "preferred": "party", "for_items": "item", "room": "room"},
}
# Field names the YAML spells otherwise than the dataclass attribute they fill.
_ATTRIBUTE = {"from": "start", "to": "end"}
# Fields whose YAML value is not what the dataclass holds (a clock time, stored as minutes).
_KIND_OVERRIDES = {("commitments", "start"): TIME, ("commitments", "end"): TIME}

# Labels of the settings rows (field path -> (label, note)); other paths are labelled by themselves.
SETTINGS_WORDS: dict[str, tuple[str, str]] = {
    "version": ("格式版本", "1"),
    "name": ("名称", "出现在计划和报表中 / shown on plans and reports"),
    "calendar.region": ("节假日规则", "CN 法定节假日与调休 | none 只按下方工作日 / statutory holidays, or weekdays "
                                      "only"),
    "calendar.weekdays": ("工作日（星期）", "仅 region 为 none 时填写，如 [1, 2, 3, 4, 5]，1 = 周一 / only with none"),
    "calendar.office_hours": ("办公时段", "如 [[10:00, 14:00], [16:00, 19:30]]；会议须在同一时段内"),
    "calendar.grain_minutes": ("时间粒度（分钟）", "会议开始时刻的粒度，能整除 60 / start-time grain"),
    "policy.standing_per_month": ("常务会议每月次数", "[最少, 最多]（第四十二条 Art. 42）"),
    "policy.plenary_per_year": ("全体会议每年次数", "[最少, 最多]（第四十一条 Art. 41）"),
    "policy.study_every_months": ("学习会间隔（月）", "0 为不安排（第五十条 Art. 50）"),
    "policy.county_wide_per_unit_per_year": ("每单位每年全县性会议", "第四十七条 Art. 47"),
    "policy.standing_minutes": ("常务会议时长（分钟）", ""),
    "policy.plenary_minutes": ("全体会议时长（分钟）", ""),
    "policy.study_minutes": ("学习会时长（分钟）", ""),
    "policy.materials_lead_working_days": ("材料提前送达（工作日）", "本地规定（第四十三条“会前送达”）"),
    "policy.issue_within_working_days": ("决定事项印发时限（工作日）", "第四十五条 Art. 45"),
    "policy.cosign_reply_working_days": ("会签回复时限（工作日）", "第五十四条 Art. 54"),
    "policy.filing_within_days": ("报备时限（日）", "第五十二条 Art. 52"),
    "policy.standing_min_gap": ("两次常务会议最少间隔（工作日）", ""),
    "policy.standing_opening_minutes": ("常务会议开场与总结（分钟）", ""),
}

SHEET_BASICS, SHEET_POLICY, SHEET_FLOW = "基本信息", "政策", "流程参数"


def _record_sheet(name: str, section: str, field_names: Iterable[str], record_type: type, note: str = ""
                  ) -> RecordSheet:
    words = _WORDS.get(section, {})
    choices = _CHOICES.get(section, {})
    columns = []
    for field_name in field_names:
        header, column_note = words.get(field_name, (field_name, ""))
        kind = _KIND_OVERRIDES.get((section, field_name)) or _kind_of(record_type, _ATTRIBUTE.get(field_name,
                                                                                                  field_name))
        columns.append(Column(field_name, header, kind, choices.get(field_name), column_note))
    return RecordSheet(name, tuple(section.split(".")), tuple(columns), note)


def _kind_of(record_type: type, attribute: str) -> str:
    """A column's kind from the dataclass annotation of the attribute it fills (``date | None`` -> date)."""
    if not is_dataclass(record_type):
        return VALUE
    annotation = next((str(f.type) for f in fields(record_type) if f.name == attribute), "")
    if annotation.startswith("tuple[str"):
        return LIST
    base = annotation.replace(" | None", "")
    return {"str": TEXT, "int": INT, "bool": BOOL, "date": DATE}.get(base, VALUE)


def layout(fields_of: Mapping[str, tuple[str, ...]]) -> tuple[RecordSheet | SettingsSheet, ...]:
    """The workbook's sheets in order; `fields_of` gives the fields of each list of records, by its path
    (the scenario reader's own lists: `scheduler.scenario.workbook_layout`)."""
    return (
        SettingsSheet(SHEET_BASICS, ("",), "名称、日历、办公时段等 / name, calendar, office hours"),
        _record_sheet("节假日", "calendar.local_holidays", fields_of["calendar.local_holidays"], domain.LocalHoliday,
                      "地方节日（放假）/ local holidays (days off)"),
        _record_sheet("会议室", "rooms", fields_of["rooms"], domain.Room),
        _record_sheet("领导", "leaders", fields_of["leaders"], domain.Leader),
        _record_sheet("单位", "units", fields_of["units"], domain.Unit),
        _record_sheet("请假外出", "absences", fields_of["absences"], domain.Absence, "第六十一条 / Art. 61"),
        _record_sheet("固定活动", "commitments", fields_of["commitments"], domain.Commitment),
        _record_sheet("已办事项", "history", fields_of["history"], domain.HistoryEvent),
        SettingsSheet(SHEET_POLICY, ("policy",), "规则中的数字与软约束权重 / the rules' numbers and weights"),
        _record_sheet("议题", "agenda", fields_of["agenda"], domain.AgendaItem, "第四十三条 / Art. 43"),
        _record_sheet("会议申请", "meeting_requests", fields_of["meeting_requests"], domain.MeetingRequest),
        SettingsSheet(SHEET_FLOW, ("flow",), "公文流转模拟参数 / document-flow simulation parameters"),
    )


def cell_name(sheet: str, row: int, column: int) -> str:
    """``议题!F12``: how a person finds a cell."""
    return f"{sheet}!{column_letter(column)}{row}"


def column_letter(column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# ----- cells <-> values ----------------------------------------------------------------------------


_yaml_value, _yaml_text = parse_yaml_value, yaml_value_text


def _plain_text(value: str) -> bool:
    """Whether a text reads back as itself in a settings cell (else it is written as quoted YAML)."""
    return not (value.startswith(_YAML_START) or value in _YAML_WORDS or _ILLEGAL.search(value))


def holds(value: Any) -> bool:
    """Whether a text cell can hold `value` as it is: XML, and so a cell, has no control characters."""
    return not (isinstance(value, str) and _ILLEGAL.search(value))


def encode(value: Any, kind: str) -> Any:
    """A field's value as the cell holds it: dates and times as real Excel ones, ids joined by 、,
    flags as 是/否, lists and mappings of settings as YAML flow text (``[1, 2]``)."""
    if value is None:
        return None
    if kind == BOOL and isinstance(value, bool):
        return BOOL_WORDS[0] if value else BOOL_WORDS[1]
    if kind == TIME and isinstance(value, str) and re.fullmatch(r"\d\d:\d\d", value) and value < "24:00":
        return time(int(value[:2]), int(value[3:]))
    if kind == LIST and isinstance(value, list | tuple):
        if all(isinstance(v, str) and v and v == v.strip() and not _LIST_SPLIT.search(v)
               and not v.startswith(_YAML_START) for v in value) and value:
            return LIST_JOIN.join(value)
        return _yaml_text(list(value))
    if isinstance(value, bool | int | float | date):
        return value
    if isinstance(value, str):
        if kind in (TEXT, DATE, TIME) and not _ILLEGAL.search(value):
            return value
        return value if _plain_text(value) else _yaml_text(value)
    return _yaml_text(value)


def decode(value: Any, kind: str) -> Any:
    """A cell as the scenario mapping holds it (None: blank, the field is absent). Whatever does not
    convert is passed on unchanged for the scenario reader to name (a number in an id column)."""
    if isinstance(value, str):
        if not value.strip():
            return None
        if kind == BOOL:
            return _TRUE_WORDS.get(value.strip(), value)
        if kind == LIST:
            if value.lstrip().startswith("["):
                return _yaml_value(value)
            return [part.strip() for part in _LIST_SPLIT.split(value) if part.strip()]
        if kind in (TEXT, DATE, TIME):
            return value
        return _yaml_value(value) if value.startswith(_YAML_START) or value in _YAML_WORDS else value
    if isinstance(value, datetime):
        if value.time() == time(0) and kind != TIME:
            return value.date()
        return value.strftime("%H:%M") if kind == TIME else value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer() and kind in (INT, VALUE):
        return int(value)
    if kind == LIST and value is not None:
        return [value]
    return value


# ----- settings <-> field paths -------------------------------------------------------------------


def _simple_key(key: Any) -> bool:
    return isinstance(key, str) and bool(key) and "." not in key and key == key.strip()


def flatten(mapping: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Each leaf of nested mappings with its dotted path; a mapping whose keys a path cannot spell,
    or an empty one, is a leaf itself."""
    for key, value in mapping.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, Mapping) and value and all(_simple_key(k) for k in value):
            yield from flatten(value, path)
        else:
            yield path, value


def settings_rows(sheet: SettingsSheet, data: Mapping[str, Any], owned: Iterable[str]) -> list[tuple[str, Any]]:
    """The (field path, value) rows of a settings sheet: its roots' leaves (the empty root: every
    top-level field that neither a record sheet nor another settings sheet holds)."""
    rows: list[tuple[str, Any]] = []
    owned = set(owned)
    for root in sheet.roots:
        if root:
            if root in data:
                rows.extend(flatten({root: data[root]}))
            continue
        for key, value in data.items():
            if key in owned:
                continue
            if isinstance(value, Mapping) and value and all(_simple_key(k) for k in value):
                rows.extend((path, leaf) for path, leaf in flatten(value, key) if path not in owned)
            else:
                rows.append((key, value))
    return rows


def owned_paths(sheets: Iterable[RecordSheet | SettingsSheet]) -> set[str]:
    """Field paths a record sheet or a rooted settings sheet holds (the basics sheet takes the rest)."""
    owned: set[str] = set()
    for sheet in sheets:
        if isinstance(sheet, RecordSheet):
            owned.add(sheet.field_path)
        else:
            owned.update(root for root in sheet.roots if root)
    return owned


# ----- reading ---------------------------------------------------------------------------------


class _Cells:
    """The workbook as plain values, sheet by sheet, with the structural problems found on the way."""

    def __init__(self, raw: bytes, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.rows: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}
        self.sheet_names: list[str] = []
        self._read(raw)

    def fail(self, cell: str | None, key: str, **params: Any) -> None:
        self.problems.append(Problem(self.file, "", key, params, cell=cell))

    def _read(self, raw: bytes) -> None:
        from openpyxl import load_workbook

        if raw[:4] != b"PK\x03\x04":
            key = "workbook.old_xls" if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" else "workbook.not_workbook"
            raise InputError([Problem(self.file, "", key)])
        try:
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        except Exception:  # openpyxl raises many kinds on a damaged or foreign zip
            raise InputError([Problem(self.file, "", "workbook.not_workbook")]) from None
        try:
            self.sheet_names = list(book.sheetnames)
            merged = _merged_ranges(raw, book)
            formulas: list[tuple[str, int, int]] = []
            total = 0
            for sheet in book.worksheets:
                rows: list[tuple[int, tuple[Any, ...]]] = []
                for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                    total += 1
                    if total > MAX_ROWS:
                        raise InputError([Problem(self.file, "", "workbook.too_many_rows", {"limit": MAX_ROWS},
                                                  cell=sheet.title)])
                    if any(isinstance(v, str) and v.startswith("=") for v in cells):
                        formulas.extend((sheet.title, number, index + 1) for index, v in enumerate(cells)
                                        if isinstance(v, str) and v.startswith("="))
                    rows.append((number, cells))
                self.rows[sheet.title] = rows
            for sheet_name, ranges in merged.items():
                for cells in ranges:
                    self.fail(f"{sheet_name}!{cells}", "workbook.merged")
        finally:
            book.close()
        if formulas:
            self._use_cached_values(raw, formulas)

    def _use_cached_values(self, raw: bytes, formulas: list[tuple[str, int, int]]) -> None:
        """A formula's last computed value, as Excel saved it; none saved is a problem."""
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            wanted: dict[str, dict[int, set[int]]] = {}
            for sheet, row, column in formulas:
                wanted.setdefault(sheet, {}).setdefault(row, set()).add(column)
            for sheet, rows in wanted.items():
                cached = {number: cells for number, cells in
                          enumerate(book[sheet].iter_rows(values_only=True, max_row=max(rows)), start=1)}
                table = dict(self.rows[sheet])
                for row, columns in rows.items():
                    values = list(table[row])
                    for column in columns:
                        value = cached.get(row, ())[column - 1] if column <= len(cached.get(row, ())) else None
                        if value is None:
                            self.fail(cell_name(sheet, row, column), "workbook.formula_no_value",
                                      formula=values[column - 1])
                        values[column - 1] = value
                    table[row] = tuple(values)
                self.rows[sheet] = sorted(table.items())
        finally:
            book.close()


def _merged_ranges(raw: bytes, book: Any) -> dict[str, list[str]]:
    """Merged cell ranges by sheet; read from the sheets' XML, which read-only mode does not parse."""
    found: dict[str, list[str]] = {}
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for sheet in book.worksheets:
            path = getattr(sheet, "_worksheet_path", None)
            if not path:
                continue
            text = archive.read(path.lstrip("/"))
            if b"<mergeCell " in text or b":mergeCell " in text:
                found[sheet.title] = [m.decode() for m in re.findall(rb"<(?:\w+:)?mergeCell ref=\"([A-Z0-9:]+)\"",
                                                                     text)]
    return found


@dataclass
class WorkbookData:
    """A workbook converted: the scenario mapping, the cell of each field path, the problems of form."""

    data: dict[str, Any]
    cells: dict[str, str]
    problems: list[Problem]


def _set_path(data: dict[str, Any], path: str, value: Any) -> bool:
    """Put `value` at a dotted path, making mappings on the way; False when the path is taken."""
    keys = path.split(".")
    target = data
    for key in keys[:-1]:
        nested = target.setdefault(key, {})
        if not isinstance(nested, dict):
            return False
        target = nested
    if keys[-1] in target:
        return False
    target[keys[-1]] = value
    return True


def _header_matches(sheet: RecordSheet | SettingsSheet, rows: list[tuple[int, tuple[Any, ...]]]) -> bool:
    wanted = _expected_fields(sheet)
    found = _header_fields(rows)
    return bool(found) and bool(wanted) and len(set(found) & set(wanted)) >= max(1, len(wanted) // 2)


def _expected_fields(sheet: RecordSheet | SettingsSheet) -> list[str]:
    if isinstance(sheet, RecordSheet):
        return [c.field for c in sheet.columns]
    return [field for _, field in SETTINGS_HEADERS]


def _header_fields(rows: list[tuple[int, tuple[Any, ...]]]) -> list[str]:
    second = next((cells for number, cells in rows if number == HEADER_ROWS), ())
    return [str(v).strip() for v in second if v is not None and str(v).strip()]


def read_cells(raw: bytes, file: str, sheets: tuple[RecordSheet | SettingsSheet, ...]) -> WorkbookData:
    """A workbook's bytes as the scenario mapping, with each field path's cell; `InputError` when its
    form is broken (no workbook, a sheet missing or renamed, a header changed, merged cells, formulas
    without a value, too many rows), since then no cell can be trusted to mean its column."""
    cells = _Cells(raw, file)
    known = {sheet.name for sheet in sheets}
    strangers = [name for name in cells.sheet_names if name not in known]
    for sheet in sheets:
        if sheet.name in cells.rows:
            continue
        renamed = next((name for name in strangers if _header_matches(sheet, cells.rows[name])), None)
        if renamed is not None:
            cells.fail(renamed, "workbook.sheet_renamed", found=renamed, expected=sheet.name)
        else:
            hint = nearest(sheet.name, strangers)
            cells.fail(sheet.name, "workbook.sheet_missing_hint" if hint else "workbook.sheet_missing",
                       sheet=sheet.name, hint=hint)
    data: dict[str, Any] = {}
    where: dict[str, str] = {}
    owned = owned_paths(sheets)
    for sheet in sheets:
        rows = cells.rows.get(sheet.name)
        if rows is None:
            continue
        if isinstance(sheet, RecordSheet):
            _read_records(cells, sheet, rows, data, where)
        else:
            _read_settings(cells, sheet, rows, data, where, owned)
    if cells.problems:
        raise InputError(cells.problems)
    return WorkbookData(data, where, cells.problems)


def _check_headers(cells: _Cells, sheet_name: str, rows: list[tuple[int, tuple[Any, ...]]],
                   expected: list[tuple[str, str]]) -> dict[str, int] | None:
    """The column of each field, from the header rows; each header changed by hand is a problem."""
    first = next((values for number, values in rows if number == 1), ())
    second = next((values for number, values in rows if number == HEADER_ROWS), ())
    headers = dict(expected)  # field -> Chinese header
    columns: dict[str, int] = {}
    ok = True
    for index in range(max(len(first), len(second))):
        field = second[index] if index < len(second) else None
        header = first[index] if index < len(first) else None
        if field is None and header is None:
            continue
        where = cell_name(sheet_name, HEADER_ROWS if field is not None else 1, index + 1)
        name = str(field).strip() if field is not None else ""
        if name not in headers:
            hint = nearest(name, [f for f in headers if f not in columns])
            cells.fail(where, "workbook.unknown_column_hint" if hint else "workbook.unknown_column",
                       field=name or header, hint=hint)
            ok = False
        elif name in columns:
            cells.fail(where, "workbook.column_twice", field=name)
            ok = False
        elif header is None or str(header).strip() != headers[name]:
            cells.fail(cell_name(sheet_name, 1, index + 1), "workbook.header_changed", found=header or "",
                       expected=headers[name], field=name)
            ok = False
        else:
            columns[name] = index
    return columns if ok else None


def _data_rows(rows: list[tuple[int, tuple[Any, ...]]]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """Rows below the headers that hold anything (blank rows are skipped)."""
    for number, values in rows:
        if number >= FIRST_DATA_ROW and any(v is not None and not (isinstance(v, str) and not v.strip())
                                            for v in values):
            yield number, values


def _read_records(cells: _Cells, sheet: RecordSheet, rows: list[tuple[int, tuple[Any, ...]]],
                  data: dict[str, Any], where: dict[str, str]) -> None:
    columns = _check_headers(cells, sheet.name, rows, [(c.field, c.header) for c in sheet.columns])
    if columns is None:
        return
    records: list[dict[str, Any]] = []
    section = sheet.field_path
    where[section] = sheet.name
    placed = [(column, columns[column.field]) for column in sheet.columns if column.field in columns]
    outside = set(columns.values())
    for number, values in _data_rows(rows):
        path = join(section, len(records))
        where[path] = cell_name(sheet.name, number, 1)
        record: dict[str, Any] = {}
        for column, index in placed:
            where[f"{path}.{column.field}"] = cell_name(sheet.name, number, index + 1)
            value = decode(values[index] if index < len(values) else None, column.kind)
            if value is not None:
                record[column.field] = value
        records.append(record)
        for index, value in enumerate(values):
            if index not in outside and value is not None and str(value).strip():
                cells.fail(cell_name(sheet.name, number, index + 1), "workbook.outside_columns")
    _set_path(data, section, records)


def _read_settings(cells: _Cells, sheet: SettingsSheet, rows: list[tuple[int, tuple[Any, ...]]],
                   data: dict[str, Any], where: dict[str, str], owned: set[str]) -> None:
    columns = _check_headers(cells, sheet.name, rows, [(field, header) for header, field in SETTINGS_HEADERS])
    if columns is None:
        return
    field_at, value_at = columns.get("field"), columns.get("value")
    if field_at is None or value_at is None:
        cells.fail(sheet.name, "workbook.settings_columns", sheet=sheet.name)
        return
    first_row: dict[str, int] = {}
    for number, values in _data_rows(rows):
        path = values[field_at] if field_at < len(values) else None
        value = decode(values[value_at] if value_at < len(values) else None, VALUE)
        if value is None:
            continue
        if not isinstance(path, str) or not path.strip() or any(not part for part in path.strip().split(".")):
            cells.fail(cell_name(sheet.name, number, field_at + 1), "workbook.bad_field_path", value=path)
            continue
        path = path.strip()
        roots = [root for root in sheet.roots if root]
        if (roots and not any(path == r or path.startswith(f"{r}.") for r in roots)) or (
                not roots and any(path == o or path.startswith(f"{o}.") for o in owned)):
            cells.fail(cell_name(sheet.name, number, field_at + 1), "workbook.field_elsewhere", field=path)
            continue
        if not _set_path(data, path, value):
            cells.fail(cell_name(sheet.name, number, field_at + 1), "input.duplicate_key", key=path,
                       first=first_row.get(path, "?"))
            continue
        first_row[path] = number
        where[path] = cell_name(sheet.name, number, value_at + 1)
