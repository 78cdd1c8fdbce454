"""contacts add, list, due, log, import-vcard and export-vcard."""

from __future__ import annotations

import argparse
import sys
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carecompanion.cli.io import (
    CliError,
    clock,
    new_file,
    parse_moment,
    print_object,
    print_rows,
    write_new_file,
)
from carecompanion.cli.vault_commands import vault_session
from carecompanion.localtime import local_day
from carecompanion.people.due import due_contacts
from carecompanion.people.records import (
    PROFESSIONAL_ROLES,
    Contact,
    ContactDraft,
    DueContact,
    Email,
    LogEntry,
    Phone,
    Relation,
)
from carecompanion.people.text import by_name, fold_key
from carecompanion.people.vcard_extra import birthday, organization

if TYPE_CHECKING:
    from carecompanion.people.reads import ContactReads

#: The zone due days are worked out in: the computer's own, as the session's PeopleService
#: works them out (``VaultSession.people``).
_ZONE = None

_RELATION_WORDS: dict[str, Relation] = {
    "peer": "peer",
    "peer caregiver": "peer",
    "peer carer": "peer",
    "facilitator": "facilitator",
    "support group facilitator": "facilitator",
    "friend": "friend",
    "family": "family",
    "professional": "professional",
    "crisis line": "crisis_line",
    "crisis": "crisis_line",
    "other": "other",
}


def parse_role(value: str | None) -> tuple[Relation, str]:
    """``--role``: a relation word, a professional's role, or ``professional:ANY ROLE``."""
    if value is None:
        return "friend", ""
    head, colon, rest = value.partition(":")
    if colon and fold_key(head) == "professional" and rest.strip():
        return "professional", rest.strip()
    key = fold_key(value).replace("-", " ").replace("_", " ")
    if key in _RELATION_WORDS:
        return _RELATION_WORDS[key], ""
    if key in {fold_key(role) for role in PROFESSIONAL_ROLES}:
        return "professional", value.strip()
    raise CliError(
        f"--role {value!r} is not one of peer, facilitator, friend, family, "
        f"professional, crisis-line, other, nor a professional's role such as "
        f"{', '.join(PROFESSIONAL_ROLES[:4])} (or write 'professional:ROLE')."
    )


def parse_id(value: str, what: str = "ID") -> int:
    if not value.strip().isdigit():
        raise CliError(f"{what} must be a number, as 'contacts list' prints it, not {value!r}.")
    return int(value)


