"""Commands other than launching the app never import Qt: they must run where Qt's libraries
are absent. A child Python refuses every import of PySide6 or shiboken6 (and notes each
attempt) before it imports anything of ours, then runs the real `casebook` entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.fault.fault_helpers import REPO, assert_one_plain_line, cli_env

NO_QT = """
import importlib.abc, sys
BLOCKED = ("PySide6", "shiboken6")
attempts = []

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            attempts.append(name)
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoQt())

def qt_loaded():
    return sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED)
"""

# Every headless command in turn, in one process (so anything one of them imports stays
# loaded for the next), with the test's cheap Argon2 cost; the results go to a JSON file.
COMMANDS = NO_QT + """
import contextlib, io, json, os
from pathlib import Path
from app.store import keys
keys.DEFAULT_ARGON2 = keys.Argon2Params(time_cost=1, memory_cost_kib=1024, parallelism=1)
from app.cli import main

work, report = Path(sys.argv[1]), Path(sys.argv[2])
book, restored, demo = work / "book", work / "restored", work / "demo"
results = []

def run(*argv, **env):
    os.environ.update(env)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse's --version
            code = exc.code
    results.append({"argv": list(argv), "code": code, "stdout": out.getvalue(),
                    "stderr": err.getvalue(), "qt": qt_loaded(), "attempts": list(attempts)})
    return out.getvalue()

P1, P2, P3 = "first long passphrase", "second long passphrase", "third long passphrase"
run("--version")
run("version")
recovery = json.loads(run("init", "--json", "--casebook", str(book),
                          CASEBOOK_PASSPHRASE=P1))["recovery_key"]
run("check", "--casebook", str(book))
run("check", "--json", "--casebook", str(book))
entry = run("backup", "--casebook", str(book)).strip()
run("backup", "--to", str(work / "usb"), "--json", "--casebook", str(book))
run("restore", entry, "--casebook", str(restored))
run("passphrase", "--casebook", str(book), CASEBOOK_NEW_PASSPHRASE=P2)
run("recover", "--casebook", str(book), CASEBOOK_RECOVERY_KEY=recovery,
    CASEBOOK_NEW_PASSPHRASE=P3)
run("rekey", "--json", "--casebook", str(book), CASEBOOK_PASSPHRASE=P3)
run("check", "--casebook", str(book))
run("demo", "--cases", "3", "--casebook", str(demo), CASEBOOK_PASSPHRASE=P1)
run("--help")
report.write_text(json.dumps(results))
"""

GUI = NO_QT + """
from app.cli import main
code = main(sys.argv[1:])
assert not qt_loaded()
print("ATTEMPTS", *attempts)
sys.exit(code)
"""


def test_every_headless_command_runs_without_qt(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "-c", COMMANDS, str(tmp_path), str(report)],
                          cwd=REPO, env=cli_env(), capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    results = json.loads(report.read_text())
    assert len(results) == 14
    for result in results:
        assert result["code"] == 0, result
        assert result["qt"] == [], result
        assert result["attempts"] == [], result  # not even a guarded try
    assert results[0]["stdout"].startswith("casebook ")
    assert "COMMAND" in results[-1]["stdout"]  # the help lists the commands


def test_launching_the_app_without_qt_is_one_plain_sentence(created: object,
                                                            folder: Path) -> None:
    done = subprocess.run([sys.executable, "-c", GUI, "--casebook", str(folder)], cwd=REPO,
                          env=cli_env(), capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 1, done.stderr
    line = assert_one_plain_line(done.stderr)
    assert line.startswith("The desktop app cannot start: Qt is not available here")
    assert line.endswith(".")
    assert "PySide6" in done.stdout.split("ATTEMPTS", 1)[1]  # it did try, and was refused
