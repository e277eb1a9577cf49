"""Functions that read a record's fields one by one: a CSV row, a report line, a summary. When a
dataclass gains a field that the request names ("keep a `notes` on each ascent and put it in the
export"), such a function in another file is where the rest of the request usually lands, and
the 1.5B model, shown the dataclass, adds the field and stops."""

from __future__ import annotations

import ast
import re
import textwrap
from dataclasses import dataclass
from typing import Mapping

from dcx.context import words_of
from dcx.syntax import parsed_module
from dcx.targets import python_symbols

MIN_FIELDS_READ = 2  # fields of the record a function must read to count as its reader
MANY_FIELDS_READ = 3  # a reader of this many fields is followed up whatever its name


@dataclass(frozen=True, order=True)
class Reader:
    path: str
    name: str  # the function, qualified
    fields: tuple[str, ...]  # the record's fields it reads


def readers(texts: Mapping[str, str], fields: set[str], new: str) -> list[Reader]:
    """Functions of ``texts`` (path -> Python source) that read at least two of ``fields`` as
    attributes (``a.route``, ``self.style``) and never spell ``new``: they list the record's
    fields and do not know the new one yet. Enclosing definitions are not counted for what
    their nested functions read."""
    found = []
    for path, text in texts.items():
        lines = text.splitlines(keepends=True)
        for symbol in python_symbols(text):
            if symbol.kind != "function":
                continue
            source = "".join(lines[symbol.start:symbol.end])
            if re.search(rf"\b{re.escape(new)}\b", source):
                continue
            read = _fields_read(source, fields)
            if len(read) >= MIN_FIELDS_READ:
                found.append(Reader(path, symbol.name, read))
    return sorted(found)


def _fields_read(source: str, fields: set[str]) -> tuple[str, ...]:
    tree = parsed_module(textwrap.dedent(source))
    if tree is None:
        return ()
    if not tree.body or not isinstance(tree.body[0], (ast.FunctionDef, ast.AsyncFunctionDef)):
        return ()
    read: set[str] = set()
    stack: list[ast.AST] = list(tree.body[0].body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue  # a nested definition is a reader of its own
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and node.attr in fields:
            read.add(node.attr)
        stack.extend(ast.iter_child_nodes(node))
    return tuple(sorted(read))


def worth_following(reader: Reader, request: str) -> bool:
    """A reader the request seems to be about (its name or file shares a word with the request:
    the "export", the "summary"), or one that reads many of the fields."""
    own = words_of(reader.path.rsplit("/", 1)[-1].removesuffix(".py") + " " + reader.name)
    return len(reader.fields) >= MANY_FIELDS_READ or bool(own & words_of(request))
