"""The two shapes every file flow in the app takes, written once.

- **Import**: read and compare in the background, ask on the GUI thread, write in the
  background, then ``finished(summary)`` once; ``finished(None)`` when nothing was done
  (cancelled, declined, refused and already said). The summary is the caller's to show, so a
  page says what happened the same way whether anything was new or not.
- **Write a file**: make and write it on a worker behind a progress dialog with Cancel; a disk
  that refuses (full, read-only, gone) is said in one dialog; ``finished(path)`` or
  ``finished(None)``.

Both run on the session's workers (ui/common/workers.py), never on the GUI thread; locking the
vault stops them at a safe point and waits. A surprise (anything that is neither a refusal of
the file nor a refusal of the disk) is raised to the app's one place for those.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from carecompanion.progress import Cancelled
from carecompanion.session import VaultSession
from carecompanion.ui.common import error_words
from carecompanion.ui.common.progress import ProgressFn, run_with_progress
from carecompanion.ui.common.workers import workers_for

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

Items = TypeVar("Items")
Preview = TypeVar("Preview")
Result = TypeVar("Result")


@dataclass(frozen=True)
class ImportWords:
    """What one import says at each step, already translated in the flow's own context."""

    reading_title: str
    reading_label: str
    question_title: str
    importing_title: str
    importing_label: str


class ImportFlow(ABC, Generic[Items, Preview, Result]):
    """Read → ask → write for one file. Subclasses say how to read, what to ask, how to write.

    ``interactive`` False (tests, scripted use) asks and shows nothing: a refused file is
    raised on the GUI thread, and the import goes ahead without a question."""

    # The exception a refused file raises (said in one warning, nothing imported).
    refused: type[Exception] = Exception

    def __init__(
        self,
        session: VaultSession,
        parent: QWidget,
        finished: Callable[[str | None], None],
        interactive: bool,
        words: ImportWords,
    ) -> None:
        self.session = session
        self.parent = parent
        self.finished = finished
        self.interactive = interactive
        self.words = words

    @abstractmethod
    def read_work(self, progress: ProgressFn) -> tuple[Items, Preview]:
        """On a worker: read the file and compare it with what is already here."""

    @abstractmethod
    def nothing_new(self, preview: Preview) -> str | None:
        """The summary when the file holds nothing new (then nothing is asked or written)."""

    @abstractmethod
    def question(self, items: Items, preview: Preview) -> str:
        """What to ask before writing."""

    @abstractmethod
    def write_work(self, items: Items) -> Result:
        """On a worker: write everything in one transaction."""

    @abstractmethod
    def summary(self, result: Result) -> str:
        """What was done, for the caller to show."""

    def read_refused_specially(self, exc: Exception) -> bool:
        """A refusal the subclass answers itself (e.g. by asking and reading again)."""
        return False

    def read(self) -> None:
        run_with_progress(
            self.parent,
            workers_for(self.session),
            self.words.reading_title,
            self.words.reading_label,
            self.read_work,
            lambda result: self.confirm(*result),
            self._read_failed,
        )

    def _read_failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            self.finished(None)
        elif not self.interactive:
            raise exc
        elif self.read_refused_specially(exc):
            return
        elif isinstance(exc, self.refused):
            QMessageBox.warning(
                self.parent,
                translate("FileFlows", "Cannot import"),
                error_words.message(exc) + " " + translate("FileFlows", "Nothing was imported."),
            )
            self.finished(None)
        else:
            raise exc  # a surprise: the app's one place for those says it

    def confirm(self, items: Items, preview: Preview) -> None:
        nothing = self.nothing_new(preview)
        if nothing is not None:
            self.finished(nothing)
            return
        if (
            self.interactive
            and QMessageBox.question(
                self.parent, self.words.question_title, self.question(items, preview)
            )
            != QMessageBox.StandardButton.Yes
        ):
            self.finished(None)
            return
        self.write(items)

    def write(self, items: Items) -> None:
        def work(progress: ProgressFn) -> Result:
            if not progress(0, 1):  # the last moment to stop: the write is one transaction
                raise Cancelled("cancelled")
            result = self.write_work(items)
            progress(1, 1)
            return result

        def failed(exc: Exception) -> None:
            if not isinstance(exc, Cancelled):
                raise exc  # a surprise: the app's one place for those says it
            self.finished(None)

        run_with_progress(
            self.parent,
            workers_for(self.session),
            self.words.importing_title,
            self.words.importing_label,
            work,
            lambda result: self.finished(self.summary(result)),
            failed,
        )


def write_file(
    session: VaultSession,
    parent: QWidget,
    finished: Callable[[Path | None], None],
    work: Callable[[ProgressFn], Path],
    progress_title: str,
    progress_label: str,
    failure_title: str,
) -> None:
    """Run ``work`` (which makes and atomically writes a file, calling ``progress`` and
    stopping when it returns False) on a worker; ``finished(path)``, or ``finished(None)`` if
    nothing was written (cancelled, or the disk refused and that was said)."""

    def failed(exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            finished(None)
        elif isinstance(exc, OSError):
            QMessageBox.warning(parent, failure_title, error_words.message(exc))
            finished(None)
        else:
            raise exc  # a surprise: the app's one place for those says it

    run_with_progress(
        parent, workers_for(session), progress_title, progress_label, work, finished, failed
    )
