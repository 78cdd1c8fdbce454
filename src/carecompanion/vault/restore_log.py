"""The intent log that makes a restore one step, and what finishes or undoes one after a crash.

A restore (of a backup file, or of an earlier journal put back) first makes a checked copy of
what comes in, still encrypted, in a staging folder ``.restore-*`` inside the data folder
(:mod:`carecompanion.vault.restore`). Then :func:`swap` writes this log,
``restore-in-progress.json``, atomically (temp file, fsync, rename, folder fsync). It names the
staging folder, the ``replaced-*`` folder the current vault goes to, and the SHA-256 of every
staged file. From that moment the restore is decided: the vault's files move aside (the header
first), the staged ones move in (the header last, so a vault never looks present with the
wrong database), and the log goes last. Renames only, inside one folder: each step is all or
nothing, and nothing is copied twice.

Every start (each command, the app) calls :func:`finish_interrupted` before anything else.
With a log there, it carries the swap to its end; when a staged file is gone or changed, so
the end cannot be reached, it undoes the swap, putting the moved files back (an error during
the swap, a refused rename, undoes it at once). The log is written again at the two turns:
when every file of the vault is aside, and before undoing starts, so that whatever a crash
interrupts is carried on in the same direction. Either way one vault is whole in place and
the other is kept: only copies are ever deleted. Staging folders a crash left before its log
was written are copies too, and are removed.

Light on purpose (no cryptography, no database): the command line runs it at every start.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from carecompanion.atomic import atomic_write_bytes, fsync_dir
from carecompanion.errors import Notice, Sentence
from carecompanion.paths import AppPaths
from carecompanion.vault.errors import RestoreUnfinished, VaultInUse
from carecompanion.vault.writer_lock import LockUnavailable, WriterLock

LOG_NAME = "restore-in-progress.json"
STAGING_PREFIX = ".restore-"
REPLACED_PREFIX = "replaced-"
HEADER = "vault.header"
DATABASE = "vault.db"
WAL = "vault.db-wal"
SHM = "vault.db-shm"
#: The order a vault's files move aside: its header first, so from the first rename on no
#: vault looks present (and no half of one is opened).
ASIDE_ORDER = (HEADER, DATABASE, WAL, SHM)
#: The order they move in, or back: the header last, for the same reason.
IN_ORDER = (SHM, WAL, DATABASE, HEADER)
_FORMAT = "carecompanion-restore"
_VERSION = 1
_STAGING_NAME = re.compile(r"\.restore-[A-Za-z0-9_]+")
REPLACED_NAME = re.compile(r"replaced-(?P<stamp>[0-9]{8}-[0-9]{6})(?:-[0-9]+)?")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
ASIDE = "aside"
IN = "in"

FINISHED = Sentence(
    "vault.restore.finished",
    "A restore that was interrupted has been finished. The journal it replaced is kept in {where}.",
)
FINISHED_NOTHING_REPLACED = Sentence(
    "vault.restore.finished_new", "A restore that was interrupted has been finished."
)
UNDONE = Sentence(
    "vault.restore.undone",
    "A restore that was interrupted could not be finished, so it was undone: your journal "
    "is as it was before.",
)
LOG_UNREADABLE = Sentence(
    "vault.restore.log_unreadable",
    "A restore was interrupted and its record cannot be read, so nothing was moved. If your "
    "journal is missing, put it back from the earlier journals kept in {where}.",
)
NOT_FINISHED = Sentence(
    "vault.restore.unfinished",
    "A restore into {where} was interrupted and could not be finished yet ({reason}). Nothing "
    "has been deleted; CareCompanion tries again each time it starts.",
)
HALF_DONE = Sentence(
    "vault.restore.half_done",
    "A restore into {where} is half-done, so no new vault was made. CareCompanion finishes it "
    "(or undoes it) the next time it starts; nothing has been deleted.",
)

#: The tests' stand-in for a crash: called with the name of each step as it is reached
#: ("log-written", "moved-aside:vault.header", "moved-in:vault.db", "before-log-removed"...);
#: raising there stops the restore as a power cut would. Always None in the app.
crash_hook: Callable[[str], None] | None = None


def reached(step: str) -> None:
    if crash_hook is not None:
        crash_hook(step)


@dataclass(frozen=True)
class Plan:
    """One restore, as its log records it. Names, not paths: everything is in the data
    folder, and a log naming anything else is refused."""

    staging: str
    replaced: str
    #: Each staged file's name and SHA-256 (hex).
    files: dict[str, str] = field(default_factory=dict)
    #: Putting an earlier journal back: its ``replaced-*`` folder, removed once it is in place.
    source: str | None = None
    #: ASIDE until every file of the vault is aside, then IN (the log is written again): from
    #: then on a vault file in place is one that moved in, and only then may undoing move one.
    phase: str = ASIDE
    #: Set (and the log written again) before undoing starts: an undo a crash interrupts is
    #: carried on, never turned back into finishing over files already put back.
    undoing: bool = False

    def to_bytes(self) -> bytes:
        document = {
            "format": _FORMAT,
            "version": _VERSION,
            "staging": self.staging,
            "replaced": self.replaced,
            "files": self.files,
            "source": self.source,
            "phase": self.phase,
            "undoing": self.undoing,
        }
        return json.dumps(document, sort_keys=True, indent=2).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> Plan:
        """The plan a log holds; ValueError for anything this app did not write."""
        document = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != _FORMAT:
            raise ValueError("not a restore log")
        if document.get("version") != _VERSION:
            raise ValueError("a restore log of another version")
        staging, replaced = document.get("staging"), document.get("replaced")
        source, files = document.get("source"), document.get("files")
        phase = document.get("phase")
        if phase not in (ASIDE, IN):
            raise ValueError("phase")
        undoing = document.get("undoing", False)
        if not isinstance(undoing, bool):
            raise ValueError("undoing")
        if not (isinstance(staging, str) and _STAGING_NAME.fullmatch(staging)):
            raise ValueError("staging")
        if not (isinstance(replaced, str) and REPLACED_NAME.fullmatch(replaced)):
            raise ValueError("replaced")
        if source is not None and not (isinstance(source, str) and REPLACED_NAME.fullmatch(source)):
            raise ValueError("source")
        if (
            not isinstance(files, dict)
            or not {DATABASE, HEADER} <= set(files) <= {WAL, DATABASE, HEADER}
            or not all(isinstance(v, str) and _SHA256_HEX.fullmatch(v) for v in files.values())
        ):
            raise ValueError("files")
        return cls(staging, replaced, dict(files), source, str(phase), undoing)


def log_file(paths: AppPaths) -> Path:
    return paths.data_dir / LOG_NAME


def is_pending(paths: AppPaths) -> bool:
    """True while a restore's log is there: it has not been finished or undone yet."""
    return log_file(paths).exists()


