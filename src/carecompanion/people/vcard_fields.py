"""One vCard's content lines to a ``ParsedCard``: which property feeds which contact field.

Address books disagree on details, so this reads them all: vCard 2.1 singleton types
(``TEL;WORK;VOICE``), 3.0 ``TYPE=CELL,VOICE`` and ``type=pref``, 4.0 ``PREF=1``, ``tel:``
URIs and ``data:`` photos; Apple's and Google's ``item1.X-ABLabel`` custom labels; photos as
base64 (``ENCODING=b``, ``ENCODING=BASE64`` or a bare ``BASE64``). Our own export adds
``X-CARECOMPANION-*`` lines so that relation, "how they help", best times to call, the
check-in interval and the emergency flag survive a round trip.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote

from vobject.base import ContentLine

from carecompanion.errors import Notice
from carecompanion.people import errors as said
from carecompanion.people.errors import InvalidContact
from carecompanion.people.limits import (
    CHECK_IN_MAX_DAYS,
    KEPT_MAX_PROPERTIES,
    KEPT_VALUE_MAX_CHARS,
    PHOTO_MAX_BYTES,
)
from carecompanion.people.photos import image_type
from carecompanion.people.records import (
    RELATIONS,
    ContactDraft,
    Email,
    ParsedCard,
    Phone,
    Photo,
    VCardProperty,
)
from carecompanion.people.text import clean_line
from carecompanion.people.validation import validated
from carecompanion.people.vcard_extra import (
    generated_adr,
    generated_n,
    is_organisation,
    kept_text,
)
from carecompanion.people.vcard_text import split, split_raw, unescape

X_PREFIX = "X-CARECOMPANION-"
#: Properties the contact's fields hold and an export writes from them; every other one is
#: kept as it came (``vcard_extra``) and written back. (LABEL is the address only when the
#: card has no ADR; our own X-CARECOMPANION-* lines are fields too.)
_INTO_FIELDS = frozenset(
    {"BEGIN", "END", "VERSION", "PRODID", "REV", "UID", "FN", "TEL", "EMAIL", "NOTE", "PHOTO"}
    | {"TITLE"}  # the role, unless our own X-CARECOMPANION-ROLE says it
)
_NOT_PARAMETERS = frozenset({"CHARSET", "ENCODING", "TYPE"})
_TRANSFER_WORDS = frozenset({"quoted-printable", "base64", "b", "8bit", "7bit"})
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class CardProblem(Exception):
    """Why a card cannot be imported; ``line`` is where, when one line is at fault. Never
    shown as it is: the file's reader makes it a VCardError naming the file."""

    def __init__(self, notice: Notice, line: int | None = None) -> None:
        super().__init__(notice)
        self.notice = notice
        self.line = line


@dataclass
class _Card:
    """What has been read of one card so far."""

    begin: int
    fn: str = ""
    n: str = ""
    org: str = ""
    title: str = ""
    uid: str = ""
    phones: list[tuple[bool, Phone]] = field(default_factory=list)
    emails: list[tuple[bool, Email]] = field(default_factory=list)
    addresses: list[tuple[bool, str]] = field(default_factory=list)
    labels_text: list[str] = field(default_factory=list)  # vCard 2.1/3.0 LABEL
    notes: list[str] = field(default_factory=list)
    photo: Photo | None = None
    extra: dict[str, str] = field(default_factory=dict)  # X-CARECOMPANION-*
    warnings: list[Notice] = field(default_factory=list)
    kept: list[tuple[VCardProperty, int]] = field(default_factory=list)


def _types(line: ContentLine) -> set[str]:
    values = [*line.params.get("TYPE", []), *line.singletonparams]
    return {part.strip().lower() for value in values for part in value.split(",") if part}


def _is_pref(line: ContentLine) -> bool:
    return "pref" in _types(line) or "PREF" in line.params


def _label(line: ContentLine, labels: dict[str, str]) -> str:
    return labels.get((line.group or "").lower(), "")


def _phone_kind(types: set[str]) -> str:
    for wanted, kind in (
        ({"cell", "mobile", "iphone"}, "mobile"),
        ({"fax"}, "fax"),
        ({"pager"}, "pager"),
        ({"home"}, "home"),
        ({"work"}, "work"),
    ):
        if types & wanted:
            return kind
    return "other"


def _email_kind(types: set[str]) -> str:
    return "home" if "home" in types else "work" if "work" in types else "other"


def _tel(value: str) -> str:
    """A TEL value as a person would write it: a ``tel:`` URI loses its scheme, its
    percent-encoding and keeps an extension."""
    text = unescape(value).strip()
    if not text.lower().startswith("tel:"):
        return text
    number, *params = text[4:].split(";")
    ext = next((p.split("=", 1)[1] for p in params if p.lower().startswith("ext=")), "")
    number = unquote(number)
    return f"{number} ext. {unquote(ext)}" if ext else number


