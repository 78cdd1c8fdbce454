"""The person's crisis lines: chosen from the built-in list at first run, then theirs to edit.

For the UI: ``countries()`` for the first-run chooser (``suggested_country(QLocale().name())``
preselects one), ``choose_country(code)`` copies that country's lines into the vault
(replacing the lines there), ``list()``, ``add/update/delete`` for edits, ``statement()`` for
the "not an emergency service" text that the help panel always shows.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from contextlib import contextmanager

from carecompanion.people import errors as said
from carecompanion.people import limits
from carecompanion.people.crisis_lines import (
    COUNTRIES,
    LOCAL_EMERGENCY,
    NOT_AN_EMERGENCY_SERVICE,
    CrisisCountry,
)
from carecompanion.people.errors import InvalidResource, Problem, ResourceNotFound, UnknownCountry

# Long imported from here: re-exported.
from carecompanion.people.records import CrisisResource as CrisisResource
from carecompanion.people.records import CrisisResourceDraft as CrisisResourceDraft
from carecompanion.people.repository import CrisisRepository
from carecompanion.people.text import clean_line, clean_text
from carecompanion.storage.database import Database

COUNTRY_KEY = "crisis_country"
EMERGENCY_KEY = "emergency_number"


def _clean(draft: CrisisResourceDraft) -> CrisisResourceDraft:
    values = {
        name: clean_line(getattr(draft, name))
        for name in ("name", "phone", "text_number", "url", "hours", "source_url")
    }
    description = clean_text(draft.description)
    problems = []
    if not values["name"]:
        problems.append(Problem("name", said.LINE_NEEDS_NAME()))
    if not (values["phone"] or values["text_number"] or values["url"]):
        problems.append(Problem("phone", said.LINE_NEEDS_WAY()))
    for name, value in values.items():
        if len(value) > limits.LINE_MAX_CHARS:
            problems.append(Problem(name, said.LINE_DETAIL_TOO_LONG(count=limits.LINE_MAX_CHARS)))
    if len(description) > limits.TEXT_MAX_CHARS:
        problems.append(Problem("description", said.DESCRIPTION_TOO_LONG()))
    if problems:
        raise InvalidResource(problems)
    return CrisisResourceDraft(description=description, **values)


class CrisisService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- countries ---------------------------------------------------------------------------
    @staticmethod
    def countries() -> builtins.list[CrisisCountry]:
        return builtins.list(COUNTRIES.values())

    def chosen_country(self) -> str | None:
        """The country chosen at first run; None until then (the UI then asks)."""
        with self._repo() as repo:
            return repo.setting(COUNTRY_KEY)

    def choose_country(self, code: str) -> builtins.list[CrisisResource]:
        """Replace the stored crisis lines and emergency number with ``code``'s built-ins."""
        country = COUNTRIES.get(code.strip().upper())
        if country is None:
            raise UnknownCountry(code, builtins.list(COUNTRIES))
        with self._repo() as repo:
            repo.replace_lines(
                [
                    CrisisResourceDraft(
                        name=line.name,
                        phone=line.phone,
                        text_number=line.text_number,
                        url=line.url,
                        hours=line.hours,
                        description=line.description,
                        source_url=line.source_url,
                    )
                    for line in country.lines
                ]
            )
            repo.set_setting(COUNTRY_KEY, country.code)
            repo.set_setting(EMERGENCY_KEY, country.emergency_number)
        return self.list()

    # -- the emergency number and statement --------------------------------------------------
    def emergency_number(self) -> str:
        """What to call in an emergency ("999"); "" when unknown (then say "your local
        emergency number")."""
        with self._repo() as repo:
            return repo.setting(EMERGENCY_KEY) or ""

    def set_emergency_number(self, number: str) -> str:
        number = clean_line(number)
        if len(number) > limits.PHONE_MAX_CHARS:
            raise InvalidResource([Problem("emergency_number", said.NUMBER_TOO_LONG())])
        with self._repo() as repo:
            repo.set_setting(EMERGENCY_KEY, number)
        return number

    def statement(self) -> str:
        """The "not an emergency service" sentence, with the emergency number when known."""
        return NOT_AN_EMERGENCY_SERVICE.format(emergency=self.emergency_number() or LOCAL_EMERGENCY)

    # -- the lines ---------------------------------------------------------------------------
    def list(self) -> builtins.list[CrisisResource]:
        with self._repo() as repo:
            return repo.lines()

    def add(self, draft: CrisisResourceDraft) -> CrisisResource:
        clean = _clean(draft)
        with self._repo() as repo:
            return repo.insert(clean)

    def update(self, resource_id: int, draft: CrisisResourceDraft) -> CrisisResource:
        clean = _clean(draft)
        with self._repo() as repo:
            changed = repo.update(resource_id, clean)
        if changed is None:
            raise ResourceNotFound(resource_id)
        return changed

    def delete(self, resource_id: int) -> None:
        with self._repo() as repo:
            if not repo.delete(resource_id):
                raise ResourceNotFound(resource_id)

    @contextmanager
    def _repo(self) -> Iterator[CrisisRepository]:
        with self._db.session() as session:
            yield CrisisRepository(session)
