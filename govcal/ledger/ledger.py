"""`Ledger`: the office's record as typed reads and writes over the open file (SQL lives here only).

Every method runs inside the transaction its command opened (`Ledger.reading` / `Ledger.writing`),
so a command sees one consistent state and its writes land together or not at all. Validation of
what users type is `govcal.ledger.actions`'s business; this layer stores what it is given.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from govcal.ledger import schema
from govcal.ledger.records import FollowUp, PublishedMeeting, RecordedOutcome, Revision, ScenarioFacts
from govcal.ledger.store import Store, create, open_store
from scheduler.plan import Plan

# Meta keys.
SCENARIO_NAME, SCENARIO_PATH, CREATED_AT, CREATED_BY = "scenario_name", "scenario_path", "created_at", "created_by"

_REVISION_COLUMNS = "r.id, r.period_from, r.period_to, r.revision, r.scenario_sha256, r.published_at"
_LATEST = "r.revision = (SELECT MAX(revision) FROM revisions WHERE period_from = r.period_from)"
# An outcome settles a published meeting when the meeting was held, or when it was cancelled in the
# very revision that lists it: a later revision listing a cancelled meeting again has re-planned it.
_SETTLES = "o.period_from = r.period_from AND o.meeting = m.meeting AND (o.held = 1 OR o.revision_id = r.id)"
_MEETING_COLUMNS = f"{_REVISION_COLUMNS}, m.meeting, m.kind, m.request, m.title, m.day, m.start, m.\"end\", m.items"


def stamp(moment: datetime) -> str:
    """A UTC time as the ledger stores it: ISO 8601 to the second, with a Z."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _insert_facts(connection: sqlite3.Connection, facts: ScenarioFacts, now: datetime) -> None:
    connection.execute("INSERT OR IGNORE INTO scenario_versions (sha256, name, facts, first_seen) VALUES (?, ?, ?, ?)",
                       (facts.sha256, facts.name, json.dumps(facts.to_json(), ensure_ascii=False), stamp(now)))


def _revision(row: tuple[Any, ...]) -> Revision:
    return Revision(row[0], date.fromisoformat(row[1]), date.fromisoformat(row[2]), row[3], row[4],
                    parse_stamp(row[5]))


def _meeting(row: tuple[Any, ...], revision: Revision | None = None) -> PublishedMeeting:
    revision = revision or _revision(row[:6])
    meeting, kind, request, title, day, start, end, items = row[6:14]
    return PublishedMeeting(revision, meeting, kind, request, title, date.fromisoformat(day), start, end,
                            tuple(json.loads(items)))


