"""The letter commands: a letter drafted, edited and made; letters listed, re-issued and
re-printed; the letters' settings (named contact, signatories, signposting bodies).

    casebook letter REFERENCE KIND --set findings=TEXT ... --draft FILE     # text to edit
    casebook letter REFERENCE KIND --text FILE --out OUT --reason TEXT      # the letter
    casebook letters list REFERENCE [--json]
    casebook letters reissue LETTER --out OUT --reason TEXT [--date D] [--text FILE]
    casebook letters reprint LETTER --out OUT --reason TEXT
    casebook settings letters [--contact-name ... | --signatory KIND NAME ROLE | --body ...]

Drafting reveals nothing: the person's name stays {person_name} in the text. Making a
letter is a reveal (`--reason`, audited), and the file is protected with a password
(CASEBOOK_PDF_PASSWORD, or typed twice) unless `--no-protect` is confirmed (`--yes`, or at
the prompt); the letter's record and the audit log say which.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli.commands import emit_json, say, unlock
from app.cli.prompts import confirm
from app.cli.report_commands import PASSWORD_ENV, ReportUsage, _day, _output, pdf_password
from app.store.errors import CasebookError

LOCAL_BODY_CHOICES = ("care_inspectorate", "audit_scotland", "other")


def _fields(pairs: list[str] | None) -> dict[str, str]:
    from app.core.letters import FIELD_NAMES

    found: dict[str, str] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or name.strip() not in FIELD_NAMES:
            raise ReportUsage(f"--set takes NAME=TEXT, where NAME is one of "
                              f"{', '.join(FIELD_NAMES)}.")
        found[name.strip()] = value
    return found


def _read_text(path: str) -> str:
    try:
        return Path(path).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportUsage(f"Cannot read the letter's text from {path}: "
                          f"{getattr(exc, 'strerror', None) or exc}.") from exc


def protection(args: argparse.Namespace) -> tuple[str | None, bool]:
    """(password, unprotected): protected unless --no-protect is confirmed."""
    if not getattr(args, "no_protect", False):
        return pdf_password(), False
    if not (args.yes or confirm("This file shows the person's identity. Save it without a "
                                "password? [y/N] ")):
        raise CasebookError("Not saved. Leave out --no-protect to protect it with a password.")
    return None, True


def _warn(protected: bool) -> None:
    from app.documents.protect import LEAVES_CASEBOOK

    say(LEAVES_CASEBOOK)
    if not protected:
        say("It is not password-protected (recorded so in the audit log).")


def _local_body(args: argparse.Namespace) -> Any:
    from app.core.records import SignpostBody

    return SignpostBody(args.body or "care_inspectorate")


def cmd_letter(args: argparse.Namespace) -> int:
    from app.documents.letters import LETTER_KINDS
    from app.services import letters
    from app.store.concerns import ConcernService

    if args.kind not in LETTER_KINDS:
        raise ReportUsage(f"There is no letter called {args.kind}; choose one of "
                          f"{', '.join(LETTER_KINDS)}.")
    fields = _fields(args.set)
    if args.draft and (args.out or args.text):
        raise ReportUsage("--draft writes the text to edit; make the letter afterwards with "
                          "--text FILE --out OUT.")
    if not args.draft and not args.out:
        raise ReportUsage("Say what to write: --draft FILE (the text to edit) or --out OUT "
                          "(the letter).")
    letter_date = _day(args.date, "--date") if args.date else None
    common = {"raiser": args.raiser, "extension_id": args.extension,
              "local_body": _local_body(args), "other_body": args.other_body or ""}
    if args.draft:
        draft_out = _output(args.draft)
        with unlock(args) as book:
            concern_id = ConcernService(book).id_for_reference(args.reference)
            drafted = letters.draft(book, concern_id, args.kind, fields, **common)
        draft_out.write_text(drafted.text, encoding="utf-8")
        say(f"The {LETTER_KINDS[args.kind].lower()} for {args.reference.strip()} is in "
            f"{draft_out}: read and edit it, then make the letter with --text {draft_out}.")
        for note in drafted.notes:
            say(f"Note: {note}")
        return 0
    if not (args.reason or "").strip():
        raise ReportUsage("A letter shows the person's identity, so give the reason with "
                          "--reason TEXT (it is recorded in the audit log).")
    out = _output(args.out)
    text = _read_text(args.text) if args.text else None
    password, unprotected = protection(args)
    with unlock(args) as book:
        concern_id = ConcernService(book).id_for_reference(args.reference)
        if text is None:
            text = letters.draft(book, concern_id, args.kind, fields, **common).text
        made = letters.make(book, concern_id, args.kind, text, args.reason, out,
                            letter_date=letter_date, password=password,
                            unprotected=unprotected, keep_found=args.keep_found, **common)
    say(f"{LETTER_KINDS[args.kind]} letter for {args.reference.strip()} (letter "
        f"{made.letter_id}, dated {made.letter_date.isoformat()}) saved to {out}.")
    _warn(made.protected)
    return 0


def cmd_letters(args: argparse.Namespace) -> int:
    from app.services import letters
    from app.store.concerns import ConcernService

    if args.action == "list":
        with unlock(args) as book:
            concern_id = ConcernService(book).id_for_reference(args.target)
            found = letters.records(book, concern_id)
        rows = [{"letter": r.letter_id, "kind": r.kind, "raiser": r.raiser,
                 "letter_date": r.letter_date.isoformat(),
                 "about": r.about_on.isoformat() if r.about_on else None,
                 "protected": r.protected, "reissue_of": r.reissue_of, "made_at": r.made_at,
                 "digest": r.digest} for r in found]
        if args.json:
            emit_json(rows)
        elif not rows:
            say(f"No letters have been made for {args.target.strip()}.")
        for row in [] if args.json else rows:
            protected = "protected" if row["protected"] else "NOT protected"
            again = "  (re-issue)" if row["reissue_of"] else ""
            print(f"{row['letter']:>5}  {row['letter_date']}  {row['kind']:<24} raiser "
                  f"{int(str(row['raiser'])) + 1}  {protected}{again}")
        return 0
    try:
        letter_id = int(args.target)
    except ValueError as exc:
        raise ReportUsage("Give the letter's number, as `casebook letters list` shows it.") from exc
    if not (args.reason or "").strip():
        raise ReportUsage("A letter shows the person's identity, so give the reason with "
                          "--reason TEXT (it is recorded in the audit log).")
    if not args.out:
        raise ReportUsage("Say where to save it: --out OUT.")
    out = _output(args.out)
    password, unprotected = protection(args)
    with unlock(args) as book:
        if args.action == "reprint":
            letters.reprint(book, letter_id, args.reason, out, password=password,
                            unprotected=unprotected)
            say(f"Letter {letter_id}, exactly as sent, saved to {out}.")
        else:
            text = _read_text(args.text) if args.text else None
            made = letters.reissue(book, letter_id, args.reason, out, text=text,
                                   letter_date=_day(args.date, "--date") if args.date
                                   else None, password=password, unprotected=unprotected,
                                   keep_found=args.keep_found)
            say(f"Letter {letter_id} re-issued as letter {made.letter_id} (dated "
                f"{made.letter_date.isoformat()}), saved to {out}.")
    _warn(password is not None)
    return 0


def cmd_letter_settings(args: argparse.Namespace) -> int:
    from app.services import letters
    from app.store.letter_settings import Body, NamedContact

    with unlock(args) as book:
        current = letters.settings(book)
        changed = False
        contact_given = [args.contact_name, args.contact_role, args.contact_phone,
                         args.contact_email, args.contact_address]
        if any(v is not None for v in contact_given):
            old = current.contact
            current = letters.set_contact(book, NamedContact(*(
                new if new is not None else was for new, was in zip(
                    contact_given, (old.name, old.role, old.phone, old.email, old.address),
                    strict=True))))
            changed = True
        if args.signatory:
            kind, name, role = args.signatory
            current = letters.set_signatory(book, kind, name, role)
            changed = True
        if args.body:
            code, name, website, phone = args.body
            old_body = current.bodies.get(code)
            current = letters.set_body(book, code, Body(name, website, phone,
                                                        old_body.about if old_body else ""))
            changed = True
        if args.reset_body:
            current = letters.reset_body(book, args.reset_body)
            changed = True
    doc = {"contact": asdict(current.contact),
           "signatories": {k: asdict(v) for k, v in current.signatories.items()},
           "bodies": {k: asdict(v) for k, v in current.bodies.items()}}
    if args.json:
        emit_json(doc)
    else:
        c = current.contact
        say(f"Named contact: {c.name or '(not set)'}, {c.role or '(no role)'}, "
            f"{c.phone or '(no phone)'}, {c.email or '(no email)'}")
        for kind, who in sorted(current.signatories.items()):
            say(f"{kind} is signed by {who.name}{', ' + who.role if who.role else ''}")
        if changed:
            say("Saved (recorded in the audit log).")
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("letter", help="a letter to a person who raised a concern: draft it, "
                       "edit the text, make it (shows their identity: --reason)",
                       description="Draft a letter's text to edit (--draft FILE; nothing is "
                       "revealed), then make it from that text (--text FILE --out OUT "
                       "--reason TEXT). The letter is recorded, and kept with the person's "
                       "identity.")
    p.add_argument("reference", metavar="REFERENCE", help="the concern's reference")
    p.add_argument("kind", metavar="KIND", help="stage1_response, stage2_acknowledgement, "
                   "extension_notice, stage2_decision or not_taken_forward")
    p.add_argument("--set", action="append", metavar="NAME=TEXT",
                   help="a field of the letter written for the person (findings, apology, "
                   "actions, how_investigated, understanding, extension_reason, reasons, "
                   "other_procedure); repeat for each")
    p.add_argument("--draft", metavar="FILE", help="write the letter's text to FILE to edit")
    p.add_argument("--text", metavar="FILE", help="make the letter from this text")
    p.add_argument("--out", metavar="OUT", help="where to save the PDF")
    p.add_argument("--reason", metavar="TEXT", help="why the identity is needed (audited)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the letter's date (default: the date "
                   "of the event it is about)")
    p.add_argument("--raiser", type=int, default=0, metavar="N",
                   help="to a linked raiser (their number; 0, the default, is the person who "
                   "raised it first)")
    p.add_argument("--extension", type=int, metavar="ID", help="extension notice: which "
                   "extension (default: the latest)")
    p.add_argument("--body", choices=LOCAL_BODY_CHOICES, help="where local-authority issues "
                   "are signposted (default: care_inspectorate)")
    p.add_argument("--other-body", metavar="NAME", help="the body's name, with --body other")
    p.add_argument("--keep-found", action="store_true", help="keep text the identity check "
                   "found (recorded in the audit log)")
    p.add_argument("--no-protect", action="store_true", help="save without a password (asked "
                   "first; recorded)")
    p.add_argument("--yes", action="store_true", help="with --no-protect: no question")
    p.add_argument("--protect", action="store_true", help=argparse.SUPPRESS)  # the default now
    p.set_defaults(handler=cmd_letter)

    p = sub.add_parser("letters", help="letters made for a concern: list, re-issue, re-print",
                       description="List a concern's letters, re-issue one (a new letter and "
                       "record) or re-print one exactly as sent. Re-issuing and re-printing "
                       f"show the identity (--reason); the file is protected ({PASSWORD_ENV} "
                       "or a prompt) unless --no-protect is confirmed.")
    p.add_argument("action", choices=("list", "reissue", "reprint"))
    p.add_argument("target", metavar="REFERENCE|LETTER",
                   help="the concern's reference (list) or the letter's number")
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", metavar="OUT")
    p.add_argument("--reason", metavar="TEXT")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="re-issue: the new letter's date "
                   "(default: the first letter's)")
    p.add_argument("--text", metavar="FILE", help="re-issue: edited text")
    p.add_argument("--keep-found", action="store_true")
    p.add_argument("--no-protect", action="store_true")
    p.add_argument("--yes", action="store_true")
    p.set_defaults(handler=cmd_letters)


def register_settings(settings: argparse._SubParsersAction[Any]) -> None:
    """`casebook settings letters`: under the settings command (app/cli/return_commands.py)."""
    s = settings.add_parser("letters", help="the named contact letters give, who signs each "
                            "kind, and the signposting bodies' details (shown, or set)")
    s.add_argument("--contact-name", metavar="NAME")
    s.add_argument("--contact-role", metavar="ROLE")
    s.add_argument("--contact-phone", metavar="PHONE")
    s.add_argument("--contact-email", metavar="EMAIL")
    s.add_argument("--contact-address", metavar="ADDRESS")
    s.add_argument("--signatory", nargs=3, metavar=("KIND", "NAME", "ROLE"),
                   help="who signs a kind of letter (an empty NAME: the named contact)")
    s.add_argument("--body", nargs=4, metavar=("BODY", "NAME", "WEBSITE", "PHONE"),
                   help="a signposting body's details: inwo, care_inspectorate, "
                   "audit_scotland or other")
    s.add_argument("--reset-body", metavar="BODY", choices=("inwo", "care_inspectorate",
                                                            "audit_scotland", "other"))
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_letter_settings)
