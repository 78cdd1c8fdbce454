"""What can go wrong with a circle, each as one plain sentence a tired person can act on.

The sentences the circle service says live here too; those of reading a file live next to
that code (``agefile``, ``document``, ``identity``). See :mod:`carecompanion.errors`.
"""

from __future__ import annotations

from carecompanion.errors import CareCompanionError, Sentence


class CircleError(CareCompanionError):
    """Base: raised with the sentence that says what went wrong."""


class CircleFileError(CircleError):
    """A circle file that cannot be read: malformed, tampered, the wrong key, too large.
    Nothing in the vault changes when this is raised."""


class CircleNotFound(CircleError):
    """No circle with that file or id is registered in this vault."""


class NotAllowed(CircleError):
    """The person's role in the circle does not allow this (a reader sharing, a member
    changing the roster...)."""


class RecordNotFound(CircleError):
    """No record with that id in the circle."""


class InvalidInput(CircleError, ValueError):
    """A name or a list the person typed that breaks a rule (too long, too many)."""


class RepairableFile(CircleFileError):
    """The circle file cannot be read (damaged, too large, refused), and this vault can write a
    fresh one from what it verified: ``CircleService.repair``. Raised with REPAIRABLE, whose
    ``problem`` is what was wrong; the Circle page offers Repair when it sees this class."""


# -- what the circle service says ----------------------------------------------------------
NOT_JOINED = Sentence("circle.not_joined", "{file} is not one of your circles yet. Join it first.")
NOT_IN_JOURNAL = Sentence("circle.not_in_journal", "That circle is not in this journal.")
TOO_LARGE = Sentence("circle.file.too_large", "This circle file is too large to open.")
WRONG_CIRCLE = Sentence("circle.wrong_circle", "This file belongs to a different circle.")
ALREADY_IN = Sentence("circle.already_in", "You are already in the circle “{name}”.")
FILE_EXISTS = Sentence("circle.file_exists", "{file} already exists; choose another file name.")
NO_FOLDER = Sentence("circle.no_folder", "The folder {folder} does not exist.")
PASSPHRASE_TOO_SHORT = Sentence(
    "circle.passphrase_too_short", "A circle passphrase needs at least 8 characters."
)
NOT_ON_ROSTER = Sentence(
    "circle.not_on_roster",
    "You are not on this circle's list of members yet. Send your "
    "member card to the circle's organiser and ask them to add you.",
)
ONLY_ADMINS_CHANGE = Sentence(
    "circle.only_admins_change", "Only the circle's organiser or an admin can change who is in it."
)
UNKNOWN_ROLE = Sentence("circle.unknown_role", "A role is admin, member, helper or reader.")
OWNER_STAYS = Sentence("circle.owner_stays", "The circle's organiser is always in it.")
ONLY_OWNER_MAKES_ADMIN = Sentence(
    "circle.only_owner_makes_admin", "Only the circle's organiser can make someone an admin."
)
ONLY_OWNER_CHANGES_ADMIN = Sentence(
    "circle.only_owner_changes_admin", "Only the circle's organiser can change an admin."
)
TOO_MANY_MEMBERS = Sentence("circle.too_many_members", "A circle can have at most {count} members.")
NO_SUCH_MEMBER = Sentence("circle.no_such_member", "No member of this circle has that fingerprint.")
OWNER_CANNOT_GO = Sentence("circle.owner_cannot_go", "The circle's organiser cannot be removed.")
ONLY_OWNER_REMOVES_ADMIN = Sentence(
    "circle.only_owner_removes_admin", "Only the circle's organiser can remove an admin."
)
ONLY_OWNER_READDS = Sentence(
    "circle.only_owner_readds",
    "Only the circle's organiser can bring back someone the organiser removed.",
)
NEEDS_OWNER_UPGRADE = Sentence(
    "circle.needs_owner_upgrade",
    "This circle was made with an older CareCompanion. Its organiser needs to sync it once "
    "with this version before anyone else can change who is in it.",
)
CHANGED_TOO_OFTEN = Sentence(
    "circle.changed_too_often",
    "This person's place in the circle cannot be changed any more; ask the circle's organiser.",
)
#: Said once by a sync that left out what someone could not write (``keeping.Dropped``).
DROPPED = Sentence(
    "circle.dropped",
    "Left out {count} things in the circle file written by people who may not write there "
    "(someone outside the circle, or someone removed from it). Nothing of the circle's was "
    "lost.",
)
NO_JOURNAL = Sentence("circle.no_journal", "The journal is not available.")
READ_ONLY = Sentence("circle.read_only", "You can read this circle but not write in it.")
NOT_YOURS = Sentence(
    "circle.record_not_yours", "That shared record is not yours or is not in the circle."
)
ENTRY_NOT_SHARED = Sentence("circle.entry_not_shared", "That entry is not shared with this circle.")
NO_SUCH_ENTRY = Sentence(
    "circle.no_such_entry", "There is no shared entry with that id in this circle."
)
EMPTY_COMMENT = Sentence("circle.empty_comment", "A comment needs some words.")
UNKNOWN_REACTION = Sentence("circle.unknown_reaction", "That reaction is not one of {reactions}.")
UNREACHABLE = Sentence(
    "circle.unreachable",
    "The circle file in {folder} cannot be reached right now "
    "(is the shared folder or USB stick there?). What you wrote is "
    "kept and will be written at the next sync.",
)
CARD_UNREADABLE = Sentence("circle.card.unreadable", "{file} cannot be read right now.")
TOO_LONG = Sentence(
    "circle.too_long", "That is too long to share in the circle; please make it shorter."
)
NAME_LENGTH = Sentence("circle.name_length", "A name needs 1 to {count} characters.")
TOO_MANY_REDACTIONS = Sentence(
    "circle.too_many_redactions", "At most {count} words can be replaced."
)
#: Said after a sync or when a file is checked: what was repaired.
ROLLED_BACK = Sentence(
    "circle.rolled_back",
    "The circle file holds older writing from {name} "
    "than this computer has already seen (it may have been "
    "restored or rolled back). Nothing was lost: it is written "
    "back.",
)
CUT_SHORT = Sentence(
    "circle.cut_short",
    "Some of what {name} shared is missing from the "
    "circle file (it may have been cut short). Nothing was lost: "
    "it is written back.",
)
#: Said by ``verify`` (and ``circle show``) when this vault has seen newer writing than the file.
STALE = Sentence(
    "circle.stale",
    "The circle file is older than what this computer has already seen from {name} (it may "
    "have been restored or rolled back). The next sync writes it back.",
)
#: Who wrote something, when the roster no longer names them.
A_MEMBER = Sentence("circle.a_member", "a member")
#: Two members (or more) show the same name: each is shown with the start of their safety
#: number, as Signal does; this warns the reader to tell them apart.
SAME_NAME = Sentence(
    "circle.same_name",
    "{count} members are called {name}: tell them apart by the number after the name, the "
    "start of each one's safety number.",
)

