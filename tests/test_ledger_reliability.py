"""The ledger's reliability promises (DESIGN §7) as tests: a command killed at any instant leaves the
state before or after it; two commands at once both finish or one says "ledger busy"; bad input and
refused files are left byte for byte; every file is 0600; a first-schema ledger migrates, with a
copy kept.

The crash and concurrency tests run real processes. They are bounded and seeded: a driver process
imports govcal once, then forks one child per round, which runs the command sequence, and kills it
with SIGKILL at a random instant of the round's command (crash); or two drivers run their commands
against each other (concurrency). Together they take a few seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from test_ledger_helpers import (
    dump,
    file_state,
    may_plan,
    meeting,
    month_plan,
    run,
    write_ledger_scenario,
    write_plan,
)

from govcal.ledger import open_ledger, schema
from govcal.ledger.store import busy_seconds

TESTS = Path(__file__).resolve().parent
CRASH_ROUNDS = 8  # killed child processes per run: one per command of `crash_commands`


@pytest.fixture
def county(tmp_path: Path) -> Path:
    return write_ledger_scenario(tmp_path)


@pytest.fixture
def book(tmp_path: Path, county: Path) -> Path:
    path = tmp_path / "office.db"
    assert run("ledger", "init", "--scenario", county, "--ledger", path).exit_code == 0
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def logical_state(path: Path) -> tuple[tuple[tuple[object, ...], ...], ...]:
    """What the ledger records, without the wall-clock times (publishing, recording): two runs of
    the same commands give the same state."""
    connection = sqlite3.connect(path)
    try:
        queries = (
            "SELECT period_from, period_to, revision, scenario_sha256 FROM revisions",
            "SELECT r.period_from, r.revision, m.meeting, m.day, m.start, m.items FROM meetings m "
            "JOIN revisions r ON r.id = m.revision_id",
            "SELECT period_from, meeting, held, day, start FROM outcomes",
            "SELECT period_from, meeting, item, decided FROM decisions",
            "SELECT id, item, unit, meeting, decided_on, due, report_every, closed_on, note FROM followups",
            "SELECT followup, day, note FROM followup_reports",
        )
        return tuple(tuple(sorted(connection.execute(query).fetchall(), key=repr)) for query in queries)
    finally:
        connection.close()


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def python_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")])
    env.pop("GOVCAL_LEDGER", None)
    return env


# ----- (a) crash: SIGKILL at random instants -----------------------------------------------------------

CRASH_DRIVER = r"""
import json, os, random, signal, sys, time
from click.testing import CliRunner
from govcal.cli import cli

config = json.loads(sys.argv[1])
runner = CliRunner()
commands = config["commands"]

def run_all(ledger):
    for args in commands:
        result = runner.invoke(cli, [*args, "--ledger", ledger])
        if result.exit_code != 0:
            raise SystemExit(f"{args}: {result.output}")

# Warm up: every command once, unkilled, so that the forked children import nothing; then once
# more, timed, to know how long a command takes.
first, second = config["warm"]
run_all(first)
began = time.perf_counter()
run_all(second)
per_command = (time.perf_counter() - began) / len(commands)
rng = random.Random(config["seed"])
rounds = []
for index, ledger in enumerate(config["ledgers"]):
    # Round k kills command k (each in turn) at a random instant of its run.
    target, fraction = index % len(commands), rng.random()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        for step, args in enumerate(commands):
            os.write(write_end, f"start {step}\n".encode())
            result = runner.invoke(cli, [*args, "--ledger", ledger])
            os.write(write_end, (f"done {step + 1}\n" if result.exit_code == 0 else "failed\n").encode())
            if result.exit_code != 0:
                os._exit(3)
        os._exit(0)
    os.close(write_end)
    progress = os.fdopen(read_end)
    seen = []
    while True:
        line = progress.readline()
        seen.append(line.strip())
        if not line or line.strip() == f"start {target}":
            break
    time.sleep(fraction * per_command)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    seen += progress.read().split("\n")
    progress.close()
    done = [int(x.split()[1]) for x in seen if x.startswith("done ")]
    rounds.append({"ledger": ledger, "target": target, "fraction": fraction, "done": max(done, default=0),
                   "failed": "failed" in seen})
