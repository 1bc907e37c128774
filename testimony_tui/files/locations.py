"""Where the app keeps its own files, per platform (XDG on Linux), via platformdirs."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "testimony-tui"
PATH_VARIABLE = "TESTIMONY_TUI_PATH"
SITE_REPOSITORY = "https://github.com/eventlet-removal/eventlet-removal.github.io"
SITE_ARCHIVE = f"{SITE_REPOSITORY}/archive/HEAD.tar.gz"
"""The site's sources on its default branch: what ``sync`` fetches unless told otherwise."""

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def bundled_data_dir() -> Path:
    """The seed testimony shipped with the app: inside the wheel, or the repo's ``data/``."""
    package = Path(__file__).parent.parent
    packaged = package / "data"
    return packaged if packaged.is_dir() else package.parent / "data"


def user_data_dir() -> Path:
    """Where ``sync`` puts testimonies and where users may drop their own."""
    return Path(_dirs.user_data_dir) / "testimonies"


def drafts_dir() -> Path:
    """Where the app writes the drafts it opens in the user's editor (loaded with the rest)."""
    return user_data_dir() / "drafts"


def synced_dir() -> Path:
    """The site's testimonies as ``sync`` last brought them (a link to the current set)."""
    return user_data_dir() / "site"


PREVIOUS = ".previous"
"""In the synced set, the link to the set the last sync that changed anything replaced (hidden:
discovery skips it, so its testimonies are not loaded twice)."""


def previous_synced_dir() -> Path:
    """The site's testimonies as they were before the last sync that changed them (may be absent)."""
    return synced_dir() / PREVIOUS


def previous_version(source: str | os.PathLike[str]) -> Path | None:
    """The page at ``source`` (a synced one) as it was before the last sync that changed the set,
    if it was there: the same place in the previous set. None for a page not synced."""
    try:
        relative = Path(source).relative_to(synced_dir())
    except ValueError:
        return None
    previous = previous_synced_dir() / relative
    return previous if previous.is_file() else None


def state_file() -> Path:
    return Path(_dirs.user_state_dir) / "state.json"


def cache_dir() -> Path:
    return Path(_dirs.user_cache_dir)


def config_dir() -> Path:
    return Path(_dirs.user_config_dir)


def config_file() -> Path:
    return config_dir() / "config.toml"


def downloads_dir() -> Path:
    """Where the app exports to unless the config says otherwise (as Textual's screenshots do)."""
    return Path(_dirs.user_downloads_dir)


def checked_path(text: str, *, expand: bool = False) -> Path:
    """A path given from outside (command line, config, environment), or ``ValueError`` saying why
    no file can have it: every later ``stat`` of it would raise instead of answering "absent"."""
    if "\0" in text:
        raise ValueError("contains a NUL character")
    path = Path(text)
    if expand:
        try:
            path = path.expanduser()
        except RuntimeError:  # "~nosuchuser/x"
            raise ValueError(f"{text.split('/')[0]} is not a user with a home folder") from None
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        pass  # absent: for the caller to say (an output to create, a folder not synced yet)
    except OSError as error:  # too long, a link loop, no permission
        raise ValueError((error.strerror or str(error)).lower()) from None
    return path


def checked_source(text: str) -> str:
    """What ``sync`` reads: an http(s) URL as given, else a local path (``~`` expanded), checked."""
    if re.match(r"https?://", text, re.IGNORECASE):
        return text
    return str(checked_path(text, expand=True))


def read_path_variable() -> tuple[list[Path], list[str]]:
    """``TESTIMONY_TUI_PATH``'s usable entries, and a warning for each one that no file can have."""
    paths: list[Path] = []
    warnings: list[str] = []
    for part in os.environ.get(PATH_VARIABLE, "").split(os.pathsep):
        if not part:
            continue
        try:
            paths.append(checked_path(part))
        except ValueError as error:
            warnings.append(f"{part!r}: {error}; ignored")
    return paths, warnings


def env_paths() -> list[Path]:
    return read_path_variable()[0]


def default_paths(configured: Iterable[Path] = ()) -> list[Path]:
    """What the app reads when given no paths: bundled, synced, configured, ``TESTIMONY_TUI_PATH``."""
    return [bundled_data_dir(), user_data_dir(), *configured, *env_paths()]
