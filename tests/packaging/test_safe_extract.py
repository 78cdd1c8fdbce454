"""packaging/build.py unpacks the tarball it checks without tarfile's ``filter="data"`` (Python
3.11.4+; Debian 12 has 3.11.2), and refuses every member that could land outside."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import stat
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[2]
Member = tuple[str, str, str]  # (kind, name, content or link target)


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = load_build()


def make_tar(path: Path, members: list[Member], mode: int = 0o644) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for kind, name, value in members:
            info = tarfile.TarInfo(name)
            data = b""
            if kind == "file":
                data = value.encode()
                info.size, info.mode = len(data), mode
            elif kind == "dir":
                info.type, info.mode = tarfile.DIRTYPE, 0o755
            elif kind == "symlink":
                info.type, info.linkname = tarfile.SYMTYPE, value
            elif kind == "hardlink":
                info.type, info.linkname = tarfile.LNKTYPE, value
            elif kind == "fifo":
                info.type = tarfile.FIFOTYPE
            elif kind == "device":
                info.type, info.devmajor, info.devminor = tarfile.CHRTYPE, 1, 3
            archive.addfile(info, io.BytesIO(data) if data else None)
    return path


def extract(path: Path, destination: Path) -> None:
    with tarfile.open(path) as archive:
        build.safe_extract(archive, destination)


@pytest.fixture
def no_tarfile_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """tarfile's own extraction (and so its 3.11.4+ filters) is never used."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("tarfile's own extraction was used")

    for name in ("extractall", "extract", "_extract_member"):
        monkeypatch.setattr(tarfile.TarFile, name, refuse)


@pytest.mark.usefixtures("no_tarfile_extraction")
def test_a_bundle_like_tarball_unpacks(tmp_path: Path) -> None:
    tarball = make_tar(
        tmp_path / "ok.tar.gz",
        [
            ("dir", "App", ""),
            ("dir", "App/_internal", ""),
            ("file", "App/_internal/PySide6/Qt/lib/libQt6Core.so.6", "qt core"),
            ("symlink", "App/_internal/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6"),
            ("symlink", "App/_internal/PySide6/libshiboken.so", "../libQt6Core.so.6"),
            ("file", "./App/install.sh", "#!/bin/sh"),
        ],
        mode=0o4777,  # set-uid and world-writable in the archive: neither survives
    )
    out = tmp_path / "out"
    out.mkdir()
    extract(tarball, out)
    internal = out / "App" / "_internal"
    assert (internal / "libQt6Core.so.6").read_text() == "qt core"
    assert (internal / "libQt6Core.so.6").is_symlink()
    assert (internal / "PySide6" / "libshiboken.so").read_text() == "qt core"
    assert (out / "App" / "install.sh").read_text() == "#!/bin/sh"
    assert stat.S_IMODE((out / "App" / "install.sh").stat().st_mode) == 0o755


REFUSED: dict[str, list[Member]] = {
    "absolute name": [("file", "/tmp/carecompanion-evil", "x")],
    "dot-dot name": [("file", "../evil", "x")],
    "dot-dot inside a name": [("dir", "a", ""), ("file", "a/../../evil", "x")],
    "absolute link": [("symlink", "passwd", "/etc/passwd")],
    "link up and out": [("dir", "a", ""), ("symlink", "a/up", "../../..")],
    "hard link": [("file", "a", "x"), ("hardlink", "b", "a")],
    "fifo": [("fifo", "pipe", "")],
    "device": [("device", "null", "")],
}


@pytest.mark.usefixtures("no_tarfile_extraction")
@pytest.mark.parametrize("name", REFUSED)
def test_unsafe_members_are_refused_before_anything_is_written(name: str, tmp_path: Path) -> None:
    tarball = make_tar(tmp_path / "bad.tar.gz", REFUSED[name])
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    with pytest.raises(build.UnsafeArchive):
        extract(tarball, out)
    assert list(out.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.tar.gz", "deep"]


WRITE_REFUSED: dict[str, list[Member]] = {
    # Each link alone points inside; "e" through "d" (the folder itself) goes one level up.
    "a chain of links": [("symlink", "d", "."), ("symlink", "e", "d/..")],
    # A file must never be written through a link, even one that points inside.
    "a file through a link": [("dir", "sub", ""), ("symlink", "l", "sub"), ("file", "l/f", "x")],
    "a folder through a chain": [
        ("symlink", "d", "."),
        ("symlink", "e", "d/.."),
        ("file", "e/evil", "x"),
    ],
}


@pytest.mark.parametrize("name", WRITE_REFUSED)
def test_links_are_checked_on_disk_too(name: str, tmp_path: Path) -> None:
    tarball = make_tar(tmp_path / "bad.tar.gz", WRITE_REFUSED[name])
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    with pytest.raises(build.UnsafeArchive):
        extract(tarball, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.tar.gz", "deep"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]


def test_check_install_uses_it() -> None:
    source = (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert "safe_extract(archive, Path(tmp))" in source
    assert re.search(r"\.extract(all)?\(", source) is None


def test_it_runs_on_pythons_without_extraction_filters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python 3.11.2 has no tarfile.data_filter: nothing here may depend on it."""
    monkeypatch.delattr(tarfile, "data_filter", raising=False)
    tarball = make_tar(tmp_path / "ok.tar.gz", [("file", "a/b", "x")])
    out = tmp_path / "out"
    out.mkdir()
    extract(tarball, out)
    assert (out / "a" / "b").read_text() == "x"
    assert os.access(out / "a" / "b", os.R_OK)
