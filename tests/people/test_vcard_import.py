"""vCard import against the vault: preview first, duplicates matched, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from carecompanion.people.contacts import PeopleService
from carecompanion.people.errors import VCardError
from carecompanion.people.records import ContactDraft, Email, ParsedCard, Phone
from carecompanion.people.vcard_read import parse_vcards, read_vcard_file
from carecompanion.storage.database import Database
from tests.helpers import hash_tree
from tests.people.conftest import FIXTURES, JPEG

EXPORTERS = (
    "google_contacts_3_0.vcf",
    "apple_icloud_3_0.vcf",
    "thunderbird_4_0.vcf",
    "outlook_2_1.vcf",
    "outlook_2_1_windows1252.vcf",
)


def cards(text: str) -> list[ParsedCard]:
    return parse_vcards(text.encode("utf-8"), Path("test.vcf"))


def card(name: str, *lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", *lines, "END:VCARD", ""])


@pytest.mark.parametrize("name", EXPORTERS)
def test_each_exporter_imports_and_a_second_import_adds_nothing(
    people: PeopleService, name: str
) -> None:
    parsed = read_vcard_file(FIXTURES / name)
    preview = people.preview_import(parsed)
    assert (preview.total, len(preview.new), preview.duplicates) == (len(parsed), len(parsed), ())
    assert people.list() == []  # a preview writes nothing
    result = people.import_cards(parsed)
    assert len(result.added) == len(parsed) and result.duplicates == 0
    assert sorted(c.name for c in people.list()) == sorted(c.draft.name for c in parsed)
    for parsed_card, contact_id in zip(parsed, result.added, strict=True):
        contact = people.get(contact_id)
        assert contact.to_draft() == parsed_card.draft
        assert people.photo(contact_id) == parsed_card.photo
    again = people.import_cards(read_vcard_file(FIXTURES / name))
    assert (again.added, again.duplicates) == ((), len(parsed))
    assert len(people.list()) == len(parsed)


def test_duplicates_need_the_same_name_and_a_shared_phone_or_email(people: PeopleService) -> None:
    saved = people.add(
        ContactDraft(
            name="José Müller",
            phones=(Phone("+44 20 7946 0958"),),
            emails=(Email("jose@example.org"),),
        )
    )
    bare = people.add(ContactDraft(name="Ann Lee"))
    preview = people.preview_import(
        cards(
            card("jose muller", "TEL:0044 20 7946-0958")  # same person: name and phone
            + card("JOSÉ MÜLLER", "EMAIL:Jose@Example.org")  # same person: name and e-mail
            + card("José Müller", "TEL:+1 555 0100")  # a namesake with another number
            + card("Ann Lee")  # a bare name matches a bare name
            + card("Ann Lee", "TEL:+1 555 0199")  # but not once there is a number to compare
            + card("New Person", "TEL:+1 555 0142")
            + card("new  person", "TEL:+1 555 0142")  # listed twice in the same file
        )
    )
    assert [(c.draft.name, match) for c, match in preview.duplicates] == [
        ("jose muller", saved.id),
        ("JOSÉ MÜLLER", saved.id),
        ("Ann Lee", bare.id),
        ("new person", None),
    ]
    assert [c.draft.name for c in preview.new] == ["José Müller", "Ann Lee", "New Person"]


def test_a_card_we_exported_matches_by_uid_even_renamed(people: PeopleService) -> None:
    contact = people.add(ContactDraft(name="Ann", phones=(Phone("0161 555 0100"),)))
    people.set_photo(contact.id, JPEG)
    text = people.export_vcard("4.0")
    renamed = text.replace("FN:Ann", "FN:Annie")
    preview = people.preview_import(cards(renamed))
    assert [(c.draft.name, match) for c, match in preview.duplicates] == [("Annie", contact.id)]


def test_moving_contacts_to_another_vault_keeps_their_uid(
    people: PeopleService, tmp_path: Path, database: Database
) -> None:
    contact = people.add(ContactDraft(name="Ann", notes="likes tea"))
    exported = people.export_vcard("3.0")
    people.delete(contact.id)
    (added,) = people.import_cards(cards(exported)).added
    assert people.get(added).uid == contact.uid and people.get(added).notes == "likes tea"


def test_service_round_trip_with_photos(people: PeopleService) -> None:
    for version in ("3.0", "4.0"):
        for contact in people.list():
            people.delete(contact.id)
        full = people.add(
            ContactDraft(
                name="李小龙",
                relation="peer",
                role="been there",
                is_emergency=True,
                phones=(Phone("+86 137 0000 0001", "移动电话"), Phone("010 0000 0002", "home")),
                emails=(Email("li@example.cn", "work"),),
                address="中关村东路1号\n北京",
                notes="会照顾人, 周末有空; 真的",
                helps=("good listener", "night, shifts"),
                best_times="after 8pm; not Sundays",
                check_in_days=10,
            )
        )
        people.set_photo(full.id, JPEG)
        text = people.export_vcard(version)
        people.delete(full.id)
        (added,) = people.import_cards(cards(text)).added
        assert people.get(added).to_draft() == full.to_draft()
        assert people.photo(added).data == JPEG  # type: ignore[union-attr]


def test_a_bad_file_writes_nothing(
    people: PeopleService, database: Database, tmp_path: Path
) -> None:
    people.add(ContactDraft(name="Already here"))
    database.checkpoint()

    def files() -> dict[str, str]:  # the shared-memory index changes on every checkpoint
        return {k: v for k, v in hash_tree(database.path.parent).items() if not k.endswith("-shm")}

    before = files()
    with pytest.raises(VCardError, match="line 9"):
        people.import_cards(read_vcard_file(FIXTURES / "bad_photo_line9.vcf"))
    database.checkpoint()
    assert files() == before
    assert [c.name for c in people.list()] == ["Already here"]


def test_an_import_is_one_transaction(
    people: PeopleService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import carecompanion.people.repository.contacts as repository

    parsed = read_vcard_file(FIXTURES / "google_contacts_3_0.vcf")
    calls = 0
    real = repository.fill_contact

    def failing_fill(row: object, draft: ContactDraft) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("disk full")
        real(row, draft)  # type: ignore[arg-type]

    monkeypatch.setattr(repository, "fill_contact", failing_fill)
    with pytest.raises(RuntimeError):
        people.import_cards(parsed)
    assert people.list() == []


def test_export_of_chosen_contacts(people: PeopleService) -> None:
    ann = people.add(ContactDraft(name="Ann"))
    people.add(ContactDraft(name="Bob"))
    assert [c.draft.name for c in cards(people.export_vcard(ids=[ann.id]))] == ["Ann"]
    assert people.export_vcard(ids=[]) == ""
