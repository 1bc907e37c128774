"""Compare's question picker narrows as you type: the keys that choose work from the box, the
counts stay beside each question, escape clears the box before it closes the picker."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from testimony_tui.screens.compare import CompareScreen, QuestionPicker

from ..waiting import wait_until
from .conftest import ready


def rows(picker: QuestionPicker) -> list[str]:
    options = picker.query_one(OptionList)
    return [line for y in range(options.size.height) if (line := options.render_line(y).text.strip())]


async def picker_open(app, pilot) -> QuestionPicker:
    await ready(app, pilot)
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, QuestionPicker), what="the question picker")
    return app.screen


async def test_typing_narrows_the_questions_and_enter_picks_the_highlighted(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        picker = await picker_open(app, pilot)
        everything = rows(picker)
        await pilot.press(*"TRICKY pain")  # case-insensitive, words in any order and part
        await pilot.pause()
        assert isinstance(app.screen.focused, Input)
        assert rows(picker) == ["3/3  Were there any particularly tricky or painful parts?"]
        await pilot.press(*["backspace"] * len("TRICKY pain"))
        await pilot.press(*"how")
        await pilot.pause()
        shown = rows(picker)
        assert 1 < len(shown) < len(everything)
        assert all("how" in row.casefold() for row in shown)
        assert "3/3  Roughly how long did the migration take?" in shown  # the count stays beside it
        target = shown.index("3/3  Roughly how long did the migration take?")
        await pilot.press(*["down"] * (target + 1), "up")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), what="the comparison")
        assert app.screen.question.label == "Roughly how long did the migration take?"


async def test_escape_clears_the_box_then_closes(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        picker = await picker_open(app, pilot)
        everything = rows(picker)
        await pilot.press(*"zebra")
        await pilot.pause()
        assert rows(picker) == ["No question has these words."]
        await pilot.press("enter")  # nothing to choose: stays
        assert app.screen is picker
        await pilot.press("escape")
        await pilot.pause()
        assert picker.query_one(Input).value == "" and rows(picker) == everything
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.main, what="the picker closed")
