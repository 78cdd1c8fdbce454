"""Turning what a person types into a safe FTS5 query, and FTS5 snippets into plain text.

Nothing typed is ever passed to FTS5 as syntax: every word and phrase becomes a quoted FTS5
string, so quotes, AND/OR/NOT/NEAR, ``*``, ``-``, ``:``, ``^`` and brackets are just text. Words
are joined with AND, so each must match. The last word is searched as a prefix
(``"medic" *`` finds "medication") so results appear while someone is still typing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Keeps a pathological paste from building a query FTS5 would take seconds over.
MAX_TERMS = 24
# A shorter last word is searched as a whole word, not a prefix: a one- or two-letter prefix
# starts hundreds of words, and the index keeps no prefix index (migration 0012: it was
# nearly half the index's size). Results for what is being typed start at the third letter.
MIN_PREFIX_CHARS = 3
# Porter strips at most this much from a word as typed so far ("medicatio" -> "medic"),
# and a cut never goes below three letters (as MIN_PREFIX_CHARS).
_MAX_STEM_STRIP = 4
_MIN_CUT_CHARS = 3

# unicode61 splits on anything that is not a letter, digit or private-use character. Python's
# \w also counts "_" and a few combining marks; a part FTS5 then sees as empty is harmless
# (an empty phrase matches nothing and adds no condition).
_WORD_PART = re.compile(r"[^\W_]+")
_CHUNK = re.compile(r'"([^"]*)("?)|([^\s"]+)')

# Markers for snippet(): control characters that cannot come from the keyboard.
HIGHLIGHT_OPEN = "\x02"
HIGHLIGHT_CLOSE = "\x03"
ELLIPSIS = "…"


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query as FTS5 syntax, or ``None`` when there is nothing to search for."""

    match: str | None
    terms: tuple[str, ...]  # the words and phrases, for display and tests
    # To try when ``match`` finds nothing: the last word also cut back towards its stem.
    fallback: str | None = None
    # When the last word is searched as a prefix: the query before it ("" when none), and
    # that word's parts, the last being the prefix (``with_prefix_as`` replaces it).
    before_prefix: str = ""
    prefix_parts: tuple[str, ...] = ()

    def with_prefix_as(self, words: Sequence[tuple[str, bool]]) -> str:
        """``match`` with the prefix replaced by the index words it starts, each
        ``(word, exact)``: an exact word as itself, any other as a prefix of itself."""
        *lead, _prefix = self.prefix_parts
        alternatives = " OR ".join(
            _quoted([*lead, word.replace('"', '""')]) + ("" if exact else " *")
            for word, exact in words
        )
        group = f"({alternatives})"
        return f"{self.before_prefix} AND {group}" if self.before_prefix else group


def _quoted(parts: list[str]) -> str:
    return '"' + " ".join(parts) + '"'  # parts hold no quote characters: only word characters


def _stem_tolerant_prefix(parts: list[str]) -> str | None:
    """The last word as a prefix, or any shorter cut of it as a whole word; None if no cuts.

    The index holds stems ("medication" is stored as "medic"), so a half-typed word longer
    than its stem ("medicat") matches nothing until it is finished. Cutting it back, as far
    as the stemmer strips, finds the stem (a whole word in the index, cheap to look up). Only
    a fallback: the cuts are often common words ("thens" -> "the") that would flood results.
    """
    *head, word = parts
    shortest = max(_MIN_CUT_CHARS, len(word) - _MAX_STEM_STRIP)
    cuts = [word[:end] for end in range(len(word) - 1, shortest - 1, -1)]
    if not cuts:
        return None
    alternatives = [_quoted(parts) + " *", *(_quoted([*head, cut]) for cut in cuts)]
    return "(" + " OR ".join(alternatives) + ")"


def build_match_query(text: str) -> ParsedQuery:
    """FTS5 MATCH syntax for ``text``: each word (or "quoted phrase") must match."""
    chunks: list[tuple[list[str], bool]] = []  # (word parts, finished)
    for phrase, closing, word in _CHUNK.findall(text):
        parts = _WORD_PART.findall(phrase or word)
        if parts:
            # A closed "phrase" is complete; a bare word or an open quote may still be typed.
            chunks.append((parts, bool(closing)))
    chunks = chunks[:MAX_TERMS]
    if not chunks:
        return ParsedQuery(None, ())
    still_typing = not text[-1:].isspace()
    pieces = [_quoted(parts) for parts, _finished in chunks]
    terms = tuple(" ".join(parts) for parts, _ in chunks)
    last_parts, last_finished = chunks[-1]
    if not (still_typing and not last_finished and len(last_parts[-1]) >= MIN_PREFIX_CHARS):
        return ParsedQuery(" AND ".join(pieces), terms)
    pieces[-1] += " *"
    fallback = _stem_tolerant_prefix(last_parts)
    # Explicit AND: FTS5 accepts implicit AND between strings but not before a ( group.
    return ParsedQuery(
        " AND ".join(pieces),
        terms,
        None if fallback is None else " AND ".join([*pieces[:-1], fallback]),
        " AND ".join(pieces[:-1]),
        tuple(last_parts),
    )


