"""Read a Daylio CSV export into check-in drafts (parse everything first; nothing is written).

The format, as seen in real exports (evidence in docs/mood.md):

- UTF-8, often with a byte-order mark; one header line, then one line per entry, newest first;
  fields quoted where needed, ``""`` for a quote inside a field.
- Header ``full_date,date,weekday,time,mood,activities,note_title,note``; newer versions add
  ``scales`` before ``note_title``, older ones lack ``note_title``. Only ``full_date``,
  ``time`` and ``mood`` are required; columns are found by name, so their order may vary.
- ``full_date`` is ``YYYY-MM-DD``; ``date`` and ``weekday`` are localised copies (ignored).
- ``time`` is the local wall clock, ``21:35`` or ``9:35 pm`` (both occur, even in one file).
- ``mood`` is the mood's name: Daylio's defaults are rad, good, meh, bad, awful (German:
  Super, Gut, Ok, Schlecht, Lausig), but people rename them and add their own, so unknown
  names need a ``mood_map`` from name to level 1-5. Case and stray spaces are ignored.
- ``activities`` are names separated by `` | `` (with stray spaces), possibly none.
- ``note`` (and ``note_title``) may hold ``<br>`` for line breaks and HTML entities.
- ``scales`` are not imported (CareCompanion has no matching field).

Entries become drafts at their local date and time in ``tz`` (``None``: this computer's zone).
Any problem raises ``ImportFormatError`` naming the file and line; ``UnknownMoods`` (a kind of
it) lists every mood name that needs mapping, so the UI can ask for all of them at once.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from pathlib import Path

from carecompanion.errors import AT_LINE
from carecompanion.localtime import from_local
from carecompanion.mood import errors as said
from carecompanion.mood.errors import ImportFormatError, InvalidCheckIn
from carecompanion.mood.records import MOOD_MAX, MOOD_MIN, CheckInDraft
from carecompanion.mood.validation import validated

MAX_FILE_BYTES = 50 * 1024 * 1024
REQUIRED_COLUMNS = ("full_date", "time", "mood")

# Daylio's five default mood names, by level; English and German as seen in real exports.
DEFAULT_MOOD_LEVELS: dict[str, int] = {
    "rad": 5,
    "good": 4,
    "meh": 3,
    "bad": 2,
    "awful": 1,
    "super": 5,
    "gut": 4,
    "ok": 3,
    "schlecht": 2,
    "lausig": 1,
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?:\s*(?P<half>[ap])\.?\s*m\.?)?",
    re.IGNORECASE,
)
_BREAK = re.compile(r"<\s*br\s*/?\s*>|</\s*(?:p|div|li)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,200}>")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class DaylioEntry:
    line: int  # where the entry starts in the file (the header is line 1)
    mood_name: str
    draft: CheckInDraft


@dataclass(frozen=True)
class DaylioFile:
    name: str
    entries: tuple[DaylioEntry, ...]

    @property
    def drafts(self) -> list[CheckInDraft]:
        return [entry.draft for entry in self.entries]

    @property
    def mood_names(self) -> dict[str, int]:
        """Each mood name as first spelled in the file, with the level it was given."""
        found: dict[str, tuple[str, int]] = {}
        for entry in self.entries:
            found.setdefault(entry.mood_name.casefold(), (entry.mood_name, entry.draft.mood))
        return dict(found.values())


class UnknownMoods(ImportFormatError):
    """Mood names that are not Daylio defaults and were not mapped to a level."""

    def __init__(self, name: str, line: int, moods: Sequence[str]) -> None:
        self.moods = tuple(moods)
        listed = ", ".join(repr(m) for m in self.moods)
        # Two whole sentences, not one with "is"/"are" filled in: the UI translates each.
        reason = said.UNKNOWN_MOOD if len(self.moods) == 1 else said.UNKNOWN_MOODS
        super().__init__(
            AT_LINE,
            file=name,
            line=line,
            reason=reason(names=listed, low=MOOD_MIN, high=MOOD_MAX),
        )


def parse_time(text: str) -> time | None:
    """``21:35``, ``9:35 pm``, ``9:35PM``, ``12:05 a.m.``; None when it is none of these."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"])
    if minute > 59:
        return None
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    elif hour > 23:
        return None
    return time(hour, minute)


