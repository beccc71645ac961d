"""Small edits to a scenario file's text that keep everything else as the office wrote it.

A scenario file carries the office's comments (Chinese and English) and its own layout; loading it
and dumping it again would drop both. So an edit is a text insertion: the new record goes at the end
of its top-level list, in the list's own indentation, as one flow-style line like the records the
template writes (``- {who: exec, from: 2024-06-10, to: 2024-06-21, kind: leave}``). The caller
parses the result before writing it, so an edit never hands out a file that would not load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from scheduler.domain import HistoryEvent

_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:(?P<rest>.*)$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]|$)")
_DEFAULT_INDENT = "  "


def flow_record(record: dict[str, Any]) -> str:
    """One mapping as a YAML flow line, without a trailing newline (dates stay unquoted dates)."""
    return yaml.safe_dump(record, default_flow_style=True, allow_unicode=True, sort_keys=False,
                          width=float("inf")).strip()


def append_to_list(text: str, key: str, record: dict[str, Any]) -> str:
    """`text` with `record` appended to the top-level list `key`.

    The list may be a block list (appended after its last line, before any comments that follow it),
    an empty flow list (``key: []``, which becomes a block list) or missing (added at the end)."""
    lines = text.splitlines(keepends=True)
    line_ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    start = next((index for index, line in enumerate(lines)
                  if (match := _TOP_KEY.match(line.rstrip("\r\n"))) and match["key"] == key), None)
    if start is None:
        prefix = "" if not text or text.endswith(("\n", "\r")) else line_ending
        return f"{text}{prefix}{key}:{line_ending}{_DEFAULT_INDENT}- {flow_record(record)}{line_ending}"
    rest = _TOP_KEY.match(lines[start].rstrip("\r\n"))["rest"]  # type: ignore[index]
    value = rest.split("#", 1)[0].strip()
    if value == "[]":
        lines[start] = f"{key}:{line_ending}"
        lines.insert(start + 1, f"{_DEFAULT_INDENT}- {flow_record(record)}{line_ending}")
        return "".join(lines)
    if value:
        raise ValueError(f"{key} is written in flow style on one line; add the record by hand")
    last = start  # the list's last line that belongs to a record (indented, not a comment)
    indent = None
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        # A list may sit at its key's own indentation (`key:` then `- a`), so only a line starting
        # with something else than blank, a comment or a dash ends it: the next top-level key.
        if lines[index][:1] not in (" ", "\t", "-") and stripped and not stripped.startswith("#"):
            break
        if stripped and not stripped.startswith("#"):
            last = index
            if indent is None and (item := _ITEM.match(lines[index])):
                indent = item["indent"]
    if not lines[last].endswith(("\n", "\r")):
        lines[last] += line_ending
    lines.insert(last + 1, f"{_DEFAULT_INDENT if indent is None else indent}- {flow_record(record)}{line_ending}")
    return "".join(lines)


def append_records(raw: bytes, file: str, key: str, records: list[dict[str, Any]]) -> bytes:
    """A scenario file's bytes with `records` added at the end of its top-level list `key`: in YAML as text
    (comments and layout kept, `append_to_list`), in a workbook as rows below the last one of that list's
    sheet (every other sheet, cell, style and drop-down as the office left it). The caller validates
    the result before writing it. `InputError` when the file is neither; ValueError as `append_to_list`."""
    from scheduler.scenario import is_workbook

    if is_workbook(raw, file):
        from govcal.exports.scenario_xlsx import append_rows

        return append_rows(raw, file, key, records)
    from scheduler.reader import read_document

    text = read_document(_Bytes(raw), file)[1]
    for record in records:
        text = append_to_list(text, key, record)
    return text.encode("utf-8")


class _Bytes:
    """Bytes already read, for `read_document`'s decoding and its messages."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def read_bytes(self) -> bytes:
        return self.raw


def add_history(file: str, history: Iterable[HistoryEvent]) -> int:
    """Add to the scenario file `file` the events of `history` it lacks (a workbook's 已办事项 rows, or
    YAML lines keeping the comments), validated first and written whole; how many were added."""
    from govcal.files import atomic_write_bytes
    from scheduler.errors import InputError, Problem
    from scheduler.plan import history_to_json
    from scheduler.reader import read_bytes
    from scheduler.scenario import parse_scenario_bytes

    raw = read_bytes(Path(file), file)
    present = set(parse_scenario_bytes(raw, file)[0].history)
    missing = [event for event in sorted(history, key=lambda e: e.date) if event not in present]
    records = [{**history_to_json(event), "date": event.date} for event in missing]
    try:
        edited = append_records(raw, file, "history", records) if records else raw
    except ValueError:
        raise InputError([Problem(file, "history", "cli.scenario.flow_list", {"key": "history"})]) from None
    parse_scenario_bytes(edited, file)  # never hand back a file that would not load
    atomic_write_bytes(file, edited)
    return len(records)
