"""Attack: a code block's language picks a Pygments lexer that is slow on hostile code.

docs/safety.md: "Every input is bounded in size, depth and time"; widgets/rich_text.py bounds the
highlighted code at MAX_HIGHLIGHTED (20,000) characters on the belief that "Pygments takes about
4 ms a thousand" (80 ms). The language comes from the page (```adl, class="language-adl"), and some
lexers are quadratic or worse. Common ones too: ``c`` and ``cpp`` on blank lines (5,000 newlines
2 s, 10,000 7 s, 19,990 20 s and 23 s), ``java`` on 19,990 newlines 31 s, ``csharp`` / ``go`` / ``javascript`` /
``typescript`` on ``"\\`` repeated 6 s / 6.6 s / 4.2 s / >3 s, ``console`` 2-4 s on
anything. Obscure ones worse: 19,990 spaces as ``adl`` took 22 s here, 19,990 ``a`` as ``amdgpu``
9 s, 19,990 newlines as ``agda`` 6 s, ``"\\`` repeated as ``actionscript3`` 4 s. The app draws a
code block in its screen's render, so one such block freezes the reader; a 4 MB page holds 200.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from testimony_tui.widgets.rich_text import MAX_HIGHLIGHTED

PROBE = """
import sys, time
from testimony_tui.widgets.rich_text import highlighted

def took(code):
    start = time.perf_counter()
    highlighted(code, sys.argv[2], "monokai")
    return time.perf_counter() - start

# A reference in the same run: ordinary code of the same length, in the same language.
ordinary = ("x = 1  # comment\\n" * 2000)[: len(sys.argv[1])]
print(min(took(ordinary) for _ in range(3)), took(sys.argv[1]))
"""


@pytest.mark.parametrize(
    ("language", "code"),
    [
        ("adl", " " * (MAX_HIGHLIGHTED - 10)),
        ("amdgpu", "a" * (MAX_HIGHLIGHTED - 10)),
        ("c", "int x;" + "\n" * 10_000 + "int y;"),  # C and C++: quadratic in blank lines
    ],
)
def test_highlighting_a_hostile_block_costs_about_what_ordinary_code_of_its_length_does(language, code):
    # A subprocess, so that a hang (10-20 s before the fix) is cut by the timeout instead of run out.
    try:
        process = subprocess.run(
            [sys.executable, "-c", PROBE, code, language], check=True, timeout=60, capture_output=True, text=True
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"highlighting {len(code):,} characters as {language} took more than a minute")
    ordinary, hostile = map(float, process.stdout.split())
    # Bounded, it stops at its deadline like ordinary code does; unbounded, it took 50-200 times as long.
    assert hostile < 10 * max(ordinary, 0.1), f"{hostile:.2f} s against {ordinary:.2f} s for ordinary code"
