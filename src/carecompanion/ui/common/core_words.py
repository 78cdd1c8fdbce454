"""The core's fixed words (mood words, relations, meeting kinds), in the person's language.

The core stays Qt-free and English (the CLI and the files use it); the UI looks its words up
by code here, so lupdate finds them and a renamed English label cannot break a translation.
tests/ui/test_translations.py checks that every code the core knows has a word here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale

from carecompanion.people.meetings import Schedule
from carecompanion.ui.common.i18n import QT_TRANSLATE_NOOP, format_time, format_when

MOOD = "MoodWords"
PEOPLE = "PeopleWords"
JOURNAL = "JournalWords"

MOOD_WORDS: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("MoodWords", "awful"),
    2: QT_TRANSLATE_NOOP("MoodWords", "bad"),
    3: QT_TRANSLATE_NOOP("MoodWords", "okay"),
    4: QT_TRANSLATE_NOOP("MoodWords", "good"),
    5: QT_TRANSLATE_NOOP("MoodWords", "great"),
}
RELATIONS: dict[str, str] = {
    "peer": QT_TRANSLATE_NOOP("PeopleWords", "Peer caregiver"),
    "facilitator": QT_TRANSLATE_NOOP("PeopleWords", "Support-group facilitator"),
    "friend": QT_TRANSLATE_NOOP("PeopleWords", "Friend"),
    "family": QT_TRANSLATE_NOOP("PeopleWords", "Family"),
    "professional": QT_TRANSLATE_NOOP("PeopleWords", "Professional"),
    "crisis_line": QT_TRANSLATE_NOOP("PeopleWords", "Crisis line"),
    "other": QT_TRANSLATE_NOOP("PeopleWords", "Other"),
}
GROUP_KINDS: dict[str, str] = {
    "in_person": QT_TRANSLATE_NOOP("PeopleWords", "In person"),
    "video": QT_TRANSLATE_NOOP("PeopleWords", "Video call"),
    "phone": QT_TRANSLATE_NOOP("PeopleWords", "Phone call"),
}
#: Where entries can come from, by ImportSource value, in people's words (the core's labels
#: are the CLI's): the app, then the file it gives you.
IMPORT_SOURCES: dict[str, str] = {
    "jrnl": QT_TRANSLATE_NOOP("JournalWords", "The jrnl app (a .json file it exported)"),
    "dayone": QT_TRANSLATE_NOOP("JournalWords", "The Day One app (a .zip file it exported)"),
    "markdown": QT_TRANSLATE_NOOP("JournalWords", "A folder of text files (.txt or .md)"),
    "json": QT_TRANSLATE_NOOP("JournalWords", "CareCompanion (a .json file it exported)"),
}


def mood_word(value: int) -> str:
    return QCoreApplication.translate(MOOD, MOOD_WORDS[value]) if value in MOOD_WORDS else ""


def relation_label(relation: str) -> str:
    return QCoreApplication.translate(PEOPLE, RELATIONS.get(relation, RELATIONS["other"]))


def group_kind_label(kind: str) -> str:
    return QCoreApplication.translate(PEOPLE, GROUP_KINDS.get(kind, kind))


def import_source_label(source: str) -> str:
    """``source``: an ImportSource (a str enum) or its value."""
    return QCoreApplication.translate(JOURNAL, IMPORT_SOURCES[getattr(source, "value", source)])


PLACES = "PlaceWords"
#: The built-in helpline countries, by code; the English is the core's own name for each.
COUNTRIES: dict[str, str] = {
    "US": QT_TRANSLATE_NOOP("PlaceWords", "United States"),
    "CA": QT_TRANSLATE_NOOP("PlaceWords", "Canada"),
    "GB": QT_TRANSLATE_NOOP("PlaceWords", "United Kingdom"),
    "IE": QT_TRANSLATE_NOOP("PlaceWords", "Ireland"),
    "AU": QT_TRANSLATE_NOOP("PlaceWords", "Australia"),
    "NZ": QT_TRANSLATE_NOOP("PlaceWords", "New Zealand"),
    "DE": QT_TRANSLATE_NOOP("PlaceWords", "Deutschland"),
    "FR": QT_TRANSLATE_NOOP("PlaceWords", "France"),
    "NL": QT_TRANSLATE_NOOP("PlaceWords", "Nederland"),
    "OTHER": QT_TRANSLATE_NOOP("PlaceWords", "Another country"),
}


def country_name(code: str, fallback: str) -> str:
    return QCoreApplication.translate(PLACES, COUNTRIES[code]) if code in COUNTRIES else fallback


def not_an_emergency_service(emergency_number: str) -> str:
    """The help panel's safety sentence (the core's NOT_AN_EMERGENCY_SERVICE), translated."""
    number = emergency_number or QCoreApplication.translate(
        "PeopleWords", "your local emergency number"
    )
    return QCoreApplication.translate(
        "PeopleWords",
        "CareCompanion is not an emergency service and cannot call for help. If you or someone "
        "else is in danger right now, call {emergency}.",
    ).format(emergency=number)


#: The mood nudge's gentle words (the core's nudge.py), by reason code.
NUDGE_REASONS: dict[str, str] = {
    "below_baseline": QT_TRANSLATE_NOOP(
        "MoodWords", "Your check-ins over the last two weeks have been lower than usual for you."
    ),
    "low_mood": QT_TRANSLATE_NOOP(
        "MoodWords", "Many of your check-ins over the last two weeks have been on the low side."
    ),
    "high_stress": QT_TRANSLATE_NOOP(
        "MoodWords", "You have noted a lot of stress over the last two weeks."
    ),
    "self_check": QT_TRANSLATE_NOOP(
        "MoodWords", "A recent self-check suggested you are carrying a lot right now."
    ),
}
NUDGE_INVITATION = QT_TRANSLATE_NOOP(
    "MoodWords",
    "Caring for someone is hard work, and stretches like this happen to many caregivers. It "
    "might help to talk with someone you trust, or to take a little time for yourself.",
)
EMERGENCY_NOTE = QT_TRANSLATE_NOOP(
    "MoodWords", "If you ever feel you might harm yourself, call your local emergency number now."
)


def nudge_words(reason_codes: list[str]) -> tuple[str, str, str]:
    """(what was noticed, the invitation, the emergency note) in the person's language."""
    noticed = " ".join(
        QCoreApplication.translate(MOOD, NUDGE_REASONS[code])
        for code in reason_codes
        if code in NUDGE_REASONS
    )
    return (
        noticed,
        QCoreApplication.translate(MOOD, NUDGE_INVITATION),
        QCoreApplication.translate(MOOD, EMERGENCY_NOTE),
    )


