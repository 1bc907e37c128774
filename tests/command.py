"""The installed command, run as a user runs it: its own process, no terminal on standard input."""

from __future__ import annotations

import subprocess
import sys


def cli(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """``testimony-tui ARGS``; ``timeout`` detects a hang (benchmarks measure speed)."""
    return subprocess.run(
        [sys.executable, "-m", "testimony_tui", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        **kwargs,
    )
