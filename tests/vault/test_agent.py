"""The command line's unlocked session, at the core: the agent process (real, started as the
command starts it), its socket and folder, what it answers and to whom, and everything that
ends it. The clock is injected where time matters; nothing asserts how fast anything is."""

from __future__ import annotations

import base64
import fcntl
import io
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from carecompanion.vault import agent, agent_server
from carecompanion.vault.agent_server import Agent, Watcher, locks_session, serve
from tests.agent_support import private_runtime, wait_for_exit

VAULT = "0123456789abcdef0123456789abcdef"
OTHER_VAULT = "fedcba9876543210fedcba9876543210"


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with private_runtime(monkeypatch) as folder:
        yield folder


@pytest.fixture
def key() -> bytearray:
    return bytearray(os.urandom(agent.KEY_BYTES))


def _forms(secret: bytes | bytearray) -> list[bytes]:
    """The key as it could be written down: raw, hex (both cases), base64."""
    raw = bytes(secret)
    return [raw, raw.hex().encode(), raw.hex().upper().encode(), base64.b64encode(raw)]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _in_thread_agent(
    folder: Path, key: bytearray, clock: FakeClock, watchers: list[Watcher] | None = None
) -> tuple[threading.Thread, list[str], Agent]:
    """``serve`` on the socket the client looks for, in a thread, with the test's clock."""
    path = agent.socket_path()
    listener = agent_server.bind(path)
    held = Agent(VAULT, key, 60, clock)
    ended: list[str] = []

    def run() -> None:
        ended.append(serve(listener, held, path=path, watchers=watchers or [], wake_every=0.05))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, ended, held


# -- the real process ---------------------------------------------------------------------------
def test_the_agent_gives_the_key_to_its_own_vault_only(runtime: Path, key: bytearray) -> None:
    pid = agent.start_agent(VAULT, key, 600)
    assert agent.fetch_key(VAULT) == key
    assert agent.fetch_key(OTHER_VAULT) is None
    state = agent.status()
    assert state is not None
    assert (state["vault"], state["pid"]) == (VAULT, pid)
    assert 0 < state["remaining"] <= 600


def test_its_folder_and_socket_are_private(runtime: Path, key: bytearray) -> None:
    agent.start_agent(VAULT, key, 600)
    path = agent.socket_path()
    assert path.parent == runtime / "carecompanion"
    folder, sock = os.lstat(path.parent), os.lstat(path)
    assert (folder.st_mode & 0o777, folder.st_uid) == (0o700, os.getuid())
    assert (sock.st_mode & 0o777, sock.st_uid) == (0o600, os.getuid())


def test_lock_ends_the_agent_and_removes_its_socket(runtime: Path, key: bytearray) -> None:
    pid = agent.start_agent(VAULT, key, 600)
    assert agent.end_agent() is True
    assert wait_for_exit(pid)
    assert not agent.socket_path().exists()
    assert agent.fetch_key(VAULT) is None
    assert agent.end_agent() is False, "nothing left to lock"


def test_its_time_running_out_ends_it(runtime: Path, key: bytearray) -> None:
    pid = agent.start_agent(VAULT, key, 1)
    assert wait_for_exit(pid)
    assert not agent.socket_path().exists()
    assert agent.fetch_key(VAULT) is None


def test_a_new_session_replaces_the_old_one(runtime: Path, key: bytearray) -> None:
    first = agent.start_agent(VAULT, key, 600)
    other = bytearray(os.urandom(agent.KEY_BYTES))
    second = agent.start_agent(OTHER_VAULT, other, 600)
    assert wait_for_exit(first)
    assert agent.fetch_key(VAULT) is None
    assert agent.fetch_key(OTHER_VAULT) == other
    assert second != first


