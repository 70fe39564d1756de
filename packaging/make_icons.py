"""Render the app icon (resources/icons/casebook.svg) into the files each platform wants.

    python packaging/make_icons.py OUT_DIR

writes into OUT_DIR:

    png/casebook-SIZE.png   16 to 1024 pixels, for Linux's hicolor theme and the window
    casebook.ico            Windows: the executable, the installer, Start Menu shortcuts
    casebook.icns           macOS: the .app bundle

The PNGs are drawn by Qt's own SVG renderer (PySide6, already a dependency); the .ico and
.icns are packed from those PNGs with Pillow, a build-time dependency only (the `package`
extra), never part of the app. The spec runs this in a subprocess at build time, so the
icons always follow the SVG and nothing generated is kept in git.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE = REPO_ROOT / "resources" / "icons" / "casebook.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_name(size: int) -> str:
    return f"casebook-{size}.png"


def render_pngs(source: Path, out_dir: Path, sizes: tuple[int, ...] = PNG_SIZES) -> list[Path]:
    """Draw the SVG at each size onto a transparent square, with Qt and no display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {source} is not a valid SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / png_name(size)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"make_icons: could not write {target}")
        written.append(target)
    return written


def pack_ico_and_icns(png_dir: Path, out_dir: Path) -> list[Path]:
    """Windows .ico and macOS .icns from the PNGs, with Pillow."""
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit(
            "make_icons: Pillow is needed to make the .ico and .icns icons; install the build "
            "tools with  pip install -e '.[package]'"
        ) from None
    written = []
    largest = Image.open(png_dir / png_name(max(PNG_SIZES)))
    ico = out_dir / "casebook.ico"
    # Pillow scales down from the largest image for each size the .ico holds; the small
    # sizes are taken from Qt's renderings instead, which are sharper at 16 and 24 pixels.
    frames = [Image.open(png_dir / png_name(size)) for size in ICO_SIZES]
    frames[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                    append_images=frames[:-1])
    written.append(ico)
    icns = out_dir / "casebook.icns"
    extra = [Image.open(png_dir / png_name(size)) for size in ICNS_SIZES if size != 1024]
    largest.save(icns, format="ICNS", append_images=extra)
    written.append(icns)
    return written


def make_icons(out_dir: Path, source: Path = SOURCE) -> list[Path]:
    png_dir = out_dir / "png"
    written = render_pngs(source, png_dir)
    written += pack_ico_and_icns(png_dir, out_dir)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/make_icons.py OUT_DIR", file=sys.stderr)
        return 2
    for path in make_icons(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
