"""The ledger's commands (DESIGN §5, §7): ``ledger init|status|export|backup``, ``publish``, ``record``,
``followups``, ``followup close|report``. (``replan`` sits beside ``plan``, in `govcal.cmd_plan`.)

Each command opens the ledger (``--ledger DB`` or ``GOVCAL_LEDGER``), runs exactly one transaction,
and prints Chinese by default (``--lang en``), or with ``--format json`` one JSON document alone on
standard output. Bad input exits 2 having written nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from govcal.common import (
    GovcalCommand,
    GovcalGroup,
    emit_json,
    format_option,
    lang_option,
    ledger_option,
    load_scenario_warned,
    note_projected_years,
    now,
    opened,
    parse_day,
    require_ledger,
    scenario_loader,
    scenario_option,
    strict_option,
    table,
    today_of,
    today_option,
)
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t

if TYPE_CHECKING:  # imported where used: the command line starts without the ledger's modules
    from govcal.ledger import FollowUp, PublishedMeeting
    from govcal.ledger.actions import FollowUpView, Recorded, ScenarioFacts
    from scheduler.domain import HistoryEvent

RECENT_PERIODS = 12  # periods `ledger status` lists in its table (--format json lists them all)


def parse_clock(text: str | None, flag: str) -> int | None:
    if text is None:
        return None
    from scheduler.reader import Reader

    reader = Reader(flag)
    minutes = reader.parse_clock(text, "")
    if reader.problems:
        raise InputError(reader.problems)
    return minutes


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
    from govcal.ledger.ledger import stamp

    day = today_of(today)
    with opened(ledger_path, lang) as book, book.reading():
        found = status(book, day)
    if output_format == "json":
        emit_json({
            "format": "govcal.ledger.status/1", "ledger": str(ledger_path), "scenario": found.scenario,
            "schema": found.schema_version, "today": day.isoformat(),
            "periods": [{"from": p.latest.period_from.isoformat(), "to": p.latest.period_to.isoformat(),
                         "revision": p.latest.revision, "revisions": p.revisions,
                         "published_at": stamp(p.latest.published_at), "meetings": p.meetings,
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
                   [[p.latest.period_label, str(p.latest.revision), str(p.revisions), stamp(p.latest.published_at),
                     str(p.meetings), str(p.recorded)] for p in recent], lang)
    lines += ["", t("ledger.status.outcomes", lang, **found.outcomes), "", t("ledger.status.unrecorded", lang)]
    lines += table([t("ledger.col.meeting_id", lang), t("ui.col.meeting", lang), t("ui.col.date", lang),
                    t("ui.col.time", lang)],
                   [[m.id, m.title, m.date.isoformat(), _span(m.start, m.end)] for m in found.unrecorded], lang)
    lines += ["", t("ledger.status.followups", lang, **found.followups)]
    click.echo("\n".join(lines))


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
    from govcal.scenario_edit import add_history

    added = add_history(file, history)
    click.echo(t("ledger.out.history_into", lang, file=file, count=added), err=True)


@ledger.command("relink", short_help="Confirm a renamed scenario file (a new year's) as the ledger's scenario.")
@click.option("--scenario", "scenario_path", type=click.Path(), required=True,
              help="The county's scenario file, edited (and perhaps renamed) for the new year.")
@ledger_option
@strict_option
@lang_option
def ledger_relink(scenario_path: str, ledger_path: str | None, strict: bool, lang: Lang) -> None:
    """Carry the ledger on with the county's file for a new year, whose name changed: every published
    plan, outcome and follow-up stays, and later commands read this file."""
    from govcal.ledger.actions import relink_scenario, scenario_file

    with opened(ledger_path, lang) as book, book.writing():
        before, scenario = relink_scenario(book, scenario_file(book, scenario_path), scenario_loader(lang, strict))
    click.echo(t("ledger.out.relinked", lang, ledger=ledger_path, before=before, after=scenario.name,
                 file=scenario_path))


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
    from govcal.planning import publish_plan

    publish_plan(plan_file, scenario_path, ledger_path, out_dir, ics_per_leader, output_format, lang)


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
    note_projected_years(facts.calendar, day, max([day, *(v.followup.due for v in views)]), lang)
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
