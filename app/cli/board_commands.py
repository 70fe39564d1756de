"""The board's commands: `casebook board init|recipient|export-identity|register|import|status|
headcount|report|due-date|statement`, on a board store given by `--board DIR` (anywhere on
the line)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli import prompts
from app.cli.commands import emit_json, say
from app.cli.return_commands import period_argument
from app.core.text import visible
from app.paths import default_casebook_dir
from app.store.board import Board, is_board
from app.store.errors import CasebookError, NoBoard


def board_folder(args: argparse.Namespace) -> Path:
    folder: Path | None = getattr(args, "board", None)
    return folder if folder is not None else default_casebook_dir().parent / "board"


def unlock_board(args: argparse.Namespace) -> Board:
    folder = board_folder(args)
    if not is_board(folder):
        raise NoBoard(folder)
    return Board.open(folder, prompts.current_passphrase())


def cmd_init(args: argparse.Namespace) -> int:
    from app.returns.signing import recipient_fingerprint

    folder = board_folder(args)
    identity = None
    if args.identity is not None:
        try:
            identity = args.identity.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CasebookError(f"Cannot read the identity file {args.identity}.") from exc
    passphrase = prompts.new_passphrase("CASEBOOK_PASSPHRASE")
    board, recovery = Board.create(folder, passphrase, name=args.name, identity=identity)
    with board:
        recipient = board.recipient()
    say(f"Board store created in {folder}.")
    say("Its recovery key is shown once. Print it or write it down, and keep it somewhere safe "
        "and apart from this computer: with it alone the board store can be opened if the "
        "passphrase is forgotten.")
    print(recovery)
    say(f"Give units this recipient for their returns: {recipient}")
    say(f"Its fingerprint: {recipient_fingerprint(recipient)}")
    return 0


def cmd_recipient(args: argparse.Namespace) -> int:
    from app.returns.signing import recipient_fingerprint

    with unlock_board(args) as board:
        recipient = board.recipient()
    print(recipient)
    print(recipient_fingerprint(recipient))
    say("Units set it with: casebook settings board-recipient " + recipient)
    return 0


def cmd_export_identity(args: argparse.Namespace) -> int:
    from app.services.board_identity import export_identity

    out: Path = args.out
    with unlock_board(args) as board:
        export_identity(board, out)
    say(f"WARNING: {out} holds the board's secret key in the clear. Anyone with it can read "
        "every return sent to this board. Keep it offline (an encrypted USB stick in a safe), "
        "and delete any working copy once used.")
    say(f"Open a return with it: age -d -i {out} RETURN-FILE | tar -x")
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from app.returns.signing import fingerprint, parse_public_key

    raw = parse_public_key(args.public_key)
    with unlock_board(args) as board:
        unit = board.register_unit(args.unit, raw, replace_key=args.replace_key)
    say(f"Registered {unit.name} with key fingerprint {fingerprint(raw)}; check it against the "
        "one the unit sees with `casebook unit-key`.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.returns.board_import import ImportResult, import_files

    failures = 0

    def show(path: Path, outcome: ImportResult | CasebookError) -> None:
        nonlocal failures
        where = visible(str(path))  # a file's name is not ours to print as it is
        if isinstance(outcome, CasebookError):
            failures += 1
            print(f"{where}: refused. {visible(str(outcome))}", file=sys.stderr)
        else:
            print(f"{where}: {visible(outcome.message)}", file=sys.stderr)

    with unlock_board(args) as board:
        import_files(board, args.files, show)
    return 1 if failures else 0


def cmd_accept_fork(args: argparse.Namespace) -> int:
    with unlock_board(args) as board:
        unit = board.accept_fork(args.unit, args.reason)
    say(f"The next return from {unit.name} may fork the audit chain the board holds (once). "
        "Import it now; the points it contradicts are set aside, and counted in the board's "
        "audit log.")
    return 0


def cmd_anchors(args: argparse.Namespace) -> int:
    from app.services.anchors import export_anchors

    with unlock_board(args) as board:
        count = export_anchors(board, args.unit, args.out)
    say(f"{count} audit head(s) written to {args.out}. On the unit's laptop: casebook check "
        f"--anchors {args.out.name}")
    return 0


def cmd_confirm_key(args: argparse.Namespace) -> int:
    from app.returns.board_import import confirm_key

    with unlock_board(args) as board:
        results = confirm_key(board, args.unit, args.fingerprint)
    say(f"The new key is now {visible(args.unit)}'s; returns signed with its old key are "
        "refused from now on.")
    refused = 0
    for return_id, outcome in results:
        if isinstance(outcome, CasebookError):
            refused += 1
            say(f"Held return {return_id}: refused. {visible(str(outcome))}")
        else:
            say(visible(outcome.message))
    return 1 if refused else 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    with unlock_board(args) as board:
        held = board.withdraw_return(args.unit, args.period.label, args.reason)
    say(f"Withdrawn: the return from {held.unit} for {held.period} (made {held.created_at}). "
        "It no longer counts; a new return for that period can be imported.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app.returns.board_report import PARTIAL, SENT, board_status
    from app.services.report_kinds import completeness, completeness_json

    with unlock_board(args) as board:
        statuses = board_status(board, args.period)
        complete = {c.unit: c for c in completeness(board, args.period)}
        listed = completeness_json(board, args.period)
    if args.json:
        found = {u["unit"]: u for u in listed["units"]}
        emit_json({"period": args.period.label, "due_on": listed["due_on"], "units": [
            {"unit": s.unit, "status": s.state, "returns": list(s.returns),
             "created_at": s.created_at, "headcount": s.headcount,
             **{k: v for k, v in found[s.unit].items() if k not in ("unit", "returns")}}
            for s in statuses]})
        return 0
    if not statuses:
        say("No units are registered yet (casebook board register UNIT-NAME PUBLIC-KEY).")
        return 0
    width = max(len(s.unit) for s in statuses)
    due = f" (due {listed['due_on']})" if listed["due_on"] else ""
    print(f"Returns for {args.period.label}{due}:")
    for s in statuses:
        made = f"  (made {s.created_at})" if s.created_at else ""
        words = complete[s.unit].description
        note = f"; {s.key_note}" if s.key_note else ""
        print(f"  {s.unit.ljust(width)}  {words}{note}{made}")
    sent = sum(1 for s in statuses if s.state == SENT)
    partial = sum(1 for s in statuses if s.state == PARTIAL)
    also = f"; {partial} only some of the four quarters" if partial else ""
    print(f"{sent} of {len(statuses)} units have sent{also}.")
    return 0


def cmd_due_date(args: argparse.Namespace) -> int:
    from app.services.report_kinds import set_due_date

    if args.clear == (args.date is not None):
        raise CasebookError("Give the date returns are due (YYYY-MM-DD), or --clear.")
    with unlock_board(args) as board:
        set_due_date(board, args.period, None if args.clear else args.date)
    say(f"Returns for {args.period.label} are due on {args.date.isoformat()}." if args.date
        else f"Returns for {args.period.label} have no due date now.")
    return 0


def cmd_statement(args: argparse.Namespace) -> int:
    from app.services.report_kinds import set_statement, statements

    text: str | None = args.text
    if args.file is not None:
        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CasebookError(f"Cannot read {args.file} as UTF-8 text.") from exc
    with unlock_board(args) as board:
        if text is not None:
            set_statement(board, args.year, args.kpi, text)
        held = statements(board, args.year)
    if text is not None:
        say(f"The board's statement for KPI {args.kpi}, {args.year}, is "
            + ("kept." if text.strip() else "removed."))
    else:
        print(held.get(args.kpi, ""))
        if args.kpi not in held:
            say(f"No statement for KPI {args.kpi}, {args.year}, yet (--text or --file).")
    return 0


def cmd_headcount(args: argparse.Namespace) -> int:
    with unlock_board(args) as board:
        board.set_headcount(args.unit, args.period.label, args.headcount)
    say(f"Staff headcount for {args.unit.strip()}, {args.period.label}: {args.headcount:,}.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from app.core.disclosure import DisclosureError
    from app.services.board_reports import load_board_report, save_board_report
    from app.services.publication import PublicationRefused
    from app.services.reports import audit_sentence, publication_audit

    if args.kind is not None:
        return _report_kind(args)
    if args.unit is not None:
        raise CasebookError("--unit goes with --kind (quarterly, annual, ijb or trends).")
    if args.json and args.publication:
        raise CasebookError("--json gives the exact figures for the board's own use; "
                            "for publication use --pdf or --csv with --publication.")
    with unlock_board(args) as board:
        try:
            report = load_board_report(board, args.period, publication=args.publication,
                                       threshold=args.threshold)
        except (DisclosureError, PublicationRefused) as exc:
            raise CasebookError(f"Nothing was written. {exc}") from exc
        save_board_report(board, report, pdf=args.pdf, csv=args.csv)
    if args.csv is not None:
        say(f"CSV written to {args.csv}.")
    if args.pdf is not None:
        say(f"PDF written to {args.pdf}.")
    if report.publication and report.content.protected is not None:
        say(audit_sentence(publication_audit(report.content.protected, report.threshold,
                                             report.earlier)))
    if args.json:
        emit_json(report.doc)
    elif args.csv is None and args.pdf is None:
        _print_summary(report.doc)
    return 0


def cmd_publications(args: argparse.Namespace) -> int:
    """The board's publication register (its own, recorded, and its units'), or record a
    file the board published outside Casebook."""
    from app.cli.publication_commands import register_command

    with unlock_board(args) as board:
        return register_command(board, args, "No publications yet: a report written for "
                                "publication is kept here, with the publications units send "
                                "in their returns.")


def _report_kind(args: argparse.Namespace) -> int:
    from app.services.report_kinds import make_report, write_report

    if args.json and args.publication:
        raise CasebookError("--json gives the exact figures for the board's own use; for "
                            "publication use --pdf or --csv with --publication.")
    with unlock_board(args) as board:
        made = make_report(board, args.kind, args.period, unit=args.unit, run=args.quarters,
                           publication=args.publication, threshold=args.threshold)
        write_report(board, made, pdf=args.pdf, csv=args.csv,
                     on_written=lambda what, out: say(f"{what.upper()} written to {out}."))
    if args.json:
        emit_json(made.json())
    elif args.csv is None and args.pdf is None:
        report = made.report
        print(f"{report.title}, {report.period_label}")
        print(report.audience)
        for line in report.front[:1]:
            print(line)
        for flag in made.flags:
            print(f"  Flag: {flag}")
        say("Write it with --pdf OUT and/or --csv OUT (add --publication for the version to "
            "publish).")
    return 0


def _never_publish(board: Board) -> tuple[str, ...]:
    from app.store.board_settings import never_publish

    return never_publish(board)


def cmd_never_publish(args: argparse.Namespace) -> int:
    """The board's never-publish list: show it, or add and remove entries (audited)."""
    from app.store.board_settings import never_publish, set_never_publish

    with unlock_board(args) as board:
        items = list(never_publish(board))
        if args.add or args.remove:
            removed = {r.strip().casefold() for r in args.remove}
            items = [i for i in items if i.casefold() not in removed] + list(args.add)
            items = list(set_never_publish(board, items))
    if args.json:
        emit_json({"never_publish": items})
    else:
        for item in items:
            print(visible(item))
        say(f"{len(items)} entr{'y' if len(items) == 1 else 'ies'} on the never-publish list.")
    return 0


