"""The `govcal` command line. Each command family lives in its own module and is added here."""

from __future__ import annotations

import click

from govcal import __version__
from govcal.cmd_ledger import followup, followups, ledger, publish, record, replan
from govcal.cmd_plan import check, plan
from govcal.cmd_scenario import scenario
from govcal.cmd_simulate import simulate, whatif
from govcal.common import GovcalGroup, lang_option
from scheduler.i18n import Lang


@click.group("govcal", cls=GovcalGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govcal")
@lang_option  # before the command name, it is every command's default (and the root's help language)
def cli(lang: Lang) -> None:
    """govcal: plan a county government's standing meetings and leaders' calendars under its
    work rules, and simulate how its document flow keeps the rules' deadlines."""


for command in (plan, check, scenario, simulate, whatif):
    cli.add_command(command)
# The office's running record (DESIGN §7).
for command in (ledger, publish, record, replan, followups, followup):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="govcal")
