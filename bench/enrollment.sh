#!/usr/bin/env bash
# Benchmark of the enrollment feed end to end: the packaged jar on a fresh PostgreSQL database, one generated X12 834
# of N members (each added with Medicaid coverage, living in an Illinois county) dropped into its inbox. Prints the
# parser alone (members/s, in this script's JVM), the job (members/s from the first member read to the last recorded:
# parse on its own thread, then per member the client matched or created, the Coverage and a Provenance, chunk by
# chunk) and the share of it spent recording, and the service's memory. There is no staging step.
#   bench/enrollment.sh [members=100000] [chunk=100] [writers=2]
# Then raw ingest of the same resources (RAW_MEMBERS of the members the job wrote, 5,000 by default, posted again as
# new members through the FHIR API, as many transactions at once as writers) and the feed's ratio to it.
# JAVA_OPTS: the service's JVM options (default -Xmx1g); another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-100000}
chunk=${2:-100}
writers=${3:-2}
export JAVA_OPTS=${JAVA_OPTS:--Xmx1g}

# shellcheck source=bench/lib.sh
source bench/lib.sh
classpath=$(routes_classpath)
port=${BENCH_PORT:-18084}
mkdir -p "$work/inbox" "$work/data"
start_adapter "$port" --adapter.enrollment.inbox="$work/inbox" --adapter.enrollment.chunk-size="$chunk" \
  --adapter.enrollment.writers="$writers" \
  --adapter.claims.inbox="$work/claims" --adapter.adt.inbox="$work/adt" --adapter.mllp.port="${BENCH_MLLP_PORT:-12578}"
echo "service JVM: $JAVA_OPTS; $chunk members per transaction, $writers writers"

java -Xmx256m -cp "$classpath" org.casemgmt.routes.enrollment.generator.EnrollmentFileGenerator \
  --members "$members" --seed 1 --out "$work/data/members.834" | sed 's/^/generated: /'
java -Xmx512m -cp "$classpath" bench/EnrollmentLoadBench.java "http://localhost:$port" "$work/inbox" \
  "$work/data/members.834" "$writers" "${RAW_MEMBERS:-5000}"

jcmd "$pid" GC.run > /dev/null
echo "service memory: heap after full GC $(jcmd "$pid" GC.heap_info | awk '/used/ {print $0; exit}' | sed 's/^ *//');" \
  "RSS peak $(awk '/VmHWM/ {print $2 / 1024 " MiB"}' /proc/"$pid"/status)"