def _print_summary(doc: dict[str, Any]) -> None:
    board = doc["board"]
    print(f"Board figures for {board['period']['label']} "
          f"({board['period']['from']} to {board['period']['to']}), exact (not for publication)")
    rows = [("", doc), *doc["units"].items()]
    print(f"  {'':30} {'rec. S1':>8} {'rec. S2':>8} {'closed S1':>9} {'closed S2':>9} "
          f"{'anon.':>6} {'per 1,000 staff':>16}")
    for name, figures in rows:
        label = name or "Board total"
        rates = (board["units"][name]["kpi4_per_1000_staff"] if name
                 else board["total"]["kpi4_per_1000_staff"])
        rate = f"{rates['stages_1_and_2']:.2f}" if rates else "not available"
        print(f"  {label[:30]:30} {figures['received']['stage1']:>8} "
              f"{figures['received']['stage2']:>8} {figures['closed']['stage1']:>9} "
              f"{figures['closed']['stage2']:>9} {figures['received']['anonymous']:>6} "
              f"{rate:>16}")


def _headcount(text: str) -> int:
    try:
        value = int(text.replace(",", ""))
    except ValueError as exc:
        raise argparse.ArgumentTypeError("give the staff headcount as a whole number") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("a staff headcount is 1 or more")
    return value


