"""carecompanion journal export / journal import, in-process and as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.__main__ import main
from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE, hash_tree
from tests.journal.exchange.conftest import FIXTURES, dayone_fixture_zip

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def run(*args: str, **env: str) -> Result:
        capsys.readouterr()
        with monkeypatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def home(cli_home: AppPaths) -> AppPaths:
    return cli_home


def one_line_error(result: Result) -> str:
    assert result.code == 1, result
    assert len(result.err.splitlines()) == 1, result.err
    assert "Traceback" not in result.err
    return result.err.strip()


def test_import_then_export_json_and_markdown(cli: Run, home: AppPaths, tmp_path: Path) -> None:
    jrnl = FIXTURES / "jrnl" / "journal.json"
    dry = cli("journal", "import", "--from", "jrnl", str(jrnl), "--dry-run", **PASS)
    assert dry.out == "Would import 3 entries (0 duplicates skipped, 0 attachments).\n"
    assert cli("journal", "list", **PASS).out == ""  # a dry run writes nothing

    done = cli("journal", "import", "--from", "jrnl", str(jrnl), **PASS)
    assert (done.code, done.out) == (
        0,
        "Imported 3 entries (0 duplicates skipped, 0 attachments).\n",
    )
    again = cli("journal", "import", "--from", "jrnl", str(jrnl), **PASS)
    assert again.out == "Imported 0 entries (3 duplicates skipped, 0 attachments).\n"

    zipped = tmp_path / "dayone.zip"
    zipped.write_bytes(dayone_fixture_zip())
    day_one = cli("journal", "import", "--from", "dayone", str(zipped), **PASS)
    assert day_one.out == (
        "Imported 3 entries (0 duplicates skipped, 1 empty entry skipped, 2 attachments).\n"
    )

    out = tmp_path / "all.json"
    exported = cli("journal", "export", "--format", "json", "--out", str(out), **PASS)
    assert exported.code == 0, exported.err
    assert exported.out == f"Exported 6 entries (2 attachments) to {out}.\n"
    assert len(json.loads(out.read_text())["entries"]) == 6

    ranged = tmp_path / "2020.json"
    cli(
        "journal",
        "export",
        "--format",
        "json",
        "--out",
        str(ranged),
        "--since",
        "2020-08-30",
        "--until",
        "2020-12-31",
        **PASS,
    )
    assert [e["title"][:8] for e in json.loads(ranged.read_text())["entries"]] == [
        "A second",
        "The thir",
    ]

    folder = tmp_path / "md"
    assert cli("journal", "export", "--format", "markdown", "--out", str(folder), **PASS).code == 0
    assert len(list(folder.glob("*.md"))) == 6
    back = cli("journal", "import", "--from", "markdown", str(folder), **PASS)
    assert back.out == "Imported 0 entries (6 duplicates skipped, 0 attachments).\n"
    back_json = cli("journal", "import", "--from", "json", str(out), "--dry-run", **PASS)
    assert back_json.out == "Would import 0 entries (6 duplicates skipped, 0 attachments).\n"


def test_bad_input_is_one_line_naming_file_and_line(
    cli: Run, home: AppPaths, tmp_path: Path
) -> None:
    bad = tmp_path / "journal.json"
    bad.write_text('{"entries": [\n  {"title": "a", "date": "2020-01-01"},\n  {"title": "b"}\n]}')
    before = hash_tree(home.data_dir)
    result = cli("journal", "import", "--from", "jrnl", str(bad), **PASS)
    assert one_line_error(result) == "carecompanion: journal.json, line 3: entry 2 has no date"
    assert hash_tree(home.data_dir) == before

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "undated.md").write_text("hello")
    assert one_line_error(
        cli("journal", "import", "--from", "markdown", str(notes), **PASS)
    ).startswith("carecompanion: undated.md, line 1: there is no date")
    assert (
        one_line_error(cli("journal", "import", "--from", "dayone", str(bad), **PASS))
        == "carecompanion: journal.json, line 2: entry 1 has no creationDate"
    )
    assert (
        one_line_error(
            cli("journal", "import", "--from", "json", str(tmp_path / "nope.json"), **PASS)
        )
        == "carecompanion: nope.json: there is no such file"
    )
    assert hash_tree(home.data_dir) == before


def test_export_refusals(cli: Run, home: AppPaths, tmp_path: Path) -> None:
    taken = tmp_path / "taken.json"
    taken.write_text("mine")
    assert "already exists" in one_line_error(
        cli("journal", "export", "--format", "json", "--out", str(taken), **PASS)
    )
    assert "--since needs a date like" in one_line_error(
        cli(
            "journal",
            "export",
            "--format",
            "json",
            "--out",
            str(tmp_path / "x.json"),
            "--since",
            "last week",
            **PASS,
        )
    )
    assert "is after --until" in one_line_error(
        cli(
            "journal",
            "export",
            "--format",
            "pdf",
            "--out",
            str(tmp_path / "x.pdf"),
            "--since",
            "2026-02-01",
            "--until",
            "2026-01-01",
            **PASS,
        )
    )
    assert taken.read_text() == "mine"


@pytest.mark.real_kdf  # the subprocess checks the vault against the app's real floor
def test_pdf_export_in_a_subprocess_without_a_display(
    cli: Run, home: AppPaths, tmp_path: Path
) -> None:
    """The CLI loads Qt only for --format pdf, and runs offscreen with no display."""
    cli("journal", "import", "--from", "jrnl", str(FIXTURES / "jrnl" / "journal.json"), **PASS)
    env = {**os.environ, **PASS, "CARECOMPANION_HOME": str(home.data_dir)}
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    out = tmp_path / "journal.pdf"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "carecompanion",
            "journal",
            "export",
            "--format",
            "pdf",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == f"Exported 3 entries (0 attachments) to {out}.\n"
    assert out.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = unicodedata.normalize(  # NFKC: "ﬁ" ligatures back to "fi"
        "NFKC", " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    )
    assert "Entry the first." in text and "A second entry in what I hope" in text
