"""Every field of the real site pages, as a reader of the website sees them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from testimony_tui.core.model import ListBlock, Paragraph
from testimony_tui.formats.markdown import testimony_markdown
from testimony_tui.loading.steps import load_library
from testimony_tui.parsing.file import parse_file, parse_text

PAGES = {
    "arnaud-morin": {
        "author": "Arnaud Morin",
        "role": "Cloud DevOps & Virtualization Evangelist at OVH, OpenStack Contributor",
        "organization": "OVH",
        "profile_url": "https://www.arnaudmorin.fr/",
        "project": "OpenStack Mistral",
        "sections": [
            "Technical Context",
            "Motivation and Decision",
            "Migration Process",
            "Outcomes and Benefits",
            "Lessons Learned",
            "Final Thoughts",
        ],
        "questions": 15,
    },
    "daniel-bengtsson": {
        "author": "Daniel Bengtsson",
        "role": "Software Engineer at Red Hat, OpenStack Contributor",
        "organization": "Red Hat",
        "profile_url": "https://www.linkedin.com/in/damanius/",
        "project": "OpenStack Oslo Libraries",
        "sections": [
            "Technical Context",
            "Motivation and Decision",
            "Migration Process",
            "Outcomes and Benefits",
            "Lessons Learned",
            "Final Thoughts",
        ],
        "questions": 17,
    },
    "dmitry-tantsur": {
        "author": "Dmitry Tantsur",
        "role": "Senior Principal Software Engineer at Red Hat, OpenStack Contributor.",
        "organization": "Red Hat",
        "profile_url": "https://jay.jvf.cc/",
        "project": "OpenStack Ironic",
        "sections": [
            "Technical Context",
            "Motivation and Decision",
            "Migration Process",
            "Outcomes and Benefits",
            "Lessons Learned",
        ],
        "questions": 17,
    },
}


def answer(testimony, question):
    return next(entry.answer for _, entry in testimony.entries if entry.question == question)


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_profile_and_structure(real_pages, slug):
    result = parse_file(real_pages / f"{slug}.md")
    testimony = result.testimony
    expected = PAGES[slug]
    assert testimony.slug == slug
    for field in ("author", "role", "organization", "profile_url", "project"):
        assert getattr(testimony, field) == expected[field], field
    assert [section.title for section in testimony.sections] == expected["sections"]
    assert len(testimony.entries) == expected["questions"]
    assert testimony.permalink == f"/guide/testimonials/{slug}/"
    assert testimony.keywords[0] == "eventlet migration"
    assert testimony.entries[0][1].question == "Which project or component did you migrate away from Eventlet?"
    assert not any(error.is_error for error in result.problems)


def test_arnaud_lists_bold_and_links(real_pages):
    testimony = parse_file(real_pages / "arnaud-morin.md").testimony
    depth = answer(testimony, "How deeply was Eventlet integrated into your codebase?")
    assert depth.blocks[0].plain == "Mistral was relying a lot on eventlet greenthreads for multiple functionalities:"
    bullets = depth.blocks[1]
    assert isinstance(bullets, ListBlock) and not bullets.ordered and len(bullets.items) == 3
    tricky = answer(testimony, "Were there any particularly tricky or painful parts?")
    numbered = tricky.blocks[1]
    assert isinstance(numbered, ListBlock) and numbered.ordered and len(numbered.items) == 2
    first = numbered.items[0][0]
    assert first.spans[0].bold and first.spans[0].text == "Unit tests failing because of the way the unit test is started/written"
    assert first.spans[1].text.startswith(" - It's not always easy")
    process = answer(testimony, "How did the migration process go? Where did you start?")
    link = process.links[0]
    assert (link.text, link.href) == ("wiki about eventlet removal", "https://wiki.openstack.org/wiki/Eventlet-removal")
    assert len(answer(testimony, "What tools or strategies helped you the most?").blocks[1].items) == 5


def test_daniel_lists_and_line_breaks(real_pages):
    testimony = parse_file(real_pages / "daniel-bengtsson.md").testimony
    links = answer(testimony, "Would you like to share a link to a patch, repo, or documentation?")
    assert len(links.blocks[1].items) == 10
    assert links.links[0].href == "https://review.opendev.org/c/openstack/oslo.service/+/935783"
    concerns = answer(testimony, "Did you have any concerns or doubts before starting?")
    paragraph = concerns.blocks[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.plain.split("\n") == [
        "Absolutely. My main concern was backward compatibility.",
        "Since oslo.service is used by many OpenStack services, any behavioral change could cause major breakages.",
        "That’s why I focused on ensuring the new Threading backend behaved identically to the Eventlet backend "
        "from the perspective of external consumers.",
    ]
    assert answer(testimony, "Have you faced blockers?").plain.startswith("Yes, especially regarding Python 3.12+")


def test_dmitry_merged_question_and_profile_link_warning(real_pages):
    result = parse_file(real_pages / "dmitry-tantsur.md")
    merged = answer(
        result.testimony,
        "What tools or strategies helped you the most? Were there any particularly tricky or painful parts?",
    )
    assert merged.plain.startswith("The RPC bus.")
    assert merged.blocks[1].plain == "Julia and I also spent quite some time polishing the Conductor thread pool."
    warning = next(problem for problem in result.problems if "link text" in problem.message)
    assert warning.severity == "warning" and warning.line == 19  # the line of the <a>
    assert "https://jay.jvf.cc/" in warning.message


def test_index_page_enriches_summaries(real_pages):
    library = load_library([real_pages], explicit=True)
    assert [t.slug for t in library.testimonies] == ["arnaud-morin", "daniel-bengtsson", "dmitry-tantsur"]
    assert library.get("arnaud-morin").summary.startswith("Shares his experience migrating OpenStack Mistral")
    assert library.get("dmitry-tantsur").summary.startswith("Dmitry Tantsur led Ironic’s migration")
    assert not library.errors


def test_without_index_summary_is_description(real_pages):
    testimony = parse_file(real_pages / "arnaud-morin.md").testimony
    assert testimony.summary.startswith("Arnaud Morin shares his experience migrating Mistral")


def test_no_liquid_is_ever_shown(real_pages):
    for path in real_pages.glob("*.md"):
        library = load_library([path], explicit=True)
        for testimony in library.full(library.testimonies):
            text = testimony_markdown(testimony)
            assert "{%" not in text and "{{" not in text


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_markdown_round_trip(real_pages, slug):
    original = parse_file(real_pages / f"{slug}.md").testimony
    again = parse_text(testimony_markdown(original), f"{slug}.md").testimony
    assert replace(again, source=original.source, format=original.format) == original
