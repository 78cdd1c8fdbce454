"""The import dialog reads a large Day One export or Markdown folder an entry at a time
(issue 17): its preview keeps a row per entry, never the entries, and Import reads them
again as it writes them, in one transaction. Every input counts as large here."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.journal import service
from carecompanion.journal.exchange import large_import as large
from carecompanion.journal.exchange.importing import ImportSource
from carecompanion.session import VaultSession
from carecompanion.ui.journal.exchange_dialogs import ImportDialog
from tests.conftest import VaultFactory
from tests.journal.exchange.conftest import dayone_zip
from tests.journal.exchange.test_large_dayone_markdown import (
    dayone_entries,
    journal_json,
    write_dayone,
    write_markdown,
)

WAIT = 30_000


@pytest.fixture(autouse=True)
def everything_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    monkeypatch.setattr(service, "_BATCH", 10)


@pytest.fixture
def session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    unlocked, _ = vault_factory()
    return VaultSession(unlocked, clock)


def _previewed(qtbot: QtBot, session: VaultSession, kind: ImportSource, path: Path) -> ImportDialog:
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.path.setText(str(path))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    return dialog


def _attachments(session: VaultSession) -> int:
    with session.journal._db.engine.connect() as conn:
        found: int = conn.exec_driver_sql("SELECT count(*) FROM attachments").scalar_one()
    return found


@pytest.mark.parametrize("kind", [ImportSource.DAYONE, ImportSource.MARKDOWN])
def test_a_large_export_is_previewed_as_rows_and_imported_in_one_go(
    qtbot: QtBot, session: VaultSession, tmp_path: Path, kind: ImportSource
) -> None:
    source = (
        write_dayone(tmp_path / "export.zip", 45)
        if kind is ImportSource.DAYONE
        else write_markdown(tmp_path / "notes", 45)
    )
    dialog = _previewed(qtbot, session, kind, source)
    assert isinstance(dialog.model.preview, large.LargePlan), "rows, not the entries"
    assert dialog.model.rowCount() == 46  # the duplicate listed (as skipped), not the empty one
    shown = [
        dialog.model.data(dialog.model.index(row), Qt.ItemDataRole.DisplayRole) for row in range(46)
    ]
    assert sum("skipped" in text for text in shown) == 1
    with_photo = 16 if kind is ImportSource.DAYONE else 15  # Day One's duplicate has one
    assert sum("1 attachment" in text for text in shown) == with_photo
    assert session.journal.count() == 0, "a preview writes nothing"
    assert dialog.summary.text() == (
        "Would import 45 entries (1 duplicate skipped, 1 empty entry skipped, 15 attachments)."
    )
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert session.journal.count() == 45 and _attachments(session) == 15
    assert dialog.result_summary.startswith("Imported 45 entries")

    again = _previewed(qtbot, session, kind, source)
    assert not again.import_button.isEnabled(), "everything is already there"


def test_an_export_changed_after_the_preview_imports_nothing_and_says_so(
    qtbot: QtBot, session: VaultSession, tmp_path: Path
) -> None:
    source = write_dayone(tmp_path / "export.zip", 35)
    dialog = _previewed(qtbot, session, ImportSource.DAYONE, source)
    assert dialog.import_button.isEnabled()
    entries, media = dayone_entries(35)
    entries[31]["text"] = "Rewritten after the preview."
    source.write_bytes(dayone_zip(journal_json(entries), media))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert session.journal.count() == 0 and _attachments(session) == 0
    assert not dialog.error.isHidden() and "Preview" in dialog.error.text()
    assert not dialog.import_button.isEnabled() and dialog.model.rowCount() == 0


def test_a_bad_entry_in_a_large_export_is_said_where_as_before(
    qtbot: QtBot, session: VaultSession, tmp_path: Path
) -> None:
    entries, media = dayone_entries(35)
    entries[33]["creationDate"] = "yesterday"
    source = tmp_path / "export.zip"
    source.write_bytes(dayone_zip(journal_json(entries), media))
    dialog = _previewed(qtbot, session, ImportSource.DAYONE, source)
    assert "export.zip/Journal.json, line" in dialog.error.text()
    assert "'yesterday' is not a date and time" in dialog.error.text()
    assert not dialog.import_button.isEnabled() and session.journal.count() == 0


def test_a_bad_file_in_a_large_markdown_folder_is_said_where_as_before(
    qtbot: QtBot, session: VaultSession, tmp_path: Path
) -> None:
    source = write_markdown(tmp_path / "notes", 35)
    (source / "zz-undated.md").write_text("no date anywhere\n")
    dialog = _previewed(qtbot, session, ImportSource.MARKDOWN, source)
    assert dialog.error.text().startswith("zz-undated.md, line 1:")
    assert not dialog.import_button.isEnabled() and session.journal.count() == 0
