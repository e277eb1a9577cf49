"""Problems a change brings into the code, found without running it: Python that does not
compile, pyflakes' undefined names, redefinitions and unused new imports, imports of names a
project module does not define (in the changed file, and in every file importing from it),
a ``from M import name`` that runs while M is half-loaded (an import cycle, dcx.import_order),
attributes methods read from ``self`` that nothing sets (dcx.attributes), locals a function may
read before a branch assigned them (dcx.unbound), a loop's variable read in another loop
(dcx.loop_variables), a new parameter's default that changes what existing callers get
(dcx.new_parameters), an old path changed beside a special case the change adds
(dcx.special_cases),
and, for a whole change, calls to project functions that their parameters do not accept
(dcx.call_fit; a test's call too, unless the request names the function) and project functions
it leaves used nowhere (dcx.orphans, unless the request names them); JavaScript by
``node --check`` and shell by ``bash -n`` when those programs are here.

Only problems the files did not have before count: dcx does not make a change answer for the
code it was given.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from typing import Mapping

from dcx.attributes import unset_reads
from dcx.call_fit import misfits
from dcx.context import is_test_path, words_of
from dcx.dropped_results import dropped_results
from dcx.import_order import Failure as ImportFailure
from dcx.import_order import failures as import_failures
from dcx.loop_variables import read_outside_their_loop
from dcx.new_parameters import changed_at_default
from dcx.orphans import orphans
from dcx.pyimports import module_files, pyflakes_name, resolved_module
from dcx.special_cases import changed_other_cases
from dcx.syntax import TOO_DEEP, parsed_module, too_deep, walkable_module
from dcx.targets import language_of
from dcx.unbound import possibly_unbound

CHECK_TIMEOUT_S = 20
_COUNTED = ("UndefinedName", "UndefinedLocal", "UndefinedExport", "RedefinedWhileUnused",
            "UnusedImport", "DuplicateArgument", "ReturnOutsideFunction", "YieldOutsideFunction",
            "ContinueOutsideLoop", "BreakOutsideLoop", "TooManyExpressionsInStarredAssignment")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def problems(path: str, text: str, project: Mapping[str, str]) -> list[Problem]:
    """Everything wrong with ``text`` (the file ``path``) that the checks can see; ``project``
    holds the repository's Python files (path -> text) to resolve imports."""
    language = language_of(path)
    if language == "python":
        return _python(path, text, project)
    if language == "javascript" and path.endswith((".js", ".mjs", ".cjs")):
        return _external(path, text, ("node", "--check"))
    if language == "bash":
        return _external(path, text, ("bash", "-n"))
    return []


def new_problems(changed: Mapping[str, str], before: Mapping[str, str],
                 project: Mapping[str, str], importers: bool = True, request: str = "") -> list[Problem]:
    """Problems of the changed files (path -> new text) that they did not have before (path ->
    old text; missing: a new file), statements that change for a new parameter left at its
    default or beside a new special case, project functions they leave used nowhere, and, with
    ``importers``, imports other project files now make in vain and calls they make that no
    longer fit (in tests too, unless ``request`` names the function: a request to change a
    signature changes its tests' calls)."""
    after_project = {**project, **{p: t for p, t in changed.items() if language_of(p) == "python"}}
    found: list[Problem] = []
    for path, text in changed.items():
        # code too deep to check stays a problem though it was there before: unchecked, a
        # change could bring any of the others
        old = [p for p in problems(path, before[path], project) if p.message != TOO_DEEP] \
            if path in before else []
        was_imported = _imported(before.get(path, ""))
        exports = path.rsplit("/", 1)[-1] == "__init__.py"  # a package's imports are its exports
        found += [p for p in _subtract(problems(path, text, after_project), old)
                  if not (p.message.endswith("imported but unused")
                          and (exports or p.message.split("'")[1] in was_imported))]
        found += _changed_paths(path, before.get(path), text)
    for path, text in project.items() if importers else ():
        if path in changed or language_of(path) != "python":
            continue
        old = _bad_imports(path, text, project)
        found += _subtract(_bad_imports(path, text, after_project), old)
    if importers:
        found += _new_misfits(project, after_project, request)
    found += _new_import_failures({**project, **before}, after_project, changed)
    return found + _new_orphans({**project, **before}, after_project, request)


