"""Attack: controls in the data folder's name reach the terminal through ``sync``'s report.

docs/safety.md, "Names are shown, not obeyed": wherever a file or folder name is shown, "its
controls and bidi marks are visible escapes (``\\n``, ``\\x1b``, ``\\u202e``) ... a name never
starts a new output line". ``sync`` prints the kept set's path ("the set this sync replaced is
kept in .../site/.previous", new today) and the target ("1 testimony (...) in ...") raw: a data
folder whose name holds ``\\x1b[31m`` and a newline writes both to the terminal.
"""

from __future__ import annotations

from .command import cli
from .hostile import site_page


def test_sync_shows_the_data_folder_and_its_previous_set_escaped(tmp_path, monkeypatch):
    data = tmp_path / "d\x1b[31mX\nNEWLINE"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    for version in ("a", "b"):
        source = tmp_path / version
        source.mkdir()
        (source / "ada.md").write_text(site_page("Ada", answer=f"version {version}"), encoding="utf-8")
        process = cli("sync", "--from", str(source), timeout=60)
        assert process.returncode == 0, process.stderr
    output = process.stdout + process.stderr
    assert ".previous" in output
    assert "\x1b" not in output
    assert not any(line.startswith("NEWLINE") for line in output.splitlines())
