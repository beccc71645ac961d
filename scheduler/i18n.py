"""One message catalogue for every fixed word users read, Chinese first, English second.

Each package registers its own entries with `register`; `t` renders any of them. Leader and
unit names never come from here: they come from the scenario.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

_CATALOGUE: dict[str, dict[str, str]] = {}


def register(entries: dict[str, tuple[str, str]]) -> None:
    """Add entries ``key: (zh, en)``; a key registered twice with other text is a bug."""
    for key, (zh, en) in entries.items():
        existing = _CATALOGUE.get(key)
        if existing is not None and existing != {"zh": zh, "en": en}:
            raise KeyError(f"message {key!r} registered twice with different text")
        _CATALOGUE[key] = {"zh": zh, "en": en}


def t(key: str, lang: Lang = "zh", /, **params: object) -> str:
    """The message `key` in `lang`, formatted with `params`."""
    try:
        template = _CATALOGUE[key][lang]
    except KeyError as missing:
        raise KeyError(f"no message {key!r} in language {lang!r}") from missing
    return template.format(**params) if params else template
