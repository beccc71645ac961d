"""What every command shares: the language, scenario and ledger options, loading the scenario, opening the
ledger, tables and JSON on standard output, and error exits."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

import govcal.messages  # noqa: F401  (registers the command line's words; every command imports this module)
from govcal.help_format import HELP_LANG_KEY, LocalizedGroupHelp, LocalizedHelp, show_usage_error
from scheduler.errors import InputError, Problem
from scheduler.i18n import LANGS, Lang, t

if TYPE_CHECKING:
    from govcal.ledger import Ledger
    from scheduler.domain import CalendarSpec, Scenario
    from scheduler.period import Period

LANG_KEY = "govcal.lang"
EXIT_BAD_INPUT = 2


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if param.name and ctx.get_parameter_source(param.name) is ParameterSource.DEFAULT:
        value = ctx.meta.get(LANG_KEY, value)  # `govcal --lang en plan`: the root's choice (meta is shared)
    ctx.meta[LANG_KEY] = value
    return value


lang_option = click.option(
    "--lang", type=click.Choice(LANGS), default="zh", show_default=True, is_eager=True,
    callback=_remember_lang, help="Language of what users read: zh (default) or en.",
)


def scenario_option(**kwargs: Any) -> Any:
    return click.option(
        # No click.Path checks: the scenario reader says what is wrong with the file, in --lang.
        "--scenario", "scenario_path", type=click.Path(), default=None,
        help="Scenario YAML file (default: the embedded wuqia-2024 scenario).", **kwargs,
    )


def parse_day(text: str | None, flag: str) -> date | None:
    """A day given on the command line (``--from``, ``--today``, ...), read as a scenario's dates are:
    YYYY-MM-DD and a real day, else `InputError` naming `flag`."""
    if text is None:
        return None
    from scheduler.reader import Reader

    reader = Reader(flag)
    day = reader.parse_day(text, "")
    if reader.problems:
        raise InputError(reader.problems)
    return day


LEDGER_ENV = "GOVCAL_LEDGER"

ledger_option = click.option(
    "--ledger", "ledger_path", envvar=LEDGER_ENV, type=click.Path(dir_okay=False), default=None,
    help=f"The ledger file (SQLite); default: ${LEDGER_ENV}.")
today_option = click.option("--today", default=None,
                            help="As of this day, YYYY-MM-DD (default: the system date in the county's time zone).")
format_option = click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
                             show_default=True)


def county_today() -> date:
    """The system date where the county is (`scheduler.calendar.COUNTY_TIME_ZONE`), not where the
    computer's clock is set: the office plans and records as of its own day."""
    from zoneinfo import ZoneInfo

    from scheduler.calendar import COUNTY_TIME_ZONE

    return datetime.now(ZoneInfo(COUNTY_TIME_ZONE)).date()


def today_of(text: str | None) -> date:
    return parse_day(text, "--today") or county_today()


def refuse_past(period: Period, today: date, where: str) -> None:
    """Exit 2 when no day of `period` lies after `today`: planning it could only return an empty plan.
    `where` names the option the day or the period came from, one the user typed."""
    if period.end <= today:
        raise InputError([Problem(where, "", "cli.plan.before_today",
                                  {"period": period.label(), "today": today.isoformat()})])


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


strict_option = click.option(
    "--strict", is_flag=True,
    help="Treat the scenario's warnings (unknown fields) as errors: exit 2 instead of going on.",
)


def print_warnings(warnings: tuple[Problem, ...], lang: Lang) -> None:
    """Each warning on standard error: standard output may be a JSON document, kept pure."""
    for warning in warnings:
        click.echo(t("cli.warning", lang, text=warning.render(lang)), err=True)


def load_scenario_warned(path: str | None, lang: Lang, strict: bool = False) -> Scenario:
    """The scenario at `path` (None: the embedded default), as every command loads it: its warnings
    (unknown fields, perhaps misspelt) printed on standard error, or with `strict` raised as
    `InputError`, so that no command drops them silently."""
    from scheduler.reader import as_errors
    from scheduler.scenario import load_scenario_checked

    scenario, warnings = load_scenario_checked(path)
    if strict and warnings:
        raise InputError(as_errors(warnings))
    print_warnings(warnings, lang)
    return scenario


PROJECTED_NOTED_KEY = "govcal.projected_noted"


def note_projected_years(spec: CalendarSpec, first: date, last: date, lang: Lang, strict: bool = False) -> None:
    """A projected year is never silent: say once per command, on standard error, which years
    between `first` and `last` have projected statutory days, what is unknown and how to enter the
    notice; with `strict` refuse them instead (`InputError`, exit 2)."""
    from scheduler.holidays import projected_years

    years = projected_years(spec, first, last)
    if not years:
        return
    if strict:
        listed = ("、" if lang == "zh" else ", ").join(map(str, years))
        raise InputError([Problem("--strict", "", "calendar.projected_strict", {"years": listed})])
    context = click.get_current_context(silent=True)
    noted: set[int] = context.meta.setdefault(PROJECTED_NOTED_KEY, set()) if context is not None else set()
    for year in years:
        if year not in noted:
            noted.add(year)
            click.echo(t("calendar.projected_note", lang, year=year), err=True)


def scenario_loader(lang: Lang, strict: bool = False) -> Callable[[str | None], Scenario]:
    """`load_scenario_warned` bound to a command's options, for code that loads the scenario later
    or not at all (the ledger's actions read it only when their cache lacks it)."""
    return functools.partial(load_scenario_warned, lang=lang, strict=strict)


class GovcalCommand(LocalizedHelp):
    """A command whose help follows --lang and the locale (`govcal.help_format`)."""


class GovcalGroup(LocalizedGroupHelp):
    """A group whose help follows --lang and the locale, whose commands turn `InputError` into one
    clear message and exit code 2, and whose subcommands and subgroups are of these classes too."""

    command_class = GovcalCommand
    group_class = type  # subgroups of the group's own class

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            lang = ctx.meta.get(LANG_KEY, "zh")
            click.echo(error.render(lang), err=True)
            sys.exit(EXIT_BAD_INPUT)
        except click.UsageError as error:
            # The --lang found anywhere on the command line (parse_args scanned it for help), even when
            # parsing stopped at the mistake before reaching it; never the locale: only help follows that.
            show_usage_error(error, ctx.meta.get(HELP_LANG_KEY) or ctx.meta.get(LANG_KEY, "zh"))
            sys.exit(error.exit_code)
