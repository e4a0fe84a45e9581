# Shared by the benchmarks: start the packaged adapter on a fresh PostgreSQL database and wait until it is ready.
# Source it, then: start_adapter <port> [adapter arguments...]; it sets $pid and $work (a scratch folder holding
# adapter.log) and drops the database and stops the adapter on exit. classpath=$(routes_classpath) gives the class path
# of routes' generators (its test classes) and parsers. JVM options via JAVA_OPTS, another build via BENCH_JAR (the
# jar used is in $jar), another JVM via BENCH_JAVA, the README's launcher (bin/adapter: on a JDK 25 an AOT cache next
# to $jar, trained by the first start) with LAUNCHER=1, options appended to the JDBC URL via JDBC_URL_OPTIONS. The
# service gets an administrator client for the benchmark (BENCH_CLIENT_ID / BENCH_CLIENT_SECRET); once it is ready, BENCH_TOKEN holds
# a token of it, which the benchmarks send with every request.
# The store is measured as PostgreSQL runs by default and in production: with autovacuum, whose ANALYZE gives the
# planner the tables' statistics. A server with it off (this project's CI machines turn it off for the tests) never
# learns that its index tables have grown, so identifier searches scan them whole and a feed slows as the store fills;
# start_adapter turns autovacuum on for the run (BENCH_AUTOVACUUM=keep leaves the server as it is) and back after.

jar=${BENCH_JAR:-adapter/target/adapter.jar}
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
db="casemgmt_bench_$$"
export BENCH_CLIENT_ID=bench-admin
export BENCH_CLIENT_SECRET="bench-$$-$RANDOM"
work=$(mktemp -d)

cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  if [ -n "${autovacuum_turned_on:-}" ]; then
    psql -h 127.0.0.1 -U postgres -qc "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" > /dev/null || true
  fi
  rm -rf "$work"
}

start_adapter() {
  local port=$1
  if curl -s -o /dev/null "http://localhost:$port/"; then
    echo "port $port is in use (another benchmark still running?); set BENCH_PORT" >&2
    exit 1
  fi
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  trap cleanup EXIT
  autovacuum_on
  launch_adapter "$@"
  BENCH_TOKEN=$(bench_token "$port")
  export BENCH_TOKEN
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB;" \
    "PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'show server_version'), autovacuum" \
    "$(psql -h 127.0.0.1 -U postgres -tAc 'show autovacuum')"
}

# Turns PostgreSQL's autovacuum on for the run if the server has it off (see the top of this file).
autovacuum_on() {
  [ "$(psql -h 127.0.0.1 -U postgres -tAc 'SHOW autovacuum')" = on ] && return
  if [ "${BENCH_AUTOVACUUM:-}" = keep ]; then
    echo "PostgreSQL's autovacuum is off and kept off (BENCH_AUTOVACUUM=keep): the planner has no statistics"
    return
  fi
  psql -h 127.0.0.1 -U postgres -qc "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" > /dev/null
  autovacuum_turned_on=1
  echo "PostgreSQL's autovacuum was off on this server: on for this run, off again after it"
}

# Starts the adapter on the benchmark's database (as it is) and waits until it is ready: launch_adapter <port> [args].
# Sets $ready_ms, the time from launch until readiness answered UP.
launch_adapter() {
  local port=$1 launched
  shift
  launched=$(date +%s%N)
  local command
  if [ "${LAUNCHER:-}" = 1 ]; then
    command=(env ADAPTER_JAR="$jar" ADAPTER_JAVA="${BENCH_JAVA:-}" JAVA_OPTS="${JAVA_OPTS:--Xmx2g}" bin/adapter)
  else
    # shellcheck disable=SC2206
    command=(${BENCH_JAVA:-java} ${JAVA_OPTS:--Xmx2g} -jar "$jar")
  fi
  "${command[@]}" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db${JDBC_URL_OPTIONS:-}" --spring.datasource.username=postgres \
    --adapter.security.clients[0].id="$BENCH_CLIENT_ID" --adapter.security.clients[0].secret="$BENCH_CLIENT_SECRET" \
    --adapter.security.token-ttl=PT12H --adapter.security.clients[0].role=admin --adapter.security.clients[0].scopes[0]='system/*.cruds' \
    "$@" >> "$work/adapter.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 2400); do
    curl -sf "http://localhost:$port/actuator/health/readiness" > /dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/adapter.log"; exit 1; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - launched) / 1000000 ))
}

# Stops the adapter started last and waits until it has exited.
stop_adapter() {
  kill "$pid" && wait "$pid" 2>/dev/null || true
  pid=
}

# A client-credentials token of the benchmark's client from the service on this port.
bench_token() {
  curl -sf -u "$BENCH_CLIENT_ID:$BENCH_CLIENT_SECRET" -d grant_type=client_credentials \
    "http://localhost:$1/oauth2/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# Routes' classes and test classes (the file generators) with their runtime dependencies, compiled first. Main and test
# classes compile in the same reactor run, so routes' test-scoped sibling module resolves without an install.
routes_classpath() {
  local file
  file=$(mktemp)
  ./mvnw -B -q -pl routes -am test-compile dependency:build-classpath -Dmdep.outputFile="$file" \
    -Dmdep.includeScope=runtime >&2
  echo "routes/target/classes:routes/target/test-classes:$(cat "$file")"
  rm -f "$file"
}
