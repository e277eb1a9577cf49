"""`dcx chat` with scripted models: intent routing (question, change, command), the slash
commands, refinements of the last change, follow-up questions, the memory bound, Ctrl-C, and
lines from a pipe to a real `dcx` process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dcx.chat.context import ChatOutput
from dcx.chat.intent import route, slash_command
from dcx.chat.memory import Memory, Turn
from dcx.chat.refine import about_question, refines
from dcx.commands.chat import chat
from dcx.progress import Silent
from dcx.usage import Usage
from tests.conftest import code_reply, git
from tests.fakes import FakeBackend, subprocess_env, use_script

QUESTION = {"intent": "question", "command": "none"}
CHANGE = {"intent": "change", "command": "none"}
MEAN_HEAD = 'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    if not values:\n' \
            '        raise ValueError("mean of an empty list")\n'
MEAN_FIXED = MEAN_HEAD + "    return sum(values) / len(values)"
MEAN_NO_NEGATIVES = (MEAN_HEAD + '    if any(v < 0 for v in values):\n        raise ValueError("negative")\n'
                     "    return sum(values) / len(values)")
ANSWER = "mean divides by one less than the count: `stats/core.py:8` (mean).\n"


class Transcript:
    """A chat's output, collected: stdout (answers, diffs, listings) and stderr notes."""

    def __init__(self) -> None:
        self.stdout: list[str] = []
        self.notes: list[str] = []

    def output(self) -> ChatOutput:
        return ChatOutput(self.stdout.append, lambda diff: self.stdout.append(diff.decode()),
                          self.notes.append)

    @property
    def text(self) -> str:
        return "".join(self.stdout)


def run_chat(repo: Path, tmp_path: Path, monkeypatch, lines, router=(), code=(), reader=None):
    path = tmp_path / "script.json"
    path.write_text(json.dumps({"router": list(router), "code": list(code)}))
    use_script(monkeypatch, path)
    backends = {}
    import dcx.backends
    factory = dcx.backends.factory

    def keep(settings, reporter):  # the test reads what each model was asked
        backends.update(factory(settings, reporter))
        return backends

    monkeypatch.setattr(dcx.backends, "factory", keep)
    queue = iter(lines)
    transcript = Transcript()
    end = chat(repo, {}, Silent(), transcript.output(), False, reader or (lambda: next(queue, None)))
    return transcript, end, backends


# -- intent routing ------------------------------------------------------------------------


def test_a_slash_command_is_read_by_dcx_and_never_sent_to_the_router() -> None:
    router = FakeBackend()
    intent = route("/test python -m pytest -q", router, Usage())
    assert (intent.kind, intent.command, intent.argument, intent.by) == (
        "command", "test", "python -m pytest -q", "dcx")
    assert router.history == [] and slash_command("where is /tmp used?") is None


@pytest.mark.parametrize("reply, kind, command", [
    (QUESTION, "question", ""), (CHANGE, "change", ""),
    ({"intent": "command", "command": "diff"}, "command", "diff"),
])
def test_the_router_sorts_a_line_under_a_json_schema(reply, kind, command) -> None:
    router = FakeBackend([json.dumps(reply)])
    intent = route("show me what you would change", router, Usage(), "change: fix mean")
    assert (intent.kind, intent.command, intent.by) == (kind, command, "router")
    asked = router.history[0]
    assert asked["json_schema"]["properties"]["intent"]["enum"] == ["question", "change", "command"]
    assert "The last turn: change: fix mean" in asked["messages"][1]["content"]


@pytest.mark.parametrize("line, kind", [("where are dates parsed?", "question"),
                                        ("explain the slug rules", "question"),
                                        ("make slugify keep digits", "change")])
def test_a_reply_the_router_botches_falls_back_to_the_lines_form(line, kind) -> None:
    for botched in ("not json", json.dumps({"intent": "command", "command": "none"}), "[1]"):
        intent = route(line, FakeBackend([botched]), Usage())
        assert (intent.kind, intent.by) == (kind, "dcx")


