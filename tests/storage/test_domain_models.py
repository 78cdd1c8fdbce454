"""Each domain owns its tables (``<domain>/models.py``) on storage's one ``Base``.

Storage imports none of them, so a domain's models must stand on their own: importing one
``models`` module alone (a fresh interpreter, as a script or a worker might) must give every
foreign key of its tables a table to point at, or the ORM refuses to write a single row.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN_MODELS = (
    "carecompanion.journal.models",
    "carecompanion.mood.models",
    "carecompanion.people.models",
    "carecompanion.circle.models",
)

PROBE = """
import importlib, sys
from carecompanion.storage.models import Base
importlib.import_module(sys.argv[1])
for table in Base.metadata.tables.values():
    for key in table.foreign_keys:
        key.column  # raises NoReferencedTableError when the target table is not known
print(sorted(Base.metadata.tables))
"""


@pytest.mark.parametrize("module", DOMAIN_MODELS)
def test_a_domains_models_imported_alone_resolve_every_foreign_key(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, module],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr.strip().splitlines()[-1:]
    assert result.stdout.strip() != "[]"


def test_storage_alone_holds_no_tables() -> None:
    """The base is storage's; the tables are the domains' (none comes in with storage)."""
    probe = (
        "import carecompanion.storage.database, carecompanion.storage.migrate\n"
        "from carecompanion.storage.models import Base\n"
        "print(sorted(Base.metadata.tables))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.stdout.strip() == "[]"
