"""What goes wrong when moving entries in or out, and every sentence it is said with.

An import's error is :class:`ImportFormatError` (the app's one kind for a file that cannot be
imported): ``str()`` is one line such as ``journal.json, line 12: entry 3 has no date``, made
with :meth:`ImportFormatError.where` from the file, the line and one of the reasons below.
Nothing has been written to the vault when it is raised. Reasons are lower-case fragments,
since they follow "FILE, line N: ".
"""

from __future__ import annotations

from carecompanion.errors import ImportFormatError as ImportFormatError
from carecompanion.errors import Notice, Sentence
from carecompanion.journal.errors import (
    ATTACHMENT_TOO_LARGE,
    ATTACHMENTS_TOO_LARGE,
    JournalError,
)

# Cancelling is not the journal's alone (see carecompanion.progress): named here for callers
# that have long caught it from this module.
from carecompanion.progress import Cancelled as Cancelled

#: How much of a bad value an error shows: enough to find it, never a megabyte-long line.
SHOWN_CHARS = 60


def shown(value: object) -> str:
    """A value for an error's one line: its ``repr`` (quotes, escapes), cut short if long."""
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        quoted = repr(value[: SHOWN_CHARS - 3])  # never a copy of a megabyte to show sixty
        return quoted[:-1] + "…" + quoted[-1]  # 'aaa…', the quotes still closed
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def printable(name: str) -> str:
    """A file name fit for an error's one line: control characters and line breaks escaped.

    Names come from the disk and from inside zips, and may hold anything but "/" and NUL.
    """
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def refused(path: object, line: int | None, reason: Notice) -> ImportFormatError:
    """``FILE, line N: reason``, the file's name made printable (the one way imports fail)."""
    return ImportFormatError.where(printable(str(path)), line, reason)


class ExportError(JournalError):
    """An export could not be written (the destination exists, a disk error, ...)."""


# -- exports -------------------------------------------------------------------------------
NO_FOLDER = Sentence("export.no_folder", "The folder {folder} does not exist.")
IS_A_FOLDER = Sentence("export.is_a_folder", "{path} is a folder; choose a file name.")
EXISTS = Sentence("export.exists", "{path} already exists; choose another name.")
IS_A_FILE = Sentence("export.is_a_file", "{path} is a file; choose a folder for a Markdown export.")
FOLDER_NOT_EMPTY = Sentence(
    "export.folder_not_empty", "{path} already exists and is not empty; choose a new folder."
)
PDF_NOT_WRITTEN = Sentence("export.pdf_not_written", "The PDF could not be written to {folder}.")

# -- reading the file ------------------------------------------------------------------------
NO_SUCH_FILE = Sentence("import.no_such_file", "there is no such file")
NO_SUCH_FOLDER = Sentence("import.no_such_folder", "there is no such folder")
A_FOLDER = Sentence("import.a_folder", "this is a folder, not a file")
#: ``{reason}`` is the operating system's own words ("permission denied").
UNREADABLE = Sentence("import.unreadable", "the file could not be read ({reason})")
#: ``{limit}`` is a size in words ("10 MB").
TOO_LARGE = Sentence("import.too_large", "the file is larger than {limit}")
NOT_UTF8 = Sentence("import.not_utf8", "this is not UTF-8 text")
TOO_MANY_ENTRIES = Sentence(
    "import.too_many_entries", "there are more than {count} entries in one import"
)
TOO_MANY_FILES = Sentence("import.too_many_files", "the folder holds more than {count} files")
ATTACHMENTS_OVER_BUDGET = Sentence(
    "import.attachments_over_budget", "the attachments in this import come to more than {mb} MB"
)

# -- zip archives (Day One) ------------------------------------------------------------------
NOT_A_ZIP = Sentence("import.zip.not_a_zip", "this is not a zip archive")
ZIP_TOO_MANY = Sentence("import.zip.too_many", "the archive holds more than {count} files")
ZIP_BOMB = Sentence("import.zip.bomb", "{name} is compressed suspiciously well (a zip bomb?)")
ZIP_TOO_BIG = Sentence("import.zip.too_big", "the archive would unpack to more than {limit}")
ZIP_DIRECTORY_TOO_BIG = Sentence(
    "import.zip.directory_too_big", "the archive's list of files is larger than {limit}"
)
ZIP_UNSAFE_NAME = Sentence("import.zip.unsafe_name", "the archive has an unsafe file name {name}")
ZIP_UNPACK = Sentence("import.zip.unpack", "the file could not be unpacked")
ZIP_SIZE = Sentence("import.zip.size", "the file's size does not match the archive")

