"""Queries on the FTS5 index (journal_fts), shaped by what is fast in FTS5 under SQLCipher.

Measured on 20,000- and 100,000-entry journals (benchmarks/journal.py), these facts drive the
shape:

- bm25() reads each query word's whole doclist once (for its weight), then about 1 µs per
  row, so a common word (in 40,000 entries) cannot be ranked in full: only the newest
  ``CANDIDATES`` matches (by entry id, i.e. as written) are.
- FTS5 walks a prefix query ("demen" *) lazily in ascending rowid order only; asked for the
  newest first it builds the whole merged doclist, ~400 ms. So the newest matches are found
  by walking ascending from a lower rowid bound, widening the window until there are enough.
  A prefix with no prefix index of its length merges the doclists of every word it starts,
  whatever the window: such a prefix is searched as those words instead (search_terms.py).
- Every row looked up in journal_entries decrypts a page, so entries are never joined: a
  filter stays SQL on narrow indexes (filters.py), checked inside FTS5's own walk.
- FTS5 steps through a rowid range cheaply but seeks a list of rowids slowly (a fresh query
  per id: 0.7 s for the 500 newest ids of a common word at 20,000 entries, against 2 ms).
  So a list of ids is never handed to FTS5 as a constraint: "rowid + 0 IN (...)" is an
  expression FTS5 does not see, which SQLite checks row by row during the range walk, and
  bm25() and snippet() then run for those rows only.
- A row handed to Python costs more than FTS5 spends finding it (SQLAlchemy builds a Row):
  only wanted rows leave SQLite, and an id list goes in as one JSON parameter.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from carecompanion.journal.filters import EntryFilter, id_queries, tag_id
from carecompanion.journal.models import SEARCH_INDEX_TABLE, EntryRow, entry_tags
from carecompanion.journal.search import ELLIPSIS, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, ParsedQuery
from carecompanion.journal.search_terms import Tokenizer

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


def _among(ids: Sequence[int]) -> ColumnElement[bool]:
    """The index row is one of ``ids``: checked by SQLite during FTS5's walk (see above)."""
    listed: Select[Any] = select(sa.literal_column("value")).select_from(
        func.json_each(json.dumps(list(ids)))
    )
    return (_rowid + 0).in_(listed)


class Allowed:
    """Which entry ids a filter lets through: its SQL on narrow indexes, and the stretch of
    ids (``floor`` < id <= ``highest``) that can hold any; ``highest`` is None for none."""

    def __init__(self, flt: EntryFilter, floor: int, highest: int | None) -> None:
        self.flt, self.floor, self.highest = flt, floor, highest

    @classmethod
    def for_filter(cls, session: Session, flt: EntryFilter) -> Allowed:
        queries = id_queries(flt)
        highest = session.scalar(select(func.max(EntryRow.id)))
        floor = 0
        if highest is not None and queries.include is not None:
            any_id = select(sa.literal(1)).select_from(queries.include.subquery()).limit(1)
            if session.scalar(any_id) is None:  # a tag nobody uses: no need to walk
                highest = None
        if highest is not None and (flt.since is not None or flt.until is not None):
            # A date range keeps to its own stretch of ids (entries are mostly written in
            # order), read from the entry-day index alone.
            days = []
            if flt.since is not None:
                days.append(EntryRow.entry_day >= flt.since.isoformat())
            if flt.until is not None:
                days.append(EntryRow.entry_day <= flt.until.isoformat())
            low, high = session.execute(
                select(func.min(EntryRow.id), func.max(EntryRow.id)).where(*days)
            ).one()
            if low is None:
                highest = None
            else:
                highest, floor = min(highest, high), low - 1
        return cls(flt, floor, highest)

    @property
    def nothing(self) -> bool:
        return self.highest is None

    def within(self, lower: int, upper: int) -> list[ColumnElement[bool]]:
        """Conditions on the index's rows in lower < rowid <= upper: the filter's, reading
        only that stretch of its indexes. A tag is looked up for each matching row (one
        probe of the links' key), since a year of ids read in full costs more than the
        matches of a rarer word in it (9 ms against 0.1 ms at 100,000 entries)."""
        queries = id_queries(replace(self.flt, tag=None), within=(lower, upper))
        key = _rowid + 0
        conditions: list[ColumnElement[bool]] = []
        if self.flt.tag is not None:
            links = entry_tags.c
            conditions.append(
                sa.exists().where(links.entry_id == _rowid, links.tag_id == tag_id(self.flt.tag))
            )
        if queries.include is not None:
            conditions.append(key.in_(queries.include))
        if queries.exclude is not None:
            conditions.append(key.not_in(queries.exclude))
        return conditions


