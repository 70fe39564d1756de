"""Keep the bundle to what Casebook uses: the filtering behind packaging/casebook.spec.

PyInstaller's Qt hooks collect every plugin of each kind a Qt module might use (all image
formats, every platform, network information, TLS backends...), and its dependency analysis
then brings every library those plugins link, down to the build machine's system libraries.
This module takes the result apart again:

1. Qt plugins: only the folders and names in QT_PLUGINS_KEPT stay.
2. On Linux, libraries every desktop provides and that must match the running system
   (the C++ runtime, X11 and xcb, fontconfig/freetype, GLib, D-Bus, zlib) are left to the
   system; a private copy can clash with the graphics drivers the system loads.
3. Every remaining shared library that no kept binary needs, directly or through another
   kept library, goes: that is how Qt Network, Qt Quick, GTK, Kerberos and friends leave.

It runs inside PyInstaller (the spec imports it), but has no PyInstaller import at module
level so the normal test run can check its rules.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# A PyInstaller TOC entry: (destination in the bundle, source path, type code).
Entry = tuple[str, str, str]

# Plugin folder -> plugin names kept (None: every plugin there). Folders not listed go.
# Names are file names less "lib" and the extension, so one list serves every platform.
QT_PLUGINS_KEPT: dict[str, frozenset[str] | None] = {
    # X11, Wayland and the headless platform on Linux; Windows; Cocoa on macOS.
    "platforms": frozenset({"qxcb", "qwayland", "qwayland-generic", "qwayland-egl",
                            "qoffscreen", "qwindows", "qdirect2d", "qcocoa"}),
    "platforms/darwin": None,
    "styles": None,  # the native look on Windows 11 and macOS
    # Desktop portal dialogs and colours. Not qgtk3: it works only where GTK 3 is
    # installed, and would bring a copy of GTK's dependencies from the build machine.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # Dead keys and compose sequences, and IBus input methods.
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin",
                                        "ibusplatforminputcontextplugin"}),
    "xcbglintegrations": None,
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": frozenset({"qt-plugin-wayland-egl"}),
    "imageformats": frozenset({"qsvg", "qico"}),
    "iconengines": frozenset({"qsvgicon"}),
}

# Linux libraries left to the system (sonames, as regular expressions).
LINUX_SYSTEM_LIBRARIES = tuple(re.compile(pattern) for pattern in (
    r"libstdc\+\+\.so\..*", r"libgcc_s\.so\..*",
    r"libX11\.so\..*", r"libX11-xcb\.so\..*", r"libXau\.so\..*", r"libXdmcp\.so\..*",
    r"libXext\.so\..*", r"libXrender\.so\..*",
    r"libfontconfig\.so\..*", r"libfreetype\.so\..*", r"libharfbuzz\.so\..*",
    r"libglib-2\.0\.so\..*", r"libgobject-2\.0\.so\..*", r"libgio-2\.0\.so\..*",
    r"libgmodule-2\.0\.so\..*", r"libgthread-2\.0\.so\..*",
    r"libdbus-1\.so\..*", r"libz\.so\..*", r"libexpat\.so\..*",
))

_PLUGIN_PATH = re.compile(r"^PySide6/(?:Qt/)?plugins/(?P<kind>.+)/(?P<file>[^/]+)$")


def _posix(dest: str) -> str:
    return dest.replace("\\", "/")


def plugin_name(filename: str) -> str:
    stem = re.sub(r"\.(so|dll|dylib)$", "", filename)
    return stem[3:] if stem.startswith("lib") else stem


def plugin_kept(dest: str) -> bool | None:
    """True or False for a Qt plugin kept or dropped; None when dest is not a Qt plugin."""
    match = _PLUGIN_PATH.match(_posix(dest))
    if match is None:
        return None
    names = QT_PLUGINS_KEPT.get(match.group("kind"), frozenset())
    return names is None or plugin_name(match.group("file")) in names


def is_system_library(dest: str, platform: str) -> bool:
    """A library the Linux system provides (see LINUX_SYSTEM_LIBRARIES)."""
    if not platform.startswith("linux"):
        return False
    name = PurePosixPath(_posix(dest)).name
    return any(pattern.fullmatch(name) for pattern in LINUX_SYSTEM_LIBRARIES)


def is_qt_translation(dest: str) -> bool:
    """Qt's own translations: the app is in UK English and loads none of them."""
    return _posix(dest).startswith(("PySide6/Qt/translations/", "PySide6/translations/"))


# ----- direct dependencies ------------------------------------------------------------------


