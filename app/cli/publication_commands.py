"""The publication register on the command line, for `casebook report publications` and
`casebook board publications` alike: list it, or record a CSV published elsewhere."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.commands import emit_json, say
from app.store.encrypted import EncryptedStore
from app.store.errors import CasebookError


def register_command(store: EncryptedStore, args: argparse.Namespace, empty: str) -> int:
    """List `store`'s register (`--json` for the JSON), or `--import CSV` into it; `empty`
    is said when there is nothing to list. The store is closed by the caller."""
    from app.services.publication import PublicationRefused
    from app.services.register import import_release_file, listed_json

    if args.import_file:
        path = Path(args.import_file).expanduser()
        try:
            text = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CasebookError(f"Cannot read {path}: it must be a CSV file in UTF-8.") from exc
        try:
            published_on = (date.fromisoformat(args.published_on) if args.published_on
                            else date.today())
        except ValueError as exc:
            raise CasebookError("--published-on must be written like 2026-04-20.") from exc
        label = (args.label or "").strip() or f"Published outside Casebook: {path.name}"
        try:
            item = import_release_file(store, text, label=label, published_on=published_on)
        except PublicationRefused as exc:
            raise CasebookError(f"Nothing was recorded. {exc}") from exc
        say(f"Recorded {item.label} ({', '.join(item.periods)}, published "
            f"{item.published_on}): {item.shown} figures shown, {item.hidden} hidden.")
        return 0
    rows = listed_json(store)
    if args.json:
        emit_json(rows)
        return 0
    if not rows:
        say(empty)
    for row in rows:
        print(f"{row['published_on']}  {row['label']}  ({', '.join(row['periods'])}; "
              f"{row['source']}{': ' + str(row['unit']) if row['unit'] else ''}; "
              f"{row['shown']} shown, {row['hidden']} hidden)")
    return 0
