"""``--help`` in the reader's language (DESIGN §5: Chinese by default, ``--lang en`` for English).

The language is ``--lang`` anywhere on the command line, else the locale, else Chinese; only help
follows the locale. The conftest clears the locale variables, so "default" here means no locale.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from test_planner_helpers import scenario_yaml_data, tiny_scenario

from govcal.cli import cli
from govcal.help_format import LocalizedHelp, command_key, lang_on_command_line, locale_lang, option_help, option_key
from govcal.help_texts import COMMANDS, ROOT, SHARED_OPTIONS
from govcal.planning import progress_log
from govcal.view import display_width
from scheduler.period import Period
from scheduler.solve import plan as solve_plan

ROOT_DIR = Path(__file__).resolve().parent.parent
CLICK_ENGLISH = ("Usage:", "Options:", "Commands:", "Show this message", "default:", "required")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def every_command() -> Iterator[tuple[click.Context, click.Command]]:
    """Each command of the tree with a context as the command line would make it."""
    root = click.Context(cli, info_name=ROOT, **cli.context_settings)
    pending = [(root, cli)]
    while pending:
        ctx, command = pending.pop()
        yield ctx, command
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                pending.append((click.Context(sub, info_name=name, parent=ctx), sub))


def command_words(ctx: click.Context) -> list[str]:
    return command_key(ctx).split()[1:]


COMMAND_PATHS = sorted(" ".join(command_words(ctx)) for ctx, _ in every_command())


# ----- the language -----------------------------------------------------------------------------


def test_plan_help_is_chinese_by_default():
    result = run("plan", "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith("用法：")
    assert "选项：" in result.stdout and "计划月份" in result.stdout
    assert not [word for word in CLICK_ENGLISH if word in result.stdout]


@pytest.mark.parametrize("args", [["plan", "--help", "--lang", "en"], ["plan", "--lang=en", "-h"],
                                  ["--lang", "en", "plan", "--help"]])
def test_lang_en_anywhere_on_the_command_line_gives_english(args: list[str]):
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage:")
    assert "Options:" in result.stdout and "Month to plan" in result.stdout


def test_an_english_locale_gives_english_help(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert "Options:" in run("plan", "--help").stdout
    assert "选项：" in run("plan", "--help", "--lang", "zh").stdout  # --lang beats the locale
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert "选项：" in run("plan", "--help").stdout  # LC_ALL beats LANG


def test_the_locale_changes_help_only(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = run("scenario", "validate", str(ROOT_DIR / "scenarios" / "wuqia-2024.yaml"))
    assert result.exit_code == 0
    assert "有效" in result.stdout


def test_root_lang_is_the_default_of_the_command():
    result = run("--lang", "en", "scenario", "validate", str(ROOT_DIR / "scenarios" / "wuqia-2024.yaml"))
    assert result.exit_code == 0
    assert "valid" in result.stdout


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "zh"), ({"LANG": "en_GB.UTF-8"}, "en"), ({"LANG": "C.UTF-8"}, "zh"), ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LC_MESSAGES": "en_US", "LANG": "zh_CN"}, "en"), ({"LC_ALL": "", "LANG": "en_US"}, "en"),
])
def test_locale_lang(environ: dict[str, str], expected: str):
    assert locale_lang(environ) == expected


@pytest.mark.parametrize(("args", "expected"), [
    (["--help", "--lang", "en"], "en"), (["--lang=en"], "en"), (["--lang", "en", "--lang", "zh"], "zh"),
    (["--lang", "fr"], None), (["--lang"], None), (["--", "--lang", "en"], None), (["--month", "2024-05"], None),
])
def test_lang_on_command_line(args: list[str], expected: str | None):
    assert lang_on_command_line(args) == expected


# ----- the catalogue covers the whole tree ----------------------------------------------------------


def test_every_command_renders_help_from_the_catalogue():
    for ctx, command in every_command():
        assert isinstance(command, LocalizedHelp), f"{command_key(ctx)} is not a GovcalCommand/GovcalGroup"
        entry = COMMANDS.get(command_key(ctx))
        assert entry is not None, f"no help for {command_key(ctx)}"
        for pair in (entry.short, entry.long):
            assert all(text.strip() for text in pair), command_key(ctx)


def test_every_option_of_every_command_has_zh_and_en_help():
    missing = []
    for ctx, command in every_command():
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and not param.hidden:
                pair = option_help(command_key(ctx), option_key(param))
                if pair is None or not all(text.strip() for text in pair):
                    missing.append(f"{command_key(ctx)} {option_key(param)}")
    assert not missing


def test_the_catalogue_names_only_real_commands_and_options():
    options = {command_key(ctx): {option_key(p) for p in command.get_params(ctx) if isinstance(p, click.Option)}
               for ctx, command in every_command()}
    assert set(COMMANDS) == set(options)
    for key, entry in COMMANDS.items():
        assert set(entry.options) <= options[key], key
    assert set(SHARED_OPTIONS) <= set().union(*options.values())


@pytest.mark.parametrize("path", COMMAND_PATHS)
def test_every_help_page_in_both_languages(path: str):
    words = path.split()
    chinese = run(*words, "--help")
    english = run(*words, "--help", "--lang", "en")
    assert chinese.exit_code == english.exit_code == 0
    assert chinese.stdout.startswith("用法：") and english.stdout.startswith("Usage:")
    assert not [word for word in CLICK_ENGLISH if word in chinese.stdout]
    # Wrapped by display width: a Chinese character takes two columns of the 80 the help may use.
    assert max(display_width(line) for line in chinese.stdout.splitlines()) <= 80


def unwrapped(text: str, joiner: str) -> str:
    """Help text as one line: Chinese lines join with nothing between them, English with a space."""
    return joiner.join(line.strip() for line in text.splitlines())


def test_plan_help_says_what_is_planned_without_month():
    chinese = unwrapped(run("plan", "--help").stdout, "")
    english = unwrapped(run("plan", "--help", "--lang", "en").stdout, " ")
    assert "第一个有待办事项的月份" in chinese and "最后一个已发布月份的下一个月" in chinese
    assert "first month with pending work" in english and "the month after the last one published" in english


@pytest.mark.parametrize("args", [["--version"], ["plan", "--help"]])
def test_the_command_line_starts_without_the_heavy_libraries(args: list[str]):
    code = ("import sys\nfrom govcal.cli import cli\n"
            f"try:\n    cli({args!r}, prog_name='govcal')\nexcept SystemExit:\n    pass\n"
            "heavy = {'numpy', 'simpy', 'ortools'} & set(sys.modules)\nassert not heavy, heavy\n")
    started = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert started.returncode == 0, started.stderr


# ----- progress on long work ---------------------------------------------------------------------


def test_a_longer_period_reports_each_month_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    period = Period(date(2024, 4, 1), date(2024, 6, 30))
    solve_plan(tiny_scenario(), period, time_limit=5, log=progress_log("zh"))
    progress = capsys.readouterr()
    assert not progress.out
    for number, month in enumerate(("2024-04", "2024-05", "2024-06"), start=1):
        assert f"规划中：{month}-01 .. " in progress.err and f"[{number}/3]" in progress.err


def test_no_progress_off_a_terminal_and_json_alone_on_stdout(write_scenario):
    scenario = str(write_scenario(scenario_yaml_data(tiny_scenario())))
    result = run("plan", "--scenario", scenario, "--from", "2024-04-01", "--to", "2024-06-30", "--time-limit", "5",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.lstrip().startswith("{") and '"format": "govcal.plan/1"' in result.stdout
    assert "规划中" not in result.stderr


def test_every_word_the_command_line_prints_is_known_without_importing_the_commands() -> None:
    """Commands are imported only when used, so a word one command module registered was once missing
    when another command ran alone (`publish --out` printed with a key of `plan`'s). The package's
    words live in one catalogue, loaded with the command line itself: check it in a fresh process."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "govcal"
    keys = sorted({key for path in package.rglob("*.py")
                   for key in re.findall(r"""\bt\(\s*["']((?:cli|ledger|ui)\.[\w.]+)["']""",
                                         path.read_text(encoding="utf-8"))})
    assert len(keys) > 50
    probe = ("import sys, govcal.cli; from scheduler import i18n; "
             "print([k for k in sys.argv[1:] if k not in i18n._CATALOGUE])")
    missing = subprocess.run([sys.executable, "-c", probe, *keys], capture_output=True, text=True, check=True)
    assert missing.stdout.strip() == "[]"


@pytest.mark.parametrize(("args", "chinese"), [
    (["plan", "--monht", "2024-05"], "错误：没有选项“--monht”。是否应为：--month"),
    (["plna"], "错误：没有命令“plna”。是否应为：plan"),
    (["ledger", "inti"], "错误：没有命令“inti”。是否应为：init？"),
    (["plan", "--format", "xml"], "错误：--format 的值无效：“xml”不在可选值之中（table、json）"),
    (["plan", "--time-limit", "abc"], "错误：--time-limit 的值无效：“abc”不是有效的数"),
    (["plan", "--time-limit", "0"], "不在允许的范围 x>=0.1 之内"),
    (["followup", "close"], "错误：缺少参数 ID。"),
    (["plan", "--month"], "错误：选项 --month 后面需要一个值。"),
])
def test_usage_mistakes_are_told_in_chinese_and_in_english_with_lang_en(args: list[str], chinese: str) -> None:
    """A mistyped option or command, a bad or missing value: click's message in the reader's language,
    exit 2 (the README's code for bad input), with the usage line and where help is."""
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert chinese in result.stderr
    assert not any(english in result.stderr for english in ("Error:", "Usage:", "No such", "Invalid value", "Missing"))
    english = CliRunner().invoke(cli, [*args, "--lang", "en"] if args[-1] != "--month" else ["--lang", "en", *args])
    assert english.exit_code == 2 and "Error:" in english.stderr
