"""Entry templates: gentle built-in prompts for caregivers, and the user's own templates.

Built-in templates live here in code (so they improve with the app and are never stored);
only the user's own go into the journal_templates table, encrypted like everything else.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from carecompanion.clock import Clock
from carecompanion.journal.errors import InvalidTemplate

# Long imported from here: re-exported.
from carecompanion.journal.errors import TemplateNotFound as TemplateNotFound
from carecompanion.journal.errors import TemplateReadOnly as TemplateReadOnly
from carecompanion.journal.repository import TemplateFields, TemplateRepository
from carecompanion.journal.tags import clean_tags, join_tags, split_tags
from carecompanion.storage.database import Database

BUILT_IN_PREFIX = "builtin:"


@dataclass(frozen=True)
class Template:
    id: str  # "builtin:…" for the built-in ones, a random hex id for the user's own
    name: str
    title: str
    body: str  # Markdown
    tags: tuple[str, ...]
    built_in: bool


def _built_in(key: str, name: str, title: str, body: str, *tags: str) -> Template:
    return Template(BUILT_IN_PREFIX + key, name, title, body.strip() + "\n", tags, True)


# Written for someone tired at the end of a long day: short questions, room to answer, and
# nothing that has to be filled in. Headings make the answers easy to find again in search.
BUILT_IN_TEMPLATES: tuple[Template, ...] = (
    _built_in(
        "care-log",
        "Today's care log",
        "Care log",
        """
## How they were today
Mood, sleep, appetite, anything new:


## Medication
Given as usual? Anything missed or refused?


## Appointments, calls and errands


## Anything to watch tomorrow

""",
        "care log",
    ),
    _built_in(
        "went-well-drained",
        "What went well, what drained me",
        "What went well, what drained me",
        """
## One thing that went well
Even a small one counts.


## What drained me


## What would make tomorrow a little easier?

""",
        "reflection",
    ),
    _built_in(
        "need-help",
        "What I need help with",
        "What I need help with",
        """
## What I cannot keep doing alone


## Who could help, even a little?
Family, friends, neighbours, the support group, services:


## One thing I will ask for this week

""",
        "help",
    ),
    _built_in(
        "appointment",
        "Appointment notes",
        "Appointment notes",
        """
**With:**
**Where and when:**

## Questions I want to ask
-

## What they said


## Changes to treatment or medication


## Next steps and the next appointment

""",
        "appointments",
    ),
    _built_in(
        "medication-change",
        "Medication change",
        "Medication change",
        """
**Medicine:**
**Old dose → new dose:**
**Starting on:**
**Prescribed by, and why:**

## What to watch for
Side effects, changes in mood, sleep or appetite:


## How it is going
Notes over the next few days:

""",
        "medication",
    ),
    _built_in(
        "gratitude",
        "A gratitude note",
        "Grateful for",
        """
Three things, however small, that I am grateful for today:

1.
2.
3.

## A moment I want to remember

""",
        "gratitude",
    ),
    _built_in(
        "respite",
        "Planning respite",
        "Planning a break",
        """
Rest is part of caring, not a reward for it.

## When could I take a break?


## Who can cover, and what do they need to know?


## What would actually feel restful?


## What I will not use the time for
(chores, errands, catching up…)

""",
        "respite",
    ),
    _built_in(
        "hard-day",
        "A hard day",
        "A hard day",
        """
It is all right to write this down, and all right to stop after one line.

## What happened


## How I feel right now


## One kind thing I can do for myself tonight


## Someone I could talk to

""",
        "hard days",
    ),
)

_BUILT_IN_BY_ID = {template.id: template for template in BUILT_IN_TEMPLATES}


def _to_template(row: TemplateFields) -> Template:
    return Template(row.uid, row.name, row.title, row.body, split_tags(row.tag_text), False)


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidTemplate()
    return cleaned


class TemplateService:
    def __init__(self, database: Database, clock: Clock) -> None:
        self._db = database
        self._clock = clock

    def list_templates(self) -> list[Template]:
        """The built-in templates first (in their own order), then the user's by name."""
        with self._db.session() as session:
            rows = TemplateRepository(session).all()
        own = sorted(
            (_to_template(row) for row in rows), key=lambda t: (t.name.casefold(), t.name, t.id)
        )
        return [*BUILT_IN_TEMPLATES, *own]

    def get_template(self, template_id: str) -> Template:
        if template_id in _BUILT_IN_BY_ID:
            return _BUILT_IN_BY_ID[template_id]
        with self._db.session() as session:
            return _to_template(self._row(TemplateRepository(session), template_id))

    def add_template(
        self, name: str, title: str = "", body: str = "", tags: Sequence[str] = ()
    ) -> Template:
        row = TemplateFields(
            uid=uuid.uuid4().hex,
            name=_clean_name(name),
            title=title.strip(),
            body=body,
            tag_text=join_tags(clean_tags(tags)),
        )
        with self._db.session() as session:
            TemplateRepository(session).add(row, self._clock.now())
        return _to_template(row)

    def update_template(
        self,
        template_id: str,
        *,
        name: str | None = None,
        title: str | None = None,
        body: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> Template:
        self._refuse_built_in(template_id)
        with self._db.session() as session:
            templates = TemplateRepository(session)
            row = self._row(templates, template_id)
            row = row._replace(
                name=row.name if name is None else _clean_name(name),
                title=row.title if title is None else title.strip(),
                body=row.body if body is None else body,
                tag_text=row.tag_text if tags is None else join_tags(clean_tags(tags)),
            )
            templates.update(template_id, row, self._clock.now())
            return _to_template(row)

    def delete_template(self, template_id: str) -> None:
        self._refuse_built_in(template_id)
        with self._db.session() as session:
            templates = TemplateRepository(session)
            templates.delete(self._row(templates, template_id).uid)

    @staticmethod
    def _refuse_built_in(template_id: str) -> None:
        if template_id in _BUILT_IN_BY_ID:
            raise TemplateReadOnly(_BUILT_IN_BY_ID[template_id].name)
        if template_id.startswith(BUILT_IN_PREFIX):
            raise TemplateNotFound(template_id)

    @staticmethod
    def _row(templates: TemplateRepository, template_id: str) -> TemplateFields:
        row = templates.find(template_id)
        if row is None:
            raise TemplateNotFound(template_id)
        return row
