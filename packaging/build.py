#!/usr/bin/env python3
"""Build the one-folder CareCompanion bundle with PyInstaller, and (Linux) its tarball.

Usage: .venv/bin/python packaging/build.py [--tarball] [--check]
       (or: python3 scripts/dev.py bundle [--tarball] [--check], which sets things up first)

- renders the app icon from resources/icons/carecompanion.svg into build/icons (PNG sizes
  for hicolor, a multi-size .ico for Windows; on macOS the .icns, with iconutil);
- runs PyInstaller on packaging/carecompanion.spec into dist/CareCompanion/;
- ``--check`` runs the built binary's ``--self-test`` offscreen and fails if it does not pass;
- ``--tarball`` (Linux) writes dist/CareCompanion-VERSION-linux-ARCH.tar.gz with the bundle,
  the desktop integration files and install.sh / uninstall.sh for ~/.local;
- ``--installer`` (Windows) runs Inno Setup's ``iscc`` on packaging/windows/carecompanion.iss
  with this version.
Prints the bundle's size.
"""

from __future__ import annotations

import argparse
import os
import platform
import posixpath
import shlex
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from carecompanion import __version__  # noqa: E402

APP = "CareCompanion"
APP_ID = "io.github.carecompanion.CareCompanion"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # an .ico entry is at most 256 pixels
BUILD = ROOT / "build"
DIST = ROOT / "dist"
LINUX = ROOT / "packaging" / "linux"


def render_icons() -> Path:
    """PNGs from the SVG with QtSvg, offscreen (no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    folder = BUILD / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "carecompanion.svg"))
    sizes = (*ICON_SIZES, 1024) if sys.platform == "darwin" else ICON_SIZES
    for size in sizes:
        image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(folder / f"carecompanion-{size}.png"))
    shutil.copy(folder / "carecompanion-256.png", folder / "carecompanion.png")
    write_ico(folder / "carecompanion.ico", [folder / f"carecompanion-{n}.png" for n in ICO_SIZES])
    if sys.platform == "darwin":
        make_icns(folder)
    del app
    return folder


def write_ico(target: Path, pngs: list[Path]) -> None:
    """A Windows icon with every size, each stored as PNG (allowed since Windows Vista): Qt's
    ICO writer stores one size only, which Explorer then scales down to a blur."""
    blobs = [png.read_bytes() for png in pngs]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for blob in blobs:
        width, height = struct.unpack(">II", blob[16:24])  # from the PNG's IHDR chunk
        entries += struct.pack(
            "<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(blob), offset
        )
        offset += len(blob)
    target.write_bytes(header + entries + b"".join(blobs))


def make_icns(folder: Path) -> None:
    """macOS: an .iconset folder in Apple's naming (NxN and NxN@2x), then iconutil."""
    iconset = folder / "carecompanion.iconset"
    shutil.rmtree(iconset, ignore_errors=True)
    iconset.mkdir()
    for size in (16, 32, 128, 256, 512):
        shutil.copy(folder / f"carecompanion-{size}.png", iconset / f"icon_{size}x{size}.png")
        shutil.copy(
            folder / f"carecompanion-{size * 2}.png", iconset / f"icon_{size}x{size}@2x.png"
        )
    subprocess.run(
        ["iconutil", "-c", "icns", str(iconset), "-o", str(folder / "carecompanion.icns")],
        check=True,
    )


