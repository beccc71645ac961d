"""The ledger's commands (DESIGN §5, §7): ``ledger init|status|export|backup``, ``publish``, ``record``,
``followups``, ``followup close|report``, and what ``plan --ledger`` and ``check --ledger`` share.

Each command opens the ledger (``--ledger DB`` or ``GOVCAL_LEDGER``), runs exactly one transaction,
and prints Chinese by default (``--lang en``), or with ``--format json`` one JSON document alone on
standard output. Bad input exits 2 having written nothing.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from govcal.common import (
    GovcalCommand,
    GovcalGroup,
    lang_option,
    load_scenario_warned,
    parse_day,
    scenario_loader,
    scenario_option,
    strict_option,
)
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t

if TYPE_CHECKING:  # imported where used: the command line starts without the ledger's modules
    from govcal.ledger import FollowUp, Ledger, PublishedMeeting, Revision
    from govcal.ledger.actions import FollowUpView, PlanningState, Recorded, ReplanInputs, ScenarioFacts
    from scheduler.domain import HistoryEvent, Scenario
    from scheduler.period import Period
    from scheduler.plan import Plan

LEDGER_ENV = "GOVCAL_LEDGER"
RECENT_PERIODS = 12  # periods `ledger status` lists in its table (--format json lists them all)

ledger_option = click.option(
    "--ledger", "ledger_path", envvar=LEDGER_ENV, type=click.Path(dir_okay=False), default=None,
    help=f"The ledger file (SQLite); default: ${LEDGER_ENV}.")
today_option = click.option("--today", default=None, help="As of this day, YYYY-MM-DD (default: the system date).")
format_option = click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
                             show_default=True)


def parse_clock(text: str | None, flag: str) -> int | None:
    if text is None:
        return None
    from scheduler.reader import Reader

    reader = Reader(flag)
    minutes = reader.parse_clock(text, "")
    if reader.problems:
        raise InputError(reader.problems)
    return minutes


def today_of(text: str | None) -> date:
    return parse_day(text, "--today") or date.today()


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def require_ledger(ledger_path: str | None) -> str:
    if not ledger_path:
        raise InputError([Problem("--ledger", "", "ledger.none")])
    return ledger_path


@contextmanager
def opened(ledger_path: str | None, lang: Lang) -> Iterator[Ledger]:
    """The ledger named by ``--ledger`` / ``GOVCAL_LEDGER``, closed afterwards; a migration is reported."""
    from govcal.ledger import open_ledger

    def notify(key: str, params: dict[str, object]) -> None:
        click.echo(t(key, lang, **params), err=True)

    ledger = open_ledger(require_ledger(ledger_path), notify=notify)
    try:
        yield ledger
    finally:
        ledger.close()


def emit_json(document: dict[str, Any]) -> None:
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], lang: Lang, wrap: Sequence[int] = ()) -> list[str]:
    from govcal.render import table_or_blocks

    if not rows:
        return [t("ui.none", lang)]
    return table_or_blocks(headers, rows, lang, wrap_columns=wrap, color=sys.stdout.isatty())


# ----- ledger init | status | export | backup ------------------------------------------------------


@click.group("ledger", cls=GovcalGroup, short_help="The office's running record: init, status, export, backup.")
@lang_option  # as on the root: the subcommand's default, and the language of this group's help
def ledger(lang: Lang) -> None:
    """The office's running record (SQLite): published plans, meeting outcomes, follow-ups."""


@ledger.command("init", short_help="Create a ledger for a scenario.")
@scenario_option()
@ledger_option
@format_option
@strict_option
@lang_option
def ledger_init(scenario_path: str | None, ledger_path: str | None, output_format: str, strict: bool,
                lang: Lang) -> None:
    """Create a new ledger (mode 0600) for the scenario; later commands read the scenario from there."""
    from govcal import __version__
    from govcal.ledger import ScenarioFacts, create_ledger

    path = require_ledger(ledger_path)
    scenario = load_scenario_warned(scenario_path, lang, strict)
    stored = "" if scenario_path is None else str(Path(scenario_path).resolve())
    create_ledger(path, ScenarioFacts.of(scenario), stored, now(), f"govcal {__version__}")
    if output_format == "json":
        emit_json({"format": "govcal.ledger.init/1", "ledger": path, "scenario": scenario.name,
                   "scenario_sha256": scenario.sha256, "scenario_path": stored or None})
    else:
        click.echo(t("ledger.out.created", lang, path=path, scenario=scenario.name))


