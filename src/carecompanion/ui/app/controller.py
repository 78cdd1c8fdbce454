"""The app's flow: first run, unlock, the unlocked app, locking. Rules stay in the core."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from carecompanion import autostart
from carecompanion.clock import Clock
from carecompanion.paths import AppPaths
from carecompanion.ui.app.idle import IdleLock
from carecompanion.ui.app.main_window import MainWindow
from carecompanion.ui.app.settings import UiSettings
from carecompanion.ui.app.unlock_view import UnlockView
from carecompanion.ui.common import error_words, theme
from carecompanion.ui.common.heap import release_long_lived
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.workers import run_in_background, workers_for

if TYPE_CHECKING:
    from carecompanion.session import VaultSession
    from carecompanion.ui.app.main_shell import MainShell
    from carecompanion.ui.app.setup_wizard import SetupWizard
    from carecompanion.ui.app.tray import Tray
    from carecompanion.ui.mood.checkin_flow import ClosedForLock
    from carecompanion.vault.device_keys import DeviceKeyStore
    from carecompanion.vault.kdf import KdfParams
    from carecompanion.vault.vault import UnlockedVault

log = logging.getLogger(__name__)

#: How long locking waits for background work to end (a circle sync on a slow network
#: share, a backup of a large journal) before the keys go anyway.
LOCK_WAIT_SECONDS = 60.0


def launch_command() -> list[str]:
    """How to start this very installation again: the bundle's binary, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "carecompanion"]


