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
# One vCard content line, checked before vobject parses it (``vcard_syntax``): far above what
# address books write (``item12.X-ABLabel``, ``TEL;TYPE=CELL,VOICE,PREF``), far below what
# would make a parse slow.
VCARD_NAME_MAX_CHARS = 128  # a property, group or parameter name
VCARD_PARAMS_MAX_CHARS = 4_096  # everything between the name and the colon
VCARD_LINE_MAX_PARAMS = 64  # parameters and parameter values on one line
VCARD_MAX_CARD_LINES = 10_000  # content lines in one card (folded lines count once)
# Content lines in one file: 5,000 contacts of 50 lines. vobject reads about 100,000 lines a
# second, so even the largest file is read in seconds, not the minutes 64 MB of short lines
# would take.
VCARD_MAX_LINES = 250_000
# Lines as the file has them, blank and folded ones too (a photo folds into thousands).
VCARD_MAX_FILE_LINES = 2_000_000
# vCard properties kept beyond the contact's fields (ORG, BDAY...; ``vcard_extra``): a real
# card has a handful; a long value is a picture or a key, which is not kept.
KEPT_MAX_PROPERTIES = 100
KEPT_VALUE_MAX_CHARS = 4_000
