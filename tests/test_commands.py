"""Commands as modules: dcx/commands/<name>.py does a command's work, dcx/cli.py only parses and
prints, and nothing but the CLI imports click."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from dcx.cli import main
from tests.conftest import FIXTURES, call, code_reply
from tests.fakes import use_script

PACKAGE = Path(__file__).resolve().parent.parent / "dcx"
COMMANDS = ("fix", "ask", "undo", "models", "check", "hook", "bench")
MEAN_FIX = ('def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    if not values:\n'
            '        raise ValueError("mean of an empty list")\n    return sum(values) / len(values)')


def test_each_command_has_its_module_and_only_the_command_line_layer_imports_click() -> None:
    for name in COMMANDS:
        assert (PACKAGE / "commands" / f"{name}.py").is_file(), name
    for source in PACKAGE.rglob("*.py"):
        if source.relative_to(PACKAGE).as_posix() not in ("cli.py", "render.py"):
            text = source.read_text()
            assert "import click" not in text and "from click" not in text, source


def test_bench_runs_a_suite_through_its_command_module(tmp_path, monkeypatch) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({
        "router": [call("generate_code", path="stats/core.py", target="mean", instructions="fix"),
                   call("finish", answer="fixed mean")],
        "code": [code_reply(MEAN_FIX)]}))
    use_script(monkeypatch, script)
    monkeypatch.setenv("DCX_PLAN_FIRST_CALL", "false")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(main, ["bench", str(FIXTURES), "--only", "mean", "--test-rounds", "0",
                                       "--json", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"dcx bench: 1 tasks from {FIXTURES}, dual-model mode\n[1/1] mean")
    assert "passed          1/1 (100%)" in result.stdout
    report = json.loads(out.read_text())
    assert report["results"][0]["passed"] and report["models"]["code"]["backend"] == "fake"
