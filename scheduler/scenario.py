"""Scenario files: YAML (DESIGN §3, version 1) -> a validated, frozen `Scenario`.

Every problem in a file is reported at once, each with the file, the source line, the field
path (``agenda[3].submitted``) and the reason, as one `InputError`. Fields the contract does
not know are warnings (see `Reader.known_fields`), so files written for later versions load.

Once `load_scenario` returns, downstream code may rely on: ids unique across the file, every
reference resolving, exactly one county head, at most one executive deputy and office
director, dates real and inside the years the calendar has data for, every meeting length
fitting one office-hours block, and office hours ordered, disjoint and on the time grain.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, fields, replace
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from scheduler.calendar import CN_YEARS, FREE_YEARS, WorkCalendar, calendar_for, scenario_years
from scheduler.domain import (
    ABSENCE_KINDS,
    BODIES,
    COMMITMENT_KINDS,
    HALVES,
    HISTORY_KINDS,
    MATTERS,
    MEETING_KINDS,
    REQUEST_KINDS,
    ROLES,
    UNIT_KINDS,
    Absence,
    AgendaItem,
    CalendarSpec,
    Commitment,
    HistoryEvent,
    HolidayNotice,
    Leader,
    LocalHoliday,
    MeetingRequest,
    NoticeHoliday,
    Office,
    Policy,
    Room,
    Scenario,
    Unit,
    Weights,
    fmt_minutes,
)
from scheduler.errors import InputError, Problem
from scheduler.reader import Reader, ScenarioLoader, join, nearest, read_bytes

DEFAULT_SCENARIO = "wuqia-2024.yaml"
SCENARIO_VERSION = 1
REGIONS = ("CN", "none")
# Roles the rules give to one person only (Art. 6, 41, 42); the county head is also required.
SINGLE_ROLES = ("county_head", "executive_deputy", "office_director")

# The v1 fields of each record, for the unknown-field warnings.
TOP_FIELDS = ("version", "name", "calendar", "rooms", "leaders", "units", "absences", "commitments",
              "history", "policy", "agenda", "meeting_requests", "flow", "office")
OFFICE_FIELDS = ("name", "doc_prefix", "contact", "phone")
REQUEST_FLAGS = ("commissioned", "decision", "head_consent", "video")  # false unless written
CALENDAR_FIELDS = ("region", "weekdays", "local_holidays", "office_hours", "grain_minutes", "notices")
HOLIDAY_FIELDS = ("date", "name")
NOTICE_FIELDS = ("year", "holidays", "workdays")
NOTICE_HOLIDAY_FIELDS = ("from", "to", "name")
ROOM_FIELDS = ("id", "name", "capacity", "for")
LEADER_FIELDS = ("id", "title", "role", "domain", "email", "heads_unit")
UNIT_FIELDS = ("id", "name", "kind", "supervisor")
ABSENCE_FIELDS = ("who", "from", "to", "kind", "note", "half")
COMMITMENT_FIELDS = ("id", "title", "date", "start", "end", "kind", "attendees", "location")
HISTORY_FIELDS = ("kind", "date", "unit", "item", "request")
AGENDA_FIELDS = ("id", "title", "unit", "supervisor", "body", "minutes", "submitted", "pre_studied", "consensus",
                 "matters", "attending_units", "deadline", "priority")
REQUEST_FIELDS = ("id", "kind", "title", "convener", "unit", "required", "preferred", "minutes", "earliest",
                  "latest", "for_items", "room", "commissioned", "decision", "head_consent", "video")
POLICY_PAIRS = ("standing_per_month", "plenary_per_year")
# Policy lengths of meetings: each must fit one office-hours block.
POLICY_MINUTES = {"standing": "standing_minutes", "plenary": "plenary_minutes", "study": "study_minutes"}
# Policy counts that are meaningless at zero; every other policy count may be 0.
# (study_every_months: 0 switches study sessions off, as 0 does for the other counts.)
POLICY_AT_LEAST_ONE = ("issue_within_working_days", "cosign_reply_working_days", "filing_within_days")
POLICY_FIELDS = tuple(f.name for f in fields(Policy))
WEIGHT_FIELDS = tuple(f.name for f in fields(Weights))
# History kinds that must say which unit or which agenda item they concern.
HISTORY_NEEDS = {"county_wide": "unit", "decided": "item", "held": "request"}
# Defaults of the domain records (slots dataclasses keep no class-level defaults to read).
_DEFAULT_CALENDAR = CalendarSpec()
_ITEM_MINUTES = AgendaItem("", "", "", "").minutes
_ITEM_PRIORITY = AgendaItem("", "", "", "").priority
_REQUEST_MINUTES = MeetingRequest("", "", "", "").minutes

# The sections that define referable ids, and the kind of id each defines.
SECTION_KINDS = {"leaders": "leader", "units": "unit", "agenda": "item", "rooms": "room",
                 "meeting_requests": "request"}
# Reference kinds: which ids a reference may name, and the message when it names none of them.
_REFERENCE_MESSAGES = {
    "leader": "scenario.unknown_leader",
    "unit": "scenario.unknown_unit",
    "party": "scenario.unknown_party",
    "item": "scenario.unknown_item",
    "room": "scenario.unknown_room",
    "request": "scenario.unknown_request",
}
# Who may convene each kind of requested meeting (DESIGN §3); each message names its article.
CONVENER_ROLES = {
    "thematic": ("county_head", "executive_deputy", "deputy"),  # Art. 46
    "county_head_office": ("county_head",),  # Art. 46
    "standing": ("county_head", "executive_deputy"),  # Art. 42
    "plenary": ("county_head",),  # Art. 41
    "study": ("county_head",),  # Art. 50
}


# ----- YAML --------------------------------------------------------------------------------


_ScenarioLoader = ScenarioLoader  # the loader scenario files are read with (tests swap in the pure-Python one)


def _index_lines(node: yaml.Node, path: str, lines: dict[str, int], duplicates: list[Problem], file: str,
                 ancestors: frozenset[int] = frozenset()) -> None:
    """Record the source line of every field path under `node`, and every duplicated key."""
    if id(node) in ancestors:  # a recursive alias
        return
    inner = ancestors | {id(node)}
    if isinstance(node, yaml.MappingNode):
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child, line = join(path, key), key_node.start_mark.line + 1
            if key in first_lines:
                duplicates.append(Problem(file, child, "input.duplicate_key", {"key": key, "first": first_lines[key]},
                                          line))
                continue
            first_lines[key] = line
            lines[child] = line
            _index_lines(value_node, child, lines, duplicates, file, inner)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = join(path, index)
            lines[child] = item.start_mark.line + 1
            _index_lines(item, child, lines, duplicates, file, inner)


# The syntax mistakes people make most, by the problem text of PyYAML's pure-Python parser or of
# libyaml's (they word them differently), mapped to messages in the user's language. Anything
# else keeps the parser's own English text under "input.bad_yaml".
_YAML_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"expected ',' or '\]'"), "yaml.flow_list"),
    (re.compile(r"expected ',' or '\}'"), "yaml.flow_mapping"),
    (re.compile(r"^mapping values are not allowed"), "yaml.mapping_values"),
    (re.compile(r"^found a tab character"), "yaml.tab"),
    (re.compile(r"^expected <block end>|^did not find expected key|^did not find expected '-' indicator"),
     "yaml.indentation"),
    (re.compile(r"^could not find expected ':'"), "yaml.missing_colon"),
    (re.compile(r"^found undefined alias"), "yaml.undefined_alias"),
    (re.compile(r"^but found another document"), "yaml.several_documents"),
)
# "found character ... that cannot start any token": libyaml does not name the character and PyYAML
# escapes it ('\t'); the source text at the mark names it plainly for both.
_NO_TOKEN = re.compile(r"that cannot start any token")


def _yaml_problem(error: yaml.MarkedYAMLError, text: str, file: str) -> Problem:
    """A YAML syntax error as a problem in the user's language, on the line the parser stopped at."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    problem = error.problem or ""
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        # The parser stops at the end of the file; the line the quote opened on is the one to fix.
        return Problem(file, "", "yaml.unclosed_quote", {"start": error.context_mark.line + 1}, line)
    if _NO_TOKEN.search(problem) and mark is not None:
        source_lines = text.splitlines()
        character = source_lines[mark.line][mark.column:mark.column + 1] if mark.line < len(source_lines) else ""
        if character == "\t":
            return Problem(file, "", "yaml.tab", {}, line)
        if character:
            return Problem(file, "", "yaml.bad_character", {"character": character}, line)
    for pattern, key in _YAML_PROBLEMS:
        if pattern.search(problem):
            return Problem(file, "", key, {}, line)
    reason = problem or error.context or type(error).__name__
    return Problem(file, "", "input.bad_yaml", {"reason": reason}, line)


