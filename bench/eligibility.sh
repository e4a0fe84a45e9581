#!/usr/bin/env bash
# Benchmark of eligibility: the packaged jar on a fresh PostgreSQL database (1 GB heap), a generated claim file of N
# lines for M members loaded through the claims inbox (the clients, their stays and diagnoses), then
# bench/EligibilityBench.java: a population run of every client under the program, again on the same day, and
# single-client $evaluate-eligibility latency (p50/p95/p99) over a sample; then every client with a determination
# queued for re-evaluation at once (as evidence for all of them would), re-evaluated today: clients/s until the queue
# is empty. Extra adapter arguments via ADAPTER_ARGS (e.g. --adapter.eligibility.reevaluation.batch=1).
#   bench/eligibility.sh [lines=1000000] [members=50000] [program=claims-driven-tailored] [sample=500]
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
members=${2:-50000}
program=${3:-claims-driven-tailored}
sample=${4:-500}
export JAVA_OPTS=${JAVA_OPTS:--Xmx1g}

# shellcheck source=bench/lib.sh
source bench/lib.sh
classpath=$(routes_classpath)
port=${BENCH_PORT:-18083}
mkdir -p "$work/inbox" "$work/data"
start_adapter "$port" --adapter.claims.inbox="$work/inbox" --adapter.adt.inbox="$work/adt" \
  --adapter.mllp.port="${BENCH_MLLP_PORT:-12577}" --adapter.eligibility.reevaluation.poll=PT0.2S ${ADAPTER_ARGS:-}
echo "service JVM: $JAVA_OPTS; adapter args: ${ADAPTER_ARGS:-(defaults)}"

java -Xmx256m -cp "$classpath" org.casemgmt.routes.claims.generator.ClaimFileGenerator --format csv \
  --members "$members" --lines "$lines" --seed 1 --out "$work/data/claims.csv" | sed 's/^/generated: /'
java -Xmx512m -cp "$classpath" bench/ClaimsLoadBench.java "http://localhost:$port" "$work/inbox" \
  "$work/data/claims.csv" | grep -v "^parse only"
psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) || ' clients (Patients)' FROM hfj_resource
  WHERE res_type = 'Patient'"

# The claims' dates run up to the generator's last service day; the evaluation date is just after it.
java -Xmx256m bench/EligibilityBench.java "http://localhost:$port" "$program" "${DATE:-2025-01-01}" \
  "${SINGLE_DATE:-2025-01-02}" "$sample"

# Every client with a determination (an Observation about them) queued at once; today is a new date for all of them,
# so each determination gets a new version.
started=$(date +%s%N)
queued=$(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "WITH queued AS (INSERT INTO cm_reevaluation (id, client, queued_at)
  SELECT nextval('cm_reevaluation_seq'), p.fhir_id, now() FROM hfj_resource p WHERE p.res_type = 'Patient'
  AND p.res_id IN (SELECT l.target_resource_id FROM hfj_res_link l JOIN hfj_resource o ON o.res_id = l.src_resource_id
  WHERE o.res_type = 'Observation' AND l.src_path = 'Observation.subject') RETURNING 1) SELECT count(*) FROM queued")
while [ "$(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) FROM cm_reevaluation")" != 0 ]; do
  sleep 0.2
done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "re-evaluation of $queued queued clients (every determination changes): $elapsed_ms ms," \
  "$(( queued * 1000 / (elapsed_ms > 0 ? elapsed_ms : 1) )) clients/s"

jcmd "$pid" GC.run > /dev/null
echo "service memory: heap after full GC $(jcmd "$pid" GC.heap_info | awk '/used/ {print $0; exit}' | sed 's/^ *//');" \
  "RSS peak $(awk '/VmHWM/ {print $2 / 1024 " MiB"}' /proc/"$pid"/status)"
