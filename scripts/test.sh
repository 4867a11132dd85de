#!/usr/bin/env bash
# The whole test suite, as CI runs it: dependencies, local services, lint, type checks,
# the client build, then vitest (unit, integration against real MongoDB-compatible and Redis
# servers, e2e in Debian's Chromium). Extra arguments go to vitest, e.g. `npm test -- --project unit`.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

step() { printf '\n== %s\n' "$*" >&2; }

step "dependencies"
bash scripts/ensure-deps.sh

step "local services"
bash scripts/services.sh up

step "lint"
npx eslint --max-warnings 0 .

step "type check (server, workers, matching, tests)"
npx tsc --noEmit -p .

step "type check (client)"
npx svelte-check --workspace client --tsconfig ./tsconfig.json --fail-on-warnings

step "client build"
npx vite build --config client/vite.config.ts --logLevel warn

step "browser for the e2e tests"
# Debian's Chromium, driven by playwright-core; a fresh CI machine has none yet.
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: chromium is not installed and installing it needs root: run 'apt-get install chromium' as root" >&2
    exit 1
  fi
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium) >&2
fi

step "tests"
exec npx vitest run "$@"
