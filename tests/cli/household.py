"""Check-ins, contacts and groups that use every column the everyday read commands print or
read (``mood list``, ``contacts list``/``due``, ``groups list``): names and notes beyond
ASCII, empty and missing values, a check-in linked to an entry, an archived and a
reordered activity, a photo, a logged call, an imported card's organisation and birthday,
a facilitator, members, a cancelled and a moved meeting, a group without a schedule."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from carecompanion.clock import SystemClock
from carecompanion.mood.records import CheckInDraft
from carecompanion.paths import AppPaths
from carecompanion.people.meetings import GroupDraft, Schedule
from carecompanion.people.records import ContactDraft, Email, Phone
from carecompanion.people.vcard_read import read_vcard_file
from carecompanion.session import VaultSession
from carecompanion.vault.vault import Vault
from tests.helpers import GOOD_PASSPHRASE

# A picture's first bytes: enough for the type check (the service never decodes images).
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40

CARD = """BEGIN:VCARD
VERSION:4.0
FN:Renée Dupont
N:Dupont;Renée;;;
ORG:Carers' Centre
BDAY:--0415
TEL;TYPE=cell:+33 6 12 34 56 78
EMAIL:renee@example.fr
END:VCARD
"""


def fill_household(paths: AppPaths, folder: Path, *, entry_id: int | None = None) -> None:
    """Adds the household to the vault at ``paths`` (unlocked with the tests' passphrase);
    ``entry_id``: a journal entry the first check-in is written about."""
    unlocked = Vault(paths, SystemClock()).unlock(GOOD_PASSPHRASE)
    session = VaultSession(unlocked, SystemClock())
    try:
        _mood(session, entry_id)
        _people(session, folder)
    finally:
        session.lock()


def _mood(session: VaultSession, entry_id: int | None) -> None:
    now = datetime.now(UTC)
    activities = session.mood.activities
    choir, cafe, allotment = (activities.add(n) for n in ("Choir", "Café with Zoë", "Allotment"))
    activities.reorder([cafe.id, allotment.id, choir.id])  # the list's order, not the links'
    activities.set_archived(allotment.id, True)
    session.mood.add(
        CheckInDraft(
            mood=4,
            stress=3,
            sleep_hours=7.5,
            energy=6,
            care_hours=2.25,
            activities=("Choir", "Café with Zoë", "Allotment"),
            emotions=("grateful", "calm"),
            note="Zoë came — ñ, 字 | a bar",
            at=now - timedelta(days=3),
            entry_id=entry_id,
        ),
        source="cli",
    )
    session.mood.add(CheckInDraft(mood=2, at=now - timedelta(days=2)))  # nothing else
    session.mood.add(
        CheckInDraft(mood=5, stress=0, sleep_hours=8.0, energy=0, care_hours=0.0, at=now)
    )
    session.mood.import_drafts(
        [CheckInDraft(mood=3, note="from Daylio", at=now - timedelta(days=9))]
    )


def _people(session: VaultSession, folder: Path) -> None:
    now = datetime.now(UTC)
    jose = session.people.add(
        ContactDraft(
            name="José Müller",
            relation="peer",
            phones=(Phone("+44 7700 900123", "mobile"), Phone("020 7946 0958", "home")),
            emails=(Email("jose@example.org", "work"),),
            address="1 Rue de la Paix\nParis",
            notes="Knows Mum — since 1990",
            helps=("listens", "drives"),
            best_times="evenings",
            is_emergency=True,
            check_in_days=7,
        )
    )
    session.people.log_contact(jose.id, "call", "Rang him ☎", now - timedelta(days=10))
    ann = session.people.add(ContactDraft(name="ann"))  # nothing but a name
    doctor = session.people.add(
        ContactDraft(name="Dr Émile Zola", relation="professional", role="GP", check_in_days=1)
    )
    session.people.set_photo(doctor.id, PNG)
    card = folder / "renee.vcf"
    card.write_text(CARD, encoding="utf-8")
    session.people.import_cards(read_vcard_file(card))

    today = now.date()
    evening = session.groups.add(
        GroupDraft(
            name="Évening carers",
            kind="video",
            location="https://meet.example/abc",
            facilitator_id=jose.id,
            member_ids=(jose.id, ann.id),
            notes="Bring tea ☕",
            schedule=Schedule.weekly(today + timedelta(days=1), time(19), "Europe/London", 90),
        )
    )
    session.groups.cancel_meeting(evening.id, today + timedelta(days=1), note="Holiday")
    session.groups.move_meeting(
        evening.id, today + timedelta(days=8), new_start=time(18, 30), note="Earlier"
    )
    session.groups.add(
        GroupDraft(
            name="coffee morning",
            location="Church hall",
            schedule=Schedule.monthly(4, -1, today, time(10), "America/New_York"),
        )
    )
    session.groups.add(GroupDraft(name="Phone tree", kind="phone"))  # no meetings
