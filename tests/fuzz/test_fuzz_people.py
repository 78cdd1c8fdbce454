"""Fuzzing the vCard reader (issue 16): whatever a .vcf file holds, reading it ends in contacts
or in one ``VCardError`` naming the file and line, within a time and memory bound, and a
failed import leaves the vault as it was. (We write .ics files but never read them.)

The reproducers under ``reproducers/people`` are the inputs that once hung; each is read
here within the bounds (``.gz`` ones are stored compressed: hundreds of kilobytes of one
repeated line).
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.people.contacts import PeopleService
from carecompanion.people.errors import VCardError
from carecompanion.people.records import ParsedCard
from carecompanion.people.vcard_read import parse_vcards, read_vcard_file
from carecompanion.storage import migrate
from carecompanion.storage.database import Database
from tests.conftest import fuzz_examples
from tests.fuzz.bounds import ParseBoundExceeded, parse_bounds
from tests.helpers import START

REPRODUCERS = Path(__file__).parent / "reproducers" / "people"
FIXTURES = Path(__file__).parents[1] / "fixtures" / "vcard"
#: A parse of a fuzz input holds the input a few times over; far below what a hang or a
#: runaway copy would take, far above an honest parse of a few kilobytes.
MEGABYTES = 32

#: What each reproducer gives once fixed: the line a VCardError names, or "ok".
EXPECTED: dict[str, int | str] = {
    "tel_type_40_commas_no_colon.vcf": 4,  # was >60 s in vobject's line pattern
    "qp_300k_soft_breaks.vcf.gz": "ok",  # was quadratic joining quoted-printable lines
    "email_100k_dots.vcf.gz": "ok",  # was quadratic in the e-mail pattern (left out, warned)
    "card_300k_lines.vcf.gz": 1,  # was a ContentLine per line, hundreds of MB: too many lines
    "blank_1500k_lines.vcf.gz": "ok",  # was a list of every physical line: 60 MB
    "begin_qp_continued.vcf": 1,  # its message was two lines (quoted-printable continues)
}


def _clean(exc: VCardError) -> None:
    """One line naming the file, and not a hang: the hang guard's exception raised inside
    vobject would otherwise come back as "not a valid vCard line" (our reader turns whatever
    vobject raises into that)."""
    text = str(exc)
    assert "\n" not in text and (exc.line is None or exc.line >= 1)
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ParseBoundExceeded):
            raise cause
        cause = cause.__cause__ or cause.__context__


def _reproducer(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def test_every_reproducer_has_an_expected_outcome() -> None:
    assert sorted(p.name for p in REPRODUCERS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reproducers_read_within_bounds(name: str) -> None:
    data = _reproducer(REPRODUCERS / name)
    outcome: int | str = "ok"
    with parse_bounds(megabytes=MEGABYTES):
        try:
            parse_vcards(data, Path(name))
        except VCardError as exc:
            _clean(exc)
            assert str(exc).startswith(f"{name}, line ")
            outcome = exc.line or 0
    assert outcome == EXPECTED[name]


def test_a_long_run_of_parameters_is_refused_quickly_at_any_length() -> None:
    for commas in (20, 40, 1_000, 100_000):
        data = b"BEGIN:VCARD\r\nFN:A\r\nTEL;TYPE=a" + b"," * commas + b"\r\nEND:VCARD\r\n"
        with parse_bounds(megabytes=MEGABYTES, seconds=5), pytest.raises(VCardError) as caught:
            parse_vcards(data, Path("c.vcf"))
        _clean(caught.value)
        assert caught.value.line == 3


# -- generated content lines -------------------------------------------------------------------
NAMES = st.sampled_from(
    [
        "FN",
        "N",
        "TEL",
        "EMAIL",
        "ADR",
        "ORG",
        "TITLE",
        "BDAY",
        "ANNIVERSARY",
        "CATEGORIES",
        "KIND",
        "NICKNAME",
        "URL",
        "NOTE",
        "LABEL",
        "PHOTO",
        "UID",
        "REV",
        "VERSION",
        "item1.TEL",
        "item1.X-ABLabel",
        "X-CARECOMPANION-HELPS",
        "X-CARECOMPANION-CHECK-IN-DAYS",
        "X-CARECOMPANION-EXTRA",
        "BEGIN",
        "END",
    ]
) | st.from_regex(r"[A-Za-z0-9_.-]{0,6}", fullmatch=True)
PARAM_PIECES = st.sampled_from(
    [
        ";",
        "=",
        ",",
        '"',
        ":",
        "TYPE",
        "TYPE=",
        "type=pref",
        "CELL",
        "WORK",
        "VOICE",
        "PREF=1",
        "ENCODING=b",
        "ENCODING=BASE64",
        "ENCODING=QUOTED-PRINTABLE",
        "QUOTED-PRINTABLE",
        "CHARSET=utf-8",
        "CHARSET=windows-1252",
        "CHARSET=nope",
        "VALUE=uri",
        "VALUE=text",
        "VALUE=date",
        "LABEL=",
        '"a;b:c"',
        "a",
        " ",
    ]
)
VALUE_PIECES = st.sampled_from(
    [
        "VCARD",
        "4.0",
        "3.0",
        "2.1",
        "Ann",
        "Weiß;Dr. Jürgen;;;",
        ";;Main St 1;Town;;123;Land",
        "a,b\\,c",
        "\\n",
        "\\",
        ";",
        ",",
        "=",
        "=C3=A9",
        "=\r\n",
        "--0415",
        "19800101",
        "1980-01-01",
        "20260101T120000Z",
        "org",
        "individual",
        "tel:+1-555-0100;ext=2",
        "+44 20 7946 0958",
        "a@example.org",
        "mailto:a@example.org",
        "data:image/png;base64,iVBORw0KGgo=",
        "/9j/4AAQSkZJRg==",
        "http://example.org/p.jpg",
        "7",
        "\x00",
        "é",
        "🙂",
    ]
)
WELL_FORMED_PARAMS = st.sampled_from(
    [
        ";TYPE=CELL",
        ";TYPE=work,voice",
        ";type=pref",
        ";PREF=1",
        ";WORK",
        ";HOME",
        ";ENCODING=QUOTED-PRINTABLE",
        ";CHARSET=utf-8",
        ";VALUE=date",
        ";VALUE=text",
        ';LABEL="Main St 1"',
        ";X-APPLE-OMIT-YEAR=1604",
    ]
)
LINE_PIECES = st.lists(VALUE_PIECES | st.text(max_size=4), max_size=6)
WELL_FORMED_LINES = st.builds(  # what address books write, with odd values
    lambda name, params, value: name + "".join(params) + ":" + "".join(value),
    st.sampled_from(["N", "ORG", "BDAY", "ADR", "TEL", "EMAIL", "KIND", "CATEGORIES"]) | NAMES,
    st.lists(WELL_FORMED_PARAMS, max_size=3),
    LINE_PIECES,
)
LINES = st.one_of(
    WELL_FORMED_LINES,
    st.builds(  # anything in the parameters
        lambda name, params, value: name + "".join(params) + ":" + "".join(value),
        NAMES,
        st.lists(PARAM_PIECES, max_size=12),
        LINE_PIECES,
    ),
    st.text(max_size=30),
)
CARDS = st.builds(
    lambda version, named, lines, end: "\r\n".join(
        [
            "BEGIN:VCARD",
            f"VERSION:{version}",
            *(["FN:Ann"] if named else []),
            *lines,
            *(["END:VCARD"] if end else []),
        ]
    ),
    st.sampled_from(["2.1", "3.0", "4.0"]),
    st.booleans(),  # a name, so that more cards get past the reader to the fields
    st.lists(LINES, max_size=12) | st.lists(WELL_FORMED_LINES, max_size=12),
    st.sampled_from([True, True, True, False]),
)


def _file(cards: list[str], newline: str, encoding: str) -> bytes:
    text = newline.join("\r\n".join(cards).split("\r\n"))
    try:
        return text.encode(encoding, "surrogatepass")
    except UnicodeEncodeError:
        return text.encode(encoding, "replace")  # latin-1 without the characters it lacks


FILES = st.builds(
    _file,
    st.lists(CARDS, min_size=1, max_size=3),
    st.sampled_from(["\r\n", "\n", "\r", "\r\n "]),
    st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "latin-1"]),
)


def _parse(data: bytes) -> list[ParsedCard] | None:
    """Cards, or None after one clean VCardError; anything else fails the test."""
    with parse_bounds(megabytes=MEGABYTES):
        try:
            cards = parse_vcards(data, Path("fuzz.vcf"))
        except VCardError as exc:
            _clean(exc)
            assert str(exc).startswith("fuzz.vcf")
            return None
    assert cards and all(card.draft.name for card in cards)
    return cards


def _encodable(data: str) -> bytes:
    return data.encode("utf-8", "surrogatepass")


@settings(max_examples=fuzz_examples())
@given(data=FILES | st.text().map(_encodable) | st.binary(max_size=300))
def test_generated_vcards_read_or_fail_cleanly(data: bytes) -> None:
    _parse(data)


VALID = b"".join(
    (FIXTURES / name).read_bytes()
    for name in (
        "outlook_2_1.vcf",
        "thunderbird_4_0.vcf",
        "apple_icloud_3_0.vcf",
        "google_contacts_3_0.vcf",
    )
)


@settings(max_examples=fuzz_examples() // 2)  # each reads four real exports, photos and all
@given(
    cut=st.integers(0, len(VALID)),
    length=st.integers(0, 60),
    insert=st.lists(LINES.map(_encodable) | st.binary(max_size=8), max_size=3),
    repeat=st.integers(1, 200),
)
def test_damaged_real_files_read_or_fail_cleanly(
    cut: int, length: int, insert: list[bytes], repeat: int
) -> None:
    """Real exports with a piece cut out and generated lines (one of them many times over,
    where repetition is what once made a parse slow) put in its place."""
    pieces = [*insert[:-1], *(insert[-1:] * repeat)]
    _parse(VALID[:cut] + b"".join(pieces) + VALID[cut + length :])


# -- through the vault: a failed import changes nothing ----------------------------------------
_KEY = os.urandom(32)


def _vault_bytes(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@settings(
    max_examples=max(100, fuzz_examples() // 20),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=FILES)
def test_a_failed_import_leaves_the_vault_unchanged(tmp_path: Path, data: bytes) -> None:
    """Read and import the way the CLI and the People page do: a file that fails leaves every
    byte of the database as it was; one that reads adds or matches each of its cards."""
    folder = tmp_path / "vault"
    fresh = not folder.exists()
    folder.mkdir(exist_ok=True)
    database = Database(folder / "people.db", _KEY)
    try:
        if fresh:
            migrate.upgrade(database.engine)
        people = PeopleService(database, FixedClock(START))
        before = _vault_bytes(folder)
        path = tmp_path / "contacts.vcf"
        path.write_bytes(data)
        try:
            with parse_bounds(megabytes=MEGABYTES):
                cards = read_vcard_file(path)
        except VCardError as exc:
            _clean(exc)
            assert str(exc).startswith(str(path))
            assert _vault_bytes(folder) == before
        else:
            result = people.import_cards(cards)
            assert len(result.added) + result.duplicates == len(cards)
    finally:
        database.close()
