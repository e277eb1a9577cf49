"""Bad input through the command line: one clear line and a non-zero exit, or a sensible result,
and the working tree exactly as it was. documentation/reliability.md lists every case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dcx.cli import main
from dcx.errors import ApplyError
from dcx.patch import FileChange
from dcx.workspace import Workspace
from dcx.write import apply_changes
from tests.conftest import call, code_reply, git
from tests.fakes import FakeBackend, use_script

CALC = "def add(a, b):\n    return a - b\n"
FIXED = code_reply("def add(a, b):\n    return a + b")
GOOD = [call("generate_code", path="calc.py", target="add", instructions="use +"),
        call("finish", answer="add adds now")]


@pytest.fixture
def scripted(tmp_path, monkeypatch):
    def script(router=(), code=()):
        path = tmp_path / "script.json"
        path.write_text(json.dumps({"router": list(router), "code": list(code)}))
        monkeypatch.setenv("DCX_PLAN_FIRST_CALL", "false")
        use_script(monkeypatch, path)

    return script


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_line_error(result, message: str) -> None:
    assert result.exit_code != 0
    assert result.stderr.startswith("Error: ") and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def snapshot(repo: Path) -> tuple[str, str, dict[str, bytes]]:
    files = {str(p.relative_to(repo)): p.read_bytes() for p in repo.rglob("*")
             if p.is_file() and ".git" not in p.relative_to(repo).parts}
    return git(repo, "status", "--porcelain"), git(repo, "ls-files", "-s"), files


def test_a_bare_repository(tmp_path, monkeypatch) -> None:
    bare = tmp_path / "bare.git"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    monkeypatch.chdir(bare)
    one_line_error(invoke("fix", "anything"), "bare repository")


def test_a_repository_without_commits_can_apply_and_undo(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC}, commit=False)
    git(repo, "add", "calc.py")  # staged, never committed
    monkeypatch.chdir(repo)
    scripted(GOOD, [FIXED])
    result = invoke("fix", "add subtracts", "--apply")
    assert result.exit_code == 0, result.stderr
    assert "return a + b" in git(repo, "show", ":calc.py")
    assert invoke("undo").exit_code == 0
    assert (repo / "calc.py").read_text() == CALC


def test_a_detached_head(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    git(repo, "checkout", "-q", "--detach")
    monkeypatch.chdir(repo)
    scripted(GOOD, [FIXED])
    result = invoke("fix", "add subtracts", "--apply")
    assert result.exit_code == 0 and "+    return a + b" in git(repo, "diff", "--cached")


def test_a_5_mb_file_and_an_unreadable_file_named_on_the_command_line(make_repo, scripted,
                                                                      monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC, "big.py": "x = 1\n" * 900_000})  # 5.4 MB
    monkeypatch.chdir(repo)
    scripted(GOOD, [FIXED])
    before = snapshot(repo)
    one_line_error(invoke("fix", "add subtracts", "big.py"), "over dcx's 512 KiB limit")
    real_read = Path.read_bytes

    def unreadable(self: Path) -> bytes:  # root reads any file: refuse it as the OS would
        if self.name == "calc.py":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", unreadable)
    one_line_error(invoke("fix", "add subtracts", "calc.py"), "cannot read calc.py: Permission denied")
    monkeypatch.setattr(Path, "read_bytes", real_read)
    assert snapshot(repo) == before


def test_a_model_that_names_files_that_do_not_exist(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted([call("generate_code", path="src/nowhere.py", target="add", instructions="x"),
              call("read_file", path="nowhere.txt", start=1, end=9),
              call("finish", answer="I could not find it")], [])
    result = invoke("fix", "add subtracts", "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["diff"] == "" and [s["ok"] for s in report["steps"]] == [False, False, True]
    assert "does not exist" in report["steps"][0]["result"]
    assert git(repo, "status", "--porcelain") == ""


def test_ctrl_c_during_generation_writes_nothing(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"calc.py": CALC})
    monkeypatch.chdir(repo)
    scripted(GOOD, [FIXED])
    calls = []

    def interrupted(self, messages, **kwargs):
        calls.append(self.model)
        raise KeyboardInterrupt

    monkeypatch.setattr(FakeBackend, "chat", interrupted)
    before = snapshot(repo)
    result = invoke("fix", "add subtracts", "--apply")
    assert result.exit_code == 130 and calls
    assert result.stderr == "Error: interrupted; nothing was written\n"
    assert snapshot(repo) == before


def test_a_new_file_that_appears_while_dcx_works_is_not_overwritten(make_repo) -> None:
    repo = make_repo({"calc.py": CALC})
    ws = Workspace(repo)
    (repo / "new.py").write_text("the user's own new file\n")
    with pytest.raises(ApplyError, match="new.py appeared while dcx was working"):
        apply_changes(ws, (FileChange("new.py", None, "X = 1\n"),), {})
    assert (repo / "new.py").read_text() == "the user's own new file\n"


def test_dcx_never_commits_and_never_skips_hooks() -> None:
    """No commit and no --no-verify anywhere in dcx; bench commits only in its scratch copies."""
    package = Path(__file__).resolve().parent.parent / "dcx"
    for source in package.rglob("*.py"):
        text = source.read_text()
        assert "--no-verify" not in text and "no_verify" not in text, source
        if source.name != "bench.py":
            assert '"commit"' not in text and "index.commit" not in text, source


