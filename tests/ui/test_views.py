"""Pilot tests: compare (c), search (s) and insights (i)."""

from __future__ import annotations

import json

from textual.widgets import OptionList

from testimony_tui.screens.compare import AnswerPanel, CompareScreen, QuestionPicker
from testimony_tui.screens.insights import InsightsScreen, WhoScreen
from testimony_tui.screens.search import SearchScreen
from testimony_tui.widgets.reader import Reader

from ..waiting import wait_until
from .conftest import LONG_QUESTION, long_question_listed, ready, wraps_under_itself


async def pick(pilot, label: str) -> None:
    picker = pilot.app.screen
    assert isinstance(picker, QuestionPicker)
    index = next(n for n, q in enumerate(picker.questionnaire.questions) if q.label == label)
    await pilot.press(*["down"] * index, "enter")
    await pilot.app.workers.wait_for_complete()  # the answers are read in a thread
    await pilot.pause()


async def test_compare_shows_each_answer_and_enter_opens_there(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        await pick(pilot, "Were there any particularly tricky or painful parts?")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        panels = screen.view.panels
        assert [p.heading for p in panels] == [
            "Arnaud Morin — OpenStack Mistral",
            "Daniel Bengtsson — OpenStack Oslo Libraries",
            "Dmitry Tantsur — OpenStack Ironic",
        ]
        assert panels[2].entry.question.startswith("What tools or strategies helped you the most?")
        assert isinstance(app.focused, AnswerPanel)
        await pilot.press("tab", "tab")
        assert app.focused is panels[2]
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        assert app.main.current.slug == "dmitry-tantsur"
        target = app.main.reader.target(2, 1)
        assert target.entry.question == panels[2].entry.question
        assert app.main.reader.scroll_y == min(target.virtual_region.y, app.main.reader.max_scroll_y)
        assert isinstance(app.focused, Reader)


async def test_compare_lists_who_did_not_answer_and_find_works(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        await pick(pilot, "Have you faced blockers? If so, which?")
        screen = app.screen
        assert len(screen.view.panels) == 2
        assert str(screen.query_one(".unanswered").render()) == "Not answered by: Arnaud Morin"
        await pilot.press("ctrl+f", *"python")
        await pilot.pause()
        pane = screen.query_one("FindPane")
        assert pane.match_count == 1
        await pilot.press("escape", "c")
        await pick(pilot, "Roughly how long did the migration take?")
        assert len(screen.view.panels) == 3 and not screen.query(".unanswered")
        await pilot.press("escape")
        assert app.screen is app.main


async def test_compare_follows_the_filter(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *'org:"red hat"', "enter", "c")
        await pick(pilot, "Roughly how long did the migration take?")
        assert [p.heading.split(" — ")[0] for p in app.screen.view.panels] == ["Daniel Bengtsson", "Dmitry Tantsur"]


async def test_search_opens_the_answer_with_matches_highlighted(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("s")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"cotyledon spawn")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert [h.question for h in screen.hits] == ["Were there any particularly tricky or painful parts?", "Have you faced blockers?"]
        assert screen.sub_title == "2 answers match"
        await pilot.press("down", "down", "enter")  # into the results, the second one, open
        await pilot.pause()
        await pilot.pause()
        assert app.main.current.slug == "daniel-bengtsson"
        reader = app.main.reader
        target = reader.target(4, 2)
        assert target.entry.question == "Have you faced blockers?"
        assert target.current is not None and target.needles == ("cotyledon", "spawn")
        y = target.virtual_region.y + target.current_match_line()
        assert reader.scroll_y <= y < reader.scroll_y + reader.scrollable_content_region.height


async def test_insights_bars_list_the_testimonies_behind_them(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("i")
        await app.workers.wait_for_complete()  # counted in a thread
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        assert screen.sub_title == "insights across 3 testimonies"
        organizations = screen.query("Chart")[1]
        assert [(bar.label, bar.count) for bar in organizations.bars] == [("Red Hat", 2), ("OVH", 1)]
        organizations.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, WhoScreen)
        assert [t.slug for t in app.screen.testimonies] == ["daniel-bengtsson", "dmitry-tantsur"]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen is app.main and app.main.current.slug == "dmitry-tantsur"


async def test_insights_durations_open_the_testimony(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("i")
        await app.workers.wait_for_complete()  # counted in a thread
        await pilot.pause()
        durations = app.screen.query_one("#durations")
        assert durations.option_count == 3
        durations.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.main.current.slug == "daniel-bengtsson"
        # Insights count the testimonies the filter keeps.
        await pilot.press("slash", *"tantsur", "tab", "i")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.sub_title == "insights across 1 testimony"


async def test_compare_over_a_thousand_shows_the_first_answers_and_exports_all(app_factory, tmp_path):
    from testimony_tui.files.config import Config
    from testimony_tui.screens.compare import MAX_PANELS

    from .test_list import write_many

    exports = tmp_path / "exports"
    app = app_factory(write_many(tmp_path / "many", 1000), config=Config(export_folder=exports, export_format="json"))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        picker = app.screen
        assert isinstance(picker, QuestionPicker)
        assert picker.query_one(OptionList).render_line(0).text.strip().startswith("1,000/1,000  ")
        await pick(pilot, "Which project?")
        screen = app.screen
        assert screen.sub_title == "1,000 of 1,000 answered"
        assert len(screen.view.panels) == MAX_PANELS
        assert str(screen.query_one(".unanswered").render()).startswith(f"…and {1000 - MAX_PANELS:,} more answers")
        await pilot.press("e")
        await app.workers.wait_for_complete()
    [export] = exports.iterdir()
    assert len(json.loads(export.read_text(encoding="utf-8"))["answers"]) == 1000


async def test_search_over_a_thousand_shows_the_first_answers(app_factory, tmp_path):
    from testimony_tui.screens.search import SHOWN_ANSWERS

    from .test_list import write_many

    app = app_factory(write_many(tmp_path / "many", 1000))
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("s", *"answer")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert len(screen.hits) == SHOWN_ANSWERS
        assert screen.sub_title == f"more than {SHOWN_ANSWERS} answers match: the first {SHOWN_ANSWERS} (narrow the search)"


async def test_a_long_question_wraps_clear_of_the_counts_in_the_picker(app_factory, tmp_path):
    lines = await long_question_listed(app_factory, tmp_path, "c")
    assert lines[0].split()[0] == "1/1"
    assert wraps_under_itself(lines, LONG_QUESTION)


async def test_a_long_snippet_wraps_indented_in_search(app_factory, tmp_path):
    answer = "We replaced the green threads with zebra workers and measured everything again until the numbers held"
    page = tmp_path / "long.md"
    page.write_text(f"<div><h2>A</h2><p>Working on P</p></div><h3>S</h3><div><h3>Q?</h3><p>{answer}</p></div>")
    app = app_factory(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("s", *"zebra")
        results = app.screen.query_one(OptionList)
        await wait_until(pilot, lambda: results.option_count == 1, what="the answer is found")
        await app.workers.wait_for_complete()  # the search of the last key typed, which shows its hits
        await pilot.pause()
        lines = [results.render_line(y).text for y in range(results.size.height)]
        assert wraps_under_itself(lines, answer)


async def test_closing_find_in_compare_gives_the_keys_to_the_answer_in_view(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        await pilot.press("c")
        await pick(pilot, "Were there any particularly tricky or painful parts?")
        screen = app.screen
        await pilot.press("ctrl+f", *"conductor", "escape")  # Dmitry's answer: the last one
        await wait_until(pilot, lambda: isinstance(app.focused, AnswerPanel), what="an answer focused again")
        focused = app.focused
        view = screen.view
        assert focused.virtual_region.y < view.scroll_y + view.scrollable_content_region.height  # on screen
        assert focused.virtual_region.bottom > view.scroll_y
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is app.main, what="the testimony opened")
        assert app.main.current.slug == focused.place.slug


async def test_search_enter_opens_the_first_answer_and_q_goes_back_from_the_results(app_factory, real_pages):
    app = app_factory(real_pages)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        await pilot.press("s", *"quite")  # a q in the box is a letter
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.query_one("#search-input").value == "quite"
        await wait_until(pilot, lambda: screen.hits, what="the answers found")
        first = screen.hits[0]
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is app.main, what="the first answer opened")
        assert app.main.current.slug == first.slug
        await pilot.press("s", *"quite")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen.hits, what="found again")
        await pilot.press("down", "q")
        await wait_until(pilot, lambda: app.screen is app.main, what="back from the results")
        assert app.is_running
