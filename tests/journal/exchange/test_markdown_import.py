"""A folder of Markdown or plain-text files (fixtures: tests/fixtures/markdown/notes)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.journal.exchange import ImportFormatError, ImportSource, read_import
from carecompanion.journal.exchange.markdown_import import parse_markdown_text
from tests.journal.exchange.conftest import FIXTURES

LONDON = ZoneInfo("Europe/London")


def test_reads_the_fixture_folder() -> None:
    entries = read_import(ImportSource.MARKDOWN, FIXTURES / "markdown" / "notes", tz=LONDON)
    by_name = {entry.location.path: entry.draft for entry in entries}
    assert sorted(by_name) == [
        "2024-05-01-2130-first-night-home.md",
        "2024-05-04_what-drained-me.txt",
        "2024/05/12.txt",
        "20240503.md",
        "jekyll-post.markdown",
        "obsidian-style.md",
    ]  # not picture.png, not .obsidian/, in path order

    first = by_name["2024-05-01-2130-first-night-home.md"]
    assert (first.title, first.tags, first.is_favourite) == (
        "First night home",
        ("discharge", "night shift"),
        True,
    )
    assert first.entry_at == datetime(2024, 5, 1, 21, 30, tzinfo=LONDON)
    assert first.body.startswith("Mum is home from the hospital.")

    appointment = by_name["20240503.md"]  # date from the name, title from the heading
    assert appointment.title == "Appointment notes"
    assert appointment.body == "Dr Okafor: keep the evening dose, review in **four weeks**."
    assert appointment.entry_at == datetime(2024, 5, 3, 12, 0, tzinfo=LONDON)

    plain = by_name["2024-05-04_what-drained-me.txt"]  # title from the file name
    assert plain.title == "What drained me"

    obsidian = by_name["obsidian-style.md"]  # created:, block list, "#tag"
    assert obsidian.entry_at == datetime(2024, 5, 6, 8, 15, tzinfo=timezone(timedelta(hours=2)))
    assert obsidian.tags == ("gratitude", "neighbours")
    assert obsidian.title == "Thank you, Mrs Patel"

    jekyll = by_name["jekyll-post.markdown"]  # single quotes, "a, b" tags, +0100 offset
    assert jekyll.title == "Respite weekend: what we planned"
    assert jekyll.tags == ("respite", "planning")
    assert jekyll.entry_at.isoformat() == "2024-05-10T09:00:00+01:00"
    assert not jekyll.is_favourite

    dated_path = by_name["2024/05/12.txt"]  # jrnl's folder layout
    assert (dated_path.title, dated_path.entry_at.date().isoformat()) == ("", "2024-05-12")


@pytest.mark.parametrize(
    ("text", "title", "tags", "body"),
    [
        ("---\ntitle: x\ntags: [a, 'b, c', \"d\"]\n---\nbody", "x", ("a", "b, c", "d"), "body"),
        ("---\ntags:\n- one\n- two\n---\n\n# Heading\n\nrest", "Heading", ("one", "two"), "rest"),
        ('---\ntags: "#one #two"\n---\ntext', "Note", ("one", "two"), "text"),
        (
            '---\ntags: \'#one #two\'\ntitle: "Quote \\"inside\\" \\u00e9"\n---\n',
            'Quote "inside" é',
            ("one", "two"),
            "",
        ),
        (
            "Some text\n\n# A later heading\n",
            "A later heading",
            (),
            "Some text\n\n# A later heading",
        ),
        ("---\nno closing line\n\nbody", "Note", (), "---\nno closing line\n\nbody"),
        ("---\r\ntitle: Windows\r\n---\r\nline\r\n", "Windows", (), "line"),
        ("---\ntitle: |\n  Two\n  lines\nkeywords: [k]\n---\nb", "Two\nlines", ("k",), "b"),
    ],
)
def test_front_matter_variants(text: str, title: str, tags: tuple[str, ...], body: str) -> None:
    entry = parse_markdown_text(text, "2024-01-02-note.md", LONDON)
    assert (entry.draft.title, entry.draft.tags, entry.draft.body) == (title, tags, body)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("2024-01-02.md", "x", "2024-01-02T12:00:00+00:00"),
        ("20240102-2215 late.md", "x", "2024-01-02T22:15:00+00:00"),
        ("2024_01_02 07.45 early.txt", "x", "2024-01-02T07:45:00+00:00"),
        ("note.md", "---\ndate: 2024-07-01T06:00:00Z\n---\n", "2024-07-01T06:00:00+00:00"),
        ("note.md", "---\nDate: 2024-07-01\n---\n", "2024-07-01T12:00:00+01:00"),
        ("2020-01-01.md", "---\ncreated: 2024-07-01 18:05\n---\n", "2024-07-01T18:05:00+01:00"),
    ],
)
def test_dates(name: str, text: str, expected: str) -> None:
    assert parse_markdown_text(text, name, LONDON).draft.entry_at.isoformat() == expected


def test_no_date_refuses_the_file_at_line_1(tmp_path: Path) -> None:
    (tmp_path / "2024-01-01-fine.md").write_text("fine")
    (tmp_path / "shopping list.md").write_text("milk")
    with pytest.raises(ImportFormatError) as raised:
        read_import(ImportSource.MARKDOWN, tmp_path)
    assert str(raised.value).startswith("shopping list.md, line 1: there is no date")


def test_bad_front_matter_names_its_line() -> None:
    text = "---\ntitle: ok\ndate: next tuesday\n---\n"
    with pytest.raises(ImportFormatError, match=r"^n.md, line 3: 'next tuesday' is not a date"):
        parse_markdown_text(text, "n.md")
    with pytest.raises(ImportFormatError, match=r"^n.md, line 2: favourite must be true or false"):
        parse_markdown_text("---\nfavourite: maybe\ndate: 2024-01-01\n---\n", "n.md")
    with pytest.raises(ImportFormatError, match=r"^n.md, line 3: .*not 'name: value'"):
        parse_markdown_text("---\ndate: 2024-01-01\n: what\n---\n", "n.md")
    with pytest.raises(ImportFormatError, match=r"line 2: a list started with '\[' is not closed"):
        parse_markdown_text("---\ntags: [a, b\ndate: 2024-01-01\n---\n", "n.md")


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "2024-01-01.txt").write_bytes(b"line one\nline two \xe9t\xe9\n")
    with pytest.raises(ImportFormatError, match=r"^2024-01-01.txt, line 2: this is not UTF-8"):
        read_import(ImportSource.MARKDOWN, tmp_path)


def test_attachment_links_may_not_leave_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("private")
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2024-01-01.md").write_text(
        "hi\n\n<!-- carecompanion:attachments -->\n- [s](../secret.txt)\n"
    )
    with pytest.raises(ImportFormatError, match=r"line 3: the attachment '../secret.txt' is not"):
        read_import(ImportSource.MARKDOWN, folder)
    if hasattr(os, "symlink"):
        (folder / "2024-01-01.md").write_text(
            "hi\n\n<!-- carecompanion:attachments -->\n- [s](link.txt)\n"
        )
        (folder / "link.txt").symlink_to(outside)
        with pytest.raises(ImportFormatError, match="is not a file in the import folder"):
            read_import(ImportSource.MARKDOWN, folder)


def test_a_single_file_can_be_imported(tmp_path: Path) -> None:
    file = tmp_path / "2024-03-03-one.md"
    file.write_text("just this")
    (entry,) = read_import(ImportSource.MARKDOWN, file)
    assert entry.draft.title == "One"


@given(st.text(max_size=400), st.sampled_from(["note.md", "2024-01-01.md", "20240101-0930.txt"]))
def test_arbitrary_text_only_ever_raises_import_format_error(text: str, name: str) -> None:
    try:
        entry = parse_markdown_text(text, name, LONDON)
    except ImportFormatError as exc:
        assert exc.path == name
    else:
        assert entry.draft.entry_at.tzinfo is not None


_front_matter_lines = st.lists(
    st.sampled_from(
        [
            "title: x",
            "title: 'unterminated",
            'title: "a \\" b"',
            "date: 2024-02-30",
            "date: 2024-02-03 10:00",
            "date:",
            "tags: [a, b",
            "tags:",
            "  - one",
            "- two",
            "favourite: yes",
            "favourite: 2",
            "created: 1800-01-01",
            "key: |",
            "  text",
            ": bad",
            "# comment",
            "",
            "---",
            "...",
            "tags: #a #b",
            "date: 9999-12-31T23:59+14:00",
        ]
    ),
    max_size=10,
)


@given(_front_matter_lines, st.text(max_size=50))
def test_mutated_front_matter_only_ever_raises_import_format_error(
    lines: list[str], body: str
) -> None:
    text = "---\n" + "\n".join(lines) + "\n---\n" + body
    try:
        parse_markdown_text(text, "fm.md", LONDON)
    except ImportFormatError as exc:
        assert exc.path == "fm.md" and exc.line is not None


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("# Tom \\& Jerry\\!\n\nbody", "Tom & Jerry!", "body"),
        ("# C#\n\nbody", "C#", "body"),  # a closing run needs a blank before it
        ("# Issue \\#\n\nbody", "Issue #", "body"),
        ("# Title ##  \nbody", "Title", "body"),
        ("## Not a title\n\nbody", "Note", "## Not a title\n\nbody"),
        ("#hashtag\n\nbody", "Note", "#hashtag\n\nbody"),
        ("intro\n\n# Later\n\nbody", "Later", "intro\n\n# Later\n\nbody"),
    ],
)
def test_heading_titles(text: str, title: str, body: str) -> None:
    entry = parse_markdown_text(text, "2024-01-02-note.md", LONDON)
    assert (entry.draft.title, entry.draft.body) == (title, body)


def test_a_date_out_of_range_is_refused_at_its_own_line() -> None:
    for date in ("0001-01-01", "9999-12-31 23:59", "1899-12-31"):
        with pytest.raises(ImportFormatError) as raised:
            parse_markdown_text(f"---\ntitle: t\ndate: {date}\n---\n", "n.md")
        assert str(raised.value) == "n.md, line 3: the date is not between the years 1900 and 2999"


def test_an_attachment_link_too_long_for_the_disk_is_refused(tmp_path: Path) -> None:
    name = "x" * 300 + ".png"
    (tmp_path / "2024-01-01.md").write_text(
        f"Note\n\n<!-- carecompanion:attachments -->\n- [photo]({name})\n- [nul](a%00b.png)\n"
    )
    with pytest.raises(ImportFormatError) as raised:
        read_import(ImportSource.MARKDOWN, tmp_path)
    assert str(raised.value) == (
        f"2024-01-01.md, line 3: the attachment '{'x' * 57}…' is not a file in the import folder"
    )


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ('tags: ["a\\",b", "c"]', ['a",b', "c"]),  # an escaped quote does not close the value
        ("tags: ['it''s, fine', 'd']", ["it's, fine", "d"]),  # nor does a doubled one
        ('tags: ["back\\\\", "e"]', ["back\\", "e"]),
        ('tags: ["a\\"]', None),  # the only closing quote is escaped: never closed
        ('title: "form\\ffeed \\bell"', "form\ffeed \bell"),  # JSON's escapes, as we write
    ],
)
def test_quoted_values_as_json_writes_them(line: str, value: object) -> None:
    text = f"---\ndate: 2024-01-01\n{line}\n---\nbody"
    if value is None:
        with pytest.raises(ImportFormatError, match="line 3: a quoted value in a list"):
            parse_markdown_text(text, "n.md")
        return
    entry = parse_markdown_text(text, "n.md")
    assert (list(entry.draft.tags) if isinstance(value, list) else entry.draft.title) == value
