"""The hostile corpus in the app: every testimony opens, nothing runs, the app stays up."""

from __future__ import annotations

from textual.widget import Widget

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
                for offset in clickable(panel):
                    await pilot.click(panel, offset=offset)
            assert app.return_code is None  # nothing quit the app
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("escape", "slash", *"[/] [@click=app.quit]", "enter")
        await pilot.press("ctrl+f", *"[bold]", "enter", "escape")
        await pilot.press("s", *"[/]click", "enter")
        await pilot.pause()
        assert app.return_code is None  # nothing quit the app
        assert opened_urls, "no click reached a link: the clicks miss what they aim at"
        assert set(opened_urls) == {"https://example.org"}  # the corpus's one web link; never javascript: or file:
    assert tree_state(folder) == before  # open, filter, find, search: nothing written to the folder


def clickable(panel: Widget) -> list[tuple[int, int]]:
    """Where a click could do something in ``panel``'s first screenful: the start of each link, and of
    each piece of text that looks like markup (shown literally, it must stay inert)."""
    cells = []
    left, top = panel.gutter.left, panel.gutter.top  # lines are the content's; clicks land on the whole widget
    for y in range(min(panel.content_size.height, 12)):
        x = 0
        line = panel.render_line(y)
        for segment in line:
            style = segment.style
            if style is not None and (style.link or style.meta):
                cells.append((left + x, top + y))
            x += segment.cell_length
        text = line.text
        cells.extend((left + x, top + y) for x in range(len(text)) if text.startswith(("[@", "[link"), x))
    return sorted(set(cells))
