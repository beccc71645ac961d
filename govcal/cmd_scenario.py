"""``govcal scenario validate | show | new | generate``: check, summarise, start or generate scenario files.

Every fixed word here comes from the ``cli.scenario.`` catalogue entries below; names come from
the scenario. Tables reuse the plan view's width-aware `format_table`, so Chinese columns align.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

import click

from govcal.common import GovcalGroup, lang_option, load_scenario_warned, parse_day, strict_option
from govcal.files import atomic_write_bytes, atomic_write_text
from govcal.render import format_table
from govcal.templates import scenario_template
from govcal.view import format_date_span, kind_name, party_name
from scheduler.domain import ABSENCE_KINDS, HALVES, ROLES, UNIT_KINDS, Absence, Scenario, fmt_minutes
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t
from scheduler.scenario import (
    DEFAULT_SCENARIO,
    POLICY_PAIRS,
    parse_scenario,
    scenario_years,
)

LIST_SEPARATOR = {"zh": "、", "en": ", "}


@click.group(cls=GovcalGroup)
@lang_option  # as on the root: the subcommand's default, and the language of this group's help
def scenario(lang: Lang) -> None:
    """Validate, summarise, create or generate scenario files."""


def _emit(text: str, out: str | None, lang: Lang) -> None:
    """Print `text`, or write it whole to `out` (never half-written) and say so on stderr."""
    if out is None:
        click.echo(text, nl=False)
        return
    atomic_write_text(out, text)
    click.echo(t("cli.scenario.written", lang, file=out), err=True)


def _refuse_to_overwrite(out: str | None, force: bool) -> None:
    """A file written over a scenario someone has filled in would lose their work without a word."""
    if out is not None and not force and os.path.lexists(out):
        raise InputError([Problem(out, "", "cli.scenario.exists")])


@scenario.command()
@click.argument("file", type=click.Path())
@strict_option
@lang_option
def validate(file: str, strict: bool, lang: Lang) -> None:
    """Check FILE against the scenario contract: every problem, or one OK line (exit 0)."""
    loaded = load_scenario_warned(file, lang, strict)
    click.echo(t("cli.scenario.ok", lang, file=file, leaders=len(loaded.leaders), units=len(loaded.units),
                 items=len(loaded.agenda), requests=len(loaded.meeting_requests), absences=len(loaded.absences)))


@scenario.command()
@click.argument("file", type=click.Path(), required=False)
@lang_option
def show(file: str | None, lang: Lang) -> None:
    """Summarise FILE (default: the embedded scenario) for a reader."""
    loaded = load_scenario_warned(file, lang)
    click.echo(render_summary(loaded, lang))


@scenario.command()
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Write the template to this file.")
@click.option("--xlsx", "as_workbook", is_flag=True, help="The template as an Excel workbook (needs --out).")
@click.option("--force", is_flag=True, help="With --out, overwrite an existing file.")
@click.option("--year", type=int, default=None, help="Date the template in this year (default: this year).")
@lang_option
def new(out: str | None, as_workbook: bool, force: bool, year: int | None, lang: Lang) -> None:
    """Print a commented scenario template (Chinese and English comments), dated in --year, to start from."""
    from datetime import date

    from scheduler.calendar import CN_YEARS

    year = date.today().year if year is None else year
    if year not in CN_YEARS:
        raise InputError([Problem("--year", "", "scenario.year_unsupported", {
            "value": year, "first": CN_YEARS.start, "last": CN_YEARS.stop - 1, "region": "CN"})])
    _refuse_to_overwrite(out, force)
    template = scenario_template(year)
    if as_workbook:
        if out is None:
            raise click.UsageError(t("cli.scenario.xlsx_needs_out", lang))
        _write_workbook(parse_scenario(template, out), out, lang)
        return
    _emit(template, out, lang)


def _write_workbook(loaded: Scenario, out: str, lang: Lang) -> None:
    """`loaded` as the office's workbook at `out`, written whole or not at all."""
    from govcal.exports.scenario_xlsx import scenario_workbook
    from scheduler.scenario import scenario_to_mapping

    first_year = scenario_years(loaded)[0]
    try:
        data = scenario_workbook(scenario_to_mapping(loaded), date(first_year, 1, 1))
    except InputError as error:  # text no cell can hold: named by the scenario file and field
        raise InputError([replace(problem, file=loaded.source) for problem in error.problems]) from None
    atomic_write_bytes(out, data)
    click.echo(t("cli.scenario.written", lang, file=out), err=True)


