"""The config file: every documented key, defaults, and warnings with line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.files.config import EXAMPLE, Config, load_config
from testimony_tui.files.locations import cache_dir, config_file


def test_missing_file_means_defaults(tmp_path):
    assert load_config(tmp_path / "none.toml") == (Config(), [])


def test_the_documented_example_is_the_defaults(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    assert load_config(path) == (Config(), [])


def test_the_readme_shows_the_example(tests_dir):
    readme = (tests_dir.parent / "README.md").read_text(encoding="utf-8")
    assert f"```toml\n{EXAMPLE}```" in readme


def test_every_key(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'paths = ["~/retros", "/srv/t"]\ntheme = "nord"\ncache = false\n'
        '[export]\nfolder = "~/out"\nformat = "html"\n'
        '[sync]\nsource = "/srv/site"\n'
        '[keys]\ncompare = "C"\n',
        encoding="utf-8",
    )
    config, problems = load_config(path)
    assert problems == []
    assert config.paths == (Path("~/retros").expanduser(), Path("/srv/t"))
    assert (config.theme, config.cache, config.export_format, config.sync_source) == ("nord", False, "html", "/srv/site")
    assert config.export_folder == Path("~/out").expanduser()
    assert dict(config.keys) == {"compare": "C"}


def test_invalid_toml_is_one_warning_with_its_line_and_the_other_lines_apply(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\ncache = yes\n', encoding="utf-8")
    config, [problem] = load_config(path)
    assert config == Config(theme="nord")
    assert (problem.path, problem.line, problem.severity) == (str(path), 2, "warning")
    assert problem.message == "invalid value; ignored: cache = yes"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('theme = "nord"\ncache = "no"\n', 2, "'cache' should be true or false; using the default"),
        ('paths = "~/t"\n', 1, "'paths' should be a list of strings"),
        ('\n[export]\nformat = "pdf"\n', 3, "'format' should be one of markdown, json, html"),
        ('colour = "red"\n', 1, "unknown setting 'colour'; ignored"),
        ('[export]\n\nfolders = "x"\n', 3, "unknown setting [export] 'folders'; ignored"),
        ('[keys]\ncompare = 3\n', 2, "'keys' 'compare' should be keys in quotes"),  # only that entry is left out
    ],
)
def test_a_bad_setting_keeps_its_default_and_the_rest_apply(tmp_path, text, line, message):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n' + text if "theme" not in text else text, encoding="utf-8")
    config, [problem] = load_config(path)
    assert config.theme == "nord"
    assert problem.line == line + (0 if "theme" in text else 1)
    assert problem.message.startswith(message)


def test_commands_use_configured_paths_and_print_config_warnings(capsys, site_fixtures):
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text(f'paths = ["{site_fixtures}"]\ncache = false\nspeed = 9\n', encoding="utf-8")
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert "Grace Hopper" in out and "Dmitry Tantsur" in out
    assert err == f"testimony-tui: {path}:3: warning: unknown setting 'speed'; ignored\n"
    assert not cache_dir().exists()  # cache = false
