"""The term list of insights: its lines, and the files that are missing or unreadable."""

from __future__ import annotations

from testimony_tui.core.insights import Technology
from testimony_tui.files.technologies import TECHNOLOGIES, read_technologies


def test_comments_and_blank_lines_name_no_technology(tmp_path):
    path = tmp_path / "technologies.txt"
    path.write_text("# Servers: gunicorn\n\n   \nCheroot: cheroot\n", encoding="utf-8")
    assert read_technologies(path).technologies == [Technology("Cheroot", ("cheroot",))]


def test_a_phrase_may_hold_a_colon(tmp_path):
    path = tmp_path / "technologies.txt"
    path.write_text("Python 3.12: py3.12, python:3.12\n", encoding="utf-8")
    assert read_technologies(path).technologies == [Technology("Python 3.12", ("py3.12", "python:3.12"))]


def test_a_missing_or_unreadable_file_leaves_the_files_after_it_read(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Caf\xe9: cafe\n")
    good = tmp_path / "good.txt"
    good.write_text("Cheroot: cheroot\n", encoding="utf-8")
    listed = read_technologies(tmp_path / "missing.txt", bad, good)
    assert listed.technologies == [Technology("Cheroot", ("cheroot",))]
    assert listed.warnings == [f"{bad}: cannot read it (it is not UTF-8 text); its technologies are left out"]
    assert read_technologies(tmp_path / "missing.txt", TECHNOLOGIES) == read_technologies(TECHNOLOGIES)
