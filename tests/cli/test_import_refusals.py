"""Bad input through every importer at the command line (issue 16): exit status 1, one line
that names the file (and the line, where the file has lines), and the vault's bytes as they
were.

One vault holding something of each kind takes every refusal in turn, so this stays quick.
Member cards (``circle add-member --card``) are refused the same way in
tests/fuzz/test_fuzz_cards.py (they need a circle and a second person).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.journal.exchange import large_import as large
from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE, hash_tree
from tests.journal.exchange.test_safe_zip import listing_zip

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}
FIXTURES = Path(__file__).parents[1] / "fixtures"

#: A Day One entry with no date, on line 3 of its Journal.json.
DAYONE_NO_DATE = b'{\n  "entries": [\n    {\n      "text": "no date"\n    }\n  ]\n}'


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _write(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def _cases(tmp: Path) -> list[tuple[list[str], str]]:
    """(command line, the start of its one line after "carecompanion: ")."""
    ours = {
        "format": "carecompanion-journal",
        "version": 1,
        "entries": [{"title": "a", "body": "", "entry_at": "2024-13-01T10:00:00+00:00"}],
    }
    ours_text = json.dumps(ours, indent=2).encode()
    ours_line = (
        ours_text.decode().splitlines().index('      "entry_at": "2024-13-01T10:00:00+00:00"')
    )
    markdown_folder = tmp / "notes"
    _write(markdown_folder / "2024-01-01-fine.md", b"# Fine\n\ntext\n")
    _write(markdown_folder / "sub" / "undated.md", b"hello\n")
    bad_tags = b"---\ndate: 2024-01-01\ntags: [a, 'b\n---\ntext\n"
    daylio = FIXTURES / "daylio" / "bad_date_line3.csv"
    vcard = FIXTURES / "vcard" / "bad_photo_line9.vcf"
    journal = ["journal", "import", "--from"]
    return [
        (
            [*journal, "jrnl", _write(tmp / "jrnl.json", b'{"entries": [\n  {"title": "b"}\n]}')],
            "jrnl.json, line 2:",
        ),
        (
            [*journal, "json", _write(tmp / "ours.json", ours_text)],
            f"ours.json, line {ours_line + 1}:",
        ),
        (
            [*journal, "dayone", _write(tmp / "Journal.json", DAYONE_NO_DATE)],
            "Journal.json, line 3:",
        ),
        (
            [
                *journal,
                "dayone",
                _write(tmp / "export.zip", _zip({"Journal.json": DAYONE_NO_DATE})),
            ],
            "export.zip/Journal.json, line 3:",
        ),
        (
            [*journal, "dayone", _write(tmp / "broken.zip", _zip({"Journal.json": b"{}"})[:-30])],
            "broken.zip: this is not a zip archive",
        ),
        (
            [*journal, "dayone", _write(tmp / "flood.zip", listing_zip(1, declared=60_000))],
            "flood.zip: the archive holds more than 50,000 files",
        ),
        ([*journal, "markdown", str(markdown_folder)], "sub/undated.md, line 1:"),
        ([*journal, "markdown", _write(tmp / "one.md", bad_tags)], "one.md, line 3:"),
        (["mood", "import", "--from", "daylio", str(daylio)], f"{daylio}, line 3:"),
        (["contacts", "import-vcard", str(vcard)], f"{vcard}, line 9:"),
    ]


def test_every_importer_refuses_bad_input_in_one_line_and_changes_nothing(
    cli: Run, cli_home: AppPaths, tmp_path: Path
) -> None:
    _every_refusal(cli, cli_home, tmp_path)


def test_the_same_refusals_when_every_input_is_read_an_entry_at_a_time(
    cli: Run, cli_home: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large export (journal/exchange/large_import.py) is refused in the same line: the
    fast reader hands anything wrong to the usual one, which says where."""
    monkeypatch.setattr(large, "STREAM_OVER_BYTES", 0)
    _every_refusal(cli, cli_home, tmp_path)


def _every_refusal(cli: Run, cli_home: AppPaths, tmp_path: Path) -> None:
    for command in (
        ["journal", "add", "--title", "Kept", "--text", "as it was"],
        ["mood", "add", "--mood", "3"],
        ["contacts", "add", "--name", "Ann"],
    ):
        assert cli(*command, **PASS).code == 0
    before = hash_tree(cli_home.data_dir)
    for command, start in _cases(tmp_path):
        result = cli(*command, **PASS)
        assert result.code == 1, (command, result)
        assert len(result.err_lines) == 1, result.err
        assert "Traceback" not in result.err
        assert result.err.startswith(f"carecompanion: {start}"), (start, result.err)
        assert hash_tree(cli_home.data_dir) == before, command
