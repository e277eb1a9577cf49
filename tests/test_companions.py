"""A module constant another function uses together with the target (a CSV header and the
function that builds the rows) is named in the code model's prompt (dcx.companions). Real
temporary repositories, scripted models."""

from __future__ import annotations

from dcx.companions import Companion, companions
from dcx.config import load_settings
from dcx.pipeline import Pipeline
from dcx.progress import Silent
from dcx.request import Request
from dcx.workspace import Workspace
from tests.conftest import call, code_reply
from tests.fakes import FakeBackend

EXPORT = '''import csv
import io

COLUMNS = ["date", "route", "style"]
LABELS = {"date": "Date"}
SEPARATOR = ","


def rows(book):
    return [[a.day, a.route, a.style] for a in book]


def to_csv(book):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerow([LABELS.get(c, c) for c in COLUMNS])
    writer.writerows(rows(book))
    return buffer.getvalue()


def width(book):
    return len(COLUMNS)


def header():
    return SEPARATOR.join(COLUMNS)


class Sheet:
    def cells(self):
        yield from []

    def render(self):
        return [COLUMNS, list(self.cells())]
'''


def test_a_header_used_with_the_rows_a_function_builds_goes_with_it() -> None:
    assert companions(EXPORT, "rows") == (Companion("to_csv", "COLUMNS"),)
    assert companions(EXPORT, "Sheet.cells") == (Companion("Sheet.render", "COLUMNS"),)
    # not: a function that returns no rows, one that reads the constant itself, no such target,
    # a dict or a lone string (LABELS, SEPARATOR are no header), a file that does not parse
    assert companions(EXPORT, "width") == ()
    assert companions(EXPORT, "header") == ()
    assert companions(EXPORT, "missing") == ()
    assert companions(EXPORT.replace("return [[", "return len([[").replace("in book]", "in book])"),
                      "rows") == ()
    assert companions("def rows(:\n", "rows") == ()


FIXED = '''COLUMNS = ["date", "route", "style", "notes"]


def rows(book):
    return [[a.day, a.route, a.style, a.notes] for a in book]'''


def test_the_code_model_is_told_to_keep_the_header_with_the_rows(make_repo) -> None:
    repo = make_repo({"export.py": EXPORT})
    prompts, diffs, answers = [], [], []
    for source in (EXPORT, EXPORT.replace("    writer.writerow(COLUMNS)\n", "")
                   .replace("    writer.writerow([LABELS.get(c, c) for c in COLUMNS])\n", "")):
        (repo / "export.py").write_text(source)
        plan = call("generate_code", path="export.py", target="rows", instructions="add the notes column")
        coder = FakeBackend([code_reply(FIXED)])
        pipeline = Pipeline(load_settings(repo, {"plan_first_call": False}), Workspace(repo), Silent(),
                            {"router": FakeBackend([plan, call("finish", answer="ok")]), "code": coder})
        result = pipeline.run(pipeline.start(Request("The CSV export should end with a notes column")))
        prompts.append(coder.history[0]["messages"][-1]["content"])
        diffs.append(result.diff)
        answers.append(result.answer)
    assert ("to_csv in export.py uses rows together with COLUMNS: if what rows gives changes, "
            "change COLUMNS to match.") in prompts[0]
    assert "the complete new version of rows (and of COLUMNS if it changes)" in prompts[0]
    assert '+COLUMNS = ["date", "route", "style", "notes"]' in diffs[0]
    assert "Changed rows, COLUMNS in export.py." in answers[0]  # the summary names the constant too
    # to_csv no longer writes the header: nothing goes with rows, and the prompt says nothing
    assert "together with" not in prompts[1] and "(and of COLUMNS" not in prompts[1]
