"""A bad config line or entry costs only itself (issue 14, item 6): an unclosed construct, one
bad key binding or one bad path no longer throws away the good settings around it."""

from __future__ import annotations

from pathlib import Path

import pytest

from testimony_tui.files.config import load_config

from . import hostile


def load(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


@pytest.mark.parametrize("name", sorted(hostile.RECOVERABLE_CONFIGS))
def test_a_bad_line_or_entry_leaves_the_rest_applied(tmp_path, name):
    text = hostile.RECOVERABLE_CONFIGS[name]
    config, problems = load(tmp_path, text)
    assert (config.theme, config.cache) == ("nord", False)
    assert problems and all(problem.line for problem in problems)
    messages = [problem.message for problem in problems]
    assert not any("using defaults" in message or "(at " in message for message in messages)
    assert not any("theme" in message or "cache" in message for message in messages)  # good lines never "ignored"
    if "[keys]" in text:
        assert dict(config.keys) == {"search": "ctrl+s"}
    if "paths" in text:
        assert config.paths == (Path("/srv/testimonies"),)


def test_an_unclosed_array_is_blamed_on_its_line_not_on_the_good_line_after_it(tmp_path):
    _, problems = load(tmp_path, hostile.RECOVERABLE_CONFIGS["unclosed-array-before-good-lines"])
    assert [(problem.line, problem.message) for problem in problems] == [(1, "invalid value; ignored: foo = [1,")]


def test_an_unclosed_string_at_the_end_is_one_warning_on_its_line(tmp_path):
    _, problems = load(tmp_path, hostile.RECOVERABLE_CONFIGS["unterminated-string-at-end"])
    assert [(problem.line, problem.message) for problem in problems] == [(3, 'unterminated string; ignored: foo = "abc')]


def test_one_bad_key_binding_is_refused_by_name_and_the_others_bound(tmp_path):
    text = 'theme = "nord"\n[keys]\nquit = ""\ncompare = "C"\nfilter = "\\u001b]52;c;eA==\\u0007"\n'
    config, problems = load(tmp_path, text)
    assert dict(config.keys) == {"compare": "C"}
    assert [(problem.line, problem.message) for problem in problems] == [
        (3, "'keys' 'quit' should be keys in quotes, like \"ctrl+s,s\"; ignored"),
        (5, "'keys' 'filter' holds control characters; ignored"),
    ]


def test_one_path_of_an_unknown_user_is_left_out_and_the_others_read(tmp_path):
    config, problems = load(tmp_path, 'paths = [\n  "/srv/a",\n  "~nosuchuser/x",\n  "/srv/b",\n]\n')
    assert config.paths == (Path("/srv/a"), Path("/srv/b"))
    assert [(problem.line, problem.message) for problem in problems] == [
        (3, "'paths' '~nosuchuser/x': ~nosuchuser is not a user with a home folder; ignored"),
    ]
