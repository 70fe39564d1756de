#!/usr/bin/env python3
"""Build the Casebook desktop app for Linux, from a fresh clone, in one command.

    python3 packaging/build.py            # build dist/casebook/, report its size and start-up
    python3 packaging/build.py --smoke    # ... then run the smoke checks on the built binary
    python3 packaging/build.py --tarball  # ... and pack dist/casebook-VERSION-linux-ARCH.tar.gz

It sets up what the build needs first, the same way packaging/bootstrap.py does: the system
libraries Qt's platform plugins link (installed with apt-get when run as root, otherwise the
exact command is printed), the virtual environment .venv, and Casebook with its `package`
extra (PyInstaller, and Pillow for the icons). Then it runs PyInstaller on
packaging/casebook.spec and prints where the bundle is, its size, and how long the built
binary takes to start. Standard library only: nothing needs installing before it runs.

Windows and macOS builds use the same spec; see packaging/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bootstrap  # noqa: E402  (packaging/bootstrap.py: system libraries and the virtualenv)
import smoke  # noqa: E402  (packaging/smoke.py: checks and timings of the built binary)

REPO_ROOT = HERE.parent
SPEC = HERE / "casebook.spec"
DIST = REPO_ROOT / "dist"
WORK = REPO_ROOT / "build"
BUNDLE = DIST / "casebook"
BINARY = BUNDLE / ("casebook.exe" if os.name == "nt" else "casebook")

EXTRAS = "package"
STAMP_NAME = ".casebook-package-installed"
STAMP_VERSION = b"casebook-build-1"
# Programs the start-up timing of the window uses (optional: skipped without them).
WINDOW_PROGRAMS = {"Xvfb": "xvfb", "xwininfo": "x11-utils"}


def say(message: str = "") -> None:
    print(message, flush=True)


# ----- setting up ---------------------------------------------------------------------------


def install_stamp(pyproject: bytes) -> str:
    digest = hashlib.sha256(STAMP_VERSION + b"\n" + EXTRAS.encode() + b"\n")
    digest.update(pyproject)
    return digest.hexdigest()


def build_tools_importable(python: Path) -> bool:
    check = "import PyInstaller, PIL, PySide6.QtSvg"
    result = subprocess.run([str(python), "-c", check], capture_output=True, check=False)
    return result.returncode == 0


def ensure_build_tools(venv: Path, python: Path) -> None:
    """`pip install -e .[package]` when pyproject.toml changed or the tools are missing."""
    pyproject = (REPO_ROOT / "pyproject.toml").read_bytes()
    stamp = venv / STAMP_NAME
    with contextlib.suppress(OSError):
        if (stamp.read_text(encoding="utf-8").strip() == install_stamp(pyproject)
                and build_tools_importable(python)):
            return
    say("Installing Casebook and its build tools (PyInstaller, Pillow) into .venv ...")
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-e", f".[{EXTRAS}]"],
        cwd=str(REPO_ROOT), check=False)
    if result.returncode != 0:
        with contextlib.suppress(OSError):
            stamp.unlink()
        raise bootstrap.BootstrapError(
            "pip could not install the build tools (see its messages above).")
    stamp.write_text(install_stamp(pyproject) + "\n", encoding="utf-8")


def check_shared_python(python: Path) -> None:
    """PyInstaller bundles libpython: a Python built without it cannot be frozen."""
    code = ("import sysconfig; print(sysconfig.get_config_var('Py_ENABLE_SHARED') or 0, "
            "sysconfig.get_config_var('LDVERSION'))")
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                            check=False)
    shared, _, ldversion = result.stdout.strip().partition(" ")
    if shared == "1" or not sys.platform.startswith("linux"):
        return
    soname = f"libpython{ldversion}.so.1.0"
    if bootstrap.have_library(soname):
        return
    package = f"libpython{ldversion.rstrip('dmu')}"
    if bootstrap.is_root() and shutil.which("apt-get"):
        bootstrap.apt_install([package])
        return
    raise bootstrap.BootstrapError(
        f"PyInstaller needs Python's shared library {soname}, which is not installed: "
        f"install it with `sudo apt-get install -y {package}` (or use a Python built with "
        "--enable-shared) and run this command again.")


def ensure_window_tools() -> None:
    """Xvfb and xwininfo, for timing the unlock screen; installed when root, else skipped."""
    missing = [name for name in WINDOW_PROGRAMS if shutil.which(name) is None]
    if not missing or not sys.platform.startswith("linux"):
        return
    packages = sorted({WINDOW_PROGRAMS[name] for name in missing})
    if bootstrap.is_root() and shutil.which("apt-get"):
        with contextlib.suppress(bootstrap.BootstrapError):
            bootstrap.apt_install(packages)


def set_up(window_tools: bool) -> Path:
    bootstrap.check_python()
    if not sys.platform.startswith("linux"):
        say("Note: this script is tested on Linux; on Windows and macOS run PyInstaller on "
            "packaging/casebook.spec as packaging/README.md describes.")
    # The libraries behind Qt's X11 and offscreen platforms: PyInstaller copies the ones
    # the system does not provide everywhere (libxcb-cursor and friends) into the bundle.
    installed = bootstrap.ensure_system("demo")
    python = bootstrap.ensure_venv(bootstrap.VENV_DIR)
    check_shared_python(python)
    ensure_build_tools(bootstrap.VENV_DIR, python)
    installed += bootstrap.resolve_missing(
        bootstrap.qt_plugin_missing_libraries(bootstrap.VENV_DIR, "demo"), [])
    if window_tools:
        ensure_window_tools()
    if installed:
        say("Installed system packages: " + " ".join(installed))
    return python


# ----- building -----------------------------------------------------------------------------


def run_pyinstaller(python: Path) -> float:
    say(f"Building with PyInstaller ({SPEC.relative_to(REPO_ROOT)}) ...")
    env = bootstrap.venv_environment(os.environ, bootstrap.VENV_DIR)
    env["QT_QPA_PLATFORM"] = "offscreen"  # the icon renderer needs no display
    started = time.perf_counter()
    result = subprocess.run(
        [str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)],
        cwd=str(REPO_ROOT), env=env, check=False)
    if result.returncode != 0:
        raise bootstrap.BootstrapError("PyInstaller failed (see its messages above).")
    if not BINARY.exists():
        raise bootstrap.BootstrapError(f"PyInstaller finished but {BINARY} is missing.")
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and files under folder, counting each file once and links as links."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        total += path.stat().st_size
        files += 1
    return total, files


def du_size(folder: Path) -> str | None:
    """What `du -sh` says (disk blocks), for comparison with the plain byte count."""
    if shutil.which("du") is None:
        return None
    result = subprocess.run(["du", "-sh", str(folder)], capture_output=True, text=True,
                            check=False)
    return result.stdout.split()[0] if result.returncode == 0 and result.stdout else None


def version() -> str:
    text = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return str(tomllib.loads(text)["project"]["version"])


def make_tarball() -> Path:
    arch = platform.machine().lower() or "unknown"
    target = DIST / f"casebook-{version()}-linux-{arch}.tar.gz"
    say(f"Packing {target.relative_to(REPO_ROOT)} ...")

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(BUNDLE, arcname="casebook", filter=clean)
    return target


# ----- measuring and smoke ------------------------------------------------------------------


def measure(runs: int) -> None:
    say("Start-up of the built binary (median of "
        f"{runs}; the unlock screen needs a casebook, made now with the binary itself) ...")
    with tempfile.TemporaryDirectory(prefix="casebook-measure-") as work:
        bundle = smoke.Bundle(BINARY, Path(work))
        casebook: Path | None = Path(work) / "casebook"
        try:
            bundle.run("init", "--casebook", str(casebook), "--json")
        except (smoke.SmokeFailure, subprocess.TimeoutExpired) as failure:
            say(f"  (could not make a casebook to open: {failure})")
            casebook = None
        try:
            timings = smoke.measure(bundle, casebook, runs=runs, say=say)
        except (smoke.SmokeFailure, smoke.SmokeSkip) as problem:
            say(f"  measuring failed: {problem}")
            return
    for timing in timings:
        say("  " + timing.describe())
    if not any(t.cold for t in timings):
        say("  (the page cache could not be dropped here, so these are warm figures)")


def run_smoke() -> bool:
    say("Smoke checks of the built binary ...")
    with tempfile.TemporaryDirectory(prefix="casebook-smoke-") as work:
        steps = smoke.run_all(BINARY, Path(work), version=version(), say=say)
    failed = [s for s in steps if s.status == "failed"]
    passed = sum(s.status == "passed" for s in steps)
    skipped = sum(s.status == "skipped" for s in steps)
    say(f"smoke: {passed} passed, {len(failed)} failed, {skipped} skipped")
    return not failed


# ----- entry point --------------------------------------------------------------------------


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python3 packaging/build.py",
        description="Build the Casebook desktop app (dist/casebook/) from this clone.")
    parser.add_argument("--smoke", action="store_true",
                        help="after building, run the smoke checks on the built binary")
    parser.add_argument("--tarball", action="store_true",
                        help="also pack dist/casebook-VERSION-linux-ARCH.tar.gz")
    parser.add_argument("--runs", type=int, default=5,
                        help="start-up timing runs (median reported; 0 skips timing)")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    try:
        python = set_up(window_tools=args.runs > 0 or args.smoke)
        seconds = run_pyinstaller(python)
        size, files = folder_size(BUNDLE)
        disk = du_size(BUNDLE)
        say("")
        say(f"Bundle: {BUNDLE}  (built in {seconds:.0f} s)")
        say(f"  size: {size / 1_000_000:.1f} MB in {files} files"
            + (f"; du -sh: {disk}" if disk else ""))
        say(f"  run it: {BINARY.relative_to(REPO_ROOT)} --version")
        if args.tarball:
            tarball = make_tarball()
            say(f"  tarball: {tarball} ({tarball.stat().st_size / 1_000_000:.1f} MB)")
        if args.runs > 0:
            measure(args.runs)
        if args.smoke and not run_smoke():
            return 1
        return 0
    except bootstrap.BootstrapError as error:
        sys.stderr.write(f"build: {error}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("build: interrupted.\n")
        return 130


if __name__ == "__main__":
    sys.exit(main())
