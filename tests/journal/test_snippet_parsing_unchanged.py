"""parse_snippet collapses each stretch between markers at once and strips Markdown in two
passes (issue 17, for speed): it must give exactly what the version before it gave, kept here
as the reference."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from carecompanion.journal.search import (
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    _strip_markdown,
    parse_snippet,
)

# Markdown's marks as one pattern, as before issue 17.
REFERENCE_MARKDOWN_NOISE = re.compile(
    r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-+*]\s+(?:\[[ xX]\]\s+)?)"
    r"|\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+|~~"
    r"|!?\[|\]\([^)\s]*\)?|\]"
)


def reference_parse_snippet(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """parse_snippet as it was before issue 17's change, word by word."""
    out: list[str] = []
    length = 0
    highlights: list[tuple[int, int]] = []
    inside = False
    start: int | None = None
    pending_space = False
    stripped = REFERENCE_MARKDOWN_NOISE.sub("", raw)
    for token in re.split(f"([{HIGHLIGHT_OPEN}{HIGHLIGHT_CLOSE}])", stripped):
        if token in (HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE):
            if start is not None:
                highlights.append((start, length))
            inside, start = token == HIGHLIGHT_OPEN, None
            continue
        for piece in re.split(r"(\s+)", token):
            if not piece:
                continue
            if piece.isspace():
                pending_space = True
                continue
            if pending_space and length:
                out.append(" ")
                length += 1
            pending_space = False
            if inside and start is None:
                start = length
            out.append(piece)
            length += len(piece)
    if start is not None:
        highlights.append((start, length))
    return "".join(out), tuple(highlights)


# What snippets are made of: words, every kind of white space (Unicode's included), the
# markers, Markdown's marks, and the ellipsis.
PIECES = st.one_of(
    st.sampled_from(
        [
            HIGHLIGHT_OPEN,
            HIGHLIGHT_CLOSE,
            " ",
            "  ",
            "\n",
            "\n\n",
            "\t",
            "\u00a0",
            "\u2003",
            "\x1c",
            "…",
            "*",
            "**",
            "_",
            "# ",
            "> ",
            "- ",
            "- [x] ",
            "`",
            "``",
            "~~",
            "~",
            "___",
            "__",
            "_x_",
            "a_b",
            "![",
            "]",
            "](",
            ")",
            "#",
            "######## ",
            ">",
            ">>",
            "+ ",
            "* ",
            "  * [ ] ",
            "\r\n",
            "[",
            "](http://x)",
            "!",
            "word",
            "naïve",
            "don't",
        ]
    ),
    st.text(max_size=4),
)


@settings(max_examples=800)
@given(pieces=st.lists(PIECES, max_size=30))
def test_parse_snippet_is_unchanged(pieces: list[str]) -> None:
    raw = "".join(pieces)
    assert parse_snippet(raw) == reference_parse_snippet(raw)


@given(raw=st.text())
def test_parse_snippet_is_unchanged_on_any_text(raw: str) -> None:
    assert parse_snippet(raw) == reference_parse_snippet(raw)


@settings(max_examples=800)
@given(pieces=st.lists(PIECES, max_size=30))
def test_markdown_is_stripped_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _strip_markdown(text) == REFERENCE_MARKDOWN_NOISE.sub("", text)
