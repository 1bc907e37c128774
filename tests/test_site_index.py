"""The site's index card for a testimony: the real index page's markup, read back by the site
parser, and inserted among the other cards alphabetically with every other byte kept."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from testimony_tui.core.model import Answer, Entry, Format, Paragraph, Section, Span, Testimony
from testimony_tui.formats.site import NotPublishable
from testimony_tui.formats.site_index import CardError, cards, index_card, insert_card
from testimony_tui.parsing.file import parse_file, parse_text

from .conftest import REAL_PAGES

INDEX = (REAL_PAGES / "testimonials.md").read_text(encoding="utf-8")
NAMES = ["Arnaud Morin", "Julia Kreger", "Daniel Bengtsson", "Jay Faulkner", "Dmitry Tantsur"]


def draft(name: str, slug: str = "bob-li", **fields) -> Testimony:
    answered = Section("S", (Entry("Q?", Answer((Paragraph((Span("A"),)),))),))
    values = {"role": "Engineer at Acme", "organization": "Acme", "project": "Nova", "summary": f"{name} moved Nova."} | fields
    return Testimony(slug=slug, source=f"{slug}.md", format=Format.MARKDOWN, author=name, sections=(answered,), **values)


def card_names(text: str) -> list[str]:
    return re.findall(r'<h2 class="text-2xl font-bold">(.*?)</h2>', text)


def real_card(slug: str) -> str:
    start = INDEX.index(f'  <a href="{{{{ site.baseurl }}}}{{% link guide/testimonials/{slug}.md %}}"')
    return INDEX[start : INDEX.index("</a>\n", start) + len("</a>\n")]


def test_the_card_is_the_index_pages_markup():
    arnaud = parse_file(REAL_PAGES / "arnaud-morin.md").testimony
    summary = re.search(r'<p class="text-xl">(.*?)</p>', real_card("arnaud-morin")).group(1)
    # The real card writes "&" raw; the export escapes it.
    assert index_card(replace(arnaud, summary=summary)) == real_card("arnaud-morin").replace(" & ", " &amp; ")


def test_the_card_reads_back_as_the_index_pages_summary():
    testimony = draft("Bob Li", summary="Moved {{ Nova }} & <b>Glance</b>.")
    parsed = parse_text(insert_card(INDEX, testimony), "testimonials.md")
    assert parsed.testimony is None and parsed.summaries is not None
    assert parsed.summaries["bob-li"] == "Moved {{ Nova }} & <b>Glance</b>."
    assert "{{ Nova }}" not in index_card(testimony) and "<b>" not in index_card(testimony)


@pytest.mark.parametrize(
    ("name", "names"),
    [
        ("Aaron A", ["Aaron A", *NAMES]),
        ("Bob Li", ["Arnaud Morin", "Bob Li", *NAMES[1:]]),
        ("zoe Z", [*NAMES, "zoe Z"]),
    ],
)
def test_the_card_goes_before_the_first_card_whose_name_comes_after(name, names):
    result = insert_card(INDEX, draft(name))
    assert card_names(result) == names
    card = index_card(draft(name))
    assert result.count(card) == 1 and result.replace(card, "", 1) == INDEX


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=30).filter(lambda name: name.strip()))
def test_any_name_inserts_one_card_and_keeps_every_other_byte(name):
    testimony = draft(name)
    result = insert_card(INDEX, testimony)
    assert result.replace(index_card(testimony), "", 1) == INDEX


def test_a_card_for_the_same_page_is_replaced_only_when_asked():
    newer = draft("Arnaud Morin", slug="arnaud-morin", summary="A new summary.")
    with pytest.raises(CardError, match="already has a card for arnaud-morin"):
        insert_card(INDEX, newer)
    result = insert_card(INDEX, newer, replace=True)
    assert result == INDEX.replace(real_card("arnaud-morin"), index_card(newer))
    assert card_names(result) == NAMES


def test_a_page_without_cards_is_refused():
    with pytest.raises(CardError, match="no testimony cards"):
        insert_card("---\ntitle: x\n---\n<h1>Nothing</h1>\n", draft("Bob"))


def test_a_case_study_or_a_slug_the_site_cannot_link_gets_no_card():
    with pytest.raises(NotPublishable):
        index_card(draft("Bob", slug="a %}{{x}}"))
    study = parse_file(REAL_PAGES.parent / "studies" / "heron.md").testimony
    with pytest.raises(NotPublishable):
        insert_card(INDEX, study)


def test_the_cards_indentation_follows_the_index_page():
    indented = INDEX.replace("\n  <a href=", "\n    <a href=")
    result = insert_card(indented, draft("Bob Li"))
    card = index_card(draft("Bob Li"), indent="    ")
    assert result.replace(card, "", 1) == indented


def page_of(*names: str, before: str = "", after: str = "\n") -> str:
    """An index page of the given names' cards, in that order."""
    made = "".join(index_card(draft(name, slug=name.split()[0].lower())) for name in names)
    return f"<h1>Testimonials</h1>\n{before}<div>\n{made.removesuffix(chr(10))}{after}</div>\n"


