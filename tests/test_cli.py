"""The click layer: output streams, JSON, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from dcx.cli import main
from dcx.render import colorize
from tests.conftest import call, code_reply, git

CALC = "def add(a, b):\n    return a - b\n"
GOOD = [call("generate_code", path="calc.py", target="add", instructions="use +"),
        call("finish", answer="add adds now")]


@pytest.fixture
def scripted(tmp_path, monkeypatch):
    """Point the CLI at the fake backend with a script of replies."""

    def script(router=(), code=(), single=None):
        path = tmp_path / "script.json"
        data = {"router": list(router), "code": list(code)}
        if single is not None:
            data = {"single": list(single)}
        path.write_text(json.dumps(data))
        from tests.fakes import use_script
        monkeypatch.setenv("DCX_PLAN_FIRST_CALL", "false")
        use_script(monkeypatch, path)

    return script


def invoke(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_fix_prints_only_the_diff_on_stdout(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [code_reply("def add(a, b):\n    return a + b")])
    result = invoke("fix", "add subtracts", env={"DCX_PROGRESS": "1"})
    assert result.exit_code == 0
    assert result.stdout.startswith("diff --git a/calc.py b/calc.py\n")
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert "dcx: context gathered" in result.stderr and "router step 1" in result.stderr
    git(repo, "apply", "--check", "-", input=result.stdout)
    assert (repo / "calc.py").read_text() == CALC
    assert git(repo, "status", "--porcelain") == ""


def test_fix_apply_stages_and_json_reports_everything(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [code_reply("def add(a, b):\n    return a + b")])
    result = invoke("fix", "add subtracts", "calc.py", "--apply", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("instruction", "answer", "diff", "files", "applied", "staged", "steps", "models",
                "tokens", "seconds"):
        assert key in report
    assert report["files"] == ["calc.py"] and report["applied"] and report["staged"] == ["calc.py"]
    assert report["steps"][0]["tool"] == "generate_code"
    assert report["steps"][0]["arguments"]["target"] == "add"
    assert report["models"]["code"] == {"model": "fake-code", "backend": "fake"}
    assert set(report["tokens"]) == {"router", "code"}
    assert git(repo, "diff", "--cached", "--name-only").split() == ["calc.py"]
    assert (repo / "calc.py").read_text() == "def add(a, b):\n    return a + b\n"


def test_output_file_gets_the_diff(make_repo, scripted, monkeypatch, tmp_path) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [code_reply("def add(a, b):\n    return a + b")])
    out = tmp_path / "change.diff"
    result = invoke("fix", "add subtracts", "-o", str(out))
    assert out.read_text() == result.stdout


def test_nothing_to_change_says_so_and_succeeds(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted([call("generate_code", path="calc.py", target="add", instructions="x"),
              call("finish", answer="It already works.")],
             [code_reply(CALC.strip())] * 3)
    result = invoke("fix", "check add")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "nothing needed changing" in result.stderr


def test_ask_prints_the_answer_and_never_applies(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted([call("generate_code", path="calc.py", target="add", instructions="use +"),
              call("finish", answer="add() subtracts; here is a fix.")],
             [code_reply("def add(a, b):\n    return a + b")])
    result = invoke("ask", "why is add wrong?", env={"DCX_ANSWER_MODEL": "router"})
    assert result.exit_code == 0
    assert result.stdout.startswith("add() subtracts; here is a fix.\n")
    assert "+    return a + b" in result.stdout
    assert (repo / "calc.py").read_text() == CALC


def test_single_model_flag(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(single=[GOOD[0], code_reply("def add(a, b):\n    return a + b"), GOOD[1]])
    result = invoke("fix", "add subtracts", "--single-model", "--json")
    report = json.loads(result.stdout)
    assert report["models"]["router"]["model"] == "fake-single"
    assert "+    return a + b" in report["diff"]


@pytest.mark.parametrize("args, message, code", [
    (["fix", "   "], "the instruction is empty", 2),
    (["fix", "x", "missing.py"], "missing.py does not exist", 1),
    (["fix", "x", "../elsewhere.py"], "outside the repository", 1),
])
def test_user_errors_are_one_line(make_repo, scripted, monkeypatch, args, message, code) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [])
    result = invoke(*args)
    assert result.exit_code == code
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_fault_of_the_machine_is_one_line(make_repo, scripted, monkeypatch, mocker) -> None:
    """A full disk or too many open files while dcx works (here while it gathers context):
    no traceback, nothing written."""
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [])
    mocker.patch("dcx.pipeline.gather", side_effect=OSError(24, "Too many open files"))
    result = invoke("fix", "x", "--apply")
    assert result.exit_code == 1
    assert result.stderr == "Error: Too many open files; nothing was written\n"
    mocker.stopall()
    assert git(repo, "status", "--porcelain") == ""


def test_output_into_a_missing_folder_is_refused_before_any_work(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [code_reply("def add(a, b):\n    return a + b")])
    result = invoke("fix", "add subtracts", "--apply", "--output", "no/such/folder/x.diff")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --output no/such/folder/x.diff: there is no folder ")
    assert (repo / "calc.py").read_text() == CALC and git(repo, "status", "--porcelain") == ""


def test_a_fault_after_applying_does_not_claim_nothing_was_written(make_repo, scripted, monkeypatch,
                                                                   mocker) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [code_reply("def add(a, b):\n    return a + b")])
    mocker.patch("dcx.cli.print_result", side_effect=OSError(5, "Input/output error"))
    result = invoke("fix", "add subtracts", "--apply")
    assert result.exit_code == 1
    assert result.stderr == ("Error: Input/output error; the change itself was applied "
                             "(`dcx undo` reverts it)\n")
    mocker.stopall()
    assert "return a + b" in (repo / "calc.py").read_text()
    assert invoke("undo").exit_code == 0
    assert (repo / "calc.py").read_text() == CALC and git(repo, "status", "--porcelain") == ""


def test_not_a_repository(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("fix", "anything")
    assert result.exit_code == 1
    assert "is not inside a git repository" in result.stderr and result.stdout == ""


def test_missing_model_file_is_a_clear_error(make_repo, monkeypatch, tmp_path) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    monkeypatch.setenv("LOCAL_MODEL_PATH", str(tmp_path / "nope.gguf"))
    result = invoke("fix", "add subtracts", "--single-model")
    assert result.exit_code == 1
    assert "nope.gguf (from $LOCAL_MODEL_PATH) does not exist" in result.stderr
    assert git(repo, "status", "--porcelain") == ""


@pytest.mark.parametrize("content, message", [
    (b"not a model at all", "is not a GGUF model file"),
    (b"GGUF" + b"\x03\x00\x00\x00" + b"\x00" * 64, "could not load"),
])
def test_corrupt_model_file_is_a_clear_error(make_repo, monkeypatch, tmp_path, content, message) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(content)
    result = invoke("fix", "add subtracts", "--single-model", "--code-model", str(bad))
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert (repo / "calc.py").read_text() == CALC


def test_models_reports_roles_origins_and_verification(monkeypatch, tmp_path) -> None:
    own = tmp_path / "own.gguf"
    own.write_bytes(b"GGUF" + b"\0" * 100)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LOCAL_MODEL_PATH", str(own))
    result = invoke("models", "--json")
    rows = {row["role"]: row for row in json.loads(result.stdout)}
    assert rows["code"]["path"] == str(own) and rows["code"]["origin"] == "$LOCAL_MODEL_PATH"
    assert rows["code"]["size"] == 104 and rows["code"]["sha256_verified"] is None
    assert rows["router"]["origin"] == "packaged"
    flagged = json.loads(invoke("models", "--json", "--language-model", str(own)).stdout)
    assert flagged[0]["origin"] == "flag"


def test_colour_only_on_request() -> None:
    diff = "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n"
    coloured = colorize(diff)
    assert "\x1b[32m+b" in coloured and "\x1b[31m-a" in coloured


@pytest.mark.parametrize("argv", [["--help"], ["models"], ["models", "--json"]])
def test_help_and_models_do_not_import_llama_cpp(argv) -> None:
    code = (f"import sys\nfrom dcx.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n"
            "    pass\nprint('llama_cpp' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().endswith("False")


def test_colour_follows_the_terminal_and_no_color(monkeypatch) -> None:
    from dcx.render import _color_enabled

    class Terminal:
        def isatty(self) -> bool:
            return True

    assert _color_enabled(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _color_enabled(Terminal())


def test_no_progress_lines_when_stderr_is_not_a_terminal(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [code_reply("def add(a, b):\n    return a + b")])
    result = invoke("fix", "add subtracts")
    assert "context gathered" not in result.stderr
    assert result.stderr == "dcx: Changed add in calc.py.\n"  # a fix's answer says what it changed


OSC52 = "\x1b]52;c;cm0gLXJmIH4K\x07"  # a model's answer that would write the clipboard


def test_escape_sequences_in_a_models_answer_never_reach_the_terminal(make_repo, scripted,
                                                                      monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted([call("generate_code", path="calc.py", target="add", instructions="x"),
              call("finish", answer=f"It already works.{OSC52}\x1b[2J")],
             [code_reply(CALC.strip())] * 3)
    result = invoke("fix", "check add")
    assert result.stderr == "dcx: nothing needed changing. It already works.\n"
    scripted([GOOD[0], call("finish", answer=f"add() subtracts{OSC52}; here is a fix.")],
             [code_reply("def add(a, b):\n    return a + b")])
    result = invoke("ask", "why is add wrong?", env={"DCX_ANSWER_MODEL": "router"})
    assert result.stdout.startswith("add() subtracts; here is a fix.\n")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_control_bytes_in_a_diff_are_exact_when_redirected_and_visible_on_a_terminal(
        make_repo, scripted, monkeypatch) -> None:
    """A file may hold an escape character: the redirected diff keeps it (git apply takes it);
    on a terminal it is shown as \\x1b and never sent raw."""
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    fixed = code_reply('def add(a, b):\n    return a + b  # "\x1b]52;c;eA==\x07"')
    scripted(GOOD, [fixed])
    redirected = invoke("fix", "add subtracts")
    assert '+    return a + b  # "\x1b]52;c;eA==\x07"\n' in redirected.stdout
    git(repo, "apply", "--check", "-", input=redirected.stdout)
    scripted(GOOD, [fixed])
    monkeypatch.setattr("dcx.render.is_terminal", lambda stream: True)
    shown = invoke("fix", "add subtracts", env={"NO_COLOR": "1"})
    assert '+    return a + b  # "\\x1b]52;c;eA==\\x07"\n' in shown.stdout
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
