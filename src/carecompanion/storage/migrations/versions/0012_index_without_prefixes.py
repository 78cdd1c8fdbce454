"""The full-text index without its two-letter prefix index (issue 17: the database at most
twice the text it holds).

Measured on compare_jrnl's 3,650 entries (4.2 MiB of text): the index took 4.5 MB, 1.9 MB of
it the two-letter prefix index; the database was 2.2x the text, and is 1.8x without it. A
prefix of three letters or more was already searched as the words it starts
(journal/search_terms.py); now search treats a last word of two letters as a whole word
(journal/search.py, MIN_PREFIX_CHARS): results for what is being typed start at the third
letter, as in most search boxes.

Only the index is remade: the view it reads, its triggers (dropped and made again, as FTS5
needs its table to exist), its word list (journal_fts_terms: the words do not change) and
the vocabulary table over it (fts5vocab names its table). Rebuilt from the entries and
merged into one segment; storage.migrate compacts the database after (REWRITES_THE_JOURNAL):
the old index's pages are freed.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# The old index's pages (about a third of a journal's) are freed: compacted after.
REWRITES_THE_JOURNAL = True

_INDEX_TABLE = """
    CREATE VIRTUAL TABLE journal_fts USING fts5(
        title, body, tags,
        content='journal_search_source', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
"""
# As migration 0011 made it (for the downgrade).
_OLD_INDEX_TABLE = _INDEX_TABLE.replace(
    "remove_diacritics 2'\n", "remove_diacritics 2',\n        prefix='2'\n"
)

# As migration 0011 made them: external content, read through journal_search_source, with
# bodies unpacked by cc_unpack_text (registered on every connection by storage.connection).
_TRIGGERS = (
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
_TRIGGER_NAMES = (
    "journal_fts_after_insert",
    "journal_fts_after_delete",
    "journal_fts_after_update",
)
_VOCABULARY = "CREATE VIRTUAL TABLE journal_fts_vocab USING fts5vocab(journal_fts, 'row')"


def leaf_size(page_size: int) -> int:
    """FTS5's 'pgsz' with each leaf fitting one page once SQLCipher has reserved its bytes
    (as migration 0011 worked it out)."""
    return page_size - 136


def _remake_index(index_table: str) -> None:
    bind = op.get_bind()
    for name in _TRIGGER_NAMES:
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    bind.exec_driver_sql("DROP TABLE IF EXISTS journal_fts_vocab")
    bind.exec_driver_sql("DROP TABLE IF EXISTS journal_fts")
    bind.exec_driver_sql(index_table)
    page_size = int(bind.exec_driver_sql("PRAGMA page_size").scalar_one())
    bind.exec_driver_sql(  # before any row is indexed: it shapes every leaf written
        "INSERT INTO journal_fts (journal_fts, rank) VALUES ('pgsz', ?)", (leaf_size(page_size),)
    )
    for statement in _TRIGGERS:
        bind.exec_driver_sql(statement)
    bind.exec_driver_sql("INSERT INTO journal_fts (journal_fts) VALUES ('rebuild')")
    bind.exec_driver_sql("INSERT INTO journal_fts (journal_fts) VALUES ('optimize')")
    bind.exec_driver_sql(_VOCABULARY)


def upgrade() -> None:
    _remake_index(_INDEX_TABLE)


def downgrade() -> None:
    _remake_index(_OLD_INDEX_TABLE)
