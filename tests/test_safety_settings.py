"""Hostile settings and state (issue 14, item 6): a bad config.toml or state.json is a warning
naming the file and line, the bad value keeps its default and everything else still applies."""

from __future__ import annotations

import math
import os
import stat
import subprocess
import sys

import pytest

from testimony_tui.app import make_app
from testimony_tui.cli import main
from testimony_tui.files.config import load_config
from testimony_tui.files.locations import config_file
from testimony_tui.files.state import State, load_state

from . import hostile
from .ui.conftest import ready

TIMEOUT = 60  # a hang detector: a FIFO config used to block every command for ever
CLEAN: set[str] = set()
"""Cases with nothing wrong but control characters, which are removed without a warning. None
now: "escapes-in-values" binds a key to an escape sequence, which is refused with a warning."""


def write_config(text: str):
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(hostile.CONFIGS))
def test_a_hostile_config_keeps_its_good_lines(tmp_path, name):
    path = tmp_path / "config.toml"
    path.write_text(hostile.CONFIGS[name], encoding="utf-8")
    config, problems = load_config(path)
    assert config.theme == "nord"
    assert not any(ord(char) < 32 for text in (config.theme, *config.keys, *config.keys.values()) for char in text)
    assert bool(problems) == (name not in CLEAN)
    for problem in problems:
        assert problem.path == str(path) and problem.severity == "warning"
        # An escaped key ("\u001b...") is not found as written: its line is unknown, not wrong.
        assert problem.line or name == "escape-in-key"
        assert not problem.message[0].isupper() and "\x1b" not in problem.message


def test_a_syntax_error_leaves_out_only_its_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\ncache = yes\n[export\nformat = "html"\n[sync]\nsource = "/srv/site"\n')
    config, problems = load_config(path)
    assert (config.theme, config.cache, config.sync_source) == ("nord", True, "/srv/site")
    assert [(problem.line, problem.message) for problem in problems] == [
        (2, "invalid value; ignored: cache = yes"),
        (3, "expected ']' at the end of a table declaration; ignored: [export"),
        (4, "unknown setting 'format'; ignored"),
    ]


def test_a_file_that_is_no_toml_at_all_gives_up_after_a_bounded_number_of_lines(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n' + "this is not toml\n" * 1000, encoding="utf-8")
    config, problems = load_config(path)
    assert config.theme == ""  # 20 bad lines are left out, then the file is given up
    assert len(problems) == 21 and problems[-1].message.endswith("; using defaults")


@pytest.mark.parametrize("name", sorted(hostile.CONFIGS))
def test_commands_run_with_a_hostile_config(capsys, site_fixtures, name):
    path = write_config(hostile.CONFIGS[name])
    assert main(["list", str(site_fixtures)]) == 0
    out, err = capsys.readouterr()
    assert "ada-lovelace" in out
    warnings = err.splitlines()
    assert bool(warnings) == (name not in CLEAN)
    assert all(line.startswith(f"testimony-tui: {path}:") for line in warnings)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("folder", "cannot read the config: not a regular file; using defaults"),
        ("huge", "cannot read the config: larger than 1,048,576 bytes; using defaults"),
        ("latin1", "cannot read the config: 'utf-8' codec can't decode"),
    ],
)
def test_a_config_that_is_not_a_small_text_file_is_not_read(tmp_path, name, message):
    path = hostile.build_settings(tmp_path)[name]  # the FIFO: in a subprocess, below
    config, [problem] = load_config(path)
    assert config.theme == ""
    assert problem.path == str(path) and problem.message.startswith(message)


def test_a_fifo_config_does_not_block_a_command(tmp_path, site_fixtures, isolated_home):
    fifo = hostile.build_settings(tmp_path)["fifo"]
    config_file().parent.mkdir(parents=True)
    config_file().symlink_to(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "testimony_tui", "list", str(site_fixtures)],
        capture_output=True, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0 and "ada-lovelace" in done.stdout
    assert done.stderr == f"testimony-tui: {config_file()}: warning: cannot read the config: not a regular file; using defaults\n"


@pytest.mark.parametrize("name", sorted(hostile.STATES))
def test_a_bad_state_value_is_ignored(tmp_path, name):
    path = tmp_path / "state.json"
    path.write_text(hostile.STATES[name], encoding="utf-8")
    state, warning = load_state(path)
    assert warning is None
    assert state.slug == "ada-lovelace" and state.scroll_y == 0.0 and not math.isnan(state.scroll_y)
    assert state.theme in (None, "nord")


@pytest.mark.parametrize("state", [State(scroll_y=12.5), State(scroll_y=0)])
def test_a_good_scroll_is_kept(tmp_path, state):
    path = tmp_path / "state.json"
    path.write_text(f'{{"scroll_y": {state.scroll_y}}}', encoding="utf-8")
    assert load_state(path)[0].scroll_y == state.scroll_y


@pytest.mark.parametrize("name", ["nan", "huge-integer"])
async def test_the_app_starts_with_a_bad_scroll_in_its_state(site_fixtures, tmp_path, name):
    path = tmp_path / "state.json"
    path.write_text(hostile.STATES[name], encoding="utf-8")
    app = make_app([site_fixtures], state_path=path)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert app.main.current.slug == "ada-lovelace"
        assert app.main.reader.scroll_y == 0


def test_a_fifo_state_file_does_not_block_the_app(tmp_path):
    fifo = hostile.build_settings(tmp_path)["state-fifo"]
    code = (
        "import sys; from pathlib import Path; from testimony_tui.files.state import State, load_state, save_state;"
        "print(load_state(Path(sys.argv[1]))[1]); print(save_state(Path(sys.argv[1]), State()))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True, text=True, timeout=TIMEOUT)
    assert done.stdout == f"cannot read {fifo}: not a regular file\ncannot save the app state to {fifo}: not a regular file\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