def note_text(title: str, body: str) -> str:
    """Daylio's title and note as plain text: ``<br>`` to line breaks, tags dropped,
    entities decoded, the title (if any) first on its own line."""
    parts = []
    for raw in (title, body):
        text = _BREAK.sub("\n", raw)
        text = html.unescape(_TAG.sub("", text))
        text = _BLANK_LINES.sub("\n\n", "\n".join(line.strip() for line in text.splitlines()))
        if text.strip():
            parts.append(text.strip())
    return "\n\n".join(parts)


def _levels(mood_map: Mapping[str, int] | None) -> dict[str, int]:
    levels = dict(DEFAULT_MOOD_LEVELS)
    for name, level in (mood_map or {}).items():
        if (
            isinstance(level, bool)
            or not isinstance(level, int)
            or not MOOD_MIN <= level <= MOOD_MAX
        ):
            raise ImportFormatError(
                said.MOOD_MAP_LEVEL, name=repr(name), low=MOOD_MIN, high=MOOD_MAX
            )
        levels[" ".join(name.split()).casefold()] = level
    return levels


def parse_daylio(
    text: str,
    name: str,
    now: datetime,
    tz: tzinfo | None = None,
    mood_map: Mapping[str, int] | None = None,
) -> DaylioFile:
    """Parse a whole export held in ``text`` (``name`` is used in error messages)."""
    levels = _levels(mood_map)
    if "\x00" in text:
        raise ImportFormatError(said.NOT_TEXT, file=name)
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        header = [column.strip().lower() for column in next(reader)]
    except StopIteration:
        raise ImportFormatError(said.EMPTY, file=name) from None
    except csv.Error as exc:
        raise ImportFormatError.where(name, 1, said.CSV_ERROR(detail=str(exc))) from None
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFormatError.where(name, 1, said.MISSING_COLUMNS(columns=", ".join(missing)))
    index = {column: header.index(column) for column in header}
    entries: list[DaylioEntry] = []
    unknown: dict[str, str] = {}
    first_unknown_line = 0
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFormatError.where(name, start, said.CSV_ERROR(detail=str(exc))) from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # a blank line, e.g. at the end of the file
        if len(row) != len(header):
            raise ImportFormatError.where(
                name, start, said.FIELD_COUNT(count=len(row), expected=len(header))
            )

        def cell(column: str, row: list[str] = row) -> str:
            return row[index[column]] if column in index else ""

        day_text, time_text = cell("full_date").strip(), cell("time").strip()
        if not _DATE.fullmatch(day_text):
            raise ImportFormatError.where(name, start, said.NOT_A_DATE(value=repr(day_text)))
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            raise ImportFormatError.where(
                name, start, said.NOT_A_REAL_DATE(value=repr(day_text))
            ) from None
        clock = parse_time(time_text)
        if clock is None:
            raise ImportFormatError.where(name, start, said.NOT_A_TIME(value=repr(time_text)))
        mood_name = " ".join(cell("mood").split())
        level = levels.get(mood_name.casefold())
        if level is None:
            if not mood_name:
                raise ImportFormatError.where(name, start, said.NO_MOOD())
            if not unknown:
                first_unknown_line = start
            unknown.setdefault(mood_name.casefold(), mood_name)
            continue
        activities = tuple(a.strip() for a in cell("activities").split("|") if a.strip())
        draft = CheckInDraft(
            mood=level,
            activities=activities,
            note=note_text(cell("note_title"), cell("note")),
            at=from_local(day, clock, tz),
        )
        try:
            draft = validated(draft, now)
        except InvalidCheckIn as exc:
            raise ImportFormatError.where(name, start, exc.notice) from None
        entries.append(DaylioEntry(start, mood_name, draft))
    if unknown:
        raise UnknownMoods(name, first_unknown_line, list(unknown.values()))
    entries.reverse()  # Daylio writes newest first; keep the file's order, oldest first
    return DaylioFile(name, tuple(entries))


def read_daylio(
    path: Path,
    now: datetime,
    tz: tzinfo | None = None,
    mood_map: Mapping[str, int] | None = None,
) -> DaylioFile:
    """Read and parse a Daylio CSV export file; see ``parse_daylio``."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportFormatError(said.TOO_LARGE, file=str(path))
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFormatError(said.NO_FILE, file=str(path)) from None
    except IsADirectoryError:
        raise ImportFormatError(said.A_FOLDER, file=str(path)) from None
    except OSError as exc:
        raise ImportFormatError(said.UNREADABLE, file=str(path), reason=str(exc.strerror)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFormatError.where(path, line, said.NOT_UTF8()) from None
    return parse_daylio(text, str(path), now, tz, mood_map)
