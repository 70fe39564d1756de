"""The frozen app's entry point (PyInstaller): the same `casebook` command as `python -m app`.

Without a command it opens the desktop app; with one (`init`, `check`, `backup`, ...)
it runs headless, exactly as the installed `casebook` script does.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
