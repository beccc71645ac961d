"""Input problems reported to users: file, field path and reason, in their language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from scheduler.i18n import Lang, t


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input file.

    `path` is the field path as a user reads it (``agenda[3].submitted``); `key` names a
    message in the catalogue and `params` fill it; `line` is the 1-based source line if known;
    `cell` the workbook cell (``议题!F12``) or sheet when the scenario came from a workbook.
    """

    file: str
    path: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = None
    cell: str | None = None

    def render(self, lang: Lang = "zh") -> str:
        if self.cell:  # a workbook: the cell says where, in the sheet's own words (议题!F12：…)
            return f"{self.file}: {self.cell}{'：' if lang == 'zh' else ': '}{t(self.key, lang, **self.params)}"
        where = f"{self.file}:{self.line}" if self.line else self.file
        path = f" {self.path}:" if self.path else ""
        return f"{where}:{path} {t(self.key, lang, **self.params)}"


class InputError(Exception):
    """One or more problems with a user's input; the CLI prints them and exits 2."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.render("en"))

    def render(self, lang: Lang = "zh") -> str:
        return "\n".join(p.render(lang) for p in self.problems)


# Historical name used across the code base for scenario files.
ScenarioError = InputError
