"""The benchmark suite still runs (N = 50, one repetition). It asserts no time: figures are for
docs/performance.md, targets are judged by the suite itself."""

from __future__ import annotations

import json
import subprocess
import sys


def test_quick_benchmark_runs_and_writes_every_figure(tmp_path, tests_dir):
    out = tmp_path / "results.json"
    process = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
        cwd=tests_dir.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert process.returncode == 0, process.stderr
    names = {figure["name"] for figure in json.loads(out.read_text())["figures"]}
    assert names == {
        "start-up to first paint",
        "full index, cold (no cache)",
        "full index, warm (cache valid)",
        "query engine, one word, full text",
        "filter keystroke (query + list), p95",
        "peak RSS with all loaded (warm)",
        "open a testimony of 100 questions",
    }
    assert "| figure" in process.stdout


def test_corpus_is_deterministic(tmp_path):
    from benchmarks.corpus import write_corpus

    first = [path.read_text() for path in write_corpus(tmp_path / "a", 20, seed=5)]
    second = [path.read_text() for path in write_corpus(tmp_path / "b", 20, seed=5)]
    assert first == second
    assert sum("author:" in text.split("---")[1] for text in first) < len(first)  # mostly site pages
