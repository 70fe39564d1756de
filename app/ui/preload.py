"""While the unlock screen waits for the passphrase, the modules the casebook's pages need
are imported on a background thread, so that pressing Unlock does not wait for them.

Typing a passphrase takes a person seconds; importing the pages' modules takes 0.4 s on
the 2-core machine the benchmarks run on, and was done on the window's thread after Unlock
was pressed, beside the key derivation (building the pages then took 0.7 s against a key
derivation of 0.35 s, so the list waited for the pages). Only modules are imported here:
no widget is made off the window's thread. A module the window's thread asks for while it
is being imported here is waited for (Python's import lock), no longer than importing it.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence

# What the casebook's window needs once unlocked: its pages (which import the services and
# the store they call), and what opening the casebook on the worker imports.
CASEBOOK_PAGES = ("app.ui.shell.casebook_shell", "app.services.restore")


def preload_in_background(modules: Sequence[str] = CASEBOOK_PAGES) -> threading.Thread:
    def run() -> None:
        for name in modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001, S112 - imported again where needed, and said there
                continue

    thread = threading.Thread(target=run, name="preload", daemon=True)
    thread.start()
    return thread
