"""ctrl+c ends a command with status 130 and no traceback, wherever in the command it lands.

Python raises KeyboardInterrupt at whatever line is running, and CPython 3.11 does not always let
it through as one. Measured with ctrl+c while `check` imported the parsers (1 run in 10 at worst,
under load): in a weakref callback of the import system it is printed and dropped, and the command
went on; in a class's ``__set_name__`` it becomes a RuntimeError; in code run by ``exec`` (the way
dataclasses make their methods) it marks the process, which then kills itself with SIGINT as it
exits, although the interrupt was caught. So the exit status follows whether ctrl+c was pressed,
not which exception arrived.
"""

from __future__ import annotations

import _thread
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

INTERRUPTED = 130
"""The status of a command ended by ctrl+c, as shells give it (128 + SIGINT)."""


class CtrlC:
    """Remembers that ctrl+c was pressed, whatever became of its KeyboardInterrupt."""

    def __init__(self) -> None:
        self.pressed = False
        self._raised = False

    def install(self) -> None:
        # Where SIGINT is ignored (a shell's background job), it stays ignored.
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, self._handle)
        sys.unraisablehook = self._unraisable

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.pressed = True
        if self._raised:
            # ctrl+c again: the command is already ending. Raised in its clean-up (the worker
            # processes told to stop), it would leave them running, or the exit waiting for them.
            return
        self._raised = True
        raise KeyboardInterrupt

    def _unraisable(self, unraisable: Any) -> None:
        if issubclass(unraisable.exc_type, KeyboardInterrupt):
            # Raised where Python cannot raise (a callback): sent again, from another thread, so
            # that it lands after this hook, in the command.
            self._raised = False
            _thread.start_new_thread(_thread.interrupt_main, ())
        else:
            sys.__unraisablehook__(unraisable)

    def exit_status(self, status: int) -> int:
        """The status to exit with: 130 once ctrl+c was pressed, whatever the command returned."""
        if not self.pressed and status != INTERRUPTED:
            return status
        # Running any source text through exec clears CPython's mark (above), which would
        # otherwise turn this exit into death by SIGINT.
        exec("")
        return INTERRUPTED

    @staticmethod
    @contextmanager
    def as_python_has_it() -> Iterator[None]:
        """Python's own handler while the app runs: asyncio, under which Textual runs, handles
        ctrl+c by cancelling the app's task only when that handler is in place."""
        handler = signal.getsignal(signal.SIGINT)
        if handler in (signal.SIG_IGN, None):  # ignored, or set outside Python: left as it is
            yield
            return
        signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, handler)
