"""Case studies: a titled article in sections, read by its structure, not by its folder."""

from __future__ import annotations

import pytest

from testimony_tui.core.model import (
    SITE_URL,
    Answer,
    CodeBlock,
    Entry,
    Kind,
    ListBlock,
    Paragraph,
    Section,
    Span,
    TableBlock,
    Testimony,
)
from testimony_tui.parsing.file import parse_file, parse_text

from .conftest import FIXTURES, REAL_PAGES, REPO

STUDY = FIXTURES / "studies" / "heron.md"
TITLE = "Case Study: Taking Eventlet out of the Heron Scheduler"


def p(*spans: Span | str) -> Paragraph:
    return Paragraph(tuple(Span(span) if isinstance(span, str) else span for span in spans))


def bold(text: str) -> Span:
    return Span(text, bold=True)


def study() -> Testimony:
    parsed = parse_file(STUDY)
    assert parsed.problems == ()
    assert parsed.testimony is not None
    return parsed.testimony


def entries(section: Section) -> list[tuple[str, tuple]]:
    return [(entry.question, entry.answer.blocks) for entry in section.entries]


def test_a_case_study_is_its_own_kind_titled_by_its_h1_with_its_intro_as_summary():
    case = study()
    assert case.kind is Kind.CASE_STUDY
    assert (case.title, case.author, case.name, case.project) == (TITLE, "", TITLE, "")
    assert case.summary.startswith("Heron is a made-up job scheduler used here")
    assert case.summary.endswith("over three releases.")
    assert case.permalink == "/guide/case-studies/heron/"
    assert case.keywords == ("eventlet removal", "heron scheduler", "asyncio", "threading")
    assert not case.is_testimony


def test_every_h2_is_a_section_in_page_order_without_its_anchor_link_and_without_the_contents():
    titles = [section.title for section in study().sections]
    assert titles == ["Why Heron Moved", "History", "Additional Details", "How It Was Done", "Results", "Call to Action"]


def test_cards_are_entries_headed_by_their_h3():
    why = study().sections[0]
    assert entries(why) == [
        ("Hidden Blocking Calls", (p("A single C extension call could stall every green thread at once."),)),
        ("Newer Pythons", (p("Each Python release broke some part of the monkey patching."),)),
    ]


def test_text_around_the_cards_is_an_entry_without_a_question_in_page_order():
    how = study().sections[3]
    assert [question for question, _ in entries(how)] == ["", "1. Threads for Workers", "2. Asyncio for the API", ""]
    assert entries(how)[0][1] == (p("Two changes did most of the work."),)
    assert entries(how)[3][1] == (p("Tests ran against both versions until the switch."),)


def test_code_blocks_are_verbatim_with_their_language():
    threads = study().sections[3].entries[1].answer.blocks
    assert threads == (
        p("Green threads became a bounded pool."),
        p(bold("Before:")),
        CodeBlock("import eventlet\npool = eventlet.GreenPool(64)\nfor job in jobs:\n    pool.spawn(run, job)", "python"),
        p(bold("After:")),
        CodeBlock(
            "from concurrent.futures import ThreadPoolExecutor\n\nwith ThreadPoolExecutor(max_workers=16) as pool:\n"
            "    for job in jobs:\n        pool.submit(run, job)",
            "python",
        ),
    )


def test_a_bare_pre_keeps_its_blank_lines_inside_outside_any_section_element():
    details = study().sections[2]
    assert entries(details) == [
        (
            "",
            (
                p("To see every change that touched Eventlet, run:"),
                CodeBlock('\ngit log -S "eventlet" --oneline\ngit log -S "greenthread" --oneline\n'),
                p("Both commands search the whole history."),
            ),
        )
    ]


def test_a_mermaid_timeline_is_a_titled_list_of_dated_events():
    history = study().sections[1]
    (lead,) = history.entries
    assert lead.answer.blocks == (
        p("The work spread over two years:"),
        p(bold("Heron Without Eventlet")),
        ListBlock(
            False,
            (
                (p(bold("March 3, 2023"), ": The team listed every use of eventlet.spawn."),),
                (p(bold("June 12, 2023"), ": Workers moved to a thread pool."),),
                (p(bold("January 9, 2024"), ": The API server moved to asyncio."),),
                (p(bold("May 30, 2024"), ": Eventlet left the requirements."),),
            ),
        ),
        p("Each step shipped in a release of its own."),
    )


