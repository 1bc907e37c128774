"""Links you can see and follow: coloured apart from the text, marked with where they go, and
followed from the keyboard (``f``, then the label shown on the link)."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style

from testimony_tui.model import Paragraph, Span
from testimony_tui.widgets.panels import EntryPanel, TextPanel
from testimony_tui.widgets.rich_text import IN_APP_MARKER, WEB_MARKER, Renderer

from ..waiting import wait_until
from .conftest import reading


def segments(panel: TextPanel) -> list[Segment]:
    return [segment for y in range(panel.size.height) for segment in panel.render_line(y)]


def lines(panel: TextPanel) -> list[str]:
    return [panel.render_line(y).text for y in range(panel.size.height)]


def style_of(panel: TextPanel, text: str) -> Style:
    return next(segment.style for segment in segments(panel) if text in segment.text)


def apart(one: Style, other: Style) -> bool:
    """Whether two colours are told apart at a glance, not merely different by a shade."""
    red, green, blue = one.color.get_truecolor()
    red2, green2, blue2 = other.color.get_truecolor()
    return abs(red - red2) + abs(green - green2) + abs(blue - blue2) >= 64


async def show(app, pilot, slug: str) -> None:
    app.main.open(slug)
    await wait_until(pilot, lambda: app.main.reader.settled, what=f"{slug} shown")
    await pilot.pause()


def first_answer(app) -> EntryPanel:
    return next(panel for panel in app.main.reader.panels if isinstance(panel, EntryPanel))


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_a_link_stands_out_from_the_text_around_it(app_factory, site_fixtures, theme):
    app = app_factory(site_fixtures)
    async with reading(app, (100, 35)) as pilot:
        app.theme = theme
        await show(app, pilot, "grace-hopper")  # "The COBOL runtime, see Ada's story."
        panel = first_answer(app)
        link, text = style_of(panel, "Ada's story"), style_of(panel, "runtime, see")
        assert link.underline
        assert apart(link, text)


async def test_links_say_where_they_go(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with reading(app, (100, 35)) as pilot:
        await show(app, pilot, "grace-hopper")
        assert any(f"see Ada's story{IN_APP_MARKER}." in line for line in lines(first_answer(app)))
        profile = app.main.reader.panels[0]
        assert any(f"https://example.org/grace{WEB_MARKER}" in line for line in lines(profile))


def test_markers_are_neither_found_nor_counted():
    spans = (Span("see "), Span("Ada's ", href="testimony:ada"), Span("story", bold=True, href="testimony:ada"), Span(". And"))
    renderer = Renderer(lambda _: Style(), ("story. and",))
    text = renderer.paragraph(Paragraph(spans))
    assert text.plain == f"see Ada's story{IN_APP_MARKER}. And"
    assert renderer.matches == 1
    assert renderer.links == ["testimony:ada"]  # one link of two spans: one label, one marker
