"""Run one task with the configured models and print every model exchange (prompt and reply).

Usage: .venv/bin/python scripts/trace_task.py TASK_DIR [--rounds N]
For looking at what the models saw and said when a benchmark task fails.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dcx.backends import create_backends  # noqa: E402
from dcx.bench import load_task, run_task  # noqa: E402
from dcx.config import load_settings  # noqa: E402
from dcx.progress import Reporter  # noqa: E402


class Tracing:
    def __init__(self, inner, role):
        self.inner, self.role = inner, role
        self.name, self.model = inner.name, inner.model

    def describe(self):
        return self.inner.describe()

    def chat(self, request, watch=None):
        print(f"\n===== {self.role} prompt", file=sys.stderr)
        for m in request.messages:
            print(f"--- {m['role']}\n{m['content']}", file=sys.stderr)
        completion = self.inner.chat(request, watch)
        print(f"===== {self.role} reply ({completion.prompt_tokens} prompt tokens, "
              f"{completion.completion_tokens} written, {completion.seconds:.1f}s)\n{completion.text}",
              file=sys.stderr)
        return completion


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("task", type=Path)
    parser.add_argument("--rounds", type=int, default=0)
    args = parser.parse_args()
    settings = load_settings(None, {})
    backends = create_backends(settings, Reporter(enabled=True))
    traced = {"router": Tracing(backends["router"], "router")}
    single = backends["code"] is backends["router"]
    traced["code"] = traced["router"] if single else Tracing(backends["code"], "code")
    result = run_task(load_task(args.task), settings, traced, args.rounds)
    print(f"\n{result.outcome} in {result.seconds:.1f}s\n{result.diff}\n{result.test_output}")


if __name__ == "__main__":
    main()
