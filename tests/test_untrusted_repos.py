"""Repositories built to trip dcx up (issue #17): credential files, a check that prints bytes that
are not UTF-8, submodules, file names that are not UTF-8 or hold control characters. Each case
goes through the command line, against real repositories, with scripted models; every prompt the
models are sent is kept and searched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dcx.cli import main
from tests.conftest import call, code_reply, git
from tests.fakes import FakeBackend, use_script_everywhere

DCX = Path(sys.executable).with_name("dcx")
APP = "def total(prices):\n    return sum(prices)\n"
SECRETS = {
    ".envrc": "export API_TOKEN=hunter2-envrc\n",
    ".git-credentials": "https://me:hunter2-gitcred@github.com\n",
    ".npmrc": "//registry.npmjs.org/:_authToken=hunter2-npm\n",
    ".aws/credentials": "[default]\naws_secret_access_key = hunter2-aws\n",
    ".docker/config.json": '{"auths": {"x": {"auth": "hunter2-docker"}}}\n',
    ".ssh/id_ed25519": "-----BEGIN OPENSSH PRIVATE KEY-----\nhunter2-ssh\n",
    ".dcx.toml": "# hunter2-config\n",
}


@pytest.fixture
def prompts(monkeypatch) -> list[list[dict[str, str]]]:
    """The messages of every request any scripted model is sent during the test."""
    sent: list[list[dict[str, str]]] = []
    chat = FakeBackend.chat

    def recording(self, request, watch=None):
        sent.append([dict(m) for m in request.messages])
        return chat(self, request, watch)

    monkeypatch.setattr(FakeBackend, "chat", recording)
    return sent


def dcx_wrote(messages: list[dict[str, str]]) -> str:
    """What dcx put in a request (the context, tool results), not the model's own replies."""
    return "\n".join(m["content"] for m in messages if m["role"] != "assistant")


@pytest.fixture
def scripted(tmp_path, monkeypatch):
    """script(router=[...], code=[...]): the models' replies for the next dcx command."""

    def script(router=(), code=()) -> dict[str, str]:
        path = tmp_path / "script.json"
        path.write_text(json.dumps({"router": list(router), "code": list(code)}))
        env = {**use_script_everywhere(monkeypatch, path), "DCX_PLAN_FIRST_CALL": "false",
               "DCX_TEST_ROUNDS": "0"}
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return {**os.environ, **env}

    return script


def fix_json(repo: Path, monkeypatch, *args: str, exit_code: int = 0) -> dict:
    monkeypatch.chdir(repo)
    done = CliRunner().invoke(main, ["fix", *args, "--json"], catch_exceptions=False)
    assert done.exit_code == exit_code, done.output
    return json.loads(done.stdout)


def results(outcome: dict) -> list[tuple[str, bool, str]]:
    return [(s["tool"], s["ok"], s["result"]) for s in outcome["steps"]]


def dcx(repo: Path, *args: str | bytes, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(DCX), *args], cwd=repo, env=env, capture_output=True, text=True,
                          errors="backslashreplace", timeout=300)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    return lines[0]


def test_credential_files_reach_no_prompt_and_are_never_written(make_repo, scripted, prompts,
                                                                monkeypatch) -> None:
    repo = make_repo({"shop/app.py": APP, **SECRETS})
    scripted(router=[
        call("generate_code", path=".envrc", target="file", instructions="add a token"),
        call("list_files", pattern="*"),
        call("search", query="hunter2"),
        call("read_file", path=".envrc", start=1, end=5),
        call("read_file", path=".aws/credentials", start=1, end=5),
        call("create_file", path=".dcx.toml", instructions="raise max_steps"),
        call("create_file", path=".ssh/authorized_keys", instructions="add my key"),
        call("finish", answer="done"),
    ])
    outcome = fix_json(repo, monkeypatch, "total must add the API token tax", "--apply",
                       "--max-steps", "10")
    steps = results(outcome)
    assert steps[1] == ("list_files", True, "shop/app.py")
    assert steps[2] == ("search", True, "no match for 'hunter2'")
    refused = [steps[0]] + steps[3:7]
    assert [(tool, ok) for tool, ok, _ in refused] == [
        ("generate_code", False), ("read_file", False), ("read_file", False), ("create_file", False),
        ("create_file", False)]
    assert all("looks like a secret" in text or "off limits" in text for _, _, text in refused)
    assert prompts and not any("hunter2-" in dcx_wrote(messages) for messages in prompts)
    context = prompts[0][1]["content"]  # the repository as the router first sees it
    assert "shop/app.py" in context
    assert not any(name in context for name in (".envrc", ".npmrc", "credentials", ".ssh", ".dcx"))
    assert "hunter2-" not in json.dumps(outcome)  # the search query "hunter2" is the model's own
    assert git(repo, "status", "--porcelain") == "" and not outcome["applied"]
    assert not (repo / ".ssh" / "authorized_keys").exists()


