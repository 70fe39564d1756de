"""Smoke checks and start-up timings for the built bundle (dist/casebook/casebook).

Used by `python3 packaging/build.py --smoke` and by tests/packaging/test_bundle_smoke.py.
Standard library only: it runs the built binary as a person would, in a private home folder
(so nothing touches the real user's casebook, logs or keyring), and never imports the app.

The checks: `--version` prints the version in pyproject.toml; a casebook is created, filled
with demo concerns, read back (`check --json`), backed up, restored and read back again;
when the binary has them, the spreadsheet import, the KPI report PDF and the whole return
round trip (unit -> board) run too; the desktop app starts offscreen on that casebook and
keeps running until it is stopped, and shows its unlock screen on X11 (under Xvfb, when
installed); under strace, neither `check` nor the app makes an AF_INET/AF_INET6 call; the
bundle holds what it must and nothing it must not.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BINARY = REPO_ROOT / "dist" / "casebook" / "casebook"
# Protects a throwaway casebook of synthetic data in a temporary folder.
PASSPHRASE = "bundle smoke test passphrase"  # noqa: S105
GUI_SECONDS = 3.0

# What stderr of a healthy start must not say.
CRASH_MARKERS = ("Traceback (most recent call last)", "Fatal Python error",
                 "could not load the Qt platform plugin", "This application failed to start",
                 "Segmentation fault", "ModuleNotFoundError", "ImportError")

# Files a Linux bundle must hold (paths inside dist/casebook) ...
REQUIRED_FILES = (
    "casebook", "casebook.desktop", "install.sh",
    "icons/hicolor/256x256/apps/casebook.png", "icons/hicolor/scalable/apps/casebook.svg",
    "_internal/resources/return.schema.json", "_internal/resources/icons/casebook.svg",
    "_internal/database/cases", "_internal/database/identities",
    "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/platforms/libqwayland.so",
    "_internal/PySide6/Qt/plugins/imageformats/libqsvg.so",
)
# ... and patterns (regular expressions on those paths) it must not.
FORBIDDEN_PATTERNS = (
    r".*libQt6Network\.so.*", r".*libQt6(Qml|Quick|WebEngine|Pdf|Multimedia|3D).*",
    r".*/plugins/(tls|networkinformation|generic|sqldrivers|qmltooling)/.*",
    r".*/lib-dynload/_ssl\..*", r".*/lib-dynload/_tkinter\..*", r".*libtk.*", r".*libtcl.*",
    r".*/keyrings/alt/.*", r".*/tkinter/.*", r".*/(pytest|_pytest|hypothesis)/.*",
    r".*libqgtk3\.so", r".*direct_url\.json",
    r"_internal/lib(stdc\+\+|X11|fontconfig|freetype|glib-2\.0|dbus-1)\.so.*",
)


class SmokeFailure(Exception):
    """A check did not pass; the message says what was seen."""


class SmokeSkip(Exception):
    """A check cannot run here (a tool or command is missing); the message says why."""


@dataclass(frozen=True)
class Step:
    name: str
    status: str  # "passed", "failed" or "skipped"
    seconds: float
    detail: str = ""


def project_version(repo: Path = REPO_ROOT) -> str:
    text = (repo / "pyproject.toml").read_text(encoding="utf-8")
    return str(tomllib.loads(text)["project"]["version"])


def financial_year(today: date) -> str:
    """The financial year (April to March) holding today, as the CLI writes it: 2026-27."""
    start = today.year if today.month >= 4 else today.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


# ----- running the binary -------------------------------------------------------------------


class Bundle:
    """The built binary, run with a private home folder under `work`."""

    def __init__(self, binary: Path, work: Path) -> None:
        self.binary = binary
        self.work = work
        self.home = work / "home"
        self.home.mkdir(parents=True, exist_ok=True)

    @property
    def folder(self) -> Path:
        """The bundle folder (dist/casebook)."""
        return self.binary.parent

    def environment(self, passphrase: bool = True, **extra: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("CASEBOOK_", "XDG_", "QT_", "PYTHON"))}
        env.update({
            "HOME": str(self.home),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_STATE_HOME": str(self.home / ".local" / "state"),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            # The smoke test must never reach the real keyring (a prompt on a desktop).
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "QT_QPA_PLATFORM": "offscreen",
        })
        if passphrase:
            env["CASEBOOK_PASSPHRASE"] = PASSPHRASE
        env.update(extra)
        return env

    def run(self, *args: str, expect: int | None = 0, timeout: float = 180,
            passphrase: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([str(self.binary), *args], capture_output=True, text=True,
                                timeout=timeout, env=self.environment(passphrase),
                                cwd=str(self.work), check=False)
        if expect is not None and result.returncode != expect:
            raise SmokeFailure(f"`casebook {' '.join(args)}` exited {result.returncode}, "
                               f"expected {expect}: {_tail(result.stderr or result.stdout)}")
        return result

    def has_command(self, *words: str) -> bool:
        result = self.run(*words, "--help", expect=None, passphrase=False)
        return result.returncode == 0


def _tail(text: str, lines: int = 6) -> str:
    kept = [line for line in text.strip().splitlines() if line.strip()][-lines:]
    return " | ".join(kept) or "(no output)"


def _json(result: subprocess.CompletedProcess[str]) -> dict[str, object]:
    try:
        doc = json.loads(result.stdout)
    except ValueError as exc:
        raise SmokeFailure(f"expected JSON on stdout, got: {_tail(result.stdout)}") from exc
    if not isinstance(doc, dict):
        raise SmokeFailure(f"expected a JSON object, got: {_tail(result.stdout)}")
    return doc


def _crash_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if any(marker.lower() in line.lower() for marker in CRASH_MARKERS)]


# ----- the checks ---------------------------------------------------------------------------


def check_version(bundle: Bundle, expected: str) -> str:
    result = bundle.run("--version", passphrase=False)
    line = result.stdout.strip()
    if line != f"casebook {expected}":
        raise SmokeFailure(f"--version printed {line!r}, expected 'casebook {expected}' "
                           "(the version in pyproject.toml)")
    return line


def check_contents(folder: Path) -> str:
    missing = [path for path in REQUIRED_FILES if not (folder / path).exists()]
    present = sorted(str(p.relative_to(folder)).replace(os.sep, "/")
                     for p in folder.rglob("*") if p.is_file() or p.is_symlink())
    unwanted = [path for path in present
                if any(re.fullmatch(pattern, path) for pattern in FORBIDDEN_PATTERNS)]
    dangling = [path for path in present if (folder / path).is_symlink()
                and not (folder / path).exists()]
    problems = ([f"missing {p}" for p in missing] + [f"should not be there: {p}" for p in unwanted]
                + [f"broken link: {p}" for p in dangling])
    if problems:
        raise SmokeFailure("; ".join(problems[:12]))
    return f"{len(present)} files, none unwanted"


class CliRoundTrip:
    """Create, fill, read back, back up and restore a casebook with the built binary."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self.casebook = bundle.work / "casebook"
        self.concerns = 0
        self.unit = ""

    def init(self) -> str:
        doc = _json(self.bundle.run("init", "--casebook", str(self.casebook), "--json"))
        if not str(doc.get("recovery_key", "")).strip():
            raise SmokeFailure("init printed no recovery key")
        return f"created {self.casebook.name}/ with a recovery key"

    def import_dry_run(self) -> str:
        template = self.bundle.folder / "_internal" / "resources" / "import-template.xlsx"
        if not template.exists():
            raise SmokeSkip("no import template in this bundle")
        if not self.bundle.has_command("import"):
            raise SmokeSkip("this build has no `import` command")
        result = self.bundle.run("import", str(template), "--dry-run", "--json",
                                 "--casebook", str(self.casebook), expect=None)
        doc = _json(result)
        if result.returncode != 0 or doc.get("ok") is not True:
            raise SmokeFailure(f"the template did not pass a dry run: {_tail(result.stderr)}")
        return f"the .xlsx template checks out ({len(doc.get('new') or [])} concerns)"

    def demo(self) -> str:
        self.bundle.run("demo", "--cases", "5", "--casebook", str(self.casebook))
        self.concerns = 5
        return "5 demo concerns added"

    def check(self, folder: Path | None = None) -> str:
        doc = _json(self.bundle.run("check", "--json", "--casebook", str(folder or self.casebook)))
        if doc.get("ok") is not True or doc.get("concerns") != self.concerns:
            raise SmokeFailure(f"check reported ok={doc.get('ok')} concerns={doc.get('concerns')}"
                               f", expected ok=True concerns={self.concerns}: "
                               f"{doc.get('problems')}")
        self.unit = str(doc.get("reporting_unit") or "")
        return f"ok, {doc.get('concerns')} concerns, {doc.get('conversations')} conversations"

    def backup_and_restore(self) -> str:
        doc = _json(self.bundle.run("backup", "--json", "--casebook", str(self.casebook),
                                    "--to", str(self.bundle.work / "backups")))
        backup = Path(str(doc.get("path", "")))
        if not backup.exists():
            raise SmokeFailure(f"backup reported {backup}, which does not exist")
        restored = self.bundle.work / "restored"
        self.bundle.run("restore", str(backup), "--casebook", str(restored))
        self.check(restored)
        return f"backup of {doc.get('concerns')} concerns restored and read back"

    def report_pdf(self) -> str:
        if not self.bundle.has_command("report"):
            raise SmokeSkip("this build has no `report` command")
        out = self.bundle.work / "report.pdf"
        self.bundle.run("report", "--period", financial_year(date.today()), "--pdf", str(out),
                        "--casebook", str(self.casebook))
        if not out.exists() or out.read_bytes()[:5] != b"%PDF-":
            raise SmokeFailure("report --pdf wrote no PDF")
        return f"KPI report PDF, {out.stat().st_size} bytes"

    def return_round_trip(self) -> str:
        if not (self.bundle.has_command("board") and self.bundle.has_command("return")):
            raise SmokeSkip("this build has no `board` or `return` command")
        board = self.bundle.work / "board"
        run = self.bundle.run
        run("board", "init", "--board", str(board))
        recipient = run("board", "recipient", "--board", str(board)).stdout.split()[0]
        run("settings", "board-recipient", recipient, "--casebook", str(self.casebook))
        key = run("unit-key", "--casebook", str(self.casebook)).stdout.split()[0]
        run("board", "register", self.unit, key, "--board", str(board))
        period = financial_year(date.today())
        out = self.bundle.work / "return.age"
        run("return", "build", "--period", period, "--out", str(out),
            "--casebook", str(self.casebook))
        run("board", "import", str(out), "--board", str(board))
        status = _json(run("board", "status", "--period", period, "--json", "--board",
                           str(board)))
        units = status.get("units") or []
        sent = [u for u in units if isinstance(u, dict) and u.get("status") == "sent"]
        if not sent:
            raise SmokeFailure(f"the board shows no return received: {status}")
        return f"signed, encrypted, imported by the board ({period})"


