#!/usr/bin/env python3
"""Validate a folder of repository benchmark tasks.

Usage::

    python benchmarks/repo_tasks/check_tasks.py benchmarks/repo_tasks/dev [more dirs...]

For every task folder (a sub-folder holding ``task.json``) this checks:

* ``task.json`` has the required fields, a known ``kind`` and an ``id`` equal
  to the folder name; ``hidden_tests`` is declared exactly when the folder has
  a ``hidden_tests/`` directory (and always for the ``stub`` kind, whose
  instruction must be 1.5-4 KB of text);
* ``repo/`` holds ``README.md``, a ``tests/`` folder and exactly one package
  with 4-6 modules (``__init__.py`` not counted);
* ``reference.diff`` touches no test file;
* the grading rule: on a scratch git copy of ``repo/`` (+ hidden tests) the
  test command fails, and after ``git apply reference.diff`` it passes;
* the visible tests of the original repository: at least 5 pass (and, for
  ``stub`` tasks, all of them pass);
* every test session takes under 5 s (as timed by pytest itself, so that
  interpreter start-up on a busy machine does not count).

It prints one line per task and exits non-zero if any check fails.  Only the
standard library is used; tests run with ``sys.executable -m pytest``, one
task at a time.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = {
    "cause_elsewhere",
    "file_named",
    "two_file_feature",
    "class_change",
    "error_message",
    "stub",
    "plain_fix",
}
REQUIRED_FIELDS = {
    "id": str,
    "kind": str,
    "instruction": str,
    "test_command": str,
    "timeout_s": (int, float),
}
MIN_VISIBLE_PASSING = 5
STUB_INSTRUCTION_BYTES = (1500, 4000)
SLOW_SECONDS = 5.0

_SUMMARY_RE = re.compile(r"(\d+) (passed|failed|error|errors|skipped)")


def is_test_path(path: str) -> bool:
    parts = Path(path).parts
    name = parts[-1] if parts else path
    return (
        (len(parts) > 0 and parts[0] in ("tests", "test"))
        or name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
    )


def diff_paths(diff_text: str) -> list[str]:
    paths = []
    for line in diff_text.splitlines():
        if line.startswith("diff --git "):
            m = re.match(r"diff --git a/(\S+) b/(\S+)", line)
            if m:
                paths.extend({m.group(1), m.group(2)})
        elif line.startswith(("+++ ", "--- ")):
            p = line[4:].strip()
            if p != "/dev/null":
                paths.append(p[2:] if p[:2] in ("a/", "b/") else p)
    return sorted(set(paths))


# Exported by git to hooks and `git bisect run`: they would point git in a scratch copy at the
# repository this script runs in (its `init` makes that repository bare). The same list as
# dcx.gitenv.LOCATION (this script does not import dcx).
GIT_LOCATION = ("GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_OBJECT_DIRECTORY", "GIT_DIR",
                "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE", "GIT_INDEX_FILE",
                "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX",
                "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE", "GIT_COMMON_DIR")
# Nor do the copies read the user's git settings (a signing key, hooks): dcx.gitenv.NO_USER_CONFIG.
NO_USER_CONFIG = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in GIT_LOCATION}
    env.update(NO_USER_CONFIG)
    env.update(
        GIT_AUTHOR_NAME="check",
        GIT_AUTHOR_EMAIL="check@example.invalid",
        GIT_COMMITTER_NAME="check",
        GIT_COMMITTER_EMAIL="check@example.invalid",
    )
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def scratch_repo(repo: Path, dest: Path) -> None:
    shutil.copytree(
        repo, dest, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache")
    )
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "original")


def overlay(src: Path, dest: Path) -> None:
    for path in src.rglob("*"):
        if "__pycache__" in path.parts:
            continue
        target = dest / path.relative_to(src)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def run_tests(cwd: Path, command: str, timeout: float) -> tuple[int, dict, float, str]:
    """Run the test command; returns (exit code, counts, seconds, output).

    The seconds are the CPU time the test process used: wall time (even the
    session time pytest reports) grows past SLOW_SECONDS on a loaded machine,
    and the check then failed for the machine, not the task.
    """
    argv = shlex.split(command)
    if argv and argv[0] in ("python", "python3"):
        argv[0] = sys.executable
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONPATH", None)
    start = time.monotonic()
    used = _children_cpu()
    try:
        proc = subprocess.run(
            argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return -1, {}, time.monotonic() - start, "timeout"
    elapsed = _children_cpu() - used
    out = proc.stdout + proc.stderr
    counts: dict[str, int] = {}
    tail = out.strip().splitlines()[-1] if out.strip() else ""
    for num, word in _SUMMARY_RE.findall(tail):
        word = "error" if word == "errors" else word
        counts[word] = counts.get(word, 0) + int(num)
    return proc.returncode, counts, elapsed, out


def _children_cpu() -> float:
    """CPU seconds (user and system) of the child processes that have ended."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fmt_counts(counts: dict) -> str:
    return "/".join(f"{counts.get(k, 0)}{k[0]}" for k in ("passed", "failed", "error"))


