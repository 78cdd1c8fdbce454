"""The one-pass line check accepts exactly the lines vobject's pattern matches (issue 16), so
no real file reads differently, and joins quoted-printable lines as vobject does."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from vobject.base import getLogicalLines, line_re

from carecompanion.people.vcard_syntax import line_shape, logical_lines

# Short lines over the characters that matter: vobject's pattern is slow only on long ones.
SHORT_LINES = st.text(alphabet='AZa09_-.;=,":\\ é\n', max_size=14)


@given(line=SHORT_LINES)
def test_the_check_agrees_with_vobjects_pattern(line: str) -> None:
    assert line_shape(line) == (line_re.match(line) is not None)


@given(
    name=st.sampled_from(["TEL", "item1.EMAIL", "X-A_B"]),
    params=st.lists(
        st.sampled_from([";TYPE=CELL", ";WORK", ",VOICE", '="a;b:c"', "=", ",", ";;X"]),
        max_size=8,
    ),
    value=st.text(max_size=10),
)
def test_real_shapes_agree_too(name: str, params: list[str], value: str) -> None:
    line = name + "".join(params) + ":" + value
    assert line_shape(line) == (line_re.match(line) is not None)


def test_real_lines_pass() -> None:
    for line in (
        "TEL;TYPE=CELL,VOICE;TYPE=pref:+1 555 0100",
        "item1.X-ABLabel:_$!<Mobile>!$_",
        "N;LANGUAGE=de;CHARSET=utf-8:Müller;Jürgen;;Herr;",
        'ADR;TYPE=home;LABEL="Main St 1\\nTown":;;Main St 1;Town;;;',
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ",
        "TEL;WORK;VOICE:+49 221 5550121",
        "BDAY:--0415",
    ):
        assert line_shape(line), line


def test_limits_refuse_what_no_address_book_writes() -> None:
    assert not line_shape("A" * 129 + ":x")
    assert not line_shape("TEL" + ";TYPE=a" * 65 + ":x")
    assert not line_shape("TEL;TYPE=" + "a" * 5_000 + ":x")
    assert line_shape("NOTE:" + "x" * 100_000)  # values are not limited here


LINES = st.lists(
    st.sampled_from(
        [
            "NOTE;ENCODING=QUOTED-PRINTABLE:a=",
            "b=",
            "c",
            "FN:A=",
            "=",
            "x;quoted-printable:=",
            "QUOTED-PRINTABLE",
        ]
    ),
    max_size=8,
)


@given(lines=LINES)
def test_quoted_printable_lines_join_as_vobject_joins_them(lines: list[str]) -> None:
    ours = list(logical_lines((line, n) for n, line in enumerate(lines, start=1)))
    theirs = list(getLogicalLines(io.StringIO("\r\n".join(lines) + "\r\n"), allowQP=True))
    assert [text for text, _ in ours] == [text for text, _ in theirs]
    # vobject counts its first line as 0, every later one from 1.
    assert [n for _, n in ours] == [max(n, 1) for _, n in theirs]