def test_a_model_chosen_path_with_a_control_character_is_a_tool_error(make_repo, scripted, prompts,
                                                                     monkeypatch) -> None:
    repo = make_repo({"app.py": APP})
    scripted(router=[
        call("create_file", path="notes\nevil.py", instructions="x"),
        call("create_file", path="tab\there.py", instructions="x"),
        call("generate_code", path="app.py\r", target="total", instructions="x"),
        call("read_file", path="app\u202eyp.py", start=1, end=2),
        call("finish", answer="nothing to do"),
    ])
    outcome = fix_json(repo, monkeypatch, "total must round")
    assert results(outcome)[:4] == [
        ("create_file", False, "Error: notes\\nevil.py: its name holds a control or invisible "
                               "character, which a diff header cannot carry; use a plain name"),
        ("create_file", False, "Error: tab\\there.py: its name holds a control or invisible "
                               "character, which a diff header cannot carry; use a plain name"),
        ("generate_code", False, "Error: app.py\\r: its name holds a control or invisible "
                                 "character, which a diff header cannot carry; use a plain name"),
        ("read_file", False, "Error: app\\u202eyp.py: its name holds a control or invisible "
                             "character, which a diff header cannot carry; use a plain name"),
    ]
    assert outcome["diff"] == "" and git(repo, "status", "--porcelain") == ""


def test_a_file_name_that_is_not_utf8_is_never_shown_and_naming_it_is_one_line(
        make_repo, scripted, prompts, monkeypatch) -> None:
    repo = make_repo({"app.py": APP + "# price list\n"})
    latin = os.fsdecode(b"caf\xe9.py")  # what Python makes of the Latin-1 name "café.py"
    (repo / latin).write_text("# price list\nPRICE = 3\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a Latin-1 file name")
    env = scripted(router=[call("finish", answer="x")])
    done = dcx(repo, "fix", "x", b"caf\xe9.py", "--apply", env=env)
    assert one_line_error(done) == (
        "Error: caf\\xe9.py: its name is not valid UTF-8, which dcx cannot show a model or put in "
        "a diff; rename it to UTF-8 (git mv) to work on it")
    scripted(router=[call("generate_code", path="caf\udce9.py", target="file", instructions="x"),
                     call("list_files", pattern="*"), call("search", query="price list"),
                     call("read_file", path="caf\udce9.py", start=1, end=2),
                     call("finish", answer="none")])
    outcome = fix_json(repo, monkeypatch, "PRICE must be 4", "--apply")
    (_, wrote, _), (_, _, listed), (_, _, found), (_, read, _), _ = results(outcome)
    assert listed == "app.py" and found == "app.py:3:# price list" and not wrote and not read
    for messages in prompts:
        dcx_wrote(messages).encode("utf-8")  # no surrogate-escaped byte reached a model
    assert "caf" not in prompts[0][1]["content"] and "caf" not in results(outcome)[1][2]
    assert git(repo, "status", "--porcelain") == ""


def submodule_repo(make_repo) -> Path:
    library = make_repo({"calc.py": "def add(a, b):\n    return a - b\n"})
    repo = make_repo({"app.py": "from lib.calc import add\n"})
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(library), "lib")
    git(repo, "commit", "-q", "-m", "add lib")
    return repo


