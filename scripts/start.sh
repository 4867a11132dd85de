#!/usr/bin/env bash
# Starts the whole system: MongoDB-compatible and Redis servers, the client build, then
# scripts/start.ts (session secret, demo data on first start, the API and the worker under a
# supervisor that restarts either one when it crashes). Ctrl-C stops the API and the worker; the
# databases keep running (stop them with `npm run services:down`). MB_MONGO_PORT, MB_REDIS_PORT,
# MB_DATA_DIR, HOST and PORT move all of it (see the README's Operations section).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

bash scripts/ensure-deps.sh
bash scripts/services.sh up
# Rebuilt only when a client source (or the lock file) is newer than the last build: a restart
# stays quick, and a build never empties client/dist under an API that is serving it.
if [ ! -f client/dist/index.html ] ||
  [ -n "$(find client package-lock.json -newer client/dist/index.html -type f -not -path 'client/dist/*' -print -quit)" ]; then
  npx vite build --config client/vite.config.ts --logLevel warn
fi
exec node --import tsx scripts/start.ts
