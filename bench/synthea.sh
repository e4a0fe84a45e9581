#!/usr/bin/env bash
# Benchmark of an EHR's ordinary bundles: the 14 Synthea transaction Bundles of the shared sample data posted to the
# packaged jar on a fresh PostgreSQL database, round after round (each round as new patients); prints resources/s.
#   bench/synthea.sh [rounds] [threads]
# JVM options via JAVA_OPTS, extra adapter arguments via ADAPTER_ARGS (e.g. a search-parameter list), another build
# via BENCH_JAR, other bundles via BUNDLES.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=bench/lib.sh
source bench/lib.sh
port=${BENCH_PORT:-18080}
# shellcheck disable=SC2086
start_adapter "$port" ${ADAPTER_ARGS:-}
echo "adapter args: ${ADAPTER_ARGS:-(defaults)}"
java bench/SyntheaLoadBench.java "http://localhost:$port/fhir" "${BUNDLES:-../shared/data/synthea/fhir-bundles}" "$@"
