"""The command line's grammar: options and arguments in any order, values checked as they are read,
and every mistake a one-line :class:`UsageError` (exit 2)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .. import __version__

PROG = "testimony-tui"


class UsageError(Exception):
    """A bad command line: reported in one line, exit code 2."""


class CommandError(Exception):
    """A failed operation (a file that cannot be written): reported in one line, exit code 1."""


class Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs) -> None:
        # No abbreviations: "-how" or "--js" is a query or a name, never "-h ow" or "--json".
        super().__init__(allow_abbrev=False, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def _print_message(self, message: str, file=None) -> None:
        # argparse ignores a failed write (help to a full disk would exit 0 with nothing written):
        # let it reach ``run``, which reports it like any other output.
        if message:
            file = file or sys.stdout
            file.write(message)
            file.flush()

    def parse(self, argv: Sequence[str]) -> argparse.Namespace:
        """Options and arguments in any order: a word that is not one of the command's options is
        an argument wherever it stands (the query "-asyncio", a testimony named "-x"), except a
        "--word", most likely a mistyped option and reported as one (``-- --word`` for the name)."""
        options, arguments = self.split(argv)
        return self.parse_args(options + ["--", *arguments] if arguments else options)

    def split(self, argv: Sequence[str]) -> tuple[list[str], list[str]]:
        """The options (each with its value, as ``--filter=-asyncio``) and the arguments of ``argv``;
        ``--`` ends the options."""
        options: list[str] = []
        arguments: list[str] = []
        index = 0
        while index < len(argv):
            arg = argv[index]
            index += 1
            if arg == "--":
                arguments.extend(argv[index:])
                break
            action = self._option_action(arg)
            if action is None and not arg.startswith("--"):
                arguments.append(arg)
                continue
            if action is not None and action.nargs is None and arg in action.option_strings and index < len(argv):
                value = argv[index]
                # A value that is an option is not taken: argparse then says "expected one argument".
                if value != "--" and self._option_action(value) is None:
                    arg = f"{arg}={value}"
                    index += 1
            options.append(arg)
        return options, arguments

    def _option_action(self, arg: str) -> argparse.Action | None:
        """The option ``arg`` is (``--opt``, ``--opt=value``, ``-ovalue``), or None for an argument."""
        if not arg.startswith("-") or arg == "-":
            return None
        name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
        action = self._option_string_actions.get(name)
        if action is not None and name != arg and action.nargs == 0 and not arg.startswith("--"):
            return None  # "-how" is a word, not "-h" given "ow": a flag takes no value
        return action


def checked_path_argument(text: str) -> Path:
    """A PATH argument, refused at once when no file can have it or it cannot be looked at."""
    from ..files.locations import checked_path

    try:
        return checked_path(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error}") from None


def checked_output_argument(text: str) -> Path:
    """An output PATH: as a PATH argument, and one written as a folder ("out/") must be one: a
    file named "out" would be written instead, in a folder the user did not mean."""
    path = checked_path_argument(text)
    if text.endswith(("/", os.sep)) and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text!r}: no such folder (make it first, or give a file name)")
    return path


def checked_source_argument(text: str) -> str:
    from ..files.locations import checked_source

    try:
        return checked_source(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error}") from None


def add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=checked_path_argument,
        default=[],  # optional: argparse would otherwise name PATH among the missing arguments
        metavar="PATH",
        help="testimony files or folders (default: the bundled, synced and $TESTIMONY_TUI_PATH ones)",
    )


def add_path_option(parser: argparse.ArgumentParser) -> None:
    """``--path PATH``, repeatable: for a command whose arguments are not paths (``new``, ``export``)."""
    parser.add_argument(
        "--path",
        dest="paths",
        action="append",
        type=checked_path_argument,
        default=[],
        metavar="PATH",
        help="read the testimonies under PATH (repeatable; default: the bundled, synced and configured ones)",
    )


def add_no_cache(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true", help="parse every file again, without the parse cache")


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def port_number(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}")
    return int(text)


def sessions_number(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) <= 1000:
        raise argparse.ArgumentTypeError(f"not a number from 1 to 1000: {text!r}")
    return int(text)


def build_parser(epilog: str) -> argparse.ArgumentParser:
    """The parser of the app's own command line (``epilog``: the list of commands)."""
    parser = Parser(
        prog=PROG,
        description="Read eventlet migration testimonies. Without a command, opens the reader.",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the list of commands keeps its lines
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload files when they change on disk (for authors previewing a draft)",
    )
    parser.add_argument(
        "--with-library",
        action="store_true",
        help="read the default folders too (bundled, synced, configured): a draft among the others, to compare",
    )
    add_no_cache(parser)
    add_paths(parser)
    return parser
