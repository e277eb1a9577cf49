"""What a chat line asks for. A line starting with "/" is a command, read by dcx itself; any
other line goes to the router, which answers under a JSON-schema grammar whether it is a
question, a change or a command. A small router often says "question" of a plain bug report, so
a line whose form settles it wins over the router: a question mark (not after "can you ...") makes
a question; a line without one that asks ("must", "should", "fix", "also ...") makes a change.
A reply that cannot be read falls back to the line's form too."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from dcx import prompts
from dcx.backends import Backend, ChatRequest
from dcx.usage import Usage

INTENT_MAX_TOKENS = 40
KINDS = ("question", "change", "command")
_QUESTION = re.compile(r"^\s*(what|where|which|who|whom|whose|why|how|when|is|are|does|do|did|"
                       r"can|could|should|would|will|explain|describe|show me where|tell me)\b", re.I)
_REQUEST = re.compile(r"^\s*(please\b|(can|could|would|will) (you|we)\b)", re.I)
_CHANGE = re.compile(r"^\s*(fix|add|make|rename|remove|delete|change|reject|accept|support|"
                     r"implement|refactor|replace|use|return|raise|handle|allow|update|move|also|"
                     r"and also|let|keep|drop|round|sort|skip|ignore)\b|\b(must|should|needs? to|"
                     r"has to|have to|instead of|is wrong|are wrong|is broken|crashes|fails)\b", re.I)


@dataclass(frozen=True)
class Intent:
    kind: str  # "question", "change" or "command"
    line: str  # what the user typed
    command: str = ""  # a command's name: "apply", "undo", "diff", "test", ... (as typed)
    argument: str = ""  # what follows a command's name (/test CMD)
    by: str = "dcx"  # who decided: "dcx" (a slash command, or the fallback) or "router"


def slash_command(line: str) -> Intent | None:
    """``/name argument`` as a command (an unknown name too: the chat says it is unknown)."""
    text = line.strip()
    if not text.startswith("/"):
        return None
    name, _, argument = text[1:].partition(" ")
    return Intent("command", line, name.strip().lower(), argument.strip())


def by_form(line: str) -> Intent:
    """The fallback: a question when the line reads as one, else a change."""
    question = line.strip().endswith("?") or bool(_QUESTION.match(line))
    return Intent("question" if question else "change", line)


def settled_by_form(line: str) -> str | None:
    """"question" or "change" when the line's form settles it, else None (the router decides)."""
    asks = line.strip().endswith("?")
    if asks and not _REQUEST.match(line):
        return "question"
    if not asks and _CHANGE.search(line) and not _QUESTION.match(line):
        return "change"
    return None


def route(line: str, router: Backend, usage: Usage, last_turn: str = "") -> Intent:
    """The intent of ``line``: a slash command as typed, else the router's decision."""
    command = slash_command(line)
    if command is not None:
        return command
    completion = router.chat(ChatRequest(
        ({"role": "system", "content": prompts.INTENT_SYSTEM},
         {"role": "user", "content": prompts.intent_request(line, last_turn)}),
        INTENT_MAX_TOKENS, json_schema=prompts.INTENT_SCHEMA))
    usage.count("router", completion)
    try:
        reply = json.loads(completion.text)
        kind, name = str(reply["intent"]), str(reply.get("command", "none"))
    except (ValueError, KeyError, TypeError):
        return by_form(line)
    if kind not in KINDS or (kind == "command" and name in ("", "none")):
        return by_form(line)
    settled = settled_by_form(line)
    if settled is not None and kind != settled:
        return Intent(settled, line)  # the form of the line wins over a small router
    return Intent(kind, line, name if kind == "command" else "", "", "router")
