"""Writes to the FTS5 index's side tables (journal_fts): merging its segments, and learning
the words of new entries for prefix search (search_terms.py). The index's read queries are
journal/reads.py's."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from carecompanion.journal.models import SEARCH_INDEX_TABLE, EntryRow
from carecompanion.journal.search_terms import Tokenizer


def optimize(session: Session) -> None:
    """Merge the index into one segment: a query reads every segment, and each write or
    import adds some (FTS5 merges them only gradually)."""
    command = sa.table(SEARCH_INDEX_TABLE, sa.column(SEARCH_INDEX_TABLE))
    session.execute(sa.insert(command).values({SEARCH_INDEX_TABLE: "optimize"}))


#: FTS5's own default for 'automerge' (how many segments of a level are merged as rows are
#: written), set again after an import paused it.
AUTOMERGE_DEFAULT = 4


def set_automerge(session: Session, segments: int) -> None:
    """FTS5's 'automerge': 0 pauses the merging of segments as rows are written (an import,
    which merges everything into one segment once it is written: ``optimize``)."""
    command = sa.table(SEARCH_INDEX_TABLE, sa.column(SEARCH_INDEX_TABLE), sa.column("rank"))
    session.execute(sa.insert(command).values({SEARCH_INDEX_TABLE: "automerge", "rank": segments}))


# -- the index's words (search_terms.py) ------------------------------------------------------
_TERMS = sa.table(f"{SEARCH_INDEX_TABLE}_terms", sa.column("term", sa.Text))
_PENDING = sa.table(f"{SEARCH_INDEX_TABLE}_pending", sa.column("id", sa.Integer))
_VOCABULARY = sa.table(f"{SEARCH_INDEX_TABLE}_vocab", sa.column("term", sa.Text))


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
