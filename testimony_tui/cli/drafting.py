"""``new``: a draft testimony to fill in, from the questionnaire of the testimonies read."""

from __future__ import annotations

import argparse
import shlex
import sys

from ..core.text import showable
from .arguments import PROG, UsageError, add_no_cache, add_path_option, checked_output_argument
from .output import tell
from .reading import load
from .writing import _check_targets, _write


def new_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", nargs="?", type=checked_output_argument, metavar="FILE", help="where to write the draft (default: stdout)"
    )
    parser.add_argument("--force", action="store_true", help="replace an existing FILE")
    add_path_option(parser)
    add_no_cache(parser)


def command_new(args: argparse.Namespace) -> int:
    from ..formats.template import draft_template

    library = load(args)
    testimonies = [testimony for testimony in library.full(library.testimonies) if testimony.is_testimony]
    if not testimonies:
        raise UsageError("no testimonies to take the questions from")
    text = draft_template(testimonies, library.questionnaire)
    if args.file is None:
        sys.stdout.write(text)
        return 0
    _check_targets([args.file], library, args.force)
    _write(args.file, text, args.force)
    tell(next_steps(showable(args.file), showable(args.file.stem)))
    return 0


def next_steps(file: str, slug: str) -> str:
    """What the author does with the draft written to ``file``."""
    file, slug = shlex.quote(file), shlex.quote(slug)  # commands to paste into a shell as they are
    steps = [
        (f"{PROG} --watch --with-library {file}", "to see it among the others as the reader shows it, each time you save"),
        (f"{PROG} check {file}", "to list what is still unanswered"),
        (f"{PROG} export {slug} --format site --path {file}", "to make the site's page of it"),
    ]
    width = max(len(command) for command, _ in steps)
    lines = [f"  {command:<{width}}  {why}" for command, why in steps]
    return "\n".join([f"wrote {file}: write your answers under its questions, then", *lines])
