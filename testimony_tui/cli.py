"""The command line: ``testimony-tui [PATHS...]`` opens the app; subcommands script the library.

Imports of the app and of the parsers happen inside the commands that need them, so ``--help``
and ``--version`` answer at once.
"""

from __future__ import annotations

import argparse
import errno
import gc
import os
import shutil
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from . import __version__
from .text import showable, strip_controls
from .words import counted

FORMATS = ("markdown", "json", "html")

if TYPE_CHECKING:
    from .library import Library

PROG = "testimony-tui"


class UsageError(Exception):
    """A bad command line: reported in one line, exit code 2."""


class CommandError(Exception):
    """A failed operation (a file that cannot be written): reported in one line, exit code 1."""


class _Parser(argparse.ArgumentParser):
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


def _path(text: str) -> Path:
    """A PATH argument, refused at once when no file can have it or it cannot be looked at."""
    from .locations import checked_path

    try:
        return checked_path(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error}") from None


def _source(text: str) -> str:
    from .locations import checked_source

    try:
        return checked_source(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: {error}") from None


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=_path,
        default=[],  # optional: argparse would otherwise name PATH among the missing arguments
        metavar="PATH",
        help="testimony files or folders (default: the bundled, synced and $TESTIMONY_TUI_PATH ones)",
    )


def _add_no_cache(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-cache", action="store_true", help="parse every file again, without the parse cache")


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Read eventlet migration testimonies. Without a command, opens the reader.",
        epilog=_commands_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the list of commands keeps its lines
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload files when they change on disk (for authors previewing a draft)",
    )
    _add_no_cache(parser)
    _add_paths(parser)
    return parser


def build_command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of one subcommand (separate parsers, so options may come between arguments)."""
    parser = _Parser(prog=f"{PROG} {command}", description=DESCRIPTIONS[command])
    if command == "list":
        parser.add_argument("--filter", metavar="QUERY", default="", help="only testimonies matching QUERY")
        _add_json(parser)
    elif command == "show":
        parser.add_argument("slug", metavar="SLUG", help="the testimony's name (its file name without extension)")
        output = parser.add_mutually_exclusive_group()
        _add_json(output)
        output.add_argument("--markdown", action="store_true", help="print it in the Markdown testimony format")
    elif command == "compare":
        parser.add_argument("question", metavar="QUESTION", help="any wording of a question (see 'questions')")
        parser.add_argument("--filter", metavar="QUERY", default="", help="only testimonies matching QUERY")
        _add_json(parser)
    elif command == "questions":
        _add_json(parser)
    elif command == "search":
        parser.add_argument("query", metavar="QUERY", help='words, "phrases", project:, author:, org:, keyword:, -not')
        _add_json(parser)
    elif command == "export":
        parser.add_argument("slugs", nargs="*", metavar="SLUG", default=[], help="testimonies to export (default: all)")
        parser.add_argument("--format", choices=FORMATS, default="markdown", help="default: markdown")
        parser.add_argument("--compare", metavar="QUESTION", help="export every answer to QUESTION instead")
        parser.add_argument("-o", "--output", metavar="PATH", type=_path, help="a file, or a folder (default: stdout)")
        parser.add_argument("--force", action="store_true", help="replace an existing output file")
        parser.add_argument(
            "--path",
            dest="paths",
            action="append",
            type=_path,
            default=[],
            metavar="PATH",
            help="read the testimonies under PATH (repeatable; default: the bundled, synced and configured ones)",
        )
        _add_no_cache(parser)
        return parser
    elif command == "sync":
        parser.add_argument(
            "--from",
            dest="source",
            metavar="SOURCE",
            type=_source,
            help="an archive URL (.tar.gz or .zip), a local archive, or a folder (default: the site's repository)",
        )
        _add_json(parser)
        return parser
    elif command == "serve":
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
        parser.add_argument("--port", type=_port, default=8000, help="default: 8000")
        parser.add_argument(
            "--max-sessions",
            type=_positive,
            default=MAX_SESSIONS,
            metavar="N",
            help="browser tabs served at once, each its own app process (default: 4); past it a tab is told the server is busy",
        )
    elif command == "check":
        parser.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
        _add_json(parser)
    _add_no_cache(parser)
    _add_paths(parser)
    return parser


DESCRIPTIONS = {
    "list": "One line per testimony.",
    "show": "One whole testimony.",
    "check": "Validate testimony files: every problem as path:line: severity: message.",
    "compare": "Every testimony's answer to one question.",
    "questions": "The questionnaire, as derived from the testimonies.",
    "search": "Answers matching a query, with snippets.",
    "export": "Write testimonies, or every answer to one question, as Markdown, JSON or one HTML page.",
    "sync": "Bring the site's current testimonies into your data folder, for offline reading.",
    "serve": "Serve the app to a web browser (each browser tab runs its own copy of the app).",
}


COMMANDS = frozenset(DESCRIPTIONS)


def _commands_help() -> str:
    width = max(map(len, DESCRIPTIONS))
    lines = [f"  {name:<{width}}  {description}" for name, description in DESCRIPTIONS.items()]
    return "\n".join(["commands:", *lines, "", f"Run '{PROG} COMMAND --help' for each."])


def load(args: argparse.Namespace) -> Library:
    """The library for a command: the given paths (which must exist) or the defaults."""
    from .library import load_library
    from .loader import open_cache
    from .locations import bundled_data_dir, default_paths

    cache = open_cache(args.config.cache and not args.no_cache)
    if args.paths:
        _check_paths(args.paths)
        return load_library(args.paths, explicit=True, cache=cache)
    return load_library(default_paths(args.config.paths), fallback=[bundled_data_dir()], cache=cache)


def _add_config(args: argparse.Namespace, *, warn: bool) -> None:
    """The config file's settings; commands print its warnings, the app shows them itself."""
    from .config import load_config
    from .locations import PATH_VARIABLE, config_file, read_path_variable
    from .model import Problem

    args.config, args.config_problems = load_config(config_file())
    args.config_problems += [Problem(PATH_VARIABLE, None, "warning", text) for text in read_path_variable()[1]]
    if warn:
        for problem in args.config_problems:
            tell(f"{PROG}: {strip_controls(str(problem))}")


