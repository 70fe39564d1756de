"""Messages from the store and core, as the window shows them: the one place they pass.

The store and core say what stopped them in a sentence of their own (a refusal, a rule
broken, a problem with what was typed), often composed with its details: a file's name,
a concern's reference, a number. Those sentences reach the window as text, from the
worker's failures (app.ui.base.worker) and from the checks forms run as people type, and
every one is shown through `shown`. A catalogue for them is added here, under the
context "Messages": Qt looks each sentence up there and gives it back unchanged when
there is no translation (today: the app's own UK English).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Messages"


def shown(message: str) -> str:
    """A store or core message as the window shows it."""
    return QCoreApplication.translate(CONTEXT, message) if message else message
