"""Guards against destructive edits: dcx refuses a change that deletes most of a file, deletes
a definition the request does not mention, or takes away a parameter or a decorator that callers
rely on, unless the user allows deletions (``--allow-deletions``); and one that alters code
nobody asked to change (collateral_reason). A change to dcx's own configuration inside
`pyproject.toml` (its `[tool.dcx]` table) is refused always, as `.dcx.toml` is."""

from __future__ import annotations

import ast
import copy
import re
import tomllib
from dataclasses import dataclass
from typing import Callable

from dcx.call_fit import constructor
from dcx.config_files import dcx_table
from dcx.context import is_test_path
from dcx.listing import first_few
from dcx.localize import does_nothing, named_identifiers
from dcx.patch import split_lines
from dcx.syntax import parsed_module
from dcx.targets import (
    decorator_name,
    generic_symbols,
    language_of,
    python_definitions,
    python_symbols,
    unique_definitions,
)


def own_config_reason(path: str, old: str, new: str) -> str | None:
    """Why a change to ``path`` is refused when it alters `[tool.dcx]` in a `pyproject.toml`:
    what a model writes must not change how dcx runs (switch a safeguard off, raise a limit)."""
    if path.rsplit("/", 1)[-1].lower() != "pyproject.toml":
        return None
    try:  # as TOML reads the table; when either text does not parse, its sections as written
        same = dcx_table(tomllib.loads(old)) == dcx_table(tomllib.loads(new))
    except tomllib.TOMLDecodeError:
        same = _DCX_SECTIONS.findall(old) == _DCX_SECTIONS.findall(new)
    if same:
        return None
    return ("the change alters [tool.dcx] in pyproject.toml, dcx's own configuration, which only "
            "the user may change; leave that table as it is")


_DCX_SECTIONS = re.compile(r"(?ms)^\s*\[+\s*tool\s*\.\s*[\"']?dcx\b.*?(?=^\s*\[|\Z)")


def destructive_reason(old: str, new: str, min_lines: int = 12, keep_ratio: float = 0.5) -> str | None:
    """Why replacing ``old`` by ``new`` looks like gutting a file, or None when it does not."""
    old_count = len([line for line in split_lines(old) if line.strip()])
    new_count = len([line for line in split_lines(new) if line.strip()])
    if old_count >= min_lines and new_count < old_count * keep_ratio:
        return (
            f"the change would cut the file from {old_count} to {new_count} non-blank lines; "
            "dcx refuses edits that delete most of a file"
        )
    return None


def removed_definitions_reason(path: str, old: str, new: str, request: str) -> str | None:
    """Why ``new`` deletes code the request did not touch: functions, classes or methods of
    ``old`` that ``new`` no longer defines and that the request does not name. None otherwise."""
    before, after = _definitions(path, old), _definitions(path, new)
    words = set(re.findall(r"[A-Za-z_$][\w$]*", request))
    gone = [n for n in before - after if not any(part in words for part in n.split("."))]
    if not gone:
        return None
    names = first_few(sorted(gone), 5)
    return (f"the change would delete {names}, which the request does not mention; dcx refuses "
            "edits that delete code the request did not touch")


def _definitions(path: str, text: str) -> set[str]:
    """Names defined in ``text``: Python's functions, classes and methods; in other languages the
    blocks that start a line unindented (an indented ``const x = ...`` is a local variable)."""
    if language_of(path) == "python":
        return {s.name for s in python_symbols(text)}
    lines = split_lines(text)
    return {s.name for s in generic_symbols(text) if not lines[s.start][:1].isspace()}


