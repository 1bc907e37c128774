"""Attack: a Markdown table of 100,000 columns.

docs/safety.md: "Every input is bounded in size, depth and time", with "Markdown lines and marks
(``*``, ``_``, ``[``, ...) in a page, counted before Markdown is read | 10,000" and tables cut to
MAX_TABLE_COLUMNS (30) x MAX_TABLE_ROWS (500). The ``|`` of a table is not counted, and the
columns are cut only after Markdown has built every cell: a 1 MB page holding a table of five
rows of 100,000 one-letter cells takes 8.4 s and 723 MB to ``check`` here (header and separator
alone: 2.8 s, 200 MB), so a 4 MB page reaches gigabytes.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = r"""
import resource, sys, time
from testimony_tui.parsing.file import parse_text
columns = 100_000
row = "|" + "|".join("c" for _ in range(columns)) + "|\n"
separator = "|" + "|".join("-" for _ in range(columns)) + "|\n"
page = "---\nauthor: Ada\nproject: P\n---\n## S\n\n### Q?\n\n" + row + separator + row * 3
start = time.perf_counter()
parse_text(page, "ada.md")
seconds = time.perf_counter() - start
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def test_a_markdown_table_of_100k_columns_is_read_in_bounded_time_and_memory():
    try:
        process = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=30, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail("reading a 1 MB table took more than 30 s")
    seconds, megabytes = process.stdout.split()
    assert float(seconds) < 2.0 and int(megabytes) < 300, f"{float(seconds):.1f} s, {megabytes} MB"