@ledger.command("status", short_help="What is published, recorded and due, as of a day.")
@ledger_option
@today_option
@format_option
@lang_option
def ledger_status(ledger_path: str | None, today: str | None, output_format: str, lang: Lang) -> None:
    """Published revisions, outcomes, past meetings with no outcome, open and overdue follow-ups."""
    from govcal.ledger.actions import status

    day = today_of(today)
    with opened(ledger_path, lang) as book, book.reading():
        found = status(book, day)
    if output_format == "json":
        emit_json({
            "format": "govcal.ledger.status/1", "ledger": str(ledger_path), "scenario": found.scenario,
            "schema": found.schema_version, "today": day.isoformat(),
            "periods": [{"from": p.latest.period_from.isoformat(), "to": p.latest.period_to.isoformat(),
                         "revision": p.latest.revision, "revisions": p.revisions,
                         "published_at": _stamp(p.latest.published_at), "meetings": p.meetings,
                         "recorded": p.recorded} for p in found.periods],
            "outcomes": found.outcomes,
            "unrecorded": [_meeting_json(m) for m in found.unrecorded],
            "followups": found.followups,
        })
        return
    recent = found.periods[-RECENT_PERIODS:]
    lines = [t("ledger.status.title", lang, scenario=found.scenario, path=ledger_path, schema=found.schema_version,
               today=day.isoformat()), "",
             t("ledger.status.periods", lang, periods=len(found.periods),
               revisions=sum(p.revisions for p in found.periods), shown=len(recent))]
    lines += table([t(f"ledger.col.{k}", lang) for k in ("period", "revision", "revisions", "published_at",
                                                          "meetings", "recorded")],
                   [[p.latest.period_label, str(p.latest.revision), str(p.revisions), _stamp(p.latest.published_at),
                     str(p.meetings), str(p.recorded)] for p in recent], lang)
    lines += ["", t("ledger.status.outcomes", lang, **found.outcomes), "", t("ledger.status.unrecorded", lang)]
    lines += table([t("ledger.col.meeting_id", lang), t("ui.col.meeting", lang), t("ui.col.date", lang),
                    t("ui.col.time", lang)],
                   [[m.id, m.title, m.date.isoformat(), _span(m.start, m.end)] for m in found.unrecorded], lang)
    lines += ["", t("ledger.status.followups", lang, **found.followups)]
    click.echo("\n".join(lines))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _span(start: int, end: int) -> str:
    from scheduler.domain import fmt_minutes

    return f"{fmt_minutes(start)}-{fmt_minutes(end)}"


def _meeting_json(meeting: PublishedMeeting) -> dict[str, Any]:
    from scheduler.domain import fmt_minutes

    return {"meeting": meeting.id, "title": meeting.title, "kind": meeting.kind, "date": meeting.date.isoformat(),
            "start": fmt_minutes(meeting.start), "end": fmt_minutes(meeting.end),
            "period": meeting.revision.period_label, "revision": meeting.revision.revision}


@ledger.command("export", short_help="The recorded history as a scenario history: block.")
@scenario_option()
@ledger_option
@click.option("--format", "output_format", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("--into", "into", type=click.Path(dir_okay=False), default=None,
              help="Add the recorded history this scenario file (YAML or workbook) lacks to it, in place.")
@lang_option
def ledger_export(scenario_path: str | None, ledger_path: str | None, output_format: str, into: str | None,
                  lang: Lang) -> None:
    """The scenario's history merged with every recorded outcome, as YAML to paste over the
    scenario's history: block (or JSON), or added to a scenario file (`--into`). Outcomes of items
    or requests the scenario no longer names are left out: they change nothing, and a scenario may
    not name them."""
    import yaml

    from govcal.ledger.actions import history_on_record, load_full_scenario, scenario_file
    from scheduler.plan import history_to_json

    with opened(ledger_path, lang) as book, book.reading():
        scenario = load_full_scenario(book, scenario_file(book, scenario_path), scenario_loader(lang))
        history = history_on_record(book, scenario)[0].history
    if into is not None:
        _history_into(into, history, lang)
        return
    records = [history_to_json(event) for event in sorted(history, key=lambda e: e.date)]
    if output_format == "json":
        emit_json({"format": "govcal.history/1", "scenario": scenario.name, "history": records})
        return
    last = max((e.date for e in history), default=None)
    header = t("ledger.out.export_header", lang, scenario=scenario.name, count=len(records),
               last=last.isoformat() if last else "—")
    lines = [f"# {line}" for line in header.splitlines()] + ["history:"]
    for record in records:
        record["date"] = date.fromisoformat(record["date"])
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, default_flow_style=True, width=1000)
        lines.append(f"  - {text.strip()}")
    if not records:
        lines[-1] = "history: []"
    click.echo("\n".join(lines))


