"""A smaller journal: entry bodies packed, the full-text index made to fill its pages (issue 17).

At 20,000 benchmark entries (benchmarks/journal.py) the database was 3.6x the text it holds,
for two reasons besides the index's prefix option:

- Bodies of 1-3 KB left most pages of journal_entries half empty (two 2 KB rows do not fit in
  one 4 KB SQLCipher page): the table took 1.7x its text. Bodies are now packed
  (storage/packed_text.py: raw deflate, stored as a BLOB, when that saves a tenth; short texts
  stay TEXT), and the table takes about 0.8x.
- FTS5 writes its index in leaves of 'pgsz' bytes (4050 by default), which do not fit in a
  4096-byte page once SQLCipher has reserved 80 bytes of it (IV and HMAC-SHA512): every leaf
  spilled 3.5 KB to an overflow page. 'pgsz' is now set to fit one leaf per page.

The index stays external content (it reads the entries through the view
journal_search_source, which now unpacks bodies with cc_unpack_text, registered on every
connection by storage.database); its triggers unpack the old and new bodies the same way.
It keeps detail=full: search offers "quoted phrases" (and a word such as don't is the phrase
of its parts), which FTS5 answers only with positions. Its prefix index keeps two-letter
prefixes only (prefix='2 3' was 1.6x the text alone): a longer prefix is searched as the
words it starts (journal/search_terms.py), listed in the new table journal_fts_terms, with
the entries whose words are not learnt yet listed by triggers in journal_fts_pending. The
index is rebuilt from the entries and merged into one segment ('optimize'), and its words
learnt from it (through the fts5vocab table journal_fts_vocab).

Packed rows leave their pages part empty: storage.migrate compacts the database (VACUUM)
after this migration (REWRITES_THE_JOURNAL).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

import zlib
from collections.abc import Callable
from typing import Any

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Every body is rewritten: storage.migrate compacts the database after this migration.
REWRITES_THE_JOURNAL = True

_TRIGGERS = ("journal_fts_after_update", "journal_fts_after_delete", "journal_fts_after_insert")
_TERMS_TRIGGERS = ("journal_fts_pending_after_insert", "journal_fts_pending_after_update")
_BATCH = 1000  # bodies packed (or unpacked) per round trip


_INDEX_TABLE = """
    CREATE VIRTUAL TABLE journal_fts USING fts5(
        title, body, tags,
        content='journal_search_source', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2',
        prefix='2'
    )
