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

- bm25() reads each query word's whole doclist once (for its weight), then about 1 µs per
  row, so a common word (in 40,000 entries) cannot be ranked in full: only the newest
  ``CANDIDATES`` matches (by entry id, i.e. as written) are.
- FTS5 walks a prefix query ("demen" *) lazily in ascending rowid order only; asked for the
  newest first it builds the whole merged doclist, ~400 ms. So the newest matches are found
  by walking ascending from a lower rowid bound, widening the window until there are enough.
  A prefix with no prefix index of its length merges the doclists of every word it starts,
  whatever the window: such a prefix is searched as those words instead (search_terms.py).
- Every row looked up in journal_entries decrypts a page, so entries are never joined: a
  filter stays SQL on narrow indexes, checked inside FTS5's own walk.
- FTS5 steps through a rowid range cheaply but seeks a list of rowids slowly (a fresh query
  per id: 0.7 s for the 500 newest ids of a common word at 20,000 entries, against 2 ms).
  So a list of ids is never handed to FTS5 as a constraint: "rowid + 0 IN (...)" is an
  expression FTS5 does not see, which SQLite checks row by row during the range walk, and
  bm25() and snippet() then run for those rows only.
- A row handed to Python costs more than FTS5 spends finding it: only wanted rows leave
  SQLite, and an id list goes in as one JSON parameter.