def parse_days(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise CliError(f"--every needs a number of days like 14, not {value!r}.")
    return int(value)


def contact_reads_of(args: argparse.Namespace) -> AbstractContextManager[ContactReads]:
    """The contact read queries for one command: through the unlocked session's quick path
    when it can (cli/quick_read.py: no SQLAlchemy), else after the full unlock."""
    from carecompanion.cli.quick_read import session_reads
    from carecompanion.people.reads import ContactReads

    return session_reads(
        args, lambda rows: ContactReads(rows, _ZONE), lambda session: session.people.reading()
    )


def _local(moment: datetime | None) -> str | None:
    return moment.astimezone().isoformat(timespec="seconds") if moment else None


def birthday_text(contact: Contact) -> str | None:
    """The birthday an imported card gave, in ISO 8601: ``1980-04-15``, or ``--04-15``
    when the card gave no year (ISO 8601's and vCard 4.0's form for a day without a year)."""
    day = birthday(contact.vcard_extra)
    if day is None:
        return None
    year, month, day_of_month = day
    return f"{'--' if year is None else f'{year:04d}-'}{month:02d}-{day_of_month:02d}"


def contact_row(contact: Contact, as_json: bool) -> dict[str, Any]:
    """One contact as 'contacts list' prints it: id first, then name and details.

    Columns and keys only ever join at the end, so scripts reading the older ones by
    position or by name go on working.
    """
    phones: Any = [{"number": p.number, "kind": p.kind} for p in contact.phones]
    emails: Any = [{"address": e.address, "kind": e.kind} for e in contact.emails]
    if not as_json:  # " | " as the mood export does: numbers may hold commas, never "|"
        phones = " | ".join(p.number for p in contact.phones)
        emails = " | ".join(e.address for e in contact.emails)
    return {
        "id": contact.id,
        "name": contact.name,
        "relation": contact.relation,
        "role": contact.role,
        "phones": phones,
        "emails": emails,
        "check_in_days": contact.check_in_days,
        "next_check_in": contact.next_check_in.isoformat() if contact.next_check_in else None,
        "emergency": contact.is_emergency,
        # Kept from an imported vCard (ORG, BDAY); empty for a contact typed in the app.
        "organisation": organization(contact.vcard_extra),
        "birthday": birthday_text(contact),
    }


def due_row(due: DueContact, as_json: bool) -> dict[str, Any]:
    contact = due.contact
    phones: Any = [p.number for p in contact.phones]
    return {
        "id": contact.id,
        "name": contact.name,
        "due_on": due.due_on.isoformat(),
        "days_overdue": due.days_overdue,
        "last_contact": _local(contact.last_contact_at),
        "phones": phones if as_json else " | ".join(phones),
    }


def log_row(entry: LogEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "contact_id": entry.contact_id,
        "kind": entry.kind,
        "at": _local(entry.at),
        "note": entry.note,
    }


def cmd_add(args: argparse.Namespace) -> int:
    relation, role = parse_role(args.role)
    draft = ContactDraft(
        name=args.name,
        relation=relation,
        role=role,
        phones=tuple(Phone(number) for number in args.phone),
        emails=tuple(Email(address) for address in args.email),
        check_in_days=parse_days(args.every),
        is_emergency=args.emergency,
    )
    with vault_session(args) as session:
        contact = session.people.add(draft)
    if args.json:
        print_object(contact_row(contact, as_json=True))
    else:
        print_rows([contact_row(contact, as_json=False)], as_json=False)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with contact_reads_of(args) as reads:
        contacts = by_name(reads.contacts())  # as ``PeopleService.list``
    print_rows((contact_row(c, args.json) for c in contacts), as_json=args.json)
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    with contact_reads_of(args) as reads:
        # As ``PeopleService.due``: due by today, in the zone the contacts were read in.
        today = local_day(clock().now(), _ZONE)
        due = due_contacts(reads.contacts(), today)
    print_rows((due_row(d, args.json) for d in due), as_json=args.json)
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    contact_id = parse_id(args.contact_id)
    at = parse_moment(args.at)
    with vault_session(args) as session:
        entry = session.people.log_contact(contact_id, args.kind, args.note, at)
    if args.json:
        print_object(log_row(entry))
    else:
        print_rows([log_row(entry)], as_json=False)
    return 0


def cmd_import_vcard(args: argparse.Namespace) -> int:
    from carecompanion.people.vcard_read import read_vcard_file

    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"There is no file at {path}.")
    cards = read_vcard_file(path)
    with vault_session(args) as session:
        preview = session.people.preview_import(cards)
        for warning in preview.warnings:
            print(f"carecompanion: warning: {path}, {warning}", file=sys.stderr)
        if args.dry_run:
            print(
                f"{path}: {preview.total} contacts; {len(preview.new)} would be added, "
                f"{len(preview.duplicates)} are already here. Nothing was written."
            )
            return 0
        result = session.people.import_cards(cards)
    print(
        f"Imported {len(result.added)} contacts from {path}; {result.duplicates} were already here."
    )
    return 0


def cmd_export_vcard(args: argparse.Namespace) -> int:
    out = new_file(args.out)
    with vault_session(args) as session:
        count = session.people.count()
        text = session.people.export_vcard(args.vcard_version)
    write_new_file(out, text.encode("utf-8"))
    contacts = "1 contact" if count == 1 else f"{count} contacts"
    print(
        f"Wrote {contacts} to {out} (vCard {args.vcard_version}). It is not encrypted: keep "
        "it somewhere safe."
    )
    return 0
