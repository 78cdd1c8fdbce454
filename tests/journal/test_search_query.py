"""What a person types becomes a safe FTS5 query; snippets become plain text with ranges."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.journal.search import (
    HIGHLIGHT_CLOSE as C,
)
from carecompanion.journal.search import (
    HIGHLIGHT_OPEN as O,
)
from carecompanion.journal.search import (
    MAX_TERMS,
    build_match_query,
    marked_snippet,
    parse_snippet,
    waits_for_more,
)


@pytest.mark.parametrize(
    ("typed", "match"),
    [
        ("fall", '"fall" *'),  # still typing: the last word is a prefix
        ("fall ", '"fall"'),  # a finished word is not
        ("first fall ", '"first" AND "fall"'),
        ("first fa", '"first" AND "fa"'),  # two letters: a whole word (no prefix index)
        ("first fal", '"first" AND "fal" *'),
        ('"first fall"', '"first fall"'),
        ('"first fal', '"first fal" *'),  # an open quote is a phrase still being typed
        ('"first fa', '"first fa"'),
        ('mum "bad night" slept ', '"mum" AND "bad night" AND "slept"'),
        ("AND OR NOT NEAR ", '"AND" AND "OR" AND "NOT" AND "NEAR"'),
        # Syntax is only text; the last word is one letter, too short for a prefix.
        ("-pain* (knee) title:x ^y", '"pain" AND "knee" AND "title x" AND "y"'),
        ("don't", '"don t"'),  # "t" is one letter: no prefix yet
        ("Café naïve ", '"Café" AND "naïve"'),
        ("m", '"m"'),  # one letter is too short to be a useful prefix
        ("st", '"st"'),
        ("sta", '"sta" *'),
        ("snake_case ", '"snake case"'),
    ],
)
def test_queries(typed: str, match: str) -> None:
    assert build_match_query(typed).match == match


@pytest.mark.parametrize(
    ("typed", "fallback"),
    [
        # The index holds stems ("running" is "run"), so "runnin" finds nothing; the fallback
        # adds shorter cuts of the last word as whole words, down to what porter strips.
        ("mum runnin", '"mum" AND ("runnin" * OR "runni" OR "runn" OR "run")'),
        ("medicatio", '("medicatio" * OR "medicati" OR "medicat" OR "medica" OR "medic")'),
        ("fall", '("fall" * OR "fal")'),
        ('"first fal', None),  # three letters: nothing to cut
        ("st", None),
        ("fall ", None),  # finished words need no fallback
        ('"first fall"', None),
    ],
)
def test_fallbacks(typed: str, fallback: str | None) -> None:
    assert build_match_query(typed).fallback == fallback


@pytest.mark.parametrize("typed", ["", "   ", '""', '"', "*", "- ( ) : ^ + ~", "\x00\n\t"])
def test_nothing_to_search_for(typed: str) -> None:
    assert build_match_query(typed).match is None


def test_very_long_input_is_capped() -> None:
    parsed = build_match_query(" ".join(f"word{i}" for i in range(500)))
    assert len(parsed.terms) == MAX_TERMS


@given(st.text())
def test_any_text_gives_quoted_strings_only(text: str) -> None:
    """Whatever is typed, FTS5 sees quoted strings of word characters; outside them only the
    query's own ANDs, a final * and, in the fallback, one final (… * OR …) group."""
    parsed = build_match_query(text)
    if parsed.match is None:
        assert parsed.fallback is None
        return
    for match in filter(None, (parsed.match, parsed.fallback)):
        _assert_safe(match)


def _assert_safe(match: str) -> None:
    strings = re.findall(r'"([^"]*)"', match)
    assert strings
    assert all(s and all(ch.isalnum() or ch == " " for ch in s) for s in strings), match
    outside = re.sub(r'"[^"]*"', "S", match)
    assert re.fullmatch(r"(?:S AND )*(?:S|S \*|\(S \*(?: OR S)+\))", outside), match


@pytest.mark.parametrize(
    ("raw", "text", "ranges"),
    [
        ("plain text", "plain text", ()),
        (
            f"He {O}slipped{C} in the {O}bath{C}room",
            "He slipped in the bathroom",
            ((3, 10), (18, 22)),
        ),
        (
            f"## Heading\n\nMum was up at **{O}three{C}**.",
            "Heading Mum was up at three.",
            ((22, 27),),
        ),
        (f"- item one\n- item {O}two{C}\n\n> quoted", "item one item two quoted", ((14, 17),)),
        (f"a [{O}link{C}](https://example.org) and `code`", "a link and code", ((2, 6),)),
        (f"…middle of {O}it{C}…", "…middle of it…", ((11, 13),)),
        ("snake_case and _emph_", "snake_case and emph", ()),
        (f"{O}open only", "open only", ((0, 9),)),
        (f"close only{C} {O}{C}", "close only", ()),
        ("", "", ()),
    ],
)
def test_parse_snippet(raw: str, text: str, ranges: tuple[tuple[int, int], ...]) -> None:
    assert parse_snippet(raw) == (text, ranges)


@given(st.text(alphabet=st.sampled_from(list("ab *_#\n-[]()`>" + O + C))))
def test_snippet_ranges_are_always_valid(raw: str) -> None:
    text, ranges = parse_snippet(raw)
    assert O not in text and C not in text and "\n" not in text
    assert text == text.strip() and "  " not in text
    previous_end = 0
    for start, end in ranges:
        assert previous_end <= start < end <= len(text)
        previous_end = end


def test_marked_snippet() -> None:
    text, ranges = parse_snippet(f"He {O}slipped{C} in the {O}bath{C}room")
    assert marked_snippet(text, ranges, "**", "**") == "He **slipped** in the **bath**room"
    assert marked_snippet("x", (), "[", "]") == "x"


@pytest.mark.parametrize(
    ("typed", "waits"),
    [
        ("Mu", True),  # two letters still being typed: not searched as a prefix yet
        ("M", True),
        ("Mum", False),
        ("Mu ", False),  # a finished word is searched as itself
        ('"Mu"', False),  # and so is a closed phrase
        ("first mu", True),
        ("", False),
        ("!!", False),
    ],
)
def test_waits_for_more(typed: str, waits: bool) -> None:
    assert waits_for_more(typed) is waits
