"""The core's sentences in the person's language, looked up by code.

Every error the core raises for a person (:class:`~carecompanion.errors.CareCompanionError`)
and every notice it hands back (a warning after an import or a sync, a form field's problem)
carries a stable ``code`` and the values its sentence needs (see :mod:`carecompanion.errors`).
:data:`WORDS` holds each code's English template, marked for lupdate (context
``ErrorWords``); :func:`say` translates by code and fills the values in, translating the
notices inside a notice too (a field's label, the reason after "FILE, line N: "). Nothing is
matched against English text.

A template with no words of its own (``{problems}``: a form's problems said in turn) needs no
entry. The English here must be the core's: a test compares them, and checks that every code
the core can say has an entry and a Spanish translation. :func:`message` is the UI's one
mapping place for a caught exception: the sentence of an error meant for the person, a calm
line for anything else (a bug, logged by type and place, never by its text).
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication

from carecompanion import logs
from carecompanion.errors import CareCompanionError, Notice, fill, sentences
from carecompanion.ui.common.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CONTEXT = "ErrorWords"
_FIELD = re.compile(r"\{[a-z_]+\}")

#: Each code's English template (``{name}`` is filled in; ``{{`` and ``}}`` are braces).
WORDS: dict[str, str] = {
    # -- backups ------------------------------------------------------------------------------
    "backup.damaged": QT_TRANSLATE_NOOP("ErrorWords", "{path} is damaged and cannot be restored."),
    "backup.no_space": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "There is not enough free space to write the backup {path}. Free some space or choose "
        "another place, then try again. Your journal was not changed.",
    ),
    "backup.not_a_backup": QT_TRANSLATE_NOOP(
        "ErrorWords", "{path} is not a CareCompanion backup file."
    ),
    "backup.not_allowed": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The backup could not be written to {path}: that place is read-only, or CareCompanion "
        "may not write there. Choose another place, then try again. Your journal was not changed.",
    ),
    "backup.not_written": QT_TRANSLATE_NOOP(
        "ErrorWords", "The backup could not be written to {path}: {reason}."
    ),
    "backup.skipped_no_space": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Today's automatic backup was skipped: the disk is nearly full. Your journal is safe; "
        "free some space, and it will be backed up the next time you open it.",
    ),
    "backup.unencrypted": QT_TRANSLATE_NOOP(
        "ErrorWords", "{path} holds an unencrypted database: refused."
    ),
    # -- circles ------------------------------------------------------------------------------
    "circle.a_member": QT_TRANSLATE_NOOP("ErrorWords", "a member"),
    "circle.already_in": QT_TRANSLATE_NOOP("ErrorWords", "You are already in the circle “{name}”."),
    "circle.bad_recipient": QT_TRANSLATE_NOOP(
        "ErrorWords", "A member's circle key is not valid, so the circle file was not written."
    ),
    "circle.card.bad": QT_TRANSLATE_NOOP(
        "ErrorWords", "This is not a CareCompanion member card, or it is damaged."
    ),
    "circle.card.changed": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This member card's signature does not match: it was changed after it was made.",
    ),
    "circle.card.newer": QT_TRANSLATE_NOOP(
        "ErrorWords", "This member card was made by a newer CareCompanion; please update the app."
    ),
    "circle.card.unreadable": QT_TRANSLATE_NOOP("ErrorWords", "{file} cannot be read right now."),
    "circle.changed_too_often": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This person's place in the circle cannot be changed any more; ask the circle's organiser.",
    ),
    "circle.cut_short": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Some of what {name} shared is missing from the circle file (it may have been cut "
        "short). Nothing was lost: it is written back.",
    ),
    "circle.dropped": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Left out {count} things in the circle file written by people who may not write there "
        "(someone outside the circle, or someone removed from it). Nothing of the circle's was "
        "lost.",
    ),
    "circle.empty_comment": QT_TRANSLATE_NOOP("ErrorWords", "A comment needs some words."),
    "circle.entry_not_shared": QT_TRANSLATE_NOOP(
        "ErrorWords", "That entry is not shared with this circle."
    ),
    "circle.file.armored": QT_TRANSLATE_NOOP(
        "ErrorWords", "This file is in the text (armored) form of age; circle files are binary."
    ),
    "circle.file.damaged": QT_TRANSLATE_NOOP(
        "ErrorWords", "The circle file is damaged or was changed by someone outside the circle."
    ),
    "circle.file.disk_error": QT_TRANSLATE_NOOP(
        "ErrorWords", "The circle file {name} could not be read from the disk."
    ),
    "circle.file.forged": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This circle file is damaged or was forged: its owner's signature does not match.",
    ),
    "circle.file.newer": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This circle file was written by a newer CareCompanion; please update the app to open it.",
    ),
    "circle.file.not_a_circle": QT_TRANSLATE_NOOP(
        "ErrorWords", "This is not a circle file, or it is damaged."
    ),
    "circle.file.not_a_member": QT_TRANSLATE_NOOP(
        "ErrorWords", "You are not a member of this circle, or your key cannot open this file."
    ),
    "circle.file.not_allowed": QT_TRANSLATE_NOOP(
        "ErrorWords", "CareCompanion is not allowed to read the circle file {name}."
    ),
    "circle.file.not_ours": QT_TRANSLATE_NOOP(
        "ErrorWords", "This circle file is damaged or was not made by CareCompanion."
    ),
    "circle.file.not_there": QT_TRANSLATE_NOOP(
        "ErrorWords", "The circle file {name} is not there."
    ),
    "circle.file.too_large": QT_TRANSLATE_NOOP(
        "ErrorWords", "This circle file is too large to open."
    ),
    "circle.file.too_slow": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This circle file is protected by a passphrase that would take too long to check; it was "
        "not made by CareCompanion.",
    ),
    "circle.file.wrong_passphrase": QT_TRANSLATE_NOOP(
        "ErrorWords", "That circle passphrase does not open this file (or the file was changed)."
    ),
    "circle.file_exists": QT_TRANSLATE_NOOP(
        "ErrorWords", "{file} already exists; choose another file name."
    ),
    "circle.full": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Nothing was saved: the circle would hold more than a circle file can. If someone filled "
        "the circle with junk, remove them and repair the circle file (carecompanion circle repair "
        "FILE, or Repair on the Circle page); otherwise start a new circle for what comes next.",
    ),
    "circle.full.author": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Nothing was saved: {name} would have more in this circle than one person can share in it. "
        "To share more, start a new circle.",
    ),
    "circle.help.cannot_offer": QT_TRANSLATE_NOOP(
        "ErrorWords", "You can read this circle but not offer help in it."
    ),
    "circle.help.ends_before": QT_TRANSLATE_NOOP(
        "ErrorWords", "The end must come after the start."
    ),
    "circle.help.far_away": QT_TRANSLATE_NOOP("ErrorWords", "That date is too far in the future."),
    "circle.help.in_the_past": QT_TRANSLATE_NOOP("ErrorWords", "That time has already passed."),
    "circle.help.no_such_offer": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no offer with that id in this circle."
    ),
    "circle.help.no_such_request": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no request for help with that id in this circle."
    ),
    "circle.help.not_open": QT_TRANSLATE_NOOP(
        "ErrorWords", "This request is over or was cancelled."
    ),
    "circle.help.not_your_offer": QT_TRANSLATE_NOOP("ErrorWords", "That offer is someone else's."),
    "circle.help.not_your_request": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Only the person who asked for this help can confirm offers, change or cancel it.",
    ),
    "circle.help.offer_withdrawn": QT_TRANSLATE_NOOP("ErrorWords", "That offer was withdrawn."),
    "circle.help.own_request": QT_TRANSLATE_NOOP(
        "ErrorWords", "This is your own request: someone else can offer to cover it."
    ),
    "circle.help.people_range": QT_TRANSLATE_NOOP(
        "ErrorWords", "The number of people needed is from 1 to {count}."
    ),
    "circle.help.series_range": QT_TRANSLATE_NOOP(
        "ErrorWords", "A series has from 1 to {count} dates, on chosen weekdays."
    ),
    "circle.help.slot_full": QT_TRANSLATE_NOOP(
        "ErrorWords", "This request already has all the people it asked for."
    ),
    "circle.help.too_long": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "That is too long: what is needed has at most {what} characters, where at most {where},"
        " a note at most {note}.",
    ),
    "circle.help.too_long_slot": QT_TRANSLATE_NOOP(
        "ErrorWords", "One request can last at most {count} days; ask for a series."
    ),
    "circle.help.unknown_zone": QT_TRANSLATE_NOOP(
        "ErrorWords", "{zone} is not a time zone this computer knows."
    ),
    "circle.help.what_needed": QT_TRANSLATE_NOOP(
        "ErrorWords", "Say in a few words what help is needed."
    ),
    "circle.lock_timeout": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Someone else in the circle is saving the circle file right now; try again in a moment.",
    ),
    "circle.name_length": QT_TRANSLATE_NOOP("ErrorWords", "A name needs 1 to {count} characters."),
    "circle.needs_owner_upgrade": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This circle was made with an older CareCompanion. Its organiser needs to sync it once "
        "with this version before anyone else can change who is in it.",
    ),
    "circle.needs_passphrase": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This circle is protected by a circle passphrase; enter it to open the circle.",
    ),
    "circle.no_folder": QT_TRANSLATE_NOOP("ErrorWords", "The folder {folder} does not exist."),
    "circle.no_journal": QT_TRANSLATE_NOOP("ErrorWords", "The journal is not available."),
    "circle.no_passphrase": QT_TRANSLATE_NOOP(
        "ErrorWords", "This circle has no passphrase: its members' keys protect it."
    ),
    "circle.no_recipients": QT_TRANSLATE_NOOP(
        "ErrorWords", "A circle file needs at least one member to encrypt to."
    ),
    "circle.no_such_entry": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no shared entry with that id in this circle."
    ),
    "circle.no_such_member": QT_TRANSLATE_NOOP(
        "ErrorWords", "No member of this circle has that fingerprint."
    ),
    "circle.not_in_journal": QT_TRANSLATE_NOOP("ErrorWords", "That circle is not in this journal."),
    "circle.not_joined": QT_TRANSLATE_NOOP(
        "ErrorWords", "{file} is not one of your circles yet. Join it first."
    ),
    "circle.not_on_roster": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "You are not on this circle's list of members yet. Send your member card to the circle's "
        "organiser and ask them to add you.",
    ),
    "circle.nothing_to_repair": QT_TRANSLATE_NOOP(
        "ErrorWords", "The circle file was fine; it was synced instead."
    ),
    "circle.only_admins_change": QT_TRANSLATE_NOOP(
        "ErrorWords", "Only the circle's organiser or an admin can change who is in it."
    ),
    "circle.only_owner_changes_admin": QT_TRANSLATE_NOOP(
        "ErrorWords", "Only the circle's organiser can change an admin."
    ),
    "circle.only_owner_makes_admin": QT_TRANSLATE_NOOP(
        "ErrorWords", "Only the circle's organiser can make someone an admin."
    ),
    "circle.only_owner_passphrase": QT_TRANSLATE_NOOP(
        "ErrorWords", "Only the circle's organiser can change its passphrase."
    ),
    "circle.only_owner_readds": QT_TRANSLATE_NOOP(
        "ErrorWords", "Only the circle's organiser can bring back someone the organiser removed."
    ),
    "circle.only_owner_removes_admin": QT_TRANSLATE_NOOP(
        "ErrorWords", "Only the circle's organiser can remove an admin."
    ),
    "circle.owner_cannot_go": QT_TRANSLATE_NOOP(
        "ErrorWords", "The circle's organiser cannot be removed."
    ),
    "circle.owner_stays": QT_TRANSLATE_NOOP(
        "ErrorWords", "The circle's organiser is always in it."
    ),
    "circle.passphrase_to_write": QT_TRANSLATE_NOOP(
        "ErrorWords", "This circle's passphrase is needed to write it."
    ),
    "circle.passphrase_too_short": QT_TRANSLATE_NOOP(
        "ErrorWords", "A circle passphrase needs at least 8 characters."
    ),
    "circle.read_only": QT_TRANSLATE_NOOP(
        "ErrorWords", "You can read this circle but not write in it."
    ),
    "circle.record_not_yours": QT_TRANSLATE_NOOP(
        "ErrorWords", "That shared record is not yours or is not in the circle."
    ),
    "circle.removed_keys": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Removed. They keep what they could already read; nothing written from now on is encrypted "
        "to them.",
    ),
    "circle.removed_passphrase": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Removed: nothing they write counts any more. But they still know the circle passphrase, "
        "so they can still open the circle file and read what is shared from now on, until you "
        "change the passphrase.",
    ),
    "circle.repair_not_in": QT_TRANSLATE_NOOP(
        "ErrorWords", "Only someone who is in the circle can repair its file."
    ),
    "circle.repairable": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "{problem} It can be repaired: this computer can write a fresh circle file from what it "
        "has already checked.",
    ),
    "circle.repaired": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "A fresh circle file was written from what this computer had checked. What others wrote "
        "since comes back when they sync.",
    ),
    "circle.rolled_back": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The circle file holds older writing from {name} than this computer has already seen (it "
        "may have been restored or rolled back). Nothing was lost: it is written back.",
    ),
    "circle.same_name": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "{count} members are called {name}: tell them apart by the number after the name, the "
        "start of each one's safety number.",
    ),
    "circle.saved_for_later": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "It is saved on this computer and will be written to the circle file at the next sync.",
    ),
    "circle.stale": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The circle file is older than what this computer has already seen from {name} (it may "
        "have been restored or rolled back). The next sync writes it back.",
    ),
    "circle.too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "That is too long to share in the circle; please make it shorter."
    ),
    "circle.too_many_members": QT_TRANSLATE_NOOP(
        "ErrorWords", "A circle can have at most {count} members."
    ),
    "circle.too_many_redactions": QT_TRANSLATE_NOOP(
        "ErrorWords", "At most {count} words can be replaced."
    ),
    "circle.unknown_reaction": QT_TRANSLATE_NOOP(
        "ErrorWords", "That reaction is not one of {reactions}."
    ),
    "circle.unknown_role": QT_TRANSLATE_NOOP(
        "ErrorWords", "A role is admin, member, helper or reader."
    ),
    "circle.unreachable": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The circle file in {folder} cannot be reached right now (is the shared folder or USB "
        "stick there?). What you wrote is kept and will be written at the next sync.",
    ),
    "circle.wrong_circle": QT_TRANSLATE_NOOP(
        "ErrorWords", "This file belongs to a different circle."
    ),
    # -- exports ------------------------------------------------------------------------------
    "export.exists": QT_TRANSLATE_NOOP("ErrorWords", "{path} already exists; choose another name."),
    "export.folder_not_empty": QT_TRANSLATE_NOOP(
        "ErrorWords", "{path} already exists and is not empty; choose a new folder."
    ),
    "export.is_a_file": QT_TRANSLATE_NOOP(
        "ErrorWords", "{path} is a file; choose a folder for a Markdown export."
    ),
    "export.is_a_folder": QT_TRANSLATE_NOOP(
        "ErrorWords", "{path} is a folder; choose a file name."
    ),
    "export.no_folder": QT_TRANSLATE_NOOP("ErrorWords", "The folder {folder} does not exist."),
    "export.pdf_not_written": QT_TRANSLATE_NOOP(
        "ErrorWords", "The PDF could not be written to {folder}."
    ),
    # -- a file that cannot be imported -------------------------------------------------------
    "file.problem_at_line": QT_TRANSLATE_NOOP("ErrorWords", "{file}, line {line}: {reason}"),
    # -- why a journal file cannot be imported ------------------------------------------------
    "import.a_folder": QT_TRANSLATE_NOOP("ErrorWords", "this is a folder, not a file"),
    "import.attachment_too_large": QT_TRANSLATE_NOOP(
        "ErrorWords", "{name} is {size}; an attachment can be at most {limit}"
    ),
    "import.attachments_over_budget": QT_TRANSLATE_NOOP(
        "ErrorWords", "the attachments in this import come to more than {mb} MB"
    ),
    "import.attachments_too_large": QT_TRANSLATE_NOOP(
        "ErrorWords", "Adding {name} would take this entry's attachments over {limit} in total"
    ),
    "import.dayone.bad_moment": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: {key} {value} is not a date and time"
    ),
    "import.dayone.bad_zone": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: the timeZone {value} is not a time zone name"
    ),
    "import.dayone.choose_zip": QT_TRANSLATE_NOOP(
        "ErrorWords", "choose the Day One export's .zip file"
    ),
    "import.dayone.item_no_id": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: an item in '{key}' has no identifier"
    ),
    "import.dayone.item_not_object": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: every item in '{key}' must be an object"
    ),
    "import.dayone.no_creation": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number} has no creationDate"
    ),
    "import.dayone.not_a_moment": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: '{key}' must be a date and time"
    ),
    "import.dayone.not_dayone": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not a Day One export (there is no Journal.json in it)"
    ),
    "import.dayone.not_journal": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not a Day One journal (no list of 'entries')"
    ),
    "import.dayone.tags": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: 'tags' must be a list of text"
    ),
    "import.has_no": QT_TRANSLATE_NOOP("ErrorWords", "{what} has no {key}"),
    "import.jrnl.bad_date": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: the date {value} is not YYYY-MM-DD"
    ),
    "import.jrnl.bad_time": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: the time {value} is not HH:MM"
    ),
    "import.jrnl.entries_not_list": QT_TRANSLATE_NOOP(
        "ErrorWords", "'entries' must be a list of entries"
    ),
    "import.jrnl.no_date": QT_TRANSLATE_NOOP("ErrorWords", "entry {number} has no date"),
    "import.jrnl.not_a_date": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: {value} is not a real date"
    ),
    "import.jrnl.not_a_time": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: {value} is not a time"
    ),
    "import.jrnl.not_jrnl": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not a jrnl JSON export (there is no list of 'entries')"
    ),
    "import.jrnl.tag_not_text": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: every tag must be text"
    ),
    "import.json.duplicate_name": QT_TRANSLATE_NOOP(
        "ErrorWords", "the name {name} appears twice in one object"
    ),
    "import.json.ends_early": QT_TRANSLATE_NOOP("ErrorWords", "the JSON ends too early"),
    "import.json.expected_colon": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not valid JSON (expected ':')"
    ),
    "import.json.expected_comma_brace": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not valid JSON (expected ',' or '}}')"
    ),
    "import.json.expected_comma_bracket": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not valid JSON (expected ',' or ']')"
    ),
    "import.json.expected_name": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not valid JSON (expected a quoted name)"
    ),
    "import.json.expected_value": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not valid JSON (expected a value)"
    ),
    "import.json.invalid": QT_TRANSLATE_NOOP("ErrorWords", "this is not valid JSON ({detail})"),
    "import.json.number_too_long": QT_TRANSLATE_NOOP("ErrorWords", "a number is too long"),
    "import.json.text_not_closed": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "this is not valid JSON (a text value is not closed, or has a line break or control "
        "character in it)",
    ),
    "import.json.too_deep": QT_TRANSLATE_NOOP("ErrorWords", "the JSON is nested too deeply"),
    "import.json.trailing": QT_TRANSLATE_NOOP(
        "ErrorWords", "this is not valid JSON (unexpected text after the end)"
    ),
    "import.key_must_be_flag": QT_TRANSLATE_NOOP(
        "ErrorWords", "{what}: '{key}' must be true or false"
    ),
    "import.key_must_be_list": QT_TRANSLATE_NOOP("ErrorWords", "{what}: '{key}' must be a list"),
    "import.key_must_be_text": QT_TRANSLATE_NOOP("ErrorWords", "{what}: '{key}' must be text"),
    "import.label.a_tag": QT_TRANSLATE_NOOP("ErrorWords", "a tag"),
    "import.label.an_attachment_date": QT_TRANSLATE_NOOP("ErrorWords", "an attachment's date"),
    "import.label.an_attachment_name": QT_TRANSLATE_NOOP("ErrorWords", "an attachment's file name"),
    "import.label.entry": QT_TRANSLATE_NOOP("ErrorWords", "entry {number}"),
    "import.label.entry_attachment": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}, attachment {index}"
    ),
    "import.label.entry_creation_date": QT_TRANSLATE_NOOP(
        "ErrorWords", "entry {number}: the creationDate"
    ),
    "import.label.the_change_date": QT_TRANSLATE_NOOP("ErrorWords", "the change date"),
    "import.label.the_creation_date": QT_TRANSLATE_NOOP("ErrorWords", "the creation date"),
    "import.label.the_date": QT_TRANSLATE_NOOP("ErrorWords", "the date"),
    "import.label.the_text": QT_TRANSLATE_NOOP("ErrorWords", "the text"),
    "import.label.the_title": QT_TRANSLATE_NOOP("ErrorWords", "the title"),
    "import.markdown.bad_link": QT_TRANSLATE_NOOP(
        "ErrorWords", "the attachment {link} is not a file in the import folder"
    ),
    "import.markdown.list_not_closed": QT_TRANSLATE_NOOP(
        "ErrorWords", "a list started with '[' is not closed with ']'"
    ),
    "import.markdown.list_quote_not_closed": QT_TRANSLATE_NOOP(
        "ErrorWords", "a quoted value in a list is not closed"
    ),
    "import.markdown.no_date": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "there is no date: add a 'date:' line at the top or start the file name with YYYY-MM-DD",
    ),
    "import.markdown.not_a_date": QT_TRANSLATE_NOOP(
        "ErrorWords", "{value} is not a date (use YYYY-MM-DD HH:MM)"
    ),
    "import.markdown.not_a_flag": QT_TRANSLATE_NOOP("ErrorWords", "{key} must be true or false"),
    "import.markdown.not_name_value": QT_TRANSLATE_NOOP(
        "ErrorWords", "this front matter line is not 'name: value'"
    ),
    "import.markdown.quote_not_closed": QT_TRANSLATE_NOOP(
        "ErrorWords", "a quoted value is not closed"
    ),
    "import.must_be_text": QT_TRANSLATE_NOOP("ErrorWords", "{what} must be text"),
    "import.no_such_file": QT_TRANSLATE_NOOP("ErrorWords", "there is no such file"),
    "import.no_such_folder": QT_TRANSLATE_NOOP("ErrorWords", "there is no such folder"),
    "import.no_time_zone": QT_TRANSLATE_NOOP("ErrorWords", "{what} has no time zone"),
    "import.not_an_object": QT_TRANSLATE_NOOP("ErrorWords", "{what} is not an object"),
    "import.not_unicode": QT_TRANSLATE_NOOP(
        "ErrorWords", "{what} contains characters that are not valid Unicode"
    ),
    "import.not_utf8": QT_TRANSLATE_NOOP("ErrorWords", "this is not UTF-8 text"),
    "import.ours.bad_base64": QT_TRANSLATE_NOOP("ErrorWords", "{what}: 'data' is not valid base64"),
    "import.ours.entries_not_list": QT_TRANSLATE_NOOP("ErrorWords", "'entries' must be a list"),
    "import.ours.newer": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "this export is version {version}, made by a newer CareCompanion; this one reads version "
        "{known}",
    ),
    "import.ours.no_offset": QT_TRANSLATE_NOOP(
        "ErrorWords", "{what}: {key} {value} has no offset (+01:00, Z)"
    ),
    "import.ours.not_iso_time": QT_TRANSLATE_NOOP(
        "ErrorWords", "{what}: {value} is not an ISO 8601 time"
    ),
    "import.ours.not_ours": QT_TRANSLATE_NOOP(
        "ErrorWords", 'this is not a CareCompanion journal export (no "format": "{format}")'
    ),
    "import.ours.size_mismatch": QT_TRANSLATE_NOOP(
        "ErrorWords", "{what}: 'size' says {size} bytes but 'data' holds {actual}"
    ),
    "import.ours.tag_not_text": QT_TRANSLATE_NOOP("ErrorWords", "{what}: a tag must be text"),
    "import.ours.version_not_number": QT_TRANSLATE_NOOP("ErrorWords", "'version' must be a number"),
    "import.out_of_range": QT_TRANSLATE_NOOP(
        "ErrorWords", "{what} is not between the years 1900 and 2999"
    ),
    "import.tag_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "a tag is longer than {count} characters"
    ),
    "import.title_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "the title is longer than {count} characters"
    ),
    "import.too_large": QT_TRANSLATE_NOOP("ErrorWords", "the file is larger than {limit}"),
    "import.too_many_attachments": QT_TRANSLATE_NOOP(
        "ErrorWords", "an entry has more than {count} attachments"
    ),
    "import.too_many_entries": QT_TRANSLATE_NOOP(
        "ErrorWords", "there are more than {count} entries in one import"
    ),
    "import.too_many_files": QT_TRANSLATE_NOOP(
        "ErrorWords", "the folder holds more than {count} files"
    ),
    "import.too_many_tags": QT_TRANSLATE_NOOP("ErrorWords", "an entry has more than {count} tags"),
    "import.unreadable": QT_TRANSLATE_NOOP("ErrorWords", "the file could not be read ({reason})"),
    "import.zip.bomb": QT_TRANSLATE_NOOP(
        "ErrorWords", "{name} is compressed suspiciously well (a zip bomb?)"
    ),
    "import.zip.directory_too_big": QT_TRANSLATE_NOOP(
        "ErrorWords", "the archive's list of files is larger than {limit}"
    ),
    "import.zip.not_a_zip": QT_TRANSLATE_NOOP("ErrorWords", "this is not a zip archive"),
    "import.zip.size": QT_TRANSLATE_NOOP(
        "ErrorWords", "the file's size does not match the archive"
    ),
    "import.zip.too_big": QT_TRANSLATE_NOOP(
        "ErrorWords", "the archive would unpack to more than {limit}"
    ),
    "import.zip.too_many": QT_TRANSLATE_NOOP(
        "ErrorWords", "the archive holds more than {count} files"
    ),
    "import.zip.unpack": QT_TRANSLATE_NOOP("ErrorWords", "the file could not be unpacked"),
    "import.zip.unsafe_name": QT_TRANSLATE_NOOP(
        "ErrorWords", "the archive has an unsafe file name {name}"
    ),
    # -- the journal --------------------------------------------------------------------------
    "journal.attachment_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no attachment with id {id}."
    ),
    "journal.attachment_too_large": QT_TRANSLATE_NOOP(
        "ErrorWords", "{name} is {size}; an attachment can be at most {limit}."
    ),
    "journal.attachments_too_large": QT_TRANSLATE_NOOP(
        "ErrorWords", "Adding {name} would take this entry's attachments over {limit} in total."
    ),
    "journal.entry_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no journal entry with id {id}."
    ),
    "journal.template_needs_name": QT_TRANSLATE_NOOP("ErrorWords", "A template needs a name."),
    "journal.template_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no template with id {id}."
    ),
    "journal.template_read_only": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "“{name}” is a built-in template and cannot be changed or deleted; make a copy of it to "
        "adapt.",
    ),
    # -- the system keyring -------------------------------------------------------------------
    "keyring.none": QT_TRANSLATE_NOOP(
        "ErrorWords", "No system keyring is available on this computer."
    ),
    "keyring.not_running": QT_TRANSLATE_NOOP(
        "ErrorWords", "No system keyring (such as GNOME Keyring or KWallet) is running."
    ),
    "keyring.refused": QT_TRANSLATE_NOOP(
        "ErrorWords", "The system keyring did not accept the key ({kind}). Is it unlocked?"
    ),
    "keyring.unreachable": QT_TRANSLATE_NOOP(
        "ErrorWords", "The system keyring could not be reached ({kind})."
    ),
    "keyring.untrusted": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The keyring in use ({kind}) is not your system's protected keyring, so CareCompanion "
        "will not store a key in it.",
    ),
    # -- moods, check-ins and self-checks -----------------------------------------------------
    "mood.activity_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no self-care activity with id {id}."
    ),
    "mood.assessment_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no saved self-check with id {id}."
    ),
    "mood.checkin.before_1900": QT_TRANSLATE_NOOP(
        "ErrorWords", "A check-in cannot be dated before 1900."
    ),
    "mood.checkin.in_the_future": QT_TRANSLATE_NOOP(
        "ErrorWords", "A check-in cannot be in the future."
    ),
    "mood.checkin.mood_needed": QT_TRANSLATE_NOOP(
        "ErrorWords", "Mood is needed (a whole number from {low} to {high})."
    ),
    "mood.checkin.no_such_entry": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no journal entry with id {id}."
    ),
    "mood.checkin.no_time_zone": QT_TRANSLATE_NOOP(
        "ErrorWords", "The time of a check-in must include its time zone."
    ),
    "mood.checkin.not_hours": QT_TRANSLATE_NOOP(
        "ErrorWords", "{label} must be a number of hours from 0 to 24."
    ),
    "mood.checkin.not_in_range": QT_TRANSLATE_NOOP(
        "ErrorWords", "{label} must be a whole number from {low} to {high}."
    ),
    "mood.checkin.note_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The note is longer than {count} characters; a journal entry is the place for a longer "
        "text.",
    ),
    "mood.checkin.too_many_names": QT_TRANSLATE_NOOP(
        "ErrorWords", "A check-in can list at most {count} {what}."
    ),
    "mood.checkin_not_found": QT_TRANSLATE_NOOP("ErrorWords", "There is no check-in with id {id}."),
    "mood.contact.kind": QT_TRANSLATE_NOOP(
        "ErrorWords", "A support contact is either a person or a crisis line."
    ),
    "mood.contact.needs_name": QT_TRANSLATE_NOOP("ErrorWords", "A support contact needs a name."),
    "mood.contact.too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "A contact's name and details must each be at most {count} characters long."
    ),
    "mood.daylio.a_folder": QT_TRANSLATE_NOOP(
        "ErrorWords", "{file} is a folder, not a Daylio CSV export."
    ),
    "mood.daylio.empty": QT_TRANSLATE_NOOP("ErrorWords", "{file} is empty."),
    "mood.daylio.field_count": QT_TRANSLATE_NOOP(
        "ErrorWords", "{count} fields where the header has {expected}."
    ),
    "mood.daylio.line_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "the line is more than {count} characters long; no Daylio entry is that long.",
    ),
    "mood.daylio.map_level": QT_TRANSLATE_NOOP(
        "ErrorWords", "The mood {name} must be mapped to a level from {low} to {high}."
    ),
    "mood.daylio.missing_columns": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "there is no {columns} column, so this is not a Daylio CSV export (or one from a very "
        "old version; export it again from Daylio).",
    ),
    "mood.daylio.mood_name_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "the mood name is more than {count} characters long; Daylio's mood names are short.",
    ),
    "mood.daylio.no_file": QT_TRANSLATE_NOOP("ErrorWords", "There is no file at {file}."),
    "mood.daylio.no_mood": QT_TRANSLATE_NOOP("ErrorWords", "the mood is missing."),
    "mood.daylio.not_a_date": QT_TRANSLATE_NOOP(
        "ErrorWords", "{value} is not a date in the form YYYY-MM-DD."
    ),
    "mood.daylio.not_a_real_date": QT_TRANSLATE_NOOP("ErrorWords", "{value} is not a real date."),
    "mood.daylio.not_a_time": QT_TRANSLATE_NOOP("ErrorWords", "{value} is not a time of day."),
    "mood.daylio.not_text": QT_TRANSLATE_NOOP(
        "ErrorWords", "{file} is not a text file, so it is not a Daylio CSV export."
    ),
    "mood.daylio.not_utf8": QT_TRANSLATE_NOOP(
        "ErrorWords", "the file is not UTF-8 text, as Daylio writes it."
    ),
    "mood.daylio.too_large": QT_TRANSLATE_NOOP(
        "ErrorWords", "{file} is larger than 50 MB, so it is not a Daylio CSV export."
    ),
    "mood.daylio.too_many_moods": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "more than {count} different mood names are not Daylio's defaults; a Daylio export has "
        "far fewer, so it is not read.",
    ),
    "mood.daylio.too_many_rows": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "the file has more than {count} entries; a Daylio export holds far fewer (thirty years "
        "of daily check-ins are about 11,000), so it is not read.",
    ),
    "mood.daylio.unknown_mood": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "the mood {names} is not one of Daylio's defaults; say which level from {low} (awful) to "
        "{high} (great) it stands for.",
    ),
    "mood.daylio.unknown_moods": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "the mood names {names} are not Daylio's defaults; say which level from {low} (awful) to "
        "{high} (great) each stands for.",
    ),
    "mood.daylio.unreadable": QT_TRANSLATE_NOOP(
        "ErrorWords", "{file} could not be read: {reason}."
    ),
    "mood.label.care_hours": QT_TRANSLATE_NOOP("ErrorWords", "Hours of care"),
    "mood.label.energy": QT_TRANSLATE_NOOP("ErrorWords", "Energy"),
    "mood.label.mood": QT_TRANSLATE_NOOP("ErrorWords", "Mood"),
    "mood.label.sleep": QT_TRANSLATE_NOOP("ErrorWords", "Sleep"),
    "mood.label.stress": QT_TRANSLATE_NOOP("ErrorWords", "Stress"),
    "mood.name.activity_taken": QT_TRANSLATE_NOOP(
        "ErrorWords", "That activity is already on your list."
    ),
    "mood.name.empty": QT_TRANSLATE_NOOP("ErrorWords", "An empty {what} name cannot be used."),
    "mood.name.has_bar": QT_TRANSLATE_NOOP(
        "ErrorWords", "The character '|' cannot be used in an {what} name."
    ),
    "mood.name.too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "Each {what} name must be at most {count} characters long."
    ),
    "mood.self_check.answer_count": QT_TRANSLATE_NOOP(
        "ErrorWords", "The {title} has {questions} questions; {answers} answers were given."
    ),
    "mood.self_check.answer_value": QT_TRANSLATE_NOOP(
        "ErrorWords", "Question {number} of the {title} needs one of {allowed}."
    ),
    "mood.self_check.in_the_future": QT_TRANSLATE_NOOP(
        "ErrorWords", "A self-check cannot be dated in the future."
    ),
    "mood.self_check.no_time_zone": QT_TRANSLATE_NOOP(
        "ErrorWords", "The time of a self-check must include its time zone."
    ),
    "mood.self_check.unknown": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no self-check called {id}."
    ),
    "mood.support_contact_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no support contact with id {id}."
    ),
    "mood.word.activities": QT_TRANSLATE_NOOP("ErrorWords", "activities"),
    "mood.word.activity": QT_TRANSLATE_NOOP("ErrorWords", "activity"),
    "mood.word.emotion": QT_TRANSLATE_NOOP("ErrorWords", "emotion"),
    "mood.word.emotions": QT_TRANSLATE_NOOP("ErrorWords", "emotions"),
    # -- people, groups and crisis lines ------------------------------------------------------
    "people.contact.check_in_days": QT_TRANSLATE_NOOP(
        "ErrorWords", "Check in every 1 to {count} days, or not at all."
    ),
    "people.contact.help_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "Each way someone helps can be at most {count} characters long."
    ),
    "people.contact.needs_name": QT_TRANSLATE_NOOP("ErrorWords", "A contact needs a name."),
    "people.contact.not_a_phone": QT_TRANSLATE_NOOP(
        "ErrorWords", "{value} does not look like a phone number."
    ),
    "people.contact.not_an_email": QT_TRANSLATE_NOOP(
        "ErrorWords", "{value} does not look like an e-mail address."
    ),
    "people.contact.too_many_emails": QT_TRANSLATE_NOOP(
        "ErrorWords", "A contact can have at most {count} e-mail addresses."
    ),
    "people.contact.too_many_helps": QT_TRANSLATE_NOOP(
        "ErrorWords", "A contact can have at most {count} ways they help."
    ),
    "people.contact.too_many_phones": QT_TRANSLATE_NOOP(
        "ErrorWords", "A contact can have at most {count} phone numbers."
    ),
    "people.contact_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no contact with id {id}."
    ),
    "people.crisis.description_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "The description is too long."
    ),
    "people.crisis.detail_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "Each detail of a crisis line can be at most {count} characters long."
    ),
    "people.crisis.needs_name": QT_TRANSLATE_NOOP("ErrorWords", "A crisis line needs a name."),
    "people.crisis.needs_way": QT_TRANSLATE_NOOP(
        "ErrorWords", "A crisis line needs a phone number, a number to text or a web address."
    ),
    "people.crisis.number_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "That is too long for a phone number."
    ),
    "people.crisis_line_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no crisis line with id {id}."
    ),
    "people.group.kind": QT_TRANSLATE_NOOP(
        "ErrorWords", "A group meets in person, by video or by phone."
    ),
    "people.group.needs_name": QT_TRANSLATE_NOOP("ErrorWords", "A group needs a name."),
    "people.group.text_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "The location or notes are too long."
    ),
    "people.group_not_found": QT_TRANSLATE_NOOP("ErrorWords", "There is no group with id {id}."),
    "people.label.a_name": QT_TRANSLATE_NOOP("ErrorWords", "A name"),
    "people.label.a_role": QT_TRANSLATE_NOOP("ErrorWords", "A role"),
    "people.label.an_address": QT_TRANSLATE_NOOP("ErrorWords", "An address"),
    "people.label.best_times": QT_TRANSLATE_NOOP("ErrorWords", "Best times to call"),
    "people.label.notes": QT_TRANSLATE_NOOP("ErrorWords", "Notes"),
    "people.log.in_the_future": QT_TRANSLATE_NOOP("ErrorWords", "That time is in the future."),
    "people.log.no_time_zone": QT_TRANSLATE_NOOP("ErrorWords", "The time needs a time zone."),
    "people.log.note_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "A note can be at most {count} characters long."
    ),
    "people.log_entry_not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no contact log entry with id {id}."
    ),
    "people.no_meeting_on": QT_TRANSLATE_NOOP("ErrorWords", "The group does not meet on {day}."),
    "people.not_one_of": QT_TRANSLATE_NOOP("ErrorWords", "{value} is not one of {allowed}."),
    "people.photo.not_a_picture": QT_TRANSLATE_NOOP(
        "ErrorWords", "That file is not a JPEG, PNG, GIF or WebP picture."
    ),
    "people.photo.too_large": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The photo is {size} KiB; a contact photo can be at most {limit} KiB. Choose a smaller "
        "picture.",
    ),
    "people.schedule.duration": QT_TRANSLATE_NOOP(
        "ErrorWords", "A meeting lasts from 1 minute to 24 hours."
    ),
    "people.schedule.first_not_on_weekday": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The first meeting must fall on the chosen weekday of its month (use Schedule.monthly).",
    ),
    "people.schedule.frequency": QT_TRANSLATE_NOOP(
        "ErrorWords", "A group meets once, weekly or monthly."
    ),
    "people.schedule.interval": QT_TRANSLATE_NOOP(
        "ErrorWords", "That is not a possible repeat interval."
    ),
    "people.schedule.move_where": QT_TRANSLATE_NOOP(
        "ErrorWords", "Say where the meeting moves to."
    ),
    "people.schedule.none": QT_TRANSLATE_NOOP("ErrorWords", "This group has no meeting schedule."),
    "people.schedule.not_a_zone": QT_TRANSLATE_NOOP(
        "ErrorWords", "{value} is not a time zone name like Europe/London or America/New_York."
    ),
    "people.schedule.note_too_long": QT_TRANSLATE_NOOP("ErrorWords", "The note is too long."),
    "people.schedule.until_before_first": QT_TRANSLATE_NOOP(
        "ErrorWords", "The last day is before the first meeting."
    ),
    "people.schedule.week_of_month": QT_TRANSLATE_NOOP(
        "ErrorWords", "Choose the first to fifth, or the last, weekday of the month."
    ),
    "people.too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "{what} can be at most {count} characters long."
    ),
    "people.unknown_country": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no built-in list of crisis lines for {code}; choose one of {known}."
    ),
    "people.vcard.bad_line": QT_TRANSLATE_NOOP("ErrorWords", "this is not a valid vCard line."),
    "people.vcard.card_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "this card has more than {count} lines; is the file damaged?"
    ),
    "people.vcard.check_in_left_out": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "line {line}: the check-in interval {value} is not a number of days; left out.",
    ),
    "people.vcard.email_left_out": QT_TRANSLATE_NOOP(
        "ErrorWords", "line {line}: {value} is not an e-mail address; left out."
    ),
    "people.vcard.end_without_begin": QT_TRANSLATE_NOOP(
        "ErrorWords", "END:VCARD without a BEGIN:VCARD before it."
    ),
    "people.vcard.kept_too_long": QT_TRANSLATE_NOOP(
        "ErrorWords", "line {line}: {name} is too long to keep; left out."
    ),
    "people.vcard.kept_too_many": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "line {line}: this card has more than {count} other details; the rest were left out.",
    ),
    "people.vcard.no_end": QT_TRANSLATE_NOOP("ErrorWords", "this card has no END:VCARD."),
    "people.vcard.no_name": QT_TRANSLATE_NOOP(
        "ErrorWords", "this card has no name, phone number or e-mail address."
    ),
    "people.vcard.none": QT_TRANSLATE_NOOP(
        "ErrorWords", "no contacts found; is this a vCard (.vcf) file?"
    ),
    "people.vcard.not_ended": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "a new card starts before the card at line {line} has ended (END:VCARD is missing).",
    ),
    "people.vcard.not_utf8": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "this line is not UTF-8 text; export the contacts again as UTF-8 (Unicode) vCards.",
    ),
    "people.vcard.outside": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "{what} is outside any BEGIN:VCARD ... END:VCARD card; is this a vCard (.vcf) file?",
    ),
    "people.vcard.phone_left_out": QT_TRANSLATE_NOOP(
        "ErrorWords", "line {line}: {value} is not a phone number; left out."
    ),
    "people.vcard.photo_damaged": QT_TRANSLATE_NOOP(
        "ErrorWords", "the photo on this line is damaged (its base64 data cannot be read)."
    ),
    "people.vcard.photo_link": QT_TRANSLATE_NOOP(
        "ErrorWords", "line {line}: the photo is a web link; it was not downloaded."
    ),
    "people.vcard.photo_not_data": QT_TRANSLATE_NOOP(
        "ErrorWords", "the photo on this line is not a base64 data: URI."
    ),
    "people.vcard.photo_not_picture": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "line {line}: the photo is not a JPEG, PNG, GIF or WebP picture; it was left out.",
    ),
    "people.vcard.photo_over_limit": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "line {line}: the photo is {size} KiB, larger than {limit} KiB; it was left out.",
    ),
    "people.vcard.photo_unknown_form": QT_TRANSLATE_NOOP(
        "ErrorWords", "line {line}: the photo is in a form this app cannot read; it was left out."
    ),
    "people.vcard.refused": QT_TRANSLATE_NOOP(
        "ErrorWords", "the card for {name} cannot be imported: {reason}"
    ),
    "people.vcard.too_big": QT_TRANSLATE_NOOP(
        "ErrorWords", "the file is {size} MiB; at most {limit} MiB can be imported."
    ),
    "people.vcard.too_many": QT_TRANSLATE_NOOP(
        "ErrorWords", "the file holds more than {count} contacts; split it into smaller files."
    ),
    "people.vcard.too_many_lines": QT_TRANSLATE_NOOP(
        "ErrorWords", "the file has more than {count} lines; split it into smaller files."
    ),
    "people.vcard.unreadable": QT_TRANSLATE_NOOP(
        "ErrorWords", "the file cannot be read ({reason})."
    ),
    "people.vcard.utf16": QT_TRANSLATE_NOOP(
        "ErrorWords", "the file is damaged: its UTF-16 text cannot be read."
    ),
    # -- the database -------------------------------------------------------------------------
    "storage.busy": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Another program is using your journal right now (CareCompanion in another window, or a "
        "long import). Wait for it to finish, or close it, then try again. Nothing you saved "
        "before was lost.",
    ),
    "storage.cannot_encrypt": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The database library on this computer cannot encrypt, so CareCompanion will not store "
        "your journal with it.",
    ),
    "storage.disk_error": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The disk could not read or write your journal: it may be failing, or was unplugged. "
        "Check the drive, then try again. If this keeps happening, copy your backups somewhere "
        "safe.",
    ),
    "storage.disk_full": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "There is not enough free space on the disk for CareCompanion to work with your "
        "journal. Free some space (empty the trash, or move large files elsewhere), then try "
        "again. Nothing you saved before was lost.",
    ),
    "storage.failed_check": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The journal database failed its integrity check ({pages} damaged pages): it has been "
        "damaged or tampered with.",
    ),
    "storage.no_permission": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "CareCompanion is not allowed to write in the folder that holds your journal. Check that "
        "the folder and its files belong to you, then try again. Nothing you saved before was "
        "lost.",
    ),
    "storage.no_sqlcipher": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "CareCompanion needs SQLCipher (the sqlcipher3 package) to encrypt your journal, and it "
        "is not available on this computer, so nothing was stored.",
    ),
    "storage.read_only": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The folder that holds your journal is read-only, so nothing can be saved there. If it "
        "is on a USB drive or memory card, check that it is not locked, then try again. Nothing "
        "you saved before was lost.",
    ),
    "storage.unreadable": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The journal database is damaged or has been tampered with and cannot be read.",
    ),
    # -- the vault (the journal file) ---------------------------------------------------------
    "vault.already_exists": QT_TRANSLATE_NOOP(
        "ErrorWords", "A CareCompanion vault already exists in {where}; it was left untouched."
    ),
    "vault.binding.older_database": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This journal's database is older than its key file (vault.header): an older copy of "
        "the database was put in its place, so what was written since is not in it. Nothing "
        "was changed. Put the newer database back, or restore a backup.",
    ),
    "vault.binding.older_header": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This journal's key file (vault.header) is older than its database: an older copy of "
        "it was put in its place, and it may still open with a passphrase you replaced. "
        "Nothing was changed. Put the newer key file back, or restore a backup.",
    ),
    "vault.changed_while_opening": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The journal's keys were changed by CareCompanion while this command was opening it. "
        "Nothing was changed here; try again.",
    ),
    "vault.database.missing": QT_TRANSLATE_NOOP(
        "ErrorWords", "The journal database is missing or empty. Restore it from a backup."
    ),
    "vault.earlier.not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "There is no earlier journal called {name} in {where}."
    ),
    "vault.header.changed": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This journal's passphrase or keys were changed elsewhere since it was unlocked here, "
        "so nothing was changed now. Unlock it again to go on.",
    ),
    "vault.header.field_missing": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: a required field is missing."
    ),
    "vault.header.generation_invalid": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: its generation is not valid."
    ),
    "vault.header.kdf_invalid": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: key settings are not valid."
    ),
    "vault.header.kdf_missing": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: key settings are missing."
    ),
    "vault.header.kdf_too_costly": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The vault header asks for far more work to unlock than CareCompanion ever sets, so it "
        "was refused (it may have been tampered with).",
    ),
    "vault.header.kdf_too_weak": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The vault header asks for weaker passphrase protection than CareCompanion ever uses, so "
        "it was refused (it may have been tampered with).",
    ),
    "vault.header.kdf_unknown": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header names a key-derivation method we do not use."
    ),
    "vault.header.nonce_invalid": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: the {slot} nonce is not valid."
    ),
    "vault.header.not_a_header": QT_TRANSLATE_NOOP(
        "ErrorWords", "This is not a CareCompanion vault header."
    ),
    "vault.header.part_invalid": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: {what} is not valid."
    ),
    "vault.header.part_missing": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: {what} is missing."
    ),
    "vault.header.salt_invalid": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: the passphrase salt is not valid."
    ),
    "vault.header.slots_invalid": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: its key slots are not valid."
    ),
    "vault.header.tampered": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The vault header has been changed by something other than CareCompanion (damage or "
        "tampering). Restore it from a backup.",
    ),
    "vault.header.too_large": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is far larger than it should be: refused."
    ),
    "vault.header.unreadable": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged and cannot be read."
    ),
    "vault.header.version_invalid": QT_TRANSLATE_NOOP(
        "ErrorWords", "The vault header is damaged: its version is not valid."
    ),
    "vault.in_use.app": QT_TRANSLATE_NOOP(
        "ErrorWords", "CareCompanion is open on this journal; close it or use it there."
    ),
    "vault.in_use.command": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Another CareCompanion command is using this journal; try again when it has finished.",
    ),
    "vault.lock.unavailable": QT_TRANSLATE_NOOP(
        "ErrorWords", "CareCompanion cannot use the journal's folder {where}: {reason}."
    ),
    "vault.newer_version": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "This vault was written by a newer version of CareCompanion. Please update the app; the "
        "vault was left untouched.",
    ),
    "vault.not_found": QT_TRANSLATE_NOOP(
        "ErrorWords", "No CareCompanion vault in {where}. Create one with 'carecompanion init'."
    ),
    "vault.recovery_key.length": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "A recovery key has {expected} letters and digits in groups of four; this one has {given}.",
    ),
    "vault.recovery_key.none": QT_TRANSLATE_NOOP("ErrorWords", "This vault has no recovery key."),
    "vault.recovery_key.typo": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "That recovery key has a typo: please check each group of four against the printout.",
    ),
    "vault.restore.finished": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "A restore that was interrupted has been finished. The journal it replaced is "
        "kept in {where}.",
    ),
    "vault.restore.finished_new": QT_TRANSLATE_NOOP(
        "ErrorWords", "A restore that was interrupted has been finished."
    ),
    "vault.restore.half_done": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "A restore into {where} is half-done, so no new vault was made. CareCompanion "
        "finishes it (or undoes it) the next time it starts; nothing has been deleted.",
    ),
    "vault.restore.log_unreadable": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "A restore was interrupted and its record cannot be read, so nothing was moved. "
        "If your journal is missing, put it back from the earlier journals kept in "
        "{where}.",
    ),
    "vault.restore.no_space": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "There is not enough free space in {where} to restore this journal (it needs "
        "about {size} MB). Nothing was changed.",
    ),
    "vault.restore.not_written": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "The journal could not be restored into {where} ({reason}). Nothing was changed.",
    ),
    "vault.restore.undone": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "A restore that was interrupted could not be finished, so it was undone: your "
        "journal is as it was before.",
    ),
    "vault.restore.unfinished": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "A restore into {where} was interrupted and could not be finished yet "
        "({reason}). Nothing has been deleted; CareCompanion tries again each time it "
        "starts.",
    ),
    "vault.strength.advice_0": QT_TRANSLATE_NOOP(
        "ErrorWords", "Too easy to guess. Try four or five ordinary words with spaces between them."
    ),
    "vault.strength.advice_1": QT_TRANSLATE_NOOP(
        "ErrorWords", "Still easy to guess. Use at least {count} characters, ideally a few words."
    ),
    "vault.strength.advice_3": QT_TRANSLATE_NOOP(
        "ErrorWords", "Hard to guess. Keep it somewhere safe until you know it by heart."
    ),
    "vault.strength.advice_4": QT_TRANSLATE_NOOP(
        "ErrorWords", "Very hard to guess. Keep it somewhere safe until you know it by heart."
    ),
    "vault.rotation.fresh_backup_failed": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your journal now has its new key, but the backup under it could not be written. Your "
        "older backups were kept: they still open with the old passphrase and the old recovery "
        "key until the next backup replaces them.",
    ),
    "vault.rotation.no_fresh_backup": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "Your journal now has its new key, but no backup could be written under it (the disk "
        "is short of space). Your older backups were kept: they still open with the old "
        "passphrase and the old recovery key until tomorrow's backup replaces them.",
    ),
    "vault.strength.about_care": QT_TRANSLATE_NOOP(
        "ErrorWords", "Words about caring or this app are among the first tried."
    ),
    "vault.strength.almost": QT_TRANSLATE_NOOP(
        "ErrorWords", "Nearly there: add another word or two."
    ),
    "vault.strength.capitals": QT_TRANSLATE_NOOP(
        "ErrorWords", "Capital letters add little; a word adds more."
    ),
    "vault.strength.common": QT_TRANSLATE_NOOP(
        "ErrorWords", "This is one of the most common passwords."
    ),
    "vault.strength.dates": QT_TRANSLATE_NOOP(
        "ErrorWords", "Years and dates are easy to guess, most of all your own."
    ),
    "vault.strength.keyboard": QT_TRANSLATE_NOOP(
        "ErrorWords", "Keys next to each other on the keyboard are easy to guess."
    ),
    "vault.strength.like_common": QT_TRANSLATE_NOOP(
        "ErrorWords", "This is close to a very common password."
    ),
    "vault.strength.lookalikes": QT_TRANSLATE_NOOP(
        "ErrorWords", "Swapping letters for look-alikes (@ for a, 0 for o) adds little."
    ),
    "vault.strength.names": QT_TRANSLATE_NOOP(
        "ErrorWords", "Names are among the first things tried."
    ),
    "vault.strength.one_word": QT_TRANSLATE_NOOP(
        "ErrorWords", "A single word is easy to guess, even a long one."
    ),
    "vault.strength.repeats": QT_TRANSLATE_NOOP(
        "ErrorWords", "Repeated letters or words add very little."
    ),
    "vault.strength.reversed": QT_TRANSLATE_NOOP(
        "ErrorWords", "A word spelled backwards adds little."
    ),
    "vault.strength.runs": QT_TRANSLATE_NOOP(
        "ErrorWords", "Runs such as abc or 1234 are easy to guess."
    ),
    "vault.strength.too_short": QT_TRANSLATE_NOOP("ErrorWords", "Use at least {count} characters."),
    "vault.weak_passphrase": QT_TRANSLATE_NOOP(
        "ErrorWords", "That passphrase is too easy to guess. {advice}"
    ),
    "vault.wrong_passphrase": QT_TRANSLATE_NOOP(
        "ErrorWords",
        "That passphrase does not open this vault. Check Caps Lock and try again, or use your "
        "recovery key.",
    ),
    "vault.wrong_recovery_key": QT_TRANSLATE_NOOP(
        "ErrorWords", "That recovery key does not open this vault."
    ),
}


def _template(code: str) -> str | None:
    """The English template for ``code``: from the table, or the core's own when it has no
    words of its own (only fields and punctuation)."""
    english = WORDS.get(code)
    if english is not None:
        return english
    known = sentences().get(code)
    if known is not None and not re.search(r"[^\W\d_]", _FIELD.sub("", known.english)):
        return known.english
    return None


def say(notice: Notice) -> str:
    """``notice`` in the person's language, its values filled in. A code the table does not
    know (a test keeps that from shipping) is shown as the core wrote it."""
    english = _template(notice.code)
    if english is None:
        log.warning("no words for %s", notice.code)
        return str(notice)
    translated = QCoreApplication.translate(CONTEXT, english)
    try:
        return fill(translated, notice.params, say)
    except (KeyError, ValueError, IndexError):  # a translation that lost or broke a field
        log.warning("the translation of %s does not fit its values", notice.code)
        return fill(english, notice.params, say)


def message(exc: BaseException) -> str:
    """What to tell the person about ``exc``: the core's sentence in their language; the
    system's words for a file the computer could not read or write; otherwise a calm line
    (the surprise is logged by type and place, never by its text)."""
    if isinstance(exc, CareCompanionError):
        return say(exc.notice)
    if isinstance(exc, OSError):
        # The operating system's words ("No space left on device"), never a path: they stay
        # English, as the system wrote them.
        return QCoreApplication.translate(
            "ErrorWords", "The computer could not read or write a file ({reason})."
        ).format(reason=exc.strerror or type(exc).__name__)
    logs.unexpected(exc, "an action")
    return QCoreApplication.translate(
        "ErrorWords", "Something went wrong ({kind}). Your journal is safe; please try again."
    ).format(kind=type(exc).__name__)
