"""The mood package's domain errors: one base class, so the CLI and UI can catch them all.

Each is said with a sentence (see :mod:`carecompanion.errors`) meant for the person using the
app (the CLI prints it as its one line on stderr). Sentences quote the person's own words only
where they are needed to fix the mistake (an unknown mood label in an import file), so show
them, but never log them.
"""

from __future__ import annotations

from carecompanion import errors
from carecompanion.errors import CareCompanionError, InvalidFields, Sentence

# One invalid field of a check-in: which field (the draft's attribute name) and why.
from carecompanion.errors import Problem as Problem


class MoodError(CareCompanionError):
    """Any mistake in a mood request that the person can fix."""


class InvalidCheckIn(MoodError, InvalidFields):
    """A check-in draft that breaks a rule. ``problems`` lists every field at fault."""


class CheckInNotFound(MoodError, LookupError):
    sentence = Sentence("mood.checkin_not_found", "There is no check-in with id {id}.")

    def __init__(self, checkin_id: int) -> None:
        super().__init__(id=checkin_id)


class ActivityNotFound(MoodError, LookupError):
    sentence = Sentence("mood.activity_not_found", "There is no self-care activity with id {id}.")

    def __init__(self, activity_id: int) -> None:
        super().__init__(id=activity_id)


class InvalidName(MoodError, ValueError):
    """An activity, emotion or contact name that is empty, too long or already taken."""


class SupportContactNotFound(MoodError, LookupError):
    """No support contact (the nudge's people and crisis lines) with that id; the People
    section's contacts are :class:`carecompanion.people.errors.ContactNotFound`."""

    sentence = Sentence(
        "mood.support_contact_not_found", "There is no support contact with id {id}."
    )

    def __init__(self, contact_id: int) -> None:
        super().__init__(id=contact_id)


class InvalidAnswers(MoodError, ValueError):
    """Answers that do not fit a self-check questionnaire."""


class AssessmentNotFound(MoodError, LookupError):
    sentence = Sentence("mood.assessment_not_found", "There is no saved self-check with id {id}.")

    def __init__(self, assessment_id: int) -> None:
        super().__init__(id=assessment_id)


class ImportFormatError(MoodError, errors.ImportFormatError, ValueError):
    """A Daylio file that cannot be imported: the app's import error, and a mood error."""


# -- names -------------------------------------------------------------------------------------
#: What kind of name is meant, filled into the sentences below.
ACTIVITY = Sentence("mood.word.activity", "activity")
EMOTION = Sentence("mood.word.emotion", "emotion")
ACTIVITIES = Sentence("mood.word.activities", "activities")
EMOTIONS = Sentence("mood.word.emotions", "emotions")
EMPTY_NAME = Sentence("mood.name.empty", "An empty {what} name cannot be used.")
NAME_TOO_LONG = Sentence(
    "mood.name.too_long", "Each {what} name must be at most {count} characters long."
)
NAME_HAS_BAR = Sentence("mood.name.has_bar", "The character '|' cannot be used in an {what} name.")
ACTIVITY_TAKEN = Sentence("mood.name.activity_taken", "That activity is already on your list.")

# -- a check-in's fields -----------------------------------------------------------------------
#: A field's label, filled into the sentences below.
MOOD = Sentence("mood.label.mood", "Mood")
STRESS = Sentence("mood.label.stress", "Stress")
ENERGY = Sentence("mood.label.energy", "Energy")
SLEEP = Sentence("mood.label.sleep", "Sleep")
CARE_HOURS = Sentence("mood.label.care_hours", "Hours of care")
NOT_IN_RANGE = Sentence(
    "mood.checkin.not_in_range", "{label} must be a whole number from {low} to {high}."
)
NOT_HOURS = Sentence("mood.checkin.not_hours", "{label} must be a number of hours from 0 to 24.")
MOOD_NEEDED = Sentence(
    "mood.checkin.mood_needed", "Mood is needed (a whole number from {low} to {high})."
)
NOTE_TOO_LONG = Sentence(
    "mood.checkin.note_too_long",
    "The note is longer than {count} characters; a journal entry is the place for a longer text.",
)
TOO_MANY_NAMES = Sentence(
    "mood.checkin.too_many_names", "A check-in can list at most {count} {what}."
)
NO_TIME_ZONE = Sentence(
    "mood.checkin.no_time_zone", "The time of a check-in must include its time zone."
)
IN_THE_FUTURE = Sentence("mood.checkin.in_the_future", "A check-in cannot be in the future.")
BEFORE_1900 = Sentence("mood.checkin.before_1900", "A check-in cannot be dated before 1900.")
NO_SUCH_ENTRY = Sentence("mood.checkin.no_such_entry", "There is no journal entry with id {id}.")

