#!/usr/bin/env bash
# `make install`: put `dcx` on the PATH by linking the venv's entry point into ~/.local/bin/dcx.
# Idempotent: a second run changes nothing. Never replaces a file there that is not a link.
set -euo pipefail
cd "$(dirname "$0")/.."
target="$PWD/.venv/bin/dcx"
bin="$HOME/.local/bin"
link="$bin/dcx"
if [ ! -x "$target" ]; then
  echo "install: $target is missing; run make setup first" >&2
  exit 1
fi
if [ -e "$link" ] && [ ! -L "$link" ]; then
  echo "install: $link exists and is not a link; move it away and run make install again" >&2
  exit 1
fi
if [ ! -d "$bin" ]; then
  mkdir -p "$bin"
  echo "install: created $bin" >&2
fi
if [ "$(readlink "$link" 2>/dev/null)" = "$target" ]; then
  echo "install: $link already links to $target" >&2
else
  ln -sfn "$target" "$link"
  echo "install: linked $link -> $target" >&2
fi
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "install: $bin is not on your PATH; add it, e.g. in ~/.profile: export PATH=\"\$HOME/.local/bin:\$PATH\"" >&2 ;;
esac
