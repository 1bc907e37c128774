"""Pilot tests: filtering with each query form, find in the testimony, untrusted text."""

from __future__ import annotations

import webbrowser

import pytest
from textual import events

from testimony_tui.screens.compare import CompareScreen
from testimony_tui.widgets.panels import EntryPanel

from ..waiting import wait_until
from .conftest import notifications, ready
from .test_palette import offered
from .test_views import pick


async def type_filter(pilot, text: str) -> None:
    await pilot.press("slash", "ctrl+a", "ctrl+k", *text)
    await pilot.pause()


def shown(app) -> list[str]:
    return [t.author for t in app.main.sidebar.shown]


@pytest.mark.parametrize(
    ("query", "authors"),
    [
        ("futurist", ["Daniel Bengtsson", "Dmitry Tantsur"]),
        ('"very large etherpad"', ["Dmitry Tantsur"]),
        ("project:mistral", ["Arnaud Morin"]),
        ("author:bengtsson", ["Daniel Bengtsson"]),
        ('org:"red hat"', ["Daniel Bengtsson", "Dmitry Tantsur"]),
        ("keyword:governance", ["Dmitry Tantsur"]),
        ("-project:ironic futurist", ["Daniel Bengtsson"]),
    ],
)
async def test_filter_query_forms(app_factory, real_pages, query, authors):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await type_filter(pilot, query)
        assert shown(app) == authors
        assert app.sub_title.startswith(f"{len(authors)} of 3 testimonies")


