"""The app's non-secret preferences (theme, idle time, window size) in an INI file.

Nothing a user wrote and no key ever goes here: the file sits in clear next to the vault.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from carecompanion.paths import AppPaths

DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 240


class UiSettings:
    def __init__(self, paths: AppPaths) -> None:
        self._qsettings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)

    @property
    def theme(self) -> str:
        value = str(self._qsettings.value("appearance/theme", "system"))
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qsettings.setValue("appearance/theme", value)

    @property
    def idle_minutes(self) -> int:
        try:
            value = int(str(self._qsettings.value("security/idle_minutes", DEFAULT_IDLE_MINUTES)))
        except ValueError:
            return DEFAULT_IDLE_MINUTES
        return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, value))

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._qsettings.setValue("security/idle_minutes", int(value))

    @property
    def geometry(self) -> QByteArray | None:
        value = self._qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", value)

    def sync(self) -> None:
        self._qsettings.sync()
