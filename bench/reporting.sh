#!/usr/bin/env bash
# Benchmark of state reporting: loads clients (a Patient, a psychiatric stay discharged in 2025 with its diagnosis,
# Medicaid coverage, for 3 in 5 a follow-up visit) and DocumentReferences with large attachments into the packaged jar
# on a fresh PostgreSQL database, restarts the service with a 512 MiB heap, evaluates FUH over 2025 and exports
# everything: seconds, MB/s, the heap used meanwhile (most, and after a full GC at the end) and the process's peak
# RSS. An export that buffered the attachments would die of OutOfMemoryError here.
#   bench/reporting.sh [clients=100000] [attachments=20] [attachmentMiB=4]
# JVM options of the reporting run via REPORTING_JAVA_OPTS (default -Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18080}
export_dir="$work/export"
start_adapter "$port" --adapter.export.directory="$export_dir"
java bench/ReportingBench.java load "http://localhost:$port/fhir" "$@"
stop_adapter

JAVA_OPTS=${REPORTING_JAVA_OPTS:--Xmx512m} launch_adapter "$port" --adapter.export.directory="$export_dir"
BENCH_TOKEN=$(bench_token "$port")
echo "reporting run: ${REPORTING_JAVA_OPTS:--Xmx512m}, ready in $ready_ms ms"
jstat -gc "$pid" 250 > "$work/gc.log" &
sampler=$!
java bench/ReportingBench.java measure "http://localhost:$port/fhir"
java bench/ReportingBench.java export "http://localhost:$port/fhir"
kill "$sampler"
# Heap used (survivors, eden, old) in the samples, and the old generation alone: what stays between collections.
awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used; if ($8 > old) old = $8 }
     END { printf "heap while measuring and exporting: at most %.0f MiB used, old generation at most %.0f MiB\n", max / 1024, old / 1024 }' \
  "$work/gc.log"
jcmd "$pid" GC.run > /dev/null
jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); printf "heap after a full GC: %.0f MiB\n", v / 1024 } }'
grep -E 'VmHWM' "/proc/$pid/status" | awk '{ printf "peak RSS of the service: %.0f MiB\n", $2 / 1024 }'
grep -E 'OutOfMemoryError' "$work/adapter.log" && { echo "the service ran out of memory"; exit 1; } || true
