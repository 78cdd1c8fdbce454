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
from PySide6.QtWidgets import QWidget

from carecompanion.atomic import atomic_write_bytes
from carecompanion.people.errors import PeopleError
from carecompanion.people.records import ImportPreview, ImportResult, ParsedCard
from carecompanion.progress import Cancelled
from carecompanion.session import VaultSession
from carecompanion.ui.common import error_words
from carecompanion.ui.common.file_flows import ImportFlow, ImportWords, write_file
from carecompanion.ui.common.progress import ProgressFn

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
    background; then ``finished(summary)`` (also when everyone was already here), or
    ``finished(None)`` if nothing was done (cancelled, declined, refused and said).

    ``interactive`` False (tests, scripted use) asks and shows nothing: an unreadable file is
    raised on the GUI thread, and the import goes ahead without a confirmation."""
    _VcardImport(session, path, parent, finished, interactive).read()


class _VcardImport(ImportFlow[list[ParsedCard], ImportPreview, ImportResult]):
    """One vCard import."""

    refused = PeopleError

    def __init__(
        self,
        session: VaultSession,
        path: Path,
        parent: QWidget,
        finished: Callable[[str | None], None],
        interactive: bool,
    ) -> None:
        words = ImportWords(
            reading_title=translate("PeoplePage", "Reading"),
            reading_label=translate("PeoplePage", "Reading {name}…").format(name=path.name),
            question_title=translate("PeoplePage", "Import contacts"),
            importing_title=translate("PeoplePage", "Importing"),
            importing_label=translate("PeoplePage", "Adding the people from {name}…").format(
                name=path.name
            ),
        )
        super().__init__(session, parent, finished, interactive, words)
        self.path = path

    def read_work(self, progress: ProgressFn) -> tuple[list[ParsedCard], ImportPreview]:
        from carecompanion.people.vcard_read import read_vcard_file

        cards = read_vcard_file(self.path)  # checks the size before reading
        if not progress(1, 3):
            raise Cancelled("cancelled")
        preview = self.session.people.preview_import(cards)
        if not progress(2, 3):  # Cancel pressed while comparing: nothing is asked
            raise Cancelled("cancelled")
        return cards, preview

    def nothing_new(self, preview: ImportPreview) -> str | None:
        if preview.new:
            return None
        return translate("PeoplePage", "Everyone in this file is already here.")

    def question(self, items: list[ParsedCard], preview: ImportPreview) -> str:
        names = ", ".join(card.draft.name for card in preview.new[:8])
        notes = (
            "\n\n" + "\n".join(error_words.say(w) for w in preview.warnings[:5])
            if preview.warnings
            else ""
        )
        return (
            translate(
                "PeoplePage", "Add {n} people ({names}…)? {dups} already here will be skipped."
            ).format(n=len(preview.new), names=names, dups=len(preview.duplicates))
            + notes
        )

    def write_work(self, items: list[ParsedCard]) -> ImportResult:
        return self.session.people.import_cards(items)

    def summary(self, result: ImportResult) -> str:
        return translate("PeoplePage", "Added {added} people ({dups} already here).").format(
            added=len(result.added), dups=result.duplicates
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

    write_file(
        session,
        parent,
        finished,
        work,
        translate("PeoplePage", "Exporting"),
        label_text,
        translate("PeoplePage", "Cannot export"),
    )