def _load_yaml(text: str, file: str) -> tuple[Any, dict[str, int], list[Problem]]:
    """The document's data, the line of each field path, and its duplicated keys."""
    loader = _ScenarioLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise InputError([_yaml_problem(error, text, file)]) from None
    except yaml.YAMLError as error:
        raise InputError([Problem(file, "", "input.bad_yaml", {"reason": str(error)})]) from None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    duplicates: list[Problem] = []
    if node is not None:
        _index_lines(node, "", lines, duplicates, file)
    return data, lines, duplicates


# ----- reading -------------------------------------------------------------------------------


class _ScenarioReader(Reader):
    """A `Reader` that also knows the scenario's ids, references, calendar years and office hours."""

    def __init__(self, file: str, lines: Mapping[str, int] | None = None,
                 cells: Mapping[str, str] | None = None) -> None:
        super().__init__(file, lines, cells)
        self.first_use: dict[str, str] = {}  # id -> path of the record that defines it
        self.ids: dict[str, set[str]] = {kind: set() for kind in ("leader", "unit", "item", "room", "request", "other")}
        self.references: list[tuple[str, str, str]] = []  # (path, id, reference kind)
        self.region = "CN"
        self.years: range | None = CN_YEARS
        self.longest_block: int | None = None

    def claim_id(self, record: Mapping[str, Any], path: str, kind: str) -> str | None:
        """The record's id, registered as `kind`; ids are unique across the whole file."""
        value = self.get(record, "id", path, str)
        if value is None:
            return None
        where = join(path, "id")
        if not value.strip():
            self.fail(where, "scenario.empty_id")
        elif value in self.first_use:
            self.fail(where, "scenario.duplicate_id", id=value, first=self.first_use[value])
        else:
            self.first_use[value] = self.cell_of(where) or path  # a workbook's cell tells a clerk where
            self.ids[kind].add(value)
        return value

    def refer(self, path: str, target: str | None, kind: str) -> None:
        """Note that `path` names `target`, a `kind` id; checked once every section is read."""
        if target is not None:
            self.references.append((path, target, kind))

    def refer_all(self, record: Mapping[str, Any], key: str, path: str, kind: str) -> tuple[str, ...]:
        values = self.strings(record, key, path)
        for index, value in enumerate(values):
            self.refer(join(join(path, key), index), value, kind)
        return values

    def check_references(self, unreadable: set[str]) -> None:
        """Report references to ids no record defines, except to kinds whose section could not be read
        at all (its own problem says so; listing every reference to it would bury that one)."""
        known = {**self.ids, "party": self.ids["leader"] | self.ids["unit"]}
        if unreadable & {"leader", "unit"}:
            unreadable = unreadable | {"party"}
        for path, target, kind in self.references:
            if target in known[kind] or kind in unreadable:
                continue
            if kind == "leader" and target in self.ids["unit"]:
                self.fail(path, "scenario.unit_not_leader", id=target)
                continue
            hint = nearest(target, known[kind])
            if hint:
                self.fail(path, f"{_REFERENCE_MESSAGES[kind]}_hint", id=target, hint=hint)
            else:
                self.fail(path, _REFERENCE_MESSAGES[kind], id=target)

    def parse_day(self, value: Any, where: str) -> date | None:
        """A real date, which must also lie in the years the calendar has data for."""
        day = super().parse_day(value, where)
        if day is not None and self.years is not None and day.year not in self.years:
            self.fail(where, "scenario.year_unsupported", value=day.isoformat(), first=self.years.start,
                      last=self.years.stop - 1, region=self.region)
        return day

    def span(self, record: Mapping[str, Any], path: str, start_key: str, end_key: str) -> tuple[date | None, ...]:
        """Two inclusive dates, the first not after the second."""
        start, end = self.day(record, start_key, path), self.day(record, end_key, path)
        if start is not None and end is not None and start > end:
            self.fail(join(path, start_key), "scenario.dates_reversed", start_field=start_key, start=start.isoformat(),
                      end_field=end_key, end=end.isoformat())
        return start, end

    def minutes(self, record: Mapping[str, Any], key: str, path: str, default: int) -> int | None:
        """A meeting length: positive, and short enough for one office-hours block (DESIGN §3)."""
        value = self.integer(record, key, path, minimum=1, required=False, default=None)
        if value is None:
            return default if record.get(key) is None else None
        if self.longest_block is not None and value > self.longest_block:
            self.fail(join(path, key), "scenario.too_long", minutes=value, longest=self.longest_block)
        return value

    def pair(self, record: Mapping[str, Any], key: str, path: str, default: tuple[int, int]) -> tuple[int, int]:
        """A ``[low, high]`` range of whole numbers, 0 <= low <= high."""
        value = self.get(record, key, path, list, required=False, default=None)
        if value is None:
            return default
        valid = (len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
                 and value[0] <= value[1])
        if not valid:
            self.fail(join(path, key), "scenario.pair")
            return default
        return (value[0], value[1])

    def flag(self, record: Mapping[str, Any], key: str, path: str, default: bool) -> bool:
        return self.get(record, key, path, bool, required=False, default=default)


