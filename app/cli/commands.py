"""The casebook commands: init, demo, check, backup, restore, passphrase, recover, rekey."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from app.cli import prompts
from app.paths import default_casebook_dir, is_casebook
from app.store import check
from app.store.casebook import Casebook
from app.store.encrypted import check_new_passphrase
from app.store.errors import BackupError, CasebookError, NoCasebook


def folder_of(args: argparse.Namespace) -> Path:
    folder: Path | None = args.casebook
    return folder if folder is not None else default_casebook_dir()


def say(message: str) -> None:
    """Messages and progress: stderr, so stdout stays clean for --json."""
    print(message, file=sys.stderr, flush=True)


def emit_json(doc: Any) -> None:
    print(json.dumps(doc, indent=2, sort_keys=True, default=str))


def progress_bar(label: str) -> Any:
    state = {"last": -1.0}

    def report(done: int, total: int) -> None:
        if not sys.stderr.isatty() or total <= 0:
            return
        share = done / total
        if share - state["last"] >= 0.02 or done == total:
            state["last"] = share
            filled = int(share * 30)
            end = "\n" if done == total else ""
            print(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}",
                  end=end, file=sys.stderr, flush=True)

    return report


def unlock(args: argparse.Namespace) -> Casebook:
    from app.services.restore import open_restored

    folder = folder_of(args)
    if not is_casebook(folder):
        raise NoCasebook(folder)
    opened = open_restored(folder, prompts.current_passphrase())
    if opened.older_passphrase:
        say(opened.older_passphrase + " Set the current one here with `casebook passphrase`.")
    return opened.book


# ----- commands --------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    folder = folder_of(args)
    passphrase = prompts.new_passphrase("CASEBOOK_PASSPHRASE")
    book, recovery = Casebook.create(folder, passphrase, organisation=args.organisation.strip(),
                                     unit=args.unit.strip())
    book.close()
    _show_recovery_key(args, folder, recovery, "Casebook created")
    return 0


def _show_recovery_key(args: argparse.Namespace, folder: Path, recovery: str, what: str) -> None:
    if getattr(args, "json", False):
        emit_json({"casebook": str(folder), "recovery_key": recovery})
        return
    say(f"{what} in {folder}.")
    say("Your recovery key is shown once. Print it or write it down, and keep it somewhere "
        "safe and apart from this laptop: with it alone the casebook can be opened if the "
        "passphrase is forgotten.")
    print(recovery)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import add_demo_concerns

    folder = folder_of(args)
    if is_casebook(folder):
        book = Casebook.open(folder, prompts.current_passphrase())
        recovery = None
    else:
        passphrase = prompts.new_passphrase("CASEBOOK_PASSPHRASE")
        book, recovery = Casebook.create(folder, passphrase, organisation=args.organisation,
                                         unit=args.unit)
    try:
        started = time.perf_counter()
        summary = add_demo_concerns(book, args.cases, args.seed, today=date.today(),
                                    on_progress=progress_bar("Adding demo concerns"))
        _demo_letter_contact(book)
    finally:
        book.close()
    say(f"Added {summary.concerns} demo concerns ({summary.conversations} conversations, "
        f"{summary.identities} identities) to {folder} in {time.perf_counter() - started:.1f} s. "
        "All of it is synthetic demo data.")
    if recovery is not None:
        say(f"Demo casebook recovery key: {recovery}")
    return 0


def _demo_letter_contact(book: Casebook) -> None:
    """A made-up named contact for a demo casebook's letters, unless one is set."""
    from app.store import letter_settings

    if not letter_settings.load(book).contact.complete:
        letter_settings.save_contact(book, letter_settings.NamedContact(
            "Demo Contact", "Confidential contact (demo)", "01632 960000",
            "confidential.contact@example.org"))


