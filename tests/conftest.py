from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Every property test, wherever it is: no deadline per example (a loaded machine is slow, not
# wrong); CI's bounded search, or HYPOTHESIS_PROFILE=long for a much longer one.
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
REPO = TESTS.parent
REAL_PAGES = FIXTURES / "real"
"""Real pages of the Eventlet Removal site, verbatim (see its NOTICE)."""


@pytest.fixture(autouse=True, scope="session")
def interruptible_commands() -> None:
    """The commands tests start and interrupt (ctrl+c is SIGINT) can be interrupted however pytest
    was started: a shell's background job ignores SIGINT, and what it starts inherits that."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Each test gets its own home, config, data, state and cache folders: nothing of the user's is
    read, and an export (to the downloads folder, ~/Downloads) lands in the test's own home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("TESTIMONY_TUI_PATH", raising=False)
    return home


@pytest.fixture
def real_pages() -> Path:
    """The folder of the site's real pages: three testimonies and the index page."""
    return REAL_PAGES


@pytest.fixture
def site_fixtures() -> Path:
    return FIXTURES / "site"


@pytest.fixture
def tests_dir() -> Path:
    return TESTS


CI_VARIABLE = "TESTIMONY_TUI_CI"
"""Set by .ci/run, which installs every tool the tests need: there a missing tool is a failure."""


def require_tool(name: str, package: str) -> str:
    """The path of the system tool ``name``; skipped (with how to get it) when absent, outside CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (install {package}; .ci/run does)"
        if os.environ.get(CI_VARIABLE):
            pytest.fail(message)
        pytest.skip(message)
    return path