def _snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@contextlib.contextmanager
def _running(command: Sequence[str], env: Mapping[str, str], cwd: Path,
             stderr_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(list(command), env=dict(env), cwd=str(cwd),
                                   stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            yield process
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)


def check_gui_offscreen(bundle: Bundle, casebook: Path, seconds: float = GUI_SECONDS) -> str:
    """Start the desktop app offscreen on a casebook; it must keep running until stopped."""
    before = _snapshot(casebook)
    stderr_path = bundle.work / "gui-offscreen.stderr"
    env = bundle.environment(passphrase=False)
    with _running([str(bundle.binary), "--casebook", str(casebook)], env, bundle.work,
                  stderr_path) as process:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SmokeFailure(f"the app exited by itself with {process.returncode}: "
                                   f"{_tail(stderr_path.read_text(errors='replace'))}")
            time.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=30)
    stderr = stderr_path.read_text(errors="replace")
    if returncode not in (0, -signal.SIGTERM):
        raise SmokeFailure(f"the app ended with {returncode} on SIGTERM (a crash?): "
                           f"{_tail(stderr)}")
    crashes = _crash_lines(stderr)
    if crashes:
        raise SmokeFailure("the app reported: " + " | ".join(crashes[:3]))
    changed = sorted((_snapshot(casebook) ^ before) - {"casebook.lock"})
    if changed:
        raise SmokeFailure(f"the locked app changed the casebook folder: {changed}")
    cores = [p.name for p in bundle.work.glob("core*")]
    if cores:
        raise SmokeFailure(f"core dump written: {cores}")
    return f"ran {seconds:.0f} s offscreen, ended by SIGTERM ({returncode}), stderr clean"