"""
# As migration 0002 made it (for the downgrade).
_OLD_INDEX_TABLE = _INDEX_TABLE.replace("prefix='2'", "prefix='2 3'")

# The index's words, and the entries written since they were last learnt.
TERMS_SQL = (
    "CREATE TABLE journal_fts_terms (term TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE journal_fts_pending (id INTEGER PRIMARY KEY)",
    "CREATE VIRTUAL TABLE journal_fts_vocab USING fts5vocab(journal_fts, 'row')",
    """
    CREATE TRIGGER journal_fts_pending_after_insert AFTER INSERT ON journal_entries BEGIN
        INSERT OR IGNORE INTO journal_fts_pending (id) VALUES (new.id);
    END
    """,
    """
    CREATE TRIGGER journal_fts_pending_after_update AFTER UPDATE OF title, body, tag_text
    ON journal_entries BEGIN
        INSERT OR IGNORE INTO journal_fts_pending (id) VALUES (new.id);
    END
    """,
)

# The view FTS5 reads the entries through, and the triggers that keep it in step. External
# content: FTS5 must be told the exact old values to remove a row.
PACKED_SEARCH_SOURCE = (
    """
    CREATE VIEW journal_search_source AS
        SELECT id, title, cc_unpack_text(body) AS body, tag_text AS tags FROM journal_entries
    """,
    _INDEX_TABLE,
    """
    CREATE TRIGGER journal_fts_after_insert AFTER INSERT ON journal_entries BEGIN
        INSERT INTO journal_fts (rowid, title, body, tags)
        VALUES (new.id, new.title, cc_unpack_text(new.body), new.tag_text);
    END
    """,
    """
    CREATE TRIGGER journal_fts_after_delete AFTER DELETE ON journal_entries BEGIN
        INSERT INTO journal_fts (journal_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, cc_unpack_text(old.body), old.tag_text);
    END
    """,
    """
    CREATE TRIGGER journal_fts_after_update AFTER UPDATE OF title, body, tag_text
    ON journal_entries BEGIN
        INSERT INTO journal_fts (journal_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, cc_unpack_text(old.body), old.tag_text);
        INSERT INTO journal_fts (rowid, title, body, tags)
        VALUES (new.id, new.title, cc_unpack_text(new.body), new.tag_text);
    END
    """,
)
# As migration 0002 made them (for the downgrade): plain bodies.
PLAIN_SEARCH_SOURCE = (
    """
    CREATE VIEW journal_search_source AS
        SELECT id, title, body, tag_text AS tags FROM journal_entries
    """,
    _OLD_INDEX_TABLE,
    """
    CREATE TRIGGER journal_fts_after_insert AFTER INSERT ON journal_entries BEGIN
        INSERT INTO journal_fts (rowid, title, body, tags)
        VALUES (new.id, new.title, new.body, new.tag_text);
    END
    """,
    """
    CREATE TRIGGER journal_fts_after_delete AFTER DELETE ON journal_entries BEGIN
        INSERT INTO journal_fts (journal_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tag_text);
    END
    """,
    """
    CREATE TRIGGER journal_fts_after_update AFTER UPDATE OF title, body, tag_text
    ON journal_entries BEGIN
        INSERT INTO journal_fts (journal_fts, rowid, title, body, tags)
        VALUES ('delete', old.id, old.title, old.body, old.tag_text);
        INSERT INTO journal_fts (rowid, title, body, tags)
        VALUES (new.id, new.title, new.body, new.tag_text);
    END
    """,
)


# A frozen copy of carecompanion.storage.packed_text as it was when this migration was
# written (migrations import no code that may change after them; a test checks the copy).
# cc_unpack_text, which the view calls, must read this format for as long as it is stored.
FORMAT_DEFLATE = 1


def pack_text(text: str) -> str | bytes:
    raw = text.encode("utf-8")
    if len(raw) < 128:
        return text
    deflate = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = bytes((FORMAT_DEFLATE,)) + deflate.compress(raw) + deflate.flush()
    return packed if len(packed) <= len(raw) * 0.9 else text


def unpack_text(value: str | bytes) -> str:
    if isinstance(value, str):
        return value
    data = bytes(value)
    if not data or data[0] != FORMAT_DEFLATE:
        raise ValueError("unknown packed text format")
    return zlib.decompress(data[1:], -zlib.MAX_WBITS).decode("utf-8")


def leaf_size(page_size: int) -> int:
    """The FTS5 'pgsz' whose leaves each fit in one page: SQLCipher reserves 80 bytes of a
    page, SQLite keeps a row on its leaf page up to 35 bytes short of the rest, the row adds
    a few bytes of header, and FTS5 lets a leaf run a few bytes past 'pgsz'."""
    return page_size - 136


def _drop_search_index() -> None:
    bind = op.get_bind()
    for name in _TRIGGERS + _TERMS_TRIGGERS:
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("journal_fts_vocab", "journal_fts_pending", "journal_fts_terms", "journal_fts"):
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    bind.exec_driver_sql("DROP VIEW IF EXISTS journal_search_source")


def _rewrite_bodies(select_sql: str, convert: Callable[[Any], str | bytes]) -> None:
    """Rewrite, in batches by id, the bodies ``select_sql`` picks (id > ? ... LIMIT ?)."""
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.exec_driver_sql(select_sql, (last, _BATCH)).all()
        if not rows:
            return
        changed = [(convert(body), entry_id) for entry_id, body in rows]
        bind.exec_driver_sql("UPDATE journal_entries SET body = ? WHERE id = ?", changed)
        last = rows[-1][0]


def _build_index(statements: tuple[str, ...], pgsz: int | None) -> None:
    bind = op.get_bind()
    for statement in statements:
        bind.exec_driver_sql(statement)
    if pgsz is not None:  # before any row is indexed: it shapes every leaf written
        bind.exec_driver_sql(
            "INSERT INTO journal_fts (journal_fts, rank) VALUES ('pgsz', ?)", (pgsz,)
        )
    bind.exec_driver_sql("INSERT INTO journal_fts (journal_fts) VALUES ('rebuild')")
    bind.exec_driver_sql("INSERT INTO journal_fts (journal_fts) VALUES ('optimize')")


def upgrade() -> None:
    _drop_search_index()  # first: its triggers would index the packed bytes
    _rewrite_bodies(
        "SELECT id, body FROM journal_entries WHERE id > ? AND typeof(body) = 'text' "
        "AND length(CAST(body AS BLOB)) >= 128 ORDER BY id LIMIT ?",
        pack_text,
    )
    bind = op.get_bind()
    page_size = int(bind.exec_driver_sql("PRAGMA page_size").scalar_one())
    _build_index(PACKED_SEARCH_SOURCE, leaf_size(page_size))
    for statement in TERMS_SQL:
        bind.exec_driver_sql(statement)
    bind.exec_driver_sql("INSERT INTO journal_fts_terms SELECT term FROM journal_fts_vocab")


def downgrade() -> None:
    _drop_search_index()
    _rewrite_bodies(
        "SELECT id, body FROM journal_entries WHERE id > ? AND typeof(body) = 'blob' "
        "ORDER BY id LIMIT ?",
        unpack_text,
    )
    _build_index(PLAIN_SEARCH_SOURCE, None)  # as 0002 made it, with FTS5's default leaves
