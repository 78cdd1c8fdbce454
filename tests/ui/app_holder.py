"""The real app, offscreen, with a journal open: the other process in the one-writer tests
(tests/cli/test_one_writer.py).

Run as ``python -m tests.ui.app_holder DATA_DIR`` from the repository's root. The passphrase
comes as stdin's first line; the app unlocks through its own controller (as a person's click
would) and prints ``unlocked``, or ``error: ...`` if it could not. Then it obeys one command
per line on stdin, answering on stdout:

- ``add TITLE``: an entry written through the open app's session, answered ``added ID``;
- ``quit``: close the app as its window's close would.

The tests wait for each answer on the pipe: nothing here, nor there, sleeps.
"""

from __future__ import annotations

import sys
from pathlib import Path

from carecompanion.clock import SystemClock
from carecompanion.paths import AppPaths
from carecompanion.ui.app.controller import AppController
from carecompanion.ui.app.launch import create_application


def main() -> int:
    paths = AppPaths(Path(sys.argv[1]))
    passphrase = sys.stdin.readline().rstrip("\n")
    app = create_application()
    controller = AppController(paths, SystemClock())
    failures: list[str] = []

    def failed(text: str) -> None:
        failures.append(text)
        app.quit()

    controller.unlocked.connect(app.quit)
    controller.unlock_view.show_error = failed  # type: ignore[method-assign,assignment]
    controller.start(show=False)
    controller.unlock(passphrase)
    app.exec()
    if controller.session is None:
        print(f"error: {' '.join(failures)}", flush=True)
        return 1
    print("unlocked", flush=True)
    for line in sys.stdin:
        command, _, rest = line.rstrip("\n").partition(" ")
        if command == "add" and controller.session is not None:
            entry = controller.session.journal.add(rest, "written by the open app")
            print(f"added {entry.id}", flush=True)
        elif command == "quit":
            break
    controller.shutdown()
    print("closed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
