"""`dcx ask` answered by the code model from the definitions dcx ranks: numbered excerpts with
paths and lines, a streamed answer, citations checked against the files (kept, fixed or
dropped), and a question about something absent answered without a model."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dcx.answer import answer_question
from dcx.citations import CitationStream, Places
from dcx.cli import main
from dcx.evidence import gather_evidence
from dcx.progress import Silent
from dcx.usage import Usage
from dcx.workspace import Workspace
from tests.conftest import git
from tests.fakes import FakeBackend, use_script

QUESTION = "how is the mean computed?"


def script(tmp_path, monkeypatch, router=(), code=()):
    path = tmp_path / "script.json"
    path.write_text(json.dumps({"router": list(router), "code": list(code)}))
    use_script(monkeypatch, path)


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_code_model_is_shown_numbered_excerpts_of_the_ranked_definitions(fixture_repo) -> None:
    repo = fixture_repo("mean")
    coder = FakeBackend(["The mean is `stats/core.py:4` (mean).\n"])
    shown: list[str] = []
    answer = answer_question(Workspace(repo), QUESTION, (), coder, Silent(), Usage(), shown.append)
    prompt = coder.history[0]["messages"][1]["content"]
    assert "stats/core.py lines 4-8 (function mean):\n   4| def mean(values):\n" in prompt
    assert "   8|     return sum(values) / (len(values) - 1)\n" in prompt
    assert prompt.index("(function mean)") < prompt.index("Question: how is the mean computed?")
    assert "cite `path:line` (function or class)" in prompt
    assert [c.to_json() for c in answer.citations] == [{"path": "stats/core.py", "line": 4, "name": "mean"}]
    assert "".join(shown) == answer.text == "The mean is `stats/core.py:4` (mean).\n"


def test_a_citation_to_a_line_that_does_not_exist_is_dropped_and_a_wrong_line_is_fixed(
        fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    monkeypatch.chdir(repo)
    script(tmp_path, monkeypatch, code=[
        "mean divides by len - 1 at `stats/core.py:99`. It is `stats/core.py:17` (mean);\n"
        "see also `nowhere.py:3`, and median at core.py:14.\n"])
    result = invoke("ask", QUESTION, "--json")
    report = json.loads(result.stdout)
    assert report["citations"] == [{"path": "stats/core.py", "line": 4, "name": "mean"},
                                   {"path": "stats/core.py", "line": 14, "name": "median"}]
    assert report["answer"] == ("mean divides by len - 1 at. It is `stats/core.py:4` (mean);\n"
                                "see also, and median at stats/core.py:14.")
    assert "dropped stats/core.py:99: stats/core.py has 26 lines" in report["notes"]
    assert "dropped nowhere.py:3: there is no such file" in report["notes"]
    assert "fixed stats/core.py:17 to stats/core.py:4 (mean)" in report["notes"]
    for key in ("instruction", "diff", "files", "applied", "steps", "models", "tokens", "seconds"):
        assert key in report  # the shape of `dcx fix --json`, plus citations
    assert report["models"]["code"]["model"] == "fake-code" and not report["applied"]


def test_the_answer_streams_to_stdout_with_checked_citations(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    monkeypatch.chdir(repo)
    script(tmp_path, monkeypatch, code=["It divides by one less than the count:\n"
                                        "`stats/core.py:8` (mean), not `stats/core.py:80`.\n"])
    result = invoke("ask", QUESTION)
    assert result.exit_code == 0
    assert result.stdout == ("It divides by one less than the count:\n"
                             "`stats/core.py:8` (mean), not.\n")
    assert result.stderr == "dcx: dropped stats/core.py:80: stats/core.py has 26 lines\n"
    assert git(repo, "status", "--porcelain") == ""


def test_a_stream_is_shown_word_by_word_and_holds_back_only_after_a_path(fixture_repo) -> None:
    shown: list[str] = []
    stream = CitationStream(Places(Workspace(fixture_repo("mean"))), shown.append)
    for piece in ["The ", "mean ", "is ", "in ", "`stats/core.py", ":4", "` ", "(mean) ", "and"]:
        stream.feed(piece)
        if piece == "in ":
            assert "".join(shown) == "The mean is in "  # no wait for the end of the reply
    assert "".join(shown) == "The mean is in "  # a path waits for what follows it
    stream.feed(" it divides by the count minus one, which is the bug here. ")
    assert "".join(shown).startswith("The mean is in `stats/core.py:4` (mean) and it divides")
    assert stream.finish().endswith("the bug here. ")


def test_a_question_about_something_absent_says_so_without_a_model(fixture_repo, tmp_path,
                                                                  monkeypatch) -> None:
    repo = fixture_repo("mean")
    monkeypatch.chdir(repo)
    script(tmp_path, monkeypatch)  # no reply scripted: a model call would fail the command
    result = invoke("ask", "where is the database connection pool configured?", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["answer"].startswith("Not found in this repository: dcx searched 3 definitions "
                                       "in 4 files for configured, connection, database, pool")
    assert report["citations"] == [] and report["tokens"] == {}


def test_weak_matches_tell_the_model_it_may_say_not_found(fixture_repo) -> None:
    workspace = Workspace(fixture_repo("mean"))
    evidence = gather_evidence(workspace, "what happens with an empty list?")
    assert evidence.found and not evidence.named  # bodies match; no definition is named
    coder = FakeBackend(["Not found in this repository.\n"])
    answer_question(workspace, "x?", (), coder, Silent(), Usage(), print, evidence=evidence)
    assert 'say "Not found in this repository."' in coder.history[0]["messages"][1]["content"]


def test_a_question_naming_a_definition_is_not_invited_to_say_not_found(fixture_repo) -> None:
    # The 1.5B code model answered "Not found in this repository." to "where is the mean
    # computed?" with `mean` shown first, when the prompt allowed it.
    workspace = Workspace(fixture_repo("mean"))
    evidence = gather_evidence(workspace, "which values does spread compare?")
    assert evidence.excerpts[0].name == "spread" and evidence.named
    coder = FakeBackend(["`stats/core.py:25` (spread).\n"])
    answer_question(workspace, "x?", (), coder, Silent(), Usage(), print, evidence=evidence)
    assert "Not found" not in coder.history[0]["messages"][1]["content"]


def test_the_router_still_answers_with_answer_model_router(fixture_repo, tmp_path, monkeypatch) -> None:
    repo = fixture_repo("mean")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("DCX_PLAN_FIRST_CALL", "false")
    script(tmp_path, monkeypatch, router=[{"name": "finish", "arguments": {"answer": "It sums."}}])
    result = invoke("ask", QUESTION, "--answer-model", "router")
    assert result.stdout == "It sums.\n"
    monkeypatch.setenv("DCX_ANSWER_MODEL", "nobody")
    result = CliRunner().invoke(main, ["ask", QUESTION])
    assert result.exit_code == 2 and "answer_model from $DCX_ANSWER_MODEL must be code or router" in result.stderr


def test_escape_sequences_in_a_streamed_answer_never_reach_the_terminal(fixture_repo, tmp_path,
                                                                       monkeypatch) -> None:
    repo = fixture_repo("mean")
    monkeypatch.chdir(repo)
    script(tmp_path, monkeypatch, code=["It is `stats/core.py:4` (mean).\x1b]52;c;eA==\x07\x1b[2J\n"])
    result = invoke("ask", QUESTION)
    assert result.stdout == "It is `stats/core.py:4` (mean).\n"


def test_a_question_in_a_users_words_meets_the_names_in_the_code(fixture_repo) -> None:
    """"timestamps parsed" finds parse_date: the question's longer words are searched for with
    their endings cut too."""
    evidence = gather_evidence(Workspace(fixture_repo("parse_date")), "where are timestamps parsed?")
    assert (evidence.excerpts[0].path, evidence.excerpts[0].name) == ("timeparse/parse.py", "parse_date")
    assert "timestamp" not in evidence.words and "timestamps" in evidence.words


def test_an_answer_whose_every_citation_is_made_up_says_it_is_likely_not_here(
        fixture_repo, tmp_path, monkeypatch) -> None:
    # seen with the real model: "where is the page size read from the user's settings file?"
    # answered "... at `src/app/config.py:12` (load_config)", a file the repository lacks
    repo = fixture_repo("mean")
    monkeypatch.chdir(repo)
    invented = "The mean is cached at `src/stats/cache.py:12` (load_cache).\n"
    script(tmp_path, monkeypatch, code=[invented])
    result = invoke("ask", "how does mean cache its results between calls?")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == (
        "(dcx: no place this answer points to exists in the repository, so what it describes is "
        "likely not here; do not rely on it.)")
    assert "dropped src/stats/cache.py:12: there is no such file" in result.stderr
    # one real place among made-up ones: the answer stands as it is
    script(tmp_path, monkeypatch, code=["`stats/core.py:4` (mean); see `nowhere.py:3`.\n"])
    mixed = invoke("ask", "how does mean cache its results between calls?")
    assert "likely not here" not in mixed.stdout and "stats/core.py:4" in mixed.stdout
