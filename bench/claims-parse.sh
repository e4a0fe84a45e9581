#!/usr/bin/env bash
# Parse speed of the claims readers (routes/claims): generates an 837I, an 837P and a CSV extract of N claim lines
# each in a temp folder (routes' claim-file generator, a test class) and reads each a few times with a 512 MB heap;
# prints claims/s, MB/s and heap, and whether each read matched the generator's manifest. No server, no database.
#   bench/claims-parse.sh [lines=400000] [rounds=3]
# JVM options via JAVA_OPTS (default -Xmx512m). About a minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
# compile (main and test classes) in the same reactor run, so routes' test-scoped sibling module resolves without an
# install
./mvnw -B -q -pl routes -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime
echo "machine: $(nproc) cores; JVM options: ${JAVA_OPTS:--Xmx512m}"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx512m} -cp "routes/target/classes:routes/target/test-classes:$(cat "$cp")" bench/ClaimParseBench.java "$@"
