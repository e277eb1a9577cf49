#!/usr/bin/env bash
# Compare the packaged router candidates (and single-model mode) on a suite, one model process at
# a time. Extra arguments go to every `dcx bench` run.
# Usage: scripts/compare_routers.sh SUITE [OUTDIR] [BENCH ARGS...]   (needs `make setup`)
# SUITE: a folder of task folders, e.g. fixtures or a QuixBugs copy.
# The router's own skill shows best with DCX_PLAN_FIRST_CALL=0 (the router makes every call):
#   DCX_PLAN_FIRST_CALL=0 scripts/compare_routers.sh fixtures bench-results/routers --test-rounds 0
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:?give a SUITE folder, e.g. fixtures}"
out="${2:-bench-results}"
shift $(( $# < 2 ? $# : 2 ))
mkdir -p "$out"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[gemma]' >&2
name=$(basename "$suite")
.venv/bin/dcx bench "$suite" "$@" --json "$out/$name-qwen0.5b.json"
.venv/bin/dcx bench "$suite" "$@" --router gemma-3-270m-q4_k_m --json "$out/$name-gemma270m.json"
.venv/bin/dcx bench "$suite" "$@" --mode single --json "$out/$name-single.json"
.venv/bin/python scripts/bench_table.py "$out/$name-qwen0.5b.json" "$out/$name-gemma270m.json" "$out/$name-single.json"