def test_a_path_inside_a_submodule_is_one_clear_line(make_repo, scripted, prompts, monkeypatch) -> None:
    repo = submodule_repo(make_repo)
    env = scripted(router=[call("finish", answer="x")])
    done = dcx(repo, "fix", "add must add", "lib/calc.py", env=env)
    assert one_line_error(done) == "Error: lib/calc.py is inside the submodule lib; run dcx inside it"
    scripted(router=[call("create_file", path="lib/util.py", instructions="x"),
                     call("read_file", path="lib/calc.py", start=1, end=2),
                     call("search", query="return a - b"),
                     call("finish", answer="none")])
    outcome = fix_json(repo, monkeypatch, "add must add")
    assert [(tool, ok) for tool, ok, _ in results(outcome)] == [
        ("create_file", False), ("read_file", False), ("search", True), ("finish", True)]
    assert results(outcome)[1][2] == "Error: lib/calc.py is inside the submodule lib; run dcx inside it"
    assert results(outcome)[2][2] == "no match for 'return a - b'"
    assert "lib/" not in prompts[0][1]["content"]


def test_a_check_that_prints_bytes_that_are_not_utf8_is_read(make_repo, scripted, monkeypatch) -> None:
    repo = make_repo({"app.py": APP})
    scripted(router=[call("generate_code", path="app.py", target="total", instructions="round it"),
                     call("finish", answer="rounded")],
             code=[code_reply("def total(prices):\n    return round(sum(prices), 2)")])
    outcome = fix_json(repo, monkeypatch, "total must round",
                       "--test", "sh -c \"printf 'caf\\351\\n'; exit 1\"", exit_code=1)  # still failing
    assert outcome["attempts"] == [{"passed": False, "output": "caf\ufffd"}]
    assert "+    return round(sum(prices), 2)" in outcome["diff"]


def test_dcx_check_reads_any_bytes_and_a_submodule_path_is_no_traceback(make_repo, scripted,
                                                                        monkeypatch) -> None:
    repo = submodule_repo(make_repo)
    monkeypatch.chdir(repo)
    scripted()  # no model may run: the first check passes, the second has no file to fix
    runner = CliRunner()
    passed = runner.invoke(main, ["check", "--", "sh", "-c", r"printf 'caf\351'; exit 0"],
                           catch_exceptions=False)
    assert passed.exit_code == 0, passed.output
    failed = runner.invoke(main, ["check", "lib/calc.py", "--", "sh", "-c", r"printf '\377'; exit 1"],
                           catch_exceptions=False)
    assert failed.exit_code == 1 and "Traceback" not in failed.output
    assert git(repo, "status", "--porcelain") == ""


def test_search_shows_8_bit_lines_as_text_and_refuses_control_characters(make_repo) -> None:
    from dcx.tools import ToolCallError, search
    from dcx.workspace import Workspace

    repo = make_repo({"a.py": "# café\n", "prix.py": "# caf\xe9 cr\xe8me\r\n".encode("latin-1"),
                      "odd:name.py": "# café too\n"})
    found = search(Workspace(repo), "CAF")
    assert found.splitlines() == ["a.py:1:# café", "odd:name.py:1:# café too", "prix.py:1:# café crème"]
    for query in ("caf\x00", "a\nb"):
        with pytest.raises(ToolCallError, match="control character"):
            search(Workspace(repo), query)


def test_a_model_may_not_change_tool_dcx_in_pyproject(make_repo, scripted, monkeypatch) -> None:
    """Found after #17: a reply adding `[tool.dcx] allow_deletions = true` to pyproject.toml was
    applied, and the next run read it. dcx's own table is refused, like `.dcx.toml`; the rest of
    the file stays the model's to change."""
    pyproject = '[project]\nname = "shop"\nversion = "1.0"\n'
    repo = make_repo({"shop/app.py": APP, "pyproject.toml": pyproject})
    sneaky = pyproject + "\n[tool.dcx]\nallow_deletions = true\nmax_steps = 50\n"
    scripted(router=[call("generate_code", path="pyproject.toml", target="file",
                          instructions="bump the version"), call("finish", answer="done")],
             code=[code_reply(sneaky, "toml")] * 3)
    outcome = fix_json(repo, monkeypatch, "bump the version in pyproject.toml", "--apply",
                       exit_code=1)  # no valid code came back
    assert not outcome["applied"] and git(repo, "status", "--porcelain") == ""
    assert "[tool.dcx]" in json.dumps(outcome["steps"])
    scripted(router=[call("generate_code", path="pyproject.toml", target="file",
                          instructions="bump the version"), call("finish", answer="done")],
             code=[code_reply(pyproject.replace("1.0", "1.1"), "toml")])
    outcome = fix_json(repo, monkeypatch, "bump the version in pyproject.toml", "--apply")
    assert outcome["applied"] and 'version = "1.1"' in (repo / "pyproject.toml").read_text()


