"""The journal's read queries (timeline pages, filters, search) as plain SQL.

One implementation for two callers: the repository runs them inside a SQLAlchemy unit of
work (``JournalRepository.reads``), and the command line's read path runs them on a bare
SQLCipher connection (cli/quick_read.py), which never imports SQLAlchemy: importing it and
the models cost a read command about 0.25 s of its 0.5 s (issue 17). So nothing here
imports SQLAlchemy or the models; statements name the tables of journal/models.py, and the
parameters are named (":tag"), which both SQLite and SQLAlchemy's text accept.

Filters are answered from narrow indexes only (entry days, favourites, tag links, attachment
owners), never by reading entry rows: an entry row holds its whole text, so each one read
costs a page decryption, and a filter over 100,000 entries must not read them all.

The search queries are shaped by what is fast in FTS5 under SQLCipher, measured on 20,000-
and 100,000-entry journals (benchmarks/journal.py):

- bm25() reads each query word's whole doclist once per statement (for its weight: about
  20 ns for each entry holding the word, 2.3 ms for "the" at 100,000 entries), then about
  1 µs per row, so a common word (in 40,000 entries) cannot be ranked in full: only the
  newest ``CANDIDATES`` matches (by entry id, i.e. as written) are, in the statement that
  finds them (``ranked_newest``).
- The newest matches are found by FTS5 walking newest first and stopping at ``CANDIDATES``
  (ORDER BY rowid DESC LIMIT): measured at 100,000 entries (issue 17), cheaper than walking
  ascending in ever wider windows for every kind of query, words, phrases, two-letter
  prefixes (when they had a prefix index, before migration 0012) and even the longer
  prefixes left to FTS5 ("the" *
  with a tag filter: 107 ms, against 224 ms). A longer prefix merges the doclists of every
  word it starts, whatever part of the journal is walked: it is searched as those words
  instead (search_terms.py). Only a date filter still walks in windows (``newest_matches``).
- Every row looked up in journal_entries decrypts a page, so entries are not joined while
  FTS5 walks: a filter stays SQL on narrow indexes, checked inside FTS5's own walk. Only
  the rows shown are read (their snippet reads the same row anyway).
- FTS5 steps through a rowid range cheaply but seeks a list of rowids slowly (each seek sets
  up every word of the query again: 0.7 s for the 500 newest ids of a common word at 20,000
  entries, against 2 ms). So a list of ids is mostly not handed to FTS5 as a constraint:
  "rowid + 0 IN (...)" is an expression FTS5 does not see, which SQLite checks row by row
  during the range walk, and bm25() and snippet() then run for those rows only. The rows
  shown of a query of few words are sought when they lie far apart (``shown``).
- A row handed to Python costs more than FTS5 spends finding it: only wanted rows leave
  SQLite, and an id list goes in as one JSON parameter.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from carecompanion.journal.entries import AttachmentInfo, Entry, EntrySummary, SearchHit
from carecompanion.journal.filters import EntryFilter
from carecompanion.journal.search import (
    ELLIPSIS,
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    ParsedQuery,
    build_match_query,
    parse_snippet,
)
from carecompanion.journal.search_terms import SEARCH_INDEX_TABLE, Tokenizer, tokenizer
from carecompanion.journal.tags import split_tags
from carecompanion.storage.connection import Rows
from carecompanion.storage.packed_text import unpack_text
from carecompanion.storage.stored_time import from_stored, to_stored

# How many of the newest matches are ranked: bounds a search's cost at any journal size.
CANDIDATES = 500
# bm25 weights, in the index's column order (title, body, tags): a word in the title says
# most about what an entry is about, a tag a little less, a word somewhere in the body least.
RANK_WEIGHTS = (10.0, 1.0, 5.0)
SNIPPET_COLUMN = 1  # the body: the title is shown beside the snippet anyway
SNIPPET_TOKENS = 20
# Rows to be shown that lie further apart than this on average (in ids) are sought one by
# one rather than walked to, when the query is at most SEEK_MOST_WORDS words that must all
# match (JournalReads.shown).
SEEK_SPAN_PER_ID = 500
SEEK_MOST_WORDS = 3
# More words than this, and the prefix is left to FTS5 (bm25 reads each word's whole doclist
# once: many words cost more than FTS5's own merge of them).
MAX_PREFIX_WORDS = 64
# A prefix this long or longer is searched as the words it starts; a shorter one is no
# prefix at all (search.MIN_PREFIX_CHARS; the index has no prefix index since migration 0012).
EXPAND_FROM = 3
# Endings that make an index word Porter would stem again ("nurs", "wors", "becaus") into a
# word it stems to exactly that: "nurse". "e" was enough for every such stem of 7,900
# English words.
RESPELLINGS = ("e", "es", "ing")

_SUMMARY_COLUMNS = (
    "journal_entries.id, journal_entries.entry_at, journal_entries.title, "
    "journal_entries.is_favourite, journal_entries.tag_text, "
    "EXISTS (SELECT * FROM attachments WHERE attachments.entry_id = journal_entries.id), "
    "journal_entries.time_zone, journal_entries.is_all_day"
)
_NEWEST_FIRST = "ORDER BY journal_entries.entry_at DESC, journal_entries.id DESC"
_TAG_ID = "(SELECT tags.id FROM tags WHERE tags.name = :tag)"  # tags.name is NOCASE


def _summary(row: Sequence[Any]) -> EntrySummary:
    return EntrySummary(
        id=int(row[0]),
        entry_at=from_stored(row[1]),
        title=row[2],
        is_favourite=bool(row[3]),
        tags=split_tags(row[4]),
        has_attachments=bool(row[5]),
        time_zone=row[6],
        is_all_day=bool(row[7]),
    )


# A whole entry's columns, and an attachment's without its data.
_ENTRY_COLUMNS = (
    "journal_entries.id, journal_entries.uid, journal_entries.title, journal_entries.body, "
    "journal_entries.entry_at, journal_entries.created_at, journal_entries.updated_at, "
    "journal_entries.tag_text, journal_entries.is_favourite, journal_entries.time_zone, "
    "journal_entries.is_all_day"
)
_ATTACHMENT_INFO_COLUMNS = (
    "attachments.id, attachments.entry_id, attachments.filename, attachments.mime_type, "
    "attachments.size, attachments.created_at"
)


def _entry(row: Sequence[Any], attachments: Sequence[AttachmentInfo]) -> Entry:
    """An entry from a row of _ENTRY_COLUMNS."""
    return Entry(
        id=int(row[0]),
        uid=row[1],
        title=row[2],
        body=unpack_text(row[3]) or "",
        entry_at=from_stored(row[4]),
        created_at=from_stored(row[5]),
        updated_at=from_stored(row[6]),
        tags=split_tags(row[7]),
        is_favourite=bool(row[8]),
        attachments=tuple(attachments),
        time_zone=row[9],
        is_all_day=bool(row[10]),
    )


def _attachment_info(row: Sequence[Any]) -> AttachmentInfo:
    return AttachmentInfo(
        id=int(row[0]),
        entry_id=int(row[1]),
        filename=row[2],
        mime_type=row[3],
        size=int(row[4]),
        created_at=from_stored(row[5]),
    )


def _id_list(ids: Sequence[int]) -> str:
    return json.dumps([int(i) for i in ids])


@dataclass(frozen=True)
class IdQueries:
    """A filter as id queries on narrow indexes: entries in ``include`` (all when None) and
    not in ``exclude`` (none when None), with the parameters both use."""

    include: str | None
    exclude: str | None
    params: dict[str, Any]


def id_queries(flt: EntryFilter, within: tuple[int, int] | None = None) -> IdQueries:
    """``within``: only ids in lower < id <= upper (a search's window of ids), read from
    that stretch of the indexes."""
    params: dict[str, Any] = {}
    window = ""
    if within is not None:
        window = " AND journal_entries.id > :lower AND journal_entries.id <= :upper"
        params["lower"], params["upper"] = within
    parts: list[str] = []
    if flt.tag is not None:
        parts.append(
            f"SELECT entry_tags.entry_id FROM entry_tags WHERE entry_tags.tag_id = {_TAG_ID}"
        )
        params["tag"] = " ".join(flt.tag.split())  # as tags are stored: spaces collapsed
    if flt.since is not None or flt.until is not None:
        days = []
        if flt.since is not None:
            days.append("journal_entries.entry_day >= :since")
            params["since"] = flt.since.isoformat()
        if flt.until is not None:
            days.append("journal_entries.entry_day <= :until")
            params["until"] = flt.until.isoformat()
        parts.append(
            f"SELECT journal_entries.id FROM journal_entries WHERE {' AND '.join(days)}{window}"
        )
    if flt.favourites_only:
        parts.append(
            f"SELECT journal_entries.id FROM journal_entries "
            f"WHERE journal_entries.is_favourite IS 1{window}"
        )
    if flt.has_attachment:
        parts.append("SELECT attachments.entry_id FROM attachments")
    include = " INTERSECT ".join(parts) if parts else None
    exclude = (
        "SELECT attachments.entry_id FROM attachments" if flt.has_attachment is False else None
    )
    return IdQueries(include, exclude, params)


def filter_conditions(
    flt: EntryFilter, key: str = "journal_entries.id"
) -> tuple[list[str], dict[str, Any]]:
    """WHERE conditions on ``key`` (an entry id), with their parameters; none for the empty
    filter.

    "+ 0" stops SQLite from fetching every allowed entry by id and sorting them: it walks the
    timeline's own index newest first instead, checks each id against the (materialised)
    set, and stops once a page is full, reading entry rows only for what it returns.
    """
    queries = id_queries(flt)
    conditions: list[str] = []
    if queries.include is not None:
        conditions.append(f"{key} + 0 IN ({queries.include})")
    if queries.exclude is not None:
        conditions.append(f"{key} + 0 NOT IN ({queries.exclude})")
    return conditions, queries.params


def _where(conditions: Sequence[str]) -> str:
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


@dataclass(frozen=True)
class Allowed:
    """Which entry ids a filter lets through: its SQL on narrow indexes, and the stretch of
    ids (``floor`` < id <= ``highest``) that can hold any; ``highest`` is None for none."""

    flt: EntryFilter
    floor: int
    highest: int | None

    @property
    def nothing(self) -> bool:
        return self.highest is None

    def within(self, lower: int, upper: int) -> tuple[list[str], dict[str, Any]]:
        """Conditions on the index's rows in lower < rowid <= upper: the filter's, reading
        only that stretch of its indexes. A tag is looked up for each matching row (one
        probe of the links' key), since a year of ids read in full costs more than the
        matches of a rarer word in it (9 ms against 0.1 ms at 100,000 entries)."""
        queries = id_queries(replace(self.flt, tag=None), within=(lower, upper))
        params = dict(queries.params)
        key = f"{SEARCH_INDEX_TABLE}.rowid + 0"
        conditions: list[str] = []
        if self.flt.tag is not None:
            conditions.append(
                "EXISTS (SELECT * FROM entry_tags WHERE entry_tags.entry_id = "
                f"{SEARCH_INDEX_TABLE}.rowid AND entry_tags.tag_id = {_TAG_ID})"
            )
            params["tag"] = " ".join(self.flt.tag.split())
        if queries.include is not None:
            conditions.append(f"{key} IN ({queries.include})")
        if queries.exclude is not None:
            conditions.append(f"{key} NOT IN ({queries.exclude})")
        return conditions, params


@dataclass(frozen=True)
class ShownRow:
    """What a search hit shows: its headline, and its snippet as FTS5 gives it (highlight
    markers and Markdown in it: ``parse_snippet`` makes it plain text)."""

    entry_at: datetime
    title: str
    snippet: str
    time_zone: str | None = None
    is_all_day: bool = False


class JournalReads:
    """The journal's read queries, run through ``rows`` (one unit of work or connection)."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    # -- whole entries ----------------------------------------------------------------------
    def entries(self, ids: Sequence[int]) -> list[Entry]:
        """The whole entries of ``ids`` (without attachment data), in that order, those no
        longer there left out. Two queries, whatever the number (an export reads a few
        hundred at a time): the rows, then every attachment of theirs."""
        if not ids:
            return []
        listed = {"ids": _id_list(ids)}
        rows = self._rows(
            f"SELECT {_ENTRY_COLUMNS} FROM journal_entries "
            "WHERE journal_entries.id IN (SELECT value FROM json_each(:ids))",
            listed,
        )
        by_id = {int(row[0]): row for row in rows}
        attachments: dict[int, list[AttachmentInfo]] = {}
        if by_id:
            found = self._rows(
                f"SELECT {_ATTACHMENT_INFO_COLUMNS} FROM attachments "
                "WHERE attachments.entry_id IN (SELECT value FROM json_each(:ids)) "
                "ORDER BY attachments.id",
                {"ids": _id_list(list(by_id))},
            )
            for row in found:
                info = _attachment_info(row)
                attachments.setdefault(info.entry_id, []).append(info)
        return [
            _entry(by_id[entry_id], attachments.get(entry_id, ()))
            for entry_id in ids
            if entry_id in by_id
        ]

    # -- the timeline ---------------------------------------------------------------------
    def summaries(
        self,
        flt: EntryFilter,
        *,
        limit: int | None = None,
        after: tuple[datetime, int] | None = None,
    ) -> list[EntrySummary]:
        """Newest first, from after (entry_at, id) when given: keyset paging."""
        conditions, params = filter_conditions(flt)
        if after is not None:
            conditions.append(
                "(journal_entries.entry_at, journal_entries.id) < (:after_at, :after_id)"
            )
            params["after_at"], params["after_id"] = to_stored(after[0]), after[1]
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM journal_entries{_where(conditions)} {_NEWEST_FIRST}"
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return [_summary(row) for row in self._rows(sql, params)]

    def summaries_on(self, day: str) -> list[EntrySummary]:
        """The entries of one local day (YYYY-MM-DD), newest first."""
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM journal_entries "
            f"WHERE journal_entries.entry_day = :day {_NEWEST_FIRST}"
        )
        return [_summary(row) for row in self._rows(sql, {"day": day})]

    def summaries_on_dates(self, month_days: Sequence[str], before: str) -> list[EntrySummary]:
        """Entries on any of ``month_days`` ("MM-DD") of days before ``before``, newest first."""
        sql = (
            f"SELECT {_SUMMARY_COLUMNS} FROM journal_entries "
            "WHERE substr(journal_entries.entry_day, 6) IN (SELECT value FROM json_each(:days)) "
            f"AND journal_entries.entry_day < :before {_NEWEST_FIRST}"
        )
        params = {"days": json.dumps(list(month_days)), "before": before}
        return [_summary(row) for row in self._rows(sql, params)]

    def ids(self, flt: EntryFilter) -> list[int]:
        """The ids of the entries ``flt`` lets through, newest first (only the ids: no row
        of text is read)."""
        conditions, params = filter_conditions(flt)
        sql = f"SELECT journal_entries.id FROM journal_entries{_where(conditions)} {_NEWEST_FIRST}"
        return [int(row[0]) for row in self._rows(sql, params)]

    def count(self, flt: EntryFilter) -> int:
        queries = id_queries(flt)
        if queries.include is None:
            conditions, params = filter_conditions(flt)
            sql = f"SELECT count(journal_entries.id) FROM journal_entries{_where(conditions)}"
        else:
            # Counted on the narrow indexes the filter reads: every id there is an entry's.
            ids = queries.include
            if queries.exclude is not None:
                ids = f"{ids} EXCEPT {queries.exclude}"
            sql, params = f"SELECT count(*) FROM ({ids})", queries.params
        rows = self._rows(sql, params)
        return int(rows[0][0] or 0) if rows else 0

    # -- search -----------------------------------------------------------------------------
    def search(self, query: str, flt: EntryFilter, *, limit: int = 50) -> list[SearchHit]:
        """Entries where every word matches (the last one as a prefix), best match first.

        Ranked by bm25 among the newest ``CANDIDATES`` matches: exact for any query that
        matches fewer entries, the best of the recent ones for a common word.
        """
        parsed = build_match_query(query)
        if parsed.match is None or limit <= 0:
            return []
        allowed = self.allowed(flt)
        if allowed.nothing:
            return []
        # A prefix of three letters or more: searched as the words it starts (see
        # search_terms.py); "" when it starts none.
        expanded = self.expand_prefix(tokenizer(), parsed)
        match = parsed.match if expanded is None else expanded
        ranked = self.ranked_newest(match, allowed) if match else []
        if not ranked and parsed.fallback is not None:
            match = parsed.fallback  # a word half typed past its stem: "medicat"
            ranked = self.ranked_newest(match, allowed)
        scored = sorted(ranked, key=lambda pair: pair[1])
        if not scored:
            return []
        # Keep every row tied with the last one shown: ties go to the newest entry.
        shown = scored[:limit]
        shown += [pair for pair in scored[limit:] if pair[1] == shown[-1][1]]
        found = self.shown(match, [entry_id for entry_id, _ in shown])
        shown.sort(key=lambda pair: (pair[1], -found[pair[0]].entry_at.timestamp(), -pair[0]))
        hits = []
        for entry_id, _score in shown[:limit]:
            row = found[entry_id]
            text, highlights = parse_snippet(row.snippet)
            hits.append(
                SearchHit(
                    entry_id,
                    row.entry_at,
                    row.title,
                    text,
                    highlights,
                    row.time_zone,
                    row.is_all_day,
                )
            )
        return hits

    def allowed(self, flt: EntryFilter) -> Allowed:
        """One statement: the highest id, whether the filter lets any entry through (a tag
        nobody uses: no walk), and a date range's own stretch of ids (entries are mostly
        written in order), read from the entry-day index alone."""
        queries = id_queries(flt)
        dated = flt.since is not None or flt.until is not None
        date_only = dated and replace(flt, since=None, until=None) == EntryFilter()
        columns = ["(SELECT max(journal_entries.id) FROM journal_entries)"]
        if queries.include is not None and not date_only:  # dates alone: their ids say
            columns.append(f"EXISTS ({queries.include})")
        days = []
        if flt.since is not None:
            days.append("journal_entries.entry_day >= :since")
        if flt.until is not None:
            days.append("journal_entries.entry_day <= :until")
        sql = f"SELECT {', '.join(columns)}"
        if dated:
            sql = (
                f"SELECT {', '.join(columns)}, stretch.low, stretch.high FROM (SELECT "
                "min(journal_entries.id) AS low, max(journal_entries.id) AS high "
                f"FROM journal_entries{_where(days)}) AS stretch"
            )
        row = self._rows(sql, queries.params)[0]
        highest, floor = row[0], 0
        if len(columns) > 1 and not row[1]:
            highest = None
        if highest is not None and dated:
            low, high = row[-2:]
            if low is None:
                highest = None
            else:
                highest, floor = min(int(highest), int(high)), int(low) - 1
        return Allowed(flt, floor, None if highest is None else int(highest))

    def ranked_newest(
        self, match: str, allowed: Allowed, count: int | None = None
    ) -> list[tuple[int, float]]:
        """(id, bm25 score) of the newest ``count`` (CANDIDATES) matching entries that are
        ``allowed``, in no set order: ``rank(match, newest_matches(match, allowed, count))``.

        One statement where it can: FTS5 walks newest first and stops at ``count``, with
        bm25 for the rows it returns. Ranking apart re-walked the candidates' stretch of the
        index (a rare phrase's is the whole journal: 1.5 ms at 100,000 entries) and took a
        round trip. A date filter keeps the walk in windows: its ids are checked against a
        set made for each window, and made once for a whole year it cost more."""
        count = CANDIDATES if count is None else count
        if allowed.highest is None:
            return []
        if allowed.flt.since is not None or allowed.flt.until is not None:
            return self.rank(match, self.newest_matches(match, allowed, count))
        conditions, params = allowed.within(allowed.floor, allowed.highest)
        weights = ", ".join(repr(weight) for weight in RANK_WEIGHTS)
        fts = SEARCH_INDEX_TABLE
        sql = (
            f"SELECT {fts}.rowid, bm25({fts}, {weights}) FROM {fts} "
            f"WHERE ({fts} MATCH :match) AND {fts}.rowid > :window_low "
            f"AND {fts}.rowid <= :window_high"
            + "".join(f" AND {condition}" for condition in conditions)
            + f" ORDER BY {fts}.rowid DESC LIMIT :count"
        )
        params.update(
            match=match, window_low=allowed.floor, window_high=allowed.highest, count=count
        )
        return [(int(i), float(score)) for i, score in self._rows(sql, params)]

    def newest_matches(self, match: str, allowed: Allowed, count: int | None = None) -> list[int]:
        """The ids of the newest ``count`` (CANDIDATES) matching entries that are
        ``allowed`` (oldest first), found walking ascending in windows of ids that widen
        until there are enough: a date filter's ids are checked against a set made for each
        window (``ranked_newest`` walks newest first otherwise)."""
        count = CANDIDATES if count is None else count
        if allowed.highest is None:
            return []
        floor = allowed.floor
        found: list[int] = []
        upper, window = allowed.highest, count * 4
        while True:
            lower = max(upper - window, floor)
            conditions, params = allowed.within(lower, upper)
            sql = (
                f"SELECT {SEARCH_INDEX_TABLE}.rowid FROM {SEARCH_INDEX_TABLE} "
                f"WHERE ({SEARCH_INDEX_TABLE} MATCH :match) AND {SEARCH_INDEX_TABLE}.rowid > "
                f":window_low AND {SEARCH_INDEX_TABLE}.rowid <= :window_high"
                + "".join(f" AND {condition}" for condition in conditions)
                + f" ORDER BY {SEARCH_INDEX_TABLE}.rowid"
            )
            params.update(match=match, window_low=lower, window_high=upper)
            found = [int(row[0]) for row in self._rows(sql, params)] + found
            if len(found) >= count or lower == floor:
                return found[-count:]
            upper, window = lower, _next_window(window, allowed.highest - lower, len(found), count)

    def rank(self, match: str, candidates: Sequence[int]) -> list[tuple[int, float]]:
        """(id, bm25 score) of each candidate (all of which match); lower scores are better."""
        if not candidates:
            return []
        weights = ", ".join(repr(weight) for weight in RANK_WEIGHTS)
        sql = (
            f"SELECT {SEARCH_INDEX_TABLE}.rowid, bm25({SEARCH_INDEX_TABLE}, {weights}) "
            + self._among_candidates()
        )
        params = {"match": match, "low": min(candidates), "high": max(candidates)}
        params["ids"] = _id_list(candidates)
        return [(int(i), float(s)) for i, s in self._rows(sql, params)]

    def shown(self, match: str, ids: Sequence[int]) -> dict[int, ShownRow]:
        """What the hits of ``ids`` (which must match) show.

        One statement: a snippet reads the entry's row to re-tokenise its body, and the
        headline (date, title) is read from that same row, one page decrypted for both; read
        apart, the headlines took a page decryption each again once the cache had moved on
        (0.6 ms a search at 100,000 entries). A snippet costs about 40 µs, so only the rows
        shown get one.

        Ids spread thinly over the journal (a rare phrase's, or two words seldom together)
        are each sought by FTS5 rather than walked to: walking from the first to the last
        reads both words' lists in between, up to 1.5 ms for a phrase of two common words
        across 100,000 entries, against 0.5-1.4 ms for 50 seeks. A seek sets up every word
        of the query again, though (a prefix searched as 41 words: 0.9 ms a seek), so only a
        query of a few words and no alternatives seeks, and only ids far apart: close
        together, the walk is cheaper."""
        if not ids:
            return {}
        fts = SEARCH_INDEX_TABLE
        seek = max(ids) - min(ids) > SEEK_SPAN_PER_ID * len(ids) and _few_words(match)
        sql = (
            f"SELECT {fts}.rowid, snippet({fts}, {SNIPPET_COLUMN}, :open, :close, :ellipsis, "
            f"{SNIPPET_TOKENS}), journal_entries.entry_at, journal_entries.title, "
            "journal_entries.time_zone, journal_entries.is_all_day "
            # CROSS JOIN: FTS5 drives, each row it finds looked up by id (never a scan).
            f"FROM {fts} CROSS JOIN journal_entries ON journal_entries.id = {fts}.rowid "
            + (
                f"WHERE ({fts} MATCH :match) AND {fts}.rowid IN (SELECT value FROM json_each(:ids))"
                if seek
                else self._where_among_candidates()
            )
        )
        params = {"match": match, "low": min(ids), "high": max(ids), "ids": _id_list(ids)}
        params.update(open=HIGHLIGHT_OPEN, close=HIGHLIGHT_CLOSE, ellipsis=ELLIPSIS)
        return {
            int(row[0]): ShownRow(from_stored(row[2]), row[3], row[1] or "", row[4], bool(row[5]))
            for row in self._rows(sql, params)
        }

    @staticmethod
    def _among_candidates() -> str:
        """FROM and WHERE of a query on matching rows among ``:ids`` (a JSON list), checked
        by SQLite during FTS5's walk of ``:low``..``:high`` (see above)."""
        return f"FROM {SEARCH_INDEX_TABLE} " + JournalReads._where_among_candidates()

    @staticmethod
    def _where_among_candidates() -> str:
        return (
            f"WHERE ({SEARCH_INDEX_TABLE} MATCH :match) "
            f"AND {SEARCH_INDEX_TABLE}.rowid BETWEEN :low AND :high "
            f"AND {SEARCH_INDEX_TABLE}.rowid + 0 IN (SELECT value FROM json_each(:ids))"
        )

    # -- prefixes as the words they start (search_terms.py) ------------------------------
    def expand_prefix(self, words_of: Tokenizer, parsed: ParsedQuery) -> str | None:
        """``parsed.match`` with its prefix searched as the index words it starts: "" when
        there are none (nothing matches), None to leave the prefix to FTS5 (a short prefix,
        words not all learnt yet, too many words, or a word FTS5 cannot be asked for
        exactly)."""
        if not parsed.prefix_parts or len(parsed.prefix_parts[-1]) < EXPAND_FROM:
            return None
        typed = parsed.prefix_parts[-1]
        start = words_of.prefix(typed)
        if start is None or len(start) < EXPAND_FROM:
            return None
        words = self.words_starting(start)
        if not words:
            return None if words is None else ""
        # A query word is stemmed again by FTS5, and Porter does not always leave a stem as
        # it is ("nurse" is stored as "nurs", and "nurs" asked for is "nur"). ``start``
        # itself is asked for as typed ("nurse" is "nurs" again); any other such word as a
        # word Porter turns into it ("nurse", see RESPELLINGS), else as a prefix of itself,
        # which FTS5 shortens to a prefix still within ``start``. Such a prefix reads the
        # doclists of every word it starts, whatever part of the journal is looked at (no
        # prefix index that long): "wors" * cost 7 ms to walk and 10 ms to rank at 100,000
        # entries, "worse" 0.3 ms.
        exact = set(words_of.forms(" ".join(words))) == set(words)  # the usual case at once
        asked: list[tuple[str, bool]] = []
        for word in words:
            if word == start:
                asked.append((typed, True))
            elif exact or words_of.forms(word) == (word,):
                asked.append((word, True))
            elif (spelled := _respelled(words_of, word)) is not None:
                asked.append((spelled, True))
            elif len(asked_for := words_of.forms(word)) == 1 and asked_for[0].startswith(start):
                asked.append((word, False))
            else:
                return None
        return parsed.with_prefix_as(asked)

    def words_starting(self, start: str) -> list[str] | None:
        """The index's words that begin with ``start`` (in the index's form); None when they
        may not all be known (entries wait to be learnt) or are too many to list."""
        if ord(start[-1]) >= 0x10FFFF:
            return None
        after = start[:-1] + chr(ord(start[-1]) + 1)  # code point order is the index's order
        terms = f"{SEARCH_INDEX_TABLE}_terms.term"
        # The words, and a row (1, NULL) when entries wait to be learnt: one round trip.
        sql = (
            f"SELECT NULL, term FROM (SELECT {terms} AS term FROM {SEARCH_INDEX_TABLE}_terms "
            f"WHERE {terms} >= :start AND {terms} < :after LIMIT :most) "
            f"UNION ALL SELECT 1, NULL "
            f"WHERE EXISTS (SELECT * FROM {SEARCH_INDEX_TABLE}_pending)"
        )
        rows = self._rows(sql, {"start": start, "after": after, "most": MAX_PREFIX_WORDS + 1})
        if any(row[0] is not None for row in rows):
            return None
        found = [str(row[1]) for row in rows]
        return None if len(found) > MAX_PREFIX_WORDS else found

    def _scalar(self, sql: str, params: Mapping[str, Any]) -> Any:
        rows = self._rows(sql, params)
        return rows[0][0] if rows else None


def _few_words(match: str) -> bool:
    """Whether ``match`` (as build_match_query writes it) is at most SEEK_MOST_WORDS words,
    all of which must match: no alternatives (OR) and no prefix (*)."""
    if " OR " in match or "*" in match:
        return False
    return sum(len(text.split()) for text in _QUOTED.findall(match)) <= SEEK_MOST_WORDS


_QUOTED = re.compile(r'"((?:[^"]|"")*)"')


def _respelled(words_of: Tokenizer, word: str) -> str | None:
    """A word that the tokenizer turns into exactly ``word`` (an index word it would not
    leave as it is), or None."""
    for ending in RESPELLINGS:
        if words_of.forms(word + ending) == (word,):
            return word + ending
    return None


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
