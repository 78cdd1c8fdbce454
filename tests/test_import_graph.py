"""The packages depend on each other one way: a layer imports only the layers below it.

The graph is read from the source (the AST of every module), not from ``sys.modules``, so
every import counts wherever it is written:

- at the top of a module, and inside functions: an import moved into a function to dodge a
  cycle is still that dependency, it only fails later (at the first call, in a user's hands);
- under ``if TYPE_CHECKING:`` too. A type-only import is still knowledge of the other layer
  (its names, its shapes, mypy checks the code against them), and an upward one is the first
  step back to a cycle. A layer that needs something from one beside or above it (the mood
  nudge asks for the people the person chose) declares a ``Protocol`` or takes a callable,
  and the composition root (``session``) wires the two together;
- ``importlib.import_module("carecompanion....")`` with a constant name: a string import is
  an import editors and mypy cannot follow, not an escape from the rule.

Nodes are the top-level parts of ``carecompanion``: its subpackages (``journal``) and its
loose modules (``session``, ``errors``); ``carecompanion`` itself is the package's
``__init__`` (``__version__``). Imports inside one package are that package's business.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = "carecompanion"

#: Lowest first. A node may import its own package and any node of a *lower* layer; two
#: nodes in one layer are independent of each other (mood and people never import each
#: other: ``session`` hands the mood nudge the people it needs).
LAYERS: tuple[tuple[str, ...], ...] = (
    # The base: imports nothing of carecompanion.
    ("carecompanion", "errors", "clock", "atomic", "localtime", "paths", "progress"),
    ("logs", "autostart", "reminders"),
    # The encrypted database: engine, sessions, the tables' base, the migrations (they keep
    # frozen copies of what they need and import no domain code).
    ("storage",),
    # Keys, the header, unlocking, backups; hands out a typed storage Database.
    ("vault",),
    # The domains. Each owns its models, queries and rules; circle shares journal entries
    # and mood summaries, mood links a check-in to a journal entry.
    ("journal",),
    ("mood", "people"),
    ("circle",),
    # The composition root: an unlocked vault and every service on it.
    ("session",),
    # Built on sessions: the demo journal; Qt renderers (PDF, charts) that CLI and UI share.
    ("demo", "render"),
    # The two faces. Neither imports the other.
    ("cli", "ui"),
    ("selftest",),
    ("__main__",),
)
LAYER_OF: dict[str, int] = {node: rank for rank, nodes in enumerate(LAYERS) for node in nodes}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    where: str  # "src/carecompanion/x/y.py:12", to go and look

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} ({self.where})"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def node_of(module: str) -> str:
    """``carecompanion.journal.service`` -> ``journal``; ``carecompanion`` -> itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def known_modules() -> set[str]:
    return {module_name(path) for path in (SRC / PACKAGE).rglob("*.py")}


def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"``: what a string import may be handed by name."""
    found: dict[str, str] = {}
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
        ):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = statement.value.value
    return found


def _string_import(call: ast.Call, constants: Mapping[str, str]) -> str | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name != "import_module" or not call.args:
        return None
    argument = call.args[0]
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return argument.value
    if isinstance(argument, ast.Name):
        return constants.get(argument.id)
    return None


