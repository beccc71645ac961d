"""Shared test fixtures: a tiny, hand-checkable scenario and a way to write scenario files.

- `tiny_scenario_data`: a fresh dict of a minimal valid v1 scenario (4 leaders, 3 units, one
  room, one absence, two agenda items, one thematic request, all in May 2024). Tests change a
  field and expect exactly the problem that change causes.
- `write_scenario`: writes a mapping (as YAML) or YAML text into `tmp_path`; returns the path.
- `neutral_locale` (autouse): no locale variables, so help (which follows the locale) reads the
  same on every machine and CI; subprocesses inherit the cleared environment too.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

TINY_SCENARIO: dict[str, Any] = {
    "version": 1,
    "name": "测试县 2024",
    "calendar": {"region": "CN", "office_hours": [["10:00", "14:00"], ["16:00", "19:30"]], "grain_minutes": 15},
    "rooms": [{"id": "r1", "name": "常务会议室", "capacity": 40}],
    "leaders": [
        {"id": "head", "title": "县长", "role": "county_head"},
        {"id": "exec", "title": "常务副县长", "role": "executive_deputy"},
        {"id": "dep-agri", "title": "副县长", "role": "deputy", "domain": "农业农村"},
        {"id": "office", "title": "政府办公室主任", "role": "office_director"},
    ],
    "units": [
        {"id": "justice", "name": "县司法局", "kind": "department", "supervisor": "exec"},
        {"id": "finance", "name": "县财政局", "kind": "department", "supervisor": "exec"},
        {"id": "agri", "name": "县农业农村局", "kind": "department", "supervisor": "dep-agri"},
    ],
    "absences": [{"who": "head", "from": date(2024, 5, 13), "to": date(2024, 5, 17), "kind": "trip"}],
    "history": [{"kind": "county_wide", "unit": "finance", "date": date(2024, 2, 20)}],
    "agenda": [
        {"id": "Y-1", "title": "关于调整预算的请示", "unit": "finance", "minutes": 20, "submitted": date(2024, 4, 25),
         "matters": ["funds"], "attending_units": ["justice"]},
        {"id": "Y-2", "title": "关于畜牧业补贴的请示", "unit": "agri", "submitted": date(2024, 5, 6),
         "pre_studied": False},
    ],
    "meeting_requests": [
        {"id": "M-1", "kind": "thematic", "title": "研究畜牧业补贴专题会议", "convener": "dep-agri",
         "required": ["dep-agri", "agri"], "minutes": 60, "earliest": date(2024, 5, 6),
         "latest": date(2024, 5, 24), "for_items": ["Y-2"]},
    ],
}


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def tiny_scenario_data() -> dict[str, Any]:
    return copy.deepcopy(TINY_SCENARIO)


@pytest.fixture
def write_scenario(tmp_path: Path) -> Callable[..., Path]:
    def write(content: dict[str, Any] | str, name: str = "scenario.yaml") -> Path:
        text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
