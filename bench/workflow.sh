#!/usr/bin/env bash
# Benchmark of the care-coordination workflow: the packaged jar on a fresh PostgreSQL database; for each new client a
# referral to case management (opens a screening Task), an eligibility screening (closes it, queues a determination),
# a PHQ-9 and a functional assessment (checked and scored); prints latency percentiles per step and what the
# workflow costs a PHQ-9 against the same answers to a form outside the guide (stored unchecked and unscored).
#   bench/workflow.sh [clients] [threads] [warmupClients]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18081}
# shellcheck disable=SC2086
start_adapter "$port" --adapter.mllp.port="${BENCH_MLLP_PORT:-12578}" --adapter.adt.inbox="$work/adt" \
  --adapter.claims.inbox="$work/claims" ${ADAPTER_ARGS:-}
java bench/WorkflowLoadBench.java "http://localhost:$port/fhir" "$@"