def _history_into(file: str, history: tuple[HistoryEvent, ...], lang: Lang) -> None:
    """Add to the scenario file `file` the events of `history` it lacks, as rows of its history (a workbook's
    已办事项 sheet, or YAML lines keeping the comments); the rest of the file stays as the office left it."""
    from govcal.files import atomic_write_bytes
    from govcal.scenario_edit import append_records
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
    click.echo(t("ledger.out.history_into", lang, file=file, count=len(records)), err=True)


@ledger.command("backup", short_help="Copy the ledger with SQLite's backup API.")
@click.argument("destination", type=click.Path(dir_okay=False))
@ledger_option
@lang_option
def ledger_backup(destination: str, ledger_path: str | None, lang: Lang) -> None:
    """A consistent copy of the ledger (mode 0600), taken while other commands may run."""
    with opened(ledger_path, lang) as book:
        book.backup(Path(destination))
    click.echo(t("ledger.out.backup", lang, path=destination), err=True)


# ----- publish -----------------------------------------------------------------------------------


@click.command("publish", cls=GovcalCommand, short_help="Record a plan as the next revision of its period.")
@click.argument("plan_file", type=click.Path(dir_okay=False))
@scenario_option()
@ledger_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Write the published revision's plan.json and exports (ICS with SEQUENCE) into this folder.")
@click.option("--ics-per-leader", is_flag=True, help="With --out, also one .ics calendar per leader.")
@format_option
@lang_option
def publish(plan_file: str, scenario_path: str | None, ledger_path: str | None, out_dir: str | None,
            ics_per_leader: bool, output_format: str, lang: Lang) -> None:
    """Publish PLAN_FILE: the next revision of its period (identical to the latest: nothing added)."""
    from govcal.ledger import actions
    from govcal.ledger.present import changes_json
    from scheduler.plan import read_plan

    plan = read_plan(plan_file)
    with opened(ledger_path, lang) as book, book.writing():
        file = actions.scenario_file(book, scenario_path)
        # Parsed at most once, and only when needed: for the changes, the exports or the change table.
        full_scenario = functools.cache(lambda: actions.load_full_scenario(book, file, scenario_loader(lang)))
        published = actions.publish(book, plan, plan_file, file, now(), full_scenario)
        show_changes = bool(published.plan.changes) and not published.unchanged and output_format == "table"
        if out_dir is not None or show_changes:
            scenario = full_scenario()
            open_followups = book.followups()
    revision = published.revision
    key = "ledger.out.unchanged" if published.unchanged else "ledger.out.published"
    message = t(key, lang, period=revision.period_label, revision=revision.revision,
                meetings=len(published.plan.meetings), at=_stamp(revision.published_at))
    if out_dir is not None:
        write_plan_outputs(published.plan, scenario, out_dir, lang, ics_per_leader, open_followups)
    if output_format == "json":
        click.echo(message, err=True)
        emit_json({"format": "govcal.publish/1", "period": {"from": revision.period_from.isoformat(),
                                                             "to": revision.period_to.isoformat()},
                   "revision": revision.revision, "unchanged": published.unchanged,
                   "published_at": _stamp(revision.published_at), "changes": changes_json(published.plan.changes)})
        return
    click.echo(message)
    if show_changes:
        click.echo("\n".join(change_lines(published.plan, revision.revision - 1, scenario, lang)))


