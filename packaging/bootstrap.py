#!/usr/bin/env python3
"""Set up everything Casebook needs, then open the demo or run the test suite.

    python3 packaging/bootstrap.py demo   # set up, create the demo casebook, open the app
    python3 packaging/bootstrap.py test   # set up, run the whole test suite headless

This script runs before anything is installed, so it uses only the Python
standard library. It works from any current directory: paths are resolved from
this file's location.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import hashlib
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

MIN_PYTHON = (3, 11)

REPO_ROOT = Path(__file__).resolve().parent.parent
VENV_DIR = REPO_ROOT / ".venv"
STAMP_NAME = ".casebook-installed"
DEMO_DIR = REPO_ROOT / "casebook-demo"
# Printed for the person to type; it protects synthetic demo data only.
DEMO_PASSPHRASE = "demo-passphrase-not-for-real-cases"  # noqa: S105
PASSPHRASE_VARIABLES = ("CASEBOOK_PASSPHRASE", "CASEBOOK_NEW_PASSPHRASE")

# Bump when the install step itself changes, so existing virtualenvs reinstall.
STAMP_VERSION = b"casebook-bootstrap-1"
EXTRAS = "test"

# Shared libraries Qt needs for the headless "offscreen" platform, with the
# Debian package that provides each.
QT_OFFSCREEN_LIBRARIES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",
}

# Extra libraries Qt's X11 ("xcb") platform needs to open a real window, which
# the demo does and the screenshot tests do under Xvfb.
QT_X11_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11-xcb.so.1": "libx11-xcb1",
}

# Every library whose Debian package this script knows; used also to name the
# package for anything `ldd` reports missing from Qt's platform plugins.
KNOWN_LIBRARY_PACKAGES: dict[str, str] = {
    **QT_OFFSCREEN_LIBRARIES,
    **QT_X11_LIBRARIES,
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libpng16.so.16": "libpng16-16",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

# Programs the test suite uses: PDF pages rendered to images, interoperability
# with the age tool, and a virtual X screen for screenshot tests.
TEST_PROGRAMS: dict[str, str] = {
    "pdftoppm": "poppler-utils",
    "age": "age",
    "Xvfb": "xvfb",
    "xauth": "xauth",
    "strace": "strace",  # the no-network test watches a real process's system calls
    "desktop-file-validate": "desktop-file-utils",
}

USAGE = """\
usage: python3 packaging/bootstrap.py COMMAND [ARGS...]

Sets up everything Casebook needs on this machine (the system libraries Qt
needs, a virtual environment in .venv, Casebook and its Python dependencies),
then runs COMMAND:

  demo [ARGS]   create the demo casebook in ./casebook-demo (with `casebook
                demo`), print its passphrase and open the desktop app on it.
                ARGS go to `casebook demo`, e.g.  demo --cases 200
  test [ARGS]   run the whole test suite headless: pytest, then
                `ruff check app tests` and `mypy app` (strict).
                ARGS go to pytest, e.g.  test -k calendar

Missing Debian packages are installed with apt-get when run as root;
otherwise the exact `sudo apt-get install` command is printed.
Repeated runs are fast: dependencies are reinstalled only when
pyproject.toml changes.
"""


class BootstrapError(Exception):
    """A problem to report to the person as one plain message, no traceback."""


def say(message: str = "") -> None:
    print(message, flush=True)


# --------------------------------------------------------------------------
# System libraries and programs
# --------------------------------------------------------------------------


def requirements(command: str) -> tuple[dict[str, str], dict[str, str]]:
    """The (libraries, programs) a command needs, each mapped to its Debian package."""
    libraries = dict(QT_OFFSCREEN_LIBRARIES)
    programs: dict[str, str] = {}
    if command in ("demo", "test"):
        libraries.update(QT_X11_LIBRARIES)
    if command == "test":
        programs.update(TEST_PROGRAMS)
    return libraries, programs


def _ldconfig_arch_tag() -> str | None:
    """The tag `ldconfig -p` prints for this machine's native libraries."""
    machine = platform.machine().lower()
    return {
        "x86_64": "x86-64",
        "amd64": "x86-64",
        "aarch64": "AArch64",
        "arm64": "AArch64",
    }.get(machine)


