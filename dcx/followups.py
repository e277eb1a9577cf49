"""Edits that follow from an edit: after a top-level Python definition is renamed or removed while
other files still use it, those files are edited next (dcx renames an imported name itself and
asks the code model to update any other use); after a function's required parameters change,
each caller is updated to match; after an edit calls a project function in a way its signature
does not accept (a new argument passed on), that function is edited next to accept it; after a
function or dataclass gains an optional parameter or field the request names, each caller is
edited next to pass it on as the request asks, and each function that reads the dataclass's
other fields one by one is edited next to handle the new one (dcx.readers)."""

from __future__ import annotations

import ast
import re

from dcx import callgraph
from dcx.call_fit import constructor, misfits, parameters
from dcx.context import is_test_path
from dcx.errors import PathError
from dcx.localize import stubs_in
from dcx.readers import readers, worth_following
from dcx.rename import imports_name, uses_name
from dcx.session import Session
from dcx.syntax import parsed_module
from dcx.targets import language_of, python_definitions, python_symbols
from dcx.tools import ToolCall


def followup_call(session: Session) -> ToolCall | None:
    """The next file to update after a rename or removal, or None when none is left."""
    for old_name, new_name, path in removed_names(session):
        for user in users_of(session, old_name, path):
            key = (user, old_name)
            if key in session.followed_up:
                continue
            session.followed_up.add(key)
            if new_name and imports_name(session.current(user) or "", user, path, old_name):
                return ToolCall("update_references", {"path": user, "module": path,
                                                      "old": old_name, "new": new_name})
            what = f"renamed to {new_name}" if new_name else "removed"
            return ToolCall("generate_code", {
                "path": user, "target": "file",
                "instructions": f"{old_name} in {path} was {what}; update every use of "
                                f"{old_name} in {user} to match."})
    return None


def removed_names(session: Session) -> list[tuple[str, str | None, str]]:
    """Top-level Python definitions the session removed: (old name, new name or None, file)."""
    out = []
    for path, orig in session.originals.items():
        if orig is None or language_of(path) != "python":
            continue
        before = {s.name for s in python_symbols(orig.text) if "." not in s.name}
        after = {s.name for s in python_symbols(session.files[path]) if "." not in s.name}
        gone, added = sorted(before - after), sorted(after - before)
        for name in gone:
            out.append((name, added[0] if len(gone) == 1 and len(added) == 1 else None, path))
    return out


def users_of(session: Session, name: str, module_path: str) -> list[str]:
    """Python files (as edited so far) that still use ``name`` without defining it."""
    users = []
    for path in session.workspace.files:
        if language_of(path) != "python":
            continue
        try:
            text = session.files.get(path) or session.workspace.read(path).text
        except PathError:
            continue
        if uses_name(text, name, path, module_path):
            users.append(path)
    return users


def signature_call(session: Session) -> ToolCall | None:
    """After a function's required parameters changed (one added without a default, one
    removed or renamed), the next caller that still calls it the old way, or None."""
    texts = {p: t for p, t in _python_sources(session).items()}
    graph = callgraph.build(texts)
    for path, name, old, new in changed_signatures(session):
        for caller in sorted(graph.callers((path, name))):
            key = (f"{caller[0]}:{caller[1]}", name)
            if key in session.followed_up or _edited(session, caller):
                continue
            session.followed_up.add(key)
            return ToolCall("generate_code", {
                "path": caller[0], "target": caller[1],
                "instructions": f"The signature of {name} in {path} changed from ({old}) to "
                                f"({new}); update the call to {name} in {caller[1]} to match."})
    return None


def callee_call(session: Session) -> ToolCall | None:
    """After an edited definition calls a project function with an argument it does not take
    (``format_price(cents, symbol)`` while ``format_price(cents)``), that function, to accept
    it; None when every call fits. The 1.5B model often writes only the caller of a two-file
    request."""
    for misfit in misfits(_python_sources(session)):
        callee = misfit.callee
        key = (f"{callee[0]}:{callee[1]}", "accepts")
        if misfit.path not in session.originals or not _edited(session, (misfit.path, misfit.caller)) \
                or key in session.followed_up or _edited(session, callee):
            continue
        session.followed_up.add(key)
        return ToolCall("generate_code", {
            "path": callee[0], "target": callee[1],
            "instructions": f"{misfit.caller} in {misfit.path} now calls `{misfit.call}`, which "
                            f"{callee[1]} does not accept yet; change {callee[1]} so that it "
                            "takes that argument and uses it as the request says."})
    return None