def _address(value: str) -> str:
    """ADR's seven fields (post box; extended; street; locality; region; code; country) as
    the lines of a postal address."""
    fields = [
        ", ".join(part.strip() for part in split(f, ",") if part.strip())
        for f in split_raw(value, ";")
    ] + [""] * 7
    box, extended, street, locality, region, code, country = fields[:7]
    town = " ".join(part for part in (locality, region, code) if part)
    return "\n".join(part for part in (extended, street, box, town, country) if part)


def _name_from_n(value: str) -> str:
    fields = [
        " ".join(part.strip() for part in split(f, ",") if part.strip())
        for f in split_raw(value, ";")
    ] + [""] * 5
    family, given, additional, prefix, suffix = fields[:5]
    return " ".join(part for part in (prefix, given, additional, family, suffix) if part)


def _base64(text: str, number: int) -> bytes:
    compact = "".join(text.split())
    try:
        return base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CardProblem(said.CARD_PHOTO_DAMAGED(), number) from exc


def _photo(line: ContentLine, number: int, card: _Card) -> None:
    value = str(line.value).strip()
    encodings = {e.lower() for e in line.params.get("ENCODING", [])}
    encodings |= {s.lower() for s in line.singletonparams}
    if isinstance(line.value, bytes):  # vobject may have decoded it already
        data = line.value
    elif encodings & {"b", "base64"}:
        data = _base64(value, number)
    elif value.lower().startswith("data:"):
        header, comma, payload = value.partition(",")
        if not comma or ";base64" not in header.lower():
            raise CardProblem(said.CARD_PHOTO_NOT_DATA(), number)
        data = _base64(payload, number)
    elif value.lower().startswith(("http:", "https:")):
        card.warnings.append(said.PHOTO_LINK(line=number))
        return
    else:
        card.warnings.append(said.PHOTO_UNKNOWN_FORM(line=number))
        return
    mime = image_type(data)
    if mime is None:
        card.warnings.append(said.PHOTO_NOT_PICTURE(line=number))
    elif len(data) > PHOTO_MAX_BYTES:
        card.warnings.append(
            said.PHOTO_OVER_LIMIT(
                line=number, size=len(data) // 1024, limit=PHOTO_MAX_BYTES // 1024
            )
        )
    else:
        card.photo = Photo(data, mime)


def _read_line(line: ContentLine, number: int, card: _Card, labels: dict[str, str]) -> None:
    name, value = line.name, line.value if isinstance(line.value, str) else ""
    if name == "FN":
        card.fn = card.fn or clean_line(unescape(value))
    elif name == "N":
        card.n = card.n or clean_line(_name_from_n(value))
    elif name == "ORG":
        card.org = card.org or clean_line(" ".join(unescape(p) for p in split_raw(value, ";") if p))
    elif name == "TITLE":
        card.title = card.title or clean_line(unescape(value))
    elif name == "UID":
        card.uid = unescape(value).strip()
    elif name == "TEL":
        kind = _label(line, labels) or _phone_kind(_types(line))
        card.phones.append((_is_pref(line), Phone(_tel(value), kind)))
    elif name == "EMAIL":
        address = unescape(value).strip()
        address = address[7:] if address.lower().startswith("mailto:") else address
        kind = _label(line, labels) or _email_kind(_types(line))
        card.emails.append((_is_pref(line), Email(address, kind)))
    elif name == "ADR":
        card.addresses.append((_is_pref(line), _address(value)))
    elif name == "LABEL":
        card.labels_text.append(unescape(value))
    elif name == "NOTE":
        card.notes.append(unescape(value))
    elif name == "PHOTO" and card.photo is None:
        _photo(line, number, card)
    elif name.startswith(X_PREFIX):
        card.extra[name[len(X_PREFIX) :]] = value


def _usable(card: _Card) -> tuple[list[Phone], list[Email]]:
    """Phones and e-mails in preference order, leaving out (with a warning) any that are not
    a number or an address, so one odd entry does not stop a whole import."""
    phones = [p for _pref, p in sorted(card.phones, key=lambda item: not item[0])]
    emails = [e for _pref, e in sorted(card.emails, key=lambda item: not item[0])]
    good_phones = [
        p for p in phones if any(ch.isdigit() for ch in p.number) and len(p.number) <= 40
    ]
    # The length first: the pattern takes quadratic time on a long run of dots.
    good_emails = [e for e in emails if len(e.address) <= 254 and _EMAIL.fullmatch(e.address)]
    for bad in (p.number for p in phones if p not in good_phones):
        card.warnings.append(said.PHONE_LEFT_OUT(line=card.begin, value=repr(bad[:40])))
    for bad in (e.address for e in emails if e not in good_emails):
        card.warnings.append(said.EMAIL_LEFT_OUT(line=card.begin, value=repr(bad[:60])))
    return good_phones, good_emails


