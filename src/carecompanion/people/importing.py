"""vCard import against the vault: preview (reads only) and import (one transaction)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import datetime

from carecompanion.people.duplicates import Identity, Matcher
from carecompanion.people.records import ImportPreview, ParsedCard
from carecompanion.people.repository import ContactRepository

_HEX_UID = re.compile(r"[0-9a-f]{32}")


def uid_key(uid: str) -> str:
    """A card's UID compared the way we write it: "urn:uuid:" and dashes dropped."""
    text = uid.strip().lower()
    return text.removeprefix("urn:uuid:").replace("-", "")


def preview(repo: ContactRepository, cards: Sequence[ParsedCard]) -> ImportPreview:
    """Split ``cards`` into new ones and duplicates (of a saved contact, or of an earlier card
    in the same file)."""
    matcher = Matcher.of(
        Identity.of(saved.draft, uid=saved.uid, contact_id=saved.contact_id)
        for saved in repo.identities()
    )
    new: list[ParsedCard] = []
    duplicates: list[tuple[ParsedCard, int | None]] = []
    for card in cards:
        identity = Identity.of(card.draft, uid=uid_key(card.uid))
        known = matcher.find(identity)
        if known is None:
            new.append(card)
            matcher.add(identity)
        else:
            duplicates.append((card, known.contact_id))
    warnings = tuple(warning for card in cards for warning in card.warnings)
    return ImportPreview(
        total=len(cards), new=tuple(new), duplicates=tuple(duplicates), warnings=warnings
    )


def new_uid(repo: ContactRepository, card_uid: str) -> str:
    """Keep a card's own UID when it is one of ours (or any UUID) and still free, so the same
    person moved between two vaults keeps matching; otherwise a fresh one."""
    key = uid_key(card_uid)
    if _HEX_UID.fullmatch(key) and not repo.uid_taken(key):
        return key
    return uuid.uuid4().hex


def add_cards(repo: ContactRepository, cards: Sequence[ParsedCard], now: datetime) -> list[int]:
    """Contacts for ``cards`` (already known to be new); their ids."""
    return [
        repo.insert(new_uid(repo, card.uid), card.draft, now, card.photo, card.extra)
        for card in cards
    ]
