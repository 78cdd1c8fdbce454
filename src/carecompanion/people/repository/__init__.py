"""Every query on the people tables: the services decide, the repositories read and write.

Each repository works inside one unit of work (the SQLAlchemy session a service opened with
``Database.session()``), so the calls a service makes in one ``with`` block commit or roll
back together. They take values the services have already checked (validated drafts, a
fresh or kept UID, the meetings' changes that still fit a schedule) and hand back the
frozen values of ``records`` and ``meetings``, ids and flags. No rule lives here: what a
valid contact, group or line is, who is a duplicate, which UID an import keeps and how
lists are sorted are the services'.

- ``contacts``: contacts, their phones, e-mails, helps and log;
- ``groups``: support groups, their schedules and changed meetings;
- ``crisis``: the person's crisis lines and ``people_settings``.
"""

from carecompanion.people.repository.contacts import ContactRepository, SavedIdentity
from carecompanion.people.repository.crisis import CrisisRepository
from carecompanion.people.repository.groups import GroupRepository

__all__ = [
    "ContactRepository",
    "CrisisRepository",
    "GroupRepository",
    "SavedIdentity",
]
