"""Import and export from the journal page's dialogs: preview, import, export, errors."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.journal.exchange.importing import ImportSource
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession
from carecompanion.ui.journal.exchange_dialogs import ExportDialog, ImportDialog
from tests.conftest import VaultFactory
from tests.helpers import hash_tree

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    unlocked, _ = vault_factory()
    return VaultSession(unlocked, clock)


def _choose(dialog: ImportDialog, source: ImportSource, path: Path) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(source))
    dialog.path.setText(str(path))


def _settle(qtbot: QtBot, dialog: ImportDialog | ExportDialog) -> None:
    """Reading, importing and exporting run in the background: wait for the outcome."""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)


def test_import_previews_then_imports_and_skips_duplicates(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    session = _session(vault_factory, clock)
    source = next((FIXTURES / "jrnl").glob("*.json"))
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    _choose(dialog, ImportSource.JRNL, source)
    dialog.make_preview()
    _settle(qtbot, dialog)
    assert dialog.model.rowCount() > 0
    assert session.journal.count() == 0, "a preview writes nothing"
    assert dialog.import_button.isEnabled()
    dialog.do_import()
    _settle(qtbot, dialog)
    imported = session.journal.count()
    assert imported == dialog.model.rowCount()
    assert dialog.result_summary.startswith("Imported")

    again = ImportDialog(session)
    qtbot.addWidget(again)
    _choose(again, ImportSource.JRNL, source)
    again.make_preview()
    _settle(qtbot, again)
    assert not again.import_button.isEnabled(), "everything is already there"
    assert session.journal.count() == imported


def test_bad_file_names_the_line_and_changes_nothing(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, tmp_path: Path, paths: AppPaths
) -> None:
    session = _session(vault_factory, clock)
    broken = tmp_path / "broken.json"
    broken.write_text('{"tags": {},\n "entries": [\n  {"title": "x",,}\n]}\n')
    before = hash_tree(paths.data_dir)
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    _choose(dialog, ImportSource.JRNL, broken)
    dialog.make_preview()
    _settle(qtbot, dialog)
    assert not dialog.error.isHidden()
    assert "broken.json, line 3" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert hash_tree(paths.data_dir) == before


def test_export_json_of_a_selection(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, tmp_path: Path
) -> None:
    session = _session(vault_factory, clock)
    keep = session.journal.add("Keep this", "the chosen one", ["a"])
    session.journal.add("Not this", "left out")
    dialog = ExportDialog(session, [keep.id])
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.scope.setCurrentIndex(dialog.scope.findData("selected"))
    out = tmp_path / "one.json"
    assert dialog.export_to("json", out)
    _settle(qtbot, dialog)
    document = json.loads(out.read_text())
    titles = [entry["title"] for entry in document["entries"]]
    assert titles == ["Keep this"]
    assert "Exported 1 entry" in dialog.status.text()


def test_export_pdf_everything(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    session = _session(vault_factory, clock)
    session.journal.add("Garden evening", "Birdsong.")
    dialog = ExportDialog(session, [])
    qtbot.addWidget(dialog)
    out = tmp_path / "journal.pdf"
    assert dialog.export_to("pdf", out, overwrite=True)
    _settle(qtbot, dialog)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Garden evening" in text
