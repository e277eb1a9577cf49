#!/usr/bin/env bash
# The main job on a demo: copy a small fixture repository with a bug into a temporary git
# repository, run `dcx fix` there with the default models, print the diff, then apply it in the
# scratch copy and run the fixture's tests.
set -euo pipefail
# Run from a hook or `git bisect run`, git exports where the repository is: git and dcx in the
# demo's scratch repository would act on that one instead (the list of dcx.gitenv.LOCATION).
unset GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_CONFIG GIT_OBJECT_DIRECTORY GIT_DIR GIT_WORK_TREE \
  GIT_IMPLICIT_WORK_TREE GIT_GRAFT_FILE GIT_INDEX_FILE GIT_NO_REPLACE_OBJECTS GIT_REPLACE_REF_BASE \
  GIT_PREFIX GIT_INTERNAL_SUPER_PREFIX GIT_SHALLOW_FILE GIT_COMMON_DIR
# Nor does the scratch repository read the user's git settings (a signing key, hooks), as
# dcx.gitenv.NO_USER_CONFIG.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
cd "$(dirname "$0")/.."
project=$(pwd)
fixture="${1:-fixtures/mean}"
instruction=$(.venv/bin/python -c 'import json,sys; print(json.load(open(sys.argv[1]))["instruction"])' "$fixture/task.json")
scratch=$(mktemp -d "${TMPDIR:-/tmp}/dcx-demo.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/repo"
cp -R "$fixture"/repo/. "$scratch/repo"/
find "$scratch/repo" -name __pycache__ -prune -exec rm -rf {} +
cd "$scratch/repo"
git init -q
git add -A
git -c user.name=dcx-demo -c user.email=demo@dcx.invalid commit -q -m "demo fixture"
echo "== demo repository: $fixture (a scratch copy)" >&2
echo "== dcx fix \"$instruction\"" >&2
TIMEFORMAT='== dcx fix took %1R s'
time DCX_PROGRESS=1 "$project/.venv/bin/dcx" fix "$instruction" > "$scratch/change.diff"
cat "$scratch/change.diff"
if [ -s "$scratch/change.diff" ]; then
  git apply "$scratch/change.diff"
  echo "== the fixture's tests with the change applied:" >&2
  "$project/.venv/bin/python" -m pytest -q -p no:cacheprovider tests >&2 || true
fi
