"""The core's sentences (above all its error messages) in the person's language.

The Qt-free core words its errors in English, for the person at the keyboard and for the
command line alike. ``scripts/translations.py`` gathers those sentences from the core's source
into :mod:`carecompanion.ui.core_messages_table` as templates ("The circle file %1 is not
there."), where lupdate sees them; here a message is matched against them, translated, and
the values the core filled in are put back. A message that matches no template is shown as the
core wrote it: English is better than nothing.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from carecompanion.ui.core_messages_table import TEMPLATES
from carecompanion.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CoreMessages"
#: How the core places a message about one line of an imported file (vCard, Day One...):
#: %3 is itself one of the core's messages.
_LINE_FRAME = QT_TRANSLATE_NOOP("CoreMessages", "%1, line %2: %3")
_LINE_FRAME_PATTERN = re.compile(r"(?P<s1>.+), line (?P<s2>\d+): (?P<s3>.+)", re.DOTALL)
WORDS_CONTEXT = "CoreMessageWords"
# Sentences into which the core fills one of its own words (a field's label, "activity"),
# and which slot that is: only there is the value looked up, so a person's own text that
# happens to read "Sleep" is never translated. A test checks each is still the core's.
LABELLED: dict[str, int] = {
    "%1 must be a whole number from %2 to %3.": 1,
    "%1 must be a number of hours from 0 to 24.": 1,
    "A check-in can list at most %1 %2.": 2,
    "An empty %1 name cannot be used.": 1,
    "Each %1 name must be at most %2 characters long.": 1,
    "The character '|' cannot be used in an %1 name.": 1,
}
#: Words the core fills into a sentence (mood/validation.py): a field's label, or what kind
#: of name is meant.
LABEL_WORDS = (
    QT_TRANSLATE_NOOP("CoreMessageWords", "Mood"),
    QT_TRANSLATE_NOOP("CoreMessageWords", "Stress"),
    QT_TRANSLATE_NOOP("CoreMessageWords", "Energy"),
    QT_TRANSLATE_NOOP("CoreMessageWords", "Sleep"),
    QT_TRANSLATE_NOOP("CoreMessageWords", "Hours of care"),
    QT_TRANSLATE_NOOP("CoreMessageWords", "activity"),
    QT_TRANSLATE_NOOP("CoreMessageWords", "emotion"),
    QT_TRANSLATE_NOOP("CoreMessageWords", "activities"),
    QT_TRANSLATE_NOOP("CoreMessageWords", "emotions"),
)
_SLOT = re.compile(r"%(\d)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z%“\"'(])")


@cache
def _exact() -> frozenset[str]:
    return frozenset(t.replace("%%", "%") for t in TEMPLATES if not _SLOT.search(t))


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """A pattern for each template with slots, the most specific (most fixed words) first,
    so "The vault header is damaged: %1 is missing." wins over a looser template."""
    found: list[tuple[int, re.Pattern[str], str]] = []
    for template in TEMPLATES:
        if not _SLOT.search(template):
            continue
        parts = re.split(r"(%%|%\d)", template)
        regex, seen, fixed = [], set(), 0
        for part in parts:
            if part == "%%":
                regex.append("%")
            elif _SLOT.fullmatch(part):
                name = f"s{part[1]}"
                regex.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
                seen.add(name)
            else:
                regex.append(re.escape(part))
                fixed += len(part)
        found.append((fixed, re.compile("".join(regex), re.DOTALL), template))
    found.sort(key=lambda item: -item[0])
    return tuple((pattern, template) for _fixed, pattern, template in found)


def _fill(translated: str, values: dict[str, str]) -> str:
    """Put the core's values back in one pass (a value that contains "%2" stays as it is)."""

    def slot(match: re.Match[str]) -> str:
        return values.get(f"s{match.group(1)}", match.group(0))

    return re.sub(r"%%|%(\d)", lambda m: "%" if m.group(0) == "%%" else slot(m), translated)


def _one(text: str) -> str | None:
    """``text`` translated if it is exactly one of the core's sentences, else None."""
    if text in _exact():
        return QCoreApplication.translate(CONTEXT, text.replace("%", "%%")).replace("%%", "%")
    for pattern, template in _patterns():
        match = pattern.fullmatch(text)
        if match:
            values = match.groupdict()
            labelled = f"s{LABELLED[template]}" if template in LABELLED else None
            if labelled is not None and values[labelled] in LABEL_WORDS:
                values[labelled] = QCoreApplication.translate(WORDS_CONTEXT, values[labelled])
            return _fill(QCoreApplication.translate(CONTEXT, template), values)
    return None


def translated(text: str) -> str:
    """The core's message in the person's language, as far as it is known: whole; else as
    "FILE, line N: message"; else sentence by sentence, each whole or after a "where: "
    prefix. What is not known stays as the core wrote it."""
    whole = _one(text)
    if whole is not None:
        return whole
    framed = _LINE_FRAME_PATTERN.fullmatch(text)
    if framed:
        values = framed.groupdict()
        values["s3"] = translated(values["s3"])
        return _fill(QCoreApplication.translate(CONTEXT, _LINE_FRAME), values)
    pieces = _SENTENCE_END.split(text)
    out: list[str] = []
    start = 0
    while start < len(pieces):
        # The longest run of sentences that is one of the core's messages (some are two).
        for end in range(len(pieces), start, -1):
            run = " ".join(pieces[start:end])
            found = _one(run) or _after_prefix(run)
            if found is not None:
                out.append(found)
                start = end
                break
        else:
            out.append(pieces[start])
            start += 1
    return text if out == pieces else " ".join(out)


def _after_prefix(text: str) -> str | None:
    """ "where: message" with a known message: the message translated, "where" kept."""
    where, colon, rest = text.partition(": ")
    inner = _one(rest) if colon else None
    return None if inner is None else f"{where}: {inner}"


def message(exc: BaseException) -> str:
    """What to show for one of the core's exceptions: its sentence, translated."""
    return translated(str(exc))