def parse_ldconfig(output: str, arch_tag: str | None) -> set[str]:
    """Sonames listed by `ldconfig -p`, keeping only this architecture's when known.

    Lines look like:  libGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libGL.so.1
    """
    found: set[str] = set()
    for line in output.splitlines():
        match = re.match(r"\s*(\S+)\s+\(([^)]*)\)\s+=>", line)
        if not match:
            continue
        soname, flags = match.group(1), match.group(2)
        if arch_tag is not None:
            # 64-bit entries carry an arch tag; untagged ones are 32-bit (i386).
            tags = [part.strip() for part in flags.split(",")]
            if arch_tag not in tags:
                continue
        found.add(soname)
    return found


_LDCONFIG_CACHE: set[str] | None = None


def _ldconfig_libraries() -> set[str] | None:
    global _LDCONFIG_CACHE
    if _LDCONFIG_CACHE is not None:
        return _LDCONFIG_CACHE
    ldconfig = shutil.which("ldconfig")
    if ldconfig is None:
        for candidate in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
            if os.access(candidate, os.X_OK):
                ldconfig = candidate
                break
    if ldconfig is None:
        return None
    try:
        result = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=False)
    except OSError:
        return None
    if result.returncode != 0:
        return None
    _LDCONFIG_CACHE = parse_ldconfig(result.stdout, _ldconfig_arch_tag())
    return _LDCONFIG_CACHE


def have_library(soname: str) -> bool:
    """Whether the dynamic loader can find this shared library."""
    known = _ldconfig_libraries()
    if known is not None and soname in known:
        return True
    # Fallbacks: ctypes' own search, then simply asking the loader (this also
    # honours LD_LIBRARY_PATH, which the ldconfig cache does not list).
    short = re.sub(r"^lib", "", soname.split(".so")[0])
    if ctypes.util.find_library(short) == soname:
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def have_program(name: str) -> bool:
    return shutil.which(name) is not None


def find_missing(
    libraries: Iterable[str],
    programs: Iterable[str],
    library_present: Callable[[str], bool] = have_library,
    program_present: Callable[[str], bool] = have_program,
) -> tuple[list[str], list[str]]:
    """The (libraries, programs) that are not present, in the order given."""
    missing_libraries = [name for name in libraries if not library_present(name)]
    missing_programs = [name for name in programs if not program_present(name)]
    return missing_libraries, missing_programs


def packages_for(
    missing_libraries: Sequence[str], missing_programs: Sequence[str]
) -> tuple[list[str], list[str]]:
    """Debian packages that provide what is missing, and anything with no known package."""
    packages: list[str] = []
    unknown: list[str] = []
    for name in missing_libraries:
        package = KNOWN_LIBRARY_PACKAGES.get(name)
        if package is None:
            unknown.append(name)
        elif package not in packages:
            packages.append(package)
    for name in missing_programs:
        package = TEST_PROGRAMS.get(name)
        if package is None:
            unknown.append(name)
        elif package not in packages:
            packages.append(package)
    return packages, unknown


