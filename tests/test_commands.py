"""Commands as modules: dcx/commands/<name>.py does a command's work, dcx/cli.py only parses and
prints, and nothing but the CLI imports click."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES, bench_the_mean_fixture

PACKAGE = Path(__file__).resolve().parent.parent / "dcx"
COMMANDS = ("fix", "ask", "undo", "models", "check", "hook", "bench")


def test_each_command_has_its_module_and_only_the_command_line_layer_imports_click() -> None:
    for name in COMMANDS:
        assert (PACKAGE / "commands" / f"{name}.py").is_file(), name
    for source in PACKAGE.rglob("*.py"):
        if source.relative_to(PACKAGE).as_posix() not in ("cli.py", "render.py"):
            text = source.read_text()
            assert "import click" not in text and "from click" not in text, source


def test_bench_runs_a_suite_through_its_command_module(tmp_path, monkeypatch) -> None:
    result, out = bench_the_mean_fixture(tmp_path, monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"dcx bench: 1 tasks from {FIXTURES}, dual-model mode\n[1/1] mean")
    assert "passed          1/1 (100%)" in result.stdout
    report = json.loads(out.read_text())
    assert report["results"][0]["passed"] and report["models"]["code"]["backend"] == "fake"
