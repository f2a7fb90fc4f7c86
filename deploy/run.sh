#!/usr/bin/env bash
# Starts the whole suite on this machine: a real PostgreSQL and a real Kafka broker (no Docker),
# then contributions-service (8081), targets-service (8082) and reporting-service (8083).
# Stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
#
#   deploy/run.sh           start (building first if the tree is not built)
#   deploy/run.sh --demo    start, then load the illustrative 2021 demo dataset
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${RM_DATA_DIR:-$ROOT/deploy/data}
POSTGRES_PORT=${RM_POSTGRES_PORT:-5432}
KAFKA_PORT=${RM_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${RM_KAFKA_CONTROLLER_PORT:-9093}
CONTRIBUTIONS_PORT=${RM_CONTRIBUTIONS_PORT:-8081}
TARGETS_PORT=${RM_TARGETS_PORT:-8082}
REPORTING_PORT=${RM_REPORTING_PORT:-8083}
# C2 stays on: C1-only code made pledge POSTs about 4x slower in deploy/bench.sh. A small initial
# heap and code cache keep each service under 250 MB RSS with it; the heap still grows to 128 MB.
SERVICE_JAVA_OPTS=${RM_SERVICE_JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m}
JWT_ISSUER=https://issuer.local.rm-suite
JWT_AUDIENCE=resource-mobilization-suite
DEMO=false

for arg in "$@"; do
  case "$arg" in
    --demo) DEMO=true ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

source "$ROOT/deploy/lib/suite.sh"

PIDS=()
NAMES=()
STOPPED=false
stop_all() {
  local i
  [[ "$STOPPED" == false ]] || return 0
  STOPPED=true
  echo
  echo "Stopping the suite..."
  # Services first, so that consumers leave their group and producers flush; then Kafka; then PostgreSQL.
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    wait_for_exit "${PIDS[$i]}" 20 || { echo "${NAMES[$i]} did not stop in 20 s, killing it"; kill -KILL "${PIDS[$i]}" 2>/dev/null || true; }
  done
  echo "Stopped. Data stays in $DATA"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

pid_of() { # name: prints the PID of a process this script started, or fails
  local i
  for i in "${!NAMES[@]}"; do
    if [[ "${NAMES[$i]}" == "$1" ]]; then echo "${PIDS[$i]}"; return 0; fi
  done
  return 1
}

start_bg() { # name logfile command...
  local name=$1 log=$2; shift 2
  "$@" >>"$log" 2>&1 &
  PIDS+=($!)
  NAMES+=("$name")
}

ensure_built "$ROOT"
mkdir -p "$DATA/logs" "$DATA/keys"
java -cp "$(devkit_classpath "$ROOT")" org.unhabitat.devkit.KeyPairCommand "$DATA/keys"

started=$(date +%s%N)

# What the environment already points at is used as it is: nothing embedded starts for it.
if [[ -n "${CONTRIBUTIONS_DB_URL:-}" && -n "${TARGETS_DB_URL:-}" && -n "${REPORTING_DB_URL:-}" ]]; then
  echo "Using the PostgreSQL databases given by *_DB_URL"
else
  echo "Starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
  start_bg postgres "$DATA/logs/postgres.log" \
    java -Xmx256m -cp "$(devkit_classpath "$ROOT")" org.unhabitat.devkit.LocalPostgres \
    "$DATA/postgres" "$POSTGRES_PORT" contributions targets reporting
fi
if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  echo "Using the Kafka brokers given by KAFKA_BOOTSTRAP_SERVERS: $KAFKA_BOOTSTRAP_SERVERS"
else
  echo "Starting Kafka on 127.0.0.1:$KAFKA_PORT"
  write_kafka_config "$DATA/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
  format_kafka_storage_once "$ROOT" "$DATA/kafka"
  start_bg kafka "$DATA/logs/kafka-console.log" \
    java -Xms256m -Xmx512m -Dkafka.logs.dir="$DATA/logs" \
    -Dlog4j2.configurationFile="$ROOT/deploy/kafka-broker/log4j2.properties" \
    -cp "$ROOT/deploy/kafka-broker/target/lib/*" kafka.Kafka "$DATA/kafka/server.properties"
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
fi
if pid=$(pid_of postgres); then wait_for_port "$POSTGRES_PORT" 60 postgres "$pid" "$DATA/logs/postgres.log"; fi
if pid=$(pid_of kafka); then wait_for_port "$KAFKA_PORT" 60 kafka "$pid" "$DATA/logs/server.log"; fi

common_env=(
  "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS"
  "JWT_ISSUER=$JWT_ISSUER"
  "JWT_AUDIENCE=$JWT_AUDIENCE"
  "JWT_PUBLIC_KEY_LOCATION=file:$DATA/keys/jwt-public.pem"
)
for service in contributions targets reporting; do
  prefix=${service^^}
  port_var="${prefix}_PORT" url_var="${prefix}_DB_URL" user_var="${prefix}_DB_USER" password_var="${prefix}_DB_PASSWORD"
  jar="$ROOT/$service-service/target/quarkus-app/quarkus-run.jar"
  echo "Starting $service-service on :${!port_var}"
  # shellcheck disable=SC2086
  start_bg "$service-service" "$DATA/logs/$service-service.log" env "${common_env[@]}" \
    "QUARKUS_HTTP_PORT=${!port_var}" \
    "$url_var=${!url_var:-jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/$service}" \
    "$user_var=${!user_var:-postgres}" "$password_var=${!password_var:-postgres}" \
    java $SERVICE_JAVA_OPTS -jar "$jar"
done

for service in contributions targets reporting; do
  port_var="${service^^}_PORT"
  wait_for_ready "${!port_var}" 90 "$service-service" "$(pid_of "$service-service")" "$DATA/logs/$service-service.log"
done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

if [[ "$DEMO" == true ]]; then
  java -cp "$(devkit_classpath "$ROOT")" org.unhabitat.devkit.DemoDataset \
    "http://127.0.0.1:$CONTRIBUTIONS_PORT" "$DATA/keys" "$JWT_ISSUER" "$JWT_AUDIENCE"
fi

cat <<INFO

The suite is healthy ($((elapsed_ms / 1000)).$(( (elapsed_ms % 1000) / 100 )) s from start to all ready).
  contributions-service  http://localhost:$CONTRIBUTIONS_PORT/q/swagger-ui
  targets-service        http://localhost:$TARGETS_PORT/q/swagger-ui
  reporting-service      http://localhost:$REPORTING_PORT/q/swagger-ui
  dashboard              http://localhost:$REPORTING_PORT/
  progress               http://localhost:$REPORTING_PORT/api/v1/progress?plan=2020-2023
  a finance token        deploy/token.sh finance
Logs are in $DATA/logs. Press Ctrl-C to stop.
INFO

# Stay in the foreground; if any process dies, stop the rest rather than run half a suite.
set +e
wait -n "${PIDS[@]}"
for i in "${!PIDS[@]}"; do
  if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
    echo "${NAMES[$i]} exited unexpectedly; see $DATA/logs" >&2
  fi
done
exit 1
