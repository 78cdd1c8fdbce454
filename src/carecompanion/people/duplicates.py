"""Which imported cards are people already in the address book.

Two contacts are the same person when their names match (case, accents and spacing ignored)
and they share a phone number or an e-mail address, or neither has any (a bare name can only
be matched by name). A card carrying the UID of a contact this app exported is that contact.
Matching is deliberately strict: a missed duplicate costs one extra contact to delete, a false
match silently drops a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from carecompanion.people.records import ContactDraft
from carecompanion.people.text import email_key, fold_key, phone_key


@dataclass(frozen=True)
class Identity:
    """What duplicate matching compares, for a saved contact (``contact_id``) or a card."""

    name: str
    phones: frozenset[str]
    emails: frozenset[str]
    uid: str = ""
    contact_id: int | None = None

    @classmethod
    def of(cls, draft: ContactDraft, uid: str = "", contact_id: int | None = None) -> Identity:
        return cls(
            name=fold_key(draft.name),
            phones=frozenset(k for k in (phone_key(p.number) for p in draft.phones) if k),
            emails=frozenset(email_key(e.address) for e in draft.emails),
            uid=uid,
            contact_id=contact_id,
        )

    def same_person(self, other: Identity) -> bool:
        if self.uid and self.uid == other.uid:
            return True
        if self.name != other.name:
            return False
        if not (self.phones or self.emails or other.phones or other.emails):
            return True
        return bool(self.phones & other.phones or self.emails & other.emails)


@dataclass
class Matcher:
    """Known identities, indexed by name and UID; cards are added as they are accepted, so a
    file that lists someone twice imports them once."""

    by_name: dict[str, list[Identity]] = field(default_factory=dict)
    by_uid: dict[str, Identity] = field(default_factory=dict)

    @classmethod
    def of(cls, known: Iterable[Identity]) -> Matcher:
        matcher = cls()
        for identity in known:
            matcher.add(identity)
        return matcher

    def add(self, identity: Identity) -> None:
        self.by_name.setdefault(identity.name, []).append(identity)
        if identity.uid:
            self.by_uid.setdefault(identity.uid, identity)

    def find(self, identity: Identity) -> Identity | None:
        if identity.uid and identity.uid in self.by_uid:
            return self.by_uid[identity.uid]
        for known in self.by_name.get(identity.name, ()):
            if identity.same_person(known):
                return known
        return None
