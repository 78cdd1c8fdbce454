"""The built-in journal templates in the person's language.

The core keeps them in code, in English, and never stores them, so they are still the app's
words (not the person's) until used: the template list, the picker and a new entry made from
one show them translated. A copy, or an entry made from one, is the person's own text from
then on. tests/ui/test_translations.py checks that the English here is the core's.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from carecompanion.journal.templates import Template
from carecompanion.ui.common.i18n import QT_TRANSLATE_NOOP

CONTEXT = "JournalTemplates"

#: By template id: (name, title, body, tags), each the core's English.
BUILT_IN: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "builtin:care-log": (
        QT_TRANSLATE_NOOP("JournalTemplates", "Today's care log"),
        QT_TRANSLATE_NOOP("JournalTemplates", "Care log"),
        QT_TRANSLATE_NOOP(
            "JournalTemplates",
            "## How they were today\n"
            "Mood, sleep, appetite, anything new:\n"
            "\n"
            "\n"
            "## Medication\n"
            "Given as usual? Anything missed or refused?\n"
            "\n"
            "\n"
            "## Appointments, calls and errands\n"
            "\n"
            "\n"
            "## Anything to watch tomorrow",
        ),
        (QT_TRANSLATE_NOOP("JournalTemplates", "care log"),),
    ),
    "builtin:went-well-drained": (
        QT_TRANSLATE_NOOP("JournalTemplates", "What went well, what drained me"),
        QT_TRANSLATE_NOOP("JournalTemplates", "What went well, what drained me"),
        QT_TRANSLATE_NOOP(
            "JournalTemplates",
            "## One thing that went well\n"
            "Even a small one counts.\n"
            "\n"
            "\n"
            "## What drained me\n"
            "\n"
            "\n"
            "## What would make tomorrow a little easier?",
        ),
        (QT_TRANSLATE_NOOP("JournalTemplates", "reflection"),),
    ),
    "builtin:need-help": (
        QT_TRANSLATE_NOOP("JournalTemplates", "What I need help with"),
        QT_TRANSLATE_NOOP("JournalTemplates", "What I need help with"),
        QT_TRANSLATE_NOOP(
            "JournalTemplates",
            "## What I cannot keep doing alone\n"
            "\n"
            "\n"
            "## Who could help, even a little?\n"
            "Family, friends, neighbours, the support group, services:\n"
            "\n"
            "\n"
            "## One thing I will ask for this week",
        ),
        (QT_TRANSLATE_NOOP("JournalTemplates", "help"),),
    ),
    "builtin:appointment": (
        QT_TRANSLATE_NOOP("JournalTemplates", "Appointment notes"),
        QT_TRANSLATE_NOOP("JournalTemplates", "Appointment notes"),
        QT_TRANSLATE_NOOP(
            "JournalTemplates",
            "**With:**\n"
            "**Where and when:**\n"
            "\n"
            "## Questions I want to ask\n"
            "-\n"
            "\n"
            "## What they said\n"
            "\n"
            "\n"
            "## Changes to treatment or medication\n"
            "\n"
            "\n"
            "## Next steps and the next appointment",
        ),
        (QT_TRANSLATE_NOOP("JournalTemplates", "appointments"),),
    ),
    "builtin:medication-change": (
        QT_TRANSLATE_NOOP("JournalTemplates", "Medication change"),
        QT_TRANSLATE_NOOP("JournalTemplates", "Medication change"),
        QT_TRANSLATE_NOOP(
            "JournalTemplates",
            "**Medicine:**\n"
            "**Old dose → new dose:**\n"
            "**Starting on:**\n"
            "**Prescribed by, and why:**\n"
            "\n"
            "## What to watch for\n"
            "Side effects, changes in mood, sleep or appetite:\n"
            "\n"
            "\n"
            "## How it is going\n"
            "Notes over the next few days:",
        ),
        (QT_TRANSLATE_NOOP("JournalTemplates", "medication"),),
    ),
    "builtin:gratitude": (
        QT_TRANSLATE_NOOP("JournalTemplates", "A gratitude note"),
        QT_TRANSLATE_NOOP("JournalTemplates", "Grateful for"),
        QT_TRANSLATE_NOOP(
            "JournalTemplates",
            "Three things, however small, that I am grateful for today:\n"
            "\n"
            "1.\n"
            "2.\n"
            "3.\n"
            "\n"
            "## A moment I want to remember",
        ),
        (QT_TRANSLATE_NOOP("JournalTemplates", "gratitude"),),
    ),
    "builtin:respite": (
        QT_TRANSLATE_NOOP("JournalTemplates", "Planning respite"),
        QT_TRANSLATE_NOOP("JournalTemplates", "Planning a break"),
        QT_TRANSLATE_NOOP(
            "JournalTemplates",
            "Rest is part of caring, not a reward for it.\n"
            "\n"
            "## When could I take a break?\n"
            "\n"
            "\n"
            "## Who can cover, and what do they need to know?\n"
            "\n"
            "\n"
            "## What would actually feel restful?\n"
            "\n"
            "\n"
            "## What I will not use the time for\n"
            "(chores, errands, catching up…)",
        ),
        (QT_TRANSLATE_NOOP("JournalTemplates", "respite"),),
    ),
    "builtin:hard-day": (
        QT_TRANSLATE_NOOP("JournalTemplates", "A hard day"),
        QT_TRANSLATE_NOOP("JournalTemplates", "A hard day"),
        QT_TRANSLATE_NOOP(
            "JournalTemplates",
            "It is all right to write this down, and all right to stop after "
            "one line.\n"
            "\n"
            "## What happened\n"
            "\n"
            "\n"
            "## How I feel right now\n"
            "\n"
            "\n"
            "## One kind thing I can do for myself tonight\n"
            "\n"
            "\n"
            "## Someone I could talk to",
        ),
        (QT_TRANSLATE_NOOP("JournalTemplates", "hard days"),),
    ),
}


def shown(template: Template) -> Template:
    """A built-in template in the person's language (its English when the core's text has
    changed and this table has not caught up); the person's own templates as they are."""
    words = BUILT_IN.get(template.id)
    if not template.built_in or words is None:
        return template
    name, title, body, tags = words
    if (name, title, body, tags) != (
        template.name,
        template.title,
        template.body.strip(),
        template.tags,
    ):
        return template

    def translate(text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)

    return replace(
        template,
        name=translate(name),
        title=translate(title),
        body=translate(body) + "\n",
        tags=tuple(translate(tag) for tag in tags),
    )