def newest_matches(session: Session, match: str, allowed: Allowed, count: int) -> list[int]:
    """The ids of the newest ``count`` matching entries that are ``allowed`` (oldest first)."""
    if allowed.highest is None:
        return []
    floor = allowed.floor
    found: list[int] = []
    upper, window = allowed.highest, count * 4
    while True:
        lower = max(upper - window, floor)
        query = _matching([_rowid], match).where(
            _rowid > lower, _rowid <= upper, *allowed.within(lower, upper)
        )
        found = list(session.scalars(query.order_by(_rowid)).all()) + found
        if len(found) >= count or lower == floor:
            return found[-count:]
        upper, window = lower, _next_window(window, allowed.highest - lower, len(found), count)


def _next_window(window: int, walked: int, found: int, count: int) -> int:
    """How many more ids to walk: four times as many while nothing matched, else as many as
    the matches so far say the rest needs (and a quarter more), within eight times as many.
    A window walked costs about 0.3 µs per matching row (a common word: 9 ms for 32,000
    ids with a tag filter at 100,000 entries), so walking far past the last match found
    wastes more than one more query costs."""
    if not found:
        return window * 4
    needed = (count - found) * walked // found
    return max(count, min(window * 8, needed + needed // 4))


def rank(session: Session, match: str, candidates: Sequence[int]) -> list[tuple[int, float]]:
    """(id, bm25 score) of each candidate (all of which match); lower scores are better."""
    if not candidates:
        return []
    query = _matching([_rowid, func.bm25(_FTS, *RANK_WEIGHTS)], match).where(
        _rowid.between(min(candidates), max(candidates)), _among(candidates)
    )
    return [(int(i), float(s)) for i, s in session.execute(query).all()]


def snippets(session: Session, match: str, ids: Sequence[int]) -> dict[int, str]:
    """FTS5 snippets of the bodies of ``ids`` (which must match), with highlight markers.
    A snippet re-reads and re-tokenises a body, so only the rows shown get one."""
    if not ids:
        return {}
    snippet = func.snippet(
        _FTS, SNIPPET_COLUMN, HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE, ELLIPSIS, SNIPPET_TOKENS
    )
    query = _matching([_rowid, snippet], match).where(
        _rowid.between(min(ids), max(ids)), _among(ids)
    )
    return {int(i): text for i, text in session.execute(query).all()}


def optimize(session: Session) -> None:
    """Merge the index into one segment: a query reads every segment, and each write or
    import adds some (FTS5 merges them only gradually)."""
    command = sa.table(SEARCH_INDEX_TABLE, sa.column(SEARCH_INDEX_TABLE))
    session.execute(sa.insert(command).values({SEARCH_INDEX_TABLE: "optimize"}))


# -- the index's words (search_terms.py) ------------------------------------------------------
_TERMS = sa.table(f"{SEARCH_INDEX_TABLE}_terms", sa.column("term", sa.Text))
_PENDING = sa.table(f"{SEARCH_INDEX_TABLE}_pending", sa.column("id", sa.Integer))
_VOCABULARY = sa.table(f"{SEARCH_INDEX_TABLE}_vocab", sa.column("term", sa.Text))
# More words than this, and the prefix is left to FTS5 (a short prefix: two letters have an
# index of their own, and bm25 reads each word's whole doclist once).
MAX_PREFIX_WORDS = 64


# A prefix this long or longer is searched as the words it starts; a shorter one has a
# prefix index of its own (migration 0011).
EXPAND_FROM = 3


def expand_prefix(session: Session, tokenizer: Tokenizer, parsed: ParsedQuery) -> str | None:
    """``parsed.match`` with its prefix searched as the index words it starts: "" when there
    are none (nothing matches), None to leave the prefix to FTS5 (a short prefix, words not
    all learnt yet, too many words, or a word FTS5 cannot be asked for exactly)."""
    if not parsed.prefix_parts or len(parsed.prefix_parts[-1]) < EXPAND_FROM:
        return None
    typed = parsed.prefix_parts[-1]
    start = tokenizer.prefix(typed)
    if start is None or len(start) < EXPAND_FROM:
        return None
    words = words_starting(session, start)
    if not words:
        return None if words is None else ""
    # A query word is stemmed again by FTS5, and Porter does not always leave a stem as it
    # is ("nurse" is stored as "nurs", and "nurs" asked for is "nur"). ``start`` itself is
    # asked for as typed ("nurse" is "nurs" again); any other such word as a prefix of
    # itself, which FTS5 shortens to a prefix still within ``start``.
    exact = set(tokenizer.words([" ".join(words)])) == set(words)  # the usual case at once
    asked: list[tuple[str, bool]] = []
    for word in words:
        if word == start:
            asked.append((typed, True))
            continue
        asked_for = [word] if exact else tokenizer.words([word])
        if asked_for == [word]:
            asked.append((word, True))
        elif len(asked_for) == 1 and asked_for[0].startswith(start):
            asked.append((word, False))
        else:
            return None
    return parsed.with_prefix_as(asked)


def words_starting(session: Session, start: str) -> list[str] | None:
    """The index's words that begin with ``start`` (in the index's form); None when they may
    not all be known (entries wait to be learnt) or are too many to list."""
    if session.scalar(select(_PENDING.c.id).limit(1)) is not None:
        return None
    if ord(start[-1]) >= 0x10FFFF:
        return None
    after = start[:-1] + chr(ord(start[-1]) + 1)  # code point order is the index's order
    term = _TERMS.c.term
    found = list(
        session.scalars(
            select(term).where(term >= start, term < after).limit(MAX_PREFIX_WORDS + 1)
        ).all()
    )
    return None if len(found) > MAX_PREFIX_WORDS else found


def learn_pending(session: Session, tokenizer: Tokenizer, *, many: int) -> None:
    """Learn the words of the entries written since the last time (and forget the list);
    from the index's vocabulary when there are ``many`` or more of them."""
    waiting = session.scalar(select(func.count()).select_from(_PENDING))
    if not waiting:
        return
    if waiting >= many:
        learn_all(session)
        return
    pending = select(_PENDING.c.id)
    rows = session.execute(
        select(EntryRow.title, EntryRow.body, EntryRow.tag_text).where(EntryRow.id.in_(pending))
    ).all()
    if rows:
        words = tokenizer.words(" ".join(row) for row in rows)
        _remember(session, words)
    session.execute(sa.delete(_PENDING))


def learn_all(session: Session) -> None:
    """Learn every word of the index at once (after a large import: reading the index's
    vocabulary costs less than reading every new entry again)."""
    session.execute(
        sa.insert(_TERMS).from_select(["term"], select(_VOCABULARY.c.term)).prefix_with("OR IGNORE")
    )
    session.execute(sa.delete(_PENDING))


def _remember(session: Session, words: Sequence[str]) -> None:
    if words:
        session.execute(
            sa.insert(_TERMS).prefix_with("OR IGNORE"), [{"term": word} for word in words]
        )
