"""Packaging facts a user relies on: shipped styles, the bundled seed and its notice."""

from __future__ import annotations

from pathlib import Path

import testimony_tui
from testimony_tui.app import TestimonyApp
from testimony_tui.locations import bundled_data_dir

PACKAGE = Path(testimony_tui.__file__).parent


def test_every_tcss_file_is_loaded_by_the_app():
    on_disk = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.tcss"))
    assert sorted(TestimonyApp.CSS_PATH) == on_disk


def test_core_modules_do_not_import_textual():
    ui = {"app.py", "commands.py", "web.py"}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in ("screens", "widgets") or str(relative) in ui:
            continue
        assert "textual" not in path.read_text(), f"{relative} is core and must not import textual"


def test_seed_is_shipped_unmodified_with_notice(shared):
    seed = bundled_data_dir() / "dmitry-tantsur.md"
    assert seed.read_bytes() == (shared / "dmitry-tantsur.md").read_bytes()
    notice = (bundled_data_dir() / "NOTICE").read_text()
    assert "CC BY-ND 4.0" in notice and "removal.eventlet.org" in notice


def test_only_the_seed_is_shipped():
    assert sorted(path.name for path in bundled_data_dir().iterdir()) == ["NOTICE", "dmitry-tantsur.md"]