def _complete(*values: Any) -> bool:
    """Whether every required value was read (a None means its problem is already recorded)."""
    return all(value is not None for value in values)


def _read_office_hours(reader: _ScenarioReader, raw: Mapping[str, Any],
                       grain: int | None) -> tuple[tuple[int, int], ...]:
    """Blocks of office hours, in order and disjoint; a meeting lies inside one (working_time rule)."""
    default = _DEFAULT_CALENDAR.office_hours
    listed = reader.get(raw, "office_hours", "calendar", list, required=False, default=None)
    if listed is None:
        return default
    if not listed:
        reader.fail("calendar.office_hours", "input.missing")
        return default
    blocks: list[tuple[int, int]] = []
    for index, block in enumerate(listed):
        where = join("calendar.office_hours", index)
        if not (isinstance(block, list) and len(block) == 2):
            reader.fail(where, "scenario.block_shape")
            continue
        start, end = (reader.parse_clock(value, join(where, side)) for side, value in enumerate(block))
        if start is None or end is None:
            continue
        if start >= end:
            reader.fail(where, "scenario.times_reversed", start=fmt_minutes(start), end=fmt_minutes(end))
            continue
        if blocks and start < blocks[-1][1]:
            previous = "-".join(map(fmt_minutes, blocks[-1]))
            reader.fail(where, "scenario.blocks_overlap", block=f"{fmt_minutes(start)}-{fmt_minutes(end)}",
                        previous=previous)
        if grain:
            for side, minute in enumerate((start, end)):
                if minute % grain:
                    reader.fail(join(where, side), "scenario.off_grain", time=fmt_minutes(minute), grain=grain)
        blocks.append((start, end))
    return tuple(blocks) or default


def _read_calendar(reader: _ScenarioReader, data: Mapping[str, Any]) -> CalendarSpec:
    """Working days (statutory for CN, listed weekdays for none) and office hours."""
    raw = reader.get(data, "calendar", "", dict, required=False, default={})
    reader.known_fields(raw, "calendar", CALENDAR_FIELDS)
    region = reader.choice(raw, "region", "calendar", REGIONS, required=False, default=None)
    if region is None and raw.get("region") is not None:
        reader.years = None  # unknown region: no year range to hold dates to
    else:
        reader.region = region or "CN"
        reader.years = CN_YEARS if reader.region == "CN" else FREE_YEARS
    weekdays = _DEFAULT_CALENDAR.weekdays
    if raw.get("weekdays") is not None:
        if reader.region != "none":
            reader.fail("calendar.weekdays", "scenario.weekdays_region")
        listed = reader.get(raw, "weekdays", "calendar", list, default=[])
        for index, value in enumerate(listed):
            where = join("calendar.weekdays", index)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 7:
                reader.fail(where, "scenario.weekday", value=value)
            elif value in listed[:index]:
                reader.fail(where, "scenario.duplicate_value", value=value)
        weekdays = tuple(sorted({v for v in listed if isinstance(v, int)}))
    holidays = []
    for path, record in reader.records(raw, "local_holidays", "calendar"):
        reader.known_fields(record, path, HOLIDAY_FIELDS)
        day, name = reader.day(record, "date", path), reader.get(record, "name", path, str)
        if _complete(day, name):
            holidays.append(LocalHoliday(day, name))
    grain = reader.integer(raw, "grain_minutes", "calendar", minimum=1, required=False,
                           default=_DEFAULT_CALENDAR.grain_minutes)
    if grain is not None and 60 % grain:
        reader.fail("calendar.grain_minutes", "scenario.grain", value=grain)
        grain = None
    blocks = _read_office_hours(reader, raw, grain)
    reader.longest_block = max(end - start for start, end in blocks)
    notices = _read_notices(reader, raw)
    return CalendarSpec(reader.region, weekdays, tuple(holidays), blocks, grain or _DEFAULT_CALENDAR.grain_minutes,
                        notices)


