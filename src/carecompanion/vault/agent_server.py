"""The agent process of the command line's unlocked session (``carecompanion unlock``).

Started by :func:`carecompanion.vault.agent.start_agent` as
``python -m carecompanion.vault.agent_server``: it reads the hand-over frame (vault id,
duration, socket path, and the data key) from its stdin, binds the socket, forks once more
so it is nobody's child (the middle process exits at once), says ``ready PID`` on stdout
and closes it (the command that started it waits for that), and answers requests until one
of these ends it:

- its time is up (counted on CLOCK_BOOTTIME, which keeps running while the computer sleeps:
  a 15-minute session does not survive a night in a closed laptop);
- ``carecompanion lock``, or the app locking (both send ``lock``);
- the desktop session locking or going to sleep, seen on D-Bus with ``gdbus monitor`` when
  ``gdbus`` is installed (logind's ``Lock`` and ``PrepareForSleep``, the GNOME and
  freedesktop screensavers' ``ActiveChanged(true)``);
- its socket going away (logout empties ``$XDG_RUNTIME_DIR``; a newer agent took the path);
- SIGTERM, SIGHUP or SIGINT.

Whatever ends it, the key is zeroed and the socket removed first (SIGKILL excepted: then the
kernel frees the memory). The process is made non-dumpable (no core file, no ``ptrace`` or
``/proc/PID/mem`` by other processes of the same user without CAP_SYS_PTRACE) and the key's
page is locked in memory (never swapped), both best effort through ``ctypes``.

Imports only the standard library and :mod:`carecompanion.vault.agent`: it starts in tens of
milliseconds and holds a few MiB.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from carecompanion.vault.agent import (
    KEY_BYTES,
    MAX_SECONDS,
    PROTOCOL,
    TIMEOUT_SECONDS,
    AgentError,
    binding_lock,
    ensure_folder,
    peer_uid,
    read_frame,
    remove_if_stale,
    write_frame,
)
from carecompanion.vault.zeroing import zero

#: The longest the agent sleeps between looks at its clock and its socket file.
WAKE_EVERY_SECONDS = 30.0
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
#: D-Bus signals (as ``gdbus monitor`` prints them) that mean the desktop session is locking
#: or the computer is going to sleep.
LOCK_SIGNALS = (
    "org.freedesktop.login1.Session.Lock (",
    "org.freedesktop.login1.Manager.PrepareForSleep (true",
    "org.gnome.ScreenSaver.ActiveChanged (true",
    "org.freedesktop.ScreenSaver.ActiveChanged (true",
)
_MONITORS = (
    ("--system", "org.freedesktop.login1"),
    ("--session", "org.gnome.ScreenSaver"),
    ("--session", "org.freedesktop.ScreenSaver"),
)


def boot_clock() -> float:
    """Seconds on a clock that also counts while the computer is suspended."""
    try:
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    except (AttributeError, OSError):
        return time.monotonic()


class Agent:
    """What the agent holds and how it answers: no sockets here, so tests drive it with
    their own clock."""

    def __init__(
        self, vault_id: str, key: bytearray, seconds: float, now: Callable[[], float]
    ) -> None:
        self.vault_id = vault_id
        self._key = key
        self._wiped = False
        self._now = now
        self.deadline = now() + seconds

    def remaining(self) -> float:
        return max(0.0, self.deadline - self._now())

    def expired(self) -> bool:
        return self._wiped or self._now() >= self.deadline

    def answer(self, request: Mapping[str, Any]) -> tuple[dict[str, Any], bytearray | None, bool]:
        """The reply, the secret to send with it (None: none), and whether to stop after."""
        if self.expired():
            return {"v": PROTOCOL, "ok": False, "why": "expired"}, None, True
        op = request.get("op")
        if request.get("v") != PROTOCOL:
            return {"v": PROTOCOL, "ok": False, "why": "version"}, None, False
        if op == "lock":
            return {"v": PROTOCOL, "ok": True}, None, True
        if op == "status":
            reply = {
                "vault": self.vault_id,
                "remaining": round(self.remaining()),
                "pid": os.getpid(),
            }
            return {"v": PROTOCOL, "ok": True, **reply}, None, False
        if op == "key":
            if request.get("vault") != self.vault_id:
                return {"v": PROTOCOL, "ok": False, "why": "other vault"}, None, False
            return {"v": PROTOCOL, "ok": True}, self._key, False
        return {"v": PROTOCOL, "ok": False, "why": "unknown request"}, None, False

    def wipe(self) -> None:
        zero(self._key)
        self._wiped = True


@dataclass
class Watcher:
    """A stream of lines (``gdbus monitor``'s stdout, or a test's pipe) that may say the
    desktop session is locking."""

    fd: int
    process: subprocess.Popen[bytes] | None = None
    pending: bytearray = field(default_factory=bytearray)

    def feed(self) -> bool | None:
        """Read what is there: True when a lock signal came, None at the end of the stream."""
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:
            return None
        if not chunk:
            return None
        self.pending.extend(chunk)
        *lines, rest = self.pending.split(b"\n")
        self.pending = bytearray(rest[-4096:])  # a line that never ends stays bounded
        return any(locks_session(line.decode("utf-8", "replace")) for line in lines)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)
        if self.process is not None:
            with contextlib.suppress(OSError):
                self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired, OSError):
                self.process.wait(timeout=2)


def locks_session(line: str) -> bool:
    return any(signal_text in line for signal_text in LOCK_SIGNALS)


def _die_with_parent() -> None:
    """In a watcher, before exec: end when the agent ends, however it ends (SIGKILL too)."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def start_watchers(environ: Mapping[str, str]) -> list[Watcher]:
    """``gdbus monitor`` on the buses there are; none when gdbus is not installed."""
    from shutil import which

    gdbus = which("gdbus", path=environ.get("PATH"))
    if gdbus is None:
        return []
    has_session_bus = bool(environ.get("DBUS_SESSION_BUS_ADDRESS")) or (
        bool(environ.get("XDG_RUNTIME_DIR")) and (Path(environ["XDG_RUNTIME_DIR"]) / "bus").exists()
    )
    watchers = []
    for bus, name in _MONITORS:
        if bus == "--session" and not has_session_bus:
            continue
        try:
            process = subprocess.Popen(  # noqa: S603 (gdbus from PATH, fixed arguments)
                [gdbus, "monitor", bus, "--dest", name],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                preexec_fn=_die_with_parent,  # the agent has no threads: safe
                close_fds=True,
            )
        except OSError:
            continue
        assert process.stdout is not None
        fd = os.dup(process.stdout.fileno())  # the Watcher's own, closed by it alone
        process.stdout.close()
        watchers.append(Watcher(fd, process))
    return watchers


