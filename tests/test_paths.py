"""AppPaths, the injectable clock and atomic writes."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from carecompanion.atomic import atomic_write_bytes
from carecompanion.clock import FixedClock, SystemClock
from carecompanion.paths import HOME_ENV, AppPaths


def test_explicit_folder_wins(tmp_path: Path) -> None:
    env = {HOME_ENV: str(tmp_path / "from-env")}
    assert AppPaths.resolve(tmp_path / "explicit", env).data_dir == tmp_path / "explicit"
    assert AppPaths.resolve(None, env).data_dir == tmp_path / "from-env"


def test_environment_folder_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert AppPaths.resolve(None, {HOME_ENV: "relative"}).data_dir == tmp_path / "relative"
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert AppPaths.resolve("~/vault", {}).data_dir == tmp_path / "user" / "vault"


def test_platform_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    resolved = AppPaths.resolve(None, {})
    assert resolved.data_dir.name == "CareCompanion"
    if os.name == "posix" and os.uname().sysname == "Linux":
        assert resolved.data_dir == tmp_path / "xdg" / "CareCompanion"


def test_tests_never_use_the_real_data_folder(isolated_env: Path) -> None:
    assert AppPaths.resolve().data_dir == isolated_env
    assert os.environ.get("CARECOMPANION_PASSPHRASE") is None


def test_file_names(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path)
    assert paths.header_file == tmp_path / "vault.header"
    assert paths.database_file == tmp_path / "vault.db"
    assert paths.backups_dir == tmp_path / "backups"
    assert paths.settings_file.parent == tmp_path
    assert paths.log_file.parent == tmp_path


def test_ensure_makes_private_folders(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "a" / "b")
    assert not paths.vault_exists()
    paths.ensure()
    paths.ensure()  # idempotent
    assert paths.backups_dir.is_dir()
    if os.name == "posix":
        assert paths.data_dir.stat().st_mode & 0o777 == 0o700
        assert paths.backups_dir.stat().st_mode & 0o777 == 0o700


def test_atomic_write(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]  # no temp file left behind
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_atomic_write_failure_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.bin"
    target.write_bytes(b"old")

    def failing_replace(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_fixed_clock() -> None:
    clock = FixedClock(datetime(2026, 3, 3, 12, tzinfo=UTC))
    assert clock.now() == datetime(2026, 3, 3, 12, tzinfo=UTC)
    clock.advance(90)
    assert clock.now() == datetime(2026, 3, 3, 12, 1, 30, tzinfo=UTC)
    assert clock.timestamp() == clock.now().timestamp()
    assert FixedClock().now().tzinfo is not None


def test_system_clock_is_aware() -> None:
    clock = SystemClock()
    assert clock.now().tzinfo is UTC
    assert abs(clock.timestamp() - clock.now().timestamp()) < 5


def test_conftest_environment() -> None:
    assert os.environ["QT_QPA_PLATFORM"]
    assert os.environ["LANG"]
    runtime = Path(os.environ["XDG_RUNTIME_DIR"])
    assert runtime.is_dir()
    assert runtime.stat().st_mode & 0o777 == 0o700
