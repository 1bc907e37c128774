"""Attack: a Markdown table of 100,000 columns.

docs/safety.md: "Every input is bounded in size, depth and time", with "Markdown lines and marks
(``*``, ``_``, ``[``, ...) in a page, counted before Markdown is read | 10,000" and tables cut to
MAX_TABLE_COLUMNS (30) x MAX_TABLE_ROWS (500). The ``|`` of a table was not counted, and the
columns were cut only after Markdown had built every cell: a 1 MB page holding a table of five
rows of 100,000 one-letter cells took 8.4 s and 723 MB to ``check`` (header and separator
alone: 2.8 s, 200 MB), so a 4 MB page reached gigabytes.

Measured by what does not hang on the machine's speed: the page is refused by the count of its
marks (the limit is MAX_TAGS), and the memory Python allocates to read it, which grew with every
cell Markdown built, stays a small multiple of the page's own size.
"""

from __future__ import annotations

import tracemalloc

from testimony_tui.parsing.file import parse_text
from testimony_tui.parsing.html import MAX_TAGS

COLUMNS = 100_000


def _table_page() -> str:
    row = "|" + "|".join("c" for _ in range(COLUMNS)) + "|\n"
    separator = "|" + "|".join("-" for _ in range(COLUMNS)) + "|\n"
    return "---\nauthor: Ada\nproject: P\n---\n## S\n\n### Q?\n\n" + row + separator + row * 3


def _peak_bytes_reading(page: str) -> tuple[object, int]:
    """What ``parse_text`` yields for ``page``, and the most memory Python held while reading it."""
    already = tracemalloc.is_tracing()
    if not already:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        parsed = parse_text(page, "ada.md")
        return parsed, tracemalloc.get_traced_memory()[1] - before
    finally:
        if not already:
            tracemalloc.stop()


def test_a_markdown_table_of_100k_columns_is_refused_by_its_marks_before_markdown_reads_it():
    page = _table_page()
    parsed, peak = _peak_bytes_reading(page)
    assert parsed.testimony is None
    [problem] = parsed.problems
    assert (
        problem.is_error
        and f"more than the {MAX_TAGS:,}" in problem.message
        and "Markdown lines and marks" in problem.message
    )
    # Refused before Markdown built a cell: a few copies of the 1 MB page at most (723 MB when it was read).
    assert peak < 10 * len(page), f"{peak / 1e6:.0f} MB allocated to read a {len(page) / 1e6:.1f} MB page"
