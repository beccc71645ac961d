"""The wheel ships every package and the default scenario (it must work after `pip install .`)."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_in_the_tree_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    mapped = {name: ROOT / folder for name, folder in config.get("package-dir", {}).items()}
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("scheduler", "simulation", "govcal")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert on_disk | set(mapped) == listed


def test_default_scenario_is_package_data() -> None:
    assert (files("scheduler.scenarios") / "wuqia-2024.yaml").is_file()


def test_default_scenario_from_a_source_checkout(monkeypatch) -> None:
    # `python -c` in the repository root imports the checkout, where scheduler.scenarios does not exist.
    import scheduler.scenario as scenario_module

    def no_package(name: str):
        raise ModuleNotFoundError(name)

    monkeypatch.setattr(scenario_module, "files", no_package)
    checkout = Path(scenario_module.__file__).resolve().parent.parent
    assert scenario_module.default_scenario_path() == checkout / "scenarios" / "wuqia-2024.yaml"
