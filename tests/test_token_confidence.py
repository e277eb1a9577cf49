"""benchmarks/token_confidence.py report: the probabilities of the tokens on the lines a change adds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "token_confidence.py"

DIFF = """diff --git a/m.py b/m.py
--- a/m.py
+++ b/m.py
@@ -1,2 +1,2 @@
 def f(a):
-    return a
+    return a + 1
"""


def test_the_report_reads_each_added_lines_tokens_from_the_reply_that_spells_it(tmp_path) -> None:
    results = {"results": [
        {"name": "adds_one", "first_diff": DIFF, "passed_first": True, "regressions_first": []},
        {"name": "from_nowhere", "first_diff": DIFF.replace("a + 1", "a * 7"), "passed_first": False,
         "regressions_first": ["t::test_f"]},
        {"name": "unchanged", "first_diff": "", "passed_first": False, "regressions_first": []},
        {"name": "retried", "first_diff": DIFF.replace("a + 1", "a - 1"), "passed_first": False,
         "regressions_first": []},
    ]}
    # the line `return a + 1` is spelled by "    return" (0.9), " a" (0.8), " +" (0.25), " 1" (0.5);
    # "def f(a):" (0.1) and the fences are on other lines and do not count
    reply = [["```python\n", 1.0], ["def f(a):\n", 0.1], ["    return", 0.9], [" a", 0.8], [" +", 0.25],
             [" 1", 0.5], ["\n```", 1.0]]
    (tmp_path / "results.json").write_text(json.dumps(results))
    retry = [["    return a", 0.7], [" -", 0.2], [" 1", 0.6]]  # a sampled reply (a retry)
    (tmp_path / "calls.jsonl").write_text(json.dumps({"temperature": 0.0, "tokens": reply}) + "\n"
                                          + json.dumps({"temperature": 0.7, "tokens": retry}) + "\n")

    done = subprocess.run([sys.executable, str(SCRIPT), "report", str(tmp_path / "results.json"),
                           str(tmp_path / "calls.jsonl")], capture_output=True, text=True, timeout=60)

    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines()[1:]}
    assert rows["adds_one"][1:3] == ["passed", "0.250"]
    assert rows["adds_one"][5] == "no"  # from the greedy reply
    assert rows["retried"][1:3] + rows["retried"][5:] == ["failed", "0.200", "yes"]
    # mean of log(0.9), log(0.8), log(0.25), log(0.5): -0.6020
    assert rows["adds_one"][3] == "-0.602"
    assert rows["from_nowhere"][1:3] == ["regression", "?"]
    assert "unchanged" not in rows
