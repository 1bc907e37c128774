"""The command line: ``testimony-tui [PATHS...]`` opens the app; commands script the library.

``arguments`` is the grammar, ``commands`` the table of commands, ``reading``, ``writing`` and
``serving`` what they do, ``output`` how they print. The app and the parsers are imported inside
the commands that need them, so ``--help`` and ``--version`` answer at once.
"""

from __future__ import annotations

import argparse
import errno
import signal
import sys
from collections.abc import Sequence

from ..core.text import strip_controls
from .arguments import PROG, CommandError, UsageError, build_parser
from .commands import COMMANDS, DESCRIPTIONS, build_command_parser, commands_help
from .output import drop_stream, tell
from .serving import open_app

__all__ = ["DESCRIPTIONS", "main", "run"]


def _add_config(args: argparse.Namespace, *, warn: bool) -> None:
    """The config file's settings; commands print its warnings, the app shows them itself."""
    from ..core.model import Problem
    from ..files.config import load_config
    from ..files.locations import PATH_VARIABLE, config_file, read_path_variable

    args.config, args.config_problems = load_config(config_file())
    args.config_problems += [Problem(PATH_VARIABLE, None, "warning", text) for text in read_path_variable()[1]]
    if warn:
        for problem in args.config_problems:
            tell(f"{PROG}: {strip_controls(str(problem))}")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = build_command_parser(argv[0]).parse(argv[1:])
            handler = COMMANDS[argv[0]].run
        else:
            args = build_parser(commands_help()).parse(argv)
            handler = open_app
        _add_config(args, warn=handler is not open_app)
        return handler(args)
    except UsageError as error:
        tell(f"{PROG}: error: {error}")
        return 2
    except CommandError as error:
        tell(f"{PROG}: error: {error}")
        return 1


OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""What writing standard output can fail with (``> /dev/full``); files the commands write
themselves are reported where they are written, so these reaching ``run`` are the output's."""


def run() -> int:
    """The console script's exit status, for scripts, and no traceback for output that cannot be
    written: a closed pipe (say, `| head -1`) ends quietly, a full disk in one line. (ctrl+c is
    ``__main__``'s.)"""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader is gone: end quietly with the status of a process killed by SIGPIPE, as
        # `seq 100000 | head -1` does, so `set -o pipefail` still sees that the output was cut.
        drop_stream(sys.stdout)
        status = 128 + signal.SIGPIPE
    except OSError as error:
        if error.errno not in OUTPUT_ERRORS:
            raise
        drop_stream(sys.stdout)
        tell(f"{PROG}: cannot write output: {error.strerror or error}")
        status = 1
    return status
