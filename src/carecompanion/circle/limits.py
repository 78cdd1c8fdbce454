"""Every size and count a circle file may have: a hostile file must not exhaust memory or time."""

from __future__ import annotations

MIB = 1024 * 1024
MAX_FILE_BYTES = 64 * MIB
#: The decompressed document, counted as it is inflated (issue 14 asks that reading any file
#: of at most 64 MiB stays under 300 MB and 10 s). Reading costs about four times the
#: document in memory (the items, their parsed bodies, the file and its payload): 48 MiB, about
#: 40,000 journal-sized records, is read in ~260 MB (``benchmarks/circle_bombs.py``). The writer
#: refuses to go past it, so it never writes a file a reader would refuse.
MAX_DOCUMENT_BYTES = 48 * MIB
#: How deep the document's JSON may nest: the document, a section, an item or a card (3), and
#: room to spare. Deeper is no circle file and is refused at the bracket that goes too deep.
MAX_DOCUMENT_DEPTH = 6
MAX_CARD_BYTES = 4 * 1024
MAX_ITEM_BODY_BYTES = 512 * 1024

MAX_CARDS = 500
# Each current member is one age stanza; the reader accepts at most 256 of them.
MAX_MEMBERS = 200
MAX_ROSTER_ITEMS = 5_000
#: Each record's signature is checked when no head vouches for it (~0.1 ms each here), and
#: each costs about 1.5 KB once read: 50,000 reactions are read in ~5 s (10 s on a loaded
#: machine) and ~160 MB.
MAX_RECORDS = 50_000
MAX_HEADS = 500

# Per author: what one member's own keys can put in a circle. A hostile (or broken) member
# can fill their own share, never the others': a reader keeps an author's items up to these
# quotas and drops the rest (the same ones in every copy, see ``quota.py``), and the writer
# refuses a change that would go past them. Set far above what a caregiver writes in years:
# sharing three entries, five comments and ten reactions every day for three years is about
# 20,000 records and 8 MB of bodies (an entry of 120 words is a body of ~850 bytes); a
# circle's organiser changes the roster a few dozen times. Heads and cards need no quota of
# their own: each is keyed by its author (one head, one card per member).
MAX_RECORDS_PER_AUTHOR = 20_000
MAX_RECORD_BYTES_PER_AUTHOR = 16 * MIB
MAX_ROSTER_ITEMS_PER_AUTHOR = 1_000

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

# The help calendar (format version 3): a request, an offer, a reason. A slot is at most a
# month long (a week of respite care is the longest seen in caregiving planners); a series at
# most 100 slots (twice a week for a year); a request needs at most 50 people.
MAX_HELP_WHAT_CHARS = 200
MAX_HELP_WHERE_CHARS = 500
MAX_HELP_NOTE_CHARS = 2_000
MAX_HELP_PEOPLE = 50
MAX_SLOT_DAYS = 31
MAX_SERIES_SLOTS = 100
MAX_ZONE_CHARS = 64