#: The feelings the check-in offers (the core's DEFAULT_EMOTIONS); stored in English, shown
#: in the person's language. Feelings they type themselves are shown as typed.
EMOTIONS: dict[str, str] = {
    name: name
    for name in (
        QT_TRANSLATE_NOOP("MoodWords", "Overwhelmed"),
        QT_TRANSLATE_NOOP("MoodWords", "Anxious"),
        QT_TRANSLATE_NOOP("MoodWords", "Sad"),
        QT_TRANSLATE_NOOP("MoodWords", "Lonely"),
        QT_TRANSLATE_NOOP("MoodWords", "Guilty"),
        QT_TRANSLATE_NOOP("MoodWords", "Frustrated"),
        QT_TRANSLATE_NOOP("MoodWords", "Angry"),
        QT_TRANSLATE_NOOP("MoodWords", "Tired"),
        QT_TRANSLATE_NOOP("MoodWords", "Numb"),
        QT_TRANSLATE_NOOP("MoodWords", "Calm"),
        QT_TRANSLATE_NOOP("MoodWords", "Hopeful"),
        QT_TRANSLATE_NOOP("MoodWords", "Grateful"),
        QT_TRANSLATE_NOOP("MoodWords", "Proud"),
        QT_TRANSLATE_NOOP("MoodWords", "Loved"),
        QT_TRANSLATE_NOOP("MoodWords", "Content"),
    )
}


def emotion_word(name: str) -> str:
    return QCoreApplication.translate(MOOD, name) if name in EMOTIONS else name


