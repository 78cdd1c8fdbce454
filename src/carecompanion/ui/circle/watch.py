"""Notice when a circle file changes in its shared folder, and ask for a sync.

Sync services replace files by renaming a new copy over the old one, which ends a watch on
the file itself, so the folder is watched too. Events come in bursts (a temporary file, the
rename, our own lock file), so they are gathered for a second; then only circles whose file
(or the copies beside it) really differ from what the last sync started from are reported.

The copies are those the sync merges (``files.find_copies``): a sync tool's conflict copies,
and copies people made (``family-backup.carecircle``), which the sync merges and keeps.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from carecompanion.circle.files import find_copies

DEBOUNCE_MS = 1_000

Signature = tuple[tuple[int, int, int] | None, tuple[str, ...]]


def file_signature(path: Path) -> Signature:
    """What changes when anyone writes the file, or a copy of it appears beside it (a sync
    tool's conflict copy, or one a person made)."""
    try:
        stat = path.stat()
        main: tuple[int, int, int] | None = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    except OSError:
        main = None
    try:
        copies = tuple(copy.path.name for copy in find_copies(path))
    except OSError:
        copies = ()
    return main, copies


class CircleWatcher(QObject):
    changed = Signal(list)  # circle ids whose files changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._check)
        self._files: dict[str, Path] = {}
        self._seen: dict[str, Signature] = {}

    def watch(self, circles: dict[str, Path]) -> None:
        """Watch exactly these circle files (by circle id)."""
        self._files = dict(circles)
        for circle_id in list(self._seen):
            if circle_id not in self._files:
                del self._seen[circle_id]
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        wanted = self._paths()
        gone = [p for p in watched if p not in wanted]
        if gone:
            self._watcher.removePaths(gone)
        self._rewatch()

    def remember(self, circle_id: str, signature: Signature) -> None:
        """What a sync started from: a later change to the file differs from this."""
        self._seen[circle_id] = signature

    def stop(self) -> None:
        self._timer.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self._files.clear()
        self._seen.clear()

    def watched_paths(self) -> list[str]:
        return sorted(self._watcher.files() + self._watcher.directories())

    def _paths(self) -> set[str]:
        paths = set()
        for path in self._files.values():
            paths.add(str(path))
            paths.add(str(path.parent))
        return paths

    def _rewatch(self) -> None:
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [p for p in self._paths() if p not in watched and Path(p).exists()]
        if missing:
            self._watcher.addPaths(missing)

    def _poke(self, _path: str) -> None:
        self._timer.start()

    def _check(self) -> None:
        self._rewatch()  # a file renamed over is a new file: watch it again
        changed = [
            circle_id
            for circle_id, path in self._files.items()
            if file_signature(path) != self._seen.get(circle_id)
        ]
        if changed:
            self.changed.emit(changed)
