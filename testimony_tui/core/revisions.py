"""Revisions: which files are versions of one testimony (what changed between two: :mod:`changes`).

The site keeps an older copy of a testimony beside the current one (``arnaud-morin-2025-04-04.md``
beside ``arnaud-morin.md``): the same author about the same project, under the same file name
but for the date. Such files are one testimony in several versions, the newest of which is the one
counted everywhere. So are files of one name in two folders (a draft beside the synced page).

Files whose names are unrelated stay apart even with the same author and project: a person may
write about two parts of one project, and nothing but the name says a file replaces another.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from datetime import date

from .model import Summary
from .text import fold, showable

_DATED = re.compile(r"(.+)-(\d{4}-\d{2}-\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day(text: str) -> date | None:
    """The date ``text`` is, written YYYY-MM-DD; None for any other text or a day that does not exist."""
    if not _DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # 2025-02-30: no date, just a name that looks like one
        return None


def dated(slug: str) -> tuple[str, date] | None:
    """The slug it is a dated copy of, and the date: ``ada-2025-04-04`` is ``ada`` on 4 April 2025."""
    match = _DATED.fullmatch(slug)
    if match is None or (when := day(match[2])) is None:
        return None
    return match[1], when


def _who(summary: Summary, folded: Callable[[str], str]) -> Hashable:
    """What versions of one testimony share: the author and the project, case and accents aside.

    A file that does not say both is a testimony of its own: two files of one name by "Ann" about
    no known project are not known to be one testimony. Nor has a case study versions.
    """
    author, project = folded(summary.author), folded(summary.project)
    if not author or not project or not summary.is_testimony:
        return ("file", summary.source)
    return (author, project)


def _name(summary: Summary) -> str:
    """The file's name without its extension: the slug as the parsers made it, before a library
    renamed it for another file of the same name elsewhere (``ada-2``)."""
    return showable(os.path.splitext(os.path.basename(summary.source))[0])


def _base(summary: Summary) -> str:
    """The name of the testimony it is a version of: its own, less the date of a dated copy."""
    copy_of = dated(_name(summary))
    return copy_of[0] if copy_of else _name(summary)


_DATED_NAME = re.compile(r"-\d{4}-\d{2}-\d{2}$")


def _may_have_versions(summaries: Sequence[Summary]) -> bool:
    """Whether any two of ``summaries`` could be versions of one testimony: a file name seen twice,
    or a dated copy's name. A quick look at the names only (folding every author and project of
    10,000 testimonies to group them cost a tenth of their warm start)."""
    # String methods, not os.path's: this runs at every load, over every testimony.
    files = (summary.source.rpartition(os.sep)[2] for summary in summaries)
    names = [file.rpartition(".")[0] or file for file in files]
    return len(set(names)) < len(names) or any(_DATED_NAME.search(name) for name in names)


def _rank(summary: Summary) -> tuple[bool, date]:
    """Newer ranks higher: the undated (current) copy above every dated one, then by date."""
    copy_of = dated(_name(summary))
    return (copy_of is None, copy_of[1] if copy_of else date.min)


def newest_first(versions: Sequence[Summary], modified: Callable[[str], float]) -> tuple[Summary, ...]:
    """The versions of one testimony, newest first: by the date in their names, else by their files'
    modification time (``modified(source)``, only asked when the names do not decide)."""
    ranks = [_rank(summary) for summary in versions]
    if len(set(ranks)) == len(ranks):
        return tuple(sorted(versions, key=_rank, reverse=True))
    times = {summary.source: modified(summary.source) for summary in versions}
    return tuple(sorted(versions, key=lambda summary: (*_rank(summary), times[summary.source]), reverse=True))


def group(summaries: Sequence[Summary], modified: Callable[[str], float]) -> list[tuple[Summary, ...]]:
    """The testimonies among ``summaries``, each as its versions newest first (most have one), in
    the order of their newest versions in ``summaries``: a sorted list gives sorted testimonies."""
    if not _may_have_versions(summaries):  # nearly every library: no name twice, no dated copy
        return [(summary,) for summary in summaries]
    by_who: defaultdict[Hashable, list[Summary]] = defaultdict(list)
    known: dict[str, str] = {}  # projects come back many times: each is folded once

    def folded(text: str) -> str:
        if (folded_text := known.get(text)) is None:
            folded_text = known[text] = fold(text)
        return folded_text

    for summary in summaries:
        by_who[_who(summary, folded)].append(summary)
    groups: list[tuple[Summary, ...]] = []
    for alike in by_who.values():
        if len(alike) == 1:  # nearly all: the names are looked at only where the people are alike
            groups.append((alike[0],))
            continue
        by_name: defaultdict[str, list[Summary]] = defaultdict(list)
        for summary in alike:
            by_name[_base(summary)].append(summary)
        groups += [newest_first(versions, modified) for versions in by_name.values()]
    if len(groups) == len(summaries):  # no testimony has two versions: all in order already
        return groups
    newest = {id(versions[0]): versions for versions in groups}
    return [newest[id(summary)] for summary in summaries if id(summary) in newest]
