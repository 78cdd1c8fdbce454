"""Starting CareCompanion at login, minimised to the tray (Linux: an XDG autostart entry).

Windows and macOS are documented in docs/reminders.md (a Startup-folder shortcut, a login
item) and handled by their installers. Paths come from the caller, never from import time.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path

from carecompanion.atomic import atomic_write_bytes

ENTRY_NAME = "carecompanion.desktop"


def autostart_dir(env: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    environ = os.environ if env is None else env
    config = environ.get("XDG_CONFIG_HOME") or str((home or Path.home()) / ".config")
    return Path(config) / "autostart"


def desktop_entry(command: Sequence[str]) -> str:
    """A Desktop Entry (freedesktop.org spec 1.5) that starts the app quietly in the tray."""
    exec_line = " ".join(shlex.quote(part) for part in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=CareCompanion\n"
        "Comment=Start CareCompanion in the tray, for check-in and meeting reminders\n"
        f"Exec={exec_line}\n"
        "Icon=carecompanion\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def enable(folder: Path, command: Sequence[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ENTRY_NAME
    atomic_write_bytes(path, desktop_entry(command).encode("utf-8"), mode=0o644)
    return path


def disable(folder: Path) -> None:
    (folder / ENTRY_NAME).unlink(missing_ok=True)


def is_enabled(folder: Path) -> bool:
    return (folder / ENTRY_NAME).is_file()
