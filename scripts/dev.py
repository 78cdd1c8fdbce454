#!/usr/bin/env python3
"""Set up and run CareCompanion from a source checkout.

    python3 scripts/dev.py run [app args...]      open the app (or run a CLI command)
    python3 scripts/dev.py test [pytest args...]  run the test suite
    python3 scripts/dev.py lint                   ruff and mypy
    python3 scripts/dev.py keyring-test           the tests against a real Secret Service

Each command first makes sure the machine is ready: a recent enough Python, the system
libraries Qt loads (installed with apt-get when running as root on Debian or Ubuntu), the
``uv`` tool (bootstrapped into .cache/uv-bootstrap when it is not installed) and the project's
environment in .venv, synced exactly to uv.lock. Only the standard library is used here, so
this file works before anything else is installed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

MIN_PYTHON = (3, 11)
ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
UV_BOOTSTRAP = ROOT / ".cache" / "uv-bootstrap"
UV_VERSION = "0.13.9"  # the version uv.lock was written with; used only when uv is missing

#: What Qt needs to draw anything, even offscreen (tests, --self-test). Without the fonts every
#: label renders as empty boxes while the tests still pass.
QT_PACKAGES = (
    "libgl1",
    "libegl1",
    "libglib2.0-0",
    "libdbus-1-3",
    "libfontconfig1",
    "libxkbcommon0",
    "fontconfig-config",
    "fonts-dejavu-core",
)
#: What Qt's xcb platform plugin needs on top, to open a real window.
DISPLAY_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
)
#: A private D-Bus session with GNOME Keyring in it, for the Secret Service tests.
KEYRING_PACKAGES = ("dbus", "gnome-keyring")
#: The Go reference implementation of age: the interop tests open our circle files with it.
TEST_PACKAGES = ("age",)
#: PyInstaller reads shared libraries with objdump (binutils) and strips them.
BUNDLE_PACKAGES = ("binutils",)
#: A virtual screen and a window manager for scripts/screenshots.py: real windows with frames.
SCREENSHOT_PACKAGES = ("xvfb", "xauth", "openbox")
#: The freedesktop validators for the .desktop entry and the AppStream metadata.
DESKTOP_CHECK_PACKAGES = ("desktop-file-utils", "appstream")
#: Unlocks the throwaway keyring that lives only as long as the test session: not a secret.
KEYRING_TEST_PASSWORD = "ci-keyring-password"  # noqa: S105
KEYRING_TEST_FILE = "tests/vault/test_secret_service.py"
KEYRING_PYTEST_ARGS = ("-m", "secret_service", "-p", "no:cacheprovider", KEYRING_TEST_FILE)
LINT_PATHS = ("src", "tests", "scripts", "benchmarks", "packaging")

USAGE = """\
Usage: python3 scripts/dev.py COMMAND [arguments...]

