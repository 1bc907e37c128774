"""``sync`` brings the site's case studies (``docs/guide/studies/``) and their index page along."""

from __future__ import annotations

import json

from testimony_tui.files.locations import synced_dir
from testimony_tui.sync import select

from .conftest import FIXTURES
from .test_sync import TOP, run, site_archive

STUDIES = FIXTURES / "studies"
# The site's own index of case studies is, for now, a page with no cards: a picture and links.
WORK_IN_PROGRESS = b"""---
permalink: /guide/cases-studies/
title: Case Studies and Testimonials
layout: dashboard
---

<div class="work-in-progress">
  <div class="wip-image">
    <img src="{{ site.baseurl }}/images/wip2.svg" alt="Work in Progress" class="wip-svg" />
  </div>
</div>

<div class="mt-10 flex justify-between">
    <a href="{{ site.baseurl }}{% link guide/common-problems.md %}" class="inline-block">
        <i class="fas fa-arrow-left mr-2"></i>Managing Common Problems
    </a>
</div>
"""


def test_select_keeps_the_case_studies_and_their_index():
    names = [
        f"{TOP}/docs/guide/studies.md",
        f"{TOP}/docs/guide/studies/heron.md",
        f"{TOP}/docs/guide/studies/deeper/x.md",
        f"{TOP}/docs/guide/testimonials/a.md",
        f"{TOP}/docs/guide/resources.md",
    ]
    assert select(names) == {
        names[0]: "studies.md",
        names[1]: "studies/heron.md",
        names[3]: "testimonials/a.md",
    }


def test_sync_brings_the_case_studies_and_lists_them(capsys, site_fixtures, tmp_path):
    archive = tmp_path / "site.tar.gz"
    archive.write_bytes(
        site_archive(
            site_fixtures,
            extra={
                f"{TOP}/docs/guide/studies.md": (STUDIES / "studies.md").read_bytes(),
                f"{TOP}/docs/guide/studies/heron.md": (STUDIES / "heron.md").read_bytes(),
            },
        )
    )
    code, out, err = run(capsys, "sync", "--from", archive, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert {"studies.md", "studies/heron.md"} <= set(report["new"])
    assert report["problems"] == []
    pages = synced_dir()
    assert {"studies.md", "studies/heron.md"} <= {p.relative_to(pages).as_posix() for p in pages.rglob("*.md")}
    code, out, _ = run(capsys, "list", "--filter", "kind:case-study", "--json")
    assert [(item["slug"], item["kind"]) for item in json.loads(out)] == [("heron", "case-study")]


def test_the_site_s_index_of_case_studies_without_cards_is_no_problem(capsys, site_fixtures, tmp_path):
    archive = tmp_path / "site.tar.gz"
    archive.write_bytes(site_archive(site_fixtures, extra={f"{TOP}/docs/guide/studies.md": WORK_IN_PROGRESS}))
    code, out, err = run(capsys, "sync", "--from", archive, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert "studies.md" in report["new"] and report["problems"] == []
    code, out, err = run(capsys, "check", "--strict", synced_dir())
    # --strict lists what each testimony leaves unanswered; the index of case studies is no problem.
    assert "studies" not in out and all(": error: unanswered: " in line for line in out.splitlines()), out
