"""At 80x24: the reader's first screen reaches the first question, long keyword lists fold to one
line (K shows them all), and the filter's placeholder and compare's keys are shown whole."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from testimony_tui.screens.compare import CompareScreen
from testimony_tui.screens.help import HelpScreen
from testimony_tui.widgets.panels import ProfilePanel

from ..waiting import wait_until
from .conftest import reading
from .test_views import pick

DMITRY_KEYWORDS = [
    "eventlet migration",
    "openstack ironic",
    "migration testimonial",
    "eventlet removal",
    "threading migration",
    "practical experience",
    "openstack governance",
    "openstack technical commitee",
]


def reader_lines(app) -> list[str]:
    """The reader's lines as drawn on the screen, from its top to its bottom edge."""
    region = app.main.reader.region
    strips = app.screen._compositor.render_strips()
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]


def screen_line(app, y: int) -> str:
    return app.screen._compositor.render_strips()[y].text


async def open_dmitry(app, pilot) -> None:
    app.main.open("dmitry-tantsur")
    await wait_until(pilot, lambda: app.main.reader.settled, what="the testimony settled")
    await pilot.pause()


async def test_the_first_screen_shows_author_project_and_the_first_question(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (80, 24)) as pilot:
        await open_dmitry(app, pilot)  # the longest profile: eight keywords, a summary of nine lines
        text = "\n".join(reader_lines(app))
        assert "Dmitry Tantsur" in text
        assert "OpenStack Ironic" in text
        assert "Which project or component did you" in text, text
        # The summary, cut short, is cut between words.
        summary = app.main.current.summary
        lines = reader_lines(app)
        start = next(n for n, line in enumerate(lines) if "Dmitry Tantsur led" in line)
        shown = []
        for line in lines[start:]:
            if "━" in line:
                break
            shown += line.strip().strip("┃").split()
        assert shown[-1] == "…" and 5 < len(shown) - 1 < len(summary.split())
        assert shown[:-1] == summary.split()[: len(shown) - 1]


async def test_long_keywords_fold_to_one_line_and_k_shows_them_all(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (80, 24)) as pilot:
        await open_dmitry(app, pilot)
        lines = reader_lines(app)
        [line] = [line for line in lines if "Keywords" in line]
        shown = line.split("Keywords", 1)[1].strip(" ┃│").rstrip()
        assert shown.endswith("more") and "…" in shown, shown
        listed, more = shown.split("…")
        whole = [word.strip() for word in listed.split(",") if word.strip()]
        assert whole == DMITRY_KEYWORDS[: len(whole)] and whole  # whole keywords only, none cut
        assert more.strip() == f"+{len(DMITRY_KEYWORDS) - len(whole)} more"

        await pilot.press("K")
        await pilot.pause()
        panel = app.main.reader.query_one(ProfilePanel)
        await wait_until(pilot, lambda: "commitee" in "".join(reader_lines(app)), what="every keyword shown")
        text = " ".join(line.strip(" ┃│") for line in reader_lines(app))
        assert "+" not in text.split("Keywords", 1)[1].split("Dmitry")[0]
        assert panel.expanded
        await pilot.press("K")
        await wait_until(pilot, lambda: not panel.expanded and "more" in "".join(reader_lines(app)), what="folded")


async def test_the_key_that_unfolds_the_profile_is_in_help(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert any(key == "K" and "profile" in does.lower() for _, key, does in app.screen.rows)


def test_folded_keywords_end_with_how_many_more():
    from testimony_tui.widgets.panels import folded_keywords

    assert folded_keywords(["a", "b"], 40) == "a, b"  # all fit: nothing folded
    assert folded_keywords(["alpha", "beta", "gamma", "delta"], 22) == "alpha, beta … +2 more"
    assert folded_keywords(["alpha", "beta", "gamma", "delta"], 23) == "alpha, beta … +2 more"
    assert folded_keywords(["a-very-long-first-keyword", "b"], 10) == "… +2 more"
    assert folded_keywords([], 10) == ""
    for width in range(8, 60):
        folded = folded_keywords(DMITRY_KEYWORDS, width)
        assert len(folded) <= width or folded == f"… +{len(DMITRY_KEYWORDS)} more", (width, folded)


async def test_the_filter_placeholder_is_shown_whole_at_80_columns(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (80, 24)):
        box = app.main.sidebar.filter_input
        shown = screen_line(app, box.region.y + 1)
        assert box.placeholder.strip() in shown, shown
        assert "project:" in str(box.tooltip)  # the syntax is one hover (and the help) away


async def test_compare_shows_all_its_keys_whole_at_80_columns(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (80, 24)) as pilot:
        await pilot.press("c")
        await pick(pilot, "Were there any particularly tricky or painful parts?")
        assert isinstance(app.screen, CompareScreen)
        await pilot.pause()
        *keys, palette = list(app.screen.query(FooterKey))
        assert palette.has_class("-command-palette")
        for key in keys:
            assert 0 < key.region.width and key.region.right <= palette.region.x, key.description
        assert palette.region.right <= 80


async def test_find_unfolds_the_profile_to_show_a_match_in_it(app_factory, real_pages):
    app = app_factory(real_pages)
    async with reading(app, (80, 24)) as pilot:
        await open_dmitry(app, pilot)
        assert "commitee" not in "".join(reader_lines(app))  # the last keyword, folded away
        await pilot.press("ctrl+f", *"commitee")
        pane = app.main.reader_pane
        await wait_until(pilot, lambda: pane.match_count >= 1, what="the folded keyword found")
        await wait_until(pilot, lambda: "commitee" in "".join(reader_lines(app)), what="the match shown")