print(json.dumps({"per_command": per_command, "rounds": rounds}))
"""


def crash_commands(tmp_path: Path, county: Path) -> list[list[str]]:
    """Publishing and recording (with follow-ups, a close and a report) over three months."""
    plans = {
        "jul": month_plan(county, date(2024, 7, 1), date(2024, 7, 31),
                          meeting("standing-2024-07-1", date(2024, 7, 10), ("Y-1", "Y-2"))),
        "aug": month_plan(county, date(2024, 8, 1), date(2024, 8, 31),
                          meeting("standing-2024-08-1", date(2024, 8, 7), ("Y-3",))),
        "sep": month_plan(county, date(2024, 9, 1), date(2024, 9, 30),
                          meeting("standing-2024-09-1", date(2024, 9, 11), ("Y-4",))),
    }
    files = {name: str(write_plan(plan, tmp_path / f"{name}.json")) for name, plan in plans.items()}
    return [
        ["publish", files["jul"]],
        ["record", "standing-2024-07-1", "--held", "--not-decided", "Y-2", "--follow-up", "Y-1:finance:2024-07-31"],
        ["publish", files["aug"]],
        ["record", "standing-2024-08-1", "--cancelled"],
        ["publish", files["sep"]],
        ["record", "standing-2024-09-1", "--held", "--follow-up", "Y-4:finance:2024-09-30:5"],
        ["followup", "close", "1", "--note", "已办结", "--date", "2024-08-01"],
        ["followup", "report", "2", "--note", "进展过半", "--date", "2024-09-13"],
    ]


def test_a_command_killed_at_any_instant_leaves_the_state_before_or_after_it(tmp_path: Path, county: Path,
                                                                             book: Path):
    commands = crash_commands(tmp_path, county)
    # The states after 0, 1, ... n commands, from an undisturbed run in this process.
    reference = tmp_path / "reference.db"
    shutil.copy(book, reference)
    states = [logical_state(reference)]
    for args in commands:
        result = run(*args, "--ledger", reference)
        assert result.exit_code == 0, result.output
        states.append(logical_state(reference))
    assert len(set(states)) == len(states)  # every command changes the state
    ledgers = []
    for index in range(CRASH_ROUNDS + 2):
        copy = tmp_path / f"round-{index}.db"
        shutil.copy(book, copy)
        ledgers.append(str(copy))
    config = {"seed": 20240501, "commands": commands, "warm": ledgers[:2], "ledgers": ledgers[2:]}
    finished = subprocess.run([sys.executable, "-c", CRASH_DRIVER, json.dumps(config)], capture_output=True,
                              text=True, env=python_env(), timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    report = json.loads(finished.stdout)
    for round_ in report["rounds"]:
        path = Path(round_["ledger"])
        assert not round_["failed"], round_
        assert integrity(path) == "ok", round_
        found = logical_state(path)
        done = round_["done"]
        # Killed after `done` commands had returned: the next one either committed whole or not at all.
        assert found in states[done:done + 2], round_
        assert done >= round_["target"], round_  # killed once its command had begun
        # And the ledger goes on working: the commands not yet done can still be run.
        remaining = commands[states.index(found):]
        for args in remaining:
            result = run(*args, "--ledger", path)
            assert result.exit_code == 0, (round_, args, result.output)
        assert logical_state(path) == states[-1]
    assert {r["target"] for r in report["rounds"]} == set(range(len(commands)))  # every command was killed


# ----- (b) concurrency: two processes at once ------------------------------------------------------------

CONCURRENT_DRIVER = r"""
import json, sys
from click.testing import CliRunner
from govcal.cli import cli

rounds = json.loads(sys.argv[1])
runner = CliRunner()
for round_ in rounds:
    print("ready", flush=True)
    sys.stdin.readline()
    results = []
    for args in round_["commands"]:
        result = runner.invoke(cli, args, env=round_["env"])
        results.append({"args": args, "exit": result.exit_code, "stderr": result.stderr})
    print(json.dumps(results), flush=True)
