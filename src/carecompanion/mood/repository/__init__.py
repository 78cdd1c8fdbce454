"""Every query on the mood tables: the services decide, the repositories read and write.

Each repository works inside one unit of work (the SQLAlchemy session a service opened with
``Database.session()``), so the calls a service makes in one ``with`` block commit or roll
back together. They take values the services have already checked and worked out (names
cleaned, the local day fixed, the fingerprint taken) and hand back the frozen values of
``carecompanion.mood.records``, ids and counts. No rule lives here: what a valid check-in or
name is, which name is taken, how the list is reordered and when the nudge shows are the
services'.

- ``checkins``: check-ins, their activity and emotion links, ``mood_settings``;
- ``activities``: the person's self-care list;
- ``assessments``: saved self-check results;
- ``support``: the support contacts the nudge points to.
"""

from carecompanion.mood.repository.activities import ActivityRepository
from carecompanion.mood.repository.assessments import AssessmentRepository, AssessmentValues
from carecompanion.mood.repository.checkins import CheckInRepository, CheckInValues
from carecompanion.mood.repository.support import SupportRepository

__all__ = [
    "ActivityRepository",
    "AssessmentRepository",
    "AssessmentValues",
    "CheckInRepository",
    "CheckInValues",
    "SupportRepository",
]
