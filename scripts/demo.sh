#!/usr/bin/env bash
# The README's first command: set up (installs what is missing), build, then
# compile the embedded attention block with attn-opt, run it, check it against
# the fp64 reference and print its time against the unfused baseline.
# Extra arguments go to scripts/attn_demo.py (see --help).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh" "$ROOT/build" >&2
ATTN_TOOLS_DIR="$ROOT/build/bin" exec python3 "$ROOT/scripts/attn_demo.py" "$@"
