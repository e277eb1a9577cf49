"""Scripted models for dcx run as a real subprocess in tests (git hooks, the pre-commit framework).

Python imports this module at startup when this folder is on PYTHONPATH, which only the test
harness sets (tests/fakes.subprocess_env). In a `dcx` process (the console script, or
`python -m dcx`) with DCX_TESTS_FAKE_SCRIPT set, it replaces dcx's backend factory with the
scripted one of tests/fakes.py, which reads that script when dcx first needs its models. Every
other Python process (a check's own pytest run, pre-commit, pip) is left alone.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path


def _is_dcx() -> bool:
    argv = list(getattr(sys, "orig_argv", []))
    return (len(argv) > 1 and Path(argv[1]).name == "dcx") or argv[1:3] == ["-m", "dcx"]


def _install(script: str) -> None:
    spec = importlib.util.spec_from_file_location(
        "dcx_tests_fakes", Path(__file__).resolve().parent.parent / "fakes.py")
    assert spec is not None and spec.loader is not None
    fakes = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = fakes
    spec.loader.exec_module(fakes)
    import dcx.backends

    dcx.backends.factory = fakes.scripted_factory(script)


_script = os.environ.get("DCX_TESTS_FAKE_SCRIPT")
if _script and _is_dcx():
    _install(_script)
