"""``diff``: what changed between two versions of a testimony (see :mod:`..core.changes`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.text import showable, strip_controls
from .arguments import UsageError, add_json
from .output import emit_json, tell
from .reading import load, unknown

if TYPE_CHECKING:
    from ..core.changes import Changes, Run
    from ..core.model import Summary, Testimony
    from ..loading.library import Library

MARKS = {"deleted": ("[-", "-]"), "inserted": ("{+", "+}")}
"""How words only in the old or only in the new version are marked, as ``git diff --word-diff=plain`` does."""
COLOURS = {"deleted": "\x1b[31m", "inserted": "\x1b[32m"}
RESET = "\x1b[m"


def diff_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("slug", metavar="SLUG", help="the testimony's name (its file name without extension)")
    parser.add_argument(
        "--from",
        dest="older",
        metavar="FILE|DATE",
        help="compare with this file, or with the version dated DATE (YYYY-MM-DD), not with the previous version",
    )
    add_json(parser)


def command_diff(args: argparse.Namespace) -> int:
    from ..core.changes import what_changed

    library = load(args)
    versions = library.versions(args.slug)
    if not versions:
        raise unknown(library, args.slug)
    old = _older(library, versions, args.slug, args.older)
    new = _whole(library, versions[0])
    changes = what_changed(old, new)
    if args.json:
        emit_json(changes_dict(old, new, changes))
        return 0
    sys.stdout.write(changes_text(old, new, changes, colour=sys.stdout.isatty()))
    if not changes:
        tell("no changes")
    return 0


def _older(library: Library, versions: tuple[Summary, ...], slug: str, wanted: str | None) -> Testimony:
    """The version to compare the current one with: the one asked for, else the previous one (an
    older file of it, else its page before the last sync, kept in the previous set)."""
    from ..core.revisions import dated, day
    from ..files.locations import previous_version

    if wanted is None:
        if len(versions) >= 2:
            return _whole(library, versions[1])
        if (previous := previous_version(versions[0].source)) is not None:
            return _read(previous)
        raise UsageError(f"'{showable(slug)}' has no other version (compare with a file: --from FILE)")
    if (named := next((version for version in versions[1:] if version.slug == wanted), None)) is not None:
        return _whole(library, named)  # an older version by its own name, as the header names it
    if _is_file(Path(wanted)):
        return _read(Path(wanted))
    if (when := day(wanted)) is not None:
        dates = {copy_of[1]: version for version in versions if (copy_of := dated(version.slug))}
        if when in dates:
            return _whole(library, dates[when])
        known = ", ".join(map(str, sorted(dates))) if dates else "none"
        raise UsageError(f"no version of '{showable(versions[0].slug)}' is dated {wanted} (dated versions: {known})")
    raise UsageError(f"'{showable(wanted)}' is neither a date (YYYY-MM-DD), nor a file, nor a version of '{showable(versions[0].slug)}'")


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the system, say: no file by that name
        return False


def _whole(library: Library, version: Summary) -> Testimony:
    testimony = library.written(version)
    if testimony is None:
        raise UsageError(f"{showable(version.source)} can no longer be read")
    return testimony


def _read(path: Path) -> Testimony:
    from ..parsing.file import parse_file

    parsed = parse_file(path)
    if parsed.testimony is None:
        reason = next((problem.message for problem in parsed.problems if problem.is_error), "not read")
        raise UsageError(f"{showable(path)} is no testimony: {showable(reason)}")
    return parsed.testimony


def marked(runs: tuple[Run, ...], *, colour: bool) -> str:
    """Runs as text, the words of one version only in ``[-...-]`` or ``{+...+}``; in colour on a terminal."""
    parts = []
    for op, text in runs:
        text = strip_controls(text)
        if op == "equal":
            parts.append(text)
            continue
        start, end = MARKS[op]
        parts.append(f"{COLOURS[op]}{start}{text}{end}{RESET}" if colour else f"{start}{text}{end}")
    return "".join(parts)


def changes_text(old: Testimony, new: Testimony, changes: Changes, *, colour: bool) -> str:
    from ..core.changes import WORD_PAIRS, Budget, Run, word_diff

    budget = Budget(WORD_PAIRS)  # one for every field and rewording, as the answers share theirs

    def words(before: str, after: str) -> str:
        runs, _ = word_diff(before, after, budget)
        return marked(runs or (Run("deleted", before), Run("inserted", after)), colour=colour)

    project = f" ({new.project})" if new.project else ""
    lines = [
        strip_controls(f"{new.author}{project}: {old.slug} -> {new.slug}"),
        f"--- {showable(old.source)}",
        f"+++ {showable(new.source)}",
    ]
    groups = [
        ("Profile:", [f"  {change.field}: {words(change.before, change.after)}" for change in changes.fields]),
        ("Questions added:", [f"  {asked.section} · {asked.question}" for asked in changes.added]),
        ("Questions removed:", [f"  {asked.section} · {asked.question}" for asked in changes.removed]),
        ("Questions reworded:", [f"  {change.section} · {words(change.before, change.after)}" for change in changes.reworded]),
    ]
    for title, items in groups:
        if items:
            lines += ["", title, *(strip_controls(item) for item in items)]
    if changes.answers:
        lines += ["", "Answers changed:"]
    for change in changes.answers:
        lines += ["", strip_controls(f"== {change.section} · {change.question}")]
        if change.detail != "words":
            lines.append(
                "(too long to compare word by word: compared paragraph by paragraph)"
                if change.detail == "lines"
                else "(too long to compare word by word)"
            )
        if change.runs:
            lines.append(marked(change.runs, colour=colour))
    return "\n".join(lines) + "\n"


def changes_dict(old: Testimony, new: Testimony, changes: Changes) -> dict[str, Any]:
    """The changes as ``diff --json`` gives them."""
    return {
        "slug": new.slug,
        "from": {"slug": old.slug, "source": showable(old.source)},
        "to": {"slug": new.slug, "source": showable(new.source)},
        "fields": [{"field": c.field, "before": c.before, "after": c.after} for c in changes.fields],
        "added": [{"section": a.section, "question": a.question} for a in changes.added],
        "removed": [{"section": a.section, "question": a.question} for a in changes.removed],
        "reworded": [{"section": c.section, "before": c.before, "after": c.after} for c in changes.reworded],
        "answers": [
            {
                "section": c.section,
                "question": c.question,
                "detail": c.detail,
                "runs": [{"op": op, "text": text} for op, text in c.runs],
            }
            for c in changes.answers
        ],
    }
