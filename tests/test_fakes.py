"""The test seam for scripted models: in-process through dcx.backends.factory, in a real `dcx`
subprocess through tests/scripted_dcx; and nothing a user can set reaches either."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from dcx.backends import create_backends
from dcx.cli import main
from dcx.config import load_settings
from dcx.progress import Silent
from tests.conftest import call, code_reply, git
from tests.fakes import SCRIPT_VARIABLE, FakeBackend, subprocess_env, use_script

PROJECT = Path(__file__).resolve().parent.parent
CALC = "def add(a, b):\n    return a - b\n"
SCRIPT = {"router": [call("generate_code", path="calc.py", target="add", instructions="use +"),
                     call("finish", answer="add adds now")],
          "code": [code_reply("def add(a, b):\n    return a + b")]}


def test_nothing_in_dcx_knows_the_fake() -> None:
    for path in (PROJECT / "dcx").rglob("*.py"):
        text = path.read_text()
        assert "FakeBackend" not in text and "tests.fakes" not in text, path
        assert SCRIPT_VARIABLE not in text and "fake_script" not in text, path


def test_in_process_the_factory_is_replaced_for_one_test(tmp_path, monkeypatch) -> None:
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"single": ["hello"]}))
    use_script(monkeypatch, script)
    backends = create_backends(load_settings(None, {"dual_model_mode": False}), Silent())
    assert isinstance(backends["code"], FakeBackend) and backends["router"] is backends["code"]
    monkeypatch.undo()
    real = create_backends(load_settings(None, {}), Silent())
    assert {b.describe()["backend"] for b in real.values()} == {"llama_cpp"}


def run_dcx(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dcx", "fix", "--json", "add subtracts", "calc.py"],
                          cwd=repo, env={**os.environ, "DCX_PLAN_FIRST_CALL": "false", **env},
                          capture_output=True, text=True, timeout=300)


def test_a_dcx_subprocess_takes_the_script_only_through_the_test_harness(make_repo, tmp_path) -> None:
    repo = make_repo({"calc.py": CALC})
    script = tmp_path / "script.json"
    script.write_text(json.dumps(SCRIPT))
    done = run_dcx(repo, subprocess_env(script))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert "+    return a + b" in report["diff"] and report["models"]["code"]["backend"] == "fake"
    # The variable alone (without the harness's folder on PYTHONPATH) does nothing: dcx goes to
    # its real model, here a file that does not exist.
    missing = tmp_path / "no-model.gguf"
    alone = run_dcx(repo, {SCRIPT_VARIABLE: str(script), "LOCAL_MODEL_PATH": str(missing),
                           "DUAL_MODEL_MODE": "false"})
    assert alone.returncode == 1 and f"{missing} (from $LOCAL_MODEL_PATH) does not exist" in alone.stderr
    assert git(repo, "status", "--porcelain") == ""


def test_other_python_processes_are_left_alone(tmp_path) -> None:
    """A check's own pytest run, pre-commit or pip under the harness's PYTHONPATH import nothing
    of dcx."""
    env = {**os.environ, **subprocess_env(tmp_path / "script.json")}
    done = subprocess.run([sys.executable, "-c", "import sys; print('dcx' in sys.modules)"],
                          env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr


def test_the_cli_runs_on_the_script(make_repo, tmp_path, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    monkeypatch.setenv("DCX_PLAN_FIRST_CALL", "false")
    script = tmp_path / "script.json"
    script.write_text(json.dumps(SCRIPT))
    use_script(monkeypatch, script)
    done = CliRunner().invoke(main, ["fix", "add subtracts", "calc.py"], catch_exceptions=False)
    assert done.exit_code == 0 and "+    return a + b" in done.stdout
