#!/usr/bin/env bash
# Benchmark of the claims feed end to end: the packaged jar on a fresh PostgreSQL database with a 512 MB heap, one
# generated claim file of N lines for M members dropped into its inbox. Prints, from one run: parse-only lines/s (the
# readers alone, in this script's JVM), parse + stage lines/s (the service's staging step), PostgreSQL's own COPY of
# the same rows from the CSV into a table of text columns (the physical limit) and the ratio, evidence derivation
# time for the members, and the service's memory. Then raw ingest of the same resources on the same warm server
# (bench/RawIngestBench.java: RAW_CLIENTS of the clients the evidence step wrote, 2,000 by default, read back with their
# Encounters, Conditions and Provenance and posted again as new clients through the FHIR API, 100 per transaction as
# the writers' chunks, as many transactions at once as writers) and the feed's ratio to it (the feed's resources/s:
# the Patients, Encounters, Conditions and Provenance stored over the evidence step's time).
#   bench/claims.sh [lines=1000000] [members=50000] [format=csv|837i|x12-pair] [psychiatricShare=0.1]
# STAGING=COPY|JDBC_BATCH picks the staging method (default: COPY, the service's default on PostgreSQL), STAGE_ONLY=1
# stops after staging (to compare staging methods), WRITERS the evidence's writers (default 2); JDBC_URL_OPTIONS are appended to the JDBC URL (for example
# ?reWriteBatchedInserts=true, the PostgreSQL driver's multi-row rewrite of JDBC batches); JAVA_OPTS
# the service's JVM options (default -Xmx512m, the memory target); another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
members=${2:-50000}
format=${3:-csv}
share=${4:-0.1}
export JAVA_OPTS=${JAVA_OPTS:--Xmx512m}

# shellcheck source=bench/lib.sh
source bench/lib.sh
classpath=$(routes_classpath)
port=${BENCH_PORT:-18082}
mkdir -p "$work/inbox" "$work/data"
start_adapter "$port" --adapter.claims.inbox="$work/inbox" --adapter.adt.inbox="$work/adt" \
  --adapter.mllp.port="${BENCH_MLLP_PORT:-12576}" --adapter.claims.staging="${STAGING:-AUTO}" \
  --adapter.claims.writers="${WRITERS:-2}"
echo "service JVM: $JAVA_OPTS; staging: ${STAGING:-AUTO}; evidence writers: ${WRITERS:-2}"

java -Xmx256m -cp "$classpath" org.casemgmt.routes.claims.generator.ClaimFileGenerator --format "$format" \
  --members "$members" --lines "$lines" --seed 1 --psychiatric-share "$share" --out "$work/data/claims.$format" \
  | sed 's/^/generated: /'
java -Xmx512m -cp "$classpath" bench/ClaimsLoadBench.java "http://localhost:$port" "$work/inbox" \
  "$work"/data/claims.*[!s]
# What the evidence step stored, counted before anything else writes: the feed's resources/s for raw ingest.
stored=$(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) FROM hfj_resource WHERE res_deleted_at IS NULL \
  AND res_type IN ('Patient', 'Encounter', 'Condition', 'Provenance')")
evidence_ms=$(cat "$work/evidence.ms" 2>/dev/null || echo 0)

# The physical limit: PostgreSQL's COPY of the same rows from the CSV extract (generated with the same seed).
csv="$work/data/copy.csv"
java -Xmx256m -cp "$classpath" org.casemgmt.routes.claims.generator.ClaimFileGenerator --format csv \
  --members "$members" --lines "$lines" --seed 1 --psychiatric-share "$share" --out "$csv" > /dev/null
columns=$(head -1 "$csv" | sed 's/,/ text, /g; s/$/ text/')
psql -h 127.0.0.1 -U postgres -d "$db" -qc "CREATE TABLE bench_copy ($columns)"
start=$(date +%s%N)
psql -h 127.0.0.1 -U postgres -d "$db" -qc "\\copy bench_copy FROM '$csv' WITH (FORMAT csv, HEADER true)"
copy_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rows=$(psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT count(*) FROM bench_copy")
stage_ms=$(cat "$work/stage.ms" 2>/dev/null || echo 0)
echo "COPY of the same $rows rows from CSV: ${copy_ms} ms, $(( rows * 1000 / (copy_ms > 0 ? copy_ms : 1) )) lines/s;" \
  "parse + stage took $(awk "BEGIN {printf \"%.2f\", $stage_ms / ($copy_ms > 0 ? $copy_ms : 1)}")x COPY's time"

jcmd "$pid" GC.run > /dev/null
echo "service memory: heap after full GC $(jcmd "$pid" GC.heap_info | awk '/used/ {print $0; exit}' | sed 's/^ *//');" \
  "RSS peak $(awk '/VmHWM/ {print $2 / 1024 " MiB"}' /proc/"$pid"/status)"

if [ -z "${STAGE_ONLY:-}" ]; then
  feed_rate=$(awk "BEGIN {printf \"%.1f\", $stored * 1000 / ($evidence_ms > 0 ? $evidence_ms : 1)}")
  echo "the evidence step stored $stored resources (Patient, Encounter, Condition, Provenance) in" \
    "$evidence_ms ms: $feed_rate resources/s"
  java -Xmx512m -cp "$classpath" bench/RawIngestBench.java "http://localhost:$port/fhir" "$feed_rate" \
    "${RAW_CLIENTS:-2000}" "${WRITERS:-2}" 100
fi
