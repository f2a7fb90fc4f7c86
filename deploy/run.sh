#!/usr/bin/env bash
# Starts the whole suite on this machine: a real PostgreSQL and a real Kafka broker (no Docker),
# then contributions-service (8081), targets-service (8082) and reporting-service (8083), each with its
# health and metrics on a management port of its own (9081, 9082, 9083).
# Stays in the foreground; Ctrl-C or SIGTERM stops everything it started.
#
#   deploy/run.sh             start (building first if the tree is not built)
#   deploy/run.sh --demo      start, then load the illustrative 2021 demo dataset
#   deploy/run.sh --kafka-auth  the broker requires SASL/SCRAM logins and enforces the ACLs of deploy/k8s's
#                             KafkaUsers; each service logs in as its own user (data of its own, too)
#   deploy/run.sh --cluster   three Kafka nodes (9092, 9094, 9096) and two instances of each service
#                             (8081-8083 and 8091-8093; the second instances' management ports are free
#                             ports, printed at start), with data of its own under the data directory
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${RM_DATA_DIR:-$ROOT/deploy/data}
POSTGRES_PORT=${RM_POSTGRES_PORT:-5432}
KAFKA_PORT=${RM_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${RM_KAFKA_CONTROLLER_PORT:-9093}
CONTRIBUTIONS_PORT=${RM_CONTRIBUTIONS_PORT:-8081}
TARGETS_PORT=${RM_TARGETS_PORT:-8082}
REPORTING_PORT=${RM_REPORTING_PORT:-8083}
CONTRIBUTIONS_MANAGEMENT_PORT=${RM_CONTRIBUTIONS_MANAGEMENT_PORT:-9081}
TARGETS_MANAGEMENT_PORT=${RM_TARGETS_MANAGEMENT_PORT:-9082}
REPORTING_MANAGEMENT_PORT=${RM_REPORTING_MANAGEMENT_PORT:-9083}
# C2 stays on: C1-only code made pledge POSTs about 4x slower in deploy/bench.sh. After the bench's
# whole load, Native Memory Tracking found the heap grown to its 128 MB and RSS some 60 MB above what
# the JVM had committed (malloc's free lists). So the heap gives memory back after a collection
# (Min/MaxHeapFreeRatio), the JVM trims malloc's free memory every 5 s, malloc keeps two arenas
# rather than one per core and thread (MALLOC_ARENA_MAX), and the code cache is 48 MB. The metaspace
# threshold starts at 96 MB, what a service loads anyway: below it, targets and reporting each ran two full
# collections of 85-115 ms while it started.
# C2 compiles a method only after five times HotSpot's default counts (LATE_C2): at start-up it
# otherwise spent 5-6 s of each service's 14-16 s of CPU on code that runs only while starting, with three
# services, the broker and PostgreSQL sharing 2 cores. Code that stays hot is still compiled by C2.
LATE_C2="-XX:Tier4InvocationThreshold=25000 -XX:Tier4MinInvocationThreshold=3000 -XX:Tier4CompileThreshold=75000 -XX:Tier4BackEdgeThreshold=200000"
SERVICE_JAVA_OPTS=${RM_SERVICE_JAVA_OPTS:--Xms32m -Xmx128m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MetaspaceSize=96m -XX:TrimNativeHeapInterval=5000 -XX:ReservedCodeCacheSize=48m $LATE_C2}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
JWT_ISSUER=https://issuer.local.rm-suite
JWT_AUDIENCE=resource-mobilization-suite
# The broker keeps both compilers: the client compiler alone halves the CPU it takes to start (16 to 9 s), but the
# bench's rebuild then replayed 2,233 events/s instead of 3,000 (deploy/bench/README.md). A late C2 saves it about 2 s.
KAFKA_JAVA_OPTS="-Xms256m -Xmx512m $LATE_C2"
DEMO=false
CLUSTER=false
KAFKA_AUTH=false

for arg in "$@"; do
  case "$arg" in
    --demo) DEMO=true ;;
    --cluster) CLUSTER=true ;;
    --kafka-auth) KAFKA_AUTH=true ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

source "$ROOT/deploy/lib/suite.sh"

# A cluster keeps its own PostgreSQL and Kafka data: its topics and consumer offsets are not the
# single broker's, and the services' databases record what they have published and consumed there.
if [[ "$CLUSTER" == true && "$KAFKA_AUTH" == true ]]; then
  echo "--kafka-auth runs a single broker; it cannot be combined with --cluster yet" >&2
  exit 2
fi
if [[ "$KAFKA_AUTH" == true ]]; then
  # Its own topics, users and offsets, and so its own databases, as for a cluster.
  STATE=$DATA/kafka-auth
  KAFKA_NODES=1
  INSTANCES=1
