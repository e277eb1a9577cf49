"""One turn of a chat: the line's intent, then its question answered, its change planned, or its
command run. Each turn returns the next state; a turn cut short (Ctrl-C, an error) leaves the
state as it was."""

from __future__ import annotations

from dataclasses import replace

from dcx import prompts
from dcx.answer import answer_model, answer_with_code_model
from dcx.chat.context import ChatContext
from dcx.chat.intent import Intent, route
from dcx.chat.memory import Turn
from dcx.chat.refine import about_question, refined_request, refines
from dcx.chat.slash import ChatCommandError, run_command
from dcx.chat.state import Change, ChatState
from dcx.evidence import gather_evidence, readable_texts
from dcx.overlay import PendingWorkspace, layered
from dcx.request import Request
from dcx.run import configured_test_command, run_request, untested, withheld_test_command
from dcx.solve import TestCommand, solve
from dcx.usage import Usage
from dcx.verify import parse_command

ROUTED_COMMANDS = ("diff", "files")  # the router may run these; others are only typed
FOLLOW_UP_WORDS = 5  # a question this short is asked together with the turn before it


def take_turn(ctx: ChatContext, state: ChatState, line: str) -> ChatState:
    """The state after ``line``."""
    intent = route(line, ctx.router, Usage(), _last_turn(state))
    if intent.kind != "command" or intent.by == "router":
        decider = "router" if intent.by == "router" else "by its form"
        command = f" ({intent.command})" if intent.command else ""
        ctx.reporter.stage(f"{decider}: a {intent.kind}{command}")
    if intent.kind == "command":
        return _command(ctx, state, intent)
    if intent.kind == "question":
        return ask(ctx, state, line)
    return change(ctx, state, line)


def _last_turn(state: ChatState) -> str:
    last = state.memory.last
    pending = " (a change is shown, not applied)" if state.change and state.change.pending else ""
    return f"{last.kind}: {last.said}{pending}" if last else ""


def _command(ctx: ChatContext, state: ChatState, intent: Intent) -> ChatState:
    if intent.by == "router" and intent.command not in ROUTED_COMMANDS:
        raise ChatCommandError(f"type /{intent.command} to {intent.command} (dcx runs that "
                               "command only when it is typed)")
    return run_command(ctx, state, intent.command, intent.argument)


def ask(ctx: ChatContext, state: ChatState, line: str) -> ChatState:
    """Answer a question (as `dcx ask` does), with the conversation in view; a short one, or one
    that matches nothing alone ("why?"), is searched for together with the turn before it."""
    last = state.memory.last
    if answer_model(ctx.settings) == "router":
        outcome = run_request(ctx.workspace, ctx.settings, line, (), "ask", False, ctx.reporter,
                              ctx.backends)
        text = outcome.result.answer
        ctx.out.text(text.rstrip() + "\n")
        return replace(state, memory=state.memory.add(Turn("question", line, text)), answer=text)
    query = line
    evidence = gather_evidence(ctx.workspace, query)
    if last is not None and (len(line.split()) <= FOLLOW_UP_WORDS or not evidence.found):
        query = f"{last.said} {line}"
        evidence = gather_evidence(ctx.workspace, query)
    outcome = answer_with_code_model(ctx.workspace, ctx.settings, ctx.backends, line, (),
                                     ctx.reporter, ctx.out.text, state.memory.text(), ctx.stop,
                                     evidence)
    for note in outcome.notes:
        ctx.out.note(f"dcx: {note}")
    text = outcome.result.answer
    cited = tuple(c.path for c in outcome.citations)
    return replace(state, memory=state.memory.add(Turn("question", line, text)),
                   answer=text).with_files(discussed=cited or evidence.paths[:3])


def change(ctx: ChatContext, state: ChatState, line: str) -> ChatState:
    """Plan and write a change (as `dcx fix` does), shown as a diff and never written; a line
    that goes on from the last change refines it."""
    last = state.change
    said_last = state.memory.last
    after_question = said_last is not None and said_last.kind == "question"
    texts = readable_texts(ctx.workspace) if last is not None or after_question else {}
    refining = last is not None and refines(line, last.files, texts)
    request = refined_request(last.request, line) if refining and last else line
    if not refining and after_question and said_last is not None:
        request = about_question(line, said_last.said, texts) or line
    instruction = request
    if state.failing is not None:  # "fix it": where to look is in that output
        instruction += prompts.failing_now(state.failing.output)
    tests = _tests(ctx, state)
    base = ctx.workspace
    if refining and last is not None and last.pending:
        ctx.reporter.stage("refining the last change (it is not applied: planned on top of it)")
        base = PendingWorkspace(ctx.workspace, last.result.changes)
    solution = solve(Request(instruction, (), "fix"), base, ctx.settings, ctx.reporter, ctx.backends,
                     rounds=ctx.settings.test_rounds if tests else 0, tests=tests)
    result = solution.result
    if solution.withheld:
        ctx.out.note(f"dcx: no change: {solution.withheld}")
        said = Turn("change", line, "no change: " + solution.withheld)
        return replace(state, memory=state.memory.add(said))
    if refining and last is not None and last.pending:
        result = layered(last.result, result)
    if not result.diff:
        ctx.out.note(f"dcx: nothing needed changing. {result.answer}".rstrip())
        return replace(state, memory=state.memory.add(Turn("change", line, "nothing needed changing")))
    ctx.out.diff(result.diff_bytes)
    summary = result.answer or f"changed {', '.join(result.files)}"
    failing = (solution.chosen.failing or ("the tests",)) if solution.passed is False else ()
    shown = Change(request, result, failing=failing)
    if failing:
        ctx.out.note(f"dcx: {summary.rstrip('.')}; tests still fail with it: {shown.failing_named} "
                     "(not applied: /apply failing writes and stages it anyway)")
    else:
        ctx.out.note(f"dcx: {summary} (not applied: /apply writes and stages it)")
    untested = _untested(ctx) if tests is None and not state.told_untested else ()
    for note in untested:  # once a session: every change after it is untested alike
        ctx.out.note(f"dcx: {note}")
    memory = state.memory.add(Turn("change", line, summary))
    return replace(state, change=shown, failing=None, memory=memory,
                   told_untested=state.told_untested or bool(untested)).with_files(touched=result.files)


def _tests(ctx: ChatContext, state: ChatState) -> TestCommand | None:
    """The tests that check each attempt of a change, as `dcx fix --test` does: the session's last
    /test command (typed by the user), else the configured one (never a repository's own unless
    the user trusts its config)."""
    command = state.test_command
    if command:
        ctx.reporter.stage(f"checking each attempt with `{command}` (the last /test)")
    else:
        command, _ = configured_test_command(ctx.settings, ctx.reporter)
    return TestCommand(parse_command(command), ctx.settings.test_timeout) if command else None


def _untested(ctx: ChatContext) -> tuple[str, ...]:
    """What `dcx fix` says of a change no test checked, in the chat's words: the test command a
    repository's config names and dcx did not run, or the tests the repository has."""
    held = withheld_test_command(ctx.settings)
    if held:
        return (f"{held}; or type /test with it",)
    return untested(ctx.workspace, "`/test python -m pytest -q` runs them, and checks each change after it")
