"""The "Need help now" panel and the mood nudge's list: the person's emergency contacts first,
then their crisis lines, always with the statement that the app is not an emergency service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from carecompanion.people.records import Contact, CrisisResource

HelpKind = Literal["person", "crisis"]


@dataclass(frozen=True)
class HelpEntry:
    """One way to reach out. ``name``, ``reach`` and ``kind`` read like the mood package's
    ``SupportContact``, so the nudge can show either. ``reach`` is the first phone number (or,
    for a line with none, the number to text or its web address)."""

    kind: HelpKind
    name: str
    reach: str
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    text_number: str = ""
    url: str = ""
    detail: str = ""  # a person's relation or role; a line's hours
    contact_id: int | None = None
    resource_id: int | None = None


@dataclass(frozen=True)
class HelpPanel:
    statement: str  # "CareCompanion is not an emergency service... call 999."
    emergency_number: str  # "" when unknown
    country: str | None  # None: no country chosen yet (ask at first run)
    entries: tuple[HelpEntry, ...]  # people first, then crisis lines


def person_entry(contact: Contact) -> HelpEntry:
    phones = tuple(p.number for p in contact.phones)
    emails = tuple(e.address for e in contact.emails)
    return HelpEntry(
        kind="person",
        name=contact.name,
        reach=(phones or emails or ("",))[0],
        phones=phones,
        emails=emails,
        detail=contact.role,
        contact_id=contact.id,
    )


def line_entry(resource: CrisisResource) -> HelpEntry:
    reach = resource.phone or resource.text_number or resource.url
    return HelpEntry(
        kind="crisis",
        name=resource.name,
        reach=reach,
        phones=(resource.phone,) if resource.phone else (),
        text_number=resource.text_number,
        url=resource.url,
        detail=resource.hours,
        resource_id=resource.id,
    )


def help_entries(
    contacts: Sequence[Contact], resources: Sequence[CrisisResource]
) -> tuple[HelpEntry, ...]:
    return (*(person_entry(c) for c in contacts), *(line_entry(r) for r in resources))
