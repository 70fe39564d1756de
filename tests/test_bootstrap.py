"""Tests of packaging/bootstrap.py's own logic: no network, no apt, no installs."""

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BOOTSTRAP_PATH = Path(__file__).resolve().parent.parent / "packaging" / "bootstrap.py"


def _load_bootstrap() -> ModuleType:
    spec = importlib.util.spec_from_file_location("casebook_bootstrap", BOOTSTRAP_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bootstrap = _load_bootstrap()


# --- missing system software -------------------------------------------------


def test_missing_libraries_map_to_their_debian_packages() -> None:
    packages, unknown = bootstrap.packages_for(
        ["libxcb-cursor.so.0", "libGL.so.1", "libxkbcommon-x11.so.0", "libdbus-1.so.3"], []
    )
    assert packages == ["libxcb-cursor0", "libgl1", "libxkbcommon-x11-0", "libdbus-1-3"]
    assert unknown == []


def test_every_soname_in_the_design_has_its_package() -> None:
    expected = {
        "libGL.so.1": "libgl1",
        "libEGL.so.1": "libegl1",
        "libxkbcommon.so.0": "libxkbcommon0",
        "libglib-2.0.so.0": "libglib2.0-0",
        "libfontconfig.so.1": "libfontconfig1",
        "libdbus-1.so.3": "libdbus-1-3",
        "libxcb-cursor.so.0": "libxcb-cursor0",
        "libxcb-icccm.so.4": "libxcb-icccm4",
        "libxcb-keysyms.so.1": "libxcb-keysyms1",
        "libxcb-shape.so.0": "libxcb-shape0",
        "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    }
    for soname, package in expected.items():
        assert bootstrap.KNOWN_LIBRARY_PACKAGES[soname] == package


def test_missing_programs_map_to_their_debian_packages() -> None:
    packages, unknown = bootstrap.packages_for([], ["pdftoppm", "age", "Xvfb", "xauth"])
    assert packages == ["poppler-utils", "age", "xvfb", "xauth"]
    assert unknown == []


def test_a_package_is_named_once_even_if_it_provides_several_libraries() -> None:
    packages, _ = bootstrap.packages_for(["libglib-2.0.so.0", "libgthread-2.0.so.0"], [])
    assert packages == ["libglib2.0-0"]


def test_report_names_each_missing_library_and_the_exact_install_command() -> None:
    report = bootstrap.missing_report(["libxcb-icccm.so.4", "libEGL.so.1"], ["age"])
    assert "libxcb-icccm.so.4" in report
    assert "libEGL.so.1" in report
    assert "sudo apt-get install -y libxcb-icccm4 libegl1 age" in report


def test_report_says_when_no_package_is_known() -> None:
    packages, unknown = bootstrap.packages_for(["libmystery.so.7"], [])
    assert packages == []
    assert unknown == ["libmystery.so.7"]
    report = bootstrap.missing_report(["libmystery.so.7"], [])
    assert "libmystery.so.7" in report
    assert "sudo apt-get" not in report


def test_find_missing_keeps_only_what_is_absent() -> None:
    present = {"libGL.so.1", "libEGL.so.1"}
    libraries, programs = bootstrap.find_missing(
        ["libGL.so.1", "libEGL.so.1", "libxcb-cursor.so.0"],
        ["age", "pdftoppm"],
        library_present=lambda name: name in present,
        program_present=lambda name: name == "age",
    )
    assert libraries == ["libxcb-cursor.so.0"]
    assert programs == ["pdftoppm"]


def test_requirements_per_command() -> None:
    demo_libraries, demo_programs = bootstrap.requirements("demo")
    test_libraries, test_programs = bootstrap.requirements("test")
    for soname in ("libGL.so.1", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
        assert soname in demo_libraries
        assert soname in test_libraries
    assert demo_programs == {}
    assert set(test_programs) == {"pdftoppm", "age", "Xvfb", "xauth", "strace",
                                  "desktop-file-validate"}


def test_parse_ldconfig_keeps_this_architecture_only() -> None:
    output = (
        "1234 libs found in cache `/etc/ld.so.cache'\n"
        "\tlibGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libGL.so.1\n"
        "\tlibEGL.so.1 (libc6) => /lib/i386-linux-gnu/libEGL.so.1\n"
        "\tlibdbus-1.so.3 (libc6,x86-64, OS ABI: Linux 3.2.0) => /lib/x86_64-linux-gnu/x\n"
    )
    assert bootstrap.parse_ldconfig(output, "x86-64") == {"libGL.so.1", "libdbus-1.so.3"}
    assert bootstrap.parse_ldconfig(output, None) == {
        "libGL.so.1",
        "libEGL.so.1",
        "libdbus-1.so.3",
    }


def test_parse_ldd_missing() -> None:
    output = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibGL.so.1 => /lib/x86_64-linux-gnu/libGL.so.1 (0x00007f)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
    )
    assert bootstrap.parse_ldd_missing(output) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_old_python_is_refused_in_one_sentence() -> None:
    with pytest.raises(bootstrap.BootstrapError, match=r"needs Python 3\.11 or newer"):
        bootstrap.check_python((3, 9))
    bootstrap.check_python((3, 11))
    bootstrap.check_python((3, 13))


# --- install only when pyproject.toml changed -------------------------------


def test_install_needed_until_stamp_matches_pyproject(tmp_path: Path) -> None:
    stamp = tmp_path / bootstrap.STAMP_NAME
    pyproject = b'[project]\nname = "casebook"\n'
    assert bootstrap.needs_install(stamp, pyproject)
    stamp.write_text(bootstrap.install_stamp(pyproject) + "\n", encoding="utf-8")
    assert not bootstrap.needs_install(stamp, pyproject)
    assert bootstrap.needs_install(stamp, pyproject + b'dependencies = ["x"]\n')


def test_install_stamp_is_stable_and_content_based() -> None:
    first = bootstrap.install_stamp(b"a")
    assert first == bootstrap.install_stamp(b"a")
    assert first != bootstrap.install_stamp(b"b")
    assert len(first) == 64


def test_corrupt_stamp_means_install(tmp_path: Path) -> None:
    stamp = tmp_path / bootstrap.STAMP_NAME
    stamp.write_text("garbage", encoding="utf-8")
    assert bootstrap.needs_install(stamp, b"anything")


# --- environments ------------------------------------------------------------


def test_no_display_detection() -> None:
    assert not bootstrap.has_display({}, "linux")
    assert bootstrap.has_display({"DISPLAY": ":0"}, "linux")
    assert bootstrap.has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert bootstrap.has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert bootstrap.has_display({}, "win32")
    assert bootstrap.has_display({}, "darwin")


def test_gui_never_gets_a_passphrase_from_the_environment(tmp_path: Path) -> None:
    base = {"PATH": "/usr/bin", "CASEBOOK_PASSPHRASE": "x", "CASEBOOK_NEW_PASSPHRASE": "y"}
    env = bootstrap.gui_environment(base, tmp_path)
    assert "CASEBOOK_PASSPHRASE" not in env
    assert "CASEBOOK_NEW_PASSPHRASE" not in env
    assert env["PATH"].endswith("/usr/bin")


def test_demo_command_gets_the_demo_passphrase(tmp_path: Path) -> None:
    env = bootstrap.demo_environment({"CASEBOOK_PASSPHRASE": "real one"}, tmp_path)
    assert env["CASEBOOK_PASSPHRASE"] == bootstrap.DEMO_PASSPHRASE
    assert bootstrap.DEMO_PASSPHRASE == "demo-passphrase-not-for-real-cases"


def test_headless_environment_defaults_to_offscreen(tmp_path: Path) -> None:
    assert bootstrap.headless_environment({}, tmp_path)["QT_QPA_PLATFORM"] == "offscreen"
    chosen = bootstrap.headless_environment({"QT_QPA_PLATFORM": "xcb"}, tmp_path)
    assert chosen["QT_QPA_PLATFORM"] == "xcb"


# --- pytest summary ----------------------------------------------------------


def test_junit_counts_and_summary_line(tmp_path: Path) -> None:
    report = tmp_path / "pytest.xml"
    report.write_text(
        '<?xml version="1.0" encoding="utf-8"?><testsuites>'
        '<testsuite name="pytest" errors="1" failures="2" skipped="3" tests="20"/>'
        "</testsuites>",
        encoding="utf-8",
    )
    counts = bootstrap.junit_counts(report)
    assert counts == {"passed": 14, "failed": 3, "skipped": 3}
    assert bootstrap.pytest_summary(1, counts) == "pytest: 14 passed, 3 failed, 3 skipped"
    assert bootstrap.junit_counts(tmp_path / "absent.xml") is None
    assert "no results" in bootstrap.pytest_summary(4, None)


# --- the command line --------------------------------------------------------


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BOOTSTRAP_PATH), *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def test_help_exits_zero_and_names_both_commands() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert "demo" in result.stdout
    assert "test" in result.stdout


def test_unknown_command_is_one_plain_line() -> None:
    result = _run("frobnicate")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "frobnicate" in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


# --- demo flow, with a stand-in for the casebook command ---------------------

_FAKE_CASEBOOK = (
    "import os, sys; "
    "print('CALL', ' '.join(sys.argv[1:]), "
    "'PASSPHRASE=' + str(os.environ.get('CASEBOOK_PASSPHRASE')))"
)


def _fake_demo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, env: dict[str, str]) -> None:
    monkeypatch.setattr(
        bootstrap, "casebook_command", lambda venv, python: [sys.executable, "-c", _FAKE_CASEBOOK]
    )
    monkeypatch.setattr(bootstrap, "DEMO_DIR", tmp_path / "casebook-demo")
    monkeypatch.setattr(bootstrap, "REPO_ROOT", tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CASEBOOK_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


def test_demo_without_a_display_creates_the_casebook_and_explains(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    _fake_demo(monkeypatch, tmp_path, {})
    monkeypatch.setattr(bootstrap.sys, "platform", "linux")
    assert bootstrap.run_demo(Path(sys.executable), ["--cases", "5"]) == 0
    out = capfd.readouterr().out
    demo_dir = tmp_path / "casebook-demo"
    passphrase = bootstrap.DEMO_PASSPHRASE
    assert f"CALL demo --casebook {demo_dir} --cases 5 PASSPHRASE={passphrase}" in out
    assert f"Passphrase: {bootstrap.DEMO_PASSPHRASE}" in out
    assert "xvfb-run -a python3 packaging/bootstrap.py demo" in out
    assert f"CALL --casebook {demo_dir}" not in out


def test_demo_opens_the_app_without_the_passphrase_in_its_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    _fake_demo(monkeypatch, tmp_path, {"DISPLAY": ":99", "CASEBOOK_PASSPHRASE": "secret"})
    assert bootstrap.run_demo(Path(sys.executable), []) == 0
    out = capfd.readouterr().out
    assert f"CALL --casebook {tmp_path / 'casebook-demo'} PASSPHRASE=None" in out
    assert "secret" not in out


# --- another program holding apt's lock ----------------------------------------

_HOLD = """
import fcntl, sys, time
handle = open(sys.argv[1], "w")
fcntl.lockf(handle, fcntl.LOCK_EX)  # a record lock, as apt and dpkg take theirs
print("held", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def held_lock(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A file whose write lock another process holds until the test lets go."""
    if not sys.platform.startswith("linux"):
        pytest.skip("apt's locks are Linux record locks")
    path = tmp_path / "lock-frontend"
    path.write_text("")
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    try:
        yield path, holder
    finally:
        holder.kill()
        holder.wait()


def test_lock_holder_names_the_process_and_leaves_a_free_lock_alone(
        held_lock: tuple[Path, subprocess.Popen[str]], tmp_path: Path) -> None:
    path, holder = held_lock
    holder_text = bootstrap.lock_holder(str(path))
    assert holder_text is not None and holder_text.startswith(f"process {holder.pid} (py")
    free = tmp_path / "free"
    free.write_text("")
    assert bootstrap.lock_holder(str(free)) is None
    assert bootstrap.lock_holder(str(tmp_path / "missing")) is None
    # Looking did not take the lock: the holder still has it after many looks.
    for _ in range(20):
        assert bootstrap.lock_holder(str(path)) is not None


def test_wait_for_apt_waits_while_held_and_goes_on_when_released(
        held_lock: tuple[Path, subprocess.Popen[str]],
        capsys: pytest.CaptureFixture[str]) -> None:
    path, holder = held_lock
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 3:  # the other program finishes during the third wait
            holder.kill()
            holder.wait()

    bootstrap.wait_for_apt([str(path)], limit=600, poll=2, sleep=sleep)
    assert naps == [2, 2, 2]
    out = capsys.readouterr().out
    assert f"process {holder.pid}" in out and str(path) in out and "free now" in out


def test_wait_for_apt_gives_up_after_the_limit_in_one_sentence(
        held_lock: tuple[Path, subprocess.Popen[str]]) -> None:
    path, holder = held_lock
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with pytest.raises(bootstrap.BootstrapError) as raised:
        bootstrap.wait_for_apt([str(path)], limit=600, poll=30, clock=lambda: now[0],
                               sleep=sleep)
    message = str(raised.value)
    assert now[0] == 600 and f"process {holder.pid}" in message and "10 minutes" in message
    assert "\n" not in message


def test_wait_for_apt_returns_at_once_when_nothing_is_held(tmp_path: Path) -> None:
    free = tmp_path / "lock"
    free.write_text("")
    bootstrap.wait_for_apt([str(free)], sleep=lambda s: pytest.fail("waited for nothing"))
