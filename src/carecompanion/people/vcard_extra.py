"""The vCard properties a contact keeps beyond its fields, so an export writes back what an
import read (issue 16): ORG, BDAY (``--0415`` included), CATEGORIES, KIND, NICKNAME, URL, the
structured name N (prefix and all) and each address's fields and TYPE.

They live in the vault next to the contact (``people_contacts.vcard_extra``, JSON) rather
than as fields the person edits: the app shows the organisation and the birthday and leaves
the rest as it came. When the person edits a field a kept property restates (the name, the
address), the kept one is dropped, since it would now say something else (``after_edit``).

A property the app writes itself from its own fields (N from the name, ADR from the address)
is kept only when it says more than the app would write: a card the app exported comes back
as it went out, and a typed contact keeps nothing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from carecompanion.people.records import ContactDraft, VCardProperty
from carecompanion.people.vcard_text import escape, split, split_raw, unescape

#: Kept properties that restate a field: dropped when the person changes that field.
_RESTATING = {"name": ("N", "SORT-STRING"), "address": ("ADR", "LABEL")}
_BIRTHDAY = re.compile(r"(\d{4}|--)-?(\d{2})-?(\d{2})")


def is_organisation(relation: str, properties: Iterable[VCardProperty]) -> bool:
    """A crisis line, or a card that said it is an organisation (vCard 4.0's ``KIND:org``,
    Apple's ``X-ABShowAs:COMPANY``): its name is no person's."""
    return relation == "crisis_line" or any(
        (p.name, unescape(p.value).strip().lower()) in (("KIND", "org"), ("X-ABSHOWAS", "company"))
        for p in properties
    )


def generated_n(name: str, organisation: bool = False) -> str:
    """N for a name typed as one string: the last word as the family name when there are
    several (a guess other apps need; FN stays exactly as typed). An organisation has no
    family or given name: ``N:;;;;`` (not ``N:(local);Crisis line;;;``)."""
    if organisation:
        return ";;;;"
    words = name.split()
    family, given = (words[-1], " ".join(words[:-1])) if len(words) > 1 else ("", name)
    return f"{escape(family)};{escape(given)};;;"


def generated_adr(address: str) -> str:
    """ADR for an address typed as free text: all of it in the street field."""
    return f";;{escape(address)};;;;"


def kept_text(text: str) -> str:
    """A value or parameter as it may be written back on one content line: a line break
    (from vCard 2.1's quoted-printable) as ``\\n``, control characters but the tab dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch for ch in text if ch == "\t" or unicodedata.category(ch) not in ("Cc", "Cs"))


# -- storage -----------------------------------------------------------------------------------
def to_json(properties: Iterable[VCardProperty]) -> str:
    """The column's text: "" for none."""
    rows = [
        {"name": p.name, "value": p.value, "params": [[k, list(v)] for k, v in p.params]}
        | ({"group": p.group} if p.group else {})
        for p in properties
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) if rows else ""


def from_json(text: str) -> tuple[VCardProperty, ...]:
    """The column's properties; anything this version did not write reads as none."""
    if not text:
        return ()
    try:
        rows = json.loads(text)
        return tuple(
            VCardProperty(
                name=str(row["name"]),
                value=str(row["value"]),
                params=tuple((str(k), tuple(str(v) for v in vs)) for k, vs in row["params"]),
                group=str(row.get("group", "")),
            )
            for row in rows
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return ()


# -- what the app shows ------------------------------------------------------------------------
def _first(properties: Iterable[VCardProperty], name: str) -> VCardProperty | None:
    return next((p for p in properties if p.name == name), None)


def organization(properties: Iterable[VCardProperty]) -> str:
    """ORG as one line: the organisation, then its units ("Diakonie, Pflegeberatung")."""
    found = _first(properties, "ORG")
    if found is None:
        return ""
    return ", ".join(
        part for part in (unescape(f).strip() for f in split_raw(found.value, ";")) if part
    )


def birthday(properties: Iterable[VCardProperty]) -> tuple[int | None, int, int] | None:
    """BDAY as (year or None, month, day): ``1980-04-15``, ``19800415``, ``--0415`` (no year,
    vCard 4.0) and Apple's ``X-APPLE-OMIT-YEAR=1604`` (a year it wrote only to have one)."""
    found = _first(properties, "BDAY")
    if found is None:
        return None
    match = _BIRTHDAY.match(unescape(found.value).strip())
    if match is None:
        return None
    year = None if match.group(1) == "--" else int(match.group(1))
    month, day = int(match.group(2)), int(match.group(3))
    if year is not None and str(year) in found.param("X-APPLE-OMIT-YEAR"):
        year = None
    try:
        date(2000 if year is None else year, month, day)  # no year: 29 February is a birthday
    except ValueError:  # month 13, 31 April, 29 February 1900, year 0
        return None
    return year, month, day


def categories(properties: Iterable[VCardProperty]) -> tuple[str, ...]:
    return tuple(
        item.strip()
        for p in properties
        if p.name == "CATEGORIES"
        for item in split(p.value, ",")
        if item.strip()
    )


# -- edits -------------------------------------------------------------------------------------
def after_edit(
    properties: tuple[VCardProperty, ...], before: ContactDraft, after: ContactDraft
) -> tuple[VCardProperty, ...]:
    """The kept properties once ``before`` became ``after``: those restating a field the
    person changed go (a new name makes the old N wrong; a new address the old ADR)."""
    dropped: set[str] = set()
    if before.name != after.name:
        dropped.update(_RESTATING["name"])
    if before.address != after.address:
        dropped.update(_RESTATING["address"])
    return tuple(p for p in properties if p.name not in dropped)