def test_a_list_and_a_table_stay_what_they_are():
    (lead,) = study().sections[4].entries
    docs = "https://docs.python.org/3/library/asyncio.html"
    assert lead.answer.blocks == (
        ListBlock(
            False,
            (
                (p(bold("Fewer stalls:"), " no more pauses of the whole service."),),
                (p(bold("Simpler tracebacks:"), " see the ", Span("asyncio documentation", href=docs), "."),),
            ),
        ),
        TableBlock(
            header=((Span("Measure"),), (Span("Before"),), (Span("After"),)),
            rows=(
                ((Span("Jobs per second"),), (Span("410"),), (bold("655"),)),
                ((Span("Worst pause"),), (Span("2.1 s"),), (Span("0.2 s"),)),
            ),
        ),
    )


def test_the_call_to_action_keeps_its_links_and_the_back_link_is_left_out():
    action = study().sections[5]
    guide = "https://docs.python.org/3/library/concurrent.futures.html"
    assert entries(action) == [
        (
            "",
            (
                p("Planning the same move?"),
                ListBlock(
                    False,
                    (
                        (p("Read the ", Span("concurrent.futures guide", href=guide), " first."),),
                        (p("Ask in the IRC channel ", bold("#eventlet-removal"), "."),),
                    ),
                ),
            ),
        )
    ]


def test_no_link_to_a_place_on_the_page_is_left_anywhere():
    links = [span.href for _, entry in study().entries for span in entry.answer.links]
    assert links and all(href.startswith("https://") for href in links)
    assert not any(href.startswith(f"{SITE_URL}/guide/studies") for href in links)
    assert "🔗" not in study().text


@pytest.mark.parametrize(
    "page",
    sorted([*REAL_PAGES.glob("*.md"), *(FIXTURES / "site").glob("*.md"), *(REPO / "data").glob("*.md")]),
    ids=lambda path: f"{path.parent.name}/{path.name}",
)
def test_no_real_page_is_a_case_study(page):
    parsed = parse_file(page)
    assert parsed.testimony is None or parsed.testimony.kind is Kind.TESTIMONY


def test_the_site_index_of_case_studies_is_an_index_page_not_a_case_study():
    # Its own title, intro, sections and cards, but a list of links to the case studies: an index.
    parsed = parse_file(FIXTURES / "studies" / "studies.md")
    assert (parsed.testimony, parsed.summaries, parsed.problems) == (None, {}, ())


def test_an_index_of_summary_cards_linking_to_case_studies_gives_their_summaries():
    page = (
        '<h1>Case Studies</h1><a href="{% link guide/studies/heron.md %}"><h2>Heron</h2>'
        "<p>How a scheduler moved.</p></a>"
    )
    assert parse_text(page, "studies.md").summaries == {"heron": "How a scheduler moved."}


def test_a_case_study_linking_to_a_testimony_in_its_text_is_still_a_case_study():
    page = (
        '<h1>T</h1><p>Intro.</p><h2>One</h2><ul><li>See <a href="{% link guide/testimonials/ada.md %}">Ada</a>.</li></ul>'
    )
    assert parse_text(page, "t.md").testimony.kind is Kind.CASE_STUDY


def test_a_page_with_a_title_and_sections_but_a_profile_block_is_a_testimony():
    page = (
        "<h1>Interview</h1><div><h2>Ada</h2><p>Working on P</p></div>"
        "<h2>About</h2><div><h3>Why?</h3><p>Because.</p></div>"
    )
    testimony = parse_text(page, "ada.md").testimony
    assert testimony.kind is Kind.TESTIMONY and testimony.author == "Ada"


def test_a_case_study_without_an_h1_is_titled_by_its_front_matter():
    page = "---\ntitle: Plain Title\n---\n<p>Intro.</p><h2>One</h2><p>Text.</p><h2>Two</h2><p>More.</p>"
    assert parse_text(page, "plain.md").testimony.kind is Kind.TESTIMONY  # no h1: not a case study
    titled = parse_text("---\ntitle: Plain Title\n---\n<h1></h1>" + page.split("---\n", 2)[2], "plain.md")
    assert titled.testimony.kind is Kind.CASE_STUDY and titled.testimony.title == "Plain Title"
    assert titled.testimony.summary == "Intro."
    assert entries(titled.testimony.sections[1]) == [("", (p("More."),))]


def test_the_text_of_a_case_study_is_searchable():
    assert "asyncio" in study().text and "Hidden Blocking Calls" in study().text


def test_an_empty_case_study_section_is_kept_without_a_problem():
    page = "<h1>T</h1><p>Intro.</p><h2>One</h2><h2>Two</h2><p>Text.</p>"
    parsed = parse_text(page, "t.md")
    assert parsed.problems == ()
    assert [(s.title, s.entries) for s in parsed.testimony.sections] == [
        ("One", ()),
        ("Two", (Entry("", Answer((p("Text."),))),)),
    ]