# -- JSON ----------------------------------------------------------------------------------
JSON_ENDS_EARLY = Sentence("import.json.ends_early", "the JSON ends too early")
JSON_EXPECTED_VALUE = Sentence(
    "import.json.expected_value", "this is not valid JSON (expected a value)"
)
JSON_NUMBER_TOO_LONG = Sentence("import.json.number_too_long", "a number is too long")
JSON_TEXT_NOT_CLOSED = Sentence(
    "import.json.text_not_closed",
    "this is not valid JSON (a text value is not closed, or has a "
    "line break or control character in it)",
)
#: ``{detail}`` is Python's own words about the JSON ("invalid \\escape").
JSON_INVALID = Sentence("import.json.invalid", "this is not valid JSON ({detail})")
JSON_TOO_DEEP = Sentence("import.json.too_deep", "the JSON is nested too deeply")
JSON_EXPECTED_NAME = Sentence(
    "import.json.expected_name", "this is not valid JSON (expected a quoted name)"
)
JSON_EXPECTED_COLON = Sentence(
    "import.json.expected_colon", "this is not valid JSON (expected ':')"
)
JSON_DUPLICATE_NAME = Sentence(
    "import.json.duplicate_name", "the name {name} appears twice in one object"
)
JSON_EXPECTED_COMMA_BRACE = Sentence(
    "import.json.expected_comma_brace", "this is not valid JSON (expected ',' or '}}')"
)
JSON_EXPECTED_COMMA_BRACKET = Sentence(
    "import.json.expected_comma_bracket", "this is not valid JSON (expected ',' or ']')"
)
JSON_TRAILING = Sentence(
    "import.json.trailing", "this is not valid JSON (unexpected text after the end)"
)

# -- what an entry is called in a reason -----------------------------------------------------
ENTRY = Sentence("import.label.entry", "entry {number}")
ENTRY_ATTACHMENT = Sentence("import.label.entry_attachment", "entry {number}, attachment {index}")
A_TAG = Sentence("import.label.a_tag", "a tag")
THE_TITLE = Sentence("import.label.the_title", "the title")
THE_TEXT = Sentence("import.label.the_text", "the text")
THE_DATE = Sentence("import.label.the_date", "the date")
THE_CREATION_DATE = Sentence("import.label.the_creation_date", "the creation date")
THE_CHANGE_DATE = Sentence("import.label.the_change_date", "the change date")
AN_ATTACHMENT_NAME = Sentence("import.label.an_attachment_name", "an attachment's file name")
AN_ATTACHMENT_DATE = Sentence("import.label.an_attachment_date", "an attachment's date")
ENTRY_CREATION_DATE = Sentence(
    "import.label.entry_creation_date", "entry {number}: the creationDate"
)

# -- what is wrong with an entry -------------------------------------------------------------
MUST_BE_TEXT = Sentence("import.must_be_text", "{what} must be text")
KEY_MUST_BE_TEXT = Sentence("import.key_must_be_text", "{what}: '{key}' must be text")
KEY_MUST_BE_FLAG = Sentence("import.key_must_be_flag", "{what}: '{key}' must be true or false")
KEY_MUST_BE_LIST = Sentence("import.key_must_be_list", "{what}: '{key}' must be a list")
NOT_UNICODE = Sentence(
    "import.not_unicode", "{what} contains characters that are not valid Unicode"
)
NO_TIME_ZONE = Sentence("import.no_time_zone", "{what} has no time zone")
OUT_OF_RANGE = Sentence("import.out_of_range", "{what} is not between the years 1900 and 2999")
TAG_TOO_LONG = Sentence("import.tag_too_long", "a tag is longer than {count} characters")
TOO_MANY_TAGS = Sentence("import.too_many_tags", "an entry has more than {count} tags")
TITLE_TOO_LONG = Sentence("import.title_too_long", "the title is longer than {count} characters")
TOO_MANY_ATTACHMENTS = Sentence(
    "import.too_many_attachments", "an entry has more than {count} attachments"
)
#: The attachment limits, as an import's reasons (without the journal's full stop).
ATTACHMENT_OVER_LIMIT = Sentence(
    "import.attachment_too_large", "{name} is {size}; an attachment can be at most {limit}"
)
ENTRY_OVER_LIMIT = Sentence(
    "import.attachments_too_large",
    "Adding {name} would take this entry's attachments over {limit} in total",
)
OVER_LIMIT = {
    ATTACHMENT_TOO_LARGE.code: ATTACHMENT_OVER_LIMIT,
    ATTACHMENTS_TOO_LARGE.code: ENTRY_OVER_LIMIT,
}
NOT_AN_OBJECT = Sentence("import.not_an_object", "{what} is not an object")
HAS_NO = Sentence("import.has_no", "{what} has no {key}")