@scenario.command("export")
@click.argument("file", type=click.Path(), required=False)
@click.option("--out", type=click.Path(dir_okay=False), required=True, help="The workbook to write (.xlsx).")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@strict_option
@lang_option
def export_workbook(file: str | None, out: str, force: bool, strict: bool, lang: Lang) -> None:
    """Write FILE (default: the embedded scenario) as an Excel workbook the office can keep and edit:
    one sheet per part, drop-down lists, real dates; `--scenario` takes it back as it is."""
    _refuse_to_overwrite(out, force)
    _write_workbook(load_scenario_warned(file, lang, strict), out, lang)


@scenario.command("import")
@click.argument("file", type=click.Path())
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Write the YAML to this file.")
@click.option("--force", is_flag=True, help="With --out, overwrite an existing file.")
@strict_option
@lang_option
def import_workbook(file: str, out: str | None, force: bool, strict: bool, lang: Lang) -> None:
    """Convert FILE (a workbook, or YAML) to a scenario YAML file holding the same scenario."""
    from scheduler.scenario import scenario_to_yaml

    _refuse_to_overwrite(out, force)
    _emit(scenario_to_yaml(load_scenario_warned(file, lang, strict)), out, lang)


@scenario.command()
@click.option("--leaders", type=click.IntRange(min=1), default=None, help="Number of leaders.")
@click.option("--units", type=click.IntRange(min=1), default=None, help="Number of units.")
@click.option("--items-per-month", type=click.IntRange(min=0), default=None, help="Agenda items a month.")
@click.option("--months", type=click.IntRange(min=1), default=None, help="Months of agenda items.")
@click.option("--meeting-week", is_flag=True,
              help="A meeting-heavy week instead: requested meetings only, tight windows, few rooms.")
@click.option("--rooms", type=click.IntRange(min=1), default=3, show_default=True,
              help="With --meeting-week: rooms.")
@click.option("--requests", type=click.IntRange(min=0), default=24, show_default=True,
              help="With --meeting-week: requested meetings.")
@click.option("--week", type=click.IntRange(min=1, max=53), default=20, show_default=True,
              help="With --meeting-week: ISO week of the year.")
@click.option("--seed", type=int, required=True, help="Random seed: same options and seed, same file.")
@click.option("--year", type=int, default=None, help="Year of the scenario (default: the generator's, 2024).")
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Write the scenario to this file.")
@lang_option
def generate(leaders: int | None, units: int | None, items_per_month: int | None, months: int | None,
             meeting_week: bool, rooms: int, requests: int, week: int, seed: int, year: int | None,
             out: str | None, lang: Lang) -> None:
    """Generate a random but valid scenario of the given size (for load tests and benchmarks)."""
    # The generator pulls in more than the other commands.
    from scheduler.generate import generate_meeting_week_yaml, generate_scenario_yaml

    years = {} if year is None else {"year": year}
    try:
        if meeting_week:
            text = generate_meeting_week_yaml(people=leaders or 20, rooms=rooms, requests=requests, seed=seed,
                                              week=week, **years)
        else:
            missing = [flag for flag, value in (("--leaders", leaders), ("--units", units),
                                                ("--items-per-month", items_per_month), ("--months", months))
                       if value is None]
            if missing:
                raise click.UsageError(t("cli.generate.missing", lang, options=", ".join(missing)))
            text = generate_scenario_yaml(leaders=leaders, units=units, items_per_month=items_per_month,
                                          months=months, seed=seed, **years)
    except ValueError as error:  # arguments that cannot describe a county; the generator says which
        raise click.UsageError(str(error)) from None
    parse_scenario(text, out or "<generated>")  # never hand out a file that would not load
    _emit(text, out, lang)


