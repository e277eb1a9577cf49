"""LocalCodingHandler with both models mocked: dispatch, delegation, modes, limits, bad output."""

from __future__ import annotations

import json

import pytest

from dcx.backends import Completion
from dcx.config import load_settings
from dcx.errors import InputError, StepLimitError
from dcx.pipeline import Pipeline
from dcx.prompts import CODE_SYSTEM, ROLE_SYSTEM
from dcx.request import Request
from dcx.workspace import Workspace
from tests.conftest import call, code_reply

SOURCE = '''def add(a, b):
    return a - b


def sub(a, b):
    return a - b
'''
FIXED_ADD = "def add(a, b):\n    return a + b"


def model(mocker, name: str, replies: list[str]):
    backend = mocker.Mock()
    backend.name = "mock"
    backend.model = name
    backend.chat.side_effect = [Completion(r, 100, 10, 0.01) for r in replies]
    return backend


def handler_for(repo, mocker, router_replies, code_replies, **settings):
    settings = load_settings(repo, {"plan_first_call": False, **settings})
    router = model(mocker, "router", router_replies)
    coder = model(mocker, "coder", code_replies)
    handler = Pipeline(settings, Workspace(repo), backends={"router": router, "code": coder})
    return handler, router, coder


def test_generate_code_is_delegated_to_the_code_model(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    handler, router, coder = handler_for(
        repo, mocker,
        [call("generate_code", path="calc.py", target="add", instructions="use +"),
         call("finish", answer="add now adds")],
        [code_reply(FIXED_ADD)],
    )
    result = handler.run(handler.start(Request("add subtracts instead of adding")))
    assert result.files == ("calc.py",)
    assert "-    return a - b\n+    return a + b\n" in result.diff
    assert result.diff.count("@@") == 2  # one hunk: sub() untouched
    assert result.answer == "Changed add in calc.py."  # what the change does, not the router's words
    # the router saw its system prompt; the code model saw its own, the target and the request
    assert router.chat.call_args_list[0].args[0].messages[0]["content"] == ROLE_SYSTEM
    code_messages = coder.chat.call_args.args[0].messages
    assert code_messages[0]["content"] == CODE_SYSTEM
    assert "def add(a, b):\n    return a - b" in code_messages[1]["content"]
    assert "add subtracts instead of adding" in code_messages[1]["content"]
    # the code model's edit went back to the router as the tool result
    second_turn = router.chat.call_args_list[1].args[0].messages
    assert second_turn[-1]["role"] == "user"
    assert "+    return a + b" in second_turn[-1]["content"]
    assert [s.tool for s in result.steps] == ["generate_code", "finish"]
    assert result.tokens["code"] == {"prompt": 100, "evaluated": 100, "completion": 10}
    assert result.tokens["router"] == {"prompt": 200, "evaluated": 200, "completion": 20}


def test_router_calls_are_sampled_under_a_schema(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    handler, router, _ = handler_for(
        repo, mocker,
        [call("generate_code", path="calc.py", target="add", instructions="use +"),
         call("finish", answer="done")],
        [code_reply(FIXED_ADD)],
    )
    handler.run(handler.start(Request("add subtracts")))
    first_schema = router.chat.call_args_list[0].args[0].json_schema
    names = [v["properties"]["name"]["const"] for v in first_schema["oneOf"]]
    assert names == ["generate_code", "create_file"]  # fix mode: the first call writes code
    path_schema = first_schema["oneOf"][0]["properties"]["arguments"]["properties"]["path"]
    assert path_schema["enum"] == ["calc.py"]
    after_edit = router.chat.call_args_list[1].args[0].json_schema
    assert [v["properties"]["name"]["const"] for v in after_edit["oneOf"]] == [
        "generate_code", "create_file", "finish"]


def test_single_model_mode_uses_one_model_for_both_jobs(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    only = model(mocker, "only", [
        call("generate_code", path="calc.py", target="add", instructions="use +"),
        code_reply(FIXED_ADD),
        call("finish", answer="fixed"),
    ])
    settings = load_settings(repo, {"dual_model_mode": False, "plan_first_call": False})
    handler = Pipeline(settings, Workspace(repo), backends={"router": only, "code": only})
    result = handler.run(handler.start(Request("add subtracts")))
    assert only.chat.call_count == 3
    assert "+    return a + b" in result.diff
    assert result.models["router"] == result.models["code"]


def test_single_model_mode_creates_one_backend(make_repo, tmp_path, monkeypatch) -> None:
    repo = make_repo({"calc.py": SOURCE})
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"single": []}))
    from tests.fakes import use_script
    use_script(monkeypatch, script)
    settings = load_settings(repo, {"dual_model_mode": False})
    handler = Pipeline(settings, Workspace(repo))
    assert handler.router is handler.coder
    dual = Pipeline(load_settings(repo, {}), Workspace(repo))
    assert dual.router is not dual.coder


