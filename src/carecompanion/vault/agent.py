"""The command line's unlocked session: a per-user agent process that holds one vault's data
key for a while, as ``ssh-agent`` holds keys (``carecompanion unlock --for 15m``).

This module is the client side and the protocol both sides speak; the agent itself is
:mod:`carecompanion.vault.agent_server`. Both import nothing heavy (no cryptography, no
database): a command asks the agent before it loads anything, and the agent starts fast.
The threat model is in docs/security.md ("The command line's unlocked session").

Where: a Unix socket ``agent.sock`` in ``$XDG_RUNTIME_DIR/carecompanion/`` (when that runtime
folder is ours and private), else in ``<user cache folder>/CareCompanion/agent/``; never in a
shared ``/tmp``. The folder is made 0700 and checked (ours, not a symlink, private) before
use; the socket is 0600; each side checks the other's user id (``SO_PEERCRED``).

Protocol, version 1: one request and one reply per connection. Each message is a frame::

    u32 big-endian n | n bytes: a UTF-8 JSON object | u32 big-endian k | k bytes: a secret

The secret part is empty except in the reply to ``key`` (the 32-byte data key) and in the
hand-over to a new agent (on its stdin, never in argv, the environment or a file); it is
read into a ``bytearray`` that is zeroed after use, never into an immutable ``bytes``.
Requests (every JSON object carries ``"v": 1``):

- ``{"op": "key", "vault": ID}``: ``{"ok": true}`` and the key, when the agent holds the
  vault ``ID`` and its time is not up; else ``{"ok": false, "why": ...}`` and nothing.
- ``{"op": "status"}``: ``{"ok": true, "vault": ID, "remaining": seconds, "pid": n}``.
- ``{"op": "lock"}``: ``{"ok": true}``; the agent wipes the key and exits.

The agent is bound to the vault by its id (the header's ``vault_id``); the command then
checks the header's MAC with the key it was given, so a key from before a key rotation, or
for another vault that happens to share the id (a restored copy), opens nothing and the
command asks for the passphrase as if there were no agent.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import stat
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from carecompanion.vault.zeroing import zero

PROTOCOL = 1
KEY_BYTES = 32
#: The largest JSON part and secret part either side accepts: a request is tiny.
MAX_JSON_BYTES = 4096
MAX_SECRET_BYTES = 64
SOCKET_NAME = "agent.sock"
#: Held (flock) while an agent binds its socket and while a stale one is removed: see
#: ``binding_lock``.
LOCK_NAME = "agent.lock"
RUNTIME_FOLDER = "carecompanion"
#: How long a session lasts when ``--for`` is not given, and the longest it may last.
DEFAULT_SECONDS = 15 * 60
MAX_SECONDS = 12 * 60 * 60
#: How long one request may take (the agent answers in well under a millisecond; this only
#: bounds a wedged agent, and ``end_agent`` runs on the app's thread when it locks).
TIMEOUT_SECONDS = 2.0
#: A Unix socket's path must fit ``sun_path`` (108 bytes on Linux, 104 on macOS).
MAX_SOCKET_PATH = 100
#: The bundle has no ``-m``: its launcher runs the agent when given this first argument.
FROZEN_AGENT_ARGUMENT = "--carecompanion-agent"
#: Variables the agent does not inherit: the passphrase, the recovery key and the like.
_SCRUBBED_PREFIX = "CARECOMPANION_"
_LENGTH = struct.Struct(">I")

Reader = Callable[[memoryview], int]
Writer = Callable[[bytes | bytearray | memoryview], object]


class AgentError(Exception):
    """The agent could not be started; the text says why, in English, for the command line."""


def supported() -> bool:
    """Unix sockets with peer credentials: Linux. Elsewhere the agent is not offered (the
    socket's owner could not be checked), and every command asks for the passphrase."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_PEERCRED")


# -- where ------------------------------------------------------------------------------------
def _private_and_ours(info: os.stat_result) -> bool:
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def agent_folder(env: Mapping[str, str] | None = None) -> Path:
    """The folder of this user's agent socket (not created here: see ``ensure_folder``)."""
    environ = os.environ if env is None else env
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_absolute():
        try:
            if _private_and_ours(Path(runtime).stat()):
                return Path(runtime) / RUNTIME_FOLDER
        except OSError:
            pass
    import platformdirs  # only without a usable runtime folder (a bare console, cron)

    from carecompanion.paths import APP_NAME

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "agent"


def socket_path(env: Mapping[str, str] | None = None) -> Path:
    return agent_folder(env) / SOCKET_NAME


def ensure_folder(folder: Path) -> None:
    """Make the socket's folder 0700, and check that it is a real folder of ours that no one
    else can enter: anything else (a symlink, another user's folder) is refused."""
    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise AgentError(f"{folder} is not a folder of yours; the session was not started.")
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)  # ours, made by an older or careless umask: made private
    if len(os.fsencode(folder / SOCKET_NAME)) > MAX_SOCKET_PATH:
        raise AgentError(f"The folder {folder} has too long a path for the session's socket.")


