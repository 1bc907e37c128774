"""Insights as one page: quotes that say how long (whole sentences, the span of time marked, each
opening its answer), keys that reach the whole page, one highlight, a readable measure."""

from __future__ import annotations

from testimony_tui.screens.insights import InsightList, InsightsScreen

from ..test_insights_quotes import JULIA, page
from ..waiting import wait_until
from .conftest import ready


async def insights(app, pilot) -> InsightsScreen:
    await ready(app, pilot)
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen), what="the insights screen")
    await pilot.pause()
    return app.screen


def lines(widget) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def bold_after(widget, author: str) -> list[str]:
    """The bold words shown under ``author``'s name in ``widget``, up to the next name."""
    words, under = [], False
    for y in range(widget.size.height):
        strip = widget.render_line(y)
        if strip.text.strip() == author:
            under = True
            continue
        if under and strip.text.startswith(" ") and not strip.text.lstrip().startswith("“") and words:
            break
        if under:
            words += [segment.text for segment in strip if segment.style and segment.style.bold and segment.text.strip()]
    return " ".join(" ".join(words).split()).split(" ")


def folded(texts: list[str]) -> str:
    return " ".join(" ".join(texts).split())


async def test_how_long_quotes_whole_sentences_with_the_span_marked(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await insights(app, pilot)
        durations = screen.query_one("#durations")
        shown = folded(lines(durations))
        assert (
            "I think the core of it started after the previous PTG and finished a couple of weeks "
            "before the final 2025.2 release." in shown
        )
        assert "a couple of weeks, 2025.2 release" not in shown
        # Arnaud's hours were per session: the sentence says so.
        assert "spent something like 2-3 hours each time to make sure everything works fine." in shown
        assert bold_after(durations, "Dmitry Tantsur") == ["a", "couple", "of", "weeks"]


async def test_four_or_five_months_is_quoted_whole(app_factory, tmp_path):
    page(tmp_path, "julia-kreger", "Julia Kreger", "Roughly how long did the migration take?", JULIA)
    app = app_factory(tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await insights(app, pilot)
        durations = screen.query_one("#durations")
        shown = folded(lines(durations))
        assert "felt about a four or five month process." in shown
        assert bold_after(durations, "Julia Kreger") == ["four", "or", "five", "month"]


async def test_a_quote_opens_the_testimony_at_its_answer(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await insights(app, pilot)
        screen.query_one("#durations").focus()
        await pilot.press("down", "down", "enter")
        await wait_until(pilot, lambda: app.screen is app.main, what="back on the main screen")
        reader = app.main.reader
        await wait_until(pilot, lambda: reader.settled and reader.scroll_y > 0, what="the reader at the answer")
        assert app.main.current.slug == "dmitry-tantsur"
        target = reader.target(2, 2)
        assert target.entry.question == "Roughly how long did the migration take?"
        y = target.virtual_region.y
        assert reader.scroll_y <= y < reader.scroll_y + reader.scrollable_content_region.height
        assert reader.has_focus


async def test_end_home_and_pages_reach_the_whole_page(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await insights(app, pilot)
        page_ = screen.page
        lists = screen.lists
        assert page_.max_scroll_y > 0  # more than one screen at 80x24
        await pilot.press("end")
        await wait_until(pilot, lambda: screen.focused is lists[-1], what="the last list focused")
        assert page_.scroll_y == page_.max_scroll_y
        assert lists[-1].highlighted == lists[-1].option_count - 1
        assert lists[-1].region.bottom <= page_.region.bottom  # its last row on screen
        await pilot.press("home")
        await wait_until(pilot, lambda: screen.focused is lists[0], what="the first chart focused")
        assert page_.scroll_y == 0 and lists[0].highlighted == 0
        for forward, back in (("pagedown", "pageup"), ("space", "b")):
            for _ in range(10):
                await pilot.press(forward)
            assert page_.scroll_y == page_.max_scroll_y
            assert screen.focused is lists[-1] and lists[-1].highlighted == lists[-1].option_count - 1
            for _ in range(10):
                await pilot.press(back)
            assert page_.scroll_y == 0
            assert screen.focused is lists[0] and lists[0].highlighted == 0


async def test_j_and_k_go_through_every_row_of_every_list(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await insights(app, pilot)
        lists = screen.lists
        rows = sum(found.option_count for found in lists)
        seen = []
        for _ in range(rows - 1):
            await pilot.press("j")
            seen.append((lists.index(screen.focused), screen.focused.highlighted))
        assert seen[-1] == (len(lists) - 1, lists[-1].option_count - 1)
        assert len(set(seen)) == rows - 1  # every row once, none skipped
        assert screen.page.scroll_y == screen.page.max_scroll_y
        for _ in range(rows - 1):
            await pilot.press("k")
        assert (screen.focused, screen.focused.highlighted) == (lists[0], 0)
        assert screen.page.scroll_y == 0


async def test_only_the_focused_list_shows_a_highlight_and_tab_moves_between_charts(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await insights(app, pilot)
        lists = list(screen.query(InsightList))
        assert len(lists) == 4
        for step in range(len(lists)):
            assert screen.focused is lists[step]
            assert [found.highlighted is not None for found in lists] == [n == step for n in range(len(lists))]
            region = lists[step].region
            assert screen.page.region.contains(region.x, region.y), "the focused chart is in view"
            await pilot.press("tab")
        await pilot.press("shift+tab", "shift+tab")
        assert screen.focused is lists[-2]


async def test_insights_keep_a_readable_measure(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await insights(app, pilot)
        widest = max(len(line) for found in screen.query(InsightList) for line in lines(found))
        assert 60 < widest <= 88


async def test_the_first_screen_starts_at_the_top_with_the_first_charts_title(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await insights(app, pilot)
        assert screen.page.scroll_y == 0
        first = screen.lists[0]
        assert first.has_focus and first.highlighted == 0
        page = screen.page.region
        shown, _ = screen.get_widget_at(page.x + 3, page.y + 1)  # under the title's margin
        assert shown.has_class("insight-title") and "Testimonies per project" in str(shown.render())
