"""A camera for scripts/screenshots.py: a real X screen, a window manager, whole-screen pictures.

Screenshots grabbed from inside the app (``QWidget.grab()``) show a dialog without its frame,
at whatever size the script forced, never where the window manager put it and never cut off by
the screen's edge: exactly the faults a person on a small laptop meets. So the pictures are
taken the way a person sees them: the app runs on an Xvfb screen of a laptop's size with a
window manager (openbox) drawing frames, and each picture is the whole screen.

Dialogs are shot as the app opens them: while ``capture_dialogs`` is active, ``QDialog.exec()``
shows the dialog (not modal), lets the window manager place and frame it, takes the picture
and closes it, so the page's own code builds and sizes every dialog.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog

#: The laptop screen most caregivers have (and the one reviewers found faults on).
DEFAULT_SCREEN = (1366, 768)
INSIDE_ENV = "CARECOMPANION_SCREENSHOTS_INSIDE_XVFB"


def reexec_under_xvfb(argv: Sequence[str], screen: tuple[int, int]) -> int:
    """Run this script again on a fresh Xvfb screen (xvfb-run picks a free display)."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print(
            "screenshots: xvfb-run is missing: run 'python3 scripts/dev.py screenshots', "
            "which installs it (Debian packages xvfb, xauth, openbox).",
            file=sys.stderr,
        )
        return 1
    width, height = screen
    env = {**os.environ, INSIDE_ENV: "1", "QT_QPA_PLATFORM": "xcb"}
    env.pop("QT_SCALE_FACTOR", None)
    command = [
        xvfb_run,
        "-a",
        "-s",
        f"-screen 0 {width}x{height}x24 -dpi 96",
        sys.executable,
        *argv,
    ]
    return subprocess.run(command, env=env, check=False).returncode


@contextmanager
def window_manager() -> Iterator[None]:
    """openbox, for frames and placement like a desktop's; none if it is not installed."""
    openbox = shutil.which("openbox")
    if openbox is None:
        print("screenshots: openbox is not installed: windows have no frames.", file=sys.stderr)
        yield
        return
    process = subprocess.Popen([openbox], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.8)  # openbox takes the screen over before the first window maps
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=10)


def settle(milliseconds: int = 400) -> None:
    """Let Qt and the window manager finish mapping, placing and painting."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


class Camera:
    def __init__(self, out: Path, suffix: Callable[[], str] = lambda: "") -> None:
        self.out = out
        self.suffix = suffix  # e.g. "-es" while Spanish is installed
        self.taken: list[Path] = []

    def shoot(self, name: str, settle_ms: int = 400) -> Path:
        """The whole screen, as it looks now, saved as NAME (NAME is ``view-theme``)."""
        settle(settle_ms)
        view, _, theme_name = name.rpartition("-")
        path = self.out / f"{view}{self.suffix()}-{theme_name}.png"
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).save(str(path))
        self.taken.append(path)
        print(path, flush=True)
        return path


@contextmanager
def capture_dialogs(
    camera: Camera, names: Sequence[str], prepare: Callable[[QDialog, int], None] | None = None
) -> Iterator[None]:
    """While active, the n-th dialog the app opens (``exec()``, or ``open()`` for the
    window-modal ones such as the check-in) is shown, shot as ``names[n]`` and closed
    (rejected). ``prepare(dialog, n)`` may fill it in before the picture."""
    original_exec, original_open = QDialog.exec, QDialog.open
    counter = iter(range(len(names)))

    def shoot_and_close(dialog: QDialog, show: Callable[[QDialog], None]) -> None:
        number = next(counter, None)
        if number is None:  # more dialogs than names: not ours to shoot
            return
        show(dialog)
        settle(300)
        if prepare is not None:
            prepare(dialog, number)
        camera.shoot(names[number])
        dialog.reject()
        settle(100)

    def exec_shot(dialog: QDialog) -> int:
        shoot_and_close(dialog, QDialog.show)
        return int(QDialog.DialogCode.Rejected)

    def open_shot(dialog: QDialog) -> None:
        shoot_and_close(dialog, original_open)

    QDialog.exec = exec_shot  # type: ignore[method-assign]
    QDialog.open = open_shot  # type: ignore[method-assign]
    try:
        yield
    finally:
        QDialog.exec = original_exec  # type: ignore[method-assign]
        QDialog.open = original_open  # type: ignore[method-assign]