Commands:
  run [app args...]      open CareCompanion (sets everything up the first time).
                         Examples: run --demo | run --self-test | run journal list
  test [pytest args...]  run the tests, e.g. test -q -x
  lint                   check the code with ruff (lint and format) and mypy
  keyring-test           run the tests that use a real GNOME Keyring (Linux)
  bundle [--check] [--tarball]
                         build the installable app with PyInstaller into dist/ (--check runs
                         the built app's self-test; --tarball makes the Linux tarball)
  desktop-check          validate the Linux desktop entry and AppStream metadata
  screenshots [args...]  render docs/screenshots/ in real windows on a virtual 1366x768
                         screen (Linux; e.g. screenshots --only app --screen 1024x600)
"""


class SetupError(Exception):
    """Something the person has to fix; the message says what. Exit status 1."""


_apt_updated = False
_noted_no_dpkg = False


def say(message: str) -> None:
    """Our own messages go to stderr, so the app's and pytest's output stay clean."""
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


# -- Python --------------------------------------------------------------------------------------
def check_python() -> None:
    if sys.version_info < MIN_PYTHON:
        found = ".".join(str(part) for part in sys.version_info[:3])
        raise SetupError(
            f"CareCompanion needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer, but this is "
            f"Python {found} ({sys.executable}). Run this script with a newer python3 "
            "(Debian 12's own python3 is 3.11)."
        )


def venv_bin(venv: Path, name: str) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / f"{name}.exe"
    return venv / "bin" / name


# -- system packages -----------------------------------------------------------------------------
def installed_debian_packages(names: Iterable[str]) -> set[str]:
    """The names among ``names`` (or their Ubuntu 24.04 ``t64`` renames) that dpkg has installed."""
    candidates = sorted({variant for name in names for variant in (name, f"{name}t64")})
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\\n", *candidates],
        capture_output=True,
        text=True,
        check=False,  # exit 1 just means some names are unknown: they are missing
    )
    installed = set()
    for line in result.stdout.splitlines():
        package, _, status = line.partition(" ")
        if status.strip() == "install ok installed":
            installed.add(package.removesuffix("t64"))
    return installed


def note_no_dpkg() -> None:
    global _noted_no_dpkg
    if sys.platform.startswith("linux") and not _noted_no_dpkg:
        say("no dpkg here (not Debian or Ubuntu): skipping the check for Qt's system libraries.")
    _noted_no_dpkg = True


def missing_debian_packages(names: Sequence[str]) -> list[str]:
    installed = installed_debian_packages(names)
    return [name for name in names if name not in installed]


def apt_get(*args: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    result = subprocess.run(["apt-get", *args], env=env, stdin=subprocess.DEVNULL, check=False)
    if result.returncode != 0:
        raise SetupError(f"'apt-get {' '.join(args)}' failed; the lines above say why.")


def install_debian_packages(packages: Sequence[str]) -> None:
    global _apt_updated
    if not _apt_updated:
        say("updating the list of Debian packages (apt-get update)...")
        apt_get("update", "-q")
        _apt_updated = True
    say(f"installing {' '.join(packages)}...")
    apt_get("install", "-y", "-q", "--no-install-recommends", *packages)


def can_install_system_packages() -> bool:
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return is_root and shutil.which("apt-get") is not None


def ensure_debian_packages(packages: Sequence[str], purpose: str) -> None:
    """Install what is missing when we may; otherwise say exactly what to run."""
    if not packages:
        return
    if shutil.which("dpkg-query") is None:
        note_no_dpkg()
        return
    missing = missing_debian_packages(packages)
    if not missing:
        return
    if not can_install_system_packages():
        raise SetupError(
            f"{purpose} needs some system packages that are not installed. Please run:\n\n"
            f"    sudo apt-get install {' '.join(missing)}\n\n"
            "and then this command again."
        )
    say(f"{purpose} needs system packages that are missing: {' '.join(missing)}")
    install_debian_packages(missing)
    still_missing = missing_debian_packages(missing)
    if still_missing:
        raise SetupError(f"These packages are still not installed: {' '.join(still_missing)}.")


# -- uv ------------------------------------------------------------------------------------------
def uv_version(uv: Path) -> str | None:
    try:
        result = subprocess.run([str(uv), "--version"], capture_output=True, text=True, check=False)
    except OSError:
        return None
    words = result.stdout.split()
    return words[1] if result.returncode == 0 and len(words) > 1 else None


def ensure_venv_support() -> None:
    """Creating the bootstrap venv needs ensurepip, which Debian ships as python3-venv."""
    if importlib.util.find_spec("ensurepip") is not None:
        return
    ensure_debian_packages(["python3-venv"], "Setting up uv")
    if importlib.util.find_spec("ensurepip") is None:
        raise SetupError(
            f"This Python ({sys.executable}) cannot create virtual environments (no ensurepip). "
            "Install uv yourself (for example 'pipx install uv') and run this command again."
        )


def bootstrap_uv() -> Path:
    """Install the pinned uv into a small venv of its own, inside .cache/."""
    uv = venv_bin(UV_BOOTSTRAP, "uv")
    if uv_version(uv) == UV_VERSION:
        return uv
    say(f"uv is not installed: setting up uv {UV_VERSION} in {UV_BOOTSTRAP.relative_to(ROOT)}...")
    ensure_venv_support()
    run_step([sys.executable, "-m", "venv", "--clear", str(UV_BOOTSTRAP)], "Creating the uv venv")
    pip = [str(venv_bin(UV_BOOTSTRAP, "python")), "-m", "pip"]
    quiet = ("--quiet", "--disable-pip-version-check", "--no-input")
    run_step([*pip, "install", *quiet, f"uv=={UV_VERSION}"], f"Installing uv {UV_VERSION}")
    if uv_version(uv) != UV_VERSION:
        raise SetupError(f"uv was installed but {uv} does not run.")
    return uv


def find_uv() -> Path:
    on_path = shutil.which("uv")
    return Path(on_path) if on_path else bootstrap_uv()


def sync_environment() -> None:
    """Make .venv match uv.lock exactly, with the running Python; never download a Python."""
    uv = find_uv()
    first_time = not (VENV / "pyvenv.cfg").exists()
    if first_time:
        say("setting up the Python environment in .venv (the first time downloads ~200 MB)...")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    for variable in ("UV_PROJECT_ENVIRONMENT", "VIRTUAL_ENV"):
        env.pop(variable, None)  # we run .venv's programs, so uv must sync exactly that one
    # Not --compile-bytecode: uv then walks and compiles all of site-packages at every sync
    # (0.7 s before each command); compile_bytecode does it once per uv.lock, and src/ too.
    command = [
        str(uv),
        *("sync", "--frozen", "--group", "dev"),
        *("--python", sys.executable),
    ]
    if not first_time:
        command.append("--quiet")
    run_step(command, "Syncing .venv with uv.lock", env=env, cwd=ROOT)
    compile_bytecode()


# -- bytecode ------------------------------------------------------------------------------------
#: What compile_bytecode last compiled site-packages for (this Python and uv.lock).
BYTECODE_STAMP = VENV / ".carecompanion-bytecode"
SOURCES = ROOT / "src"
#: Run by .venv's own Python, so the .pyc files are its own: site-packages (no argument) or
#: the folders named. Files that do not compile (templates named .py) are skipped silently,
#: as pip and uv do.
_COMPILEALL = (
    "import compileall, sys, sysconfig\n"
    "for folder in sys.argv[1:] or [sysconfig.get_paths()['purelib']]:\n"
    "    compileall.compile_dir(folder, quiet=2, workers=0)\n"
)


def compile_bytecode() -> None:
    """Write the .pyc files of .venv's packages (once for each uv.lock) and of src/ (when a
    file changed).

    Python writes them itself only where PYTHONDONTWRITEBYTECODE is unset; where it is set
    (some machines, CI's among them) every process compiled SQLAlchemy, Alembic and the rest
    again: 2 s instead of 0.8 s for one CLI command, and minutes over the tests, which start
    the app and the CLI as real processes. compileall writes them whatever that variable
    says. Quiet, and about 20 ms when there is nothing to do."""
    python = str(venv_bin(VENV, "python"))
    stamp = f"{sys.version}\n{hashlib.sha256((ROOT / 'uv.lock').read_bytes()).hexdigest()}\n"
    try:
        compiled_for = BYTECODE_STAMP.read_text(encoding="utf-8")
    except OSError:
        compiled_for = ""
    if compiled_for != stamp:
        say("compiling .venv's Python files (once; every start is faster for it)...")
        run_step([python, "-c", _COMPILEALL], "Compiling .venv's Python files")
        BYTECODE_STAMP.write_text(stamp, encoding="utf-8")
    if any(not has_fresh_bytecode(source) for source in SOURCES.rglob("*.py")):
        run_step([python, "-c", _COMPILEALL, str(SOURCES)], "Compiling src/")


def has_fresh_bytecode(source: Path) -> bool:
    """Whether ``source`` has a .pyc that Python would use: the one for this Python, made
    from this version of the file (the modification time and size in its header, PEP 552)."""
    cached = Path(importlib.util.cache_from_source(str(source)))
    try:
        with open(cached, "rb") as pyc:
            header = pyc.read(16)
        stat = source.stat()
    except OSError:
        return False
    return (
        len(header) == 16
        and header[:4] == importlib.util.MAGIC_NUMBER
        and int.from_bytes(header[4:8], "little") == 0  # checked by time, not by hash
        and int.from_bytes(header[8:12], "little") == int(stat.st_mtime) & 0xFFFFFFFF
        and int.from_bytes(header[12:16], "little") == stat.st_size & 0xFFFFFFFF
    )


# -- running things ------------------------------------------------------------------------------
def run_step(
    command: Sequence[str],
    what: str,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> None:
    result = subprocess.run(list(command), env=env, cwd=cwd, stdin=subprocess.DEVNULL, check=False)
    if result.returncode != 0:
        raise SetupError(f"{what} failed (exit status {result.returncode}); see the lines above.")


def exec_program(command: Sequence[str], env: Mapping[str, str] | None = None) -> int:
    """Replace this process with ``command`` (POSIX); elsewhere run it and pass its status on."""
    sys.stdout.flush()
    sys.stderr.flush()
    environment = dict(os.environ if env is None else env)
    if os.name == "posix":
        os.execve(command[0], list(command), environment)  # noqa: S606 - no shell involved
    return subprocess.run(list(command), env=environment, check=False).returncode


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True  # Windows and macOS always have a screen to draw on
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def opens_window(app_args: Sequence[str]) -> bool:
    """The app opens a window unless given a CLI command, --self-test, --help or --version."""
    skip_next = False
    for arg in app_args:
        if skip_next:
            skip_next = False
        elif arg == "--data-dir":
            skip_next = True
        elif arg in ("--self-test", "-h", "--help", "--version") or not arg.startswith("-"):
            return False
    return True


# -- the commands --------------------------------------------------------------------------------
def cmd_run(app_args: Sequence[str]) -> int:
    env = dict(os.environ)
    window = opens_window(app_args)
    if "--self-test" in app_args and not has_display():
        env["QT_QPA_PLATFORM"] = "offscreen"
    elif window and not has_display():
        say(
            "there is no display here (DISPLAY and WAYLAND_DISPLAY are unset), so the app "
            "cannot open a window. Try 'python3 scripts/dev.py run --self-test', or run it "
            "under xvfb-run."
        )
        return 1
    if window or "--self-test" in app_args:
        ensure_debian_packages(QT_PACKAGES, "Qt, which draws the app's window,")
    if window and sys.platform.startswith("linux") and env.get("QT_QPA_PLATFORM") != "offscreen":
        ensure_debian_packages(DISPLAY_PACKAGES, "Showing a window on your screen")
    sync_environment()
    return exec_program([str(venv_bin(VENV, "carecompanion")), *app_args], env)


def cmd_test(pytest_args: Sequence[str]) -> int:
    ensure_debian_packages(QT_PACKAGES, "Running the tests (Qt draws offscreen)")
    if can_install_system_packages():  # optional elsewhere: those tests skip without it
        ensure_debian_packages(TEST_PACKAGES, "The circle interop tests (the standard age tool)")
    sync_environment()
    os.chdir(ROOT)
    return exec_program([str(venv_bin(VENV, "python")), "-m", "pytest", *parallel(pytest_args)])


def parallel(pytest_args: Sequence[str]) -> list[str]:
    """The suite on every core (pytest-xdist), unless the caller chose how to run it.

    The whole suite takes about 9 minutes on one core; on the 2-core CI machine, spread over
    both, it stays inside the 5-minute budget. A developer's own -n, or -p no:xdist for a
    debugger, wins.
    """
    chosen = any(
        arg in ("-n", "--numprocesses", "no:xdist") or arg.startswith(("-n", "--numprocesses="))
        for arg in pytest_args
    )
    return list(pytest_args) if chosen else ["-n", "auto", *pytest_args]


def cmd_lint(extra_args: Sequence[str]) -> int:
    if extra_args:
        raise SetupError("'lint' takes no arguments.")
    sync_environment()
    os.chdir(ROOT)
    paths = [path for path in LINT_PATHS if (ROOT / path).is_dir()]
    checks = {
        "ruff": [str(venv_bin(VENV, "ruff")), "check", *paths],
        "ruff format": [str(venv_bin(VENV, "ruff")), "format", "--check", *paths],
        # Plain mypy: what it checks is [tool.mypy] `files` in pyproject.toml (tests included).
        "mypy": [str(venv_bin(VENV, "mypy"))],
    }
    failed = []
    for name, command in checks.items():
        say(f"running {' '.join([Path(command[0]).name, *command[1:]])}")
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(name)
    if failed:
        say(f"lint failed: {', '.join(failed)}.")
        return 1
    say("lint passed: ruff and mypy found nothing.")
    return 0


def cmd_keyring_test(pytest_args: Sequence[str]) -> int:
    if not sys.platform.startswith("linux"):
        raise SetupError("keyring-test needs Linux (D-Bus and GNOME Keyring).")
    ensure_debian_packages(
        (*QT_PACKAGES, *KEYRING_PACKAGES), "Running the keyring tests (D-Bus, GNOME Keyring)"
    )
    for program in ("dbus-run-session", "gnome-keyring-daemon"):
        if shutil.which(program) is None:
            raise SetupError(f"keyring-test needs '{program}' (packages: dbus, gnome-keyring).")
    sync_environment()
    os.chdir(ROOT)
    env = {
        **os.environ,
        "CARECOMPANION_TEST_SECRET_SERVICE": "1",
        "CC_KEYRING_PASSWORD": KEYRING_TEST_PASSWORD,
    }
    # Inside a private session bus: start and unlock a throwaway keyring, then run pytest.
    session_script = (
        'printf %s "$CC_KEYRING_PASSWORD" '
        "| gnome-keyring-daemon --unlock --components=secrets >/dev/null "
        '|| { echo "dev.py: gnome-keyring-daemon did not start." >&2; exit 1; }\n'
        'unset CC_KEYRING_PASSWORD\nexec "$@"'
    )
    pytest = [str(venv_bin(VENV, "python")), "-m", "pytest", *KEYRING_PYTEST_ARGS, *pytest_args]
    dbus_run_session = shutil.which("dbus-run-session") or "dbus-run-session"
    command = [dbus_run_session, "--", "sh", "-c", session_script, "keyring-session", *pytest]
    return exec_program(command, env)


def bundle_packages() -> tuple[str, ...]:
    """What PyInstaller needs from Debian: binutils, and with Debian's own Python (3.11.2 on
    Debian 12) its shared library, libpython3.X, which Debian ships apart from python3 and a
    fresh machine lacks. A pyenv or uv Python carries its own."""
    if Path(sys.base_prefix).resolve() != Path("/usr"):
        return BUNDLE_PACKAGES
    return (*BUNDLE_PACKAGES, f"libpython{sys.version_info.major}.{sys.version_info.minor}")


def cmd_bundle(build_args: Sequence[str]) -> int:
    """PyInstaller's bundle in dist/ (packaging/build.py says what the options do)."""
    ensure_debian_packages(QT_PACKAGES, "Building the bundle (its self-test draws offscreen)")
    ensure_debian_packages(bundle_packages(), "PyInstaller (the Python library, objdump)")
    sync_environment()
    os.chdir(ROOT)
    return exec_program([str(venv_bin(VENV, "python")), "packaging/build.py", *build_args])