def _draft(card: _Card) -> ContactDraft:
    phones, emails = _usable(card)
    name = (
        card.fn
        or card.n
        or card.org
        or (emails[0].address if emails else "")
        or (phones[0].number if phones else "")
    )
    if not name:
        raise CardProblem(said.CARD_NO_NAME(), card.begin)
    extra = card.extra
    relation = extra.get("RELATION", "").strip().lower()
    days_text = extra.get("CHECK-IN-DAYS", "").strip()
    days = int(days_text) if days_text.isdigit() else 0
    if days_text and not 1 <= days <= CHECK_IN_MAX_DAYS:
        card.warnings.append(said.CHECK_IN_LEFT_OUT(line=card.begin, value=repr(days_text[:20])))
        days = 0
    addresses = [a for _pref, a in sorted(card.addresses, key=lambda item: not item[0])]
    role = unescape(extra["ROLE"]) if "ROLE" in extra else card.title
    return ContactDraft(
        name=name,
        relation=relation if relation in RELATIONS else "other",
        role=role,
        phones=tuple(phones),
        emails=tuple(emails),
        address=addresses[0] if addresses else (card.labels_text or [""])[0],
        notes="\n".join(card.notes),
        helps=tuple(h for h in split(extra.get("HELPS", ""), ",") if h.strip()),
        best_times=unescape(extra.get("BEST-TIMES", "")),
        is_emergency=extra.get("EMERGENCY", "").strip().upper() in ("TRUE", "1", "YES"),
        check_in_days=days or None,
    )


def _binary(line: ContentLine) -> bool:
    """Inline binary data (a logo, a sound, a key): pictures are the photo's business, and
    the rest is not ours to carry."""
    encodings = {e.lower() for e in line.params.get("ENCODING", [])}
    encodings |= {s.lower() for s in line.singletonparams}
    value = line.value
    return (
        not isinstance(value, str)
        or bool(encodings & {"b", "base64"})
        or (value.lstrip()[:5].lower() == "data:")
    )


def _property(line: ContentLine) -> VCardProperty:
    """``line`` as a property to keep: its text as it may be written back, vCard 2.1's bare
    parameters (``ADR;WORK;PREF``) as TYPE values, CHARSET and ENCODING gone (what they said
    was applied when the line was read)."""
    types = [
        kept_text(t)
        for t in (*line.params.get("TYPE", []), *line.singletonparams)
        if t.lower() not in _TRANSFER_WORDS
    ]
    params = [("TYPE", tuple(types))] if types else []
    params += [
        (name, tuple(kept_text(v) for v in values))
        for name, values in line.params.items()
        if name not in _NOT_PARAMETERS
    ]
    return VCardProperty(line.name, kept_text(str(line.value)), tuple(params), line.group or "")


def _keep(lines: Sequence[tuple[ContentLine, int]], card: _Card, labelled: set[str]) -> None:
    """Every line no field holds, as a property to write back; with warnings for any too long
    to keep and past the count a card may keep."""
    has_adr = any(line.name == "ADR" for line, _number in lines)
    for line, number in lines:
        name, group = line.name, (line.group or "").lower()
        if name in _INTO_FIELDS or name.startswith(X_PREFIX):
            continue
        if (name == "LABEL" and not has_adr) or (name == "X-ABLABEL" and group in labelled):
            continue
        if name == "N" and any(p.name == "N" for p, _n in card.kept):
            continue  # one structured name (a second is no vCard's)
        if _binary(line):
            continue
        if len(line.value) > KEPT_VALUE_MAX_CHARS:  # before copying it: it may be megabytes
            card.warnings.append(said.KEPT_TOO_LONG(line=number, name=name[:40]))
        elif len(card.kept) == KEPT_MAX_PROPERTIES:
            card.warnings.append(said.KEPT_TOO_MANY(line=number, count=KEPT_MAX_PROPERTIES))
            return
        else:
            card.kept.append((_property(line), number))


def _kept_for(card: _Card, draft: ContactDraft) -> tuple[VCardProperty, ...]:
    """The kept properties, less those that say only what an export writes from the fields
    anyway (the N our export guesses from the name, the ADR it writes from the address)."""
    organisation = is_organisation(draft.relation, (p for p, _n in card.kept))
    same = {("N", generated_n(draft.name, organisation)), ("ADR", generated_adr(draft.address))}
    return tuple(p for p, _n in card.kept if p.params or p.group or (p.name, p.value) not in same)


def card_to_parsed(lines: Sequence[tuple[ContentLine, int]], begin: int) -> ParsedCard:
    card = _Card(begin)
    labels = {}
    for line, _number in lines:
        if line.name == "X-ABLABEL" and line.group and isinstance(line.value, str):
            label = unescape(line.value).strip()
            match = _APPLE_LABEL.match(label)
            labels[line.group.lower()] = match.group(1) if match else label
    for line, number in lines:
        _read_line(line, number, card, labels)
    labelled = {(line.group or "").lower() for line, _n in lines if line.name in ("TEL", "EMAIL")}
    _keep(lines, card, labelled - {""})
    draft = _draft(card)
    try:
        draft = validated(draft)
    except InvalidContact as exc:
        raise CardProblem(
            said.CARD_REFUSED(name=repr(draft.name[:60]), reason=exc.notice), begin
        ) from exc
    return ParsedCard(
        line=begin,
        draft=draft,
        photo=card.photo,
        uid=card.uid,
        warnings=tuple(card.warnings),
        extra=_kept_for(card, draft),
    )