async def test_no_match_message_and_escape(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await type_filter(pilot, "[bold]zebra")
        sidebar = app.main.sidebar
        assert sidebar.has_class("-empty")
        message = str(sidebar.query_one("#no-match").render())
        assert "No testimony matches" in message and "[bold]zebra" in message
        await pilot.press("escape")
        assert shown(app) == ["Ada Lovelace", "Grace Hopper"] and not sidebar.has_class("-empty")


def burst(app, text: str) -> None:
    """Keys as a fast typist or a busy moment deliver them: all queued before the first is handled."""
    for char in text:
        app.post_message(events.Key("slash" if char == "/" else char, char))


async def test_slash_and_a_word_typed_at_once_go_into_the_filter(app_factory, site_fixtures, isolated_home):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+b")  # even with the sidebar hidden
        app.main.reader.focus()
        await pilot.pause()
        # "e" exports, "t" opens the outline, "n" steps: none of them may run.
        burst(app, "/lovelace/net")
        await pilot.pause()
        await pilot.pause()
        assert app.main.sidebar.filter_input.value == "lovelace/net"  # a "/" in the box is text
        assert app.main.show_sidebar and app.screen is app.main
        assert not any((isolated_home / "Downloads").glob("*")), "an export ran"


async def test_selection_stays_on_the_same_testimony(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("down")
        assert app.main.sidebar.highlighted_slug == "grace-hopper"
        await type_filter(pilot, "o")  # both still match
        assert app.main.sidebar.highlighted_slug == "grace-hopper"


async def test_matches_are_highlighted_in_rows(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await type_filter(pilot, "author:love")
        content = app.main.sidebar.testimony_list.content_for(0)
        spans = [(span.start, span.end) for span in content.spans if "underline" in str(span.style)]
        assert spans == [(4, 8)]  # "Love" in "Ada Lovelace"


async def test_find_next_previous_and_status(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+f", *"futurist")
        await pilot.pause()
        pane = app.main.reader_pane
        assert pane.match_count == 0  # Arnaud never mentions it
        assert str(pane.find_bar.query_one("#find-status").render()) == "no match"
        await pilot.press("escape", "n")  # n with nothing found: next testimony
        await pilot.pause()
        assert app.main.current.slug == "daniel-bengtsson"
        assert pane.match_count == 0
        await pilot.press("ctrl+f", "ctrl+a", "ctrl+k", *"futurist")
        await pilot.pause()
        count = pane.match_count
        assert count == 6  # five in the answers, one in the summary from the index page
        status = pane.find_bar.query_one("#find-status")
        assert str(status.render()) == f"match 1 of {count}"
        reader = pane.view
        await pilot.press("enter", "enter")
        assert str(status.render()) == f"match 3 of {count}"
        await pilot.press("up")  # also shift+enter, where the terminal reports it
        assert str(status.render()) == f"match 2 of {count}"
        # The current match is on screen.
        current = next(p for p in reader.panels if p.current is not None)
        y = current.virtual_region.y + current.current_match_line()
        assert reader.scroll_y <= y < reader.scroll_y + reader.scrollable_content_region.height
        reader.focus()  # the bar stays open; ctrl+g (f3) and shift+f3 step from anywhere in the pane
        await pilot.press("ctrl+g")
        assert str(status.render()) == f"match 3 of {count}"
        await pilot.press("shift+f3", "shift+f3", "shift+f3")
        assert str(status.render()) == f"match {count} of {count}"
        await pilot.press("escape")  # closes the bar and clears the highlights
        assert pane.match_count == 0 and all(not p.needles for p in reader.panels)
        assert not pane.find_bar.has_class("-visible")


async def test_find_highlights_render_in_panels(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+f", *"engine")
        await pilot.pause()
        panel = next(p for p in app.main.reader.panels if isinstance(p, EntryPanel))
        text = panel.render()
        styled = [segment for line in app.console.render_lines(text, app.console.options.update_width(60)) for segment in line if segment.text == "Engine"]
        assert styled and styled[0].style.bgcolor is not None


HOSTILE = """---
title: "[@click=app.quit]T[/]"
---
<div>
  <h2>[@click=app.quit]Click me[/] \x1b]52;c;aGk=\x07Mallory\x1b[2J\u202e</h2>
  <a href="javascript:alert(1)">[link=https://evil.example]x[/link]</a>
  <p>Role [bold red]loud[/] at <a href="https://org.example">[b]Org[/b]</a></p>
  <p>Working on [i]Proj\x07ect[/i]</p>
</div>
<h3>Section [/]</h3>
<div>
  <h3>Question [@click=app.quit]?[/]</h3>
  <p>Answer with [bold]markup[/bold], \x1b[31mred\x1b[0m and <a href="file:///etc/passwd">a file link</a>.</p>
</div>
"""


async def test_untrusted_text_is_literal_and_inert(app_factory, tmp_path, opened_urls):
    (tmp_path / "mallory.md").write_text(HOSTILE)
    app = app_factory(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        testimony = app.main.current
        assert testimony.author == "[@click=app.quit]Click me[/] Mallory"
        screen_text = app.export_screenshot()
        for literal in ("[@click=app.quit]Click me[/]", "[bold red]loud[/]", "[i]Project[/i]", "[bold]markup[/bold]"):
            assert literal.replace(" ", "&#160;") in screen_text, literal
        assert "\x1b" not in screen_text and "\u202e" not in screen_text and "\x07" not in screen_text
        # Click every cell of the profile's first row and the question's title: nothing runs.
        profile, question = app.main.reader.panels[:2]
        for panel in (profile, question):
            app.main.reader.scroll_to_widget(panel, animate=False, top=True)
            await pilot.pause()
            for x in range(2, 40):
                await pilot.click(panel, offset=(x, 1))
        assert app.return_code is None  # no click quit
        assert opened_urls == []  # javascript: and file: links are plain text
        # The list row and the palette show it literally too.
        assert app.main.sidebar.testimony_list.content_for(0).plain.startswith("[@click=app.quit]Click me[/]")
        await pilot.press("ctrl+p", *"mallory")
        await wait_until(pilot, lambda: offered(app, "Open [@click=app.quit]Click me[/]"))
        await pilot.press("escape")
        assert app.return_code is None


async def test_open_url_refuses_other_schemes(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        for url in ("javascript:alert(1)", "file:///etc/passwd", "testimony:x", "data:text/html,x"):
            app.open_url(url)
        app.open_url("mailto:a@example.org")
        assert opened_urls == ["mailto:a@example.org"]


async def test_a_link_without_a_browser_is_copied_and_shown(app_factory, site_fixtures, monkeypatch):
    """A terminal with no browser to start (a server over ssh): the link is not lost in silence."""
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: False)
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("o")
        url = app.main.current.profile_url
        assert url.startswith("https://")
        assert app.clipboard == url
        assert any(url in message for message in notifications(app))


async def test_find_wraps_from_the_last_match_to_the_first_and_back(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("n")  # Daniel Bengtsson: six matches of "futurist"
        await wait_until(pilot, lambda: app.main.reader.settled, what="the testimony settled")
        await pilot.press("ctrl+f", *"futurist")
        pane = app.main.reader_pane
        await wait_until(pilot, lambda: pane.match_count == 6, what="six matches found")
        status = pane.find_bar.query_one("#find-status")
        reader = pane.view
        with_matches = [panel for panel in reader.panels if panel.count_matches(("futurist",))]
        first, last = with_matches[0], with_matches[-1]
        await pilot.press(*["enter"] * 5)
        assert str(status.render()) == "match 6 of 6"
        assert last.current == last.count_matches(("futurist",)) - 1
        await pilot.press("enter")  # past the last: the first
        assert str(status.render()) == "match 1 of 6"
        assert first.current == 0 and all(panel.current is None for panel in reader.panels if panel is not first)
        await pilot.press("up")  # before the first: the last
        assert str(status.render()) == "match 6 of 6"
        assert last.current == last.count_matches(("futurist",)) - 1
        await pilot.press("ctrl+g")  # ctrl+g and shift+f3 step the same way
        assert str(status.render()) == "match 1 of 6" and first.current == 0
        await pilot.press("shift+f3")
        assert str(status.render()) == "match 6 of 6"
        await pilot.press("ctrl+f", *"cotyledon")  # typed over the old word: from the new one's first match
        await wait_until(pilot, lambda: pane.match_count > 1, what="cotyledon found")
        assert str(status.render()) == f"match 1 of {pane.match_count}"


async def test_a_match_deep_in_a_long_answer_is_scrolled_into_view(app_factory, tmp_path):
    paragraphs = "\n\n".join("zebra here" if number == 40 else f"Paragraph {number}." for number in range(60))
    (tmp_path / "long.md").write_text(
        f"---\nauthor: Long Answer\nproject: P\n---\n\n## Context\n\n### Which project?\n\n{paragraphs}\n", encoding="utf-8"
    )
    (tmp_path / "other.md").write_text(
        "---\nauthor: Other Author\nproject: P\n---\n\n## Context\n\n### Which project?\n\nNo stripes.\n", encoding="utf-8"
    )
    app = app_factory(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert app.main.current.author == "Long Answer"
        await pilot.press("ctrl+f", *"zebra")
        pane = app.main.reader_pane
        await wait_until(pilot, lambda: pane.match_count == 1, what="one match found")
        reader = pane.view
        panel = next(p for p in reader.panels if p.current is not None)
        line = panel.current_match_line()
        assert line > reader.scrollable_content_region.height  # deeper in its panel than a screen
        y = panel.virtual_region.y + line
        await wait_until(
            pilot,
            lambda: reader.scroll_y <= y < reader.scroll_y + reader.scrollable_content_region.height,
            what="the match's line on screen",
        )
        assert "zebra" in app.export_screenshot()  # on screen, not only by the numbers
        await pilot.press("escape", "n")  # escape clears the find, and n is the next testimony as ever
        await wait_until(pilot, lambda: app.main.current.author == "Other Author", what="the next testimony")
        assert pane.match_count == 0


async def test_opening_an_answer_without_the_found_word_keeps_the_find(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("n")  # Daniel Bengtsson: six matches of "futurist", none in his tricky parts
        await wait_until(pilot, lambda: app.main.reader.settled, what="the testimony settled")
        await pilot.press("ctrl+f", *"futurist")
        pane = app.main.reader_pane
        await wait_until(pilot, lambda: pane.match_count == 6, what="six matches found")
        await pilot.press("enter", "enter")
        status = pane.find_bar.query_one("#find-status")
        assert str(status.render()) == "match 3 of 6"
        app.main.reader.focus()  # the find bar stays open
        await pilot.press("c")
        await pick(pilot, "Were there any particularly tricky or painful parts?")
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("tab", "enter")  # Daniel's answer
        await wait_until(pilot, lambda: not isinstance(app.screen, CompareScreen) and app.main.reader.settled)
        await wait_until(pilot, lambda: pane.match_count == 6, what="the find kept")
        assert app.main.current.slug == "daniel-bengtsson"
        assert str(status.render()) == "match 3 of 6"  # the same match as before
