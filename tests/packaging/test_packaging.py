"""The installed app's pieces agree with each other and with the code: one app id, one MIME
type, the icon names, the resources the code asks for, and the Qt modules the spec leaves
out."""

from __future__ import annotations

import ast
import configparser
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.carecompanion.CareCompanion"
MIME = "application/x-carecircle"
SRC = ROOT / "src" / "carecompanion"


class _CaseKeepingParser(configparser.ConfigParser):
    """Keys as written (.desktop keys are case-sensitive), not lower-cased."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def _found(parent: ET.Element, path: str) -> ET.Element:
    element = parent.find(path)
    assert element is not None, f"no {path}"
    return element


def desktop_entry() -> configparser.SectionProxy:
    parser = _CaseKeepingParser(interpolation=None, strict=False)
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_metainfo_and_mime_agree() -> None:
    entry = desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].rstrip(";").split(";") == [MIME]
    assert entry["Exec"].split()[0] == "carecompanion" and "%F" in entry["Exec"]
    meta = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert _found(meta, "provides/mediatype").text == MIME
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    mime = ET.parse(LINUX / "carecompanion-mime.xml").getroot()
    mime_type = mime.find(f"{namespace}mime-type")
    assert mime_type is not None and mime_type.get("type") == MIME
    assert _found(mime_type, f"{namespace}glob").get("pattern") == "*.carecircle"
    assert _found(mime_type, f"{namespace}generic-icon").get("name") == APP_ID


def test_install_script_puts_things_where_the_desktop_looks() -> None:
    build = (ROOT / "packaging" / "build.py").read_text()
    install = (LINUX / "install.sh").read_text()
    for piece in ('"applications"', '"metainfo"', '"mime" / "packages"', '"hicolor"', '"scalable"'):
        assert piece in build, piece
    assert ".local/bin" in install and "update-mime-database" in install
    assert 'CareCompanion" ' not in (LINUX / "uninstall.sh").read_text()  # never the vault


def test_windows_and_macos_declare_the_circle_file_type() -> None:
    iss = (ROOT / "packaging" / "windows" / "carecompanion.iss").read_text()
    assert r"Software\Classes\.carecircle" in iss and "ChangesAssociations=yes" in iss
    spec = (ROOT / "packaging" / "carecompanion.spec").read_text()
    assert "CFBundleDocumentTypes" in spec and '"carecircle"' in spec and MIME in spec


def _excluded_qt_modules() -> set[str]:
    tree = ast.parse((ROOT / "packaging" / "carecompanion.spec").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "EXCLUDED_QT":
            assert isinstance(node.value, ast.List), "EXCLUDED_QT is a list"
            return {ast.literal_eval(element) for element in node.value.elts}
    raise AssertionError("EXCLUDED_QT not found in the spec")


def test_the_spec_leaves_out_only_qt_modules_the_code_never_imports() -> None:
    excluded = _excluded_qt_modules()
    assert "PySide6.QtQml" in excluded
    imported = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("PySide6")
            ):
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names if a.name.startswith("PySide6"))
    assert imported, "the scan found no Qt imports at all"
    assert not imported & excluded


def _literal_icon_names() -> set[str]:
    names = set()
    for path in (SRC / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            literals = [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            if name == "icon" and literals:
                names.add(f"icons/{literals[0]}.svg")
            if name == "resource_path" and literals and len(literals) == len(node.args):
                names.add("/".join(literals))
            for keyword in node.keywords:
                if (
                    keyword.arg == "icon_name"
                    and isinstance(keyword.value, ast.Constant)
                    and isinstance(keyword.value.value, str)
                ):
                    names.add(f"icons/{keyword.value.value}.svg")
    qss = (ROOT / "resources" / "styles" / "app.qss").read_text()
    names.update(f"icons/{n}" for n in re.findall(r"\{icons\}/([\w.-]+)", qss))
    return names


def test_every_resource_the_code_names_exists() -> None:
    names = _literal_icon_names()
    assert "icons/carecompanion.svg" in names and len(names) > 5
    missing = sorted(n for n in names if not (ROOT / "resources" / n).exists())
    assert missing == []


def test_installers_and_metadata_carry_the_package_version() -> None:
    from carecompanion import __version__

    iss = (ROOT / "packaging" / "windows" / "carecompanion.iss").read_text()
    default = re.search(r'#define AppVersion "([^"]+)"', iss)
    assert default is not None and default.group(1) == __version__
    meta = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert _found(meta, "releases/release").get("version") == __version__


def test_the_windows_icon_holds_every_size(tmp_path: Path) -> None:
    import importlib.util
    import struct

    spec = importlib.util.spec_from_file_location("build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    pngs = []
    for size in (16, 256):  # a minimal PNG header is all write_ico reads
        png = tmp_path / f"{size}.png"
        png.write_bytes(
            b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", size, size) + b"rest"
        )
        pngs.append(png)
    build.write_ico(tmp_path / "x.ico", pngs)
    data = (tmp_path / "x.ico").read_bytes()
    assert struct.unpack("<HHH", data[:6]) == (0, 1, 2)
    first, second = (struct.unpack("<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]) for i in (0, 1))
    assert first[:2] == (16, 16) and second[:2] == (0, 0)  # 0 means 256 in an .ico
    assert data[first[7] : first[7] + 8] == b"\x89PNG\r\n\x1a\n"
    assert second[7] == first[7] + first[6] and len(data) == second[7] + second[6]
