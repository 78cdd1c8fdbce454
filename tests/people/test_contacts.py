"""Contacts: adding, editing, searching, photos, and the rules a draft must follow."""

from __future__ import annotations

import pytest

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.errors import ContactNotFound, InvalidContact, InvalidPhoto
from carecompanion.people.limits import PHOTO_MAX_BYTES
from carecompanion.people.records import ContactDraft, Email, Phone
from tests.people.conftest import JPEG, PNG

FULL = ContactDraft(
    name="  José   Müller ",
    relation="professional",
    role="social worker",
    phones=(Phone("+44 20 7946 0958", "Mobile"), Phone("0161 555 0100", "Night line")),
    emails=(Email("jose@example.org", "work"),),
    address="1 High St\r\nManchester",
    notes="Knows the benefits system.\n\nCall after 6.",
    helps=("good listener", "Good listener", "knows the benefits system"),
    best_times="weekday evenings",
    is_emergency=True,
    check_in_days=14,
)


def test_add_keeps_every_field_cleaned(people: PeopleService, clock: FixedClock) -> None:
    contact = people.add(FULL)
    assert contact.name == "José Müller"  # whitespace tidied
    assert contact.relation == "professional" and contact.role == "social worker"
    assert contact.phones == (
        Phone("+44 20 7946 0958", "mobile"),
        Phone("0161 555 0100", "Night line"),
    )
    assert contact.emails == (Email("jose@example.org", "work"),)
    assert contact.address == "1 High St\nManchester"
    assert contact.notes == "Knows the benefits system.\n\nCall after 6."
    assert contact.helps == ("good listener", "knows the benefits system")  # one per meaning
    assert contact.best_times == "weekday evenings"
    assert contact.is_emergency and contact.check_in_days == 14
    assert not contact.has_photo and contact.last_contact_at is None
    assert contact.created_at == contact.updated_at == clock.now()
    assert people.get(contact.id) == contact
    assert len(contact.uid) == 32


def test_update_replaces_fields_and_to_draft_round_trips(
    people: PeopleService, clock: FixedClock
) -> None:
    contact = people.add(FULL)
    clock.advance(60)
    changed = people.update(contact.id, ContactDraft(name="Jo Miller", relation="friend"))
    assert (changed.name, changed.relation, changed.phones, changed.helps) == (
        "Jo Miller",
        "friend",
        (),
        (),
    )
    assert changed.updated_at > changed.created_at
    again = people.update(contact.id, contact.to_draft())
    assert again.to_draft() == contact.to_draft()


def test_delete_and_missing_ids(people: PeopleService) -> None:
    contact = people.add(ContactDraft(name="Ann"))
    people.delete(contact.id)
    for call in (
        lambda: people.get(contact.id),
        lambda: people.delete(contact.id),
        lambda: people.update(contact.id, FULL),
        lambda: people.photo(contact.id),
    ):
        with pytest.raises(ContactNotFound, match=f"no contact with id {contact.id}"):
            call()


@pytest.mark.parametrize(
    ("draft", "fields"),
    [
        (ContactDraft(name="   "), {"name"}),
        (ContactDraft(name="x" * 201), {"name"}),
        (ContactDraft(name="Ann", relation="neighbour"), {"relation"}),  # type: ignore[arg-type]
        (ContactDraft(name="Ann", phones=(Phone("call me"),)), {"phones"}),
        (ContactDraft(name="Ann", emails=(Email("ann.example.org"),)), {"emails"}),
        (ContactDraft(name="Ann", check_in_days=0), {"check_in_days"}),
        # True type-checks (bool is an int to mypy too); the validation still refuses it.
        (ContactDraft(name="Ann", check_in_days=True), {"check_in_days"}),
        (ContactDraft(name="Ann", helps=("x" * 81,)), {"helps"}),
        (ContactDraft(name="", notes="n" * 20_001), {"name", "notes"}),
    ],
)
def test_invalid_drafts_name_every_field_and_write_nothing(
    people: PeopleService, draft: ContactDraft, fields: set[str]
) -> None:
    with pytest.raises(InvalidContact) as caught:
        people.add(draft)
    assert {problem.field for problem in caught.value.problems} == fields
    assert people.list() == []


def test_duplicate_phones_and_emails_within_a_contact_collapse(people: PeopleService) -> None:
    contact = people.add(
        ContactDraft(
            name="Ann",
            phones=(Phone("+44 161 555 0100"), Phone("0044 161 555 0100", "home")),
            emails=(Email("Ann@Example.org"), Email("ann@example.org")),
        )
    )
    assert len(contact.phones) == 1 and len(contact.emails) == 1


def test_list_is_by_name_and_search_ignores_case_and_accents(people: PeopleService) -> None:
    for name in ("zoë", "José Müller", "李小龙", "Anna"):
        people.add(ContactDraft(name=name))
    assert [c.name for c in people.list()] == ["Anna", "José Müller", "zoë", "李小龙"]
    assert [c.name for c in people.search("jose")] == ["José Müller"]
    assert [c.name for c in people.search("MULLER")] == ["José Müller"]
    assert [c.name for c in people.search("小龙")] == ["李小龙"]
    assert [c.name for c in people.search("zoe")] == ["zoë"]
    assert len(people.search("")) == 4


def test_photo_is_stored_checked_and_removable(people: PeopleService) -> None:
    contact = people.add(ContactDraft(name="Ann"))
    with_photo = people.set_photo(contact.id, JPEG)
    assert with_photo.has_photo
    photo = people.photo(contact.id)
    assert photo is not None and (photo.data, photo.mime_type) == (JPEG, "image/jpeg")
    people.set_photo(contact.id, PNG)
    photo = people.photo(contact.id)
    assert photo is not None and photo.mime_type == "image/png"
    assert not people.set_photo(contact.id, None).has_photo
    assert people.photo(contact.id) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\x00" * PHOTO_MAX_BYTES, "at most 512 KiB"),
        (b"%PDF-1.7 not a picture", "not a JPEG, PNG, GIF or WebP"),
    ],
)
def test_bad_photos_are_refused(people: PeopleService, data: bytes, message: str) -> None:
    contact = people.add(ContactDraft(name="Ann"))
    with pytest.raises(InvalidPhoto, match=message):
        people.set_photo(contact.id, data)
    assert not people.get(contact.id).has_photo


def test_emergency_contacts_only(people: PeopleService) -> None:
    people.add(ContactDraft(name="Zed", is_emergency=True))
    people.add(ContactDraft(name="Bea"))
    people.add(ContactDraft(name="Amy", is_emergency=True))
    assert [c.name for c in people.emergency_contacts()] == ["Amy", "Zed"]