def _check_paths(paths: Sequence[Path]) -> None:
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {showable(missing[0])}")


def tell(text: str = "", end: str = "\n") -> None:
    """Say something on standard error; a message that cannot be written (``2>/dev/full``) does
    not stop the command, whose output and exit code are what scripts rely on."""
    try:
        sys.stderr.write(text + end)
        sys.stderr.flush()
    except OSError:
        _drop_stream(sys.stderr)


def emit(text: str = "") -> None:
    """Print human output; file names and anything else from disk lose their control codes."""
    print(strip_controls(text))


def emit_json(data: object) -> None:
    from .serialize import dumps

    print(dumps(data))


def command_list(args: argparse.Namespace) -> int:
    from .serialize import testimony_dict

    library = load(args)
    testimonies = library.filter(args.filter)
    if args.json:
        emit_json([testimony_dict(testimony, sections=False) for testimony in testimonies])
        return 0
    rows = [(t.author, t.project, t.organization, t.slug) for t in testimonies]
    if not rows:
        tell("no testimony matches" + (f" '{args.filter}'" if args.filter else ""))
        return 0
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        emit("  ".join(value.ljust(width) for value, width in zip(row[:3], widths, strict=True)) + "  " + row[3])
    return 0


def command_show(args: argparse.Namespace) -> int:
    library = load(args)
    testimony = library.get(args.slug)
    if testimony is None:
        raise _unknown(library, args.slug)
    if args.json:
        from .serialize import testimony_dict

        emit_json(testimony_dict(testimony))
    elif args.markdown:
        from .markdown import testimony_markdown

        sys.stdout.write(testimony_markdown(testimony))
    else:
        from .plain import testimony_text

        sys.stdout.write(strip_controls(testimony_text(testimony, _width())))
    return 0


def command_check(args: argparse.Namespace) -> int:
    from .model import tally
    from .serialize import problem_dict

    library = load(args)
    problems = library.problems
    if args.json:
        emit_json([problem_dict(problem) for problem in problems])
    else:
        for problem in problems:
            emit(str(problem))
        testimonies = counted(len(library.testimonies), "testimony", "testimonies")
        tell(f"{counted(library.files, 'file')}, {testimonies}: {tally(problems)}")
    if library.errors:
        return 1
    return 1 if args.strict and problems else 0


def command_compare(args: argparse.Namespace) -> int:
    from .plain import blocks_text

    library = load(args)
    questionnaire = library.questionnaire
    question = questionnaire.find(args.question)
    if question is None:
        raise UsageError(f"no question like '{args.question}' (see '{PROG} questions')")
    comparison = questionnaire.compare(question, library.full(library.filter(args.filter)))
    if args.json:
        from .export import comparison_dict

        emit_json(comparison_dict(comparison))
        return 0
    width = _width()
    emit(question.label)
    for answer in comparison.answers:
        emit()
        emit(f"== {answer.testimony.author}" + (f" ({answer.testimony.project})" if answer.testimony.project else ""))
        if answer.entry.question != question.label:
            emit(f"   asked as: {answer.entry.question}")
        for line in blocks_text(answer.entry.answer.blocks, width, "   "):
            emit(line)
    if comparison.unanswered:
        emit()
        emit("Not answered by: " + ", ".join(testimony.author for testimony in comparison.unanswered))
    return 0


