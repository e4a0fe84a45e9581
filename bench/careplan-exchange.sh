#!/usr/bin/env bash
# Benchmark of care plans sent to an EHR: the packaged jar on a fresh PostgreSQL database with one exchange endpoint,
# played by a small HTTP server in the benchmark; activates ISPs (client, goal and active plan in one transaction) and
# prints activations/s, deliveries/s and the delay from a committed activation to its arrival at the EHR.
#   bench/careplan-exchange.sh [plans] [threads] [ehrDelayMs] [warmupPlans]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS, another build via BENCH_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18080}
ehr_port=${BENCH_EHR_PORT:-18181}
# shellcheck disable=SC2086
start_adapter "$port" \
  --adapter.careplan.exchange.endpoints[0].id=bench-ehr \
  --adapter.careplan.exchange.endpoints[0].base-url="http://localhost:$ehr_port/fhir" \
  ${ADAPTER_ARGS:-}
echo "adapter args: ${ADAPTER_ARGS:-(defaults)}"
java bench/CarePlanExchangeBench.java "http://localhost:$port/fhir" "$ehr_port" "$@"
