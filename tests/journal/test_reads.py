"""journal/reads.py: the timeline's and search's plain SQL, shared with the command line."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.journal.service import EntryDraft, EntryFilter, JournalService
from tests.journal.conftest import NEW_YORK

HOSTILE = [
    "x' OR 1=1 --",
    "respite') UNION SELECT id FROM journal_entries --",
    '"; DROP TABLE tags; --',
    ":tag",
    "?",
    "%",
    "\x00",
]


def _diary(journal: JournalService) -> None:
    start = datetime(2026, 3, 1, 9, 0, tzinfo=NEW_YORK)
    for day in range(6):
        journal.add_draft(
            EntryDraft(
                f"Day {day}",
                "A walk to the pharmacy with Mum",
                start + timedelta(days=day),
                tags=("respite",) if day % 2 else ("x' OR 1=1 --",) if day == 4 else (),
            )
        )


def test_hostile_tags_and_words_are_values_never_sql(journal: JournalService) -> None:
    """Every value reaches SQLite as a bound parameter: a tag that looks like SQL finds the
    entries tagged with exactly that, and nothing else, and no query breaks."""
    _diary(journal)
    for text in HOSTILE:
        tagged = journal.list_summaries(EntryFilter(tag=text))
        assert [s.title for s in tagged] == (["Day 4"] if text == "x' OR 1=1 --" else [])
        assert journal.count(EntryFilter(tag=text)) == len(tagged)
        assert len(journal.search("pharmacy", EntryFilter(tag=text))) == len(tagged)
        journal.search(text)  # a query of any text never raises
    assert journal.count() == 6  # nothing was dropped


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    tag=st.sampled_from([None, "respite", "nobody", "RESPITE"]),
    since=st.sampled_from([None, date(2026, 3, 2), date(2026, 3, 9)]),
    until=st.sampled_from([None, date(2026, 3, 3), date(2026, 2, 1)]),
    favourites=st.booleans(),
)
def test_count_ids_and_pages_agree_for_any_filter(
    journal: JournalService,
    tag: str | None,
    since: date | None,
    until: date | None,
    favourites: bool,
) -> None:
    if journal.count() == 0:
        _diary(journal)
    flt = EntryFilter(tag=tag, since=since, until=until, favourites_only=favourites)
    ids = journal.entry_ids(flt)
    assert journal.count(flt) == len(ids)
    assert [s.id for s in journal.list_summaries(flt)] == ids
    paged: list[int] = []
    after = None
    while page := journal.list_summaries(flt, limit=2, after=after):
        paged += [s.id for s in page]
        after = (page[-1].entry_at, page[-1].id)
    assert paged == ids


def test_the_read_queries_import_no_sqlalchemy() -> None:
    """The command line's read path runs these queries without SQLAlchemy (issue 17)."""
    code = (
        "import sys, carecompanion.journal.reads\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
