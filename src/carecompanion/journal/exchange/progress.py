"""Progress and cancel for exports and imports: :mod:`carecompanion.progress`, named here too.

Every kind of long work reports progress the same way, so it lives in the base layer; import
it from there (this module only names it for code written before the move).
"""

from __future__ import annotations

from carecompanion.progress import Cancelled as Cancelled
from carecompanion.progress import ProgressCallback as ProgressCallback
from carecompanion.progress import each as each
from carecompanion.progress import report as report
