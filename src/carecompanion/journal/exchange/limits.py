"""Limits on what an import reads, so a hostile or broken file cannot exhaust memory.

docs/journal-json.md lists them for people. Attachments are also capped by the journal's own
``MAX_ATTACHMENT_BYTES`` (25 MiB each).
"""

from __future__ import annotations

MIB = 1024 * 1024

# One JSON document (ours, jrnl's, or Day One's Journal.json). Ours carries attachments as
# base64, hence the generous size.
MAX_JSON_BYTES = 512 * MIB
# One Markdown or text file in a folder import (an entry, not a book).
MAX_TEXT_FILE_BYTES = 10 * MIB
# Entries in one import.
MAX_ENTRIES = 100_000
# Files looked at in a folder import (entries plus everything else found there).
MAX_FOLDER_FILES = 100_000
# Attachments on one entry, and all attachment bytes in one import.
MAX_ATTACHMENTS_PER_ENTRY = 100
MAX_TOTAL_ATTACHMENT_BYTES = 2048 * MIB
# Day One zip: members, and their total uncompressed size (checked before reading them).
MAX_ZIP_MEMBERS = 50_000
MAX_ZIP_UNCOMPRESSED_BYTES = 2560 * MIB
# The zip's list of members (its central directory), read before any member: a Day One
# export's names take about 100 bytes each, so this leaves room for long names at the limit.
MAX_ZIP_DIRECTORY_BYTES = 32 * MIB
# A zip member may not expand more than this many times over its compressed size.
MAX_ZIP_RATIO = 200
# JSON nesting: a real export needs fewer than 10 levels.
MAX_JSON_DEPTH = 64
# Title and tag lengths; longer values are refused rather than silently cut.
MAX_TITLE_CHARS = 1_000
MAX_TAG_CHARS = 200
MAX_TAGS_PER_ENTRY = 200
