"""Every size and count a circle file may have: a hostile file must not exhaust memory or time."""

from __future__ import annotations

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
MAX_CARD_BYTES = 4 * 1024
MAX_ITEM_BODY_BYTES = 512 * 1024

MAX_CARDS = 500
# Each current member is one age stanza; the reader accepts at most 256 of them.
MAX_MEMBERS = 200
MAX_ROSTER_ITEMS = 5_000
MAX_RECORDS = 100_000
MAX_HEADS = 500

MAX_NAME_CHARS = 120
MAX_TITLE_CHARS = 500
MAX_BODY_CHARS = 200_000
MAX_TAGS = 50
MAX_TAG_CHARS = 100
MAX_COMMENT_CHARS = 10_000
MAX_MOOD_TEXT_CHARS = 2_000
MAX_FIGURES = 20
MAX_REDACTIONS = 200
MAX_INTEGER = 2**53 - 1
