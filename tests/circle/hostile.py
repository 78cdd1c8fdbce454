"""People with real vaults in one circle, and what a hostile one of them can do with their own
keys: sign items, and write a circle file encrypted (with age) to the recipients they know.

Import the fixtures into a test module: ``from tests.circle.hostile import people, shared``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from tests.conftest import VaultFactory

from carecompanion.circle import agefile
from carecompanion.circle.content import CircleContent
from carecompanion.circle.document import encode_unchecked
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem, make_item
from carecompanion.circle.roster import evaluate_roster
from carecompanion.circle.service import CircleService
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession

NAMES = ("Ana", "Bea", "Cal", "Dee")


class Person:
    def __init__(self, name: str, session: VaultSession) -> None:
        self.name = name
        self.session = session
        self.circles: CircleService = session.circles
        self.circles.set_name(name)

    @property
    def me(self) -> MemberIdentity:
        return self.circles.identity()

    @property
    def fingerprint(self) -> str:
        return self.me.fingerprint

    def content(self, circle_id: str) -> CircleContent:
        """What this person's vault holds of the circle (a copy to change)."""
        return self.circles._registry.content(circle_id).copy()

    def titles(self, circle_id: str) -> list[str]:
        return sorted(post.title for post in self.circles.state(circle_id).posts)

    def share(self, circle_id: str, title: str) -> str:
        entry = self.session.journal.add(title, "a hard week")
        return self.circles.share_entry(circle_id, entry.id)


@pytest.fixture
def people(
    tmp_path: Path, vault_factory: VaultFactory, clock: FixedClock
) -> Iterator[dict[str, Person]]:
    result = {}
    for name in NAMES:
        unlocked, _key = vault_factory(paths=AppPaths(tmp_path / name))
        result[name] = Person(name, VaultSession(unlocked, clock))
    yield result


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "Shared"
    folder.mkdir()
    return folder / "Tuesday group.carecircle"


def make_circle(people: dict[str, Person], file: Path, roles: dict[str, str]) -> str:
    """Ana's circle with the others in ``roles`` (name -> role), everyone joined."""
    ana = people["Ana"]
    circle_id = ana.circles.create("Tuesday group", file).id
    for name, role in roles.items():
        ana.circles.add_member(circle_id, people[name].circles.card(), role)
    ana.circles.sync(circle_id)
    for name in roles:
        people[name].circles.join(file)
    return circle_id


def forge_roster(
    signer: MemberIdentity,
    content: CircleContent,
    member: str,
    role: str,
    version: int | None = None,
) -> SignedItem:
    """The strongest roster item ``signer`` can make with their own keys from what
    ``content`` (their vault's copy) holds: under the last grant of admin the owner ever gave
    them, replacing the member's current item, at any version they like."""
    grants = [
        item
        for item in content.items.values()
        if item.kind == "roster"
        and item.signer == content.owner
        and item.fields["member"] == signer.fingerprint
        and item.fields["role"] == "admin"
    ]
    grant = max(grants, key=lambda item: item.fields["version"], default=None)
    tip = evaluate_roster(content.genesis, content.cards, content.items.values()).tips.get(member)
    return make_item(
        "roster",
        content.circle_id,
        {
            "by": signer.fingerprint,
            "member": member,
            "role": role,
            "version": version or (tip.fields["version"] + 1 if tip is not None else 1),
            "replaces": tip.digest.hex() if tip is not None else None,
            "under": grant.digest.hex() if grant is not None else None,
            "keeps": None,
            "at": "2026-11-25T12:00:00Z",
        },
        signer.sign,
    )


def write_hostile_file(path: Path, content: CircleContent, recipients: Iterable[str]) -> None:
    """What a hostile member can write: any document, encrypted to the age recipients they
    know (no signature of anyone else's is needed for that)."""
    data = agefile.encrypt_to_recipients(encode_unchecked(content), sorted(set(recipients)))
    path.write_bytes(data)