def write_plan_outputs(plan: Plan, scenario: Scenario, out_dir: str, lang: Lang, ics_per_leader: bool,
                       followups: Sequence[FollowUp] | None) -> None:
    """plan.json and every export, as ``plan --out`` writes them, all or nothing."""
    from govcal.exports import write_exports
    from govcal.files import staged_dir
    from scheduler.plan import plan_to_text

    with staged_dir(out_dir) as scratch:
        (scratch / "plan.json").write_text(plan_to_text(plan, lang), encoding="utf-8")
        written = [scratch / "plan.json", *write_exports(plan, scenario, scratch, lang=lang,
                                                         ics_per_leader=ics_per_leader, followups=followups)]
    for path in written:  # every file, as it now lies in the output folder
        click.echo(t("cli.plan.written", lang, path=Path(out_dir) / path.relative_to(scratch)), err=True)


def change_lines(plan: Plan, published_revision: int, scenario: Scenario, lang: Lang) -> list[str]:
    """The change table of a re-plan: every change, before and after, and who must be told."""
    from govcal.ledger.present import change_headers, change_rows

    titles = {m.id: m.title for m in plan.meetings}
    lines = ["", t("ledger.changes.title", lang, revision=published_revision)]
    if not plan.changes:
        return [*lines, t("ledger.changes.none", lang)]
    return lines + table(change_headers(lang), change_rows(plan.changes, scenario, titles, lang), lang,
                         wrap=(0, 4))


# ----- record ------------------------------------------------------------------------------------


@click.command("record", cls=GovcalCommand, short_help="Record what a published meeting did.")
@click.argument("meeting", required=False)
@click.option("--all-held", is_flag=True,
              help="With --month: every other meeting of the month up to --today was held as published.")
@click.option("--held", is_flag=True, help="The meeting was held (every item decided unless --not-decided).")
@click.option("--cancelled", is_flag=True, help="The meeting was cancelled (nothing decided).")
@click.option("--decided", multiple=True, help="Items decided (ids, comma-separated); the others were not.")
@click.option("--not-decided", multiple=True, help="Items heard but not decided (ids, comma-separated).")
@click.option("--date", "day", default=None, help="Held on another day than planned, YYYY-MM-DD.")
@click.option("--start", default=None, help="Held at another hour than planned, HH:MM.")
@click.option("--follow-up", "followups", multiple=True, metavar="ITEM:UNIT:DUE[:EVERY]",
              help="Follow up a decided item (督办): owner unit, due date, optional working days between reports.")
@click.option("--month", default=None, help="The period the meeting is in, YYYY-MM (only if its id is in several).")
@scenario_option()
@ledger_option
@today_option
@format_option
@lang_option
def record(meeting: str | None, all_held: bool, held: bool, cancelled: bool, decided: tuple[str, ...],
           not_decided: tuple[str, ...], day: str | None, start: str | None, followups: tuple[str, ...],
           month: str | None, scenario_path: str | None, ledger_path: str | None, today: str | None,
           output_format: str, lang: Lang) -> None:
    """Record MEETING's outcome: held (on its day, or moved with --date/--start) or cancelled; or,
    with --all-held --month M, every meeting of M up to --today not yet recorded, as held as published."""
    from govcal.ledger import actions
    from scheduler.period import month_period

    # Either one MEETING, or --all-held with the --month it covers.
    if not (meeting is None and month is not None if all_held else meeting is not None):
        raise InputError([Problem("MEETING", "", "ledger.meeting_or_all")])
    if all_held and (cancelled or decided or not_decided or day or start or followups):
        raise InputError([Problem("--all-held", "", "ledger.meeting_or_all")])
    if not all_held and held == cancelled:
        raise InputError([Problem("--held", "", "ledger.held_or_cancelled")])
    moved_day, moved_start = parse_day(day, "--date"), parse_clock(start, "--start")
    period = month_period(month) if month else None
    as_of = today_of(today)
    with opened(ledger_path, lang) as book, book.writing():
        moment = now()
        facts = actions.scenario_facts(book, actions.scenario_file(book, scenario_path), remember=True, now=moment,
                                       load=scenario_loader(lang))
        if all_held:
            assert period is not None
            done = actions.record_rest_held(book, period, today=as_of, facts=facts, now=moment)
        else:
            assert meeting is not None
            done = [actions.record(book, meeting, held=held, decided=decided or None, not_decided=not_decided,
                                   day=moved_day, start=moved_start, followups=followups, month=period,
                                   today=as_of, facts=facts, now=moment)]
        created = {r.meeting.id: book.followups(open_only=False, ids=r.followups) if r.followups else []
                   for r in done}
    if output_format == "json":
        documents = [_recorded_json(r, created[r.meeting.id]) for r in done]
        emit_json(documents[0] if meeting is not None else {"format": "govcal.record/1", "recorded": documents})
        return
    for recorded in done:
        _echo_recorded(recorded, created[recorded.meeting.id], facts, lang)