elif [[ "$CLUSTER" == true ]]; then
  STATE=$DATA/cluster
  KAFKA_NODES=3
  INSTANCES=2
else
  STATE=$DATA
  KAFKA_NODES=1
  INSTANCES=1
fi
LOGS=$STATE/logs
# Second instances listen 10 above the first: 8091, 8092, 8093 by default.
instance_port() { # service instance
  local port_var="${1^^}_PORT"
  echo $((${!port_var} + 10 * ($2 - 1)))
}
# Management ports: the first instance's is fixed; the others take free ports, chosen once at start.
declare -A MANAGEMENT_PORTS=()
instance_management_port() { # service instance
  local port_var="${1^^}_MANAGEMENT_PORT"
  if (($2 == 1)); then echo "${!port_var}"; else echo "${MANAGEMENT_PORTS[$1-$2]}"; fi
}
instance_name() { # service instance
  if ((INSTANCES == 1)); then echo "$1-service"; else echo "$1-service-$2"; fi
}

PIDS=()
NAMES=()
TIERS=()
STOPPED=false
stop_all() {
  local tier i
  [[ "$STOPPED" == false ]] || return 0
  STOPPED=true
  # A second Ctrl-C or TERM while stopping would end this script with PostgreSQL and Kafka still running,
  # holding their ports and data directories; the stop is bounded anyway (20 s a tier, then KILL).
  trap '' INT TERM
  echo
  echo "Stopping the suite..."
  # Services first, so that consumers leave their group and producers flush; then Kafka; then PostgreSQL.
  # Within a tier all at once: Kafka nodes stopped one by one would leave the last without a quorum.
  for tier in services kafka postgres; do
    for i in "${!PIDS[@]}"; do
      [[ "${TIERS[$i]}" == "$tier" ]] && kill -TERM "${PIDS[$i]}" 2>/dev/null || true
    done
    for i in "${!PIDS[@]}"; do
      [[ "${TIERS[$i]}" == "$tier" ]] || continue
      wait_for_exit "${PIDS[$i]}" 20 || { echo "${NAMES[$i]} did not stop in 20 s, killing it"; kill -KILL "${PIDS[$i]}" 2>/dev/null || true; }
    done
  done
  echo "Stopped. Data stays in $STATE"
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

start_bg() { # tier name logfile command...
  local tier=$1 name=$2 log=$3; shift 3
  "$@" >>"$log" 2>&1 &
  PIDS+=($!)
  NAMES+=("$name")
  TIERS+=("$tier")
}

ensure_built "$ROOT"
mkdir -p "$LOGS" "$DATA/keys"
java -cp "$(devkit_classpath "$ROOT")" org.unhabitat.devkit.KeyPairCommand "$DATA/keys"

started=$(date +%s%N)

# What the environment already points at is used as it is: nothing embedded starts for it.
if [[ -n "${CONTRIBUTIONS_DB_URL:-}" && -n "${TARGETS_DB_URL:-}" && -n "${REPORTING_DB_URL:-}" ]]; then
  echo "Using the PostgreSQL databases given by *_DB_URL"
else
  echo "Starting PostgreSQL on 127.0.0.1:$POSTGRES_PORT"
  start_bg postgres postgres "$LOGS/postgres.log" \
    java -Xmx256m -cp "$(devkit_classpath "$ROOT")" org.unhabitat.devkit.LocalPostgres \
    "$STATE/postgres" "$POSTGRES_PORT" contributions targets reporting
fi
if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
  echo "Using the Kafka brokers given by KAFKA_BOOTSTRAP_SERVERS: $KAFKA_BOOTSTRAP_SERVERS"
elif ((KAFKA_NODES == 1)); then
  echo "Starting Kafka on 127.0.0.1:$KAFKA_PORT"
  write_kafka_config "$STATE/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
  format_options=()
  if [[ "$KAFKA_AUTH" == true ]]; then
    SECRETS=$STATE/kafka-secrets
    admin_password=$(secret_in "$SECRETS/admin.password")
    append_kafka_authentication "$STATE/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$admin_password"
    format_options=(--add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]")
  fi
  format_kafka_storage_once "$ROOT" "$STATE/kafka" "${format_options[@]}"
  # shellcheck disable=SC2086
  start_bg kafka kafka "$LOGS/kafka-console.log" \
    java $KAFKA_JAVA_OPTS -Dkafka.logs.dir="$LOGS" \
    -Dlog4j2.configurationFile="$ROOT/deploy/kafka-broker/log4j2.properties" \
    -cp "$ROOT/deploy/kafka-broker/target/lib/*" kafka.Kafka "$STATE/kafka/server.properties"
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
else
  # Node n listens on KAFKA_PORT + 2(n-1) and takes part in the controller quorum on KAFKA_CONTROLLER_PORT + 2(n-1).
  brokers=() controllers=() format_args=()
  for ((node = 1; node <= KAFKA_NODES; node++)); do
    brokers+=("127.0.0.1:$((KAFKA_PORT + 2 * (node - 1)))")
    controllers+=("127.0.0.1:$((KAFKA_CONTROLLER_PORT + 2 * (node - 1)))")
    format_args+=("$((KAFKA_CONTROLLER_PORT + 2 * (node - 1)))" "$STATE/kafka-$node")
  done
  for ((node = 1; node <= KAFKA_NODES; node++)); do
    write_kafka_config "$STATE/kafka-$node" "${brokers[node - 1]#*:}" "${controllers[node - 1]#*:}" "$node" \
      "$(IFS=,; echo "${controllers[*]}")" "$KAFKA_NODES"
  done
  format_kafka_cluster_once "$ROOT" "${format_args[@]}"
  KAFKA_BOOTSTRAP_SERVERS=$(IFS=,; echo "${brokers[*]}")
  echo "Starting $KAFKA_NODES Kafka nodes on $KAFKA_BOOTSTRAP_SERVERS"
  for ((node = 1; node <= KAFKA_NODES; node++)); do
    mkdir -p "$LOGS/kafka-$node"
    # shellcheck disable=SC2086
    start_bg kafka "kafka-$node" "$LOGS/kafka-$node/console.log" \
      java $KAFKA_JAVA_OPTS -Dkafka.logs.dir="$LOGS/kafka-$node" \
      -Dlog4j2.configurationFile="$ROOT/deploy/kafka-broker/log4j2.properties" \
      -cp "$ROOT/deploy/kafka-broker/target/lib/*" kafka.Kafka "$STATE/kafka-$node/server.properties"
  done
fi
wait_for_kafka() {
  if pid=$(pid_of kafka); then wait_for_port "$KAFKA_PORT" 60 kafka "$pid" "$LOGS/server.log"; fi
  for ((node = 1; node <= KAFKA_NODES; node++)); do
    if pid=$(pid_of "kafka-$node"); then
      wait_for_port "$((KAFKA_PORT + 2 * (node - 1)))" 60 "kafka-$node" "$pid" "$LOGS/kafka-$node/server.log"
    fi
  done
}
if pid=$(pid_of postgres); then wait_for_port "$POSTGRES_PORT" 60 postgres "$pid" "$LOGS/postgres.log"; fi
# The services need PostgreSQL to start, but reach Kafka only late in their start and retry until it answers; so
# they start while the broker does. With --kafka-auth, the topics and users must exist first.
if [[ "$KAFKA_AUTH" == true ]]; then wait_for_kafka; fi

kafka_env() { # service: how it logs in to the broker, if the broker asks
  if [[ "$KAFKA_AUTH" == true ]]; then
    echo "KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT"
    echo "KAFKA_SASL_MECHANISM=SCRAM-SHA-512"
    echo "KAFKA_SASL_JAAS_CONFIG=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$1-service\" password=\"$(cat "$SECRETS/$1-service.password")\";"
  fi
}
if [[ "$KAFKA_AUTH" == true ]]; then
  # The users, ACLs and topics of deploy/k8s/base/kafka; services may not create topics themselves.
  # The broker's Kafka client and its compression codecs, not its logging binding: devkit brings its own.
  access_cp="$(devkit_classpath "$ROOT")"
  for jar in "$ROOT"/deploy/kafka-broker/target/lib/{kafka-clients,lz4-java,snappy-java,zstd-jni}-*.jar; do access_cp+=":$jar"; done
  java -cp "$access_cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    org.unhabitat.devkit.KafkaAccess "$KAFKA_BOOTSTRAP_SERVERS" "$SECRETS/admin.password" "$SECRETS" "$ROOT/deploy/k8s/base/kafka"
fi

common_env=(
  "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS"
  "JWT_ISSUER=$JWT_ISSUER"
  "JWT_AUDIENCE=$JWT_AUDIENCE"
  "JWT_PUBLIC_KEY_LOCATION=file:$DATA/keys/jwt-public.pem"
  # A developer may point a webhook at a listener of their own on http://127.0.0.1; production never.
  "WEBHOOKS_LOCAL_RECEIVER_ALLOWED=true"
)
# Instances of one service share its database and its consumer groups; only the HTTP ports differ.
for ((instance = 2; instance <= INSTANCES; instance++)); do
  for service in contributions targets reporting; do
    MANAGEMENT_PORTS[$service-$instance]=$(free_port "${MANAGEMENT_PORTS[@]}")
  done
done
for ((instance = 1; instance <= INSTANCES; instance++)); do
  for service in contributions targets reporting; do
    prefix=${service^^}
    url_var="${prefix}_DB_URL" user_var="${prefix}_DB_USER" password_var="${prefix}_DB_PASSWORD"
    name=$(instance_name "$service" "$instance")
    port=$(instance_port "$service" "$instance")
    management_port=$(instance_management_port "$service" "$instance")
    app="$ROOT/$service-service/target/quarkus-app"
    # The class data archive the build made (quarkus.package.jar.appcds.enabled) names the jars relative to the
    # application's directory, so the service runs there. A JDK other than the build's ignores it with a warning.
    class_data=()
    [[ -f "$app/app-cds.jsa" ]] && class_data=(-XX:SharedArchiveFile=app-cds.jsa)
    echo "Starting $name on :$port (management :$management_port)"
    # shellcheck disable=SC2086
    mapfile -t service_kafka_env < <(kafka_env "$service")
    start_bg services "$name" "$LOGS/$name.log" env "${common_env[@]}" "${service_kafka_env[@]}" \
      "QUARKUS_HTTP_PORT=$port" "QUARKUS_MANAGEMENT_PORT=$management_port" \
      "$url_var=${!url_var:-jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/$service}" \
      "$user_var=${!user_var:-postgres}" "$password_var=${!password_var:-postgres}" \
      env -C "$app" java $SERVICE_JAVA_OPTS "${class_data[@]}" -jar quarkus-run.jar
  done
done

wait_for_kafka
for ((instance = 1; instance <= INSTANCES; instance++)); do
  for service in contributions targets reporting; do
    name=$(instance_name "$service" "$instance")
    wait_for_ready "$(instance_management_port "$service" "$instance")" 120 "$name" "$(pid_of "$name")" "$LOGS/$name.log"
  done
done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

if [[ "$DEMO" == true ]]; then
  java -cp "$(devkit_classpath "$ROOT")" org.unhabitat.devkit.DemoDataset \
    "http://127.0.0.1:$CONTRIBUTIONS_PORT" "http://127.0.0.1:$TARGETS_PORT" "$DATA/keys" "$JWT_ISSUER" "$JWT_AUDIENCE"
fi

echo
echo "The suite is healthy ($((elapsed_ms / 1000)).$(( (elapsed_ms % 1000) / 100 )) s from start to all ready)."
for service in contributions targets reporting; do
  for ((instance = 1; instance <= INSTANCES; instance++)); do
    printf '  %-24s http://localhost:%s/q/swagger-ui   health and metrics: http://localhost:%s/q/health, /q/metrics\n' \
      "$(instance_name "$service" "$instance")" "$(instance_port "$service" "$instance")" "$(instance_management_port "$service" "$instance")"
  done
done
cat <<INFO
  dashboard                http://localhost:$REPORTING_PORT/
  progress                 http://localhost:$REPORTING_PORT/api/v1/progress?plan=2020-2023
  Kafka                    $KAFKA_BOOTSTRAP_SERVERS$([[ "$KAFKA_AUTH" == true ]] && echo " (SASL/SCRAM; each service's password in $SECRETS)")
  a finance token          deploy/token.sh finance
Logs are in $LOGS. Press Ctrl-C to stop.
INFO

set +e
if [[ "$CLUSTER" == false ]]; then
  # Stay in the foreground; if any process dies, stop the rest rather than run half a suite.
  wait -n "${PIDS[@]}"
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      echo "${NAMES[$i]} exited unexpectedly; see $LOGS" >&2
    fi
  done
  exit 1
fi
# A cluster is there to outlive one dead Kafka node or service instance: say so and carry on.
# PostgreSQL has no second copy, so without it there is nothing left to run.
running=("${PIDS[@]}")
while true; do
  wait -n "${running[@]}"
  still=()
  for i in "${!PIDS[@]}"; do
    if kill -0 "${PIDS[$i]}" 2>/dev/null; then
      still+=("${PIDS[$i]}")
    elif [[ " ${running[*]} " == *" ${PIDS[$i]} "* ]]; then
      echo "${NAMES[$i]} exited unexpectedly; the rest carries on. See $LOGS" >&2
      [[ "${TIERS[$i]}" != postgres ]] || exit 1
    fi
  done
  ((${#still[@]})) || exit 1
  running=("${still[@]}")
done
