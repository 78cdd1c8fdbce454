"""The declarative base every domain's tables share. Every table lives inside the
SQLCipher-encrypted database.

Each domain owns its tables (``journal.models``, ``mood.models``, ``people.models``,
``circle.models``) on this one ``Base``, so they share one metadata and can refer to each
other's tables by name. Storage imports none of them: the migrations keep their own copies
of what they create, and ``Base.metadata`` is complete only once every domain's models are
imported (the model-versus-migration tests do that).
"""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

# The journal's full-text index is an FTS5 virtual table plus the shadow tables FTS5 creates
# for it (journal_fts_data, _idx, _docsize, _config). SQLAlchemy cannot model them, so
# migration 0002 creates them by hand and schema comparison leaves them out. The name is the
# migration's, frozen here: journal.models.SEARCH_INDEX_TABLE is the same table.
_HAND_MADE_TABLE = "journal_fts"
# The vault's half of the header/database binding (migration 0007) and when the database was
# last checked (0010): one row each that the vault reads and writes by raw SQL
# (vault.binding, vault.upkeep), below every domain, so no domain models them.
_VAULT_TABLES = frozenset({"vault_binding", "vault_upkeep"})


def is_managed_by_hand(name: str | None, type_: str) -> bool:
    """True for schema objects created by raw SQL in the migrations, not by any models."""
    return (
        type_ == "table"
        and name is not None
        and (
            name == _HAND_MADE_TABLE
            or name.startswith(_HAND_MADE_TABLE + "_")
            or name in _VAULT_TABLES
        )
    )


class Base(DeclarativeBase):
    pass
