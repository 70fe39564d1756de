"""The app makes no network connection at all.

No AF_INET or AF_INET6 socket is opened, and no host name is looked up, during a full GUI
flow (unlock, list, dashboard, a concern, settings, lock) and the headless commands on a
real casebook. Local sockets (AF_UNIX: the display, D-Bus, the OS keyring) are fine.

Two ways of watching:
- in-process, Python's socket module is wrapped, so any Python code creating, connecting
  or resolving is recorded with where it came from (and a connection is refused);
- under strace, the same flows run in a child process and every socket() and connect()
  system call is checked, which also covers C and C++ code (Qt, SQLCipher, OpenSSL).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import traceback
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.cli import COMMAND_MODULES, build_parser, main
from app.ui.main_window import MainWindow
from tests.support import PASSPHRASE, TODAY

REPO_ROOT = Path(__file__).resolve().parents[2]
INET_FAMILIES = (socket.AF_INET, socket.AF_INET6)
# Set in the child process that strace watches, so it does not start strace again.
UNDER_STRACE = "CASEBOOK_TEST_UNDER_STRACE"


class InetRecorder:
    """Everything network-shaped Python code did: (what, detail, where) triples."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, str]] = []

    def record(self, what: str, detail: object) -> None:
        frames = traceback.extract_stack(limit=12)[:-2]
        where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))
        self.events.append((what, repr(detail), where))

    def report(self) -> str:
        return "\n".join(f"{what} {detail} at {where}" for what, detail, where in self.events)


@pytest.fixture
def inet(monkeypatch: pytest.MonkeyPatch) -> Iterator[InetRecorder]:
    recorder = InetRecorder()
    real_init = socket.socket.__init__
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def init(self: socket.socket, family: int = -1, type: int = -1,  # noqa: A002
             proto: int = -1, fileno: int | None = None) -> None:
        real_init(self, family, type, proto, fileno)
        if self.family in INET_FAMILIES:
            recorder.record("socket", (self.family.name, self.type.name))

    def connect(self: socket.socket, address: object) -> None:
        if self.family in INET_FAMILIES:
            recorder.record("connect", address)
            raise OSError("network access is refused in this test")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if self.family in INET_FAMILIES:
            recorder.record("connect_ex", address)
            return 111  # ECONNREFUSED
        return real_connect_ex(self, address)

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def refused(*args: object, **kwargs: object) -> object:
            recorder.record(name, args[:1])
            raise OSError(f"{name} is refused in this test")
        return refused

    monkeypatch.setattr(socket.socket, "__init__", init)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "getnameinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield recorder


def test_the_recorder_sees_an_inet_socket_and_lets_local_ones_be(inet: InetRecorder) -> None:
    """The watch itself works: an AF_INET socket is seen, an AF_UNIX one is not."""
    a, b = socket.socketpair()
    a.close()
    b.close()
    assert inet.events == []
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(OSError):
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: refused before any packet
    probe.close()
    with pytest.raises(OSError):
        socket.create_connection(("example.invalid", 443))
    assert [what for what, _, _ in inet.events] == ["socket", "connect", "create_connection"]


# ----- the flows ----------------------------------------------------------------------------


def _commands() -> set[str]:
    parser = build_parser()
    for action in parser._actions:  # argparse keeps subcommands here
        if isinstance(getattr(action, "choices", None), dict):
            return set(action.choices)
    return set()


def _financial_year(today: date) -> str:
    start = today.year if today.month >= 4 else today.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _cli(*args: str) -> int:
    return main(list(args))


def run_cli_flow(folder: Path, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """init, demo --cases 20, check, backup, and the report and return commands present."""
    commands = _commands()
    assert _cli("init", "--casebook", str(folder)) == 0
    assert _cli("demo", "--cases", "20", "--casebook", str(folder)) == 0
    assert _cli("check", "--json", "--casebook", str(folder)) == 0
    assert _cli("backup", "--casebook", str(folder), "--to", str(work / "backups")) == 0
    period = _financial_year(date.today())
    if "app.cli.report_commands" in COMMAND_MODULES and "report" in commands:
        assert _cli("report", "--period", period, "--pdf", str(work / "kpi.pdf"),
                    "--casebook", str(folder)) == 0
    if "app.cli.import_commands" in COMMAND_MODULES and "import" in commands:
        template = REPO_ROOT / "resources" / "import-template.csv"
        if template.exists():
            _cli("import", str(template), "--dry-run", "--casebook", str(folder))
    if ("app.cli.return_commands" in COMMAND_MODULES and "app.cli.board_commands"
            in COMMAND_MODULES and {"board", "return", "unit-key", "settings"} <= commands):
        board = work / "board"

        def output(*args: str) -> str:
            capsys.readouterr()
            assert _cli(*args) == 0, args
            return capsys.readouterr().out

        output("board", "init", "--board", str(board))
        recipient = output("board", "recipient", "--board", str(board)).split()[0]
        output("settings", "board-recipient", recipient, "--casebook", str(folder))
        key = output("unit-key", "--casebook", str(folder)).split()[0]
        unit = re.search(r'"reporting_unit": "([^"]*)"',
                         output("check", "--json", "--casebook", str(folder)))
        assert unit is not None
        output("board", "register", unit.group(1), key, "--board", str(board))
        out = work / "return.age"
        output("return", "build", "--period", period, "--out", str(out),
               "--casebook", str(folder))
        output("board", "import", str(out), "--board", str(board))
        output("board", "report", "--period", period, "--json", "--board", str(board))
    capsys.readouterr()


def run_gui_flow(qtbot, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Unlock, the list, the dashboard, a concern's workspace, settings, lock."""
    window = MainWindow(folder, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.unlock_view.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_view.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.unlocked, timeout=20_000)
    shell = window.shell
    model = shell.concerns.model
    shell.show_page("concerns")
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=20_000)
    shell.show_page("dashboard")
    qtbot.waitUntil(lambda: shell.dashboard.open_counts.text() != "", timeout=20_000)
    concern_id = model.concern_id(0)
    assert concern_id is not None
    with qtbot.waitSignal(shell.workspace.loaded, timeout=20_000):
        shell.open_concern(concern_id)
    tabs = shell.workspace.tabs
    for index in range(tabs.count()):  # every tab of the concern
        tabs.setCurrentIndex(index)
        qtbot.wait(20)
    shell.show_page("settings")
    qtbot.wait(200)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.unlocked
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=20_000)
    window.close()


