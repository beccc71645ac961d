"""Reading user documents (scenario YAML, plan JSON) while collecting every problem.

`Reader` never stops at the first mistake: each accessor records a `Problem` with the field
path a user reads (``agenda[3].submitted``) and returns a fallback, so one run reports all
that is wrong. When the document came from YAML, `lines` maps field paths to source lines
and every problem carries the line of the closest field it concerns.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from typing import Any, Protocol

import yaml

from scheduler.errors import InputError, Problem

# Message keys for "wrong type" by expected Python type; the words are in scheduler.messages.
_TYPE_KEYS: dict[type, str] = {
    bool: "input.type.bool",
    int: "input.type.int",
    float: "input.type.number",
    str: "input.type.str",
    list: "input.type.list",
    dict: "input.type.mapping",
}
# Only the documented form: date.fromisoformat would also take 20240501 or 2024-W18-3.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def scenario_resolvers(base: type[Any], name: str) -> type[Any]:
    """`base` (a YAML loader or dumper) that keeps ``10:00``, ``010`` and dates as text.

    YAML 1.1 would read an unquoted ``10:00`` as the base-60 integer 600, ``010`` as octal 8,
    and would crash on an impossible date such as 2024-02-30; the reader parses dates and
    times itself so that each mistake gets a message naming its field. A dumper built alike
    writes such text unquoted, as a person would type it into a workbook cell.
    """
    narrowed = type(name, (base,), {})
    narrowed.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers
                if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:timestamp")]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    narrowed.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                   list("-+0123456789"))
    return narrowed


# libyaml's parser when installed (six times faster on large generated scenarios); both give marks.
ScenarioLoader = scenario_resolvers(getattr(yaml, "CSafeLoader", yaml.SafeLoader), "ScenarioLoader")
_ScenarioDumper = scenario_resolvers(yaml.SafeDumper, "ScenarioDumper")


def parse_yaml_value(text: str) -> Any:
    """One YAML value (a workbook's ``[1, 2]`` cell) read as scenario files are: times and dates stay text.
    Text that is no YAML is returned as it is, for the reader to name."""
    try:
        return yaml.load(text, Loader=ScenarioLoader)
    except yaml.YAMLError:
        return text


def yaml_value_text(value: Any) -> str:
    """`value` as one line of YAML that `parse_yaml_value` reads back to it (``[[10:00, 14:00]]``)."""
    return yaml.dump(value, Dumper=_ScenarioDumper, default_flow_style=True, allow_unicode=True, sort_keys=False,
                     width=float("inf")).strip().removesuffix("...").strip()


class _Readable(Protocol):
    """A local path or a packaged resource (`importlib.resources.abc.Traversable`)."""

    def read_bytes(self) -> bytes: ...


def read_bytes(source: _Readable, file: str) -> bytes:
    """The bytes of a user's file; `InputError` naming `file` when it cannot be read.

    Each common cause has its own message, in the user's language: the operating system's
    wording ("Is a directory") would be English whatever ``--lang`` says.
    """
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(file, "", "input.not_found")]) from None
    except IsADirectoryError:
        raise InputError([Problem(file, "", "input.is_directory")]) from None
    except PermissionError:
        raise InputError([Problem(file, "", "input.no_permission")]) from None
    except OSError as error:
        raise InputError([Problem(file, "", "input.unreadable", {"reason": error.strerror or str(error)})]) from None


def read_document(source: _Readable, file: str) -> tuple[bytes, str]:
    """The bytes of a user's file and their UTF-8 text; `InputError` naming `file` when it cannot be read."""
    raw = read_bytes(source, file)
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise InputError([Problem(file, "", "input.not_utf8", {"byte": error.start}, line)]) from None


# Under --strict a warning stops the command, so its text must not say "ignored".
_STRICT_KEYS = {
    "input.unknown_field": "input.unknown_field_strict",
    "input.unknown_field_hint": "input.unknown_field_hint_strict",
}


def as_errors(warnings: Iterable[Problem]) -> tuple[Problem, ...]:
    """`warnings` worded as problems that stop a command (``--strict``); same file, line and path."""
    return tuple(replace(warning, key=_STRICT_KEYS.get(warning.key, warning.key)) for warning in warnings)


def join(path: str, key: str | int) -> str:
    """The path of a child field: ``join("agenda[3]", "unit")``; ``join("agenda", 3)``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def nearest(word: object, known: Iterable[str]) -> str | None:
    """The known name closest to a mistyped one, or None when none is close enough.

    One rule for every "did you mean" (field names, ids): difflib's ratio with its default 0.6
    cutoff, which catches a dropped or doubled letter but not an unrelated word.
    """
    close = difflib.get_close_matches(str(word), sorted(known), n=1)
    return close[0] if close else None


def parent_paths(path: str) -> Iterator[str]:
    """`path` and then each enclosing path: ``a[1].b`` -> ``a[1].b``, ``a[1]``, ``a``."""
    while path:
        yield path
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""


class Reader:
    """Collects every problem (and warning) of one document instead of stopping at the first."""

    def __init__(self, file: str, lines: Mapping[str, int] | None = None,
                 cells: Mapping[str, str] | None = None) -> None:
        self.file = file
        self.lines = lines or {}
        self.cells = cells or {}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    # ----- recording ----------------------------------------------------------------------
    def line_of(self, path: str) -> int | None:
        """The source line of `path`, or of the closest enclosing field that has one."""
        for candidate in parent_paths(path):
            if candidate in self.lines:
                return self.lines[candidate]
        return None

    def cell_of(self, path: str) -> str | None:
        """The workbook cell of `path` (or of the closest enclosing field that has one)."""
        if self.cells:
            for candidate in parent_paths(path):
                if candidate in self.cells:
                    return self.cells[candidate]
        return None

    def fail(self, path: str, key: str, **params: Any) -> None:
        self.problems.append(Problem(self.file, path, key, params, self.line_of(path), self.cell_of(path)))

    def warn(self, path: str, key: str, **params: Any) -> None:
        self.warnings.append(Problem(self.file, path, key, params, self.line_of(path), self.cell_of(path)))

    # ----- typed accessors ------------------------------------------------------------------
    def get(self, data: Mapping[str, Any], key: str, path: str, kind: type | tuple[type, ...],
            required: bool = True, default: Any = None) -> Any:
        """`data[key]` if it has type `kind`; else record why and return `default`.

        A null value counts as absent. ``bool`` is not accepted where a number is expected,
        although Python treats it as an int.
        """
        where = join(path, key)
        if key not in data or data[key] is None:
            if required:
                self.fail(where, "input.missing")
            return default
        value = data[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        numeric = any(k in (int, float) for k in kinds)
        if not isinstance(value, kind) or (isinstance(value, bool) and numeric and bool not in kinds):
            self.fail(where, _TYPE_KEYS.get(kinds[0], "input.type"), expected=kinds[0].__name__)
            return default
        return value

    def integer(self, data: Mapping[str, Any], key: str, path: str, minimum: int | None = None,
                maximum: int | None = None, required: bool = True, default: int | None = None) -> int | None:
        """An int within [minimum, maximum] (either bound optional)."""
        value = self.get(data, key, path, int, required=required, default=None)
        if value is None:
            return default
        where = join(path, key)
        if maximum is not None and minimum is not None and not minimum <= value <= maximum:
            self.fail(where, "input.out_of_range", value=value, low=minimum, high=maximum)
        elif minimum is not None and value < minimum:
            self.fail(where, "input.not_positive" if minimum == 1 else "input.too_small", value=value, low=minimum)
        else:
            return value
        return default

    def choice(self, data: Mapping[str, Any], key: str, path: str, allowed: tuple[str, ...],
               required: bool = True, default: str | None = None) -> str | None:
        """A string that must be one of `allowed` (an enumeration of the contract)."""
        value = self.get(data, key, path, str, required=required, default=None)
        if value is None:
            return default
        if value not in allowed:
            self.fail(join(path, key), "input.bad_enum", value=value, allowed=", ".join(allowed))
            return default
        return value

    def parse_day(self, value: Any, where: str) -> date | None:
        """A ``YYYY-MM-DD`` string or a `date` (YAML or Python callers may give either)."""
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if not isinstance(value, str):
            self.fail(where, "input.bad_date", value=value)
            return None
        if _ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass  # well-formed but impossible, such as 2024-02-30
        self.fail(where, "input.bad_date", value=value)
        return None

    def day(self, data: Mapping[str, Any], key: str, path: str, required: bool = True) -> date | None:
        where = join(path, key)
        if key not in data or data[key] is None:
            if required:
                self.fail(where, "input.missing")
            return None
        return self.parse_day(data[key], where)

    def parse_clock(self, value: Any, where: str) -> int | None:
        """``HH:MM`` (00:00 .. 24:00) as minutes after midnight."""
        match = _CLOCK.fullmatch(value) if isinstance(value, str) else None
        if match:
            minutes = int(match[1]) * 60 + int(match[2])
            if int(match[2]) < 60 and minutes <= 24 * 60:
                return minutes
        self.fail(where, "input.bad_time", value=value)
        return None

    def clock(self, data: Mapping[str, Any], key: str, path: str) -> int | None:
        value = self.get(data, key, path, str)
        return None if value is None else self.parse_clock(value, join(path, key))

    def strings(self, data: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        """An optional list of strings (ids, usually); absent or null is the empty list."""
        values = self.get(data, key, path, list, required=False, default=[])
        bad = [index for index, value in enumerate(values) if not isinstance(value, str)]
        for index in bad:
            self.fail(join(join(path, key), index), "input.type.str", expected="str")
        return () if bad else tuple(values)

    def records(self, data: Mapping[str, Any], key: str, path: str = "",
                required: bool = False) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each mapping in the list `data[key]`, with its path; non-mappings are reported."""
        where = join(path, key)
        for index, raw in enumerate(self.get(data, key, path, list, required=required, default=[])):
            if isinstance(raw, dict):
                yield join(where, index), raw
            else:
                self.fail(join(where, index), "input.type.mapping", expected="dict")

    def known_fields(self, data: Mapping[str, Any], path: str, allowed: tuple[str, ...],
                     refuse: bool = False) -> None:
        """Warn about fields the contract does not know, suggesting the nearest known name.

        A warning, not a problem: the v1 contract lets later versions add fields, and a file
        written for them should still load here; but a typo (``supervsor``) must not pass unseen.
        With `refuse`, where a dropped field would change the result unseen, they are problems.
        """
        for key in data:
            if key in allowed:
                continue
            hint = nearest(key, allowed)
            record = self.fail if refuse else self.warn
            suffix = "_refused" if refuse else ""
            if hint:
                record(join(path, str(key)), f"input.unknown_field_hint{suffix}", field=key, hint=hint)
            else:
                record(join(path, str(key)), f"input.unknown_field{suffix}", field=key)
