"""Each exporter's file reads cleanly; each bad file gives one error naming file and line."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.people.errors import VCardError
from carecompanion.people.records import Email, Phone
from carecompanion.people.vcard_read import parse_vcards, read_vcard_file
from tests.people.conftest import FIXTURES


def test_google_contacts() -> None:
    jose, arnold, nameless, priya = read_vcard_file(FIXTURES / "google_contacts_3_0.vcf")
    assert jose.draft.name == "José Müller"
    assert jose.draft.phones == (
        Phone("+49 170 5550101", "mobile"),
        Phone("+49 30 5550102", "home"),
        Phone("+49 30 5550103", "fax"),
        Phone("+49 30 5550104", "Night line"),
    )
    assert jose.draft.emails == (
        Email("jose.mueller@example.com", "home"),
        Email("j.mueller@carers-trust.example.org", "work"),
    )
    assert jose.draft.address == "Hauptstraße 5\nBerlin 10115\nGermany"
    assert jose.draft.notes == (
        "Ran the Tuesday group for years.\nAsk about the benefits form, page 3."
    )
    assert jose.draft.role == "Peer support volunteer"  # from TITLE
    assert jose.photo is None and jose.warnings == (
        "line 16: the photo is a web link; it was not downloaded.",
    )
    assert (arnold.line, arnold.draft.name) == (19, "Arnold Smith")
    assert nameless.draft.name == "no.name.given@example.net"  # an empty FN: the address
    assert priya.draft.name == "Dr. Priya Nair"
    assert priya.draft.emails == (Email("priya.nair@nhs.example.uk", "Clinic"),)


def test_apple_icloud() -> None:
    li, sara = read_vcard_file(FIXTURES / "apple_icloud_3_0.vcf")
    assert li.draft.name == "李小龙"
    assert li.draft.phones == (
        Phone("+86 137 0000 0001", "移动电话"),  # pref first
        Phone("+86 10 0000 0002", "home"),
    )
    assert li.draft.emails == (Email("xiaolong.li@example.cn", "other"),)
    assert li.draft.address == "中关村东路1号\n北京 100084\n中国"
    assert li.draft.notes == "会照顾人, 周末有空"
    assert li.photo is not None and li.photo.mime_type == "image/jpeg"
    assert li.photo.data.startswith(b"\xff\xd8\xff") and len(li.photo.data) == 644
    assert sara.draft.phones[0] == Phone("(775) 555-0142", "mobile")  # _$!<Mobile>!$_
    assert sara.draft.emails == (Email("sara.cain@example.com", "home"),)


def test_thunderbird_4_0() -> None:
    (grete,) = read_vcard_file(FIXTURES / "thunderbird_4_0.vcf")
    draft = grete.draft
    assert draft.name == "Grete Schäfer"
    assert draft.emails[0] == Email("grete.schaefer@example.de", "other")  # PREF=1 first
    assert draft.phones == (
        Phone("+49 151 5550111", "mobile"),
        Phone("+49 228 5550112", "home"),
        Phone("+49-228-5550113 ext. 42", "work"),
    )  # a tel: URI
    assert draft.address == "Am Hof 3, Hinterhaus\nBonn Nordrhein-Westfalen 53113\nDeutschland"
    # Folded inside the two bytes of "ö", and still read whole:
    assert draft.notes == (
        "Kann nachts einspringen\nGut im Zuhören, kennt sich mit der Pflegekasse aus"
    )
    assert grete.uid == "urn:uuid:fdcb9131-38ec-4daf-a4a7-2ef115f562a7"
    assert grete.photo is not None and grete.photo.mime_type == "image/png"


def test_outlook_2_1_quoted_printable_and_base64() -> None:
    (juergen,) = read_vcard_file(FIXTURES / "outlook_2_1.vcf")
    draft = juergen.draft
    assert draft.name == "Jürgen Müller"
    assert [(p.number, p.kind) for p in draft.phones] == [
        ("+49 221 5550121", "work"),
        ("+49 221 5550122", "home"),
        ("+49 160 5550123", "mobile"),
        ("+49 221 5550124", "fax"),
    ]
    assert draft.emails[0].address == "juergen.mueller@diakonie.example.de"
    assert draft.notes == "Kennt sich mit Pflegegrad-Anträgen aus.\nRuft gern abends zurück."
    assert draft.address == "Domstraße 1\nKöln NRW 50667\nDeutschland"
    assert juergen.photo is not None and len(juergen.photo.data) == 644


def test_outlook_windows_code_page() -> None:
    (zoe,) = read_vcard_file(FIXTURES / "outlook_2_1_windows1252.vcf")
    assert (zoe.draft.name, zoe.draft.notes) == ("Zoë Brünner", "Übernimmt gern Einkäufe")


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("bad_photo_line9.vcf", 9, "photo on this line is damaged"),
        ("missing_end_line5.vcf", 5, "no END:VCARD"),
        ("not_a_line_4.vcf", 4, "not a valid vCard line"),
        ("empty_card_line1.vcf", 1, "no name, phone number or e-mail"),
        ("calendar_not_vcard.ics", 1, "BEGIN:VCALENDAR is outside"),
    ],
)
def test_bad_files_name_the_file_and_line(name: str, line: int, message: str) -> None:
    with pytest.raises(VCardError) as caught:
        read_vcard_file(FIXTURES / name)
    error = caught.value
    assert error.line == line
    assert str(error).startswith(f"{FIXTURES / name}, line {line}: ")
    assert message in str(error)
    assert "\n" not in str(error)


def write(tmp_path: Path, text: str | bytes, name: str = "c.vcf") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", None, "no contacts found"),
        (
            "BEGIN:VCARD\r\nFN:A\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n",
            3,
            "before the card at line 1",
        ),
        ("END:VCARD\r\n", 1, "without a BEGIN:VCARD"),
        (
            "BEGIN:VCARD\r\nFN:A\r\n\r\n\r\nNOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=nope:=C3=A9\r\n"
            "END:VCARD\r\n",
            5,
            "not a valid vCard line",
        ),
        (b"BEGIN:VCARD\r\nFN:A\r\nNOTE:\xff\xfe broken\r\nEND:VCARD\r\n", 3, "not UTF-8"),
        (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nTEL:1\r\n"
            + "NOTE:"
            + "n" * 20_001
            + "\r\nEND:VCARD\r\n",
            1,
            "the card for 'A' cannot be imported: Notes",
        ),
    ],
)
def test_more_bad_input(tmp_path: Path, text: str | bytes, line: int | None, message: str) -> None:
    with pytest.raises(VCardError) as caught:
        read_vcard_file(write(tmp_path, text))
    assert caught.value.line == line and message in str(caught.value)


def test_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import carecompanion.people.vcard_read as reader

    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n"
    monkeypatch.setattr(reader, "VCARD_MAX_CARDS", 3)
    with pytest.raises(VCardError, match="more than 3 contacts"):
        read_vcard_file(write(tmp_path, card * 4))
    assert len(read_vcard_file(write(tmp_path, card * 3))) == 3
    monkeypatch.setattr(reader, "VCARD_MAX_BYTES", 1024 * 1024)
    big = card + " " * 2 * 1024 * 1024
    with pytest.raises(VCardError, match="at most 1 MiB"):
        read_vcard_file(write(tmp_path, big))
    with pytest.raises(VCardError, match="at most 1 MiB"):  # bytes from elsewhere too
        reader.parse_vcards(big.encode(), Path("big.vcf"))
    with pytest.raises(VCardError, match="cannot be read"):
        read_vcard_file(tmp_path / "missing.vcf")


def test_odd_but_harmless_values_become_warnings(tmp_path: Path) -> None:
    big = base64.b64encode(b"\xff\xd8\xff" + b"\x00" * (600 * 1024)).decode()
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nTEL:n/a\r\nEMAIL:not an address\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{big}\r\nX-CARECOMPANION-CHECK-IN-DAYS:soon\r\n"
        "END:VCARD\r\n"
    )
    (card,) = read_vcard_file(write(tmp_path, text))
    assert card.draft.phones == () and card.draft.emails == ()
    assert card.photo is None and card.draft.check_in_days is None
    assert [w.split(":", 1)[0] for w in card.warnings] == ["line 6", "line 1", "line 1", "line 1"]
    assert any("larger than 512 KiB" in w for w in card.warnings)


def test_utf16_and_bom(tmp_path: Path) -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n"
    for data in (card.encode("utf-16"), b"\xef\xbb\xbf" + card.encode()):
        (parsed,) = read_vcard_file(write(tmp_path, data))
        assert parsed.draft.name == "Zoë"


VALID = (
    (FIXTURES / "outlook_2_1.vcf").read_bytes()
    + (FIXTURES / "thunderbird_4_0.vcf").read_bytes()
    + (FIXTURES / "apple_icloud_3_0.vcf").read_bytes()
)


@given(data=st.binary(max_size=2000))
def test_any_bytes_read_or_fail_with_one_clear_error(data: bytes) -> None:
    try:
        parse_vcards(data, Path("fuzz.vcf"))
    except VCardError as exc:
        assert str(exc).startswith("fuzz.vcf") and "\n" not in str(exc)


# Pieces of vCard syntax, so damage lands where parsers are fragile.
SYNTAX = st.sampled_from(
    [
        b";",
        b":",
        b"=",
        b"\\",
        b",",
        b"\r\n",
        b"\r\n ",
        b"BEGIN:VCARD\r\n",
        b"END:VCARD\r\n",
        b"ENCODING=QUOTED-PRINTABLE",
        b"=C3",
        b"=\r\n",
        b"TYPE=",
        b'"',
        b"item1.",
        b"PHOTO;ENCODING=b:",
        b"data:",
        b"tel:",
        b"CHARSET=x-none",
        b"VERSION:4.0",
        b"\xff",
        b"X-CARECOMPANION-CHECK-IN-DAYS:",
        b"ADR:",
        b"N:",
        b"TEL;VALUE=uri:tel:;ext=",
        b"BASE64",
    ]
)


@given(
    cut=st.integers(0, len(VALID)),
    length=st.integers(0, 40),
    insert=st.lists(SYNTAX | st.binary(max_size=6), max_size=4),
)
def test_damaged_real_files_read_or_fail_with_one_clear_error(
    cut: int, length: int, insert: list[bytes]
) -> None:
    data = VALID[:cut] + b"".join(insert) + VALID[cut + length :]
    try:
        cards = parse_vcards(data, Path("damaged.vcf"))
    except VCardError as exc:
        assert exc.line is None or exc.line >= 1
    else:
        assert all(card.draft.name for card in cards)


def test_a_stray_begin_is_named_on_one_short_line() -> None:
    """Quoted-printable text continues past its line end (found by fuzzing, issue 16): the
    message naming it stays one line, and short however long the value."""
    for data in (
        b"BEGIN:N;ENCODING=QUOTED-PRINTABLE:=\r\nN:VCARD\r\n",
        b"BEGIN:" + b"X" * 100_000 + b"\r\n",
    ):
        with pytest.raises(VCardError) as caught:
            parse_vcards(data, Path("c.vcf"))
        assert "\n" not in str(caught.value) and len(str(caught.value)) < 200


def test_line_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines a file and a card may hold: vobject reads ~100,000 a second, so 64 MB of short
    lines would take minutes (issue 16); each limit names the line that goes past it."""
    import carecompanion.people.vcard_read as reader

    card = b"BEGIN:VCARD\r\nFN:A\r\n" + b"X-A:1\r\n" * 5 + b"END:VCARD\r\n"
    monkeypatch.setattr(reader, "VCARD_MAX_LINES", 12)
    with pytest.raises(VCardError, match="more than 12 lines") as caught:
        parse_vcards(card * 2, Path("c.vcf"))
    assert caught.value.line == 13
    monkeypatch.setattr(reader, "VCARD_MAX_FILE_LINES", 100)
    with pytest.raises(VCardError, match="more than 100 lines") as caught:
        parse_vcards(card + b"\r\n" * 100, Path("c.vcf"))
    assert caught.value.line == 101
    monkeypatch.setattr(reader, "VCARD_MAX_CARD_LINES", 4)
    with pytest.raises(VCardError, match="more than 4 lines; is the file damaged") as caught:
        parse_vcards(card, Path("c.vcf"))
    assert caught.value.line == 1
