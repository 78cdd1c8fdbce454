"""The decrypted payload: a magic line, then zlib-compressed JSON (docs/circle-format.md).

``decode_document`` is the parser of outside input: anything malformed raises one
``CircleFileError``. It checks shape and limits only; signatures are ``verify.py``'s job. It
inflates and reads a piece at a time within the limits (``bounded.py``), so a hostile file is
refused before it costs memory. ``encode_document`` is the one writer: it refuses (``CircleFull``)
anything a reader would refuse or trim, so no vault ever writes a file its readers refuse.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from carecompanion.circle.bounded import JsonLimits, Malformed, TooLarge, read_json
from carecompanion.circle.canonical import HEX32
from carecompanion.circle.content import CircleContent
from carecompanion.circle.errors import TOO_LARGE, CircleFileError
from carecompanion.circle.identity import MemberCard, card_from_json
from carecompanion.circle.inflate import inflate
from carecompanion.circle.items import MalformedItem, SignedItem, needs_version_3, parse_item
from carecompanion.circle.limits import (
    MAX_CARDS,
    MAX_DOCUMENT_BYTES,
    MAX_DOCUMENT_DEPTH,
    MAX_HEADS,
    MAX_ITEM_BODY_BYTES,
    MAX_RECORDS,
    MAX_ROSTER_ITEMS,
)
from carecompanion.circle.quota import FULL, CircleFull, check_quotas
from carecompanion.errors import Sentence

MAGIC = b"carecompanion-circle/1\n"
FORMAT = "carecompanion.circle"
#: The version written when a document holds nothing of version 3's.
VERSION = 2
#: Version 3 added the help calendar (its record kinds and the ``helper`` role) and nothing
#: else: a document is written as version 3 only when it holds one of those
#: (``items.needs_version_3``), so members whose app reads only version 2 keep reading every
#: circle that does not use the help calendar. The newest version this reader reads.
HELP_VERSION = 3
_SECTIONS = {
    "roster": ("roster", MAX_ROSTER_ITEMS),
    "legacy_roster": ("legacy", MAX_ROSTER_ITEMS),
    "records": ("record", MAX_RECORDS),
    "heads": ("head", MAX_HEADS),
}
_TOP_KEYS = {"format", "version", "circle", "genesis", "cards", *_SECTIONS}
#: A version-1 document is still read (docs/circle-format.md, "Version 1 files"): its roster
#: items become kind ``legacy``; its heads (which covered bodies only) are checked for shape
#: and left out (kind None).
_V1_SECTIONS: dict[str, tuple[str | None, int]] = {
    "roster": ("legacy", MAX_ROSTER_ITEMS),
    "records": ("record", MAX_RECORDS),
    "heads": (None, MAX_HEADS),
}
_V1_TOP_KEYS = {"format", "version", "circle", "genesis", "cards", *_V1_SECTIONS}
#: A card is a flat object of seven fields; an item, two strings.
_CARD_VALUES = 16
#: What the JSON reader holds at most: each section's elements, three values an item (the
#: pair and its two strings), a card's fields, and the document's own few.
_READ_LIMITS = JsonLimits(
    max_depth=MAX_DOCUMENT_DEPTH,
    max_values=3 * sum(limit for _kind, limit in _SECTIONS.values())
    + _CARD_VALUES * MAX_CARDS
    + 64,
    max_elements=_CARD_VALUES,
    # The longest string in a document is an item's body (a card's fields are short).
    max_string_chars=MAX_ITEM_BODY_BYTES,
    section_elements={
        "cards": MAX_CARDS,
        **{section: limit for section, (_kind, limit) in _SECTIONS.items()},
    },
)
#: Text is compressed in pieces about this long (see ``encode_document``).
_ENCODE_PIECE = 256 * 1024

DAMAGED = Sentence(
    "circle.file.not_ours", "This circle file is damaged or was not made by CareCompanion."
)
NEWER = Sentence(
    "circle.file.newer",
    "This circle file was written by a newer CareCompanion; please update the app to open it.",
)


@dataclass
class ParsedDocument:
    """A document as read: nothing in it has been verified yet."""

    genesis: SignedItem
    cards: dict[str, MemberCard]
    items: list[SignedItem]

    @property
    def circle_id(self) -> str:
        return str(self.genesis.fields["circle"])


def encode_document(content: CircleContent) -> bytes:
    """The payload for ``content``; CircleFull, before anything is written anywhere, if a reader
    would refuse it or drop any of it (a limit, a quota, the document's size)."""
    counts = dict.fromkeys(_SECTIONS, 0)
    section_of = {kind: name for name, (kind, _limit) in _SECTIONS.items()}
    for item in content.items.values():
        counts[section_of[item.kind]] += 1
    if len(content.cards) > MAX_CARDS or any(
        counts[name] > limit for name, (_kind, limit) in _SECTIONS.items()
    ):
        raise CircleFull(FULL)
    check_quotas(content)
    return _encode(content, MAX_DOCUMENT_BYTES)


def encode_unchecked(content: CircleContent) -> bytes:
    """The payload for ``content`` whatever it holds: what a hostile or broken writer can
    make. For tests and test vectors; the app writes with ``encode_document``."""
    return _encode(content, None)


def _encode(content: CircleContent, limit: int | None) -> bytes:
    # Level 3: a quarter of level 6's time for a file 12% larger (20,000 records: 0.19 s, 5 MB).
    compressor = zlib.compressobj(3)
    out = [MAGIC]
    size = 0
    for text in _document_text(content):
        data = text.encode("utf-8")
        size += len(data)
        if limit is not None and size > limit:
            raise CircleFull(FULL)
        out.append(compressor.compress(data))
    out.append(compressor.flush())
    return b"".join(out)


def _document_text(content: CircleContent) -> Iterator[str]:
    """The same text as one json.dumps of the whole document, in pieces of about 256 KiB: the
    whole text never exists at once (it is as large as the document), and no one call holds
    the GIL long enough to freeze the app's window while a circle is saved in the background
    (one over 20,000 records took ~80 ms)."""
    sections: dict[str, list[SignedItem]] = {name: [] for name in _SECTIONS}
    section_of = {kind: name for name, (kind, _limit) in _SECTIONS.items()}
    for key in sorted(content.items):
        item = content.items[key]
        sections[section_of[item.kind]].append(item)
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": written_version(content),
        "circle": content.circle_id,
        "genesis": content.genesis.to_json(),
        "cards": [content.cards[fp].to_json() for fp in sorted(content.cards)],
    }
    parts = [_json(head)[:-1]]
    length = len(parts[0])
    for name, items in sections.items():
        parts.append(f',"{name}":[')
        for index, item in enumerate(items):
            text = _json(item.to_json())
            parts.append("," + text if index else text)
            length += len(text) + 1
            if length >= _ENCODE_PIECE:
                yield "".join(parts)
                parts, length = [], 0
        parts.append("]")
    parts.append("}")
    yield "".join(parts)


