"""The decrypted payload: a magic line, then zlib-compressed JSON (docs/circle-format.md).

``decode_document`` is the parser of outside input: anything malformed raises one
``CircleFileError``. It checks shape and limits only; signatures are ``verify.py``'s job.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from carecompanion.circle.canonical import HEX32
from carecompanion.circle.content import CircleContent
from carecompanion.circle.errors import TOO_LARGE, CircleFileError
from carecompanion.circle.identity import MemberCard, card_from_json
from carecompanion.circle.items import MalformedItem, SignedItem, parse_item
from carecompanion.circle.limits import (
    MAX_CARDS,
    MAX_DOCUMENT_BYTES,
    MAX_HEADS,
    MAX_RECORDS,
    MAX_ROSTER_ITEMS,
)
from carecompanion.errors import Sentence

MAGIC = b"carecompanion-circle/1\n"
FORMAT = "carecompanion.circle"
VERSION = 1
_SECTIONS = {
    "roster": ("roster", MAX_ROSTER_ITEMS),
    "records": ("record", MAX_RECORDS),
    "heads": ("head", MAX_HEADS),
}
_TOP_KEYS = {"format", "version", "circle", "genesis", "cards", "roster", "records", "heads"}

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
    sections: dict[str, list[list[str]]] = {"roster": [], "records": [], "heads": []}
    section_of = {kind: name for name, (kind, _limit) in _SECTIONS.items()}
    for key in sorted(content.items):
        item = content.items[key]
        sections[section_of[item.kind]].append(item.to_json())
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "circle": content.circle_id,
        "genesis": content.genesis.to_json(),
        "cards": [content.cards[fp].to_json() for fp in sorted(content.cards)],
    }
    # The same text as one json.dumps of the whole document, written an item at a time: one
    # call over 20,000 records would hold the GIL for ~80 ms, freezing the app's window
    # while a circle is saved in the background.
    parts = [_json(head)[:-1]]
    for name, values in sections.items():
        parts.append(f',"{name}":[' + ",".join(_json(value) for value in values) + "]")
    text = "".join(parts) + "}"
    # Level 3: a quarter of level 6's time for a file 12% larger (20,000 records: 0.19 s, 5 MB).
    return MAGIC + zlib.compress(text.encode("utf-8"), 3)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _inflate(payload: bytes) -> bytes:
    if not payload.startswith(MAGIC):
        raise CircleFileError(DAMAGED)
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(payload[len(MAGIC) :], MAX_DOCUMENT_BYTES + 1)
    except zlib.error as exc:
        raise CircleFileError(DAMAGED) from exc
    if len(data) > MAX_DOCUMENT_BYTES or inflater.unconsumed_tail:
        raise CircleFileError(TOO_LARGE)
    if not inflater.eof or inflater.unused_data:
        raise CircleFileError(DAMAGED)
    return data


def decode_document(
    payload: bytes, reuse: Mapping[bytes, SignedItem] | None = None
) -> ParsedDocument:
    """``reuse`` maps the body bytes of items already verified to those items: an item whose
    body and signature are the same is taken as it is, without parsing it again."""
    data = _inflate(payload)
    try:
        document = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicate_keys)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CircleFileError(DAMAGED) from exc
    if not isinstance(document, dict) or set(document) != _TOP_KEYS:
        raise CircleFileError(DAMAGED)
    if document["format"] != FORMAT:
        raise CircleFileError(DAMAGED)
    if document["version"] != VERSION or isinstance(document["version"], bool):
        raise CircleFileError(NEWER)
    try:
        return _parse_sections(document, reuse or {})
    except MalformedItem as exc:
        raise CircleFileError(DAMAGED) from exc


def _parse_sections(document: dict[str, Any], reuse: Mapping[bytes, SignedItem]) -> ParsedDocument:
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
    for section, (kind, limit) in _SECTIONS.items():
        values = document[section]
        if not isinstance(values, list) or len(values) > limit:
            raise MalformedItem(section)
        for value in values:
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


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result
