"""Packaging facts a user relies on: shipped styles, the bundled seed and its notice."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import testimony_tui
from testimony_tui.app import TestimonyApp
from testimony_tui.files.locations import bundled_data_dir

PACKAGE = Path(testimony_tui.__file__).parent
UI_PACKAGES = ("screens", "widgets", "workers")


def test_every_tcss_file_is_loaded_by_the_app():
    on_disk = sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.tcss"))
    assert sorted(TestimonyApp.CSS_PATH) == on_disk


def test_core_modules_do_not_import_textual():
    ui = {"app.py", "palette.py", "startup.py", "cli/browser.py"}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in UI_PACKAGES or str(relative) in ui:
            continue
        assert "textual" not in path.read_text(), f"{relative} is core and must not import textual"


def test_seed_is_shipped_unmodified_with_notice(real_pages):
    seed = bundled_data_dir() / "dmitry-tantsur.md"
    assert seed.read_bytes() == (real_pages / "dmitry-tantsur.md").read_bytes()
    notice = (bundled_data_dir() / "NOTICE").read_text()
    assert "CC BY-ND 4.0" in notice and "removal.eventlet.org" in notice


def test_only_the_seed_is_shipped():
    assert sorted(path.name for path in bundled_data_dir().iterdir()) == ["NOTICE", "dmitry-tantsur.md"]


def test_real_page_fixtures_are_verbatim_with_notice(real_pages):
    """The site's pages the tests read are the four named in their NOTICE, each still the exact
    bytes it names (CC BY-ND: copies are verbatim, with the source and licence beside them)."""
    notice = (real_pages / "NOTICE").read_text()
    assert "CC BY-ND 4.0" in notice and "https://removal.eventlet.org" in notice
    recorded = {name: digest for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", notice, re.M)}
    pages = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in real_pages.glob("*.md")}
    assert pages == recorded
    assert sorted(pages) == ["arnaud-morin.md", "daniel-bengtsson.md", "dmitry-tantsur.md", "testimonials.md"]


def test_importing_the_core_loads_neither_textual_nor_rich():
    # As Harlequin checks it: in a fresh interpreter, every core module imported, then what loaded.
    import subprocess
    import sys

    ui = {"app", "palette", "startup", "browser", "__main__"}
    core = sorted(
        "testimony_tui." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in UI_PACKAGES and path.stem not in ui
    )
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({name!r})\n" for name in core)
    code += "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert len(core) > 30 and result.stdout.strip() == "[]", result.stdout
