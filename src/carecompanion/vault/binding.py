"""The header and the database, bound: both hold the header's generation.

The header's generation (:mod:`carecompanion.vault.header`) rises by one at each header
write; the database keeps the number of the header it belongs to in a one-row table,
``vault_binding`` (migration 0007), inside the encrypted database. When they differ, one of
the two files is a genuine older copy put back in place of the current one (an older header
would bring back a passphrase that was replaced; an older database would silently drop what
was written since). That is said for what it is, never as damage, and nothing is changed.

A header write cannot change both files in one step, so it goes in three, each one durable
before the next, and whatever a crash leaves is recognised on the next unlock:

1. :func:`propose` the new number in the database (``pending``);
2. write the header (atomically: old or new, never half);
3. :func:`commit` it (``generation`` = the new number, ``pending`` cleared).

A header matching ``generation`` (a crash before step 2 landed) or ``pending`` (a crash
after) belongs with the database; the vault's writer settles it with :func:`commit`.

What it does not catch: a database copied while the header stayed the same (no header write
in between) holds the same number. The generation counts header writes, not commits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from carecompanion.errors import Sentence
from carecompanion.vault.errors import VaultMismatch

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

TABLE = "vault_binding"  # named in full in each statement below

OLDER_DATABASE = Sentence(
    "vault.binding.older_database",
    "This journal's database is older than its key file (vault.header): an older copy of the "
    "database was put in its place, so what was written since is not in it. Nothing was "
    "changed. Put the newer database back, or restore a backup.",
)
OLDER_HEADER = Sentence(
    "vault.binding.older_header",
    "This journal's key file (vault.header) is older than its database: an older copy of it "
    "was put in its place, and it may still open with a passphrase you replaced. Nothing was "
    "changed. Put the newer key file back, or restore a backup.",
)


@dataclass(frozen=True)
class Binding:
    """What the database holds: the generation of its header, and one being written."""

    generation: int
    pending: int | None = None

    def belongs_with(self, header_generation: int) -> bool:
        return header_generation in (self.generation, self.pending)

    def settled_at(self, header_generation: int) -> bool:
        return self.generation == header_generation and self.pending is None


def read(engine: Engine) -> Binding:
    """The database's binding. A database from before the binding table (schema 0006 or
    older) was made with headers that had no generation: it is bound to generation 0."""
    with engine.connect() as conn:
        return read_with(lambda sql: conn.exec_driver_sql(sql).all())


def read_with(rows: Callable[[str], Sequence[Sequence[Any]]]) -> Binding:
    """``read`` through ``rows`` (runs one statement, returns its rows): on the engine, or
    on the command line's bare connection (cli/quick_read.py)."""
    has_table = rows(
        f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{TABLE}'"  # noqa: S608
    )
    if not has_table:
        return Binding(0)
    found = rows("SELECT generation, pending FROM vault_binding WHERE id = 1")
    if not found:
        return Binding(0)
    generation, pending = found[0]
    return Binding(int(generation), None if pending is None else int(pending))


def check(binding: Binding, header_generation: int) -> None:
    """Raise VaultMismatch unless the header with ``header_generation`` belongs with the
    database holding ``binding``."""
    if binding.belongs_with(header_generation):
        return
    newest_in_database = max(binding.generation, binding.pending or 0)
    raise VaultMismatch(OLDER_HEADER if header_generation < newest_in_database else OLDER_DATABASE)


def propose(engine: Engine, generation: int) -> None:
    """Step 1 of a header write: the database expects ``generation`` next."""
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT OR IGNORE INTO vault_binding (id, generation) VALUES (1, 0)")
        conn.exec_driver_sql("UPDATE vault_binding SET pending = ? WHERE id = 1", (generation,))


def commit(engine: Engine, generation: int) -> None:
    """Step 3 of a header write (and settling after a crash): the database belongs with the
    header of ``generation``."""
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO vault_binding (id, generation, pending) VALUES (1, ?, NULL)",
            (generation,),
        )
