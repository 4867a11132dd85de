#!/usr/bin/env bash
# Property-based API testing: schemathesis (from PyPI) generates requests from /api/openapi.json
# of a seeded local server and checks that no response is a 5xx and every response matches its
# schema. Runs against its own database and queue prefix; signed in as the demo platform admin
# so authenticated routes are exercised too. Usage: bash scripts/schemathesis.sh [extra st args]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

command -v schemathesis >/dev/null || python3 -m pip install --quiet 'schemathesis>=4,<5'
bash scripts/ensure-deps.sh
bash scripts/services.sh up

PORT=${SCHEMATHESIS_PORT:-3300}
export PORT MONGODB_URI="mongodb://127.0.0.1:${MB_MONGO_PORT:-27017}/matchbridge_schemathesis" QUEUE_PREFIX=schemathesis LOG_LEVEL=warn SCHEDULES_ENABLED=false

node -e "
const { MongoClient } = require('mongodb');
MongoClient.connect(process.env.MONGODB_URI).then(async (c) => { await c.db().dropDatabase(); await c.close(); });
"
node --import tsx scripts/seed.ts >&2
node --import tsx server/main.ts >/tmp/schemathesis-api.log 2>&1 &
API_PID=$!
trap 'kill $API_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.2; done

COOKIE=$(curl -s -i -H 'content-type: application/json' \
  -d '{"email":"admin@matchbridge.example","password":"demo-admin-2026"}' \
  "http://127.0.0.1:$PORT/api/auth/login" | grep -i '^set-cookie: mb_session=' | sed -E 's/^[Ss]et-[Cc]ookie: (mb_session=[^;]+).*/\1/')
[ -n "$COOKIE" ] || { echo "could not sign in as the demo platform admin" >&2; exit 1; }

# Logging out or changing the password would end the session the run depends on.
schemathesis run "http://127.0.0.1:$PORT/api/openapi.json" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --exclude-path /api/auth/logout --exclude-path /api/auth/password \
  -H "Cookie: $COOKIE" --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" "$@"
