"""The app itself, in this terminal or served to web browsers."""

from __future__ import annotations

import argparse
import gc
import os
from pathlib import Path

from ..interrupt import CtrlC
from ..startup import BENCHMARK_VARIABLE
from .arguments import PROG, port_number, sessions_number
from .output import tell
from .reading import check_paths

MAX_SESSIONS = 4
"""Browser tabs ``serve`` runs at once by default: each is an app process of about 45 MB."""
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=port_number, default=8000, help="default: 8000")
    parser.add_argument(
        "--max-sessions",
        type=sessions_number,
        default=MAX_SESSIONS,
        metavar="N",
        help="browser tabs served at once, each its own app process (default: 4); past it a tab is told the server is busy",
    )


def command_serve(args: argparse.Namespace) -> int:
    from .browser import serve

    check_paths(args.paths)
    if args.host not in LOOPBACK:
        tell(
            f"{PROG}: warning: serving on {args.host}: anyone who can reach this address can use the app")
    tell(f"serving on http://{args.host}:{args.port}  (ctrl+c stops)")
    try:
        with CtrlC.as_python_has_it():
            serve(args.paths, host=args.host, port=args.port, use_cache=not args.no_cache, max_sessions=args.max_sessions)
    except OSError as error:
        tell(f"{PROG}: cannot serve on {args.host}:{args.port}: {error.strerror or error}")
        return 1
    return 130  # the server stops only when interrupted (ctrl+c), which exits 130 as everywhere


def app_paths(args: argparse.Namespace) -> list[Path]:
    """What the app reads: the PATHs given, and with ``--with-library`` the default folders too
    (those that exist: one not made yet is no problem), so a draft is read among the others."""
    if not args.with_library:
        return args.paths
    from ..files.locations import default_paths

    return [*args.paths, *(path for path in default_paths(args.config.paths) if path.exists())]


def open_app(args: argparse.Namespace) -> int:
    check_paths(args.paths)
    # What the app's imports make lives as long as the app: the collector need not walk it, neither
    # while importing (11 ms measured) nor with a full pass in the middle of the first frame (13 ms).
    gc.disable()
    try:
        from ..app import make_app
        from ..loading.pool import prepare_workers

        prepare_workers()
        app = make_app(
            app_paths(args),
            config=args.config,
            config_problems=args.config_problems,
            use_cache=not args.no_cache,
            watch=args.watch,
        )
    finally:
        gc.freeze()
        gc.enable()
    with CtrlC.as_python_has_it():
        app.run(headless=bool(os.environ.get(BENCHMARK_VARIABLE)))
    return app.return_code or 0