# ----- in-process ---------------------------------------------------------------------------


def test_full_gui_flow_and_commands_open_no_inet_socket(
        qtbot, inet: InetRecorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], no_keyring: None) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CASEBOOK_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "casebook"
    run_cli_flow(folder, tmp_path, capsys)
    monkeypatch.delenv("CASEBOOK_PASSPHRASE")
    run_gui_flow(qtbot, folder)
    assert inet.events == [], "network activity:\n" + inet.report()


# ----- under strace: every socket() and connect() system call ----------------------------------

_INET_CALL = re.compile(r"\b(socket|connect)\(.*\bAF_INET6?\b")


def inet_calls(log_dir: Path) -> list[str]:
    """strace lines (from `-ff -o PREFIX` files) that create or connect an Internet socket."""
    found = []
    for log in sorted(log_dir.iterdir()):
        for line in log.read_text(errors="replace").splitlines():
            if _INET_CALL.search(line):
                found.append(f"{log.name}: {line.strip()}")
    return found


def _strace() -> str:
    """strace's path. The test command installs it (bootstrap.py's test programs); the
    suite itself never installs anything."""
    found = shutil.which("strace")
    assert found, ("strace is not installed, so system calls cannot be watched: "
                   "`python3 packaging/bootstrap.py test` installs it (Debian package strace)")
    return found


def traced(command: list[str], log_dir: Path, env: dict[str, str],
           timeout: float = 600) -> subprocess.CompletedProcess[str]:
    log_dir.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [_strace(), "-f", "-ff", "-qq", "-e", "trace=socket,connect", "-o",
         str(log_dir / "trace"), *command],
        capture_output=True, text=True, env=env, cwd=str(REPO_ROOT), timeout=timeout,
        check=False)


@pytest.fixture
def strace_env(tmp_path: Path) -> dict[str, str]:
    if sys.platform != "linux":
        pytest.skip("strace runs on Linux only")
    env = dict(os.environ)
    env.update({"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "data"),
                "XDG_STATE_HOME": str(tmp_path / "state"), "QT_QPA_PLATFORM": "offscreen",
                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
                UNDER_STRACE: "1"})
    env.pop("CASEBOOK_NEW_PASSPHRASE", None)
    return env


def test_strace_sees_an_inet_socket(tmp_path: Path, strace_env: dict[str, str]) -> None:
    """The watch works here (ptrace allowed, the pattern matches) before it is trusted."""
    code = ("import socket; socket.socket(socket.AF_INET6).close(); "
            "socket.socket(socket.AF_UNIX).close()")
    result = traced([sys.executable, "-c", code], tmp_path / "canary", strace_env)
    if result.returncode != 0 and "ptrace" in result.stderr:
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()}")
    assert result.returncode == 0, result.stderr
    calls = inet_calls(tmp_path / "canary")
    assert len(calls) == 1 and "AF_INET6" in calls[0], calls


def test_commands_make_no_inet_system_call(tmp_path: Path, strace_env: dict[str, str]) -> None:
    """`python -m app demo ...` and `python -m app check` in a child process, under strace."""
    folder = tmp_path / "casebook"
    env = dict(strace_env, CASEBOOK_PASSPHRASE=PASSPHRASE)
    for args in (["demo", "--cases", "20", "--casebook", str(folder)],
                 ["check", "--json", "--casebook", str(folder)],
                 ["backup", "--casebook", str(folder)]):
        result = traced([sys.executable, "-m", "app", *args], tmp_path / args[0], env)
        assert result.returncode == 0, result.stderr
        assert inet_calls(tmp_path / args[0]) == []


@pytest.mark.skipif(os.environ.get(UNDER_STRACE) == "1", reason="already under strace")
def test_gui_flow_makes_no_inet_system_call(tmp_path: Path, strace_env: dict[str, str]) -> None:
    """The in-process GUI test above, run again in a child pytest under strace: this covers
    what Qt and the other C libraries do, which Python's socket module never sees."""
    test = f"{Path(__file__)}::test_full_gui_flow_and_commands_open_no_inet_socket"
    result = traced([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                     "-p", "no:randomly", test], tmp_path / "gui", strace_env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert inet_calls(tmp_path / "gui") == []