def write_version_info() -> None:
    """Windows version resource (file properties)."""
    numbers = (*(int(part) for part in __version__.split(".")[:3]), 0)
    (BUILD / "version_info.txt").write_text(f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'CareCompanion'),
    StringStruct('FileDescription', 'CareCompanion: a private journal for caregivers'),
    StringStruct('FileVersion', '{__version__}'),
    StringStruct('ProductName', 'CareCompanion'),
    StringStruct('ProductVersion', '{__version__}'),
    StringStruct('LegalCopyright', 'GPL-3.0-or-later')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])]
)
""")


def run_pyinstaller() -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(ROOT / "packaging" / "carecompanion.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return DIST / APP


def run_inno_setup() -> None:
    """Windows: the installer, dist/CareCompanion-VERSION-windows-x64-setup.exe."""
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc is None:
        raise SystemExit("Inno Setup's iscc is not on PATH (https://jrsoftware.org/isinfo.php)")
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={__version__}",
            str(ROOT / "packaging" / "windows" / "carecompanion.iss"),
        ],
        check=True,
    )


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def self_test(bundle: Path) -> None:
    binary = bundle / (f"{APP}.exe" if sys.platform == "win32" else APP)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CARECOMPANION_HOME": home}
        result = subprocess.run(
            [str(binary), "--self-test"],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    print(result.stdout, end="")
    if result.returncode != 0 or "self-test passed" not in result.stdout:
        print(result.stderr, file=sys.stderr)
        raise SystemExit(f"the bundle's self-test failed (exit status {result.returncode})")


def make_tarball(bundle: Path, icons: Path) -> Path:
    arch = platform.machine() or "unknown"
    name = f"{APP}-{__version__}-linux-{arch}"
    staging = BUILD / name
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(bundle, staging / APP, symlinks=True)
    share = staging / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(LINUX / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(LINUX / "carecompanion-mime.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy(icons / f"carecompanion-{size}.png", target / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "carecompanion.svg", scalable / f"{APP_ID}.svg")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(LINUX / script, staging / script)
        (staging / script).chmod(0o755)
    tarball = DIST / f"{name}.tar.gz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(staging, arcname=name)
    return tarball


class UnsafeArchive(Exception):
    """A tar member that could write outside the folder, or is not a plain file, folder or
    link; the message names it."""


def safe_extract(archive: tarfile.TarFile, destination: Path) -> None:
    """Unpack ``archive`` into the (empty) folder ``destination``, never outside it.

    tarfile's own ``extractall(filter="data")`` needs Python 3.11.4 and Debian 12's is 3.11.2,
    so the members are checked and written here. Every member is checked before anything is
    written: only regular files, folders and symbolic links (PyInstaller links shared
    libraries inside the bundle); no absolute names and no ``..`` in names; no hard links,
    devices or FIFOs; a link's target must be relative and stay inside. Files are written by
    us, never through a link, with the archive's permission bits minus set-uid, set-gid,
    sticky and group/other write, owned by whoever runs this. Links are checked again on disk
    at the end, since a chain of links can lead where no single one does. Raises
    UnsafeArchive (the folder may then hold part of the archive: use a temporary one)."""
    root = destination.resolve()

    def member_path(member: tarfile.TarInfo) -> Path:
        name = PurePosixPath(member.name)
        if name.is_absolute() or ".." in name.parts:
            raise UnsafeArchive(f"member {member.name!r} is absolute or goes up with '..'")
        return root.joinpath(*name.parts)

    def check_link(member: tarfile.TarInfo) -> None:
        target = PurePosixPath(member.linkname)
        joined = posixpath.normpath(PurePosixPath(member.name).parent / target)
        if target.is_absolute() or joined == ".." or joined.startswith("../"):
            raise UnsafeArchive(f"link {member.name!r} points outside: {member.linkname!r}")

    members = archive.getmembers()
    for member in members:
        member_path(member)
        if member.issym():
            check_link(member)
        elif not (member.isfile() or member.isdir()):
            raise UnsafeArchive(f"member {member.name!r} is not a file, folder or symbolic link")
    links, folders = [], []
    for member in members:
        path = member_path(member)
        if path.parent.resolve() != path.parent:  # a link among the folders above it
            raise UnsafeArchive(f"member {member.name!r} would be written through a link")
        path.parent.mkdir(parents=True, exist_ok=True)
        if member.isdir():
            path.mkdir(exist_ok=True)
            folders.append((path, member.mode & 0o755))
        elif member.issym():
            path.symlink_to(member.linkname)
            links.append(path)
        else:
            source = archive.extractfile(member)
            if source is None:
                raise UnsafeArchive(f"member {member.name!r} has no content")
            with source, open(path, "xb") as target:
                shutil.copyfileobj(source, target)
            path.chmod(member.mode & 0o755)
    for path, mode in reversed(folders):  # last, so a read-only folder was still filled
        path.chmod(mode)
    for link in links:
        resolved = link.resolve()
        if resolved != root and root not in resolved.parents:
            raise UnsafeArchive(f"link {link.relative_to(root)} leads outside the folder")


def check_install(tarball: Path) -> None:
    """Unpack the tarball, run install.sh into a throwaway home, start the installed app."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        with tarfile.open(tarball) as archive:
            safe_extract(archive, Path(tmp))
        unpacked = next(p for p in Path(tmp).iterdir() if p.name.startswith(APP))
        env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / ".local/share")}
        subprocess.run(
            ["sh", str(unpacked / "install.sh")], env=env, check=True, capture_output=True
        )
        share = home / ".local" / "share"
        for expected in (
            f"applications/{APP_ID}.desktop",
            f"metainfo/{APP_ID}.metainfo.xml",
            f"mime/packages/{APP_ID}.xml",
            f"icons/hicolor/256x256/apps/{APP_ID}.png",
        ):
            if not (share / expected).exists():
                raise SystemExit(f"install.sh did not install {expected}")
        version = subprocess.run(
            [str(home / ".local" / "bin" / "carecompanion"), "--version"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if __version__ not in version:
            raise SystemExit(f"the installed app says {version!r}")
        check_installed_entry(share / "applications" / f"{APP_ID}.desktop")
        subprocess.run(
            ["sh", str(unpacked / "uninstall.sh")], env=env, check=True, capture_output=True
        )
        if (home / ".local" / "bin" / "carecompanion").exists():
            raise SystemExit("uninstall.sh left the launcher behind")
    print("install.sh and uninstall.sh: ok")


def check_installed_entry(entry: Path) -> None:
    """The installed menu entry starts the installed binary by its full path, and is valid."""
    exec_line = next(line for line in entry.read_text().splitlines() if line.startswith("Exec="))
    program = shlex.split(exec_line.removeprefix("Exec="))[0]
    if not (Path(program).is_absolute() and os.access(program, os.X_OK)):
        raise SystemExit(f"the installed menu entry does not start the app: {exec_line}")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(entry)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", action="store_true", help="also make the Linux tarball")
    parser.add_argument("--check", action="store_true", help="run the bundle's self-test")
    parser.add_argument(
        "--installer", action="store_true", help="also make the Windows installer (Inno Setup)"
    )
    args = parser.parse_args()
    if args.tarball and not sys.platform.startswith("linux"):
        parser.error("--tarball is for Linux")
    if args.installer and sys.platform != "win32":
        parser.error("--installer is for Windows")
    icons = render_icons()
    write_version_info()
    bundle = run_pyinstaller()
    print(f"bundle: {bundle} ({folder_size(bundle) / 2**20:.0f} MiB)")
    if args.check:
        self_test(bundle)
    if args.tarball:
        tarball = make_tarball(bundle, icons)
        print(f"tarball: {tarball} ({tarball.stat().st_size / 2**20:.0f} MiB)")
        if args.check:
            check_install(tarball)
    if args.installer:
        run_inno_setup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
