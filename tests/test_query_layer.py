"""In the domains, SQL lives in one place: ``models.py`` the tables, ``repository`` the
queries, the services (and everything else) the rules.

Read from the source (the AST of every module in ``journal``, ``mood`` and ``people``), not
by importing it. Outside a domain's ``models.py`` and its ``repository.py`` (or
``repository/`` package), a module may not

- import SQLAlchemy at all (``select``, ``insert``, ``update``, ``delete``, ``text``, ``func``,
  ``selectinload``, ``Session``…: a service takes values and hands them to a repository);
- call ``select(``, ``insert(``, ``update(``, ``delete(`` or ``text(`` by a bare name, however
  it came by the name (unless the module defines that name itself: a local ``text(key)``);
- call ``.execute``, ``.scalars``, ``.scalar`` or ``.query`` on anything;
- call any method of a session (``session.add``, ``self._session.get``…): a service may open
  a unit of work and hand the session to a repository, nothing more;
- import a domain's ``models``: rows stay in the repository, services see frozen values.

Storage (engine, sessions, migrations) is below the domains and not looked at here.
"""

from __future__ import annotations

import ast
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "carecompanion"
DOMAINS = ("journal", "mood", "people")

QUERY_FUNCTIONS = frozenset({"select", "insert", "update", "delete", "text"})
QUERY_METHODS = frozenset({"execute", "scalars", "scalar", "query"})
SESSION_NAMES = frozenset({"session", "_session"})

#: Modules beside a repository that build its SQL: each domain's read queries as plain SQL
#: (reads: the repository runs them, and so does the command line's read path without
#: SQLAlchemy), the FTS5 index's writes (search_index), and FTS5's tokenizer on a private
#: in-memory table (search_terms). Paths relative to the package.
QUERY_HELPERS = frozenset(
    {
        "journal/reads.py",
        "journal/search_index.py",
        "journal/search_terms.py",
        "mood/reads.py",
        "people/reads.py",
    }
)

#: Services whose queries have not moved into their repository yet. Each must still break
#: the rule (so this list can only shrink): move the queries, then delete the line.
NOT_YET_MOVED: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Finding:
    where: str  # "mood/service.py:12"
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def is_query_layer(relative: str) -> bool:
    """``models.py``, ``repository.py`` or ``repository/…`` of a domain, or a helper of one."""
    parts = relative.split("/")
    return (
        parts[-1] in ("models.py", "repository.py")
        or "repository" in parts[:-1]
        or relative in QUERY_HELPERS
    )


def _is_session(node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        return node.id in SESSION_NAMES
    return isinstance(node, ast.Attribute) and node.attr in SESSION_NAMES


def _is_sql_import(node: ast.ImportFrom) -> bool:
    """From SQLAlchemy, or a domain's tables (``carecompanion.mood.models``, ``.models``,
    ``from carecompanion.mood import models``)."""
    parts = (node.module or "").split(".")
    if parts[0] == "sqlalchemy" and not node.level:
        return True
    ours = node.level > 0 or parts[0] == "carecompanion"
    return ours and (parts[-1] == "models" or any(a.name == "models" for a in node.names))


def _own_names(tree: ast.Module) -> set[str]:
    """Names the module defines itself: functions, classes, parameters, assignments."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def query_uses(source: str, where: str) -> list[Finding]:
    """Every use of SQLAlchemy's query constructs, or of a session, in ``source``."""
    tree = ast.parse(source)
    bare = QUERY_FUNCTIONS - _own_names(tree)
    found: list[Finding] = []
    for node in ast.walk(tree):
        line = f"{where}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [
                Finding(line, f"import {alias.name}")
                for alias in node.names
                if alias.name.split(".")[0] == "sqlalchemy"
            ]
        elif isinstance(node, ast.ImportFrom) and _is_sql_import(node):
            names = ", ".join(alias.name for alias in node.names)
            found.append(Finding(line, f"from {node.module} import {names}"))
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in bare:
                found.append(Finding(line, f"{func.id}(…)"))
            elif isinstance(func, ast.Attribute):
                if func.attr in QUERY_METHODS:
                    found.append(Finding(line, f".{func.attr}(…)"))
                elif _is_session(func.value):
                    found.append(Finding(line, f"session.{func.attr}(…)"))
    return found


def domain_modules(package: Path = PACKAGE) -> list[str]:
    """The domains' modules, relative to the package ("mood/service.py")."""
    return sorted(
        path.relative_to(package).as_posix()
        for domain in DOMAINS
        for path in (package / domain).rglob("*.py")
    )