def test_the_key_is_in_no_argument_variable_or_file(
    runtime: Path, key: bytearray, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", "a passphrase the agent must not keep")
    pid = agent.start_agent(VAULT, key, 600)
    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    assert not any(form in cmdline for form in _forms(key))
    assert VAULT.encode() not in cmdline, "nothing about the vault is in its arguments"
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    except PermissionError:  # not dumpable: only root may read it, which says enough
        environ = b""
    assert not any(form in environ for form in _forms(key))
    assert b"CARECOMPANION_PASSPHRASE" not in environ
    assert b"a passphrase the agent must not keep" not in environ
    for file in runtime.rglob("*"):
        if file.is_file():
            assert not any(form in file.read_bytes() for form in _forms(key)), file


def test_the_agent_cannot_be_dumped_and_keeps_its_key_out_of_swap(
    runtime: Path, key: bytearray
) -> None:
    pid = agent.start_agent(VAULT, key, 600)
    if os.getuid() != 0:  # a non-dumpable process's /proc files belong to root
        assert Path(f"/proc/{pid}/environ").stat().st_uid == 0
    status = Path(f"/proc/{pid}/status").read_text()
    locked_kib = int(status.split("VmLck:")[1].split()[0])
    if os.getuid() == 0 or resource.getrlimit(resource.RLIMIT_MEMLOCK)[0] != 0:
        assert locked_kib > 0, "the key's page is locked in memory"
    probe = (
        "import ctypes; from carecompanion.vault.agent_server import harden; harden(); "
        "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))"  # PR_GET_DUMPABLE
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "0"


# -- stale and foreign things at the socket's place ----------------------------------------------
def _stale_socket(path: Path) -> None:
    """A socket file nobody listens on, as an agent killed with SIGKILL leaves."""
    agent.ensure_folder(path.parent)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(os.fsencode(path))
    sock.close()
    assert path.exists()


def test_a_stale_socket_is_no_agent_and_is_replaced(runtime: Path, key: bytearray) -> None:
    path = agent.socket_path()
    _stale_socket(path)
    assert agent.fetch_key(VAULT) is None
    agent.start_agent(VAULT, key, 600)  # binds in its place
    assert agent.fetch_key(VAULT) == key


def test_lock_removes_a_stale_socket(runtime: Path) -> None:
    path = agent.socket_path()
    _stale_socket(path)
    assert agent.end_agent() is False
    assert not path.exists()


def test_a_socket_being_bound_is_not_taken_for_a_stale_one(runtime: Path) -> None:
    """Between bind() and listen() a new agent's socket refuses connections just as a stale
    one does: a second ``unlock`` (or ``lock``) then must not unlink it from under it. A new
    agent holds the folder's lock file while it binds; whoever finds the lock held leaves
    the socket alone."""
    path = agent.socket_path()
    agent.ensure_folder(path.parent)
    lock_fd = os.open(path.parent / "agent.lock", os.O_RDWR | os.O_CREAT, 0o600)
    half = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX)  # as agent_server.bind holds it
        half.bind(os.fsencode(path))  # bound, not listening yet
        assert agent.remove_stale_socket(path) is False
        assert agent.end_agent() is False
        assert path.exists(), "the starting agent's socket is still there"
    finally:
        half.close()
        os.close(lock_fd)


def test_something_else_at_the_socket_path_is_left_alone(runtime: Path, key: bytearray) -> None:
    path = agent.socket_path()
    agent.ensure_folder(path.parent)
    path.write_text("not a socket")
    assert agent.end_agent() is False
    with pytest.raises(agent.AgentError, match="something else is at"):
        agent.start_agent(VAULT, key, 600)
    assert path.read_text() == "not a socket"


def test_a_folder_others_can_enter_is_not_trusted(runtime: Path, key: bytearray) -> None:
    agent.start_agent(VAULT, key, 600)
    folder = agent.socket_path().parent
    folder.chmod(0o755)
    try:
        assert agent.fetch_key(VAULT) is None
    finally:
        folder.chmod(0o700)
    assert agent.fetch_key(VAULT) == key
    folder.chmod(0o711)
    agent.ensure_folder(folder)  # ours: made private again before an agent is started
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_runtime_folder_that_is_not_private_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    assert agent.agent_folder({"XDG_RUNTIME_DIR": str(shared)}).parent != shared
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    assert agent.agent_folder({"XDG_RUNTIME_DIR": str(private)}) == private / "carecompanion"
    assert agent.agent_folder({}).name == "agent"  # the user's cache folder, never /tmp


def test_a_folder_that_is_a_symlink_is_refused(runtime: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (runtime / "carecompanion").symlink_to(elsewhere)
    with pytest.raises(agent.AgentError):
        agent.ensure_folder(runtime / "carecompanion")
    assert agent.fetch_key(VAULT) is None


# -- who may ask ----------------------------------------------------------------------------------
def test_another_user_gets_no_answer(
    runtime: Path, key: bytearray, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The agent checks the caller's user id (SO_PEERCRED) and answers another's with
    nothing: here the agent is told the caller is someone else."""
    clock = FakeClock()
    thread, ended, _held = _in_thread_agent(runtime, key, clock)
    monkeypatch.setattr(agent_server, "peer_uid", lambda _sock: os.getuid() + 1)
    assert agent.fetch_key(VAULT) is None
    monkeypatch.undo()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert agent.fetch_key(VAULT) == key, "its own user still gets it"
    assert agent.end_agent()
    thread.join(60)
    assert ended == ["locked"]


@pytest.mark.skipif(os.getuid() != 0, reason="only root can act as another user")
def test_a_real_other_user_gets_nothing(key: bytearray) -> None:
    """Even when the folder lets them in (here, on purpose), another user's process gets no
    answer: the agent checks who connected, not only the folder's permissions."""
    folder = Path(tempfile.mkdtemp(prefix="cc-open-"))
    folder.chmod(0o711)
    path = folder / "agent.sock"
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(os.fsencode(path))
    path.chmod(0o666)
    listener.listen(4)
    held = Agent(VAULT, key, 60, FakeClock())
    ended: list[str] = []
    thread = threading.Thread(
        target=lambda: ended.append(serve(listener, held, wake_every=0.05)), daemon=True
    )
    thread.start()
    probe = (  # everything imported first: user 65534 cannot read this Python's files
        "import os, socket, sys\n"
        "from carecompanion.vault.agent import read_frame, write_frame\n"
        "os.setgid(65534); os.setuid(65534)\n"
        "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); s.settimeout(20)\n"
        "s.connect(sys.argv[1])\n"
        "try:\n"
        "    write_frame(s.sendall, {'v': 1, 'op': 'key', 'vault': sys.argv[2]})\n"
        "    reply, secret = read_frame(s.recv_into)\n"
        "    print('answered', len(secret))\n"
        "except (OSError, ValueError):\n"
        "    print('no answer')\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", probe, str(path), VAULT],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.stdout.strip() == "no answer", result.stderr
    finally:
        held.wipe()  # the loop sees it at its next wake
        thread.join(60)
        shutil.rmtree(folder, ignore_errors=True)
    assert ended == ["expired"]


# -- the clock, the desktop, the socket file: what ends it (in a thread, the test's clock) -------
def test_its_time_is_counted_on_the_clock_it_is_given(runtime: Path, key: bytearray) -> None:
    clock = FakeClock()
    thread, ended, _held = _in_thread_agent(runtime, key, clock)
    clock.now += 59
    assert agent.fetch_key(VAULT) == key
    clock.now += 1
    assert agent.fetch_key(VAULT) is None
    thread.join(60)
    assert ended == ["expired"]
    assert not any(key), "the key was wiped in place"
    assert not agent.socket_path().exists()


def test_the_desktop_session_locking_ends_it(runtime: Path, key: bytearray) -> None:
    read_end, write_end = os.pipe()
    clock = FakeClock()
    thread, ended, _held = _in_thread_agent(runtime, key, clock, [Watcher(read_end)])
    os.write(write_end, b"/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (false,)\n")
    assert agent.fetch_key(VAULT) == key, "the screensaver going away locks nothing"
    os.write(
        write_end,
        b"/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()\n",
    )
    thread.join(60)
    os.close(write_end)
    assert ended == ["session locked"]
    assert not any(key)


def test_a_watcher_that_ends_does_not_end_the_agent(runtime: Path, key: bytearray) -> None:
    read_end, write_end = os.pipe()
    clock = FakeClock()
    thread, ended, _held = _in_thread_agent(runtime, key, clock, [Watcher(read_end)])
    os.close(write_end)  # no bus here: gdbus exits at once
    assert agent.fetch_key(VAULT) == key
    assert agent.end_agent()
    thread.join(60)
    assert ended == ["locked"]


def test_its_socket_going_away_ends_it(runtime: Path, key: bytearray) -> None:
    clock = FakeClock()
    thread, ended, _held = _in_thread_agent(runtime, key, clock)
    assert agent.fetch_key(VAULT) == key  # serving
    agent.socket_path().unlink()  # logout empties the runtime folder
    thread.join(60)
    assert ended == ["socket gone"]
    assert not any(key)


@pytest.mark.parametrize(
    ("line", "locks"),
    [
        ("/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()", True),
        ("/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Unlock ()", False),
        ("/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (true,)", True),
        ("/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (false,)", False),
        ("/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (true,)", True),
        ("/ScreenSaver: org.freedesktop.ScreenSaver.ActiveChanged (true,)", True),
        ("/ScreenSaver: org.freedesktop.ScreenSaver.ActiveChanged (false,)", False),
    ],
)
def test_which_desktop_signals_lock(line: str, locks: bool) -> None:
    assert locks_session(line) is locks


# -- the protocol --------------------------------------------------------------------------------
def test_a_frame_round_trips_and_its_secret_stays_in_a_buffer() -> None:
    out = bytearray()
    secret = bytearray(b"k" * 32)
    agent.write_frame(out.extend, {"v": 1, "op": "key"}, secret)
    stream = io.BytesIO(bytes(out))
    message, got = agent.read_frame(stream.readinto)
    assert message == {"v": 1, "op": "key"}
    assert isinstance(got, bytearray) and got == secret


@pytest.mark.parametrize(
    "frame",
    [
        (10_000).to_bytes(4, "big") + b"{}",  # a JSON part larger than any request
        (2).to_bytes(4, "big") + b"[]" + (0).to_bytes(4, "big"),  # not an object
        (2).to_bytes(4, "big") + b"{}" + (1000).to_bytes(4, "big"),  # a secret too large
        (2).to_bytes(4, "big") + b"{",  # cut short
        (4000).to_bytes(4, "big") + b"[" * 4000,  # nested past the JSON parser's recursion
    ],
)
def test_a_bad_frame_is_refused(frame: bytes) -> None:
    with pytest.raises((ValueError, ConnectionError)):
        agent.read_frame(io.BytesIO(frame).readinto)


def test_a_hostile_frame_does_not_end_the_agent(runtime: Path, key: bytearray) -> None:
    thread, ended, _held = _in_thread_agent(runtime, key, FakeClock())
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
        peer.connect(os.fsencode(agent.socket_path()))
        peer.sendall((4000).to_bytes(4, "big") + b"[" * 4000)
        peer.settimeout(10)
        assert peer.recv(16) == b"", "no answer: the agent drops the connection"
    assert agent.fetch_key(VAULT) == key, "and still answers everyone else"
    agent.end_agent()
    thread.join(timeout=10)
    assert ended == ["locked"]


def test_a_peer_that_trickles_bytes_is_dropped(
    runtime: Path, key: bytearray, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slow-loris: a byte now and then, each within the read timeout, must not keep the
    agent from everyone else (one request is bounded as a whole, not per read)."""
    monkeypatch.setattr(agent_server, "TIMEOUT_SECONDS", 0.5)
    thread, ended, _held = _in_thread_agent(runtime, key, FakeClock())
    stop = threading.Event()
    peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    peer.connect(os.fsencode(agent.socket_path()))

    def trickle() -> None:
        peer.sendall((4000).to_bytes(4, "big"))
        while not stop.wait(0.1):
            try:
                peer.sendall(b" ")
            except OSError:
                return  # dropped

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    try:
        got = None
        for _attempt in range(10):  # each attempt waits up to the client's own timeout
            got = agent.fetch_key(VAULT)
            if got is not None:
                break
        assert got == key
    finally:
        stop.set()
        trickler.join(timeout=10)
        peer.close()
        agent.end_agent()
        thread.join(timeout=10)
    assert ended == ["locked"]


def test_what_the_agent_answers() -> None:
    clock = FakeClock()
    key = bytearray(b"\x01" * 32)
    held = Agent(VAULT, key, 10, clock)
    assert held.answer({"v": 1, "op": "key", "vault": VAULT})[1] is key
    assert held.answer({"v": 1, "op": "key", "vault": OTHER_VAULT})[:2] == (
        {"v": 1, "ok": False, "why": "other vault"},
        None,
    )
    assert held.answer({"v": 2, "op": "key", "vault": VAULT})[1] is None
    assert held.answer({"v": 1, "op": "status"})[0]["remaining"] == 10
    assert held.answer({"v": 1, "op": "lock"})[2] is True
    clock.now += 10
    assert held.answer({"v": 1, "op": "key", "vault": VAULT}) == (
        {"v": 1, "ok": False, "why": "expired"},
        None,
        True,
    )


# -- a real D-Bus: the screen locking ends a real agent -----------------------------------------
@pytest.fixture
def private_session_bus() -> Iterator[str]:
    """A D-Bus session bus of this test's own (dbus-daemon), its address."""
    if shutil.which("dbus-daemon") is None or shutil.which("gdbus") is None:
        pytest.skip("needs dbus-daemon and gdbus")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--print-address=1", "--nofork", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().decode().strip()
        assert address.startswith("unix:"), address
        yield address
    finally:
        daemon.kill()
        daemon.wait(30)


def test_the_screen_locking_ends_a_real_agent(
    runtime: Path, key: bytearray, private_session_bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The agent's ``gdbus monitor`` sees the GNOME screensaver turn on, on a real bus, and
    the agent ends. The signal is sent again until then: gdbus subscribes on its own time."""
    pytest.importorskip("jeepney")  # keyring's D-Bus client on Linux; it ships no types
    from jeepney import DBusAddress, new_signal  # type: ignore[import-untyped]
    from jeepney.bus_messages import message_bus  # type: ignore[import-untyped]
    from jeepney.io.blocking import open_dbus_connection  # type: ignore[import-untyped]

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", private_session_bus)
    with open_dbus_connection(bus=private_session_bus) as bus:
        bus.send_and_get_reply(message_bus.RequestName("org.gnome.ScreenSaver"))
        pid = agent.start_agent(VAULT, key, 600)
        screensaver = DBusAddress("/org/gnome/ScreenSaver", interface="org.gnome.ScreenSaver")
        bus.send(new_signal(screensaver, "ActiveChanged", "b", (False,)))
        assert agent.fetch_key(VAULT) == key, "the screensaver going off locks nothing"
        for _attempt in range(150):  # within pytest's 120 s, should it never end
            bus.send(new_signal(screensaver, "ActiveChanged", "b", (True,)))
            if wait_for_exit(pid, 0.2):
                break
    assert wait_for_exit(pid, 30)
    assert not agent.socket_path().exists()


def test_the_agent_loads_nothing_heavy() -> None:
    """It starts fast and stays small: the standard library and three small modules of ours."""
    probe = (
        "import json, sys; import carecompanion.vault.agent_server; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('cryptography', 'sqlalchemy', 'alembic', 'sqlcipher3', 'PySide6', 'platformdirs') "
        "or (m.startswith('carecompanion') and m not in ('carecompanion', 'carecompanion.vault', "
        "'carecompanion.vault.agent', 'carecompanion.vault.agent_server', "
        "'carecompanion.vault.zeroing')))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