def imported_modules(
    text: str, module: str, modules: set[str], *, is_package: bool = False
) -> Iterable[tuple[str, int]]:
    """(imported module, line) for every import in ``text`` (the source of ``module``),
    wherever it is written."""
    tree = ast.parse(text)
    constants = _constants(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            source = (
                _absolute(module, is_package, node.level, node.module)
                if node.level
                else node.module or ""
            )
            for alias in node.names:
                # "from carecompanion import errors" imports the module carecompanion.errors.
                child = f"{source}.{alias.name}"
                yield (child if child in modules else source), node.lineno
        elif isinstance(node, ast.Call):
            target = _string_import(node, constants)
            if target is not None:
                yield target, node.lineno


def package_edges() -> list[Edge]:
    modules = known_modules()
    edges: list[Edge] = []
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        source = node_of(module_name(path))
        text = path.read_text(encoding="utf-8")
        is_package = path.name == "__init__.py"
        for target_module, line in imported_modules(
            text, module_name(path), modules, is_package=is_package
        ):
            if target_module != PACKAGE and not target_module.startswith(PACKAGE + "."):
                continue
            target = node_of(target_module)
            if target != source:
                where = f"{path.relative_to(ROOT)}:{line}"
                edges.append(Edge(source, target, where))
    return edges


def cycles(edges: Iterable[Edge]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), sorted."""
    graph: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        graph[edge.source].add(edge.target)
        graph.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _describe(component: list[str], edges: Iterable[Edge]) -> str:
    """The component's nodes, then each import between them once, with where it is."""
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    for edge in edges:
        if {edge.source, edge.target} <= set(component):
            where[edge.source, edge.target].append(edge.where)
    for places in where.values():
        places.sort(key=lambda place: (place.rpartition(":")[0], int(place.rpartition(":")[2])))
    lines = [
        f"{source} -> {target} ({places[0]}"
        + (f" and {len(places) - 1} more)" if places[1:] else ")")
        for (source, target), places in sorted(where.items())
    ]
    return f"{' <-> '.join(component)}:\n    " + "\n    ".join(lines)


# -- the tree -------------------------------------------------------------------------------


def test_the_package_graph_has_no_cycles() -> None:
    edges = package_edges()
    found = cycles(edges)
    assert found == [], "import cycles between packages:\n" + "\n".join(
        _describe(component, edges) for component in found
    )


def test_each_package_imports_only_the_layers_below_it() -> None:
    wrong = [
        str(edge)
        for edge in package_edges()
        if edge.source in LAYER_OF
        and edge.target in LAYER_OF
        and LAYER_OF[edge.target] >= LAYER_OF[edge.source]
    ]
    assert wrong == [], "imports against the layer order (see LAYERS):\n" + "\n".join(wrong)


def test_every_package_has_its_place_in_the_layers() -> None:
    nodes = {node_of(module) for module in known_modules()}
    assert sorted(nodes - set(LAYER_OF)) == [], "add new packages to LAYERS"


# -- the checks themselves --------------------------------------------------------------------


def test_the_graph_is_really_read() -> None:
    """Control: the walk finds imports we know of (so an empty graph cannot pass)."""
    pairs = {(edge.source, edge.target) for edge in package_edges()}
    assert {("session", "vault"), ("journal", "storage"), ("ui", "session")} <= pairs
    assert len(pairs) > 40


def test_imports_in_functions_under_type_checking_and_by_name_all_count() -> None:
    sample = (
        "from typing import TYPE_CHECKING\n"
        "import importlib\n"
        "if TYPE_CHECKING:\n"
        "    from carecompanion.session import VaultSession\n"
        "REPORT = 'carecompanion.ui.mood_report'\n"
        "def later():\n"
        "    from .. import errors\n"
        "    importlib.import_module(REPORT)\n"
        "    importlib.import_module('carecompanion.cli.parser')\n"
    )
    found = {
        module
        for module, _line in imported_modules(
            sample, "carecompanion.journal.sample", {"carecompanion.errors"}
        )
        if module.startswith(PACKAGE)
    }
    assert found == {
        "carecompanion.session",
        "carecompanion.errors",
        "carecompanion.ui.mood_report",
        "carecompanion.cli.parser",
    }


def test_a_cycle_is_found_and_named() -> None:
    edges = [
        Edge("vault", "storage", "a.py:1"),
        Edge("storage", "vault", "b.py:2"),
        Edge("session", "vault", "c.py:3"),
    ]
    assert cycles(edges) == [["storage", "vault"]]
    assert "b.py:2" in _describe(["storage", "vault"], edges)
    assert cycles(edges[1:]) == []
