"""The contact's return commands: return build, unit-key, settings board-recipient."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.commands import emit_json, say, unlock
from app.core.periods import Period, parse_period
from app.store.errors import CasebookError


def period_argument(text: str) -> Period:
    try:
        return parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def cmd_return_build(args: argparse.Namespace) -> int:
    from app.services.returns import build_return, return_text, send_return

    if not args.preview and args.out is None:
        raise CasebookError("Say where to write the return with --out FILE, or look at it "
                            "first with --preview.")
    with unlock(args) as book:
        payload = build_return(book, args.period, need_board_key=not args.preview)
        if args.preview:
            sys.stdout.write(return_text(payload))
            say(f"This is everything the return for {args.period.label} would send; nothing "
                "was written.")
            return 0
        out: Path = args.out
        send_return(book, payload, out)
    say(f"Return for {args.period.label} written to {out}: signed with this unit's key and "
        "encrypted to the board. Send the file to the board.")
    return 0


def cmd_unit_key(args: argparse.Namespace) -> int:
    from app.returns.signing import fingerprint, public_key_line, public_key_pem, unit_public_key

    with unlock(args) as book:
        raw = unit_public_key(book)
        unit = book.setting("reporting_unit") or ""
        rotated = bool(book.setting("key_rotations"))
    if rotated:
        say("This unit has made new keys (casebook rekey): its next return carries a "
            "statement signed by the old key, and the board takes the new key once it has "
            "read this fingerprint to you by phone (casebook board confirm-key).")
    if args.pem:
        sys.stdout.write(public_key_pem(raw))
        return 0
    print(public_key_line(raw))
    print(fingerprint(raw))
    say(f"The board registers this key for {unit}: casebook board register "
        f"\"{unit}\" {public_key_line(raw)}")
    return 0


def cmd_board_recipient_setting(args: argparse.Namespace) -> int:
    from app.returns.envelope import set_board_recipient
    from app.returns.signing import recipient_fingerprint

    with unlock(args) as book:
        if args.recipient is None:
            current = book.setting("board_recipient")
            if not current:
                raise CasebookError("No board recipient is set yet: casebook settings "
                                    "board-recipient AGE1...")
        else:
            current = set_board_recipient(book, args.recipient)
    if args.json:
        emit_json({"board_recipient": current, "fingerprint": recipient_fingerprint(current)})
        return 0
    print(current)
    print(recipient_fingerprint(current))
    if args.recipient is not None:
        say("Returns will be encrypted to this board recipient. Check the fingerprint with "
            "the board (casebook board recipient shows the same one).")
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:
    p = sub.add_parser("return", help="the anonymised return to the board",
                       description="The anonymised return to the board.")
    inner = p.add_subparsers(dest="return_command", metavar="COMMAND", required=True,
                             parser_class=type(p))
    b = inner.add_parser("build", help="build the signed, encrypted return for a period",
                         description="Build the return for a period: signed with the unit's "
                         "key and encrypted to the board's recipient.")
    b.add_argument("--period", type=period_argument, required=True,
                   help="a financial year like 2025-26 or a quarter like 2025-26-Q1")
    b.add_argument("--out", type=lambda s: Path(s).expanduser(), metavar="FILE",
                   help="where to write the return file")
    b.add_argument("--preview", action="store_true",
                   help="print the exact payload that would be sent, and write nothing")
    b.set_defaults(handler=cmd_return_build)

    k = sub.add_parser("unit-key", help="print the unit's public signing key for the board",
                       description="The unit's public key: one line of base64, then its "
                       "fingerprint. The board registers it.")
    k.add_argument("--pem", action="store_true", help="print it as PEM, for openssl")
    k.set_defaults(handler=cmd_unit_key)

    s = sub.add_parser("settings", help="casebook settings for returns",
                       description="Casebook settings for returns.")
    settings = s.add_subparsers(dest="settings_command", metavar="SETTING", required=True,
                                parser_class=type(s))
    r = settings.add_parser("board-recipient", help="the board's age recipient returns are "
                            "encrypted to (shown, or set when given)")
    r.add_argument("recipient", nargs="?", metavar="AGE1...")
    r.add_argument("--json", action="store_true")
    r.set_defaults(handler=cmd_board_recipient_setting)
    from app.cli.letter_commands import register_settings

    register_settings(settings)
