"""carecompanion.render draws with QtGui only, on any thread, with no widgets and no UI; the
core never imports it. Checked where it runs (fresh processes, ``sys.modules``) and where it
is written (the ruff configuration each folder really gets)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ("journal", "mood", "people", "circle", "vault", "storage")


def _run(code: str, *args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


WORKER_PROBE = textwrap.dedent(
    """
    import importlib, json, os, pkgutil, sys, tempfile, threading
    from datetime import timedelta
    from pathlib import Path

    import carecompanion.render
    for info in pkgutil.walk_packages(carecompanion.render.__path__, "carecompanion.render."):
        importlib.import_module(info.name)

    from PySide6.QtCore import QCoreApplication
    from carecompanion.clock import SystemClock
    from carecompanion.mood.records import CheckInDraft
    from carecompanion.paths import AppPaths
    from carecompanion.render.application import ensure_application
    from carecompanion.render.mood_report import write_mood_report
    from carecompanion.session import VaultSession
    from carecompanion.vault.kdf import MINIMUM_KDF
    from carecompanion.vault.vault import Vault

    folder = Path(tempfile.mkdtemp())
    clock = SystemClock()
    unlocked, _key = Vault.create(
        AppPaths(folder / "data"), "a passphrase for the probe", kdf=MINIMUM_KDF, clock=clock
    )
    session = VaultSession(unlocked, clock)
    for days in range(20):
        session.mood.add(
            CheckInDraft(mood=2 + days % 3, stress=4, sleep_hours=6.5,
                         at=clock.now() - timedelta(days=days))
        )
    ensure_application()
    drawn_on = []
    def draw():
        drawn_on.append(threading.current_thread() is threading.main_thread())
        write_mood_report(session, folder / "report.pdf", None, None)
    worker = threading.Thread(target=draw)
    worker.start()
    worker.join()
    session.lock()
    print(json.dumps({
        "drawn_on_gui_thread": drawn_on,
        "pdf": (folder / "report.pdf").read_bytes()[:5].decode("ascii"),
        "application": type(QCoreApplication.instance()).__name__,
        "widgets": sorted(m for m in sys.modules
                          if m in ("PySide6.QtWidgets", "PySide6.QtCharts",
                                   "PySide6.QtPrintSupport")),
        "ui_or_cli": sorted(m for m in sys.modules
                            if m.startswith(("carecompanion.ui", "carecompanion.cli"))),
    }))
    """
)


@pytest.mark.real_kdf  # a fresh process: its vault is made at the app's real floor
def test_the_mood_report_is_drawn_on_a_worker_thread_without_widgets() -> None:
    report = _run(WORKER_PROBE)
    assert report["drawn_on_gui_thread"] == [False]
    assert report["pdf"] == "%PDF-"
    assert report["application"] == "QGuiApplication", "no QApplication, no widgets"
    assert report["widgets"] == []
    assert report["ui_or_cli"] == []


CORE_PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    import carecompanion
    walked = []
    for top in sys.argv[1:]:
        package = importlib.import_module("carecompanion." + top)
        walked.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith(".migrations.env"):  # runs inside Alembic only
                continue
            importlib.import_module(info.name)
            walked.append(info.name)
    print(json.dumps({
        "walked": walked,
        "render": sorted(m for m in sys.modules if m.startswith("carecompanion.render")),
        "qt": sorted(m for m in sys.modules if m.startswith("PySide6")),
    }))
    """
)


def test_the_core_never_imports_render() -> None:
    report = _run(CORE_PROBE, *CORE)
    walked = report["walked"]
    assert isinstance(walked, list) and len(walked) > 60, "the walk covered the core"
    assert "carecompanion.mood.stats" in walked and "carecompanion.journal.service" in walked
    assert report["render"] == [] and report["qt"] == []


def test_the_core_probe_would_notice_render() -> None:
    """Control: the same walk, with render loaded first, reports it."""
    report = _run("import carecompanion.render.charts\n" + CORE_PROBE, "mood")
    assert "carecompanion.render.charts" in report["render"]  # type: ignore[operator]


def _ruff(source: str, as_file: str) -> str:
    """What ruff says about ``source`` as if it were the repository file ``as_file`` (so the
    configuration of that folder applies), without writing anything into the tree."""
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("ruff")),
            "check",
            "--no-cache",
            "--select",
            "TID",
            "--stdin-filename",
            as_file,
            "-",
        ],
        input=source,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    ("source", "as_file", "banned"),
    [
        # render: QtGui yes; widgets, charts and the UI no.
        ("from PySide6.QtGui import QPainter\n", "src/carecompanion/render/x.py", None),
        (
            "from PySide6.QtWidgets import QWidget\n",
            "src/carecompanion/render/x.py",
            "PySide6.QtWidgets",
        ),
        (
            "from PySide6.QtCharts import QChart\n",
            "src/carecompanion/render/x.py",
            "PySide6.QtCharts",
        ),
        (
            "from carecompanion.ui.common import theme\n",
            "src/carecompanion/render/x.py",
            "carecompanion.ui",
        ),
        # the core: no Qt, no render.
        (
            "import carecompanion.render.charts\n",
            "src/carecompanion/mood/x.py",
            "carecompanion.render",
        ),
        ("from PySide6.QtGui import QColor\n", "src/carecompanion/journal/x.py", "PySide6"),
        # the CLI: render inside a handler, never the UI, nothing slow at the top.
        (
            "def f():\n    from carecompanion.render.mood_report import write_mood_report\n",
            "src/carecompanion/cli/x.py",
            None,
        ),
        (
            "from carecompanion.ui.common import i18n\n",
            "src/carecompanion/cli/x.py",
            "carecompanion.ui",
        ),
        (
            "import carecompanion.render.charts\n",
            "src/carecompanion/cli/x.py",
            "carecompanion.render",
        ),
        ("import sqlalchemy\n", "src/carecompanion/cli/x.py", "sqlalchemy"),
    ],
)
def test_ruff_holds_each_folder_to_its_layer(source: str, as_file: str, banned: str | None) -> None:
    said = _ruff(source, as_file)
    if banned is None:
        assert "All checks passed" in said, said
    else:
        assert f"`{banned}` is banned" in said, said
