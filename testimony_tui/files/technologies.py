"""The technologies insights count: the shipped list, and the user's own files beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.insights import Technology
from ..core.text import clean, fold, showable
from .storage import read_bounded

TECHNOLOGIES = Path(__file__).parent / "technologies.txt"
"""The shipped list: one technology a line, ``Name: phrase, phrase`` (the phrases default to the name)."""

MAX_TECHNOLOGIES_BYTES = 64 * 1024
"""A term list is a few dozen lines: anything bigger (a link to /dev/zero, say) is not one."""
MAX_TECHNOLOGIES = 500
"""Each one is looked for in every testimony's text: a few hundred keep insights prompt."""


@dataclass(frozen=True)
class TechnologyList:
    """The technologies to count, and what was wrong with the user's files, in words."""

    technologies: list[Technology]
    warnings: list[str]


def read_technologies(*paths: Path) -> TechnologyList:
    """The term list: the shipped file, then any user files (same name replaces, new adds).

    A user's file is untrusted like any other: read only if it is a small regular file of UTF-8
    (a FIFO must not freeze the app), and its text cleaned before it is ever shown.
    """
    found: dict[str, Technology] = {}
    warnings: list[str] = []
    for path in paths:
        try:
            lines = read_bounded(path, MAX_TECHNOLOGIES_BYTES).splitlines()
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or "it is not UTF-8 text"
            warnings.append(f"{showable(path)}: cannot read it ({reason}); its technologies are left out")
            continue
        for line in lines:
            name, _, phrases = clean(line).partition(":")
            if name.startswith("#") or not name.strip():
                continue
            if len(found) >= MAX_TECHNOLOGIES and fold(name.strip()) not in found:
                warnings.append(f"{showable(path)}: more than {MAX_TECHNOLOGIES} technologies; the rest are left out")
                break
            words = tuple(fold(word.strip()) for word in (phrases or name).split(",") if word.strip())
            found[fold(name.strip())] = Technology(name.strip(), words)
    return TechnologyList(list(found.values()), warnings)