def _read_notices(reader: _ScenarioReader, raw: Mapping[str, Any]) -> tuple[HolidayNotice, ...]:
    """The State Council's holiday notices as the office entered them (``calendar.notices``), one
    a year, each read by `_read_notice`. A misspelt field would silently drop days, so unknown
    fields here are errors, not warnings."""
    notices: list[HolidayNotice] = []
    seen_years: dict[int, str] = {}
    for path, record in reader.records(raw, "notices", "calendar"):
        if reader.region != "CN":
            reader.fail(path, "notice.region")
        reader.known_fields(record, path, NOTICE_FIELDS, refuse=True)
        year = reader.integer(record, "year", path)
        if year is not None:
            if year not in CN_YEARS:
                reader.fail(join(path, "year"), "notice.year_unreachable", year=year, first=CN_YEARS.start,
                            last=CN_YEARS.stop - 1)
                year = None
            elif year in seen_years:
                reader.fail(join(path, "year"), "notice.year_twice", year=year, first=seen_years[year])
            else:
                seen_years[year] = path
        notice = _read_notice(reader, path, record, year)
        if notice is not None:
            notices.append(notice)
    return tuple(notices)


def _read_notice(reader: _ScenarioReader, path: str, record: Mapping[str, Any],
                 year: int | None) -> HolidayNotice | None:
    """One notice: holiday spans and make-up working days inside its `year`, spans in order and not
    overlapping, no day both off and working. A make-up "workday" that is already a weekday changes
    nothing: a warning."""

    def in_year(day: date | None, where: str) -> bool:
        if day is not None and year is not None and day.year != year:
            reader.fail(where, "notice.other_year", value=day.isoformat(), year=year)
            return False
        return day is not None

    spans: list[tuple[NoticeHoliday, str]] = []
    for span_path, span in reader.records(record, "holidays", path):
        reader.known_fields(span, span_path, NOTICE_HOLIDAY_FIELDS, refuse=True)
        start, end = reader.span(span, span_path, "from", "to")
        name = reader.get(span, "name", span_path, str)
        inside = in_year(start, join(span_path, "from")) & in_year(end, join(span_path, "to"))
        if not (inside and name is not None and start <= end):
            continue
        for other, other_path in spans:
            if start <= other.end and other.start <= end:
                reader.fail(span_path, "notice.overlap", start=start.isoformat(), end=end.isoformat(),
                            other=other_path)
        spans.append((NoticeHoliday(start, end, name), span_path))
    workdays: list[date] = []
    for index, value in enumerate(reader.get(record, "workdays", path, list, required=False, default=[])):
        where = join(join(path, "workdays"), index)
        day = reader.parse_day(value, where)
        if not in_year(day, where):
            continue
        clash = next((span_path for span, span_path in spans if span.start <= day <= span.end), None)
        if clash is not None:
            reader.fail(where, "notice.both", value=day.isoformat(), span=clash)
        elif day in workdays:
            reader.fail(where, "scenario.duplicate_value", value=day.isoformat())
        else:
            if day.isoweekday() <= 5:
                reader.warn(where, "notice.weekday_workday", value=day.isoformat())
            workdays.append(day)
    if year is None:
        return None
    return HolidayNotice(year, tuple(span for span, _ in spans), tuple(sorted(workdays)))


def _read_rooms(reader: _ScenarioReader, data: Mapping[str, Any]) -> tuple[Room, ...]:
    rooms = []
    for path, record in reader.records(data, "rooms"):
        reader.known_fields(record, path, ROOM_FIELDS)
        values = (reader.claim_id(record, path, "room"), reader.get(record, "name", path, str),
                  reader.integer(record, "capacity", path, minimum=1))
        kinds = reader.strings(record, "for", path) if record.get("for") is not None else ()
        for index, kind in enumerate(kinds):
            if kind not in MEETING_KINDS:
                reader.fail(join(join(path, "for"), index), "input.bad_enum", value=kind,
                            allowed=", ".join(MEETING_KINDS))
        if _complete(*values):
            rooms.append(Room(*values, for_kinds=tuple(k for k in kinds if k in MEETING_KINDS)))
    return tuple(rooms)


def _read_leaders(reader: _ScenarioReader, data: Mapping[str, Any]) -> tuple[Leader, ...]:
    """Leaders; one county head presides (Art. 6, 41, 42), one executive deputy stands in (Art. 6)."""
    leaders = []
    roles: list[tuple[str, str]] = []  # (id, role) of every record with a valid role, complete or not
    for path, record in reader.records(data, "leaders", required=True):
        reader.known_fields(record, path, LEADER_FIELDS)
        values = (reader.claim_id(record, path, "leader"), reader.get(record, "title", path, str),
                  reader.choice(record, "role", path, ROLES), reader.get(record, "domain", path, str, required=False),
                  reader.get(record, "email", path, str, required=False),
                  reader.get(record, "heads_unit", path, str, required=False))
        reader.refer(join(path, "heads_unit"), values[5], "unit")
        if values[2] is not None:
            roles.append((values[0] or path, values[2]))
        if _complete(*values[:3]):
            leaders.append(Leader(*values))
    if isinstance(data.get("leaders"), list):
        for role in SINGLE_ROLES:
            holders = [leader_id for leader_id, held in roles if held == role]
            if role == "county_head" and not holders:
                reader.fail("leaders", "scenario.no_county_head")
            elif len(holders) > 1:
                reader.fail("leaders", "scenario.role_twice", role=role, count=len(holders), ids=", ".join(holders))
    return tuple(leaders)


