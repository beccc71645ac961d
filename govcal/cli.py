"""The `govcal` command line. Each command family lives in its own module and is added here."""

from __future__ import annotations

import importlib

import click

from govcal import __version__
from govcal.common import GovcalGroup, lang_option
from scheduler.i18n import Lang

# The module of each command (named as the command). A command's module is imported when the command
# runs or the root's help lists it, so `govcal --version`, `govcal plan --help` and `import govcal.cli`
# do not load the simulation's numpy, simpy and ortools.
COMMAND_MODULES: dict[str, str] = {
    "plan": "govcal.cmd_plan", "check": "govcal.cmd_plan", "scenario": "govcal.cmd_scenario",
    "simulate": "govcal.cmd_simulate", "whatif": "govcal.cmd_simulate",
    # The office's running record (DESIGN §7).
    "ledger": "govcal.cmd_ledger", "publish": "govcal.cmd_ledger", "record": "govcal.cmd_ledger",
    "replan": "govcal.cmd_plan", "followups": "govcal.cmd_ledger", "followup": "govcal.cmd_ledger",
    "calendar": "govcal.cmd_calendar",
}


class RootGroup(GovcalGroup):
    """The root: every command of `COMMAND_MODULES`, each imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if cmd_name not in self.commands and module is not None:
            self.add_command(getattr(importlib.import_module(module), cmd_name))
        return super().get_command(ctx, cmd_name)


@click.group("govcal", cls=RootGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govcal")
@lang_option  # before the command name, it is every command's default (and the root's help language)
def cli(lang: Lang) -> None:
    """govcal: plan a county government's standing meetings and leaders' calendars under its
    work rules, and simulate how its document flow keeps the rules' deadlines."""


def main() -> None:
    cli(prog_name="govcal")
