#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than package-lock.json,
# so the README's two commands work on a fresh clone.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing npm dependencies..." >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
bash "$ROOT/scripts/term-table/ensure.sh"
