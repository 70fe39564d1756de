"""`casebook import FILE [--dry-run] [--json]`: bring an existing spreadsheet log in."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.commands import emit_json, progress_bar, say, unlock

EXIT_OK, EXIT_REFUSED = 0, 1


def cmd_import(args: argparse.Namespace) -> int:
    from app.importing import import_spreadsheet

    path: Path = args.file
    with unlock(args) as book:
        label = "Checking" if args.dry_run else "Importing"
        report = import_spreadsheet(book, path, dry_run=args.dry_run,
                                    on_progress=progress_bar(f"{label} {path.name}"),
                                    pseudonymise=args.pseudonymise)
    if args.json:
        emit_json(report.as_json())
    for replaced in report.replacements:
        say(replaced.message)
    for problem in report.problems:
        say(problem.message)
    if report.unlisted:
        say(f"... and {report.unlisted:,} more problems, not listed.")
    say(report.summary())
    return EXIT_OK if report.ok else EXIT_REFUSED


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "import", help="import a spreadsheet log (.csv or .xlsx) laid out as the import template",
        description="Import concerns from a .csv or .xlsx file laid out as the import template "
        "(resources/import-template.csv or .xlsx). The whole file is checked first; if any row "
        "has a problem, nothing is imported and every problem is listed. Case text that "
        "names a person (the row's own, or anyone held) is a problem; --pseudonymise "
        "replaces those names instead.")
    parser.set_defaults(handler=cmd_import)
    parser.add_argument("file", type=lambda s: Path(s).expanduser(), metavar="FILE",
                        help="the .csv or .xlsx file")
    parser.add_argument("--dry-run", action="store_true",
                        help="check the file and say what would be imported, changing nothing")
    parser.add_argument("--json", action="store_true",
                        help="print the report as JSON on standard output")
    parser.add_argument("--pseudonymise", action="store_true",
                        help="in case text, replace each row's own person's name with C and "
                        "other held identities with [name], listing each replacement (an "
                        "email, phone or CHI number nobody holds stays a problem)")
