"""The ledger's schema: every version's tables, and the forward migrations between them.

A ledger is an SQLite file marked with `APPLICATION_ID` (``PRAGMA application_id``), so any other
file, SQLite or not, is recognised and refused before anything is written; its schema version is
``PRAGMA user_version``. `SCHEMA[n]` creates version n from nothing; `MIGRATIONS[n]` turns version
n into n + 1 inside the caller's transaction. A new govcal that changes the schema adds the next
version's DDL and one migration; the versions already shipped are never edited, because ledgers
made by them exist.

Version 1: published revisions (the whole plan JSON and its meetings), outcomes with the decided
items as a JSON list, follow-ups (督办) with a due date, and the facts each version of the scenario
file gives (names and the working-day calendar) keyed by the file's SHA-256.
Version 2: one row per item an outcome decided or did not decide (`decisions`), so "not decided"
is recorded rather than inferred from a plan that a later revision may replace; follow-ups get a
report interval and their reports (Art. 57: 及时报告办理进展情况).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

# "GvLg": marks a file as a govcal ledger (SQLite's header, offset 68).
APPLICATION_ID = 0x47764C67
SCHEMA_VERSION = 2

_COMMON_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE scenario_versions (
    sha256     TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    facts      TEXT NOT NULL,   -- JSON: names of leaders, units and items; the calendar spec
    first_seen TEXT NOT NULL
);
CREATE TABLE revisions (
    id              INTEGER PRIMARY KEY,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    revision        INTEGER NOT NULL CHECK (revision >= 1),
    scenario_sha256 TEXT NOT NULL,
    published_at    TEXT NOT NULL,   -- UTC, ISO 8601
    plan_json       TEXT NOT NULL,   -- the whole plan as published (govcal.plan/1)
    UNIQUE (period_from, revision)
);
CREATE TABLE meetings (
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    meeting     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    request     TEXT,
    title       TEXT NOT NULL,
    day         TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    items       TEXT NOT NULL,   -- JSON list of item ids in running order
    PRIMARY KEY (revision_id, meeting)
);
CREATE INDEX meetings_by_day ON meetings(day);
"""

SCHEMA_V1 = _COMMON_V1 + """
CREATE TABLE outcomes (
    period_from TEXT NOT NULL,
    meeting     TEXT NOT NULL,
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    held        INTEGER NOT NULL CHECK (held IN (0, 1)),
    day         TEXT NOT NULL,   -- the day held (or, cancelled, the day it was planned for)
    start       INTEGER,         -- minutes after midnight; null when cancelled
    decided     TEXT NOT NULL,   -- JSON list of the item ids decided
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (period_from, meeting)
);
CREATE TABLE followups (
    id          INTEGER PRIMARY KEY,
    item        TEXT NOT NULL,
    unit        TEXT NOT NULL,
    period_from TEXT NOT NULL,
    meeting     TEXT NOT NULL,
    decided_on  TEXT NOT NULL,
    due         TEXT NOT NULL CHECK (due >= decided_on),
    closed_on   TEXT,
    note        TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (period_from, meeting) REFERENCES outcomes(period_from, meeting)
);
CREATE INDEX followups_open ON followups(closed_on, due);
"""

_OUTCOMES_V2 = """
CREATE TABLE {name} (
    period_from TEXT NOT NULL,
    meeting     TEXT NOT NULL,
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    held        INTEGER NOT NULL CHECK (held IN (0, 1)),
    day         TEXT NOT NULL,   -- the day held (or, cancelled, the day it was planned for)
    start       INTEGER,         -- minutes after midnight; null when cancelled
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (period_from, meeting)
);
"""

_ADDED_IN_V2 = """
CREATE TABLE decisions (
    period_from TEXT NOT NULL,
    meeting     TEXT NOT NULL,
    item        TEXT NOT NULL,
    decided     INTEGER NOT NULL CHECK (decided IN (0, 1)),
    position    INTEGER NOT NULL,   -- the item's place in the meeting's running order
    PRIMARY KEY (period_from, meeting, item),
    FOREIGN KEY (period_from, meeting) REFERENCES outcomes(period_from, meeting)
);
CREATE TABLE followup_reports (
    id       INTEGER PRIMARY KEY,
    followup INTEGER NOT NULL REFERENCES followups(id),
    day      TEXT NOT NULL,
    note     TEXT NOT NULL
);
CREATE INDEX reports_by_followup ON followup_reports(followup, day);
"""