# ----- no network: every socket() and connect() under strace ---------------------------------

_INET_CALL = re.compile(r"\b(socket|connect)\(.*\bAF_INET6?\b")


def inet_calls(log_dir: Path) -> list[str]:
    """strace lines (one file per process) that create or connect an Internet socket."""
    found = []
    for log in sorted(log_dir.iterdir()):
        for line in log.read_text(errors="replace").splitlines():
            if _INET_CALL.search(line):
                found.append(f"{log.name}: {line.strip()}")
    return found


def check_no_network(bundle: Bundle, casebook: Path, seconds: float = GUI_SECONDS) -> str:
    """`check` and the desktop app (offscreen, until SIGTERM) make no AF_INET/AF_INET6 call."""
    strace = shutil.which("strace")
    timeout_tool = shutil.which("timeout")
    if strace is None or timeout_tool is None:
        raise SmokeSkip("strace (and coreutils' timeout) are needed: apt-get install strace")
    runs = {
        "check": ([str(bundle.binary), "check", "--json", "--casebook", str(casebook)], True),
        "gui": ([timeout_tool, "-s", "TERM", f"{seconds:.0f}", str(bundle.binary),
                 "--casebook", str(casebook)], False),
    }
    traced = 0
    for name, (command, passphrase) in runs.items():
        log_dir = bundle.work / f"strace-{name}"
        log_dir.mkdir(exist_ok=True)
        result = subprocess.run(
            [strace, "-f", "-ff", "-qq", "-e", "trace=socket,connect", "-o",
             str(log_dir / "trace"), *command],
            capture_output=True, text=True, env=bundle.environment(passphrase),
            cwd=str(bundle.work), timeout=120, check=False)
        if "ptrace" in result.stderr and not any(log_dir.iterdir()):
            raise SmokeSkip(f"strace cannot trace here: {_tail(result.stderr)}")
        expected = 0 if name == "check" else 124  # timeout's code once it stopped the app
        if result.returncode != expected:
            raise SmokeFailure(f"{name} under strace exited {result.returncode}: "
                               f"{_tail(result.stderr)}")
        calls = inet_calls(log_dir)
        if calls:
            raise SmokeFailure(f"{name} made network calls: {' | '.join(calls[:5])}")
        traced += len(list(log_dir.iterdir()))
    return f"no AF_INET/AF_INET6 socket or connect in {traced} traced processes/threads"


