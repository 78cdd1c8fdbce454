"""The journal's writes of new entries (entries, tags, tag links, attachments, the words
learnt for prefix search) as plain SQL.

One implementation for two callers, as ``reads`` is: the repository runs them inside a
SQLAlchemy unit of work (``JournalRepository.writes``), and ``journal add`` on the command
line runs them in a transaction on a bare SQLCipher connection (cli/quick_read.py), which
never imports SQLAlchemy: importing it and the models cost ``journal add`` about 0.25 s of
its 0.36 s (issue 17). So nothing here imports SQLAlchemy or the models; the statements name
the tables of journal/models.py, values are stored as the models' column types store them
(``UtcDateTime``: storage/stored_time.py; ``PackedText``: storage/packed_text.py), and
parameters are named, which both SQLite and SQLAlchemy's driver SQL accept.

No rule lives here (the values come checked and made: journal/new_entries.py).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice
from typing import Any, TypedDict

from carecompanion.journal.search_terms import SEARCH_INDEX_TABLE, Tokenizer
from carecompanion.storage.connection import Many, Rows
from carecompanion.storage.packed_text import UNPACK_FUNCTION, pack_text
from carecompanion.storage.stored_time import to_stored

#: Rows per multi-row INSERT: 12 parameters each stays far below SQLite's 32,766.
ROWS_PER_INSERT = 500


class EntryValues(TypedDict):
    """A new entry's columns, as the rules made them (journal/new_entries.py)."""

    uid: str
    title: str
    body: str
    entry_at: datetime
    created_at: datetime
    updated_at: datetime
    is_favourite: bool
    entry_day: str
    fingerprint: str
    tag_text: str
    time_zone: str | None
    is_all_day: bool


class AttachmentValues(TypedDict):
    """A new attachment's columns, as the rules made them."""

    entry_id: int
    uid: str
    filename: str
    mime_type: str
    size: int
    data: bytes
    created_at: datetime


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


_ENTRY_COLUMNS = (
    "uid",
    "title",
    "body",
    "entry_at",
    "created_at",
    "updated_at",
    "is_favourite",
    "entry_day",
    "fingerprint",
    "tag_text",
    "time_zone",
    "is_all_day",
)
_TERMS = f"{SEARCH_INDEX_TABLE}_terms"
_PENDING = f"{SEARCH_INDEX_TABLE}_pending"
_VOCABULARY = f"{SEARCH_INDEX_TABLE}_vocab"


def _stored_entry(values: EntryValues, stored_time: Callable[[datetime], str]) -> tuple[Any, ...]:
    """The entry's columns as the database stores them, in _ENTRY_COLUMNS' order."""
    return (
        values["uid"],
        values["title"],
        pack_text(values["body"]),
        stored_time(values["entry_at"]),
        stored_time(values["created_at"]),
        stored_time(values["updated_at"]),
        int(values["is_favourite"]),
        values["entry_day"],
        values["fingerprint"],
        values["tag_text"],
        values["time_zone"],
        int(values["is_all_day"]),
    )


@functools.lru_cache(maxsize=4)
def _insert_of(rows: int) -> tuple[str, tuple[str, ...]]:
    """The INSERT of ``rows`` entries and its parameters' names, in order (made once for
    each size: an import sends hundreds of statements of ROWS_PER_INSERT rows)."""
    names = tuple(f"{column}_{index}" for index in range(rows) for column in _ENTRY_COLUMNS)
    width = len(_ENTRY_COLUMNS)
    groups = (
        "(" + ", ".join(f":{name}" for name in names[start : start + width]) + ")"
        for start in range(0, len(names), width)
    )
    sql = (
        f"INSERT INTO journal_entries ({', '.join(_ENTRY_COLUMNS)}) "
        f"VALUES {', '.join(groups)} RETURNING uid, id"
    )
    return sql, names


