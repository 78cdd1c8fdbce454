"""Property, for every import: what a valid file holds comes back out through our export.

Generated jrnl exports, Day One zips (with photos), Markdown folders (in our export's style
and in a plain one) and CareCompanion JSON exports are imported into a vault, exported again
as our JSON, and compared field by field with what was generated. The reverse directions are
tested beside these: entry -> our JSON -> entry in test_json_roundtrip, our Markdown export
read back in test_exports (fixed entries) and here (any entry).

What a format cannot carry is left out of the generated input, each for a stated reason:
times are whole seconds (Markdown and jrnl write no fractions, jrnl no seconds either), text
files hold no carriage returns (line endings are normalised on import), and jrnl's naive
times are read in a zone without daylight saving (a time inside a spring gap does not exist).
Time zones themselves are compared as instants: keeping each entry's own zone is planned
separately (issue 16).
"""

from __future__ import annotations

import base64
import hashlib
import json
import string
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.journal.attachments import clean_filename
from carecompanion.journal.exchange import (
    ExportSelection,
    ImportSource,
    commit_import,
    export_json,
    export_markdown,
    preview_import,
)
from carecompanion.journal.service import AttachmentDraft, EntryDraft
from carecompanion.journal.tags import clean_tags, sorted_tags
from carecompanion.session import VaultSession
from tests.journal.exchange.conftest import INDIA, dayone_zip

#: Each example is a vault transaction, an export and a delete: fewer than a parser's fuzz.
EXAMPLES = 40
PROPERTY = settings(
    max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Text a person could type: any character but lone surrogates (not Unicode) and carriage
# returns (a text file's line endings are normalised on import).
CHARS = st.characters(codec="utf-8", exclude_characters="\r")
LINE = st.text(CHARS.filter(lambda c: c != "\n"), max_size=40)
TITLE = LINE.map(str.strip).filter(bool)
BODY = st.text(CHARS, max_size=200).map(lambda t: t.strip())
TAG = st.text(CHARS, min_size=1, max_size=20).map(lambda t: " ".join(t.split())).filter(bool)
TAGS = st.lists(TAG, max_size=4).map(lambda tags: tuple(clean_tags(tags)))
MOMENT = st.datetimes(
    min_value=datetime(1901, 1, 2), max_value=datetime(2998, 12, 30), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))
ZONES = st.sampled_from([UTC, INDIA, timezone(timedelta(hours=-9, minutes=-30))])


def _round_trip(
    session: VaultSession, kind: ImportSource, files: dict[str, bytes], *, tz: Any = UTC
) -> list[dict[str, Any]]:
    """Import ``files`` (the first one, or their folder), export them as our JSON, delete them."""
    journal = session.journal
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "input"
        for name, data in files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        source = root if kind is ImportSource.MARKDOWN else root / next(iter(files))
        preview = preview_import(journal, kind, source, tz=tz)
        assert preview.duplicate_count == 0 and preview.empty_skipped == 0
        ids = commit_import(journal, preview).entry_ids
        out = Path(tmp) / "out.json"
        export_json(journal, ExportSelection.of(ids), out, tz=tz)
        exported: list[dict[str, Any]] = json.loads(out.read_text("utf-8"))["entries"]
    for entry_id in ids:
        journal.delete(entry_id)
    return exported


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _folded(tags: list[str]) -> list[str]:
    """A tag is one per name whatever its case (the first spelling stays): compare folded."""
    return [tag.casefold() for tag in tags]


