"""Size limits for what a person types and what an import may bring in.

Generous for real use, small enough that a damaged or hostile file cannot fill the vault or
the memory: a caregiver's address book has hundreds of people, not tens of thousands.
"""

from __future__ import annotations

NAME_MAX_CHARS = 200
LINE_MAX_CHARS = 200  # role, best times to call, a phone label, a group's location
TEXT_MAX_CHARS = 20_000  # notes and addresses
LOG_NOTE_MAX_CHARS = 2_000
HELP_MAX_CHARS = 80  # one "how they help" tag
MAX_HELPS = 30
MAX_PHONES = 20
MAX_EMAILS = 20
PHONE_MAX_CHARS = 40
EMAIL_MAX_CHARS = 254  # RFC 5321's limit for a forward path
KIND_MAX_CHARS = 40
CHECK_IN_MAX_DAYS = 3650

PHOTO_MAX_BYTES = 512 * 1024  # a contact picture, not a photo album

VCARD_MAX_BYTES = 64 * 1024 * 1024  # photos make real exports large
VCARD_MAX_CARDS = 5_000
