"""The document commands: report (KPI figures, PDF, CSV) and case summary (letters:
app/cli/letter_commands.py).

`report --json` prints the KPI figures alone on stdout (exact counts and sums,
in the shape of core/kpi.py with by_service); everything else is said on
stderr. Every export is audited. A full case summary shows the person's identity,
so it needs `--reason` (recorded with the reveal), warns that the file leaves the
encrypted casebook, and is protected with a password (CASEBOOK_PDF_PASSWORD, or
asked for twice at a prompt) unless `--no-protect` is confirmed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.commands import emit_json, say, unlock
from app.cli.prompts import NoTerminal
from app.core.periods import Period, parse_period, period_between
from app.store.errors import CasebookError

PASSWORD_ENV = "CASEBOOK_PDF_PASSWORD"  # noqa: S105 (the variable's name, not a password)


class ReportUsage(CasebookError):
    """A command asked for something it cannot do, said in one sentence."""


# ----- shared pieces ----------------------------------------------------------------------


def _day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ReportUsage(f"The {what} date must be written like 2025-04-01.") from exc


def period_of(args: argparse.Namespace) -> Period:
    """--period P, or --from and --to dates (both ends included)."""
    if args.period and (args.start or args.end):
        raise ReportUsage("Give either --period or --from and --to, not both.")
    if args.period:
        try:
            return parse_period(args.period)
        except ValueError as exc:
            raise ReportUsage(str(exc)) from exc
    if not (args.start and args.end):
        raise ReportUsage("Say which period: --period 2025-26 (or 2025-26-Q1), or --from "
                          "and --to dates.")
    try:
        return period_between(_day(args.start, "--from"), _day(args.end, "--to"))
    except ValueError as exc:
        raise ReportUsage(str(exc)) from exc


def _output(path: str) -> Path:
    out = Path(path).expanduser()
    if not out.parent.is_dir():
        raise ReportUsage(f"Cannot save {out}: the folder {out.parent} does not exist.")
    return out


def pdf_password() -> str:
    """The password for a protected PDF: from the environment, or typed twice."""
    from app.documents.protect import check_password

    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise NoTerminal(f"No terminal to ask for the PDF password: set {PASSWORD_ENV} "
                             "or run this in a terminal.")
        try:
            password = getpass.getpass("Password for the PDF (at least 8 characters): ")
            again = getpass.getpass("Type it again: ")
        except (EOFError, KeyboardInterrupt) as exc:
            raise CasebookError("Cancelled; nothing was saved.") from exc
        if password != again:
            raise CasebookError("The two passwords differ; nothing was saved.")
    check_password(password)
    return password


def _warn_identity(protected: bool) -> None:
    from app.documents.protect import LEAVES_CASEBOOK

    say(LEAVES_CASEBOOK)
    if not protected:
        say("It is not password-protected; use --protect to add a password.")


# ----- report ------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from app.core.disclosure import DisclosureError
    from app.services.publication import PublicationRefused
    from app.services.reports import (
        audit_sentence,
        audit_summary,
        load_kpi_report,
        save_kpi_report,
    )

    if args.what == "publications":
        return cmd_publications(args)
    period = period_of(args)
    if not (args.pdf or args.csv or args.json):
        raise ReportUsage("Say what to make: --pdf FILE, --csv FILE or --json.")
    pdf_out = _output(args.pdf) if args.pdf else None
    csv_out = _output(args.csv) if args.csv else None
    with unlock(args) as book:
        try:
            report = load_kpi_report(book, period, publication=args.publication,
                                     today=date.today())
        except (DisclosureError, PublicationRefused) as exc:
            raise ReportUsage(f"Nothing was saved. {exc}") from exc
        summary = audit_summary(report)
        if pdf_out is not None or csv_out is not None:
            save_kpi_report(book, report, pdf=pdf_out, csv=csv_out, today=date.today())
        else:
            book.record("export.report", "report", period.label,
                        {"pdf": False, "csv": False, "json": True,
                         "publication": bool(args.publication)})
    if pdf_out is not None:
        say(f"KPI report for {period.label} saved to {pdf_out}.")
    if csv_out is not None:
        say(f"KPI figures for {period.label} saved to {csv_out}.")
    if args.publication:
        if pdf_out or csv_out:
            say(f"For publication: numbers below {report.threshold} are hidden, with others "
                "hidden so that none can be worked out from this or earlier publications.")
        say(audit_sentence(summary))
        if pdf_out or csv_out:
            say("Kept in the publication register: later publications will be checked "
                "against it (casebook report publications lists them).")
    if args.json:
        if args.publication:
            emit_json({"figures": report.content.figures, "disclosure_audit": summary})
        else:
            emit_json(report.content.figures)
    return 0


def cmd_publications(args: argparse.Namespace) -> int:
    """`casebook report publications`: the register, or record a file published elsewhere."""
    from app.cli.publication_commands import register_command

    with unlock(args) as book:
        return register_command(book, args, "No publications yet: a report saved for "
                                "publication is kept here.")


def _reason(args: argparse.Namespace, what: str) -> str:
    reason = (args.reason or "").strip()
    if not reason:
        raise ReportUsage(f"{what} shows the person's identity, so give the reason with "
                          "--reason TEXT (it is recorded in the audit log).")
    return reason


# ----- case summary ----------------------------------------------------------------------------


def cmd_summary(args: argparse.Namespace) -> int:
    from app.services.documents import save_case_summary
    from app.store.concerns import ConcernService

    if args.reason and not args.full:
        raise ReportUsage("--reason goes with --full; the redacted summary needs no reason.")
    reason = _reason(args, "The full case summary") if args.full else None
    out = _output(args.out)
    password, unprotected = None, False
    if args.full:
        from app.cli.letter_commands import protection

        password, unprotected = protection(args)
    elif args.protect:
        password = pdf_password()
    with unlock(args) as book:
        concern_id = ConcernService(book).id_for_reference(args.reference)
        save_case_summary(book, concern_id, out, full_reason=reason, password=password,
                          unprotected=unprotected)
    which = "Full" if args.full else "Redacted"
    say(f"{which} case summary for {args.reference.strip()} saved to {out}.")
    if args.full:
        _warn_identity(password is not None)
    return 0


# ----- registering -----------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction[Any]) -> None:
    def add(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text,
                                                         description=help_text)
        parser.set_defaults(handler=handler)
        return parser

    p = add("report", cmd_report, "the KPI report for a period (PDF, CSV, or the figures as "
            "JSON)")
    p.add_argument("what", nargs="?", choices=["publications"], help="publications: list the "
                   "publication register (or record a file published elsewhere with --import)")
    p.add_argument("--period", metavar="P", help="a financial year like 2025-26 or a quarter "
                   "like 2025-26-Q1")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day (with --to)")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (with --from)")
    p.add_argument("--pdf", metavar="OUT", help="save the report as a PDF")
    p.add_argument("--csv", metavar="OUT", help="save the figures as CSV")
    p.add_argument("--json", action="store_true", help="print the exact KPI figures as JSON "
                   "(with --publication, and what the disclosure audit found); with "
                   "publications, the register as JSON")
    p.add_argument("--publication", action="store_true",
                   help="hide small numbers in the PDF and CSV, and any figure that would let "
                   "one be worked out from this or earlier publications (for publication)")
    p.add_argument("--import", dest="import_file", metavar="CSV", help="with publications: "
                   "record a CSV published outside Casebook (this app's long format)")
    p.add_argument("--label", metavar="TEXT", help="with --import: what was published")
    p.add_argument("--published-on", metavar="YYYY-MM-DD", help="with --import: when")

    p = add("summary", cmd_summary, "a case summary (redacted unless --full)")
    p.add_argument("reference", metavar="REFERENCE", help="the concern's reference")
    p.add_argument("--out", required=True, metavar="OUT", help="where to save the PDF")
    p.add_argument("--full", action="store_true", help="include the identity (needs --reason; "
                   f"protected with a password, {PASSWORD_ENV} or a prompt, unless "
                   "--no-protect is confirmed)")
    p.add_argument("--reason", metavar="TEXT", help="why the identity is needed (audited)")
    p.add_argument("--protect", action="store_true", help="protect the PDF with a password "
                   f"({PASSWORD_ENV} or a prompt); always so with --full")
    p.add_argument("--no-protect", action="store_true", help="with --full: save without a "
                   "password (asked first; recorded)")
    p.add_argument("--yes", action="store_true", help="with --no-protect: no question")
