"""Issue 14, items 1 and 2 in the app: what the screen shows of hostile fields and file names."""

from __future__ import annotations

import asyncio
import html
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import DataTable, Static

from testimony_tui.screens.problems import ProblemsScreen

from .. import hostile
from ..test_safety_properties import field_values, hostile_name, markdown_page, site_page
from .conftest import ready

RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def screen_text(app) -> str:
    """The text of the screen as drawn (the SVG screenshot, its entities read back)."""
    return html.unescape(app.export_screenshot())


async def test_hostile_fields_and_names_reach_the_screen_only_as_visible_text(app_factory, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    hostile.text_and_names(folder)
    app = app_factory(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        assert len(app.main.sidebar.shown) == 9
        app.main.reader.focus()
        for _ in range(len(app.main.sidebar.shown)):
            await pilot.press("n")
            await pilot.pause()
            assert not RAW.findall(screen_text(app))
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        table = app.screen.query_one(DataTable)
        table.focus()
        details = []
        for _ in range(table.row_count):
            await pilot.pause()
            details.append(str(app.screen.query_one("#problem-detail", Static).render()))
            assert not RAW.findall(screen_text(app))
            await pilot.press("down")
        assert f"{folder}/mallory\\x1b[2J\\u202e.html:1: warning: no author found; showing 'Mallory' from the file name" in details
        assert any(detail.startswith(f"{folder}/date-does-not-exist.md:3: error:") for detail in details)
        assert app.return_code is None  # nothing quit the app


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(site=field_values, markdown=field_values, names=st.lists(hostile_name, min_size=2, max_size=2, unique=True))
def test_random_hostile_text_never_reaches_the_screen(app_factory, site, markdown, names):
    # The property test's inputs (tests/test_safety_properties.py), a few of them: the app is slow to start.
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / f"{names[0]}.md").write_text(site_page(site))
        (folder / f"{names[1]}.md").write_text(markdown_page(markdown))
        (folder / f"{names[0]}.extra.md").write_text("\n\n")
        asyncio.run(_every_screen_is_clean(app_factory(folder)))


async def _every_screen_is_clean(app) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        assert len(app.main.sidebar.shown) == 2
        app.main.reader.focus()
        for _ in range(2):
            assert not RAW.findall(screen_text(app))
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.pause()
        assert not RAW.findall(screen_text(app))
