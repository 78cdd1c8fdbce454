"""Commands to the FTS5 index (journal_fts): merging its segments. The index's read queries
are journal/reads.py's; learning the words of new entries for prefix search
(search_terms.py) is journal/writes.py's."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from carecompanion.journal.models import SEARCH_INDEX_TABLE


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
