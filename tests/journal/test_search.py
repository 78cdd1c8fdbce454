"""Full-text search through the service: matching, ranking, snippets, filters, safety."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.journal import reads
from carecompanion.journal import service as service_module
from carecompanion.journal.service import EntryDraft, EntryFilter, JournalService
from carecompanion.storage.database import Database
from carecompanion.vault.vault import UnlockedVault
from tests.journal.conftest import NEW_YORK
from tests.journal.index_check import assert_index_matches_entries

EVENING = datetime(2025, 11, 3, 21, 0, tzinfo=NEW_YORK)


@pytest.fixture
def diary(journal: JournalService) -> dict[str, int]:
    entries = {
        "fall": (
            "The first fall",
            "He slipped in the bathroom tonight. No bones broken, but I keep shaking.",
            ("falls", "worried"),
        ),
        "meds": (
            "Medication change",
            "From today the morning tablet moves to after breakfast. Watch for nausea.",
            ("medication",),
        ),
        "group": (
            "Support group",
            "Someone said *you are allowed to be tired* and I nearly "
            "cried. We talked about falls at home.",
            ("support group",),
        ),
        "cafe": ("Café", "Naïve hope: a quiet coffee with Maria.", ()),
        "respite": (
            "Respite plan",
            "Sam can take Saturday morning. I will sleep in.",
            ("respite", "falls"),
        ),
    }
    ids = {}
    for offset, (key, (title, body, tags)) in enumerate(entries.items()):
        ids[key] = journal.add(title, body, tags, entry_at=EVENING + timedelta(days=offset)).id
    return ids


def titles(hits: list[service_module.SearchHit]) -> list[str]:
    return [hit.title for hit in hits]


def test_every_word_must_match(journal: JournalService, diary: dict[str, int]) -> None:
    assert titles(journal.search("bathroom shaking")) == ["The first fall"]
    assert journal.search("bathroom coffee") == []


def test_stems_prefixes_and_diacritics(journal: JournalService, diary: dict[str, int]) -> None:
    assert titles(journal.search("slipping ")) == ["The first fall"]  # porter: slip
    assert titles(journal.search("medicat")) == ["Medication change"]  # still typing
    assert titles(journal.search("bathr")) == ["The first fall"]
    assert journal.search("bathr ") == []  # a finished word is not a prefix
    assert titles(journal.search("cafe naive")) == ["Café"]
    assert titles(journal.search("CAFÉ")) == ["Café"]


def test_phrases(journal: JournalService, diary: dict[str, int]) -> None:
    assert titles(journal.search('"allowed to be tired"')) == ["Support group"]
    assert journal.search('"tired allowed"') == []


def test_title_outranks_tags_outranks_body(journal: JournalService) -> None:
    when = EVENING
    in_body = journal.add("Tuesday", "We spoke about the garden at length today.", entry_at=when).id
    in_tags = journal.add("Wednesday", "Nothing much.", ["garden"], entry_at=when).id
    in_title = journal.add("Garden", "Nothing much either.", entry_at=when).id
    assert [hit.id for hit in journal.search("garden")] == [in_title, in_tags, in_body]


def test_equal_ranks_show_the_newest_first(journal: JournalService) -> None:
    ids = [
        journal.add("Same", "same words", entry_at=EVENING + timedelta(days=d)).id
        for d in (1, 3, 2)
    ]
    assert [hit.id for hit in journal.search("same")] == [ids[1], ids[2], ids[0]]


def test_snippets_are_plain_text_with_highlights(
    journal: JournalService, diary: dict[str, int]
) -> None:
    (hit,) = journal.search("allowed tired")
    assert hit.id == diary["group"]
    assert hit.entry_at == EVENING + timedelta(days=2)
    assert "*" not in hit.snippet
    marked = [hit.snippet[start:end] for start, end in hit.highlights]
    assert marked == ["allowed", "tired"]
    (phrase_hit,) = journal.search('"nearly cried"')
    assert [phrase_hit.snippet[s:e] for s, e in phrase_hit.highlights] == ["nearly cried"]


def test_a_title_only_match_shows_the_start_of_the_body(
    journal: JournalService, diary: dict[str, int]
) -> None:
    (hit,) = journal.search("respite plan")
    assert hit.snippet.startswith("Sam can take Saturday morning.")
    assert hit.highlights == ()


def test_long_bodies_get_a_short_snippet(journal: JournalService) -> None:
    body = " ".join(["filler"] * 500 + ["needle"] + ["filler"] * 500)
    journal.add("long", body)
    (hit,) = journal.search("needle")
    assert len(hit.snippet.split()) <= 25
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["needle"]


def test_filters_apply(journal: JournalService, diary: dict[str, int]) -> None:
    assert set(titles(journal.search("falls"))) == {
        "The first fall",
        "Support group",
        "Respite plan",
    }
    assert titles(journal.search("falls", EntryFilter(tag="respite"))) == ["Respite plan"]
    day = (EVENING + timedelta(days=2)).date()
    assert titles(journal.search("falls", EntryFilter(since=day, until=day))) == ["Support group"]
    assert journal.search("falls", EntryFilter(until=date(2025, 11, 2))) == []
    journal.update(diary["fall"], is_favourite=True)
    assert titles(journal.search("fall", EntryFilter(favourites_only=True))) == ["The first fall"]
    journal.add_attachment(diary["respite"], "plan.txt", "text/plain", b"plan")
    assert titles(journal.search("falls", EntryFilter(has_attachment=True))) == ["Respite plan"]


def test_limit(journal: JournalService) -> None:
    journal.add_drafts(
        [EntryDraft(f"walk {i}", "a walk", EVENING + timedelta(hours=i)) for i in range(30)]
    )
    assert len(journal.search("walk")) == 30
    assert len(journal.search("walk", limit=7)) == 7
    assert journal.search("walk", limit=0) == []


def test_ranking_is_bounded_to_the_newest_matches(
    journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reads, "CANDIDATES", 5)
    ids = journal.add_drafts(
        [EntryDraft("note", "tea", EVENING + timedelta(days=i)) for i in range(8)]
    )
    best_but_old = journal.add("tea tea tea", "tea tea", ["tea"], entry_at=EVENING)
    # Every match is still found when there are few of them, filters included ...
    assert {hit.id for hit in journal.search("tea", EntryFilter(tag="tea"))} == {best_but_old.id}
    # ... and with many, the newest (by id) are ranked.
    found = [hit.id for hit in journal.search("tea")]
    assert found[0] == best_but_old.id and len(found) == 5
    assert set(found) == {best_but_old.id, *ids[-4:]}


def test_edits_and_deletes_are_searchable_at_once(journal: JournalService) -> None:
    entry = journal.add("Draft", "first version")
    journal.update(entry.id, body="second version", tags=["edited"])
    assert journal.search("first") == []
    assert [hit.id for hit in journal.search("second edited")] == [entry.id]
    journal.delete(entry.id)
    assert journal.search("second") == []


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '""',
        "'",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "a AND",
        "NEAR(a b)",
        "*",
        "a*",
        "-a",
        "(",
        ")",
        "a:b",
        "title:",
        "^a",
        "+",
        "{title body}: x",
        "\x00",
        "💙",
        'a"b"c',
        "\\",
    ],
)
def test_syntax_characters_never_raise(
    journal: JournalService, diary: dict[str, int], typed: str
) -> None:
    hits = journal.search(typed)
    assert len(hits) <= journal.count()


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(max_size=60), tag=st.sampled_from([None, "falls", "nobody"]))
def test_arbitrary_text_never_raises_nor_finds_more_than_the_listing(
    journal: JournalService, diary: dict[str, int], typed: str, tag: str | None
) -> None:
    flt = EntryFilter(tag=tag)
    listed = {summary.id for summary in journal.list_summaries(flt)}
    found = [hit.id for hit in journal.search(typed, flt)]
    assert len(found) == len(set(found))
    assert set(found) <= listed


def test_old_matches_are_found_behind_many_newer_entries(
    journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newest matches are looked for in ever wider windows of ids, back to the first."""
    monkeypatch.setattr(reads, "CANDIDATES", 3)
    oldest = journal.add("lighthouse", "", entry_at=EVENING).id
    journal.add_drafts([EntryDraft(f"other {i}", "nothing", EVENING) for i in range(200)])
    journal.delete(150)  # gaps in the ids change nothing
    assert [hit.id for hit in journal.search("lighthouse")] == [oldest]
    assert [hit.id for hit in journal.search("lighthouse", EntryFilter(tag="none"))] == []