def waits_for_more(text: str) -> bool:
    """Whether ``text`` ends in a word still being typed that is too short to be searched
    as the start of words (MIN_PREFIX_CHARS): "Mu" finds only the word "mu", so a search
    that finds nothing should say to keep typing rather than that nothing matches."""
    if not text or text[-1:].isspace():
        return False
    parts = _WORD_PART.findall(text)
    if not parts or not text.endswith(parts[-1]):
        return False  # ends in a closing quote or a sign: not a word being typed
    return len(parts[-1]) < MIN_PREFIX_CHARS


def parse_snippet(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """FTS5 snippet text with markers -> (one line of plain text, highlight ranges).

    The body is Markdown, so emphasis and heading marks are dropped and runs of white space
    (line breaks included) become one space, none at either end; the ranges are [start, end)
    offsets into the returned text, each from its first word to its last.

    Each stretch between markers is collapsed at once (str.split and str.isspace agree on
    what is white space): a search shows 50 snippets, and a loop over their words took
    0.7 ms of it (issue 17).
    """
    out: list[str] = []
    length = 0
    highlights: list[tuple[int, int]] = []
    inside = False  # between an open and a close marker
    start: int | None = None  # where the current highlight's first word landed
    pending_space = False
    # Text and markers alternate, text first: the odd items are the markers.
    for index, part in enumerate(_MARKERS.split(_strip_markdown(raw))):
        if index % 2:
            if start is not None:
                highlights.append((start, length))
            inside, start = part == HIGHLIGHT_OPEN, None
            continue
        words = part.split()
        if not words:
            pending_space = pending_space or bool(part)
            continue
        if (pending_space or part[0].isspace()) and length:
            out.append(" ")
            length += 1
        if inside:
            start = length
        text = " ".join(words)
        out.append(text)
        length += len(text)
        pending_space = part[-1].isspace()
    if start is not None:
        highlights.append((start, length))
    return "".join(out), tuple(highlights)


_MARKERS = re.compile(f"([{HIGHLIGHT_OPEN}{HIGHLIGHT_CLOSE}])")


# Markdown's marks, in two passes: those at the start of a line, then those anywhere. Each
# pass removes what one pattern with both did (no mark of the second kind spans a line
# break, and none of the first is inside one of the second), and every branch of the second
# starts with a character of _INLINE_FIRST, which lets re skip ahead (a "(?<!\w)" or a "!?"
# first kept it trying every position: 12 µs a snippet, 0.6 ms a search; issue 17).
_LINE_START_NOISE = re.compile(
    r"(?m)^\s{0,3}(?:#{1,6}\s+|>\s?|[-+*]\s+(?:\[[ xX]\]\s+)?)"  # headings, quotes, bullets
)
_INLINE_NOISE = re.compile(
    r"\*{1,3}|_(?<!\w_)_{0,2}|_{1,3}(?!\w)|`+|~~"  # emphasis, code, strike-through
    r"|!\[|\[|\]\([^)\s]*\)?|\]"  # [links](url) and ![images](url) keep their text
)
_INLINE_FIRST = re.compile(r"[*_`~!\[\]]")
_LINE_MARKS = "#>-+*"


def _strip_markdown(text: str) -> str:
    if "\n" in text or text[:1] in _LINE_MARKS or text[:1].isspace():
        text = _LINE_START_NOISE.sub("", text)
    return _INLINE_NOISE.sub("", text) if _INLINE_FIRST.search(text) else text


def marked_snippet(
    snippet: str, highlights: tuple[tuple[int, int], ...], left: str, right: str
) -> str:
    """The snippet with each highlight wrapped, e.g. in ``**`` for the command line."""
    pieces: list[str] = []
    position = 0
    for start, end in highlights:
        pieces.extend((snippet[position:start], left, snippet[start:end], right))
        position = end
    pieces.append(snippet[position:])
    return "".join(pieces)
