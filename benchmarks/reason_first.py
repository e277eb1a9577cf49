#!/usr/bin/env python3
"""Would the code model find the change if, after copying the code unchanged, it were asked to
say first which line is wrong?

Usage::

    .venv/bin/python benchmarks/reason_first.py bench benchmarks/repo_tasks/dev \\
        --only table_first_row_width,unitconv_kelvin_fahrenheit --test-rounds 0 --json out.json

Runs a dcx command (here `dcx bench`) with one change to what the code model is told: the retry
after an unchanged reply (dcx.prompts.NOT_YET: "the code as shown does not do this yet") also
asks for one or two sentences naming the line that causes what the request describes, and what
it must become, before the code block. A reply in that shape often opens a second ```python
fence inside an unclosed first one, so the script also reads a fence line that carries a
language tag as the start of a new block (dcx reads it as the end of the block and the code
after it is lost). Compare the outcomes with a plain `dcx bench` run of the same tasks: which
tasks that ended with no change now pass, fail, or break a test that passed. It is
measurement, not a part of dcx.
"""

from __future__ import annotations

import re
import sys

REASON = ("\nBefore the code, write one or two sentences: which line of the code shown causes "
          "what the request describes, and what it must become. Then the code block.")
# a fence line with a language tag opens a block even inside an unclosed one
FENCE = re.compile(r"```[\w+#.-]*[ \t]*\n(.*?)(?:(?=^```[\w+#.-]+[ \t]*$)|```|\Z)", re.S | re.M)


def main() -> None:
    from dcx import codegen, prompts
    from dcx.cli import main as dcx_main

    prompts.NOT_YET = codegen.NOT_YET = prompts.NOT_YET + REASON
    codegen._FENCE = FENCE
    sys.argv = ["dcx", *sys.argv[1:]]
    dcx_main()


if __name__ == "__main__":
    main()
