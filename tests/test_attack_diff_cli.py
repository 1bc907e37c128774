"""Attack: ``diff --from`` with a path no file can have.

docs/safety.md, "The command line": "A path no file can have (300 characters, a NUL, a link loop),
given as PATH, --path, -o or --from, is one line and exit 2." ``diff --from`` of 300 characters
is tested with ``Path.is_file()``, which raises ENAMETOOLONG: a traceback and exit 1.
"""

from __future__ import annotations

from .command import cli
from .hostile import site_page


def test_diff_from_a_name_too_long_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "ada.md").write_text(site_page("Ada", answer="one two"), encoding="utf-8")
    (tmp_path / "ada-2025-01-01.md").write_text(site_page("Ada", answer="one three"), encoding="utf-8")
    process = cli("diff", "ada", str(tmp_path), "--from", "x" * 300, timeout=60)
    assert "Traceback" not in process.stderr
    assert process.returncode == 2
    assert len(process.stderr.strip().splitlines()) == 1
