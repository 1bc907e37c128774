"""Pilot tests: reading, keys, links, history, outline, palette, problems, help."""

from __future__ import annotations

from textual.widgets import DataTable, Label, Static

from testimony_tui.screens.help import HelpScreen
from testimony_tui.screens.outline import OutlineScreen
from testimony_tui.screens.problems import ProblemsScreen
from testimony_tui.widgets.panels import EntryPanel
from testimony_tui.widgets.reader import Reader
from testimony_tui.widgets.sidebar import FilterInput, TestimonyList

from ..waiting import wait_until
from .conftest import LONG_QUESTION, long_question_listed, notifications, reading, ready, wraps_under_itself
from .test_palette import best_offered


def slug(app) -> str | None:
    testimony = app.main.current
    return testimony.slug if testimony else None


async def test_opens_first_testimony_and_enter_opens_highlighted(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert slug(app) == "ada-lovelace"
        assert app.sub_title == "2 of 2 testimonies"
        assert isinstance(app.focused, TestimonyList)
        await pilot.press("down", "enter")
        assert slug(app) == "grace-hopper"
        assert isinstance(app.focused, Reader)
        panels = app.main.reader.panels
        assert [p.entry.question for p in panels if isinstance(p, EntryPanel)][0] == "Which project did you migrate?"


async def test_list_keys_j_k_up_down(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        options = app.main.sidebar.testimony_list
        await pilot.press("j")
        assert options.highlighted == 1
        await pilot.press("k")
        assert options.highlighted == 0
        await pilot.press("down")
        assert options.highlighted == 1
        await pilot.press("up")
        assert options.highlighted == 0


async def test_slash_escape_tab(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, FilterInput)
        await pilot.press("x", "y")
        assert app.focused.value == "xy"
        await pilot.press("escape")
        assert app.focused.value == ""
        await pilot.press("escape")
        assert isinstance(app.focused, TestimonyList)
        await pilot.press("tab")
        assert isinstance(app.focused, Reader)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, TestimonyList)


async def test_reader_scroll_keys(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        reader = app.main.reader
        await pilot.press("j")
        assert reader.scroll_y == 1
        await pilot.press("k")
        assert reader.scroll_y == 0
        await pilot.press("space")
        page = reader.scroll_y
        assert page > 10
        await pilot.press("b")
        assert reader.scroll_y == 0
        await pilot.press("G")  # the end is scrolled to after the next refresh: wait for it
        await wait_until(pilot, lambda: reader.scroll_y == reader.max_scroll_y > 0, what="at the bottom")
        await pilot.press("g")
        await wait_until(pilot, lambda: reader.scroll_y == 0, what="back at the top")


async def test_section_keys(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        reader = app.main.reader
        headings = [heading.virtual_region.y for heading in reader.headings()]
        await pilot.press("right_square_bracket")
        assert reader.scroll_y == headings[0]
        await pilot.press("right_square_bracket")
        assert reader.scroll_y == headings[1]
        await pilot.press("left_square_bracket")
        assert reader.scroll_y == headings[0]


async def test_next_previous_testimony_without_leaving_reader(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        app.main.reader.focus()
        await pilot.press("n")
        assert slug(app) == "daniel-bengtsson"
        assert isinstance(app.focused, Reader)
        assert app.main.sidebar.highlighted_slug == "daniel-bengtsson"
        await pilot.press("n", "n")
        assert slug(app) == "dmitry-tantsur"  # the last one stays
        await pilot.press("p")
        assert slug(app) == "daniel-bengtsson"


async def test_ctrl_b_hides_and_shows_sidebar(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        sidebar = app.main.sidebar
        await pilot.press("ctrl+b")
        assert not sidebar.display and not app.main.show_sidebar
        assert isinstance(app.focused, Reader)
        await pilot.press("ctrl+b")
        assert sidebar.display


async def test_o_opens_profile_link(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("o")
        assert opened_urls == ["https://example.org/ada"]


async def test_q_quits(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("q")
        assert app.return_code == 0


async def test_in_app_link_click_and_back(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("down", "enter")  # Grace Hopper: her first answer links to Ada
        panel = next(p for p in app.main.reader.panels if isinstance(p, EntryPanel))
        app.main.reader.scroll_to_widget(panel, animate=False, top=True)
        await pilot.pause()
        # Row 3 of the panel is the answer's first line: "The COBOL runtime, see Ada's story."
        line = "The COBOL runtime, see "
        assert await pilot.click(panel, offset=(2 + len(line) + 1, 3))
        await pilot.pause()
        assert slug(app) == "ada-lovelace"
        assert opened_urls == []
        await pilot.press("backspace")
        assert slug(app) == "grace-hopper"
        await pilot.press("alt+right")
        assert slug(app) == "ada-lovelace"
        await pilot.press("alt+left")
        assert slug(app) == "grace-hopper"


async def test_web_link_click_goes_to_browser(app_factory, site_fixtures, opened_urls):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        profile = app.main.reader.panels[0]
        # Row 5 of the (folded) profile panel: "Profile      https://example.org/ada"
        assert await pilot.click(profile, offset=(2 + len("Organization ") + 3, 5))
        assert opened_urls == ["https://example.org/ada"]


async def test_outline_jumps_to_question(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("t")
        assert isinstance(app.screen, OutlineScreen)
        # Technical Context, its 3 questions, then Motivation and Decision, then its first question.
        await pilot.press(*["down"] * 5, "enter")
        assert not isinstance(app.screen, OutlineScreen)
        reader = app.main.reader
        target = reader.target(1, 0)
        assert target.entry.question == "What motivated you to start this migration?"
        assert reader.scroll_y == min(target.virtual_region.y, reader.max_scroll_y)
        assert isinstance(app.focused, Reader)


async def test_palette_opens_testimony_and_jumps(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"open dmitry")
        await wait_until(pilot, lambda: best_offered(app).startswith("Open Dmitry Tantsur"))
        await pilot.press("enter")
        await pilot.pause()
        assert slug(app) == "dmitry-tantsur"
        await pilot.press("ctrl+p")
        await pilot.press(*"go to: roughly how long")
        await wait_until(pilot, lambda: best_offered(app) == "Go to: Roughly how long did the migration take?")
        await pilot.press("enter")
        await pilot.pause()
        reader = app.main.reader
        assert reader.scroll_y > 0


async def test_problems_screen_lists_each_problem(app_factory, tests_dir):
    app = app_factory(tests_dir / "fixtures" / "bad")
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert "3 problems (!)" in app.sub_title
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        table = app.screen.query_one("DataTable")
        assert table.row_count == 3
        assert [str(cell) for cell in table.get_row_at(0)][2:] == ["", "this is a binary file, not a text page (it contains NUL bytes)"]
        await pilot.press("escape")
        assert not isinstance(app.screen, ProblemsScreen)
        assert slug(app) == "good"


async def test_problems_screen_shows_the_highlighted_problem_whole(app_factory, tmp_path):
    """At 80 columns the table cuts a long message; the line under it shows it whole."""
    page = tmp_path / "deceptive-link.md"
    page.write_text(
        '<div><h2>A</h2><p>Working on P</p></div><h3>S</h3><div><h3>Q?</h3>'
        '<p><a href="https://evil.example">https://good.example</a></p></div>'
    )
    app = app_factory(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        assert app.sub_title.endswith("1 problem (!)")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert str(app.screen.query_one(Label).render()) == "1 problem: 0 errors, 1 warning  (enter opens its testimony)"
        [problem] = app.library.problems
        assert problem.message not in app.screen.query_one(DataTable).render_line(1).text
        detail = app.screen.query_one("#problem-detail", Static)
        assert str(detail.render()) == f"{page}:1: warning: {problem.message}"
        assert detail.content_region.height >= 2  # wrapped, not cut


async def test_help_screen_lists_keys(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_enter_in_filter_opens_first_match_and_down_goes_to_list(app_factory, site_fixtures):
    app = app_factory(site_fixtures)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"navy", "enter")
        await pilot.pause()
        assert slug(app) == "grace-hopper" and isinstance(app.focused, Reader)
        await pilot.press("slash", "down")
        assert isinstance(app.focused, TestimonyList)


async def test_a_long_question_wraps_under_itself_in_the_outline(app_factory, tmp_path):
    assert wraps_under_itself(await long_question_listed(app_factory, tmp_path, "t"), LONG_QUESTION)


async def test_left_bracket_goes_to_the_previous_section_not_the_first(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        reader = app.main.reader
        headings = [heading.virtual_region.y for heading in reader.headings()]
        assert len(headings) >= 4 and headings[2] < reader.max_scroll_y
        await pilot.press(*["right_square_bracket"] * 3)
        assert reader.scroll_y == headings[2]
        await pilot.press("left_square_bracket")
        assert reader.scroll_y == headings[1]
        await pilot.press("left_square_bracket")
        assert reader.scroll_y == headings[0]
        await pilot.press("left_square_bracket")  # above the first heading: the top
        assert reader.scroll_y == 0


async def test_back_and_forward_return_to_the_scroll_place(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        reader = app.main.reader
        assert slug(app) == "arnaud-morin"
        reader.scroll_to(y=40, animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("down", "enter")  # from the list: the history remembers Arnaud's place
        await wait_until(pilot, lambda: slug(app) == "daniel-bengtsson" and reader.settled, what="B opened")
        reader.scroll_to(y=25, animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("backspace")
        await wait_until(pilot, lambda: slug(app) == "arnaud-morin" and reader.settled, what="back to A")
        assert reader.scroll_y == 40
        await pilot.press("alt+right")
        await wait_until(pilot, lambda: slug(app) == "daniel-bengtsson" and reader.settled, what="forward to B")
        assert reader.scroll_y == 25


async def test_n_past_the_last_testimony_says_so(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app) as pilot:
        await pilot.press("p")
        assert "This is the first testimony in the list." in notifications(app)
        await pilot.press("n", "n", "n")
        assert app.main.current.slug == "dmitry-tantsur"
        assert "This is the last testimony in the list." in notifications(app)


async def test_hiding_the_sidebar_keeps_the_heading_at_the_top(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (80, 24)) as pilot:
        reader = app.main.reader
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        heading = next(h for h in reader.headings() if abs(h.virtual_region.y - reader.scroll_y) <= 1)
        for _ in range(2):  # hidden, then shown again: the text reflows each time
            await pilot.press("ctrl+b")
            await wait_until(
                pilot, lambda: abs(heading.virtual_region.y - reader.scroll_y) <= 1, what=f"{heading.render()} at the top"
            )
