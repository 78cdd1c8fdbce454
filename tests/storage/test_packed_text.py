"""Packed text (entry bodies stored compressed), read back in Python and in SQL."""

from __future__ import annotations

import importlib.util
import os
import zlib
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from carecompanion.storage.packed_text import FORMAT_DEFLATE, forget_packed, pack_text, unpack_text

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


def test_a_value_just_packed_reads_back_without_inflating_and_is_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The search index's trigger unpacks a body the instant it is written: the text is
    handed back from the one just packed (zlib is not asked), once, and locking forgets
    every one not read back."""
    text = "Mum slept through the night; the marigolds are out. " * 10
    packed = pack_text(text)
    assert isinstance(packed, bytes)
    inflated: list[bytes] = []
    real = zlib.decompress

    def counting(data: bytes, *args: int) -> bytes:
        inflated.append(data)
        return real(data, *args)

    monkeypatch.setattr(zlib, "decompress", counting)
    assert unpack_text(packed) == text and inflated == []
    assert unpack_text(packed) == text and len(inflated) == 1, "taken out when read"
    unread = pack_text(text + "and more")
    forget_packed()
    assert unpack_text(unread) == text + "and more" and len(inflated) == 2


@given(st.text(min_size=130, max_size=400))
def test_what_was_just_packed_is_what_inflating_gives(text: str) -> None:
    packed = pack_text(text)
    fresh = unpack_text(packed)  # through the memory of values just packed, when packed
    forget_packed()
    assert fresh == text == unpack_text(packed)
