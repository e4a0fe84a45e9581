#!/usr/bin/env bash
# Cost of profile validation on writes: the packaged jar on a fresh PostgreSQL database, loaded with 50-entry
# transaction Bundles (Patients, hospitalization Encounters, diagnosis Conditions) that declare the guide's profiles
# (validation on) or declare none (validation off); prints resources/s of both, the slowdown and the server's memory.
#   bench/validation.sh [bundlesPerRound=200] [rounds=3] [warmupBundles=1000] [threads=2]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR. The server is told
# to require no profile (BENCH_NO_REQUIRED_PROFILES, by default blanking the Patient requirement; set it empty for a
# build whose default requires none), so "off" validates nothing. About 5 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18081}
no_required=${BENCH_NO_REQUIRED_PROFILES---adapter.conformance.required-profiles.Patient=}
# shellcheck disable=SC2086
start_adapter "$port" $no_required ${ADAPTER_ARGS:-}
echo "jar: $jar; JVM options: ${JAVA_OPTS:--Xmx2g}; adapter args: $no_required ${ADAPTER_ARGS:-}"
java bench/ValidationLoadBench.java "http://localhost:$port/fhir" "$pid" "$@"
