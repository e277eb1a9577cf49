#!/usr/bin/env python3
"""Does dcx.import_order find the import-cycle failures Python has?

Usage::

    .venv/bin/python benchmarks/import_order_vs_python.py [SEED] [PROJECTS]

Writes PROJECTS (default 100) random projects of six modules (a package, a subpackage, random
``from M import X``, ``import M`` and definitions in random order), and for each compares what
dcx.import_order says with what a fresh ``python -c "import m"`` does for each module m: a module
of an import cycle fails imported first exactly when dcx finds a failure with it first, and where
dcx finds none no module fails in a cycle. Modules that fail for another reason (a name no module
defines) are left out. It prints each disagreement and a count.
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from pathlib import Path

from dcx.import_order import cycles, failures

MODULES = {"pkg/__init__.py": "pkg", "pkg/a.py": "pkg.a", "pkg/b.py": "pkg.b", "pkg/c.py": "pkg.c",
           "pkg/sub/__init__.py": "pkg.sub", "pkg/sub/d.py": "pkg.sub.d"}


def own_name(path: str) -> str:
    return "X" + MODULES[path].replace(".", "_")


def project(rng: random.Random) -> dict[str, str]:
    files = {}
    for path in MODULES:
        lines = []
        for _ in range(rng.randint(0, 3)):
            other = rng.choice([p for p in MODULES if p != path])
            kind = rng.random()
            if kind < 0.5:
                lines.append(f"from {MODULES[other]} import {own_name(other)}")
            elif kind < 0.7:
                lines.append(f"import {MODULES[other]}")
            else:
                lines.append(f"{own_name(path)} = 1")
        if rng.random() < 0.7:
            lines.insert(rng.randint(0, len(lines)), f"{own_name(path)} = 1")
        files[path] = "\n".join(lines) + "\n"
    return files


def python_says(files: dict[str, str]) -> tuple[set[str], set[str]]:
    """(modules whose import fails in a cycle, modules whose import fails otherwise)."""
    cyclic, other = set(), set()
    with tempfile.TemporaryDirectory() as folder:
        for path, text in files.items():
            Path(folder, path).parent.mkdir(parents=True, exist_ok=True)
            Path(folder, path).write_text(text)
        for path, module in MODULES.items():
            run = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=folder,
                                 capture_output=True, text=True, timeout=60)
            if run.returncode:
                (cyclic if "circular import" in run.stderr else other).add(path)
    return cyclic, other


def _agree(files: dict[str, str], cyclic: set[str], other: set[str]) -> bool:
    """What dcx says is what Python does: each module of a cycle fails imported first exactly
    when dcx finds a failure with it first; with no failure found, no import fails in a cycle
    (a module outside the cycles fails when the cycle module it enters by fails first: dcx
    makes no claim about which that is)."""
    found = failures(files)
    members = set().union(*cycles(files)) - other
    if not found:
        return not cyclic
    return {f.first for f in found} & members == cyclic & members


def main() -> None:
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    agree = with_cycle = 0
    for _ in range(count):
        files = project(rng)
        cyclic, other = python_says(files)
        with_cycle += bool(cyclic)
        if _agree(files, cyclic, other):
            agree += 1
        else:
            firsts = sorted({f.first for f in failures(files)})
            print(f"disagree: dcx {firsts}, python {sorted(cyclic)}: {files}")
    print(f"{agree} of {count} projects agree; {with_cycle} have an import that fails in a cycle")


if __name__ == "__main__":
    main()
