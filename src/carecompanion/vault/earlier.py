"""Earlier journals: the vaults a restore replaced, kept whole in ``replaced-<time>/`` folders
inside the data folder so that one can always be found and put back
(:func:`carecompanion.vault.restore.put_back`).

Light (no cryptography, no database): it reads folder names and the header's plain fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from carecompanion.paths import AppPaths
from carecompanion.vault.errors import EarlierJournalNotFound
from carecompanion.vault.restore_log import DATABASE, HEADER, REPLACED_NAME, is_pending


@dataclass(frozen=True)
class EarlierJournal:
    name: str  # the folder's name: replaced-20260304-120000
    path: Path
    #: When it was replaced (UTC), read from the folder's name.
    replaced_at: datetime
    #: When the journal itself was started (its header says; None if it cannot be read).
    started: datetime | None
    #: Both the header and the database are there (a journal that can be put back).
    complete: bool


def list_earlier(paths: AppPaths) -> list[EarlierJournal]:
    """The earlier journals in the data folder, the most recently replaced first. While a
    restore is half-done its own folder is part of it, not yet an earlier journal."""
    if not paths.data_dir.is_dir() or is_pending(paths):
        return []
    found = []
    for folder in paths.data_dir.iterdir():
        match = REPLACED_NAME.fullmatch(folder.name)
        if match is None or not folder.is_dir():
            continue
        header, database = folder / HEADER, folder / DATABASE
        if not (header.exists() or database.exists()):
            continue
        replaced_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        found.append(
            EarlierJournal(
                folder.name,
                folder,
                replaced_at,
                _started(header),
                header.is_file() and database.is_file(),
            )
        )
    return sorted(found, key=lambda journal: (journal.replaced_at, journal.name), reverse=True)


def find_earlier(paths: AppPaths, name: str) -> EarlierJournal:
    """The earlier journal called ``name`` (a folder name, or its path), whole."""
    wanted = Path(name).name
    for journal in list_earlier(paths):
        if journal.name == wanted and journal.complete:
            return journal
    raise EarlierJournalNotFound(wanted, paths.data_dir)


def _started(header: Path) -> datetime | None:
    """The header's ``created`` field; it is plain JSON (only its key slots are secret)."""
    try:
        created = json.loads(header.read_bytes()).get("created")
        moment = datetime.fromisoformat(created) if isinstance(created, str) else None
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment
