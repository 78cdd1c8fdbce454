"""Contacts to vCard 3.0 (RFC 2426) or 4.0 (RFC 6350) text, many contacts in one file.

3.0 is what Google Contacts and most phones import best; 4.0 is what Thunderbird writes.
Values are escaped and lines folded here (at 75 octets, never inside a UTF-8 character);
vobject writes each content line's name, group and parameters. Fields vCard has no property for
travel as ``X-CARECOMPANION-*`` lines, which other apps ignore and our import reads back.
What an imported card held beyond the fields (``Contact.vcard_extra``: ORG, BDAY, the
structured N and ADR...) is written back as it was read, but for a birthday without a year:
vCard 3.0 has no such date, so it goes out there as Apple writes it (``BDAY;X-APPLE-OMIT-
YEAR=1604:1604-04-15``, which sabre-dav, DAVx5 and CardBook read too) and in 4.0 as
``BDAY:--0415``, whichever form the card came in with.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC
from itertools import count
from typing import Literal

from vobject.base import ContentLine

from carecompanion import __version__
from carecompanion.people.records import Contact, Photo, VCardProperty
from carecompanion.people.vcard_extra import (
    birthday,
    generated_adr,
    generated_n,
    is_organisation,
)
from carecompanion.people.vcard_fields import X_PREFIX
from carecompanion.people.vcard_text import escape, fold, join

Version = Literal["3.0", "4.0"]
VERSIONS: tuple[Version, ...] = ("3.0", "4.0")
PRODID = f"-//CareCompanion//CareCompanion {__version__}//EN"

# Our phone kinds as vCard TYPE values; "other" and custom labels carry no TYPE (a custom
# label travels as Apple's item1.X-ABLabel, which Apple and Google read).
_PHONE_TYPES = {"mobile": "cell", "home": "home", "work": "work", "fax": "fax", "pager": "pager"}
_EMAIL_TYPES = {"home": "home", "work": "work"}


def _line(
    name: str, value: str, params: dict[str, list[str]] | None = None, group: str | None = None
) -> str:
    line = ContentLine(name, {}, value, group=group, encoded=True)
    line.params = params or {}  # set afterwards: the constructor wants parser output
    # vobject quotes the parameters; the folding is ours, since vobject's leaves a line of
    # fewer than 75 characters unfolded even when its UTF-8 is longer than 75 octets.
    return fold(str(line.serialize(lineLength=1_000_000_000)).rstrip("\r\n"))


def _type_params(
    kind_type: str | None, version: Version, extra: tuple[str, ...] = ()
) -> dict[str, list[str]]:
    types = [*extra, *([kind_type] if kind_type else [])]
    if not types:
        return {}
    return {"TYPE": [t.upper() for t in types] if version == "3.0" else types}


def _uid(contact: Contact, version: Version) -> str:
    return f"urn:uuid:{uuid.UUID(hex=contact.uid)}" if version == "4.0" else contact.uid


def _photo(photo: Photo, version: Version) -> str:
    encoded = base64.b64encode(photo.data).decode("ascii")
    if version == "4.0":
        return _line("PHOTO", f"data:{photo.mime_type};base64,{encoded}")
    subtype = photo.mime_type.split("/")[-1].upper()
    return _line("PHOTO", encoded, {"ENCODING": ["b"], "TYPE": [subtype]})


#: Apple's stand-in year for a birthday without one: the first leap year after the Gregorian
#: calendar reached every Catholic country (29 February fits); what other apps look for.
_OMITTED_YEAR = "1604"
_OMIT_YEAR = "X-APPLE-OMIT-YEAR"


def _in_version(kept: VCardProperty, version: Version) -> VCardProperty:
    """A kept BDAY without a year in the form ``version``'s readers take; all else as read."""
    if kept.name != "BDAY":
        return kept
    day = birthday((kept,))
    if day is None or day[0] is not None:
        return kept  # a full date, or one this app cannot read: as it came
    _, month, day_of_month = day
    others = tuple((key, values) for key, values in kept.params if key != _OMIT_YEAR)
    if version == "3.0":
        if kept.param(_OMIT_YEAR):
            return kept  # already Apple's form
        value = f"{_OMITTED_YEAR}-{month:02d}-{day_of_month:02d}"
        return replace(kept, value=value, params=(*others, (_OMIT_YEAR, (_OMITTED_YEAR,))))
    return replace(kept, value=f"--{month:02d}{day_of_month:02d}", params=others)


