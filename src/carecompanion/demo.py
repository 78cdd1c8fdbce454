"""Sample data for ``--demo`` and the screenshots: a believable few weeks of a caregiver's journal.

Everything is made up. The vault uses the minimum Argon2id cost because it is thrown away.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from carecompanion.clock import Clock
from carecompanion.journal.service import JournalService
from carecompanion.paths import AppPaths
from carecompanion.vault.kdf import MINIMUM_KDF
from carecompanion.vault.vault import UnlockedVault, Vault

DEMO_PASSPHRASE = "demo garden kettle lantern"

_ENTRIES: tuple[tuple[int, int, str, str, tuple[str, ...]], ...] = (
    (0, 21, "A quieter evening",
     "Dad slept through dinner, so I ate in the garden for once. Ten minutes of birdsong.\n\n"
     "- remembered the pharmacy pickup\n- called Maya back",
     ("small wins",)),
    (1, 23, "Sundowning again",
     "He asked for his mother three times after six o'clock. I tried the photo album "
     "instead of correcting him and it **worked**. Writing it down so I remember next time.",
     ("dementia", "evenings")),
    (2, 15, "Appointment notes: memory clinic",
     "## What the doctor said\n- the new dose stays for four more weeks\n- ask about day "
     "care funding\n\n## What I want to ask next time\n- is the dizziness from the tablets?",
     ("appointments",)),
    (4, 22, "What drained me, what went well",
     "Drained: the insurance call, forty minutes on hold.\n\nWent well: the support group. "
     "Someone said *you are allowed to be tired* and I nearly cried.",
     ("support group", "tired")),
    (6, 9, "Respite plan",
     "Sam can take Saturday morning. I will sleep in, then walk to the river. No errands.",
     ("respite",)),
    (9, 21, "Grateful for",
     "1. The neighbour who brought soup\n2. Dad laughing at the old cartoon\n3. Hot tea, "
     "finished while it was still hot",
     ("gratitude",)),
    (13, 7, "Medication change",
     "From today: morning tablet moved to after breakfast. Watch for nausea.",
     ("medication",)),
    (17, 23, "The first fall",
     "He slipped in the bathroom tonight. No bones broken, but I keep shaking. Booked the "
     "occupational therapist to look at grab rails.",
     ("falls", "worried")),
    (24, 20, "What I need help with",
     "Someone to sit with Dad on Thursdays. Ask at the group; Maria mentioned a volunteer "
     "scheme.",
     ("help",)),
)


def fill_demo_journal(journal: JournalService, now: datetime) -> None:
    for days_ago, hour, title, body, tags in _ENTRIES:
        when = (now - timedelta(days=days_ago)).replace(hour=hour, minute=14, second=0)
        journal.add(title, body, tags, entry_at=when)


def create_demo_vault(paths: AppPaths, clock: Clock) -> UnlockedVault:
    unlocked, _recovery_key = Vault.create(paths, DEMO_PASSPHRASE, kdf=MINIMUM_KDF, clock=clock)
    fill_demo_journal(JournalService(unlocked.database, clock), clock.now().astimezone())
    return unlocked
