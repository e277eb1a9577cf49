"""The `dcx` program: loading the CLI takes a moment, and Ctrl-C during it gets the same one line
and exit status as Ctrl-C later, not a traceback."""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130


def run() -> None:
    try:
        from dcx.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("Error: interrupted; nothing was written\n")
        sys.exit(EXIT_INTERRUPTED)
    main()
