"""``python -m testimony_tui`` and the ``testimony-tui`` console script."""

from typing import NoReturn


def main() -> NoReturn:
    try:
        from .cli import run
    except KeyboardInterrupt:  # ctrl+c while the command line loads: the same quiet exit as later
        raise SystemExit(130) from None
    run()


if __name__ == "__main__":  # worker processes import this module too: they must not start the app
    main()
