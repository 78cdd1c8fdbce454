"""Export then import gives back every field, for vCard 3.0 and 4.0, whatever the text."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.people.errors import InvalidContact, VCardError
from carecompanion.people.records import (
    EMAIL_KINDS,
    PHONE_KINDS,
    RELATIONS,
    Contact,
    ContactDraft,
    Email,
    Phone,
    Photo,
)
from carecompanion.people.validation import validated
from carecompanion.people.vcard_extra import birthday
from carecompanion.people.vcard_read import parse_vcards
from carecompanion.people.vcard_text import escape, join
from carecompanion.people.vcard_write import VERSIONS, Version, write_vcards
from tests.people.conftest import JPEG, PNG

NOW = datetime(2026, 3, 3, 12, tzinfo=UTC)
# Text with the characters vCard escapes or folds badly: , ; \ : newlines, quotes, and
# non-ASCII from several scripts (emoji included, as people put them in names).
text_chars = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters=",;\\:\n\t\"' "
)
line_text = st.text(text_chars.filter(lambda c: c != "\n"), max_size=40)
free_text = st.text(text_chars, max_size=300)
labels = st.sampled_from(PHONE_KINDS) | line_text
phones = st.builds(Phone, st.from_regex(r"\+?[0-9][0-9 ()\-]{2,20}", fullmatch=True), labels)
emails = st.builds(
    Email,
    st.from_regex(r"[a-z0-9._%+-]{1,10}@[a-z0-9-]{1,10}\.[a-z]{2,5}", fullmatch=True),
    st.sampled_from(EMAIL_KINDS) | labels,
)
drafts = st.builds(
    ContactDraft,
    name=line_text.filter(lambda s: s.strip() != ""),
    relation=st.sampled_from(RELATIONS),
    role=line_text,
    phones=st.lists(phones, max_size=4).map(tuple),
    emails=st.lists(emails, max_size=3).map(tuple),
    address=free_text,
    notes=free_text,
    helps=st.lists(line_text, max_size=4).map(tuple),
    best_times=line_text,
    is_emergency=st.booleans(),
    check_in_days=st.none() | st.integers(1, 3650),
)


def as_contact(draft: ContactDraft, has_photo: bool = False) -> Contact:
    return Contact(
        id=1,
        uid="4f9a1c2e8b7d4e6f9a0b1c2d3e4f5a6b",
        name=draft.name,
        relation=draft.relation,
        role=draft.role,
        phones=draft.phones,
        emails=draft.emails,
        address=draft.address,
        notes=draft.notes,
        helps=draft.helps,
        best_times=draft.best_times,
        is_emergency=draft.is_emergency,
        check_in_days=draft.check_in_days,
        has_photo=has_photo,
        last_contact_at=None,
        next_check_in=None,
        created_at=NOW,
        updated_at=NOW,
    )


def clean(draft: ContactDraft) -> ContactDraft | None:
    try:
        return validated(draft)
    except InvalidContact:
        return None


@pytest.mark.parametrize("version", VERSIONS)
@given(draft=drafts)
def test_every_field_survives_a_round_trip(version: Version, draft: ContactDraft) -> None:
    saved = clean(draft)
    if saved is None:
        return
    text = write_vcards([(as_contact(saved), None)], version)
    (card,) = parse_vcards(text.encode("utf-8"), Path("round-trip.vcf"))
    assert card.draft == saved
    assert card.uid.replace("urn:uuid:", "").replace("-", "") == "4f9a1c2e8b7d4e6f9a0b1c2d3e4f5a6b"
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75  # folded as RFC 6350 3.2 asks


@pytest.mark.parametrize("version", VERSIONS)
def test_many_contacts_and_photos_in_one_file(version: Version) -> None:
    people = [
        (
            as_contact(ContactDraft(name="José Müller", phones=(Phone("+44 20 7946 0958"),)), True),
            Photo(JPEG, "image/jpeg"),
        ),
        (as_contact(ContactDraft(name="李小龙", notes="会照顾人, 周末有空")), None),
        (
            as_contact(ContactDraft(name="Ann", emails=(Email("ann@example.org"),))),
            Photo(PNG, "image/png"),
        ),
    ]
    text = write_vcards(people, version)
    cards = parse_vcards(text.encode("utf-8"), Path("many.vcf"))
    assert [c.draft.name for c in cards] == ["José Müller", "李小龙", "Ann"]
    assert [c.photo for c in cards] == [Photo(JPEG, "image/jpeg"), None, Photo(PNG, "image/png")]


@pytest.mark.parametrize("version", VERSIONS)
def test_other_apps_read_the_standard_fields(version: Version) -> None:
    """vobject, reading our file the way other apps would, finds FN, N, TEL and EMAIL."""
    draft = ContactDraft(
        name="José Müller",
        phones=(Phone("+44 20 7946 0958", "mobile"), Phone("0161 555 0100", "Night line")),
        emails=(Email("jose@example.org", "work"),),
        notes="a, b; c\nd",
    )
    text = write_vcards([(as_contact(draft), Photo(JPEG, "image/jpeg"))], version)
    assert text.startswith(f"BEGIN:VCARD\r\nVERSION:{version}\r\n")
    card = vobject.readOne(text)
    assert card.fn.value == "José Müller"
    assert [tel.value for tel in card.contents["tel"]] == ["+44 20 7946 0958", "0161 555 0100"]
    assert card.contents["tel"][0].params["TYPE"] == (["CELL"] if version == "3.0" else ["cell"])
    assert card.contents["tel"][1].group == "item1"  # the custom label, Apple's way
    assert card.contents["x-ablabel"][0].value == "Night line"
    if version == "3.0":
        assert card.note.value == "a, b; c\nd" and card.n.value.family == "Müller"
        assert card.photo.value == JPEG


def test_a_name_alone_becomes_the_given_name() -> None:
    text = write_vcards([(as_contact(ContactDraft(name="李小龙")), None)], "3.0")
    assert "N:;李小龙;;;\r\n" in text
    again = replace(as_contact(ContactDraft(name="Mary Ann Lee")))
    assert "N:Lee;Mary Ann;;;\r\n" in write_vcards([(again, None)], "3.0")


def test_unknown_version() -> None:
    with pytest.raises(ValueError, match=r"3\.0, 4\.0"):
        write_vcards([], "2.1")  # type: ignore[arg-type]


def test_a_fold_inside_a_run_of_spaces_keeps_them() -> None:
    draft = ContactDraft(name="A", notes="x" * 70 + " " * 200 + "y")
    text = write_vcards([(as_contact(draft), None)], "3.0")
    (card,) = parse_vcards(text.encode("utf-8"), Path("spaces.vcf"))
    assert card.draft.notes == draft.notes


# -- what real cards carry beyond the fields (issue 16) -------------------------------------
field_text = st.text(text_chars.filter(lambda c: c != "\n"), max_size=12)
TYPES = st.lists(st.sampled_from(["home", "work", "pref", "HOME", "x-other"]), max_size=3)


def _compound(fields: list[str]) -> str:
    return ";".join(escape(f) for f in fields)


def _with_types(name: str, types: list[str], group: str) -> str:
    return f"{group + '.' if group else ''}{name}{';TYPE=' + ','.join(types) if types else ''}"


real_cards = st.builds(
    lambda fn, n, org, bday, cats, kind, adrs, url, version: "\r\n".join(
        [
            "BEGIN:VCARD",
            f"VERSION:{version}",
            f"FN:{escape(fn)}",
            *([f"N:{_compound(n)}"] if n is not None else []),
            *([f"ORG:{_compound(org)}"] if org else []),
            *([f"BDAY:{bday}"] if bday else []),
            *([f"CATEGORIES:{join(cats, ',')}"] if cats else []),
            *([f"KIND:{kind}"] if kind else []),
            *(
                f"{_with_types('ADR', types, group)}:{_compound(fields)}"
                for fields, types, group in adrs
            ),
            *([f"URL:{url}"] if url else []),
            "END:VCARD",
            "",
        ]
    ),
    fn=line_text,
    n=st.none() | st.lists(field_text, min_size=5, max_size=5),
    org=st.lists(field_text, max_size=3),
    bday=st.sampled_from(["", "--0415", "1980-04-15", "19800415", "--0229"]),
    cats=st.lists(field_text.filter(lambda s: s.strip() != ""), max_size=3),
    kind=st.sampled_from(["", "org", "individual", "group"]),
    adrs=st.lists(
        st.tuples(
            st.lists(field_text, min_size=7, max_size=7),
            TYPES,
            st.sampled_from(["", "item1", "item2"]),
        ),
        max_size=2,
    ),
    url=st.sampled_from(["", "https://example.org/a,b", "www.example.de"]),
    version=st.sampled_from(["3.0", "4.0"]),
)


@pytest.mark.parametrize("version", VERSIONS)
@given(text=real_cards)
def test_a_real_card_comes_back_the_same_through_our_export(version: Version, text: str) -> None:
    """Valid vCard in, the same contact out: its fields and every property kept beyond them,
    through an export in either version."""
    try:
        (first,) = parse_vcards(text.encode("utf-8"), Path("real.vcf"))
    except VCardError:
        return  # a card the rules refuse (no usable name): other tests cover those
    contact = replace(as_contact(first.draft), vcard_extra=first.extra)
    written = write_vcards([(contact, None)], version)
    (again,) = parse_vcards(written.encode("utf-8"), Path("again.vcf"))
    assert again.draft == first.draft
    # A birthday without a year takes the version's own form (3.0 has no "--0415"): the same
    # day, written differently (test_vcard_birthday_versions.py); all else exactly as read.
    assert [p for p in again.extra if p.name != "BDAY"] == [
        p for p in first.extra if p.name != "BDAY"
    ]
    assert birthday(again.extra) == birthday(first.extra)
