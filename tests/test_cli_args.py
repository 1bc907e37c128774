"""The command line under attack, second round (issue 14, item 8): arguments that start with "-"
wherever they stand, and exit codes when the output or the messages cannot be written."""

from __future__ import annotations

import subprocess
import sys

import pytest

from testimony_tui.cli import main
from testimony_tui.cli.arguments import build_parser
from testimony_tui.cli.commands import commands_help
from testimony_tui.cli.serving import app_paths
from testimony_tui.files.config import Config
from testimony_tui.files.locations import bundled_data_dir, config_file, user_data_dir

from . import hostile

TIMEOUT = 60  # a hang detector


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def cli(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "testimony_tui", *map(str, args)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs,
    )


@pytest.mark.parametrize("name", sorted(hostile.DASHED_ARGUMENTS))
def test_a_word_starting_with_a_dash_is_an_argument_wherever_it_stands(capsys, site_fixtures, tmp_path, name):
    argv, word = hostile.DASHED_ARGUMENTS[name]
    if argv[0] in ("show", "export"):
        folder = tmp_path / "dashed"
        hostile.build_names(folder)
    else:
        folder = site_fixtures
    # export reads its folder with --path, an option; the others as PATH, an argument
    before, after = ([["--path", folder], []] if argv[0] == "export" else [[], [folder]])
    code, out, err = run(capsys, *argv, *before, *after)
    assert (code, err.count("error")) == (0, 0) and out
    options = [arg for arg in argv[1:] if arg != word]
    assert run(capsys, argv[0], *options, *before, "--", word, *after)[:2] == (0, out)  # as with "--"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--js"], "unrecognized arguments: --js"),  # no abbreviation of --json
        (["search", "--bogus", "asyncio"], "unrecognized arguments: --bogus"),  # a "--word" is a typo'd option
        (["list", "--json=yes"], "argument --json: ignored explicit argument 'yes'"),
        (["list", "--filter", "--json"], "argument --filter: expected one argument"),
    ],
)
def test_a_mistyped_option_is_still_one_line_and_exit_2(capsys, site_fixtures, args, message):
    code, out, err = run(capsys, *args, site_fixtures)
    assert (code, out) == (2, "") and err.count("\n") == 1 and message in err


def test_help_still_helps_anywhere_on_the_line(capsys, site_fixtures):
    with pytest.raises(SystemExit) as exit_:
        main(["search", "-asyncio", str(site_fixtures), "-h"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("usage: testimony-tui search")


@pytest.mark.parametrize("strict", [[], ["--strict"]])
def test_a_check_whose_reader_is_gone_does_not_pass(tests_dir, strict):
    with cli("check", tests_dir / "fixtures" / "bad", *strict) as process:
        process.stdout.close()  # `| head -0`: the reader is gone before a byte is written
        err = process.stderr.read().decode()
        code = process.wait(timeout=TIMEOUT)
    assert code == 141 and "Traceback" not in err  # 128 + SIGPIPE, as `seq 100000 | head -1` under pipefail


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["--version"]])
def test_help_that_cannot_be_written_is_one_line_and_exit_1(args):
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "testimony_tui", *args],
            stdout=full, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, timeout=TIMEOUT,
        )
    assert (done.returncode, done.stderr) == (1, "testimony-tui: cannot write output: No space left on device\n")


def test_a_warning_that_cannot_be_written_does_not_stop_the_command(site_fixtures):
    path = config_file()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "nord"\nspeed = 9\n', encoding="utf-8")  # one warning: unknown setting
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "testimony_tui", "list", site_fixtures],
            stdout=subprocess.PIPE, stderr=full, stdin=subprocess.DEVNULL, text=True, timeout=TIMEOUT,
        )
    assert done.returncode == 0 and "Ada Lovelace" in done.stdout and "Grace Hopper" in done.stdout


def test_with_library_the_app_reads_the_default_folders_that_exist_too(tmp_path, site_fixtures):
    configured = tmp_path / "configured"
    configured.mkdir()
    draft = site_fixtures / "ada-lovelace.md"
    args = build_parser(commands_help()).parse([str(draft)])
    args.config = Config(paths=(configured, tmp_path / "never-made"))
    assert app_paths(args) == [draft]
    args = build_parser(commands_help()).parse(["--with-library", str(draft)])
    args.config = Config(paths=(configured, tmp_path / "never-made"))
    # The data folder (no sync yet) and a configured folder that is not there are left out.
    assert not user_data_dir().exists()
    assert app_paths(args) == [draft, bundled_data_dir(), configured]


@pytest.mark.parametrize("command", [["export", "dmitry-tantsur", "--format", "site"], ["export"], ["new"]])
def test_an_output_written_as_a_folder_must_be_one(capsys, tmp_path, real_pages, command):
    missing = tmp_path / "site" / "docs"
    output = ["-o", f"{missing}/"] if command[0] == "export" else [f"{missing}/"]
    code, out, err = run(capsys, *command, "--path", real_pages, *output)
    assert code == 2 and out == ""
    assert err == f"testimony-tui: error: argument {'-o/--output' if command[0] == 'export' else 'FILE'}: '{missing}/': no such folder (make it first, or give a file name) (see 'testimony-tui {command[0]} --help')\n"
    assert not (tmp_path / "site").exists()
