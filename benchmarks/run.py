"""Measure testimony-tui against references measured in the same run, and say which targets hold.

Every time is measured ``--repeat`` times (min / median / max); every target is a ratio to a
reference measured in this run, or an absolute bound where the issue sets one. Nothing here is a
test: it prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .corpus import Words, site_page, write_corpus

HERE = Path(__file__).parent
ROOT = HERE.parent


@dataclass
class Figure:
    name: str
    n: int
    unit: str
    runs: list[float]
    target: str = ""
    reference: list[float] = field(default_factory=list)
    met: bool | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def ratio(self) -> float | None:
        return self.median / statistics.median(self.reference) if self.reference else None


def timed(function, repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append(time.perf_counter() - start)
    return runs


def run_process(args: list[str], env: dict[str, str]) -> float:
    """From launching ``args`` to the moment it reports (its first frame, or first rows) on stdout.

    The moment is read from a clock all processes share, so the time a process takes to shut
    down (say, a loader stopping mid-batch) is not counted as start-up.
    """
    start = time.monotonic()
    done = subprocess.run(args, env=env, check=True, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    return float(done.stdout.split()[-1]) - start


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(home / variable.lower())
    env.pop("TESTIMONY_TUI_PATH", None)
    env.update(extra)
    return env


STARTUP_RUNS = 3
"""Start-ups are short and the noisiest figures on a shared machine: each repetition is three runs."""


def startup(corpus: Path, n: int, repeat: int, home: Path, moment: str, bound: float) -> Figure:
    """First paint (or first rows) of the real command, against the bare app, both headless."""
    command = [sys.executable, "-m", "testimony_tui", str(corpus)]
    bare = [sys.executable, str(HERE / "bare_app.py")]
    env = isolated_env(home, TESTIMONY_TUI_BENCHMARK=moment)
    run_process(command, env)  # warm the parse cache and the OS file cache once
    ours, reference = [], []
    for _ in range(repeat * STARTUP_RUNS):
        reference.append(run_process(bare, env))
        ours.append(run_process(command, env))
    figure = Figure(f"start-up to {moment.replace('-', ' ')}", n, "s", ours, f"<= {bound}x bare Textual app", reference)
    figure.met = figure.ratio <= bound
    return figure


def index(corpus: Path, n: int, repeat: int, home: Path) -> list[Figure]:
    from testimony_tui.loading.cache import ParseCache
    from testimony_tui.loading.steps import load_library

    def cold() -> None:
        cache_path = home / "bench-cache.sqlite3"
        cache_path.unlink(missing_ok=True)
        load_library([corpus], explicit=True, cache=ParseCache(cache_path))

    cold_runs = timed(cold, repeat)
    warm_runs = timed(lambda: load_library([corpus], explicit=True, cache=ParseCache(home / "bench-cache.sqlite3")), repeat)
    figures = [
        Figure("full index, cold (no cache)", n, "s", cold_runs, "<= 3 s at 10,000" if n >= 10_000 else ""),
        Figure("full index, warm (cache valid)", n, "s", warm_runs, "<= 0.5 s at 10,000" if n >= 10_000 else ""),
    ]
    if n >= 10_000:
        figures[0].met = figures[0].median <= 3
        figures[1].met = figures[1].median <= 0.5
    return figures


def query_engine(corpus: Path, n: int, repeat: int, home: Path) -> list[Figure]:
    from testimony_tui.core.query import Query
    from testimony_tui.loading.cache import ParseCache
    from testimony_tui.loading.steps import load_library

    library = load_library([corpus], explicit=True, cache=ParseCache(home / "bench-cache.sqlite3"))
    library.prepare_search()  # folded once at load, as the app does
    words = ["futurist", "kalo", "zzzqqq"]
    figures = []
    engine = []
    for _ in range(repeat):
        library.forget_queries()  # a fresh query each time, not one remembered from the last run
        start = time.perf_counter()
        for word in words:
            library.filter(Query.parse(word))
        engine.append((time.perf_counter() - start) / len(words))
    rg = shutil.which("rg")
    reference = []
    if rg:
        for _ in range(repeat):
            start = time.perf_counter()
            for word in words:
                subprocess.run([rg, "-i", "-l", word, str(corpus)], stdout=subprocess.DEVNULL, check=False)
            reference.append((time.perf_counter() - start) / len(words))
    figure = Figure("query engine, one word, full text", n, "s", engine, ">= 3x faster than rg -i -l" if rg else "", reference)
    if rg:
        figure.met = figure.ratio <= 1 / 3
    else:
        figure.note = "ripgrep not installed: no reference"
    figures.append(figure)
    return figures


async def _loaded(app, pilot) -> None:
    """Until every file is in (the loader starts after the first paint)."""
    while not app.loaded:
        await pilot.pause(0.05)


async def _keystrokes(corpus: Path, home: Path, text: str) -> list[float]:
    from testimony_tui.app import make_app

    app = make_app([corpus], state_path=home / "state.json")
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app, pilot)
        sidebar = app.main.sidebar
        # What one keystroke costs: the query applied and the list's options replaced, as the
        # filter box's change handler does (Pilot's own key delivery would swamp the figure).
        for end in range(1, len(text) + 1):
            start = time.perf_counter()
            sidebar.apply_filter(text[:end])
            times.append(time.perf_counter() - start)
            await pilot.pause()
    return times


def keystrokes(corpus: Path, n: int, repeat: int, home: Path) -> Figure:
    """The p95 of one typing of the text, typed ``repeat`` times (each in a freshly started app)."""
    os.environ.update(isolated_env(home))
    runs, times = [], []
    for _ in range(repeat):
        typed = asyncio.run(_keystrokes(corpus, home, "futurist kalo -zzz"))
        runs.append(sorted(typed)[max(0, int(len(typed) * 0.95) - 1)])
        times += typed
    figure = Figure("filter keystroke (query + list), p95", n, "s", runs, "p95 <= 20 ms at 10,000" if n >= 10_000 else "")
    figure.note = f"{len(times) // repeat} keystrokes a typing, median keystroke {statistics.median(times) * 1000:.1f} ms"
    if n >= 10_000:
        figure.met = figure.median <= 0.020
    return figure


async def _open_big(folder: Path, home: Path) -> float:
    from testimony_tui.app import make_app

    app = make_app([folder], state_path=home / "state-big.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app, pilot)
        await pilot.pause(0.5)  # the first showing (the only testimony opens by itself) settles
        painted = asyncio.get_running_loop().create_future()
        start = time.perf_counter()
        app.main.open("big-0")
        # Until the first question's panel is laid out on screen, then one more frame.
        panel = app.main.reader.panels[1]
        while not panel.region.height:
            await asyncio.sleep(0.001)
        app.call_after_refresh(lambda: painted.set_result(time.perf_counter()))
        end = await painted
        await pilot.pause()
        return end - start


def open_big(repeat: int, home: Path) -> Figure:
    import random

    folder = home / "big"
    folder.mkdir(exist_ok=True)
    words = Words(random.Random(7))
    questions = [words.sentence(4, 10)[:-1] + "?" for _ in range(100)]
    (folder / "big-0.md").write_text(site_page(words, questions, 20))
    os.environ.update(isolated_env(home))
    runs = [asyncio.run(_open_big(folder, home)) for _ in range(repeat)]
    figure = Figure("open a testimony of 100 questions", 1, "s", runs, "<= 100 ms to first paint")
    figure.met = figure.median <= 0.1
    return figure


PEAK_RSS = """
import resource, sys
from pathlib import Path
from testimony_tui.loading.steps import load_library
from testimony_tui.loading.loader import open_cache

