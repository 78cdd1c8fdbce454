"""``circle verify`` and ``circle show``: a circle file checked, changing nothing; for a circle
of this vault, also whether the file is stale (the vault has seen newer writing from someone
than the file holds: it was restored or rolled back; issue 14, finding 9)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from carecompanion.circle.content import CircleContent
from carecompanion.circle.engine import decrypt, head_warnings, open_payload, roster_of
from carecompanion.circle.errors import A_MEMBER, ROLLED_BACK, STALE
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem
from carecompanion.circle.keeping import Dropped
from carecompanion.circle.names import MemberName, display_names
from carecompanion.circle.roster import Roster
from carecompanion.circle.verify import Rejection
from carecompanion.errors import Notice


@dataclass
class VerifyReport:
    circle_id: str
    name: str
    roster: Roster
    records: list[SignedItem]
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    #: The vault has seen newer writing than the file holds: the file is stale (rolled back).
    stale: list[Notice] = field(default_factory=list)
    #: What the file holds that its signers could not write (left out of ``records``).
    dropped: Dropped = field(default_factory=Dropped)
    #: How to show each member (``names.display_names``), and a warning per shared name.
    names: Mapping[str, MemberName] = field(default_factory=dict)
    name_warnings: tuple[Notice, ...] = ()

    @property
    def ok(self) -> bool:
        return (
            not self.rejected
            and not self.warnings
            and not self.stale
            and not self.dropped
            and not self.roster.ignored
        )


def holds(content: CircleContent, head: SignedItem) -> bool:
    """Whether ``content`` holds its author's writing up to ``head``."""
    theirs = content.items.get(("head", head.signer))
    return theirs is not None and theirs.fields["seq"] >= head.fields["seq"]


def sync_warnings(
    main: CircleContent | None,
    conflicts: Sequence[CircleContent],
    kept: Sequence[CircleContent],
    cached: CircleContent,
    roster: Roster,
    me: MemberIdentity,
) -> list[Notice]:
    """What a sync says of what it read (``main``: the file, when it was opened now): cut
    short (an author's records missing against their own head), and rolled back only when
    the file lacks writing this vault did and no conflict copy holds it (a sync tool's
    ordinary conflict is not a rollback: issue 14, finding 9)."""
    warnings: list[Notice] = []
    for source in ([main] if main is not None else []) + [*conflicts, *kept]:
        warnings.extend(w for w in head_warnings(source, None, roster) if w not in warnings)
    mine = cached.items.get(("head", me.fingerprint))
    if main is None or mine is None:
        return warnings
    if not any(holds(source, mine) for source in (main, *conflicts)):
        warnings.insert(0, ROLLED_BACK(name=me.name))
    return warnings


def stale_notices(file: CircleContent, known: CircleContent, roster: Roster) -> list[Notice]:
    """One notice per author whose writing this vault has seen newer than the file holds."""
    notices: list[Notice] = []
    for head in known.of_kind("head"):
        if not holds(file, head):
            member = roster.members.get(head.signer)
            notices.append(STALE(name=member.name if member is not None else A_MEMBER()))
    return notices


def verify_file(
    data: bytes,
    identity: MemberIdentity | None,
    passphrase: str | None = None,
    known: CircleContent | None = None,
    known_names: Mapping[str, str] | None = None,
) -> VerifyReport:
    """``circle verify``: every signature, the roster and the heads, changing nothing; with
    ``known`` (the vault's copy of the same circle), whether the file is stale, and with
    ``known_names`` (the names this vault knew members by) whose name changed."""
    opened = open_payload(decrypt(data, identity, passphrase))
    roster = roster_of(opened.content)
    rejected = list(opened.rejected)
    records = list(opened.content.records())  # only what the roster allows (keeping.keep)
    warnings = head_warnings(opened.content, None, roster)
    stale = []
    if known is not None and known.genesis == opened.content.genesis:
        stale = stale_notices(opened.content, known, roster)
    me = identity.fingerprint if identity is not None else ""
    names, name_warnings = display_names(roster, known_names or {}, me)
    return VerifyReport(
        opened.content.circle_id,
        opened.content.name,
        roster,
        records,
        rejected,
        warnings,
        stale,
        opened.dropped,
        names,
        name_warnings,
    )