@scenario.command()
@click.argument("file", type=click.Path())
@click.option("--who", required=True, help="The leader's or unit's id.")
@click.option("--from", "first", required=True, help="First day away, YYYY-MM-DD.")
@click.option("--to", "last", required=True, help="Last day away, YYYY-MM-DD.")
@click.option("--kind", type=click.Choice(ABSENCE_KINDS), default="leave", show_default=True,
              help="Kind of absence (Art. 61).")
@click.option("--half", type=click.Choice(HALVES), default=None, help="Only the morning or afternoon of one day.")
@click.option("--note", default=None, help="A note, e.g. 住院.")
@click.option("--out", type=click.Path(), default=None, help="Write the edited scenario here instead of into FILE.")
@click.option("--force", is_flag=True, help="With --out, overwrite an existing file.")
@lang_option
def absence(file: str, who: str, first: str, last: str, kind: str, half: str | None, note: str | None,
            out: str | None, force: bool, lang: Lang) -> None:
    """Enter an absence into FILE (a leader falls ill, a trip comes up), keeping the file's comments, or
    a workbook's sheets as they were; then `replan` re-plans the published month around it."""
    from govcal.scenario_edit import append_records
    from scheduler.reader import read_bytes
    from scheduler.scenario import parse_scenario_bytes

    _refuse_to_overwrite(out, force)
    record: dict[str, object] = {"who": who, "from": parse_day(first, "--from"), "to": parse_day(last, "--to"),
                                 "kind": kind}
    record.update({name: value for name, value in (("note", note), ("half", half)) if value is not None})
    try:
        edited = append_records(read_bytes(Path(file), file), file, "absences", [record])
    except ValueError:
        raise InputError([Problem(file, "absences", "cli.scenario.flow_list", {"key": "absences"})]) from None
    target = out or file
    # The edit names an unknown leader or a bad span: exit 2, nothing written.
    loaded = parse_scenario_bytes(edited, target)[0]
    atomic_write_bytes(target, edited)
    entered = loaded.absences[-1]
    click.echo(t("cli.scenario.absence_added", lang, file=target, who=party_name(loaded, entered.who),
                 span=format_date_span(entered.start, entered.end, lang), kind=_absence_kind(entered, lang)),
               err=True)


# ----- the summary -------------------------------------------------------------------------------


def render_summary(scenario: Scenario, lang: Lang = "zh") -> str:
    """`govcal scenario show`: calendar, leaders, units, absences, items per month, requests, policy."""
    sections = [
        [t("cli.scenario.title", lang, name=scenario.name, file=scenario.source or DEFAULT_SCENARIO),
         *_calendar_lines(scenario, lang)],
        _leader_lines(scenario, lang),
        _unit_lines(scenario, lang),
        _absence_lines(scenario, lang),
        _item_lines(scenario, lang),
        _request_lines(scenario, lang),
        _policy_lines(scenario, lang),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections)


def _calendar_lines(scenario: Scenario, lang: Lang) -> list[str]:
    spec = scenario.calendar
    first, last = scenario_years(scenario)
    if spec.region == "CN":
        region = t("cli.scenario.region.CN", lang)
    else:
        region = t("cli.scenario.region.none", lang, weekdays=",".join(map(str, spec.weekdays)))
    hours = LIST_SEPARATOR[lang].join(f"{fmt_minutes(a)}-{fmt_minutes(b)}" for a, b in spec.office_hours)
    years = str(first) if first == last else f"{first}–{last}"
    lines = [t("cli.scenario.calendar", lang, region=region, years=years, hours=hours, grain=spec.grain_minutes)]
    if spec.local_holidays:
        holidays = LIST_SEPARATOR[lang].join(f"{h.date.isoformat()} {h.name}" for h in spec.local_holidays)
        lines.append(t("cli.scenario.local_holidays", lang, holidays=holidays))
    return lines


def _leader_lines(scenario: Scenario, lang: Lang) -> list[str]:
    # Leaders in the order of the rules' hierarchy (Art. 4-6), then as listed.
    ordered = sorted(scenario.leaders, key=lambda leader: ROLES.index(leader.role))
    rows = [[leader.title, t(f"cli.scenario.role.{leader.role}", lang), leader.domain or "", leader.id]
            for leader in ordered]
    headers = [t("cli.scenario.col.title", lang), t("cli.scenario.col.role", lang),
               t("cli.scenario.col.domain", lang), "id"]
    return [t("cli.scenario.section.leaders", lang, count=len(scenario.leaders)), *format_table(headers, rows)]


