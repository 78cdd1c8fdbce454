"""The person's crisis lines: chosen from the built-in list at first run, then theirs to edit.

For the UI: ``countries()`` for the first-run chooser (``suggested_country(QLocale().name())``
preselects one), ``choose_country(code)`` copies that country's lines into the vault
(replacing the lines there), ``list()``, ``add/update/delete`` for edits, ``statement()`` for
the "not an emergency service" text that the help panel always shows.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from carecompanion.people import errors as said
from carecompanion.people import limits
from carecompanion.people.crisis_lines import (
    COUNTRIES,
    LOCAL_EMERGENCY,
    NOT_AN_EMERGENCY_SERVICE,
    CrisisCountry,
)
from carecompanion.people.errors import InvalidResource, Problem, ResourceNotFound, UnknownCountry
from carecompanion.people.models import CrisisResourceRow, PeopleSettingRow
from carecompanion.people.text import clean_line, clean_text
from carecompanion.storage.database import Database

COUNTRY_KEY = "crisis_country"
EMERGENCY_KEY = "emergency_number"


@dataclass(frozen=True)
class CrisisResourceDraft:
    name: str
    phone: str = ""
    text_number: str = ""
    url: str = ""
    hours: str = ""
    description: str = ""
    source_url: str = ""


@dataclass(frozen=True)
class CrisisResource:
    """A crisis line as stored in the vault (built-in at first, perhaps edited since)."""

    id: int
    position: int
    name: str
    phone: str
    text_number: str
    url: str
    hours: str
    description: str
    source_url: str


def _resource(row: CrisisResourceRow) -> CrisisResource:
    return CrisisResource(
        id=row.id,
        position=row.position,
        name=row.name,
        phone=row.phone,
        text_number=row.text_number,
        url=row.url,
        hours=row.hours,
        description=row.description,
        source_url=row.source_url,
    )


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
        with self._db.session() as session:
            return _setting(session, COUNTRY_KEY)

    def choose_country(self, code: str) -> builtins.list[CrisisResource]:
        """Replace the stored crisis lines and emergency number with ``code``'s built-ins."""
        country = COUNTRIES.get(code.strip().upper())
        if country is None:
            raise UnknownCountry(code, builtins.list(COUNTRIES))
        with self._db.session() as session:
            session.execute(delete(CrisisResourceRow))
            for position, line in enumerate(country.lines):
                session.add(
                    CrisisResourceRow(
                        position=position,
                        name=line.name,
                        phone=line.phone,
                        text_number=line.text_number,
                        url=line.url,
                        hours=line.hours,
                        description=line.description,
                        source_url=line.source_url,
                    )
                )
            _set(session, COUNTRY_KEY, country.code)
            _set(session, EMERGENCY_KEY, country.emergency_number)
        return self.list()

    # -- the emergency number and statement --------------------------------------------------
    def emergency_number(self) -> str:
        """What to call in an emergency ("999"); "" when unknown (then say "your local
        emergency number")."""
        with self._db.session() as session:
            return _setting(session, EMERGENCY_KEY) or ""

    def set_emergency_number(self, number: str) -> str:
        number = clean_line(number)
        if len(number) > limits.PHONE_MAX_CHARS:
            raise InvalidResource([Problem("emergency_number", said.NUMBER_TOO_LONG())])
        with self._db.session() as session:
            _set(session, EMERGENCY_KEY, number)
        return number

    def statement(self) -> str:
        """The "not an emergency service" sentence, with the emergency number when known."""
        return NOT_AN_EMERGENCY_SERVICE.format(emergency=self.emergency_number() or LOCAL_EMERGENCY)

    # -- the lines ---------------------------------------------------------------------------
    def list(self) -> builtins.list[CrisisResource]:
        with self._db.session() as session:
            rows = session.scalars(
                select(CrisisResourceRow).order_by(CrisisResourceRow.position, CrisisResourceRow.id)
            )
            return [_resource(row) for row in rows]

    def add(self, draft: CrisisResourceDraft) -> CrisisResource:
        clean = _clean(draft)
        with self._db.session() as session:
            last = session.scalar(select(func.max(CrisisResourceRow.position)))
            row = CrisisResourceRow(position=(last if last is not None else -1) + 1, **vars(clean))
            session.add(row)
            session.flush()
            return _resource(row)

    def update(self, resource_id: int, draft: CrisisResourceDraft) -> CrisisResource:
        clean = _clean(draft)
        with self._db.session() as session:
            row = session.get(CrisisResourceRow, resource_id)
            if row is None:
                raise ResourceNotFound(resource_id)
            for name, value in vars(clean).items():
                setattr(row, name, value)
            return _resource(row)

    def delete(self, resource_id: int) -> None:
        with self._db.session() as session:
            row = session.get(CrisisResourceRow, resource_id)
            if row is None:
                raise ResourceNotFound(resource_id)
            session.delete(row)


def _setting(session: Session, key: str) -> str | None:
    row = session.get(PeopleSettingRow, key)
    return row.value if row is not None else None


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(PeopleSettingRow, key)
    if row is None:
        session.add(PeopleSettingRow(key=key, value=value))
    else:
        row.value = value