def _by_title(entries: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {entry["title"]: entry for entry in entries}


# -- jrnl --------------------------------------------------------------------------------------
JRNL_ENTRY = st.fixed_dictionaries(
    {
        "title": TITLE,
        "body": BODY,
        "day": st.dates(min_value=date(1901, 1, 2), max_value=date(2998, 12, 30)),
        "clock": st.times().map(lambda t: t.replace(second=0, microsecond=0)),
        "tags": TAGS.filter(lambda tags: all(not t.startswith(("@", "#")) for t in tags)),
        "starred": st.booleans(),
    }
)


@PROPERTY
@given(entries=st.lists(JRNL_ENTRY, min_size=1, max_size=4, unique_by=lambda e: e["title"]))
def test_a_jrnl_export_comes_back_out(session: VaultSession, entries: list[dict[str, Any]]) -> None:
    document = {
        "tags": {},
        "entries": [
            {
                "title": e["title"],
                "body": e["body"],
                "date": e["day"].isoformat(),
                "time": e["clock"].strftime("%H:%M"),
                "tags": ["@" + tag for tag in e["tags"]],
                "starred": e["starred"],
            }
            for e in entries
        ],
    }
    exported = _by_title(
        _round_trip(
            session, ImportSource.JRNL, {"journal.json": json.dumps(document).encode()}, tz=INDIA
        )
    )
    for e in entries:
        out = exported[e["title"]]
        assert out["body"] == e["body"]
        assert _at(out["entry_at"]) == datetime.combine(e["day"], e["clock"], tzinfo=INDIA)
        assert out["entry_at"] == datetime.combine(e["day"], e["clock"], INDIA).isoformat()
        assert _folded(out["tags"]) == _folded(sorted_tags(e["tags"]))
        assert out["favourite"] == e["starred"]


# -- Day One -----------------------------------------------------------------------------------
def _escaped(text: str) -> str:
    """Markdown's backslash escapes, as Day One writes them into an entry's text."""
    return "".join("\\" + c if c in string.punctuation else c for c in text)


PHOTO = st.tuples(st.binary(min_size=1, max_size=300), st.sampled_from(["jpeg", "png"]))
DAYONE_ENTRY = st.fixed_dictionaries(
    {
        # A title Day One would show: its first line, short, and not Markdown structure.
        "title": TITLE.filter(lambda t: len(_escaped(t)) <= 120),
        "body": BODY.filter(lambda b: "dayone-moment" not in b).map(lambda b: b.lstrip("\n")),
        "created": MOMENT,
        "modified": MOMENT,
        "zone": st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"]),
        "tags": TAGS,
        "starred": st.booleans(),
        "photos": st.lists(PHOTO, max_size=2),
    }
)


@PROPERTY
@given(entries=st.lists(DAYONE_ENTRY, min_size=1, max_size=3, unique_by=lambda e: e["title"]))
def test_a_dayone_export_comes_back_out(
    session: VaultSession, entries: list[dict[str, Any]]
) -> None:
    media: dict[str, bytes] = {}
    items = []
    for number, e in enumerate(entries):
        photos = []
        links = []
        for index, (data, kind) in enumerate(e["photos"]):
            md5 = hashlib.md5(data + bytes([number, index])).hexdigest()  # Day One names media so
            identifier = f"{number:02d}{index:02d}".ljust(32, "A")
            media[f"photos/{md5}.{kind}"] = data
            photos.append({"identifier": identifier, "md5": md5, "type": kind})
            links.append(f"![](dayone-moment://{identifier})")
        text = "\n\n".join(part for part in (_escaped(e["title"]), e["body"], *links) if part)
        items.append(
            {
                "uuid": f"{number:032d}",
                "creationDate": e["created"].isoformat().replace("+00:00", "Z"),
                "modifiedDate": e["modified"].isoformat().replace("+00:00", "Z"),
                "timeZone": e["zone"],
                "text": text,
                "tags": list(e["tags"]),
                "starred": e["starred"],
                "photos": photos,
            }
        )
    journal = json.dumps({"metadata": {"version": "1.0"}, "entries": items}, indent=2).encode()
    exported = _by_title(
        _round_trip(session, ImportSource.DAYONE, {"export.zip": dayone_zip(journal, media)})
    )
    for number, e in enumerate(entries):
        out = exported[e["title"]]
        notes = [f"[Photo: photo-{i + 1}.{kind}]" for i, (_d, kind) in enumerate(e["photos"])]
        assert out["body"] == "\n\n".join(part for part in (e["body"], *notes) if part)
        assert _at(out["entry_at"]) == e["created"] == _at(out["created_at"])
        assert _at(out["updated_at"]) == e["modified"]
        assert _folded(out["tags"]) == _folded(sorted_tags(e["tags"]))
        assert out["favourite"] == e["starred"]
        assert [
            (a["filename"], a["mime_type"], base64.b64decode(a["data"])) for a in out["attachments"]
        ] == [
            (f"photo-{i + 1}.{kind}", f"image/{kind}", data)
            for i, (data, kind) in enumerate(e["photos"])
        ], number


# -- Markdown ----------------------------------------------------------------------------------
MD_ENTRY = st.fixed_dictionaries(
    {
        "title": TITLE,
        "body": BODY.filter(lambda b: "<!-- carecompanion:attachments -->" not in b),
        "at": st.builds(lambda moment, zone: moment.astimezone(zone), MOMENT, ZONES),
        # Written as a notes app would: there a leading "#" is the tag marker, not the name.
        "tags": TAGS.filter(lambda tags: all(not t.startswith("#") for t in tags)),
        "favourite": st.booleans(),
        "style": st.sampled_from(["front matter", "plain"]),
    }
)


def _markdown(e: dict[str, Any]) -> str:
    if e["style"] == "front matter":  # as our export and most note apps write it
        return (
            "---\n"
            f"title: {json.dumps(e['title'], ensure_ascii=False)}\n"
            f"date: {e['at'].isoformat()}\n"
            f"tags: [{', '.join(json.dumps(t, ensure_ascii=False) for t in e['tags'])}]\n"
            f"favourite: {'yes' if e['favourite'] else 'no'}\n"
            "---\n\n"
            f"{e['body']}\n"
        )
    # A dated file with a heading for a title (no front matter: no tags, no favourite).
    return f"# {_escaped(e['title'])}\n\n{e['body']}\n"


@PROPERTY
@given(entries=st.lists(MD_ENTRY, min_size=1, max_size=4, unique_by=lambda e: e["title"]))
def test_a_markdown_folder_comes_back_out(
    session: VaultSession, entries: list[dict[str, Any]]
) -> None:
    files: dict[str, bytes] = {}
    for number, e in enumerate(entries):
        if e["style"] == "plain":
            e["at"] = e["at"].astimezone(INDIA)
            name = f"{e['at']:%Y-%m-%d-%H%M}-n{number}.md"
            e |= {"tags": (), "favourite": False, "at": e["at"].replace(second=0)}
        else:
            name = f"notes/{number}.md"
        files[name] = _markdown(e).encode()
    exported = _by_title(_round_trip(session, ImportSource.MARKDOWN, files, tz=INDIA))
    for e in entries:
        out = exported[e["title"]]
        assert out["body"] == e["body"]
        assert _at(out["entry_at"]) == e["at"]
        assert _folded(out["tags"]) == _folded(sorted_tags(e["tags"]))
        assert out["favourite"] == e["favourite"]


@PROPERTY
@given(
    title=LINE,
    body=BODY.filter(lambda b: "<!-- carecompanion:attachments -->" not in b),
    at=MOMENT,
    # Any tag, "#care" too: our export writes it "##care", one "#" being the notes apps'
    # marker (tests/journal/exchange/test_markdown_tags.py).
    tags=TAGS,
    favourite=st.booleans(),
    files=st.lists(st.tuples(TITLE, st.binary(max_size=64)), max_size=2),
)
def test_any_entry_survives_our_markdown_export(
    session: VaultSession,
    title: str,
    body: str,
    at: datetime,
    tags: tuple[str, ...],
    favourite: bool,
    files: list[tuple[str, bytes]],
) -> None:
    """Our Markdown export, imported again: every field back (the other direction)."""
    journal = session.journal
    attachments = tuple(
        AttachmentDraft(name, "application/octet-stream", data) for name, data in files
    )
    draft = EntryDraft(title.strip(), body, at, tags, favourite, attachments)
    if not draft.title and not draft.body and not attachments:
        return  # an empty entry is skipped on import, by design
    entry = journal.add_draft(draft)
    with tempfile.TemporaryDirectory() as tmp:
        export_markdown(journal, ExportSelection.of([entry.id]), Path(tmp) / "md", tz=INDIA)
        journal.delete(entry.id)
        exported = _round_trip(
            session,
            ImportSource.MARKDOWN,
            {
                p.relative_to(Path(tmp) / "md").as_posix(): p.read_bytes()
                for p in _files(Path(tmp) / "md")
            },
            tz=INDIA,
        )
    (out,) = exported
    assert (out["title"], out["body"], _at(out["entry_at"])) == (draft.title, body, at)
    assert (_folded(out["tags"]), out["favourite"]) == (_folded(sorted_tags(tags)), favourite)
    assert [base64.b64decode(a["data"]) for a in out["attachments"]] == [d for _n, d in files]


def _files(root: Path) -> Iterator[Path]:
    return (path for path in sorted(root.rglob("*")) if path.is_file())


# -- our own JSON --------------------------------------------------------------------------------
OUR_ENTRY = st.fixed_dictionaries(
    {
        "title": TITLE,
        "body": st.text(st.characters(codec="utf-8"), max_size=200),
        "entry_at": st.builds(lambda m, z: m.astimezone(z), MOMENT, ZONES),
        "created_at": MOMENT,
        "updated_at": MOMENT,
        "tags": TAGS,
        "favourite": st.booleans(),
        "attachments": st.lists(
            st.tuples(TITLE, st.binary(max_size=64), MOMENT),
            max_size=2,
        ),
    }
)


@PROPERTY
@given(entries=st.lists(OUR_ENTRY, min_size=1, max_size=3, unique_by=lambda e: e["title"]))
def test_a_carecompanion_export_comes_back_out(
    session: VaultSession, entries: list[dict[str, Any]]
) -> None:
    document = {
        "format": "carecompanion-journal",
        "version": 1,
        "exported_at": "2026-01-01T00:00:00Z",
        "entries": [
            {
                "title": e["title"],
                "body": e["body"],
                "entry_at": e["entry_at"].isoformat(),
                "created_at": e["created_at"].isoformat(),
                "updated_at": e["updated_at"].isoformat(),
                "tags": list(e["tags"]),
                "favourite": e["favourite"],
                "attachments": [
                    {
                        "filename": name,
                        "mime_type": "image/png",
                        "size": len(data),
                        "created_at": when.isoformat(),
                        "data": base64.b64encode(data).decode(),
                    }
                    for name, data, when in e["attachments"]
                ],
            }
            for e in entries
        ],
    }
    exported = _by_title(
        _round_trip(session, ImportSource.JSON, {"journal.json": json.dumps(document).encode()})
    )
    for e in entries:
        out = exported[e["title"]]
        assert out["body"] == e["body"]
        assert _at(out["entry_at"]) == e["entry_at"]
        assert (_at(out["created_at"]), _at(out["updated_at"])) == (
            e["created_at"],
            e["updated_at"],
        )
        assert _folded(out["tags"]) == _folded(sorted_tags(e["tags"]))
        assert out["favourite"] == e["favourite"]
        assert [
            (a["filename"], a["mime_type"], base64.b64decode(a["data"]), _at(a["created_at"]))
            for a in out["attachments"]
        ] == [(clean_filename(n), "image/png", data, when) for n, data, when in e["attachments"]]
