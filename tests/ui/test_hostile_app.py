"""The hostile corpus in the app: every testimony opens, nothing runs, the app stays up."""

from __future__ import annotations

from testimony_tui.screens.problems import ProblemsScreen

from .. import hostile
from ..test_hostile import tree_state
from .conftest import ready


async def test_app_survives_the_hostile_corpus(app_factory, tmp_path, opened_urls):
    folder = tmp_path / "hostile"
    expect = hostile.build(folder)
    before = tree_state(folder)
    app = app_factory(folder)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        shown = len(app.main.sidebar.shown)
        assert shown == sum(outcome == "testimony" for outcome in expect.values())
        app.main.reader.focus()
        for _ in range(shown):
            await pilot.press("n")
            await pilot.pause()
            screen = app.export_screenshot()
            assert "\x1b" not in screen.replace("&#27;", "") and "\u202e" not in screen
            for panel in app.main.reader.panels[:2]:
                app.main.reader.scroll_to_widget(panel, animate=False, top=True)
                await pilot.pause()
                for x in range(2, 30, 6):
                    await pilot.click(panel, offset=(x, 1))
            assert app.return_code is None  # nothing quit the app
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("escape", "slash", *"[/] [@click=app.quit]", "enter")
        await pilot.press("ctrl+f", *"[bold]", "enter", "escape")
        await pilot.press("s", *"[/]click", "enter")
        await pilot.pause()
        assert app.return_code is None  # nothing quit the app
        assert opened_urls == []
    assert tree_state(folder) == before  # open, filter, find, search: nothing written to the folder
