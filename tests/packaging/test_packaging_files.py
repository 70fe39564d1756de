"""The packaging files themselves, checked without building anything (normal test run)."""

from __future__ import annotations

import importlib.util
import plistlib
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGING = REPO_ROOT / "packaging"


def _load(name: str) -> ModuleType:
    """A module from packaging/ (not a package: `packaging` is also a PyPI name)."""
    qualified = f"casebook_packaging_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


pyi_filter = _load("pyi_filter")
smoke = _load("smoke")


# ----- Linux desktop entry and installer ------------------------------------------------------


def test_desktop_entry_is_valid() -> None:
    entry = PACKAGING / "linux" / "casebook.desktop"
    text = entry.read_text(encoding="utf-8")
    for line in ("Type=Application", "Name=Casebook", "Exec=casebook", "Icon=casebook",
                 "Terminal=false"):
        assert line in text.splitlines()
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([validate, str(entry)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout


def test_install_script_parses_and_is_executable() -> None:
    script = PACKAGING / "linux" / "install.sh"
    assert script.stat().st_mode & 0o111, "install.sh must be executable"
    result = subprocess.run(["sh", "-n", str(script)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


# ----- versions and metadata ------------------------------------------------------------------


def test_build_tools_are_an_extra_not_a_dependency() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    extra = " ".join(project["optional-dependencies"]["package"]).lower()
    assert "pyinstaller" in extra and "pillow" in extra
    runtime = " ".join(project["dependencies"]).lower()
    assert "pyinstaller" not in runtime and "keyrings.alt" not in runtime


def test_spec_takes_the_version_from_pyproject_and_sets_macos_keys() -> None:
    spec = (PACKAGING / "casebook.spec").read_text(encoding="utf-8")
    assert 'tomllib.loads((REPO / "pyproject.toml")' in spec
    for key in ("NSHighResolutionCapable", "LSMinimumSystemVersion", "bundle_identifier",
                "CFBundleShortVersionString"):
        assert key in spec
    assert "upx=False" in spec


def test_windows_installer_script() -> None:
    iss = (PACKAGING / "windows" / "casebook.iss").read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.MULTILINE)
    assert "PrivilegesRequiredOverridesAllowed=dialog commandline" in iss
    assert "/VERYSILENT /SUPPRESSMSGBOXES" in iss
    assert "{autoprograms}" in iss  # the Start Menu shortcut
    assert "[UninstallDelete]\n" not in iss and "[Registry]\n" not in iss
    assert "http" not in iss.split("[Setup]", 1)[1]  # no update or support URLs


def test_macos_entitlements_ask_for_nothing_network() -> None:
    with open(PACKAGING / "macos" / "entitlements.plist", "rb") as handle:
        entitlements = plistlib.load(handle)
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}


def test_build_script_runs_on_the_standard_library_alone() -> None:
    result = subprocess.run([sys.executable, "-I", str(PACKAGING / "build.py"), "--help"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "--smoke" in result.stdout


# ----- what the bundle keeps --------------------------------------------------------------------


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", False),
    ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/QtCore.abi3.so", None),
    ("PySide6/Qt/lib/libQt6Core.so.6", None),
])
def test_qt_plugins_kept(dest: str, kept: bool | None) -> None:
    assert pyi_filter.plugin_kept(dest) is kept


def test_linux_system_libraries_are_left_to_the_system() -> None:
    assert pyi_filter.is_system_library("libstdc++.so.6", "linux")
    assert pyi_filter.is_system_library("libglib-2.0.so.0", "linux")
    assert not pyi_filter.is_system_library("libxcb-cursor.so.0", "linux")
    assert not pyi_filter.is_system_library("libstdc++.so.6", "win32")


def test_elf_needed_reads_a_real_library() -> None:
    import sqlcipher3._sqlite3 as extension

    if not sys.platform.startswith("linux"):
        pytest.skip("ELF on Linux only")
    needed = pyi_filter.elf_needed(extension.__file__)
    assert needed is not None and "libc.so.6" in needed
    assert pyi_filter.elf_needed(str(PACKAGING / "build.py")) is None


def test_trim_drops_what_nothing_needs_and_keeps_the_rest() -> None:
    toc = [
        ("PySide6/QtGui.abi3.so", "/w/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/w/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/w/libQt6Network.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/w/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/w/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/w/libqopenssl.so", "BINARY"),
        ("libstdc++.so.6", "/lib/libstdc++.so.6", "BINARY"),
        ("libgssapi_krb5.so.2", "/lib/libgssapi_krb5.so.2", "BINARY"),
        ("libxcb-cursor.so.0", "/lib/libxcb-cursor.so.0", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
    ]
    imports = {
        "/w/QtGui.abi3.so": ["libQt6Gui.so.6", "libstdc++.so.6"],
        "/w/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/w/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/w/libQt6XcbQpa.so.6": ["libxcb-cursor.so.0", "libQt6Gui.so.6"],
        "/w/libqopenssl.so": ["libQt6Network.so.6"],
        "/w/libQt6Network.so.6": ["libgssapi_krb5.so.2"],
    }
    kept, dropped = pyi_filter.trim(toc, "linux", lambda path: imports.get(path, []))
    assert {dest for dest, _, _ in kept} == {
        "PySide6/QtGui.abi3.so", "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb-cursor.so.0",
        "libpython3.11.so.1.0"}
    assert set(dropped) == {"PySide6/Qt/lib/libQt6Network.so.6",
                            "PySide6/Qt/plugins/tls/libqopensslbackend.so",
                            "libstdc++.so.6", "libgssapi_krb5.so.2"}

    links = [("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
             ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK")]
    (binaries, datas), gone = pyi_filter.drop_dangling_links(kept, links)
    assert gone == ["libQt6Network.so.6"]
    assert [dest for dest, _, _ in datas] == ["libQt6Gui.so.6"]


def test_qt_translations_are_left_out() -> None:
    assert pyi_filter.is_qt_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert not pyi_filter.is_qt_translation("resources/letters/stage1_response.txt")


# ----- icons and smoke helpers ----------------------------------------------------------------


def test_icons_render_from_the_svg(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    """(qapp first: the renderer must not be the one to create the application object.)"""
    make_icons = _load("make_icons")
    from PySide6.QtGui import QImage

    pngs = make_icons.render_pngs(make_icons.SOURCE, tmp_path / "png", sizes=(16, 48, 256))
    for path, size in zip(pngs, (16, 48, 256), strict=True):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    # The .ico and .icns are packed from the full set.
    make_icons.render_pngs(make_icons.SOURCE, tmp_path / "png")
    written = make_icons.pack_ico_and_icns(tmp_path / "png", tmp_path)
    assert [p.name for p in written] == ["casebook.ico", "casebook.icns"]
    assert (tmp_path / "casebook.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (tmp_path / "casebook.icns").read_bytes()[:4] == b"icns"


def test_financial_year_of_a_day() -> None:
    assert smoke.financial_year(date(2026, 3, 31)) == "2025-26"
    assert smoke.financial_year(date(2026, 4, 1)) == "2026-27"
    assert smoke.financial_year(date(2099, 12, 1)) == "2099-00"


def test_strace_lines_with_internet_sockets_are_found(tmp_path: Path) -> None:
    (tmp_path / "trace.1").write_text(
        'socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3\n'
        'connect(3, {sa_family=AF_UNIX, sun_path="/run/dbus"}, 110) = 0\n')
    (tmp_path / "trace.2").write_text('socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 4\n')
    found = smoke.inet_calls(tmp_path)
    assert len(found) == 1 and found[0].startswith("trace.2:")