def _quarters(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("give the number of quarters as a whole number") \
            from exc
    if not 2 <= value <= 20:
        raise argparse.ArgumentTypeError("a run of quarters is 2 to 20 quarters long")
    return value


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError("give the date as YYYY-MM-DD") from exc


def _threshold(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("give the threshold as a whole number") from exc
    if value < 2:
        raise argparse.ArgumentTypeError("a threshold below 2 would hide nothing")
    return value


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("board", help="the board's store: receive and add up units' returns",
                       description="The board's store: register units, import their "
                       "returns, and report. Give the store's folder with --board DIR.")
    inner = p.add_subparsers(dest="board_command", metavar="COMMAND", required=True,
                             parser_class=type(p))

    def add(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = inner.add_parser(name, help=help_text,
                                                           description=help_text)
        parser.set_defaults(handler=handler)
        return parser

    path = lambda s: Path(s).expanduser()  # noqa: E731

    c = add("init", cmd_init, "create a board store (passphrase from CASEBOOK_PASSPHRASE or a "
            "prompt) with a new age identity, or one made by age-keygen")
    c.add_argument("--identity", type=path, metavar="FILE",
                   help="an age identity file made with age-keygen")
    c.add_argument("--name", default="NHS board", help="the board's name, for its reports")
    add("recipient", cmd_recipient, "print the board's age recipient and its fingerprint, to "
        "hand to units")
    c = add("export-identity", cmd_export_identity, "write the board's age identity to a file "
            "(for the age tool and safekeeping; handle with care)")
    c.add_argument("--out", type=path, metavar="FILE", required=True)
    c = add("register", cmd_register, "register a reporting unit and its public signing key")
    c.add_argument("unit", metavar="UNIT-NAME")
    c.add_argument("public_key", metavar="PUBLIC-KEY", help="the line `casebook unit-key` "
                   "prints")
    c.add_argument("--replace-key", action="store_true",
                   help="give an already registered unit a new key")
    c = add("import", cmd_import, "import return files (each checked; a refused one is "
            "reported and the rest go on)")
    c.add_argument("files", type=path, nargs="+", metavar="FILE")
    c = add("accept-fork", cmd_accept_fork, "let a unit's next return fork the audit chain the "
            "board holds (after a restore from backup), once; audited")
    c.add_argument("unit", metavar="UNIT-NAME")
    c.add_argument("--reason", required=True, help="why (kept in the board's audit log)")
    c = add("anchors", cmd_anchors, "write the audit heads the board holds for a unit, for "
            "`casebook check --anchors` on its laptop")
    c.add_argument("unit", metavar="UNIT-NAME")
    c.add_argument("--out", type=path, metavar="FILE", required=True)
    c = add("confirm-key", cmd_confirm_key, "take a unit's new signing key (after rekey) once "
            "its fingerprint is confirmed with the unit by phone; imports returns held for it")
    c.add_argument("unit", metavar="UNIT-NAME")
    c.add_argument("fingerprint", metavar="FINGERPRINT")
    c = add("withdraw", cmd_withdraw, "remove the return held for a unit and period (audited), "
            "so it no longer counts and a corrected one can be imported")
    c.add_argument("unit", metavar="UNIT-NAME")
    c.add_argument("--period", type=period_argument, required=True)
    c.add_argument("--reason", required=True, help="why (kept in the board's audit log)")
    c = add("status", cmd_status, "which units have and have not sent their return")
    c.add_argument("--period", type=period_argument, required=True)
    c.add_argument("--json", action="store_true")
    c = add("headcount", cmd_headcount, "record a unit's staff headcount for a period (KPI 4 "
            "per 1,000 staff)")
    c.add_argument("unit", metavar="UNIT-NAME")
    c.add_argument("headcount", type=_headcount, metavar="N")
    c.add_argument("--period", type=period_argument, required=True)
    c = add("report", cmd_report, "the board's figures for a period: exact, or for "
            "publication with small numbers hidden")
    c.add_argument("--period", type=period_argument, required=True)
    c.add_argument("--pdf", type=path, metavar="OUT")
    c.add_argument("--csv", type=path, metavar="OUT")
    c.add_argument("--json", action="store_true", help="print the exact figures as JSON")
    c.add_argument("--publication", action="store_true",
                   help="hide small numbers (and any that would reveal them)")
    c.add_argument("--threshold", type=_threshold, default=5, metavar="N",
                   help="with --publication, hide counts below N (default 5)")
    c.add_argument("--kind", choices=("quarterly", "annual", "ijb", "trends"),
                   help="quarterly (to the board meeting), annual (to the INWO, published), "
                   "ijb (for one HSCP's IJB, with --unit), trends (themes and units over a "
                   "run of quarters ending with the period); without it, the KPI report")
    c.add_argument("--unit", metavar="UNIT-NAME", help="one unit only (the HSCP, for ijb)")
    c.add_argument("--quarters", type=_quarters, default=8, metavar="N",
                   help="with --kind trends, how many quarters (default 8)")
    c = add("due-date", cmd_due_date, "when returns for a period are due (a return imported "
            "after it is late; one not in after it is overdue)")
    c.add_argument("date", type=_date, nargs="?", metavar="YYYY-MM-DD")
    c.add_argument("--period", type=period_argument, required=True)
    c.add_argument("--clear", action="store_true", help="no due date for the period")
    c = add("statement", cmd_statement, "the board's own statement for KPI 2 (experience of "
            "those involved) or KPI 3 (staff perceptions, awareness and training) for a year, "
            "for the annual report: shown, or set with --text or --file (empty removes it)")
    c.add_argument("--year", required=True, metavar="YYYY-YY")
    c.add_argument("--kpi", type=int, choices=(2, 3), required=True)
    c.add_argument("--text", metavar="TEXT")
    c.add_argument("--file", type=path, metavar="FILE", help="a UTF-8 text file")
    c = add("publications", cmd_publications, "the publication register: what each "
            "publication printed (the board's, and its units' from their returns), or "
            "--import a CSV published outside Casebook")
    c.add_argument("--json", action="store_true")
    c.add_argument("--import", dest="import_file", type=path, metavar="CSV")
    c.add_argument("--label", metavar="TEXT", help="with --import: what was published")
    c.add_argument("--published-on", metavar="YYYY-MM-DD", help="with --import: when")
    c = add("never-publish", cmd_never_publish, "the board's never-publish list: learning "
            "statements holding one of these words are refused for publication")
    c.add_argument("--add", action="append", default=[], metavar="TEXT")
    c.add_argument("--remove", action="append", default=[], metavar="TEXT")
    c.add_argument("--json", action="store_true")
