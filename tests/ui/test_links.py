"""Links you can see and follow: coloured apart from the text, marked with where they go, and
followed from the keyboard (``f``, then the label shown on the link)."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from rich.style import Style

from testimony_tui.core.model import Paragraph, Span
from testimony_tui.screens.compare import CompareScreen
from testimony_tui.screens.links import LinkHints, hint_labels
from testimony_tui.widgets.panels import EntryPanel, TextPanel
from testimony_tui.widgets.rich_text import IN_APP_MARKER, WEB_MARKER, Renderer, link_marker

from ..waiting import wait_until
from .conftest import notifications, reading
from .test_views import pick


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


async def label_links(app, pilot, slug: str = "") -> None:
    """``f`` in the reader (showing ``slug`` first, if given), and wait for the labels."""
    if slug:
        await show(app, pilot, slug)
        app.main.reader.focus()
    await pilot.press("f")
    await wait_until(pilot, lambda: isinstance(app.screen, LinkHints), what="the links labelled")


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


@pytest.mark.parametrize(
    ("href", "marker"),
    [
        ("testimony:ada", IN_APP_MARKER),
        ("https://example.org", WEB_MARKER),
        ("HTTP://EXAMPLE.ORG", WEB_MARKER),
        ("mailto:a@example.org", WEB_MARKER),
        ("ftp://example.org", ""),  # goes nowhere from here: no promise made
    ],
)
def test_each_kind_of_link_has_its_marker(href, marker):
    assert link_marker(href) == marker


def test_links_side_by_side_keep_their_own_markers_and_indices():
    spans = (Span("a", href="testimony:x"), Span("b", href="https://b.example"), Span(" c"))
    renderer = Renderer(lambda _: Style())
    text = renderer.paragraph(Paragraph(spans))
    assert text.plain == f"a{IN_APP_MARKER}b{WEB_MARKER} c"
    assert renderer.links == ["testimony:x", "https://b.example"]
    clicks = {text.plain[span.start : span.end]: span.style.meta["@click"] for span in text.spans if span.style.meta}
    assert clicks == {"a": "follow_link(0)", "b": "follow_link(1)"}  # the markers are no part of the links


def test_hint_labels_are_single_keys_while_they_suffice_and_never_start_one_another():
    assert hint_labels(3) == ["a", "s", "d"]
    many = hint_labels(30)
    assert len(set(many)) == 30
    assert not any(one != other and other.startswith(one) for one in many for other in many)


def screen_lines(screen) -> list[str]:
    """The text of each row of ``screen`` as the terminal shows it."""
    return [strip.text for strip in screen._compositor.render_strips()]


def hints(app) -> dict[str, str]:
    """What each label on screen follows: its link's target."""
    screen = app.screen
    assert isinstance(screen, LinkHints)
    return {label: link.panel.links[link.index] for label, link in screen.hints.items()}