def _recorded_json(done: Recorded, created: Sequence[FollowUp]) -> dict[str, Any]:
    from scheduler.domain import fmt_minutes

    return {"format": "govcal.record/1", "meeting": done.meeting.id, "period": done.meeting.revision.period_label,
            "held": done.held, "date": done.day.isoformat(),
            "start": fmt_minutes(done.held_at) if done.held else None, "decided": list(done.decided),
            "not_decided": list(done.not_decided),
            "followups": [{"id": f.id, "item": f.item, "unit": f.unit, "due": f.due.isoformat(),
                           "report_every": f.report_every} for f in created]}


def _echo_recorded(done: Recorded, created: Sequence[FollowUp], facts: ScenarioFacts, lang: Lang) -> None:
    from scheduler.domain import fmt_minutes

    if done.held:
        click.echo(t("ledger.out.recorded_held", lang, meeting=done.meeting.id, title=done.meeting.title,
                     day=done.day.isoformat(), time=fmt_minutes(done.held_at), decided=len(done.decided),
                     not_decided=len(done.not_decided)))
    else:
        click.echo(t("ledger.out.recorded_cancelled", lang, meeting=done.meeting.id, title=done.meeting.title))
    for followup in created:
        click.echo(t("ledger.out.followup_created", lang, id=followup.id, item=followup.item,
                     unit=facts.name_of(followup.unit), due=followup.due.isoformat()))


# ----- follow-ups ------------------------------------------------------------------------------------


@click.command("followups", cls=GovcalCommand, short_help="Open follow-ups (督办): due soon or overdue.")
@click.option("--due-within", type=click.IntRange(min=0), default=3, show_default=True,
              help="Working days ahead that count as due soon.")
@click.option("--overdue", "overdue_only", is_flag=True, help="Only follow-ups past their due date.")
@scenario_option()
@ledger_option
@today_option
@format_option
@lang_option
def followups(due_within: int, overdue_only: bool, scenario_path: str | None, ledger_path: str | None,
              today: str | None, output_format: str, lang: Lang) -> None:
    """Open follow-ups of decided items (Art. 28, 57), marked overdue or due soon."""
    from govcal.ledger import actions
    from govcal.ledger.present import followup_cells, followup_headers, followup_json

    day = today_of(today)
    with opened(ledger_path, lang) as book, book.reading():
        facts = actions.scenario_facts(book, actions.scenario_file(book, scenario_path), remember=False,
                                       load=scenario_loader(lang))
        views = actions.followup_views(book.followups(), facts, day, due_within)
    if overdue_only:
        views = [v for v in views if v.state == "overdue"]
    if output_format == "json":
        emit_json({"format": "govcal.followups/1", "today": day.isoformat(), "due_within": due_within,
                   "followups": [{**followup_json(v.followup), "state": v.state,
                                  "working_days_left": v.working_days_left,
                                  "next_report": v.next_report.isoformat() if v.next_report else None,
                                  "report_late": v.report_late}
                                 for v in views]})
        return

    def item_title(item: str) -> str:
        return facts.items.get(item, (item, ""))[0]

    lines = [t("ledger.followups.title", lang, today=day.isoformat(), days=due_within)]
    lines += table(
        [*followup_headers(lang), *(t(f"ledger.col.{k}", lang) for k in ("days_left", "state", "next_report"))],
        [[*followup_cells(v.followup, item_title, facts.name_of, lang),
          "" if v.working_days_left is None else str(v.working_days_left), t(f"ledger.state.{v.state}", lang),
          _next_report(v, lang)] for v in views], lang, wrap=(1,))
    click.echo("\n".join(lines))


