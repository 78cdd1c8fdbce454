"""No function or method in ``carecompanion.ui`` is longer than 60 lines.

A page's ``__init__`` is its table of contents: it calls named builders (``_build_toolbar``,
``_build_list``, ``_connect``…) or composes small widgets that each own a part, so a
newcomer finds where a button is made by its name, not by scrolling a 150-line constructor.
The same bound holds for every other function: past 60 lines there is a part worth naming.

Lines are counted from the ``def`` to the function's last line (signature, docstring,
comments and blank lines included): what a reader has to hold. The check reads the AST of
every module, no Qt needed.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "carecompanion" / "ui"
MAX_LINES = 60


def long_functions(source: str, where: str) -> list[str]:
    """``where:line Qualified.name (N lines)`` for each function over ``MAX_LINES`` lines."""
    found: list[str] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = prefix + child.name
                end = child.end_lineno if child.end_lineno is not None else child.lineno
                length = end - child.lineno + 1
                if length > MAX_LINES:
                    found.append(f"{where}:{child.lineno} {name} ({length} lines)")
                visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def ui_long_functions(ui: Path) -> list[str]:
    found: list[str] = []
    for module in sorted(ui.rglob("*.py")):
        where = str(module.relative_to(ui.parent))
        found.extend(long_functions(module.read_text(encoding="utf-8"), where))
    return found


def test_no_function_in_the_ui_is_over_60_lines() -> None:
    assert ui_long_functions(UI) == []


def _function(lines: int, indent: str = "") -> str:
    """A function of exactly ``lines`` lines: its ``def`` and ``lines - 1`` statements."""
    body = "".join(f"{indent}    x{n} = {n}\n" for n in range(lines - 1))
    return f"{indent}def f() -> None:\n{body}"


def test_the_check_catches_a_61_line_function_and_lets_60_pass() -> None:
    assert long_functions(_function(60), "ok.py") == []
    assert long_functions(_function(61), "long.py") == ["long.py:1 f (61 lines)"]


def test_the_check_names_a_long_method_and_a_long_nested_function() -> None:
    method = "class Page:\n" + _function(61, indent="    ")
    assert long_functions(method, "page.py") == ["page.py:2 Page.f (61 lines)"]
    nested = "def outer() -> None:\n" + _function(61, indent="    ")
    assert long_functions(nested, "n.py") == [
        "n.py:1 outer (62 lines)",
        "n.py:2 outer.f (61 lines)",
    ]


def test_the_check_reads_every_module_under_a_folder(tmp_path: Path) -> None:
    (tmp_path / "ui" / "mood").mkdir(parents=True)
    (tmp_path / "ui" / "mood" / "page.py").write_text("class MoodPage:\n" + _function(70, "    "))
    (tmp_path / "ui" / "short.py").write_text(_function(5))
    assert ui_long_functions(tmp_path / "ui") == ["ui/mood/page.py:2 MoodPage.f (70 lines)"]
