"""What commands print: results on standard output, messages and progress on standard error."""

from __future__ import annotations

import os
import shutil
import sys
from typing import TextIO

from ..core.text import strip_controls


def tell(text: str = "", end: str = "\n") -> None:
    """Say something on standard error; a message that cannot be written (``2>/dev/full``) does
    not stop the command, whose output and exit code are what scripts rely on."""
    try:
        sys.stderr.write(text + end)
        sys.stderr.flush()
    except OSError:
        drop_stream(sys.stderr)


def emit(text: str = "") -> None:
    """Print human output; file names and anything else from disk lose their control codes."""
    print(strip_controls(text))


def emit_json(data: object) -> None:
    from ..formats.data import dumps

    print(dumps(data))


def width() -> int:
    return min(shutil.get_terminal_size((80, 24)).columns, 100)


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


def drop_stream(stream: TextIO) -> None:
    """Send what is still buffered for ``stream`` nowhere, so exiting does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())
    os.close(devnull)
