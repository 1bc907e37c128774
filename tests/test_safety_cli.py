"""The command line under attack (issue 14, items 7 and 8): names no file can have, names that
look like options, output nobody reads or that cannot be written, exports onto special files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from testimony_tui.cli import main
from testimony_tui.files.locations import PATH_VARIABLE
from testimony_tui.files.storage import write_new

from . import hostile

TIMEOUT = 60  # a hang detector
LONG = f"/{hostile.LONG_NAME}"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def cli(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "testimony_tui", *map(str, args)],
        stderr=subprocess.PIPE, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, **kwargs,
    )


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["list", LONG], "argument PATH"),
        (["show", "ada-lovelace", LONG], "argument PATH"),
        (["export", "--path", LONG], "argument --path"),
        (["export", "ada-lovelace", "-o", LONG + "/out.md"], "argument -o/--output"),
        (["sync", "--from", LONG], "argument --from"),
        (["sync", "--from", "~nosuchuser/site"], "argument --from"),
        (["list", "/tmp/a\0b"], "argument PATH"),
    ],
)
def test_a_path_no_file_can_have_is_one_line(capsys, args, where):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith(f"testimony-tui: error: {where}: ") and err.count("\n") == 1
    assert any(reason in err for reason in ("file name too long", "not a user", "NUL"))


def test_a_path_variable_entry_no_file_can_have_is_a_warning(capsys, monkeypatch, site_fixtures):
    monkeypatch.setenv(PATH_VARIABLE, os.pathsep.join([LONG, str(site_fixtures)]))
    code, out, err = run(capsys, "list")
    assert code == 0 and "ada-lovelace" in out
    assert err == f"testimony-tui: {PATH_VARIABLE}: warning: {LONG!r}: file name too long; ignored\n"


@pytest.fixture
def dashed(tmp_path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "dashed"
    return folder, hostile.build_names(folder)


def test_testimonies_named_like_options_are_shown_after_a_double_dash(capsys, dashed):
    folder, names = dashed
    code, out, _ = run(capsys, "list", folder)
    assert code == 0 and all(slug in out for slug in names)
    for slug, author in names.items():
        code, out, err = run(capsys, "show", "--", slug, folder)
        assert (code, err) == (0, "") and out.startswith(author)
    code, out, _ = run(capsys, "show", "--markdown", "--", "--json", folder)
    assert code == 0 and "Dash Json" in out and not out.startswith("{")


@pytest.mark.parametrize("command", ["list", "compare"])
def test_a_query_may_start_with_a_dash(capsys, site_fixtures, command):
    question = ["how long"] if command == "compare" else []
    code, out, err = run(capsys, command, *question, "--filter", "-hopper", site_fixtures)
    assert (code, err) == (0, "")
    assert run(capsys, command, *question, "--filter=-hopper", site_fixtures)[1] == out
    assert "Ada Lovelace" in out and "Grace Hopper" not in out


def test_an_option_without_its_value_is_still_an_error(capsys, site_fixtures):
    code, _, err = run(capsys, "list", site_fixtures, "--filter", "--json")
    assert code == 2 and "argument --filter: expected one argument" in err


def test_output_to_a_full_disk_is_one_line_and_exit_1(site_fixtures):
    with open("/dev/full", "w") as full:
        done = cli("list", site_fixtures, stdout=full)
    assert done.returncode == 1
    assert done.stderr == "testimony-tui: cannot write output: No space left on device\n"


def test_output_to_a_closed_pipe_ends_quietly(site_fixtures):
    with subprocess.Popen(
        [sys.executable, "-m", "testimony_tui", "export", "--format", "json", "--path", site_fixtures],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    ) as process:
        process.stdout.close()  # the reader is gone before a byte is written, as with `| head -0`
        err = process.stderr.read()
        # 141 (128 + SIGPIPE), not 0: under `set -o pipefail` the cut output is seen, as with `seq`.
        assert process.wait(timeout=TIMEOUT) == 141
    assert err == b""


@pytest.mark.parametrize("name", ["fifo", "link-to-device"])
@pytest.mark.parametrize("force", [["--force"], []])
def test_an_export_never_replaces_a_special_file(capsys, site_fixtures, tmp_path, name, force):
    target = hostile.build_export_targets(tmp_path)[name]
    before = os.lstat(target)
    code, out, err = run(capsys, "export", "ada-lovelace", "--format", "json", "--path", site_fixtures, "-o", target, *force)
    assert code == 1 and out == ""
    assert err == f"testimony-tui: error: cannot write {target}: not a regular file\n"
    after = os.lstat(target)
    assert (after.st_ino, stat.S_IFMT(after.st_mode)) == (before.st_ino, stat.S_IFMT(before.st_mode))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["fifo.json", "null.json"]


def test_the_app_export_goes_around_a_special_file(tmp_path):
    taken = hostile.build_export_targets(tmp_path)["fifo"]
    written = write_new(tmp_path, "fifo", ".json", "[]\n")
    assert written == tmp_path / "fifo-2.json" and written.read_text() == "[]\n"
    assert stat.S_ISFIFO(os.lstat(taken).st_mode)


def test_a_link_loop_given_as_path_is_one_line(capsys, tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    code, _, err = run(capsys, "list", loop)
    assert code == 2 and err.count("\n") == 1
    assert f"argument PATH: '{loop}': too many levels of symbolic links" in err
