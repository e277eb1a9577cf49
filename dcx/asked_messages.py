"""Error messages the request asks for, and a reply that raises one of its own instead.

Asked for `ValueError("no dose of meloxicam listed for species 'rabbit'")`, a small model wrote
`raise ValueError(f"we do not treat {species!r}")`: the right place, a message nobody asked
for, and the request's own message nowhere. The request spelled out the message, so this is
a fact a check can state: a raise the reply adds whose message fits none of the messages the
request asks for (nor any other text it quotes), while one of those is still raised nowhere in
the project, is a problem the model is told about. A message fits a raise when the raise's
string, its ``{...}`` fields standing for any text, reads as the message. A raise whose message
is not a string dcx can read (a variable, ``%``-formatting) is left alone."""

from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass
from typing import Iterator, Mapping

from dcx.syntax import parsed, parsed_module
from dcx.targets import language_of

# `ValueError("...")`, `raise KeyError('...')`: an exception written as it should be raised
_CALLED = re.compile(r"\b([A-Z]\w*(?:Error|Exception|Warning))\(\s*f?(\"|')(.+?)\2\s*\)")
_TICKED = re.compile(r"`([^`\n]+)`")
_EXCEPTION = re.compile(r"\b[A-Z]\w*(?:Error|Exception|Warning)\b")
_CAMEL = re.compile(r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+")  # `SoldOut`; not `Hamlet`
_MESSAGE_WORD = re.compile(r"\bmessages?\b", re.I)
# a sentence ends at a full stop before a capital, or at a line break: the items of a list
# ("Raise ValueError with exactly these messages:" and a page of cases) are not one sentence
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(])|\n")


@dataclass(frozen=True)
class Asked:
    exception: str  # "" when the request names none
    message: str

    def __str__(self) -> str:
        return f'{self.exception}("{self.message}")' if self.exception else f'"{self.message}"'


@dataclass(frozen=True)
class Raised:
    exception: str
    pattern: re.Pattern[str]  # the message, its fields standing for any text
    source: str

    def fits(self, asked: Asked) -> bool:
        """The raise gives the message (of the exception, when the request names one)."""
        return (asked.exception in ("", self.exception)
                and bool(self.pattern.fullmatch(asked.message)))


def asked_messages(request: str) -> tuple[Asked, ...]:
    """The messages the request writes out for an exception, in order, without repeats: an
    exception written as a call (`ValueError("unknown drug 'asprin'")`), or a quoted text after
    the word "message" in one sentence ("raise `SoldOut` with the message `no seats left`"),
    with the exception named before it in that sentence ("" when none is). Only texts with a
    space in them (a key such as 'rabbit' is no message) and without "..." (an example cut
    short is no message to match)."""
    found = [Asked(m.group(1), m.group(3)) for m in _CALLED.finditer(request)]
    ticked = _TICKED.findall(request)
    numbers = itertools.count()
    masked = _TICKED.sub(lambda m: f"\x00{next(numbers)}\x00", request)
    for sentence in _SENTENCE_END.split(masked):
        word = _MESSAGE_WORD.search(sentence)
        if word is None:
            continue
        exception, at = "", 0
        for part in re.split(r"(\x00\d+\x00)", sentence):
            at += len(part)
            if not part.startswith("\x00"):
                names = _EXCEPTION.findall(part)
                exception = names[-1] if names else exception
                continue
            quoted = ticked[int(part.strip("\x00"))]
            if _EXCEPTION.fullmatch(quoted) or _CAMEL.fullmatch(quoted):
                exception = quoted
            elif at > word.end() and not _is_code(quoted):
                found.append(Asked(exception, _unquoted(quoted)))
    return tuple(dict.fromkeys(a for a in found if " " in a.message and "..." not in a.message
                               and "\u2026" not in a.message))


def _unquoted(text: str) -> str:
    """`"letters not permitted"` is the message letters not permitted."""
    if len(text) > 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _is_code(text: str) -> bool:
    """Python code, not a message: `parse_cron("61 * * * *")`, `ValueError("...")` (taken as a
    call above)."""
    tree = parsed(text, mode="eval")  # a quoted string is a message:
    return isinstance(tree, ast.Expression) and not isinstance(tree.body, (ast.Name, ast.Constant))


def invented_message_reason(changed: Mapping[str, str], before: Mapping[str, str],
                            project: Mapping[str, str], request: str) -> str | None:
    """A problem for the code model when the reply raises a message of its own while a message
    the request asks for is raised nowhere, else None. ``project`` is every Python file as it
    was; ``changed`` the reply's files; ``before`` what they held."""
    asked = asked_messages(request)
    if not asked:
        return None
    after = {**project, **changed}
    everywhere = [r for path, text in after.items() if language_of(path) == "python"
                  for r in raises(text)]
    missing = [a for a in asked if not any(r.fits(a) for r in everywhere)]
    if not missing:
        return None
    # a raise is the model's own only when its message is none of what the request quotes: a
    # page of instructions lists more messages than the sentences that say "message" do
    quoted = [a.message for a in asked] + [_unquoted(q) for q in _TICKED.findall(request)] \
        + re.findall(r'"([^"\n]+)"', request)
    for path, text in changed.items():
        if language_of(path) != "python":
            continue
        old = {r.source for r in raises(before.get(path, ""))}
        for raised in raises(text):
            if raised.source in old or any(raised.pattern.fullmatch(q) for q in quoted):
                continue
            wanted = "; ".join(str(a) for a in missing)
            return (f"the new `raise {raised.source}` gives a message the request does not ask "
                    f"for, and the request's {wanted} is raised nowhere: raise the request's "
                    "message, with the values of the case filled in")
    return None


def raises(text: str) -> Iterator[Raised]:
    """Each `raise Name(<string>)` of the text whose message dcx can read."""
    tree = parsed_module(text)
    if tree is None:
        return
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        func = node.exc.func
        name = (func.id if isinstance(func, ast.Name)
                else func.attr if isinstance(func, ast.Attribute) else None)
        pattern = _pattern(node.exc.args[0])
        if name is not None and pattern is not None:
            yield Raised(name, pattern, ast.get_source_segment(text, node.exc) or name)


def _pattern(node: ast.expr) -> re.Pattern[str] | None:
    """A string constant or an f-string as a pattern (fields match any text); else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.compile(re.escape(node.value), re.S)
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                parts.append(re.escape(value.value))
            else:
                parts.append(".*?")  # a field may be empty
        return re.compile("".join(parts), re.S)
    return None
