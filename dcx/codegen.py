"""The code model client: prompt for one target, take the code out of the reply, splice it into
the file in memory, validate, and retry with the error a bounded number of times."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from dcx.backends.base import Backend, ChatRequest, Completion, Message
from dcx.copied_methods import without_copied_methods
from dcx.degenerate import LoopWatch
from dcx.doubt import lowest_added
from dcx.errors import CodeGenerationError
from dcx.lines import dedent, indent_of
from dcx.merge import ReplyError, merge_reply, parse_reply
from dcx.patch import dominant_ending, ending_near, split_lines
from dcx.prompts import CODE_SYSTEM, NO_VIEW, NOT_YET, View, code_prompt, not_usable
from dcx.syntax import MAX_DEPTH, TOO_DEEP, nests_too_deep
from dcx.targets import Target, generic_symbols, language_of, symbols_of

_FENCE = re.compile(r"```[\w+#.-]*[ \t]*\n(.*?)(?:```|\Z)", re.S)
_CONFLICT = re.compile(r"^(<<<<<<<|>>>>>>>|=======)( |$)", re.M)


@dataclass(frozen=True)
class CodeEdit:
    path: str
    target: str
    old_text: str | None  # None for a new file
    new_text: str
    attempts: int
    changed: bool
    others: Mapping[str, str] = field(default_factory=dict)  # related files changed: path -> text
    rewritten: bool = False  # written anew from the signature, its old body hidden
    # From a sampled reply (a retry): the lowest probability the model gave a token of the lines
    # the edit adds (dcx.doubt); None for a greedy reply, or when the engine does not say.
    doubt: float | None = None


def without_copies(code: str, files: Mapping[str, str]) -> str:
    """A Python reply that does not parse without the excerpts it copies, "..." gaps and all: the
    parts between its "..." lines that are each lines of one shown file (comments aside) are
    left out, and so are the gaps. Any other reply is returned as it is. Copied with its gaps, an
    excerpt is a syntax error, and told so, a small model copies the same excerpt again; the code
    it wrote beside the copy is what it means to change."""
    lines = code.splitlines(keepends=True)
    if not any(line.strip() == "..." for line in lines) or parse_reply(code.replace("\r\n", "\n")):
        return code  # a reply that parses (as dcx.merge reads it) is judged as it is: `...` may be a body
    shown = [{line.strip() for line in text.splitlines()} for text in files.values()]
    kept: list[str] = []
    part: list[str] = []
    for line in lines + ["...\n"]:
        if line.strip() != "...":
            part.append(line)
            continue
        own = {x.strip() for x in part if x.strip() and not x.strip().startswith("#")}
        if own and not any(own <= text for text in shown):
            kept += part
        part = []
    return "".join(kept).strip("\n")


def extract_code(reply: str, every_block: bool = False) -> str:
    """The code in a reply: its first fenced block (with ``every_block``, all its untagged or
    Python blocks joined), or the reply itself when it has none."""
    blocks = list(_FENCE.finditer(reply))
    if not blocks:
        return reply.strip("\n")
    if every_block:
        chosen = [b.group(1).strip("\n") for b in blocks
                  if b.group(0)[3:].split("\n", 1)[0].strip().lower() in ("", "python", "py", "python3")]
        if len(chosen) > 1:
            return "\n\n\n".join(chosen)
    return blocks[0].group(1).strip("\n")


def reindent(code: str, indent: str) -> str:
    """Shift ``code`` so its first non-blank line starts at ``indent``."""
    lines = code.split("\n")
    first = next((line for line in lines if line.strip()), "")
    current = indent_of(first)
    out = []
    for line in lines:
        if not line.strip():
            out.append("")
        elif line.startswith(current):
            out.append(indent + line[len(current):])
        else:
            out.append(indent + line.lstrip(" \t"))
    return "\n".join(out)


def replace_target(file_text: str, target: Target, code: str, newline: str) -> str:
    """Put ``code`` in place of the target, keeping the file's line endings and final newline."""
    lines = split_lines(file_text)
    if target.kind != "file":
        code = reindent(code, target.indent)
    replaced = "".join(lines[target.start : target.end])
    body = code.replace("\r\n", "\n").replace("\n", newline)
    if body and (replaced.endswith("\n") or target.end < len(lines) or not replaced):
        body += newline
    if target.kind == "file" and not lines:
        body = body if body.endswith(newline) else body + newline
    return "".join(lines[: target.start]) + body + "".join(lines[target.end :])