def _kept_lines(kept: Iterable[VCardProperty], version: Version) -> list[str]:
    """The properties kept from an imported card, written back as they were read (their
    groups too: this export's own label groups are numbered around them)."""
    return [
        _line(p.name, p.value, {k: list(v) for k, v in p.params}, group=p.group or None)
        for p in (_in_version(p, version) for p in kept)
    ]


def _free_groups(kept: Iterable[VCardProperty]) -> Iterator[str]:
    """``item1``, ``item2``... for custom labels, skipping any a kept property uses."""
    taken = {p.group.lower() for p in kept if p.group}
    return (f"item{n}" for n in count(1) if f"item{n}" not in taken)


def _card(contact: Contact, photo: Photo | None, version: Version) -> str:
    kept = contact.vcard_extra
    names = [p for p in kept if p.name == "N"][:1]  # N as the card had it, prefix and all
    organisation = is_organisation(contact.relation, kept)
    lines = [
        _line("BEGIN", "VCARD"),
        _line("VERSION", version),
        _line("PRODID", PRODID),
        _line("UID", _uid(contact, version)),
        _line("FN", escape(contact.name)),
        *(_kept_lines(names, version) or [_line("N", generated_n(contact.name, organisation))]),
    ]
    groups = _free_groups(kept)
    for entries, property_name, types, extra in (
        ([(p.number, p.kind) for p in contact.phones], "TEL", _PHONE_TYPES, ()),
        (
            [(e.address, e.kind) for e in contact.emails],
            "EMAIL",
            _EMAIL_TYPES,
            ("internet",) if version == "3.0" else (),
        ),
    ):
        for value, kind in entries:
            params = _type_params(types.get(kind), version, extra)
            if property_name == "TEL" and version == "4.0":
                params["VALUE"] = ["text"]  # a number as typed, not a tel: URI
            if kind in types or kind == "other":
                lines.append(_line(property_name, escape(value), params))
            else:
                group = next(groups)
                lines.append(_line(property_name, escape(value), params, group=group))
                lines.append(_line("X-ABLabel", escape(kind), group=group))
    if contact.address and not any(p.name == "ADR" for p in kept):
        lines.append(_line("ADR", generated_adr(contact.address)))
    lines.extend(_kept_lines((p for p in kept if p.name != "N"), version))
    if contact.notes:
        lines.append(_line("NOTE", escape(contact.notes)))
    if contact.role:
        lines.append(_line("TITLE", escape(contact.role)))
    if photo is not None:
        lines.append(_photo(photo, version))
    extras = {
        "RELATION": contact.relation,
        "ROLE": escape(contact.role),
        "HELPS": join(list(contact.helps), ","),
        "BEST-TIMES": escape(contact.best_times),
        "CHECK-IN-DAYS": str(contact.check_in_days or ""),
        "EMERGENCY": "TRUE" if contact.is_emergency else "",
    }
    lines.extend(_line(X_PREFIX + key, value) for key, value in extras.items() if value)
    stamp = contact.updated_at.astimezone(UTC)
    lines.append(
        _line("REV", stamp.strftime("%Y-%m-%dT%H:%M:%SZ" if version == "3.0" else "%Y%m%dT%H%M%SZ"))
    )
    lines.append(_line("END", "VCARD"))
    return "".join(lines)


def write_vcards(contacts: Iterable[tuple[Contact, Photo | None]], version: Version = "3.0") -> str:
    """One vCard per contact, in the order given."""
    if version not in VERSIONS:
        raise ValueError(f"vCard version must be one of {', '.join(VERSIONS)}")
    return "".join(_card(contact, photo, version) for contact, photo in contacts)
