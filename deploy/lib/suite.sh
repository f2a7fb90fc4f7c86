# Shared by deploy/*.sh: building on demand, the local Kafka configuration and readiness checks.

ensure_built() { # root
  local root=$1
  local missing=false
  for artifact in \
      "$root/contributions-service/target/quarkus-app/quarkus-run.jar" \
      "$root/targets-service/target/quarkus-app/quarkus-run.jar" \
      "$root/reporting-service/target/quarkus-app/quarkus-run.jar" \
      "$root/deploy/kafka-broker/target/lib" \
      "$root/deploy/devkit/target/lib"; do
    [[ -e "$artifact" ]] || missing=true
  done
  if [[ "$missing" == true ]]; then
    echo "Building the suite (first run only; about a minute)..."
    (cd "$root" && ./mvnw -B -q package -DskipTests)
  fi
}

devkit_classpath() { # root
  local root=$1
  echo "$(ls "$root"/deploy/devkit/target/devkit-*.jar | head -n 1):$root/deploy/devkit/target/lib/*"
}

write_kafka_config() { # dir port controller_port [node_id controller_bootstrap_servers nodes]
  local dir=$1 port=$2 controller=$3 node=${4:-1} controllers=${5:-127.0.0.1:$3} nodes=${6:-1}
  # One node can keep one copy; three copies with two in sync survive the loss of any one node.
  local replicas=$((nodes < 3 ? nodes : 3))
  local in_sync=$((replicas > 1 ? replicas - 1 : 1))
  # Six partitions in a cluster, so that two instances of a consumer get three each.
  local partitions=$((nodes == 1 ? 3 : 6))
  mkdir -p "$dir/logs"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=$node
controller.quorum.bootstrap.servers=$controllers
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/logs
num.partitions=$partitions
default.replication.factor=$replicas
min.insync.replicas=$in_sync
unclean.leader.election.enable=false
offsets.topic.replication.factor=$replicas
transaction.state.log.replication.factor=$replicas
transaction.state.log.min.isr=$in_sync
share.coordinator.state.topic.replication.factor=$replicas
share.coordinator.state.topic.min.isr=$in_sync
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
# Kept forever: a rebuild replays the event topics from their first record.
log.retention.ms=-1
PROPS
}

# Clients must log in with SASL/SCRAM-SHA-512 and may do only what ACLs allow, as in the cluster's
# manifests. Appended to server.properties, whose listener settings it overrides (the last value wins).
# The brokers use the super user admin between themselves: SCRAM on the client listener, PLAIN on the
# controller listener (a controller cannot look SCRAM credentials up in metadata it is still loading).
append_kafka_authentication() { # dir port controller_port admin_password
  local dir=$1 port=$2 controller=$3 password=$4
  cat >>"$dir/server.properties" <<PROPS
listeners=SASL_PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$password" user_admin="$password";
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
PROPS
  chmod 600 "$dir/server.properties"
}

# A Kafka Uuid as its tools print one: 16 random bytes in URL-safe base64 without padding, never starting with
# '-' (Kafka's own rule, so that an id is never read as an option). Made here to spare a JVM start.
kafka_uuid() {
  local id
  while id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='); [[ "$id" == -* ]]; do :; done
  echo "$id"
}

# Formatting is a short JVM: the client compiler alone starts it sooner.
KAFKA_TOOL_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

format_kafka_storage_once() { # root dir [format options...]
  local root=$1 dir=$2
  shift 2
  if [[ ! -f "$dir/logs/meta.properties" ]]; then
    # shellcheck disable=SC2086
    java $KAFKA_TOOL_JAVA_OPTS -cp "$root/deploy/kafka-broker/target/lib/*" kafka.tools.StorageTool format -t "$(kafka_uuid)" \
      -c "$dir/server.properties" --standalone "$@" >/dev/null 2>&1
  fi
}

# A password kept in a file of its own, readable by its owner only, generated on first use.
secret_in() { # file
  if [[ ! -s "$1" ]]; then
    mkdir -p "$(dirname "$1")"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$1")
  fi
  cat "$1"
}

format_kafka_cluster_once() { # root, then the controller port and directory of node 1, of node 2, ...
  local root=$1; shift
  local cp="$root/deploy/kafka-broker/target/lib/*" ports=() dirs=() formatted=0 n
  while (($#)); do ports+=("$1"); dirs+=("$2"); shift 2; done
  for n in "${!dirs[@]}"; do [[ -f "${dirs[$n]}/logs/meta.properties" ]] && formatted=$((formatted + 1)); done
  ((formatted == ${#dirs[@]})) && return 0
  if ((formatted > 0)); then
    echo "Only $formatted of ${#dirs[@]} Kafka nodes are formatted; delete ${dirs[*]} to start the cluster afresh" >&2
    return 1
  fi
  # One cluster id, and one directory id per node for the quorum.
  local ids=() pids=()
  for ((n = 0; n <= ${#dirs[@]}; n++)); do ids[n]=$(kafka_uuid); done
  # Every node is formatted with the same quorum of all of them, so that they all start as its voters
  # rather than one of them alone having to add the others afterwards.
  local initial=()
  for n in "${!dirs[@]}"; do initial+=("$((n + 1))@127.0.0.1:${ports[$n]}:${ids[n + 1]}"); done
  pids=()
  for n in "${!dirs[@]}"; do
    # shellcheck disable=SC2086
    java $KAFKA_TOOL_JAVA_OPTS -cp "$cp" kafka.tools.StorageTool format -t "${ids[0]}" -c "${dirs[$n]}/server.properties" \
      --initial-controllers "$(IFS=,; echo "${initial[*]}")" >"${dirs[$n]}/format.log" 2>&1 &
    pids+=($!)
  done
  for n in "${!pids[@]}"; do
    wait "${pids[$n]}" || { echo "Formatting ${dirs[$n]} failed:" >&2; cat "${dirs[$n]}/format.log" >&2; return 1; }
  done
}

# Plain bash, so that a machine without curl can still run the suite.
http_status() { # port path
  local port=$1 path=$2 status
  if ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then echo 000; return; fi
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
  read -r -t 5 _ status _ <&3 || status=000
  exec 3<&- 3>&-
  echo "${status:-000}"
}

# Fails fast, with the end of its log, when the process died instead of coming up.
check_alive() { # pid name log
  local pid=$1 name=$2 log=$3
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "$name exited during startup; the end of $log:" >&2
    tail -n 20 "$log" >&2
    return 1
  fi
}

wait_for_port() { # port seconds name pid log
  local port=$1 seconds=$2 name=$3 pid=$4 log=$5 i
  for ((i = 0; i < seconds * 10; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    check_alive "$pid" "$name" "$log" || return 1
    sleep 0.1
  done
  echo "$name did not open port $port within $seconds s" >&2
  return 1
}

# A port nothing listens on now, outside the kernel's ephemeral range and none of the given ones.
free_port() { # taken...
  local port
  while true; do
    port=$((20000 + RANDOM % 12000))
    [[ " $* " == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
}

# The port is the service's management port, where /q/health answers.
wait_for_ready() { # port seconds name pid log
  local port=$1 seconds=$2 name=$3 pid=$4 log=$5 i
  for ((i = 0; i < seconds * 5; i++)); do
    if [[ "$(http_status "$port" /q/health/ready)" == 200 ]]; then
      echo "$name is ready"
      return 0
    fi
    check_alive "$pid" "$name" "$log" || return 1
    sleep 0.2
  done
  echo "$name was not ready within $seconds s" >&2
  return 1
}

wait_for_exit() { # pid seconds
  local pid=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
    sleep 0.1
  done
  return 1
}
