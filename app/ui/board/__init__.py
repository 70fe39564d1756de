"""The board's window: its own store, registered units, imported returns, status and report.

`casebook --board DIR` opens it. Everything reads and writes through the same
functions as `casebook board ...` (app.store.board, app.returns.board_*), on the
worker thread; the window locks on Ctrl+L and when idle, forgetting every figure.
"""
