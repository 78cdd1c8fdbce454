"""`contacts list` shows the organisation and the birthday a vCard import keeps (issue 16).

They come after the columns the command always printed (and after the keys of its JSON), so
a script that reads the old columns by position or the old keys by name reads them still.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}
#: The columns and keys `contacts list` printed before these two, in their order.
EARLIER = [
    "id",
    "name",
    "relation",
    "role",
    "phones",
    "emails",
    "check_in_days",
    "next_check_in",
    "emergency",
]
CARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n"
    "ORG:Diakonie;Pflegeberatung\r\nBDAY:1980-04-15\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bob Ray\r\nBDAY:--0229\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cat Day\r\n"
    "BDAY;X-APPLE-OMIT-YEAR=1604:1604-12-01\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dan Fox\r\nEND:VCARD\r\n"
)


def test_list_ends_with_the_organisation_and_the_birthday(
    cli: Run, cli_home: AppPaths, tmp_path: Path
) -> None:
    card = tmp_path / "cards.vcf"
    card.write_text(CARDS, encoding="utf-8")
    assert cli("contacts", "import-vcard", str(card), **PASS).code == 0

    listed = cli("contacts", "list", **PASS)
    assert listed.code == 0, listed.err
    rows = [line.split("\t") for line in listed.out.splitlines()]
    assert [row[1] for row in rows] == ["Ann Lee", "Bob Ray", "Cat Day", "Dan Fox"]
    assert all(len(row) == len(EARLIER) + 2 for row in rows)
    assert [row[-2:] for row in rows] == [
        ["Diakonie, Pflegeberatung", "1980-04-15"],
        ["", "--02-29"],  # no year (vCard 4.0)
        ["", "--12-01"],  # no year (Apple's placeholder year 1604)
        ["", ""],
    ]

    document = json.loads(cli("contacts", "list", "--json", **PASS).out)
    assert all(list(row)[: len(EARLIER)] == EARLIER for row in document)
    assert [(row["organisation"], row["birthday"]) for row in document] == [
        ("Diakonie, Pflegeberatung", "1980-04-15"),
        ("", "--02-29"),
        ("", "--12-01"),
        ("", None),
    ]
    assert list(document[0])[len(EARLIER) :] == ["organisation", "birthday"]


def test_a_typed_contact_has_empty_card_fields(cli: Run, cli_home: AppPaths) -> None:
    added = cli("contacts", "add", "--name", "Eve", "--json", **PASS)
    row = json.loads(added.out)
    assert (row["organisation"], row["birthday"]) == ("", None)
