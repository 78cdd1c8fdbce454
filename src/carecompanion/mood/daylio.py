"""Read a Daylio CSV export into check-in drafts (parse everything first; nothing is written).

The format, as seen in real exports (evidence in docs/mood.md):

- UTF-8, often with a byte-order mark; one header line, then one line per entry, newest first;
  fields quoted where needed, ``""`` for a quote inside a field.
- Header ``full_date,date,weekday,time,mood,activities,note_title,note``; newer versions add
  ``scales`` before ``note_title``, older ones lack ``note_title``. Only ``full_date``,
  ``time`` and ``mood`` are required; columns are found by name, so their order may vary.
- ``full_date`` is ``YYYY-MM-DD``; ``date`` and ``weekday`` are localised copies (ignored).
- ``time`` is the local wall clock, ``21:35`` or ``9:35 pm`` (both occur, even in one file).
- ``mood`` is the mood's name: Daylio's defaults (rad, good, meh, bad, awful; the legacy
  "fugly" for bad; German, French and other languages: see ``daylio_moods``), but people
  rename them and add their own, so unknown names need a ``mood_map`` from name to level 1-5.
  Case and stray spaces are ignored.
- ``activities`` are names separated by `` | `` (with stray spaces), possibly none.
- ``note`` (and ``note_title``) may hold ``<br>`` for line breaks and HTML entities.
- ``scales`` are not imported (CareCompanion has no matching field).

Entries become drafts at their local date and time in ``tz`` (``None``: this computer's zone);
a day before 1900 or after tomorrow is refused before any zone arithmetic (year 1 and year
9999 would leave the calendar when moved between zones).
Any problem raises ``ImportFormatError`` naming the file and line; ``UnknownMoods`` (a kind of
it) lists every mood name that needs mapping, so the UI can ask for all of them at once.

Bounds, all enforced while the file streams in, so a hostile file is refused early and in
little memory (a real export is far inside each):

- ``MAX_FILE_BYTES`` (50 MB), checked on disk first and again while reading (a pipe or a
  growing file has no honest size);
- ``MAX_ROWS`` (50,000 entries): thirty years of daily check-ins are about 11,000; this
  leaves room for four or five a day over Daylio's whole existence (since 2015);
- ``MAX_LINE_CHARS`` (262,144 characters on one line; a note is at most 20,000);
- ``MAX_UNKNOWN_MOODS`` and ``MAX_MOOD_NAME_CHARS``: the mood names to ask about must fit
  one dialog.

Reading is two passes over rows: first every row is read and checked for shape (fast, in C),
so the bounds trip before any row is turned into a check-in; then the rows are converted.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import BinaryIO

from carecompanion.errors import AT_LINE
from carecompanion.localtime import from_local
from carecompanion.mood import errors as said

# Re-exported: the table lives in its own module, with its sources.
from carecompanion.mood.daylio_moods import DEFAULT_MOOD_LEVELS as DEFAULT_MOOD_LEVELS
from carecompanion.mood.daylio_moods import mood_key
from carecompanion.mood.errors import ImportFormatError, InvalidCheckIn
from carecompanion.mood.records import MOOD_MAX, MOOD_MIN, CheckInDraft
from carecompanion.mood.validation import EARLIEST, validated

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 50_000
MAX_LINE_CHARS = 256 * 1024
MAX_UNKNOWN_MOODS = 50
MAX_MOOD_NAME_CHARS = 80
REQUIRED_COLUMNS = ("full_date", "time", "mood")
_CHUNK = 64 * 1024
#: The columns a row is kept with after the first pass (the rest are ignored).
_KEPT = ("full_date", "time", "mood", "activities", "note_title", "note")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?(?:\s*(?P<half>[ap])\.?\s*m\.?)?",
    re.IGNORECASE,
)
# Bounded runs of spaces: "<br" + 100,000 spaces made two adjacent \s* backtrack for 43 s.
_BREAK = re.compile(r"<\s{0,8}br\s{0,8}/?\s{0,8}>|</\s{0,8}(?:p|div|li)\s{0,8}>", re.IGNORECASE)
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
        levels[mood_key(name)] = level
    return levels


def _checked_lines(lines: Iterable[str], name: str) -> Iterator[str]:
    """The physical lines of a file, as ``csv`` reads them, each within the bounds: no byte
    order mark, no NUL (a binary file), none longer than ``MAX_LINE_CHARS``."""
    for number, line in enumerate(lines, 1):
        if number == 1:
            line = line.removeprefix("\ufeff")
            if not line:
                continue  # a byte-order mark alone: an empty file
        if "\x00" in line:
            raise ImportFormatError(said.NOT_TEXT, file=name)
        if len(line) > MAX_LINE_CHARS:
            raise ImportFormatError.where(name, number, said.LINE_TOO_LONG(count=MAX_LINE_CHARS))
        if not line.isascii():
            try:
                line.encode("utf-8")  # text handed in may hold lone surrogates; a file cannot
            except UnicodeEncodeError:
                raise ImportFormatError.where(name, number, said.NOT_UTF8()) from None
        yield line


@dataclass(frozen=True, slots=True)
class _Row:
    """One entry as read in the first pass: where it starts and its kept cells (``_KEPT``)."""

    line: int
    cells: tuple[str, ...]

    def __getitem__(self, column: str) -> str:
        return self.cells[_KEPT.index(column)]


def _rows(lines: Iterable[str], name: str) -> list[_Row]:
    """Every non-blank row, checked for shape and counted: the bounds trip here, before any
    row becomes a check-in."""
    reader = csv.reader(_checked_lines(lines, name), strict=True)
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
    rows: list[_Row] = []
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
        if len(rows) == MAX_ROWS:
            raise ImportFormatError.where(name, start, said.TOO_MANY_ROWS(count=MAX_ROWS))
        rows.append(_Row(start, tuple(row[index[c]] if c in index else "" for c in _KEPT)))
    return rows


def _day(row: _Row, name: str, now: datetime) -> date:
    """The entry's calendar day, within the days a check-in may have: from 1900 (as the
    check-in rules say) to tomorrow (anywhere on Earth, today may already be tomorrow in
    UTC terms). Checked before any zone arithmetic, which leaves the calendar at its ends."""
    text = row["full_date"].strip()
    if not _DATE.fullmatch(text):
        raise ImportFormatError.where(name, row.line, said.NOT_A_DATE(value=repr(text)))
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ImportFormatError.where(
            name, row.line, said.NOT_A_REAL_DATE(value=repr(text))
        ) from None
    if day < EARLIEST.date():
        raise ImportFormatError.where(name, row.line, said.BEFORE_1900())
    if day > now.date() + timedelta(days=1):
        raise ImportFormatError.where(name, row.line, said.IN_THE_FUTURE())
    return day


def _entries(
    rows: Sequence[_Row],
    name: str,
    now: datetime,
    tz: tzinfo | None,
    levels: Mapping[str, int],
) -> list[DaylioEntry]:
    """The second pass: each row as a validated draft (oldest first, as Daylio writes newest
    first); every unknown mood name is gathered first and reported at once."""
    entries: list[DaylioEntry] = []
    unknown: dict[str, str] = {}
    first_unknown_line = 0
    for row in rows:
        day = _day(row, name, now)
        time_text = row["time"].strip()
        clock = parse_time(time_text)
        if clock is None:
            raise ImportFormatError.where(name, row.line, said.NOT_A_TIME(value=repr(time_text)))
        mood_name = " ".join(row["mood"].split())
        level = levels.get(mood_name.casefold())
        if level is None:
            if not mood_name:
                raise ImportFormatError.where(name, row.line, said.NO_MOOD())
            if len(mood_name) > MAX_MOOD_NAME_CHARS:
                raise ImportFormatError.where(
                    name, row.line, said.MOOD_NAME_TOO_LONG(count=MAX_MOOD_NAME_CHARS)
                )
            if not unknown:
                first_unknown_line = row.line
            unknown.setdefault(mood_name.casefold(), mood_name)
            if len(unknown) > MAX_UNKNOWN_MOODS:
                raise ImportFormatError.where(
                    name, row.line, said.TOO_MANY_MOODS(count=MAX_UNKNOWN_MOODS)
                )
            continue
        activities = tuple(a.strip() for a in row["activities"].split("|") if a.strip())
        draft = CheckInDraft(
            mood=level,
            activities=activities,
            note=note_text(row["note_title"], row["note"]),
            at=from_local(day, clock, tz),
        )
        try:
            draft = validated(draft, now)
        except InvalidCheckIn as exc:
            raise ImportFormatError.where(name, row.line, exc.notice) from None
        entries.append(DaylioEntry(row.line, mood_name, draft))
    if unknown:
        raise UnknownMoods(name, first_unknown_line, list(unknown.values()))
    entries.reverse()  # Daylio writes newest first; keep the file's order, oldest first
    return entries


def _parse(
    lines: Iterable[str],
    name: str,
    now: datetime,
    tz: tzinfo | None,
    mood_map: Mapping[str, int] | None,
) -> DaylioFile:
    levels = _levels(mood_map)
    return DaylioFile(name, tuple(_entries(_rows(lines, name), name, now, tz, levels)))


def parse_daylio(
    text: str,
    name: str,
    now: datetime,
    tz: tzinfo | None = None,
    mood_map: Mapping[str, int] | None = None,
) -> DaylioFile:
    """Parse a whole export held in ``text`` (``name`` is used in error messages)."""
    # newline="": lines end at \r, \n or \r\n and keep their ends, as csv wants them.
    return _parse(io.StringIO(text, newline=""), name, now, tz, mood_map)


def _size_on_disk(path: Path) -> int:
    return path.stat().st_size


def _file_lines(text: io.TextIOWrapper, raw: BinaryIO, path: Path) -> Iterator[str]:
    """The lines of an open export, never more than ``MAX_FILE_BYTES`` read in all and never
    more than ``MAX_LINE_CHARS`` (+1, to see that a line is too long) held at once."""
    while True:
        try:
            line = text.readline(MAX_LINE_CHARS + 1)
        except UnicodeDecodeError:
            raise ImportFormatError.where(path, _bad_utf8_line(path), said.NOT_UTF8()) from None
        if not line:
            return
        if raw.tell() > MAX_FILE_BYTES:
            raise ImportFormatError(said.TOO_LARGE, file=str(path))
        yield line


def _bad_utf8_line(path: Path) -> int:
    """The line of the first byte that is not UTF-8 (read again, in pieces: only on that
    error, so the happy path decodes once)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    newlines = 0
    with path.open("rb") as handle:
        for _ in range(MAX_FILE_BYTES // _CHUNK + 1):
            chunk = handle.read(_CHUNK)
            # A character cut at the end of the last piece waits in the decoder (no newline
            # among its bytes); the error's position counts those bytes first.
            waiting = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return newlines + chunk[: max(0, exc.start - waiting)].count(b"\n") + 1
            if not chunk:
                break
            newlines += chunk.count(b"\n")
    return newlines + 1  # the file changed under us: say where it ends


def read_daylio(
    path: Path,
    now: datetime,
    tz: tzinfo | None = None,
    mood_map: Mapping[str, int] | None = None,
) -> DaylioFile:
    """Read and parse a Daylio CSV export file as it streams in; see ``parse_daylio``."""
    path = Path(path)
    try:
        if _size_on_disk(path) > MAX_FILE_BYTES:
            raise ImportFormatError(said.TOO_LARGE, file=str(path))
        raw = path.open("rb")
    except FileNotFoundError:
        raise ImportFormatError(said.NO_FILE, file=str(path)) from None
    except IsADirectoryError:
        raise ImportFormatError(said.A_FOLDER, file=str(path)) from None
    except OSError as exc:
        raise ImportFormatError(said.UNREADABLE, file=str(path), reason=str(exc.strerror)) from None
    # newline="": lines keep their own ends (\r, \n, \r\n), as csv wants them.
    with io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="") as text:
        try:
            return _parse(_file_lines(text, raw, path), str(path), now, tz, mood_map)
        except OSError as exc:  # the disk failed part way
            raise ImportFormatError(
                said.UNREADABLE, file=str(path), reason=str(exc.strerror)
            ) from None
