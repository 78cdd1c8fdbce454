"""Starting the GUI: the window first, heavy imports after, so the unlock screen appears fast."""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from carecompanion import __version__
from carecompanion.clock import Clock, SystemClock
from carecompanion.paths import AppPaths
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.app.settings import UiSettings
from carecompanion.ui.common import screen_fit, theme

EXIT_WHEN_SHOWN_ENV = "CARECOMPANION_EXIT_WHEN_SHOWN"  # benchmarks: quit once on screen


def _preload() -> None:
    """Import what unlocking needs while the person is still typing their passphrase."""
    import carecompanion.session
    import carecompanion.storage.database
    import carecompanion.storage.schema_version  # Alembic: only when a migration is due
    import carecompanion.vault.vault  # noqa: F401


def _report_shown_and_quit(app: QApplication) -> None:
    """For benchmarks/startup.py: the wall-clock moment the first view was on screen."""
    print(f"carecompanion-shown {time.time():.6f}", file=sys.stderr, flush=True)
    app.quit()


def _open_files(controller: AppController, files: list[str]) -> None:
    for file in files:
        controller.window.open_circle_file(Path(file))


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        screen_fit.install(existing)  # an app made elsewhere (tests) fits its windows too
        return existing
    app = QApplication(argv or sys.argv[:1])
    screen_fit.install(app)
    app.setApplicationName("CareCompanion")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("CareCompanion")
    app.setDesktopFileName("io.github.carecompanion.CareCompanion")  # the .desktop id
    app.setWindowIcon(theme.app_icon())
    return app


def launch_gui(args: argparse.Namespace) -> int:
    app = create_application()
    clock = SystemClock()
    paths, demo_dir = _data_paths(args)
    paths.ensure()
    from carecompanion.ui.app.single_instance import (
        FileOpenEvents,
        InstanceServer,
        send_to_running,
        server_name,
    )

    files = [str(Path(f).absolute()) for f in getattr(args, "open_files", [])]
    name = server_name(paths.data_dir)
    if send_to_running(name, files):
        return 0  # the running CareCompanion shows itself and opens the files
    instance = InstanceServer(name, app)
    if not instance.listen():  # another launch started at the same moment and won
        return _hand_over(name, files)
    finder = FileOpenEvents(app)
    if sys.platform == "darwin":  # Finder's double-clicks arrive as events, not arguments
        app.installEventFilter(finder)
    settings = _set_up(app, paths)
    controller = AppController(paths, clock, settings=settings)
    _start(controller, paths, clock, demo_dir, minimized=args.minimized)
    _attach_tray(controller, settings, clock, minimized=args.minimized)
    instance.activated.connect(controller.show_window)
    instance.files_opened.connect(lambda opened: _open_files(controller, opened))
    finder.files_opened.connect(lambda _opened: controller.show_window())
    finder.files_opened.connect(lambda opened: _open_files(controller, opened))
    _open_files(controller, files)  # shown once the journal is unlocked
    if os.environ.get(EXIT_WHEN_SHOWN_ENV):
        QTimer.singleShot(0, lambda: _report_shown_and_quit(app))
    code = app.exec()
    instance.close()
    controller.shutdown()
    return int(code)


def _data_paths(args: argparse.Namespace) -> tuple[AppPaths, Path | None]:
    """The data folder, and the demo's throwaway folder (removed at exit) if this is one."""
    if not args.demo:
        return AppPaths.resolve(args.data_dir), None
    demo_dir = Path(tempfile.mkdtemp(prefix="carecompanion-demo-"))
    atexit.register(shutil.rmtree, demo_dir, ignore_errors=True)
    return AppPaths(demo_dir), demo_dir


def _hand_over(name: str, files: list[str]) -> int:
    """Another launch won the race to serve this journal: give it the files, or say why not."""
    from carecompanion.ui.app.single_instance import hand_over

    if hand_over(name, files):
        return 0
    print(
        "CareCompanion is already open on this journal but does not answer. Close it "
        "(or end its process) and try again.",
        file=sys.stderr,
    )
    return 1


def _set_up(app: QApplication, paths: AppPaths) -> UiSettings:
    """Logging, the calm excepthook, the language and the theme, before the first widget."""
    from carecompanion import logs

    logs.configure(paths)
    from carecompanion.ui.app import unexpected

    unexpected.install(app)  # a surprise anywhere: a calm dialog, its type in the log
    settings = UiSettings(paths)
    from carecompanion.ui.common import i18n

    i18n.install(settings.language, app)  # before the first widget: its words are read once
    theme.apply(app, settings.theme)
    return settings


def _start(
    controller: AppController,
    paths: AppPaths,
    clock: Clock,
    demo_dir: Path | None,
    minimized: bool,
) -> None:
    """The demo opens unlocked on a fresh demo vault; otherwise the unlock screen shows."""
    if demo_dir is not None:
        from carecompanion.demo import DEMO_PASSPHRASE, create_demo_vault

        controller.unlock_view.set_hint(
            QCoreApplication.translate("AppController", "Demo passphrase: {passphrase}").format(
                passphrase=DEMO_PASSPHRASE
            )
        )
        controller.start_unlocked(create_demo_vault(paths, clock))
    else:
        controller.start(show=not minimized)
        threading.Thread(target=_preload, name="preload", daemon=True).start()


def _attach_tray(
    controller: AppController, settings: UiSettings, clock: Clock, minimized: bool
) -> None:
    from carecompanion.ui.app.tray import Tray

    if Tray.available():
        tray = Tray(
            settings,
            clock,
            controller.checked_in_today,
            controller,
            next_meeting=controller.next_meeting_start,
            help_boards=controller.help_boards,
        )
        controller.attach_tray(tray)
        tray.start()
    elif minimized:
        controller.show_window()  # no tray to wait in: show the window after all
