#!/usr/bin/env bash
# Benchmark of the coordinators' workspace: loads a case manager's caseload (200 clients with stays, crises, coverage,
# ISPs and care teams, then a population run of every program: one today, two 40 days ago) and one client whose record has 500 timeline items into
# the packaged jar on a fresh PostgreSQL database, then has Debian's headless Chromium (chromedriver) log in as the
# case manager and load the worklist and that record again and again: first contentful paint, the time until the
# page's content is rendered, and the server's time for each /fhir request the page makes (p50, p95, max).
#   bench/workspace.sh [clients=200] [items=500] [loads=20]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v chromedriver > /dev/null || { echo "chromedriver is missing: apt-get install chromium chromium-driver" >&2; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18080}
driver_port=$((port + 1))
password="bench-$RANDOM-$RANDOM"
start_adapter "$port" --adapter.workspace.client-id=bench-workspace \
  --adapter.security.apps[0].id=bench-workspace \
  --adapter.security.apps[0].redirect-uris[0]="http://localhost:$port/workspace/" \
  --adapter.security.apps[0].scopes[0]=openid --adapter.security.apps[0].scopes[1]='user/*.cruds' \
  --adapter.security.users[0].username=bench-cm --adapter.security.users[0].password="$password" \
  --adapter.security.users[0].role=case-manager --adapter.security.users[0].fhir-user=Practitioner/bench-cm \
  ${ADAPTER_ARGS:-}
java bench/WorkspaceBench.java load "http://localhost:$port" "${1:-200}" "${2:-500}"

chromedriver --port="$driver_port" > "$work/chromedriver.log" 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null; cleanup' EXIT
for _ in $(seq 1 50); do curl -sf "http://localhost:$driver_port/status" > /dev/null && break; sleep 0.1; done
java bench/WorkspaceBench.java browse "http://localhost:$port" "http://localhost:$driver_port" bench-cm "$password" "${3:-20}"
