"""ctrl+c ends a command with status 130 and nothing on standard error, wherever it lands: in the
command, while the command line loads, and in the places where CPython 3.11 does not deliver it
as a KeyboardInterrupt (testimony_tui/interrupt.py says which)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import weakref
from pathlib import Path

import pytest

from testimony_tui.files.locations import cache_dir
from testimony_tui.interrupt import CtrlC

from .waiting import wait_for

TIMEOUT = 60  # a hang detector, not a speed test
REAL = str(Path(__file__).parent / "fixtures" / "real")


def test_ctrl_c_exits_130_without_traceback(tmp_path):
    from benchmarks.corpus import write_corpus

    write_corpus(tmp_path, 3000)
    process = subprocess.Popen(
        [sys.executable, "-m", "testimony_tui", "check", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    # The parse cache is opened once the command runs (past its imports, where ctrl+c is ours to
    # handle) and before it reads the 3,000 files.
    cache = cache_dir() / "parsed.sqlite3"
    wait_for(lambda: cache.exists() or process.poll() is not None, timeout=TIMEOUT, what="check opened its cache")
    assert process.poll() is None, "the command finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 130
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr


# Each harness presses ctrl+c (sends SIGINT to itself) at one moment of a real `check`: when the
# module named here is first looked for. The parsers are imported once `check` runs, when the
# first file is not in the (fresh) cache. It runs with `python -m`, as `python -m testimony_tui`
# does: only there does CPython act on the mark an interrupted exec leaves.
PRESS_WHEN_IMPORTED = """
import os, runpy, signal, sys

def press():
    os.kill(os.getpid(), signal.SIGINT)

class When:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            {how}
        return None

sys.meta_path.insert(0, When())
sys.argv = ["testimony-tui", *{argv!r}]
"""
PRESSES = {
    # plainly, in the command's own code
    "in the command": "press()",
    # inside source text run by exec, as dataclasses make their methods: CPython marks the process,
    # which then killed itself with SIGINT (-2) at exit although the interrupt was caught
    "in exec of source text": "exec('press()')",
    # in a weakref callback, as the import system's module locks have: printed, then dropped
    "in a weakref callback": (
        "import weakref\n"
        "            class Gone: pass\n"
        "            gone = Gone()\n"
        "            watcher = weakref.ref(gone, lambda _: press())\n"
        "            del gone"
    ),
    # in a class's __set_name__: it becomes a RuntimeError (a traceback, status 1)
    "in __set_name__": (
        "class Field:\n"
        "                def __set_name__(self, owner, name): press()\n"
        "            class Owner:\n"
        "                field = Field()"
    ),
}
STARTS = {
    "python -m": 'runpy.run_module("testimony_tui", run_name="__main__", alter_sys=True)',
    # what the installed console script does
    "console script": 'from importlib.metadata import entry_points\nentry_points(group="console_scripts")["testimony-tui"].load()()',
}


def press_ctrl_c(folder: Path, start: str, module: str, how: str, argv: list[str]) -> subprocess.CompletedProcess[str]:
    (folder / "press.py").write_text(PRESS_WHEN_IMPORTED.format(module=module, how=how, argv=argv) + STARTS[start])
    return subprocess.run([sys.executable, "-m", "press"], cwd=folder, capture_output=True, text=True, timeout=TIMEOUT)


@pytest.mark.parametrize("start", STARTS)
def test_ctrl_c_while_the_command_line_loads_exits_130_without_traceback(tmp_path, start):
    result = press_ctrl_c(tmp_path, start, "testimony_tui.cli", "press()", ["--version"])
    assert (result.returncode, result.stderr) == (130, "")


@pytest.mark.parametrize("how", PRESSES)
@pytest.mark.parametrize("start", STARTS)
def test_ctrl_c_exits_130_without_traceback_however_python_delivers_it(tmp_path, start, how):
    result = press_ctrl_c(tmp_path, start, "testimony_tui.parsing.file", PRESSES[how], ["check", REAL])
    assert (result.returncode, result.stderr) == (130, "")
    # The interrupt ended the command: it printed no summary.
    assert result.stdout == ""


@pytest.fixture
def pythons_handlers():
    """Python's own ctrl+c handler and unraisable hook for the test, and pytest's back after it."""
    handler, hook = signal.getsignal(signal.SIGINT), sys.unraisablehook
    signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, handler)
    sys.unraisablehook = hook


def drop(callback) -> None:
    """Runs ``callback`` where Python cannot raise: in a weakref callback."""

    class Gone:
        pass

    gone = Gone()
    watcher = weakref.ref(gone, lambda _: callback())
    del gone
    assert watcher() is None


def test_ctrl_c_is_remembered_and_raised(pythons_handlers):
    ctrl_c = CtrlC()
    ctrl_c.install()
    assert ctrl_c.pressed is False
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    assert ctrl_c.pressed


def test_ctrl_c_again_while_the_command_ends_is_only_remembered(pythons_handlers):
    ctrl_c = CtrlC()
    ctrl_c.install()
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
    signal.raise_signal(signal.SIGINT)  # the clean-up goes on
    assert ctrl_c.pressed is True


def test_a_ctrl_c_that_python_drops_is_sent_again(pythons_handlers):
    ctrl_c = CtrlC()
    ctrl_c.install()
    with pytest.raises(KeyboardInterrupt):
        drop(lambda: signal.raise_signal(signal.SIGINT))
        wait_for(lambda: False, what="the dropped ctrl+c to come again")
    assert ctrl_c.pressed


def test_other_errors_where_python_cannot_raise_are_reported_as_python_does(pythons_handlers, capsys):
    ctrl_c = CtrlC()
    ctrl_c.install()

    def fail():
        raise ValueError("in a callback")

    drop(fail)
    assert "ValueError: in a callback" in capsys.readouterr().err
    assert ctrl_c.pressed is False


def test_the_app_runs_under_pythons_own_handler_and_the_commands_comes_back(pythons_handlers):
    """asyncio (under Textual) handles ctrl+c itself only when Python's own handler is in place."""
    ctrl_c = CtrlC()
    ctrl_c.install()
    ours = signal.getsignal(signal.SIGINT)
    assert ours is not signal.default_int_handler
    with CtrlC.as_python_has_it():
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert signal.getsignal(signal.SIGINT) == ours


