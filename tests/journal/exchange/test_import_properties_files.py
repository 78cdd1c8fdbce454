"""Property, for the two journal imports test_import_properties does not generate: a bare
Day One ``Journal.json`` (not in its zip) and a single Markdown file (not a folder).

What a valid file holds comes back out through our JSON export, field by field. The same
limits apply as there: whole seconds, no carriage returns, and time zones compared as
instants (each entry keeping its own zone is tested where it is built).
"""

from __future__ import annotations

import json
import string
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carecompanion.journal.exchange import (
    ExportSelection,
    ImportSource,
    commit_import,
    export_json,
    preview_import,
)
from carecompanion.journal.tags import clean_tags, sorted_tags
from carecompanion.session import VaultSession

PROPERTY = settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
CHARS = st.characters(codec="utf-8", exclude_characters="\r")
TITLE = st.text(CHARS.filter(lambda c: c != "\n"), max_size=40).map(str.strip).filter(bool)
BODY = st.text(CHARS, max_size=200).map(lambda t: t.strip())
TAG = st.text(CHARS, min_size=1, max_size=20).map(lambda t: " ".join(t.split())).filter(bool)
TAGS = st.lists(TAG, max_size=4).map(lambda tags: tuple(clean_tags(tags)))
MOMENT = st.datetimes(
    min_value=datetime(1901, 1, 2), max_value=datetime(2998, 12, 30), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))
ZONE = timezone(timedelta(hours=-9, minutes=-30))


def _imported(session: VaultSession, kind: ImportSource, path: Path) -> list[dict[str, Any]]:
    """Import ``path``, export what came in as our JSON, then delete it again."""
    journal = session.journal
    preview = preview_import(journal, kind, path, tz=UTC)
    assert preview.duplicate_count == 0 and preview.empty_skipped == 0
    ids = commit_import(journal, preview).entry_ids
    out = path.parent / "out.json"
    export_json(journal, ExportSelection.of(ids), out, tz=UTC)
    for entry_id in ids:
        journal.delete(entry_id)
    exported: list[dict[str, Any]] = json.loads(out.read_text("utf-8"))["entries"]
    return exported


def _folded(tags: list[str] | tuple[str, ...]) -> list[str]:
    return [tag.casefold() for tag in tags]


def _escaped(text: str) -> str:
    """Markdown's backslash escapes, as Day One writes them into an entry's text."""
    return "".join("\\" + c if c in string.punctuation else c for c in text)


@PROPERTY
@given(
    title=TITLE.filter(lambda t: len(_escaped(t)) <= 120),
    body=BODY.filter(lambda b: "dayone-moment" not in b).map(lambda b: b.lstrip("\n")),
    created=MOMENT,
    modified=MOMENT,
    tags=TAGS,
    starred=st.booleans(),
)
def test_a_bare_dayone_journal_comes_back_out(
    session: VaultSession,
    title: str,
    body: str,
    created: datetime,
    modified: datetime,
    tags: tuple[str, ...],
    starred: bool,
) -> None:
    entry = {
        "uuid": "0" * 32,
        "creationDate": created.isoformat().replace("+00:00", "Z"),
        "modifiedDate": modified.isoformat().replace("+00:00", "Z"),
        "timeZone": "UTC",
        "text": "\n\n".join(part for part in (_escaped(title), body) if part),
        "tags": list(tags),
        "starred": starred,
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Journal.json"
        path.write_text(json.dumps({"metadata": {"version": "1.0"}, "entries": [entry]}), "utf-8")
        (out,) = _imported(session, ImportSource.DAYONE, path)
    assert (out["title"], out["body"]) == (title, body)
    assert datetime.fromisoformat(out["entry_at"]) == created
    assert datetime.fromisoformat(out["updated_at"]) == modified
    assert _folded(out["tags"]) == _folded(sorted_tags(tags))
    assert out["favourite"] == starred


@PROPERTY
@given(
    title=TITLE,
    body=BODY.filter(lambda b: "<!-- carecompanion:attachments -->" not in b),
    at=MOMENT.map(lambda moment: moment.astimezone(ZONE)),
    # Written as a notes app would: there one leading "#" is the tag marker, not the name.
    tags=TAGS.filter(lambda tags: all(not t.startswith("#") for t in tags)),
    favourite=st.booleans(),
)
def test_a_single_markdown_file_comes_back_out(
    session: VaultSession,
    title: str,
    body: str,
    at: datetime,
    tags: tuple[str, ...],
    favourite: bool,
) -> None:
    text = (
        "---\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        f"date: {at.isoformat()}\n"
        f"tags: [{', '.join(json.dumps(t, ensure_ascii=False) for t in tags)}]\n"
        f"favourite: {'yes' if favourite else 'no'}\n"
        "---\n\n"
        f"{body}\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a note.md"
        path.write_text(text, "utf-8")
        (out,) = _imported(session, ImportSource.MARKDOWN, path)
    assert (out["title"], out["body"]) == (title, body)
    assert datetime.fromisoformat(out["entry_at"]) == at
    assert _folded(out["tags"]) == _folded(sorted_tags(tags))
    assert out["favourite"] == favourite
