"""Sample data for ``--demo`` and the screenshots: a believable few weeks of a caregiver's journal.

Everything is made up. The vault uses the minimum Argon2id cost because it is thrown away.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from carecompanion.clock import Clock
from carecompanion.journal.service import JournalService
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.paths import AppPaths
from carecompanion.people.contacts import PeopleService
from carecompanion.people.groups import GroupService
from carecompanion.people.meetings import GroupDraft, Schedule
from carecompanion.people.records import ContactDraft, Email, Phone
from carecompanion.session import create_vault
from carecompanion.vault.kdf import MINIMUM_KDF
from carecompanion.vault.vault import UnlockedVault

DEMO_PASSPHRASE = "demo garden kettle lantern"

_ENTRIES: tuple[tuple[int, int, str, str, tuple[str, ...]], ...] = (
    (
        0,
        21,
        "A quieter evening",
        "Dad slept through dinner, so I ate in the garden for once. Ten minutes of birdsong.\n\n"
        "- remembered the pharmacy pickup\n- called Maya back",
        ("small wins",),
    ),
    (
        1,
        23,
        "Sundowning again",
        "He asked for his mother three times after six o'clock. I tried the photo album "
        "instead of correcting him and it **worked**. Writing it down so I remember next time.",
        ("dementia", "evenings"),
    ),
    (
        2,
        15,
        "Appointment notes: memory clinic",
        "## What the doctor said\n- the new dose stays for four more weeks\n- ask about day "
        "care funding\n\n## What I want to ask next time\n- is the dizziness from the tablets?",
        ("appointments",),
    ),
    (
        4,
        22,
        "What drained me, what went well",
        "Drained: the insurance call, forty minutes on hold.\n\nWent well: the support group. "
        "Someone said *you are allowed to be tired* and I nearly cried.",
        ("support group", "tired"),
    ),
    (
        6,
        9,
        "Respite plan",
        "Sam can take Saturday morning. I will sleep in, then walk to the river. No errands.",
        ("respite",),
    ),
    (
        9,
        21,
        "Grateful for",
        "1. The neighbour who brought soup\n2. Dad laughing at the old cartoon\n3. Hot tea, "
        "finished while it was still hot",
        ("gratitude",),
    ),
    (
        13,
        7,
        "Medication change",
        "From today: morning tablet moved to after breakfast. Watch for nausea.",
        ("medication",),
    ),
    (
        17,
        23,
        "The first fall",
        "He slipped in the bathroom tonight. No bones broken, but I keep shaking. Booked the "
        "occupational therapist to look at grab rails.",
        ("falls", "worried"),
    ),
    (
        24,
        20,
        "What I need help with",
        "Someone to sit with Dad on Thursdays. Ask at the group; Maria mentioned a volunteer "
        "scheme.",
        ("help",),
    ),
)


def fill_demo_journal(journal: JournalService, now: datetime) -> None:
    for days_ago, hour, title, body, tags in _ENTRIES:
        when = (now - timedelta(days=days_ago)).replace(hour=hour, minute=14, second=0)
        journal.add(title, body, tags, entry_at=when)


def fill_demo_mood(mood: MoodService, now: datetime, days: int = 120) -> None:
    """Four months of check-ins with a believable shape: walks and the group help, a hard
    patch after the fall, short nights after bad evenings. Seeded, so screenshots are stable."""
    rng = random.Random(20261125)  # noqa: S311 (demo data, not security)
    for days_ago in range(days, -1, -1):
        if rng.random() < 0.12:
            continue  # some days are missed, as in life
        walked = rng.random() < 0.45
        group = (days_ago % 7) == 2
        hard_patch = 15 <= days_ago <= 24
        base = 3.0 + (0.7 if walked else 0) + (0.6 if group else 0) - (1.2 if hard_patch else 0)
        mood_value = max(1, min(5, round(base + rng.gauss(0, 0.7))))
        sleep = max(3.0, min(9.0, round(6.2 + (mood_value - 3) * 0.5 + rng.gauss(0, 0.8), 1)))
        activities = tuple(
            name
            for name, done in (
                ("A walk", walked),
                ("Support group meeting", group),
                ("Talked to a friend", rng.random() < 0.3),
                ("Rest", rng.random() < 0.25),
                ("Time for a hobby", rng.random() < 0.15),
            )
            if done
        )
        emotions = ("Tired",) if sleep < 5.5 else ("Calm",) if mood_value >= 4 else ()
        when = min(
            (now - timedelta(days=days_ago)).replace(hour=21, minute=rng.randrange(0, 50)),
            now - timedelta(minutes=5),
        )  # today's evening may not have come yet
        mood.add(
            CheckInDraft(
                mood=mood_value,
                stress=max(0, min(10, round(8 - mood_value * 1.2 + rng.gauss(0, 1.2)))),
                sleep_hours=sleep,
                energy=max(0, min(10, round(mood_value * 1.6 + rng.gauss(0, 1)))),
                care_hours=round(rng.uniform(3, 9), 1),
                activities=activities,
                emotions=emotions,
                at=when,
            )
        )


def fill_demo_people(people: PeopleService, groups: GroupService, now: datetime) -> None:
    maria = people.add(
        ContactDraft(
            name="Maria Okafor",
            relation="peer",
            role="met at the carers' group",
            phones=(Phone("07700 900123", "mobile"),),
            helps=("good listener", "been through it too"),
            best_times="weekday evenings",
            is_emergency=True,
            check_in_days=7,
        )
    )
    people.log_contact(maria.id, "call", "talked about respite", now - timedelta(days=9))
    people.add(
        ContactDraft(
            name="Sam Patel",
            relation="family",
            role="brother",
            phones=(Phone("07700 900456"),),
            helps=("can take a night shift",),
            is_emergency=True,
            check_in_days=14,
        )
    )
    people.add(
        ContactDraft(
            name="Hannah Reid",
            relation="professional",
            role="social worker",
            phones=(Phone("020 7946 0321", "work"),),
            emails=(Email("h.reid@example.org", "work"),),
            helps=("knows the benefits system",),
            best_times="Tue and Thu mornings",
        )
    )
    people.add(
        ContactDraft(
            name="Jo Lin",
            relation="facilitator",
            role="Carers' circle",
            emails=(Email("jo@example.org"),),
        )
    )
    people.crisis.choose_country("GB")
    groups.add(
        GroupDraft(
            name="Thursday carers' circle",
            kind="in_person",
            location="Library, Room 2",
            schedule=Schedule.weekly(
                _thursday_before(now - timedelta(days=30)), time(18, 30), "Europe/London"
            ),
        )
    )


def _thursday_before(moment: datetime) -> date:
    day = moment.date()
    return day - timedelta(days=(day.weekday() - 3) % 7)


def create_demo_vault(paths: AppPaths, clock: Clock) -> UnlockedVault:
    unlocked, _recovery_key = create_vault(paths, DEMO_PASSPHRASE, kdf=MINIMUM_KDF, clock=clock)
    now = clock.now().astimezone()
    fill_demo_journal(JournalService(unlocked.database, clock), now)
    fill_demo_mood(MoodService(unlocked.database, clock), now)
    fill_demo_people(
        PeopleService(unlocked.database, clock), GroupService(unlocked.database, clock), now
    )
    return unlocked