def _new_import_failures(before: Mapping[str, str], after: Mapping[str, str],
                         changed: Mapping[str, str]) -> list[Problem]:
    """Imports that fail in an import cycle after the change and did not before; looked for only
    when a changed file's top-level imports changed."""
    if all(_top_level_imports(before.get(p, "")) == _top_level_imports(t)
           for p, t in changed.items() if language_of(p) == "python"):
        return []
    old = {(f.path, f.module, f.name) for f in import_failures(before)}
    new: dict[tuple[str, str, str], ImportFailure] = {}
    for f in sorted(import_failures(after), key=lambda f: (f.path not in changed, f)):
        if (f.path, f.module, f.name) not in old:
            new.setdefault((f.path, f.module, f.name), f)
    # one side of a cycle is enough to tell, the side the change wrote if it wrote one
    own = [f for f in new.values() if f.path in changed]
    return [Problem(f.path, f.line, (
        f"`from {f.module} import {f.name}` fails when {f.first} is imported first: {f.source} is "
        f"half-loaded then and has not defined {f.name} yet (an import cycle); "
        + (f"import {f.name} inside the function that uses it" if own else
           "import what the change imports inside the function that uses it")))
        for f in own or list(new.values())]


def _top_level_imports(text: str) -> list[str]:
    tree = parsed_module(text)
    return [ast.dump(n) for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))] if tree else []


def _changed_paths(path: str, before: str | None, after: str) -> list[Problem]:
    """Statements that no longer do what they did for the cases a change did not mean to
    touch: with a parameter it added left at its default (dcx.new_parameters), beside a
    special case it added (dcx.special_cases), or with a call's value no longer returned or
    yielded (dcx.dropped_results)."""
    if before is None or language_of(path) != "python":
        return []
    old, new = walkable_module(before), walkable_module(after)
    if old is None or new is None:  # _python reports either
        return []
    return [Problem(path, line, message)
            for line, message in changed_at_default(old, new) + changed_other_cases(old, new)
            + dropped_results(old, new)]


def _new_orphans(before: Mapping[str, str], after: Mapping[str, str], request: str) -> list[Problem]:
    """Project functions and classes the change leaves used nowhere, unless the request names
    each word of the name (then dropping it may be what was asked)."""
    asked = words_of(request)
    return [Problem(o.path, o.line, f"{o.name} is used nowhere after the change "
                                    f"({' and '.join(o.dropped_by)} used it before); keep using it: "
                                    "the request does not ask to drop it")
            for o in orphans(before, after) if not words_of(o.name) <= asked]


def _new_misfits(before: Mapping[str, str], after: Mapping[str, str], request: str) -> list[Problem]:
    """Calls to project functions that their parameters do not accept, new with the change. A
    test's call that stops fitting breaks a test that passed; it is the test that must change
    only when the request names the function."""
    sources = {p: t for p, t in after.items() if language_of(p) == "python"}
    old = {p: t for p, t in before.items() if p in sources}
    known = {(m.path, m.call) for m in misfits(old)}
    return [Problem(m.path, m.line, f"{m.caller} calls {m.call}, which its parameters do not accept")
            for m in misfits(sources) if (m.path, m.call) not in known
            and not (is_test_path(m.path) and re.search(rf"\b{re.escape(m.callee[1])}\b", request))]


def _imported(text: str) -> set[str]:
    """What a Python file imports, spelled as pyflakes names it ("os", "decimal.Decimal"): an
    import the change made unused is not a problem it brings; a new unused one is."""
    tree = parsed_module(text)
    if tree is None:
        return set()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update(pyflakes_name(node, a) for a in node.names)
        if isinstance(node, ast.ImportFrom) and node.level and node.module:  # also as if absolute
            found.update(pyflakes_name(ast.ImportFrom(node.module, [a], 0), a) for a in node.names)
    return found


