"""The tests' fast KDF profile stays in the tests: the app and the CLI refuse what it makes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from carecompanion.__main__ import main
from carecompanion.circle import agefile
from carecompanion.paths import AppPaths
from carecompanion.vault import kdf
from carecompanion.vault.errors import HeaderDamaged
from carecompanion.vault.kdf import MINIMUM_KDF, KdfParams, meets_floor
from carecompanion.vault.vault import Vault
from tests.conftest import TEST_KDF, TEST_SCRYPT_WORK_FACTOR
from tests.helpers import GOOD_PASSPHRASE

SRC = Path(__file__).resolve().parents[2] / "src" / "carecompanion"
REFUSED = "weaker passphrase protection"


def test_most_tests_run_with_the_test_profile(kdf_profile: KdfParams) -> None:
    assert kdf_profile == TEST_KDF
    assert meets_floor(TEST_KDF)
    assert agefile.SCRYPT_WORK_FACTOR == TEST_SCRYPT_WORK_FACTOR


@pytest.mark.real_kdf
def test_real_kdf_tests_run_with_the_apps_floor(kdf_profile: KdfParams) -> None:
    assert kdf_profile == MINIMUM_KDF
    assert not meets_floor(TEST_KDF)
    assert meets_floor(MINIMUM_KDF)
    assert not TEST_KDF.is_at_least(MINIMUM_KDF)
    assert agefile.SCRYPT_WORK_FACTOR == 18


@pytest.mark.real_kdf
def test_the_app_and_the_cli_refuse_a_vault_made_with_the_test_profile(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:  # what the kdf_profile fixture does, for one vault
        patch.setattr(kdf, "_floor", TEST_KDF)
        unlocked, _recovery_key = Vault.create(paths, GOOD_PASSPHRASE, kdf=TEST_KDF)
        unlocked.lock()
    slot = json.loads(paths.header_file.read_bytes())["slots"]["passphrase"]
    assert (slot["memory_kib"], slot["iterations"], slot["lanes"]) == (1024, 1, 1)

    with pytest.raises(HeaderDamaged, match=REFUSED):
        Vault(paths).unlock(GOOD_PASSPHRASE)
    with pytest.raises(ValueError, match="minimum"):
        Vault.create(AppPaths(tmp_path / "other"), GOOD_PASSPHRASE, kdf=TEST_KDF)

    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", GOOD_PASSPHRASE)
    in_process = main(["--data-dir", str(paths.data_dir), "unlock-check"])
    assert in_process == 1

    # A fresh process, as the app and the CLI run: nothing of the test process carries over.
    completed = subprocess.run(
        [sys.executable, "-m", "carecompanion", "--data-dir", str(paths.data_dir), "unlock-check"],
        capture_output=True,
        text=True,
        env={**os.environ, "CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE},
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 1
    assert REFUSED in completed.stderr


def test_no_app_code_lowers_the_floor_or_the_work_factor() -> None:
    """Only kdf.py names the floor variable, and nothing in the app assigns it or the work
    factor: the fixture's monkeypatch is the one way to lower them."""
    floor = re.compile(r"(?<![\w.])_floor\b|\bkdf\._floor\b")
    lowered = re.compile(r"\bSCRYPT_WORK_FACTOR\s*=[^=]|setattr\(.*(_floor|WORK_FACTOR)")
    floor_users = []
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if floor.search(text) and path.name != "kdf.py":
            floor_users.append(path.name)
        for line in text.splitlines():
            if lowered.search(line):
                assert path.name == "agefile.py", (path, line)
    assert floor_users == []
    assert "_floor = MINIMUM_KDF" in (SRC / "vault" / "kdf.py").read_text(encoding="utf-8")
    assert "SCRYPT_WORK_FACTOR = 18" in (SRC / "circle" / "agefile.py").read_text(encoding="utf-8")
