"""Crisis lines: built-in per country, chosen once, editable; and the help panel."""

from __future__ import annotations

from pathlib import Path

import pytest

from carecompanion.people.contacts import PeopleService
from carecompanion.people.crisis import CrisisResourceDraft
from carecompanion.people.crisis_lines import COUNTRIES, OTHER, suggested_country
from carecompanion.people.errors import InvalidResource, ResourceNotFound, UnknownCountry
from carecompanion.people.records import ContactDraft, Email, Phone

DOC = Path(__file__).parents[2] / "docs" / "crisis-lines.md"


@pytest.mark.parametrize(
    ("code", "name", "phone", "emergency"),
    [
        ("US", "988 Suicide & Crisis Lifeline", "988", "911"),
        ("CA", "9-8-8: Suicide Crisis Helpline", "988", "911"),
        ("GB", "Samaritans", "116 123", "999"),
        ("IE", "Samaritans", "116 123", "112 or 999"),
        ("AU", "Lifeline", "13 11 14", "000"),
        ("NZ", "1737, Need to talk?", "1737", "111"),
    ],
)
def test_the_built_in_lines_named_in_the_issue(
    code: str, name: str, phone: str, emergency: str
) -> None:
    country = COUNTRIES[code]
    assert (country.lines[0].name, country.lines[0].phone) == (name, phone)
    assert country.emergency_number == emergency


def test_every_built_in_number_has_its_source_in_the_docs() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert "not an emergency service" in doc
    for country in COUNTRIES.values():
        assert f"({country.code})" in doc
        for line in country.lines:
            assert line.source_url.startswith("https://") and line.source_url in doc
            assert line.phone and f"**{line.phone}**" in doc
        if country.emergency_number:
            assert country.emergency_source_url in doc
    assert COUNTRIES[OTHER].lines == () and COUNTRIES[OTHER].emergency_number == ""


def test_nothing_is_chosen_until_first_run(people: PeopleService) -> None:
    crisis = people.crisis
    assert crisis.chosen_country() is None and crisis.list() == []
    assert crisis.statement() == (
        "CareCompanion is not an emergency service and cannot call for help. If you or "
        "someone else is in danger right now, call your local emergency number."
    )


def test_choosing_a_country_copies_its_lines(people: PeopleService) -> None:
    crisis = people.crisis
    (samaritans,) = crisis.choose_country("gb")
    assert (samaritans.name, samaritans.phone, samaritans.position) == ("Samaritans", "116 123", 0)
    assert crisis.chosen_country() == "GB" and crisis.emergency_number() == "999"
    assert crisis.statement().endswith("call 999.")
    (lifeline,) = crisis.choose_country("AU")  # choosing again replaces the list
    assert lifeline.phone == "13 11 14" and crisis.list() == [lifeline]
    assert crisis.choose_country(OTHER) == [] and crisis.emergency_number() == ""
    with pytest.raises(UnknownCountry, match=r"'XX'.*US, CA, GB"):
        crisis.choose_country("XX")


def test_the_lines_are_editable(people: PeopleService) -> None:
    crisis = people.crisis
    crisis.choose_country("US")
    local = crisis.add(
        CrisisResourceDraft(name="County warmline", phone="555 0100", hours="evenings")
    )
    assert [r.name for r in crisis.list()] == ["988 Suicide & Crisis Lifeline", "County warmline"]
    edited = crisis.update(
        local.id, CrisisResourceDraft(name="County warm line", text_number="555 0101")
    )
    assert (edited.name, edited.phone, edited.text_number) == ("County warm line", "", "555 0101")
    crisis.delete(crisis.list()[0].id)
    assert [r.name for r in crisis.list()] == ["County warm line"]
    assert crisis.set_emergency_number(" 911 ") == "911" and crisis.emergency_number() == "911"
    with pytest.raises(InvalidResource) as caught:
        crisis.add(CrisisResourceDraft(name=""))
    assert {p.field for p in caught.value.problems} == {"name", "phone"}
    with pytest.raises(ResourceNotFound):
        crisis.update(999, CrisisResourceDraft(name="x", phone="1"))
    with pytest.raises(ResourceNotFound):
        crisis.delete(999)


@pytest.mark.parametrize(
    ("locale", "code"),
    [
        ("en_GB", "GB"),
        ("en-US", "US"),
        ("fr_CA", "CA"),
        ("de_DE", "DE"),
        ("de", "DE"),
        ("de_AT", OTHER),
        ("pt_BR", OTHER),
        ("C", OTHER),
        ("en_NZ.UTF-8", "NZ"),
    ],
)
def test_suggested_country(locale: str, code: str) -> None:
    assert suggested_country(locale) == code


def test_help_panel_puts_the_persons_own_people_first(people: PeopleService) -> None:
    people.add(ContactDraft(name="Not in an emergency", phones=(Phone("0161 555 0100"),)))
    sister = people.add(
        ContactDraft(
            name="My sister",
            is_emergency=True,
            role="lives nearby",
            phones=(Phone("07700 900123"),),
        )
    )
    friend = people.add(
        ContactDraft(name="A friend", is_emergency=True, emails=(Email("friend@example.org"),))
    )
    people.crisis.choose_country("GB")
    panel = people.help_panel()
    assert panel.country == "GB" and panel.emergency_number == "999"
    assert "not an emergency service" in panel.statement and "999" in panel.statement
    assert [(e.kind, e.name, e.reach) for e in panel.entries] == [
        ("person", "A friend", "friend@example.org"),
        ("person", "My sister", "07700 900123"),
        ("crisis", "Samaritans", "116 123"),
    ]
    assert panel.entries[1].contact_id == sister.id and panel.entries[1].detail == "lives nearby"
    assert panel.entries[0].contact_id == friend.id
    assert panel.entries[2].resource_id is not None and panel.entries[2].url
    assert people.support_contacts() == panel.entries


def test_a_line_with_only_a_web_address(people: PeopleService) -> None:
    people.crisis.add(CrisisResourceDraft(name="Chat", url="https://chat.example.org"))
    (entry,) = people.support_contacts()
    assert (entry.kind, entry.reach, entry.phones) == ("crisis", "https://chat.example.org", ())
