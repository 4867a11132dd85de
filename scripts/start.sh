#!/usr/bin/env bash
# Starts the whole system on local defaults: MongoDB-compatible and Redis servers, the demo data
# on first start, the API (which serves the web app) and the worker. Ctrl-C stops the API and the worker; the
# databases keep running (stop them with `npm run services:down`).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

bash scripts/ensure-deps.sh
bash scripts/services.sh up
npx vite build --config client/vite.config.ts --logLevel warn
# An empty database gets the demo dataset (accounts listed in the README); a used one is left alone.
node --import tsx scripts/seed.ts --if-empty

node --import tsx workers/main.ts &
WORKER_PID=$!
node --import tsx server/main.ts &
API_PID=$!

stop() {
  kill -TERM "$API_PID" "$WORKER_PID" 2>/dev/null || true
  wait "$API_PID" "$WORKER_PID" 2>/dev/null || true
}
trap stop INT TERM EXIT

echo "Matchbridge is starting on http://${HOST:-127.0.0.1}:${PORT:-3000} (Ctrl-C to stop)" >&2
# Exit (and stop the other process) as soon as either one exits.
wait -n "$API_PID" "$WORKER_PID"
