"""Issue 17 made search cheaper: the newest matches ranked in the statement that finds them,
headlines read with the snippets, thinly spread rows sought rather than walked to. What a
search returns must not change: hits, their order, dates, titles, snippets and highlights
are compared with the pipeline as it was (kept here as the reference) for many queries,
filters and limits, on a journal with ties, entries written out of order, favourites,
attachments and tags."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.journal import reads as reads_module
from carecompanion.journal.entries import SearchHit
from carecompanion.journal.reads import (
    SNIPPET_COLUMN,
    SNIPPET_TOKENS,
    Allowed,
    JournalReads,
    id_queries,
)
from carecompanion.journal.search import (
    ELLIPSIS,
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    build_match_query,
    parse_snippet,
)
from carecompanion.journal.search_terms import tokenizer
from carecompanion.journal.service import EntryDraft, EntryFilter, JournalService
from carecompanion.storage.stored_time import from_stored
from tests.journal.conftest import NEW_YORK

START = datetime(2024, 1, 1, 9, 0, tzinfo=NEW_YORK)
WORDS = [
    "the",
    "then",
    "there",
    "them",
    "walk",
    "walker",
    "walking",
    "nurse",
    "nursery",
    "pharmacy",
    "tablets",
    "tired",
    "sleep",
    "slept",
    "garden",
    "mum",
    "dad",
    "worse",
    "worried",
    "dementia",
    "café",
    "naïve",
    "group",
    "support",
    "morning",
]
TAGS = ("sleep", "falls", "hard days", "food")


def _diary(journal: JournalService) -> None:
    """60 entries: mostly in order, some written later about earlier days, a few exact
    twins (ties in rank), tags, favourites and attachments."""
    rng = random.Random(17)
    drafts = []
    for n in range(54):
        day = n if n % 9 else n - 30  # every ninth written about a day well before
        words = rng.choices(WORDS, k=rng.randint(3, 40))
        drafts.append(
            EntryDraft(
                " ".join(rng.sample(WORDS, 2)).capitalize(),
                " ".join(words) + ".",
                START + timedelta(days=day, hours=rng.randint(0, 12)),
                tags=tuple(rng.sample(TAGS, rng.choice((0, 1, 2)))),
                is_favourite=rng.random() < 0.2,
            )
        )
    twin = EntryDraft("Twin", "the walk with mum, and the walk back", START)
    drafts += [twin] * 3 + [EntryDraft("Twin", twin.body, START + timedelta(days=5))] * 3
    ids = journal.add_drafts(drafts)
    for entry_id in ids[::7]:
        journal.add_attachment(entry_id, "note.txt", "text/plain", b"note")


def old_search(reads: JournalReads, query: str, flt: EntryFilter, limit: int) -> list[SearchHit]:
    """JournalReads.search as it was before issue 17's changes (the expansion of a prefix,
    the walk for the newest matches and bm25's ranking as they are: each is tested apart)."""
    parsed = build_match_query(query)
    if parsed.match is None or limit <= 0:
        return []
    allowed = old_allowed(reads, flt)
    expanded = reads.expand_prefix(tokenizer(), parsed)
    match = parsed.match if expanded is None else expanded
    candidates = reads.newest_matches(match, allowed) if match else []
    if not candidates and parsed.fallback is not None:
        match = parsed.fallback
        candidates = reads.newest_matches(match, allowed)
    scored = sorted(reads.rank(match, candidates), key=lambda pair: pair[1])
    if not scored:
        return []
    shown = scored[:limit]
    shown += [pair for pair in scored[limit:] if pair[1] == shown[-1][1]]
    details = _headlines(reads, [entry_id for entry_id, _ in shown])
    shown.sort(key=lambda pair: (pair[1], -details[pair[0]][0].timestamp(), -pair[0]))
    shown = shown[:limit]
    texts = _snippets(reads, match, [entry_id for entry_id, _ in shown])
    hits = []
    for entry_id, _score in shown:
        entry_at, title, time_zone, is_all_day = details[entry_id]
        text, highlights = parse_snippet(texts.get(entry_id) or "")
        hits.append(SearchHit(entry_id, entry_at, title, text, highlights, time_zone, is_all_day))
    return hits


def old_allowed(reads: JournalReads, flt: EntryFilter) -> Allowed:
    """JournalReads.allowed as it was before issue 17's changes (three statements)."""
    queries = id_queries(flt)
    highest = reads._scalar("SELECT max(journal_entries.id) FROM journal_entries", {})
    floor = 0
    if highest is not None and queries.include is not None:
        any_id = f"SELECT 1 FROM ({queries.include}) LIMIT 1"
        if reads._scalar(any_id, queries.params) is None:
            highest = None
    if highest is not None and (flt.since is not None or flt.until is not None):
        days, params = [], {}
        if flt.since is not None:
            days.append("journal_entries.entry_day >= :since")
            params["since"] = flt.since.isoformat()
        if flt.until is not None:
            days.append("journal_entries.entry_day <= :until")
            params["until"] = flt.until.isoformat()
        low, high = reads._rows(
            "SELECT min(journal_entries.id), max(journal_entries.id) FROM journal_entries"
            f" WHERE {' AND '.join(days)}",
            params,
        )[0]
        if low is None:
            highest = None
        else:
            highest, floor = min(int(highest), int(high)), int(low) - 1
    return Allowed(flt, floor, None if highest is None else int(highest))


