#!/usr/bin/env bash
# The README's second command: set up (installs what is missing), build, and
# run every test (lit: FileCheck, executed CPU tests, GoogleTest, plugin,
# package and C API tests). Ends with "N passed, N failed, N skipped".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh" "$BUILD" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
ninja -C "$BUILD" -j "${JOBS:-2}" attn-test-depends || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
LIT=/usr/lib/llvm-22/bin/lit
"$LIT" -sv --time-tests -j "${JOBS:-2}" "$BUILD/test" \
  --xunit-xml-output "$BUILD/test-results.xml" 2>&1 | tee "$BUILD/lit.log"
status=${PIPESTATUS[0]}
count() {
  local n
  # lit pads the labels: "  Passed     : 64 (95.52%)".
  n=$(grep -E "^ *$1 *: *[0-9]+" "$BUILD/lit.log" | sed -E 's/.*: *([0-9]+).*/\1/' | head -1)
  echo "${n:-0}"
}
passed=$(( $(count Passed) + $(count 'Expectedly Failed') ))
failed=$(( $(count Failed) + $(count Unresolved) + $(count 'Unexpectedly Passed') + $(count 'Timed Out') ))
skipped=$(( $(count Unsupported) + $(count Skipped) ))
echo "$passed passed, $failed failed, $skipped skipped"
if [[ "$status" -eq 0 && "$failed" -ne 0 ]]; then status=1; fi
exit "$status"