def command_questions(args: argparse.Namespace) -> int:
    library = load(args)
    questionnaire = library.questionnaire
    rows = list(zip(questionnaire.questions, questionnaire.answered_counts(library.testimonies), strict=True))
    if args.json:
        emit_json([{"question": q.label, "wordings": list(q.wordings), "answers": n} for q, n in rows])
    else:
        for question, answered in rows:
            emit(f"{answered:3}  {question.label}")
    return 0


def command_search(args: argparse.Namespace) -> int:
    library = load(args)
    hits = library.search(args.query)
    if args.json:
        emit_json(
            [
                {"slug": h.slug, "section": h.section, "question": h.question, "snippet": h.snippet}
                for h in hits
            ]
        )
        return 0
    for hit in hits:
        emit(f"{hit.author} · {hit.section} · {hit.question}")
        emit(f"    {hit.snippet}")
    tell(counted(len(hits), "answer matches", "answers match"))
    return 0


def command_export(args: argparse.Namespace) -> int:
    from .export import SUFFIXES, export_comparison, export_testimonies

    library = load(args)
    if args.compare:
        if args.slugs:
            raise UsageError("give either SLUGs or --compare, not both")
        question = library.questionnaire.find(args.compare)
        if question is None:
            raise UsageError(f"no question like '{args.compare}' (see '{PROG} questions')")
        comparison = library.questionnaire.compare(question, library.full(library.testimonies))
        outputs = [(comparison.slug, export_comparison(comparison, args.format))]
    else:
        testimonies = list(library.full(_chosen(library, args.slugs)))
        if not testimonies:
            raise UsageError("no testimonies to export")
        if args.format == "markdown":
            # The Markdown testimony format holds one testimony per file.
            outputs = [(t.slug, export_testimonies([t], args.format)) for t in testimonies]
        else:
            stem = testimonies[0].slug if len(testimonies) == 1 else "testimonies"
            outputs = [(stem, export_testimonies(testimonies, args.format))]
    if args.output is None:
        sys.stdout.write("\n".join(text for _, text in outputs))
        return 0
    if len(outputs) > 1 and not args.output.is_dir():
        raise UsageError("Markdown holds one testimony per file: give -o a folder, or one SLUG")
    targets = [
        (args.output / f"{stem}{SUFFIXES[args.format]}" if args.output.is_dir() else args.output, text)
        for stem, text in outputs
    ]
    _check_targets([path for path, _ in targets], library, args.force)
    for path, text in targets:
        _write(path, text, args.force)
        tell(f"wrote {showable(path)}")
    return 0


def _chosen(library: Library, slugs: Sequence[str]) -> list:
    if not slugs:
        return list(library.testimonies)
    chosen = []
    for slug in slugs:
        summary = library.summary(slug)
        if summary is None:
            raise _unknown(library, slug)
        chosen.append(summary)
    return chosen


def _unknown(library: Library, slug: str) -> UsageError:
    """No testimony is named ``slug``: say which ones come close, if any do."""
    similar = [f"'{showable(name)}'" for name in library.similar(slug)]
    if not similar:
        hint = f"see '{PROG} list'"
    elif len(similar) == 1:
        hint = f"did you mean {similar[0]}?"
    else:
        hint = f"did you mean {', '.join(similar[:-1])} or {similar[-1]}?"
    return UsageError(f"no testimony named '{showable(slug)}' ({hint})")


def _check_targets(paths: Sequence[Path], library: Library, force: bool) -> None:
    """Refuse before writing anything: a source file is never written, an existing file only with
    --force, and never anything but a regular file (a pipe, a device)."""
    from .storage import check_replaceable

    sources = {Path(t.source).resolve() for t in library.testimonies}
    for path in paths:
        try:
            check_replaceable(path)
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
        if path.resolve() in sources:
            raise UsageError(f"{path} is a testimony file being read; choose another output")
        if path.exists() and not force:
            raise UsageError(f"{path} exists (use --force to replace it)")


def _write(path: Path, text: str, force: bool) -> None:
    from .storage import write_atomic

    try:
        write_atomic(path, text, replace=force)
    except FileExistsError:
        raise UsageError(f"{path} exists (use --force to replace it)") from None
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None