def _next_report(view: FollowUpView, lang: Lang) -> str:
    if view.next_report is None:
        return ""
    day = view.next_report.isoformat()
    return t("ledger.report_late", lang, day=day) if view.report_late else day


@click.group("followup", cls=GovcalGroup, short_help="Close a follow-up or record a progress report.")
@lang_option  # as on the root: the subcommand's default, and the language of this group's help
def followup(lang: Lang) -> None:
    """One follow-up (督办): close it, or record a progress report on it."""


def _followup_command(name: str, action: Callable[..., Any], done_key: str, help_text: str) -> click.Command:
    @click.command(name, cls=GovcalCommand, short_help=help_text, help=help_text)
    @click.argument("followup_id", metavar="ID", type=int)
    @click.option("--note", default="", help="What was done or reported.")
    @click.option("--date", "day", default=None, help="The day (default: --today).")
    @ledger_option
    @today_option
    @format_option
    @lang_option
    def command(followup_id: int, note: str, day: str | None, ledger_path: str | None, today: str | None,
                output_format: str, lang: Lang) -> None:
        from govcal.ledger.present import followup_json

        when = parse_day(day, "--date") or today_of(today)
        with opened(ledger_path, lang) as book, book.writing():
            result = action(book, followup_id, when, note)
        if output_format == "json":
            emit_json({"format": "govcal.followup/1", **followup_json(result)})
        else:
            click.echo(t(done_key, lang, id=result.id, day=when.isoformat(), reports=result.reports))

    return command


def _register_followup_commands() -> None:
    from govcal.ledger import actions

    followup.add_command(_followup_command("close", actions.close_followup, "ledger.out.closed",
                                           "Close a follow-up, with a note."))
    followup.add_command(_followup_command("report", actions.report_followup, "ledger.out.reported",
                                           "Record a progress report on a follow-up."))


_register_followup_commands()


# ----- plan --ledger and check --ledger ------------------------------------------------------------


@dataclass
class LedgerPlanning:
    """What ``plan --ledger`` plans on: the scenario with the record as history, and what to say."""

    scenario: Scenario  # history advanced by the record
    period: Period
    state: PlanningState
    to_come: Plan | None  # the published revision's meetings still to come, if the period is published
    followups: list[FollowUp]

    def finish(self, plan: Plan) -> Plan:
        from govcal.ledger.actions import on_the_record

        return on_the_record(plan, self.state, self.scenario, self.to_come)

    def report(self, lang: Lang) -> None:
        """Notes on standard error: meetings published but not recorded, what the record added."""
        for meeting in self.state.unrecorded:
            click.echo(t("ledger.plan.unrecorded", lang, meeting=meeting.id, title=meeting.title,
                         day=meeting.date.isoformat()), err=True)
        if self.state.recorded:
            click.echo(t("ledger.plan.on_record", lang, events=len(self.state.recorded)), err=True)


def plan_on_ledger(ledger_path: str, scenario_path: str | None, month: str | None, start: date | None,
                   end: date | None, lang: Lang, strict: bool = False) -> LedgerPlanning:
    """Read the ledger (one read transaction) for ``plan --ledger``: the period (default: the month after
    the last one published), the scenario with every recorded outcome as history, the published
    revision of the period if any, and the open follow-ups for the workbook."""
    from govcal.ledger import actions
    from scheduler.period import check_period_fits, parse_period

    with opened(ledger_path, lang) as book, book.reading():
        scenario = actions.load_full_scenario(book, actions.scenario_file(book, scenario_path),
                                              scenario_loader(lang, strict))
        if month is None and start is None and end is None:
            period = actions.default_month_after_published(book) or parse_period(scenario=scenario)
            check_period_fits(scenario, period, "--month")
        else:
            period = parse_period(month, start, end, scenario=scenario)
        state = actions.planning_state(book, scenario, period)
        to_come = (actions.still_to_come(book, state.published_plan, state.published)
                   if state.published_plan and state.published else None)
        open_followups = book.followups()
    return LedgerPlanning(state.scenario, period, state, to_come, open_followups)


