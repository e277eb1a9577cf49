#!/usr/bin/env python3
"""What the code model does alone: each exercise asked the plainest way, graded by its tests.

Usage::

    .venv/bin/python benchmarks/exercism_style/plain_prompt.py [slug ...]

Each exercise's instructions and stub go to the packaged code model in one message, as Aider's
benchmark asks (the stub, the instructions, "use the above instructions to modify the supplied
files"); the one greedy reply's code block replaces the stub, and the hidden tests grade it.
No planning, no review, no retry: a baseline for what dcx's pipeline adds or loses on the same
exercises (`dcx bench benchmarks/exercism_style`). Loads the model: run it alone.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from dcx.backends import create_backends
from dcx.backends.base import ChatRequest
from dcx.codegen import extract_code
from dcx.commands import settings_for
from dcx.progress import Silent
from dcx.prompts import CODE_SYSTEM

ROOT = Path(__file__).resolve().parent
MAX_TOKENS = 1200


def ask(coder, slug: str, instruction: str, stub: str):
    user = (f"File {slug}.py:\n```python\n{stub}```\n\n{instruction}\n\n"
            f"Use the above instructions to modify the supplied files: {slug}.py\n"
            "Don't change the names of existing functions or classes, as they may be referenced "
            "from other code like unit tests, etc.\nOnly use standard python libraries.\n\n"
            f"Reply with the complete new {slug}.py, in one ```python block.")
    messages = ({"role": "system", "content": CODE_SYSTEM}, {"role": "user", "content": user})
    return coder.chat(ChatRequest(messages, MAX_TOKENS, temperature=0.0))


def grade(task: Path, code: str) -> tuple[bool, str]:
    spec = json.loads((task / "task.json").read_text())
    with tempfile.TemporaryDirectory() as folder:
        for test in (task / spec["hidden_tests"]).iterdir():
            shutil.copy(test, folder)
        Path(folder, f"{task.name}.py").write_text(code)
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                              cwd=folder, capture_output=True, text=True)
    return done.returncode == 0, (done.stdout.strip().splitlines() or [""])[-1]


def main(slugs: list[str]) -> int:
    coder = create_backends(settings_for({}), Silent())["code"]
    tasks = [ROOT / s for s in slugs] or sorted(p for p in ROOT.iterdir() if (p / "task.json").is_file())
    passed = 0
    for task in tasks:
        spec = json.loads((task / "task.json").read_text())
        stub = (task / "repo" / f"{task.name}.py").read_text()
        reply = ask(coder, task.name, spec["instruction"], stub)
        ok, summary = grade(task, extract_code(reply.text))
        passed += ok
        print(f"{task.name:18} {'passed' if ok else 'failed'}  {reply.completion_tokens:5} tokens "
              f"{reply.seconds:6.1f} s  {summary}", flush=True)
    print(f"passed {passed}/{len(tasks)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
