"""What every command shares: the language option, the scenario option, and error exits."""

from __future__ import annotations

import sys
from typing import Any

import click
from click.core import ParameterSource

from govcal.help_format import LocalizedGroupHelp, LocalizedHelp
from scheduler.errors import InputError
from scheduler.i18n import LANGS

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
        "--scenario", "scenario_path", type=click.Path(dir_okay=False), default=None,
        help="Scenario YAML file (default: the embedded wuqia-2024 scenario).", **kwargs,
    )


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
