"""End to end: the installed ``testimony-tui`` in a real terminal (tmux), driven by keystrokes."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import require_tool

pytestmark = pytest.mark.e2e

COMMAND = Path(sys.executable).parent / "testimony-tui"


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10)
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)
        time.sleep(0.3)  # a person types no faster; the app may still be handling the last key

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")


@pytest.fixture
def terminal(tmp_path):
    require_tool("tmux", "tmux")
    if not COMMAND.exists():
        pytest.skip(f"the console script is not installed at {COMMAND}")
    terminal = Terminal(f"testimony-tui-{tmp_path.name}")
    yield terminal
    terminal.tmux("kill-server")


def shell_command(home: Path, *args: str) -> str:
    """The installed command with its own XDG folders, then its exit status on screen."""
    env = " ".join(
        f"{name}={shlex.quote(str(home / name.lower()))}"
        for name in ("XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
    )
    return f"env {env} {shlex.join([str(COMMAND), *args])}; echo EXITED=$?; sleep 30"


def test_installed_command_in_tmux(terminal, tmp_path, site_fixtures):
    command = shell_command(tmp_path, str(site_fixtures))
    terminal.tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", command)
    terminal.wait_for("2 of 2 testimonies")
    terminal.keys("/")
    terminal.keys("-l", "cobol")
    screen = terminal.wait_for("1 of 2 testimonies")
    sidebar = "\n".join(line[:30] for line in screen.splitlines())
    assert "Grace Hopper" in sidebar and "Ada Lovelace" not in sidebar
    terminal.keys("Enter")  # opens the first match
    screen = terminal.wait_for("Rear Admiral at Navy")
    assert "Which project did you migrate?" in screen
    assert "COBOL Runtime" in screen
    terminal.keys("q")
    terminal.wait_for("EXITED=0")
    assert (tmp_path / "xdg_state_home" / "testimony-tui" / "state.json").is_file()


def test_watch_shows_a_saved_draft(terminal, tmp_path, site_fixtures):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    draft = drafts / "grace-hopper.md"
    draft.write_text((site_fixtures / "grace-hopper.md").read_text(encoding="utf-8"), encoding="utf-8")
    terminal.tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", shell_command(tmp_path, "--watch", str(drafts)))
    terminal.wait_for("Rear Admiral at Navy")
    draft.write_text(draft.read_text(encoding="utf-8").replace("Rear Admiral at Navy", "Commodore at Navy"), encoding="utf-8")
    terminal.wait_for("Commodore at Navy", timeout=5)
    terminal.keys("q")
    terminal.wait_for("EXITED=0")
