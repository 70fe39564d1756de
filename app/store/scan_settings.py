"""The organisation's own word lists for the identifying-text scanner, kept as settings.

- The never-publish list: words and phrases that identify people here though they are no
  one's name (a tiny team's name, a one-person post, a small ward's nickname). Case text
  that holds one is flagged and masked like a name.
- The allow-list: the organisation's own contact details (its switchboard and speak-up
  line, the confidential contact's work email), which letters and notes quote and which
  are never reported. The signposting bodies' (the INWO's freephone) are always allowed.

Both live in cases.db's meta table as JSON lists, so a backup carries them; each change is
audited by the setting's name (never its words). Checks are plain functions the settings
screen also calls as the user types.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from app.store import search_index
from app.store.casebook import Casebook
from app.store.errors import CasebookError

NEVER_PUBLISH = "never_publish"
ALLOW_LIST = "scan_allow_list"
MAX_ENTRIES = 500
MAX_ENTRY_CHARS = 200


class ScanListError(CasebookError):
    """A list entry that cannot be saved; the message says which and why."""


def _read(book: Casebook, key: str) -> tuple[str, ...]:
    raw = book.setting(key)
    if not raw:
        return ()
    try:
        items = json.loads(raw)
    except ValueError:
        return ()
    if not isinstance(items, list):
        return ()
    return tuple(str(item) for item in items if isinstance(item, str) and item.strip())


def never_publish(book: Casebook) -> tuple[str, ...]:
    return _read(book, NEVER_PUBLISH)


def allow_list(book: Casebook) -> tuple[str, ...]:
    return _read(book, ALLOW_LIST)


def entry_problem(text: str) -> str | None:
    """What is wrong with one entry as typed, or None."""
    cleaned = text.strip()
    if not cleaned:
        return "Type a word, phrase, phone number or email address."
    if len(cleaned) > MAX_ENTRY_CHARS:
        return f"An entry is at most {MAX_ENTRY_CHARS} characters."
    if any(ch in cleaned for ch in "\r\n\t") or not cleaned.isprintable():
        return "An entry is one line of ordinary characters."
    if not any(ch.isalnum() for ch in cleaned):
        return "An entry needs at least one letter or digit."
    return None


def cleaned_list(items: Iterable[str]) -> tuple[str, ...]:
    """The entries stripped, without repeats (compared ignoring case), each checked."""
    found: dict[str, str] = {}
    for item in items:
        problem = entry_problem(item)
        if problem:
            raise ScanListError(problem)
        found.setdefault(item.strip().casefold(), item.strip())
    if len(found) > MAX_ENTRIES:
        raise ScanListError(f"A list holds at most {MAX_ENTRIES} entries.")
    return tuple(found.values())


def _write(book: Casebook, key: str, items: Iterable[str]) -> tuple[str, ...]:
    cleaned = cleaned_list(items)
    before = _read(book, key)
    if cleaned == before:
        return cleaned
    book.set_setting(key, json.dumps(list(cleaned), ensure_ascii=False))
    # The search index holds text as the scanner masked it. Words that are now masked
    # (new on the never-publish list, gone from the allow-list) are found in it and those
    # concerns written again; words no longer masked can be anywhere, so every concern is.
    masked_now = (set(cleaned) - set(before)) if key == NEVER_PUBLISH else (
        set(before) - set(cleaned))
    shown_now = (set(before) - set(cleaned)) if key == NEVER_PUBLISH else (
        set(cleaned) - set(before))
    if shown_now:
        search_index.mark_all(book.cases)
    elif masked_now:
        search_index.mark_mentions(book.cases, search_index.words(*masked_now))
    return cleaned


def set_never_publish(book: Casebook, items: Iterable[str]) -> tuple[str, ...]:
    """Replace the never-publish list (audited as a setting change); returns it as kept."""
    return _write(book, NEVER_PUBLISH, items)


def set_allow_list(book: Casebook, items: Iterable[str]) -> tuple[str, ...]:
    """Replace the allow-list (audited as a setting change); returns it as kept. The
    caller checks first that no entry is someone's held contact detail."""
    return _write(book, ALLOW_LIST, items)
