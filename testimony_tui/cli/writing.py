"""The commands that write: export (files, never a testimony being read) and sync (the site's set)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.text import counted, showable, strip_controls
from ..formats import FORMATS
from .arguments import (
    PROG,
    CommandError,
    UsageError,
    add_json,
    add_no_cache,
    add_path_option,
    checked_output_argument,
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
    parser.add_argument("-o", "--output", metavar="PATH", type=checked_output_argument, help="a file, or a folder (default: stdout)")
    parser.add_argument("--force", action="store_true", help="replace an existing output file (or index card)")
    parser.add_argument(
        "--index",
        metavar="FILE",
        type=checked_path_argument,
        help="with --format site: add the index card to FILE (the site's testimonials.md) instead of printing it",
    )
    add_path_option(parser)
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

    if args.index is not None and args.format != "site":
        raise UsageError("--index is for --format site")
    if args.compare and args.format == "site":
        raise UsageError("--compare has no site page: choose another --format")
    library = load(args)
    if args.format == "site":
        return _export_site(args, library)
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


def _export_site(args: argparse.Namespace, library: Library) -> int:
    """One page per testimony (stdout, -o FILE or -o DIR), and its index card: printed (where the
    page is not), or inserted into --index FILE. Everything is checked before anything is written."""
    from ..formats.site import NotPublishable, site_page
    from ..formats.site_index import index_card

    testimonies = list(library.full(_chosen(library, args.slugs)))
    if len(testimonies) > 1 and (args.output is None or not args.output.is_dir()):
        raise UsageError("a site page holds one testimony: give -o a folder, or one SLUG")
    try:
        pages = [(testimony, site_page(testimony)) for testimony in testimonies]
        cards = "".join(index_card(testimony) for testimony in testimonies)
    except NotPublishable as error:
        raise UsageError(str(error)) from None
    index = None
    if args.index is not None:
        if args.index.is_symlink():  # replacing it would put a file where the link was
            raise CommandError(f"cannot write {showable(args.index)}: it is a link; give the file it leads to")
        if _real(args.index) in {_real(Path(t.source)) for t in library.every_version}:
            raise UsageError(f"{showable(args.index)} is a testimony file being read, not the index page")
        index = _with_cards(args.index, testimonies, args.force)
    targets = []
    if args.output is not None:
        targets = [(args.output / f"{t.slug}.md" if args.output.is_dir() else args.output, page.text) for t, page in pages]
        if args.index is not None and any(_real(path) == _real(args.index) for path, _ in targets):
            raise UsageError("-o and --index name the same file")
        _check_targets([path for path, _ in targets], library, args.force)
    for path, text in targets:
        _write(path, text, args.force)
        tell(f"wrote {showable(path)}")
    if args.output is None:
        sys.stdout.write(pages[0][1].text)
    for testimony, page in pages:
        if page.left_out:
            tell(f"{showable(testimony.slug)}: left out {counted(page.left_out, 'unanswered question')}")
        # The page and its card show this picture, which a new author's pull request must add.
        tell(f"{showable(testimony.slug)}: the page and its card show images/testimonials/{showable(testimony.slug)}.jpg (add it if new)")
    if index is not None:
        _write(args.index, index, True)
        for testimony in testimonies:
            tell(f"added the card for {showable(testimony.slug)} to {showable(args.index)}")
    elif args.output is None:
        tell("Paste this card among the cards of guide/testimonials.md (alphabetically by name):")
        tell(cards, end="")
    else:
        sys.stdout.write(cards)
    return 0


def _with_cards(path: Path, testimonies: Sequence, force: bool) -> str:
    """The index page ``path`` with the testimonies' cards in it; refused (nothing written) when
    it cannot be read or has no cards, or holds a card for one of them already (unless ``force``)."""
    from ..files.storage import read_bounded
    from ..formats.site_index import MAX_INDEX_BYTES, CardError, insert_card

    try:
        index = read_bounded(path, MAX_INDEX_BYTES)
    except OSError as error:
        raise CommandError(f"cannot read {showable(path)}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise CommandError(f"cannot read {showable(path)}: it is not UTF-8 text") from None
    try:
        for testimony in testimonies:
            index = insert_card(index, testimony, replace=force)
    except CardError as error:
        raise UsageError(f"cannot add the card to {showable(path)}: {error}") from None
    return index


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

    sources = {_real(Path(t.source)) for t in library.every_version}
    for path in paths:
        try:
            check_replaceable(path)
        except OSError as error:
            raise CommandError(f"cannot write {showable(path)}: {error.strerror or error}") from None
        if _real(path) in sources:
            raise UsageError(f"{showable(path)} is a testimony file being read; choose another output")
        if os.path.lexists(path) and not force:  # a link counts, even one that leads nowhere
            raise UsageError(f"{showable(path)} exists (use --force to replace it)")


def _real(path: Path) -> str:
    """Where ``path`` leads, links followed (a link that goes in circles: as far as it goes)."""
    return os.path.realpath(path)


def _write(path: Path, text: str, force: bool) -> None:
    from ..files.storage import write_atomic

    try:
        write_atomic(path, text, replace=force)
    except FileExistsError:
        raise UsageError(f"{showable(path)} exists (use --force to replace it)") from None
    except OSError as error:
        raise CommandError(f"cannot write {showable(path)}: {error.strerror or error}") from None


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