def _subtract(now: list[Problem], before: list[Problem]) -> list[Problem]:
    """``now`` without the problems ``before`` had (compared without line numbers)."""
    left = Counter(p.message for p in before)
    out = []
    for problem in now:
        if left[problem.message] > 0:
            left[problem.message] -= 1
        else:
            out.append(problem)
    return out


def _python(path: str, text: str, project: Mapping[str, str]) -> list[Problem]:
    try:
        tree = ast.parse(text, filename=path)
        compile(tree, path, "exec")
    except SyntaxError as exc:
        return [Problem(path, exc.lineno or 0, f"SyntaxError: {exc.msg}")]
    except ValueError as exc:
        return [Problem(path, 0, str(exc))]
    except (MemoryError, RecursionError):
        return [Problem(path, 0, TOO_DEEP)]
    if too_deep(tree):  # pyflakes and the checks below walk a tree by recursion
        return [Problem(path, 0, TOO_DEEP)]
    found = _pyflakes(path, tree) + _bad_imports(path, text, project, tree)
    found += [Problem(path, line, message) for line, message in unset_reads(tree, {**project, path: text})]
    found += [Problem(path, line, message) for line, message in possibly_unbound(tree)]
    found += [Problem(path, line, message) for line, message in read_outside_their_loop(tree)]
    return sorted(found, key=lambda p: (p.line, p.message))


def _pyflakes(path: str, tree: ast.Module) -> list[Problem]:
    try:
        from pyflakes.checker import Checker
    except ImportError:  # the check is a safety net, not a requirement to run dcx
        return []
    checker = Checker(tree, filename=path)
    return [Problem(path, m.lineno, m.message % m.message_args) for m in checker.messages
            if type(m).__name__ in _COUNTED]


def _bad_imports(path: str, text: str, project: Mapping[str, str],
                 tree: ast.Module | None = None) -> list[Problem]:
    """``from M import name`` where M is a project module that does not define ``name``."""
    if tree is None:
        tree = parsed_module(text)
        if tree is None:
            return []
    by_module = module_files(project)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        module = resolved_module(node, path)
        source = by_module.get(module)
        if source is None:
            continue
        defined = _top_level_names(project[source])
        if defined is None:
            continue
        for alias in node.names:
            submodule = f"{module}.{alias.name}" in by_module
            if alias.name != "*" and alias.name not in defined and not submodule:
                found.append(Problem(path, node.lineno,
                                     f"'{alias.name}' is imported from {module}, which does not define it"))
    return found


def _top_level_names(text: str) -> set[str] | None:
    """Names a module binds at its top level (None when it cannot be read, or binds names in
    ways dcx cannot follow: ``import *``, ``__getattr__``, ``globals()``)."""
    tree = parsed_module(text)
    if tree is None:
        return None
    if re.search(r"\b(__getattr__|globals\(\))", text):
        return None
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if any(a.name == "*" for a in node.names):
                return None
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


def _external(path: str, text: str, command: tuple[str, ...]) -> list[Problem]:
    """A syntax check by an outside program on a copy of the text; nothing when it is missing."""
    if shutil.which(command[0]) is None:
        return []
    suffix = os.path.splitext(path)[1]
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False, encoding="utf-8") as fh:
        fh.write(text)
    try:
        done = subprocess.run([*command, fh.name], capture_output=True, timeout=CHECK_TIMEOUT_S,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return []
    finally:
        os.unlink(fh.name)
    if done.returncode == 0:
        return []
    output = done.stderr.decode("utf-8", "replace").replace(fh.name, path)
    match = re.search(rf"{re.escape(path)}:(\d+)", output)
    first = next((line for line in output.splitlines() if "rror" in line), output.strip()[:200])
    return [Problem(path, int(match.group(1)) if match else 0, first.strip())]
