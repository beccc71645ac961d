"""``govcal calendar``: a year's holidays, make-up working days and local holidays, each with its
source (data, notice, projected, local), as a table or as JSON. This is how an office checks the
notice it entered, or sees what a projected year assumes."""

from __future__ import annotations

import json

import click

from govcal.common import (
    GovcalCommand,
    lang_option,
    load_scenario_warned,
    note_projected_years,
    scenario_option,
    strict_option,
)
from scheduler.errors import InputError, Problem
from scheduler.i18n import Lang, t

CALENDAR_FORMAT = "govcal.calendar/1"


@click.command("calendar", cls=GovcalCommand, short_help="A year's holidays and make-up working days, with sources.")
@scenario_option()
@click.option("--year", type=int, required=True, help="The year to show, YYYY.")
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True)
@strict_option
@lang_option
def calendar(scenario_path: str | None, year: int, output_format: str, strict: bool, lang: Lang) -> None:
    """A year's statutory holidays, make-up working days (调休) and local holidays, each with where it
    came from: the notice entered in the scenario, the calendar package's data, a projection, or
    the scenario's local holidays."""
    from datetime import date

    from govcal.view import holiday_name_in
    from scheduler.calendar import CN_YEARS, FREE_YEARS, special_days
    from scheduler.holidays import basis_of

    scenario = load_scenario_warned(scenario_path, lang, strict)
    spec = scenario.calendar
    known = CN_YEARS if spec.region == "CN" else FREE_YEARS
    if year not in known:
        raise InputError([Problem("--year", "", "period.outside_calendar",
                                  {"day": str(year), "first": date(known.start, 1, 1).isoformat(),
                                   "last": date(known.stop - 1, 12, 31).isoformat()})])
    note_projected_years(spec, date(year, 1, 1), date(year, 12, 31), lang, strict)
    basis = basis_of(year, spec.notices) if spec.region == "CN" else None
    days = special_days(spec, year)

    def name_of(day_name: str | None) -> str:
        return t("ui.day.makeup", lang) if day_name is None else holiday_name_in(day_name, lang)

    if output_format == "json":
        document = {"format": CALENDAR_FORMAT, "year": year, "basis": basis,
                    "days": [{"date": d.date.isoformat(), "working": d.working, "name": name_of(d.name),
                              "source": d.source} for d in days]}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    from govcal.render import format_table

    click.echo(t("cli.calendar.title", lang, year=year,
                 basis=t(f"cli.calendar.basis.{basis}", lang) if basis else t("cli.calendar.basis.none", lang)))
    headers = [t(f"cli.calendar.header.{key}", lang) for key in ("date", "weekday", "day", "name", "source")]
    rows = [[d.date.isoformat(), t(f"ui.weekday.{d.date.isoweekday()}", lang),
             t("ui.day.working" if d.working else "ui.day.rest", lang), name_of(d.name),
             t(f"cli.calendar.source.{d.source}", lang)] for d in days]
    click.echo("\n".join(format_table(headers, rows, color=False)))
