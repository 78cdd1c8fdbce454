"""Small, linear readers of Markdown lines shared by the imports (Day One and Markdown files).

No pattern here can backtrack: a heading is taken apart with string methods, and the one
pattern (backslash escapes) matches two fixed characters at a time. A line of 100,000
spaces costs one pass, not minutes.
"""

from __future__ import annotations

import re

# CommonMark: a backslash before any ASCII punctuation character stands for that character.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    """Plain text from Markdown's backslash escapes: ``Year\\. \\- tried`` -> ``Year. - tried``.

    For titles, which are shown as plain text (lists, PDF), while the body stays Markdown.
    """
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text  # most titles have none


def heading_text(line: str, *, levels: int, blanks: str | None) -> str | None:
    """The text of an ATX heading line (``# Title #``), or None if the line is not one.

    ``levels`` is how many ``#`` may open it (1 for ``# Title`` only, 6 for any level);
    ``blanks`` the characters that separate and trim (None: any whitespace). A closing run of
    ``#`` is dropped when a blank comes before it, as CommonMark says (``# C#`` is "C#",
    ``# Title ##`` is "Title", ``# \\#`` is "\\#").
    """
    marks = len(line) - len(line.lstrip("#"))
    if not 1 <= marks <= levels:
        return None
    rest = line[marks:]
    if not rest or not (rest[0] in blanks if blanks is not None else rest[0].isspace()):
        return None
    text = rest.strip(blanks)
    opened = text.rstrip("#")
    if not opened:
        return ""  # nothing but the closing run
    if len(opened) < len(text) and opened[-1:].strip(blanks) == "":
        return opened.rstrip(blanks)
    return text