def written_version(content: CircleContent) -> int:
    """2, or 3 when ``content`` holds anything that exists only from version 3 on."""
    newer = any(needs_version_3(item) for item in content.items.values())
    return HELP_VERSION if newer else VERSION


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def read_document(payload: bytes) -> Any:
    """The payload's JSON, inflated and read a piece at a time: TOO_LARGE or DAMAGED as soon as
    it goes past a limit (``_READ_LIMITS``, ``MAX_DOCUMENT_BYTES``) or is not JSON, before it
    holds more than the limits allow."""
    if not payload.startswith(MAGIC):
        raise CircleFileError(DAMAGED)
    try:
        return read_json(
            inflate(memoryview(payload)[len(MAGIC) :], MAX_DOCUMENT_BYTES), _READ_LIMITS
        )
    except TooLarge as exc:
        raise CircleFileError(TOO_LARGE) from exc
    except Malformed as exc:
        raise CircleFileError(DAMAGED) from exc


def decode_document(
    payload: bytes, reuse: Mapping[bytes, SignedItem] | None = None
) -> ParsedDocument:
    """``reuse`` maps the body bytes of items already verified to those items: an item whose
    body and signature are the same is taken as it is, without parsing it again."""
    document = read_document(payload)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise CircleFileError(DAMAGED)
    version = document.get("version")
    known = (1, VERSION, HELP_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version not in known:
        newer = isinstance(version, int) and version > HELP_VERSION
        raise CircleFileError(NEWER if newer else DAMAGED)
    if set(document) != (_V1_TOP_KEYS if version == 1 else _TOP_KEYS):
        raise CircleFileError(DAMAGED)
    sections = _V1_SECTIONS if version == 1 else _SECTIONS
    try:
        parsed = _parse_sections(document, sections, reuse or {})
        if version < HELP_VERSION and any(needs_version_3(item) for item in parsed.items):
            # Strict, as for unknown keys: only a version-3 document holds version 3's items.
            raise MalformedItem("an item of a newer version in an older document")
        return parsed
    except (MalformedItem, RecursionError) as exc:
        # RecursionError: json.loads of an item body nested thousands deep ("[[[[...").
        raise CircleFileError(DAMAGED) from exc


def _parse_sections(
    document: dict[str, Any],
    sections: Mapping[str, tuple[str | None, int]],
    reuse: Mapping[bytes, SignedItem],
) -> ParsedDocument:
    circle_id = document["circle"]
    if not isinstance(circle_id, str) or not HEX32.match(circle_id):
        raise MalformedItem("circle id")
    genesis = parse_item("genesis", document["genesis"])
    if genesis.fields["circle"] != circle_id:
        raise MalformedItem("genesis of another circle")
    cards_value = document["cards"]
    if not isinstance(cards_value, list) or len(cards_value) > MAX_CARDS:
        raise MalformedItem("cards")
    cards: dict[str, MemberCard] = {}
    for value in cards_value:
        card = card_from_json(value)  # raises CircleFileError itself
        if card.fingerprint in cards:
            raise MalformedItem("a card appears twice")
        cards[card.fingerprint] = card
    items: list[SignedItem] = []
    for section, (kind, limit) in sections.items():
        values = document[section]
        if not isinstance(values, list) or len(values) > limit:
            raise MalformedItem(section)
        for index, value in enumerate(values):
            values[index] = None  # the text goes as its item comes: both never exist whole
            if kind is None:
                parse_item("head", value)  # a version-1 head: checked, then left out
                continue
            known = reuse.get(value[0].encode("utf-8")) if _is_pair(value) else None
            if known is not None and known.kind == kind and known.to_json()[1] == value[1]:
                items.append(known)
            else:
                items.append(parse_item(kind, value))
    _no_duplicate_items(items)
    return ParsedDocument(genesis, cards, items)


def _is_pair(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and isinstance(value[0], str)
        and isinstance(value[1], str)
    )


def _no_duplicate_items(items: Iterable[SignedItem]) -> None:
    seen: set[tuple[str, ...]] = set()
    for item in items:
        key = item.key
        if key in seen:
            raise MalformedItem("an item appears twice")
        seen.add(key)
