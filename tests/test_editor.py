from __future__ import annotations

import pytest

from testimony_tui.files.editor import editor_command


@pytest.mark.parametrize(
    ("environ", "command"),
    [
        ({"VISUAL": "nvim", "EDITOR": "nano"}, ["nvim"]),
        ({"EDITOR": "nano"}, ["nano"]),
        ({"VISUAL": "  ", "EDITOR": "nano"}, ["nano"]),
        ({"VISUAL": "code --wait"}, ["code", "--wait"]),
        ({"EDITOR": "'/opt/my editor/bin/ed' -n"}, ["/opt/my editor/bin/ed", "-n"]),
        # An open quote cannot be split: the next setting, else none.
        ({"VISUAL": "vim 'oops", "EDITOR": "nano"}, ["nano"]),
        ({"VISUAL": "vim 'oops"}, None),
        # Shell syntax is words, never run by a shell.
        ({"EDITOR": "vi; rm -rf ~"}, ["vi;", "rm", "-rf", "~"]),
        ({}, None),
    ],
)
def test_the_editor_is_visual_else_editor_split_as_words(environ, command):
    assert editor_command(environ) == command
