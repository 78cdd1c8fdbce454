"""Queries on the FTS5 index (journal_fts), shaped by what is fast in FTS5 under SQLCipher.

Measured on a 100,000-entry journal (benchmarks/journal.py), three facts drive the shape:

- bm25() costs about 15 µs per matching row, so a common word (in 40,000 entries) cannot be
  ranked in full: only the newest ``CANDIDATES`` matches (by entry id, i.e. as written) are.
- FTS5 walks a prefix query ("demen" *) lazily in ascending rowid order only; asked for the
  newest first it builds the whole merged doclist, ~400 ms. So the newest matches are found
  by walking ascending from a lower rowid bound, widening the window until there are enough.
- Every row looked up in journal_entries decrypts a page (~7 µs), so entries are never
  joined: a filter is turned into a set of ids from narrow indexes first, and matches are
  checked against it (the index's rowid is the entry id).
- bm25() and snippet() are wrapped in CASE so they run for the wanted rows only: FTS5 steps
  through a rowid range cheaply but seeks a list of rowids slowly (a fresh query per id).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from carecompanion.journal.filters import EntryFilter, id_queries
from carecompanion.journal.models import SEARCH_INDEX_TABLE, EntryRow
from carecompanion.journal.search import ELLIPSIS, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN

# How many of the newest matches are ranked: bounds a search's cost at any journal size.
CANDIDATES = 500
# bm25 weights, in the index's column order (title, body, tags): a word in the title says
# most about what an entry is about, a tag a little less, a word somewhere in the body least.
RANK_WEIGHTS = (10.0, 1.0, 5.0)
SNIPPET_COLUMN = 1  # the body: the title is shown beside the snippet anyway
SNIPPET_TOKENS = 20

_FTS: sa.ColumnClause[Any] = sa.literal_column(SEARCH_INDEX_TABLE)
_INDEX = sa.table(SEARCH_INDEX_TABLE, sa.column("rowid", sa.Integer))
_rowid = _INDEX.c.rowid


def _matching(columns: Sequence[Any], match: str) -> Select[Any]:
    return select(*columns).select_from(_INDEX).where(_FTS.op("MATCH")(match))


class Allowed:
    """Which entry ids a filter lets through, read once from narrow indexes."""

    def __init__(self, include: set[int] | None, exclude: set[int] | None) -> None:
        self.include, self.exclude = include, exclude

    @classmethod
    def for_filter(cls, session: Session, flt: EntryFilter) -> Allowed:
        queries = id_queries(flt)
        return cls(
            None if queries.include is None else set(session.scalars(queries.include)),
            None if queries.exclude is None else set(session.scalars(queries.exclude)),
        )

    @property
    def nothing(self) -> bool:
        return self.include == set()

    def __contains__(self, entry_id: int) -> bool:
        return (self.include is None or entry_id in self.include) and (
            self.exclude is None or entry_id not in self.exclude
        )


def newest_matches(session: Session, match: str, allowed: Allowed, count: int) -> list[int]:
    """The ids of the newest ``count`` matching entries that are ``allowed`` (oldest first)."""
    highest = session.scalar(select(func.max(EntryRow.id)))
    if highest is None or allowed.nothing:
        return []
    floor = 0
    if allowed.include is not None:  # a date range keeps to its own stretch of ids
        highest, floor = min(highest, max(allowed.include)), min(allowed.include) - 1
    found: list[int] = []
    upper, window = highest, count * 4
    while True:
        lower = max(upper - window, floor)
        query = _matching([_rowid], match).where(_rowid > lower, _rowid <= upper)
        found = [i for i in session.scalars(query.order_by(_rowid)) if i in allowed] + found
        if len(found) >= count or lower == floor:
            return found[-count:]
        upper, window = lower, window * 4


def rank(session: Session, match: str, candidates: Sequence[int]) -> list[tuple[int, float]]:
    """(id, bm25 score) of each candidate (all of which match); lower scores are better."""
    if not candidates:
        return []
    # bm25 only for the candidates; other matches in their id range are merely stepped over.
    score = sa.case((_rowid.in_(candidates), func.bm25(_FTS, *RANK_WEIGHTS)), else_=None)
    query = _matching([_rowid, score], match).where(
        _rowid.between(min(candidates), max(candidates))
    )
    return [(int(i), float(s)) for i, s in session.execute(query) if s is not None]


def snippets(session: Session, match: str, ids: Sequence[int]) -> dict[int, str]:
    """FTS5 snippets of the bodies of ``ids`` (which must match), with highlight markers.
    A snippet re-reads and re-tokenises a body, so only the rows shown get one."""
    if not ids:
        return {}
    snippet = func.snippet(
        _FTS, SNIPPET_COLUMN, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, ELLIPSIS, SNIPPET_TOKENS
    )
    query = _matching(
        [_rowid.label("id"), sa.case((_rowid.in_(ids), snippet), else_=None).label("text")],
        match,
    ).where(_rowid.between(min(ids), max(ids)))
    return {row.id: row.text for row in session.execute(query) if row.text is not None}