class _Stopped(Exception):
    """A signal asked the agent to end."""


def _on_signal(signum: int, frame: FrameType | None) -> None:
    raise _Stopped(signal.Signals(signum).name)


def _socket_still_ours(path: Path | None, inode: int | None) -> bool:
    if path is None:
        return True
    if inode is None:
        return False
    try:
        return os.lstat(path).st_ino == inode
    except OSError:
        return False


def _reader_until(conn: socket.socket, deadline: float) -> Callable[[memoryview], int]:
    """``conn.recv_into`` bounded by one deadline for the whole request: a per-read timeout
    alone lets a peer trickle a byte at a time and hold the agent from everyone else."""

    def read_into(view: memoryview) -> int:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request took too long")
        conn.settimeout(left)
        return conn.recv_into(view)

    return read_into


def _serve_one(conn: socket.socket, agent: Agent) -> bool:
    """Answer one connection; True when the agent should stop."""
    conn.settimeout(TIMEOUT_SECONDS)
    if peer_uid(conn) != os.getuid():
        return False  # another user (only root could reach the socket): no answer at all
    try:
        request, secret = read_frame(_reader_until(conn, time.monotonic() + TIMEOUT_SECONDS))
        conn.settimeout(TIMEOUT_SECONDS)
        zero(secret)
        reply, key, stop = agent.answer(request)
        write_frame(conn.sendall, reply, key)
    except (OSError, ValueError):
        return agent.expired()
    return stop


