"""A birthday without a year, exported in each vCard version in the form its readers accept.

vCard 4.0 writes it ``BDAY:--0415``; vCard 3.0 (RFC 2426) has no date without a year, and
3.0 readers refuse or misread ``--0415``. Apple writes it ``BDAY;X-APPLE-OMIT-YEAR=1604:
1604-04-15`` (1604: a leap year, so 29 February fits), which iCloud, Nextcloud/sabre-dav,
DAVx5 and Thunderbird's CardBook read as "no year", and sabre-dav converts ``--0415`` to
it between versions. The export writes that form in 3.0 and ``--0415`` in 4.0, whichever
form the card came in with, and reads both back to the same birthday.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.people.records import ParsedCard
from carecompanion.people.vcard_extra import birthday
from carecompanion.people.vcard_read import parse_vcards
from carecompanion.people.vcard_write import VERSIONS, Version, write_vcards
from tests.people.test_vcard_roundtrip import as_contact


def card(bday_line: str, version: str) -> ParsedCard:
    text = "\r\n".join(
        ["BEGIN:VCARD", f"VERSION:{version}", "FN:Ann Lee", bday_line, "END:VCARD", ""]
    )
    (parsed,) = parse_vcards(text.encode("utf-8"), Path("c.vcf"))
    return parsed


def exported(parsed: ParsedCard, version: Version) -> str:
    contact = replace(as_contact(parsed.draft), vcard_extra=parsed.extra)
    return write_vcards([(contact, None)], version)


def bday_lines(text: str) -> list[str]:
    return [line for line in text.replace("\r\n ", "").split("\r\n") if line.startswith("BDAY")]


def read_back(text: str) -> tuple[int | None, int, int] | None:
    (again,) = parse_vcards(text.encode("utf-8"), Path("again.vcf"))
    return birthday(again.extra)


@pytest.mark.parametrize("written", ["BDAY:--0415", "BDAY:--04-15", "BDAY;VALUE=date:--0415"])
def test_a_yearless_birthday_goes_out_in_3_0_as_apple_writes_it(written: str) -> None:
    text = exported(card(written, "4.0"), "3.0")
    (line,) = bday_lines(text)
    assert line.endswith(":1604-04-15") and "X-APPLE-OMIT-YEAR=1604" in line
    assert "--" not in line
    assert read_back(text) == (None, 4, 15)


def test_apples_form_goes_out_in_4_0_as_the_standard_writes_it() -> None:
    apple = card("BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15", "3.0")
    text = exported(apple, "4.0")
    assert bday_lines(text) == ["BDAY:--0415"]
    assert read_back(text) == (None, 4, 15)
    assert bday_lines(exported(apple, "3.0")) == ["BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-15"]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_birthday_with_a_year_goes_out_as_it_came(version: Version) -> None:
    assert bday_lines(exported(card("BDAY:1980-04-15", "3.0"), version)) == ["BDAY:1980-04-15"]
    # A real year that happens to differ from Apple's placeholder is a year.
    line = "BDAY;X-APPLE-OMIT-YEAR=1604:1980-04-15"
    assert read_back(exported(card(line, "3.0"), version)) == (1980, 4, 15)


DAYS = st.dates().map(lambda d: (d.month, d.day)) | st.just((2, 29))


@given(
    month_day=DAYS,
    source=st.sampled_from(["4.0", "3.0"]),
    hops=st.lists(st.sampled_from(VERSIONS), min_size=1, max_size=3),
)
def test_the_same_birthday_through_any_chain_of_exports(
    month_day: tuple[int, int], source: str, hops: list[Version]
) -> None:
    month, day = month_day
    written = (
        f"BDAY:--{month:02d}{day:02d}"
        if source == "4.0"
        else f"BDAY;X-APPLE-OMIT-YEAR=1604:1604-{month:02d}-{day:02d}"
    )
    parsed = card(written, source)
    for version in hops:
        text = exported(parsed, version)
        if version == "3.0":
            assert not any(":--" in line for line in bday_lines(text))
        (parsed,) = parse_vcards(text.encode("utf-8"), Path("again.vcf"))
        assert birthday(parsed.extra) == (None, month, day)