def install_command(packages: Sequence[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def missing_report(missing_libraries: Sequence[str], missing_programs: Sequence[str]) -> str:
    """What is missing, which Debian package provides each, and how to install them."""
    lines = ["Casebook needs system software that is not installed on this machine:"]
    for name in missing_libraries:
        package = KNOWN_LIBRARY_PACKAGES.get(name)
        where = f"Debian package {package}" if package else "package not known"
        lines.append(f"  library {name}  ({where})")
    for name in missing_programs:
        package = TEST_PROGRAMS.get(name)
        where = f"Debian package {package}" if package else "package not known"
        lines.append(f"  program {name}  ({where})")
    packages, unknown = packages_for(missing_libraries, missing_programs)
    if packages:
        lines.append("Install them with:")
        lines.append("  " + install_command(packages))
    if unknown:
        lines.append(
            "For " + ", ".join(unknown) + ", find the package that provides it with "
            "`apt-file search` (Debian) or your system's package search."
        )
    lines.append("Then run this command again.")
    return "\n".join(lines)


def is_root() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


# The locks apt and dpkg take (fcntl record locks) while they work.
APT_LOCKS = (
    "/var/lib/dpkg/lock-frontend",
    "/var/lib/dpkg/lock",
    "/var/lib/apt/lists/lock",
    "/var/cache/apt/archives/lock",
)
APT_LOCK_WAIT = 600.0  # seconds: an unattended upgrade can take a few minutes


def lock_holder(path: str) -> str | None:
    """Who holds a write lock on `path` ("process 123 (apt-get)"), or None if nobody does.

    Asks with F_GETLK, which only looks: taking the lock ourselves, even for a moment,
    could make the other program's own attempt fail."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: there is no apt to wait for
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        query = struct.pack("hhqqi", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
    except OSError:
        return None
    finally:
        os.close(fd)
    kind, _, _, _, pid = struct.unpack("hhqqi", answer)
    if kind == fcntl.F_UNLCK:
        return None
    if pid <= 0:
        return "another program"
    try:
        name = Path(f"/proc/{pid}/comm").read_text(encoding="utf-8").strip()
    except OSError:
        return f"process {pid}"
    return f"process {pid} ({name})"


def wait_for_apt(
    locks: Sequence[str] = APT_LOCKS,
    limit: float = APT_LOCK_WAIT,
    poll: float = 2.0,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Wait, saying so, while another program holds apt's or dpkg's lock; give up after
    `limit` seconds with one plain sentence."""
    started = clock()
    told = False
    while True:
        held = [(path, who) for path in locks if (who := lock_holder(path)) is not None]
        if not held:
            if told:
                say("The package manager is free now.")
            return
        path, who = held[0]
        waited = clock() - started
        if waited >= limit:
            raise BootstrapError(
                f"Another program ({who}) has held the package manager's lock ({path}) for "
                f"{waited / 60:.0f} minutes, so the missing packages could not be installed; "
                "run this command again when it has finished."
            )
        if not told:
            say(
                f"Waiting for another program to finish with the package manager: {who} "
                f"holds {path} (waiting up to {limit / 60:.0f} minutes) ..."
            )
            told = True
        sleep(poll)


def apt_install(packages: Sequence[str]) -> None:
    """Install Debian packages with apt-get, showing its output; waits for another
    program holding apt's lock rather than failing."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    say("Installing system packages Casebook needs: " + " ".join(packages))
    wait_for_apt()
    # And apt's own wait, for a program that takes the lock between our look and apt's.
    timeout = ["-o", f"DPkg::Lock::Timeout={int(APT_LOCK_WAIT)}"]
    update = subprocess.run(["apt-get", *timeout, "update", "-q"], env=env, check=False)
    if update.returncode != 0:
        raise BootstrapError(
            "`apt-get update` failed (see its messages above), so the missing "
            "packages could not be installed: " + " ".join(packages) + "."
        )
    install = subprocess.run(
        ["apt-get", *timeout, "install", "-y", "-q", "--no-install-recommends", *packages],
        env=env,
        check=False,
    )
    if install.returncode != 0:
        raise BootstrapError(
            "`apt-get install` failed (see its messages above) for: " + " ".join(packages) + "."
        )


def resolve_missing(missing_libraries: list[str], missing_programs: list[str]) -> list[str]:
    """Install what is missing when we may (root with apt-get), else stop with a report.

    Returns the Debian packages installed.
    """
    if not missing_libraries and not missing_programs:
        return []
    packages, unknown = packages_for(missing_libraries, missing_programs)
    if is_root() and shutil.which("apt-get") and packages and not unknown:
        apt_install(packages)
        global _LDCONFIG_CACHE
        _LDCONFIG_CACHE = None
        still_libraries, still_programs = find_missing(missing_libraries, missing_programs)
        if still_libraries or still_programs:
            raise BootstrapError(
                "Installing "
                + " ".join(packages)
                + " did not provide "
                + ", ".join(still_libraries + still_programs)
                + "."
            )
        return packages
    raise BootstrapError(missing_report(missing_libraries, missing_programs))


def ensure_system(command: str) -> list[str]:
    """Check (and as root, install) what Qt and the tests need. Linux only."""
    if not sys.platform.startswith("linux"):
        return []
    libraries, programs = requirements(command)
    missing_libraries, missing_programs = find_missing(libraries, programs)
    return resolve_missing(missing_libraries, missing_programs)


def parse_ldd_missing(output: str) -> list[str]:
    """Sonames that `ldd` reports as 'not found'."""
    missing: list[str] = []
    for line in output.splitlines():
        match = re.match(r"\s*(\S+)\s+=>\s+not found", line)
        if match and match.group(1) not in missing:
            missing.append(match.group(1))
    return missing


def qt_plugin_missing_libraries(venv: Path, command: str) -> list[str]:
    """Libraries the installed Qt platform plugins still cannot find, per `ldd`."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    plugins = ["libqoffscreen.so"]
    if command in ("demo", "test"):
        plugins.append("libqxcb.so")
    missing: list[str] = []
    pattern = "lib/python3*/site-packages/PySide6/Qt/plugins/platforms/"
    for plugin in plugins:
        for path in venv.glob(pattern + plugin):
            result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
            for name in parse_ldd_missing(result.stdout):
                if name not in missing:
                    missing.append(name)
    return missing


# --------------------------------------------------------------------------
# Virtual environment
# --------------------------------------------------------------------------


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def venv_script(venv: Path, name: str) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / (name + ".exe")
    return venv / "bin" / name


def venv_usable(venv: Path) -> bool:
    python = venv_python(venv)
    if not python.exists():
        return False
    check = f"import sys, pip; sys.exit(0 if sys.version_info >= {MIN_PYTHON!r} else 1)"
    try:
        result = subprocess.run([str(python), "-c", check], capture_output=True, check=False)
    except OSError:
        return False
    return result.returncode == 0


def venv_package_hint() -> str:
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return f"python{version}-venv"


def create_venv(venv: Path) -> None:
    say(f"Creating the virtual environment {venv} ...")
    command = [sys.executable, "-m", "venv", "--clear", str(venv)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode == 0 and venv_usable(venv):
        return
    output = (result.stdout or "") + (result.stderr or "")
    package = venv_package_hint()
    if (
        is_root()
        and shutil.which("apt-get")
        and sys.executable.startswith("/usr/bin/")
        and "ensurepip" in output
    ):
        apt_install([package])
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode == 0 and venv_usable(venv):
            return
        output = (result.stdout or "") + (result.stderr or "")
    if "ensurepip" in output or "No module named venv" in output:
        raise BootstrapError(
            "Python cannot create a virtual environment because its venv support is "
            f"not installed: install it with `sudo apt-get install -y {package}` "
            "(Debian package python3-venv) and run this command again."
        )
    if output.strip():
        sys.stderr.write(output if output.endswith("\n") else output + "\n")
    raise BootstrapError(f"`{sys.executable} -m venv {venv}` failed (see its messages above).")


def ensure_venv(venv: Path) -> Path:
    """Reuse the virtual environment if it works, else create it. Returns its python."""
    if not venv_usable(venv):
        create_venv(venv)
    return venv_python(venv)


def install_stamp(pyproject: bytes) -> str:
    """The value recorded after a successful install of this pyproject.toml."""
    digest = hashlib.sha256()
    digest.update(STAMP_VERSION + b"\n" + EXTRAS.encode() + b"\n")
    digest.update(pyproject)
    return digest.hexdigest()


def needs_install(stamp_file: Path, pyproject: bytes) -> bool:
    try:
        recorded = stamp_file.read_text(encoding="utf-8").strip()
    except OSError:
        return True
    return recorded != install_stamp(pyproject)


def ensure_installed(venv: Path, python: Path, repo: Path = REPO_ROOT) -> bool:
    """`pip install -e .[test]` when pyproject.toml changed since the last install."""
    pyproject_path = repo / "pyproject.toml"
    try:
        pyproject = pyproject_path.read_bytes()
    except OSError as error:
        raise BootstrapError(f"Cannot read {pyproject_path}: {error.strerror}.") from None
    stamp_file = venv / STAMP_NAME
    if not needs_install(stamp_file, pyproject):
        return False
    say(
        "Installing Casebook and its Python dependencies into .venv (this takes a while "
        "the first time) ..."
    )
    result = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-e",
            f".[{EXTRAS}]",
        ],
        cwd=str(repo),
        check=False,
    )
    if result.returncode != 0:
        with contextlib.suppress(OSError):
            stamp_file.unlink()
        raise BootstrapError(
            "pip could not install Casebook's Python dependencies (see its messages above)."
        )
    stamp_file.write_text(install_stamp(pyproject) + "\n", encoding="utf-8")
    return True


def set_up(command: str) -> Path:
    """Everything both commands need. Returns the virtualenv's python."""
    check_python()
    installed = ensure_system(command)
    python = ensure_venv(VENV_DIR)
    ensure_installed(VENV_DIR, python)
    installed += resolve_missing(qt_plugin_missing_libraries(VENV_DIR, command), [])
    if installed:
        say("Installed system packages: " + " ".join(installed))
    return python


def check_python(version: tuple[int, ...] = tuple(sys.version_info[:2])) -> None:
    if tuple(version) < MIN_PYTHON:
        raise BootstrapError(
            "Casebook needs Python {}.{} or newer, but this is Python {}; run this "
            "script with python3.11 or newer.".format(
                MIN_PYTHON[0], MIN_PYTHON[1], ".".join(str(part) for part in version)
            )
        )


# --------------------------------------------------------------------------
# test
# --------------------------------------------------------------------------


def venv_environment(base: Mapping[str, str], venv: Path) -> dict[str, str]:
    """The environment with the virtualenv activated (its scripts first on PATH)."""
    env = dict(base)
    scripts = venv_python(venv).parent
    env["PATH"] = str(scripts) + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(venv)
    env.pop("PYTHONHOME", None)
    return env


def headless_environment(base: Mapping[str, str], venv: Path) -> dict[str, str]:
    env = venv_environment(base, venv)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def junit_counts(xml_path: Path) -> dict[str, int] | None:
    """passed/failed/skipped counts from pytest's JUnit XML report, if it exists."""
    try:
        # Our own pytest run just wrote this file into a private temporary folder.
        root = ElementTree.parse(str(xml_path)).getroot()  # noqa: S314
    except (OSError, ElementTree.ParseError):
        return None
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    tests = failures = errors = skipped = 0
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failures += int(suite.get("failures", 0))
        errors += int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    failed = failures + errors
    return {
        "passed": max(tests - failed - skipped, 0),
        "failed": failed,
        "skipped": skipped,
    }


def pytest_summary(returncode: int, counts: dict[str, int] | None) -> str:
    if counts is None:
        return f"pytest: failed (exit {returncode}), no results were recorded"
    line = f"pytest: {counts['passed']} passed, {counts['failed']} failed"
    if counts["skipped"]:
        line += f", {counts['skipped']} skipped"
    if returncode == 5:
        line += " (no tests were collected)"
    elif returncode != 0 and counts["failed"] == 0:
        line += f" (exit {returncode})"
    return line


def build_bundle() -> int:
    """Build the desktop bundle (dist/casebook) so the suite's smoke tests run the real
    binary; CASEBOOK_SKIP_BUNDLE=1 leaves it out for a quicker local run."""
    if os.environ.get("CASEBOOK_SKIP_BUNDLE"):
        say("Not building the desktop bundle (CASEBOOK_SKIP_BUNDLE is set); its smoke "
            "tests will be skipped.")
        return 0
    say("Building the desktop bundle for its smoke tests (python3 packaging/build.py) ...")
    built = subprocess.run([sys.executable, str(REPO_ROOT / "packaging" / "build.py"),
                            "--runs", "0"], cwd=str(REPO_ROOT), check=False)
    if built.returncode != 0:
        say("The desktop bundle did not build; see the messages above.")
    return built.returncode


def run_tests(python: Path, pytest_args: Sequence[str]) -> int:
    env = headless_environment(os.environ, VENV_DIR)
    say(f"Running the test suite (QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}) ...")
    with tempfile.TemporaryDirectory(prefix="casebook-bootstrap-") as scratch:
        junit = Path(scratch) / "pytest.xml"
        # Ours first, so a --junitxml the person passes wins.
        pytest = subprocess.run(
            [str(python), "-m", "pytest", f"--junitxml={junit}", *pytest_args],
            cwd=str(REPO_ROOT),
            env=env,
            check=False,
        )
        counts = junit_counts(junit)

    checks = [
        ("ruff check app tests", [str(python), "-m", "ruff", "check", "app", "tests"]),
        ("mypy app (strict)", [str(python), "-m", "mypy", "app"]),
    ]
    results = []
    for label, command in checks:
        say(f"\nRunning {label} ...")
        result = subprocess.run(command, cwd=str(REPO_ROOT), env=env, check=False)
        results.append((label, result.returncode))

    say("\nSummary:")
    for label, code in results:
        say(f"  {label}: " + ("passed" if code == 0 else f"FAILED (exit {code})"))
    say(pytest_summary(pytest.returncode, counts))
    if pytest.returncode == 0 and all(code == 0 for _, code in results):
        return 0
    return 1


# --------------------------------------------------------------------------
# demo
# --------------------------------------------------------------------------


def has_display(env: Mapping[str, str], system: str | None = None) -> bool:
    """Whether a window can be shown: always off Linux, else an X11/Wayland display
    or a Qt platform chosen explicitly."""
    if not (sys.platform if system is None else system).startswith("linux"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def demo_environment(base: Mapping[str, str], venv: Path) -> dict[str, str]:
    env = venv_environment(base, venv)
    env["CASEBOOK_PASSPHRASE"] = DEMO_PASSPHRASE
    env.pop("CASEBOOK_NEW_PASSPHRASE", None)
    return env


def gui_environment(base: Mapping[str, str], venv: Path) -> dict[str, str]:
    """The desktop app never reads a passphrase from the environment: strip them."""
    env = venv_environment(base, venv)
    for name in PASSPHRASE_VARIABLES:
        env.pop(name, None)
    return env


def casebook_command(venv: Path, python: Path) -> list[str]:
    script = venv_script(venv, "casebook")
    if script.exists():
        return [str(script)]
    return [str(python), "-m", "app"]


def run_demo(python: Path, demo_args: Sequence[str]) -> int:
    casebook = casebook_command(VENV_DIR, python)
    say(f"Preparing the demo casebook in {DEMO_DIR} ...")
    result = subprocess.run(
        [*casebook, "demo", "--casebook", str(DEMO_DIR), *demo_args],
        cwd=str(REPO_ROOT),
        env=demo_environment(os.environ, VENV_DIR),
        check=False,
    )
    if result.returncode != 0:
        raise BootstrapError(
            f"`casebook demo` failed (exit {result.returncode}); see its messages above."
        )
    say("")
    say(f"Demo casebook: {DEMO_DIR}")
    say(f"Passphrase: {DEMO_PASSPHRASE}")
    say("(Synthetic data only. Never use this passphrase for a real casebook.)")
    say("")
    if not has_display(os.environ):
        say(
            "There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so "
            "the window cannot open; to see it on a virtual screen, install xvfb and run: "
            "xvfb-run -a python3 packaging/bootstrap.py demo"
        )
        return 0
    say("Opening Casebook; enter the passphrase above when it asks.")
    gui = subprocess.run(
        [*casebook, "--casebook", str(DEMO_DIR)],
        cwd=str(REPO_ROOT),
        env=gui_environment(os.environ, VENV_DIR),
        check=False,
    )
    if gui.returncode != 0:
        say(f"Casebook closed with exit code {gui.returncode}.")
    return gui.returncode


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        sys.stderr.write(USAGE)
        return 2
    command, rest = args[0], args[1:]
    if command in ("-h", "--help", "help"):
        sys.stdout.write(USAGE)
        return 0
    if command not in ("demo", "test"):
        sys.stderr.write(
            f"bootstrap: unknown command {command!r}; use `demo` or `test` (see --help).\n"
        )
        return 2
    try:
        python = set_up(command)
        if command == "test":
            built = build_bundle()
            tested = run_tests(python, rest)
            return tested or built
        return run_demo(python, rest)
    except BootstrapError as error:
        sys.stderr.write(f"bootstrap: {error}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("bootstrap: interrupted.\n")
        return 130
    except OSError as error:
        name = f" {error.filename}" if getattr(error, "filename", None) else ""
        sys.stderr.write(f"bootstrap: {error.strerror or error}{name}.\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