async def test_f_labels_the_links_on_screen_and_a_label_opens_its_testimony(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with reading(app, (100, 35)) as pilot:
        await label_links(app, pilot, "grace-hopper")
        await pilot.pause()
        assert hints(app) == {"a": "https://example.org/grace", "s": "testimony:ada-lovelace"}
        # Each label is drawn over the first letter of its link.
        under = screen_lines(app.main)
        for label, link in app.screen.hints.items():
            widget, _ = app.screen.get_widget_at(*link.place)
            assert str(widget.render()) == label
            assert under[link.place.y][link.place.x :].startswith({"a": "https://example.org/grace", "s": "Ada's story"}[label])
        await pilot.press("s")
        await wait_until(pilot, lambda: app.main.current.slug == "ada-lovelace", what="Ada's testimony opened")
        assert opened_urls == []
        await pilot.press("backspace")  # as after a click: the way back is remembered
        assert app.main.current.slug == "grace-hopper"


async def test_a_label_of_a_web_link_goes_to_the_browser(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with reading(app, (100, 35)) as pilot:
        await label_links(app, pilot, "grace-hopper")
        await pilot.press("a")
        await wait_until(pilot, lambda: opened_urls == ["https://example.org/grace"], what="the profile link opened")
        assert app.screen is app.main
        assert app.main.current.slug == "grace-hopper"


async def test_a_click_on_a_label_follows_its_link_and_elsewhere_none(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with reading(app, (100, 35)) as pilot:
        await label_links(app, pilot, "grace-hopper")
        await pilot.click(offset=(0, 10))  # the sidebar, under the labels' screen
        await wait_until(pilot, lambda: app.screen is app.main, what="the labels gone")
        assert app.main.current.slug == "grace-hopper"
        await label_links(app, pilot)
        await pilot.click(offset=app.screen.hints["s"].place)  # the label over "Ada's story"
        await wait_until(pilot, lambda: app.main.current.slug == "ada-lovelace", what="Ada's testimony opened")
        assert opened_urls == []


async def test_escape_cancels_and_other_keys_do_nothing_meanwhile(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with reading(app, (100, 35)) as pilot:
        await label_links(app, pilot, "grace-hopper")
        await pilot.press("q", "n", "x")  # no such labels: not quit, not the next testimony either
        assert isinstance(app.screen, LinkHints)
        assert app.is_running
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is app.main, what="the labels gone")
        assert app.main.current.slug == "grace-hopper"
        assert opened_urls == []


async def test_only_the_links_on_screen_are_labelled(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (80, 24)) as pilot:  # Arnaud Morin: his profile link on the first screen
        await label_links(app, pilot)
        assert hints(app) == {"a": "https://www.arnaudmorin.fr/"}
        await pilot.press("escape")
        reader = app.main.reader
        wiki = next(panel for panel in reader.panels if "https://wiki.openstack.org/wiki/Eventlet-removal" in panel.links)
        reader.scroll_to_widget(wiki, animate=False, top=True)
        await pilot.pause()
        await label_links(app, pilot)
        assert hints(app) == {"a": "https://wiki.openstack.org/wiki/Eventlet-removal"}


async def test_f_with_no_link_on_screen_says_so(app_factory, tmp_path):
    (tmp_path / "plain.md").write_text("<div><h2>A</h2><p>Working on P</p></div><h3>S</h3><div><h3>Q?</h3><p>a</p></div>")
    app = app_factory(tmp_path)
    async with reading(app, (100, 35)) as pilot:
        await pilot.press("f")
        await wait_until(pilot, lambda: "No link on the screen." in notifications(app), what="said so")
        assert app.screen is app.main


async def labelled_in_compare(app, pilot, question: str) -> dict[str, str]:
    await pilot.press("c")
    await pick(pilot, question)
    assert isinstance(app.screen, CompareScreen)
    await wait_until(pilot, lambda: app.screen.view.settled and app.screen.view.panels, what="the answers shown")
    await pilot.pause()
    await pilot.press("f")
    await wait_until(pilot, lambda: isinstance(app.screen, LinkHints), what="the links labelled")
    return hints(app)


async def test_in_compare_a_label_opens_the_linked_testimony_in_the_reader(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with reading(app, (100, 35)) as pilot:
        assert app.main.current.slug == "ada-lovelace"
        labelled = await labelled_in_compare(app, pilot, "Which project did you migrate?")
        assert labelled == {"a": "testimony:ada-lovelace"}  # Grace's answer: "see Ada's story"
        app.main.open("grace-hopper")  # so that the link's effect shows
        await pilot.press("a")
        await wait_until(pilot, lambda: app.screen is app.main, what="compare closed")
        await wait_until(pilot, lambda: app.main.current.slug == "ada-lovelace", what="Ada's testimony opened")
        assert opened_urls == []


async def test_in_compare_a_web_link_goes_to_the_browser(app_factory, real_pages, opened_urls):
    app = app_factory(real_pages)
    async with reading(app, (100, 35)) as pilot:
        labelled = await labelled_in_compare(app, pilot, "How did the migration process go? Where did you start?")
        wiki = next(label for label, href in labelled.items() if href == "https://wiki.openstack.org/wiki/Eventlet-removal")
        await pilot.press(wiki)
        await wait_until(pilot, lambda: opened_urls == ["https://wiki.openstack.org/wiki/Eventlet-removal"], what="opened")
        assert isinstance(app.screen, CompareScreen)
