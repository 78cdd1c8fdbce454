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
UNKNOWN_ROLE = Sentence("circle.unknown_role", "A role is admin, member or reader.")
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
#: Who wrote something, when the roster no longer names them.
A_MEMBER = Sentence("circle.a_member", "a member")
