"""Signed items: the genesis, roster changes, records and heads a circle document is made of.

Each item is the exact body bytes (canonical JSON) and the author's Ed25519 signature over
``DOMAIN/KIND \\0 CIRCLE_ID \\0 body`` (``signed_message``). Parsing checks the shape of every
body strictly (unknown keys, wrong types, limits); signatures are checked separately
(``verify.py``) because checking 20,000 of them one by one is the slow part of a sync.

Version 2 of the format (docs/circle-format.md) changed what roster items and heads mean, so
those two are signed under ``carecompanion/circle/v2/``; the genesis and records mean what they
meant in version 1 and keep its domain, so records written under version 1 stay valid. A
version-1 roster item read from an old file is kind ``legacy`` (signed as a v1 ``roster``).
Version 3 added the help calendar's record kinds and the ``helper`` role, signed under the
same domains: the kind and the role are inside the signed body, so nothing can pass for them.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, Final, Literal

from carecompanion.circle.canonical import (
    HEX24,
    HEX32,
    HEX64,
    b64url,
    canonical_json,
    from_b64url,
    is_day,
    is_timestamp,
    is_wall_time,
    is_zone_name,
)
from carecompanion.circle.errors import TOO_LONG, InvalidInput
from carecompanion.circle.limits import (
    MAX_BODY_CHARS,
    MAX_COMMENT_CHARS,
    MAX_FIGURES,
    MAX_HELP_NOTE_CHARS,
    MAX_HELP_PEOPLE,
    MAX_HELP_WHAT_CHARS,
    MAX_HELP_WHERE_CHARS,
    MAX_INTEGER,
    MAX_ITEM_BODY_BYTES,
    MAX_MOOD_TEXT_CHARS,
    MAX_NAME_CHARS,
    MAX_SLOT_DAYS,
    MAX_TAG_CHARS,
    MAX_TAGS,
    MAX_TITLE_CHARS,
    MAX_ZONE_CHARS,
)

ItemKind = Literal["genesis", "roster", "record", "head", "legacy"]
#: ``helper`` came with format version 3 (the help calendar): reads, offers help, posts nothing.
ROLES: Final = ("admin", "member", "helper", "reader", "removed")
LEGACY_ROLES: Final = ("admin", "member", "reader", "removed")
#: The help calendar's record kinds (format version 3); an offer is withdrawn by a
#: ``withdrawal`` that keeps the offer's request as its target and says why.
HELP_KINDS: Final = ("request", "offer", "confirmation", "cancellation")
RECORD_KINDS: Final = ("entry", "mood", "comment", "reaction", "withdrawal", *HELP_KINDS)
#: Kinds whose ``target`` is a record id: a post (comment, reaction), a request (offer,
#: cancellation) or an offer (confirmation).
_TARGETED: Final = ("comment", "reaction", "offer", "confirmation", "cancellation")
REACTIONS: Final = ("heart", "thinking_of_you", "hug", "strength", "thanks")
_RECORD_ID_DOMAIN = b"carecompanion/record-id/v1\x00"
_V1, _V2 = b"carecompanion/circle/v1/", b"carecompanion/circle/v2/"
#: What each kind of item is signed as: (domain, kind name).
_SIGNED_AS: Final = {
    "genesis": (_V1, b"genesis"),
    "record": (_V1, b"record"),
    "legacy": (_V1, b"roster"),
    "roster": (_V2, b"roster"),
    "head": (_V2, b"head"),
}
DIGEST_BYTES: Final = 32


class MalformedItem(ValueError):
    """An item whose shape is wrong; the whole file is refused. Its message is for the code
    that reads a file, never shown: a person is told the file is damaged."""


class TooLong(MalformedItem):
    """Text over one of the format's limits: in a received file, a malformed item; in one of
    ours, something the person wrote that is too long to share."""


def signed_message(kind: str, circle_id: str, body: bytes) -> bytes:
    domain, name = _SIGNED_AS[kind]
    return b"".join((domain, name, b"\x00", circle_id.encode(), b"\x00", body))


def whole_digest(body: bytes, signature: bytes) -> bytes:
    """SHA-256 of the body bytes followed by the 64 signature bytes: what names an item (heads,
    ``replaces``, ``under``, ``keeps``), so an item with any other signature is another item."""
    return hashlib.sha256(body + signature).digest()


def decode_keeps(value: str) -> frozenset[bytes]:
    """A ``keeps`` field: unpadded base64url of 32-byte digests, sorted, each once."""
    raw = from_b64url(value)
    if len(raw) % DIGEST_BYTES:
        raise ValueError("not a list of digests")
    digests = [raw[i : i + DIGEST_BYTES] for i in range(0, len(raw), DIGEST_BYTES)]
    if any(a >= b for a, b in itertools.pairwise(digests)):
        raise ValueError("digests not sorted, or one twice")
    return frozenset(digests)


def encode_keeps(digests: Iterable[bytes]) -> str:
    return b64url(b"".join(sorted(set(digests))))


def is_offer_record(fields: Mapping[str, Any]) -> bool:
    """An offer, or an offer's withdrawal (a withdrawal that names the offer's request): the
    records a ``helper`` may write."""
    kind = fields["kind"]
    return kind == "offer" or (kind == "withdrawal" and fields["target"] is not None)


def needs_version_3(item: SignedItem) -> bool:
    """Whether ``item`` exists only from format version 3 on (the help calendar): a version-2
    reader would refuse it, so a document holding it is written as version 3."""
    fields = item.fields
    if item.kind == "roster":
        return bool(fields["role"] == "helper")
    if item.kind == "record":
        return fields["kind"] in HELP_KINDS or (
            fields["kind"] == "withdrawal" and fields["target"] is not None
        )
    return False


def record_id(author: str, nonce: bytes) -> str:
    return hashlib.sha256(_RECORD_ID_DOMAIN + author.encode() + b"\x00" + nonce).hexdigest()[:24]


class SignedItem:
    """One item as received or made: its kind, exact body bytes, signature and parsed body."""

    __slots__ = ("_digest", "_keeps", "body", "fields", "kind", "signature")

    def __init__(self, kind: str, body: bytes, signature: bytes, fields: Mapping[str, Any]):
        self.kind = kind
        self.body = body
        self.signature = signature
        self.fields = fields
        self._digest: bytes | None = None
        self._keeps: frozenset[bytes] | None = None

    @property
    def signer(self) -> str:
        return str(self.fields["by"])

    @property
    def digest(self) -> bytes:
        """The whole item's digest (``whole_digest``): what heads commit to, what roster items
        name, and what the vault remembers as verified."""
        if self._digest is None:
            self._digest = whole_digest(self.body, self.signature)
        return self._digest

    @property
    def keeps(self) -> frozenset[bytes]:
        """A roster item's ``keeps``: the digests of the member's items that stay valid."""
        if self._keeps is None:
            value = self.fields.get("keeps") if self.kind == "roster" else None
            self._keeps = decode_keeps(value) if value is not None else frozenset()
        return self._keeps

    @property
    def key(self) -> tuple[str, ...]:
        f = self.fields
        if self.kind == "record":
            return ("record", f["id"])
        if self.kind in ("roster", "legacy"):
            # Every roster item is kept as itself: validity depends on the whole history.
            return (self.kind, self.digest.hex())
        if self.kind == "head":
            return ("head", f["by"])
        return ("genesis",)

    @property
    def rank(self) -> tuple[int, int, bytes]:
        """Higher wins in a merge (see docs/circle-format.md, "Merge")."""
        f = self.fields
        if self.kind == "record":
            return (f["version"], int(f["kind"] == "withdrawal"), self.signature)
        if self.kind in ("roster", "legacy"):
            return (f["version"], 0, self.signature)
        if self.kind == "head":
            return (f["seq"], 0, self.signature)
        return (0, 0, self.signature)

    def to_json(self) -> list[str]:
        return [self.body.decode("utf-8"), b64url(self.signature)]

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, SignedItem)
            and self.kind == other.kind
            and self.body == other.body
            and self.signature == other.signature
        )

    def __hash__(self) -> int:
        return hash((self.kind, self.body, self.signature))

    def __repr__(self) -> str:
        return f"SignedItem({self.kind}, {self.key})"


def make_item(
    kind: ItemKind, circle_id: str, fields: Mapping[str, Any], sign: Callable[[bytes], bytes]
) -> SignedItem:
    """Build and sign an item; the body is checked as strictly as a received one."""
    body = canonical_json(fields)
    try:
        parsed = parse_body(kind, body)
    except TooLong as exc:
        raise InvalidInput(TOO_LONG) from exc
    return SignedItem(kind, body, sign(signed_message(kind, circle_id, body)), parsed)


def new_nonce() -> bytes:
    return os.urandom(16)


def parse_item(kind: str, value: object) -> SignedItem:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not isinstance(value[0], str)
        or not isinstance(value[1], str)
    ):
        raise MalformedItem(f"a {kind} item is not [body, signature]")
    body = value[0].encode("utf-8")
    try:
        signature = from_b64url(value[1], 64)
    except ValueError as exc:
        raise MalformedItem(f"a {kind} item has a malformed signature") from exc
    return SignedItem(kind, body, signature, parse_body(kind, body))


def parse_body(kind: str, body: bytes) -> dict[str, Any]:
    if len(body) > MAX_ITEM_BODY_BYTES:
        raise TooLong(f"a {kind} item is too large")
    try:
        fields = json.loads(body)
    except ValueError as exc:
        raise MalformedItem(f"a {kind} item is not JSON") from exc
    if not isinstance(fields, dict):
        raise MalformedItem(f"a {kind} item is not an object")
    _BODY_CHECKS[kind](fields)
    return fields


def _keys(fields: Mapping[str, Any], expected: set[str], what: str) -> None:
    if set(fields) != expected:
        raise MalformedItem(f"a {what} has missing or unknown fields")


def _text(value: object, limit: int, what: str, *, empty: bool = True) -> None:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise MalformedItem(f"{what} is not valid text")
    if len(value) > limit:
        raise TooLong(f"{what} is too long")


def _int(value: object, what: str, minimum: int = 1) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= MAX_INTEGER:
        raise MalformedItem(f"{what} is not a valid number")


def _match(pattern: Any, value: object, what: str) -> None:
    if not isinstance(value, str) or not pattern.match(value):
        raise MalformedItem(f"{what} is malformed")


def _timestamp(value: object, what: str) -> None:
    if not is_timestamp(value):
        raise MalformedItem(f"{what} is not a time")


def _check_genesis(f: Mapping[str, Any]) -> None:
    _keys(f, {"by", "circle", "name", "mode", "created"}, "circle genesis")
    _match(HEX32, f["by"], "the owner")
    _match(HEX32, f["circle"], "the circle id")
    _text(f["name"], MAX_NAME_CHARS, "the circle name", empty=False)
    if f["mode"] not in ("keys", "passphrase"):
        raise MalformedItem("the circle mode is unknown")
    _timestamp(f["created"], "the creation time")


def _check_roster(f: Mapping[str, Any]) -> None:
    _keys(
        f, {"by", "member", "role", "version", "replaces", "under", "keeps", "at"}, "roster change"
    )
    _match(HEX32, f["by"], "a roster signer")
    _match(HEX32, f["member"], "a roster member")
    if f["role"] not in ROLES:
        raise MalformedItem("a roster role is unknown")
    _int(f["version"], "a roster version")
    for name in ("replaces", "under"):
        if f[name] is not None:
            _match(HEX64, f[name], "a roster item's reference")
    if f["keeps"] is not None:
        try:
            decode_keeps(f["keeps"])
        except ValueError as exc:
            raise MalformedItem("a roster item's list of kept items is malformed") from exc
    _timestamp(f["at"], "a roster time")


def _check_legacy_roster(f: Mapping[str, Any]) -> None:
    """A version-1 roster item (docs/circle-format.md, "Version 1 files")."""
    _keys(f, {"by", "member", "role", "version", "op", "honoured", "at"}, "roster change")
    _match(HEX32, f["by"], "a roster signer")
    _match(HEX32, f["member"], "a roster member")
    if f["role"] not in LEGACY_ROLES:
        raise MalformedItem("a roster role is unknown")
    _int(f["version"], "a roster version")
    _int(f["op"], "a roster counter")
    if f["honoured"] is not None:
        _int(f["honoured"], "a roster counter", minimum=0)
    _timestamp(f["at"], "a roster time")


def _check_head(f: Mapping[str, Any]) -> None:
    _keys(f, {"by", "seq", "count", "digest", "at"}, "head")
    _match(HEX32, f["by"], "a head's author")
    _int(f["seq"], "a sequence number")
    _int(f["count"], "a record count", minimum=0)
    _match(HEX64, f["digest"], "a head digest")
    _timestamp(f["at"], "a head time")


def _check_record(f: Mapping[str, Any]) -> None:
    _keys(
        f,
        {"by", "id", "nonce", "kind", "version", "created", "updated", "target", "content"},
        "record",
    )
    _match(HEX32, f["by"], "a record's author")
    _match(HEX24, f["id"], "a record id")
    try:
        nonce = from_b64url(f["nonce"], 16)
    except ValueError as exc:
        raise MalformedItem("a record nonce is malformed") from exc
    if record_id(f["by"], nonce) != f["id"]:
        # Bound to the author: an "edit" of someone else's record cannot even be expressed.
        raise MalformedItem("a record id does not belong to its author")
    kind = f["kind"]
    if kind not in RECORD_KINDS:
        raise MalformedItem("a record kind is unknown")
    _int(f["version"], "a record version")
    _timestamp(f["created"], "a record time")
    _timestamp(f["updated"], "a record time")
    target, content = f["target"], f["content"]
    if kind in _TARGETED:
        _match(HEX24, target, "a record target")
    elif kind == "withdrawal" and target is not None:
        _match(HEX24, target, "a withdrawn offer's request")
    elif target is not None:
        raise MalformedItem("only replies, help records and offers' withdrawals have a target")
    if not isinstance(content, dict):
        raise MalformedItem("a record's content is not an object")
    _CONTENT_CHECKS[kind](content)
    if kind == "withdrawal" and (target is None) != (not content):
        # A withdrawal says why exactly when it withdraws an offer (and names its request).
        raise MalformedItem("a withdrawal's reason and target do not go together")


def _check_entry(c: Mapping[str, Any]) -> None:
    _keys(c, {"title", "body", "tags", "day"}, "shared entry")
    _text(c["title"], MAX_TITLE_CHARS, "an entry title")
    _text(c["body"], MAX_BODY_CHARS, "an entry text")
    tags = c["tags"]
    if not isinstance(tags, list):
        raise MalformedItem("entry tags are malformed")
    if len(tags) > MAX_TAGS:
        raise TooLong("an entry has too many tags")
    for tag in tags:
        _text(tag, MAX_TAG_CHARS, "a tag", empty=False)
    if not is_day(c["day"]):
        raise MalformedItem("an entry day is not a date")


def _check_mood(c: Mapping[str, Any]) -> None:
    _keys(c, {"text", "from", "to", "figures"}, "mood summary")
    _text(c["text"], MAX_MOOD_TEXT_CHARS, "a mood summary")
    if not is_day(c["from"]) or not is_day(c["to"]) or c["from"] > c["to"]:
        raise MalformedItem("a mood summary's days are wrong")
    figures = c["figures"]
    if not isinstance(figures, dict) or len(figures) > MAX_FIGURES:
        raise MalformedItem("mood figures are malformed")
    for name, value in figures.items():
        _text(name, 40, "a figure name", empty=False)
        _text(value, 40, "a figure")


def _check_comment(c: Mapping[str, Any]) -> None:
    _keys(c, {"text"}, "comment")
    _text(c["text"], MAX_COMMENT_CHARS, "a comment", empty=False)


def _check_reaction(c: Mapping[str, Any]) -> None:
    _keys(c, {"reaction"}, "reaction")
    if c["reaction"] not in REACTIONS:
        raise MalformedItem("a reaction is unknown")


def _check_withdrawal(c: Mapping[str, Any]) -> None:
    if c:  # an offer's withdrawal: why (format version 3)
        _keys(c, {"reason"}, "withdrawal")
        _text(c["reason"], MAX_HELP_NOTE_CHARS, "a reason")


def _check_request(c: Mapping[str, Any]) -> None:
    """A request for help: what, when (wall-clock times in ``zone``), how many people."""
    _keys(
        c,
        {"what", "start", "end", "zone", "needed", "where", "note", "series"},
        "request for help",
    )
    _text(c["what"], MAX_HELP_WHAT_CHARS, "what help is needed", empty=False)
    start, end = c["start"], c["end"]
    if not is_wall_time(start) or not is_wall_time(end) or not start < end:
        raise MalformedItem("a request's times are wrong")
    if start < _FIRST_YEAR or end[:4] > _LAST_YEAR:
        # Nearer the ends of the calendar, a zone's offset moves them off it (OverflowError).
        raise MalformedItem("a request's times are out of range")
    days = (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days
    if days > MAX_SLOT_DAYS:
        raise MalformedItem("a request is too long")
    if not is_zone_name(c["zone"], MAX_ZONE_CHARS):
        raise MalformedItem("a request's time zone is malformed")
    _int(c["needed"], "how many people are needed")
    if c["needed"] > MAX_HELP_PEOPLE:
        raise MalformedItem("a request needs too many people")
    _text(c["where"], MAX_HELP_WHERE_CHARS, "where help is needed")
    _text(c["note"], MAX_HELP_NOTE_CHARS, "a request's note")
    if c["series"] is not None:
        _match(HEX24, c["series"], "a request's series")


#: The years a request may fall in: far from both ends of ``datetime``'s calendar.
_FIRST_YEAR, _LAST_YEAR = "1970", "9998"


def _check_note(c: Mapping[str, Any]) -> None:
    """An offer's or a confirmation's note (may be empty)."""
    _keys(c, {"note"}, "help record")
    _text(c["note"], MAX_HELP_NOTE_CHARS, "a note")


def _check_cancellation(c: Mapping[str, Any]) -> None:
    _keys(c, {"reason"}, "cancellation")
    _text(c["reason"], MAX_HELP_NOTE_CHARS, "a reason")


_BODY_CHECKS: Final[dict[str, Callable[[Mapping[str, Any]], None]]] = {
    "genesis": _check_genesis,
    "roster": _check_roster,
    "legacy": _check_legacy_roster,
    "record": _check_record,
    "head": _check_head,
}
_CONTENT_CHECKS: Final[dict[str, Callable[[Mapping[str, Any]], None]]] = {
    "entry": _check_entry,
    "mood": _check_mood,
    "comment": _check_comment,
    "reaction": _check_reaction,
    "withdrawal": _check_withdrawal,
    "request": _check_request,
    "offer": _check_note,
    "confirmation": _check_note,
    "cancellation": _check_cancellation,
}
