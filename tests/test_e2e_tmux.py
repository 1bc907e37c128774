"""End to end: the installed ``testimony-tui`` in a real terminal (tmux), driven by keystrokes."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from .conftest import require_tool
from .waiting import TIMEOUT, wait_for

pytestmark = pytest.mark.e2e

COMMAND = Path(sys.executable).parent / "testimony-tui"


class Terminal:
    """A tmux server of the test's own (its own socket), started without the TMUX and TMUX_PANE
    of a tmux that pytest itself may run in: a nested server needs both."""

    def __init__(self) -> None:
        self.socket = f"testimony-tui-test-{uuid.uuid4().hex[:12]}"
        # Nor COLUMNS and LINES (pytest-xdist's workers have them): the app would take them over the window's size.
        unwanted = ("TMUX", "TMUX_PANE", "COLUMNS", "LINES")
        self.environment = {name: value for name, value in os.environ.items() if name not in unwanted}

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=self.environment).stdout

    def start(self, command: str, width: int = 100, height: int = 30) -> None:
        """Run ``command`` in a window of ``width`` x ``height``: a window made at that size first,
        then the command in it (started with the window, it could read the size before tmux set it)."""
        self.tmux("new-session", "-d", "-s", "app", "-x", str(width), "-y", str(height), "sleep 600")
        self.tmux("respawn-pane", "-k", "-t", "app", command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def footer(self) -> str:
        return self.screen().rstrip("\n").rpartition("\n")[2]

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)

    def wait_for(self, text: str) -> str:
        """The screen, once it shows ``text``: that very capture (a later one may be mid-frame)."""
        seen = [""]

        def shows() -> bool:
            seen[0] = self.screen()
            return text in seen[0]

        wait_for(shows, what=f"{text!r} on the screen", seen=lambda: seen[0])
        return seen[0]


@pytest.fixture
def terminal():
    require_tool("tmux", "tmux")
    if not COMMAND.exists():
        pytest.skip(f"the console script is not installed at {COMMAND}")
    terminal = Terminal()
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
    terminal.start(command)
    terminal.wait_for("2 of 2 testimonies")
    wait_for(lambda: "/ Filter" in terminal.footer(), what="the footer shows the keys", seen=terminal.screen)
    terminal.keys("/")
    # The filter has the focus once the footer has only the keys that work there (no "q Quit").
    wait_for(lambda: "Quit" not in terminal.footer(), what="the filter has the focus", seen=terminal.screen)
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
    terminal.start(shell_command(tmp_path, "--watch", str(drafts)))
    terminal.wait_for("Rear Admiral at Navy")
    draft.write_text(draft.read_text(encoding="utf-8").replace("Rear Admiral at Navy", "Commodore at Navy"), encoding="utf-8")
    terminal.wait_for("Commodore at Navy")
    terminal.keys("q")
    terminal.wait_for("EXITED=0")


# An editor as a person uses one: it takes the terminal, waits for them, writes, and exits.
TERMINAL_EDITOR = """
import sys
from pathlib import Path
path = Path(sys.argv[-1])
print("FAKE EDITOR ON", path.name, flush=True)
input()
text = path.read_text(encoding="utf-8")
head, mark, rest = text.partition("\\n### ")
question, _, rest = rest.partition("\\n")
path.write_text(head + mark + question + "\\n\\nWe moved to threads, one service at a time.\\n" + rest, encoding="utf-8")
"""


def write_a_new_testimony(terminal: Terminal, author: str) -> None:
    """Once the app shows the site fixtures: the palette's "Write a new testimony", by ``author``."""
    terminal.wait_for("2 of 2 testimonies")
    terminal.keys("C-p")
    terminal.wait_for("Search for commands")
    terminal.keys("-l", "Write a new testimony")
    terminal.wait_for("A draft of the questionnaire")
    terminal.keys("Enter")
    terminal.wait_for("Your name, as your page will show it")
    terminal.keys("-l", author)
    terminal.keys("Enter")


def test_write_a_new_testimony_hands_the_terminal_to_the_editor(terminal, tmp_path, site_fixtures):
    editor = tmp_path / "editor.py"
    editor.write_text(TERMINAL_EDITOR, encoding="utf-8")
    visual = shlex.join([sys.executable, str(editor)])
    command = f"VISUAL={shlex.quote(visual)} {shell_command(tmp_path, str(site_fixtures))}"
    terminal.start(command)
    write_a_new_testimony(terminal, "Ada Writer")
    # The app is suspended: the editor has the whole terminal.
    screen = terminal.wait_for("FAKE EDITOR ON ada-writer.md")
    assert "testimonies" not in screen
    terminal.keys("Enter")
    # Back in the app: the draft is read and open, the reader has the keys.
    screen = terminal.wait_for("questions to answer")
    assert "Ada Writer" in screen and "3 of 3 testimonies" in screen
    terminal.keys("]")  # the first section, where the answer went
    terminal.wait_for("We moved to threads")
    assert terminal.tmux("display", "-p", "-t", "app", "#{window_width}x#{window_height}").strip() == "100x30"
    terminal.keys("q")
    terminal.wait_for("EXITED=0")
    assert (tmp_path / "xdg_data_home" / "testimony-tui" / "testimonies" / "drafts" / "ada-writer.md").is_file()


def test_an_editor_that_cannot_start_gives_the_terminal_back(terminal, tmp_path, site_fixtures):
    command = f"VISUAL=no-such-editor-x {shell_command(tmp_path, str(site_fixtures))}"
    terminal.start(command)
    write_a_new_testimony(terminal, "Ada Writer")
    # The app is back (not left suspended on a blank screen), says why, and shows the draft.
    screen = terminal.wait_for("no-such-editor-x")  # in "Could not start no-such-editor-x: ..."
    assert "Could not" in screen
    terminal.wait_for("questions to answer")
    terminal.keys("q")
    terminal.wait_for("EXITED=0")
