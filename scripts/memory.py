"""Peak resident memory of one process holding both packaged models after one call each.

Usage: .venv/bin/python scripts/memory.py
(settings from the environment, e.g. DCX_PROMPT_LOOKUP=8 or DCX_WEIGHT_REPACK=1)
Prints VmHWM (peak RSS) and VmRSS from /proc/self/status, in MiB.
"""

from __future__ import annotations

import re
from pathlib import Path

from dcx.backends import create_backends
from dcx.backends.base import ChatRequest
from dcx.config import load_settings
from dcx.progress import Silent


def status(key: str) -> float:
    text = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{key}:\s+(\d+) kB", text, re.M).group(1)) / 1024


def main() -> None:
    settings = load_settings(None, {})
    backends = create_backends(settings, Silent())
    prompt = Path(__file__).read_text()[:3000]
    for role in ("router", "code"):
        messages = ({"role": "user", "content": "Summarise:\n" + prompt},)
        backends[role].chat(ChatRequest(messages, max_tokens=16))
        print(f"after the {role} model: peak {status('VmHWM'):.0f} MiB, now {status('VmRSS'):.0f} MiB")


if __name__ == "__main__":
    main()
