"""Calls that a project function's parameters do not accept: more positional arguments than it
takes, a keyword it has no parameter for (no ``*args`` / ``**kwargs`` to take them), or a required
one left out; a class called runs its own ``__init__``, or the one ``@dataclass`` writes from its
fields. A reply
that passes a new argument on to a function it did not change makes code that fails when run;
dcx follows such a call up by changing the function (dcx.followups), and refuses a whole change
that still has one (dcx.static_check)."""

from __future__ import annotations

import ast
import functools
import textwrap
from dataclasses import dataclass
from typing import Mapping

from dcx import callgraph
from dcx.syntax import parsed_module, too_deep
from dcx.targets import python_symbols

Key = tuple[str, str]


@dataclass(frozen=True, order=True)
class Misfit:
    path: str  # the file of the calling definition
    caller: str  # the calling definition, qualified
    line: int  # 1-based line of the calling definition
    call: str  # the call, as written
    callee: Key  # the function called


def _misfit_call(source: str, callee: Key, texts: Mapping[str, str],
                graph: callgraph.CallGraph) -> str | None:
    """The first call to ``callee`` (a top-level function, or a top-level class whose own
    ``__init__`` it runs) in ``source`` (a definition's text) that its parameters do not
    accept: too many arguments, a keyword it lacks, a required one missing. As written; None
    when all fit or dcx cannot tell."""
    definition = graph.definitions.get(callee)
    if definition is None or "." in callee[1] or definition.kind not in ("function", "class"):
        return None
    node = _function_node(texts.get(callee[0], ""), callee[1])
    if node is None:
        return None
    tree = _parsed(textwrap.dedent(source))
    if tree is None:
        return None
    args = node.args
    skip = 1 if definition.kind == "class" else 0  # __init__'s self
    positional = [a.arg for a in args.posonlyargs + args.args][skip:]
    keywords = {a.arg for a in args.args + args.kwonlyargs}
    required = {a.arg for a in parameters(args)[0][skip:]}
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call) or _called_name(call) != callee[1]:
            continue
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            continue  # f(*xs) / f(**kw): cannot tell
        given = set(positional[: len(call.args)]) | {k.arg for k in call.keywords}
        too_many = args.vararg is None and len(call.args) > len(positional)
        unknown = args.kwarg is None and any(k.arg not in keywords for k in call.keywords)
        # a call by bare name is surely this function; obj.name(...) may be another's method
        missing = isinstance(call.func, ast.Name) and bool(required - given)
        if (too_many or unknown or missing) and not too_deep(call):  # ast.unparse recurses
            return ast.unparse(call)
    return None


def misfits(texts: Mapping[str, str]) -> list[Misfit]:
    """Every call in ``texts`` (the project's Python sources) whose callee does not accept it,
    in order of file, caller and callee."""
    graph = callgraph.build(texts)
    found = []
    for path, text in texts.items():
        lines = text.splitlines(keepends=True)
        for symbol in python_symbols(text):
            source = "".join(lines[symbol.start:symbol.end])
            for callee in sorted(graph.callees((path, symbol.name))):
                call = _misfit_call(source, callee, texts, graph)
                if call is not None:
                    found.append(Misfit(path, symbol.name, symbol.start + 1, call, callee))
    return sorted(found)


def parameters(args: ast.arguments) -> tuple[list[ast.arg], list[ast.arg]]:
    """(required, optional) parameters of a function: positional ones first, then keyword-only;
    ``*args`` and ``**kwargs`` are neither."""
    positional = args.posonlyargs + args.args
    cut = len(positional) - len(args.defaults)
    keyword = list(zip(args.kwonlyargs, args.kw_defaults, strict=True))
    return (positional[:cut] + [a for a, d in keyword if d is None],
            positional[cut:] + [a for a, d in keyword if d is not None])


@functools.lru_cache(maxsize=512)
def _parsed(text: str) -> ast.Module | None:
    """``text`` parsed once: every call of a file's functions looks its callee's file up again.
    The trees are only read."""
    return parsed_module(text)


def _called_name(call: ast.Call) -> str:
    return _name(call.func)


def _name(expr: ast.expr) -> str:
    return expr.id if isinstance(expr, ast.Name) else expr.attr if isinstance(expr, ast.Attribute) else ""


def _function_node(text: str, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The top-level function ``name``, or the ``__init__`` a call of the top-level class
    ``name`` runs (see ``constructor``)."""
    tree = _parsed(text)
    if tree is None:
        return None
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            return node
        if isinstance(node, ast.ClassDef) and node.name == name:
            return constructor(node)
    return None


def constructor(node: ast.ClassDef) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The ``__init__`` a call of the class runs: its own, in a class without metaclass or
    ``__new__`` and without decorators other than ``@dataclass``; or, for a dataclass without
    one and without bases, the one ``@dataclass`` writes from its fields. None when dcx cannot
    tell (other decorators may take other arguments, bases may add fields)."""
    methods = {f.name: f for f in node.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    dataclass = _dataclass_options(node)
    if node.keywords or "__new__" in methods or len(node.decorator_list) > (dataclass is not None):
        return None
    init = methods.get("__init__")
    if init is not None:
        return None if not init.args.args or init.decorator_list else init
    if dataclass is None or node.bases or not dataclass.get("init", True) or dataclass.get("kw_only"):
        return None
    fields, defaults = [ast.arg("self")], []
    for statement in node.body:
        if not isinstance(statement, ast.AnnAssign) or not isinstance(statement.target, ast.Name):
            continue
        annotation = ast.unparse(statement.annotation)
        if "ClassVar" in annotation:
            continue
        if "KW_ONLY" in annotation:
            return None
        value = statement.value
        options = _field_options(value)
        if options.get("kw_only"):
            return None
        if options.get("init") is False:
            continue
        has_default = value is not None and ("default" in options or "default_factory" in options
                                             or not _is_field_call(value))
        if defaults and not has_default:
            return None  # dataclass itself refuses this class
        fields.append(ast.arg(statement.target.id))
        if has_default:
            defaults.append(value)
    written = ast.FunctionDef("__init__", ast.arguments([], fields, None, [], [], None, defaults),
                              [ast.Pass()], [], lineno=node.lineno)
    return ast.fix_missing_locations(written)


def _dataclass_options(node: ast.ClassDef) -> dict[str, object] | None:
    """The constant options of the class's ``@dataclass`` decorator (``{}`` for a bare one), or
    None when it has none."""
    for decorator in node.decorator_list:
        call = decorator if isinstance(decorator, ast.Call) else None
        target = call.func if call else decorator
        if _name(target) == "dataclass":
            return {k.arg: k.value.value for k in (call.keywords if call else [])
                    if k.arg and isinstance(k.value, ast.Constant)}
    return None


def _is_field_call(value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and _called_name(value) == "field"


def _field_options(value: ast.expr | None) -> dict[str, object]:
    """The keywords of a ``field(...)`` value (constants as themselves, anything else as True)."""
    if value is None or not _is_field_call(value):
        return {}
    return {k.arg: k.value.value if isinstance(k.value, ast.Constant) else True
            for k in value.keywords if k.arg}
