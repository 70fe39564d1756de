"""What lives as long as the app is kept out of the garbage collector's full passes.

A full collection walks every object the collector tracks while holding the interpreter
lock, so the window waits for it whichever thread set it off: with the app's modules and
widgets alone that is 40 to 60 ms on the 2-core machine the benchmarks run on. The modules,
classes and functions imported by then, and the window's own widgets, live until the app
quits, so walking them finds nothing to free: `gc.freeze` moves them to the collector's
permanent generation. They are still freed when nothing refers to them; only a reference
cycle among what was alive at that moment, and later dropped, is never freed.

Done twice a process: once the first window is shown (the modules it needed), and once
the first unlock has settled (the pages and what the worker imported for them). Never
undone: giving the frozen objects back (gc.unfreeze) crashed a later collection once
PySide objects frozen with a window had been freed.
"""

from __future__ import annotations

import gc

_done: set[str] = set()


def keep_long_lived(moment: str) -> bool:
    """Freeze what is alive now, the first time `moment` comes in this process; returns
    whether it did."""
    if moment in _done:
        return False
    _done.add(moment)
    gc.freeze()
    return True