# -- repair ---------------------------------------------------------------------------------
REPAIRABLE = Sentence(
    "circle.repairable",
    "{problem} It can be repaired: this computer can write a fresh circle file from what it "
    "has already checked.",
)
REPAIRED = Sentence(
    "circle.repaired",
    "A fresh circle file was written from what this computer had checked. What others wrote "
    "since comes back when they sync.",
)
NOTHING_TO_REPAIR = Sentence(
    "circle.nothing_to_repair", "The circle file was fine; it was synced instead."
)
REPAIR_NOT_IN = Sentence(
    "circle.repair_not_in", "Only someone who is in the circle can repair its file."
)

# -- saving, removing, passphrases ----------------------------------------------------------
SAVED_FOR_LATER = Sentence(
    "circle.saved_for_later",
    "It is saved on this computer and will be written to the circle file at the next sync.",
)
REMOVED_KEYS = Sentence(
    "circle.removed_keys",
    "Removed. They keep what they could already read; nothing written from now on is "
    "encrypted to them.",
)
REMOVED_PASSPHRASE = Sentence(
    "circle.removed_passphrase",
    "Removed: nothing they write counts any more. But they still know the circle passphrase, "
    "so they can still open the circle file and read what is shared from now on, until you "
    "change the passphrase.",
)
NO_PASSPHRASE = Sentence(
    "circle.no_passphrase", "This circle has no passphrase: its members' keys protect it."
)
ONLY_OWNER_PASSPHRASE = Sentence(
    "circle.only_owner_passphrase", "Only the circle's organiser can change its passphrase."
)


# -- what a repair may replace (``repair.CircleRepair``) ---------------------------------
#: Problems no repair may paper over: the file holds another circle, or cannot be reached, or
#: there is nothing to open it with.
_NEVER = frozenset(
    {
        "circle.wrong_circle",
        "circle.needs_passphrase",
        "circle.file.not_there",
        "circle.file.not_allowed",
        "circle.file.disk_error",
    }
)
#: Files only the owner may replace: for anyone else they may mean a real change (removed from
#: the circle, a new passphrase, a newer app).
_OWNER_ONLY = frozenset(
    {
        "circle.file.not_a_member",
        "circle.file.wrong_passphrase",
        "circle.file.newer",
        "circle.card.newer",
    }
)


def can_repair(code: str, owner: bool) -> bool:
    """Whether a file refused with ``code`` may be replaced by a repair."""
    if code in _NEVER:
        return False
    return owner or code not in _OWNER_ONLY


def as_repairable(exc: CircleFileError, owner: bool) -> CircleFileError:
    """``exc`` said so that the person learns that Repair exists, when it applies."""
    if isinstance(exc, RepairableFile) or not can_repair(exc.code, owner):
        return exc
    return RepairableFile(REPAIRABLE, problem=exc.notice)
