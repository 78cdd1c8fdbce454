"""Nothing a user writes may reach the disk in clear: not the vault, its WAL, backups or logs."""

from __future__ import annotations

import base64
import io
import logging
import os
import uuid
import zipfile
from pathlib import Path

import pytest

from carecompanion.__main__ import main
from carecompanion.clock import FixedClock
from carecompanion.journal.service import AttachmentDraft, EntryDraft, JournalService
from carecompanion.journal.templates import TemplateService
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.canary import assert_no_plaintext, encodings_of, new_marker
from tests.helpers import GOOD_PASSPHRASE


def test_no_user_field_reaches_the_disk_in_clear(
    everything_logged: Path,
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    title, body, tag = new_marker(), new_marker(), new_marker()
    cli_title, cli_body, cli_tag = new_marker(), new_marker(), new_marker()
    markers = [title, body, tag, cli_title, cli_body, cli_tag]

    # Every user field that exists today: entry title, body (Markdown) and tag name.
    journal = JournalService(unlocked_vault.database, clock)
    journal.add(title, f"# {body}\n\nSome *Markdown* around {body}.", [tag, tag.lower()])
    for i in range(30):  # enough to spill across pages and into the WAL
        journal.add(f"{title} {i}", body * 20, [tag])
    # While the vault is open, the WAL and SHM exist: scan them now, too.
    scanned_open = assert_no_plaintext(paths.data_dir, markers)
    assert "vault.db-wal" in scanned_open
    unlocked_vault.backup_to(paths.backups_dir / "manual.ccbackup")
    unlocked_vault.lock()

    # The same through the command line.
    monkeypatch.setenv("CARECOMPANION_HOME", str(paths.data_dir))
    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", GOOD_PASSPHRASE)
    text_file = tmp_path / "entry.md"
    text_file.write_text(cli_body * 5, encoding="utf-8")
    assert (
        main(
            [
                "journal",
                "add",
                "--title",
                cli_title,
                "--text-file",
                str(text_file),
                "--tag",
                cli_tag,
            ]
        )
        == 0
    )
    assert main(["backup", "--out", str(paths.backups_dir / "cli.ccbackup")]) == 0
    capsys.readouterr()

    # A later day's unlock takes the automatic backup; then everything is locked and closed.
    clock.advance(86400)
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert JournalService(opened.database, clock).count() == 32
    opened.lock()

    logging.getLogger("carecompanion").handlers[-1].flush()
    assert b"INSERT INTO journal_entries" in everything_logged.read_bytes()  # SQL was logged

    scanned = assert_no_plaintext(paths.data_dir, markers)
    names = set(scanned)
    assert {"vault.db", "vault.header", "carecompanion.log"} <= names
    assert "backups/manual.ccbackup" in names
    assert "backups/manual.ccbackup!vault.db" in names  # zip members were opened
    assert "backups/cli.ccbackup!vault.header" in names
    assert any(n.startswith("backups/auto-") and n.endswith("!vault.db") for n in names)


def token_marker() -> str:
    """A marker the search index keeps as one whole token (lower-case letters and digits)."""
    return "canary" + uuid.uuid4().hex


def test_journal_search_templates_and_attachments_stay_encrypted(
    everything_logged: Path,
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
) -> None:
    fields = (
        "title",
        "body",
        "tag",
        "edited body",
        "template name",
        "template title",
        "template body",
        "template tag",
        "edited template body",
        "attachment filename",
        "attachment content",
        "draft attachment filename",
        "draft attachment content",
    )
    marker = {field: new_marker() for field in fields}
    token = {field: token_marker() for field in ("title", "body", "tag")}
    markers = [*marker.values(), *token.values()]

    journal = JournalService(unlocked_vault.database, clock)
    entry = journal.add(
        f"{marker['title']} {token['title']}",
        f"Some *Markdown* with {marker['body']} and {token['body']}.",
        [marker["tag"], token["tag"]],
    )
    # The search index holds every word of it; searching reads it back.
    assert [hit.id for hit in journal.search(token["body"])] == [entry.id]
    assert [hit.id for hit in journal.search(token["tag"])] == [entry.id]
    journal.update(entry.id, body=f"{marker['edited body']} {token['body']}")
    content = (marker["attachment content"] + "\n").encode() * 3000  # spans many pages
    journal.add_attachment(entry.id, f"{marker['attachment filename']}.txt", "text/plain", content)
    journal.add_draft(
        EntryDraft(
            "from an import",
            "imported words",
            clock.now(),
            tags=(marker["tag"],),
            attachments=(
                AttachmentDraft(
                    f"{marker['draft attachment filename']}.jpg",
                    "image/jpeg",
                    marker["draft attachment content"].encode() * 50,
                ),
            ),
        )
    )
    deleted = journal.add(marker["title"], marker["body"] * 10, [marker["tag"]])
    journal.delete(deleted.id)

    templates = TemplateService(unlocked_vault.database, clock)
    mine = templates.add_template(
        marker["template name"],
        marker["template title"],
        f"## {marker['template body']}\n",
        [marker["template tag"]],
    )
    templates.update_template(mine.id, body=marker["edited template body"])

    scanned_open = assert_no_plaintext(paths.data_dir, markers)  # with the WAL still there
    assert "vault.db-wal" in scanned_open
    unlocked_vault.backup_to(paths.backups_dir / "manual.ccbackup")
    unlocked_vault.lock()

    clock.advance(86400)  # the next day's unlock writes the automatic backup
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert JournalService(opened.database, clock).get(entry.id).attachments[0].size == len(content)
    opened.lock()

    logging.getLogger("carecompanion").handlers[-1].flush()
    assert b"journal_fts" in everything_logged.read_bytes()  # search SQL was logged, not words
    names = set(assert_no_plaintext(paths.data_dir, markers))
    assert {"vault.db", "carecompanion.log", "backups/manual.ccbackup!vault.db"} <= names
    assert any(n.startswith("backups/auto-") and n.endswith("!vault.db") for n in names)


# -- the scanner itself must be able to fail -------------------------------------------------------
@pytest.mark.parametrize(
    "form", ["utf-8", "utf-16-le", "utf-16-be", "b64-0", "b64-1", "b64-2", "urlsafe"]
)
def test_scanner_finds_each_encoding(tmp_path: Path, form: str) -> None:
    marker = new_marker()
    raw = marker.encode()
    data = {
        "utf-8": raw,
        "utf-16-le": marker.encode("utf-16-le"),
        "utf-16-be": marker.encode("utf-16-be"),
        "b64-0": base64.b64encode(raw + b"tail"),
        "b64-1": base64.b64encode(b"\x01" + raw + b"!"),
        "b64-2": base64.b64encode(b"\x01\x02" + raw),
        "urlsafe": base64.urlsafe_b64encode(b"\xfb\xff" + raw + b"\xfb\xff"),
    }[form]
    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "file.bin").write_bytes(os.urandom(100) + data + os.urandom(7))
    with pytest.raises(AssertionError, match=r"found as .* in deep/er/file.bin"):
        assert_no_plaintext(tmp_path, [marker])


@pytest.mark.parametrize("prefix", range(6))
@pytest.mark.parametrize("suffix", range(4))
def test_base64_at_any_alignment_is_found(prefix: int, suffix: int) -> None:
    marker = new_marker()
    stream = base64.b64encode(os.urandom(prefix) + marker.encode() + os.urandom(suffix))
    assert any(needle in stream for _name, needle in encodings_of(marker))


def test_scanner_looks_inside_zip_archives(tmp_path: Path) -> None:
    marker = new_marker()
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("note.txt", marker * 50)  # compressed: invisible in the raw bytes
    outer = tmp_path / "backup.ccbackup"
    with zipfile.ZipFile(outer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.zip", inner.getvalue())
    assert marker.encode() not in outer.read_bytes()
    with pytest.raises(AssertionError, match=r"backup.ccbackup!inner.zip!note.txt"):
        assert_no_plaintext(tmp_path, [marker])


def test_scanner_passes_clean_folders(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(os.urandom(4096))
    assert assert_no_plaintext(tmp_path, [new_marker()]) == ["a.bin"]
