"""carecompanion identity ... and circle ...: the CLI contract, two people, one shared file."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from carecompanion.cli.io import clock
from carecompanion.paths import AppPaths
from carecompanion.session import create_vault
from carecompanion.vault.kdf import KdfParams
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}


def ok(result: Result) -> str:
    assert result.code == 0, result.err
    return result.out


def one_line_error(result: Result, *fragments: str) -> None:
    assert result.code == 1, result.out
    assert "Traceback" not in result.err
    assert result.err.startswith("carecompanion: ")
    for fragment in fragments:
        assert fragment in result.err, result.err


@pytest.fixture
def two(
    cli: Run, tmp_path: Path, fast_kdf: KdfParams
) -> tuple[Callable[..., Result], Callable[..., Result]]:
    def person(name: str) -> Callable[..., Result]:
        home = tmp_path / name

        def run(*args: str, **env: str) -> Result:
            return cli("--data-dir", str(home), *args, **{**PASS, **env})

        # What `init` makes, with the tests' fast KDF (init is tested in test_cli_commands).
        unlocked, _key = create_vault(AppPaths(home), GOOD_PASSPHRASE, kdf=fast_kdf, clock=clock())
        unlocked.lock()
        ok(run("identity", "set-name", name))
        return run

    return person("Ana"), person("Bea")


def test_two_people_share_comment_and_verify(two: tuple[Run, Run], tmp_path: Path) -> None:
    ana, bea = two
    file = tmp_path / "Tuesday.carecircle"
    shown = json.loads(ok(ana("identity", "show", "--json")))
    assert shown["name"] == "Ana" and len(shown["fingerprint"]) == 32
    assert len(shown["safety_number"].split()) == 6
    lines = ok(ana("identity", "show")).splitlines()
    assert lines[0] == "name\tAna" and lines[1] == f"fingerprint\t{shown['fingerprint']}"

    card = tmp_path / "bea.carecard"
    ok(bea("identity", "export-card", "--out", str(card)))
    assert b"SECRET" not in card.read_bytes()
    created = json.loads(
        ok(ana("circle", "create", "--name", "Tuesday", "--file", str(file), "--json"))
    )
    assert created["name"] == "Tuesday" and file.exists()
    one_line_error(bea("circle", "join", str(file)), "not a member")
    ok(ana("circle", "add-member", str(file), "--card", str(card)))
    assert "member" in ok(bea("circle", "join", str(file)))

    entry = ok(ana("journal", "add", "--title", "Hard night", "--text", "Mum was up at 3")).split(
        "\t"
    )[0]
    preview = json.loads(ok(ana("circle", "share", str(file), "--entry", entry, "--dry-run")))
    assert preview["title"] == "Hard night" and preview["body"] == "Mum was up at 3"
    record = ok(ana("circle", "share", str(file), "--entry", entry)).strip()
    assert len(record) == 24

    assert "1 new" in ok(bea("circle", "sync", str(file)))
    assert "Nothing new" in ok(bea("circle", "sync", str(file)))
    comment = ok(
        bea("circle", "comment", str(file), "--record", record, "--text", "Sending you strength")
    ).strip()
    ok(ana("circle", "sync", str(file)))

    show = ok(ana("circle", "show", str(file))).splitlines()
    assert show[0].startswith("circle\t") and show[0].endswith("\tTuesday\tkeys")
    members = [line.split("\t") for line in show if line.startswith("member\t")]
    assert [(m[2], m[3]) for m in members] == [("owner", "Ana"), ("member", "Bea")]
    records = [line.split("\t") for line in show if line.startswith("record\t")]
    # Both were written within the same second: their order is by id, which is random.
    assert sorted((r[1], r[2], r[5], r[7]) for r in records) == sorted(
        [(record, "entry", "Ana", "verified"), (comment, "comment", "Bea", "verified")]
    )
    assert show.index(next(line for line in show if line.startswith("member"))) < show.index(
        next(line for line in show if line.startswith("record"))
    )
    assert "OK" in ok(ana("circle", "verify", str(file)))

    ok(ana("circle", "withdraw", str(file), "--entry", entry))
    ok(bea("circle", "sync", str(file)))
    shown_records = json.loads(ok(bea("circle", "show", str(file), "--json")))["records"]
    assert {r["kind"] for r in shown_records} == {"withdrawal", "comment"}


def test_remove_member_and_errors_are_one_line(two: tuple[Run, Run], tmp_path: Path) -> None:
    ana, bea = two
    file = tmp_path / "c.carecircle"
    card = tmp_path / "bea.carecard"
    ok(bea("identity", "export-card", "--out", str(card)))
    ok(ana("circle", "create", "--name", "C", "--file", str(file)))
    ok(ana("circle", "add-member", str(file), "--card", str(card), "--role", "reader"))
    ok(bea("circle", "join", str(file)))
    entry = ok(bea("journal", "add", "--title", "t", "--text", "x")).split("\t")[0]
    one_line_error(bea("circle", "share", str(file), "--entry", entry), "read")
    bea_fp = json.loads(ok(bea("identity", "show", "--json")))["fingerprint"]
    one_line_error(bea("circle", "remove-member", str(file), "--member", bea_fp), "organiser")
    out = ok(ana("circle", "remove-member", str(file), "--member", bea_fp))
    assert "keep what they could already read" in out
    one_line_error(bea("circle", "sync", str(file)), "not a member")
    one_line_error(ana("circle", "sync", str(tmp_path / "other.carecircle")), "join")
    file.write_bytes(b"age-encryption.org/v1\nnonsense")
    one_line_error(ana("circle", "verify", str(file)), "not a circle file")


def test_passphrase_circle_members_enrol_themselves(two: tuple[Run, Run], tmp_path: Path) -> None:
    ana, bea = two
    file = tmp_path / "open.carecircle"
    secret = {"CARECOMPANION_CIRCLE_PASSPHRASE": "our tuesday kettle"}
    ok(
        ana(
            "circle",
            "create",
            "--name",
            "Open",
            "--file",
            str(file),
            "--passphrase-circle",
            **secret,
        )
    )
    one_line_error(
        bea("circle", "join", str(file), CARECOMPANION_CIRCLE_PASSPHRASE="wrong guess here"),
        "passphrase",
    )
    assert "member" in ok(bea("circle", "join", str(file), **secret))
    ok(ana("circle", "sync", str(file)))
    members = json.loads(ok(ana("circle", "show", str(file), "--json")))["members"]
    assert sorted(m["name"] for m in members) == ["Ana", "Bea"]


@pytest.mark.skipif(shutil.which("age") is None, reason="Debian's age package is not installed")
def test_the_standard_age_tool_opens_the_file(two: tuple[Run, Run], tmp_path: Path) -> None:
    ana, _bea = two
    file = tmp_path / "c.carecircle"
    key = tmp_path / "ana.agekey"
    ok(ana("circle", "create", "--name", "Interop", "--file", str(file)))
    result = ana("identity", "export-age-identity", "--out", str(key))
    assert result.code == 0 and "Warning" in result.err
    assert key.stat().st_mode & 0o077 == 0
    payload = subprocess.run(
        ["age", "-d", "-i", str(key), str(file)], capture_output=True, check=True
    ).stdout
    import zlib

    assert payload.startswith(b"carecompanion-circle/1\n")
    document = json.loads(zlib.decompress(payload[23:]))
    from carecompanion.circle.document import VERSION

    assert document["format"] == "carecompanion.circle" and document["version"] == VERSION
    assert set(document) == {
        "format",
        "version",
        "circle",
        "genesis",
        "cards",
        "roster",
        "legacy_roster",
        "records",
        "heads",
    }
    assert json.loads(document["genesis"][0])["name"] == "Interop"
