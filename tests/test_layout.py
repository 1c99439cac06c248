"""The package layout: imports run one way (views → models → data), and no module imports itself back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Which subpackages each layer of `analysis` may import from (besides itself).
ALLOWED = {
    "data": set(),
    "output": {"data"},
    "analyzer": {"data"},
    "models": {"data"},
    "views": {"models", "output", "data"},
    "brief": {"views", "models", "output", "data"},
    "cli": {"data", "output", "analyzer", "models", "views", "brief"},
    "__main__": {"cli"},
    "__init__": set(),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module named by an import statement anywhere in the file (also inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def graph(package: str) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports."""
    files = sorted((ROOT / package).rglob("*.py"))
    names = {module_name(f) for f in files}
    return {module_name(f): {m for m in imports_of(f) if m in names} - {module_name(f)} for f in files}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles found by depth-first search (each as the path that closes it)."""
    found, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_analysis_imports_run_one_way():
    wrong = []
    for module, targets in graph("analysis").items():
        own = layer(module)
        for target in targets:
            other = layer(target)
            if other != own and other not in ALLOWED[own] and target != "analysis":
                wrong.append(f"{module} imports {target} ({own} may use only {sorted(ALLOWED[own])})")
    assert wrong == []


def test_every_analysis_subpackage_is_a_known_layer_with_a_docstring():
    for init in sorted((ROOT / "analysis").glob("*/__init__.py")):
        name = init.parent.name
        assert name in ALLOWED, f"analysis/{name} is not in the layer table"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "import" in doc, f"analysis/{name}/__init__.py must say what it holds and may import"


@pytest.mark.parametrize("package", ["analysis", "dashboard"])
def test_no_import_cycles(package):
    assert cycles(graph(package)) == []


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_readme_layout_names_every_subpackage():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for init in sorted((ROOT / "analysis").glob("*/__init__.py")):
        assert f"`analysis/{init.parent.name}/`" in readme
