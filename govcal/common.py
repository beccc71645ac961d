"""What every command shares: the language option, the scenario option, and error exits."""

from __future__ import annotations

import sys
from typing import Any

import click

from scheduler.errors import InputError
from scheduler.i18n import LANGS

LANG_KEY = "govcal.lang"
EXIT_BAD_INPUT = 2


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str) -> str:
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


class GovcalGroup(click.Group):
    """A group whose commands turn `InputError` into one clear message and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            lang = ctx.meta.get(LANG_KEY, "zh")
            click.echo(error.render(lang), err=True)
            sys.exit(EXIT_BAD_INPUT)
