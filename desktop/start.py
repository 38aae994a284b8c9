"""Console entry `assistenzbuero`: subcommands run headless via core.cli; without one the window opens."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from core.cli import ausfuehren, build_parser

    args = build_parser().parse_args(argv)
    if args.befehl is not None:
        return ausfuehren(args)
    from desktop.app import starte  # Qt is imported only when the window is wanted

    return starte(args.db)


if __name__ == "__main__":
    sys.exit(main())