def _read_units(reader: _ScenarioReader, data: Mapping[str, Any]) -> tuple[Unit, ...]:
    units = []
    for path, record in reader.records(data, "units"):
        reader.known_fields(record, path, UNIT_FIELDS)
        values = (reader.claim_id(record, path, "unit"), reader.get(record, "name", path, str),
                  reader.choice(record, "kind", path, UNIT_KINDS), reader.get(record, "supervisor", path, str))
        reader.refer(join(path, "supervisor"), values[3], "leader")
        if _complete(*values):
            units.append(Unit(*values))
    return tuple(units)


def _read_policy(reader: _ScenarioReader, data: Mapping[str, Any]) -> Policy:
    """The rules' numbers (Art. 41, 42, 43, 45, 47, 50, 52, 54) and the soft rules' weights."""
    raw = reader.get(data, "policy", "", dict, required=False, default={})
    reader.known_fields(raw, "policy", POLICY_FIELDS)
    defaults = Policy()
    values: dict[str, Any] = {}
    for name in POLICY_FIELDS:
        default = getattr(defaults, name)
        if name == "weights":
            continue
        if name in POLICY_PAIRS:
            values[name] = reader.pair(raw, name, "policy", default)
        elif name in POLICY_MINUTES.values():
            values[name] = reader.minutes(raw, name, "policy", default)
        else:
            values[name] = reader.integer(raw, name, "policy", minimum=1 if name in POLICY_AT_LEAST_ONE else 0,
                                          required=False, default=default)
    weights_raw = reader.get(raw, "weights", "policy", dict, required=False, default={})
    reader.known_fields(weights_raw, "policy.weights", WEIGHT_FIELDS)
    weight_defaults = Weights()
    weights = {name: reader.integer(weights_raw, name, "policy.weights", minimum=0, required=False,
                                    default=getattr(weight_defaults, name)) for name in WEIGHT_FIELDS}
    return Policy(**values, weights=Weights(**weights))


def _read_office(reader: _ScenarioReader, data: Mapping[str, Any]) -> Office:
    """The office issuing notices: its name, document-number prefix (发文字号), contact and telephone."""
    raw = reader.get(data, "office", "", dict, required=False, default={})
    reader.known_fields(raw, "office", OFFICE_FIELDS)
    defaults = Office()
    return Office(**{name: reader.get(raw, name, "office", str, required=False, default=getattr(defaults, name))
                     for name in OFFICE_FIELDS})


def _read_agenda(reader: _ScenarioReader, data: Mapping[str, Any], units: Iterable[Unit],
                 policy: Policy) -> tuple[AgendaItem, ...]:
    """Agenda items from units' written requests (Art. 43); the supervisor defaults to the unit's."""
    supervisor_of = {unit.id: unit.supervisor for unit in units}
    items = []
    for path, record in reader.records(data, "agenda"):
        reader.known_fields(record, path, AGENDA_FIELDS)
        item_id = reader.claim_id(record, path, "item")
        title = reader.get(record, "title", path, str)
        unit = reader.get(record, "unit", path, str)
        reader.refer(join(path, "unit"), unit, "unit")
        supervisor = reader.get(record, "supervisor", path, str, required=False)
        reader.refer(join(path, "supervisor"), supervisor, "leader")
        supervisor = supervisor or supervisor_of.get(unit)
        body = reader.choice(record, "body", path, BODIES, required=False, default="standing")
        minutes = reader.minutes(record, "minutes", path, _ITEM_MINUTES)
        meeting_field = POLICY_MINUTES[body] if body else ""
        limit = getattr(policy, meeting_field, None)
        if minutes is not None and limit is not None and minutes > limit:
            reader.fail(join(path, "minutes"), "scenario.item_too_long", minutes=minutes, field=meeting_field,
                        limit=limit)
        submitted = reader.day(record, "submitted", path)
        deadline = reader.day(record, "deadline", path, required=False)
        if submitted and deadline and deadline < submitted:
            reader.fail(join(path, "deadline"), "scenario.deadline_before_submitted", deadline=deadline.isoformat(),
                        submitted=submitted.isoformat())
        matters = reader.strings(record, "matters", path) if record.get("matters") is not None else ("other",)
        for index, matter in enumerate(matters):
            if matter not in MATTERS:
                reader.fail(join(join(path, "matters"), index), "input.bad_enum", value=matter,
                            allowed=", ".join(MATTERS))
        item = dict(
            pre_studied=reader.flag(record, "pre_studied", path, True),
            consensus=reader.flag(record, "consensus", path, True),
            attending_units=reader.refer_all(record, "attending_units", path, "unit"),
            priority=reader.integer(record, "priority", path, minimum=1, maximum=3, required=False,
                                    default=_ITEM_PRIORITY),
        )
        if _complete(item_id, title, unit, supervisor, body, minutes, submitted, item["priority"]):
            items.append(AgendaItem(item_id, title, unit, supervisor, body, minutes, submitted, matters=matters,
                                    deadline=deadline, **item))
    return tuple(items)


def _read_absences(reader: _ScenarioReader, data: Mapping[str, Any]) -> tuple[Absence, ...]:
    """Leave and trips reported in advance (Art. 61), of leaders or unit heads (Art. 44)."""
    absences = []
    for path, record in reader.records(data, "absences"):
        reader.known_fields(record, path, ABSENCE_FIELDS)
        who = reader.get(record, "who", path, str)
        reader.refer(join(path, "who"), who, "party")
        start, end = reader.span(record, path, "from", "to")
        kind = reader.choice(record, "kind", path, ABSENCE_KINDS, required=False, default="leave")
        note = reader.get(record, "note", path, str, required=False, default="")
        half = reader.choice(record, "half", path, HALVES, required=False)
        if half and start and end and start != end:
            reader.fail(join(path, "half"), "scenario.half_one_day")
        if _complete(who, start, end, kind, note):
            absences.append(Absence(who, start, end, kind, note, half))
    return tuple(absences)


