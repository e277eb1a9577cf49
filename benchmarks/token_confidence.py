#!/usr/bin/env python3
"""How sure the code model was of the lines its changes add, by outcome.

Usage::

    .venv/bin/python benchmarks/token_confidence.py record calls.jsonl \\
        bench ../shared/benchmarks/quixbugs --test-rounds 0 --json quix.json
    .venv/bin/python benchmarks/token_confidence.py report quix.json calls.jsonl

``record`` runs a dcx command (here `dcx bench`) with the in-process llama.cpp backend wrapped
so that every reply's tokens are kept, each with the probability the model gave it when it was
chosen (dcx.backends.token_probabilities: from the logits, before temperature), one JSON line
per reply; the last token of a reply (the end, or the closing fence) is not seen. The logits
pass through unchanged, so every reply, greedy or sampled, is the one dcx writes without the
wrapper, and dcx sees probabilities only where it asks for them (its sampled retries).
``report`` takes the bench results and those replies, and prints for each task whose first
attempt changed something the lowest probability and the mean log probability of the tokens on
the lines the change adds, whether the reply was greedy or a sampled retry, and the task's
outcome: passed, broke a test that passed before (a regression), or failed. It answered one
question: could a gate on the model's own confidence withhold the changes that break working
code without withholding the right ones? (For greedy replies no; for sampled retries it led to
dcx.doubt.) It is measurement, not a part of dcx.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any


def record(out: Path, argv: list[str]) -> None:
    from dataclasses import replace

    from dcx.backends import llama_cpp_backend
    from dcx.cli import main

    plain_chat = llama_cpp_backend.LlamaCppBackend.chat

    def chat(self: Any, request: Any, watch: Any = None) -> Any:
        completion = plain_chat(self, replace(request, probabilities=True), watch)
        with out.open("a") as f:
            f.write(json.dumps({"model": self.model, "temperature": request.temperature,
                                "text": completion.text,
                                "tokens": [[piece, round(p, 4)] for piece, p in completion.tokens]}) + "\n")
        # dcx gets what it asked for: a greedy reply's probabilities are recorded, not judged
        return completion if request.probabilities else replace(completion, tokens=())

    llama_cpp_backend.LlamaCppBackend.chat = chat
    sys.argv = ["dcx", *argv]
    main()


def _added_lines(diff: str) -> list[str]:
    return [line[1:].strip() for line in diff.splitlines()
            if line.startswith("+") and not line.startswith("+++") and line[1:].strip()]


def _line_probabilities(line: str, replies: list[tuple[str, list[tuple[int, int, float]], bool]]
                        ) -> tuple[list[float], bool] | None:
    """The probabilities of the tokens spelling ``line`` in the last reply that holds it, and
    whether that reply was sampled (a retry) rather than greedy."""
    for text, spans, sampled in reversed(replies):
        start = text.find(line)
        if start >= 0:
            end = start + len(line)
            return [p for (a, b, p) in spans if a < end and b > start], sampled
    return None


def report(results_path: Path, calls_path: Path) -> None:
    replies = []
    for row in calls_path.read_text().splitlines():
        call = json.loads(row)
        tokens = call["tokens"]
        spans, at = [], 0
        for piece, probability in tokens:
            spans.append((at, at + len(piece), probability))
            at += len(piece)
        replies.append(("".join(piece for piece, _ in tokens), spans, call["temperature"] > 0))
    rows = []
    for result in json.loads(results_path.read_text())["results"]:
        added = _added_lines(result.get("first_diff") or "")
        if not added:
            continue
        found = [_line_probabilities(line, replies) for line in added]
        outcome = ("regression" if result.get("regressions_first")
                   else "passed" if result["passed_first"] else "failed")
        probabilities = [p for line in found if line for p in line[0]]
        if None in found or not probabilities:
            rows.append((result["name"], outcome, None, None, len(added), "?"))
            continue
        sampled = "yes" if any(line[1] for line in found) else "no"
        mean_log = sum(math.log(max(p, 1e-9)) for p in probabilities) / len(probabilities)
        rows.append((result["name"], outcome, min(probabilities), mean_log, len(added), sampled))
    print(f"{'task':34} {'outcome':10} {'lowest p':>8} {'mean log p':>10} {'lines':>5} sampled")
    for name, outcome, low, mean_log, lines, sampled in sorted(
            rows, key=lambda r: (r[2] is None, r[2] or 0)):
        shown = (f"{low:8.3f} {mean_log:10.3f}" if low is not None
                 else f"{'?':>8} {'?':>10}")  # a line no recorded reply spells (merged or rewritten)
        print(f"{name[:34]:34} {outcome:10} {shown} {lines:5d} {sampled}")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "record":
        record(Path(sys.argv[2]), sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "report":
        report(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