def refuse_while_half_done(paths: AppPaths) -> None:
    """Making a new vault (or starting another restore) over a half-done restore would hide
    the journal it is moving: refused, saying what happens next."""
    if is_pending(paths):
        raise RestoreUnfinished(HALF_DONE, where=str(paths.data_dir))


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            sha.update(block)
    return sha.hexdigest()


def new_replaced_name(paths: AppPaths, moment: datetime) -> str:
    """``replaced-<time>``, or ``-2``, ``-3``... when a restore in the same second took it."""
    base = f"{REPLACED_PREFIX}{moment:%Y%m%d-%H%M%S}"
    for attempt in range(1, 1000):
        name = base if attempt == 1 else f"{base}-{attempt}"
        if not (paths.data_dir / name).exists():
            return name
    raise FileExistsError(paths.data_dir / base)


# -- the swap -------------------------------------------------------------------------------------
def swap(paths: AppPaths, plan: Plan) -> Path | None:
    """Make the staged vault the vault: the log, then the renames, then no log.

    Returns the folder the replaced vault was moved to (None when there was none). On an
    error the swap is undone at once and the error raised: the vault is as it was. A crash
    leaves the log, and the next start's :func:`finish_interrupted` ends it."""
    try:
        atomic_write_bytes(log_file(paths), plan.to_bytes())
    except Exception:
        _remove_tree(paths.data_dir / plan.staging)
        raise
    reached("log-written")
    try:
        return _carry_out(paths, plan)
    except Exception as exc:  # a crash (not an Exception) leaves all this to the next start
        try:
            _undo(paths, Plan.from_bytes(log_file(paths).read_bytes()))  # its phase now
        except Exception:
            raise RestoreUnfinished(
                NOT_FINISHED, where=str(paths.data_dir), reason=_reason(exc)
            ) from exc
        raise


def _carry_out(paths: AppPaths, plan: Plan) -> Path | None:
    """From wherever it stopped to the end; each step checks what is already done."""
    data = paths.data_dir
    staging = data / plan.staging
    replaced = data / plan.replaced
    if plan.phase == ASIDE:
        present = [name for name in ASIDE_ORDER if (data / name).exists()]
        if present:
            replaced.mkdir(mode=0o700, exist_ok=True)
        for name in present:
            _move(data / name, replaced / name)
            reached(f"moved-aside:{name}")
        if present:
            fsync_dir(replaced)
        plan = replace(plan, phase=IN)
        atomic_write_bytes(log_file(paths), plan.to_bytes())  # fsyncs the folder too
        reached("all-aside")
    for name in IN_ORDER:
        if name in plan.files and (staging / name).exists():
            _move(staging / name, data / name)
            reached(f"moved-in:{name}")
    fsync_dir(data)
    _remove_tree(staging)
    reached("staging-removed")
    if plan.source is not None:
        _remove_tree(data / plan.source)  # its files are the vault now
        reached("source-removed")
    reached("before-log-removed")
    _remove_log(paths)
    return replaced if replaced.is_dir() and any(replaced.iterdir()) else None


