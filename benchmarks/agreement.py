#!/usr/bin/env python3
"""Do sampled replies to the same prompt make the change a greedy reply makes?

Usage::

    .venv/bin/python benchmarks/agreement.py record calls.jsonl \\
        bench ../shared/benchmarks/quixbugs --test-rounds 0 --json quix.json
    .venv/bin/python benchmarks/agreement.py report quix.json calls.jsonl

``record`` runs a dcx command (here `dcx bench`) in which every greedy code-model reply that
dcx accepts (it changes something and passes the checks) is followed by SAMPLES replies to the
same prompt, sampled as dcx samples its retries (dcx.codegen.RETRY_TEMPERATURE, seeds of their
own) and checked the same way. dcx goes on with the greedy reply, so its run is the plain one,
only slower. One JSON line per greedy reply: the task, the file, and the lines the greedy reply
and each sample remove and add (stripped). ``report`` joins them with the bench results and
prints, per task and outcome (passed, broke a test that passed before, failed), how many
samples make exactly the greedy change and how many of the greedy change's lines some sample
also makes. It asks one question: could "a greedy change no sample reproduces is withheld as
unsure" withhold the changes that break working code without withholding right ones? It is
measurement, not a part of dcx.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

SAMPLES = 2


def changed_lines(files: dict[str, str], changed: dict[str, str]) -> list[str]:
    """The lines a change removes and adds, stripped and sorted: ``-line`` / ``+line``."""
    out: list[str] = []
    for path, new in sorted(changed.items()):
        old = files.get(path, "").splitlines()
        for line in difflib.unified_diff(old, new.splitlines(), lineterm="", n=0):
            if line[:1] in "+-" and not line.startswith(("+++", "---")) and line[1:].strip():
                out.append(line[0] + line[1:].strip())
    return sorted(out)


def record(out: Path, argv: list[str]) -> None:
    from dcx import bench, codegen
    from dcx.cli import main

    task = {"name": ""}
    plain_run_task = bench.run_task
    plain_try = codegen.CodeWriter._try

    def run_task(t: Any, *args: Any, **kwargs: Any) -> Any:
        task["name"] = t.name
        return plain_run_task(t, *args, **kwargs)

    def _try(self: Any, messages: Any, budget: int, attempt: int, path: str, files: Any,
             target: Any, kept_out: Any, review: Any, repair: Any) -> Any:
        result = plain_try(self, messages, budget, attempt, path, files, target, kept_out, review,
                           repair)
        _reply, changed, problem, _doubt = result
        if self._greedy and attempt == 1 and changed and problem is None:
            samples = []
            for n in range(SAMPLES):
                # attempt numbers far above dcx's own retries: seeds no retry of dcx uses
                _r, s_changed, s_problem, _d = plain_try(self, messages, budget, 1001 + n, path,
                                                          files, target, kept_out, review, repair)
                samples.append({"problem": s_problem,
                                "lines": changed_lines(files, s_changed) if s_changed else []})
            with out.open("a") as f:
                f.write(json.dumps({"task": task["name"], "path": path, "target": target.name,
                                    "lines": changed_lines(files, changed),
                                    "samples": samples}) + "\n")
        return result

    bench.run_task = run_task
    codegen.CodeWriter._try = _try
    sys.argv = ["dcx", *argv]
    main()


def _support(lines: list[str], samples: list[dict[str, Any]]) -> float:
    usable = [Counter(s["lines"]) for s in samples if s["problem"] is None and s["lines"]]
    if not lines:
        return 1.0
    return sum(any(c[line] for c in usable) for line in lines) / len(lines)


def report(results_path: Path, calls_path: Path) -> None:
    results = {r["name"]: r for r in json.loads(results_path.read_text())["results"]}
    calls: dict[str, list[dict[str, Any]]] = {}
    for line in calls_path.read_text().splitlines():
        call = json.loads(line)
        calls.setdefault(call["task"], []).append(call)
    print(f"{'task':40} {'outcome':10} replies  exact/samples  lowest support")
    for name, result in results.items():
        outcome = "REGRESSION" if result.get("regressions_first") else result["outcome"]
        replies = calls.get(name, [])
        if not replies:
            print(f"{name:40} {outcome:10} no greedy change")
            continue
        exact = sum(s["problem"] is None and s["lines"] == c["lines"]
                    for c in replies for s in c["samples"])
        total = sum(len(c["samples"]) for c in replies)
        support = min(_support(c["lines"], c["samples"]) for c in replies)
        print(f"{name:40} {outcome:10} {len(replies):7}  {exact:>5}/{total:<7}  {support:.2f}")


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "record":
        record(Path(sys.argv[2]), sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "report":
        report(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