def collateral_reason(path: str, old: str, new: str, allowed: set[str], request: str) -> str | None:
    """Why a Python change alters code nobody asked to change, or None. A definition outside
    ``allowed`` (qualified names; a class's name allows its methods) that the request does not
    name may gain lines but keeps its signature and every line it had; no function the request
    does not name gains a decorator; and no changed call drops a keyword argument the request
    does not mention."""
    if language_of(path) != "python":
        return None
    before, after = _bodies(old), _bodies(new)
    if before is None or after is None:
        return None
    stubs = _stubs(old)
    words = set(re.findall(r"[A-Za-z_]\w*", request))
    named = named_identifiers(request)

    def free(name: str) -> bool:
        # a stub (its body does nothing yet) is there to be written: writing it harms nothing
        return _allowed(name, allowed) or name.rsplit(".", 1)[-1] in named or name in stubs

    def may_decorate(name: str, is_class: bool) -> bool:
        # A function's decorator changes how every caller uses it (@property) or whether its
        # module imports at all (@dataclass on a method): only the request, naming the function
        # or the decorator, asks for one; being in the plan's reach (shown from another file,
        # or in a whole file the plan targets) is not enough. A class whose methods the plan
        # changes may be decorated as a whole (@total_ordering).
        if is_class:
            return free(name) or any(a.startswith(name + ".") for a in allowed)
        return name in stubs or name.rsplit(".", 1)[-1] in named

    # a test's marks are its own to change (pytest calls it, no code does)
    decorated = None if is_test_path(path) else _added_decorator(old, new, {w.lower() for w in words},
                                                                 may_decorate)
    if decorated:
        return decorated
    for name, (signature, lines, calls) in before.items():
        if name not in after or after[name][1] == lines:
            continue
        new_signature, new_lines, new_calls = after[name]
        if not free(name) and new_signature != signature:
            return f"the change alters the parameters of {name}, which the request does not ask for"
        if not free(name) and _lost(lines, new_lines):
            return (f"the change deletes lines of {name}, which the request does not ask to change "
                    f"({_lost(lines, new_lines)[0].strip()[:60]!r}); keep them")
        for function, keywords in calls.items():
            dropped = keywords - new_calls.get(function, set()) - words
            if dropped and function in new_calls:
                return (f"the change drops the keyword argument {sorted(dropped)[0]}= from the call "
                        f"to {function} in {name}; keep it unless the request asks otherwise")
    return None


def _added_decorator(old: str, new: str, words: set[str],
                     may_decorate: Callable[[str, bool], bool]) -> str | None:
    """Why the change puts a new decorator on a definition of ``old`` that ``may_decorate``
    (qualified name, is a class) does not allow, and the request does not name, or None."""
    before, after = _interfaces(old), _interfaces(new)
    if before is None or after is None:
        return None
    for name, (_, decorators, is_class) in before.items():
        added = sorted(d for d in after[name][1] - decorators if d.lower() not in words) \
            if name in after and not may_decorate(name, is_class) else []
        if added:
            return (f"the change adds the decorator @{added[0]} to {name}, which the request does "
                    "not ask to change; leave its decorators as they were")
    return None


def interface_reason(path: str, old: str, new: str, request: str) -> str | None:
    """Why a Python change takes away what callers use, or None: a parameter a function or a
    class's constructor accepted (a dataclass's field included) that it no longer accepts, or a
    decorator a definition had, neither named by the request. This holds for the definitions the
    plan targets too: a request that adds a parameter never asks to drop another (a class rewritten
    with an ``__init__`` of its own lost ``ware=`` and ``@dataclass``, and the tests with them).
    Tests are called by pytest, not by code: their parameters and marks are theirs to change."""
    if language_of(path) != "python" or is_test_path(path):
        return None
    before, after = _interfaces(old), _interfaces(new)
    if before is None or after is None:
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z_]\w*", request)}
    for name, (accepted, decorators, is_class) in before.items():
        if name not in after:
            continue  # deleting a definition is removed_definitions_reason's to judge
        new_accepted, new_decorators, _ = after[name]
        if accepted is not None and new_accepted is not None:
            dropped = sorted(p for p in accepted.names - new_accepted.names if p.lower() not in words
                             and not (new_accepted.any_keyword or new_accepted.any_positional
                                      and p in accepted.positional))
            if dropped:
                what = "the constructor of " if is_class else ""
                return (f"the change removes the parameter {dropped[0]} of {what}{name}, which "
                        f"the request does not ask for; callers may pass it")
        lost = [d for d in decorators - new_decorators if d.lower() not in words]
        swapped = any(d.lower() in words for d in new_decorators - decorators)  # @get -> @post
        if lost and not swapped:
            return (f"the change removes the decorator @{sorted(lost)[0]} of {name}, which the "
                    "request does not ask for; keep it")
    return None


@dataclass(frozen=True)
class _Accepts:
    """What calls of a function may pass: its named parameters (self or cls left out)."""

    names: frozenset[str]
    positional: frozenset[str]  # those a call may pass by position
    any_positional: bool  # *args
    any_keyword: bool  # **kwargs


Interface = tuple[_Accepts | None, set[str], bool]


