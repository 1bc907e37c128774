"""``show --markdown``: the Markdown testimony file written, character for character."""

from __future__ import annotations

from testimony_tui.core.model import LINE_BREAK, Answer, Entry, Format, ListBlock, Paragraph, Section, Span, Testimony
from testimony_tui.formats.markdown import answer_markdown, testimony_markdown


def paragraph(*parts: str | Span) -> Paragraph:
    return Paragraph(tuple(Span(part) if isinstance(part, str) else part for part in parts))


ANSWER = Answer(
    (
        paragraph(
            "&copy; 2024, see ",
            Span("x", code=True),
            " and ",
            Span("a", href="https://e.org/a b"),
            ", ",
            Span("b", href="https://e.org/x_(y)"),
            ", ",
            Span("c", href="https://e.org/c)"),
            ", ",
            Span("d", href="https://e.org/d"),
            ", ",
            Span("e", href="https://e.org/e("),
            ".",
        ),
        ListBlock(False, ((paragraph("one"), ListBlock(True, ((paragraph("sub"),),))), (paragraph("two"),))),
        ListBlock(True, ((paragraph("first"), ListBlock(True, ((paragraph("third"),),), start=3)), (paragraph("next"),))),
    )
)
ZOE = Testimony(
    slug="zoe",
    source="zoe.md",
    format=Format.MARKDOWN,
    author="Zoë Müller",
    project="Ironic",
    summary="A summary that is long enough to be wrapped by YAML at eighty columns if nobody told it otherwise, as it would.",
    keywords=("oslo", "eventlet"),
    sections=(Section("Use C#", (Entry("1. Why?", ANSWER),)),),
)

WRITTEN = """\
---
author: Zoë Müller
project: Ironic
summary: A summary that is long enough to be wrapped by YAML at eighty columns if nobody told it otherwise, as it would.
keywords:
- oslo
- eventlet
---

## Use C\\#

### 1. Why?

&amp;copy; 2024, see `x` and [a](https://e.org/a%20b), [b](<https://e.org/x_(y)>), [c](<https://e.org/c)>), [d](https://e.org/d), [e](<https://e.org/e(>).

- one
  1. sub
- two

1. first

   3. third

2. next
"""


def test_a_testimony_is_written_as_markdown_escaped_only_where_needed():
    # Front matter in the profile's order, unwrapped, its letters as they are; "#" escaped in a
    # heading, not "1." (a heading is no list); a link's spaces encoded and its parentheses kept
    # in angle brackets; a list loose only where a numbered list not starting at 1 is in an item.
    assert testimony_markdown(ZOE) == WRITTEN


def test_only_what_starts_a_line_is_escaped_as_a_list_or_heading_would_be():
    # After a line break "- b" would start a list; after other text "1. y" starts nothing.
    spans = paragraph("a", LINE_BREAK, "- b and ", Span("1. y", italic=True))
    assert answer_markdown(Answer((spans,))) == "a\\\n\\- b and *1. y*"
