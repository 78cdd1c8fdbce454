"""Copy a validated ``ContactDraft`` onto a contact row (and its child rows)."""

from __future__ import annotations

from carecompanion.people.models import ContactRow, EmailRow, HelpRow, PhoneRow
from carecompanion.people.records import ContactDraft


def fill_contact(row: ContactRow, draft: ContactDraft) -> None:
    row.name = draft.name
    row.relation = draft.relation
    row.role = draft.role
    row.address = draft.address
    row.notes = draft.notes
    row.best_times = draft.best_times
    row.is_emergency = draft.is_emergency
    row.check_in_days = draft.check_in_days
    row.phones = [
        PhoneRow(position=i, number=p.number, kind=p.kind) for i, p in enumerate(draft.phones)
    ]
    row.emails = [
        EmailRow(position=i, address=e.address, kind=e.kind) for i, e in enumerate(draft.emails)
    ]
    row.helps = [HelpRow(position=i, text=text) for i, text in enumerate(draft.helps)]