class AppController(QObject):
    unlocked = Signal()
    locked = Signal()

    def __init__(
        self,
        paths: AppPaths,
        clock: Clock,
        *,
        kdf: KdfParams | None = None,
        device_store: DeviceKeyStore | None = None,
        settings: UiSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.clock = clock
        self._kdf = kdf
        self._device_store = device_store
        self.settings = settings or UiSettings(paths)
        self.window = MainWindow()
        self.window.closing.connect(self.shutdown)
        # Parented at once: a parentless widget left to Python's shutdown can crash PySide.
        self.unlock_view = UnlockView(self.window.views)
        self.window.views.addWidget(self.unlock_view)
        self.unlock_view.unlock_requested.connect(self.unlock)
        self.unlock_view.recover_requested.connect(self.recover)
        self.wizard: SetupWizard | None = None
        self.shell: MainShell | None = None
        self.session: VaultSession | None = None
        self._pending: UnlockedVault | None = None
        self.idle = IdleLock(clock, self.settings.idle_minutes * 60, self)
        self.idle.idle.connect(self.lock)
        self._busy = False
        self._shut_down = False
        self.tray: Tray | None = None
        self.maintenance_done = False
        # What became of a check-in that was open when the app locked (no word of it: see
        # ui/mood/checkin_flow.py), said after the next unlock; and the tray's "Check in…"
        # chosen while locked, opened after it.
        self._checkin_at_lock: ClosedForLock | None = None
        self._checkin_after_unlock = False

    # -- start ------------------------------------------------------------------------------
    def start(self, show: bool = True) -> None:
        if self.paths.vault_exists():
            self.show_unlock()
            self._try_remembered_unlock()
        else:
            self.show_wizard()
        geometry = self.settings.geometry
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        if show:
            self.window.show()

    def start_unlocked(self, unlocked: UnlockedVault) -> None:
        """Open straight into the app (the demo, the self-test)."""
        self._open(unlocked)
        self.window.show()

    def show_unlock(self) -> None:
        self.unlock_view.reset()
        self.window.show_view(self.unlock_view)
        self.unlock_view.passphrase.setFocus()

    def show_wizard(self) -> None:
        from carecompanion.ui.app.setup_wizard import SetupWizard

        self.wizard = SetupWizard()
        self.wizard.create_requested.connect(self._create_vault)
        self.wizard.finished.connect(self._wizard_finished)
        self.window.show_view(self.wizard)

    # -- creating ---------------------------------------------------------------------------
    def _create_vault(self, passphrase: str) -> None:
        from carecompanion.session import create_vault
        from carecompanion.vault.kdf import DEFAULT_KDF

        kdf = self._kdf or DEFAULT_KDF

        def work() -> tuple[UnlockedVault, str]:
            return create_vault(self.paths, passphrase, kdf=kdf, clock=self.clock)

        def done(result: tuple[UnlockedVault, str]) -> None:
            unlocked, recovery_key = result
            self._pending = unlocked
            assert self.wizard is not None
            self.wizard.show_recovery_key(recovery_key)

        def failed(exc: Exception) -> None:
            assert self.wizard is not None
            self.wizard.creation_failed(error_words.message(exc))

        run_in_background(work, done, failed, self)

    def _wizard_finished(self) -> None:
        unlocked, self._pending = self._pending, None
        country = self.wizard.chosen_country if self.wizard is not None else None
        if self.wizard is not None:
            self.window.remove_view(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None
        if unlocked is not None:
            self._open(unlocked)
            if country and self.session is not None:
                self.session.people.crisis.choose_country(country)

    # -- unlocking --------------------------------------------------------------------------
    def _try_remembered_unlock(self) -> None:
        from carecompanion.vault.vault import Vault

        vault = Vault(self.paths, self.clock, defer_maintenance=True)
        if not vault.is_remembered():
            return
        store = self._store()
        self._start_unlock(lambda: vault.unlock_with_device_key(store), quiet=True)

    def unlock(self, passphrase: str) -> None:
        from carecompanion.vault.vault import Vault

        vault = Vault(self.paths, self.clock, defer_maintenance=True)
        self._start_unlock(lambda: vault.unlock(passphrase), passphrase=passphrase)

    def recover(self, recovery_key: str, new_passphrase: str) -> None:
        from carecompanion.vault.vault import Vault

        def work() -> UnlockedVault:
            vault = Vault(self.paths, self.clock, defer_maintenance=True)
            unlocked = vault.unlock_with_recovery_key(recovery_key)
            unlocked.change_passphrase(new_passphrase)
            return unlocked

        self._start_unlock(work)

    def _start_unlock(
        self,
        work: Callable[[], UnlockedVault | None],
        quiet: bool = False,
        passphrase: str | None = None,
    ) -> None:
        if self._busy:
            return
        self._busy = True
        self.unlock_view.set_busy(True)

        def done(unlocked: UnlockedVault | None) -> None:
            self._busy = False
            self.unlock_view.set_busy(False)
            if unlocked is not None:
                self._open(unlocked)

        def failed(exc: Exception) -> None:
            self._busy = False
            self.unlock_view.set_busy(False)
            from carecompanion.vault.errors import DatabaseDamaged, HeaderDamaged

            if isinstance(exc, DatabaseDamaged | HeaderDamaged) and passphrase is not None:
                self._offer_restore(error_words.message(exc), passphrase)
            elif not quiet:
                self.unlock_view.show_error(error_words.message(exc))

        run_in_background(work, done, failed, self)

    def _offer_restore(self, problem: str, passphrase: str) -> None:
        from carecompanion.vault.backup import BackupRotation
        from carecompanion.vault.vault import restore_backup

        backups = BackupRotation(self.paths, self.clock).list()
        if not backups:
            self.unlock_view.show_error(problem + " " + self.tr("No backup was found."))
            return
        latest = backups[0]
        answer = QMessageBox.question(
            self.window,
            self.tr("Your journal needs repair"),
            problem
            + "\n\n"
            + self.tr(
                "CareCompanion has a backup from {day}. Restore it? The damaged copy is kept "
                "aside, not deleted."
            ).format(day=format_when(latest.day, "long_date")),
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.unlock_view.show_error(problem)
            return
        try:
            restore_backup(latest.path, self.paths, passphrase=passphrase, clock=self.clock)
        except Exception as exc:  # shown to the user; the vault on disk is unchanged
            self.unlock_view.show_error(error_words.message(exc))
            return
        self.unlock(passphrase)

    def _open(self, unlocked: UnlockedVault) -> None:
        from carecompanion.session import VaultSession
        from carecompanion.ui.app.main_shell import MainShell

        self.session = VaultSession(unlocked, self.clock)
        self.shell = MainShell(self.session)
        self.shell.lock_requested.connect(self.lock)
        self.shell.settings_requested.connect(self.open_settings)
        self.unlock_view.reset()
        self.window.show_view(self.shell)
        self.shell.journal_page.list.setFocus()  # straight to the entries, not the sidebar
        self.idle.timeout_seconds = self.settings.idle_minutes * 60
        self.idle.start()
        closed, self._checkin_at_lock = self._checkin_at_lock, None
        if closed is not None:
            self.shell.tell_checkin_at_lock(closed)
        if self._checkin_after_unlock:
            self._checkin_after_unlock = False
            self.shell.check_in()
        log.info("vault unlocked")
        self.unlocked.emit()
        self._start_maintenance(unlocked)

    def _start_maintenance(self, unlocked: UnlockedVault) -> None:
        """A large journal's full check and the daily backup, after the window is open."""

        def failed(exc: Exception) -> None:
            from carecompanion.vault.errors import DatabaseDamaged

            if unlocked.is_locked:
                return  # locked meanwhile: the next unlock tries again
            if isinstance(exc, DatabaseDamaged):
                QMessageBox.warning(
                    self.window,
                    self.tr("Your journal needs repair"),
                    self.tr(
                        "{problem}\n\nLock CareCompanion and unlock it again to be offered your "
                        "last good backup. Until then, nothing more is backed up."
                    ).format(problem=error_words.message(exc)),
                )
            else:
                log.warning("background maintenance failed: %s", type(exc).__name__)

        self.maintenance_done = False

        def done(_result: object) -> None:
            self.maintenance_done = True

        # The session's work: locking waits for a backup under way rather than close the
        # database under it.
        assert self.session is not None
        workers_for(self.session).start(
            lambda _task: unlocked.run_maintenance(), done, failed, owner=self
        )

    # -- locking ----------------------------------------------------------------------------
    def lock(self) -> None:
        """Drop every decrypted object: the pages' models, the pages, the keys. Background
        work stops first (see ``_stop_work``)."""
        self.idle.stop()
        if self.session is not None:
            self._stop_work(self.session)
        for dialog in self.window.findChildren(QMessageBox):
            dialog.reject()
        if self.shell is not None:
            self._checkin_at_lock = self.shell.close_checkin_for_lock()  # before anything goes
            self.shell.clear()
            self.window.remove_view(self.shell)
            self.shell.deleteLater()
            self.shell = None
        if self.session is not None:
            self.session.lock()
            self.session = None
            release_long_lived()  # no decrypted object left waiting in a frozen cycle
        if self.paths.vault_exists():
            self.show_unlock()
        log.info("vault locked")
        self.locked.emit()

    def _stop_work(self, session: VaultSession) -> None:
        """Before anything is dropped: no new work starts, running work is told to stop at its
        next safe point (an import before or after its one transaction, an export before its
        file is in place), and we wait until it has, so nothing is half written, no database
        closes under a job, and no result comes back to pages that are gone."""
        workers = workers_for(session)
        workers.stop()
        if not workers.running():
            return
        self.window.show_view(self.unlock_view)  # the journal leaves the screen meanwhile
        self.window.repaint()
        if not workers.wait(LOCK_WAIT_SECONDS):
            log.warning("locking: background work still running after %.0f s", LOCK_WAIT_SECONDS)

    def shutdown(self) -> None:
        """Save the window's place and lock; runs once, on close or when the app quits."""
        if self._shut_down:
            return
        self._shut_down = True
        self.settings.geometry = self.window.saveGeometry()
        self.settings.sync()
        if self.session is not None:
            self.lock()

    # -- the tray --------------------------------------------------------------------------
    def attach_tray(self, tray: Tray) -> None:
        self.tray = tray
        tray.open_requested.connect(self.show_window)
        tray.checkin_requested.connect(self.check_in_from_tray)
        tray.lock_requested.connect(self.lock)
        tray.quit_requested.connect(QApplication.quit)

    def checked_in_today(self) -> bool:
        """Unknown while locked: then the reminder shows (it carries nothing private)."""
        if self.session is None:
            return False
        return bool(self.session.mood.list(since=self.session.mood.today()))

    def next_meeting_start(self) -> datetime | None:
        """Known only while unlocked: the schedule is in the encrypted vault."""
        if self.session is None:
            return None
        upcoming = self.session.groups.upcoming(limit=1)
        return upcoming[0].start if upcoming else None

    def show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def check_in_from_tray(self) -> None:
        """The tray's "Check in…" (or its reminder): over whichever page is open, like
        Ctrl+K; while locked, right after unlocking."""
        self.show_window()
        if self.shell is not None:
            self.shell.check_in()
        else:
            self._checkin_after_unlock = self.paths.vault_exists()

    # -- settings ---------------------------------------------------------------------------
    def _store(self) -> DeviceKeyStore:
        if self._device_store is None:
            from carecompanion.vault.device_keys import DeviceKeyStore

            self._device_store = DeviceKeyStore()
        return self._device_store

    def open_settings(self) -> None:
        from carecompanion.ui.app.settings_dialog import SettingsDialog

        if self.session is None:
            return
        store = self._store()
        dialog = SettingsDialog(
            self.settings.theme,
            self.settings.idle_minutes,
            self.session.unlocked.is_remembered,
            store.unavailable_reason(),
            self.window,
        )
        dialog.set_language(self.settings.language)
        dialog.set_reminders(
            self.settings.reminder_enabled,
            self.settings.reminder_time,
            autostart.is_enabled(autostart.autostart_dir()),
            None
            if self.tray is not None
            else self.tr("This desktop has no system tray, so reminders cannot be shown."),
            self.settings.meeting_lead_minutes,
        )
        dialog.change_passphrase_button.clicked.connect(lambda: self.change_passphrase(dialog))
        if dialog.exec() != SettingsDialog.DialogCode.Accepted or self.session is None:
            return
        self.apply_settings(
            dialog.chosen_theme,
            dialog.idle.value(),
            dialog.remember.isChecked(),
            reminder=(dialog.reminder.isChecked(), dialog.reminder_time()),
            start_at_login=dialog.start_at_login.isChecked(),
        )
        self.settings.meeting_lead_minutes = dialog.meeting_lead.value()
        self.settings.language = dialog.chosen_language  # read at the next start
        self.settings.sync()

    def apply_settings(
        self,
        theme_name: str,
        idle_minutes: int,
        remember: bool,
        reminder: tuple[bool, time] | None = None,
        start_at_login: bool | None = None,
    ) -> None:
        self.settings.theme = theme_name
        self.settings.idle_minutes = idle_minutes
        if reminder is not None:
            self.settings.reminder_enabled, self.settings.reminder_time = reminder
        self.settings.sync()
        if start_at_login is not None and sys.platform.startswith("linux"):
            folder = autostart.autostart_dir()
            if start_at_login:
                autostart.enable(folder, [*launch_command(), "--minimized"])
            else:
                autostart.disable(folder)
        self.idle.timeout_seconds = self.settings.idle_minutes * 60
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, theme_name)
        if self.session is not None and remember != self.session.unlocked.is_remembered:
            try:
                if remember:
                    self.session.unlocked.remember_on_this_computer(self._store())
                else:
                    self.session.unlocked.forget_this_computer(self._store())
            except Exception as exc:  # keyring trouble is shown, never fatal
                QMessageBox.warning(self.window, self.tr("Settings"), error_words.message(exc))

    def change_passphrase(self, parent: QObject | None = None) -> None:
        from carecompanion.ui.app.settings_dialog import ChangePassphraseDialog

        if self.session is None:
            return
        dialog = ChangePassphraseDialog(self.window)
        while dialog.exec() == ChangePassphraseDialog.DialogCode.Accepted:
            unlocked = self.session.unlocked
            if not unlocked.check_passphrase(dialog.current.text()):
                dialog.show_error(self.tr("The current passphrase is not right."))
                continue
            try:
                unlocked.change_passphrase(dialog.new.text())
            except Exception as exc:
                dialog.show_error(error_words.message(exc))
                continue
            QMessageBox.information(
                self.window,
                self.tr("Passphrase changed"),
                self.tr("Your passphrase has been changed. Your recovery key still works."),
            )
            return