def apply_reply(path: str, files: Mapping[str, str], target: Target, code: str) -> dict[str, str]:
    """The new text of each file the reply changes (``files[path]`` is the target's file; the
    others are related files a Python reply may also change). Python replies are placed by
    definition name (see dcx.merge; ReplyError when one cannot be); anything else replaces the
    target."""
    text = files.get(path, "")
    newline = ending_near(split_lines(text), target.start, dominant_ending(text))
    if language_of(path) == "python" and text.strip():
        python_files = {p: t for p, t in files.items() if p == path or language_of(p) == "python"}
        merged = merge_reply(code, python_files, path, target)
        if merged is not None:  # {} when every definition is as it was: no change
            return merged
    if target.kind in ("block", "function", "class"):
        blocks = [b for b in generic_symbols(code) if b.name == target.name.rsplit(".", 1)[-1]]
        if blocks:  # a reply with more than the target: keep the target's own block
            code = "".join(split_lines(code)[blocks[0].start : blocks[0].end]).rstrip("\n")
    new = replace_target(text, target, code, newline)
    return {path: new} if new != text else {}


def validate(path: str, text: str) -> str | None:
    """Why ``text`` is not acceptable for ``path``, or None when it is."""
    if not text.strip():
        return "the result is empty"
    conflict = _CONFLICT.search(text)
    if conflict:
        return f"the code contains a merge-conflict marker ({conflict.group(1)})"
    language = language_of(path)
    if language == "python":
        try:
            ast.parse(text)
        except SyntaxError as exc:
            return f"SyntaxError: {exc.msg} (line {exc.lineno})"
        except ValueError as exc:  # a NUL byte
            return str(exc)
        except (MemoryError, RecursionError):
            return TOO_DEEP
    elif language == "json":
        try:
            json.loads(text)
        except ValueError as exc:
            return f"invalid JSON: {exc}"
    return None


def _refuse_unchecked(path: str, text: str) -> None:
    """A file nested deeper than dcx's checks can walk is an error before any model runs: every
    reply to it would be refused."""
    if language_of(path) == "python" and nests_too_deep(text):
        raise CodeGenerationError(
            f"{path} nests deeper than dcx can check a change to ({MAX_DEPTH} levels; a chain of "
            "hundreds of `+` does): split that expression up, or change the file by hand")


def _brace_balance(text: str) -> int:
    code = re.sub(r"(\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|`[^`]*`)", "", text)
    return code.count("{") - code.count("}") + code.count("(") - code.count(")")


CHARS_PER_TOKEN = 3.0  # code and prose, on the safe side
CONTEXT_MARGIN = 64  # tokens of the chat template around the messages
MIN_REPLY = 512  # the least room a reply is given


def _reply_lines(path: str, text: str, target: Target) -> int:
    """How many lines a reply for ``target`` may take: a small model asked for a method often
    writes its whole class, so the top-level definition around the target counts."""
    if target.kind == "file":
        return len(split_lines(text))
    around = [s for s in symbols_of(path, text) if "." not in s.name and s.start <= target.start < s.end]
    return max([target.end - target.start] + [s.end - s.start for s in around])


def estimate_text(text: str) -> int:
    return int(len(text) / CHARS_PER_TOKEN) + 1


def estimate(messages: Sequence[Message]) -> int:
    """About how many tokens ``messages`` take."""
    return sum(estimate_text(m["content"]) + 4 for m in messages)


# What is wrong with a reply's changed files (path -> new text), or None.
Review = Callable[[Mapping[str, str]], "str | None"]
# A changed file's text (path, text) mended where dcx can do it without a model.
Repair = Callable[[str, str], str]
RETRY_TEMPERATURE = 0.7  # Qwen2.5-Coder's recommended sampling, for tries after a failed one


