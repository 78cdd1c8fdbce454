"""A folder of Markdown or plain-text files, one entry per file.

For each ``.md``, ``.markdown``, ``.txt`` (and similar) file, in subfolders too:

* the date comes from front matter ``date:`` (or ``created:``), else from the file name
  (``2024-05-01``, ``20240501``, ``2024_05_01``, with an optional time such as
  ``2024-05-01-2130``), else from a dated path such as ``2024/05/01.txt``; a file with no
  date is refused (``file, line 1: ...``);
* the title from front matter ``title:``, else the first ``# heading`` (taken out of the text
  when the text starts with it), else the rest of the file name;
* tags from front matter ``tags:`` (``[a, b]``, a block list, or ``a, b``; one leading
  ``#``, the notes apps' marker, is not part of the name), and the favourite mark from
  ``favourite:``/``favorite:``/``starred:``.

Hidden files and folders are skipped, and so is the ``attachments`` folder at the top, where
CareCompanion's own Markdown export keeps attachments. The attachments section that export
writes (after a ``<!-- carecompanion:attachments -->`` marker) is read back as attachments,
so an exported folder imports again as it was; only files inside the folder are read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from urllib.parse import unquote

from carecompanion.journal.attachments import MAX_ATTACHMENT_BYTES
from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange import frontmatter
from carecompanion.journal.exchange.dates import (
    carries_offset,
    date_from_file_name,
    name_after_date,
    parse_datetime,
)
from carecompanion.journal.exchange.limits import (
    MAX_ENTRIES,
    MAX_FOLDER_FILES,
    MAX_TEXT_FILE_BYTES,
    MAX_TOTAL_ATTACHMENT_BYTES,
)
from carecompanion.journal.exchange.markdown_text import heading_text, unescape
from carecompanion.journal.exchange.mime import mime_for
from carecompanion.journal.exchange.parsed import (
    AttachmentBudget,
    Location,
    ParsedEntry,
    check_moment,
    make_attachment,
    make_entry,
    moment_ok,
)
from carecompanion.journal.exchange.reading import decode_utf8, read_bytes
from carecompanion.journal.service import AttachmentDraft
from carecompanion.localtime import offset_name
from carecompanion.progress import ProgressCallback, each

TEXT_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".txt", ".text"})
ATTACHMENTS_MARKER = "<!-- carecompanion:attachments -->"
ATTACHMENTS_FOLDER = "attachments"
#: What notes apps put before a tag's name in front matter (``"#sleep"``).
TAG_MARKER = "#"
# Reads the files an attachments section links to: (section text, where it is) -> drafts.
AttachmentReader = Callable[[str, Location], list[AttachmentDraft]]
# A link's target may not hold a bracket (ours are percent-encoded), nor a "<" when it is
# written <like this>: each attempt then stops at the next bracket, so a line of "](" repeated
# is one pass, not a rescan of the rest of the line from every one of them.
_LINK = re.compile(r"\]\(\s*(?:<([^<>\n]+)>|([^)\s\[\]]+))\s*\)")
_TRUE = {"true", "yes", "on", "1", "y"}
_FALSE = {"false", "no", "off", "0", "n", ""}


def parse_markdown_folder(
    path: Path, tz: tzinfo | None = None, progress: ProgressCallback | None = None
) -> list[ParsedEntry]:
    """Every text file under ``path`` (or ``path`` itself, when it is one file)."""
    return list(markdown_entries(path, tz, progress))


def markdown_entries(
    path: Path, tz: tzinfo | None = None, progress: ProgressCallback | None = None
) -> Iterator[ParsedEntry]:
    """:func:`parse_markdown_folder`'s entries, one file read at a time (its attachments
    with it), so a caller that does not keep them holds one entry at a time (issue 17).
    The files are listed first (names only), so a folder with too many is refused before
    any is read; a bad file raises when it is reached, exactly as the whole read does."""
    if path.is_file():
        yield parse_markdown_file(
            path, path.parent, tz, AttachmentBudget(MAX_TOTAL_ATTACHMENT_BYTES)
        )
        return
    if not path.is_dir():
        raise said.refused(path.name or str(path), None, said.NO_SUCH_FOLDER())
    files = _text_files(path)
    budget = AttachmentBudget(MAX_TOTAL_ATTACHMENT_BYTES)
    for file, relative in each(files, progress):
        yield parse_markdown_file(file, path, tz, budget, relative)


def _text_files(root: Path) -> list[tuple[Path, str]]:
    """The text files under ``root``, in order, each with its path relative to ``root`` as
    ``parse_markdown_file`` names it."""
    found: list[tuple[Path, str]] = []
    seen = 0
    for folder, dirs, names in os.walk(root, followlinks=False):
        here = Path(folder)
        # The folder's relative path, once for all its files (file.relative_to(root) each).
        inside = here.relative_to(root)
        prefix = inside.as_posix() + "/" if inside.parts else ""
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and not (here == root and d == ATTACHMENTS_FOLDER)
        )
        seen += len(names) + len(dirs)
        if seen > MAX_FOLDER_FILES:
            raise said.refused(root.name, None, said.TOO_MANY_FILES(count=f"{MAX_FOLDER_FILES:,}"))
        for name in sorted(names):
            file = here / name
            if (
                not name.startswith(".")
                and file.suffix.lower() in TEXT_SUFFIXES
                and file.is_file()
                and not file.is_symlink()
            ):
                found.append((file, prefix + name))
    if len(found) > MAX_ENTRIES:
        raise said.refused(root.name, None, said.TOO_MANY_ENTRIES(count=f"{MAX_ENTRIES:,}"))
    return found


def parse_markdown_file(
    file: Path,
    root: Path,
    tz: tzinfo | None,
    budget: AttachmentBudget,
    relative: str | None = None,
) -> ParsedEntry:
    """``relative``: ``file``'s path relative to ``root`` (found from them when None)."""
    if relative is None:
        relative = file.relative_to(root).as_posix()
    text = decode_utf8(read_bytes(file, MAX_TEXT_FILE_BYTES, relative), relative)
    return parse_markdown_text(
        text,
        relative,
        tz,
        attachments=lambda section, where: _attachments(section, file.parent, root, where, budget),
    )