MAX_OPTION_CALLERS = 3  # callers asked to pass a new option on, per session


def option_call(session: Session) -> ToolCall | None:
    """After a function gained an optional parameter (or a dataclass a field) that the request
    names (``skip_rows``, ``note``), the next caller that does not pass it yet, callers in other
    files first; None when none is left. A new option is usually asked for end to end: the
    command-line tool passes ``--skip-rows`` to ``import_csv``, the parser fills ``note`` in."""
    request = session.request.instruction
    asked = [(path, name, added) for path, name, added in gained_options(session)
             if any(_spelled(p, request) for p in added)]
    if not asked or sum(1 for k in session.followed_up if k[1] == "option") >= MAX_OPTION_CALLERS:
        return None
    texts = _python_sources(session)
    graph = callgraph.build(texts)
    for path, name, added in asked:
        callers = sorted(graph.callers((path, name)), key=lambda c: (c[0] == path, c))
        for caller in callers:
            key = (f"{caller[0]}:{caller[1]}", "option")
            if key in session.followed_up or _edited(session, caller) or is_test_path(caller[0]) \
                    or caller[1] == name or caller[1].startswith(name + ".") \
                    or any(re.search(rf"\b{re.escape(p)}\b", _source(texts[caller[0]], caller[1]) or "")
                           for p in added):  # it passes (or reads) the option already
                continue
            session.followed_up.add(key)
            names = ", ".join(f"`{p}`" for p in added)
            return ToolCall("generate_code", {
                "path": caller[0], "target": caller[1],
                "instructions": f"{request}\n\n{name} in {path} now takes {names}. Change {caller[1]} "
                                f"so that it passes {names} on where the request asks for it; if the "
                                f"request asks nothing of {caller[1]}, leave it as it is."})
    return None


MAX_READERS = 2  # functions asked to handle a new field, per session


def reader_call(session: Session) -> ToolCall | None:
    """After a dataclass gained a field that the request names, the next function that reads the
    dataclass's other fields one by one (a CSV row, a report line) and does not know the new one,
    other files first; None when none is left. "Keep a note on each ascent and put it in the
    export": the model adds the field, and the export is where the rest of the request lands."""
    request = session.request.instruction
    if sum(1 for k in session.followed_up if k[1] == "reader") >= MAX_READERS:
        return None
    texts = _python_sources(session)
    for path, name, added in gained_options(session):
        orig = session.originals[path]
        if orig is None or name not in _class_names(session.files[path]):
            continue
        fields = set(_optional(orig.text).get(name, ()))
        for new in (f for f in added if _spelled(f, request)):
            found = [r for r in readers(texts, fields, new) if worth_following(r, request)]
            for reader in sorted(found, key=lambda r: (r.path == path, -len(r.fields), r)):
                key = (f"{reader.path}:{reader.name}", "reader")
                if key in session.followed_up or _edited(session, (reader.path, reader.name)):
                    continue
                session.followed_up.add(key)
                return ToolCall("generate_code", {
                    "path": reader.path, "target": reader.name,
                    "instructions": f"{request}\n\n{name} in {path} now has the field `{new}`. "
                                    f"{reader.name} reads its other fields ({', '.join(reader.fields)}) "
                                    f"and not `{new}` yet: change {reader.name} so that it handles "
                                    f"`{new}` as the request asks; if the request asks nothing of "
                                    f"{reader.name}, leave it as it is."})
    return None


def _spelled(name: str, request: str) -> bool:
    """Does the request spell ``name`` as a word of its own (a hyphen joins words here)?"""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", request) is not None


def gained_options(session: Session) -> list[tuple[str, str, tuple[str, ...]]]:
    """(file, function or dataclass, the optional parameters or fields it gained) of this
    session's Python changes."""
    out = []
    for path, orig in session.originals.items():
        if orig is None or language_of(path) != "python":
            continue
        before = _optional(orig.text)
        after = _optional(session.files[path])
        for name, params in after.items():
            if name in before:
                added = tuple(p for p in params if p not in before[name])
                if added:
                    out.append((path, name, added))
    return out


