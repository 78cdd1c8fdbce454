"""Tag names through our Markdown export and back: any name the app accepts comes back as is.

Notes apps (Obsidian and others) write a tag in front matter as ``"#sleep"``: one leading
``#`` is a marker, not part of the name. Before, every leading ``#`` was dropped, so a tag of
ours named ``#urgent`` came back as ``urgent`` (and ``#`` vanished). Now exactly one is the
marker and our export writes a name that starts with ``#`` with one more (``"##urgent"``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.journal.exchange.limits import MAX_TAG_CHARS, MAX_TAGS_PER_ENTRY
from carecompanion.journal.exchange.markdown_export import entry_markdown
from carecompanion.journal.exchange.markdown_import import parse_markdown_text
from carecompanion.journal.service import Entry
from carecompanion.journal.tags import clean_tags

AT = datetime(2026, 3, 3, 21, 30, tzinfo=UTC)

# What a person can type into the tag field: any Unicode text but lone surrogates; the app
# collapses blanks and drops repeats (clean_tags). Tag markers and quoting characters are
# drawn often, since they are what a Markdown reader could take for syntax.
_SYNTAX = "#@,[]{}\"'\\:|>-!%&*?`~/"
CHARS = st.one_of(
    st.sampled_from(_SYNTAX), st.characters(codec="utf-8"), st.sampled_from(" \t\n\u2028\u00a0")
)
TAG = st.text(CHARS, min_size=1, max_size=30).filter(lambda t: t.strip())
TAGS = st.lists(TAG, max_size=8).map(clean_tags).filter(bool)


def _entry(tags: tuple[str, ...]) -> Entry:
    return Entry(
        id=1,
        uid="0" * 32,
        title="A night",
        body="Slept at last.",
        entry_at=AT,
        created_at=AT,
        updated_at=AT,
        tags=tags,
        is_favourite=False,
        attachments=(),
    )


def _read(text: str) -> tuple[str, ...]:
    return parse_markdown_text(text, "2026-03-03-2130-a-night.md", UTC).draft.tags


@settings(max_examples=300)
@given(tags=TAGS)
def test_any_tag_the_app_accepts_comes_back_from_our_markdown(tags: list[str]) -> None:
    assert all(len(tag) <= MAX_TAG_CHARS for tag in tags) and len(tags) <= MAX_TAGS_PER_ENTRY
    assert _read(entry_markdown(_entry(tuple(tags)), UTC, [])) == tuple(tags)


def test_tags_that_look_like_markers_come_back() -> None:
    tags = ("#urgent", "##", "#", "@home", "a #b", "c#", "#sleep/night")
    assert _read(entry_markdown(_entry(tags), UTC, [])) == tags


def _with_front_matter(tags_line: str) -> str:
    return f"---\ndate: 2026-03-03 21:30\n{tags_line}\n---\n\nText\n"


def test_the_notes_apps_marker_is_still_read_as_a_marker() -> None:
    assert _read(_with_front_matter("tags: #sleep #night")) == ("sleep", "night")
    assert _read(_with_front_matter('tags: ["#sleep", night]')) == ("sleep", "night")
    assert _read(_with_front_matter("tags:\n  - '#sleep'\n  - night")) == ("sleep", "night")
    assert _read(_with_front_matter("tags: #sleep, night")) == ("sleep", "night")


def test_only_one_hash_is_the_marker() -> None:
    assert _read(_with_front_matter('tags: ["##sleep", "#"]')) == ("#sleep",)
    assert "##urgent" in entry_markdown(_entry(("#urgent",)), UTC, [])