def _read_commitments(reader: _ScenarioReader, data: Mapping[str, Any]) -> tuple[Commitment, ...]:
    """Fixed events already on calendars, such as the congress standing committee's meetings (Art. 49)."""
    commitments = []
    for path, record in reader.records(data, "commitments"):
        reader.known_fields(record, path, COMMITMENT_FIELDS)
        commitment_id = reader.claim_id(record, path, "other")
        title = reader.get(record, "title", path, str)
        day = reader.day(record, "date", path)
        start, end = reader.clock(record, "start", path), reader.clock(record, "end", path)
        if start is not None and end is not None and start >= end:
            reader.fail(join(path, "end"), "scenario.times_reversed", start=fmt_minutes(start), end=fmt_minutes(end))
        kind = reader.choice(record, "kind", path, COMMITMENT_KINDS, required=False, default="other")
        attendees = reader.refer_all(record, "attendees", path, "party")
        location = reader.get(record, "location", path, str, required=False, default="")
        if _complete(commitment_id, title, day, start, end, kind):
            commitments.append(Commitment(commitment_id, title, day, start, end, kind, attendees, location))
    return tuple(commitments)


def _read_history(reader: _ScenarioReader, data: Mapping[str, Any]) -> tuple[HistoryEvent, ...]:
    """What already happened this year: county-wide meetings count toward Art. 47's yearly limit,
    plenary/standing/study meetings toward Art. 41, 42 and 50, decided items leave the agenda."""
    events = []
    for path, record in reader.records(data, "history"):
        reader.known_fields(record, path, HISTORY_FIELDS)
        kind = reader.choice(record, "kind", path, HISTORY_KINDS)
        day = reader.day(record, "date", path)
        needed = HISTORY_NEEDS.get(kind or "")
        unit = reader.get(record, "unit", path, str, required=False)
        item = reader.get(record, "item", path, str, required=False)
        request = reader.get(record, "request", path, str, required=False)
        reader.refer(join(path, "unit"), unit, "unit")
        reader.refer(join(path, "item"), item, "item")
        reader.refer(join(path, "request"), request, "request")
        if needed and record.get(needed) is None:
            reader.fail(join(path, needed), "scenario.needs_for_kind", kind=kind)
        elif _complete(kind, day):
            events.append(HistoryEvent(kind, day, unit, item, request))
    return tuple(events)


def _read_requests(reader: _ScenarioReader, data: Mapping[str, Any], leaders: Iterable[Leader],
                   units: Iterable[Unit], agenda: Iterable[AgendaItem]) -> tuple[MeetingRequest, ...]:
    """Other meetings to place: thematic and county head office meetings (Art. 46), study sessions
    (Art. 50), units' county-wide meetings (Art. 47, which must name the holding unit), ad hoc
    standing meetings (Art. 42); each convened by whom its article says (`_check_convener`)."""
    role_of = {leader.id: leader.role for leader in leaders}
    supervisor_of_unit = {unit.id: unit.supervisor for unit in units}
    supervisor_of_item = {item.id: item.supervisor for item in agenda}
    requests = []
    for path, record in reader.records(data, "meeting_requests"):
        reader.known_fields(record, path, REQUEST_FIELDS)
        request_id = reader.claim_id(record, path, "request")
        kind = reader.choice(record, "kind", path, REQUEST_KINDS)
        title = reader.get(record, "title", path, str)
        convener = reader.get(record, "convener", path, str)
        # A county-wide meeting is the unit's own: its convener may be the unit (Art. 47).
        reader.refer(join(path, "convener"), convener, "party" if kind == "county_wide" else "leader")
        unit = reader.get(record, "unit", path, str, required=False)
        reader.refer(join(path, "unit"), unit, "unit")
        if kind == "county_wide" and unit is None:
            reader.fail(join(path, "unit"), "scenario.needs_for_kind", kind=kind)
        room = reader.get(record, "room", path, str, required=False)
        reader.refer(join(path, "room"), room, "room")
        earliest, latest = reader.span(record, path, "earliest", "latest")
        request = dict(
            required=reader.refer_all(record, "required", path, "party"),
            preferred=reader.refer_all(record, "preferred", path, "party"),
            minutes=reader.minutes(record, "minutes", path, _REQUEST_MINUTES),
            for_items=reader.refer_all(record, "for_items", path, "item"),
            commissioned=reader.flag(record, "commissioned", path, False),
            decision=reader.flag(record, "decision", path, False),
            head_consent=reader.flag(record, "head_consent", path, False),
            video=reader.flag(record, "video", path, False),
        )
        if kind is not None and convener is not None:
            _check_convener(reader, path, kind, convener, unit, request["for_items"], role_of, supervisor_of_unit,
                            supervisor_of_item)
        if kind == "thematic" and convener is not None:
            _check_thematic(reader, path, record, convener, request, role_of, supervisor_of_unit)
        if _complete(request_id, kind, title, convener, earliest, latest, request["minutes"]):
            requests.append(MeetingRequest(request_id, kind, title, convener, earliest=earliest, latest=latest,
                                           unit=unit, room=room, **request))
    return tuple(requests)