"""


def test_two_processes_at_once_both_finish_or_one_is_told_the_ledger_is_busy(tmp_path: Path, county: Path,
                                                                          book: Path):
    # One process publishes six months of 2025 while the other records the six meetings of a
    # published December 2024.
    december = month_plan(county, date(2024, 12, 1), date(2024, 12, 31),
                          *(meeting(f"M-{n}", date(2024, 12, 2 + n), kind="thematic", request=f"M-{n}",
                                    minutes=60) for n in range(1, 7)))
    assert run("publish", write_plan(december, tmp_path / "dec.json"), "--ledger", book).exit_code == 0
    months = [month_plan(county, date(2025, m, 1), date(2025, m, 28), meeting(f"standing-2025-{m:02d}-1",
                                                                           date(2025, m, 10))) for m in range(1, 7)]
    plan_files = [str(write_plan(plan, tmp_path / f"2025-{index}.json")) for index, plan in enumerate(months)]
    ledgers = {variant: tmp_path / f"{variant}.db" for variant in ("waiting", "impatient")}
    for path in ledgers.values():
        shutil.copy(book, path)
    # Round 1 waits for the other command (the default busy timeout); round 2 gives up at once.
    variants = [("waiting", {}), ("impatient", {"GOVCAL_LEDGER_BUSY_SECONDS": "0"})]
    publisher = [{"env": env, "commands": [["publish", f, "--ledger", str(ledgers[name])] for f in plan_files]}
                 for name, env in variants]
    recorder = [{"env": env, "commands": [["record", f"M-{n}", "--held", "--ledger", str(ledgers[name])]
                                          for n in range(1, 7)]} for name, env in variants]
    drivers = [subprocess.Popen([sys.executable, "-c", CONCURRENT_DRIVER, json.dumps(rounds)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=python_env())
               for rounds in (publisher, recorder)]
    try:
        outcomes = []
        for _ in variants:
            for driver in drivers:
                assert driver.stdout is not None and driver.stdout.readline().strip() == "ready"
            for driver in drivers:  # start both as close together as the pipes allow
                assert driver.stdin is not None
                driver.stdin.write("go\n")
                driver.stdin.flush()
            outcomes.append([json.loads(driver.stdout.readline()) for driver in drivers if driver.stdout])
        for driver in drivers:
            assert driver.wait(timeout=60) == 0, driver.stderr.read() if driver.stderr else ""
    finally:
        for driver in drivers:
            driver.kill()
    for (name, _), (published, recorded) in zip(variants, outcomes, strict=True):
        path = ledgers[name]
        assert integrity(path) == "ok"
        for result in published + recorded:
            # Each command finished, or failed saying the ledger was busy: nothing else.
            assert result["exit"] == 0 or (result["exit"] == 2 and "台账正忙" in result["stderr"]), result
        if name == "waiting":
            assert all(result["exit"] == 0 for result in published + recorded)
        # Nothing lost, nothing extra: the ledger holds exactly what the successful commands did.
        connection = sqlite3.connect(path)
        try:
            periods = {row[0] for row in connection.execute("SELECT period_from FROM revisions")}
            outcomes_found = {row[0] for row in connection.execute("SELECT meeting FROM outcomes")}
        finally:
            connection.close()
        assert periods == {"2024-12-01"} | {f"2025-{i + 1:02d}-01" for i, r in enumerate(published) if r["exit"] == 0}
        assert outcomes_found == {f"M-{i + 1}" for i, r in enumerate(recorded) if r["exit"] == 0}


def test_a_command_that_cannot_get_the_ledger_says_busy_and_writes_nothing(published_may: Path):
    holder = sqlite3.connect(published_may, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another command is writing
        before = dump(published_may)
        result = run("record", "standing-2024-05-1", "--held", "--ledger", published_may,
                     env={"GOVCAL_LEDGER_BUSY_SECONDS": "0.2"})
        assert result.exit_code == 2, result.output
        assert "台账正忙" in result.stderr and "0.2" in result.stderr
        # Readers are not blocked by a writer (WAL).
        assert run("ledger", "status", "--ledger", published_may, "--today", "2024-06-01").exit_code == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dump(published_may) == before
    assert run("record", "standing-2024-05-1", "--held", "--ledger", published_may).exit_code == 0


def test_busy_seconds_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GOVCAL_LEDGER_BUSY_SECONDS", "1.5")
    assert busy_seconds() == 1.5
    monkeypatch.delenv("GOVCAL_LEDGER_BUSY_SECONDS")
    assert busy_seconds() == 10.0


# ----- (c) bad input and refused files: untouched -------------------------------------------------------


@pytest.fixture
def published_may(tmp_path: Path, county: Path, book: Path) -> Path:
    assert run("publish", write_plan(may_plan(county), tmp_path / "may.json"), "--ledger", book).exit_code == 0
    return book


def test_reading_commands_leave_the_file_as_it_was(tmp_path: Path, published_may: Path):
    before = file_state(published_may)
    for args in (["ledger", "status"], ["ledger", "export"], ["followups", "--today", "2024-05-09"],
                 ["plan", "--month", "2024-06", "--today", "2024-05-31"], ["check", "--month", "2024-05"]):
        result = run(*args, "--ledger", published_may)
        assert result.exit_code in (0, 1), (args, result.output)
        assert file_state(published_may) == before, args


def test_bad_input_of_every_writing_command_exits_2_and_writes_nothing(tmp_path: Path, county: Path,
                                                                       published_may: Path):
    other = replace(may_plan(county), scenario="别的县", scenario_sha256="00" * 32)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{", encoding="utf-8")
    cases = [
        ["publish", write_plan(other, tmp_path / "other.json")],
        ["publish", bad_json],
        ["publish", tmp_path / "missing.json"],
        ["record", "standing-2024-05-9", "--held"],
        ["record", "standing-2024-05-1", "--held", "--follow-up", "Y-1:finance:2024-05-01"],
        ["followup", "close", "1"],
        ["ledger", "backup", published_may],
        ["ledger", "init", "--scenario", county],
    ]
    before = file_state(published_may)
    for args in cases:
        result = run(*args, "--ledger", published_may)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
        assert file_state(published_may) == before, args


@pytest.mark.parametrize("content, expected", [
    (b"", "不是 SQLite 数据库"),
    (b"period,meeting\n2024-05,standing-2024-05-1\n" * 5, "不是 SQLite 数据库"),
    (None, "不是 govcal 台账"),  # an SQLite database of something else
])
def test_a_file_that_is_not_a_ledger_is_refused_untouched(tmp_path: Path, content: bytes | None, expected: str):
    path = tmp_path / "notes.db"
    if content is None:
        connection = sqlite3.connect(path)
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('会议纪要')")
        connection.commit()
        connection.close()
    else:
        path.write_bytes(content)
    before = file_state(path)
    for args in (["ledger", "status"], ["record", "x", "--held"], ["ledger", "backup", tmp_path / "copy.db"]):
        result = run(*args, "--ledger", path)
        assert result.exit_code == 2, result.output
        assert expected in result.stderr and "未作任何改动" in result.stderr
        assert file_state(path) == before
    assert not (tmp_path / "copy.db").exists()


def test_a_ledger_of_a_newer_govcal_is_refused_untouched(book: Path):
    connection = sqlite3.connect(book)
    connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    before = file_state(book)
    result = run("ledger", "status", "--ledger", book, "--lang", "en")
    assert result.exit_code == 2
    assert f"schema {schema.SCHEMA_VERSION + 1}" in result.stderr and "upgrade govcal" in result.stderr
    assert file_state(book) == before


def test_a_missing_ledger_is_not_created_by_a_command(tmp_path: Path):
    result = run("record", "standing-2024-05-1", "--held", "--ledger", tmp_path / "none.db")
    assert result.exit_code == 2
    assert "ledger init" in result.stderr
    assert list(tmp_path.iterdir()) == []


# ----- (d) permissions ------------------------------------------------------------------------------------


def test_every_file_of_the_ledger_is_private(tmp_path: Path, county: Path):
    previous = os.umask(0)  # even when the user's umask would let everyone read
    try:
        path = tmp_path / "office.db"
        assert run("ledger", "init", "--scenario", county, "--ledger", path).exit_code == 0
        assert mode(path) == 0o600
        with open_ledger(path) as ledger, ledger.writing():
            ledger.store.connection.execute("INSERT INTO meta (key, value) VALUES ('probe', '1')")
            sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
            assert all(p.exists() for p in sidecars)
            assert [mode(p) for p in sidecars] == [0o600, 0o600]
        backup = tmp_path / "copy.db"
        assert run("ledger", "backup", backup, "--ledger", path).exit_code == 0
        assert mode(backup) == 0o600
    finally:
        os.umask(previous)


def test_backup_is_a_whole_working_ledger(tmp_path: Path, published_may: Path):
    assert run("record", "standing-2024-05-1", "--held", "--ledger", published_may).exit_code == 0
    backup = tmp_path / "backups" / "office-2024-05.db"
    backup.parent.mkdir()
    result = run("ledger", "backup", backup, "--ledger", published_may)
    assert result.exit_code == 0, result.output
    assert integrity(backup) == "ok"
    assert logical_state(backup) == logical_state(published_may)
    assert list(backup.parent.iterdir()) == [backup]  # no scratch file left behind
    status = run("ledger", "status", "--ledger", backup, "--format", "json", "--today", "2024-06-01")
    assert json.loads(status.stdout)["outcomes"]["held"] == 1
    again = run("ledger", "backup", backup, "--ledger", published_may)
    assert again.exit_code == 2 and "未覆盖" in again.stderr
    nowhere = run("ledger", "backup", tmp_path / "no-such-folder" / "x.db", "--ledger", published_may)
    assert nowhere.exit_code == 2 and "文件夹不存在" in nowhere.stderr


# ----- (e) migration ----------------------------------------------------------------------------------------


def first_schema_ledger(path: Path, county: Path) -> None:
    """A ledger as govcal's first schema made it: May published (rev 1 and 2), its standing meeting
    held deciding Y-1 only, a thematic meeting cancelled, one follow-up."""
    from govcal.ledger.records import ScenarioFacts
    from scheduler.plan import plan_to_text
    from scheduler.scenario import load_scenario

    scenario = load_scenario(county)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("BEGIN")
    schema.create(connection, version=1)
    plan = may_plan(county, revision=2)
    plan = replace(plan, meetings=(*plan.meetings, meeting("M-1", date(2024, 5, 9), kind="thematic",
                                                           request="M-1", minutes=60)))
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [("scenario_name", scenario.name),
                                                              ("scenario_path", str(county))])
    connection.execute("INSERT INTO scenario_versions VALUES (?, ?, ?, ?)",
                       (scenario.sha256, scenario.name, json.dumps(ScenarioFacts.of(scenario).to_json()),
                        "2024-04-28T08:00:00Z"))
    for revision in (1, 2):
        connection.execute("INSERT INTO revisions VALUES (?, '2024-05-01', '2024-05-31', ?, ?, ?, ?)",
                           (revision, revision, scenario.sha256, f"2024-04-2{revision}T08:00:00Z",
                            plan_to_text(replace(plan, revision=revision))))
        connection.executemany('INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
            (revision, m.id, m.kind, m.request, m.title, m.date.isoformat(), m.start, m.end, json.dumps(m.items))
            for m in plan.meetings])
    connection.execute("INSERT INTO outcomes VALUES ('2024-05-01', 'standing-2024-05-1', 2, 1, '2024-05-08', 660, "
                       "'[\"Y-1\"]', '2024-05-08T09:00:00Z')")
    connection.execute("INSERT INTO outcomes VALUES ('2024-05-01', 'M-1', 2, 0, '2024-05-09', NULL, '[]', "
                       "'2024-05-09T09:00:00Z')")
    connection.execute("INSERT INTO followups (item, unit, period_from, meeting, decided_on, due) "
                       "VALUES ('Y-1', 'finance', '2024-05-01', 'standing-2024-05-1', '2024-05-08', '2024-05-20')")
    connection.execute("COMMIT")
    connection.close()
    os.chmod(path, 0o600)


def columns(path: Path) -> dict[str, list[tuple[str, str, int]]]:
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: [(row[1], row[2], row[3]) for row in connection.execute(f"PRAGMA table_info({table})")]
                for table in tables}
    finally:
        connection.close()


def test_a_first_schema_ledger_is_migrated_with_a_copy_kept(tmp_path: Path, county: Path):
    old = tmp_path / "old.db"
    first_schema_ledger(old, county)
    original = dump(old)
    result = run("ledger", "status", "--ledger", old, "--format", "json", "--today", "2024-06-01")
    assert result.exit_code == 0, result.output
    assert "从版本 1 升级到 2" in result.stderr
    copies = list(tmp_path.glob("old.db.schema1-*.bak"))
    assert len(copies) == 1 and mode(copies[0]) == 0o600
    assert dump(copies[0]) == original  # the copy is the ledger as it was
    # The migrated file has exactly the tables and columns of a new ledger ...
    fresh = tmp_path / "fresh.db"
    assert run("ledger", "init", "--scenario", county, "--ledger", fresh).exit_code == 0
    assert columns(old) == columns(fresh)
    # ... and the same record: Y-1 decided, Y-2 heard but not decided, the cancelled meeting nothing.
    connection = sqlite3.connect(old)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert sorted(connection.execute("SELECT meeting, item, decided, position FROM decisions")) == [
            ("standing-2024-05-1", "Y-1", 1, 0), ("standing-2024-05-1", "Y-2", 0, 1)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
    found = json.loads(result.stdout)
    assert found["outcomes"] == {"held": 1, "cancelled": 1, "decided": 1, "not_decided": 1}
    assert found["periods"][0]["revision"] == 2
    # Everything works on it, and the migration happens once.
    assert run("followup", "report", "1", "--note", "进展", "--date", "2024-05-10", "--ledger", old).exit_code == 0
    assert json.loads(run("followups", "--ledger", old, "--format", "json", "--today", "2024-05-10").stdout
                      )["followups"][0]["reports"] == 1
    exported = run("ledger", "export", "--ledger", old, "--format", "json")
    assert {"kind": "decided", "date": "2024-05-08", "item": "Y-1"} in json.loads(exported.stdout)["history"]
    assert len(list(tmp_path.glob("old.db.schema1-*.bak"))) == 1