def serve(
    listener: socket.socket,
    agent: Agent,
    *,
    path: Path | None = None,
    watchers: Iterable[Watcher] = (),
    wake_every: float = WAKE_EVERY_SECONDS,
) -> str:
    """Answer requests until something ends the session; returns what did. The key is wiped,
    the socket closed (and its file removed, if it is still this agent's) and the watchers
    ended, however this returns."""
    inode = None
    if path is not None:
        with contextlib.suppress(OSError):  # already gone: the first look below says so
            inode = os.lstat(path).st_ino
    live = list(watchers)
    poller = select.poll()
    poller.register(listener.fileno(), select.POLLIN)
    for watcher in live:
        poller.register(watcher.fd, select.POLLIN)
    reason = "ended"
    try:
        while True:
            if agent.expired():
                reason = "expired"
                break
            if not _socket_still_ours(path, inode):
                reason = "socket gone"
                break
            wait = min(agent.remaining(), wake_every)
            events = poller.poll(max(1, int(wait * 1000)))
            stop = False
            for fd, _mask in events:
                if fd == listener.fileno():
                    with contextlib.suppress(OSError), listener.accept()[0] as conn:
                        if _serve_one(conn, agent):
                            reason = "expired" if agent.expired() else "locked"
                            stop = True
                    continue
                watcher = next(w for w in live if w.fd == fd)
                seen = watcher.feed()
                if seen:
                    reason, stop = "session locked", True
                elif seen is None:  # the monitor ended (no bus): the rest still count
                    poller.unregister(fd)
                    live.remove(watcher)
                    watcher.close()
            if stop:
                break
    except _Stopped as exc:
        reason = f"signal {exc}"
    finally:
        agent.wipe()
        listener.close()
        if path is not None and _socket_still_ours(path, inode):
            with contextlib.suppress(OSError):
                os.unlink(path)
        for watcher in live:
            watcher.close()
    return reason


def bind(path: Path) -> socket.socket:
    """Listen at ``path`` (0600 in a 0700 folder). A stale socket a killed agent left is
    replaced; a live agent there is not (AgentError)."""
    ensure_folder(path.parent)
    with binding_lock(path.parent, wait=True):  # bind to listen is one step for the others
        return _bind_locked(path)


def _bind_locked(path: Path) -> socket.socket:
    for attempt in (1, 2):
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(os.fsencode(path))  # made 0600 by the umask set in main()
            os.chmod(path, 0o600)
            listener.listen(16)
            return listener
        except OSError as exc:
            listener.close()
            if exc.errno != errno.EADDRINUSE or attempt == 2:
                raise
            if not remove_if_stale(path):
                if not stat.S_ISSOCK(os.lstat(path).st_mode):
                    raise AgentError(f"something else is at {path}") from exc
                raise AgentError("another session is starting at the same time") from exc
    raise AssertionError("unreachable")


def harden() -> None:
    """No core dumps, no ptrace or /proc/PID/mem from other processes of this user (best
    effort: Linux prctl through ctypes)."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def lock_in_memory(buffer: bytearray) -> None:
    """Keep the key's page out of swap (best effort: mlock through ctypes)."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        import ctypes

        view = (ctypes.c_char * len(buffer)).from_buffer(buffer)
        ctypes.CDLL(None, use_errno=True).mlock(
            ctypes.c_void_p(ctypes.addressof(view)), ctypes.c_size_t(len(buffer))
        )
        del view  # lets go of the buffer (it is never resized: the lock stays valid)


def _read_all_from(fd: int) -> Callable[[memoryview], int]:
    def read_into(view: memoryview) -> int:
        return os.readv(fd, [view])

    return read_into


def _hand_over(message: Mapping[str, Any], key: bytearray) -> tuple[str, int, Path]:
    vault_id, seconds, where = message.get("vault"), message.get("seconds"), message.get("socket")
    if message.get("v") != PROTOCOL or len(key) != KEY_BYTES:
        raise AgentError("a hand-over this agent does not understand")
    if not isinstance(vault_id, str) or not vault_id or not isinstance(where, str):
        raise AgentError("a hand-over without a vault or a socket")
    if not isinstance(seconds, int) or not 1 <= seconds <= MAX_SECONDS:
        raise AgentError("a session length out of range")
    return vault_id, seconds, Path(where)


def _detach() -> None:
    """In the agent proper: stdin, stdout and stderr to /dev/null (the command that started
    it reads stdout to its end, so this says the start is over), and signals that end it
    cleanly."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _on_signal)


def main(argv: Sequence[str] | None = None) -> int:
    harden()
    os.umask(0o177)  # the socket file is born 0600
    key = bytearray()
    try:
        message, key = read_frame(_read_all_from(0))
        vault_id, seconds, path = _hand_over(message, key)
        listener = bind(path)
    except (OSError, ValueError, AgentError) as exc:
        zero(key)
        os.write(1, f"error {exc}\n".encode())
        return 1
    if os.fork():  # the middle process: forgets the key and leaves (nobody's child after)
        zero(key)
        listener.close()
        os._exit(0)
    harden()  # again in the child, to be sure it carried over
    lock_in_memory(key)
    agent = Agent(vault_id, key, seconds, boot_clock)
    watchers = start_watchers(os.environ)
    # Ready only now: the command that started it reads this line, then stdout's end.
    os.write(1, f"ready {os.getpid()}\n".encode())
    _detach()
    serve(listener, agent, path=path, watchers=watchers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