def test_ctrl_c_where_it_is_ignored_stays_ignored(pythons_handlers):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    CtrlC().install()
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    with CtrlC.as_python_has_it():
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_once_ctrl_c_was_pressed_the_status_is_130_whatever_the_command_returned():
    ctrl_c = CtrlC()
    assert [ctrl_c.exit_status(status) for status in (0, 1, 2, 130)] == [0, 1, 2, 130]
    ctrl_c.pressed = True
    assert [ctrl_c.exit_status(status) for status in (0, 1, 2)] == [130, 130, 130]


def worker_processes(pid: int) -> list[int]:
    """The parse's worker processes ``pid`` started (multiprocessing's, not its resource tracker)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()]
    except OSError:  # gone meanwhile
        return []


def sigint_pending(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status").read_text()
    pending = int(re.search(r"^ShdPnd:\s*([0-9a-f]+)", status, re.M).group(1), 16)
    return bool(pending & 1 << (signal.SIGINT - 1))


def gone(pids: list[int]) -> bool:
    return not any(Path(f"/proc/{pid}").exists() for pid in pids)


@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_in_a_terminal_reaches_the_worker_processes_too_and_they_stay_quiet(tmp_path, presses):
    """A terminal sends ctrl+c to the whole foreground process group: the command and the worker
    processes parsing for it. The command ends them, without waiting for the work queued for them;
    they print nothing of their own. Pressed again while the command ends, it changes nothing."""
    from benchmarks.corpus import write_corpus

    write_corpus(tmp_path, 2000)
    command = [sys.executable, "-m", "testimony_tui", "check", "--no-cache", str(tmp_path)]
    # The reference, in the same run: the whole parse.
    started = time.monotonic()
    subprocess.run(command, capture_output=True, timeout=TIMEOUT * 2, check=False)
    whole_parse = time.monotonic() - started

    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # its own process group, as a shell's foreground job has
    wait_for(lambda: worker_processes(process.pid) or process.poll() is not None, timeout=TIMEOUT, what="the parse's worker processes")
    workers = worker_processes(process.pid)
    assert process.poll() is None, "the command finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    pressed = time.monotonic()
    for _ in range(presses - 1):
        # again, as soon as the command has taken the press before
        wait_for(lambda: process.poll() is not None or not sigint_pending(process.pid), timeout=TIMEOUT, what="the press taken")
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=TIMEOUT)
    # A press that lands in the last milliseconds of the exit, once Python has let go of its
    # handlers, ends the process by the signal itself: what a shell shows as 130 too.
    assert process.returncode in ({130, -signal.SIGINT} if presses > 1 else {130})
    assert stderr == ""
    # The queued work was dropped: it stopped in a small part of the time the whole parse takes
    # (0.5 s of 9 s here). It parsed on until the end, before, when the pool was left to drop it.
    assert time.monotonic() - pressed < whole_parse / 5
    # and the workers ended with it: none is left running on its own
    wait_for(lambda: gone(workers), timeout=TIMEOUT, what="the worker processes to end")
