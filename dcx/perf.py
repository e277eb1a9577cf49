"""Where a bench run's time went (`dcx bench --perf`): wall seconds per stage, tokens sent,
evaluated and written per role, the throughput dcx got from each model, and the throughput
llama-cpp-python alone gets from the same model at the same prompt length, in the same run."""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from dcx.backends.base import Backend
from dcx.backends.llama_cpp_backend import LlamaCppBackend

STAGES = ("context", "language model", "code model", "patch", "verify")


def _add(into: dict[str, float], values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        into[key] = into.get(key, 0) + value


def perf_summary(results: Sequence[Any]) -> dict[str, Any]:
    """Totals over the tasks' ``perf`` and ``tokens`` (bench TaskResults)."""
    stages: dict[str, float] = {}
    roles: dict[str, dict[str, float]] = {}
    for r in results:
        _add(stages, r.perf.get("stages", {}))
        for role, timing in r.perf.get("models", {}).items():
            _add(roles.setdefault(role, {}), timing)
        for role, counts in r.tokens.items():
            _add(roles.setdefault(role, {}), {f"{k}_tokens": v for k, v in counts.items()})
    total = sum(r.seconds for r in results)
    stages["other"] = max(0.0, total - sum(stages.get(s, 0.0) for s in STAGES))
    out_roles = {}
    for role, t in roles.items():
        calls = t.get("calls", 0) or 1
        out_roles[role] = {
            "calls": int(t.get("calls", 0)),
            "sent": int(t.get("prompt_tokens", 0)),
            "evaluated": int(t.get("evaluated_tokens", 0)),
            "written": int(t.get("completion_tokens", 0)),
            "prompt_per_s": _rate(t.get("evaluated_tokens", 0), t.get("prompt", 0.0)),
            "generation_per_s": _rate(t.get("completion_tokens", 0), t.get("generation", 0.0)),
            "evaluated_per_call": int(t.get("evaluated_tokens", 0) / calls),
            # what llama.cpp's prompt cache held at the start of a call, on average
            "cached_per_call": int(max(0, t.get("prompt_tokens", 0) - t.get("evaluated_tokens", 0))
                                   / calls),
            "written_per_call": int(t.get("completion_tokens", 0) / calls),
        }
    return {"seconds": round(total, 1), "stages": {k: round(v, 1) for k, v in stages.items()},
            "roles": out_roles}


def _rate(tokens: float, seconds: float) -> float:
    return round(tokens / seconds, 1) if seconds else 0.0


def measure_raw(summary: dict[str, Any], backends: Mapping[str, Backend],
                starting: Callable[[], None] | None = None) -> None:
    """Add llama-cpp-python's own throughput on each in-process role's model (as many new prompt
    tokens, after as long a cached prefix, and as many written tokens per call as dcx's average),
    and dcx's share of it, to ``summary``. A role on a server has no such figure. ``starting`` is
    called once, before the first measurement."""
    measured: dict[tuple[int, int, int, int], tuple[float, float]] = {}
    for role, row in summary["roles"].items():
        backend = backends.get(role)
        if not isinstance(backend, LlamaCppBackend) or not row["calls"]:
            continue
        shape = (max(row["evaluated_per_call"], 32), max(row["written_per_call"], 32),
                 row.get("cached_per_call", 0))
        key = (id(backend), *shape)  # single mode: one backend, measured once per shape
        if key not in measured:
            if starting is not None and not measured:
                starting()
            measured[key] = backend.raw_throughput(*shape)
        raw_prompt, raw_generation = measured[key]
        row.update(raw_prompt_per_s=round(raw_prompt, 1), raw_generation_per_s=round(raw_generation, 1),
                   prompt_ratio=round(row["prompt_per_s"] / raw_prompt, 2) if raw_prompt else None,
                   generation_ratio=round(row["generation_per_s"] / raw_generation, 2)
                   if raw_generation else None)


def perf_table(summary: dict[str, Any]) -> str:
    total = summary["seconds"] or 1.0
    lines = [f"wall time {summary['seconds']} s: " + ", ".join(
        f"{stage} {seconds} s ({100 * seconds / total:.0f}%)"
        for stage, seconds in summary["stages"].items())]
    for role, r in summary["roles"].items():
        line = (f"{role} model: {r['calls']} calls; prompt tokens {r['sent']} sent, "
                f"{r['evaluated']} evaluated ({r['prompt_per_s']}/s); {r['written']} written "
                f"({r['generation_per_s']}/s)")
        if r.get("prompt_ratio") and r.get("generation_ratio"):
            line += (f"; llama-cpp-python alone {r['raw_prompt_per_s']}/s and "
                     f"{r['raw_generation_per_s']}/s: dcx gets {r['prompt_ratio']:.0%} and "
                     f"{r['generation_ratio']:.0%}")
        lines.append(line)
    return "\n".join(lines)
