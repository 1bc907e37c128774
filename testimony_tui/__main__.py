"""``python -m testimony_tui`` and the ``testimony-tui`` console script."""

import sys
from typing import NoReturn

from .interrupt import INTERRUPTED, CtrlC


def main() -> NoReturn:
    ctrl_c = CtrlC()
    ctrl_c.install()
    try:
        from .cli import run

        status = run()
    except KeyboardInterrupt:
        status = INTERRUPTED
    except Exception:
        if not ctrl_c.pressed:
            raise
        status = INTERRUPTED  # a ctrl+c that Python turned into another error (see .interrupt)
    sys.exit(ctrl_c.exit_status(status))


if __name__ == "__main__":  # worker processes import this module too: they must not start the app
    main()
