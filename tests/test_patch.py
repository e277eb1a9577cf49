"""The patch builder: every diff must apply with `git apply` and give exactly the new text."""

from __future__ import annotations

import pytest

from dcx.errors import PatchError
from dcx.guards import destructive_reason, removed_definitions_reason
from dcx.patch import FileChange, build_patch, split_lines, validate
from tests.conftest import git

CASES = {
    "middle line": ("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n"),
    "no trailing newline, last line changed": ("one\ntwo\nthree", "one\ntwo\nTHREE"),
    "trailing newline removed": ("one\ntwo\n", "one\ntwo"),
    "trailing newline added": ("one\ntwo", "one\ntwo\n"),
    "crlf": ("x = 1\r\ny = 2\r\nz = 3\r\n", "x = 1\r\ny = 20\r\nz = 3\r\n"),
    "delete first lines": ("1\n2\n3\n4\n5\n6\n7\n8\n", "4\n5\n6\n7\n8\n"),
    "delete last lines": ("1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\n5\n"),
    "insert at start": ("b\nc\n", "a\nb\nc\n"),
    "non-ascii": ("naïve = 'café'\nπ = 3.14\n", "naïve = 'café au lait'\nπ = 3.14159\n"),
    "two hunks": (
        "".join(f"line {i}\n" for i in range(40)),
        "".join(f"line {i}\n" if i not in (2, 35) else f"changed {i}\n" for i in range(40)),
    ),
    "form feed kept in a line": ("a\x0cb\nc\n", "a\x0cb\nC\n"),
    "emptied file": ("only line\n", ""),
}


@pytest.mark.parametrize("name", list(CASES))
def test_round_trip_with_git_apply(name: str, make_repo) -> None:
    old, new = CASES[name]
    repo = make_repo({"f.txt": old.encode("utf-8")})
    diff = build_patch([FileChange("f.txt", old, new)])
    assert diff.startswith("diff --git a/f.txt b/f.txt\n--- a/f.txt\n+++ b/f.txt\n")
    git(repo, "apply", "--check", "-", input=diff)
    git(repo, "apply", "-", input=diff)
    assert (repo / "f.txt").read_bytes() == new.encode("utf-8")


def test_new_file_uses_dev_null_and_applies(make_repo) -> None:
    repo = make_repo({"README.md": "hi\n"})
    diff = build_patch([FileChange("pkg/new_module.py", None, "def f():\n    return 1\n")])
    assert "--- /dev/null\n+++ b/pkg/new_module.py\n" in diff
    assert "new file mode 100644\n" in diff
    git(repo, "apply", "-", input=diff)
    assert (repo / "pkg/new_module.py").read_text() == "def f():\n    return 1\n"


def test_several_files_in_one_patch(make_repo) -> None:
    repo = make_repo({"a.py": "x = 1\n", "b.py": "y = 2\n"})
    diff = build_patch([FileChange("a.py", "x = 1\n", "x = 10\n"), FileChange("b.py", "y = 2\n", "y = 20\n")])
    git(repo, "apply", "-", input=diff)
    assert (repo / "a.py").read_text() == "x = 10\n"
    assert (repo / "b.py").read_text() == "y = 20\n"


def test_unchanged_file_gives_empty_diff() -> None:
    assert build_patch([FileChange("a.py", "x\n", "x\n")]) == ""


def test_split_lines_splits_on_newline_only() -> None:
    assert split_lines("a\x0bb\r\nc\u2028d") == ["a\x0bb\r\n", "c\u2028d"]
    assert split_lines("") == []


def test_validate_rejects_a_miscounted_diff() -> None:
    change = FileChange("a.py", "x = 1\n", "x = 2\n")
    good = build_patch([change])
    with pytest.raises(PatchError):
        validate(good.replace("+x = 2\n", "+x = 2\n+y = 3\n").replace("@@ -1 +1 @@", "@@ -1 +1,2 @@"), [change])


def test_destructive_reason_flags_gutted_file() -> None:
    old = "".join(f"line {i}\n" for i in range(30))
    assert destructive_reason(old, "line 0\n") is not None
    assert destructive_reason(old, old.replace("line 3", "LINE 3")) is None
    assert destructive_reason("a\nb\n", "") is None  # tiny files are not guarded


def test_deleting_a_definition_the_request_does_not_name_is_refused() -> None:
    old = "function a() {\n  return 1;\n}\n\nfunction helper() {\n  return 2;\n}\n"
    new = "function a() {\n  return 3;\n}\n"
    assert removed_definitions_reason("x.js", old, new, "a() must return 3") == (
        "the change would delete helper, which the request does not mention; dcx refuses edits "
        "that delete code the request did not touch")
    assert removed_definitions_reason("x.js", old, new, "drop helper(), a() returns 3") is None
    assert removed_definitions_reason("x.js", old, old.replace("1", "5"), "a() returns 5") is None
    local = "function a(s) {\n  const parts = s.split(' ');\n  return parts;\n}\n"
    assert removed_definitions_reason("x.js", local, local.replace("parts", "words"), "a()") is None
    py = "class Stack:\n    def push(self, x):\n        pass\n\n    def pop(self):\n        pass\n"
    assert "Stack.pop" in removed_definitions_reason("s.py", py, py.split("\n\n")[0] + "\n", "push")
    renamed = py.replace("def pop", "def take")
    assert removed_definitions_reason("s.py", py, renamed, "Rename Stack.pop to take") is None