CIRCLE = "CircleWords"
#: The week's summary offered for sharing (the core's circle/mood_summary.py): its feeling
#: sentences and figure names, by the core's English, which is also the figures' key.
WEEK_FEELINGS: dict[str, str] = {
    text: text
    for text in (
        QT_TRANSLATE_NOOP("CircleWords", "This week was very hard"),
        QT_TRANSLATE_NOOP("CircleWords", "This week was hard"),
        QT_TRANSLATE_NOOP("CircleWords", "This week had ups and downs"),
        QT_TRANSLATE_NOOP("CircleWords", "This week was a better one"),
    )
}
WEEK_FIGURES: dict[str, str] = {
    name: name
    for name in (
        QT_TRANSLATE_NOOP("CircleWords", "mood"),
        QT_TRANSLATE_NOOP("CircleWords", "days checked in"),
        QT_TRANSLATE_NOOP("CircleWords", "sleep"),
        QT_TRANSLATE_NOOP("CircleWords", "stress"),
        QT_TRANSLATE_NOOP("CircleWords", "caring"),
    )
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def week_summary_words(text: str, figures: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """The core's suggested words and figures for a week, in the person's language: what
    they see, edit and share. In English this returns the core's own text unchanged."""
    translate = QCoreApplication.translate

    def numbers(name: str) -> list[str]:
        return _NUMBER.findall(figures.get(name, ""))

    worded: dict[str, str] = {}
    for name, value in figures.items():
        found = numbers(name)
        if name == "days checked in" and len(found) == 2:
            value = translate("CircleWords", "{days} of {total}").format(
                days=found[0], total=found[1]
            )
        elif name == "sleep" and found:
            value = translate("CircleWords", "{hours} h a night").format(hours=found[0])
        elif name == "caring" and found:
            value = translate("CircleWords", "{hours} h a day").format(hours=found[0])
        label = translate(CIRCLE, WEEK_FIGURES[name]) if name in WEEK_FIGURES else name
        worded[label] = value
    feeling = text.partition(": ")[0]
    if feeling not in WEEK_FEELINGS or "mood" not in figures:
        # Not the core's shape: the person's own words are left as they are.
        return text, {k: _local_decimals(v) for k, v in worded.items()}
    parts = [translate("CircleWords", "mood {mood}").format(mood=figures["mood"])]
    if numbers("sleep"):
        parts.append(
            translate("CircleWords", "slept about {hours} h").format(hours=numbers("sleep")[0])
        )
    sentence = translate("CircleWords", "{feeling}: {figures}.").format(
        feeling=translate(CIRCLE, WEEK_FEELINGS[feeling]), figures=", ".join(parts)
    )
    return _local_decimals(sentence), {k: _local_decimals(v) for k, v in worded.items()}


def _local_decimals(text: str) -> str:
    """ "3.4" as the person's language writes it ("3,4" in Spanish); whole numbers as they are."""
    point = QLocale().decimalPoint()
    if point == ".":
        return text
    return _NUMBER.sub(lambda match: match.group(0).replace(".", point), text)


#: The self-care activities a new vault starts with (the core's DEFAULT_ACTIVITIES, which
#: migration 0003 stores in English): shown in the person's language, stored as they are, so
#: charts and exports keep one name for each. Activities they add are shown as typed.
ACTIVITIES: dict[str, str] = {
    name: name
    for name in (
        QT_TRANSLATE_NOOP("MoodWords", "A walk"),
        QT_TRANSLATE_NOOP("MoodWords", "Talked to a friend"),
        QT_TRANSLATE_NOOP("MoodWords", "Respite"),
        QT_TRANSLATE_NOOP("MoodWords", "Exercise"),
        QT_TRANSLATE_NOOP("MoodWords", "Time for a hobby"),
        QT_TRANSLATE_NOOP("MoodWords", "Support group meeting"),
        QT_TRANSLATE_NOOP("MoodWords", "Rest"),
        QT_TRANSLATE_NOOP("MoodWords", "Time outdoors"),
        QT_TRANSLATE_NOOP("MoodWords", "Time with family"),
        QT_TRANSLATE_NOOP("MoodWords", "Meditation or prayer"),
        QT_TRANSLATE_NOOP("MoodWords", "Music"),
    )
}


def activity_word(name: str) -> str:
    """A stored activity name as shown: a built-in one translated, the person's own as typed."""
    return QCoreApplication.translate(MOOD, name) if name in ACTIVITIES else name


#: Phone and e-mail labels the core knows (records.PHONE_KINDS, EMAIL_KINDS), stored by code;
#: a label the person typed themselves is kept and shown as typed.
CONTACT_KINDS: dict[str, str] = {
    "mobile": QT_TRANSLATE_NOOP("PeopleWords", "mobile"),
    "home": QT_TRANSLATE_NOOP("PeopleWords", "home"),
    "work": QT_TRANSLATE_NOOP("PeopleWords", "work"),
    "fax": QT_TRANSLATE_NOOP("PeopleWords", "fax"),
    "pager": QT_TRANSLATE_NOOP("PeopleWords", "pager"),
    "other": QT_TRANSLATE_NOOP("PeopleWords", "other"),
}


def kind_word(kind: str) -> str:
    """ "mobile" -> "móvil" in Spanish; the person's own label unchanged."""
    return (
        QCoreApplication.translate(PEOPLE, CONTACT_KINDS[kind]) if kind in CONTACT_KINDS else kind
    )


def kind_code(word: str) -> str:
    """What the person typed before a number ("Móvil", "mobile") as the code to store: a known
    label in either language becomes its code, anything else stays their own words."""
    folded = word.strip().casefold()
    for code in CONTACT_KINDS:
        if folded in (code, kind_word(code).casefold()):
            return code
    return word.strip()


# The names zoneinfo gives universal time ("Etc/UTC" is what a server or a fresh container
# reports): all shown as one plain name.
_UNIVERSAL_ZONES = frozenset(
    {
        "UTC",
        "Etc/UTC",
        "Etc/UCT",
        "UCT",
        "Etc/Universal",
        "Universal",
        "Etc/Zulu",
        "Zulu",
        "Etc/GMT",
        "GMT",
        "Etc/GMT0",
        "GMT0",
        "Etc/Greenwich",
        "Greenwich",
    }
)


def is_universal_zone(name: str) -> bool:
    return name in _UNIVERSAL_ZONES


def zone_label(name: str) -> str:
    """A time zone as people say it: "London time", "UTC (universal time)"; an IANA name
    with no city (Etc/GMT+5) as it is."""
    if name in _UNIVERSAL_ZONES:
        return QCoreApplication.translate("PlaceWords", "UTC (universal time)")
    region, _sep, city = name.rpartition("/")
    if not region or region == "Etc" or not city:
        return name
    return QCoreApplication.translate("PlaceWords", "{city} time").format(
        city=city.replace("_", " ")
    )


SCHEDULES = "ScheduleWords"
_ORDINALS: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("ScheduleWords", "first"),
    2: QT_TRANSLATE_NOOP("ScheduleWords", "second"),
    3: QT_TRANSLATE_NOOP("ScheduleWords", "third"),
    4: QT_TRANSLATE_NOOP("ScheduleWords", "fourth"),
    5: QT_TRANSLATE_NOOP("ScheduleWords", "fifth"),
    -1: QT_TRANSLATE_NOOP("ScheduleWords", "last"),
}


def schedule_words(schedule: Schedule) -> str:
    """A group's schedule in words, in the person's language and date style ("Every Thursday
    at 18:30, London time"): the core's ``Schedule.describe()`` is the CLI's English."""
    translate = QCoreApplication.translate
    weekday = QLocale().dayName(schedule.weekday + 1, QLocale.FormatType.LongFormat)
    at = format_time(schedule.start)
    if schedule.frequency == "once":
        text = translate("ScheduleWords", "Once, on {day} at {time}").format(
            day=format_when(schedule.first, "day"), time=at
        )
    elif schedule.frequency == "weekly" and schedule.interval == 1:
        text = translate("ScheduleWords", "Every {weekday} at {time}").format(
            weekday=weekday, time=at
        )
    elif schedule.frequency == "weekly" and schedule.interval == 2:
        text = translate("ScheduleWords", "Every other {weekday} at {time}").format(
            weekday=weekday, time=at
        )
    elif schedule.frequency == "weekly":
        text = translate("ScheduleWords", "Every {n} weeks on {weekday} at {time}").format(
            n=schedule.interval, weekday=weekday, time=at
        )
    else:
        ordinal = _ORDINALS.get(schedule.week_of_month or 1, _ORDINALS[1])
        text = translate("ScheduleWords", "The {ordinal} {weekday} of each month at {time}").format(
            ordinal=translate(SCHEDULES, ordinal), weekday=weekday, time=at
        )
    return translate("ScheduleWords", "{schedule}, {zone}").format(
        schedule=text, zone=zone_label(schedule.tz)
    )