def test_a_page_of_only_a_title_pictures_and_links_is_an_index_without_cards():
    page = '<h1>Soon</h1><div><img src="x.svg"></div><div><a href="/guide/">Back</a></div>'
    assert parse_text(page, "studies.md") == parse_text(page, "studies.md")
    assert parse_text(page, "studies.md").summaries == {}
    assert parse_text(page, "studies.md").problems == ()


def test_a_page_of_text_without_headings_is_still_no_testimony():
    (problem,) = parse_text("<p>Just some words.</p>", "notes.md").problems
    assert problem.severity == "error" and "does not look like a testimony" in problem.message


def test_a_heading_that_is_all_a_link_to_itself_keeps_its_text():
    page = '<h1><a href="#top">The Title</a></h1><p>Intro.</p><h2 id="a"><a href="#a">First</a></h2><p>x</p>'
    case = parse_text(page, "t.md").testimony
    assert (case.title, case.sections[0].title) == ("The Title", "First")


def test_a_case_study_without_any_title_is_named_after_its_file_with_a_warning():
    parsed = parse_text("<h1> </h1><p>Intro.</p><h2>A</h2><p>x</p>", "heron-case.md")
    assert parsed.testimony.title == "Heron Case" and parsed.testimony.name == "Heron Case"
    assert [str(problem) for problem in parsed.problems] == [
        "heron-case.md:1: warning: no title found (an <h1> heading, or 'title:' in the front matter); "
        "showing 'Heron Case' from the file name"
    ]


def test_a_page_whose_cards_are_mostly_questions_is_a_testimony_even_without_a_profile():
    cards = "<div><h3>Why?</h3><p>a</p></div><div><h3>How?</h3><p>b</p></div><div><h3>Notes</h3><p>c</p></div>"
    assert parse_text(f"<h1>T</h1><h2>S</h2>{cards}", "t.md").testimony.kind is Kind.TESTIMONY


def test_a_page_whose_cards_are_half_questions_is_a_case_study():
    cards = "<div><h3>Why?</h3><p>a</p></div><div><h3>Notes</h3><p>b</p></div>"
    assert parse_text(f"<h1>T</h1><h2>S</h2>{cards}", "t.md").testimony.kind is Kind.CASE_STUDY


def test_an_intro_of_several_paragraphs_is_one_summary_with_a_space_between_them():
    page = "<h1>T</h1><p>One.</p><ul><li>Two.</li></ul><h2>A</h2><p>x</p>"
    assert parse_text(page, "t.md").testimony.summary == "One. Two."


def test_a_heading_outside_any_card_heads_the_text_after_it():
    page = "<h1>T</h1><p>I.</p><h2>A</h2><p>Before.</p><h3>Bare</h3><p>After.</p><p>More.</p><h3>Empty</h3>"
    (section,) = parse_text(page, "t.md").testimony.sections
    assert entries(section) == [("", (p("Before."),)), ("Bare", (p("After."), p("More."))), ("Empty", ())]


def test_a_card_repeated_is_reported_at_its_own_line_after_a_section_of_the_same_name():
    page = (
        "<h1>T</h1>\n<p>Intro.</p>\n<h2>Dup</h2>\n"
        "<div><h3>Dup</h3><p>a</p></div>\n<div><h3>Dup</h3><p>b</p></div>\n"
    )
    problems = [str(problem) for problem in parse_text(page, "t.md").problems]
    assert problems == ["t.md:5: warning: the question 'Dup' appears twice"]


def test_a_section_whose_card_is_all_links_to_the_page_is_a_card_not_a_table_of_contents():
    card = '<div><h3 id="one"><a href="#one">One</a></h3><p><a href="#two">Next</a></p></div>'
    case = parse_text(f"<h1>T</h1><p>I.</p><h2>Steps</h2>{card}", "t.md").testimony
    assert [section.title for section in case.sections] == ["Steps"]
    assert [entry.question for entry in case.sections[0].entries] == ["One"]


def test_a_section_of_links_to_other_sites_is_kept():
    links = '<ul><li><a href="https://a.example/">A</a></li><li><a href="https://b.example/">B</a></li></ul>'
    case = parse_text(f"<h1>T</h1><p>I.</p><h2>Further reading</h2>{links}", "t.md").testimony
    assert [section.title for section in case.sections] == ["Further reading"]
    assert case.sections[0].entries[0].answer.plain == "A\nB"


def test_navigation_in_a_nav_or_a_footer_is_left_out_and_a_text_with_a_link_is_kept():
    page = (
        '<h1>T</h1><nav><a href="/guide/">Back to Studies</a></nav><div>See <a href="/x/">this</a> page.</div>'
        '<h2>A</h2><p>x</p><footer><a href="/">Home</a> <a href="/about/">About</a></footer>'
    )
    case = parse_text(page, "t.md").testimony
    assert case.summary == "See this page."
    assert entries(case.sections[0]) == [("", (p("x"),))]
