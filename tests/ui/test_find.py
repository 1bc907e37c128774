"""Pilot tests of find: modeless (n is always the next testimony), the text found as typed, and
the current match shown under its question."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.widgets._footer import FooterKey

from ..waiting import wait_until
from .conftest import reading

TRICKY = "Were there any particularly tricky or painful parts?"


def footer_descriptions(app) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey) if not key.has_class("-command-palette")]


def status(pane) -> str:
    return str(pane.find_bar.query_one("#find-status").render())


def on_screen(reader, y: int) -> bool:
    return reader.scroll_y <= y < reader.scroll_y + reader.scrollable_content_region.height


async def test_after_find_and_escape_n_opens_the_next_testimony(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        pane = app.main.reader_pane
        await pilot.press("ctrl+f", *"eventlet")
        await wait_until(pilot, lambda: pane.match_count > 1, what="eventlet found")
        await pilot.press("enter")
        assert status(pane) == f"match 2 of {pane.match_count}"
        await pilot.press("escape", "n")  # escape closes the bar and clears the highlights, at once
        await wait_until(pilot, lambda: app.main.current.slug == "daniel-bengtsson", what="the next testimony")
        assert not pane.find_bar.has_class("-visible") and app.focused is app.main.reader
        assert pane.match_count == 0 and all(not panel.needles for panel in app.main.reader.panels)
        await pilot.press("p")
        await wait_until(pilot, lambda: app.main.current.slug == "arnaud-morin", what="the previous testimony")


async def test_the_find_bar_shows_its_keys_in_the_footer(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        await pilot.press("ctrl+f", *"eventlet")
        await wait_until(pilot, lambda: app.main.reader_pane.match_count > 1, what="eventlet found")
        await wait_until(pilot, lambda: "Next match" in footer_descriptions(app), what="the find keys in the footer")
        shown = footer_descriptions(app)
        assert {"Next match", "Previous match", "Close"} <= set(shown), shown
        keys = [key for key in app.screen.query(FooterKey) if key.description in ("Next match", "Previous match", "Close")]
        assert all(key.region.width > 0 for key in keys)  # all three fit at 80 columns
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Next match" not in footer_descriptions(app), what="the find keys gone")


async def test_a_phrase_is_found_only_as_a_phrase(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        pane = app.main.reader_pane
        # Arnaud writes "unit tests" twice and "Unit tests failing" once, in bold, then "because".
        await pilot.press("ctrl+f", *"Unit tests failing because")
        await wait_until(pilot, lambda: status(pane) == "match 1 of 1", what="one match", seen=lambda: status(pane))
        current = next(panel for panel in app.main.reader.panels if panel.current is not None)
        assert current.entry.question == TRICKY
        await pilot.press(*" ing")  # "failing becauseing" is nowhere
        await wait_until(pilot, lambda: status(pane) == "no match", what="no match", seen=lambda: status(pane))


async def test_the_current_match_sits_under_its_question(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        pane = app.main.reader_pane
        reader = app.main.reader
        await pilot.press("ctrl+f", *"trickier")  # once, deep in the answer to TRICKY
        await wait_until(pilot, lambda: pane.match_count == 1, what="trickier found")
        panel = next(panel for panel in reader.panels if panel.current is not None)
        assert panel.entry.question == TRICKY
        match_y = panel.virtual_region.y + panel.current_match_line()
        title_y = panel.virtual_region.y + panel.styles.gutter.top
        await wait_until(pilot, lambda: on_screen(reader, match_y), what="the match on screen")
        assert on_screen(reader, title_y), (reader.scroll_y, title_y, match_y)
        screen = app.export_screenshot().replace("&#160;", " ")
        assert "Were there any particularly" in screen and "trickier" in screen


async def test_a_searchs_words_are_stepped_with_ctrl_g_and_cleared_with_escape(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (100, 35)) as pilot:
        await pilot.press("s", *"cotyledon spawn")
        await wait_until(pilot, lambda: len(getattr(app.screen, "hits", ())) == 2, what="two answers found")
        await pilot.press("down", "down", "enter")  # Daniel's "Have you faced blockers?"
        pane = app.main.reader_pane
        await wait_until(pilot, lambda: app.main.current.slug == "daniel-bengtsson" and pane.match_count > 1)
        assert not pane.find_bar.has_class("-visible")  # highlighted with the find bar closed
        first = pane.match_index
        await pilot.press("ctrl+g")
        assert pane.match_index == (first + 1) % pane.match_count
        await pilot.press("shift+f3", "shift+f3")
        assert pane.match_index == (first - 1) % pane.match_count
        await pilot.press("escape")
        assert pane.match_count == 0 and all(not panel.needles for panel in app.main.reader.panels)
        await pilot.press("n")
        await wait_until(pilot, lambda: app.main.current.slug == "dmitry-tantsur", what="the next testimony")


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = color.rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: Color, other: Color) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_current_match_reads_clearly_in_every_theme(app_factory, real_pages, theme):
    app = app_factory(real_pages)
    async with reading(app, (100, 35)) as pilot:
        app.theme = theme
        await pilot.press("ctrl+f", *"eventlet")
        await wait_until(pilot, lambda: status(app.main.reader_pane).startswith("match 1"), what="the first match")
        panel = next(panel for panel in app.main.reader.panels if panel.current is not None)
        segments = [segment for line in app.console.render_lines(panel.render(), app.console.options.update_width(60)) for segment in line]
        [current] = [segment for segment in segments if segment.style and segment.style.meta.get("current_match")]
        style = current.style
        assert contrast(Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)) >= 4.5


async def test_ctrl_f_again_keeps_the_current_match_and_tab_goes_to_the_text(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (100, 35)) as pilot:
        pane = app.main.reader_pane
        await pilot.press("ctrl+f", *"eventlet")
        await wait_until(pilot, lambda: status(pane).startswith("match 1 of"), what="the first match")
        await pilot.press("enter", "enter", "enter")
        assert status(pane).startswith("match 4 of")
        await pilot.press("ctrl+f")  # as in a browser: back in the box, at the same match
        await pilot.pause()
        assert status(pane).startswith("match 4 of") and pane.find_bar.has_focus_within
        await pilot.press("tab")  # from the find bar to the text it finds in, not to the list
        assert app.focused is app.main.reader
        await pilot.press("ctrl+g")
        assert status(pane).startswith("match 5 of")
