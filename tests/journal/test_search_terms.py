"""Prefixes searched as the index words they start: the same entries FTS5's own prefix finds."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.journal import reads
from carecompanion.journal.repository import JournalRepository
from carecompanion.journal.search import build_match_query
from carecompanion.journal.search_terms import TOKENIZE, Tokenizer, tokenizer
from carecompanion.journal.service import EntryDraft, JournalService
from carecompanion.session import VaultSession
from carecompanion.storage import packed_text
from carecompanion.storage.database import Database
from carecompanion.storage.packed_text import pack_text
from carecompanion.vault.vault import UnlockedVault
from tests.helpers import write_old_entry
from tests.journal.conftest import NEW_YORK
from tests.journal.index_check import indexed_ids

EVENING = datetime(2025, 11, 3, 21, 0, tzinfo=NEW_YORK)
# Words whose stems Porter changes again when asked for (nurse -> nurs -> nur), plurals,
# accents, and words sharing long prefixes.
BODIES = [
    "The nurse came because the house was quiet.",
    "Nurses and nursing homes; a nursery rhyme.",
    "Running late, the runner ran to the pharmacy.",
    "Café au lait, a naïve hope, an über-long day.",
    "Therapy then theatre: the therapist was there.",
    "Ponies, a pony, caresses and a caress.",
    "Worse than worried: the worst of the worsening cough.",
    "Confused, confusing, confusion.",
    "Apologised and apologising again.",
]
TYPED = st.sampled_from(
    [
        "nur",
        "nurs",
        "nurse",
        "becau",
        "hous",
        "runn",
        "running",
        "caf",
        "CAFÉ",
        "naiv",
        "ube",
        "the",
        "ther",
        "therap",
        "pon",
        "pony",
        "cares",
        "wor",
        "wors",
        "confu",
        "confus",
        "apolog",
        "zzz",
    ]
)


@pytest.fixture
def diary(journal: JournalService) -> list[int]:
    return [
        journal.add(f"entry {n}", body, entry_at=EVENING + timedelta(days=n)).id
        for n, body in enumerate(BODIES)
    ]


def _database(vault: UnlockedVault) -> Database:
    return vault.database


def _expanded(database: Database, typed: str) -> str | None:
    with database.session() as session:
        return JournalRepository(session).reads.expand_prefix(tokenizer(), build_match_query(typed))


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=TYPED, before=st.sampled_from(["", "the ", '"the nurse" ']))
def test_an_expanded_prefix_finds_what_fts5s_own_prefix_finds(
    journal: JournalService,
    unlocked_vault: UnlockedVault,
    diary: list[int],
    typed: str,
    before: str,
) -> None:
    database = _database(unlocked_vault)
    parsed = build_match_query(before + typed)
    assert parsed.match is not None
    native = indexed_ids(database, parsed.match)
    found = {hit.id for hit in journal.search(before + typed, limit=100)}
    if native or parsed.fallback is None:
        assert found == native
    else:  # nothing starts so: the stem-tolerant fallback has its say, as before
        assert found == indexed_ids(database, parsed.fallback)


def test_long_prefixes_are_expanded_and_short_ones_left_to_fts5(
    journal: JournalService, unlocked_vault: UnlockedVault, diary: list[int]
) -> None:
    database = _database(unlocked_vault)
    assert _expanded(database, "therap") == '("therapi" OR "therapist")'
    # "nurs" asked for is "nur" (Porter again): asked as "nurse", which is "nurs" exactly.
    assert _expanded(database, "nur") == '("nurse" OR "nurseri")'
    assert _expanded(database, "nurse") == '("nurse" OR "nurseri")'  # "nurs", as typed
    assert _expanded(database, "th") is None  # two letters: a whole word, no prefix
    assert _expanded(database, "zzz") == ""  # starts no word: nothing to look for
    assert _expanded(database, "therapy ") is None  # a finished word is no prefix
    assert [hit.id for hit in journal.search("therap")] == [diary[4]]


def test_words_written_outside_the_service_wait_and_fts5_answers(
    journal: JournalService, unlocked_vault: UnlockedVault, diary: list[int]
) -> None:
    """An entry written by other means (plain SQL here) is listed as pending by trigger:
    until its words are learnt, prefixes go to FTS5, so it is found all the same."""
    database = _database(unlocked_vault)
    written = write_old_entry(database.engine, "Written in SQL", "A xylophone in the hall.")
    assert _expanded(database, "xylo") is None
    assert [hit.id for hit in journal.search("xylo")] == [written]
    journal.add("Later", "Anything at all.")  # the next write learns what was pending
    assert _expanded(database, "xylo") == '("xylophon")'
    assert [hit.id for hit in journal.search("xylo")] == [written]


def test_edits_and_imports_teach_their_words(
    journal: JournalService, unlocked_vault: UnlockedVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _database(unlocked_vault)
    entry = journal.add("Draft", "first words")
    journal.update(entry.id, body="a marmalade sandwich")
    assert _expanded(database, "marma") == '("marmalad")'
    assert [hit.id for hit in journal.search("marma")] == [entry.id]

    monkeypatch.setattr("carecompanion.journal.service.SETTLE_AFTER", 5)
    ids = journal.add_drafts(
        [EntryDraft(f"import {i}", f"quokka number {i}", EVENING) for i in range(5)]
    )
    assert _expanded(database, "quokk") == '("quokka")'
    assert {hit.id for hit in journal.search("quokk")} == set(ids)


def test_the_tokenizer_is_the_indexs() -> None:
    assert f"tokenize='{TOKENIZE}'" in search_index_sql_now()
    tokenizer = Tokenizer()
    assert tokenizer.words(["Running CAFÉ", "naïve ponies"]) == ["cafe", "naiv", "poni", "run"]
    assert tokenizer.prefix("Running") == "run"
    assert tokenizer.prefix("e-mail") is None  # two words: not one prefix


def search_index_sql_now() -> str:
    from carecompanion.storage import migrate

    return (migrate.MIGRATIONS_DIR / "versions" / "0011_compact_journal.py").read_text()


def test_too_many_words_are_left_to_fts5(
    journal: JournalService, unlocked_vault: UnlockedVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.add("Many", " ".join(f"thing{n}" for n in range(6)))
    monkeypatch.setattr(reads, "MAX_PREFIX_WORDS", 5)
    assert _expanded(_database(unlocked_vault), "thing") is None
    assert len(journal.search("thing")) == 1


def test_a_texts_words_are_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    """A search asks for the same few words at every keystroke: asked again, the tokenizer
    answers from memory, the same as the first time."""
    words_of = Tokenizer()
    assert words_of.forms("Running CAFÉ") == ("cafe", "run")
    assert words_of.prefix("Nurses") == "nurs"

    def no_more(texts: object) -> list[str]:
        raise AssertionError("asked the in-memory index again")

    monkeypatch.setattr(words_of, "words", no_more)
    assert words_of.forms("Running CAFÉ") == ("cafe", "run")
    assert words_of.prefix("Nurses") == "nurs"


def test_a_stem_porter_would_change_is_asked_for_as_a_word_that_gives_it(
    journal: JournalService, unlocked_vault: UnlockedVault
) -> None:
    """ "wors" (from "worse") asked for is "wor": a prefix FTS5 would answer by reading every
    word it starts across the journal. It is asked for as "worse", which is "wors" exactly,
    and the same entries are found."""
    database = _database(unlocked_vault)
    ids = [
        journal.add("one", "It got worse.").id,
        journal.add("two", "A world of work.").id,
        journal.add("three", "Worried, then worse again.").id,
    ]
    assert _expanded(database, "wor") == '("work" OR "world" OR "worri" OR "worse")'
    assert {hit.id for hit in journal.search("wor")} == set(ids)
    assert {hit.id for hit in journal.search("worse")} == {ids[0], ids[2]}


def test_locking_forgets_the_searches_and_words_remembered(
    unlocked_vault: UnlockedVault, clock: FixedClock
) -> None:
    """The tokenizer remembers typed searches and the journal's words for speed; a locked
    journal leaves none of them in the process on purpose."""
    session = VaultSession(unlocked_vault, clock)
    session.journal.add("Clinic", "The physiotherapist came at nine.")
    session.journal.search("physiother")
    assert tokenizer()._forms, "control: the search was remembered"
    unread = pack_text("Words packed and never read back, as a write rolled back leaves. " * 4)
    assert unread in packed_text._just_packed, "control: kept for the index's trigger"
    session.lock()
    assert tokenizer()._forms == {}
    assert packed_text._just_packed == {}, "nor any entry's words packed lately"