# ----- a real window: X11 under Xvfb ----------------------------------------------------------


def xvfb_available() -> bool:
    return shutil.which("Xvfb") is not None and shutil.which("xwininfo") is not None


def _display_taken(number: int) -> bool:
    """Whether any X server (this one's files, or an abstract socket in this network
    namespace, as another session's Xvfb may hold) already uses display :number."""
    x11 = Path("/tmp")  # noqa: S108  (where X servers keep their lock files and sockets)
    if (x11 / f".X{number}-lock").exists() or (x11 / ".X11-unix" / f"X{number}").exists():
        return True
    try:
        sockets = Path("/proc/net/unix").read_text(errors="replace")
    except OSError:
        return False
    return f"@/tmp/.X11-unix/X{number}\n" in sockets or f"@/tmp/.X11-unix/X{number} " in sockets


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb server on a display no one else uses; yields its DISPLAY. No TCP."""
    if not xvfb_available():
        raise SmokeSkip("Xvfb and xwininfo are not installed (Debian: xvfb x11-utils)")
    first = 100 + os.getpid() % 400  # apart from xvfb-run's :99 and other sessions
    for number in range(first, first + 50):
        if _display_taken(number):
            continue
        display = f":{number}"
        # -noreset: by default the server resets when its last client leaves, and a client
        # connecting during that moment is refused (each timed start follows a stopped one).
        process = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24",
                                    "-nolisten", "tcp", "-noreset"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            if _wait_for_display(display, process):
                yield display
                return
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
    raise SmokeSkip("no free X display for Xvfb")


def _wait_for_display(display: str, server: subprocess.Popen[bytes], timeout: float = 15) -> bool:
    """True once the server answers; False if it exited (the display was taken after all)."""
    env = {"DISPLAY": display, "PATH": os.environ.get("PATH", "")}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        probe = subprocess.run(["xwininfo", "-root"], capture_output=True, env=env,
                               check=False)
        if probe.returncode == 0:
            return True
        time.sleep(0.1)
    raise SmokeSkip(f"Xvfb on {display} accepted no connection in {timeout:.0f} s")


_WINDOW_LINE = re.compile(r'^\s*(0x[0-9a-f]+) "([^"]*)": \("([^"]*)" "([^"]*)"\)\s+(\d+)x(\d+)')


def casebook_window_shown(display: str) -> bool:
    """Whether the Casebook main window is mapped (viewable) on this X display."""
    env = dict(os.environ, DISPLAY=display)
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                          env=env, check=False).stdout
    for line in tree.splitlines():
        match = _WINDOW_LINE.match(line)
        if not match or match.group(3).lower() != "casebook":
            continue
        if int(match.group(5)) <= 1 or int(match.group(6)) <= 1:
            continue
        info = subprocess.run(["xwininfo", "-id", match.group(1)], capture_output=True,
                              text=True, env=env, check=False).stdout
        if "IsViewable" in info:
            return True
    return False


def time_to_window(bundle: Bundle, casebook: Path, display: str, timeout: float = 60) -> float:
    """Seconds from starting the binary to its main window (the unlock screen) on screen."""
    env = bundle.environment(passphrase=False, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    stderr_path = bundle.work / "gui-xcb.stderr"
    started = time.perf_counter()
    with _running([str(bundle.binary), "--casebook", str(casebook)], env, bundle.work,
                  stderr_path) as process:
        while not casebook_window_shown(display):
            if process.poll() is not None:
                raise SmokeFailure(f"the app exited with {process.returncode} before showing "
                                   f"a window: {_tail(stderr_path.read_text(errors='replace'))}")
            if time.perf_counter() - started > timeout:
                raise SmokeFailure(f"no window after {timeout:.0f} s")
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=30)
    crashes = _crash_lines(stderr_path.read_text(errors="replace"))
    if returncode not in (0, -signal.SIGTERM) or crashes:
        raise SmokeFailure(f"the app ended with {returncode}: {' | '.join(crashes[:3])}")
    return elapsed


def check_gui_window(bundle: Bundle, casebook: Path) -> str:
    with xvfb() as display:
        seconds = time_to_window(bundle, casebook, display)
    return f"X11 window (the unlock screen) shown after {seconds:.2f} s"


# ----- timings ------------------------------------------------------------------------------


def drop_caches() -> bool:
    """Empty the kernel's page cache (root on Linux), so the next start reads from disk."""
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w", encoding="ascii") as handle:
            handle.write("3\n")
    except OSError:
        return False
    return True