def _headlines(
    reads: JournalReads, ids: Sequence[int]
) -> dict[int, tuple[datetime, str, str | None, bool]]:
    rows = reads._rows(
        "SELECT id, entry_at, title, time_zone, is_all_day FROM journal_entries "
        "WHERE id IN (SELECT value FROM json_each(:ids))",
        {"ids": str(list(ids))},
    )
    return {int(r[0]): (from_stored(r[1]), r[2], r[3], bool(r[4])) for r in rows}


def _snippets(reads: JournalReads, match: str, ids: Sequence[int]) -> dict[int, str]:
    rows = reads._rows(
        f"SELECT rowid, snippet(journal_fts, {SNIPPET_COLUMN}, :open, :close, :ellipsis, "
        f"{SNIPPET_TOKENS}) FROM journal_fts WHERE (journal_fts MATCH :match) "
        "AND rowid BETWEEN :low AND :high "
        "AND rowid + 0 IN (SELECT value FROM json_each(:ids))",
        {
            "match": match,
            "low": min(ids),
            "high": max(ids),
            "ids": str(list(ids)),
            "open": HIGHLIGHT_OPEN,
            "close": HIGHLIGHT_CLOSE,
            "ellipsis": ELLIPSIS,
        },
    )
    return {int(r[0]): str(r[1]) for r in rows}


QUERIES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: w[: max(2, len(w) - 2)]),  # still being typed
    st.sampled_from(WORDS).map(lambda w: w + " "),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(" ".join),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(lambda p: f'"{p[0]} {p[1]}"'),
    st.sampled_from(["medicat", "walkin", "nurs", "wors", "th", "zz", "the walk", "Twin"]),
    st.text(max_size=12),
)
FILTERS = st.builds(
    EntryFilter,
    tag=st.sampled_from([None, None, *TAGS, "nobody"]),
    since=st.sampled_from([None, None, date(2024, 1, 20), date(2024, 3, 1)]),
    until=st.sampled_from([None, None, date(2024, 1, 10), date(2024, 2, 15)]),
    favourites_only=st.booleans(),
    has_attachment=st.sampled_from([None, None, True, False]),
)


@pytest.mark.parametrize("seek_span", [0, 10**9], ids=["seeking", "walking"])
@settings(max_examples=250, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=QUERIES,
    flt=FILTERS,
    limit=st.sampled_from([1, 2, 4, 50]),
    candidates=st.sampled_from([3, 8, 500]),
)
def test_search_returns_what_it_did(
    journal: JournalService,
    monkeypatch: pytest.MonkeyPatch,
    seek_span: int,
    query: str,
    flt: EntryFilter,
    limit: int,
    candidates: int,
) -> None:
    if journal.count() == 0:
        _diary(journal)
    monkeypatch.setattr(reads_module, "SEEK_SPAN_PER_ID", seek_span)
    monkeypatch.setattr(reads_module, "CANDIDATES", candidates)
    with journal.reading() as reads:
        expected = old_search(reads, query, flt, limit)
    assert journal.search(query, flt, limit=limit) == expected


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=FILTERS)
def test_allowed_is_what_it_was(journal: JournalService, flt: EntryFilter) -> None:
    if journal.count() == 0:
        _diary(journal)
    with journal.reading() as reads:
        assert reads.allowed(flt) == old_allowed(reads, flt)


def test_allowed_on_an_empty_journal(journal: JournalService) -> None:
    with journal.reading() as reads:
        for flt in (EntryFilter(), EntryFilter(tag="x"), EntryFilter(since=date(2024, 1, 1))):
            assert reads.allowed(flt) == old_allowed(reads, flt)
            assert reads.allowed(flt).nothing


def test_the_diary_has_ties_across_the_limit(journal: JournalService) -> None:
    """The comparison above meets what it is there for: rows tied in rank across the limit,
    the newest of them shown first."""
    _diary(journal)
    with journal.reading() as reads:
        allowed = reads.allowed(EntryFilter())
        scores = [score for _id, score in reads.ranked_newest('"twin"', allowed)]
    assert len(scores) == 6 and len(set(scores)) == 1
    hits = journal.search("Twin", limit=4)
    assert [hit.title for hit in hits] == ["Twin"] * 4
    assert [hit.entry_at for hit in hits[:3]] == [START + timedelta(days=5)] * 3
    assert hits[3].entry_at == START


@pytest.mark.parametrize(
    ("typed", "seeks"),
    [
        ('"group tired"', True),  # a phrase: few words, all of which must match
        ("patient dementia ", True),
        ("tired group sleep ", True),
        ('"one two three four"', False),  # every word is set up again at each seek
        ("tired gro", False),  # a prefix: FTS5's own, or the words it starts (OR)
        ('"cats OR dogs"', False),  # looks like alternatives: walked, to be safe
    ],
)
def test_only_queries_of_few_words_seek(typed: str, seeks: bool) -> None:
    match = build_match_query(typed).match
    assert match is not None
    assert reads_module._few_words(match) is seeks
