"""`dcx bench --questions FILE`: questions about the fixtures' repositories, each with the file and
the definition that answers it, asked as `dcx ask` asks them (the code model, from the ranked
definitions, citations checked); an answer is right when one of its citations names the right
file and a line inside the right definition.

A question file is a JSON list of {"repo", "question", "path", "name"}: ``repo`` is a folder of
files (relative to the current directory or to a folder above the question file), copied into a
fresh git repository for each question; ``path`` and ``name`` (qualified: ``Cart.total``) are
the answer's place.
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from dcx.answer import answer_with_code_model
from dcx.backends import Backend
from dcx.bench import scratch_repository
from dcx.citations import Citation
from dcx.errors import DcxError, InputError
from dcx.progress import Silent
from dcx.settings import Settings
from dcx.targets import symbols_of
from dcx.workspace import Workspace

FIELDS = ("repo", "question", "path", "name")


@dataclass(frozen=True)
class Question:
    repo: Path
    question: str
    path: str
    name: str


@dataclass(frozen=True)
class Graded:
    question: Question
    right: bool  # a citation names the path and a line inside the definition
    citations: tuple[Citation, ...]
    answer: str
    seconds: float
    error: str = ""

    def to_json(self) -> dict[str, object]:
        q = self.question
        return {"repo": str(q.repo), "question": q.question, "path": q.path, "name": q.name,
                "right": self.right, "citations": [c.to_json() for c in self.citations],
                "answer": self.answer, "seconds": round(self.seconds, 2), "error": self.error}


def load_questions(path: Path) -> list[Question]:
    """The questions of ``path``, each checked: its fields, its folder, its file."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the questions in {path}: {exc}") from None
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{path} must hold a JSON list of {{{', '.join(FIELDS)}}} objects")
    questions = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or any(not isinstance(entry.get(f), str) for f in FIELDS):
            raise InputError(f"question {number} of {path} needs the strings {', '.join(FIELDS)}")
        folder = _folder(entry["repo"], path)
        if not (folder / entry["path"]).is_file():
            raise InputError(f"question {number} of {path}: {entry['repo']} has no {entry['path']}")
        questions.append(Question(folder, entry["question"], entry["path"], entry["name"]))
    return questions


def _folder(repo: str, questions_file: Path) -> Path:
    for base in (Path.cwd(), *questions_file.resolve().parents):
        if (base / repo).is_dir():
            return (base / repo).resolve()
    raise InputError(f"{questions_file}: there is no folder {repo} here or above the file")


def is_right(question: Question, citations: tuple[Citation, ...]) -> bool:
    """Does a citation name the question's file and a line inside its definition?"""
    text = (question.repo / question.path).read_text(encoding="utf-8")
    places = [s for s in symbols_of(question.path, text) if s.name == question.name]
    return any(c.path == question.path and any(s.start < c.line <= s.end for s in places)
               for c in citations)


def run_questions(questions: list[Question], settings: Settings, backends: Mapping[str, Backend],
                  on_done: Callable[[int, Graded], None] = lambda index, graded: None) -> list[Graded]:
    """Ask each question in a fresh repository made from its folder; grade its citations."""
    graded = []
    for index, question in enumerate(questions, 1):
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="dcx-questions-") as scratch:
            repo = Path(scratch) / "repo"
            _copy_repo(question.repo, repo)
            try:
                outcome = answer_with_code_model(Workspace(repo), settings, backends,
                                                 question.question, (), Silent(), None)
                result = Graded(question, is_right(question, outcome.citations), outcome.citations,
                                outcome.result.answer, time.monotonic() - started)
            except DcxError as exc:
                result = Graded(question, False, (), "", time.monotonic() - started, str(exc))
        graded.append(result)
        on_done(index, result)
    return graded


def _copy_repo(folder: Path, dest: Path) -> None:
    """A scratch repository of ``folder``'s files in one commit, as a user's clone is: files
    changed since the last commit rank higher (dcx.context), so an uncommitted copy would lift
    every file alike."""
    scratch_repository(folder, dest)


def summary_table(graded: list[Graded]) -> str:
    """How many answers cite the right place, how many cite only other places or nothing, and
    the time per question."""
    total = len(graded)
    right = sum(g.right for g in graded)
    elsewhere = sum(1 for g in graded if not g.right and g.citations)
    nothing = total - right - elsewhere
    seconds = sum(g.seconds for g in graded)
    return (f"questions                 {total}\n"
            f"cite the right place      {right}/{total} ({100 * right // max(total, 1)}%)\n"
            f"cite only other places    {elsewhere}\n"
            f"cite nothing              {nothing}\n"
            f"time per question         {seconds / max(total, 1):.1f}s (total {seconds:.0f}s)\n")