def test_step_limit_without_an_edit_is_a_clear_error(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    replies = [call("generate_code", path="calc.py", target="nope", instructions="x")] + [
        call("search", query=f"q{i}") for i in range(5)]
    handler, router, _ = handler_for(repo, mocker, replies, [], max_steps=3)
    with pytest.raises(StepLimitError, match="all 3 steps"):
        handler.run(handler.start(Request("add subtracts")))
    assert router.chat.call_count == 3


def test_step_limit_after_an_edit_keeps_the_edit(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    handler, _, _ = handler_for(
        repo, mocker,
        [call("generate_code", path="calc.py", target="add", instructions="use +"),
         call("generate_code", path="calc.py", target="sub", instructions="keep"),
         "not a tool call"],
        [code_reply(FIXED_ADD), code_reply("def sub(a, b):\n    return b - a")],
        max_steps=3,
    )
    result = handler.run(handler.start(Request("add subtracts")))
    assert result.step_limit_hit
    assert "+    return a + b" in result.diff and "+    return b - a" in result.diff


def test_malformed_tool_call_goes_back_to_the_router(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    handler, router, _ = handler_for(
        repo, mocker,
        ["this is not json", call("generate_code", path="calc.py", target="add", instructions="+"),
         call("finish", answer="ok")],
        [code_reply(FIXED_ADD)],
    )
    result = handler.run(handler.start(Request("add subtracts")))
    assert result.steps[0].tool == "invalid" and not result.steps[0].ok
    assert router.chat.call_args_list[1].args[0].messages[-1]["content"].startswith("Error: not valid JSON")
    assert "+    return a + b" in result.diff


def test_code_that_does_not_parse_is_retried_with_the_error(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    handler, _, coder = handler_for(
        repo, mocker,
        [call("generate_code", path="calc.py", target="add", instructions="+"), call("finish", answer="ok")],
        [code_reply("def add(a, b)\n    return a + b"), code_reply(FIXED_ADD)],
    )
    result = handler.run(handler.start(Request("add subtracts")))
    retry = coder.chat.call_args_list[1].args[0].messages
    assert "SyntaxError" in retry[-1]["content"]
    assert "+    return a + b" in result.diff


def test_code_that_never_parses_is_an_error_result_not_a_crash(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    handler, router, coder = handler_for(
        repo, mocker,
        [call("generate_code", path="calc.py", target="add", instructions="+"), call("finish", answer="gave up")],
        [code_reply("def add(a, b)\n    return a + b")] * 3,
        code_retries=2,
    )
    result = handler.run(handler.start(Request("add subtracts")))
    assert coder.chat.call_count == 3
    assert result.diff == ""
    assert not result.steps[0].ok and "no valid code" in result.steps[0].result
    assert "no valid code" in router.chat.call_args_list[1].args[0].messages[-1]["content"]


def test_empty_instruction_is_refused(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    handler, router, _ = handler_for(repo, mocker, [], [])
    with pytest.raises(InputError):
        handler.run(handler.start(Request("   ")))
    router.chat.assert_not_called()


def test_backends_load_nothing_until_used(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    llama = mocker.patch("dcx.backends.llama_cpp_backend.LlamaCppBackend._load")
    Pipeline(load_settings(repo, {}), Workspace(repo))
    llama.assert_not_called()


def test_a_named_function_is_rewritten_and_finished_without_the_router(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE, "tests/test_calc.py": "from calc import add\n"})
    handler, router, coder = handler_for(
        repo, mocker, [], [code_reply(FIXED_ADD)], plan_first_call=True)
    result = handler.run(handler.start(Request("add() subtracts instead of adding")))
    assert router.chat.call_count == 0
    assert [(s.tool, s.by) for s in result.steps] == [("generate_code", "dcx"), ("finish", "dcx")]
    assert result.steps[0].arguments["target"] == "add"
    assert "+    return a + b" in result.diff
    assert result.answer == "Changed add in calc.py."


def test_with_router_review_the_router_sees_the_planned_edit_and_decides(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE, "tests/test_calc.py": "from calc import add\n"})
    handler, router, coder = handler_for(
        repo, mocker, [call("finish", answer="done")], [code_reply(FIXED_ADD)], plan_first_call=True,
        router_review=True)
    result = handler.run(handler.start(Request("add() subtracts instead of adding")))
    assert router.chat.call_count == 1  # only to finish
    assert result.steps[0].by == "dcx" and result.steps[1].by == "router"
    assert "+    return a + b" in result.diff and result.answer == "Changed add in calc.py."
    # the router sees the planned call and its result in its conversation
    messages = router.chat.call_args.args[0].messages
    assert '"name": "generate_code"' in messages[-2]["content"]
    assert "+    return a + b" in messages[-1]["content"]


def test_when_the_planned_edit_changes_nothing_dcx_says_so_without_the_router(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    unchanged = code_reply("def add(a, b):\n    return a - b")
    handler, router, coder = handler_for(
        repo, mocker, [], [unchanged, unchanged], plan_first_call=True)
    result = handler.run(handler.start(Request("add() subtracts")))
    assert [(s.tool, s.by) for s in result.steps] == [("generate_code", "dcx"), ("finish", "dcx")]
    assert result.diff == "" and "nothing to change" in result.answer
    assert router.chat.call_count == 0 and coder.chat.call_count == 2  # one retry when unchanged
    first, retry = (c.args[0].messages for c in coder.chat.call_args_list)
    # the retry starts afresh (the unchanged copy is not in it), told that a copy is wrong
    assert len(retry) == len(first) == 2 and retry[0] == first[0]
    assert retry[1]["content"] == first[1]["content"].replace(
        "add() subtracts", "add() subtracts\nNote: the code as shown does not do this yet, so a "
        "reply that repeats it unchanged is wrong.")
    assert coder.chat.call_args_list[1].args[0].temperature > 0


def test_with_router_review_the_router_takes_over_an_unchanged_planned_edit(make_repo, mocker) -> None:
    repo = make_repo({"calc.py": SOURCE})
    unchanged = code_reply("def add(a, b):\n    return a - b")
    handler, router, _ = handler_for(
        repo, mocker,
        [call("generate_code", path="calc.py", target="sub", instructions="fix sub"),
         call("finish", answer="ok")],
        [unchanged, unchanged, code_reply("def sub(a, b):\n    return b - a")],
        plan_first_call=True, router_review=True)
    result = handler.run(handler.start(Request("add() subtracts")))
    assert [(s.tool, s.by) for s in result.steps] == [
        ("generate_code", "dcx"), ("generate_code", "router"), ("finish", "router")]
    assert "+    return b - a" in result.diff
