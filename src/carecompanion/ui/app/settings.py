"""The app's non-secret preferences (theme, idle time, window size) in an INI file.

Nothing a user wrote and no key ever goes here: the file sits in clear next to the vault.
"""

from __future__ import annotations

from datetime import date, time

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
    def language(self) -> str:
        """ "system", or the code of a language we ship ("en", "es"); read once at start."""
        from carecompanion.ui.common.i18n import LANGUAGES, SYSTEM

        value = str(self._qsettings.value("appearance/language", SYSTEM))
        return value if value in LANGUAGES else SYSTEM

    @language.setter
    def language(self, value: str) -> None:
        self._qsettings.setValue("appearance/language", value)

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

    # -- reminders (when, not what: nothing here says anything about the person) ----------
    @property
    def reminder_enabled(self) -> bool:
        return str(self._qsettings.value("reminders/checkin_enabled", "false")) == "true"

    @reminder_enabled.setter
    def reminder_enabled(self, value: bool) -> None:
        self._qsettings.setValue("reminders/checkin_enabled", "true" if value else "false")

    @property
    def reminder_time(self) -> time:
        try:
            return time.fromisoformat(str(self._qsettings.value("reminders/checkin_at", "20:00")))
        except ValueError:
            return time(20, 0)

    @reminder_time.setter
    def reminder_time(self, value: time) -> None:
        self._qsettings.setValue("reminders/checkin_at", value.strftime("%H:%M"))

    @property
    def last_reminded(self) -> date | None:
        try:
            return date.fromisoformat(str(self._qsettings.value("reminders/last", "")))
        except ValueError:
            return None

    @last_reminded.setter
    def last_reminded(self, value: date) -> None:
        self._qsettings.setValue("reminders/last", value.isoformat())

    @property
    def meeting_lead_minutes(self) -> int:
        """How long before a group meeting the tray reminds (0: never)."""
        try:
            value = int(str(self._qsettings.value("reminders/meeting_lead_minutes", 60)))
        except ValueError:
            return 60
        return max(0, min(24 * 60, value))

    @meeting_lead_minutes.setter
    def meeting_lead_minutes(self, value: int) -> None:
        self._qsettings.setValue("reminders/meeting_lead_minutes", int(value))

    @property
    def help_lead_minutes(self) -> int:
        """How long before help this person promised in a circle the tray reminds (0:
        never; issue 18)."""
        try:
            value = int(str(self._qsettings.value("reminders/help_lead_minutes", 60)))
        except ValueError:
            return 60
        return max(0, min(24 * 60, value))

    @help_lead_minutes.setter
    def help_lead_minutes(self, value: int) -> None:
        self._qsettings.setValue("reminders/help_lead_minutes", int(value))

    def sync(self) -> None:
        self._qsettings.sync()
