"""The people package's domain errors: one base class, so the CLI and UI can catch them all.

Each is said with a sentence (see :mod:`carecompanion.errors`) for the person using the app
(the CLI prints it as its one line on stderr). Sentences may quote the person's own words
where that is needed to fix the mistake (a bad line of a vCard file), so show them, but never
log them. Every sentence of the package is here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from carecompanion import errors
from carecompanion.errors import (
    AT_LINE,
    IN_FILE,
    CareCompanionError,
    InvalidFields,
    Notice,
    Sentence,
)

# One invalid field of a draft: which field (the draft's attribute name) and why.
from carecompanion.errors import Problem as Problem

NO_SUCH_CONTACT = Sentence("people.contact_not_found", "There is no contact with id {id}.")
NO_MEETING_ON = Sentence("people.no_meeting_on", "The group does not meet on {day}.")


class PeopleError(CareCompanionError):
    """Any mistake in a people, groups or crisis-line request that the person can fix."""


class InvalidDraft(PeopleError, InvalidFields):
    """A draft that breaks a rule. ``problems`` lists every field at fault, so a dialog can
    mark each one."""


class InvalidContact(InvalidDraft):
    pass


class InvalidGroup(InvalidDraft):
    pass


class InvalidSchedule(InvalidDraft):
    pass


class InvalidResource(InvalidDraft):
    pass


class ContactNotFound(PeopleError, LookupError):
    sentence = NO_SUCH_CONTACT

    def __init__(self, contact_id: int) -> None:
        super().__init__(id=contact_id)


class LogEntryNotFound(PeopleError, LookupError):
    sentence = Sentence("people.log_entry_not_found", "There is no contact log entry with id {id}.")

    def __init__(self, entry_id: int) -> None:
        super().__init__(id=entry_id)


class GroupNotFound(PeopleError, LookupError):
    sentence = Sentence("people.group_not_found", "There is no group with id {id}.")

    def __init__(self, group_id: int) -> None:
        super().__init__(id=group_id)


class OccurrenceNotFound(PeopleError, LookupError):
    sentence = NO_MEETING_ON

    def __init__(self, day: object) -> None:
        super().__init__(day=str(day))


class ResourceNotFound(PeopleError, LookupError):
    sentence = Sentence("people.crisis_line_not_found", "There is no crisis line with id {id}.")

    def __init__(self, resource_id: int) -> None:
        super().__init__(id=resource_id)


class UnknownCountry(PeopleError, LookupError):
    sentence = Sentence(
        "people.unknown_country",
        "There is no built-in list of crisis lines for {code}; choose one of {known}.",
    )

    def __init__(self, code: str, known: Sequence[str]) -> None:
        super().__init__(code=repr(code), known=", ".join(known))


class InvalidPhoto(PeopleError, ValueError):
    """A photo that is too large or not a JPEG, PNG, GIF or WebP image."""


class VCardError(PeopleError, errors.ImportFormatError, ValueError):
    """A vCard file that cannot be imported: names the file and, where known, the line;
    nothing has been written when it is raised."""

    def __init__(self, path: Path | str, reason: Notice, line: int | None = None) -> None:
        if line is None:
            super().__init__(IN_FILE, file=str(Path(path)), reason=reason)
        else:
            super().__init__(AT_LINE, file=str(Path(path)), line=line, reason=reason)


# -- what a field is called in a sentence -----------------------------------------------------
A_NAME = Sentence("people.label.a_name", "A name")
A_ROLE = Sentence("people.label.a_role", "A role")
BEST_TIMES = Sentence("people.label.best_times", "Best times to call")
AN_ADDRESS = Sentence("people.label.an_address", "An address")
NOTES = Sentence("people.label.notes", "Notes")

# -- contacts ----------------------------------------------------------------------------------
TOO_LONG = Sentence("people.too_long", "{what} can be at most {count} characters long.")
CONTACT_NEEDS_NAME = Sentence("people.contact.needs_name", "A contact needs a name.")
NOT_ONE_OF = Sentence("people.not_one_of", "{value} is not one of {allowed}.")
CHECK_IN_DAYS = Sentence(
    "people.contact.check_in_days", "Check in every 1 to {count} days, or not at all."
)
NOT_A_PHONE = Sentence("people.contact.not_a_phone", "{value} does not look like a phone number.")
TOO_MANY_PHONES = Sentence(
    "people.contact.too_many_phones", "A contact can have at most {count} phone numbers."
)
NOT_AN_EMAIL = Sentence(
    "people.contact.not_an_email", "{value} does not look like an e-mail address."
)
TOO_MANY_EMAILS = Sentence(
    "people.contact.too_many_emails", "A contact can have at most {count} e-mail addresses."
)
HELP_TOO_LONG = Sentence(
    "people.contact.help_too_long", "Each way someone helps can be at most {count} characters long."
)
TOO_MANY_HELPS = Sentence(
    "people.contact.too_many_helps", "A contact can have at most {count} ways they help."
)
LOG_NOTE_TOO_LONG = Sentence(
    "people.log.note_too_long", "A note can be at most {count} characters long."
)
LOG_NO_TIME_ZONE = Sentence("people.log.no_time_zone", "The time needs a time zone.")
LOG_IN_THE_FUTURE = Sentence("people.log.in_the_future", "That time is in the future.")
PHOTO_TOO_LARGE = Sentence(
    "people.photo.too_large",
    "The photo is {size} KiB; a contact photo can be at most {limit} KiB. "
    "Choose a smaller picture.",
)
PHOTO_NOT_A_PICTURE = Sentence(
    "people.photo.not_a_picture", "That file is not a JPEG, PNG, GIF or WebP picture."
)

# -- groups and their meetings -----------------------------------------------------------------
GROUP_NEEDS_NAME = Sentence("people.group.needs_name", "A group needs a name.")
GROUP_KIND = Sentence("people.group.kind", "A group meets in person, by video or by phone.")
GROUP_TEXT_TOO_LONG = Sentence("people.group.text_too_long", "The location or notes are too long.")
NOT_A_ZONE = Sentence(
    "people.schedule.not_a_zone",
    "{value} is not a time zone name like Europe/London or America/New_York.",
)
FREQUENCY = Sentence("people.schedule.frequency", "A group meets once, weekly or monthly.")
INTERVAL = Sentence("people.schedule.interval", "That is not a possible repeat interval.")
DURATION = Sentence("people.schedule.duration", "A meeting lasts from 1 minute to 24 hours.")
WEEK_OF_MONTH = Sentence(
    "people.schedule.week_of_month", "Choose the first to fifth, or the last, weekday of the month."
)
FIRST_NOT_ON_WEEKDAY = Sentence(
    "people.schedule.first_not_on_weekday",
    "The first meeting must fall on the chosen weekday of its month (use Schedule.monthly).",
)
UNTIL_BEFORE_FIRST = Sentence(
    "people.schedule.until_before_first", "The last day is before the first meeting."
)
CHANGE_NOTE_TOO_LONG = Sentence("people.schedule.note_too_long", "The note is too long.")
MOVE_WHERE = Sentence("people.schedule.move_where", "Say where the meeting moves to.")
NO_SCHEDULE = Sentence("people.schedule.none", "This group has no meeting schedule.")

# -- crisis lines ------------------------------------------------------------------------------
LINE_NEEDS_NAME = Sentence("people.crisis.needs_name", "A crisis line needs a name.")
LINE_NEEDS_WAY = Sentence(
    "people.crisis.needs_way",
    "A crisis line needs a phone number, a number to text or a web address.",
)
LINE_DETAIL_TOO_LONG = Sentence(
    "people.crisis.detail_too_long",
    "Each detail of a crisis line can be at most {count} characters long.",
)
DESCRIPTION_TOO_LONG = Sentence(
    "people.crisis.description_too_long", "The description is too long."
)
NUMBER_TOO_LONG = Sentence("people.crisis.number_too_long", "That is too long for a phone number.")

# -- vCard imports: why a file or card cannot be read (after "FILE, line N: ") -----------------
VCARD_TOO_BIG = Sentence(
    "people.vcard.too_big", "the file is {size} MiB; at most {limit} MiB can be imported."
)
VCARD_UTF16 = Sentence("people.vcard.utf16", "the file is damaged: its UTF-16 text cannot be read.")
VCARD_NOT_UTF8 = Sentence(
    "people.vcard.not_utf8",
    "this line is not UTF-8 text; export the contacts again as UTF-8 (Unicode) vCards.",
)
#: ``{reason}`` is the operating system's own words.
VCARD_UNREADABLE = Sentence("people.vcard.unreadable", "the file cannot be read ({reason}).")
VCARD_BAD_LINE = Sentence("people.vcard.bad_line", "this is not a valid vCard line.")
VCARD_NOT_ENDED = Sentence(
    "people.vcard.not_ended",
    "a new card starts before the card at line {line} has ended (END:VCARD is missing).",
)
VCARD_END_WITHOUT_BEGIN = Sentence(
    "people.vcard.end_without_begin", "END:VCARD without a BEGIN:VCARD before it."
)
VCARD_TOO_MANY = Sentence(
    "people.vcard.too_many",
    "the file holds more than {count} contacts; split it into smaller files.",
)
VCARD_OUTSIDE = Sentence(
    "people.vcard.outside",
    "{what} is outside any BEGIN:VCARD ... END:VCARD card; is this a vCard (.vcf) file?",
)
VCARD_NO_END = Sentence("people.vcard.no_end", "this card has no END:VCARD.")
VCARD_TOO_MANY_LINES = Sentence(
    "people.vcard.too_many_lines",
    "the file has more than {count} lines; split it into smaller files.",
)
VCARD_CARD_TOO_LONG = Sentence(
    "people.vcard.card_too_long",
    "this card has more than {count} lines; is the file damaged?",
)
VCARD_NONE = Sentence("people.vcard.none", "no contacts found; is this a vCard (.vcf) file?")
CARD_PHOTO_DAMAGED = Sentence(
    "people.vcard.photo_damaged",
    "the photo on this line is damaged (its base64 data cannot be read).",
)
CARD_PHOTO_NOT_DATA = Sentence(
    "people.vcard.photo_not_data", "the photo on this line is not a base64 data: URI."
)
CARD_NO_NAME = Sentence(
    "people.vcard.no_name", "this card has no name, phone number or e-mail address."
)
CARD_REFUSED = Sentence("people.vcard.refused", "the card for {name} cannot be imported: {reason}")
#: Warnings: what was left out of a card that was imported.
PHOTO_LINK = Sentence(
    "people.vcard.photo_link", "line {line}: the photo is a web link; it was not downloaded."
)
PHOTO_UNKNOWN_FORM = Sentence(
    "people.vcard.photo_unknown_form",
    "line {line}: the photo is in a form this app cannot read; it was left out.",
)
PHOTO_NOT_PICTURE = Sentence(
    "people.vcard.photo_not_picture",
    "line {line}: the photo is not a JPEG, PNG, GIF or WebP picture; it was left out.",
)
PHOTO_OVER_LIMIT = Sentence(
    "people.vcard.photo_over_limit",
    "line {line}: the photo is {size} KiB, larger than {limit} KiB; it was left out.",
)
KEPT_TOO_LONG = Sentence(
    "people.vcard.kept_too_long", "line {line}: {name} is too long to keep; left out."
)
KEPT_TOO_MANY = Sentence(
    "people.vcard.kept_too_many",
    "line {line}: this card has more than {count} other details; the rest were left out.",
)
PHONE_LEFT_OUT = Sentence(
    "people.vcard.phone_left_out", "line {line}: {value} is not a phone number; left out."
)
EMAIL_LEFT_OUT = Sentence(
    "people.vcard.email_left_out", "line {line}: {value} is not an e-mail address; left out."
)
CHECK_IN_LEFT_OUT = Sentence(
    "people.vcard.check_in_left_out",
    "line {line}: the check-in interval {value} is not a number of days; left out.",
)