def folder_is_private(folder: Path) -> bool:
    """Whether a client may trust what is in ``folder``: ours, a real folder, 0700-ish."""
    try:
        return _private_and_ours(os.lstat(folder))
    except OSError:
        return False


# -- frames -----------------------------------------------------------------------------------
def _read_exact(read_into: Reader, view: memoryview) -> None:
    done = 0
    while done < len(view):
        count = read_into(view[done:])
        if count <= 0:
            raise ConnectionError("the other side closed the connection")
        done += count


def _read_length(read_into: Reader, limit: int) -> int:
    raw = bytearray(_LENGTH.size)
    _read_exact(read_into, memoryview(raw))
    (length,) = _LENGTH.unpack(raw)
    if length > limit:
        raise ValueError("frame too large")
    return int(length)


def read_frame(read_into: Reader) -> tuple[dict[str, Any], bytearray]:
    """One frame: the JSON object, and the secret in a buffer the caller zeroes."""
    body = bytearray(_read_length(read_into, MAX_JSON_BYTES))
    _read_exact(read_into, memoryview(body))
    try:
        message = json.loads(body.decode("utf-8"))
    except RecursionError:  # "[[[[...": deeper than the parser goes; no request nests
        raise ValueError("a frame nested too deep") from None
    if not isinstance(message, dict):
        raise ValueError("a frame holds a JSON object")
    secret = bytearray(_read_length(read_into, MAX_SECRET_BYTES))
    _read_exact(read_into, memoryview(secret))
    return message, secret


def write_frame(write: Writer, message: Mapping[str, Any], secret: bytearray | None = None) -> None:
    """Write one frame. The secret is sent from its own buffer (no copy is made of it)."""
    body = json.dumps(dict(message), separators=(",", ":")).encode("utf-8")
    write(_LENGTH.pack(len(body)) + body + _LENGTH.pack(0 if secret is None else len(secret)))
    if secret:
        write(secret)


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end of a Unix socket (Linux: SO_PEERCRED)."""
    try:
        raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except (OSError, AttributeError):
        return None
    _pid, uid, _gid = struct.unpack("3i", raw)
    return int(uid)


# -- the client -------------------------------------------------------------------------------
def _connect(path: Path) -> socket.socket:
    """A connection to the agent at ``path``, checked to run as this user. Raises OSError
    (FileNotFoundError: no agent; ConnectionRefusedError: a stale socket) or
    PermissionError when the folder or the other end is not this user's."""
    if not folder_is_private(path.parent):
        raise PermissionError(f"{path.parent} is not private")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(TIMEOUT_SECONDS)
        sock.connect(os.fsencode(path))
        if peer_uid(sock) != os.getuid():
            raise PermissionError("the agent's socket is held by another user")
    except BaseException:
        sock.close()
        raise
    return sock


def _ask(
    request: Mapping[str, Any], env: Mapping[str, str] | None
) -> tuple[dict[str, Any], bytearray] | None:
    """The agent's reply to one request, or None when there is no agent to answer."""
    if not supported():
        return None
    try:
        path = socket_path(env)
        with _connect(path) as sock:
            write_frame(sock.sendall, {"v": PROTOCOL, **request})
            reply, secret = read_frame(sock.recv_into)
    except (OSError, ValueError):  # no agent, a stale socket, a wedged or foreign one
        return None
    if reply.get("v") != PROTOCOL:
        zero(secret)
        return None
    return reply, secret


def fetch_key(vault_id: str, env: Mapping[str, str] | None = None) -> bytearray | None:
    """The data key of vault ``vault_id`` from this user's agent, in a buffer the caller
    zeroes; None when there is no agent, its time is up, or it holds another vault."""
    answer = _ask({"op": "key", "vault": vault_id}, env)
    if answer is None:
        return None
    reply, secret = answer
    if reply.get("ok") is True and len(secret) == KEY_BYTES:
        return secret
    zero(secret)
    return None


