"""Print a markdown table row per `dcx bench --json` result file (for documentation/benchmarks.md).

Usage: .venv/bin/python scripts/bench_table.py RESULT.json [RESULT.json ...]
"""

from __future__ import annotations

import json
import sys


def row(path: str) -> str:
    data = json.load(open(path))
    s = data["summary"]
    models = data["models"]
    router = models["router"]["model"] if data["mode"] == "dual" else "(code model)"
    tokens = [sum(v["prompt"] + v["completion"] for v in r["tokens"].values()) for r in data["results"]]
    tokens.sort()
    return (f"| {data['mode']} | {router} | {models['code']['model']} | {s['tasks']} | "
            f"{s['passed_first']} ({100 * s['pass_rate_first']:.0f}%) | "
            f"{s['passed']} ({100 * s['pass_rate']:.0f}%) | {s['patches']} | {s['errors']} | "
            f"{s.get('median_first_seconds', 'n/a')} | {s['median_seconds']} | "
            f"{tokens[len(tokens) // 2] if tokens else 0} |")


if __name__ == "__main__":
    print("| mode | router | code model | tasks | first attempt | with test loop | patches | errors "
          "| median s/task, first attempt | median s/task, with loop | median tokens/task |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in sys.argv[1:]:
        print(row(name))