class JournalWrites:
    """Writes of new entries, in the caller's transaction."""

    def __init__(self, rows: Rows, many: Many) -> None:
        self._rows = rows
        self._many = many
        # Tag name -> (id, stored spelling), for the rest of this unit of work: an import
        # names the same few tags thousands of times.
        self._tags: dict[str, tuple[int, str]] = {}

    def insert_entries(self, values: Sequence[EntryValues]) -> list[int]:
        """Their ids, in the order given.

        Many rows per INSERT statement: SQLite does not promise RETURNING's order, so each
        id is matched to its row by the row's uid (new, unique), not by position."""
        ids: dict[str, int] = {}
        # Most entries of a batch were written at the same moment: each moment made once.
        stored_time = functools.lru_cache(maxsize=256)(to_stored)
        for chunk in chunks(values, ROWS_PER_INSERT):
            sql, names = _insert_of(len(chunk))
            columns = itertools.chain.from_iterable(
                _stored_entry(entry, stored_time) for entry in chunk
            )
            returned = self._rows(sql, dict(zip(names, columns, strict=True)))
            ids.update({str(uid): int(entry_id) for uid, entry_id in returned})
        return [ids[entry["uid"]] for entry in values]

    def tag_ids(self, names: Iterable[str]) -> list[tuple[int, str]]:
        """(id, stored name) of each tag, creating the missing ones; one pair per tag.

        Looked up in SQL, so "sleep" finds an existing "Sleep" exactly as the NOCASE column
        compares, and the first spelling ever used is the one kept."""
        resolved: dict[int, str] = {}
        for name in names:
            if name not in self._tags:
                found = self._rows("SELECT id, name FROM tags WHERE name = :name", {"name": name})
                if found:
                    self._tags[name] = (int(found[0][0]), str(found[0][1]))
                else:
                    (created,) = self._rows(
                        "INSERT INTO tags (name) VALUES (:name) RETURNING id", {"name": name}
                    )
                    self._tags[name] = (int(created[0]), name)
            tag_id, stored = self._tags[name]
            resolved[tag_id] = stored
        return list(resolved.items())

    def link_tags(self, links: Sequence[tuple[int, int]]) -> None:
        """Tag new entries: (entry id, tag id) pairs."""
        if links:
            self._many(
                "INSERT INTO entry_tags (entry_id, tag_id) VALUES (:entry_id, :tag_id)",
                [{"entry_id": entry_id, "tag_id": tag_id} for entry_id, tag_id in links],
            )

    def insert_attachments(self, values: Sequence[AttachmentValues]) -> None:
        if values:
            self._many(
                "INSERT INTO attachments (entry_id, uid, filename, mime_type, size, data, "
                "created_at) VALUES (:entry_id, :uid, :filename, :mime_type, :size, :data, "
                ":created_at)",
                [{**row, "created_at": to_stored(row["created_at"])} for row in values],
            )

    # -- the index's words (search_terms.py) --------------------------------------------------
    def learn_new_words(self, tokenizer: Tokenizer, *, many: int) -> None:
        """Learn the words of the entries written since the last time (and forget the list);
        from the index's vocabulary when there are ``many`` or more of them."""
        ((waiting,),) = self._rows(f"SELECT count(*) FROM {_PENDING}", {})
        if not waiting:
            return
        if int(waiting) >= many:
            self.learn_all_words()
            return
        texts = self._rows(
            f"SELECT title, {UNPACK_FUNCTION}(body), tag_text FROM journal_entries "
            f"WHERE id IN (SELECT id FROM {_PENDING})",
            {},
        )
        words = tokenizer.words(" ".join(part or "" for part in row) for row in texts)
        if words:
            self._many(
                f"INSERT OR IGNORE INTO {_TERMS} (term) VALUES (:term)",
                [{"term": word} for word in words],
            )
        self._run(f"DELETE FROM {_PENDING}")

    def learn_all_words(self) -> None:
        """Learn every word of the index at once (after a large import: reading the index's
        vocabulary costs less than reading every new entry again)."""
        self._run(f"INSERT OR IGNORE INTO {_TERMS} (term) SELECT term FROM {_VOCABULARY}")
        self._run(f"DELETE FROM {_PENDING}")

    def _run(self, sql: str) -> None:
        """A statement without parameters or rows (through ``many``: SQLAlchemy's driver SQL
        hands back no rows to read for it)."""
        self._many(sql, [{}])