def cmd_check(args: argparse.Namespace) -> int:
    if args.identity:  # the whole casebook's case text: app/cli/identity_commands.py
        from app.cli.identity_commands import cmd_check_identity

        return cmd_check_identity(args)
    anchors: tuple[check.Anchor, ...] = ()
    if args.anchors is not None:
        from app.services.anchors import read_anchors

        anchors = read_anchors(args.anchors)
    with unlock(args) as book:
        report = check.check(book, anchors)
    if args.json:
        emit_json({"ok": report.ok, "problems": list(report.problems), **report.summary})
    else:
        s = report.summary
        say(f"Casebook {s['casebook']} ({s['organisation']}, {s['reporting_unit']})")
        say(f"  {s['concerns']} concerns ({s['open_concerns']} open), {s['conversations']} "
            f"conversations, {s['identities']} identities, {s['audit_entries']} audit entries")
        say(f"  latest good backup: {s['latest_backup'] or 'none'}")
        if args.anchors is not None:
            say(f"  anchors from the board checked: {s['anchors_checked']}")
        sealed = s.get("escrow")
        say(f"  escrow: {sealed['recipient']} (fingerprint {sealed['fingerprint']})"
            if isinstance(sealed, dict) else "  escrow: none")
        for problem in report.problems:
            say(f"  PROBLEM: {problem}")
        say("  All checks passed." if report.ok else f"  {len(report.problems)} problem(s) found.")
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import make_backup

    with unlock(args) as book:
        result = make_backup(book, args.to, on_progress=progress_bar("Backing up"))
    if args.json:
        emit_json({"path": str(result.path), "concerns": result.concerns, "bytes": result.bytes})
    else:
        say(f"Backup written and verified ({result.concerns} concerns).")
        print(result.path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if args.casebook is None:
        raise CasebookError("Say where to restore to with --casebook DIR (a new or empty folder).")
    target = folder_of(args)
    entry = Path(args.backup).expanduser()
    from app.services.restore import adopt_passphrase, open_restored, restore_backup

    restore_backup(entry, target)
    say(f"Restored {entry.name} into {target}.")
    try:
        passphrase = prompts.current_passphrase()
        opened = open_restored(target, passphrase)
    except prompts.NoTerminal:
        say("Open it with its passphrase, or with `casebook recover` and the recovery key.")
        return 0
    with opened.book as book:
        if opened.older_passphrase:
            say(opened.older_passphrase + " Set the current passphrase here too?")
            if _agreed():
                current = passphrase if opened.with_current else prompts.new_passphrase(
                    "CASEBOOK_NEW_PASSPHRASE")
                adopt_passphrase(book, current)
                say("The restored casebook now opens with the current passphrase.")
        report = check.check(book)
        book.record("backup.restored", "backup", entry.name)
    if not report.ok:
        raise BackupError("The restored casebook did not pass its check: "
                          + "; ".join(report.problems))
    say(f"It opens and passes its check ({report.summary['concerns']} concerns).")
    return 0


def _agreed() -> bool:
    """A yes on the terminal; with none, no (the person can run `casebook passphrase`)."""
    try:
        return prompts.confirm("[y/N] ")
    except prompts.NoTerminal:
        say("No terminal to ask on: set it later with `casebook passphrase`.")
        return False


def cmd_passphrase(args: argparse.Namespace) -> int:
    with unlock(args) as book:
        new = prompts.new_passphrase("CASEBOOK_NEW_PASSPHRASE")
        book.change_passphrase(new)
    say("Passphrase changed. The recovery key is unchanged.")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    folder = folder_of(args)
    if not is_casebook(folder):
        raise NoCasebook(folder)
    if args.escrow_identity is not None:
        opened = _open_with_escrow(folder, args.escrow_identity)
    else:
        opened = Casebook.open_with_recovery_key(folder, prompts.recovery_key())
    with opened as book:
        new = prompts.new_passphrase("CASEBOOK_NEW_PASSPHRASE")
        check_new_passphrase(new)
        book.change_passphrase(new)
        book.record("casebook.recovered", "casebook", book.casebook_id)
    say("The recovery key opened the casebook and a new passphrase is set.")
    return 0


def _open_with_escrow(folder: Path, identity_file: Path) -> Casebook:
    from app.paths import KEYSLOTS
    from app.store import escrow, keyslots

    try:
        identity = identity_file.read_text(encoding="utf-8")
    except OSError as exc:
        raise CasebookError(f"Cannot read {identity_file}: {exc.strerror}.") from exc
    slots = keyslots.load(folder / KEYSLOTS)
    lines = [ln for ln in identity.splitlines() if ln.startswith("AGE-SECRET-KEY-")]
    master = escrow.open_escrow(slots, lines[0] if lines else identity)
    if master is None:
        raise CasebookError("That identity does not open this casebook's escrow slot.")
    return Casebook.open_with_master(folder, master)


def cmd_rekey(args: argparse.Namespace) -> int:
    from app.store.rekey import rekey

    folder = folder_of(args)
    if not is_casebook(folder):
        raise NoCasebook(folder)
    recovery = rekey(folder, prompts.current_passphrase())
    _show_recovery_key(args, folder, recovery, "New keys made")
    say("The old recovery key no longer opens this casebook. Backups made before now stay "
        "under the old keys: they open with the old recovery key or the passphrase they were "
        "made with. Make a fresh backup now.")
    return 0


def cmd_escrow(args: argparse.Namespace) -> int:
    """Escrow to the organisation's recovery recipient (its information governance lead)."""
    from app.services import escrow

    with unlock(args) as book:
        if args.remove:
            escrow.remove(book)
            say("Escrow removed: only the passphrase and the recovery key open this casebook.")
            return 0
        if not args.recipient:
            say(escrow.status(book).description)
            return 0
        plan = escrow.prepare(book, args.recipient)
        say(f"Escrow recipient: {plan.recipient}")
        say(f"Fingerprint:      {plan.fingerprint}")
        say("Read the fingerprint to the organisation's information governance lead and check "
            "it matches theirs: whoever holds this key can open the casebook and read every "
            "name.")
        if not args.yes and not prompts.confirm("Seal the casebook's key to it? [y/N] "):
            say("Nothing was changed.")
            return 1
        escrow.seal(book, plan)
    say("The casebook's key is now also sealed to the organisation's recovery key "
        f"(fingerprint {plan.fingerprint}).")
    return 0


def cmd_version(args: argparse.Namespace) -> int:
    from app import __version__

    print(f"casebook {__version__}")
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    def add(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text,
                                                         description=help_text)
        parser.set_defaults(handler=handler)
        return parser

    p = add("init", cmd_init, "create a new casebook (passphrase from CASEBOOK_PASSPHRASE or "
            "a prompt)")
    p.add_argument("--organisation", default="NHS board", help="the NHS board or HSCP")
    p.add_argument("--unit", default="Reporting unit", help="the reporting unit's name")
    p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = add("demo", cmd_demo, "add synthetic demo concerns (creating the casebook if needed)")
    p.add_argument("--cases", type=_positive, default=120, help="how many concerns (default 120)")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    p.add_argument("--organisation", default="NHS Demo Board")
    p.add_argument("--unit", default="Demo confidential contact")

    p = add("check", cmd_check, "check the casebook's integrity and audit log")
    p.add_argument("--json", action="store_true")
    p.add_argument("--anchors", type=lambda s: Path(s).expanduser(), metavar="FILE",
                   help="also check that the audit log passes through every head the board "
                   "holds (a file from `casebook board anchors`)")
    p.add_argument("--identity", action="store_true",
                   help="instead, scan every piece of case text for identifying text (exit "
                   "status 1 when anything is found)")

    p = add("backup", cmd_backup, "write a verified encrypted backup")
    p.add_argument("--to", type=lambda s: Path(s).expanduser(), metavar="DIR",
                   help="write the backup into DIR (a USB stick, a network share)")
    p.add_argument("--json", action="store_true")

    p = add("restore", cmd_restore, "restore a backup into a new or empty folder (--casebook)")
    p.add_argument("backup", metavar="BACKUP", help="the backup folder")

    add("passphrase", cmd_passphrase, "change the passphrase (new one from "
        "CASEBOOK_NEW_PASSPHRASE or a prompt)")
    p = add("recover", cmd_recover, "set a new passphrase with the recovery key (or the "
            "organisation's escrow identity)")
    p.add_argument("--escrow-identity", type=lambda s: Path(s).expanduser(), metavar="FILE",
                   help="an age identity file held by the information governance lead")
    p = add("rekey", cmd_rekey, "make new keys (suspected compromise or handover)")
    p.add_argument("--json", action="store_true")
    p = add("escrow", cmd_escrow, "seal the casebook's key to the organisation's age recovery "
            "recipient (or --remove)")
    p.add_argument("recipient", nargs="?", metavar="AGE1...",
                   help="the governance lead's age recipient; without it, say what is set")
    p.add_argument("--remove", action="store_true")
    p.add_argument("--yes", action="store_true",
                   help="confirm without asking (after comparing the fingerprint)")
    add("version", cmd_version, "print the version")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1 or value > 200_000:
        raise argparse.ArgumentTypeError("give a number from 1 to 200000")
    return value

