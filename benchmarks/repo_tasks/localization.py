#!/usr/bin/env python3
"""How well dcx finds where a repository task's change belongs, without any model.

Usage::

    .venv/bin/python benchmarks/repo_tasks/localization.py benchmarks/repo_tasks/dev [--json F]

For every task the definitions its ``reference.diff`` changes (the innermost function, method
or class holding each changed line; a new method counts for its class) are looked up in

* dcx's ranking of the request (dcx.localize.rank): the best rank any of them has;
* dcx's first planned edit (dcx.plan.plan_first_call, as `dcx fix` makes it with no test
  command): whether its file is one the reference changes, and whether its target holds a
  definition the reference changes (a whole-file target holds every definition of its file).

With ``--tests`` each task's tests run first (under coverage, as `dcx fix --test` runs them),
and tasks whose tests fail (marked ``*``) are ranked and planned with what they say.

It prints one line per task and a summary per kind. It loads no model and runs in seconds (with
``--tests``, half a minute); it measures localization only, not whether a change would be right.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from dcx import callgraph
from dcx.baseline import run_baseline
from dcx.context import gather, is_test_path
from dcx.gitenv import leave_the_repository
from dcx.localize import rank
from dcx.plan import plan_first_call
from dcx.scope import sources
from dcx.workspace import Workspace

_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")
CONTEXT_BUDGET = 1500
TEST_TIMEOUT_S = 120


def changed_lines(diff: str) -> dict[str, set[int]]:
    """File -> 1-based lines of the old file that the diff removes or inserts after."""
    out: dict[str, set[int]] = defaultdict(set)
    path, line = None, 0
    for text in diff.splitlines():
        if text.startswith("--- "):
            path = None if text[4:] == "/dev/null" else text[4:].removeprefix("a/")
        elif text.startswith("+++ "):
            continue
        elif (m := _HUNK.match(text)) and path:
            line = int(m.group(1))
        elif path and text.startswith("-"):
            out[path].add(line)
            line += 1
        elif path and text.startswith("+"):
            out[path].add(max(line - 1, 1))  # an insertion belongs with the line before it
        elif path and text.startswith(" "):
            line += 1
    return dict(out)


def reference_definitions(graph: callgraph.CallGraph, lines: dict[str, set[int]]) -> set[tuple[str, str]]:
    found = set()
    for path, numbers in lines.items():
        for number in numbers:
            inside = [d for d in graph.definitions.values() if d.path == path and d.start < number <= d.end]
            if inside:
                found.add(min(inside, key=lambda d: d.end - d.start).key)
    return found


def _holds(target: str, name: str) -> bool:
    return target == "file" or name == target or name.startswith(target + ".")


def measure(task_dir: Path, tests: bool = False) -> dict:
    task = json.loads((task_dir / "task.json").read_text())
    lines = changed_lines((task_dir / "reference.diff").read_text())
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        shutil.copytree(task_dir / "repo", repo)
        subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
        subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit",
                        "-qm", "task"], cwd=repo, check=True)
        workspace = Workspace(repo)
        baseline = run_baseline(workspace, (sys.executable, "-m", "pytest", "-q"), TEST_TIMEOUT_S) \
            if tests else None
        if baseline is not None and baseline.check.passed:
            baseline = None  # as in dcx fix --test: passing tests say nothing about the place
        context = gather(workspace, task["instruction"], [], CONTEXT_BUDGET, fix_mode=True)
        texts = sources(context)
        graph = callgraph.build(texts)
        wanted = reference_definitions(graph, lines)
        failure = baseline.failure(graph) if baseline is not None else None
        ranked = [(c.path, c.name) for c in rank(task["instruction"], texts, graph, (), failure)]
        call = plan_first_call(context, task["instruction"], baseline)
    best = min((ranked.index(k) + 1 for k in wanted if k in ranked), default=None)
    path = call.arguments.get("path", "") if call else ""
    target = call.arguments.get("target", "") if call else ""
    files = {p for p in lines if not is_test_path(p)}
    return {
        "task": task["id"], "kind": task["kind"], "reference": sorted(f"{p}:{n}" for p, n in wanted),
        "best_rank": best, "planned": f"{path}:{target}" if call else "(router)",
        "plan_file": path in files,
        "plan_holds": any(p == path and _holds(target, n) for p, n in wanted),
        "tests_failed": baseline is not None,
    }


def main(argv: list[str]) -> int:
    leave_the_repository()  # every repository it plans in is a copy of its own
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("suites", nargs="+", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--tests", action="store_true",
                        help="run each task's tests first, under coverage, and plan as `dcx fix --test` "
                             "does (runs the tasks' code)")
    args = parser.parse_args(argv)
    rows = [measure(d, args.tests) for suite in args.suites for d in sorted(suite.iterdir())
            if (d / "task.json").exists()]
    for r in rows:
        plan = f"{'file' if r['plan_file'] else '----'} {'holds' if r['plan_holds'] else '-----'}"
        mark = "*" if r["tests_failed"] else " "
        rank_text = str(r["best_rank"])
        print(f"{r['task']:40}{mark}{r['kind']:17} rank {rank_text:>4}  plan {plan}  {r['planned']}")
    kinds = defaultdict(list)
    for r in rows:
        kinds[r["kind"]].append(r)
    print()
    print(f"{'kind':17} {'tasks':>5} {'top-1':>6} {'top-3':>6} {'top-5':>6} {'plan file':>10} "
          f"{'plan holds':>11}")
    for kind, group in sorted(kinds.items()) + [("all", rows)]:
        within = [sum(1 for r in group if r["best_rank"] is not None and r["best_rank"] <= k)
                  for k in (1, 3, 5)]
        print(f"{kind:17} {len(group):5} " + " ".join(f"{n:6}" for n in within)
              + f" {sum(r['plan_file'] for r in group):10} {sum(r['plan_holds'] for r in group):11}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
