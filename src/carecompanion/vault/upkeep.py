"""When the database's integrity was last checked, kept inside the database (issue 17).

The check never runs on the way to a command: the app runs the quick check in the background
at most once a day (``quick_check_due``), the full one runs on demand and before a backup.
Whether the quick one is due is read from ``vault_upkeep`` (migration 0010), a one-row table
in the encrypted database, so no file in clear says when the journal was last opened.

Times are the injected clock's, stored as UTC ISO-8601 text. A database from before the table
(schema 0009 or older, before its upgrade) has no record: a check is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

TABLE = "vault_upkeep"  # named in full in each statement below
#: The quick check runs at most once in this long.
QUICK_CHECK_EVERY = timedelta(days=1)
_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


@dataclass(frozen=True)
class Checked:
    """When a check last passed (the quick or the full one), and the full one; None: never."""

    any: datetime | None = None
    full: datetime | None = None

    def quick_check_due(self, now: datetime) -> bool:
        """True unless a check passed within QUICK_CHECK_EVERY before ``now``. A time after
        ``now`` (the clock was set back) does not count: the check runs, and is recorded at
        the new time."""
        if self.any is None:
            return True
        return not (now - QUICK_CHECK_EVERY < self.any <= now)


def read(engine: Engine) -> Checked:
    with engine.connect() as conn:
        if not _has_table(conn):
            return Checked()
        row = conn.exec_driver_sql(
            "SELECT checked_at, full_checked_at FROM vault_upkeep WHERE id = 1"
        ).first()
    if row is None:
        return Checked()
    return Checked(_parse(row[0]), _parse(row[1]))


def record(engine: Engine, at: datetime, *, full: bool) -> None:
    """A check passed at ``at`` (the full one when ``full``). Only the vault's writer calls
    this; a database from before the table has nowhere to keep it and keeps nothing."""
    stamp = at.astimezone(UTC).strftime(_FORMAT)
    with engine.begin() as conn:
        if not _has_table(conn):
            return
        conn.exec_driver_sql("INSERT OR IGNORE INTO vault_upkeep (id) VALUES (1)")
        conn.exec_driver_sql("UPDATE vault_upkeep SET checked_at = ? WHERE id = 1", (stamp,))
        if full:
            conn.exec_driver_sql(
                "UPDATE vault_upkeep SET full_checked_at = ? WHERE id = 1", (stamp,)
            )


def _parse(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.strptime(str(value), _FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None  # unreadable: as if never checked, so the check runs


def _has_table(conn: Connection) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).first()
    return found is not None