def test_only_block_links_to_a_testimony_page_are_cards():
    # A link to a testimony in the text, and a block link elsewhere, come before the cards: neither is one.
    before = (
        '<a href="{{ site.baseurl }}{% link guide/testimonials/ann.md %}">Ann\'s story</a>\n'
        '<a href="{{ site.baseurl }}{% link guide/openstack.md %}" class="block">OpenStack</a>\n'
    )
    assert [card.slug for card in cards(page_of("Ann A", "Cy C", before=before))] == ["ann", "cy"]


def test_a_card_left_open_at_the_end_is_a_card_without_an_end_after_the_others():
    index = page_of("Ann A", "Cy C") + '  <a href="{{ site.baseurl }}{% link guide/testimonials/zed.md %}" class="block">\n'
    found = cards(index)
    assert [card.name for card in found] == ["Ann A", "Cy C", ""]
    assert [card.end is None for card in found] == [False, False, True]  # replacing it is refused


def test_a_cards_name_is_its_own_headings_text():
    index = page_of("Ann A", "Cy C").replace("<h2 class=\"text-2xl font-bold\">Ann A</h2>", "", 1)
    index = index.replace(">Cy C</h2>", "><span>Cy</span> C &amp; co</h2>", 1)
    assert [card.name for card in cards(index)] == ["", "Cy C & co"]


def test_a_page_of_one_card_gets_a_second_at_its_indentation():
    index = page_of("Cy C").replace("\n  ", "\n    ")
    result = insert_card(index, draft("Ann A", slug="ann"))
    assert result.replace(index_card(draft("Ann A", slug="ann"), indent="    "), "", 1) == index


def test_a_card_goes_after_the_cards_of_the_same_name():
    index = page_of("Ann A", "Cy C")
    result = insert_card(index, draft("Ann A", slug="ann-2"))
    assert [card.slug for card in cards(result)] == ["ann", "ann-2", "cy"]


def test_after_a_last_card_whose_line_goes_on_the_card_starts_a_line_of_its_own():
    index = page_of("Ann A", after="</div>\n")  # "  </a></div>": the last card's line goes on
    card = index_card(draft("Cy C", slug="cy"))
    result = insert_card(index, draft("Cy C", slug="cy"))
    assert result == index.replace("</a></div>\n", "</a>\n" + card.removesuffix("\n") + "</div>\n")


def test_a_quote_in_a_name_stays_inside_the_pictures_alt():
    assert 'alt="Bob &quot;B&quot; Li"' in index_card(draft('Bob "B" Li'))


def test_the_refusal_of_a_page_without_cards_says_what_a_card_is():
    with pytest.raises(CardError) as refused:
        insert_card("<h1>Nothing</h1>\n", draft("Bob"))
    assert str(refused.value) == (
        'it has no testimony cards (<a class="block ..."> links to guide/testimonials/...) to add to'
    )
