"""The ledger on ten years of an office's record: status, follow-ups, publish, record, plan --ledger.

    .venv/bin/python benchmarks/bench_ledger.py [--runs 15] [--keep DIR]

Generates a ledger of 120 months (2014-05 .. 2024-04) directly through the ledger's own write API,
without solving: every month one published revision (a second one in every fourth month) with two
standing meetings and, every other month, a requested meeting; about 2,000 agenda items heard and
decided (about 5% not decided); about 1,000 follow-ups, most closed, some with progress reports.
The scenario is the embedded default (the county as it is now, 2024): the last four months' items
are its own agenda items, older ones are ids it no longer names, as in an office whose scenario
file holds the current year.

Measured in one process, each command invoked through click as the console script runs it
(option parsing, opening the ledger, its transaction, printing), median of `--runs`:

- ``ledger status`` and ``followups`` (target < 100 ms);
- ``publish`` of May 2024 and ``record`` of one of its meetings, each on a fresh copy of the ledger
  (copying is not timed) (target < 50 ms each);
- ``plan --ledger`` against planning the same state from a YAML history: everything but the solver,
  side by side in alternating runs — (a) reading the ledger, loading the scenario, the history the
  ledger adds, labelling the plan and printing its JSON; (b) loading the scenario whose history block
  is the ledger's export, and printing the same plan's JSON (target: a - b < 50 ms). The solver
  gets the same state either way (checked: the same history), so its time is the same.

A Python process's start (interpreter and imports, ~0.5-1.5 s here) comes on top of every command
run from a shell and is reported once, separately.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from govcal.cli import cli
from govcal.ledger import ScenarioFacts, create_ledger, open_ledger
from govcal.ledger.services import plan_on_ledger
from scheduler.calendar import calendar_for
from scheduler.period import month_bounds, month_period
from scheduler.plan import Plan, PlannedMeeting, SolverInfo, plan_to_text
from scheduler.scenario import default_scenario_path, load_scenario

MONTHS = 120
FIRST = (2014, 5)  # ten years up to April 2024; May 2024 is the month published and planned
ITEMS_PER_MONTH = 17
FOLLOWUP_SHARE = 0.5  # of decided items
OPEN_FOLLOWUPS = 100
SEED = 20240501


def months() -> list[tuple[int, int]]:
    first = FIRST[0] * 12 + FIRST[1] - 1
    return [(index // 12, index % 12 + 1) for index in range(first, first + MONTHS)]


def generate(path: Path, scenario_path: Path) -> dict[str, int]:
    """Write the ten-year ledger; return what it holds."""
    rng = random.Random(SEED)
    scenario = load_scenario(scenario_path)
    calendar = calendar_for(scenario.calendar, (FIRST[0], 2024))
    create_ledger(path, ScenarioFacts.of(scenario), str(scenario_path), datetime(2014, 4, 20, tzinfo=UTC), "bench")
    current = sorted((i for i in scenario.agenda if i.submitted < date(2024, 5, 1)), key=lambda i: i.submitted)
    units = [u.id for u in scenario.units]
    leaders = [x.id for x in scenario.leaders]
    counts = {"revisions": 0, "meetings": 0, "items": 0, "not_decided": 0, "followups": 0, "reports": 0}
    followup_ids: list[tuple[int, date]] = []
    with open_ledger(path) as ledger, ledger.writing():
        for year, month in months():
            first, last = month_bounds(year, month)
            days = calendar.working_days(first, last)
            if (year, month) >= (2024, 1):
                items = [i.id for i in current if (i.submitted.year, i.submitted.month) <= (year, month)
                         and i.submitted.month in (month, month - 1)][:ITEMS_PER_MONTH]
            else:
                items = [f"H-{year}{month:02d}-{k:02d}" for k in range(ITEMS_PER_MONTH)]
            meetings = []
            half = len(items) // 2
            for rank, (day, agenda) in enumerate(((days[3], items[:half]), (days[-6], items[half:])), start=1):
                meetings.append(PlannedMeeting(f"standing-{year}-{month:02d}-{rank}", "standing",
                                               f"县政府第{rank}次常务会议", day, 600, 780, "r-standing", "head",
                                               (*leaders, "justice"), tuple(agenda)))
            if month % 2 == 0:
                meetings.append(PlannedMeeting(f"M-{year}{month:02d}", "thematic", "专题会议", days[8], 960, 1020,
                                               "r-small", leaders[2], (leaders[2], units[3]), ()))
            plan = Plan(scenario.name, first, last, SolverInfo("OPTIMAL", 100.0, 100.0, 0.0, 1.2), tuple(meetings),
                        scenario_sha256=scenario.sha256)
            published = datetime.combine(first - timedelta(days=5), datetime.min.time(), tzinfo=UTC)
            revisions = 2 if month % 4 == 0 else 1
            for revision in range(1, revisions + 1):
                stored = replace(plan, revision=revision, published_at=published + timedelta(days=revision))
                ledger.add_revision(stored, plan_to_text(stored), published + timedelta(days=revision))
                counts["revisions"] += 1
            for found in ledger.published_meetings():
                if found.revision.period_from != first:
                    continue
                not_decided = tuple(i for i in found.items if rng.random() < 0.05)
                decided = tuple(i for i in found.items if i not in not_decided)
                ledger.add_outcome(found, True, found.date, found.start, decided, not_decided,
                                   datetime.combine(found.date, datetime.min.time(), tzinfo=UTC))
                counts["meetings"] += 1
                counts["items"] += len(found.items)
                counts["not_decided"] += len(not_decided)
                for item in decided:
                    if rng.random() < FOLLOWUP_SHARE:
                        due = calendar.add_working_days(found.date, rng.choice((10, 20, 40)))
                        new = ledger.add_followup(found, item, rng.choice(units), found.date, due,
                                                  rng.choice((None, 5, 10)))
                        followup_ids.append((new, found.date))
                        counts["followups"] += 1
        # All but the last OPEN_FOLLOWUPS are closed; a third got a progress report first.
        for followup_id, decided_on in followup_ids[:-OPEN_FOLLOWUPS]:
            if rng.random() < 0.33:
                ledger.add_report(followup_id, calendar.add_working_days(decided_on, 5), "进展过半")
                counts["reports"] += 1
            ledger.close_followup(followup_id, calendar.add_working_days(decided_on, 8), "已办结")
    return counts


def invoke(args: list[str]) -> float:
    began = time.perf_counter()
    result = CliRunner().invoke(cli, args)
    seconds = time.perf_counter() - began
    if result.exit_code != 0:
        raise SystemExit(f"{args}: exit {result.exit_code}\n{result.output}")
    return seconds


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def may_plan(folder: Path, scenario_path: Path) -> Path:
    scenario = load_scenario(scenario_path)
    period = month_period("2024-05")
    leaders = tuple(x.id for x in scenario.leaders)
    items = tuple(i.id for i in scenario.agenda if date(2024, 4, 1) <= i.submitted <= date(2024, 4, 30))
    meetings = (PlannedMeeting("standing-2024-05-1", "standing", "县政府第1次常务会议", date(2024, 5, 14), 600, 780,
                               "r-standing", "head", (*leaders, "justice"), items[:8]),
                PlannedMeeting("standing-2024-05-2", "standing", "县政府第2次常务会议", date(2024, 5, 28), 600, 780,
                               "r-standing", "head", (*leaders, "justice"), items[8:16]))
    plan = Plan(scenario.name, period.start, period.end, SolverInfo("OPTIMAL", 1.0, 1.0, 0.0, 1.0), meetings,
                scenario_sha256=scenario.sha256)
    path = folder / "may.json"
    path.write_text(plan_to_text(plan), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the generated ledger in this folder.")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    scenario_path = folder / "county.yaml"
    scenario_path.write_bytes(default_scenario_path().read_bytes())
    book = folder / "ten-years.db"
    began = time.perf_counter()
    counts = generate(book, scenario_path)
    generated = time.perf_counter() - began
    size_kib = book.stat().st_size / 1024
    today = "2024-05-10"
    rows = []

    status = [invoke(["ledger", "status", "--ledger", str(book), "--today", today]) for _ in range(args.runs)]
    followups = [invoke(["followups", "--ledger", str(book), "--today", today]) for _ in range(args.runs)]
    rows.append(("`ledger status` (table)", median_ms(status), 100))
    rows.append(("`followups` (table, 100 open)", median_ms(followups), 100))

    plan_file = may_plan(folder, scenario_path)
    publish, record = [], []
    for run in range(args.runs):
        copy = folder / f"copy-{run}.db"
        shutil.copy(book, copy)
        publish.append(invoke(["publish", str(plan_file), "--ledger", str(copy)]))
        record.append(invoke(["record", "standing-2024-05-1", "--held", "--ledger", str(copy),
                              "--today", "2024-05-14"]))
        copy.unlink()
    rows.append(("`publish` (May 2024 as revision 1)", median_ms(publish), 50))
    rows.append(("`record` (a May meeting held)", median_ms(record), 50))

    # plan --ledger against the same state from a YAML history: everything but the solver.
    exported = CliRunner().invoke(cli, ["ledger", "export", "--ledger", str(book)]).stdout
    text = scenario_path.read_text(encoding="utf-8")
    start = text.index("\nhistory:") + 1
    end = text.index("\n# ----", start)
    yaml_path = folder / "county-with-history.yaml"
    yaml_path.write_text(text[:start] + exported + text[end:], encoding="utf-8")
    sample_plan = Plan(load_scenario(scenario_path).name, date(2024, 5, 1), date(2024, 5, 31),
                       SolverInfo("OPTIMAL", 1.0, 1.0, 0.0, 1.0))

    def with_ledger() -> object:
        with open_ledger(book) as ledger:
            planning = plan_on_ledger(ledger, str(scenario_path), "2024-05", None, None)
        plan_to_text(planning.finish(replace(sample_plan, scenario_sha256=planning.scenario.sha256)))
        return planning.scenario

    def with_yaml() -> object:
        scenario = load_scenario(yaml_path)
        month_period("2024-05")
        plan_to_text(replace(sample_plan, scenario_sha256=scenario.sha256))
        return scenario

    same_state = set(with_ledger().history) == set(with_yaml().history)
    ledger_runs, yaml_runs = [], []
    for _ in range(args.runs):
        for runner, samples in ((with_ledger, ledger_runs), (with_yaml, yaml_runs)):
            began = time.perf_counter()
            runner()
            samples.append(time.perf_counter() - began)
    overhead = median_ms(ledger_runs) - median_ms(yaml_runs)
    rows.append(("`plan --ledger` preparation (a)", median_ms(ledger_runs), None))
    rows.append(("the same from a YAML history (b)", median_ms(yaml_runs), None))
    rows.append(("`plan --ledger` overhead (a - b)", overhead, 50))

    cold = []
    for _ in range(3):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import govcal.cli"], capture_output=True, check=True)
        cold.append(time.perf_counter() - began)

    print(f"Ledger: {counts['revisions']} revisions over {MONTHS} months, {counts['meetings']} meetings, "
          f"{counts['items']} items heard ({counts['not_decided']} not decided), {counts['followups']} follow-ups "
          f"({OPEN_FOLLOWUPS} open, {counts['reports']} reports); {size_kib:,.0f} KiB; generated in {generated:.1f} s")
    print(f"Same state from the ledger and from the YAML history: {same_state}")
    print(f"Runs per measure: {args.runs} (medians)\n")
    print("| measure | median | target | met |")
    print("|---|---|---|---|")
    for name, value, target in rows:
        met = "—" if target is None else ("yes" if value < target else "no")
        print(f"| {name} | {value:.1f} ms | {'—' if target is None else f'< {target} ms'} | {met} |")
    print(f"\nA Python process starting and importing the command line (`python -c 'import govcal.cli'`), "
          "median of 3: "
          f"{median_ms(cold):.0f} ms")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(book, args.keep / book.name)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
