"""Smoke test of the BUILT app: dist/casebook/casebook, run as a person would, offscreen.

Runs only when the bundle exists: build it first with `python3 packaging/build.py` (a few
minutes; the normal CI run does not build it, so these tests skip there with that reason).
The checks themselves live in packaging/smoke.py, which `packaging/build.py --smoke` runs too.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
BINARY = REPO_ROOT / "dist" / "casebook" / "casebook"


def _skip_reason() -> str | None:
    if not BINARY.exists() or not sys.platform.startswith("linux"):
        return ("no built Linux bundle at dist/casebook/casebook; build it with "
                "`python3 packaging/build.py` (takes minutes, so the normal run does not)")
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    built = sorted(p.name for p in (BINARY.parent / "_internal").glob("casebook-*.dist-info"))
    if built != [f"casebook-{project['version']}.dist-info"]:
        return (f"dist/casebook was built from another version ({', '.join(built) or 'none'}; "
                f"pyproject.toml says {project['version']}): rebuild it with "
                "`python3 packaging/build.py`")
    return None


_REASON = _skip_reason()
pytestmark = pytest.mark.skipif(_REASON is not None, reason=_REASON or "")


def _load_smoke() -> ModuleType:
    name = "casebook_packaging_smoke"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "packaging" / "smoke.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


smoke = _load_smoke()


def passes(action: Callable[[], str]) -> str:
    """Run one smoke check: a skip becomes pytest's skip, a failure pytest's failure."""
    try:
        return action()
    except smoke.SmokeSkip as skip:
        pytest.skip(str(skip))
    except smoke.SmokeFailure as failure:
        pytest.fail(str(failure), pytrace=False)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return smoke.Bundle(BINARY, tmp_path_factory.mktemp("bundle-smoke"))


@pytest.fixture(scope="module")
def trip(bundle):  # type: ignore[no-untyped-def]
    """A casebook made by the built binary: created, five demo concerns, read back."""
    trip = smoke.CliRoundTrip(bundle)
    passes(trip.init)
    passes(trip.demo)
    passes(trip.check)
    return trip


def test_bundle_holds_what_it_needs_and_nothing_it_must_not() -> None:
    passes(lambda: smoke.check_contents(BINARY.parent))


def test_version_is_the_one_in_pyproject(bundle) -> None:  # type: ignore[no-untyped-def]
    line = passes(lambda: smoke.check_version(bundle, smoke.project_version(REPO_ROOT)))
    assert line.startswith("casebook ")


def test_a_casebook_is_created_filled_and_read_back(trip) -> None:  # type: ignore[no-untyped-def]
    assert "5 concerns" in passes(trip.check)


def test_a_backup_restores_and_reads_back(trip) -> None:  # type: ignore[no-untyped-def]
    passes(trip.backup_and_restore)


def test_the_spreadsheet_template_imports(tmp_path: Path) -> None:
    fresh = smoke.CliRoundTrip(smoke.Bundle(BINARY, tmp_path))
    passes(fresh.init)
    passes(fresh.import_dry_run)


def test_the_kpi_report_pdf(trip) -> None:  # type: ignore[no-untyped-def]
    passes(trip.report_pdf)


def test_a_return_goes_from_unit_to_board(trip) -> None:  # type: ignore[no-untyped-def]
    passes(trip.return_round_trip)


def test_the_app_starts_offscreen_and_runs_until_stopped(bundle, trip) -> None:  # type: ignore[no-untyped-def]
    passes(lambda: smoke.check_gui_offscreen(bundle, trip.casebook))


def test_the_unlock_screen_shows_on_x11(bundle, trip) -> None:  # type: ignore[no-untyped-def]
    passes(lambda: smoke.check_gui_window(bundle, trip.casebook))


def test_the_bundle_makes_no_network_call(bundle, trip) -> None:  # type: ignore[no-untyped-def]
    passes(lambda: smoke.check_no_network(bundle, trip.casebook))


# ----- the Linux installer script -----------------------------------------------------------


@pytest.fixture
def user_home(tmp_path: Path) -> Iterator[dict[str, str]]:
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env["HOME"] = str(home)
    yield env


def test_install_sh_installs_for_the_user_and_uninstalls(user_home: dict[str, str]) -> None:
    home = Path(user_home["HOME"])
    script = BINARY.parent / "install.sh"
    installed = subprocess.run(["sh", str(script), "--user"], env=user_home,
                               capture_output=True, text=True, timeout=300, check=False)
    assert installed.returncode == 0, installed.stderr
    app = home / ".local" / "opt" / "casebook" / "casebook"
    launcher = home / ".local" / "bin" / "casebook"
    entry = home / ".local" / "share" / "applications" / "casebook.desktop"
    icon = home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "casebook.png"
    assert app.exists() and launcher.is_symlink() and entry.exists() and icon.exists()
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{app}"' in text and f"TryExec={app}" in text
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                               text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr
    version = subprocess.run([str(launcher), "--version"], env=user_home, capture_output=True,
                             text=True, timeout=60, check=False)
    assert version.stdout.strip() == f"casebook {smoke.project_version(REPO_ROOT)}"

    removed = subprocess.run(["sh", str(script), "--user", "--uninstall"], env=user_home,
                             capture_output=True, text=True, timeout=120, check=False)
    assert removed.returncode == 0, removed.stderr
    assert not app.exists() and not launcher.exists() and not entry.exists()
    assert not icon.exists()
