#!/usr/bin/env bash
# Benchmark of eligibility: the packaged jar on a fresh PostgreSQL database (1 GB heap), a generated claim file of N
# lines for M members loaded through the claims inbox (the clients, their stays and diagnoses), then
# bench/EligibilityBench.java: a population run of every client under the program, again on the same day, and
# single-client $evaluate-eligibility latency (p50/p95/p99) over a sample.
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
  --adapter.mllp.port="${BENCH_MLLP_PORT:-12577}"
echo "service JVM: $JAVA_OPTS"

java -Xmx256m -cp "$classpath" org.casemgmt.routes.claims.generator.ClaimFileGenerator --format csv \
  --members "$members" --lines "$lines" --seed 1 --out "$work/data/claims.csv" | sed 's/^/generated: /'
java -Xmx512m -cp "$classpath" bench/ClaimsLoadBench.java "http://localhost:$port" "$work/inbox" \
  "$work/data/claims.csv" | grep -v "^parse only"
psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) || ' clients (Patients)' FROM hfj_resource
  WHERE res_type = 'Patient'"

# The claims' dates run up to the generator's last service day; the evaluation date is just after it.
java -Xmx256m bench/EligibilityBench.java "http://localhost:$port" "$program" "${DATE:-2025-01-01}" \
  "${SINGLE_DATE:-2025-01-02}" "$sample"

jcmd "$pid" GC.run > /dev/null
echo "service memory: heap after full GC $(jcmd "$pid" GC.heap_info | awk '/used/ {print $0; exit}' | sed 's/^ *//');" \
  "RSS peak $(awk '/VmHWM/ {print $2 / 1024 " MiB"}' /proc/"$pid"/status)"