def time_version(bundle: Bundle) -> float:
    started = time.perf_counter()
    bundle.run("--version", passphrase=False)
    return time.perf_counter() - started


@dataclass(frozen=True)
class Timing:
    what: str
    cold: bool  # page cache dropped before each run
    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def describe(self) -> str:
        kind = "cold (page cache dropped before each run)" if self.cold else "warm"
        runs = ", ".join(f"{r:.2f}" for r in self.runs)
        return f"{self.what}: median {self.median:.2f} s, {kind}; runs {runs}"


def measure(bundle: Bundle, casebook: Path | None, runs: int = 5,
            say: Callable[[str], None] = print) -> list[Timing]:
    """Median start-up times: `--version`, and the unlock screen under Xvfb when possible."""
    cold = drop_caches()

    def repeat(action: Callable[[], float], drop: bool) -> list[float]:
        results = []
        for _ in range(runs):
            if drop:
                drop_caches()
            results.append(action())
        return results

    timings = [Timing("casebook --version", cold, repeat(lambda: time_version(bundle), cold)),
               Timing("casebook --version", False, repeat(lambda: time_version(bundle), False))]
    if casebook is None:
        return timings
    if not xvfb_available():
        say("  (no Xvfb/xwininfo here: time to the unlock screen not measured; "
            "Debian: apt-get install xvfb x11-utils)")
        return timings
    with xvfb() as display:
        def window() -> float:
            return time_to_window(bundle, casebook, display)

        window()  # the X server's own first client, uncounted
        what = "unlock screen on X11 (Xvfb)"
        timings += [Timing(what, cold, repeat(window, cold)),
                    Timing(what, False, repeat(window, False))]
    return timings


