"""``show`` without ``--json``: a testimony as plain text wrapped for the terminal."""

from __future__ import annotations

from testimony_tui.core.model import (
    LINE_BREAK,
    Answer,
    CodeBlock,
    Entry,
    Format,
    ListBlock,
    Paragraph,
    Section,
    Span,
    Testimony,
)
from testimony_tui.formats.text import testimony_text

ANSWER = Answer(
    (
        Paragraph(
            (
                Span("We moved the API to threads, see "),
                Span("the spec", href="https://example.org/spec"),
                Span(" and "),
                Span("https://example.org/x", href="https://example.org/x"),
                Span(" or "),
                Span("Bob", href="testimony:bob"),
                Span("."),
                LINE_BREAK,
                LINE_BREAK,
                Span("Second line."),
            )
        ),
        ListBlock(
            True,
            (
                (Paragraph((Span("first step of a rather long list item that wraps"),)),),
                (Paragraph((Span("second"),)), ListBlock(False, ((Paragraph((Span("nested"),)),),)), CodeBlock("x = 1")),
            ),
            start=3,
        ),
        CodeBlock("def f():\n    return 1", "python"),
        Paragraph((Span("After."),)),
    )
)
ADA = Testimony(
    slug="ada",
    source="ada.md",
    format=Format.MARKDOWN,
    author="Ada Lovelace",
    role="Engineer",
    organization="Analytical Engines",
    project="Ironic",
    profile_url="https://example.org/ada",
    keywords=("oslo", "eventlet", "green threads", "asyncio"),
    summary="A summary long enough to be wrapped at forty columns.",
    sections=(
        Section(
            "Process, tools and lessons of the whole migration",
            (Entry("How did the migration go, and what did you learn?", ANSWER),),
        ),
    ),
)

SHOWN = """\
Ada Lovelace
Role: Engineer
Organization: Analytical Engines
Project: Ironic
Profile: https://example.org/ada
Keywords: oslo, eventlet, green threads,
  asyncio

A summary long enough to be wrapped at
forty columns.


PROCESS, TOOLS AND LESSONS OF THE WHOLE MIGRATION
========================================

How did the migration go, and what did
you learn?

    We moved the API to threads, see the
    spec <https://example.org/spec> and
    https://example.org/x or Bob.

    Second line.
    3. first step of a rather long list
       item that wraps
    4. second
       • nested

         x = 1

      def f():
          return 1

    After.
"""


def test_a_testimony_is_shown_wrapped_with_its_lists_code_and_web_links():
    # A link shows where it goes unless its text says it or it is no web link; a list follows
    # its paragraph without a blank line, code and paragraphs are set apart by one.
    assert testimony_text(ADA, width=40) == SHOWN



def test_long_words_and_hyphenated_words_are_never_broken():
    url = "https://example.org/" + "a" * 40
    answer = Answer((Paragraph((Span(f"See {url} for our very state-of-the-art setup."),)),))
    testimony = Testimony(
        slug="ada", source="ada.md", format=Format.MARKDOWN, author="Ada", sections=(Section("S", (Entry("Q?", answer),)),)
    )
    shown = testimony_text(testimony, width=30)
    assert f"\n    See\n    {url}\n    for our very\n    state-of-the-art setup.\n" in shown


def test_a_profile_value_of_several_lines_continues_indented():
    testimony = Testimony(slug="ada", source="ada.md", format=Format.MARKDOWN, author="Ada", role="Engineer\nand reviewer")
    assert testimony_text(testimony).startswith("Ada\nRole: Engineer\n  and reviewer\n")
