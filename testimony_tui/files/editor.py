"""The user's text editor: ``$VISUAL``, else ``$EDITOR``, as git and lazygit choose it."""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping

EDITOR_VARIABLES = ("VISUAL", "EDITOR")


def editor_command(environ: Mapping[str, str] = os.environ) -> list[str] | None:
    """The editor's command line (``code --wait`` is two words), or None when neither is set.

    The value is the user's own setting, split as a shell would split it but never run by one:
    no expansion, no pipes. One that cannot be split (an open quote) counts as unset.
    """
    for variable in EDITOR_VARIABLES:
        value = environ.get(variable, "").strip()
        if not value:
            continue
        try:
            words = shlex.split(value)
        except ValueError:
            continue
        if words:
            return words
    return None
