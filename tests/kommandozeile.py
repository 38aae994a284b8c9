"""Run the command line inside the test process (what `assistenzbuero …` runs, without starting a new Python).

One end-to-end test per command still starts the real process; everything else uses `rufe`, which is many
times faster (a new interpreter and its imports for every call made up a third of the suite's time).
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass

from core.cli import main


@dataclass(frozen=True)
class Lauf:
    returncode: int
    stdout: str
    stderr: str


def rufe(*argumente: str) -> Lauf:
    """`assistenzbuero ARGUMENTE`: exit code, standard output and error output as the user would see them."""
    ausgabe, fehler = io.StringIO(), io.StringIO()
    with redirect_stdout(ausgabe), redirect_stderr(fehler):
        try:
            code = main(list(argumente))
        except SystemExit as ende:  # argparse: --help, wrong arguments
            code = ende.code if isinstance(ende.code, int) else 1
    return Lauf(code, ausgabe.getvalue(), fehler.getvalue())
