"""How imports recognise a check-in they have already brought in.

Two check-ins are the same when they share the local day, the local minute, the mood and the
note (whitespace aside). Activities are left out on purpose: adding an activity to an old
entry in Daylio and exporting again must not bring the entry in a second time. The local wall
clock is used rather than UTC so that importing the same file under another time zone still
finds the duplicates.
"""

from __future__ import annotations

import hashlib
from datetime import date


def checkin_fingerprint(day: date, clock: str, mood: int, note: str) -> str:
    normalised = " ".join(note.split())
    text = f"{day.isoformat()}\n{clock}\n{mood}\n{normalised}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
