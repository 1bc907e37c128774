"""``o`` opens the profile link, or says why it cannot: never nothing at all."""

from __future__ import annotations

from .conftest import notifications, ready


async def test_o_on_a_testimony_without_a_profile_link_says_so(app_factory, tmp_path, opened_urls):
    (tmp_path / "ann.md").write_text("---\nauthor: Ann Example\n---\n## Section\n\n### Question?\n\nAnswer.\n")
    app = app_factory(tmp_path)
    async with app.run_test(size=(100, 35)) as pilot:
        await ready(app, pilot)
        assert app.main.current.author == "Ann Example" and not app.main.current.profile_url
        await pilot.press("o")
        assert "Ann Example gives no profile link." in notifications(app)
        assert opened_urls == []