library = load_library([Path(sys.argv[1])], explicit=True, cache=open_cache())
library.prepare_search()
try:
    # VmHWM starts afresh with this program; ru_maxrss would count the parent's memory, copied at fork.
    with open("/proc/self/status") as status:
        print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024)
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def peak_memory(corpus: Path, n: int, home: Path) -> Figure:
    command, env = [sys.executable, "-c", PEAK_RSS, str(corpus)], isolated_env(home)
    subprocess.run(command, env=env, check=True, capture_output=True)  # fill the cache
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    figure = Figure("peak RSS with all loaded (warm)", n, "MB", [float(output.strip())], "<= 250 MB at 10,000" if n >= 10_000 else "")
    if n >= 10_000:
        figure.met = figure.runs[0] <= 250
    return figure


def measure(sizes: list[int], repeat: int, work: Path) -> list[Figure]:
    # Bytecode first, as `pip install .` compiles it: where PYTHONDONTWRITEBYTECODE is set, every
    # start-up would otherwise compile the app's modules again (the bare app has but one).
    compileall.compile_dir(ROOT / "testimony_tui", quiet=1)
    figures: list[Figure] = []
    for n in sizes:
        corpus = work / f"corpus-{n}"
        if not corpus.exists():
            write_corpus(corpus, n, seed=1)
        home = work / f"home-{n}"
        home.mkdir(exist_ok=True)
        print(f"measuring N = {n:,} ...", file=sys.stderr)
        if n <= 50:
            figures.append(startup(corpus, n, repeat, home, "first-paint", 1.25))
        else:
            figures.append(startup(corpus, n, repeat, home, "first-rows", 1.5))
        figures += index(corpus, n, repeat, home)
        figures += query_engine(corpus, n, repeat, home)
        figures.append(keystrokes(corpus, n, repeat, home))
        figures.append(peak_memory(corpus, n, home))
    figures.append(open_big(repeat, work))
    return figures


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:,.1f} ms" if value < 1 else f"{value:,.2f} s"
    return f"{value:,.0f} {unit}"


def table(figures: list[Figure]) -> str:
    rows = [("figure", "N", "min", "median", "max", "reference", "ratio", "target", "met")]
    for f in figures:
        rows.append(
            (
                f.name,
                f"{f.n:,}",
                fmt(min(f.runs), f.unit),
                fmt(f.median, f.unit),
                fmt(max(f.runs), f.unit),
                fmt(statistics.median(f.reference), f.unit) if f.reference else "",
                f"{f.ratio:.2f}x" if f.ratio else "",
                f.target,
                {True: "yes", False: "NO", None: ""}[f.met],
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="5,1000,10000", help="corpus sizes (default 5,1000,10000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="N = 50, one repetition: checks that it runs")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--work", type=Path, help="keep corpora here between runs (default: a temporary folder)")
    args = parser.parse_args()
    sizes = [50] if args.quick else [int(size) for size in args.sizes.split(",")]
    repeat = 1 if args.quick else args.repeat
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        figures = measure(sizes, repeat, work)
    print(table(figures))
    result = {
        "command": "python -m benchmarks " + " ".join(sys.argv[1:]),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "figures": [asdict(f) | {"median": f.median, "ratio": f.ratio} for f in figures],
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwritten to {args.out}", file=sys.stderr)
