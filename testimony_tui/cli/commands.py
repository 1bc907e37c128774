"""The commands: one table from which both the parsers and the dispatch are built."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from . import diff, drafting, reading, serving, writing
from .arguments import PROG, Parser, add_json, add_no_cache, add_paths


@dataclass(frozen=True)
class Command:
    name: str
    description: str
    run: Callable[[argparse.Namespace], int]
    arguments: Callable[[argparse.ArgumentParser], None]
    """Adds the command's own arguments and options."""
    reads: Literal["paths", "own", "nothing"] = "paths"
    """Where its testimonies come from: PATH arguments (and --no-cache), its own options, or none."""


COMMANDS = {
    command.name: command
    for command in (
        Command("list", "One line per testimony.", reading.command_list, reading.list_arguments),
        Command("show", "One whole testimony.", reading.command_show, reading.show_arguments),
        Command(
            "check",
            "Validate testimony files: every problem, and what a draft still lacks, as path:line: severity: message.",
            reading.command_check,
            reading.check_arguments,
        ),
        Command("compare", "Every testimony's answer to one question.", reading.command_compare, reading.compare_arguments),
        Command("questions", "The questionnaire, as derived from the testimonies.", reading.command_questions, add_json),
        Command("search", "Answers matching a query, with snippets.", reading.command_search, reading.search_arguments),
        Command("diff", "What changed between two versions of a testimony, word by word.", diff.command_diff, diff.diff_arguments),
        Command(
            "export",
            "Write testimonies, or every answer to one question, as Markdown, JSON, one HTML page, or a page in the site's layout.",
            writing.command_export,
            writing.export_arguments,
            reads="own",
        ),
        Command(
            "new",
            "Write a draft testimony to fill in: every question of the questionnaire, with hints.",
            drafting.command_new,
            drafting.new_arguments,
            reads="own",
        ),
        Command(
            "sync",
            "Bring the site's current testimonies into your data folder, for offline reading.",
            writing.command_sync,
            writing.sync_arguments,
            reads="nothing",
        ),
        Command(
            "serve",
            "Serve the app to a web browser (each browser tab runs its own copy of the app).",
            serving.command_serve,
            serving.serve_arguments,
        ),
    )
}
DESCRIPTIONS = {name: command.description for name, command in COMMANDS.items()}


def build_command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one command (a parser of its own, so options may come between arguments)."""
    command = COMMANDS[name]
    parser = Parser(prog=f"{PROG} {name}", description=command.description)
    command.arguments(parser)
    if command.reads == "paths":
        add_no_cache(parser)
        add_paths(parser)
    return parser


def commands_help() -> str:
    """The list of commands under the app's own ``--help``."""
    width = max(map(len, COMMANDS))
    lines = [f"  {name:<{width}}  {command.description}" for name, command in COMMANDS.items()]
    return "\n".join(["commands:", *lines, "", f"Run '{PROG} COMMAND --help' for each."])
