"""``--help`` in the reader's language: which language, and a help page written in it.

The language is the last valid ``--lang`` anywhere on the command line (``govcal plan --help --lang
en`` too: ``--help`` stops click before it reads a later ``--lang``, so the raw arguments are
scanned), else the locale (LC_ALL, LC_MESSAGES, LANG: English when it names English), else Chinese.
Only help follows the locale; everything else a command prints stays Chinese unless ``--lang en``.

Why our own format methods rather than translating click's gettext ``_()`` strings: a gettext
catalogue would follow the process locale for every message, install machine-wide ``.mo`` files and
could not be switched by ``--lang`` per call; overriding the format methods keeps the choice ours and
the texts next to each other in `govcal.help_texts`, and lets Chinese lines wrap by display width.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

import click

from govcal.help_texts import COMMANDS, METAVARS_ZH, ROOT, SHARED_OPTIONS, USAGE_ERRORS_ZH, WORDS, Pair
from scheduler.i18n import LANGS, Lang

HELP_LANG_KEY = "govcal.help_lang"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX precedence: the first one set decides
# Help prose may break after any Chinese character and after a space; closing punctuation stays
# with what it closes, opening punctuation with what it opens, and a note in brackets stays whole.
_WIDE, _OPENING, _CLOSING = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef", "（「《“", "，。；：、）」》”！？"
HELP_TOKEN = re.compile(rf"\[[^\]]*\]\s*|[{_OPENING}]*(?:[^\s{_WIDE}]+|[{_WIDE}])[{_CLOSING}]*\s*|\s+")
# Click's metavars of options and subcommands in the usage line.
TRANSLATED_USAGE_PIECES = ("[OPTIONS]", "COMMAND [ARGS]...", "[COMMAND] [ARGS]...")


def locale_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """English when the locale names English (``en_US.UTF-8``), else Chinese, the default."""
    environ = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def lang_on_command_line(args: Sequence[str]) -> Lang | None:
    """The last valid ``--lang X`` / ``--lang=X`` in `args`, up to a ``--`` that ends the options."""
    found: Lang | None = None
    for index, word in enumerate(args):
        if word == "--":
            break
        if word == "--lang":
            value = args[index + 1] if index + 1 < len(args) else ""
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        else:
            continue
        for lang in LANGS:
            if value == lang:
                found = lang
    return found


def pick(pair: Pair, lang: Lang) -> str:
    return pair[LANGS.index(lang)]


def word(key: str, lang: Lang) -> str:
    return pick(WORDS[key], lang)


def command_key(ctx: click.Context) -> str:
    """The command's catalogue key, ``"govcal whatif agenda"``, also when a test invokes a
    subcommand on its own (its context then has no parent)."""
    names = []
    while ctx is not None:
        names.append(ctx.command.name or "")
        ctx = ctx.parent  # type: ignore[assignment]
    names.reverse()
    if names[0] == ROOT:
        names.pop(0)
    return " ".join([ROOT, *names])


def option_key(option: click.Option) -> str:
    return max(option.opts, key=len)  # the long name: "--help" of "-h/--help"


def option_help(command: str, option: str) -> Pair | None:
    """The (zh, en) description of `option` of `command`: its own, else the shared one."""
    entry = COMMANDS.get(command)
    own = entry.options.get(option) if entry is not None else None
    return own or SHARED_OPTIONS.get(option)


class LocalizedHelpFormatter(click.HelpFormatter):
    """Click's formatter with headings in `lang` and lines wrapped by display width (a Chinese
    character takes two columns, so click's character count would overrun the terminal)."""

    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}{word('heading_end', self.lang)}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        from govcal.view import display_width

        first = f"{'':>{self.current_indent}}{word('usage', self.lang) if prefix is None else prefix}{prog} "
        self._write_wrapped(args, self.width, first, " " * display_width(first))

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for number, paragraph in enumerate(text.split("\n\n")):
            if number:
                self.write("\n")
            self._write_wrapped(paragraph, self.width, indent, indent)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        from govcal.view import display_width

        rows = list(rows)
        term_width = min(max((display_width(term) for term, _ in rows), default=0), col_max)
        text_column = self.current_indent + term_width + col_spacing
        for term, text in rows:
            first = f"{'':>{self.current_indent}}{term}"
            if display_width(term) > term_width:  # a long term gets its text on the next line
                self.write(f"{first}\n")
                first = ""
            first += " " * (text_column - display_width(first))
            self._write_wrapped(text, self.width, first, " " * text_column)

    def _write_wrapped(self, text: str, width: int, first: str, rest: str) -> None:
        from govcal.render import wrap_to_width
        from govcal.view import display_width

        text_width = max(width - display_width(rest), 10)
        lines = wrap_to_width(" ".join(text.split()), text_width, HELP_TOKEN) if text.strip() else [""]
        self.write("".join(f"{first if n == 0 else rest}{line}".rstrip() + "\n" for n, line in enumerate(lines)))


