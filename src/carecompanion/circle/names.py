"""How members are shown: their own name, told apart when two share one, and marked when it
changed (issue 14, finding 10: anyone could take another member's name).

A name is what a member calls themself on their card; nobody checks it, and a new card with a
new name may arrive at any sync. So, as Signal does:

- two members (or more) whose names look the same (after Unicode normalisation and case
  folding) are each shown with the start of their safety number, ``Ana (4821)``, long enough
  to tell them apart, and the circle carries a warning;
- a member whose name differs from the one this computer knew them by is shown as renamed
  (``renamed_from``) until the person has seen it (``acknowledge``).

Which name this computer knew each member by is kept in the vault (``circle_known_names``):
the name it first saw for them, or the one the person last acknowledged.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from carecompanion.circle.content import CircleContent
from carecompanion.circle.errors import SAME_NAME
from carecompanion.circle.models import KnownNameRow
from carecompanion.circle.roster import Roster
from carecompanion.errors import Notice
from carecompanion.storage.database import Database

#: Digits of the safety number shown after a shared name; more when four do not tell apart.
SUFFIX_DIGITS = 4


@dataclass(frozen=True)
class MemberName:
    """What the Circle page and ``circle show`` need to show one member."""

    fingerprint: str
    name: str  # as the member calls themself
    display: str  # the name, or "Ana (4821)" when another member's name looks the same
    suffix: str  # the safety-number digits in ``display`` ("" when the name is unique)
    renamed_from: str | None  # the name this computer knew them by, if it changed since

    @property
    def same_name(self) -> bool:
        return bool(self.suffix)


def _looks(name: str) -> str:
    """What a name looks like to a reader: "Ana", "ANA" and "Ａｎａ" look the same."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _suffixes(digits: Mapping[str, str]) -> dict[str, str]:
    """The shortest start of each safety number (in steps of four digits) that tells every
    member of one group apart; identical keys cannot be told apart and get all 24 digits."""
    length = SUFFIX_DIGITS
    while length < 24:
        starts = [value[:length] for value in digits.values()]
        if len(set(starts)) == len(starts):
            break
        length += SUFFIX_DIGITS
    return {fingerprint: value[:length] for fingerprint, value in digits.items()}


def display_names(
    roster: Roster, known: Mapping[str, str], me: str
) -> tuple[dict[str, MemberName], tuple[Notice, ...]]:
    """Each member's MemberName (removed members too: their posts may still show), and one
    warning for each name that several members share."""
    groups: dict[str, list[str]] = defaultdict(list)
    for fingerprint, member in roster.members.items():
        groups[_looks(member.name)].append(fingerprint)
    suffix: dict[str, str] = {}
    warnings: list[Notice] = []
    for fingerprints in groups.values():
        if len(fingerprints) < 2:
            continue
        digits = {fp: roster.members[fp].card.safety_number.replace(" ", "") for fp in fingerprints}
        suffix.update(_suffixes(digits))
        first = roster.members[sorted(fingerprints)[0]].name
        warnings.append(SAME_NAME(count=len(fingerprints), name=first))
    names = {}
    for fingerprint, member in roster.members.items():
        tail = suffix.get(fingerprint, "")
        before = known.get(fingerprint)
        renamed = (
            before if before is not None and before != member.name and fingerprint != me else None
        )
        names[fingerprint] = MemberName(
            fingerprint,
            member.name,
            f"{member.name} ({tail})" if tail else member.name,
            tail,
            renamed,
        )
    return names, tuple(warnings)


class NameBook:
    """The names this computer knew each circle's members by."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def known(self, circle_id: str) -> dict[str, str]:
        with self._db.session() as session:
            rows = session.execute(
                select(KnownNameRow.fingerprint, KnownNameRow.name).where(
                    KnownNameRow.circle_id == circle_id
                )
            ).all()
        return {str(fingerprint): str(name) for fingerprint, name in rows}

    def remember(self, circle_id: str, content: CircleContent) -> None:
        """Keep the name of every member seen for the first time; a name already known stays
        (so a later card with another name shows as renamed)."""
        known = self.known(circle_id)
        new = {fp: card.name for fp, card in content.cards.items() if fp not in known}
        if not new:
            return
        with self._db.session() as session:
            for fingerprint, name in new.items():
                session.merge(KnownNameRow(circle_id=circle_id, fingerprint=fingerprint, name=name))

    def acknowledge(self, circle_id: str, content: CircleContent) -> None:
        """The person has seen the new names: they are the known ones from now on."""
        with self._db.session() as session:
            for fingerprint, card in content.cards.items():
                session.merge(
                    KnownNameRow(circle_id=circle_id, fingerprint=fingerprint, name=card.name)
                )
