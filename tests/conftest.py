"""Shared fixtures: every test runs against a throwaway data folder and an in-memory keyring.

Environment defaults are set at import time, before pytest-qt or any test creates a
QApplication, so the UI tests can run headless and with a predictable locale.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

# -- process-wide environment (before anything imports Qt) --------------------------------------
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")


# Always a private runtime folder of the tests' own, even when the developer's is usable: the
# command line's session agent lives there (vault/agent.py), and a test that locks or starts
# one must never touch the developer's real unlocked session. (The Secret Service is reached
# over D-Bus, not through this folder, so the keyring tests are unaffected.)
if os.name == "posix":
    _runtime_dir = tempfile.mkdtemp(prefix="carecompanion-xdg-runtime-")
    os.chmod(_runtime_dir, 0o700)
    os.environ["XDG_RUNTIME_DIR"] = _runtime_dir
    atexit.register(shutil.rmtree, _runtime_dir, True)

import keyring
import keyring.backend
import pytest
from hypothesis import settings
from keyring.compat import properties

from carecompanion import logs
from carecompanion.circle import agefile
from carecompanion.clock import FixedClock
from carecompanion.paths import HOME_ENV, AppPaths
from carecompanion.vault import kdf
from carecompanion.vault.kdf import MINIMUM_KDF, KdfParams
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.helpers import GOOD_PASSPHRASE, START

# No example database in the repository, no flaky deadlines on a busy CI machine.
settings.register_profile("carecompanion", database=None, deadline=None)
settings.load_profile("carecompanion")

#: Inputs per fuzz test: a few thousand in every run, many more behind ``--fuzz-long``
#: (``python3 scripts/dev.py test tests/fuzz --fuzz-long``). Fuzz tests take their count from
#: ``fuzz_examples()`` rather than a number of their own.
FUZZ_EXAMPLES = {"short": 2_000, "long": 100_000}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-long",
        action="store_true",
        help="fuzz every parser with many more inputs (minutes per parser)",
    )


#: Where the mode is kept: an environment variable, because this module can be imported twice
#: (as pytest's conftest and as ``tests.conftest``); ``isolated_env`` leaves it in place.
_FUZZ_ENV = "CARECOMPANION_FUZZ"
_FUZZ_TESTS = Path(__file__).parent / "fuzz"


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--fuzz-long", default=False):
        os.environ[_FUZZ_ENV] = "long"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In the long run a fuzz test takes many minutes: no per-test limit (pytest-timeout's
    thread method would end the whole run). Each input keeps its own hang guard
    (``tests/fuzz/bounds.py``), so a hang still fails, within seconds."""
    if fuzz_examples() != FUZZ_EXAMPLES["long"]:
        return
    for item in items:
        if _FUZZ_TESTS in item.path.parents:
            item.add_marker(pytest.mark.timeout(0))


def fuzz_examples() -> int:
    return FUZZ_EXAMPLES[os.environ.get(_FUZZ_ENV, "short")]


# Variables the app reads; none may leak in from the developer's shell.
_APP_ENV_PREFIX = "CARECOMPANION_"


class InMemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in a dict: tests never touch the user's real keyring."""

    @properties.classproperty
    def priority(cls) -> float:
        return 1

    def __init__(self) -> None:
        # keyring leaves KeyringBackend.__init__ unannotated (the rest of the class is typed).
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.passwords[(service, username)]
        except KeyError:
            import keyring.errors

            raise keyring.errors.PasswordDeleteError(username) from None


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[InMemoryKeyring]:
    """The process-wide keyring is a fresh in-memory one for every test."""
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(InMemoryKeyring())  # never fall back to probing the desktop


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """CARECOMPANION_HOME points into tmp; secrets from the shell are removed."""
    for name in list(os.environ):
        if name.startswith(_APP_ENV_PREFIX) and name != _FUZZ_ENV:
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(home))
    # Subprocesses (the CLI tests) must not reach the user's keyring either.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return home


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "data")


#: The tests' key-derivation profile: Argon2id with 1 MiB, one pass, one lane (about a
#: millisecond instead of 0.1-1 s at the app's 64 MiB floor), and scrypt at 2^10 for passphrase
#: circles instead of the app's 2^18 (half a second to every open).
TEST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)
TEST_SCRYPT_WORK_FACTOR = 10


