"""What real address books write beyond the contact's fields comes back out (issue 16): ORG,
CATEGORIES, BDAY (``--0415`` too), KIND:org, each address's fields and TYPE, and the
structured name N as the card had it, prefix and all."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from carecompanion.people.contacts import PeopleService
from carecompanion.people.records import ContactDraft, ParsedCard, Phone, VCardProperty
from carecompanion.people.vcard_extra import (
    after_edit,
    birthday,
    categories,
    from_json,
    organization,
    to_json,
)
from carecompanion.people.vcard_read import parse_vcards, read_vcard_file
from carecompanion.people.vcard_write import VERSIONS, Version, write_vcards
from tests.people.conftest import FIXTURES
from tests.people.test_vcard_roundtrip import as_contact


def card(*lines: str, version: str = "3.0") -> ParsedCard:
    text = "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD", ""])
    (parsed,) = parse_vcards(text.encode("utf-8"), Path("c.vcf"))
    return parsed


def exported(parsed: ParsedCard, version: Version = "3.0") -> list[str]:
    contact = replace(as_contact(parsed.draft), vcard_extra=parsed.extra)
    text = write_vcards([(contact, None)], version)
    return text.replace("\r\n ", "").split("\r\n")  # unfolded


def test_the_structured_name_goes_out_as_it_came() -> None:
    weiss = card("FN:Dr. Jürgen Weiß", "N:Weiß;Jürgen;;Dr.;")
    assert weiss.draft.name == "Dr. Jürgen Weiß"
    assert "N:Weiß;Jürgen;;Dr.;" in exported(weiss)  # not the guess "N:Weiß;Dr. Jürgen;;;"
    outlook = read_vcard_file(FIXTURES / "outlook_2_1.vcf")[0]
    lines = exported(outlook)
    assert "N;LANGUAGE=de:Müller;Jürgen;;Herr;" in lines
    assert "ORG:Diakonie Sozialstation" in lines
    assert "ADR;TYPE=WORK,PREF:;;Domstraße 1;Köln;NRW;50667;Deutschland" in lines
    assert "LABEL;TYPE=WORK,PREF:Domstraße 1\\n\\n50667 Köln  NRW" in lines  # was QP, 2 lines
    assert "URL;TYPE=WORK:www.diakonie.example.de" in lines
    assert not any("CHARSET" in line or "QUOTED-PRINTABLE" in line for line in lines)


@pytest.mark.parametrize("version", VERSIONS)
def test_an_organisation_has_no_guessed_family_name(version: Version) -> None:
    line = card("FN:Crisis line (local)", "KIND:org", "ORG:Crisis line (local)", version="4.0")
    lines = exported(line, version)
    assert "N:;;;;" in lines and "KIND:org" in lines and "ORG:Crisis line (local)" in lines
    typed = as_contact(ContactDraft(name="Crisis line (local)", relation="crisis_line"))
    assert "N:;;;;\r\n" in write_vcards([(typed, None)], version)


@pytest.mark.parametrize(
    ("lines", "day"),
    [
        (["BDAY:--0415"], (None, 4, 15)),
        (["BDAY:--04-15"], (None, 4, 15)),
        (["BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15"], (None, 4, 15)),
        (["BDAY:1980-04-15"], (1980, 4, 15)),
        (["BDAY;VALUE=date:19800415"], (1980, 4, 15)),
        (["BDAY:1980-04-15T00:00:00Z"], (1980, 4, 15)),
        (["BDAY:--0229"], (None, 2, 29)),
        (["BDAY:1900-02-29"], None),
        (["BDAY:1980-13-01"], None),
        (["BDAY:0000-04-15"], None),
        (["BDAY:circa 1980"], None),
        ([], None),
    ],
)
def test_birthdays(lines: list[str], day: tuple[int | None, int, int] | None) -> None:
    parsed = card("FN:Ann", *lines)
    assert birthday(parsed.extra) == day
    for written in lines:  # written back as read, whatever we make of it, but for a date
        # without a year, which goes out in the version's own form (4.0's here; see
        # test_vcard_birthday_versions.py)
        if day is not None and day[0] is None:
            written = f"BDAY:--{day[1]:02d}{day[2]:02d}"
        assert written in exported(parsed, "4.0")


def test_organisation_categories_and_addresses_with_their_types() -> None:
    jose = read_vcard_file(FIXTURES / "google_contacts_3_0.vcf")[0]
    assert organization(jose.extra) == "Carers Trust"
    assert categories(jose.extra) == ("myContacts", "Carers")
    lines = exported(jose, "4.0")
    assert "ADR;TYPE=HOME:;;Hauptstraße 5;Berlin;;10115;Germany" in lines
    assert "CATEGORIES:myContacts,Carers" in lines
    sara = read_vcard_file(FIXTURES / "apple_icloud_3_0.vcf")[1]
    assert organization(sara.extra) == "Cain Residence"
    units = card("FN:Ann", "ORG:Diakonie;Pflegeberatung\\, Nord")
    assert organization(units.extra) == "Diakonie, Pflegeberatung, Nord"


def test_kept_groups_and_our_label_groups_do_not_mix() -> None:
    parsed = card(
        "FN:Li",
        "item1.ADR;TYPE=HOME:;;Main St 1;Town;;;",
        "item1.X-ABADR:cn",
        "item2.TEL:+1 555 0100",
        "item2.X-ABLabel:Night line",
    )
    assert [(p.name, p.group) for p in parsed.extra] == [("ADR", "item1"), ("X-ABADR", "item1")]
    lines = exported(parsed)
    assert "item1.ADR;TYPE=HOME:;;Main St 1;Town;;;" in lines and "item1.X-ABADR:cn" in lines
    assert "item2.TEL:+1 555 0100" in lines and "item2.X-ABLABEL:Night line" in lines


def test_what_the_app_would_write_anyway_is_not_kept() -> None:
    ann = card("FN:Ann Lee", "N:Lee;Ann;;;", "ADR:;;1 Main St;;;;", "TEL:1")
    assert ann.extra == ()
    assert card("FN:Ann Lee", "N:Lee;Ann;;;", "PRODID:x", "REV:1", "UID:u").extra == ()


def test_limits_and_binary_data(tmp_path: Path) -> None:
    many = [f"X-THING-{n}:{n}" for n in range(101)]
    parsed = card("FN:Ann", "X-LONG:" + "x" * 4_001, "LOGO;ENCODING=b:AAAA", *many)
    assert len(parsed.extra) == 100 and not any(p.name == "LOGO" for p in parsed.extra)
    assert any("X-LONG is too long to keep" in w for w in parsed.warnings)
    assert any("more than 100 other details" in w for w in parsed.warnings)
    assert card("FN:Ann", "LOGO:data:image/png;base64,AAAA").extra == ()


def test_json_storage_round_trip_and_damage() -> None:
    props = (
        VCardProperty("ADR", ";;a;b;;;", (("TYPE", ("home", "pref")),), "item1"),
        VCardProperty("BDAY", "--0415"),
    )
    assert from_json(to_json(props)) == props
    assert to_json(()) == "" and from_json("") == ()
    assert from_json("{not json") == () and from_json('[{"name": 1}]') == ()


def test_an_edit_drops_only_what_it_made_wrong() -> None:
    props = (
        VCardProperty("N", "Lee;Ann;;Dr.;"),
        VCardProperty("ADR", ";;a;;;;"),
        VCardProperty("LABEL", "a"),
        VCardProperty("ORG", "X"),
    )
    before = ContactDraft(name="Ann Lee", address="a")
    assert after_edit(props, before, replace(before, notes="new")) == props
    renamed = after_edit(props, before, replace(before, name="Ann Smith"))
    assert [p.name for p in renamed] == ["ADR", "LABEL", "ORG"]
    moved = after_edit(props, before, replace(before, address="b"))
    assert [p.name for p in moved] == ["N", "ORG"]


def test_through_the_vault(people: PeopleService) -> None:
    cards = read_vcard_file(FIXTURES / "outlook_2_1.vcf")
    (added,) = people.import_cards(cards).added
    kept = people.get(added).vcard_extra
    assert kept == cards[0].extra and organization(kept) == "Diakonie Sozialstation"
    assert "N;LANGUAGE=de:Müller;Jürgen;;Herr;" in people.export_vcard("4.0")
    # Editing the notes keeps everything; a new name drops the old N (it would be wrong).
    contact = people.get(added)
    people.update(added, replace(contact.to_draft(), notes="new notes"))
    assert people.get(added).vcard_extra == kept
    people.update(added, replace(contact.to_draft(), name="Jürgen Meier"))
    assert [p.name for p in people.get(added).vcard_extra if p.name == "N"] == []
    assert "N:Meier;Jürgen;;;" in people.export_vcard("3.0")
    # A typed contact keeps nothing and a contact is still added, updated and listed.
    typed = people.add(ContactDraft(name="Ann", phones=(Phone("0161 555 0100"),)))
    assert typed.vcard_extra == ()