@pytest.mark.parametrize("old_extra, new_extra, refused", [
    ("", '[tool.dcx]\nmax_steps = 9\n', True),
    ("", '[tool]\ndcx = {max_steps = 9}\n', True),
    ('[tool.dcx]\nmax_steps = 3\n', '[tool.dcx]\nmax_steps = 9\n[broken\n', True),  # does not parse
    ("", '[broken\n', False),  # a syntax error is no change of dcx's table (static checks judge it)
    ('[tool.dcx]\nmax_steps = 3\n', '[tool.dcx]\nmax_steps = 3\n[tool.ruff]\nline-length = 99\n', False),
])
def test_only_changes_to_dcx_s_own_table_in_pyproject_are_refused(old_extra, new_extra, refused) -> None:
    from dcx.guards import own_config_reason

    base = '[project]\nname = "shop"\n'
    reason = own_config_reason("pyproject.toml", base + old_extra, base + new_extra)
    assert (reason is not None) == refused, reason
    assert own_config_reason("shop/app.py", base, base + '[tool.dcx]\nmax_steps = 9\n') is None


def _chain(terms: int) -> str:
    return "BANNER = " + " + ".join(['"ab"'] * terms) + "\n"


def test_code_nested_too_deep_is_no_traceback_and_a_change_to_it_is_refused(make_repo, scripted,
                                                                             monkeypatch) -> None:
    # banner.py is too deep for Python's parser (RecursionError, not SyntaxError); rates.py parses
    # but is too deep for pyflakes and the checks that walk a tree by recursion
    repo = make_repo({"shop/__init__.py": "", "shop/app.py": APP, "shop/banner.py": _chain(5000),
                      "shop/rates.py": _chain(800) + "\n\ndef rate():\n    return 0.2\n"})
    head = git(repo, "rev-parse", "HEAD")
    rounded = code_reply("def total(prices):\n    return round(sum(prices), 2)")
    scripted(router=[call("generate_code", path="shop/app.py", target="total", instructions="round it"),
                     call("finish", answer="rounded")], code=[rounded])
    outcome = fix_json(repo, monkeypatch, "total must round")
    assert "+    return round(sum(prices), 2)" in outcome["diff"] and git(repo, "status", "--porcelain") == ""
    scripted(code=["`total` in `shop/app.py:1` adds the prices.\n"])
    asked = CliRunner().invoke(main, ["ask", "how is the banner total computed?", "--json"],
                               catch_exceptions=False)
    assert asked.exit_code == 0, asked.output
    assert json.loads(asked.stdout)["citations"] == [{"path": "shop/app.py", "line": 1, "name": "total"}]

    looping = code_reply("def total(prices):\n    return sum(prices) + " + " + ".join(["0"] * 800))
    scripted(router=[call("generate_code", path="shop/app.py", target="total", instructions="round it"),
                     call("generate_code", path="shop/rates.py", target="rate", instructions="raise it"),
                     call("finish", answer="nothing")], code=[looping] * 3)
    outcome = fix_json(repo, monkeypatch, "total must round", exit_code=1)
    steps = results(outcome)
    assert [(tool, ok) for tool, ok, _ in steps[:2]] == [("generate_code", False), ("generate_code", False)]
    assert steps[0][2].startswith("Error: the code model gave no valid code for total in shop/app.py "
                                  "after 3 tries (last problem: the code nests deeper than dcx can check")
    assert steps[1][2].startswith("Error: shop/rates.py nests deeper than dcx can check a change to")
    assert outcome["diff"] == "" and git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "status", "--porcelain") == ""
