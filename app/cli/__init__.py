"""`casebook`: the desktop app's launcher and its headless commands.

Commands other than launching the app never import Qt, so they run where Qt's
libraries are absent. Machine-readable output (`--json`) goes alone to stdout;
messages and progress go to stderr. A user error is one plain sentence on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.crash import harden_process, report_unexpected, setup_logging

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def _lift_option(argv: Sequence[str], option: str) -> tuple[Path | None, list[str]]:
    """Take `option DIR` (or `option=DIR`) out of the line, wherever it stands."""
    rest: list[str] = []
    folder: Path | None = None
    items = list(argv)
    i = 0
    while i < len(items):
        item = items[i]
        if item == "--":
            rest.extend(items[i:])
            break
        if item == option:
            if i + 1 >= len(items):
                raise UsageError(f"{option} needs a folder")
            folder = Path(items[i + 1]).expanduser()
            i += 2
            continue
        if item.startswith(option + "="):
            folder = Path(item.split("=", 1)[1]).expanduser()
        else:
            rest.append(item)
        i += 1
    return folder, rest


def split_casebook_option(argv: Sequence[str]) -> tuple[Path | None, list[str]]:
    """`--casebook DIR` may stand anywhere on the line: take it out before parsing."""
    return _lift_option(argv, "--casebook")


def split_board_option(argv: Sequence[str]) -> tuple[Path | None, list[str]]:
    """`--board DIR` (the board's store, for `casebook board ...`) may stand anywhere too."""
    return _lift_option(argv, "--board")


# Each module adds its subcommands with `register(subparsers)`; none of them imports Qt.
COMMAND_MODULES = ("app.cli.commands", "app.cli.return_commands", "app.cli.board_commands",
                   "app.cli.import_commands", "app.cli.report_commands",
                   "app.cli.letter_commands",
                   "app.cli.identity_commands",
                   "app.cli.continuity_commands")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = _Parser(prog="casebook", description="An encrypted casebook for whistleblowing "
                     "concerns. Without a command, opens the desktop app.")
    from app import __version__

    parser.add_argument("--version", action="version", version=f"casebook {__version__}")
    parser.add_argument("--casebook", metavar="DIR", help="the casebook folder (anywhere on "
                        "the line; default: your user data folder)")
    parser.add_argument("--board", metavar="DIR", help="the board's store, for `casebook board "
                        "...` (anywhere on the line)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    setup_logging()
    args_in = list(sys.argv[1:] if argv is None else argv)
    try:
        folder, rest = split_casebook_option(args_in)
        board_folder, rest = split_board_option(rest)
        if not rest:  # the desktop app: no command modules, no store, before its window
            return _launch_gui(folder, board_folder)
        parser = build_parser()
        args = parser.parse_args(rest)
    except UsageError as exc:
        print(f"casebook: {exc}. See casebook --help.", file=sys.stderr)
        return EXIT_USAGE
    args.casebook = folder
    args.board = board_folder
    if args.command is None:
        return _launch_gui(folder, board_folder)
    handler: Handler = args.handler
    # The rules and the store load for a command, not for the window.
    from app.core.rules import RuleError
    from app.store.database import DatabaseError
    from app.store.errors import CasebookError

    try:
        return handler(args)
    except (CasebookError, RuleError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERROR
    except DatabaseError as exc:  # damage met while working, or a full disk
        from app.paths import default_casebook_dir
        from app.store.casebook import damage_error

        print(str(damage_error(folder or default_casebook_dir(), exc)), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Cancelled.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # anything unforeseen: a sentence, never a traceback
        print(report_unexpected(exc), file=sys.stderr)
        return EXIT_ERROR


def _launch_gui(folder: Path | None, board: Path | None = None) -> int:
    """The desktop app: the casebook's window, or with `--board DIR` the board's."""
    try:
        from app.ui.main import run, run_board
    except ImportError as exc:
        print("The desktop app cannot start: Qt is not available here "
              f"({exc.name or 'PySide6'} is missing).", file=sys.stderr)
        return EXIT_ERROR
    return run_board(board) if board is not None else run(folder)
