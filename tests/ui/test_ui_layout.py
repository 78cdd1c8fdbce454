"""``carecompanion.ui`` is arranged one way: by domain, with one frame and one shared kit.

- ``ui/app/``: the frame — start-up, unlock, the main window and its shell, tray, idle lock,
  settings. It is the only part that knows every page.
- ``ui/common/``: what every page shares — widgets, layouts, theme, words, workers, screen
  fitting. It knows no page.
- ``ui/circle/``, ``ui/journal/``, ``ui/mood/``, ``ui/people/``: one package per domain, each
  with its ``page.py``, its dialogs and its models. A domain package imports ``common`` and
  itself, never another domain (a page that needs another domain's dialog is handed it by the
  frame), so a newcomer changing the mood page reads one folder.

Nothing else sits at the top of ``ui/``: a loose module there is a second way of arranging.
The check reads the AST of every module (imports inside functions count too), no Qt needed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "src" / "carecompanion" / "ui"
FRAME = "app"
KIT = "common"
DOMAINS = ("circle", "journal", "mood", "people")

#: What each part of ``ui`` may import of ``ui``, besides itself.
ALLOWED: dict[str, frozenset[str]] = {
    FRAME: frozenset({KIT, *DOMAINS}),
    KIT: frozenset(),
    **{domain: frozenset({KIT}) for domain in DOMAINS},
}


def ui_imports(path: Path) -> set[tuple[str, int]]:
    """The ``carecompanion.ui`` parts a module imports, with the line of each import."""
    found: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
            if node.module == "carecompanion.ui":
                names = [f"carecompanion.ui.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["carecompanion", "ui"] and len(parts) > 2:
                found.add((parts[2], node.lineno))
    return found


def layout_problems(ui: Path) -> list[str]:
    problems: list[str] = []
    for child in sorted(ui.iterdir()):
        if child.name in {"__init__.py", "__pycache__"}:
            continue
        if child.is_dir() and child.name in ALLOWED:
            continue
        problems.append(f"ui/{child.name}: not one of {sorted(ALLOWED)}")
    for part, allowed in ALLOWED.items():
        for module in sorted((ui / part).rglob("*.py")):
            for target, line in sorted(ui_imports(module)):
                if target != part and target not in allowed:
                    where = module.relative_to(ui.parent)
                    problems.append(f"{where}:{line} imports ui.{target}")
    return problems


def test_ui_is_arranged_by_domain_with_one_frame_and_one_kit() -> None:
    assert layout_problems(UI) == []


def test_every_domain_has_its_page() -> None:
    assert [domain for domain in DOMAINS if not (UI / domain / "page.py").is_file()] == []


def test_the_check_sees_a_loose_module_and_a_domain_reaching_into_another(
    tmp_path: Path,
) -> None:
    for part in ALLOWED:
        (tmp_path / part).mkdir()
        (tmp_path / part / "__init__.py").write_text("")
    (tmp_path / "loose.py").write_text("")
    (tmp_path / "mood" / "page.py").write_text(
        "def f():\n    from carecompanion.ui.people.page import PeoplePage\n"
    )
    (tmp_path / "common" / "widgets.py").write_text("from carecompanion.ui import app\n")
    assert layout_problems(tmp_path) == [
        "ui/loose.py: not one of ['app', 'circle', 'common', 'journal', 'mood', 'people']",
        "tmp_path/common/widgets.py:1 imports ui.app".replace("tmp_path", tmp_path.name),
        "tmp_path/mood/page.py:2 imports ui.people".replace("tmp_path", tmp_path.name),
    ]


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_part_is_a_package(part: str) -> None:
    assert (UI / part / "__init__.py").is_file()