class Ledger:
    """An open ledger. Use `open_ledger` / `create_ledger`; close it (or use it as a context manager)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._db: sqlite3.Connection = store.connection

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def reading(self) -> Iterator[Ledger]:
        with self.store.transaction(write=False):
            yield self

    @contextmanager
    def writing(self) -> Iterator[Ledger]:
        with self.store.transaction(write=True):
            yield self

    def backup(self, destination: Path) -> None:
        self.store.backup(destination)

    # ----- meta and scenario facts ------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def facts(self, sha256: str) -> ScenarioFacts | None:
        row = self._db.execute("SELECT name, facts FROM scenario_versions WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else ScenarioFacts.from_json(row[0], sha256, json.loads(row[1]))

    def add_facts(self, facts: ScenarioFacts, now: datetime) -> None:
        _insert_facts(self._db, facts, now)

    def relink(self, name: str, scenario_path: str) -> None:
        """Record `name` (read from `scenario_path`, "" = the embedded default) as this ledger's scenario."""
        self._db.executemany("UPDATE meta SET value = ? WHERE key = ?",
                             [(name, SCENARIO_NAME), (scenario_path, SCENARIO_PATH)])

    # ----- revisions ----------------------------------------------------------------------------
    def latest_revisions(self) -> list[Revision]:
        """The latest revision of every period published, by period."""
        rows = self._db.execute(f"SELECT {_REVISION_COLUMNS} FROM revisions r WHERE {_LATEST} "
                                "ORDER BY r.period_from").fetchall()
        return [_revision(row) for row in rows]

    def latest_revision(self, period_from: date) -> Revision | None:
        row = self._db.execute(f"SELECT {_REVISION_COLUMNS} FROM revisions r WHERE r.period_from = ? "
                               "ORDER BY r.revision DESC LIMIT 1", (period_from.isoformat(),)).fetchone()
        return None if row is None else _revision(row)

    def revision_counts(self) -> dict[date, int]:
        rows = self._db.execute("SELECT period_from, COUNT(*) FROM revisions GROUP BY period_from").fetchall()
        return {date.fromisoformat(start): count for start, count in rows}

    def plan_text(self, revision: Revision) -> str:
        return self._db.execute("SELECT plan_json FROM revisions WHERE id = ?", (revision.id,)).fetchone()[0]

    def overlapping_periods(self, start: date, end: date) -> list[tuple[date, date]]:
        """Published periods other than [start, end] that share a day with it."""
        rows = self._db.execute(
            "SELECT DISTINCT period_from, period_to FROM revisions WHERE period_from <= ? AND period_to >= ? "
            "AND NOT (period_from = ? AND period_to = ?)",
            (end.isoformat(), start.isoformat(), start.isoformat(), end.isoformat())).fetchall()
        return [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in rows]

    def add_revision(self, plan: Plan, plan_text: str, published_at: datetime) -> Revision:
        """Store `plan` (already numbered: `plan.revision`) and its meetings."""
        cursor = self._db.execute(
            "INSERT INTO revisions (period_from, period_to, revision, scenario_sha256, published_at, plan_json) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (plan.period_from.isoformat(), plan.period_to.isoformat(), plan.revision, plan.scenario_sha256,
             stamp(published_at), plan_text))
        revision_id = cursor.lastrowid
        assert revision_id is not None
        self._db.executemany(
            'INSERT INTO meetings (revision_id, meeting, kind, request, title, day, start, "end", items) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(revision_id, m.id, m.kind, m.request, m.title, m.date.isoformat(), m.start, m.end, json.dumps(m.items))
             for m in plan.meetings])
        return Revision(revision_id, plan.period_from, plan.period_to, plan.revision, plan.scenario_sha256,
                        parse_stamp(stamp(published_at)))

    # ----- meetings -------------------------------------------------------------------------------
    def published_meetings(self, *, meeting: str | None = None, before: date | None = None,
                           unrecorded: bool = False) -> list[PublishedMeeting]:
        """Meetings of the latest revision of every period, by day; optionally only `meeting`, only
        those dated before `before`, only those with no outcome recorded."""
        conditions, params = [_LATEST], []
        if meeting is not None:
            conditions.append("m.meeting = ?")
            params.append(meeting)
        if before is not None:
            conditions.append("m.day < ?")
            params.append(before.isoformat())
        if unrecorded:
            conditions.append(f"NOT EXISTS (SELECT 1 FROM outcomes o WHERE {_SETTLES})")
        rows = self._db.execute(
            f"SELECT {_MEETING_COLUMNS} FROM revisions r JOIN meetings m ON m.revision_id = r.id "
            f"WHERE {' AND '.join(conditions)} ORDER BY m.day, m.start, m.meeting", params).fetchall()
        return [_meeting(row) for row in rows]

    def period_counts(self) -> dict[int, tuple[int, int]]:
        """For the latest revision of every period: (its meetings, those with an outcome recorded)."""
        rows = self._db.execute(
            "SELECT r.id, COUNT(m.meeting), COUNT(o.meeting) FROM revisions r "
            f"LEFT JOIN meetings m ON m.revision_id = r.id LEFT JOIN outcomes o ON {_SETTLES} "
            f"WHERE {_LATEST} GROUP BY r.id").fetchall()
        return {revision: (meetings, recorded) for revision, meetings, recorded in rows}

    def published_meeting_ids(self) -> list[str]:
        rows = self._db.execute(f"SELECT DISTINCT m.meeting FROM revisions r JOIN meetings m ON m.revision_id = r.id "
                                f"WHERE {_LATEST} ORDER BY m.meeting").fetchall()
        return [row[0] for row in rows]

    # ----- outcomes ---------------------------------------------------------------------------------
    def outcome_of(self, meeting: PublishedMeeting) -> tuple[bool, datetime] | None:
        """(held, recorded at) of the outcome that settles `meeting` as its latest revision lists it."""
        row = self._db.execute(
            "SELECT held, recorded_at FROM outcomes WHERE period_from = ? AND meeting = ? "
            "AND (held = 1 OR revision_id = ?)",
            (meeting.revision.period_from.isoformat(), meeting.id, meeting.revision.id)).fetchone()
        return None if row is None else (bool(row[0]), parse_stamp(row[1]))

    def add_outcome(self, meeting: PublishedMeeting, held: bool, day: date, start: int | None,
                    decided: Iterable[str], not_decided: Iterable[str], recorded_at: datetime) -> None:
        period = meeting.revision.period_from.isoformat()
        # A cancellation recorded against an earlier revision gives way: that revision re-planned the meeting.
        self._db.execute("DELETE FROM outcomes WHERE period_from = ? AND meeting = ? AND held = 0",
                         (period, meeting.id))
        self._db.execute(
            "INSERT INTO outcomes (period_from, meeting, revision_id, held, day, start, recorded_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (period, meeting.id, meeting.revision.id, int(held), day.isoformat(), start, stamp(recorded_at)))
        decided, not_decided = list(decided), list(not_decided)
        order = {item: index for index, item in enumerate(meeting.items)}
        rows = [(item, 1) for item in decided] + [(item, 0) for item in not_decided]
        self._db.executemany(
            "INSERT INTO decisions (period_from, meeting, item, decided, position) VALUES (?, ?, ?, ?, ?)",
            [(period, meeting.id, item, flag, order.get(item, len(order))) for item, flag in rows])

    def outcomes(self, *, period_from: date | None = None, until: date | None = None,
                 decided_among: Collection[str] | None = None) -> list[RecordedOutcome]:
        """Every recorded outcome (of one period, up to a day, if given), by the day it happened.
        With `decided_among`, only those items' decisions are read (`not_decided` is then left empty)."""
        conditions, params = [], []
        if period_from is not None:
            conditions.append("o.period_from = ?")
            params.append(period_from.isoformat())
        if until is not None:
            conditions.append("o.day <= ?")
            params.append(until.isoformat())
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self._db.execute(
            f"SELECT {_MEETING_COLUMNS}, o.held, o.day, o.start, o.recorded_at FROM outcomes o "
            f"JOIN revisions r ON r.id = o.revision_id JOIN meetings m ON m.revision_id = r.id "
            f"AND m.meeting = o.meeting {where} ORDER BY o.day, o.start, o.meeting", params).fetchall()
        decision_query, decision_params = "SELECT period_from, meeting, item, decided FROM decisions", []
        if decided_among is not None:
            wanted = list(decided_among)
            decision_query += f" WHERE decided = 1 AND item IN ({', '.join('?' * len(wanted))})"
            decision_params = wanted
        decisions: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        for period, meeting, item, decided in self._db.execute(f"{decision_query} ORDER BY position, item",
                                                               decision_params):
            decisions.setdefault((period, meeting), ([], []))[0 if decided else 1].append(item)
        revisions: dict[int, Revision] = {}  # one record per revision, however many meetings it has
        found = []
        for row in rows:
            revision = revisions.get(row[0]) or revisions.setdefault(row[0], _revision(row[:6]))
            meeting = _meeting(row[:14], revision)
            held, day, start, recorded_at = row[14:18]
            yes, no = decisions.get((row[1], meeting.id), ([], []))
            found.append(RecordedOutcome(meeting, bool(held), date.fromisoformat(day), start, tuple(yes), tuple(no),
                                         parse_stamp(recorded_at)))
        return found

    def outcome_counts(self) -> dict[str, int]:
        held, cancelled = self._db.execute(
            "SELECT COALESCE(SUM(held), 0), COALESCE(SUM(1 - held), 0) FROM outcomes").fetchone()
        decided, not_decided = self._db.execute(
            "SELECT COALESCE(SUM(decided), 0), COALESCE(SUM(1 - decided), 0) FROM decisions").fetchone()
        return {"held": held, "cancelled": cancelled, "decided": decided, "not_decided": not_decided}

    def last_outcome_day(self, period_from: date) -> date | None:
        row = self._db.execute("SELECT MAX(day) FROM outcomes WHERE period_from = ?",
                               (period_from.isoformat(),)).fetchone()
        return None if row[0] is None else date.fromisoformat(row[0])

    # ----- follow-ups -------------------------------------------------------------------------------
    def add_followup(self, meeting: PublishedMeeting, item: str, unit: str, decided_on: date, due: date,
                     report_every: int | None) -> int:
        cursor = self._db.execute(
            "INSERT INTO followups (item, unit, period_from, meeting, decided_on, due, report_every) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (item, unit, meeting.revision.period_from.isoformat(), meeting.id, decided_on.isoformat(),
             due.isoformat(), report_every))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def followups(self, *, open_only: bool = True, ids: Iterable[int] | None = None) -> list[FollowUp]:
        conditions, params = [], []
        if open_only:
            conditions.append("f.closed_on IS NULL")
        if ids is not None:
            wanted = list(ids)
            conditions.append(f"f.id IN ({', '.join('?' * len(wanted))})")
            params += wanted
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self._db.execute(
            "SELECT f.id, f.item, f.unit, f.meeting, f.period_from, f.decided_on, f.due, f.report_every, "
            "f.closed_on, f.note, COUNT(p.id), MAX(p.day) FROM followups f "
            f"LEFT JOIN followup_reports p ON p.followup = f.id {where} GROUP BY f.id ORDER BY f.due, f.id",
            params).fetchall()
        return [FollowUp(row[0], row[1], row[2], row[3], date.fromisoformat(row[4]), date.fromisoformat(row[5]),
                         date.fromisoformat(row[6]), row[7], date.fromisoformat(row[8]) if row[8] else None, row[9],
                         row[10], date.fromisoformat(row[11]) if row[11] else None) for row in rows]

    def followup(self, followup_id: int) -> FollowUp | None:
        found = self.followups(open_only=False, ids=[followup_id])
        return found[0] if found else None

    def followup_ids(self) -> list[int]:
        return [row[0] for row in self._db.execute("SELECT id FROM followups ORDER BY id")]

    def followup_counts(self, today: date) -> dict[str, int]:
        open_count, overdue, closed = self._db.execute(
            "SELECT COALESCE(SUM(closed_on IS NULL), 0), COALESCE(SUM(closed_on IS NULL AND due < ?), 0), "
            "COALESCE(SUM(closed_on IS NOT NULL), 0) FROM followups", (today.isoformat(),)).fetchone()
        return {"open": open_count, "overdue": overdue, "closed": closed}

    def close_followup(self, followup_id: int, day: date, note: str) -> None:
        self._db.execute("UPDATE followups SET closed_on = ?, note = ? WHERE id = ?",
                         (day.isoformat(), note, followup_id))

    def add_report(self, followup_id: int, day: date, note: str) -> None:
        self._db.execute("INSERT INTO followup_reports (followup, day, note) VALUES (?, ?, ?)",
                         (followup_id, day.isoformat(), note))


def open_ledger(path: str | Path, *, notify: Callable[[str, dict[str, object]], None] | None = None) -> Ledger:
    """Open an existing ledger (refusing other files and newer ledgers, migrating older ones)."""
    return Ledger(open_store(Path(path), notify=notify))


def create_ledger(path: str | Path, facts: ScenarioFacts, scenario_path: str, now: datetime, created_by: str) -> None:
    """Make a new ledger for the scenario `facts` describe, read from `scenario_path` ("" = the embedded default)."""
    def fill(connection: sqlite3.Connection) -> None:
        connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
            (SCENARIO_NAME, facts.name), (SCENARIO_PATH, scenario_path), (CREATED_AT, stamp(now)),
            (CREATED_BY, created_by)])
        _insert_facts(connection, facts, now)

    create(Path(path), fill)


__all__ = ["Ledger", "create_ledger", "open_ledger", "schema"]
