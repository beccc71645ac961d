"""The one-way flow of the code, read from the source (every import, lazy ones inside functions too):

- a command module (govcal/cmd_*.py) never imports another command module;
- scheduler imports neither simulation nor govcal, nor click; simulation does not import govcal;
- the ledger package (storage and the services that read it) does not import click;
- no import cycle between packages: each subpackage (govcal.ledger, scheduler.cpsat, ...) and each
  module lying directly in a top package (govcal.common, scheduler.plan, ...) is one node.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("govcal", "scheduler", "simulation")


def module_files(root: Path) -> dict[str, Path]:
    """Every module of `PACKAGES` under `root`, by dotted name (a package by its __init__.py)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imported_modules(name: str, path: Path, modules: Iterable[str]) -> set[str]:
    """The modules `name` imports anywhere in its source (absolute names; relative imports resolved),
    and any third-party top-level name it imports (for click)."""
    known = set(modules)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            found.add(source)
            found.update(f"{source}.{alias.name}" for alias in node.names if f"{source}.{alias.name}" in known)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = module_files(root)
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def node_of(module: str, packages: set[str]) -> str:
    """The node a module belongs to: its subpackage (two levels deep), else the module itself."""
    parts = module.split(".")
    sub = ".".join(parts[:2])
    return sub if len(parts) >= 2 and sub in packages else module


def package_cycles(graph: dict[str, set[str]], root: Path) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan), each sorted."""
    packages = {name for name, path in module_files(root).items() if path.name == "__init__.py"}
    edges: dict[str, set[str]] = {}
    for module, targets in graph.items():
        source = node_of(module, packages)
        for target in targets:
            if target.split(".")[0] in PACKAGES and node_of(target, packages) != source:
                edges.setdefault(source, set()).add(node_of(target, packages))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return cycles


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(ROOT)


def offending(graph: dict[str, set[str]], sources: str, targets: tuple[str, ...]) -> list[str]:
    return sorted(f"{module} -> {target}" for module, imported in graph.items()
                  if module == sources or module.startswith(f"{sources}.")
                  for target in imported if target.split(".")[0] in targets or target in targets)


def test_command_modules_do_not_import_each_other(graph: dict[str, set[str]]) -> None:
    commands = {name for name in graph if name.startswith("govcal.cmd_")}
    assert len(commands) >= 4
    crossing = sorted(f"{name} -> {target}" for name in commands for target in graph[name]
                      if target in commands and target != name)
    assert crossing == []


def test_scheduler_imports_neither_simulation_govcal_nor_click(graph: dict[str, set[str]]) -> None:
    assert offending(graph, "scheduler", ("simulation", "govcal", "click")) == []


def test_simulation_does_not_import_govcal(graph: dict[str, set[str]]) -> None:
    assert offending(graph, "simulation", ("govcal",)) == []


def test_ledger_package_has_no_click(graph: dict[str, set[str]]) -> None:
    assert offending(graph, "govcal.ledger", ("click",)) == []


def test_no_import_cycle_between_packages(graph: dict[str, set[str]]) -> None:
    assert package_cycles(graph, ROOT) == []


def test_the_checks_see_a_cycle_and_a_lazy_import(tmp_path: Path) -> None:
    """The checks above can fail: a lazy import inside a function closes a cycle they report."""
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    for sub in ("ledger", "exports"):
        (tmp_path / "govcal" / sub).mkdir()
        (tmp_path / "govcal" / sub / "__init__.py").write_text("")
    (tmp_path / "govcal" / "ledger" / "present.py").write_text("from govcal.exports import view\n")
    (tmp_path / "govcal" / "exports" / "view.py").write_text("def f():\n    from ..ledger import present\n")
    (tmp_path / "scheduler" / "core.py").write_text("def g():\n    import click\n")
    graph = import_graph(tmp_path)
    assert package_cycles(graph, tmp_path) == [["govcal.exports", "govcal.ledger"]]
    assert offending(graph, "scheduler", ("click",)) == ["scheduler.core -> click"]


def test_plan_command_loads_no_ledger() -> None:
    """`govcal plan` without --ledger never pays for the ledger's modules."""
    code = "import sys, govcal.cmd_plan; print(sorted(m for m in sys.modules if m.startswith('govcal.ledger')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