def _interfaces(text: str) -> dict[str, Interface] | None:
    """Qualified name of each function and class -> (what its calls may pass, its decorators by
    the name they end in, whether it is a class); a class's calls are its constructor's (None
    when dcx cannot tell, see call_fit.constructor). A name defined twice in one body (a
    property's getter and setter, overloads) is left out: which one a call meets depends on more
    than its name."""
    tree = parsed_module(text)
    if tree is None:
        return None
    found: dict[str, Interface] = {}
    for name, node in unique_definitions(tree).items():
        # by the name a decorator ends in: @dataclass -> @dataclasses.dataclass(frozen=True)
        # and @lru_cache(32) -> @functools.lru_cache(128) keep it
        decorators = {decorator_name(d) for d in node.decorator_list}
        if isinstance(node, ast.ClassDef):
            init = constructor(node)
            found[name] = (_accepts(init.args if init else None, 1), decorators, True)
        else:  # a method's self or cls is not passed by its callers ("." only in a class body)
            method = "." in name and "staticmethod" not in decorators
            found[name] = (_accepts(node.args, int(method)), decorators, False)
    return found


def _accepts(args: ast.arguments | None, skip: int) -> _Accepts | None:
    if args is None:
        return None
    positional = [a.arg for a in args.posonlyargs + args.args][skip:]
    return _Accepts(frozenset(positional + [a.arg for a in args.kwonlyargs]), frozenset(positional),
                    args.vararg is not None, args.kwarg is not None)


def _allowed(name: str, allowed: set[str]) -> bool:
    return any(name == a or name.startswith(a + ".") for a in allowed)


def _lost(old: list[str], new: list[str]) -> list[str]:
    """Meaningful lines of ``old`` that ``new`` no longer has, as they were or extended (every
    token of the old line still there, in order: ``f(a, b)`` -> ``f(a, b, note)``)."""
    remaining = list(new)
    lost = []
    for line in old:
        if line in remaining:
            remaining.remove(line)
            continue
        extended = next((n for n in remaining if _extends(n, line)), None)
        if extended is not None:
            remaining.remove(extended)
        elif line not in ("pass", "...") and not line.startswith(("#", '"""', "'''")):
            lost.append(line)
    return lost


def _extends(new: str, old: str) -> bool:
    """``new`` is ``old`` with arguments or items added: one run of tokens inserted that starts
    with a comma (``f(a, b)`` -> ``f(a, b, note)``) or fills empty brackets (``f()`` ->
    ``f(x)``). Nothing else counts: ``if x`` -> ``if not x`` changes what the line does."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(b) <= len(a):
        return False
    prefix = 0
    while prefix < len(a) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < len(a) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    if prefix + suffix < len(a):
        return False
    inserted = b[prefix:len(b) - suffix]
    fills_brackets = prefix > 0 and a[prefix - 1] in "([{" and suffix > 0 and a[-suffix] in ")]}"
    return inserted[0] == "," or fills_brackets


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _bodies(text: str) -> dict[str, tuple[str, list[str], dict[str, set[str]]]] | None:
    """Qualified function name -> (its parameters, its stripped lines, call name -> keywords)."""
    tree = parsed_module(text)
    if tree is None:
        return None
    lines = text.splitlines()
    found = {}
    for name, node in python_definitions(tree):
        if isinstance(node, ast.ClassDef):
            continue
        calls: dict[str, set[str]] = {}
        for call in ast.walk(node):
            if isinstance(call, ast.Call):
                calls.setdefault(ast.unparse(call.func), set()).update(k.arg for k in call.keywords if k.arg)
        source = [line.strip() for line in lines[node.body[0].lineno - 1: node.end_lineno] if line.strip()]
        found[name] = (_parameters(node.args), source, calls)
    return found


def _parameters(args: ast.arguments) -> str:
    """A function's parameters without their annotations: names, kinds and defaults are what
    callers depend on; a type hint added to a parameter changes no call."""
    bare = copy.deepcopy(args)
    for arg in bare.posonlyargs + bare.args + bare.kwonlyargs + [a for a in (bare.vararg, bare.kwarg) if a]:
        arg.annotation = None
    return ast.unparse(bare)


def _stubs(text: str) -> set[str]:
    """Qualified names of the functions whose body does nothing yet: a docstring, ``pass``,
    ``...`` or ``raise NotImplementedError`` only."""
    tree = parsed_module(text)
    return set() if tree is None else {name for name, node in python_definitions(tree)
                                       if not isinstance(node, ast.ClassDef) and does_nothing(node)}