class CodeWriter:
    """Writes one target (and, in Python, whatever else of the shown files the reply redefines).

    The first try of the first round (or of a round whose prompt is new, ``greedy``) is greedy;
    every later try (a retry after invalid or unchanged code, or a new round after failing
    tests) samples at RETRY_TEMPERATURE with a fixed seed, so a retry can differ and a run stays
    repeatable."""

    def __init__(self, backend: Backend, retries: int, on_completion: Callable[[Completion], None],
                 context_tokens: int, round_number: int = 0, greedy: bool | None = None) -> None:
        self.backend = backend
        self.context_tokens = context_tokens
        self.retries = retries
        self._on_completion = on_completion
        self._round = round_number
        self._greedy = round_number == 0 if greedy is None else greedy

    def rewrite(
        self, path: str, file_text: str | None, target: Target, instructions: str, request: str,
        related: Mapping[str, str] | None = None, hints: Sequence[tuple[str, str]] = (),
        tests: Mapping[str, str] | None = None, hidden: str | None = None, view: View = NO_VIEW,
        review: Review | None = None, repair: Repair | None = None, advice: Review | None = None,
    ) -> CodeEdit:
        """The target rewritten by the code model. ``related`` files are shown and may change
        too; ``tests`` (and ``view.reference``) are shown for reference only: definitions of
        theirs in a reply are dropped. With ``hidden`` (the file with the target function's body
        hidden, dcx.targets.hide_body) the model sees that instead, and writes the function again
        from its signature and docstring, the request and the tests. ``review`` says what is
        wrong with a reply's changed files (None: nothing); a reply with a problem is a failed
        try, and the model is told the problem. ``advice`` is weaker: what it finds in an
        acceptable reply is told to the model once, and that reply is kept in case no acceptable
        reply comes after it (a message of the model's own where the request spells one out is
        worth one more try, never worth no change at all)."""
        old = file_text or ""
        _refuse_unchecked(path, old)
        related = dict(related or {})
        tests = {p: t for p, t in (tests or {}).items() if p != path and p not in related}
        files = {path: old, **related, **view.reference, **tests}
        kept_out = set(tests) | set(view.reference)  # shown for reference: never changed

        budget = min(2048, 300 + 20 * _reply_lines(path, old, target))
        shown = self._within_context(budget, lambda r, t, v: [
            {"role": "system", "content": CODE_SYSTEM},
            {"role": "user", "content": code_prompt(path, old, target, instructions, request, r,
                                                 hints, t, "", hidden, v)}], related, tests, view)
        budget = min(budget, self.context_tokens - estimate(shown[3]) - CONTEXT_MARGIN)

        def first_messages(warning: str = "") -> list[Message]:
            return [{"role": "system", "content": CODE_SYSTEM},
                    {"role": "user", "content": code_prompt(path, old, target, instructions, request,
                                                         shown[0], hints, shown[1], warning, hidden,
                                                         shown[2])}]

        def edit(changed: Mapping[str, str], attempt: int, doubt: float | None) -> CodeEdit:
            others = {p: t for p, t in changed.items() if p != path}
            return CodeEdit(path, target.name, file_text, changed.get(path, old), attempt, bool(changed),
                            others, hidden is not None, doubt)

        messages = first_messages()
        last_problem = ""
        identical = 0  # an unchanged reply is retried once, afresh: a second one rarely differs
        advised: CodeEdit | None = None  # an acceptable reply the advice found something in
        for attempt in range(1, self.retries + 2):
            reply, changed, problem, doubt = self._try(messages, budget, attempt, path, files, target,
                                                       kept_out, review, repair)
            hint = advice(changed) if (problem is None and changed and advice is not None
                                       and advised is None and attempt <= self.retries) else None
            if hint and reply is not None and (estimate(messages) + estimate_text(reply) + 2 * budget
                                               <= self.context_tokens):  # the advice must fit
                advised = edit(changed, attempt, doubt)
                messages += [{"role": "assistant", "content": reply},
                             {"role": "user", "content": not_usable(hint, instructions)}]
                continue
            if problem is None and not changed and advised is not None:
                return advised  # told what to mend, it copied the code: the earlier reply stands
            if problem is None and not changed and attempt <= self.retries and not identical:
                # Asked again from the start, told that a copy is wrong: shown its own unchanged
                # copy in the conversation, a small model copies it once more.
                identical += 1
                messages = first_messages(NOT_YET)
                continue
            if problem is None:
                return edit(changed, attempt, doubt)
            last_problem = problem
            if reply is None or estimate(messages) + estimate_text(reply) + 2 * budget > self.context_tokens:
                # a reply that looped is not worth showing again, and a long one may not fit
                messages = first_messages(f"\nNote: {problem}.")
                continue
            messages += [{"role": "assistant", "content": reply},
                         {"role": "user", "content": not_usable(problem, instructions)}]
        if advised is not None:  # no acceptable reply after the advice: the one before it stands
            return advised
        raise CodeGenerationError(
            f"the code model gave no valid code for {target.name} in {path} after "
            f"{self.retries + 1} tries (last problem: {last_problem})"
        )

    def _within_context(self, budget: int, build: Callable[..., list[Message]],
                        related: Mapping[str, str], tests: Mapping[str, str], view: View
                        ) -> tuple[Mapping[str, str], Mapping[str, str], View, list[Message]]:
        """What the prompt can show within the model's context with room for the reply: all of
        it, or without the tests, or without the other files too. A target too large even alone
        is an error that says so."""
        for shown in ((related, tests, view), (related, {}, view), (related, {}, View(view.excerpts)),
                      ({}, {}, NO_VIEW)):
            messages = build(*shown)
            if estimate(messages) + min(budget, MIN_REPLY) + CONTEXT_MARGIN <= self.context_tokens:
                return (*shown, messages)
        raise CodeGenerationError(
            f"the request and the code to change take about {estimate(messages)} tokens, more than "
            f"the code model's context of {self.context_tokens} leaves room for; shorten the "
            "request, name a smaller target, or raise context_tokens")

    def _try(self, messages: list[Message], budget: int, attempt: int, path: str,
             files: Mapping[str, str], target: Target, kept_out: set[str],
             review: Review | None, repair: Repair | None
             ) -> tuple[str | None, dict[str, str], str | None, float | None]:
        """One reply: (its text, or None when it looped; the files it changes; its problem; how
        sure a sampled reply was of the lines it adds, dcx.doubt)."""
        greedy = self._greedy and attempt == 1
        watch = LoopWatch("\n".join(str(m["content"]) for m in messages))
        completion = self.backend.chat(ChatRequest(
            tuple(messages), budget, temperature=0.0 if greedy else RETRY_TEMPERATURE,
            seed=100 * self._round + attempt, probabilities=not greedy), watch)
        self._on_completion(completion)
        if completion.finish_reason == "stopped":
            return None, {}, (f"the last reply went into a loop ({watch.reason}); write each piece "
                              "of code once"), None
        if completion.finish_reason == "length":
            return None, {}, (f"the last reply was cut off after {budget} tokens; reply with only the "
                              "functions and methods you change, not the whole class or file"), None
        code = extract_code(completion.text, every_block=language_of(path) == "python")
        if language_of(path) == "python":
            # a reply nested too deep (a looping `+ 0 + 0 ...`), as it is or as dcx.merge may read
            # it dedented, is refused before anything walks its tree
            if nests_too_deep(code) or nests_too_deep(dedent(code)):
                return completion.text, {}, TOO_DEEP, None
            kept = without_copies(code, files)
            if kept != code and not kept.strip():  # nothing but excerpts it was shown: unchanged
                return completion.text, {}, None, None
            code = without_copied_methods(kept, files)
        try:
            changed = apply_reply(path, files, target, code)
        except ReplyError as exc:
            return completion.text, {}, str(exc), None
        changed = {p: t for p, t in changed.items() if p not in kept_out}
        if repair is not None:  # what dcx can mend itself (a forgotten import) is not a failed try
            changed = {p: repair(p, t) for p, t in changed.items()}
        problem = self._problem(files, changed)
        if problem is None and changed and review is not None:
            problem = review(changed)
        # only a usable reply's doubt is ever kept with an edit
        doubt = (lowest_added(completion.tokens, files, changed)
                 if completion.tokens and changed and problem is None else None)
        return completion.text, changed, problem, doubt

    @staticmethod
    def _problem(files: Mapping[str, str], changed: Mapping[str, str]) -> str | None:
        for changed_path, new in changed.items():
            old = files.get(changed_path, "")
            problem = validate(changed_path, new)
            if problem is None and language_of(changed_path) != "python" \
                    and _brace_balance(new) != _brace_balance(old):
                problem = "the brackets in the code do not balance"
            if problem is not None:
                return problem if len(changed) == 1 else f"{changed_path}: {problem}"
        return None