# ----- everything -----------------------------------------------------------------------------


def _step(name: str, action: Callable[[], str]) -> Step:
    started = time.perf_counter()
    try:
        detail = action()
    except SmokeSkip as skip:
        return Step(name, "skipped", time.perf_counter() - started, str(skip))
    except (SmokeFailure, subprocess.TimeoutExpired, OSError) as failure:
        return Step(name, "failed", time.perf_counter() - started, str(failure))
    return Step(name, "passed", time.perf_counter() - started, detail)


def run_all(binary: Path, work: Path, version: str | None = None,
            say: Callable[[str], None] = print) -> list[Step]:
    """Every smoke check in order, each reported as it finishes."""
    bundle = Bundle(binary, work)
    trip = CliRoundTrip(bundle)
    expected = version or project_version()
    plan: list[tuple[str, Callable[[], str]]] = [
        ("bundle contents", lambda: check_contents(bundle.folder)),
        ("--version", lambda: check_version(bundle, expected)),
        ("init", trip.init),
        ("import (dry run)", trip.import_dry_run),
        ("demo --cases 5", trip.demo),
        ("check --json", trip.check),
        ("backup, restore", trip.backup_and_restore),
        ("report --pdf", trip.report_pdf),
        ("return round trip", trip.return_round_trip),
        ("GUI offscreen", lambda: check_gui_offscreen(bundle, trip.casebook)),
        ("no network (strace)", lambda: check_no_network(bundle, trip.casebook)),
        ("GUI on X11", lambda: check_gui_window(bundle, trip.casebook)),
    ]
    steps = []
    for name, action in plan:
        step = _step(name, action)
        say(f"  {step.status.upper():7} {name} ({step.seconds:.1f} s): {step.detail}")
        steps.append(step)
        if step.status == "failed" and name in ("--version", "init", "demo --cases 5"):
            break  # the rest depend on it
    return steps


def main(argv: Sequence[str]) -> int:
    binary = Path(argv[0]) if argv else DEFAULT_BINARY
    if not binary.exists():
        print(f"smoke: no bundle at {binary}; build it with python3 packaging/build.py",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="casebook-smoke-") as work:
        steps = run_all(binary.resolve(), Path(work))
    failed = [s for s in steps if s.status == "failed"]
    passed = sum(s.status == "passed" for s in steps)
    skipped = sum(s.status == "skipped" for s in steps)
    print(f"smoke: {passed} passed, {len(failed)} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
