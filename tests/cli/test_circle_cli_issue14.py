"""Issue 14 on the command line: repair, a busy file, redactions, passphrase changes, stale
files, names told apart and people's own copies."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from carecompanion.circle import files
from carecompanion.circle.files import CircleLockTimeout
from carecompanion.circle.limits import MAX_FILE_BYTES
from carecompanion.cli.io import clock
from carecompanion.paths import AppPaths
from carecompanion.session import create_vault
from carecompanion.vault.kdf import KdfParams
from tests.cli.conftest import Result
from tests.cli.test_circle_cli import PASS, ok, one_line_error
from tests.helpers import GOOD_PASSPHRASE

Run = Callable[..., Result]
SECRET = {"CARECOMPANION_CIRCLE_PASSPHRASE": "our tuesday kettle"}


@pytest.fixture
def three(cli: Run, tmp_path: Path, fast_kdf: KdfParams) -> tuple[Run, Run, Run]:
    def person(name: str) -> Run:
        home = tmp_path / name

        def run(*args: str, **env: str) -> Result:
            return cli("--data-dir", str(home), *args, **{**PASS, **env})

        unlocked, _key = create_vault(AppPaths(home), GOOD_PASSPHRASE, kdf=fast_kdf, clock=clock())
        unlocked.lock()
        ok(run("identity", "set-name", name))
        return run

    return person("Ana"), person("Bea"), person("Cal")


def keys_circle(ana: Run, others: list[Run], tmp_path: Path) -> Path:
    file = tmp_path / "Tuesday.carecircle"
    ok(ana("circle", "create", "--name", "Tuesday", "--file", str(file)))
    for n, person in enumerate(others):
        card = tmp_path / f"member{n}.carecard"
        ok(person("identity", "export-card", "--out", str(card)))
        ok(ana("circle", "add-member", str(file), "--card", str(card)))
        ok(person("circle", "join", str(file)))
    return file


def share(person: Run, file: Path, title: str, *extra: str) -> str:
    entry = ok(person("journal", "add", "--title", title, "--text", "a hard week")).split("\t")[0]
    return ok(person("circle", "share", str(file), "--entry", entry, *extra)).strip()


def test_a_file_nobody_can_read_says_repair_and_is_repaired(
    three: tuple[Run, Run, Run], tmp_path: Path
) -> None:
    ana, bea, _cal = three
    file = keys_circle(ana, [bea], tmp_path)
    share(ana, file, "Kept safe")
    ok(bea("circle", "sync", str(file)))
    with file.open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    for command in ("sync", "verify"):
        one_line_error(
            bea("circle", command, str(file)),
            "too large",
            "It can be repaired",
            f"carecompanion circle repair {file}",
        )
    repaired = bea("circle", "repair", str(file))
    assert repaired.code == 0, repaired.err
    assert "fresh circle file" in repaired.out and "too large" in repaired.err
    assert "OK" in ok(ana("circle", "verify", str(file)))
    assert "was fine" in ok(ana("circle", "repair", str(file)))


@contextmanager
def busy_circle_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another member is saving the circle file for longer than anyone waits."""

    @contextmanager
    def busy(path: Path, **kwargs: object) -> Iterator[None]:
        raise CircleLockTimeout()
        yield  # pragma: no cover

    with monkeypatch.context() as patch:
        patch.setattr(files, "circle_lock", busy)
        yield


