"""Asking for secrets on the command line: a prompt, or an environment variable for automation.

Only the CLI reads CASEBOOK_PASSPHRASE, CASEBOOK_NEW_PASSPHRASE and
CASEBOOK_RECOVERY_KEY; the desktop app never does.
"""

from __future__ import annotations

import getpass
import os
import sys

from app.store.errors import CasebookError


class NoTerminal(CasebookError):
    pass


def _ask(prompt: str, env: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise NoTerminal(f"No terminal to ask for it: set {env} or run this in a terminal.")
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt) as exc:
        raise CasebookError("Cancelled; nothing was changed.") from exc


def current_passphrase() -> str:
    return _ask("Passphrase: ", "CASEBOOK_PASSPHRASE")


def passphrase_again() -> str:
    """The passphrase once more, before something that cannot be undone (a destruction)."""
    return _ask("Passphrase, again: ", "CASEBOOK_PASSPHRASE")


def recovery_key() -> str:
    return _ask("Recovery key: ", "CASEBOOK_RECOVERY_KEY")


def new_passphrase(env: str) -> str:
    """A new passphrase, typed twice at a prompt (once from the environment)."""
    if os.environ.get(env) is not None:
        return os.environ[env]
    first = _ask("New passphrase (at least 12 characters): ", env)
    second = _ask("Type it again: ", env)
    if first != second:
        raise CasebookError("The two passphrases differ; nothing was changed.")
    return first


def confirm(question: str) -> bool:
    """A yes/no question on the terminal; with no terminal, the answer is no."""
    if not sys.stdin.isatty():
        raise NoTerminal("No terminal to confirm on: give --yes once you have checked.")
    try:
        answer = input(question)
    except (EOFError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in ("y", "yes")