def elf_needed(path: str) -> list[str] | None:
    """The DT_NEEDED names of a 64-bit little-endian ELF file, or None if it is not one.

    `ldd` (which PyInstaller uses on Linux) lists the whole tree as the build machine
    resolves it; deciding what the bundle needs takes each file's own direct list.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = []
    for index in range(shnum):
        base = shoff + index * shentsize
        sh_type, = struct.unpack_from("<I", data, base + 4)
        sh_offset, sh_size = struct.unpack_from("<QQ", data, base + 0x18)
        sh_link, = struct.unpack_from("<I", data, base + 0x28)
        sections.append((sh_type, sh_offset, sh_size, sh_link))
    sht_dynamic, dt_needed = 6, 1
    names = []
    for sh_type, offset, size, link in sections:
        if sh_type != sht_dynamic:
            continue
        strtab_offset = sections[link][1]
        for entry in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, entry)
            if tag == 0:
                break
            if tag == dt_needed:
                end = data.index(b"\0", strtab_offset + value)
                names.append(data[strtab_offset + value:end].decode("utf-8", "replace"))
    return names


def pyinstaller_imports(search_paths: list[str]) -> Callable[[str], list[str]]:
    """Direct imports by PyInstaller's own reader (pefile on Windows, macholib on macOS)."""
    from PyInstaller.depend import bindepend

    def imports(path: str) -> list[str]:
        return [name for name, _resolved in bindepend.get_imports(path, search_paths)]

    return imports


def _key(name: str) -> str:
    return PurePosixPath(_posix(name)).name.lower()


# ----- the whole filter ---------------------------------------------------------------------


def trim(binaries: Iterable[Entry], platform: str,
         imports: Callable[[str], list[str]]) -> tuple[list[Entry], list[str]]:
    """Drop unused Qt plugins, libraries the system provides, then whatever nothing needs.

    `imports(path)` gives a binary's direct dependencies (names; only the file name part
    matters). Returns the kept entries, unchanged, and the destinations dropped (with /).
    """
    entries = list(binaries)
    dropped = [_posix(d) for d, _, k in entries
               if plugin_kept(d) is False or (k == "BINARY" and is_system_library(d, platform))]
    gone = set(dropped)
    entries = [e for e in entries if _posix(e[0]) not in gone]

    def candidate(entry: Entry) -> bool:
        dest, _, kind = entry
        if kind != "BINARY" or plugin_kept(dest) is not None:
            return False
        if PurePosixPath(_posix(dest)).name.startswith(("libpython", "python3")):
            return False  # the bootloader loads it
        if platform.startswith("linux"):
            return True  # every shared library is ours to account for
        return _posix(dest).startswith("PySide6/")  # elsewhere only Qt's own

    by_name: dict[str, list[Entry]] = {}
    for entry in entries:
        if candidate(entry):
            by_name.setdefault(_key(entry[0]), []).append(entry)
    roots = [e for e in entries if e[2] in ("BINARY", "EXTENSION") and not candidate(e)]
    needed: set[str] = set()
    queue = [source for _, source, _ in roots]
    visited: set[str] = set()
    while queue:
        source = queue.pop()
        real = os.path.realpath(source)
        if real in visited:
            continue
        visited.add(real)
        for name in imports(source):
            for dest, dep_source, _ in by_name.get(_key(name), ()):
                if dest not in needed:
                    needed.add(dest)
                    queue.append(dep_source)
    kept = []
    for entry in entries:
        if candidate(entry) and entry[0] not in needed:
            dropped.append(_posix(entry[0]))
        else:
            kept.append(entry)
    return kept, sorted(dropped)


def drop_dangling_links(*tocs: Iterable[Entry]) -> tuple[list[list[Entry]], list[str]]:
    """Remove symbolic links (top-level sonames, framework links) whose target went.

    PyInstaller puts them in either list, so they are checked against all lists together.
    Entries are returned unchanged.
    """
    lists = [list(toc) for toc in tocs]
    present = {_posix(d) for toc in lists for d, _, kind in toc if kind != "SYMLINK"}
    links = {_posix(d): s for toc in lists for d, s, kind in toc if kind == "SYMLINK"}

    def resolves(dest: str, depth: int = 0) -> bool:
        target = _posix(os.path.normpath(os.path.join(os.path.dirname(dest), links[dest])))
        if target in present:
            return True
        return depth < 8 and target in links and resolves(target, depth + 1)

    dropped = sorted(dest for dest in links if not resolves(dest))
    gone = set(dropped)
    return [[e for e in toc if _posix(e[0]) not in gone] for toc in lists], dropped


def default_imports(platform: str, search_paths: list[str]) -> Callable[[str], list[str]]:
    """ELF's own lists on Linux; PyInstaller's readers elsewhere (or for odd ELF files)."""
    fallback = pyinstaller_imports(search_paths)
    if not platform.startswith("linux"):
        return fallback

    def imports(path: str) -> list[str]:
        names = elf_needed(path)
        return fallback(path) if names is None else names

    return imports