def _undo(paths: AppPaths, plan: Plan) -> None:
    """Put the vault's files back where they were, from wherever the swap stopped."""
    if not plan.undoing:
        plan = replace(plan, undoing=True)
        atomic_write_bytes(log_file(paths), plan.to_bytes())
        reached("undoing")
    data = paths.data_dir
    staging = data / plan.staging
    replaced = data / plan.replaced
    if plan.phase == IN:
        # A file that moved in goes back to staging: a copy (of the backup file, or of an
        # earlier journal still kept). Known by its digest: anything else is left alone.
        for name in reversed(IN_ORDER):
            if name not in plan.files or (staging / name).exists():
                continue
            if (data / name).exists() and digest(data / name) == plan.files[name]:
                staging.mkdir(mode=0o700, exist_ok=True)
                _move(data / name, staging / name)
                reached(f"undo-out:{name}")
    for name in IN_ORDER:
        if (replaced / name).exists() and not (data / name).exists():
            _move(replaced / name, data / name)
            reached(f"undo-back:{name}")
    fsync_dir(data)
    _remove_tree(staging)
    with contextlib.suppress(OSError):
        replaced.rmdir()  # only when empty: anything left there stays findable
    reached("before-log-removed")
    _remove_log(paths)


def _can_finish(paths: AppPaths, plan: Plan) -> bool:
    """Every incoming file is whole, in staging or already moved in."""
    staging = paths.data_dir / plan.staging
    for name, expected in plan.files.items():
        where = staging / name if (staging / name).exists() else paths.data_dir / name
        try:
            if digest(where) != expected:
                return False
        except FileNotFoundError:
            return False
    return True


def _move(source: Path, target: Path) -> None:
    """Rename, never over an existing file (``os.replace`` would overwrite it on POSIX)."""
    if target.exists():
        raise FileExistsError(target)
    os.replace(source, target)


def _remove_tree(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(folder)


def _remove_log(paths: AppPaths) -> None:
    log_file(paths).unlink(missing_ok=True)
    fsync_dir(paths.data_dir)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


# -- at every start -------------------------------------------------------------------------------
def finish_interrupted(paths: AppPaths) -> Notice | None:
    """Finish or undo a restore a crash interrupted, then clear what crashes left; run at
    every start before anything else. Returns what to tell the person (None: nothing
    happened). Raises RestoreUnfinished when the files cannot be moved yet (the log stays,
    the next start tries again).

    Only as the vault's writer: while another process holds the vault, its restore may be
    under way right now (its staging folder is no leftover), or it is the app, which did
    this when it started. Then nothing is touched here."""
    if not _anything_to_do(paths):
        return None
    try:
        claim = WriterLock(paths.data_dir).acquire(wait=0)
    except VaultInUse:
        return None
    except LockUnavailable:
        claim = None  # a folder that cannot be locked: moving files will say why
    try:
        notice = _resolve(paths) if is_pending(paths) else None
        clean_leftovers(paths)
        return notice
    finally:
        if claim is not None:
            claim.release()


def _anything_to_do(paths: AppPaths) -> bool:
    """A log, or what a crash may have left (checked without taking the lock)."""
    if not paths.data_dir.is_dir():
        return False
    return is_pending(paths) or any(_is_leftover(child) for child in paths.data_dir.iterdir())


def _is_leftover(child: Path) -> bool:
    if _STAGING_NAME.fullmatch(child.name) or REPLACED_NAME.fullmatch(child.name):
        return child.is_dir() and (child.name.startswith(".") or not any(child.iterdir()))
    return child.name.startswith(f".{LOG_NAME}.") and child.name.endswith(".tmp")


def _resolve(paths: AppPaths) -> Notice:
    try:
        plan = Plan.from_bytes(log_file(paths).read_bytes())
    except (ValueError, UnicodeDecodeError, RecursionError):
        # Written atomically, so only something else can have changed it: keep it for a
        # look, and leave every folder as it is (the replaced vault stays listed).
        os.replace(log_file(paths), log_file(paths).with_suffix(".unreadable"))
        return LOG_UNREADABLE(where=str(paths.data_dir))
    try:
        if not plan.undoing and _can_finish(paths, plan):
            moved = _carry_out(paths, plan)
            if moved is None:
                return FINISHED_NOTHING_REPLACED()
            return FINISHED(where=str(moved))
        _undo(paths, plan)
        return UNDONE()
    except OSError as exc:
        raise RestoreUnfinished(
            NOT_FINISHED, where=str(paths.data_dir), reason=_reason(exc)
        ) from exc


def clean_leftovers(paths: AppPaths) -> None:
    """Staging folders and log temp files a crash left before a log was written (copies),
    and empty ``replaced-*`` folders: removed. Nothing is cleared while a log is pending (its
    staging folder is needed). The caller holds the vault (see :func:`finish_interrupted`)."""
    if is_pending(paths) or not paths.data_dir.is_dir():
        return
    for child in paths.data_dir.iterdir():
        with contextlib.suppress(OSError):  # left for the next start
            if not _is_leftover(child):
                continue
            if child.name.startswith(".") and child.is_dir():
                shutil.rmtree(child)  # a staging folder
            elif child.name.startswith("."):
                child.unlink()  # a log's temp file
            else:
                child.rmdir()  # an empty replaced-* folder only: rmdir refuses any other
