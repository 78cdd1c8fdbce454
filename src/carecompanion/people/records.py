"""Plain, frozen values the contact services take and return. No database, no Qt.

A contact is someone the caregiver leans on. ``relation`` is one of ``RELATIONS`` (its words
for the UI are ``RELATION_LABELS``); ``role`` says more in the person's own words ("social
worker", "Mum's nurse"). Phone and e-mail ``kind`` is one of ``PHONE_KINDS`` /
``EMAIL_KINDS`` or a custom label the person (or an imported address book) chose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from carecompanion.errors import Notice

Relation = Literal[
    "peer", "facilitator", "friend", "family", "professional", "crisis_line", "other"
]
RELATIONS: tuple[Relation, ...] = (
    "peer",
    "facilitator",
    "friend",
    "family",
    "professional",
    "crisis_line",
    "other",
)
RELATION_LABELS: dict[Relation, str] = {
    "peer": "Peer caregiver",
    "facilitator": "Support-group facilitator",
    "friend": "Friend",
    "family": "Family",
    "professional": "Professional",
    "crisis_line": "Crisis line",
    "other": "Other",
}
# Examples the UI can offer for a professional's role (free text is fine too).
PROFESSIONAL_ROLES: tuple[str, ...] = (
    "social worker",
    "nurse",
    "doctor",
    "GP",
    "therapist",
    "counsellor",
    "pharmacist",
    "care manager",
    "occupational therapist",
    "benefits adviser",
)

PHONE_KINDS: tuple[str, ...] = ("mobile", "home", "work", "fax", "pager", "other")
EMAIL_KINDS: tuple[str, ...] = ("home", "work", "other")

LogKind = Literal["call", "message", "visit", "meeting"]
LOG_KINDS: tuple[LogKind, ...] = ("call", "message", "visit", "meeting")


@dataclass(frozen=True)
class Phone:
    number: str
    kind: str = "mobile"


@dataclass(frozen=True)
class Email:
    address: str
    kind: str = "home"


@dataclass(frozen=True)
class Photo:
    """A contact's picture: the image bytes and their MIME type (image/jpeg, image/png...)."""

    data: bytes
    mime_type: str


@dataclass(frozen=True)
class VCardProperty:
    """A vCard property the contact fields do not hold (ORG, BDAY, CATEGORIES, KIND, the
    structured N and ADR...), kept as it was read so that an export writes it back.

    ``value`` is as written in the card (escapes kept, the fields of N or ADR separated by
    ";"); ``params`` are the parameters by upper-case name (vCard 2.1's bare ``WORK;PREF``
    become TYPE values); ``group`` is Apple's ``item1.`` prefix, if any."""

    name: str
    value: str
    params: tuple[tuple[str, tuple[str, ...]], ...] = ()
    group: str = ""

    def param(self, name: str) -> tuple[str, ...]:
        return next((values for key, values in self.params if key == name), ())


@dataclass(frozen=True)
class ContactDraft:
    """Everything a person enters for a contact, except the photo (``set_photo``)."""

    name: str
    relation: Relation = "friend"
    role: str = ""
    phones: tuple[Phone, ...] = ()
    emails: tuple[Email, ...] = ()
    address: str = ""
    notes: str = ""
    helps: tuple[str, ...] = ()  # "how they help", in the person's order
    best_times: str = ""  # best times to call, free text ("weekday evenings")
    is_emergency: bool = False
    check_in_days: int | None = None  # "check in every N days"; None: no reminder


@dataclass(frozen=True)
class Contact:
    """A saved contact. ``last_contact_at`` is the latest logged call, message or visit (UTC);
    ``next_check_in`` the local day a check-in is due, when ``check_in_days`` is set."""

    id: int
    uid: str
    name: str
    relation: Relation
    role: str
    phones: tuple[Phone, ...]
    emails: tuple[Email, ...]
    address: str
    notes: str
    helps: tuple[str, ...]
    best_times: str
    is_emergency: bool
    check_in_days: int | None
    has_photo: bool
    last_contact_at: datetime | None
    next_check_in: date | None
    created_at: datetime
    updated_at: datetime
    #: What an imported card held that no field here holds, written back on export.
    vcard_extra: tuple[VCardProperty, ...] = ()

    def to_draft(self) -> ContactDraft:
        """The editable form of this contact (for an "edit contact" dialog)."""
        return ContactDraft(
            name=self.name,
            relation=self.relation,
            role=self.role,
            phones=self.phones,
            emails=self.emails,
            address=self.address,
            notes=self.notes,
            helps=self.helps,
            best_times=self.best_times,
            is_emergency=self.is_emergency,
            check_in_days=self.check_in_days,
        )


@dataclass(frozen=True)
class LogEntry:
    """One logged contact: a call, message, visit or meeting, with a short note."""

    id: int
    contact_id: int
    kind: LogKind
    at: datetime
    note: str


@dataclass(frozen=True)
class DueContact:
    """A contact whose check-in interval has passed. ``days_overdue`` is 0 on the due day."""

    contact: Contact
    due_on: date
    days_overdue: int


@dataclass(frozen=True)
class ParsedCard:
    """One contact read from a vCard file, before anything is written."""

    line: int  # where its BEGIN:VCARD is, for messages
    draft: ContactDraft
    photo: Photo | None = None
    uid: str = ""  # the card's own UID, if any
    warnings: tuple[Notice, ...] = ()
    extra: tuple[VCardProperty, ...] = ()  # kept to be written back (``vcard_extra``)


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do, computed before anything is written. ``duplicates`` pairs each
    card already present with the id of the contact it matches (None: an earlier card in the
    same file)."""

    total: int
    new: tuple[ParsedCard, ...]
    duplicates: tuple[tuple[ParsedCard, int | None], ...]
    warnings: tuple[Notice, ...] = field(default=())


@dataclass(frozen=True)
class ImportResult:
    added: tuple[int, ...]  # the new contacts' ids
    duplicates: int


@dataclass(frozen=True)
class CrisisResourceDraft:
    name: str
    phone: str = ""
    text_number: str = ""
    url: str = ""
    hours: str = ""
    description: str = ""
    source_url: str = ""


@dataclass(frozen=True)
class CrisisResource:
    """A crisis line as stored in the vault (built-in at first, perhaps edited since)."""

    id: int
    position: int
    name: str
    phone: str
    text_number: str
    url: str
    hours: str
    description: str
    source_url: str
