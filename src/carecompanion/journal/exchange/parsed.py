"""What every import parser produces: drafts checked against the journal's limits.

Parsers build entries through :func:`make_entry`, which refuses anything the journal would
refuse later (a naive date, an oversized attachment, text that is not valid Unicode), so a
bad file fails while it is being read, naming its file and line, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import zip_longest

from carecompanion.errors import Notice, Sentence
from carecompanion.journal.attachments import AttachmentTooLarge, check_size, clean_filename
from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.errors import ImportFormatError
from carecompanion.journal.exchange.limits import (
    MAX_ATTACHMENTS_PER_ENTRY,
    MAX_TAG_CHARS,
    MAX_TAGS_PER_ENTRY,
    MAX_TITLE_CHARS,
)
from carecompanion.journal.service import AttachmentDraft, EntryDraft
from carecompanion.journal.tags import clean_tags
from carecompanion.localtime import zone_named

EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(2999, 12, 31, tzinfo=UTC)


@dataclass(frozen=True)
class Location:
    """Where something is in the input: a file (as the person knows it) and maybe a line."""

    path: str
    line: int | None = None

    def error(self, reason: Notice) -> ImportFormatError:
        return said.refused(self.path, self.line, reason)

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}, line {self.line}"


@dataclass(frozen=True)
class ParsedEntry:
    """One entry read from an import file, not yet written anywhere."""

    draft: EntryDraft
    location: Location
    # Only formats that record them (ours, Day One) set these; otherwise the import time.
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # When each attachment was first added, in the draft's order (ours only).
    attachment_times: tuple[datetime | None, ...] = ()


#: What a check names in its refusal: a notice, or a sentence without values (said only
#: when something is refused: an import checks every field of every entry, and making the
#: notices up front was a twentieth of a 100,000-entry import's time).
What = Notice | Sentence


def _named(what: What) -> Notice:
    return what if isinstance(what, Notice) else what()


def check_text(value: object, where: Location, what: What) -> str:
    """A string the database can store: valid Unicode (JSON can smuggle in lone surrogates)."""
    if not isinstance(value, str):
        raise where.error(said.MUST_BE_TEXT(what=_named(what)))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise where.error(said.NOT_UNICODE(what=_named(what))) from None
    return value


def moment_ok(value: datetime) -> bool:
    """Whether :func:`check_moment` lets ``value`` through (asked without making the
    notice it would refuse it with)."""
    if value.tzinfo is None or value.utcoffset() is None:
        return False
    try:
        in_utc = value.astimezone(UTC)
    except (OverflowError, ValueError):
        return False
    return EARLIEST <= in_utc <= LATEST


def check_moment(value: datetime, where: Location, what: What = said.THE_DATE) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise where.error(said.NO_TIME_ZONE(what=_named(what)))
    if not moment_ok(value):
        raise where.error(said.OUT_OF_RANGE(what=_named(what)))
    return value


def clean_tag_list(
    tags: Iterable[object], where: Location, strip_prefix: str = ""
) -> tuple[str, ...]:
    """Checked, trimmed tag names; ``strip_prefix`` characters (jrnl's ``@``) are dropped."""
    names: list[str] = []
    for tag in tags:
        name = check_text(tag, where, said.A_TAG).strip()
        if strip_prefix:
            name = name.lstrip(strip_prefix).strip()
        if len(name) > MAX_TAG_CHARS:
            raise where.error(said.TAG_TOO_LONG(count=MAX_TAG_CHARS))
        names.append(name)
    cleaned = clean_tags(names)
    if len(cleaned) > MAX_TAGS_PER_ENTRY:
        raise where.error(said.TOO_MANY_TAGS(count=MAX_TAGS_PER_ENTRY))
    return tuple(cleaned)


def make_attachment(filename: str, mime_type: str, data: bytes, where: Location) -> AttachmentDraft:
    name = clean_filename(check_text(filename, where, said.AN_ATTACHMENT_NAME))
    return AttachmentDraft(filename=name, mime_type=mime_type, data=bytes(data))


def make_entry(
    where: Location,
    *,
    title: object,
    body: object,
    entry_at: datetime,
    tags: Iterable[object] = (),
    tag_prefixes: str = "",
    is_favourite: bool = False,
    attachments: Sequence[AttachmentDraft] = (),
    created_at: datetime | None = None,
    updated_at: datetime | None = None,
    attachment_times: Sequence[datetime | None] = (),
    time_zone: str | None = None,
    is_all_day: bool = False,
) -> ParsedEntry:
    """``time_zone``: where the entry was written, when the file says (an IANA name or an
    offset, as the journal keeps them); None: where the import runs. Parsers check the
    names they read; one this computer does not know is dropped here, never stored."""
    title_text = check_text(title, where, said.THE_TITLE).strip()
    if len(title_text) > MAX_TITLE_CHARS:
        raise where.error(said.TITLE_TOO_LONG(count=MAX_TITLE_CHARS))
    body_text = check_text(body, where, said.THE_TEXT)
    check_moment(entry_at, where)
    if len(attachments) > MAX_ATTACHMENTS_PER_ENTRY:
        raise where.error(said.TOO_MANY_ATTACHMENTS(count=MAX_ATTACHMENTS_PER_ENTRY))
    total = 0
    for attachment in attachments:
        try:
            check_size(attachment.filename, len(attachment.data), total)
        except AttachmentTooLarge as exc:
            raise where.error(said.OVER_LIMIT[exc.code](**exc.params)) from None
        total += len(attachment.data)
    if created_at is not None:
        check_moment(created_at, where, said.THE_CREATION_DATE)
    if updated_at is not None:
        check_moment(updated_at, where, said.THE_CHANGE_DATE)
    for when in attachment_times:
        if when is not None:
            check_moment(when, where, said.AN_ATTACHMENT_DATE)
    timed = (
        tuple(
            replace(attachment, created_at=when) if when is not None else attachment
            for attachment, when in zip_longest(attachments, attachment_times)
            if attachment is not None
        )
        if attachment_times  # most entries have none: each attachment is as it is
        else tuple(attachments)
    )
    draft = EntryDraft(
        title=title_text,
        body=body_text,
        entry_at=entry_at,
        tags=clean_tag_list(tags, where, tag_prefixes),
        is_favourite=bool(is_favourite),
        attachments=timed,
        created_at=created_at,
        updated_at=updated_at,
        time_zone=time_zone if zone_named(time_zone) is not None else None,
        is_all_day=bool(is_all_day),
    )
    return ParsedEntry(draft, where, created_at, updated_at, tuple(attachment_times))


def is_empty(entry: ParsedEntry) -> bool:
    """No title, no text and no attachments: nothing worth keeping."""
    draft = entry.draft
    return _blank(draft.title) and _blank(draft.body) and not draft.attachments


def _blank(text: str) -> bool:
    """``not text.strip()``, without copying the text (isspace stops at its first letter)."""
    return not text or text.isspace()


class AttachmentBudget:
    """Counts attachment bytes across one import and refuses to go over the limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def take(self, size: int, where: Location) -> None:
        self.used += size
        if self.used > self.limit:
            raise where.error(said.ATTACHMENTS_OVER_BUDGET(mb=self.limit // (1024 * 1024)))
