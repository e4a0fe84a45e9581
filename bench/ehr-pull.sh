#!/usr/bin/env bash
# Benchmark of the EHR FHIR pull: the packaged jar on a fresh PostgreSQL database polls a stub EHR (the JDK's HTTP
# server, in bench/EhrPullBench.java) serving N Encounters, one Condition each, and their Patients, in pages; prints
# resources/s from the first request to the moment both watermarks reach the last resource, and checks the counts.
# Then raw ingest of the same resources on the same warm server (bench/RawIngestBench.java: RAW_CLIENTS of the clients
# the pull wrote, 2,000 by default, read back with their Encounters, Conditions and Provenance and posted again as new
# clients through the FHIR API, 25 clients per transaction, about a page of 100 Encounters, one at a time as the pull
# records its pages) and the feed's ratio to it (the pull's resources/s counting its Provenance too).
#   bench/ehr-pull.sh [encounters=10000] [patients=2500] [pageSize=100] [warmupEncounters=5000]
# The warm-up Encounters (with a Condition each, for clients of their own) are pulled first and not measured.
# JVM options via JAVA_OPTS (default -Xmx2g), extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
encounters=${1:-10000}
patients=${2:-2500}
page=${3:-100}
warmup=${4:-5000}

# shellcheck source=bench/lib.sh
source bench/lib.sh
classpath=$(routes_classpath)
port=${BENCH_PORT:-18084}
stub=${BENCH_STUB_PORT:-18094}
# The stub first: the service starts polling it 2 s after start-up.
java -Xmx1g bench/EhrPullBench.java "$stub" "http://localhost:$port" "$encounters" "$patients" "$warmup" \
  "$work/feed.rate" &
bench=$!
# shellcheck disable=SC2086
start_adapter "$port" --adapter.mllp.port="${BENCH_MLLP_PORT:-12578}" --adapter.adt.inbox="$work/adt" \
  --adapter.claims.inbox="$work/claims" --adapter.ehr.initial-delay=PT2S \
  --adapter.ehr.sources[0].id=bench --adapter.ehr.sources[0].base-url="http://localhost:$stub/fhir" \
  --adapter.ehr.sources[0].page-size="$page" --adapter.ehr.sources[0].poll-interval=PT10S ${ADAPTER_ARGS:-}
echo "service JVM: ${JAVA_OPTS:--Xmx2g}; page size $page; adapter args: ${ADAPTER_ARGS:-(defaults)}"
wait "$bench"
grep -c "EHR bench" "$work/adapter.log" | sed 's/^/service log lines about the source: /'
java -Xmx512m -cp "$classpath" bench/RawIngestBench.java "http://localhost:$port/fhir" "$(cat "$work/feed.rate")" \
  "${RAW_CLIENTS:-2000}" 1 25