def findings_by_module(package: Path = PACKAGE) -> dict[str, list[Finding]]:
    """Modules outside the query layer that use SQL, with what they use."""
    found: dict[str, list[Finding]] = {}
    for relative in domain_modules(package):
        if is_query_layer(relative):
            continue
        uses = query_uses((package / relative).read_text(encoding="utf-8"), relative)
        if uses:
            found[relative] = uses
    return found


# -- the tree ---------------------------------------------------------------------------------


def test_only_models_and_repositories_hold_sql() -> None:
    found = findings_by_module()
    wrong = [str(f) for module, uses in found.items() if module not in NOT_YET_MOVED for f in uses]
    assert wrong == [], (
        "SQL outside models.py and repository (move it into the domain's repository):\n"
        + "\n".join(wrong)
    )


def test_the_not_yet_moved_list_only_shrinks() -> None:
    """A service whose queries have moved comes off ``NOT_YET_MOVED``."""
    found = findings_by_module()
    assert sorted(NOT_YET_MOVED - found.keys()) == []


def test_every_domain_has_its_repository_and_services() -> None:
    modules = set(domain_modules())
    for expected in (
        "journal/repository.py",
        "journal/service.py",
        "mood/repository/checkins.py",
        "mood/service.py",
        "mood/activities.py",
        "mood/assessments.py",
        "mood/support.py",
        "people/repository/contacts.py",
        "people/repository/groups.py",
        "people/repository/crisis.py",
        "people/contacts.py",
        "people/groups.py",
        "people/crisis.py",
        "people/importing.py",
    ):
        assert expected in modules
    for service in ("journal/service.py", "mood/service.py", "people/contacts.py"):
        assert not is_query_layer(service)


# -- the check itself -------------------------------------------------------------------------


def test_the_repositories_really_are_read() -> None:
    """Control: the same reading finds the SQL where it belongs (so nothing passes because
    the walk saw no queries at all)."""
    for repository in (
        "journal/repository.py",
        "mood/repository/checkins.py",
        "people/repository/contacts.py",
    ):
        uses = query_uses((PACKAGE / repository).read_text(encoding="utf-8"), repository)
        whats = {use.what for use in uses}
        assert "select(…)" in whats
        assert any(what.startswith("from sqlalchemy") for what in whats)


def test_a_service_that_selects_is_caught() -> None:
    sample = (
        "import sqlalchemy as sa\n"
        "from sqlalchemy import select\n"
        "from carecompanion.mood.models import CheckInRow\n"
        "def count(db):\n"
        "    with db.session() as session:\n"
        "        session.add(CheckInRow())\n"
        "        rows = session.scalars(select(CheckInRow))\n"
        "        db.engine.execute(sa.text('SELECT 1'))\n"
        "        return len(list(rows))\n"
    )
    whats = {(use.where, use.what) for use in query_uses(sample, "mood/service.py")}
    assert whats == {
        ("mood/service.py:1", "import sqlalchemy"),
        ("mood/service.py:2", "from sqlalchemy import select"),
        ("mood/service.py:3", "from carecompanion.mood.models import CheckInRow"),
        ("mood/service.py:6", "session.add(…)"),
        ("mood/service.py:7", ".scalars(…)"),
        ("mood/service.py:7", "select(…)"),
        ("mood/service.py:8", ".execute(…)"),
    }
    relative = "from .models import EntryRow\nfrom carecompanion.people import models\n"
    assert len(query_uses(relative, "x.py")) == 2
    # A bare select( counts however the name was come by (a re-export, a star import).
    renamed = "from carecompanion.mood.repository import select\nrows = select(1)\n"
    assert ("x.py:2", "select(…)") in {(u.where, u.what) for u in query_uses(renamed, "x.py")}


def test_the_check_fails_when_a_service_selects(tmp_path: Path) -> None:
    """Control on a copy of the real tree: one ``select(`` added to the mood service, and
    the check names it."""
    package = tmp_path / "carecompanion"
    for domain in DOMAINS:
        shutil.copytree(PACKAGE / domain, package / domain)
    assert findings_by_module(package).keys() == NOT_YET_MOVED
    service = package / "mood" / "service.py"
    service.write_text(
        service.read_text(encoding="utf-8") + "\n\ndef _peek(repo):\n    return select(1)\n",
        encoding="utf-8",
    )
    found = findings_by_module(package)
    assert [use.what for use in found["mood/service.py"]] == ["select(…)"]


def test_session_methods_and_query_methods_are_told_apart_from_ordinary_calls() -> None:
    ordinary = (
        "def text(key):\n"
        "    return key\n"
        "body = text('body')\n"
        "seen = set()\n"
        "seen.add(1)\n"
        "self.delete(3)\n"
        "repo.update(3, values)\n"
        "with self._db.session() as session:\n"
        "    repo = Repository(session)\n"
    )
    assert query_uses(ordinary, "x.py") == []