def cmd_desktop_check(extra_args: Sequence[str]) -> int:
    """Validate the Linux desktop entry and AppStream metadata with the freedesktop tools."""
    if extra_args:
        raise SetupError("'desktop-check' takes no arguments.")
    ensure_debian_packages(DESKTOP_CHECK_PACKAGES, "Checking the desktop files")
    linux = ROOT / "packaging" / "linux"
    checks = [
        ["desktop-file-validate", str(next(linux.glob("*.desktop")))],
        [
            "appstreamcli",
            "validate",
            "--no-net",
            "--pedantic",
            str(next(linux.glob("*.metainfo.xml"))),
        ],
    ]
    failed = [c[0] for c in checks if subprocess.run(c, check=False).returncode != 0]
    if failed:
        say(f"desktop files are not valid: {', '.join(failed)} said why above.")
        return 1
    say("desktop entry and AppStream metadata are valid.")
    return 0


def cmd_screenshots(script_args: Sequence[str]) -> int:
    """docs/screenshots/ as a person sees the app: Xvfb, openbox, whole-screen pictures."""
    if not sys.platform.startswith("linux"):
        raise SetupError("screenshots needs Linux (Xvfb and openbox).")
    ensure_debian_packages(
        (*QT_PACKAGES, *DISPLAY_PACKAGES, *SCREENSHOT_PACKAGES),
        "Taking the screenshots (a virtual screen and a window manager)",
    )
    sync_environment()
    os.chdir(ROOT)
    return exec_program([str(venv_bin(VENV, "python")), "scripts/screenshots.py", *script_args])


COMMANDS = {
    "run": cmd_run,
    "test": cmd_test,
    "lint": cmd_lint,
    "keyring-test": cmd_keyring_test,
    "bundle": cmd_bundle,
    "desktop-check": cmd_desktop_check,
    "screenshots": cmd_screenshots,
}


def main(argv: Sequence[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE, end="")
        return 0 if argv else 2
    command = COMMANDS.get(argv[0])
    if command is None:
        print(f"dev.py: unknown command '{argv[0]}'.\n\n{USAGE}", end="", file=sys.stderr)
        return 2
    try:
        check_python()
        return command(argv[1:])
    except SetupError as exc:
        say(str(exc))
        return 1
    except KeyboardInterrupt:
        say("cancelled.")
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