class LocalizedHelp(click.Command):
    """Help from `govcal.help_texts` in the chosen language (a mixin for `GovcalCommand` and
    `GovcalGroup`); a command or option the catalogue lacks keeps click's own English text."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        chosen = lang_on_command_line(args)
        if chosen is not None:  # the innermost command's --lang wins; meta is shared down the tree
            ctx.meta[HELP_LANG_KEY] = chosen
        return super().parse_args(ctx, args)

    def get_help(self, ctx: click.Context) -> str:
        lang = ctx.meta.get(HELP_LANG_KEY) or locale_lang()
        formatter = LocalizedHelpFormatter(lang, width=ctx.terminal_width, max_width=ctx.max_content_width)
        self.format_help(ctx, formatter)
        return formatter.getvalue().rstrip("\n")

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _formatter_lang(formatter)
        pieces = [word(piece, lang) if piece in TRANSLATED_USAGE_PIECES else piece
                  for piece in self.collect_usage_pieces(ctx)]
        formatter.write_usage(ctx.command_path, " ".join(pieces))

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        entry = COMMANDS.get(command_key(ctx))
        if entry is None:
            super().format_help_text(ctx, formatter)
            return
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(pick(entry.long, _formatter_lang(formatter)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _formatter_lang(formatter)
        rows = [self._option_row(ctx, param, lang) for param in self.get_params(ctx)
                if isinstance(param, click.Option) and not param.hidden]
        if rows:
            with formatter.section(word("options", lang)):
                formatter.write_dl(rows)

    def _option_row(self, ctx: click.Context, option: click.Option, lang: Lang) -> tuple[str, str]:
        spec = option.get_help_record(ctx)[0]  # type: ignore[index]  # "--month TEXT"; not hidden
        if lang == "zh":
            spec = next((spec.removesuffix(name) + METAVARS_ZH[name] for name in METAVARS_ZH
                         if spec.endswith(f" {name}")), spec)
        pair = option_help(command_key(ctx), option_key(option))
        text = pick(pair, lang) if pair is not None else option.help or ""
        extra = option.get_help_extra(ctx)
        notes = [word("envvar", lang).format(", ".join(extra["envvars"]))] if "envvars" in extra else []
        notes += [word("default", lang).format(extra["default"])] if "default" in extra else []
        notes += [extra["range"]] if "range" in extra else []
        notes += [word("required", lang)] if "required" in extra else []
        if notes:
            text = f"{text}  [{word('extra_separator', lang).join(notes)}]".strip()
        return spec, text


class LocalizedGroupHelp(LocalizedHelp, click.Group):
    """`LocalizedHelp` for groups: the list of commands with their short help in the chosen language."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)  # the options, then the commands
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = _formatter_lang(formatter)
        key = command_key(ctx)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            entry = COMMANDS.get(f"{key} {name}")
            rows.append((name, pick(entry.short, lang) if entry is not None else command.get_short_help_str()))
        if rows:
            with formatter.section(word("commands", lang)):
                formatter.write_dl(rows)


def _formatter_lang(formatter: click.HelpFormatter) -> Lang:
    # Click's plain formatter writes the usage line of an error message, which click words in English.
    return formatter.lang if isinstance(formatter, LocalizedHelpFormatter) else "en"


# ----- usage errors -----------------------------------------------------------------------------------

