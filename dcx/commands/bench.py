"""`dcx bench SUITE`: run every task of a suite through the same solve() as `dcx fix`, and report
pass/fail, time and tokens (dcx.bench does the work; dcx.perf the optional timing)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from dcx.commands import settings_for
from dcx.errors import DcxError
from dcx.gitenv import leave_the_repository
from dcx.progress import Reporter


@dataclass(frozen=True)
class BenchOutcome:
    table: str  # the summary table
    perf_table: str = ""  # with --perf: time per stage, tokens per role, raw throughput


@dataclass(frozen=True)
class BenchWatch:
    """What the CLI hears while the suite runs (each prints one line on stderr)."""

    started: Callable[[int, bool], None]  # (number of tasks, dual-model mode)
    task_done: Callable[[int, int, Any], None]  # (index, number of tasks, dcx.bench.TaskResult)
    measuring: Callable[[], None]  # --perf: llama-cpp-python alone is being measured


def bench(suite: Path, flags: Mapping[str, Any], mode: str | None, only: str | None,
          limit: int | None, test_rounds: int, record: bool, perf: bool,
          json_path: str | None, reporter: Reporter, watch: BenchWatch) -> BenchOutcome:
    """`dcx bench SUITE [options]`; ``flags`` are the model options and --router/--max-steps."""
    from dcx.backends import create_backends
    from dcx.bench import discover, report_json, run_suite, summarize, summary_table

    leave_the_repository()  # every repository a bench uses is a copy of its own
    flags = dict(flags)
    if mode is not None:
        flags["dual_model_mode"] = mode == "dual"
    settings = settings_for(flags)
    tasks = discover(suite, tuple(only.split(",")) if only else (), limit)
    backends = create_backends(settings, reporter)
    watch.started(len(tasks), settings.dual_model_mode)
    if record:
        if not settings.dual_model_mode:
            raise DcxError("--record records dual-model runs; drop --mode single")
        test_rounds = 0
    models = {role: {"model": b.model, "backend": b.name} for role, b in backends.items()}
    done: list = []

    def task_done(index: int, result: Any) -> None:
        watch.task_done(index, len(tasks), result)
        done.append(result)
        if json_path:  # kept up to date, so a long run can be read (or stopped) part way
            Path(json_path).write_text(json.dumps(report_json(
                done, summarize(done), settings, models, test_rounds), indent=2))

    results, summary = run_suite(tasks, settings, backends, task_done, test_rounds, record)
    timing = _timing(results, backends, watch) if perf else None
    if json_path:
        Path(json_path).write_text(json.dumps(
            report_json(results, summary, settings, models, test_rounds, timing), indent=2))
    return BenchOutcome(summary_table(summary, test_rounds), _perf_table(timing))


def _timing(results: list, backends: Mapping[str, Any], watch: BenchWatch) -> dict:
    from dcx.perf import measure_raw, perf_summary

    timing = perf_summary(results)
    measure_raw(timing, backends, starting=watch.measuring)  # single mode: one backend, measured once
    return timing


def _perf_table(timing: dict | None) -> str:
    if not timing:
        return ""
    from dcx.perf import perf_table

    return perf_table(timing)


def bench_questions(questions_file: Path, flags: Mapping[str, Any], limit: int | None,
                    json_path: str | None, reporter: Reporter,
                    on_done: Callable[[int, int, Any], None]) -> BenchOutcome:
    """`dcx bench --questions FILE`: ask each question as `dcx ask` does and grade where its
    answer points (dcx.ask_bench)."""
    from dcx.ask_bench import load_questions, run_questions, summary_table
    from dcx.backends import create_backends

    leave_the_repository()  # every repository a bench uses is a copy of its own
    settings = settings_for(flags)
    questions = load_questions(questions_file)[:limit] if limit else load_questions(questions_file)
    backends = create_backends(settings, reporter)
    graded = run_questions(questions, settings, backends,
                           lambda index, result: on_done(index, len(questions), result))
    table = summary_table(graded)
    if json_path:
        models = {role: b.describe() for role, b in backends.items()}
        Path(json_path).write_text(json.dumps(
            {"questions": str(questions_file), "models": models, "summary": table.splitlines(),
             "results": [g.to_json() for g in graded]}, indent=2))
    return BenchOutcome(table)


def bench_request_tests(suite: Path, flags: Mapping[str, Any], only: str | None, limit: int | None,
                        json_path: str | None, reporter: Reporter,
                        on_done: Callable[[int, int, Any], None]) -> BenchOutcome:
    """`dcx bench SUITE --request-tests`: write the test `dcx fix --test` writes from each task's
    request and grade it against the task's reference fix (dcx.request_test_bench)."""
    from dcx.backends import create_backends
    from dcx.bench import discover
    from dcx.request_test_bench import report_json, run_suite, summary_table

    leave_the_repository()  # every repository a bench uses is a copy of its own
    settings = settings_for(flags)
    tasks = discover(suite, tuple(only.split(",")) if only else (), limit)
    backends = create_backends(settings, reporter)
    results = run_suite(tasks, settings, backends, lambda index, r: on_done(index, len(tasks), r))
    table = summary_table(results)
    if json_path:
        models = {role: b.describe() for role, b in backends.items()}
        Path(json_path).write_text(json.dumps(
            {"suite": str(suite), "models": models, "summary": table.splitlines(),
             "results": report_json(results)}, indent=2))
    return BenchOutcome(table)
