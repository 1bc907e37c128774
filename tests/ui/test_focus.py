"""The focus model: tab moves between the list and the reader only, the filter is reached by "/"
and left by escape or enter, and the pane that has the focus shows it by its frame."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.widgets._footer import FooterKey

from testimony_tui.widgets.reader import Reader
from testimony_tui.widgets.sidebar import FilterInput, TestimonyList

from ..waiting import wait_until
from .conftest import reading


def descriptions(app) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey) if not key.has_class("-command-palette")]


async def test_tab_goes_between_the_list_and_the_reader_never_into_the_filter(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        for key, focused in [("tab", TestimonyList), ("tab", Reader), ("shift+tab", TestimonyList), ("shift+tab", Reader)]:
            await pilot.press(key)
            assert isinstance(app.focused, focused), f"{key} went to {app.focused!r}"
        # Where Tab then "]" typed "]" into the filter: "No testimony matches ]", "0 of 3".
        await pilot.press("tab", "tab", "right_square_bracket")
        assert isinstance(app.focused, Reader)
        assert app.main.sidebar.filter_input.value == ""
        assert len(app.main.sidebar.shown) == 3
        assert app.main.reader.scroll_y > 0  # "]" went to the next section


async def test_tab_leaves_the_filter_for_the_list_and_stays_in_the_reader_without_sidebar(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        await pilot.press("slash", "x")
        assert isinstance(app.focused, FilterInput)
        await pilot.press("tab")
        assert isinstance(app.focused, TestimonyList)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Reader)
        await pilot.press("ctrl+b")  # no sidebar: nothing else to go to
        await pilot.press("tab")
        assert isinstance(app.focused, Reader)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, Reader)


async def test_enter_in_the_filter_opens_and_letters_are_keys_again(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        await pilot.press("slash", *"ironic", "enter")
        assert isinstance(app.focused, Reader)
        assert app.main.current.slug == "dmitry-tantsur"
        await wait_until(pilot, lambda: app.main.reader.settled, what="the testimony settled")
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: app.main.reader.scroll_y > 0, what="] went to the next section")
        assert app.main.sidebar.filter_input.value == "ironic"


async def test_escape_clears_the_filter_then_leaves_it_for_the_list(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        await pilot.press("slash", "x")
        assert "Clear" in descriptions(app)
        await pilot.press("escape")
        assert isinstance(app.focused, FilterInput) and app.focused.value == ""
        await pilot.pause()
        assert "Leave" in descriptions(app)
        await pilot.press("escape")
        assert isinstance(app.focused, TestimonyList)
        highlighted = app.main.sidebar.testimony_list.highlighted
        await pilot.press("j")  # a key again, not text
        assert app.main.sidebar.testimony_list.highlighted == highlighted + 1


async def test_the_footer_shows_the_filter_keys(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        shown = descriptions(app)
        assert {"Open", "Leave", "To the list"} <= set(shown), shown
        await pilot.press("a")
        await pilot.pause()
        shown = descriptions(app)
        assert {"Open", "Clear", "To the list"} <= set(shown) and "Leave" not in shown, shown


def edge(widget) -> tuple[Color | None, str]:
    """The colour and the character of a pane's left edge, as drawn on the screen (at its middle)."""
    region = widget.region
    strip = widget.screen._compositor.render_strips()[region.y + region.height // 2]
    segment = strip.crop(region.x, region.x + 1)._segments[0]
    color = segment.style.color if segment.style else None
    return (Color.from_rich_color(color) if color else None), segment.text


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_focused_pane_has_a_bright_frame_the_other_a_dim_one_in_the_same_place(app_factory, real_pages, theme):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        app.theme = theme
        await pilot.pause()
        sidebar, pane = app.main.sidebar, app.main.reader_pane
        regions = (sidebar.region, pane.region, app.main.reader.content_region)
        accent = Color.parse(app.theme_variables["border"])  # Textual's colour of a focused frame
        background = Color.parse(app.current_theme.background or "black")

        app.main.reader.focus()
        await pilot.pause()
        lit, lit_char = edge(pane)
        dim, dim_char = edge(sidebar)
        assert lit_char.strip() and dim_char == lit_char  # a frame on both, lit on one
        assert _near(lit, accent)
        assert dim != lit
        # Dim, yet there: nearer the background than the lit one.
        assert _distance(dim, background) < _distance(lit, background)

        app.main.sidebar.testimony_list.focus()
        await pilot.pause()
        assert _near(edge(sidebar)[0], accent) and edge(pane)[0] == dim
        assert (sidebar.region, pane.region, app.main.reader.content_region) == regions  # nothing moved

        await pilot.press("slash")  # the filter is in the sidebar: its frame stays lit
        await pilot.pause()
        assert _near(edge(sidebar)[0], accent)


def _distance(a: Color, b: Color) -> int:
    return sum(abs(x - y) for x, y in zip(a.rgb, b.rgb, strict=True))


def _near(a: Color, b: Color) -> bool:
    """The same colour, but for rounding."""
    return _distance(a, b) <= 3


@pytest.mark.parametrize("key", ["t", "question_mark", "exclamation_mark", "c"])
async def test_a_dialog_shows_its_own_keys_in_the_footer(app_factory, real_pages, key):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        await pilot.press(key)
        dialog = app.screen
        assert dialog is not app.main
        await wait_until(pilot, lambda: "Close" in descriptions(app), what="the dialog's keys in its footer")
        assert "Compare" not in descriptions(app)  # the main screen's keys do nothing here
        footer = dialog.query_one("Footer")
        assert footer.region.bottom == 24 and footer.region.width == 80  # drawn at the bottom, whole