@pytest.fixture(autouse=True)
def kdf_profile(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> KdfParams:
    """The KDF profile this test creates vaults with: TEST_KDF, or the app's real MINIMUM_KDF
    for tests marked ``real_kdf`` (the KDF, header and real-cost tests).

    The app can never reach the test profile: it is defined here, in tests/, and installed
    only by monkeypatching ``kdf._floor`` (and the circle's scrypt work factor) inside this
    test process, undone after each test. No option, setting, environment variable,
    constructor argument or CLI flag lowers the floor, and every other process (the CLI
    subprocess tests, the app) checks headers against MINIMUM_KDF: tests/vault/
    test_test_profile.py proves that both refuse a vault made with this profile."""
    if request.node.get_closest_marker("real_kdf") is not None:
        return MINIMUM_KDF
    monkeypatch.setattr(kdf, "_floor", TEST_KDF)
    monkeypatch.setattr(kdf, "_target", TEST_KDF)  # passphrase changes keep the test profile
    monkeypatch.setattr(agefile, "SCRYPT_WORK_FACTOR", TEST_SCRYPT_WORK_FACTOR)
    return TEST_KDF


@pytest.fixture
def fast_kdf(kdf_profile: KdfParams) -> KdfParams:
    """The cheapest setting this test may create vaults with (never the 256 MiB default)."""
    return kdf_profile


VaultFactory = Callable[..., tuple[UnlockedVault, str]]


@pytest.fixture
def vault_factory(
    paths: AppPaths, clock: FixedClock, fast_kdf: KdfParams
) -> Iterator[VaultFactory]:
    """Create vaults quickly; every vault still open at the end of the test is locked."""
    opened: list[UnlockedVault] = []

    def make(
        passphrase: str = GOOD_PASSPHRASE,
        *,
        paths: AppPaths = paths,
        kdf: KdfParams = fast_kdf,
        clock: FixedClock = clock,
    ) -> tuple[UnlockedVault, str]:
        unlocked, recovery_key = Vault.create(paths, passphrase, kdf=kdf, clock=clock)
        opened.append(unlocked)
        return unlocked, recovery_key

    yield make
    for unlocked in opened:
        unlocked.lock()


@pytest.fixture
def cli_home(isolated_env: Path, fast_kdf: KdfParams) -> AppPaths:
    """What ``carecompanion init`` makes, where the CLI looks (CARECOMPANION_HOME), locked, but
    with this test's KDF profile: each in-process command then unlocks in a millisecond
    instead of paying Argon2id at the 64 MiB that ``init`` allows at least. ``init`` itself
    is tested at the real cost (tests/cli/test_cli_commands.py, test_cli_subprocess.py)."""
    from carecompanion.cli.io import clock
    from carecompanion.session import create_vault

    paths = AppPaths(isolated_env)
    unlocked, _recovery_key = create_vault(paths, GOOD_PASSPHRASE, kdf=fast_kdf, clock=clock())
    unlocked.lock()
    return paths


@pytest.fixture
def unlocked_vault(vault_factory: VaultFactory) -> UnlockedVault:
    unlocked, _recovery_key = vault_factory()
    return unlocked


@pytest.fixture
def vault_with_key(vault_factory: VaultFactory) -> tuple[UnlockedVault, str]:
    """An open vault and its recovery key."""
    return vault_factory()


@pytest.fixture
def autolock() -> Iterator[Callable[[UnlockedVault], UnlockedVault]]:
    """Wrap an unlock call: ``v = autolock(vault.unlock(p))`` is locked after the test."""
    opened: list[UnlockedVault] = []

    def register(unlocked: UnlockedVault) -> UnlockedVault:
        opened.append(unlocked)
        return unlocked

    yield register
    for unlocked in opened:
        unlocked.lock()


@pytest.fixture
def everything_logged(paths: AppPaths) -> Iterator[Path]:
    """The app's log file, receiving every record from every library, SQL included: the
    canary tests scan it too."""
    logs.configure(paths)
    app_logger = logging.getLogger("carecompanion")
    handler = app_logger.handlers[-1]
    root = logging.getLogger()
    engine = logging.getLogger("sqlalchemy.engine")
    saved = (root.level, engine.level, app_logger.level)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    engine.setLevel(logging.INFO)  # statements are logged; parameters must stay hidden
    app_logger.setLevel(logging.DEBUG)
    try:
        yield paths.log_file
    finally:
        root.removeHandler(handler)
        app_logger.removeHandler(handler)
        handler.close()
        root.setLevel(saved[0])
        engine.setLevel(saved[1])
        app_logger.setLevel(saved[2])
