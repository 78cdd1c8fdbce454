"""Queries on the FTS5 index (journal_fts), shaped by what is fast in FTS5 under SQLCipher.

Measured on a 100,000-entry journal (benchmarks/journal.py), three facts drive the shape:

- bm25() costs about 15 µs per matching row, so a common word (in 40,000 entries) cannot be
  ranked in full: only the newest ``CANDIDATES`` matches (by entry id, i.e. as written) are.
- FTS5 walks a prefix query ("demen" *) lazily in ascending rowid order only; asked for the
  newest first it builds the whole merged doclist, ~400 ms. So the newest matches are found
  by walking ascending from a lower rowid bound, widening the window until there are enough.
- Every row looked up in journal_entries decrypts a page (~7 µs), so the entries table is
  only joined when a filter needs it: the index's rowid is the entry id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from carecompanion.journal.search import ELLIPSIS, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN
from carecompanion.storage.models import SEARCH_INDEX_TABLE, JournalEntry

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


def _matching(columns: Sequence[Any], match: str,
              conditions: Sequence[ColumnElement[bool]]) -> Select[Any]:
    query = select(*columns).select_from(_INDEX).where(_FTS.op("MATCH")(match))
    if conditions:
        # "+ 0": the index stays the outer loop; each entry is found by its primary key.
        query = query.join(JournalEntry, JournalEntry.id == _rowid + 0).where(*conditions)
    return query


def newest_matches(session: Session, match: str,
                   conditions: Sequence[ColumnElement[bool]], count: int) -> list[int]:
    """The ids of the newest ``count`` entries matching (oldest of them first)."""
    highest = session.scalar(select(func.max(JournalEntry.id)))
    if highest is None:
        return []
    found: list[int] = []
    upper, window = highest, count * 4
    while True:
        lower = max(upper - window, 0)
        query = _matching([_rowid], match, conditions).where(_rowid > lower, _rowid <= upper)
        found = list(session.scalars(query.order_by(_rowid))) + found
        if len(found) >= count or lower == 0:
            return found[-count:]
        upper, window = lower, window * 4


def rank(session: Session, match: str, conditions: Sequence[ColumnElement[bool]],
         lowest_id: int) -> list[tuple[int, float]]:
    """(id, bm25 score) of every match from ``lowest_id`` on; lower scores are better."""
    query = _matching([_rowid, func.bm25(_FTS, *RANK_WEIGHTS)], match, conditions)
    rows = session.execute(query.where(_rowid >= lowest_id).order_by(_rowid))
    return [(int(entry_id), float(score)) for entry_id, score in rows]


def snippets(session: Session, match: str, ids: Sequence[int]) -> dict[int, str]:
    """FTS5 snippets of the bodies of ``ids`` (which must match), with highlight markers.

    A snippet re-reads and re-tokenises a body, so only the rows shown get one. FTS5 seeks a
    rowid range cheaply but a list of rowids slowly (a fresh query per id): hence the range,
    with the snippet made only for the wanted rows inside it.
    """
    if not ids:
        return {}
    snippet = func.snippet(_FTS, SNIPPET_COLUMN, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, ELLIPSIS,
                           SNIPPET_TOKENS)
    query = _matching(
        [_rowid.label("id"), sa.case((_rowid.in_(ids), snippet), else_=None).label("text")],
        match, (),
    ).where(_rowid.between(min(ids), max(ids)))
    return {row.id: row.text for row in session.execute(query) if row.text is not None}