def test_a_comment_saved_while_the_file_is_busy_is_sent_once(
    three: tuple[Run, Run, Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea, _cal = three
    file = keys_circle(ana, [bea], tmp_path)
    record = share(ana, file, "Hard night")
    ok(bea("circle", "sync", str(file)))
    with busy_circle_file(monkeypatch):
        first = bea("circle", "comment", str(file), "--record", record, "--text", "Hugs")
        assert first.code == 0, first.err
        assert "saved on this computer" in first.err and "no need to send it again" in first.err
        again = bea("circle", "comment", str(file), "--record", record, "--text", "Hugs")
        assert again.code == 0 and again.out == first.out  # the same comment, not a second
    ok(bea("circle", "sync", str(file)))
    ok(ana("circle", "sync", str(file)))
    shown = json.loads(ok(ana("circle", "show", str(file), "--json")))["records"]
    assert [r["text"] for r in shown if r["kind"] == "comment"] == ["Hugs"]


def test_share_redacts_words_and_keeps_one_list_for_every_circle(
    three: tuple[Run, Run, Run], tmp_path: Path
) -> None:
    ana, bea, _cal = three
    file = keys_circle(ana, [bea], tmp_path)
    other = tmp_path / "Family.carecircle"
    ok(ana("circle", "create", "--name", "Family", "--file", str(other)))
    entry = ok(ana("journal", "add", "--title", "Margaret at St Mary's", "--text", "x")).split(
        "\t"
    )[0]
    args = ("--entry", entry, "--redact", "Margaret", "--redact", "St Mary's=the hospital")
    preview = json.loads(ok(ana("circle", "share", str(file), *args, "--dry-run")))
    assert preview["title"] == "M. at the hospital"
    assert ok(ana("circle", "redactions")) == ""  # a dry run keeps nothing
    ok(ana("circle", "share", str(file), *args))
    assert ok(ana("circle", "redactions")).splitlines() == [
        "Margaret\tM.",
        "St Mary's\tthe hospital",
    ]
    elsewhere = json.loads(ok(ana("circle", "share", str(other), "--entry", entry, "--dry-run")))
    assert elsewhere["title"] == "M. at the hospital"
    ok(ana("circle", "redactions", "--remove", "st mary's", "--add", "clinic"))
    assert json.loads(ok(ana("circle", "redactions", "--json"))) == [
        {"word": "Margaret", "replacement": "M."},
        {"word": "clinic", "replacement": "C."},
    ]
    one_line_error(ana("circle", "redactions", "--remove", "nobody"), "not in the redaction list")
    one_line_error(
        ana("circle", "share", str(file), "--entry", entry, "--redact", "=x"), "--redact"
    )


def test_a_passphrase_circle_removal_is_truthful_and_the_passphrase_changes(
    three: tuple[Run, Run, Run], tmp_path: Path
) -> None:
    ana, bea, cal = three
    file = tmp_path / "Open.carecircle"
    ok(
        ana(
            "circle",
            "create",
            "--name",
            "Open",
            "--file",
            str(file),
            "--passphrase-circle",
            **SECRET,
        )
    )
    ok(bea("circle", "join", str(file), **SECRET))
    ok(cal("circle", "join", str(file), **SECRET))
    ok(ana("circle", "sync", str(file)))
    bea_fp = json.loads(ok(bea("identity", "show", "--json")))["fingerprint"]
    said = ok(ana("circle", "remove-member", str(file), "--member", bea_fp))
    assert "still know the circle passphrase" in said
    assert f"carecompanion circle passphrase {file}" in said
    new = {"CARECOMPANION_NEW_CIRCLE_PASSPHRASE": "a new kettle for us"}
    one_line_error(cal("circle", "passphrase", str(file), **new), "Only the circle's organiser")
    changed = ok(ana("circle", "passphrase", str(file), **new))
    assert "--given" in changed
    share(ana, file, "After the change")
    for person in (bea, cal):
        result = person("circle", "sync", str(file))
        one_line_error(result, "does not open")
        assert "repair" not in result.err
    one_line_error(cal("circle", "passphrase", str(file), "--given", **SECRET), "does not open")
    given = {"CARECOMPANION_CIRCLE_PASSPHRASE": "a new kettle for us"}
    ok(cal("circle", "passphrase", str(file), "--given", **given))
    titles = [
        r["text"] for r in json.loads(ok(cal("circle", "show", str(file), "--json")))["records"]
    ]
    assert "After the change" in titles


def test_verify_and_show_say_when_the_file_is_stale(
    three: tuple[Run, Run, Run], tmp_path: Path
) -> None:
    ana, bea, _cal = three
    file = keys_circle(ana, [bea], tmp_path)
    old = file.read_bytes()
    share(ana, file, "Newer")
    ok(bea("circle", "sync", str(file)))
    assert ok(bea("circle", "verify", str(file))).startswith("OK\t")
    file.write_bytes(old)  # restored from an old backup
    result = bea("circle", "verify", str(file))
    assert result.code == 1 and result.out.startswith("STALE\t")
    assert "older than what this computer has already seen from Ana" in result.err
    shown = bea("circle", "show", str(file), "--json")
    assert json.loads(shown.out)["stale"] and shown.code == 0
    assert "older than" in bea("circle", "show", str(file)).err


def test_show_tells_two_members_with_one_name_apart(
    three: tuple[Run, Run, Run], tmp_path: Path
) -> None:
    ana, bea, _cal = three
    file = keys_circle(ana, [bea], tmp_path)
    ok(bea("circle", "sync", str(file)))
    ok(bea("identity", "set-name", "Ana"))
    ok(bea("circle", "sync", str(file)))
    result = ana("circle", "show", str(file))
    members = [line.split("\t") for line in result.out.splitlines() if line.startswith("member\t")]
    names = [m[3] for m in members]
    assert len(set(names)) == 2 and all(n.startswith("Ana (") for n in names)
    assert "2 members are called Ana" in result.err
    assert "was called Bea before" in result.err
    assert [m[5] for m in members if m[2] == "member"] == ["Bea"]


def test_sync_merges_and_keeps_a_persons_own_copy(
    three: tuple[Run, Run, Run], tmp_path: Path
) -> None:
    ana, bea, _cal = three
    file = keys_circle(ana, [bea], tmp_path)
    backup = file.with_name("Tuesday-backup.carecircle")
    shutil.copyfile(file, backup)
    result = ana("circle", "sync", str(file))
    assert result.code == 0 and backup.exists()
    assert "merged the copy Tuesday-backup.carecircle and kept it" in result.err
    again = json.loads(ok(ana("circle", "sync", str(file), "--json")))
    assert (again["wrote"], again["new_records"]) == (False, 0) and backup.exists()