def _check_thematic(reader: _ScenarioReader, path: str, record: Mapping[str, Any], convener: str,
                    request: Mapping[str, Any], role_of: Mapping[str, str],
                    supervisor_of_unit: Mapping[str, str]) -> None:
    """Art. 46: 县长或县长委托副县长按照分工召开专题会议；决策类专题会议要报请县长同意后方可召开.

    A deputy convenes by portfolio (supervising one of the required units, or the items it pre-studies,
    which `_check_convener` ties to their supervisor) or marked `commissioned: true`; the head needs
    no commission, so a commissioned meeting the head convenes is a contradiction; a decision-making
    meeting (`decision: true`) needs `head_consent: true` unless the head convenes it himself."""
    role = role_of.get(convener)
    if role is None:
        return
    head = role == "county_head"
    if head and request["commissioned"]:
        reader.fail(join(path, "commissioned"), "scenario.commissioned_head", id=convener)
    portfolio = request["for_items"] or any(supervisor_of_unit.get(x) == convener for x in request["required"])
    if not head and role in ("executive_deputy", "deputy") and not portfolio and not request["commissioned"]:
        reader.fail(join(path, "convener"), "scenario.convener_portfolio", id=convener)
    if request["decision"] and not head and not request["head_consent"]:
        reader.fail(join(path, "head_consent"), "scenario.decision_consent")


def _check_convener(reader: _ScenarioReader, path: str, kind: str, convener: str, unit: str | None,
                    for_items: tuple[str, ...], role_of: Mapping[str, str], supervisor_of_unit: Mapping[str, str],
                    supervisor_of_item: Mapping[str, str]) -> None:
    """Who may convene a requested meeting (DESIGN §3 "Conveners"), each naming its article:
    a thematic meeting the head or a deputy (Art. 46), and an item's pre-study that item's supervising
    leader (Art. 43: 应先由政府分管领导召集); a county head office meeting the head (Art. 46); an ad hoc
    standing meeting the head or, by commission, the executive deputy (Art. 42); a study session the
    head (Art. 50); a county-wide meeting the holding unit or its supervising leader (Art. 47).
    Unknown ids are left to the reference check."""
    where = join(path, "convener")
    if kind == "county_wide":
        allowed = {unit, supervisor_of_unit.get(unit or "")} - {None}
        if unit is not None and convener not in allowed and (convener in role_of or convener in supervisor_of_unit):
            reader.fail(where, "scenario.convener_county_wide", id=convener, unit=unit)
        return
    if convener not in role_of:
        return
    if role_of[convener] not in CONVENER_ROLES[kind]:
        reader.fail(where, f"scenario.convener_{kind}", id=convener)
    if kind == "thematic":
        for index, item_id in enumerate(for_items):
            supervisor = supervisor_of_item.get(item_id)
            if supervisor is not None and supervisor != convener:
                reader.fail(join(join(path, "for_items"), index), "scenario.prestudy_convener", item=item_id,
                            supervisor=supervisor, id=convener)


def build_scenario(data: Any, file: str, lines: Mapping[str, int] | None = None, problems: Iterable[Problem] = (),
                   cells: Mapping[str, str] | None = None) -> tuple[Scenario, tuple[Problem, ...]]:
    """Read a whole scenario document (parsed YAML, or a workbook's cells as `scheduler.workbook` converts
    them); raise `InputError` with every problem, else return the scenario and the warnings. `lines`
    (YAML) or `cells` (workbook) say where each field path came from."""
    if data is None:  # nothing but blanks or comments: "expected a mapping" would only puzzle
        raise InputError([Problem(file, "", "input.empty_file")])
    if not isinstance(data, dict):
        raise InputError([Problem(file, "", "input.type.mapping", {"expected": "dict"}, 1)])
    reader = _ScenarioReader(file, lines, cells)
    reader.problems.extend(problems)
    reader.known_fields(data, "", TOP_FIELDS)
    version = reader.get(data, "version", "", int, required=False, default=SCENARIO_VERSION)
    if version != SCENARIO_VERSION:
        reader.fail("version", "scenario.version", value=data.get("version"))
    name = reader.get(data, "name", "", str)
    # Calendar first: it fixes the years dates must fall in and the longest meeting possible.
    calendar = _read_calendar(reader, data)
    rooms = _read_rooms(reader, data)
    leaders = _read_leaders(reader, data)
    units = _read_units(reader, data)
    policy = _read_policy(reader, data)
    agenda = _read_agenda(reader, data, units, policy)
    absences = _read_absences(reader, data)
    commitments = _read_commitments(reader, data)
    history = _read_history(reader, data)
    requests = _read_requests(reader, data, leaders, units, agenda)
    flow = reader.get(data, "flow", "", dict, required=False, default={})
    office = _read_office(reader, data)
    unreadable = {kind for section, kind in SECTION_KINDS.items()
                  if data.get(section) is not None and not isinstance(data[section], list)}
    reader.check_references(unreadable)
    if reader.problems:
        # Unknown fields go along: a misspelt field often explains a "missing" problem.
        raise InputError(sorted(reader.problems + reader.warnings, key=lambda p: p.line or 0))
    scenario = Scenario(name=name, calendar=calendar, leaders=leaders, units=units, rooms=rooms, absences=absences,
                        commitments=commitments, history=history, policy=policy, agenda=agenda,
                        meeting_requests=requests, flow=flow, office=office, version=version, source=file)
    return scenario, tuple(reader.warnings)


# ----- public API ------------------------------------------------------------------------------


def default_scenario_path() -> Traversable:
    """The embedded default scenario; found through the package, so it works when installed.

    When `scheduler` is imported from a source checkout rather than an installed distribution
    (``python -c`` in the repository root puts the checkout first on sys.path), the package
    ``scheduler.scenarios`` does not exist there: the file is then the checkout's scenarios/.
    """
    try:
        return files("scheduler.scenarios").joinpath(DEFAULT_SCENARIO)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent.joinpath("scenarios", DEFAULT_SCENARIO)


def parse_scenario_checked(text: str, file: str) -> tuple[Scenario, tuple[Problem, ...]]:
    """A scenario from YAML text, with the warnings (unknown fields) its file raised."""
    data, lines, duplicates = _load_yaml(text, file)
    return build_scenario(data, file, lines, duplicates)


def parse_scenario(text: str, file: str) -> Scenario:
    """A scenario from YAML text; `file` names it in messages. Raises `InputError`."""
    return parse_scenario_checked(text, file)[0]


