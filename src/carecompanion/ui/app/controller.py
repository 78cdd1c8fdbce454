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
from carecompanion.vault.writer_lock import Holder

if TYPE_CHECKING:
    from carecompanion.circle.help_news import HelpNews
    from carecompanion.circle.helping import HelpBoard
    from carecompanion.errors import Notice
    from carecompanion.session import VaultSession
    from carecompanion.ui.app.earlier_journals import EarlierJournalsDialog
    from carecompanion.ui.app.main_shell import MainShell
    from carecompanion.ui.app.setup_wizard import SetupWizard
    from carecompanion.ui.app.tray import Tray
    from carecompanion.ui.mood.checkin_flow import ClosedForLock
    from carecompanion.vault.device_keys import DeviceKeyStore
    from carecompanion.vault.kdf import KdfParams
    from carecompanion.vault.vault import UnlockedVault, Vault

log = logging.getLogger(__name__)

#: How long unlocking waits for a command (an import in a terminal) to let go of the journal.
UNLOCK_WAIT_SECONDS = 15.0
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
        self.unlock_view.earlier_requested.connect(self.show_earlier_journals)
        self.wizard: SetupWizard | None = None
        self.earlier_dialog: EarlierJournalsDialog | None = None
        self.shell: MainShell | None = None
        self.session: VaultSession | None = None
        self._pending: UnlockedVault | None = None
        self.idle = IdleLock(clock, self.settings.idle_minutes * 60, self)
        self.idle.idle.connect(self.lock)
        self._busy = False
        self._shut_down = False
        self.tray: Tray | None = None
        self.maintenance_done = False
        # Set when the background check found the journal damaged: the next unlock verifies
        # every page first, so it fails there and offers the last good backup.
        self._check_at_unlock = False
        # What became of a check-in that was open when the app locked (no word of it: see
        # ui/mood/checkin_flow.py), said after the next unlock; and the tray's "Check in…"
        # chosen while locked, opened after it.
        self._checkin_at_lock: ClosedForLock | None = None
        self._checkin_after_unlock = False

    # -- start ------------------------------------------------------------------------------
    def start(self, show: bool = True) -> None:
        said, pending = self._finish_interrupted_restore()  # before anything reads the vault
        if pending:  # it could not be finished: never the wizard over the moving journal
            self.show_unlock()
            self.unlock_view.show_error(said or "")
        elif self.paths.vault_exists():
            self.show_unlock()
            if said:
                self.unlock_view.set_hint(said)
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
        from carecompanion.vault.earlier import list_earlier

        self.unlock_view.reset()
        self.unlock_view.set_earlier_journals(bool(list_earlier(self.paths)))
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
            return create_vault(
                self.paths, passphrase, kdf=kdf, clock=self.clock, holder=Holder.APP
            )

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
    def _vault(self, lock_wait: float = UNLOCK_WAIT_SECONDS) -> Vault:
        """The vault, as the app holds it: its writer while unlocked (vault/writer_lock.py)."""
        from carecompanion.vault.vault import Vault

        return Vault(
            self.paths,
            self.clock,
            defer_maintenance=True,
            holder=Holder.APP,
            lock_wait=lock_wait,
            check_on_open=self._check_at_unlock,
        )

    def _try_remembered_unlock(self) -> None:
        # No wait: while a command has the journal, the unlock screen shows at once.
        vault = self._vault(lock_wait=0)
        if not vault.is_remembered():
            return
        store = self._store()
        self._start_unlock(lambda: vault.unlock_with_device_key(store), quiet=True)

    def unlock(self, passphrase: str) -> None:
        vault = self._vault()
        self._start_unlock(lambda: vault.unlock(passphrase), passphrase=passphrase)

    def recover(self, recovery_key: str, new_passphrase: str) -> None:
        def work() -> UnlockedVault:
            vault = self._vault()
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
            from carecompanion.vault.errors import DatabaseDamaged, HeaderDamaged, VaultMismatch

            restorable = DatabaseDamaged | HeaderDamaged | VaultMismatch
            if isinstance(exc, restorable) and passphrase is not None:
                self._offer_restore(error_words.message(exc), passphrase)
            elif not quiet:
                self.unlock_view.show_error(error_words.message(exc))

        run_in_background(work, done, failed, self)

    def _offer_restore(self, problem: str, passphrase: str) -> None:
        from carecompanion.vault.backup import BackupRotation
        from carecompanion.vault.restore import restore_backup

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
            with self._vault(lock_wait=0).claimed():  # not while a command has the journal
                restore_backup(latest.path, self.paths, passphrase=passphrase, clock=self.clock)
        except Exception as exc:  # shown to the user; the vault on disk is unchanged
            self.unlock_view.show_error(error_words.message(exc))
            return
        self.unlock(passphrase)

    # -- restores a crash interrupted; earlier journals ---------------------------------------
    def _finish_interrupted_restore(self) -> tuple[str | None, bool]:
        """What to say about a restore a crash interrupted, now finished or undone; and
        whether it is still pending (it could not be finished: it is tried at each start)."""
        from carecompanion.vault.restore_log import finish_interrupted

        try:
            notice = finish_interrupted(self.paths)
        except Exception as exc:  # RestoreUnfinished, or a folder that cannot be read
            return error_words.message(exc), True
        return (None if notice is None else error_words.say(notice)), False

    def show_earlier_journals(self) -> None:
        """The journals restores replaced, to put one back (from the unlock screen)."""
        from carecompanion.ui.app.earlier_journals import EarlierJournalsDialog
        from carecompanion.vault.earlier import list_earlier

        dialog = EarlierJournalsDialog(list_earlier(self.paths), self.window)
        dialog.put_back_requested.connect(lambda name, words: self._put_back(dialog, name, words))
        dialog.finished.connect(dialog.deleteLater)
        self.earlier_dialog = dialog
        dialog.open()

    def _put_back(self, dialog: EarlierJournalsDialog, name: str, passphrase: str) -> None:
        """Checked and swapped in on a worker (a whole journal is verified); then unlocked with
        the passphrase just typed for it. The journal it replaces is kept in turn."""
        from carecompanion.vault.restore import put_back

        def work() -> None:
            with self._vault(lock_wait=0).claimed():  # not while a command has the journal
                put_back(name, self.paths, passphrase=passphrase, clock=self.clock)

        def done(_result: object) -> None:
            dialog.accept()
            self.show_unlock()
            self.unlock(passphrase)

        def failed(exc: Exception) -> None:
            dialog.set_busy(False)
            dialog.show_error(error_words.message(exc))

        dialog.set_busy(True)
        run_in_background(work, done, failed, self)

    def _open(self, unlocked: UnlockedVault) -> None:
        from carecompanion.session import VaultSession
        from carecompanion.ui.app.main_shell import MainShell

        self._check_at_unlock = False  # this journal opened: checked, or restored
        self.session = VaultSession(unlocked, self.clock)
        self.shell = MainShell(self.session)
        self.shell.lock_requested.connect(self.lock)
        self.shell.settings_requested.connect(self.open_settings)
        self.shell.circle_page.help_notices.connect(self.tell_help_news)
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
        """After the window is open: the quick check at most once a day, and the daily
        backup with the full check before it (issue 17: never in the way of unlocking)."""

        def failed(exc: Exception) -> None:
            from carecompanion.vault.errors import DatabaseDamaged, StorageError

            if isinstance(exc, DatabaseDamaged):
                self._check_at_unlock = True
            if unlocked.is_locked:
                return  # locked meanwhile: the next unlock tries again
            if isinstance(exc, StorageError) and not isinstance(exc, DatabaseDamaged):
                # The disk's fault (full, busy, read-only): said calmly, no repair offered.
                self._tell(error_words.message(exc))
            elif isinstance(exc, DatabaseDamaged):
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

        def done(skipped: Notice | None) -> None:
            self.maintenance_done = True
            if skipped is not None and not unlocked.is_locked:
                self._tell(error_words.say(skipped))  # the daily backup, skipped for space

        # The session's work: locking waits for a backup under way rather than close the
        # database under it.
        assert self.session is not None
        workers_for(self.session).start(
            lambda _task: unlocked.run_maintenance(daily_check=True), done, failed, owner=self
        )

    def _tell(self, text: str) -> None:
        """A calm message over the pages (not a box to dismiss), while the app is open."""
        if self.shell is not None:
            self.shell.notice.show_message(text)

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
            from carecompanion.vault.agent import end_agent  # not needed before a lock

            end_agent()  # the command line's unlocked session ends with the app's
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
        tray.help_requested.connect(self.show_help_calendar)

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

    def help_boards(self) -> list[HelpBoard]:
        """The circles' help calendars, for the tray's reminders; none while locked."""
        if self.shell is None:
            return []
        return self.shell.circle_page.help_boards()

    def tell_help_news(self, news: list[HelpNews]) -> None:
        """After a sync: a tray notice of what changed for this person in a help calendar
        (only who did what on which day: a notice can be read by anyone near the screen)."""
        from carecompanion.ui.circle.help_model import notice_text

        if self.tray is not None and news:
            self.tray.show_help_news(notice_text(news))

    def show_help_calendar(self) -> None:
        """A help notice was clicked: the circles' help calendar (after unlocking, if
        locked)."""
        self.show_window()
        if self.shell is not None:
            self.shell.show_help_calendar()

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
            self.settings.help_lead_minutes,
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
        self.settings.help_lead_minutes = dialog.help_lead.value()
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
                self.lock_if_header_changed(exc)

    def lock_if_header_changed(self, exc: Exception) -> None:
        """After HeaderChanged (the passphrase or keys were changed elsewhere, in a terminal,
        since this session unlocked): lock, so the person unlocks again with what is now
        true, instead of this stale session writing over the newer header (it cannot: the
        header's compare-and-swap refused, and the message said so)."""
        from carecompanion.vault.errors import HeaderChanged

        if isinstance(exc, HeaderChanged) and self.session is not None:
            self.lock()

    def change_passphrase(self, parent: QObject | None = None) -> None:
        """The passphrase dialog; the work runs on a worker (ui/app/passphrase_change.py)."""
        from carecompanion.ui.app.passphrase_change import PassphraseChange

        if self.session is None:
            return
        change = PassphraseChange(
            self.session, self.window, store=self._store, hold_idle_lock=self._hold_idle_lock
        )
        self.locked.connect(change.close_when_locked)
        try:
            change.run()
        finally:
            self.locked.disconnect(change.close_when_locked)

    def _hold_idle_lock(self, hold: bool) -> None:
        if hold:
            self.idle.stop()
        elif self.session is not None:
            self.idle.start()  # counts from now
