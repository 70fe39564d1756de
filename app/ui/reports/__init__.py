"""Reports and the return: the KPI report page and the "Return to the board" page.

Shared pieces used by the documents and importing dialogs too: long work with
progress and cancel (work_progress), a period chooser, and read-only tables
that copy as tab-separated text.
"""
