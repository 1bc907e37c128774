"""The app in a web browser: ``testimony-tui serve`` hands the command to textual-serve."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from textual_serve.server import Server


def serve(paths: Sequence[Path], *, host: str, port: int, use_cache: bool = True) -> None:
    """Serve until ctrl+c; each browser tab runs its own ``testimony-tui PATHS...`` process."""
    command = [sys.executable, "-m", "testimony_tui", *(str(path.resolve()) for path in paths)]
    if not use_cache:
        command.append("--no-cache")
    Server(shlex.join(command), host=host, port=port, title="testimony-tui").serve()