def test_a_question_is_answered_and_a_change_is_shown_not_written(fixture_repo, tmp_path,
                                                                  monkeypatch) -> None:
    repo = fixture_repo("mean")
    out, end, models = run_chat(repo, tmp_path, monkeypatch,
                                ["why is the mean too big?", "mean() must divide by the number of values"],
                                router=[QUESTION, CHANGE], code=[ANSWER, code_reply(MEAN_FIXED)])
    assert out.stdout[0].startswith("mean divides by one less")
    assert "-    return sum(values) / (len(values) - 1)\n+    return sum(values) / len(values)\n" in out.text
    assert "dcx: Changed mean in stats/core.py. (not applied: /apply writes and stages it)" in out.notes
    assert git(repo, "status", "--porcelain") == "" and end.failed == 0
    assert models["code"].pending == 0 and models["router"].pending == 0


def test_a_router_routed_command_that_writes_must_be_typed(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    out, end, _ = run_chat(repo, tmp_path, monkeypatch, ["apply it", "show the diff"],
                           router=[{"intent": "command", "command": "apply"},
                                   {"intent": "command", "command": "diff"}])
    assert out.notes == ["Error: type /apply to apply (dcx runs that command only when it is typed)",
                         "Error: no change yet in this session; type what to change"]
    assert git(repo, "status", "--porcelain") == ""


# -- commands --------------------------------------------------------------------------------


def test_commands_with_nothing_to_act_on_say_so_and_the_session_goes_on(fixture_repo, tmp_path,
                                                                         monkeypatch) -> None:
    repo = fixture_repo("mean")
    out, end, _ = run_chat(repo, tmp_path, monkeypatch,
                           ["/apply", "/undo", "/diff", "/frobnicate", "/test", "/files", "/exit",
                            "never read"])
    assert out.notes == [
        "Error: nothing to apply: ask for a change first (type what to change)",
        "Error: there is no dcx change to undo; `dcx undo --list` shows what dcx applied",
        "Error: no change yet in this session; type what to change",
        "Error: unknown command /frobnicate; the commands are /apply, /undo, /diff, /test, "
        "/files, /clear, /exit, /help",
        "Error: give the test command: /test python -m pytest -q"]
    assert out.text == "No files yet in this session.\n"
    assert (end.turns, end.failed, end.state.done) == (7, 5, True)


def test_apply_undo_diff_and_files(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    out, end, _ = run_chat(repo, tmp_path, monkeypatch,
                           ["mean must divide by the number of values", "/apply", "/apply", "/diff",
                            "/undo", "/diff", "/files", "/apply"],
                           router=[CHANGE], code=[code_reply(MEAN_FIXED)])
    assert out.notes[1].startswith("dcx: this change is untested")  # the fixture has tests
    assert out.notes[2].startswith("dcx: applied stats/core.py; staged stats/core.py")
    assert out.notes[3] == "Error: the last change is applied already (stats/core.py); /undo reverts it"
    assert out.notes[4] == "dcx: applied (/undo reverts it)"
    assert out.notes[5].startswith("dcx: undid ") and out.notes[5].endswith("restored stats/core.py")
    assert out.notes[6] == "dcx: not applied (/apply writes and stages it)"
    assert "touched: stats/core.py\n" in out.stdout
    assert out.notes[7].startswith("dcx: applied stats/core.py")  # undone, it is pending again
    assert git(repo, "diff", "--cached", "--name-only").split() == ["stats/core.py"]
    assert "return sum(values) / len(values)" in (repo / "stats/core.py").read_text()


def test_a_failing_test_run_goes_with_the_next_change_request(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    out, end, models = run_chat(repo, tmp_path, monkeypatch,
                                ["/test python -m pytest -q tests", "fix it", "/test"],
                                router=[CHANGE], code=[code_reply(MEAN_FIXED)])
    assert out.stdout[0].startswith("`python -m pytest -q tests` fails:\n")
    assert "test_mean" in out.stdout[0]
    prompt = models["code"].history[0]["messages"][-1]["content"]
    assert "fix it\nThe tests fail like this now:" in prompt and "assert" in prompt
    assert out.stdout[-1] == "`python -m pytest -q tests` passes with the last change.\n"
    assert end.state.failing is None and git(repo, "status", "--porcelain") == ""


DROPS_CHECK = 'def mean(values):\n    """Arithmetic mean of a non-empty list."""\n    return sum(values) / len(values)'
STILL_WRONG = (MEAN_HEAD + "    if len(values) == 1:\n        return values[0]\n"
               "    return sum(values) / (len(values) - 1)")


@pytest.mark.parametrize("given", ["typed /test", "configured"])
def test_a_change_that_breaks_a_passing_test_is_not_shown_once_a_test_command_is_known(
        fixture_repo, tmp_path, monkeypatch, given) -> None:
    """As `dcx fix --test`: the session's /test command (or the user's configured one) checks each
    attempt, and a change that breaks a test that passed before is neither shown nor applied."""
    repo = fixture_repo("mean")
    monkeypatch.setenv("DCX_TEST_ROUNDS", "0")
    lines = ["mean must divide by the number of values", "/apply"]
    if given == "configured":
        monkeypatch.setenv("DCX_TEST_COMMAND", "python -m pytest -q tests")
    else:
        lines.insert(0, "/test python -m pytest -q tests")
    out, end, _ = run_chat(repo, tmp_path, monkeypatch, lines, router=[CHANGE],
                           code=[code_reply(DROPS_CHECK)])
    assert "dcx: no change: every change dcx found breaks tests that passed before " \
           "(tests.test_core::test_mean_empty)" in out.notes
    assert out.notes[-1] == "Error: nothing to apply: ask for a change first (type what to change)"
    assert "+    return sum(values) / len(values)\n" not in out.text
    assert git(repo, "status", "--porcelain") == ""


def test_an_untested_change_says_so_and_names_a_test_command_dcx_did_not_run(
        fixture_repo, tmp_path, monkeypatch) -> None:
    """As `dcx fix` without a test command: a change no test checked is said to be untested, with
    how to have the tests check it; a test command the repository's own config names is not run,
    and the note says so."""
    repo = fixture_repo("mean")
    out, _, _ = run_chat(repo, tmp_path, monkeypatch, ["mean() must divide by the number of values",
                                                       "also reject negative numbers"],
                         router=[CHANGE, CHANGE], code=[code_reply(MEAN_FIXED), code_reply(MEAN_NO_NEGATIVES)])
    untested = [n for n in out.notes if "untested" in n]
    assert untested == ["dcx: this change is untested: the repository has tests (tests/test_core.py); "
                        "`/test python -m pytest -q` runs them, and checks each change after it"]
    assert "+    if any(v < 0 for v in values):\n" in out.text  # said once, for both changes
    marker = tmp_path / "marker"
    (repo / ".dcx.toml").write_text(f"test_command = {json.dumps(f'touch {marker}')}\n")
    out, _, _ = run_chat(repo, tmp_path, monkeypatch, ["mean() must divide by the number of values"],
                         router=[CHANGE], code=[code_reply(MEAN_FIXED)])
    (said,) = [n for n in out.notes if "test command" in n]
    assert f".dcx.toml names a test command (`touch {marker}`), which dcx did not run" in said
    assert said.endswith("only once you trust its config (`dcx trust`); or type /test with it")
    assert not marker.exists()


def test_a_change_the_tests_still_fail_with_is_applied_only_with_apply_failing(
        fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    monkeypatch.setenv("DCX_TEST_ROUNDS", "0")
    out, end, _ = run_chat(repo, tmp_path, monkeypatch,
                           ["/test python -m pytest -q tests", "mean is wrong for one value",
                            "/apply", "/apply failing"], router=[CHANGE], code=[code_reply(STILL_WRONG)])
    assert "+        return values[0]\n" in out.text  # shown, with what still fails
    assert ("dcx: Changed mean in stats/core.py; tests still fail with it: tests.test_core::test_mean "
            "(not applied: /apply failing writes and stages it anyway)") in out.notes
    assert ("Error: the tests still fail with the last change (tests.test_core::test_mean); "
            "/apply failing writes it anyway") in out.notes
    assert out.notes[-1].startswith("dcx: applied stats/core.py; staged stats/core.py")
    assert "return values[0]" in (repo / "stats/core.py").read_text()


def test_clear_forgets_the_conversation(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    out, end, _ = run_chat(repo, tmp_path, monkeypatch, ["how is the mean computed?", "/clear"],
                           router=[QUESTION], code=[ANSWER])
    assert out.notes[-1] == "dcx: forgot the conversation (1 recent turns)"
    assert end.state.memory.text() == "" and end.state.answer == ""


# -- memory ----------------------------------------------------------------------------------


def test_a_change_that_goes_on_from_the_last_refines_it(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    out, end, models = run_chat(repo, tmp_path, monkeypatch,
                                ["mean() must divide by the number of values",
                                 "also reject negative numbers", "/apply"],
                                router=[CHANGE, CHANGE],
                                code=[code_reply(MEAN_FIXED), code_reply(MEAN_NO_NEGATIVES)])
    second = models["code"].history[1]["messages"][-1]["content"]
    assert "mean() must divide by the number of values. Also reject negative numbers" in second
    assert "return sum(values) / len(values)" in second  # planned from the change, in memory
    assert "(len(values) - 1)" not in second
    last_diff = out.stdout[-1]
    assert "-    return sum(values) / (len(values) - 1)\n" in last_diff  # both, against the tree
    assert '+        raise ValueError("negative")\n' in last_diff
    assert (repo / "stats/core.py").read_text().count('raise ValueError("negative")') == 1
    assert git(repo, "diff", "--cached", "--name-only").split() == ["stats/core.py"]


def test_a_line_that_names_other_code_starts_afresh() -> None:
    texts = {"stats/core.py": "def mean(v):\n    pass\n", "stats/io.py": "def load_csv(p):\n    pass\n"}
    assert refines("also reject negative numbers", ("stats/core.py",), texts)
    assert refines("and make `mean` round to 2 places", ("stats/core.py",), texts)
    assert not refines("make load_csv skip blank lines", ("stats/core.py",), texts)
    assert not refines("fix the header in stats/io.py", ("stats/core.py",), texts)


def test_why_refers_to_the_last_answer(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    out, end, models = run_chat(repo, tmp_path, monkeypatch, ["what does mean divide by?", "why?"],
                                router=[QUESTION, QUESTION],
                                code=[ANSWER, "Because of `stats/core.py:8` (mean).\n"])
    second = models["code"].history[1]["messages"][1]["content"]
    assert "The conversation so far:\nUser (question): what does mean divide by?\n" \
           "dcx: mean divides by one less than the count" in second
    assert "(function mean)" in second and second.rstrip().endswith("(function or class).")
    assert "Question: why?" in second
    assert end.state.discussed == ("stats/core.py",)


def test_memory_stays_within_its_budget_however_long_the_session() -> None:
    memory = Memory(budget=600)
    for n in range(200):
        memory = memory.add(Turn("question", f"question {n} " + "word " * 300, f"answer {n} " + "x" * 2000))
        assert memory.tokens <= 600
    assert memory.last.said.startswith("question 199")  # the newest turn is kept (cut to length)
    assert "User (question): question 199 word" in memory.text()
    assert "- question: question 198 word" in memory.text()  # the one before, on one line
    assert "question 0 " not in memory.text() and memory.forgotten >= 190
    tiny = Memory(budget=80).add(Turn("change", "y " * 500, "z " * 500))
    assert 0 < tiny.tokens <= 80 and tiny.last is not None
    assert Memory(budget=5).add(Turn("change", "y " * 50, "z")).tokens <= 5


# -- interrupts and pipes ------------------------------------------------------------------


class InterruptedOnce(FakeBackend):
    """A model Ctrl-C interrupts in its first reply, after the first piece."""

    def chat(self, request, watch=None):
        if not getattr(self, "interrupted", False):
            self.interrupted = True
            if watch is not None:
                watch("The mean ")
            raise KeyboardInterrupt
        return super().chat(request, watch)


def test_ctrl_c_cancels_the_generation_and_the_session_answers_the_next_line(
        fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    import dcx.backends
    monkeypatch.setattr(dcx.backends, "factory", lambda settings, reporter: {
        "router": FakeBackend([json.dumps(QUESTION)] * 2),
        "code": InterruptedOnce([ANSWER])})
    queue = iter(["how is the mean computed?", "how is the mean computed?"])
    out = Transcript()
    end = chat(repo, {}, Silent(), out.output(), False, lambda: next(queue, None))
    assert out.notes == ["dcx: cancelled; the session goes on (/exit or Ctrl-D leaves)"]
    assert out.text == "The mean " + ANSWER
    assert (end.turns, end.cancelled) == (2, 1) and len(end.state.memory.turns) == 1


def test_ctrl_c_at_the_prompt_gives_a_fresh_line(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    calls = iter([KeyboardInterrupt, "/files", None])

    def reader():
        item = next(calls)
        if item is KeyboardInterrupt:
            raise KeyboardInterrupt
        return item

    out, end, _ = run_chat(repo, tmp_path, monkeypatch, [], reader=reader)
    assert out.text == "No files yet in this session.\n" and end.turns == 1


def dcx_chat(repo: Path, tmp_path: Path, lines: str, script: dict) -> subprocess.CompletedProcess:
    path = tmp_path / "chat-script.json"
    path.write_text(json.dumps(script))
    return subprocess.run([sys.executable, "-m", "dcx", "chat"], cwd=repo, input=lines, text=True,
                          capture_output=True, timeout=120,
                          env={**__import__("os").environ, **subprocess_env(path), "DCX_PROGRESS": "1"})


def test_lines_from_a_pipe_answer_show_a_diff_apply_and_stage(fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    done = dcx_chat(repo, tmp_path,
                    "how is the mean computed?\nmean() must divide by the number of values\n/apply\n/exit\n",
                    {"router": [QUESTION, CHANGE], "code": [ANSWER, code_reply(MEAN_FIXED)]})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(ANSWER + "diff --git a/stats/core.py b/stats/core.py\n")
    assert "dcx>" not in done.stdout and "dcx>" not in done.stderr  # no prompt on a pipe
    assert "dcx: router: a question\n" in done.stderr and "dcx: router: a change\n" in done.stderr
    assert "dcx: applied stats/core.py; staged stats/core.py (/undo reverts it)\n" in done.stderr
    assert git(repo, "diff", "--cached", "--name-only").split() == ["stats/core.py"]
    assert git(repo, "status", "--porcelain") == "M  stats/core.py\n"


def test_a_pipe_that_closes_ends_the_session_after_its_last_line(fixture_repo, tmp_path) -> None:
    repo = fixture_repo("mean")
    done = dcx_chat(repo, tmp_path, "how is the mean computed?",  # no newline, no /exit
                    {"router": [QUESTION], "code": [ANSWER]})
    assert (done.returncode, done.stdout) == (0, ANSWER)
    empty = dcx_chat(repo, tmp_path, "", {})
    assert (empty.returncode, empty.stdout) == (0, "")


@pytest.mark.parametrize("line, wrong, right", [
    ("mean() must divide by the number of values", QUESTION, "change"),
    ("also reject negative numbers", {"intent": "command", "command": "diff"}, "change"),
    ("what does spread return?", CHANGE, "question"),
    ("why?", CHANGE, "question"),
])
def test_a_line_whose_form_settles_it_wins_over_the_router(line, wrong, right) -> None:
    intent = route(line, FakeBackend([json.dumps(wrong)]), Usage())
    assert (intent.kind, intent.by) == (right, "dcx")


@pytest.mark.parametrize("line, kind", [("could you make mean round to 2 places?", "change"),
                                        ("the slug of an empty title", "question")])
def test_a_line_whose_form_does_not_settle_it_is_the_routers_call(line, kind) -> None:
    reply = {"intent": kind, "command": "none"}
    assert route(line, FakeBackend([json.dumps(reply)]), Usage()).by == "router"


def test_ctrl_c_while_apply_writes_keeps_the_change_pending(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("dcx.chat.slash.apply_changes", interrupted)
    out, end, _ = run_chat(repo, tmp_path, monkeypatch,
                           ["mean must divide by the number of values", "/apply", "/diff"],
                           router=[CHANGE], code=[code_reply(MEAN_FIXED)])
    assert out.notes[2:] == ["Error: interrupted; nothing was written",
                             "dcx: not applied (/apply writes and stages it)"]
    assert end.state.change.pending and git(repo, "status", "--porcelain") == ""


def test_a_change_right_after_a_question_is_planned_where_the_question_pointed(
        fixture_repo, tmp_path, monkeypatch) -> None:
    """"make it divide by the number of values" names nothing of the repository: said right
    after "where is the mean computed?", it is about mean (and the router and the code model
    are told so); a line that says where on its own is taken as it is."""
    repo = fixture_repo("mean")
    out, end, models = run_chat(repo, tmp_path, monkeypatch,
                                ["where is the mean computed?", "make it divide by the number of values"],
                                router=[QUESTION, CHANGE], code=[ANSWER, code_reply(MEAN_FIXED)])
    asked = models["code"].history[1]["messages"][-1]["content"]
    assert "make it divide by the number of values (said after the question: where is the mean " \
           "computed?)" in asked
    assert "+    return sum(values) / len(values)\n" in out.text
    texts = {"stats/core.py": "def mean(v):\n    pass\n", "stats/io.py": "def load_csv(p):\n    pass\n"}
    assert about_question("make load_csv skip blank lines", "where is the mean computed?", texts) is None
