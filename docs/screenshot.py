"""Regenerate docs/screenshot.svg: the app's own screenshot of the bundled testimony.

    python docs/screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from testimony_tui.app import make_app
from testimony_tui.files.locations import bundled_data_dir

HERE = Path(__file__).parent


async def main() -> None:
    with tempfile.TemporaryDirectory() as state:
        app = make_app([bundled_data_dir()], state_path=Path(state) / "state.json")
        async with app.run_test(size=(110, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("ctrl+f", *"thread", "enter", "enter")
            await pilot.pause()
            app.save_screenshot("screenshot.svg", str(HERE))


if __name__ == "__main__":
    asyncio.run(main())
