"""`dcx bench --questions FILE`: each question asked in a fresh repository, its answer right when
a citation names the right file and a line inside the right definition."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from dcx.ask_bench import Question, is_right, load_questions
from dcx.citations import Citation
from dcx.cli import main
from tests.conftest import FIXTURES, PROJECT_ROOT
from tests.fakes import use_script

QUESTIONS = PROJECT_ROOT / "benchmarks" / "questions" / "questions.json"


def test_the_question_set_names_real_definitions_in_users_words() -> None:
    questions = load_questions(QUESTIONS)
    assert len(questions) >= 20
    assert len({q.repo for q in questions}) >= 15
    for q in questions:
        assert q.question.endswith("?") and q.name.rsplit(".", 1)[-1] in (q.repo / q.path).read_text()
        assert is_right(q, (Citation(q.path, _line_of(q), q.name),)), q


def _line_of(q: Question) -> int:
    short = q.name.rsplit(".", 1)[-1]
    lines = (q.repo / q.path).read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1)
                if re.match(rf"\s*(def|function)\s+{short}\b|{short}\(\)", line))


def test_a_citation_is_right_only_inside_the_right_definition() -> None:
    q = Question(FIXTURES / "mean" / "repo", "what does median return?", "stats/core.py", "median")
    assert is_right(q, (Citation("stats/core.py", 13, "median"), Citation("x.py", 1, "x")))
    assert not is_right(q, (Citation("stats/core.py", 4, "mean"),))
    assert not is_right(q, (Citation("stats/other.py", 13, "median"),))


def test_bench_questions_reports_how_many_answers_cite_the_right_place(tmp_path, monkeypatch) -> None:
    questions = tmp_path / "questions.json"
    questions.write_text(json.dumps([
        {"repo": "fixtures/mean/repo", "question": "what does median return for an even count?",
         "path": "stats/core.py", "name": "median"},
        {"repo": "fixtures/parse_date/repo", "question": "where are timestamps parsed?",
         "path": "timeparse/parse.py", "name": "parse_date"},
        {"repo": "fixtures/paginate/repo", "question": "how many pages does a listing have?",
         "path": "listing/pages.py", "name": "page_count"}]))
    script = tmp_path / "script.json"
    script.write_text(json.dumps({"router": [], "code": [
        "The middle two averaged: `stats/core.py:19` (median).\n",
        "`timeparse/parse.py:21` (format_date) formats them.\n",
        "It divides the total by the size.\n"]}))
    use_script(monkeypatch, script)
    monkeypatch.chdir(PROJECT_ROOT)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["bench", "--questions", str(questions), "--json", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "cite the right place      1/3 (33%)\ncite only other places    1\ncite nothing              1\n" \
        in result.stdout
    assert result.stderr.startswith("[1/3] right") and "[2/3] WRONG" in result.stderr
    report = json.loads(out.read_text())
    assert [r["right"] for r in report["results"]] == [True, False, False]
    assert report["results"][1]["citations"] == [
        {"path": "timeparse/parse.py", "line": 21, "name": "format_date"}]


def test_bench_needs_a_suite_or_questions() -> None:
    result = CliRunner().invoke(main, ["bench"])
    assert result.exit_code == 2 and "give a SUITE folder or --questions FILE" in result.stderr


def test_each_question_is_asked_in_a_committed_copy_as_a_users_clone_is(tmp_path) -> None:
    # files changed since the last commit rank higher; an uncommitted copy would lift them all
    from dcx.ask_bench import _copy_repo
    from tests.conftest import git

    _copy_repo(FIXTURES / "mean" / "repo", tmp_path / "copy")
    assert git(tmp_path / "copy", "status", "--porcelain") == ""
    assert "stats/core.py" in git(tmp_path / "copy", "ls-files").split()