def _optional(text: str) -> dict[str, tuple[str, ...]]:
    """Qualified name -> its parameters with defaults (a function) or fields (a dataclass)."""
    tree = parsed_module(text)
    if tree is None:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for name, node in python_definitions(tree):
        if not isinstance(node, ast.ClassDef):
            found[name] = tuple(a.arg for a in parameters(node.args)[1])
        elif any("dataclass" in ast.unparse(d) for d in node.decorator_list):
            found[name] = tuple(n.target.id for n in node.body if isinstance(n, ast.AnnAssign)
                                and isinstance(n.target, ast.Name))
    return found


def changed_signatures(session: Session) -> list[tuple[str, str, str, str]]:
    """(file, function, old parameters, new parameters) of each Python function this session
    changed so that a call written for the old parameters may no longer fit."""
    out = []
    for path, orig in session.originals.items():
        if orig is None or language_of(path) != "python":
            continue
        before, after = _signatures(orig.text), _signatures(session.files[path])
        for name, (old_required, old_all) in before.items():
            if name in after and after[name][0] != old_required:
                out.append((path, name, ", ".join(old_all), ", ".join(after[name][1])))
        for name, (required, every) in after.items():  # a class given an __init__ of its own
            owner = name.removesuffix(".__init__")
            if not name.endswith(".__init__") or name in before or owner not in _class_names(orig.text):
                continue
            if owner in before:  # a dataclass's fields made its __init__ before
                if before[owner][0] != required[1:]:
                    out.append((path, owner, ", ".join(before[owner][1]), ", ".join(every[1:])))
            elif len(required) > 1:
                out.append((path, owner, "as inherited", ", ".join(every[1:])))
    return out


def _class_names(text: str) -> set[str]:
    return {s.name for s in python_symbols(text) if s.kind == "class"}


def _signatures(text: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Qualified function name -> (required parameter names, every parameter as written); a
    dataclass without an ``__init__`` of its own -> the same of the one its fields make
    (without ``self``)."""
    tree = parsed_module(text)
    if tree is None:
        return {}
    found = {}
    for name, node in python_definitions(tree):
        if isinstance(node, ast.ClassDef):
            made = constructor(node)
            if made is not None and made not in node.body:  # written by @dataclass
                found[name] = (tuple(a.arg for a in parameters(made.args)[0][1:]),
                               tuple(a.arg for a in made.args.args[1:]))
        else:
            args = node.args
            found[name] = (tuple(a.arg for a in parameters(args)[0]),
                           tuple(ast.unparse(a) for a in args.posonlyargs + args.args + args.kwonlyargs))
    return found


def _python_sources(session: Session) -> dict[str, str]:
    out = {}
    for path in session.workspace.files:
        if language_of(path) != "python" or is_test_path(path):
            continue
        try:
            out[path] = session.files.get(path) or session.workspace.read(path).text
        except PathError:
            continue
    return out


def _edited(session: Session, key: tuple[str, str]) -> bool:
    """Did this session already change the definition ``key``?"""
    path, name = key
    orig = session.originals.get(path)
    if orig is None or path not in session.files:
        return False
    return _source(orig.text, name) != _source(session.files[path], name)


def _source(text: str, name: str) -> str | None:
    for symbol in python_symbols(text):
        if symbol.name == name:
            return "".join(text.splitlines(keepends=True)[symbol.start:symbol.end])
    return None


def stub_call(session: Session) -> ToolCall | None:
    """After an edit of a module of stubs (several functions that do nothing yet), the next
    stub it left as it was, to be written on its own; None when none is left."""
    for path, orig in session.originals.items():
        if orig is None or language_of(path) != "python" or orig.text == session.files[path]:
            continue
        stubs = set(stubs_in(orig.text))
        if len(stubs) < 2:
            continue
        for name in stubs_in(session.files[path]):
            key = (path, f"stub:{name}")
            if name in stubs and key not in session.followed_up:
                session.followed_up.add(key)
                return ToolCall("generate_code", {
                    "path": path, "target": name,
                    "instructions": f"Write the body of {name}: it does nothing yet. Implement it "
                                    "as the request describes; keep its signature."})
    return None
