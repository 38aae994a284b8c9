"""Console entry `assistenzbuero`: subcommands run headless via core.cli; without one the window opens."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from core.cli import build_parser, richte_konsole_ein, starte_befehl

    richte_konsole_ein()
    args = build_parser(argv).parse_args(argv)
    if args.befehl is not None:
        return starte_befehl(args)
    # Qt is imported only when the window is wanted; the data layer (SQLAlchemy, the models) only once the window
    # is on screen (desktop.app.starte), so that she sees the program at once.
    from desktop.app import starte

    return starte(args.db)


if __name__ == "__main__":
    sys.exit(main())
