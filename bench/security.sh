#!/usr/bin/env bash
# The cost of security: the FHIR load benchmark (bench/fhir-server.sh: transaction ingest, then single reads and
# identifier searches) against the packaged jar twice in one run, first with tokens, access control, Part 2 release
# and the audit trail on (the default), then with adapter.security.enabled=false; prints both and the overhead.
#   bench/security.sh [clients=3000] [clientsPerBundle=20] [threads=2] [probes=2000] [warmupClients=8000]
# The audit outbox drains while the load runs, so its cost is in the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f "${BENCH_JAR:-adapter/target/adapter.jar}" ] || ./mvnw -B -q -DskipTests package
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

BENCH_PORT=${BENCH_PORT:-18090} ADAPTER_ARGS="${ADAPTER_ARGS:-}" bench/fhir-server.sh "$@" | tee "$out/on"
BENCH_PORT=${BENCH_PORT_OFF:-18091} ADAPTER_ARGS="${ADAPTER_ARGS:-} --adapter.security.enabled=false" \
  bench/fhir-server.sh "$@" | tee "$out/off"

echo
echo "security and audit on vs off:"
for what in "ingest sustained, plain creates" "ingest sustained, conditional creates"; do
  on=$(grep "^$what:" "$out/on" | sed 's/.*= \([0-9]*\) resources\/s.*/\1/')
  off=$(grep "^$what:" "$out/off" | sed 's/.*= \([0-9]*\) resources\/s.*/\1/')
  awk -v w="$what" -v on="$on" -v off="$off" \
    'BEGIN { printf "  %-32s on %6d  off %6d resources/s  overhead %5.1f%%\n", w, on, off, (off - on) * 100 / off }'
done
what="reads concurrent"
on=$(grep "^$what" "$out/on" | sed 's/.*= \([0-9]*\) reads\/s.*/\1/')
off=$(grep "^$what" "$out/off" | sed 's/.*= \([0-9]*\) reads\/s.*/\1/')
awk -v w="$what (8 clients)" -v on="$on" -v off="$off" \
  'BEGIN { printf "  %-32s on %6d  off %6d reads/s      overhead %5.1f%%\n", w, on, off, (off - on) * 100 / off }'
for what in "read Patient/{id}" "search Patient?identifier="; do
  on=$(grep -F "$what:" "$out/on" | sed 's/.*p50=\([0-9.]*\) ms.*/\1/')
  off=$(grep -F "$what:" "$out/off" | sed 's/.*p50=\([0-9.]*\) ms.*/\1/')
  awk -v w="$what" -v on="$on" -v off="$off" \
    'BEGIN { printf "  %-32s on %6.1f  off %6.1f ms p50       overhead %5.1f%%\n", w, on, off, (on - off) * 100 / off }'
done
