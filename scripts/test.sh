#!/usr/bin/env bash
# README command 2: set up, build with -Wall -Wextra -Werror, ASan + UBSan, and run ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset test >/dev/null
cmake --build --preset test -j"$jobs"
ctest --preset test -j"$jobs"