def test_filters_combine_and_exclude(journal: JournalService, diary: dict[str, int]) -> None:
    two_days_on = (EVENING + timedelta(days=2)).date()
    assert titles(journal.search("falls", EntryFilter(tag="falls", since=two_days_on))) == [
        "Respite plan"
    ]
    assert titles(journal.search("falls", EntryFilter(tag="falls", until=two_days_on))) == [
        "The first fall"
    ]
    journal.add_attachment(diary["respite"], "plan.txt", "text/plain", b"plan")
    assert set(titles(journal.search("falls", EntryFilter(has_attachment=False)))) == {
        "The first fall",
        "Support group",
    }


def test_filtered_matches_are_found_behind_many_newer_entries(
    journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter is checked inside each window of ids, down to the oldest."""
    monkeypatch.setattr(reads, "CANDIDATES", 3)
    oldest = journal.add("lighthouse", "", ["coast"], entry_at=EVENING).id
    journal.add_drafts(
        [EntryDraft(f"lighthouse {i}", "", EVENING, tags=("inland",)) for i in range(200)]
    )
    assert [hit.id for hit in journal.search("lighthouse", EntryFilter(tag="coast"))] == [oldest]
    found = journal.search("lighthouse", EntryFilter(tag="inland"))
    assert len(found) == 3 and oldest not in {hit.id for hit in found}


def test_a_large_import_leaves_the_index_in_one_segment(
    journal: JournalService, unlocked_vault: UnlockedVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service_module, "SETTLE_AFTER", 40)
    database = unlocked_vault.database
    with database.engine.begin() as conn:  # small leaves: the import writes many segments
        conn.exec_driver_sql("INSERT INTO journal_fts (journal_fts, rank) VALUES ('pgsz', 64)")
        conn.exec_driver_sql("INSERT INTO journal_fts (journal_fts, rank) VALUES ('automerge', 0)")
    for day in range(3):  # three small writes: three segments, fewer than a merge needs
        journal.add(f"day {day}", "a walk by the river")

    def segments() -> int:
        with database.engine.connect() as conn:
            return int(
                conn.exec_driver_sql(
                    "SELECT count(DISTINCT segid) FROM journal_fts_idx"
                ).scalar_one()
            )

    assert segments() > 1
    ids = journal.add_drafts(
        [EntryDraft(f"walk {i}", f"river walk number {i}", EVENING) for i in range(40)]
    )
    assert segments() == 1
    assert len(journal.search("river")) == 43
    assert [hit.id for hit in journal.search("number 7")] == [ids[7]]
    assert_index_matches_entries(database)


def test_two_letters_are_a_whole_word_and_three_a_prefix(journal: JournalService) -> None:
    """The index keeps no prefix index (migration 0012): a last word of two letters is
    searched as itself, from three letters on as the start of words."""
    mum = journal.add("Mum", "Mum slept through.")
    letter = journal.add("Greek", "The letter mu, on the crossword.")
    assert [hit.id for hit in journal.search("mu")] == [letter.id]
    assert [hit.id for hit in journal.search("mum")] == [mum.id]
    assert {hit.id for hit in journal.search("cro")} == {letter.id}


def _automerge(database: Database) -> int | None:
    with database.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT v FROM journal_fts_config WHERE k = 'automerge'").first()
    return None if row is None else int(row[0])


def test_a_large_import_pauses_index_merging_and_sets_it_back(
    journal: JournalService, unlocked_vault: UnlockedVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Merging is paused while an import writes (settle merges everything once after), and
    set back in the same transaction: after the import, and after an import that failed."""
    monkeypatch.setattr(service_module, "SETTLE_AFTER", 40)
    database = unlocked_vault.database
    seen: list[int | None] = []
    real_insert = JournalService._insert

    def watching(self: JournalService, repo: Any, drafts: Any) -> list[int]:
        found = repo._session.connection().exec_driver_sql(
            "SELECT v FROM journal_fts_config WHERE k = 'automerge'"
        )
        seen.append(int(found.scalar_one()))
        return real_insert(self, repo, drafts)

    monkeypatch.setattr(JournalService, "_insert", watching)
    journal.add_drafts([EntryDraft(f"walk {i}", "by the river", EVENING) for i in range(40)])
    assert seen == [0]  # paused while it wrote
    assert _automerge(database) == 4  # FTS5's default again

    def failing() -> Iterator[EntryDraft]:
        yield EntryDraft("first", "by the river", EVENING)
        raise ValueError("the file broke off")

    with pytest.raises(ValueError, match="broke off"):
        journal.add_drafts(failing())
    assert _automerge(database) == 4
    assert len(journal.search("river")) == 40