def scenario_from_mapping(data: dict[str, Any], file: str = "<memory>") -> Scenario:
    """A scenario from already-parsed data (dates may be `date` objects or ``YYYY-MM-DD`` text)."""
    return build_scenario(data, file)[0]


def workbook_layout() -> tuple[Any, ...]:
    """The sheets of a scenario workbook (`scheduler.workbook`), their columns this reader's field lists."""
    from scheduler.workbook import layout

    return layout({"calendar.local_holidays": HOLIDAY_FIELDS, "rooms": ROOM_FIELDS, "leaders": LEADER_FIELDS,
                   "units": UNIT_FIELDS, "absences": ABSENCE_FIELDS, "commitments": COMMITMENT_FIELDS,
                   "history": HISTORY_FIELDS, "agenda": AGENDA_FIELDS, "meeting_requests": REQUEST_FIELDS})


def is_workbook(raw: bytes, file: str) -> bool:
    """Whether a scenario file is an Excel workbook rather than YAML: by its bytes (a zip, or an old
    binary .xls, which the workbook reader refuses by name), or by its name for a file too short to tell."""
    return raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")) or file.lower().endswith((".xlsx", ".xlsm", ".xls"))


def parse_scenario_bytes(raw: bytes, file: str) -> tuple[Scenario, tuple[Problem, ...]]:
    """A scenario from a file's bytes, YAML or workbook (`scheduler.workbook`), with its warnings and
    the SHA-256 of those bytes."""
    if is_workbook(raw, file):
        from scheduler.workbook import read_cells

        converted = read_cells(raw, file, workbook_layout())
        scenario, warnings = build_scenario(converted.data, file, cells=converted.cells)
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            raise InputError([Problem(file, "", "input.not_utf8", {"byte": error.start}, line)]) from None
        scenario, warnings = parse_scenario_checked(text, file)
    return replace(scenario, sha256=hashlib.sha256(raw).hexdigest()), warnings


def load_scenario_checked(path: str | os.PathLike[str] | None = None) -> tuple[Scenario, tuple[Problem, ...]]:
    """`load_scenario`, also returning the file's warnings (for ``govcal scenario validate``)."""
    if path is None:
        source, file = default_scenario_path(), DEFAULT_SCENARIO
    else:
        file = os.fspath(path)
        source = Path(file)
    return parse_scenario_bytes(read_bytes(source, file), file)


def load_scenario(path: str | os.PathLike[str] | None = None) -> Scenario:
    """Read and validate a scenario file, YAML or an Excel workbook; None reads the embedded default
    (wuqia-2024.yaml)."""
    return load_scenario_checked(path)[0]


def scenario_calendar(scenario: Scenario) -> WorkCalendar:
    """The working-day calendar over the scenario's years (and the next, for deadlines).

    Shared with every other caller asking for the same spec and years (`calendar_for` caches).
    """
    return calendar_for(scenario.calendar, scenario_years(scenario))


def scenario_to_yaml(scenario: Scenario) -> str:
    """The scenario as YAML text that reads back to the same scenario (libyaml's emitter when present)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(scenario_to_mapping(scenario), Dumper=dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=None, width=4096)


def scenario_to_mapping(scenario: Scenario) -> dict[str, Any]:
    """The scenario as v1 YAML-ready data: dates as `date`, times as ``HH:MM``, optional nulls left out.

    ``scenario_from_mapping(scenario_to_mapping(s), s.source) == s``.
    """
    def without_nulls(record: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in record.items() if value is not None}

    def plain(value: Any) -> Any:
        return list(value) if isinstance(value, tuple) else value

    spec = scenario.calendar
    calendar: dict[str, Any] = {"region": spec.region}
    if spec.region == "none":
        calendar["weekdays"] = list(spec.weekdays)
    calendar["local_holidays"] = [{"date": h.date, "name": h.name} for h in spec.local_holidays]
    calendar["office_hours"] = [[fmt_minutes(start), fmt_minutes(end)] for start, end in spec.office_hours]
    calendar["grain_minutes"] = spec.grain_minutes
    if spec.notices:
        calendar["notices"] = [{"year": n.year,
                                "holidays": [{"from": h.start, "to": h.end, "name": h.name} for h in n.holidays],
                                "workdays": list(n.workdays)} for n in spec.notices]
    policy = {name: plain(value) for name, value in asdict(scenario.policy).items() if name != "weights"}
    policy["weights"] = asdict(scenario.policy.weights)
    return {
        "version": scenario.version,
        "name": scenario.name,
        "calendar": calendar,
        "rooms": [{"id": r.id, "name": r.name, "capacity": r.capacity, **({"for": list(r.for_kinds)} if r.for_kinds
                                                                         else {})} for r in scenario.rooms],
        "leaders": [without_nulls(asdict(leader)) for leader in scenario.leaders],
        "units": [asdict(unit) for unit in scenario.units],
        "absences": [without_nulls({"who": a.who, "from": a.start, "to": a.end, "kind": a.kind, "note": a.note,
                                    "half": a.half}) for a in scenario.absences],
        "commitments": [{"id": c.id, "title": c.title, "date": c.date, "start": fmt_minutes(c.start),
                         "end": fmt_minutes(c.end), "kind": c.kind, "attendees": list(c.attendees),
                         **({"location": c.location} if c.location else {})}
                        for c in scenario.commitments],
        "history": [without_nulls(asdict(event)) for event in scenario.history],
        "policy": policy,
        "agenda": [without_nulls({key: plain(value) for key, value in asdict(item).items()})
                   for item in scenario.agenda],
        "meeting_requests": [without_nulls({key: plain(value) for key, value in asdict(request).items()
                                            if not (key in REQUEST_FLAGS and value is False)})
                             for request in scenario.meeting_requests],
        "flow": dict(scenario.flow),
        **({"office": asdict(scenario.office)} if scenario.office != Office() else {}),
    }