SCHEMA_V2 = _COMMON_V1 + _OUTCOMES_V2.format(name="outcomes") + """
CREATE TABLE followups (
    id           INTEGER PRIMARY KEY,
    item         TEXT NOT NULL,
    unit         TEXT NOT NULL,
    period_from  TEXT NOT NULL,
    meeting      TEXT NOT NULL,
    decided_on   TEXT NOT NULL,
    due          TEXT NOT NULL CHECK (due >= decided_on),
    closed_on    TEXT,
    note         TEXT NOT NULL DEFAULT '',
    report_every INTEGER CHECK (report_every IS NULL OR report_every >= 1),   -- working days
    FOREIGN KEY (period_from, meeting) REFERENCES outcomes(period_from, meeting)
);
CREATE INDEX followups_open ON followups(closed_on, due);
""" + _ADDED_IN_V2

SCHEMA: dict[int, str] = {1: SCHEMA_V1, 2: SCHEMA_V2}


def _migrate_1_to_2(connection: sqlite3.Connection) -> None:
    """Outcomes' JSON lists of decided items become `decisions` rows, one per item of the meeting as
    published (decided or not); follow-ups get `report_every` and `followup_reports`.

    The outcomes table loses its `decided` column by SQLite's rebuild procedure (new table, copy,
    drop, rename), which works on every SQLite version Python ships with. Foreign keys are off
    for the rebuild (the caller's business) and checked after it.
    """
    run_script(connection, _ADDED_IN_V2)
    rows = connection.execute(
        "SELECT o.period_from, o.meeting, o.held, o.decided, m.items FROM outcomes o "
        "JOIN meetings m ON m.revision_id = o.revision_id AND m.meeting = o.meeting").fetchall()
    for period_from, meeting, held, decided_json, items_json in rows:
        decided = json.loads(decided_json)
        planned = json.loads(items_json) if held else []
        # A decided item not on the published agenda (a hand edit) is kept after the planned ones.
        order = [*planned, *(item for item in decided if item not in planned)]
        connection.executemany(
            "INSERT INTO decisions (period_from, meeting, item, decided, position) VALUES (?, ?, ?, ?, ?)",
            [(period_from, meeting, item, int(item in decided), position) for position, item in enumerate(order)])
    connection.execute(_OUTCOMES_V2.format(name="outcomes_v2"))
    connection.execute("INSERT INTO outcomes_v2 (period_from, meeting, revision_id, held, day, start, recorded_at) "
                       "SELECT period_from, meeting, revision_id, held, day, start, recorded_at FROM outcomes")
    connection.execute("DROP TABLE outcomes")
    connection.execute("ALTER TABLE outcomes_v2 RENAME TO outcomes")
    connection.execute("ALTER TABLE followups ADD COLUMN report_every INTEGER "
                       "CHECK (report_every IS NULL OR report_every >= 1)")


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2}


def statements(script: str) -> list[str]:
    """The SQL statements of a script, one by one."""
    found, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:60]}")
    return found


def run_script(connection: sqlite3.Connection, script: str) -> None:
    """Run a DDL script inside the caller's transaction (``executescript`` would commit it first)."""
    for statement in statements(script):
        connection.execute(statement)


def create(connection: sqlite3.Connection, version: int = SCHEMA_VERSION) -> None:
    """Create the tables of schema `version` and mark the file as a ledger of that version."""
    run_script(connection, SCHEMA[version])
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {version}")


def migrate(connection: sqlite3.Connection, found: int) -> None:
    """Bring a ledger of schema `found` to `SCHEMA_VERSION`, one step at a time, in the caller's transaction."""
    for version in range(found, SCHEMA_VERSION):
        MIGRATIONS[version](connection)
        connection.execute(f"PRAGMA user_version = {version + 1}")