# -- our own JSON export ---------------------------------------------------------------------
NOT_OURS = Sentence(
    "import.ours.not_ours",
    'this is not a CareCompanion journal export (no "format": "{format}")',
)
VERSION_NOT_NUMBER = Sentence("import.ours.version_not_number", "'version' must be a number")
NEWER_EXPORT = Sentence(
    "import.ours.newer",
    "this export is version {version}, made by a newer CareCompanion; "
    "this one reads version {known}",
)
ENTRIES_NOT_LIST = Sentence("import.ours.entries_not_list", "'entries' must be a list")
NOT_ISO_TIME = Sentence("import.ours.not_iso_time", "{what}: {value} is not an ISO 8601 time")
NO_OFFSET = Sentence("import.ours.no_offset", "{what}: {key} {value} has no offset (+01:00, Z)")
BAD_BASE64 = Sentence("import.ours.bad_base64", "{what}: 'data' is not valid base64")
SIZE_MISMATCH = Sentence(
    "import.ours.size_mismatch", "{what}: 'size' says {size} bytes but 'data' holds {actual}"
)
TAG_NOT_TEXT = Sentence("import.ours.tag_not_text", "{what}: a tag must be text")

# -- jrnl ------------------------------------------------------------------------------------
JRNL_ENTRIES_NOT_LIST = Sentence(
    "import.jrnl.entries_not_list", "'entries' must be a list of entries"
)
NOT_JRNL = Sentence(
    "import.jrnl.not_jrnl", "this is not a jrnl JSON export (there is no list of 'entries')"
)
JRNL_NO_DATE = Sentence("import.jrnl.no_date", "entry {number} has no date")
JRNL_BAD_DATE = Sentence(
    "import.jrnl.bad_date", "entry {number}: the date {value} is not YYYY-MM-DD"
)
JRNL_NOT_A_TIME = Sentence("import.jrnl.not_a_time", "entry {number}: {value} is not a time")
JRNL_BAD_TIME = Sentence("import.jrnl.bad_time", "entry {number}: the time {value} is not HH:MM")
JRNL_NOT_A_DATE = Sentence("import.jrnl.not_a_date", "entry {number}: {value} is not a real date")
JRNL_TAG_NOT_TEXT = Sentence("import.jrnl.tag_not_text", "entry {number}: every tag must be text")

# -- Day One ---------------------------------------------------------------------------------
DAYONE_CHOOSE_ZIP = Sentence("import.dayone.choose_zip", "choose the Day One export's .zip file")
NOT_DAYONE = Sentence(
    "import.dayone.not_dayone", "this is not a Day One export (there is no Journal.json in it)"
)
NOT_DAYONE_JOURNAL = Sentence(
    "import.dayone.not_journal", "this is not a Day One journal (no list of 'entries')"
)
DAYONE_NOT_A_MOMENT = Sentence(
    "import.dayone.not_a_moment", "entry {number}: '{key}' must be a date and time"
)
DAYONE_BAD_MOMENT = Sentence(
    "import.dayone.bad_moment", "entry {number}: {key} {value} is not a date and time"
)
DAYONE_NO_CREATION = Sentence("import.dayone.no_creation", "entry {number} has no creationDate")
DAYONE_BAD_ZONE = Sentence(
    "import.dayone.bad_zone", "entry {number}: the timeZone {value} is not a time zone name"
)
DAYONE_TAGS = Sentence("import.dayone.tags", "entry {number}: 'tags' must be a list of text")
DAYONE_ITEM_NOT_OBJECT = Sentence(
    "import.dayone.item_not_object", "entry {number}: every item in '{key}' must be an object"
)
DAYONE_ITEM_NO_ID = Sentence(
    "import.dayone.item_no_id", "entry {number}: an item in '{key}' has no identifier"
)

# -- Markdown --------------------------------------------------------------------------------
MD_NOT_A_DATE = Sentence(
    "import.markdown.not_a_date", "{value} is not a date (use YYYY-MM-DD HH:MM)"
)
MD_NO_DATE = Sentence(
    "import.markdown.no_date",
    "there is no date: add a 'date:' line at the top or start the file name with YYYY-MM-DD",
)
MD_NOT_A_FLAG = Sentence("import.markdown.not_a_flag", "{key} must be true or false")
MD_BAD_LINK = Sentence(
    "import.markdown.bad_link", "the attachment {link} is not a file in the import folder"
)
FM_QUOTE_NOT_CLOSED = Sentence("import.markdown.quote_not_closed", "a quoted value is not closed")
FM_LIST_QUOTE_NOT_CLOSED = Sentence(
    "import.markdown.list_quote_not_closed", "a quoted value in a list is not closed"
)
FM_LIST_NOT_CLOSED = Sentence(
    "import.markdown.list_not_closed", "a list started with '[' is not closed with ']'"
)
FM_NOT_NAME_VALUE = Sentence(
    "import.markdown.not_name_value", "this front matter line is not 'name: value'"
)