def command_sync(args: argparse.Namespace) -> int:
    from .locations import synced_dir
    from .serialize import problem_dict
    from .sync import SyncError, sync

    source = args.source or args.config.sync_source
    tell(f"syncing from {showable(source)}")
    progress = ProgressLine()
    try:
        report = sync(source, synced_dir(), progress)
    except SyncError as error:
        progress.finish()
        tell(f"{PROG}: sync failed: {strip_controls(str(error))}; your copy is unchanged")
        return 1
    if args.json:
        emit_json(
            {
                "target": str(report.target),
                "testimonies": report.testimonies,
                "new": list(report.new),
                "changed": list(report.changed),
                "removed": list(report.removed),
                "unchanged": report.unchanged,
                "problems": [problem_dict(problem) for problem in report.problems],
            }
        )
        return 0
    progress.finish()
    for label, names in (("new", report.new), ("changed", report.changed), ("removed", report.removed)):
        for name in names:
            emit(f"{label:8} {name}")
    for problem in report.problems:
        emit(str(problem))
    tell(report.summary)
    return 0


class ProgressLine:
    """Sync progress on standard error: one line redrawn in a terminal, stage changes otherwise."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if self.live:
            amount = f"{done:,} of {total:,}" if total else f"{done:,}"
            unit = " bytes" if stage == "downloading" else ""
            tell(f"\r\x1b[K{stage} {amount}{unit}", end="")
            if total and done >= total:
                tell()
        elif stage != self.stage:
            tell(f"{stage}…")
        self.stage = stage

    def finish(self) -> None:
        if self.live and self.stage:
            tell("\r\x1b[K", end="")


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}")
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) <= 1000:
        raise argparse.ArgumentTypeError(f"not a number from 1 to 1000: {text!r}")
    return int(text)


MAX_SESSIONS = 4
"""Browser tabs ``serve`` runs at once by default: each is an app process of about 45 MB."""
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def command_serve(args: argparse.Namespace) -> int:
    from .web import serve

    _check_paths(args.paths)
    if args.host not in LOOPBACK:
        tell(
            f"{PROG}: warning: serving on {args.host}: anyone who can reach this address can use the app")
    tell(f"serving on http://{args.host}:{args.port}  (ctrl+c stops)")
    try:
        serve(args.paths, host=args.host, port=args.port, use_cache=not args.no_cache, max_sessions=args.max_sessions)
    except OSError as error:
        tell(f"{PROG}: cannot serve on {args.host}:{args.port}: {error.strerror or error}")
        return 1
    return 130  # the server stops only when interrupted (ctrl+c), which exits 130 as everywhere


def _width() -> int:
    return min(shutil.get_terminal_size((80, 24)).columns, 100)


def open_app(args: argparse.Namespace) -> int:
    _check_paths(args.paths)
    # What the app's imports make lives as long as the app: the collector need not walk it, neither
    # while importing (11 ms measured) nor with a full pass in the middle of the first frame (13 ms).
    gc.disable()
    try:
        from .app import make_app
        from .workers import prepare_workers

        prepare_workers()
        app = make_app(
            args.paths,
            config=args.config,
            config_problems=args.config_problems,
            use_cache=not args.no_cache,
            watch=args.watch,
        )
    finally:
        gc.freeze()
        gc.enable()
    app.run(headless=bool(os.environ.get(app.BENCHMARK_VARIABLE)))
    return app.return_code or 0


HANDLERS = {
    "list": command_list,
    "show": command_show,
    "check": command_check,
    "compare": command_compare,
    "questions": command_questions,
    "search": command_search,
    "export": command_export,
    "sync": command_sync,
    "serve": command_serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = build_command_parser(argv[0]).parse(argv[1:])
            handler = HANDLERS[argv[0]]
        else:
            args = build_parser().parse(argv)
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


def run() -> NoReturn:
    """The console script: exit codes for scripts, and no traceback for ctrl+c or for output that
    cannot be written: a closed pipe (say, `| head -1`) ends quietly, a full disk in one line."""
    try:
        code = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # The reader is gone: end quietly with the status of a process killed by SIGPIPE, as
        # `seq 100000 | head -1` does, so `set -o pipefail` still sees that the output was cut.
        _drop_stream(sys.stdout)
        code = 128 + signal.SIGPIPE
    except OSError as error:
        if error.errno not in OUTPUT_ERRORS:
            raise
        _drop_stream(sys.stdout)
        tell(f"{PROG}: cannot write output: {error.strerror}")
        code = 1
    sys.exit(code)


def _drop_stream(stream: TextIO) -> None:
    """Send what is still buffered for ``stream`` nowhere, so exiting does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())
    os.close(devnull)
