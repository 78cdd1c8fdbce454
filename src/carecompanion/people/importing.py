"""vCard import against the vault: preview (reads only) and import (one transaction)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from carecompanion.people.duplicates import Identity, Matcher
from carecompanion.people.models import ContactRow
from carecompanion.people.reading import LOADED
from carecompanion.people.records import ContactDraft, Email, ImportPreview, ParsedCard, Phone
from carecompanion.people.writing import fill_contact

_HEX_UID = re.compile(r"[0-9a-f]{32}")


def uid_key(uid: str) -> str:
    """A card's UID compared the way we write it: "urn:uuid:" and dashes dropped."""
    text = uid.strip().lower()
    return text.removeprefix("urn:uuid:").replace("-", "")


def _saved_identity(row: ContactRow) -> Identity:
    draft = ContactDraft(
        name=row.name,
        phones=tuple(Phone(p.number) for p in row.phones),
        emails=tuple(Email(e.address) for e in row.emails),
    )
    return Identity.of(draft, uid=row.uid, contact_id=row.id)


def preview(session: Session, cards: Sequence[ParsedCard]) -> ImportPreview:
    """Split ``cards`` into new ones and duplicates (of a saved contact, or of an earlier card
    in the same file)."""
    rows = session.scalars(select(ContactRow).options(*LOADED))
    matcher = Matcher.of(_saved_identity(row) for row in rows)
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


def new_uid(session: Session, card_uid: str) -> str:
    """Keep a card's own UID when it is one of ours (or any UUID) and still free, so the same
    person moved between two vaults keeps matching; otherwise a fresh one."""
    key = uid_key(card_uid)
    if (
        _HEX_UID.fullmatch(key)
        and session.scalar(select(ContactRow.id).where(ContactRow.uid == key)) is None
    ):
        return key
    return uuid.uuid4().hex


def add_rows(session: Session, cards: Sequence[ParsedCard], now: datetime) -> list[ContactRow]:
    """Rows for ``cards`` (already known to be new), added to ``session``."""
    rows = []
    for card in cards:
        row = ContactRow(uid=new_uid(session, card.uid), created_at=now, updated_at=now)
        fill_contact(row, card.draft)
        if card.photo is not None:
            row.photo, row.photo_type = card.photo.data, card.photo.mime_type
        session.add(row)
        session.flush()
        rows.append(row)
    return rows