def check_task(task_dir: Path, packages_seen: dict) -> tuple[bool, str]:
    problems: list[str] = []
    notes: list[str] = []
    try:
        meta = json.loads((task_dir / "task.json").read_text())
    except (OSError, ValueError) as exc:
        return False, f"task.json unreadable: {exc}"

    for field, typ in REQUIRED_FIELDS.items():
        if not isinstance(meta.get(field), typ):
            problems.append(f"task.json: bad or missing {field!r}")
    if problems:
        return False, "; ".join(problems)
    if meta["id"] != task_dir.name:
        problems.append(f"id {meta['id']!r} != folder name")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", task_dir.name):
        problems.append("folder name is not snake_case")
    kind = meta["kind"]
    if kind not in KINDS:
        problems.append(f"unknown kind {kind!r}")

    hidden_dir = task_dir / "hidden_tests"
    hidden_decl = meta.get("hidden_tests")
    if hidden_decl is not None:
        hidden_dir = task_dir / hidden_decl
        if not hidden_dir.is_dir():
            problems.append(f"hidden_tests folder {hidden_decl!r} missing")
    elif hidden_dir.exists():
        problems.append("hidden_tests/ exists but task.json does not declare it")
    has_hidden = hidden_decl is not None and hidden_dir.is_dir()
    if kind == "stub":
        if not has_hidden:
            problems.append("stub task without hidden tests")
        size = len(meta["instruction"].encode())
        lo, hi = STUB_INSTRUCTION_BYTES
        if not lo <= size <= hi:
            problems.append(f"stub instruction is {size} bytes (want {lo}-{hi})")
    if has_hidden:
        for p in hidden_dir.rglob("*.py"):
            if not is_test_path(str(p.relative_to(hidden_dir))):
                problems.append(f"hidden file is not a test file: {p.name}")

    repo = task_dir / "repo"
    if not repo.is_dir():
        return False, "repo/ missing"
    if not (repo / "README.md").is_file():
        problems.append("repo/README.md missing")
    if not (repo / "tests").is_dir():
        problems.append("repo/tests/ missing")
    packages = [
        d for d in sorted(repo.iterdir())
        if d.is_dir() and (d / "__init__.py").is_file() and d.name not in ("tests", "test")
    ]
    if len(packages) != 1:
        problems.append(f"expected one package in repo/, found {[p.name for p in packages]}")
        n_modules = 0
    else:
        pkg = packages[0]
        modules = [p for p in pkg.rglob("*.py") if p.name != "__init__.py"
                   and "__pycache__" not in p.parts]
        n_modules = len(modules)
        if not 4 <= n_modules <= 6:
            problems.append(f"package {pkg.name} has {n_modules} modules (want 4-6)")
        other = packages_seen.setdefault(pkg.name, task_dir.name)
        if other != task_dir.name:
            problems.append(f"package name {pkg.name!r} also used by {other}")
    for junk in ("__pycache__", ".pytest_cache", ".git"):
        if any(repo.rglob(junk)):
            problems.append(f"repo/ contains {junk}")

    diff_file = task_dir / "reference.diff"
    if not diff_file.is_file():
        return False, "; ".join(problems + ["reference.diff missing"])
    diff_text = diff_file.read_text()
    touched = diff_paths(diff_text)
    if not touched:
        problems.append("reference.diff touches no file")
    bad = [p for p in touched if is_test_path(p)]
    if bad:
        problems.append(f"reference.diff touches test files: {bad}")

    timeout = float(meta["timeout_s"])
    command = meta["test_command"]
    with tempfile.TemporaryDirectory(prefix="task_check_") as tmp:
        tmp = Path(tmp)
        # Visible tests on the original repository.
        vis = tmp / "visible"
        scratch_repo(repo, vis)
        rc, counts, t_vis, out = run_tests(vis, command, timeout)
        visible_passed = counts.get("passed", 0)
        if visible_passed < MIN_VISIBLE_PASSING:
            problems.append(f"only {visible_passed} visible tests pass on the original")
        if kind == "stub" and rc != 0:
            problems.append("stub task: visible tests do not all pass on the original")
        if rc not in (0, 1):
            problems.append(f"visible run exited {rc} (collection/usage error?)")
        notes.append(f"visible {fmt_counts(counts)}")

        # Grading rule, before the fix.
        before = tmp / "before"
        scratch_repo(repo, before)
        if has_hidden:
            overlay(hidden_dir, before)
        rc_b, counts_b, t_b, out_b = run_tests(before, command, timeout)
        if rc_b == 0:
            problems.append("tests PASS before the reference fix")
        elif rc_b == 5:
            problems.append("no tests collected before the fix")
        elif rc_b != 1:
            notes.append(f"WARN before-run exit code {rc_b}")
        notes.append(f"before rc={rc_b} {fmt_counts(counts_b)}")

        # Grading rule, after the fix.
        after = tmp / "after"
        scratch_repo(repo, after)
        shutil.copy2(diff_file, tmp / "reference.diff")
        applied = git(after, "apply", str(tmp / "reference.diff"))
        if applied.returncode != 0:
            problems.append(f"git apply failed: {applied.stderr.strip()[:200]}")
        else:
            if has_hidden:
                overlay(hidden_dir, after)
            rc_a, counts_a, t_a, out_a = run_tests(after, command, timeout)
            if rc_a != 0:
                tail = "\n".join(out_a.strip().splitlines()[-15:])
                problems.append(f"tests FAIL after the reference fix (rc={rc_a}):\n{tail}")
            if counts_a.get("failed") or counts_a.get("error"):
                problems.append("failures reported after the fix")
            notes.append(f"after rc={rc_a} {fmt_counts(counts_a)}")
            slowest = max(t_vis, t_b, t_a)
            if slowest > SLOW_SECONDS:
                problems.append(f"a test session took {slowest:.1f}s (> {SLOW_SECONDS}s)")
            notes.append(f"max {slowest:.2f}s")

    notes.insert(0, f"{kind:<16} modules={n_modules}")
    notes.append(f"diff: {', '.join(touched)}")
    ok = not problems
    line = "  ".join(notes)
    if problems:
        line += "\n    PROBLEMS: " + "\n    ".join(problems)
    return ok, line


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    all_ok = True
    total = 0
    kinds: dict[str, int] = {}
    ids: set[str] = set()
    packages_seen: dict[str, str] = {}
    for root in argv:
        root_path = Path(root)
        tasks = sorted(p.parent for p in root_path.glob("*/task.json"))
        if not tasks:
            print(f"{root}: no tasks found")
            all_ok = False
        for task_dir in tasks:
            total += 1
            ok, line = check_task(task_dir, packages_seen)
            if task_dir.name in ids:
                ok, line = False, line + "\n    PROBLEMS: duplicate task id"
            ids.add(task_dir.name)
            try:
                kind = json.loads((task_dir / "task.json").read_text()).get("kind", "?")
            except ValueError:
                kind = "?"
            kinds[kind] = kinds.get(kind, 0) + 1
            all_ok &= ok
            print(f"{'ok  ' if ok else 'FAIL'} {task_dir.name:<30} {line}", flush=True)
    summary = ", ".join(f"{k}={v}" for k, v in sorted(kinds.items()))
    print(f"\n{total} tasks ({summary}); {'all checks passed' if all_ok else 'SOME CHECKS FAILED'}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
