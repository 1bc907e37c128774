"""The commands that write: export (files, never a testimony being read) and sync (the site's set)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.text import showable, strip_controls
from ..formats import FORMATS
from .arguments import (
    PROG,
    CommandError,
    UsageError,
    add_json,
    add_no_cache,
    checked_path_argument,
    checked_source_argument,
)
from .output import ProgressLine, emit, emit_json, tell
from .reading import load, unknown

if TYPE_CHECKING:
    from ..loading.library import Library



def export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slugs", nargs="*", metavar="SLUG", default=[], help="testimonies to export (default: all)")
    parser.add_argument("--format", choices=list(FORMATS), default="markdown", help="default: markdown")
    parser.add_argument("--compare", metavar="QUESTION", help="export every answer to QUESTION instead")
    parser.add_argument("-o", "--output", metavar="PATH", type=checked_path_argument, help="a file, or a folder (default: stdout)")
    parser.add_argument("--force", action="store_true", help="replace an existing output file")
    parser.add_argument(
        "--path",
        dest="paths",
        action="append",
        type=checked_path_argument,
        default=[],
        metavar="PATH",
        help="read the testimonies under PATH (repeatable; default: the bundled, synced and configured ones)",
    )
    add_no_cache(parser)


def sync_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source",
        metavar="SOURCE",
        type=checked_source_argument,
        help="an archive URL (.tar.gz or .zip), a local archive, or a folder (default: the site's repository)",
    )
    add_json(parser)


def command_export(args: argparse.Namespace) -> int:
    from ..formats.export import export_comparison, export_testimonies

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
        (args.output / f"{stem}{FORMATS[args.format]}" if args.output.is_dir() else args.output, text)
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
            raise unknown(library, slug)
        chosen.append(summary)
    return chosen


def _check_targets(paths: Sequence[Path], library: Library, force: bool) -> None:
    """Refuse before writing anything: a source file is never written, an existing file only with
    --force, and never anything but a regular file (a pipe, a device)."""
    from ..files.storage import check_replaceable

    sources = {Path(t.source).resolve() for t in library.every_version}
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
    from ..files.storage import write_atomic

    try:
        write_atomic(path, text, replace=force)
    except FileExistsError:
        raise UsageError(f"{path} exists (use --force to replace it)") from None
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None


def command_sync(args: argparse.Namespace) -> int:
    from ..files.locations import synced_dir
    from ..formats.data import problem_dict
    from ..sync import SyncError, sync

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
                "previous": str(report.previous) if report.previous else None,
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
    tell(report.previous_line)
    tell(report.summary)
    return 0
