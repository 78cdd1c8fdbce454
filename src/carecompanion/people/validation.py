"""The rules a contact draft must follow. ``validated`` returns a cleaned copy or raises
``InvalidContact`` naming every field at fault."""

from __future__ import annotations

import re
from dataclasses import replace

from carecompanion.errors import Sentence
from carecompanion.people import errors as said
from carecompanion.people import limits
from carecompanion.people.errors import InvalidContact, Problem
from carecompanion.people.records import (
    EMAIL_KINDS,
    PHONE_KINDS,
    RELATIONS,
    ContactDraft,
    Email,
    Phone,
)
from carecompanion.people.text import clean_line, clean_text, email_key, fold_key, phone_key

# Loose on purpose: address books hold odd but working addresses; this catches typos such as
# a missing "@" or a space, not every RFC 5322 corner.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_LABEL_ALIASES = {
    "cell": "mobile",
    "iphone": "mobile",
    "mobil": "mobile",
    "voice": "other",
    "internet": "other",
    "main": "other",
}


def normal_kind(kind: str, known: tuple[str, ...], default: str) -> str:
    """A phone or e-mail label: a known kind in lower case, else the person's own words."""
    label = clean_line(kind)[: limits.KIND_MAX_CHARS]
    if not label:
        return default
    folded = label.casefold()
    folded = _LABEL_ALIASES.get(folded, folded)
    return folded if folded in known else label


def _phones(phones: tuple[Phone, ...], problems: list[Problem]) -> tuple[Phone, ...]:
    cleaned: list[Phone] = []
    seen: set[str] = set()
    for phone in phones:
        number = clean_line(phone.number)
        if not number or phone_key(number) in seen:
            continue
        if len(number) > limits.PHONE_MAX_CHARS or not any(ch.isdigit() for ch in number):
            problems.append(Problem("phones", said.NOT_A_PHONE(value=repr(number[:60]))))
            continue
        seen.add(phone_key(number))
        cleaned.append(Phone(number, normal_kind(phone.kind, PHONE_KINDS, "mobile")))
    if len(cleaned) > limits.MAX_PHONES:
        problems.append(Problem("phones", said.TOO_MANY_PHONES(count=limits.MAX_PHONES)))
    return tuple(cleaned)


def _emails(emails: tuple[Email, ...], problems: list[Problem]) -> tuple[Email, ...]:
    cleaned: list[Email] = []
    seen: set[str] = set()
    for email in emails:
        address = clean_line(email.address)
        if not address or email_key(address) in seen:
            continue
        if len(address) > limits.EMAIL_MAX_CHARS or not _EMAIL.fullmatch(address):
            problems.append(Problem("emails", said.NOT_AN_EMAIL(value=repr(address[:60]))))
            continue
        seen.add(email_key(address))
        cleaned.append(Email(address, normal_kind(email.kind, EMAIL_KINDS, "home")))
    if len(cleaned) > limits.MAX_EMAILS:
        problems.append(Problem("emails", said.TOO_MANY_EMAILS(count=limits.MAX_EMAILS)))
    return tuple(cleaned)


def _helps(helps: tuple[str, ...], problems: list[Problem]) -> tuple[str, ...]:
    cleaned: dict[str, str] = {}
    for text in helps:
        label = clean_line(text)
        if not label:
            continue
        if len(label) > limits.HELP_MAX_CHARS:
            problems.append(Problem("helps", said.HELP_TOO_LONG(count=limits.HELP_MAX_CHARS)))
            continue
        cleaned.setdefault(fold_key(label), label)
    if len(cleaned) > limits.MAX_HELPS:
        problems.append(Problem("helps", said.TOO_MANY_HELPS(count=limits.MAX_HELPS)))
    return tuple(cleaned.values())


def _too_long(problems: list[Problem], field: str, value: str, limit: int, what: Sentence) -> None:
    if len(value) > limit:
        problems.append(Problem(field, said.TOO_LONG(what=what(), count=limit)))


def validated(draft: ContactDraft) -> ContactDraft:
    problems: list[Problem] = []
    name = clean_line(draft.name)
    if not name:
        problems.append(Problem("name", said.CONTACT_NEEDS_NAME()))
    _too_long(problems, "name", name, limits.NAME_MAX_CHARS, said.A_NAME)
    if draft.relation not in RELATIONS:
        problems.append(
            Problem(
                "relation",
                said.NOT_ONE_OF(value=repr(draft.relation), allowed=", ".join(RELATIONS)),
            )
        )
    role, best_times = clean_line(draft.role), clean_line(draft.best_times)
    _too_long(problems, "role", role, limits.LINE_MAX_CHARS, said.A_ROLE)
    _too_long(problems, "best_times", best_times, limits.LINE_MAX_CHARS, said.BEST_TIMES)
    address, notes = clean_text(draft.address), clean_text(draft.notes)
    _too_long(problems, "address", address, limits.TEXT_MAX_CHARS, said.AN_ADDRESS)
    _too_long(problems, "notes", notes, limits.TEXT_MAX_CHARS, said.NOTES)
    days = draft.check_in_days
    if days is not None and (isinstance(days, bool) or not 1 <= days <= limits.CHECK_IN_MAX_DAYS):
        problems.append(
            Problem("check_in_days", said.CHECK_IN_DAYS(count=limits.CHECK_IN_MAX_DAYS))
        )
    phones = _phones(tuple(draft.phones), problems)
    emails = _emails(tuple(draft.emails), problems)
    helps = _helps(tuple(draft.helps), problems)
    if problems:
        raise InvalidContact(problems)
    return replace(
        draft,
        name=name,
        role=role,
        best_times=best_times,
        address=address,
        notes=notes,
        phones=phones,
        emails=emails,
        helps=helps,
        is_emergency=bool(draft.is_emergency),
    )
