"""Use cases: what a person asks Casebook to do, done once for the command line and the window.

Each service takes an open casebook (or board store) and plain values, does the whole job
(checks, rendering, writing, auditing), and raises CasebookError with one plain sentence
when it cannot. Long work takes `on_progress(done, total)` and `cancelled()` callables, as
app/importing/service.py does. The CLI (app/cli) and the GUI (app/ui) are thin callers:
they ask, confirm with the person, and show what came back. Services import no Qt.
"""
