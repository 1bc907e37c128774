"""A readable measure: on a wide terminal the text keeps to a column of at most 88, centred."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from testimony_tui.screens.compare import CompareScreen
from testimony_tui.widgets.panels import SectionHeading, TextPanel

from ..waiting import wait_until
from .conftest import reading, ready
from .test_views import pick

MEASURE = 88
"""Columns of a panel, its frame included, at the most."""


def column(widgets: list[Widget], within: Widget) -> set[tuple[int, int]]:
    """The (left, right) margins that each of ``widgets`` leaves in ``within``'s content."""
    area = within.scrollable_content_region
    return {(widget.region.x - area.x, area.right - widget.region.right) for widget in widgets}


def centred(margins: set[tuple[int, int]]) -> bool:
    return all(abs(left - right) <= 1 for left, right in margins)


async def test_reader_keeps_to_a_centred_column_on_a_wide_terminal(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (120, 40)) as pilot:
        await pilot.press("ctrl+b")  # the sidebar hidden: the reader is 120 wide
        reader = app.main.reader
        await wait_until(pilot, lambda: reader.content_region.width > 100, what="the reader widened")
        shown = [widget for widget in reader.query("TextPanel, SectionHeading") if widget.region.height]
        assert any(isinstance(widget, TextPanel) for widget in shown)
        assert any(isinstance(widget, SectionHeading) for widget in shown)
        assert max(widget.region.width for widget in shown) <= MEASURE
        assert centred(column(shown, reader))


async def test_reader_at_80_columns_uses_the_width_it_has(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (80, 24)):
        reader = app.main.reader
        panel = reader.panels[0]
        assert panel.region.width == reader.scrollable_content_region.width


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_compare_keeps_to_the_same_column(app_factory, real_pages, size):
    app = app_factory(real_pages)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        await pick(pilot, "Have you faced blockers? If so, which?")  # one did not answer
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        view = screen.view
        panels = view.panels
        unanswered = screen.query_one(".unanswered")
        assert max(widget.region.width for widget in [*panels, unanswered]) <= MEASURE
        assert centred(column([*panels, unanswered], view))
        # The question reads as the column's title: it starts where the panels' text does.
        question = screen.query_one("#compare-question")
        assert question.region.width <= MEASURE
        assert question.content_region.x == panels[0].content_region.x