def parse_markdown_text(
    text: str,
    name: str,
    tz: tzinfo | None = None,
    *,
    attachments: AttachmentReader | None = None,
) -> ParsedEntry:
    """One entry from one file's text; ``name`` is its path relative to the import folder."""
    try:
        matter = frontmatter.parse(text)
    except frontmatter.FrontMatterError as exc:
        raise said.refused(name, exc.line, exc.message) from None
    where = Location(name, 1)
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    entry_at, name_words = _date(matter, name, stem, tz)
    given = matter.text("date", "created")
    # An offset the date carries is where the entry was written; without one, it was
    # written where the import runs.
    offset = entry_at.utcoffset() or timedelta(0)
    zone = offset_name(offset) if given is not None and carries_offset(given[0]) else None
    body = matter.body
    found: list[AttachmentDraft] = []
    if ATTACHMENTS_MARKER in body:
        body, _, section = body.rpartition(ATTACHMENTS_MARKER)
        if attachments is not None:
            marker_line = text.count("\n", 0, len(text) - len(section)) + 1
            found = attachments(section, Location(name, marker_line))
    body = body.strip("\n").rstrip()

    title_field = matter.text("title")
    if title_field is not None:
        title = title_field[0]
    else:
        title, body = _title_from_body(body, name_words)

    return make_entry(
        where,
        title=title,
        body=body,
        entry_at=entry_at,
        tags=_tags(matter),
        is_favourite=_favourite(matter, name),
        attachments=found,
        time_zone=zone,
    )


