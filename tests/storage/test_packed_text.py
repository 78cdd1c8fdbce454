"""Packed text (entry bodies stored compressed), read back in Python and in SQL."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from carecompanion.storage.packed_text import FORMAT_DEFLATE, pack_text, unpack_text

PROSE = (
    "Mum slept badly again. The nurse came at nine and we went through the new tablets, "
    "one after breakfast and one at night. Café au lait, naïve hope, 💙. " * 8
)


@given(st.text())
def test_any_text_reads_back_as_it_was(text: str) -> None:
    assert unpack_text(pack_text(text)) == text


def test_long_prose_is_packed_and_short_text_kept() -> None:
    packed = pack_text(PROSE)
    assert isinstance(packed, bytes) and packed[0] == FORMAT_DEFLATE
    assert len(packed) < len(PROSE.encode()) / 2
    assert pack_text("A short note.") == "A short note."
    assert unpack_text(None) is None


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown packed text format"):
        unpack_text(b"\x07abc")


def test_sql_reads_both_forms(tmp_path: Path) -> None:
    database = Database(tmp_path / "packed.db", os.urandom(32))
    try:
        with database.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
            conn.exec_driver_sql(
                "INSERT INTO t (body) VALUES (?), (?), (NULL)", (pack_text(PROSE), "plain")
            )
            read = conn.exec_driver_sql("SELECT cc_unpack_text(body) FROM t ORDER BY id").all()
        assert [value for (value,) in read] == [PROSE, "plain", None]
    finally:
        database.close()


def _migration_0011() -> ModuleType:
    path = migrate.MIGRATIONS_DIR / "versions" / "0011_compact_journal.py"
    spec = importlib.util.spec_from_file_location("migration_0011", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MIGRATION_0011 = _migration_0011()


@given(st.one_of(st.text(), st.just(PROSE), st.text(min_size=200).map(lambda t: t * 3)))
def test_the_migrations_frozen_copy_packs_as_storage_does(text: str) -> None:
    """Migration 0011 keeps its own copy (it imports no code that may change): the same
    bytes, read back by either."""
    packed = MIGRATION_0011.pack_text(text)
    assert packed == pack_text(text)
    assert MIGRATION_0011.unpack_text(packed) == unpack_text(packed) == text
