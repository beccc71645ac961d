"""The `govcal` command line. Each command family lives in its own module and is added here."""

from __future__ import annotations

import click

from govcal import __version__
from govcal.common import GovcalGroup


@click.group(cls=GovcalGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govcal")
def cli() -> None:
    """govcal: plan a county government's standing meetings and leaders' calendars under its
    work rules, and simulate how its document flow keeps the rules' deadlines."""


def _register() -> None:
    # Imported here so that a broken optional command family cannot hide the others' help.
    from govcal import cmd_scenario

    cli.add_command(cmd_scenario.scenario)
    for module_name, attributes in (("govcal.cmd_plan", ("plan", "check")),
                                    ("govcal.cmd_simulate", ("simulate", "whatif"))):
        try:
            module = __import__(module_name, fromlist=list(attributes))
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise
            continue
        for attribute in attributes:
            cli.add_command(getattr(module, attribute))


_register()


def main() -> None:
    cli(prog_name="govcal")