# -- support contacts and self-checks ----------------------------------------------------------
CONTACT_NEEDS_NAME = Sentence("mood.contact.needs_name", "A support contact needs a name.")
CONTACT_TOO_LONG = Sentence(
    "mood.contact.too_long",
    "A contact's name and details must each be at most {count} characters long.",
)
CONTACT_KIND = Sentence(
    "mood.contact.kind", "A support contact is either a person or a crisis line."
)
#: ``{title}`` is the self-check's validated English title ("PHQ-2"), never translated.
UNKNOWN_SELF_CHECK = Sentence("mood.self_check.unknown", "There is no self-check called {id}.")
ANSWER_COUNT = Sentence(
    "mood.self_check.answer_count",
    "The {title} has {questions} questions; {answers} answers were given.",
)
ANSWER_VALUE = Sentence(
    "mood.self_check.answer_value", "Question {number} of the {title} needs one of {allowed}."
)
SELF_CHECK_NO_ZONE = Sentence(
    "mood.self_check.no_time_zone", "The time of a self-check must include its time zone."
)
SELF_CHECK_FUTURE = Sentence(
    "mood.self_check.in_the_future", "A self-check cannot be dated in the future."
)

# -- Daylio imports ------------------------------------------------------------------------------
MOOD_MAP_LEVEL = Sentence(
    "mood.daylio.map_level", "The mood {name} must be mapped to a level from {low} to {high}."
)
NOT_TEXT = Sentence(
    "mood.daylio.not_text", "{file} is not a text file, so it is not a Daylio CSV export."
)
EMPTY = Sentence("mood.daylio.empty", "{file} is empty.")
#: ``{detail}`` is Python's csv module's own words; the sentence follows "FILE, line N: ".
CSV_ERROR = Sentence("mood.daylio.csv_error", "{detail}.")
MISSING_COLUMNS = Sentence(
    "mood.daylio.missing_columns",
    "there is no {columns} column, so this is not a Daylio "
    "CSV export (or one from a very old version; export it again from Daylio).",
)
FIELD_COUNT = Sentence("mood.daylio.field_count", "{count} fields where the header has {expected}.")
NOT_A_DATE = Sentence("mood.daylio.not_a_date", "{value} is not a date in the form YYYY-MM-DD.")
NOT_A_REAL_DATE = Sentence("mood.daylio.not_a_real_date", "{value} is not a real date.")
NOT_A_TIME = Sentence("mood.daylio.not_a_time", "{value} is not a time of day.")
NO_MOOD = Sentence("mood.daylio.no_mood", "the mood is missing.")
UNKNOWN_MOOD = Sentence(
    "mood.daylio.unknown_mood",
    "the mood {names} is not one of Daylio's defaults; say which level from "
    "{low} (awful) to {high} (great) it stands for.",
)
UNKNOWN_MOODS = Sentence(
    "mood.daylio.unknown_moods",
    "the mood names {names} are not Daylio's defaults; say which level from "
    "{low} (awful) to {high} (great) each stands for.",
)
TOO_LARGE = Sentence(
    "mood.daylio.too_large", "{file} is larger than 50 MB, so it is not a Daylio CSV export."
)
NO_FILE = Sentence("mood.daylio.no_file", "There is no file at {file}.")
A_FOLDER = Sentence("mood.daylio.a_folder", "{file} is a folder, not a Daylio CSV export.")
#: ``{reason}`` is the operating system's own words.
UNREADABLE = Sentence("mood.daylio.unreadable", "{file} could not be read: {reason}.")
NOT_UTF8 = Sentence("mood.daylio.not_utf8", "the file is not UTF-8 text, as Daylio writes it.")
LINE_TOO_LONG = Sentence(
    "mood.daylio.line_too_long",
    "the line is more than {count} characters long; no Daylio entry is that long.",
)
TOO_MANY_ROWS = Sentence(
    "mood.daylio.too_many_rows",
    "the file has more than {count} entries; a Daylio export holds far fewer (thirty years "
    "of daily check-ins are about 11,000), so it is not read.",
)
MOOD_NAME_TOO_LONG = Sentence(
    "mood.daylio.mood_name_too_long",
    "the mood name is more than {count} characters long; Daylio's mood names are short.",
)
TOO_MANY_MOODS = Sentence(
    "mood.daylio.too_many_moods",
    "more than {count} different mood names are not Daylio's defaults; a Daylio export "
    "has far fewer, so it is not read.",
)