def _unit_lines(scenario: Scenario, lang: Lang) -> list[str]:
    """Units counted by kind under each supervising leader."""
    counts = Counter((unit.supervisor, unit.kind) for unit in scenario.units)
    rows = []
    for leader in scenario.leaders:
        per_kind = [counts[(leader.id, kind)] for kind in UNIT_KINDS]
        if any(per_kind):
            rows.append([party_name(scenario, leader.id), leader.id, *map(str, per_kind), str(sum(per_kind))])
    totals = [sum(counts[(leader.id, kind)] for leader in scenario.leaders) for kind in UNIT_KINDS]
    rows.append([t("cli.scenario.col.total", lang), "", *map(str, totals), str(len(scenario.units))])
    headers = [t("cli.scenario.col.supervisor", lang), "id",
               *(t(f"cli.scenario.unit_kind.{kind}", lang) for kind in UNIT_KINDS), t("cli.scenario.col.total", lang)]
    return [t("cli.scenario.section.units", lang, count=len(scenario.units)), *format_table(headers, rows)]


def _absence_lines(scenario: Scenario, lang: Lang) -> list[str]:
    heading = t("cli.scenario.section.absences", lang, count=len(scenario.absences))
    if not scenario.absences:
        return [heading, t("cli.scenario.none", lang)]
    rows = [[party_name(scenario, a.who), format_date_span(a.start, a.end, lang), _absence_kind(a, lang), a.note]
            for a in sorted(scenario.absences, key=lambda a: (a.start, a.who))]
    headers = [t(f"cli.scenario.col.{column}", lang) for column in ("who", "dates", "kind", "note")]
    return [heading, *format_table(headers, rows, wrap_columns=(3,))]


def _absence_kind(absence: Absence, lang: Lang) -> str:
    kind = t(f"ui.absence.{absence.kind}", lang)
    if absence.half is None:
        return kind
    return t("cli.scenario.half_day", lang, kind=kind, half=t(f"ui.half.{absence.half}", lang))


def _item_lines(scenario: Scenario, lang: Lang) -> list[str]:
    """Agenda items per month submitted, per body (standing or plenary meeting)."""
    heading = t("cli.scenario.section.items", lang, count=len(scenario.agenda))
    if not scenario.agenda:
        return [heading, t("cli.scenario.none", lang)]
    counts = Counter((item.submitted.strftime("%Y-%m"), item.body) for item in scenario.agenda)
    bodies = ("standing", "plenary")
    rows = [[month, *(str(counts[(month, body)]) for body in bodies),
             str(sum(counts[(month, body)] for body in bodies))]
            for month in sorted({month for month, _ in counts})]
    headers = [t("cli.scenario.col.month", lang), *(kind_name(body, lang) for body in bodies),
               t("cli.scenario.col.total", lang)]
    return [heading, *format_table(headers, rows)]


def _request_lines(scenario: Scenario, lang: Lang) -> list[str]:
    heading = t("cli.scenario.section.requests", lang, count=len(scenario.meeting_requests))
    if not scenario.meeting_requests:
        return [heading, t("cli.scenario.none", lang)]
    counts = Counter(request.kind for request in scenario.meeting_requests)
    rows = [[kind_name(kind, lang), kind, str(count)] for kind, count in sorted(counts.items())]
    headers = [t("cli.scenario.col.kind", lang), "kind", t("cli.scenario.col.count", lang)]
    return [heading, *format_table(headers, rows)]


def _policy_lines(scenario: Scenario, lang: Lang) -> list[str]:
    """The policy under its YAML field names, so a reader can find each one in the file."""
    policy = asdict(scenario.policy)
    weights = policy.pop("weights")
    lines = [t("cli.scenario.section.policy", lang)]
    for name, value in policy.items():
        shown = f"{value[0]}-{value[1]}" if name in POLICY_PAIRS else str(value)
        lines.append(f"  {name}: {shown}")
    lines.append("  weights:")
    lines.extend(f"    {name}: {value}" for name, value in weights.items())
    return lines
