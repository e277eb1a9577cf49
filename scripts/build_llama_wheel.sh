#!/usr/bin/env bash
# Build (once) the llama-cpp-python wheel with flags that do not crash on these CPUs, and print the
# directory that holds it. The wheel is kept in dcx's own wheel cache, keyed by version, build
# variant and CPU flags, because pip's own wheel cache ignores CMAKE_ARGS and could hand back a
# wheel built with the default -march=native, whose AMX kernels crash with a segmentation fault
# on the CPUs this project is built and tested on (so the native build here disables AMX).
#
#   DCX_LLAMA_BUILD=native   (default) native AVX-512/AVX2 code, AMX disabled
#   DCX_LLAMA_BUILD=portable AVX2 baseline, as release wheels
set -euo pipefail
version="${1:?usage: build_llama_wheel.sh VERSION PYTHON}"
python="${2:?usage: build_llama_wheel.sh VERSION PYTHON}"
variant="${DCX_LLAMA_BUILD:-native}"
case "$variant" in
  native)
    noamx='-mno-amx-tile -mno-amx-int8 -mno-amx-bf16'
    cmake_args="-DLLAVA_BUILD=OFF -DCMAKE_C_FLAGS='$noamx' -DCMAKE_CXX_FLAGS='$noamx'"
    # a native build only runs on the CPU it was built for: key it by the CPU's flags
    cpu_key=$( (grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || uname -m) | sha256sum | cut -c1-12) ;;
  portable)
    cmake_args="-DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF"
    cpu_key=$(uname -m) ;;
  *) echo "Error: DCX_LLAMA_BUILD must be 'native' or 'portable', not '$variant'" >&2; exit 2 ;;
esac
cache="${XDG_CACHE_HOME:-$HOME/.cache}/dcx/wheels/llama-cpp-python-$version-$variant-$cpu_key"
if ! ls "$cache"/llama_cpp_python-*.whl >/dev/null 2>&1; then
  echo "Building llama-cpp-python $version ($variant build; about 5 minutes on 2 cores, once)..." >&2
  tmp="$cache.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  CMAKE_ARGS="$cmake_args" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    "$python" -m pip wheel --no-deps --no-cache-dir --no-binary llama-cpp-python \
      -w "$tmp" "llama-cpp-python==$version" >&2
  rm -rf "$cache"; mv "$tmp" "$cache"
fi
echo "$cache"
