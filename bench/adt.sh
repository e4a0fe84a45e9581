#!/usr/bin/env bash
# Benchmark of the ADT feed: the packaged jar on a fresh PostgreSQL database, A01/A03 pairs over concurrent MLLP
# connections, end to end (sent to ACK after commit); prints messages/s and ACK latency percentiles. Then raw ingest of
# the same resources on the same warm server (bench/RawIngestBench.java: RAW_CLIENTS of the clients the feed wrote,
# 2,000 by default, read back with their Encounters, Conditions and Provenance and posted again as new clients through
# the FHIR API, each client in two transactions as its A01 and A03, as many clients at once as connections) and the
# feed's ratio to it (the feed's resources/s: the resources stored per pair times the measured pairs/s).
#   bench/adt.sh [pairs=10000] [connections=4] [warmupPairs=1000]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
classpath=$(routes_classpath)
port=${BENCH_PORT:-18080}
mllp=${BENCH_MLLP_PORT:-12575}
# Every connection comes from this host, so the per-sender connection limit (config/mllp.yml) is lifted.
# shellcheck disable=SC2086
start_adapter "$port" --adapter.mllp.port="$mllp" --adapter.mllp.max-connections=200 \
  --adapter.mllp.max-connections-per-sender=200 --adapter.adt.inbox="$work/inbox" ${ADAPTER_ARGS:-}
echo "adapter args: ${ADAPTER_ARGS:-(defaults)}"
FEED_RATE_FILE="$work/feed.rate" java bench/AdtLoadBench.java "$mllp" "http://localhost:$port/fhir" "$@"
java -Xmx512m -cp "$classpath" bench/RawIngestBench.java "http://localhost:$port/fhir" "$(cat "$work/feed.rate")" \
  "${RAW_CLIENTS:-2000}" "${2:-4}" 1 messages