def status(env: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """What the agent holds (``vault``, ``remaining`` seconds, ``pid``), or None."""
    answer = _ask({"op": "status"}, env)
    if answer is None:
        return None
    reply, secret = answer
    zero(secret)
    return reply if reply.get("ok") is True else None


def end_agent(env: Mapping[str, str] | None = None) -> bool:
    """Tell this user's agent to wipe its key and exit: ``carecompanion lock``, and the app
    when it locks. True when an agent was running. Never raises; a stale socket left by an
    agent that was killed is removed."""
    try:
        answer = _ask({"op": "lock"}, env)
        if answer is not None:
            zero(answer[1])
            return answer[0].get("ok") is True
        if supported():
            remove_stale_socket(socket_path(env))
    except Exception:  # noqa: S110 (locking must never fail because of the agent)
        pass
    return False


@contextlib.contextmanager
def binding_lock(folder: Path, *, wait: bool) -> Iterator[bool]:
    """The folder's lock, held while an agent binds its socket and makes it listen: between
    ``bind`` and ``listen`` a new socket refuses connections just as a stale one does, so
    without it a second ``unlock`` (or ``lock``) could unlink a starting agent's socket and
    leave that agent holding the key where no one can reach it. Yields whether it is held
    (``wait=False``: False at once when someone else holds it)."""
    try:
        fd = os.open(
            folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600
        )
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # lets go of the lock


def remove_stale_socket(path: Path) -> bool:
    """Remove ``path`` when it is a socket of ours that no process listens on, unless an
    agent is binding it right now. True when the path is free now."""
    with binding_lock(path.parent, wait=False) as held:
        return held and remove_if_stale(path)


def remove_if_stale(path: Path) -> bool:
    """``remove_stale_socket`` for a caller that holds ``binding_lock`` already."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.getuid():
        return False  # not ours to remove
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.settimeout(TIMEOUT_SECONDS)
        probe.connect(os.fsencode(path))
    except ConnectionRefusedError:
        pass  # nobody listens: stale
    except OSError:
        return False
    else:
        return False  # an agent is alive there
    finally:
        probe.close()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    return True


def _agent_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_AGENT_ARGUMENT]
    # -P: the working folder is not put on the agent's import path.
    return [sys.executable, "-P", "-m", "carecompanion.vault.agent_server"]


def agent_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The agent's environment: this one without CareCompanion's variables, so a passphrase
    given in CARECOMPANION_PASSPHRASE does not live on in the agent for hours."""
    source = os.environ if environ is None else environ
    return {name: value for name, value in source.items() if not name.startswith(_SCRUBBED_PREFIX)}


def start_agent(
    vault_id: str, data_key: bytearray, seconds: int, env: Mapping[str, str] | None = None
) -> int:
    """Start this user's agent holding ``data_key`` for ``seconds`` (an agent already running
    is ended first: one session at a time). Returns the agent's process id once it listens.
    The key goes to the agent through a pipe on its stdin; ``data_key`` is left to the caller
    to zero."""
    if not supported():
        raise AgentError("An unlocked session needs Linux; every command asks for the passphrase.")
    if not 1 <= seconds <= MAX_SECONDS:
        raise ValueError("a session lasts from one second to 12 hours")
    path = socket_path(env)
    ensure_folder(path.parent)
    end_agent(env)
    hand_over = bytearray()
    write_frame(
        hand_over.extend,
        {"v": PROTOCOL, "vault": vault_id, "seconds": seconds, "socket": str(path)},
        data_key,
    )
    try:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            _agent_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=agent_environment(env),
            cwd="/",  # holds no folder busy (a USB stick the command ran from)
            start_new_session=True,  # no terminal: closing it does not end the session
            close_fds=True,
        )
    except OSError as exc:
        zero(hand_over)
        raise AgentError(f"The session's agent could not be started: {exc}.") from exc
    assert process.stdin is not None
    view = memoryview(hand_over)
    try:
        while view:
            view = view[os.write(process.stdin.fileno(), view) :]
    except OSError:
        pass  # the agent stopped early: its own words are on its stdout below
    finally:
        view.release()
        zero(hand_over)
        process.stdin.close()
        process.stdin = None  # closed: communicate() below only reads
    try:
        out, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise AgentError("The session's agent did not start in time.") from None
    words = out.decode("utf-8", "replace").split()
    if process.returncode == 0 and len(words) == 2 and words[0] == "ready" and words[1].isdigit():
        return int(words[1])
    reason = out.decode("utf-8", "replace").strip() or err.decode("utf-8", "replace").strip()
    last = reason.splitlines()[-1] if reason else f"exit code {process.returncode}"
    raise AgentError(f"The session's agent could not start ({last.removeprefix('error ')}).")
