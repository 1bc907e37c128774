"""Which heading of a site page is its author, and what the profile block around it says."""

from __future__ import annotations

import pytest

from testimony_tui.parsing.file import parse_text

SECTIONS = "<h3>S</h3><div><h3>Q?</h3><p>a</p></div>"


def testimony(body: str):
    return parse_text(body + SECTIONS, "page.md").testimony


def test_a_heading_inside_a_link_is_a_card_not_the_profile():
    body = (
        "<a href='/guide/testimonials/other/'><div><h2>Other Person</h2><p>Working on Elsewhere</p></div></a>"
        "<div><h2>Real Author</h2><p>Working on Here</p></div>"
    )
    assert (testimony(body).author, testimony(body).project) == ("Real Author", "Here")


def test_an_index_whose_cards_say_working_on_is_an_index():
    page = (
        "<h1>Testimonials</h1><a href='{% link guide/testimonials/ada.md %}'>"
        "<div><h2>Ada</h2><p>Working on Engine</p></div><p>Ada's summary.</p></a>"
    )
    result = parse_text(page, "testimonials.md")
    assert result.testimony is None and result.summaries == {"ada": "Ada's summary."}


@pytest.mark.parametrize(
    "profile",
    [
        "<div><h2>Ada</h2><a href='https://x.example/ada'>me</a></div>",
        "<div><h2>Ada</h2><p>Working on P</p></div>",
        "<div><h2>Ada</h2><p>working on: P.</p></div>",
    ],
)
def test_the_profile_is_the_h2_beside_a_link_or_a_working_on_line(profile):
    assert testimony(profile).author == "Ada"


def test_an_h2_without_a_link_or_working_on_beside_it_is_not_the_author():
    body = "<div><h2>Not Me</h2><p>hello</p></div><div><h2>Ada</h2><p>Working on P</p></div>"
    assert testimony(body).author == "Ada"


def test_profile_fields():
    body = (
        "<div><h2>Ada <b>L</b></h2><h4>ignored heading</h4><p>Analyst at <a href='/org'>Org &amp; Co</a>, Lead</p>"
        "<a href='/people/ada'>profile</a><a href='https://second.example'>second</a>"
        "<p>Working on  :  The Engine.. </p><p>later text</p></div>"
    )
    ada = testimony(body)
    assert (ada.author, ada.role, ada.organization, ada.project) == (
        "Ada L",
        "Analyst at Org & Co, Lead",
        "Org & Co",
        "The Engine",
    )
    assert ada.profile_url == "https://removal.eventlet.org/people/ada"


@pytest.mark.parametrize(
    ("role", "organization"),
    [
        ("Engineer at Big Corp, team lead", "Big Corp"),
        ("Engineer at  Big Corp; since 2020", "Big Corp"),
        ("Engineer", ""),
        ("Cat herder", ""),
    ],
)
def test_organization_from_the_role_line(role, organization):
    assert testimony(f"<div><h2>Ada</h2><p>{role}</p><p>Working on P</p></div>").organization == organization


def test_profile_link_text_is_checked_against_its_target():
    body = "<div><h2>Ada</h2><a href='https://evil.example'>https://good.example</a><p>Working on P</p></div>"
    result = parse_text(body + SECTIONS, "page.md")
    assert result.testimony.profile_url == "https://evil.example"
    assert any("link text shows https://good.example" in p.message for p in result.problems)


def test_a_page_without_profile_has_no_author_and_says_so():
    result = parse_text(SECTIONS, "ada-lovelace.md")
    assert result.testimony.author == "Ada Lovelace"
    assert any("no author found" in p.message for p in result.problems)


@pytest.mark.parametrize(("wrappers", "author"), [(61, "Ada"), (62, "X")])
def test_a_profile_deeper_than_the_limit_is_not_looked_for(wrappers, author):
    """The search for the author stops at the walk's depth limit (MAX_DEPTH): past it the name
    comes from the file name."""
    profile = "<div>" * wrappers + "<div><h2>Ada</h2><p>Working on P</p></div>" + "</div>" * wrappers
    assert parse_text(profile + SECTIONS, "x.md").testimony.author == author


def test_a_profile_of_only_a_name_and_project_has_no_role_link_or_organization():
    ada = testimony("<div><h2>Ada</h2><p>Working on Engine X</p></div>")
    assert (ada.role, ada.organization, ada.profile_url, ada.project) == ("", "", "", "Engine X")


def test_the_organization_is_the_link_in_the_role_line():
    assert testimony("<div><h2>Ada</h2><p>Analyst for <a href='/o'>Big Org</a></p><p>Working on P</p></div>").organization == (
        "Big Org"
    )


def test_a_profile_link_that_is_refused_leaves_no_address():
    assert testimony("<div><h2>Ada</h2><a href='javascript:alert(1)'>me</a><p>Working on P</p></div>").profile_url == ""


def test_a_deep_heading_before_the_profile_does_not_end_the_search():
    deep = "<div>" * 70 + "<div><h2>Deep</h2><p>Working on D</p></div>" + "</div>" * 70
    assert testimony(deep + "<div><h2>Ada</h2><p>Working on P</p></div>").author == "Ada"