# Click's English reasons for a bad value, as its parameter types word them.
_NOT_ONE_OF = re.compile(r"^'(?P<value>.*)' is not one of (?P<choices>.*)\.$", re.S)
_NOT_A_NUMBER = re.compile(r"^'(?P<value>.*)' is not a valid (?:integer|float)(?: range)?\.$", re.S)
_NOT_IN_RANGE = re.compile(r"^(?P<value>\S+) is not in the range (?P<range>.*)\.$", re.S)
_REQUIRES_VALUE = re.compile(r"^Option '(?P<name>[^']+)' requires an argument\.$")
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$")


def _quoted_list(text: str) -> str:
    return "、".join(part.strip().strip("'\"") for part in text.split(","))


def _bad_value_reason(message: str) -> str:
    """A parameter type's English reason in Chinese, when it is one of click's usual ones."""
    if match := _NOT_ONE_OF.match(message):
        return USAGE_ERRORS_ZH["not_one_of"].format(value=match["value"], choices=_quoted_list(match["choices"]))
    if match := _NOT_A_NUMBER.match(message):
        return USAGE_ERRORS_ZH["not_a_number"].format(value=match["value"])
    if match := _NOT_IN_RANGE.match(message):
        return USAGE_ERRORS_ZH["not_in_range"].format(value=match["value"], range=match["range"])
    return message


def _hint(error: click.BadParameter) -> str:
    """The parameter as the user typed it (``--format``, ``MEETING``), without click's quotes."""
    assert error.param is not None
    hint = error.param.get_error_hint(error.ctx) if error.ctx else str(error.param.name)
    return hint.replace("'", "")


def _suggesting(text: str, names: Sequence[str]) -> str:
    return text + USAGE_ERRORS_ZH["did_you_mean"].format(names="、".join(sorted(names))) if names else text


def usage_error_zh(error: click.UsageError) -> str:
    """What went wrong, in Chinese, from what the click exception knows; click's English when it is
    none of the usual mistakes (a typo in an option or command, a missing or bad value)."""
    words = USAGE_ERRORS_ZH
    if isinstance(error, click.NoSuchOption):
        return _suggesting(words["no_such_option"].format(name=error.option_name), error.possibilities or ())
    if isinstance(error, click.exceptions.NoSuchCommand):
        from scheduler.reader import nearest

        close = list(error.possibilities or ())
        if not close and error.ctx is not None and isinstance(error.ctx.command, click.Group):
            # Click suggests nothing for a group that loads its commands lazily (the root): ask the group.
            name = nearest(error.command_name, error.ctx.command.list_commands(error.ctx))
            close = [name] if name else []
        return _suggesting(words["no_such_command"].format(name=error.command_name), close)
    if isinstance(error, click.MissingParameter) and error.param is not None:
        key = {"argument": "missing_argument", "option": "missing_option"}.get(error.param.param_type_name, "missing")
        return words[key].format(name=_hint(error))
    if isinstance(error, click.BadParameter) and error.param is not None:
        return words["invalid_value"].format(name=_hint(error), reason=_bad_value_reason(error.message))
    if match := _REQUIRES_VALUE.match(error.message):
        return words["requires_value"].format(name=match["name"])
    if match := _EXTRA.match(error.message):
        return words["extra_arguments"].format(args=match["args"])
    return error.format_message()


def show_usage_error(error: click.UsageError, lang: Lang) -> None:
    """Click's usage error on standard error, in `lang`: the usage line, where to find help, the error."""
    if lang == "en":
        error.show()
        return
    ctx = error.ctx
    if ctx is not None:
        formatter = LocalizedHelpFormatter("zh", width=ctx.terminal_width, max_width=ctx.max_content_width)
        ctx.command.format_usage(ctx, formatter)
        click.echo(formatter.getvalue().rstrip("\n"), err=True)
        help_option = max(ctx.help_option_names, key=len, default="--help")
        click.echo(USAGE_ERRORS_ZH["try_help"].format(f"{ctx.command_path} {help_option}"), err=True)
        click.echo("", err=True)
    click.echo(USAGE_ERRORS_ZH["error"].format(usage_error_zh(error)), err=True)

