"""Continuity on the command line: `casebook handover ...`, `casebook retention ...` and
`casebook subject-access`. Thin over app/services (handover, retention, subject_access,
stepping_down): they ask, confirm where something cannot be undone, and say what came back.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app.cli import prompts
from app.cli.commands import emit_json, say, unlock
from app.store.errors import CasebookError

BACKUPS_NOTE = ("Backups made elsewhere before this still hold {what} until they are "
                "destroyed; Casebook cannot reach them to do it:")


def _path(text: str) -> Path:
    return Path(text).expanduser()


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError("write the date like 2025-05-02") from exc


def _out(path: Path) -> Path:
    if not path.parent.is_dir():
        raise CasebookError(f"Cannot save {path}: the folder {path.parent} does not exist.")
    return path


def _confirm(args: argparse.Namespace, question: str) -> bool:
    if getattr(args, "yes", False):
        return True
    return prompts.confirm(question)


def _say_external(copies: Any, what: str) -> None:
    if not copies:
        return
    say(BACKUPS_NOTE.format(what=what))
    for copy in copies:
        found = "found there now" if copy.present else "not found there now (destroyed, or " \
                                                      "the drive is not connected)"
        say(f"  made {copy.made[:16].replace('T', ' ') or 'on a date not recorded'}: "
            f"{copy.path} ({found})")
    say("Destroy them (casebook retention backups --destroy PATH, with the drive connected), "
        "or keep them as safely as the casebook itself.")


# ----- handover ---------------------------------------------------------------------------


def cmd_address(args: argparse.Namespace) -> int:
    from app.services import handover

    with unlock(args) as book:
        info = handover.address(book)
    print(info.token)
    print(info.fingerprint)
    say("Give the first line to a colleague who will hand concerns to you, or take them from "
        "you (casebook handover trust). Read the fingerprint to each other by phone.")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from app.services import handover

    with unlock(args) as book:
        plan = handover.prepare_trust(book, args.address, args.name, args.role or "")
        say(f"Colleague:   {plan.name}" + (f" ({plan.role})" if plan.role else ""))
        say(f"Fingerprint: {plan.fingerprint}")
        say("Read the fingerprint to them by phone and check it matches the one their casebook "
            "shows (casebook handover address). Whoever holds this address will be sent "
            "concerns and identities, and can approve destructions.")
        if not _confirm(args, "Trust this address? [y/N] "):
            say("Nothing was changed.")
            return 1
        handover.trust(book, plan)
    say(f"{plan.name} is now a trusted colleague.")
    return 0


def cmd_colleagues(args: argparse.Namespace) -> int:
    from app.services import handover

    with unlock(args) as book:
        found = handover.trusted(book)
    if args.json:
        emit_json([{"name": c.name, "role": c.role, "fingerprint": c.fingerprint,
                    "address": c.address.token, "trusted_at": c.trusted_at} for c in found])
        return 0
    if not found:
        say("No trusted colleagues yet: casebook handover trust ADDRESS --name NAME.")
    for colleague in found:
        print(f"{colleague.name}\t{colleague.role}\t{colleague.fingerprint}")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from app.services import handover

    with unlock(args) as book:
        handover.forget(book, args.name)
    say(f"{args.name} is no longer trusted: nothing will be sent to them or taken from them.")
    return 0


def cmd_prefix(args: argparse.Namespace) -> int:
    from app.services import handover

    with unlock(args) as book:
        prefix = (handover.set_reference_prefix(book, args.prefix) if args.prefix is not None
                  else handover.reference_prefix(book))
    print(prefix)
    if args.prefix is not None:
        say(f"New references start {prefix}-; those already given keep theirs. Units that hand "
            "concerns to each other need different prefixes.")
    return 0


def cmd_consent(args: argparse.Namespace) -> int:
    from app.services import handover

    if bool(args.whoever_takes_over) == bool(args.share_with):
        raise CasebookError("Say either --whoever-takes-over or --with NAME.")
    with unlock(args) as book:
        handover.record_consent(book, args.reference, successor=args.whoever_takes_over,
                                share_with=args.share_with or "", on=args.on or date.today(),
                                how=args.how)
    what = ("may go to whoever takes over the concern" if args.whoever_takes_over
            else f"may be shared with {args.share_with}")
    say(f"Recorded: the identity behind {args.reference} {what}.")
    return 0


def _plan_lines(plan: Any) -> None:
    for item in plan.concerns:
        words = {"sent": "with the identity", "withheld": "WITHOUT the identity",
                 "none": "(no identity)"}[item.identity]
        say(f"  {item.reference} ({item.closure}) {words}: {item.why}")


def cmd_export(args: argparse.Namespace) -> int:
    from app.services import handover

    out = _out(args.out)
    with unlock(args) as book:
        plan = handover.plan_export(book, args.references, args.to, args.identity)
        say(f"Handing over to {plan.colleague.name} (fingerprint {plan.colleague.fingerprint}):")
        _plan_lines(plan)
        if plan.without_identity:
            say("The identities not sent are deleted from this casebook all the same: it keeps "
                "the records read-only and no longer holds any of these identities.")
        if args.dry_run:
            say("Nothing was written (--dry-run).")
            return 0
        result = handover.export(book, plan, out, args.reason)
    sent = sum(c.identity == "sent" for c in plan.concerns)
    say(f"Handover package written to {out}: {len(plan.concerns)} concern(s), {sent} with the "
        f"identity, signed with this unit's key and encrypted to {plan.colleague.name}. "
        "This casebook now keeps these records read-only, marked as handed over.")
    if result.backups is not None:
        say(f"The casebook's own backups were remade ({len(result.backups.removed)} older "
            "one(s) destroyed).")
        _say_external(result.backups.external, "the identities handed over")
    print(out)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.services import handover

    with unlock(args) as book:
        read = handover.read_package(book, args.file)
        if not args.json:
            say(f"From {read.sender.name} (fingerprint {read.sender.fingerprint}), handed over "
                f"on {read.handed_on.isoformat()}: {read.reason}")
            for item in read.concerns:
                identity = {"sent": "with the identity", "withheld": "without the identity "
                            "(no consent covered you)", "none": "no identity"}[item.identity]
                back = ", coming back" if item.takes_back else ""
                say(f"  {item.reference} received {item.received_on} ({item.closure}), "
                    f"{item.conversations} conversation(s), {identity}{back}")
            if not _confirm(args, "Import all of it? [y/N] "):
                say("Nothing was imported.")
                return 1
        result = handover.import_package(book, read)
    if args.json:
        emit_json({"package": result.package_id, "references": list(result.references),
                   "identities": result.identities})
    else:
        say(f"Imported {len(result.references)} concern(s) ({result.identities} with the "
            "identity). The handover is recorded in the audit log.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app.services import stepping_down

    with unlock(args) as book:
        if args.final_backup_place is not None:
            place = stepping_down.set_place(book, args.final_backup_place)
            say(f"The final backup goes to {place}.")
        state = stepping_down.status(book)
    if args.json:
        emit_json(state.as_dict())
        return 0 if state.ready else 1

    def line(done: bool, text: str) -> None:
        print(f"[{'x' if done else ' '}] {text}")

    line(not state.open_concerns, "Open concerns handed over" + (
        f": {len(state.open_concerns)} still held here ({', '.join(state.open_concerns)})"
        if state.open_concerns else ""))
    line(not state.returns_due, "Returns sent" + (
        f": none built for {', '.join(state.returns_due)}" if state.returns_due else ""))
    line(not state.due_for_destruction, "Records due for destruction destroyed" + (
        f": {', '.join(state.due_for_destruction)}" if state.due_for_destruction else ""))
    backup = state.final_backup
    if backup.place is None:
        text = ("Final backup: no place set (casebook handover status --final-backup-place "
                "DIR, the folder the organisation chose)")
    elif backup.current:
        text = f"Final backup in {backup.place} (made {backup.made})"
    else:
        text = (f"Final backup in {backup.place}: none since the last change "
                f"(casebook backup --to {backup.place})")
    line(backup.current, text)
    say("Ready to retire this casebook." if state.ready else "Not ready to retire yet.")
    return 0 if state.ready else 1


# ----- retention -----------------------------------------------------------------------------


def cmd_retention(args: argparse.Namespace) -> int:
    from app.services import retention

    with unlock(args) as book:
        policy = retention.policy(book)
        found = retention.due(book) if args.due else retention.items(book)
    rows = [{"reference": i.reference, "ended": i.ended,
             "ended_on": None if i.open else i.ended_on.isoformat(),
             "due_on": None if i.open else i.due_on.isoformat(),
             "due": not i.open and i.due_on <= date.today(), "open": i.open,
             "identity_held": i.has_identity} for i in found]
    if args.json:
        emit_json({"retention_years": policy.years, "approvers": policy.approvers,
                   "records": rows})
        return 0
    say(f"Retention: {policy.years} years after a record ends; destruction by "
        + ("one person." if policy.approvers == 1 else "two people (a colleague's signed "
           "approval)."))
    if not rows:
        say("No records are due for destruction." if args.due else "No records.")
    for row in rows:
        if row["open"]:
            print(f"{row['reference']}\topen: not due while open")
        else:
            print(f"{row['reference']}\t{row['ended']} {row['ended_on']}\tdue {row['due_on']}"
                  + ("\tDUE" if row["due"] else ""))
    return 0


def cmd_destroy(args: argparse.Namespace) -> int:
    from app.services import retention

    approval = None
    if args.approval is not None:
        try:
            approval = args.approval.read_bytes()
        except OSError as exc:
            raise CasebookError(f"Cannot read {args.approval} ({exc.strerror or exc}).") from exc
    certificate = _out(args.certificate) if args.certificate is not None else None
    with unlock(args) as book:
        plan = retention.plan(book, args.references, args.reason, early=args.early,
                              approval=approval)
        say("To be destroyed for good: " + ", ".join(i.reference for i in plan.items)
            + (" (early)" if plan.early else "")
            + (f", approved by {plan.approval.colleague}" if plan.approval else "") + ".")
        say("The identity goes first, then every word of the record; the dates and codes the "
            "figures count stay. This cannot be undone. Enter the passphrase again to go on.")
        passphrase = prompts.passphrase_again()
        result = retention.destroy(book, plan, passphrase)
        if certificate is not None:
            retention.certificate(book, list(result.references), certificate)
    if args.json:
        emit_json(retention.summary(result))
    else:
        say(f"Destroyed: {', '.join(result.references)}. The audit log records it (kind and "
            "reference only).")
        say(f"The casebook's own backups were remade: {len(result.backups.removed)} older "
            f"one(s) destroyed, a new one made ({result.backups.new_backup.name}).")
        _say_external(result.backups.external, "the destroyed identities")
        if certificate is not None:
            say(f"Destruction certificate saved to {certificate}.")
    return 0


def cmd_approve(args: argparse.Namespace) -> int:
    from app.services import retention
    from app.store.atomic import write_atomic

    out = _out(args.out)
    with unlock(args) as book:
        data = retention.approve(book, args.for_colleague, args.references, args.reason)
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise CasebookError(f"Cannot write {out} ({exc.strerror or exc}).") from exc
    say(f"Approval written to {out}: give it to {args.for_colleague}. It holds for "
        f"{retention.APPROVAL_VALID_DAYS} days and approves exactly these records and reason.")
    return 0


def cmd_certificate(args: argparse.Namespace) -> int:
    from app.services import retention

    out = _out(args.out)
    with unlock(args) as book:
        retention.certificate(book, args.references, out)
    say(f"Destruction certificate saved to {out}.")
    return 0


def cmd_policy(args: argparse.Namespace) -> int:
    from app.services import retention

    with unlock(args) as book:
        if args.years is None and args.approvers is None:
            policy = retention.policy(book)
        else:
            policy = retention.set_policy(book, years=args.years, approvers=args.approvers)
    say(f"Records are destroyed {policy.years} years after they end, by "
        + ("one person." if policy.approvers == 1 else "two people."))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from app.services import retention

    with unlock(args) as book:
        if args.destroy is not None:
            retention.destroy_external(book, args.destroy)
            say(f"Destroyed the backup {args.destroy}.")
        copies = retention.external_copies(book)
    if args.json:
        emit_json([{"path": str(c.path), "made": c.made, "present": c.present}
                   for c in copies])
        return 0
    if not copies:
        say("No backup written elsewhere holds an identity this casebook no longer holds.")
    _say_external(copies, "identities this casebook no longer holds")
    return 0


# ----- subject access -----------------------------------------------------------------------


def cmd_subject_access(args: argparse.Namespace) -> int:
    from app.cli.report_commands import pdf_password
    from app.documents.protect import LEAVES_CASEBOOK
    from app.services import subject_access

    out = _out(args.out)
    password = pdf_password() if args.protect else None
    with unlock(args) as book:
        if args.named:
            result = subject_access.for_named(book, args.named, args.references, out,
                                              args.reason, password=password)
        else:
            if len(args.references) != 1:
                raise CasebookError("Name the one concern whose raiser asks (its reference), "
                                    "or use --named NAME for a person named in concerns.")
            result = subject_access.for_raiser(book, args.references[0], out, args.reason,
                                               password=password)
    say(f"Subject access PDF saved to {out} ({len(result.references)} concern(s): "
        f"{', '.join(result.references) or 'none mention them'}). Review it before release: "
        "names the casebook does not hold are not masked.")
    say(LEAVES_CASEBOOK)
    return 0


# ----- the parsers ----------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction[Any]) -> None:
    h = sub.add_parser("handover", help="hand concerns to a trusted colleague, or take them in",
                       description="Handing concerns over between casebooks.")
    inner = h.add_subparsers(dest="handover_command", metavar="COMMAND", required=True,
                             parser_class=type(h))

    def add(name: str, handler: Any, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = inner.add_parser(name, help=text, description=text)
        parser.set_defaults(handler=handler)
        return parser

    add("address", cmd_address, "this casebook's handover address (one line) and its "
        "fingerprint")
    p = add("trust", cmd_trust, "trust a colleague's handover address, after comparing its "
            "fingerprint by phone")
    p.add_argument("address", metavar="ADDRESS")
    p.add_argument("--name", required=True, help="the colleague's name")
    p.add_argument("--role", help="their role, e.g. confidential contact")
    p.add_argument("--yes", action="store_true", help="confirm without asking (after "
                   "comparing the fingerprint)")
    p = add("colleagues", cmd_colleagues, "the trusted colleagues")
    p.add_argument("--json", action="store_true")
    p = add("forget", cmd_forget, "stop trusting a colleague")
    p.add_argument("name", metavar="NAME")
    p = add("prefix", cmd_prefix, "show or set the prefix of this casebook's references "
            "(units handing concerns to each other need different ones)")
    p.add_argument("prefix", nargs="?", metavar="PREFIX")
    p = add("consent", cmd_consent, "record the person's consent for their identity to go to "
            "whoever takes over their concern, or to someone named")
    p.add_argument("reference", metavar="REFERENCE")
    p.add_argument("--whoever-takes-over", action="store_true")
    p.add_argument("--with", dest="share_with", metavar="NAME")
    p.add_argument("--how", required=True, help="how they agreed: in conversation, by email")
    p.add_argument("--on", type=_day, help="the date they agreed (default today)")
    p = add("export", cmd_export, "write a handover package for a trusted colleague")
    p.add_argument("references", nargs="+", metavar="REFERENCE")
    p.add_argument("--to", required=True, metavar="NAME", help="the trusted colleague")
    p.add_argument("--out", required=True, type=_path, metavar="FILE")
    p.add_argument("--reason", required=True, help="why the concerns are handed over")
    p.add_argument("--identity", choices=("consented", "none"), default="consented",
                   help="consented (default): each identity only where the person's consent "
                   "covers the colleague; none: no identities")
    p.add_argument("--dry-run", action="store_true", help="show what would go, write nothing")
    p = add("import", cmd_import, "import a handover package from a trusted colleague")
    p.add_argument("file", type=_path, metavar="FILE")
    p.add_argument("--yes", action="store_true", help="import without asking, after reading "
                   "what arrives")
    p.add_argument("--json", action="store_true")
    p = add("status", cmd_status, "what remains before this casebook can be retired")
    p.add_argument("--final-backup-place", type=_path, metavar="DIR",
                   help="set the folder the organisation chose for the final backup")
    p.add_argument("--json", action="store_true")

    r = sub.add_parser("retention", help="records due for destruction, and destroying them",
                       description="Retention and destruction of records.")
    r.add_argument("--due", action="store_true", help="only the records due now")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=cmd_retention)
    rin = r.add_subparsers(dest="retention_command", metavar="COMMAND", parser_class=type(r))

    def radd(name: str, handler: Any, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = rin.add_parser(name, help=text, description=text)
        parser.set_defaults(handler=handler)
        return parser

    p = radd("destroy", cmd_destroy, "destroy records for good (asks for the passphrase again)")
    p.add_argument("references", nargs="+", metavar="REFERENCE")
    p.add_argument("--reason", required=True)
    p.add_argument("--early", action="store_true", help="destroy records not yet due")
    p.add_argument("--approval", type=_path, metavar="FILE",
                   help="a trusted colleague's signed approval (casebook retention approve)")
    p.add_argument("--certificate", type=_path, metavar="FILE",
                   help="also save the destruction certificate (PDF)")
    p.add_argument("--json", action="store_true")
    p = radd("approve", cmd_approve, "as the second person: sign an approval of a colleague's "
             "destruction")
    p.add_argument("references", nargs="+", metavar="REFERENCE")
    p.add_argument("--for", dest="for_colleague", required=True, metavar="NAME",
                   help="the trusted colleague whose casebook holds the records")
    p.add_argument("--reason", required=True, help="their reason, word for word")
    p.add_argument("--out", required=True, type=_path, metavar="FILE")
    p = radd("certificate", cmd_certificate, "the destruction certificate (PDF)")
    p.add_argument("references", nargs="+", metavar="REFERENCE")
    p.add_argument("--out", required=True, type=_path, metavar="FILE")
    p = radd("policy", cmd_policy, "show or set the retention period and who must approve")
    p.add_argument("--years", type=int)
    p.add_argument("--approvers", type=int, choices=(1, 2))
    p = radd("backups", cmd_backups, "backups written elsewhere that still hold identities "
             "this casebook destroyed or handed over")
    p.add_argument("--destroy", type=_path, metavar="PATH", help="destroy one (it must be "
                   "reachable)")
    p.add_argument("--json", action="store_true")

    s = sub.add_parser("subject-access", help="a PDF of what is held about a person (review "
                       "before release)", description="Subject access: everything held about "
                       "the person who raised REFERENCE, or with --named about a person named "
                       "in concerns (all, or the REFERENCEs given), their raisers withheld.")
    s.add_argument("references", nargs="*", metavar="REFERENCE")
    s.add_argument("--named", metavar="NAME", help="a person named in concerns, not their raiser")
    s.add_argument("--out", required=True, type=_path, metavar="FILE")
    s.add_argument("--reason", required=True, help="why (recorded in the audit log)")
    s.add_argument("--protect", action="store_true", help="protect the PDF with a password")
    s.set_defaults(handler=cmd_subject_access)
