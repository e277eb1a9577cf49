"""`dcx bench --perf` arithmetic: stage totals, tokens per role, and the comparison with
llama-cpp-python alone (a stub stands in for the engine here; tests/test_integration.py and
tests/test_llama_backend.py run the real one)."""

from __future__ import annotations

from dcx.backends.llama_cpp_backend import LlamaCppBackend
from dcx.perf import measure_raw, perf_summary, perf_table
from tests.fakes import FakeBackend
from tests.test_bench import fix_mean_suite


def test_stage_seconds_and_tokens_are_summed_over_the_tasks(tmp_path) -> None:
    results, _ = fix_mean_suite(tmp_path)
    summary = perf_summary(results)
    assert summary["stages"]["verify"] > 0 and "context" in summary["stages"]
    assert abs(sum(summary["stages"].values()) - summary["seconds"]) < 0.2
    code = summary["roles"]["code"]
    assert code["calls"] == 1 and code["sent"] == code["evaluated"] > 0 and code["written"] > 0
    assert code["cached_per_call"] == 0
    assert summary["roles"]["router"]["calls"] == 2


class Engine(LlamaCppBackend):
    """The in-process backend with llama-cpp-python's measurement stubbed out."""

    def __init__(self) -> None:  # no model to load
        self.asked: list[tuple[int, int, int]] = []

    def raw_throughput(self, prompt_tokens: int, generate_tokens: int,
                       cached_tokens: int = 0) -> tuple[float, float]:
        self.asked.append((prompt_tokens, generate_tokens, cached_tokens))
        return 200.0, 20.0


def test_dcx_throughput_is_compared_with_the_engine_alone_at_the_same_lengths() -> None:
    summary = {"seconds": 10.0, "stages": {"code model": 8.0, "other": 2.0}, "roles": {
        "code": {"calls": 2, "sent": 900, "evaluated": 600, "written": 100, "prompt_per_s": 190.0,
                 "generation_per_s": 19.0, "evaluated_per_call": 300, "written_per_call": 50,
                 "cached_per_call": 150}}}
    engine = Engine()
    starting: list[bool] = []
    measure_raw(summary, {"code": engine, "router": engine}, lambda: starting.append(True))
    assert engine.asked == [(300, 50, 150)]  # at dcx's lengths and cache depth per call
    assert starting == [True]
    code = summary["roles"]["code"]
    assert code["prompt_ratio"] == 0.95 and code["generation_ratio"] == 0.95
    table = perf_table(summary)
    assert "code model 8.0 s (80%)" in table and "600 evaluated" in table
    assert "dcx gets 95% and 95%" in table


def test_a_role_that_is_not_in_process_has_no_raw_figure() -> None:
    summary = {"seconds": 1.0, "stages": {}, "roles": {
        "code": {"calls": 1, "sent": 10, "evaluated": 10, "written": 5, "prompt_per_s": 1.0,
                 "generation_per_s": 1.0, "evaluated_per_call": 10, "written_per_call": 5}}}
    fake = FakeBackend()
    starting: list[bool] = []
    measure_raw(summary, {"code": fake}, lambda: starting.append(True))
    assert "raw_prompt_per_s" not in summary["roles"]["code"] and starting == []