"""

from __future__ import annotations

import json
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
# More words than this, and the prefix is left to FTS5 (a short prefix: two letters have an
# index of their own, and bm25 reads each word's whole doclist once).
MAX_PREFIX_WORDS = 64
# A prefix this long or longer is searched as the words it starts; a shorter one has a
# prefix index of its own (migration 0011).
EXPAND_FROM = 3

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
class Headline:
    """What a search hit shows besides its snippet."""

    entry_at: datetime
    title: str
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
        # A prefix of three letters or more: searched as the words it starts (see
        # search_terms.py); "" when it starts none.
        expanded = self.expand_prefix(tokenizer(), parsed)
        match = parsed.match if expanded is None else expanded
        candidates = self.newest_matches(match, allowed) if match else []
        if not candidates and parsed.fallback is not None:
            match = parsed.fallback  # a word half typed past its stem: "medicat"
            candidates = self.newest_matches(match, allowed)
        scored = sorted(self.rank(match, candidates), key=lambda pair: pair[1])
        if not scored:
            return []
        # Keep every row tied with the last one shown: ties go to the newest entry.
        shown = scored[:limit]
        shown += [pair for pair in scored[limit:] if pair[1] == shown[-1][1]]
        details = self.headlines([entry_id for entry_id, _ in shown])
        shown.sort(key=lambda pair: (pair[1], -details[pair[0]].entry_at.timestamp(), -pair[0]))
        shown = shown[:limit]
        texts = self.snippets(match, [i for i, _ in shown])
        hits = []
        for entry_id, _score in shown:
            headline = details[entry_id]
            text, highlights = parse_snippet(texts.get(entry_id) or "")
            hits.append(
                SearchHit(
                    entry_id,
                    headline.entry_at,
                    headline.title,
                    text,
                    highlights,
                    headline.time_zone,
                    headline.is_all_day,
                )
            )
        return hits

    def allowed(self, flt: EntryFilter) -> Allowed:
        queries = id_queries(flt)
        highest = self._scalar("SELECT max(journal_entries.id) FROM journal_entries", {})
        floor = 0
        if highest is not None and queries.include is not None:
            any_id = f"SELECT 1 FROM ({queries.include}) LIMIT 1"
            if self._scalar(any_id, queries.params) is None:  # a tag nobody uses: no walk
                highest = None
        if highest is not None and (flt.since is not None or flt.until is not None):
            # A date range keeps to its own stretch of ids (entries are mostly written in
            # order), read from the entry-day index alone.
            days, params = [], {}
            if flt.since is not None:
                days.append("journal_entries.entry_day >= :since")
                params["since"] = flt.since.isoformat()
            if flt.until is not None:
                days.append("journal_entries.entry_day <= :until")
                params["until"] = flt.until.isoformat()
            low, high = self._rows(
                "SELECT min(journal_entries.id), max(journal_entries.id) FROM journal_entries"
                + _where(days),
                params,
            )[0]
            if low is None:
                highest = None
            else:
                highest, floor = min(int(highest), int(high)), int(low) - 1
        return Allowed(flt, floor, None if highest is None else int(highest))

    def newest_matches(self, match: str, allowed: Allowed, count: int | None = None) -> list[int]:
        """The ids of the newest ``count`` (CANDIDATES) matching entries that are
        ``allowed`` (oldest first)."""
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

    def snippets(self, match: str, ids: Sequence[int]) -> dict[int, str]:
        """FTS5 snippets of the bodies of ``ids`` (which must match), with highlight markers.
        A snippet re-reads and re-tokenises a body, so only the rows shown get one."""
        if not ids:
            return {}
        sql = (
            f"SELECT {SEARCH_INDEX_TABLE}.rowid, snippet({SEARCH_INDEX_TABLE}, "
            f"{SNIPPET_COLUMN}, :open, :close, :ellipsis, {SNIPPET_TOKENS}) "
            + self._among_candidates()
        )
        params = {"match": match, "low": min(ids), "high": max(ids), "ids": _id_list(ids)}
        params.update(open=HIGHLIGHT_OPEN, close=HIGHLIGHT_CLOSE, ellipsis=ELLIPSIS)
        return {int(i): str(text) for i, text in self._rows(sql, params)}

    @staticmethod
    def _among_candidates() -> str:
        """FROM and WHERE of a query on matching rows among ``:ids`` (a JSON list), checked
        by SQLite during FTS5's walk of ``:low``..``:high`` (see above)."""
        return (
            f"FROM {SEARCH_INDEX_TABLE} WHERE ({SEARCH_INDEX_TABLE} MATCH :match) "
            f"AND {SEARCH_INDEX_TABLE}.rowid BETWEEN :low AND :high "
            f"AND {SEARCH_INDEX_TABLE}.rowid + 0 IN (SELECT value FROM json_each(:ids))"
        )

    def headlines(self, ids: Sequence[int]) -> dict[int, Headline]:
        sql = (
            "SELECT journal_entries.id, journal_entries.entry_at, journal_entries.title, "
            "journal_entries.time_zone, journal_entries.is_all_day FROM journal_entries "
            "WHERE journal_entries.id IN (SELECT value FROM json_each(:ids))"
        )
        return {
            int(row[0]): Headline(from_stored(row[1]), row[2], row[3], bool(row[4]))
            for row in self._rows(sql, {"ids": _id_list(ids)})
        }

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
        # prefix of itself, which FTS5 shortens to a prefix still within ``start``.
        exact = set(words_of.words([" ".join(words)])) == set(words)  # the usual case at once
        asked: list[tuple[str, bool]] = []
        for word in words:
            if word == start:
                asked.append((typed, True))
                continue
            asked_for = [word] if exact else words_of.words([word])
            if asked_for == [word]:
                asked.append((word, True))
            elif len(asked_for) == 1 and asked_for[0].startswith(start):
                asked.append((word, False))
            else:
                return None
        return parsed.with_prefix_as(asked)

    def words_starting(self, start: str) -> list[str] | None:
        """The index's words that begin with ``start`` (in the index's form); None when they
        may not all be known (entries wait to be learnt) or are too many to list."""
        pending = (
            f"SELECT {SEARCH_INDEX_TABLE}_pending.id FROM {SEARCH_INDEX_TABLE}_pending LIMIT 1"
        )
        if self._rows(pending, {}):
            return None
        if ord(start[-1]) >= 0x10FFFF:
            return None
        after = start[:-1] + chr(ord(start[-1]) + 1)  # code point order is the index's order
        terms = f"{SEARCH_INDEX_TABLE}_terms.term"
        sql = (
            f"SELECT {terms} FROM {SEARCH_INDEX_TABLE}_terms "
            f"WHERE {terms} >= :start AND {terms} < :after LIMIT :most"
        )
        found = [
            str(row[0])
            for row in self._rows(
                sql, {"start": start, "after": after, "most": MAX_PREFIX_WORDS + 1}
            )
        ]
        return None if len(found) > MAX_PREFIX_WORDS else found

    def _scalar(self, sql: str, params: Mapping[str, Any]) -> Any:
        rows = self._rows(sql, params)
        return rows[0][0] if rows else None


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
