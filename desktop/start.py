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
    # The data layer before Qt: once PySide6 is loaded it inspects every further import (a tenth of the start).
    import core.stammdaten.start  # noqa: F401
    from desktop.app import starte  # Qt is imported only when the window is wanted

    return starte(args.db)


if __name__ == "__main__":
    sys.exit(main())