def _date(
    matter: frontmatter.FrontMatter, name: str, stem: str, tz: tzinfo | None
) -> tuple[datetime, str]:
    """The entry's date, and the words of the file name that are not part of a date."""
    given = matter.text("date", "created")
    if given is not None:
        value, line = given
        parsed = parse_datetime(value, tz)
        if parsed is None:
            raise said.refused(name, line, said.MD_NOT_A_DATE(value=said.shown(value)))
        if not moment_ok(parsed):
            check_moment(parsed, Location(name, line))  # refused at its own line
        return parsed, name_after_date(stem)
    from_name, rest = date_from_file_name(stem, tz)
    if from_name is None:
        # A dated path, as in jrnl's folder journals: 2020/08/31.txt
        dated_path = "-".join(name.rsplit(".", 1)[0].split("/")[-3:])
        from_name, left = date_from_file_name(dated_path, tz)
        if left:
            from_name = None
        rest = ""
    if from_name is None:
        raise said.refused(name, 1, said.MD_NO_DATE())
    return from_name, rest


def _title_from_body(body: str, name_words: str) -> tuple[str, str]:
    """The first ``# heading`` (taken out of the text when nothing but blanks precede it)."""
    start = 0
    while start <= len(body):
        end = body.find("\n", start)
        end = len(body) if end == -1 else end
        heading = heading_text(body[start:end], levels=1, blanks=" \t")
        if heading is not None:
            title = unescape(heading)  # a title is plain text; the heading was Markdown
            if not body[:start].strip():
                return title, body[end:].strip("\n")
            return title, body
        start = end + 1
    words = re.sub(r"[-_]+", " ", name_words).strip()
    return words[:1].upper() + words[1:], body


def _tags(matter: frontmatter.FrontMatter) -> list[str]:
    for key in ("tags", "tag", "keywords"):
        if key not in matter.fields:
            continue
        value = matter.fields[key]
        if isinstance(value, list):
            return [tag_name(item) for item in value]
        tokens = value.split()
        if tokens and all(token.startswith("#") for token in tokens):
            return [tag_name(token) for token in tokens]
        return [tag_name(item) for item in value.split(",")]
    return []


def tag_name(written: str) -> str:
    """A tag's name from front matter: one leading ``#`` is a marker, not part of the name.

    Obsidian and other notes apps write ``"#sleep"`` for the tag ``sleep``. Exactly one is
    taken, so a name that itself starts with ``#`` is written with one more (``##urgent`` for
    ``#urgent``, by our export: :func:`tag_written`) and comes back whole.
    """
    name = written.strip()
    return name[1:] if name.startswith(TAG_MARKER) else name


def tag_written(name: str) -> str:
    """How a tag is written in front matter so that :func:`tag_name` reads ``name`` back."""
    return TAG_MARKER + name if name.startswith(TAG_MARKER) else name


def _favourite(matter: frontmatter.FrontMatter, name: str) -> bool:
    for key in ("favourite", "favorite", "starred", "pinned"):
        if key in matter.fields:
            value = matter.fields[key]
            word = value.strip().lower() if isinstance(value, str) else "?"
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
            raise said.refused(name, matter.lines[key], said.MD_NOT_A_FLAG(key=key))
    return False


def _attachments(
    section: str, folder: Path, root: Path, where: Location, budget: AttachmentBudget
) -> list[AttachmentDraft]:
    """The files linked from the attachments section, each inside the import folder."""
    result: list[AttachmentDraft] = []
    real_root = root.resolve()
    for match in _LINK.finditer(section):
        link = unquote(match.group(1) or match.group(2))
        if "://" in link or link.startswith(("/", "\\", "mailto:")):
            continue
        try:
            target = (folder / link).resolve()
            inside = target.is_relative_to(real_root) and target.is_file()
        except (OSError, ValueError):  # a name too long for the disk, a NUL byte, a loop
            inside = False
        if not inside:
            raise where.error(said.MD_BAD_LINK(link=said.shown(link)))
        data = read_bytes(target, MAX_ATTACHMENT_BYTES, target.relative_to(real_root).as_posix())
        budget.take(len(data), where)
        result.append(make_attachment(target.name, mime_for(target.name), data, where))
    return result
