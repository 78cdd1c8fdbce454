"""Moving people in and out: vCard import (read, confirm, add), vCard and calendar exports.

Reading, importing and writing run on the session's workers behind a progress dialog with
Cancel (ui/common/progress.py), never on the GUI thread; locking the vault stops them at a safe
point and waits. Each flow ends by calling ``finished`` once, with what to say (or the file
written), or None when nothing was done (cancelled, refused, failed and already said).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from carecompanion.atomic import atomic_write_bytes
from carecompanion.people.errors import PeopleError
from carecompanion.people.records import ImportPreview, ImportResult, ParsedCard
from carecompanion.progress import Cancelled
from carecompanion.session import VaultSession
from carecompanion.ui.common import error_words
from carecompanion.ui.common.progress import ProgressFn, run_with_progress
from carecompanion.ui.common.workers import workers_for

# Context "PeoplePage", written out in each call (lupdate reads only a literal context): these
# words were the page's own and keep their translations.
translate = QCoreApplication.translate


def import_vcard(
    session: VaultSession,
    path: Path,
    parent: QWidget,
    finished: Callable[[str | None], None],
    interactive: bool = True,
) -> None:
    """Read and preview ``path`` in the background, ask, add the new people in the
    background; then ``finished(summary)``, or ``finished(None)`` if nothing was added (a
    file with nobody new says so itself).

    ``interactive`` False (tests, scripted use) asks and shows nothing: an unreadable file is
    raised on the GUI thread, and the import goes ahead without a confirmation."""
    _VcardImport(session, path, parent, finished, interactive).read()


class _VcardImport:
    """The steps of one vCard import; the slow ones (reading, writing) run on workers."""

    def __init__(
        self,
        session: VaultSession,
        path: Path,
        parent: QWidget,
        finished: Callable[[str | None], None],
        interactive: bool,
    ) -> None:
        self.session = session
        self.path = path
        self.parent = parent
        self.finished = finished
        self.interactive = interactive

    def read(self) -> None:
        from carecompanion.people.vcard_read import read_vcard_file

        path, people = self.path, self.session.people

        def work(progress: ProgressFn) -> tuple[list[ParsedCard], ImportPreview]:
            cards = read_vcard_file(path)  # checks the size before reading
            if not progress(1, 3):
                raise Cancelled("cancelled")
            preview = people.preview_import(cards)
            if not progress(2, 3):  # Cancel pressed while comparing: nothing is asked
                raise Cancelled("cancelled")
            return cards, preview

        def failed(exc: Exception) -> None:
            if isinstance(exc, Cancelled):
                self.finished(None)
            elif not self.interactive:
                raise exc
            elif isinstance(exc, PeopleError):
                QMessageBox.warning(
                    self.parent,
                    translate("PeoplePage", "Cannot import"),
                    error_words.message(exc)
                    + " "
                    + translate("PeoplePage", "Nothing was imported."),
                )
                self.finished(None)
            else:
                raise exc  # a surprise: the app's one place for those says it

        run_with_progress(
            self.parent,
            workers_for(self.session),
            translate("PeoplePage", "Reading"),
            translate("PeoplePage", "Reading {name}…").format(name=path.name),
            work,
            lambda result: self.confirm(*result),
            failed,
        )

    def confirm(self, cards: list[ParsedCard], preview: ImportPreview) -> None:
        if not preview.new:
            message = translate("PeoplePage", "Everyone in this file is already here.")
            if self.interactive:
                QMessageBox.information(
                    self.parent, translate("PeoplePage", "Nothing new"), message
                )
            self.finished(None)
            return
        names = ", ".join(card.draft.name for card in preview.new[:8])
        notes = (
            "\n\n" + "\n".join(error_words.say(w) for w in preview.warnings[:5])
            if preview.warnings
            else ""
        )
        question = (
            translate(
                "PeoplePage", "Add {n} people ({names}…)? {dups} already here will be skipped."
            ).format(n=len(preview.new), names=names, dups=len(preview.duplicates))
            + notes
        )
        if (
            self.interactive
            and QMessageBox.question(
                self.parent, translate("PeoplePage", "Import contacts"), question
            )
            != QMessageBox.StandardButton.Yes
        ):
            self.finished(None)
            return
        self.write(cards)

    def write(self, cards: list[ParsedCard]) -> None:
        people = self.session.people

        def work(progress: ProgressFn) -> ImportResult:
            if not progress(0, 1):  # the last moment to stop: the write is one transaction
                raise Cancelled("cancelled")
            result = people.import_cards(cards)
            progress(1, 1)
            return result

        def done(result: ImportResult) -> None:
            self.finished(
                translate("PeoplePage", "Added {added} people ({dups} already here).").format(
                    added=len(result.added), dups=result.duplicates
                )
            )

        def failed(exc: Exception) -> None:
            if not isinstance(exc, Cancelled):
                raise exc  # a surprise: the app's one place for those says it
            self.finished(None)

        run_with_progress(
            self.parent,
            workers_for(self.session),
            translate("PeoplePage", "Importing"),
            translate("PeoplePage", "Adding the people from {name}…").format(name=self.path.name),
            work,
            done,
            failed,
        )


def export_vcard(
    session: VaultSession, path: Path, parent: QWidget, finished: Callable[[Path | None], None]
) -> None:
    """Write every contact to ``path`` as vCard 3.0 in the background."""
    people = session.people
    _write_in_background(
        session,
        path,
        parent,
        finished,
        lambda: people.export_vcard().encode("utf-8"),
        translate("PeoplePage", "Writing your contacts…"),
    )


def export_ics(
    session: VaultSession, path: Path, parent: QWidget, finished: Callable[[Path | None], None]
) -> None:
    """Write every group's meetings to ``path`` as an iCalendar file in the background."""
    groups = session.groups
    _write_in_background(
        session,
        path,
        parent,
        finished,
        groups.export_ics,
        translate("PeoplePage", "Writing your meetings…"),
    )


def _write_in_background(
    session: VaultSession,
    path: Path,
    parent: QWidget,
    finished: Callable[[Path | None], None],
    contents: Callable[[], bytes],
    label_text: str,
) -> None:
    """Make the file's contents, then write them (temp file, fsync, rename) on a worker;
    ``finished(path)``, or ``finished(None)`` if nothing was written."""

    def work(progress: ProgressFn) -> Path:
        data = contents()
        if not progress(1, 2):  # before anything is written: the write itself is atomic
            raise Cancelled("cancelled")
        atomic_write_bytes(path, data)
        return path

    def failed(exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            finished(None)
        elif isinstance(exc, OSError):
            QMessageBox.warning(
                parent, translate("PeoplePage", "Cannot export"), error_words.message(exc)
            )
            finished(None)
        else:
            raise exc  # a surprise: the app's one place for those says it

    run_with_progress(
        parent,
        workers_for(session),
        translate("PeoplePage", "Exporting"),
        label_text,
        work,
        finished,
        failed,
    )