def latest_published_plan(ledger_path: str, month: str | None, lang: Lang) -> tuple[Plan, Revision, str | None]:
    """(plan, revision, the ledger's scenario path) of the latest revision, of `month` if given."""
    from govcal.ledger.ledger import SCENARIO_PATH
    from scheduler.period import month_period
    from scheduler.plan import plan_from_json

    with opened(ledger_path, lang) as book, book.reading():
        revisions = book.latest_revisions()
        if month is not None:
            period = month_period(month)
            revisions = [r for r in revisions if r.period_from == period.start]
            if not revisions:
                raise InputError([Problem("--month", "", "ledger.no_revision_of", {"period": month})])
        if not revisions:
            raise InputError([Problem(str(ledger_path), "", "ledger.no_revision")])
        revision = max(revisions, key=lambda r: (r.period_from, r.revision))
        plan = plan_from_json(json.loads(book.plan_text(revision)), f"{ledger_path}#{revision.period_label}")
        stored = book.meta().get(SCENARIO_PATH) or None
    return plan, revision, stored


# ----- replan ----------------------------------------------------------------------------------------


@dataclass
class LedgerReplanning:
    inputs: ReplanInputs
    followups: list[FollowUp]


def replan_on_ledger(ledger_path: str | None, scenario_path: str | None, month: str, since: date | None,
                     today: date, lang: Lang, strict: bool = False) -> LedgerReplanning:
    """Read what ``replan`` starts from (one read transaction): the month's latest revision, the
    scenario as it is now with the earlier months' outcomes, `--since`, the open follow-ups."""
    from govcal.ledger import actions
    from scheduler.period import check_period_fits, month_period

    period = month_period(month)
    with opened(ledger_path, lang) as book, book.reading():
        scenario = actions.load_full_scenario(book, actions.scenario_file(book, scenario_path),
                                              scenario_loader(lang, strict))
        check_period_fits(scenario, period, "--month")
        inputs = actions.replan_inputs(book, scenario, period, since, today)
        open_followups = book.followups()
    return LedgerReplanning(inputs, open_followups)


@click.command("replan", cls=GovcalCommand,
               short_help="Least-change re-plan of a published month under today's scenario.")
@click.option("--month", required=True, help="The published month to re-plan, YYYY-MM.")
@click.option("--since", default=None, help="Re-plan from this day; meetings before it stay as published "
              "(default: the day after the month's last recorded outcome).")
@scenario_option()
@ledger_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Write plan.json and the exports (ICS with SEQUENCE = the new revision) into this folder.")
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds the solver may search.")
@click.option("--seed", type=int, default=0, show_default=True, help="Solver seed: same input and seed, same plan.")
@click.option("--ics-per-leader", is_flag=True, help="With --out, also one .ics calendar per leader.")
@today_option
@format_option
@strict_option
@lang_option
def replan(month: str, since: str | None, scenario_path: str | None, ledger_path: str | None, out_dir: str | None,
           time_limit: float, seed: int, ics_per_leader: bool, today: str | None, output_format: str, strict: bool,
           lang: Lang) -> None:
    """The plan of a published month that keeps every rule under the scenario as it is now and
    changes the published revision least; lists every change and whom to tell."""
    from govcal.cmd_plan import deliver_plan, progress_log, solved_plan
    from scheduler.replan import replan as least_change

    planning = replan_on_ledger(ledger_path, scenario_path, month, parse_day(since, "--since"), today_of(today),
                                lang, strict)
    inputs = planning.inputs
    for meeting in inputs.unrecorded:
        click.echo(t("ledger.plan.unrecorded", lang, meeting=meeting.id, title=meeting.title,
                     day=meeting.date.isoformat()), err=True)
    result = least_change(inputs.scenario, inputs.published, inputs.since, time_limit=time_limit, seed=seed,
                          lang=lang, log=progress_log(lang))
    period = inputs.revision
    solved = solved_plan(result, inputs.scenario.name, period.period_from, period.period_to, output_format,
                         time_limit, lang)
    made = inputs.finish(solved)
    deliver_plan(made, inputs.scenario, out_dir, output_format, ics_per_leader, planning.followups, lang)
    lines = change_lines(made, inputs.revision.revision, inputs.scenario, lang)
    click.echo("\n".join(lines), err=output_format == "json")
