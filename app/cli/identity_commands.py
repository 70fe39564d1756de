"""Concerns as the list shows them, finding one by its person, and the whole-casebook check.

    casebook list [--search TEXT] [--stage S] [--status S] [--json]
    casebook find-person TEXT --reason TEXT [--json]
    casebook check --identity [--json]        (app/cli/commands.py hands it here)

`list` shows what the list screen shows (every held identity masked; the search never
matches one). `find-person` is a reveal: the reason goes to the audit log first.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.commands import emit_json, progress_bar, say, unlock
from app.core.text import visible

EXIT_OK, EXIT_FOUND = 0, 1
STAGES = ("none", "stage1", "stage2")
STATUSES = ("open", "closed", "withdrawn", "transferred", "not_taken_forward")


def _cell(text: str, width: int) -> str:
    shown = visible(text, width)
    return shown.ljust(width)


def cmd_list(args: argparse.Namespace) -> int:
    from app.services import concern_list
    from app.store.listing import ListQuery

    query = ListQuery(search=args.search or "", stage=args.stage, status=args.status)
    with unlock(args) as book:
        if query.search.strip() and concern_list.pending_search(book) > 500:
            concern_list.prepare_search(book, on_progress=progress_bar("Preparing the search"))
        rows = list(concern_list.every_row(book, query))
    if args.json:
        emit_json({"concerns": [row.as_json() for row in rows], "count": len(rows)})
        return EXIT_OK
    for row in rows:
        print("  ".join((
            _cell(row.reference, 14), row.received_on.strftime("%d/%m/%Y"),
            _cell(row.stage, 6), _cell(row.status, 17), _cell(row.service_type, 15),
            _cell(row.service_area, 20), _cell("; ".join(row.themes), 30),
            visible(row.summary, 80))).rstrip())
    say(f"{len(rows)} concern(s).")
    return EXIT_OK


def cmd_find_person(args: argparse.Namespace) -> int:
    from app.services.find_person import find_person

    with unlock(args) as book:
        matches = find_person(book, args.text, args.reason)
    if args.json:
        emit_json({"matches": [m.as_json() for m in matches]})
        return EXIT_OK
    if not matches:
        say("Nobody held in this casebook matches that.")
        return EXIT_OK
    for match in matches:
        print(visible(match.name) if match.name else
              "(unnamed concern: the name's fingerprint matched)")
        for row in match.concerns:
            print(f"  {row.reference}  received {row.received_on:%d/%m/%Y}  {row.stage}  "
                  f"{row.status}")
    say("This lookup was written to the audit log with your reason.")
    return EXIT_OK


def cmd_check_identity(args: argparse.Namespace) -> int:
    from app.services import identity_check

    with unlock(args) as book:
        report = identity_check.check_casebook(
            book, on_progress=progress_bar("Checking case text"))
    if args.json:
        emit_json(report.as_json())
    else:
        for finding in report.findings:
            say(f"  {finding.reference}  {finding.record}, {finding.label}: {finding.what}")
        say(report.summary())
    return EXIT_FOUND if report.findings else EXIT_OK


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "list", help="list concerns as the list screen shows them (identities masked)",
        description="List concerns as the list screen shows them: reference, received date, "
        "stage, status, service, area, themes and the summary's first line, with any held "
        "identity masked. The search matches concern text, never a person's identity: to "
        "find a concern by its person use `casebook find-person`.")
    p.set_defaults(handler=cmd_list)
    p.add_argument("--search", metavar="TEXT", help="words in the concern's text")
    p.add_argument("--stage", choices=STAGES)
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--json", action="store_true", help="print the rows as JSON")

    p = sub.add_parser(
        "find-person", help="find a person's concerns by name, email or phone (a reveal, "
        "audited with a reason)",
        description="Find the concerns of a person held in the identity store, by name, email "
        "address or phone number. This reveals who raised them: the reason is written to the "
        "audit log before anything is looked up (never the words searched for).")
    p.set_defaults(handler=cmd_find_person)
    p.add_argument("text", metavar="TEXT", help="a name (or part), email address or phone")
    p.add_argument("--reason", required=True, help="why you need to know (audited)")
    p.add_argument("--json", action="store_true", help="print the matches as JSON")
