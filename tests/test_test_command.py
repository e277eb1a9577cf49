"""A configured test command (`test_command`, issue #14 item 4: "a test command from --test,
`dcx check`, or the repository config"): from the user's config or the environment it always
runs; named by a repository's config it runs only once the user trusts that config, and until
then dcx says it is there. Real repositories, scripted models, real commands."""

from __future__ import annotations

import json
import shlex
import sys

import pytest
from click.testing import CliRunner

from dcx.cli import main
from dcx.trust import trust_repository
from tests.conftest import call, code_reply, git
from tests.fakes import use_script

CALC = "def add(a, b):\n    return a - b\n"
FIXED = "def add(a, b):\n    return a + b"


@pytest.fixture
def scripted(tmp_path, monkeypatch):
    def script(times: int = 1) -> None:
        path = tmp_path / "script.json"
        plan = [call("generate_code", path="calc.py", target="add", instructions="add, not subtract"),
                call("finish", answer="fixed add")]
        path.write_text(json.dumps({"router": plan * times, "code": [code_reply(FIXED)] * times}))
        monkeypatch.setenv("DCX_PLAN_FIRST_CALL", "false")
        use_script(monkeypatch, path)
    return script


def marking_command(marker) -> str:
    """A test command that leaves a line in ``marker`` (outside the scratch copy it runs in)
    each time it runs, and passes."""
    code = f"open({str(marker)!r}, 'a').write('ran\\n')"
    return shlex.join([sys.executable, "-c", code])


def fix(repo, monkeypatch, *args: str, exit_code: int = 0) -> dict:
    monkeypatch.chdir(repo)
    done = CliRunner().invoke(main, ["fix", "add subtracts", *args, "--json"], catch_exceptions=False)
    assert done.exit_code == exit_code, done.output
    return json.loads(done.stdout)


def test_a_repositorys_test_command_is_named_but_not_run_until_trusted(make_repo, tmp_path, scripted,
                                                                      monkeypatch) -> None:
    marker = tmp_path / "marker"
    repo = make_repo({"calc.py": CALC, ".dcx.toml": f"test_command = {json.dumps(marking_command(marker))}\n"})
    scripted()
    untrusted = fix(repo, monkeypatch)
    assert not marker.exists() and untrusted["attempts"] == [] and untrusted["tests_passed"] is None
    assert "+    return a + b" in untrusted["diff"]  # the run goes on without it
    (said,) = untrusted["notes"]
    assert ".dcx.toml names a test command" in said and "dcx trust" in said and "--test" in said
    trust_repository(repo)
    scripted()
    trusted = fix(repo, monkeypatch, "--apply")
    assert marker.read_text().count("ran") >= 1  # run on the attempt (in a scratch copy)
    assert trusted["tests_passed"] is True and [a["passed"] for a in trusted["attempts"]] == [True]
    assert trusted["applied"] and "return a + b" in (repo / "calc.py").read_text()


def test_the_users_own_test_command_runs_without_any_trust(make_repo, tmp_path, scripted,
                                                           monkeypatch) -> None:
    marker = tmp_path / "marker"
    repo = make_repo({"calc.py": CALC})
    monkeypatch.setenv("DCX_TEST_COMMAND", marking_command(marker))
    scripted()
    outcome = fix(repo, monkeypatch)
    assert marker.exists() and outcome["tests_passed"] is True and outcome["notes"] == []


def test_a_failing_configured_test_command_keeps_the_change_back_as_test_does(make_repo, scripted,
                                                                              monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.setenv("DCX_TEST_COMMAND", shlex.join([sys.executable, "-c", "raise SystemExit(1)"]))
    monkeypatch.setenv("DCX_TEST_ROUNDS", "0")
    scripted()
    outcome = fix(repo, monkeypatch, "--apply", exit_code=1)
    assert outcome["tests_passed"] is False and not outcome["applied"]
    assert (repo / "calc.py").read_text() == CALC and git(repo, "status", "--porcelain") == ""


def test_dcx_check_runs_the_configured_command_when_given_none(make_repo, tmp_path, monkeypatch) -> None:
    marker = tmp_path / "marker"
    repo = make_repo({"calc.py": CALC, ".dcx.toml": f"test_command = {json.dumps(marking_command(marker))}\n"})
    monkeypatch.chdir(repo)
    refused = CliRunner().invoke(main, ["check"])
    assert refused.exit_code != 0 and not marker.exists()
    assert "names a test command (`" in refused.stderr and "only once you trust its config (`dcx trust`)" in refused.stderr
    trust_repository(repo)
    passed = CliRunner().invoke(main, ["check"])
    assert passed.exit_code == 0, passed.stderr
    assert marker.read_text() == "ran\n"  # run once, in the working tree


def test_an_untested_change_in_a_repository_with_tests_says_so(make_repo, scripted, monkeypatch) -> None:
    """No test command: dcx checked the change statically only. Where the repository has tests,
    it says the change is untested and how to check it; where it has none, nothing."""
    with_tests = make_repo({"calc.py": CALC, "tests/test_calc.py": "from calc import add\n"})
    scripted()
    (said,) = fix(with_tests, monkeypatch)["notes"]
    assert said.startswith("this change is untested: the repository has tests (tests/test_calc.py)")
    assert '--test "python -m pytest -q"' in said
    scripted()
    assert fix(make_repo({"calc.py": CALC}), monkeypatch)["notes"] == []
