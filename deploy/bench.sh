#!/usr/bin/env bash
# Measures the suite against this machine's own limits, side by side in one run (issue #8), and
# prints a table of ratios: the machine is shared, so absolute numbers drift but ratios measured
# back to back hold. Starts its own suite (deploy/run.sh) on its own ports and a fresh data
# directory, so a running dev suite is not disturbed, and stops it at the end.
#
#   deploy/bench.sh           the full run (about 8 minutes on 2 idle cores; far longer when they are busy)
#   deploy/bench.sh --smoke   seconds per figure, tiny data: proves the harness works (CI)
#
# Needs wrk and pgbench/psql (Debian: wrk, postgresql-client); installs them with apt-get when run as root.
# Environment: BENCH_SECONDS (per figure), BENCH_CLIENTS, BENCH_PORT_OFFSET (default 10000: 18081..,
# management 19081.., PostgreSQL 15432, Kafka 19092/19093), BENCH_KEEP=true keeps the temp directory, RM_SERVICE_JAVA_OPTS
# (passed to run.sh, e.g. -XX:StartFlightRecording=filename=DIR/ to profile).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SMOKE=false
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=true ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

if [[ "$SMOKE" == true ]]; then
  SECONDS_PER=${BENCH_SECONDS:-3}; CLIENTS=${BENCH_CLIENTS:-4}
  P4_SMALL=100; P4_LARGE=1000; REPLAY_EVENTS=500; WARM_POSTS=50; WARM_GETS=200; WARM_ROUND_SECONDS=2; WARM_MIN_ROUNDS=1; WARM_ROUNDS=3
else
  SECONDS_PER=${BENCH_SECONDS:-20}; CLIENTS=${BENCH_CLIENTS:-8}
  P4_SMALL=1000; P4_LARGE=1000000; REPLAY_EVENTS=20000; WARM_POSTS=3000; WARM_GETS=20000; WARM_ROUND_SECONDS=10; WARM_MIN_ROUNDS=18; WARM_ROUNDS=36
fi
OFFSET=${BENCH_PORT_OFFSET:-10000}
C_PORT=$((8081 + OFFSET)); T_PORT=$((8082 + OFFSET)); R_PORT=$((8083 + OFFSET))
C_MANAGEMENT_PORT=$((9081 + OFFSET)); T_MANAGEMENT_PORT=$((9082 + OFFSET)); R_MANAGEMENT_PORT=$((9083 + OFFSET))
PG_PORT=$((5432 + OFFSET)); KAFKA_PORT=$((9092 + OFFSET)); KAFKA_CONTROLLER_PORT=$((9093 + OFFSET))
C_URL=http://127.0.0.1:$C_PORT; R_URL=http://127.0.0.1:$R_PORT; R_MANAGEMENT_URL=http://127.0.0.1:$R_MANAGEMENT_PORT
# The issuer and audience that deploy/run.sh configures and deploy/token.sh signs for.
ISSUER=https://issuer.local.rm-suite
AUDIENCE=resource-mobilization-suite

# --- tools ------------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
{ command -v pgbench >/dev/null && command -v psql >/dev/null; } || missing+=(postgresql-client)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} with apt-get..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "deploy/bench.sh needs ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
    exit 3
  fi
fi

source "$ROOT/deploy/lib/suite.sh"
ensure_built "$ROOT"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rm-bench.XXXXXX")
DATA=$WORK/data
RUN_PID=
SAMPLER_PID=
SUITE_PIDS=()
finish() {
  local status=$?
  if [[ -n "$SAMPLER_PID" ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  if [[ -n "$RUN_PID" ]] && kill -0 "$RUN_PID" 2>/dev/null; then
    echo "Stopping the benchmark's suite..."
    kill -TERM "$RUN_PID" 2>/dev/null || true
    wait_for_exit "$RUN_PID" 90 || kill -KILL "$RUN_PID" 2>/dev/null || true
  fi
  # Only if run.sh itself was killed can its children outlive it; they are ours, so stop them too.
  local pid
  for pid in "${SUITE_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  done
  if [[ "$status" != 0 || "${BENCH_KEEP:-false}" == true ]]; then
    echo "Logs and data kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PROBE_CP="$(devkit_classpath "$ROOT")"
for jar in "$ROOT"/deploy/kafka-broker/target/lib/{kafka-clients,lz4-java,snappy-java,zstd-jni}-*.jar; do PROBE_CP+=":$jar"; done
probe() { java -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$PROBE_CP" org.unhabitat.devkit.BenchProbe "$DATA/keys" "$ISSUER" "$AUDIENCE" "$@"; }
sql() { PGPASSWORD=postgres psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }
field() { grep -o "$1=[^ ]*" <<<"$2" | head -n 1 | cut -d= -f2; } # key line
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
ok() { awk "BEGIN { exit !($1) }"; }
# wrk's latency lines read "99%  12.34ms"; prints milliseconds.
wrk_ms() { # percentile wrk-output
  awk -v p="$1%" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms$/, "", v);
    else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.2f", v }' <<<"$2"
}
wrk_rps() { awk '/^Requests\/sec:/ { print $2 }' <<<"$1"; }
wrk_errors() { # non-2xx responses plus socket errors
  awk '/Non-2xx or 3xx responses:/ { e += $NF } /Socket errors:/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' <<<"$1"
}
run_wrk() { wrk -t 2 -c "$CLIENTS" -d "${1}s" --latency --timeout 10s "${@:2}" 2>&1; }
# JIT thresholds count invocations, not seconds: a service that answers a few requests a second on a
# busy machine still runs mostly interpreted after a fixed-time warm-up (JFR showed 56% Interpreted
# frames during P1). So warm up by request count, in 5 s rounds, for at most 3 minutes.
warm_up() { # requests wrk-args...
  local want=$1 served=0 round out; shift
  for ((round = 0; round < 36 && served < want; round++)); do
    out=$(run_wrk 5 "$@")
    served=$((served + $(awk '/ requests in / { print $1 }' <<<"$out")))
  done
  echo "$served"
}

# The pledge POST takes minutes to reach its steady rate on 2 busy cores: after 3,000 POSTs it still ran
# at a quarter of it (53, 89, 125 ... 223 POST/s in 20 s rounds), and it can stall for half a minute on
# the way (32 57 80 79 76, then 91). So P1 warms up for WARM_MIN_ROUNDS rounds at least, then until two
# rounds in a row come within 3% of the best before them, at most WARM_ROUNDS rounds.
warm_until_steady() { # minimum-requests wrk-args... ; prints the requests served, then each round's rate
  local want=$1 served=0 round out rate best=0 flat=0 rates=(); shift
  for ((round = 0; round < WARM_ROUNDS; round++)); do
    out=$(run_wrk "$WARM_ROUND_SECONDS" "$@")
    served=$((served + $(awk '/ requests in / { print $1 }' <<<"$out")))
    rate=$(wrk_rps "$out"); rates+=("${rate%.*}")
    if ok "$rate <= $best * 1.03"; then flat=$((flat + 1)); else flat=0; fi
    if ok "$rate > $best"; then best=$rate; fi
    if ((served >= want && round + 1 >= WARM_MIN_ROUNDS && flat >= 2)); then break; fi
  done
  echo "$served ${rates[*]}"
}

ROWS=()
row() { ROWS+=("$(printf '| %-3s | %-44s | %-26s | %-26s | %-4s |' "$@")"); } # id what measured target result
verdict() { if ok "$1"; then echo pass; else echo FAIL; fi; }

# --- start the suite --------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Starting the suite in $WORK (ports $C_PORT-$R_PORT, PostgreSQL $PG_PORT, Kafka $KAFKA_PORT)"
# The benchmark measures capacity, so the per-caller abuse limits are lifted for its own suite.
env -u KAFKA_BOOTSTRAP_SERVERS -u CONTRIBUTIONS_DB_URL -u TARGETS_DB_URL -u REPORTING_DB_URL \
  RATE_LIMIT_PUBLIC_BURST=100000000 RATE_LIMIT_PUBLIC_PER_MINUTE=100000000 \
  RATE_LIMIT_PARTNER_BURST=100000000 RATE_LIMIT_PARTNER_PER_MINUTE=100000000 \
  RM_DATA_DIR="$DATA" RM_POSTGRES_PORT="$PG_PORT" RM_KAFKA_PORT="$KAFKA_PORT" RM_KAFKA_CONTROLLER_PORT="$KAFKA_CONTROLLER_PORT" \
  RM_CONTRIBUTIONS_PORT="$C_PORT" RM_TARGETS_PORT="$T_PORT" RM_REPORTING_PORT="$R_PORT" \
  RM_CONTRIBUTIONS_MANAGEMENT_PORT="$C_MANAGEMENT_PORT" RM_TARGETS_MANAGEMENT_PORT="$T_MANAGEMENT_PORT" \
  RM_REPORTING_MANAGEMENT_PORT="$R_MANAGEMENT_PORT" \
  "$ROOT/deploy/run.sh" >"$WORK/run.log" 2>&1 &
RUN_PID=$!
for ((i = 0; i < 1800; i++)); do
  grep -q 'The suite is healthy' "$WORK/run.log" && break
  if ! kill -0 "$RUN_PID" 2>/dev/null; then echo "deploy/run.sh failed:" >&2; tail -n 30 "$WORK/run.log" >&2; exit 1; fi
  sleep 0.1
done
grep -q 'The suite is healthy' "$WORK/run.log" || { echo "The suite was not healthy within 180 s" >&2; exit 1; }
mapfile -t SUITE_PIDS < <(pgrep -P "$RUN_PID")
ready_s=$(grep -o '([0-9.]* s from start' "$WORK/run.log" | grep -o '[0-9.]*')
# run.sh starts each service in its application directory (for the class data archive).
service_pid() { local pid; for pid in "${SUITE_PIDS[@]}"; do [[ "$(readlink "/proc/$pid/cwd")" == */"$1-service/target/quarkus-app" ]] && echo "$pid"; done; }
echo "Suite healthy in $ready_s s"

# --- P6: memory after the first request, and readiness ----------------------------------------------
probe register "$C_URL" >/dev/null
[[ "$(http_status "$T_PORT" /api/v1/plans)" == 200 ]] || echo "warning: targets-service /api/v1/plans did not answer 200" >&2
[[ "$(http_status "$R_PORT" "/api/v1/progress?year=$(date +%Y)")" == 200 ]] || echo "warning: reporting-service /api/v1/progress did not answer 200" >&2
rss_list=(); rss_max=0
for service in contributions targets reporting; do
  rss_mb=$(( $(awk '/^VmRSS:/ { print $2 }' "/proc/$(service_pid "$service")/status") / 1024 ))
  rss_list+=("${service:0:1}=$rss_mb")
  if ((rss_mb > rss_max)); then rss_max=$rss_mb; fi
done

# --- P1: pledge POSTs against pgbench of the same transaction ---------------------------------------
echo "P1: pledge POST throughput against pgbench ($CLIENTS clients, ${SECONDS_PER}s each)"
PARTNER_TOKEN=$(RM_DATA_DIR="$DATA" "$ROOT/deploy/token.sh" partner BENCH)
cat >"$WORK/pledge.lua" <<LUA
-- A new pledge per request: its own Idempotency-Key, unique per thread and run.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $PARTNER_TOKEN"
wrk.body = '{"contributorCode":"BENCH","budgetLine":"FOUNDATION_EARMARKED","earmarking":"SOFTLY_EARMARKED","region":"GLOBAL","currency":"USD","amount":"1000.00","pledgedOn":"2004-06-15"}'
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
local counter = 0
function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "wrk-$$-" .. os.time() .. "-" .. tid .. "-" .. counter
  return wrk.format()
end
LUA
# The statements contributions-service sends for one pledge without a reference (PledgeService.record):
# idempotency lock and lookup, the contributor, then pledge, version, schedule entry, outbox row, audit
# row and stored response, with payloads of the same size, in one transaction; after its COMMIT, the
# numbering that places the pledge in keyset order, in a transaction of its own. Only the locks the
# service takes: the per-key idempotency lock, and the numbering lock inside number_committed_pledges().
# The outbox row is written as already published so that the relay, which is not part of the POST, does
# not send it.
cat >"$WORK/pledge.sql" <<'SQL'
\set key random(1, 9000000000000000000)
BEGIN;
SELECT pg_try_advisory_xact_lock(:key);
SELECT request_hash, created_id, response_body FROM idempotency_key WHERE caller = 'partner-bench' AND idempotency_key = CAST(:key AS TEXT);
SELECT code, country, iati_org_ref, name, registered_at, type, updated_at FROM contributor WHERE code = 'BENCH';
INSERT INTO pledge (id, contributor_code, budget_line, earmarking, region, channel, modality, currency, amount, fx_rate, fx_rate_revision, usd_amount, pledged_on, reference, status, version, recorded_by, recorded_at) VALUES (gen_random_uuid(), 'BENCH', 'FOUNDATION_EARMARKED', 'SOFTLY_EARMARKED', 'GLOBAL', 'DIRECT', 'GRANT', 'USD', 1000.00, 1, 0, 1000.00, DATE '2004-06-15', NULL, 'PLEDGED', 1, 'partner-bench', now()) RETURNING id AS pledge_id \gset
INSERT INTO pledge_version (pledge_id, version, amount, usd_amount, reason, recorded_by, recorded_at) VALUES (CAST(:pledge_id AS UUID), 1, 1000.00, 1000.00, NULL, 'partner-bench', now()) RETURNING id AS version_id \gset
INSERT INTO pledge_schedule_entry (version_id, schedule_year, amount, usd_amount, due_on) VALUES (CAST(:version_id AS BIGINT), 2004, 1000.00, 1000.00, DATE '2004-12-31');
INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at, published_at) VALUES (gen_random_uuid(), 'pledge', CAST(:pledge_id AS TEXT), 'org.unhabitat.pledge.recorded.v2', repeat('x', 620), now(), now());
INSERT INTO audit_log (occurred_at, subject, role, client_ip, action, resource_type, resource_id, aggregate_id) VALUES (now(), 'partner-bench', 'partner', '127.0.0.1', 'pledge.recorded', 'pledge', CAST(:pledge_id AS TEXT), CAST(:pledge_id AS TEXT));
INSERT INTO idempotency_key (caller, idempotency_key, request_hash, created_id, response_body, created_at) VALUES ('partner-bench', CAST(:key AS TEXT), md5(CAST(:key AS TEXT)) || md5(CAST(:pledge_id AS TEXT)), CAST(:pledge_id AS TEXT), repeat('x', 640), now());
COMMIT;
SELECT number_committed_pledges(1000);
SQL
warm_post_rounds=$(warm_until_steady "$WARM_POSTS" -s "$WORK/pledge.lua" "$C_URL/api/v1/pledges")
warm_posts=${warm_post_rounds%% *}
pgbench_out=$(PGPASSWORD=postgres pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c "$CLIENTS" -j 2 \
  -T "$SECONDS_PER" -f "$WORK/pledge.sql" contributions 2>&1) || { echo "$pgbench_out" >&2; exit 1; }
pg_tps=$(grep -o 'tps = [0-9.]*' <<<"$pgbench_out" | tail -n 1 | grep -o '[0-9.]*$')
# What contributions' database sessions wait for while the POSTs run: the evidence of what bounds P1.
sample_waits() {
  while :; do
    sql -c "SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') || ' (' || state || ')' FROM pg_stat_activity
            WHERE datname = 'contributions' AND state <> 'idle' AND pid <> pg_backend_pid()" contributions 2>/dev/null || true
    sleep 0.2
  done
}
sample_waits >"$WORK/p1-waits.txt" &
SAMPLER_PID=$!
post_out=$(run_wrk "$SECONDS_PER" -s "$WORK/pledge.lua" "$C_URL/api/v1/pledges")
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
p1_waits=$(sort "$WORK/p1-waits.txt" | uniq -c | sort -rn | head -n 4 | awk '{ n = $1; $1 = ""; printf "%s%s x%d", sep, substr($0, 2), n; sep = "; " }')
post_rps=$(wrk_rps "$post_out"); post_errors=$(wrk_errors "$post_out"); post_p99_max=$(wrk_ms 99 "$post_out")
rate70=$(calc "$post_rps * 0.7")
# The probe's JVM is new: it posts at the same rate for as long first, uncounted, so that its own start is not
# what the p99 measures.
open70=$(probe rate "$C_URL" "$rate70" "$SECONDS_PER" "$SECONDS_PER")
p1_ratio=$(calc "$post_rps / $pg_tps")
p1_errors=$((post_errors + $(field errors "$open70")))
p1_p99=$(field p99_ms "$open70")
row P1 "pledge POST/s over pgbench TPS, same tx" "$p1_ratio (${post_rps%.*} / ${pg_tps%.*})" ">= 0.7x" "$(verdict "$p1_ratio >= 0.7")"
row "" "  errors (wrk at max + open loop at 70%)" "$p1_errors" "0" "$(verdict "$p1_errors == 0")"
row "" "  p99 at 70% of max (${rate70%.*}/s, open loop)" "$p1_p99 ms (at max: $post_p99_max ms)" "< 50 ms" "$(verdict "$p1_p99 < 50")"

# --- P2: lag from commit to /progress at half the POST ceiling --------------------------------------
echo "P2: lag from commit to /api/v1/progress"
rate50=$(calc "$post_rps * 0.5")
# Markers are followed for as long first, uncounted (BenchProbe.lag). Its second and third lines split the
# time, from both databases: see BenchProbe.stages.
lag_out=$(probe lag "$C_URL" "$R_URL" "$rate50" "$SECONDS_PER" "$SECONDS_PER" \
  "jdbc:postgresql://127.0.0.1:$PG_PORT/contributions" "jdbc:postgresql://127.0.0.1:$PG_PORT/reporting")
lag_p99=$(field p99_ms "$lag_out")
row P2 "commit -> visible in /progress, p99" "$lag_p99 ms (p50 $(field p50_ms "$lag_out"), n=$(field samples "$lag_out"))" "<= 100 ms" \
  "$(verdict "$lag_p99 <= 100 && $(field not_seen_in_10s "$lag_out") == 0")"
# The pledge is numbered for the list before its 201 is sent, so the first read of the list after the
# 201 must already hold it.
listed=$(field listed "$lag_out"); listed_first=$(field listed_on_first_read "$lag_out")
row "" "  201 -> in GET /pledges (first read has it)" "$listed_first of $listed, p99 $(field listed_p99_ms "$lag_out") ms" \
  "all" "$(verdict "$listed_first == $listed && $(field not_listed_in_10s "$lag_out") == 0")"

# --- P3: /progress against a constant endpoint of the same service ----------------------------------
# The health check answers on the management port: the same JVM and event loops,
# another listening socket.
echo "P3: GET /api/v1/progress against GET /q/health/live"
warm_gets=$(( $(warm_up "$WARM_GETS" "$R_MANAGEMENT_URL/q/health/live") + $(warm_up "$WARM_GETS" "$R_URL/api/v1/progress?year=2004") ))
live_out=$(run_wrk "$SECONDS_PER" "$R_MANAGEMENT_URL/q/health/live")
progress_out=$(run_wrk "$SECONDS_PER" "$R_URL/api/v1/progress?year=2004")
live_rps=$(wrk_rps "$live_out"); progress_rps=$(wrk_rps "$progress_out")
p3_ratio=$(calc "$progress_rps / $live_rps")
p3_errors=$(( $(wrk_errors "$live_out") + $(wrk_errors "$progress_out") ))
row P3 "GET /progress/s over GET /q/health/live/s" "$p3_ratio (${progress_rps%.*} / ${live_rps%.*})" ">= 0.7x" "$(verdict "$p3_ratio >= 0.7 && $p3_errors == 0")"

# --- P5: rebuild by replay --------------------------------------------------------------------------
echo "P5: publishing $REPLAY_EVENTS events, then rebuilding reporting's read model by replay"
publish_out=$(probe publish "127.0.0.1:$KAFKA_PORT" "$REPLAY_EVENTS")
# Everything published so far must be applied once before the replay, so that its target is known.
inbox() { sql -c 'SELECT count(*) FROM inbox_event' "$1"; }
previous=-1; applied=$(inbox reporting); consumed_at=$(date +%s%N)
for ((i = 0; i < 600 && applied != previous; i++)); do
  previous=$applied; sleep 2; applied=$(inbox reporting)
done
live_consume_s=$(calc "($(date +%s%N) - $consumed_at) / 1e9 - 2")
# contributions-service reads the same events back for its webhooks, one transaction each, for minutes
# after reporting is done; a replay measured meanwhile would share the CPU with it.
previous=-1; fanned_out=$(inbox contributions); fan_out_at=$(date +%s%N)
for ((i = 0; i < 600 && fanned_out != previous; i++)); do
  previous=$fanned_out; sleep 2; fanned_out=$(inbox contributions)
done
fan_out_s=$(calc "($(date +%s%N) - $fan_out_at) / 1e9 - 2")
rebuild_out=$(probe rebuild "$R_URL" "jdbc:postgresql://127.0.0.1:$PG_PORT/reporting" "$applied" 600)
p5_rate=$(field per_s "$rebuild_out")
row P5 "rebuild by replay, events/s" "$p5_rate ($applied in $(field seconds "$rebuild_out") s)" ">= 20000/s" \
  "$(verdict "$p5_rate >= 20000 && \"$(field complete "$rebuild_out")\" == \"true\"")"

# --- P4: /progress at a million pledges against a thousand ------------------------------------------
# The read model is loaded directly with SQL (generate_series), not through events: a million events
# would take longer to replay than the whole benchmark. Aggregates are computed from the loaded rows.
echo "P4: /progress latency with $P4_LARGE pledges against $P4_SMALL (read model loaded with SQL)"
load_read_model() { # first last
  sql -v first="$1" -v last="$2" reporting <<'SQL'
BEGIN;
INSERT INTO contributor (code, name, type, country)
  SELECT 'GEN' || g, 'Generated contributor ' || g, 'FOUNDATION', NULL FROM generate_series(1, 500) g ON CONFLICT DO NOTHING;
INSERT INTO pledge (pledge_id, version, contributor_code, budget_line, earmarking, region, channel, modality, currency, fx_rate, usd_amount, pledged_on, multi_year, cancelled_on)
  SELECT md5('pledge' || g)::uuid, 1, 'GEN' || (g % 500 + 1),
         (ARRAY['REGULAR_BUDGET','FOUNDATION_NON_EARMARKED','FOUNDATION_EARMARKED','TECHNICAL_COOPERATION'])[g % 4 + 1],
         (ARRAY['NON_EARMARKED','SOFTLY_EARMARKED','EARMARKED'])[g % 3 + 1],
         (ARRAY['AFRICA','ARAB_STATES','ASIA_PACIFIC','LATIN_AMERICA_CARIBBEAN','EUROPE','GLOBAL'])[g % 6 + 1],
         'DIRECT', 'GRANT', 'USD', 1, 1000 + g % 997, DATE '2016-01-01' + (g % 3650), false, NULL
  FROM generate_series(:first, :last) g;
INSERT INTO pledge_entry (pledge_id, year, amount, usd_amount, due_on)
  SELECT md5('pledge' || g)::uuid, 2016 + (g % 3650) / 365, 1000 + g % 997, 1000 + g % 997,
         make_date(2016 + (g % 3650) / 365, 12, 31) FROM generate_series(:first, :last) g;
INSERT INTO payment (payment_id, pledge_id, amount, usd_amount, usd_at_pledge_rate, received_on, for_year)
  SELECT md5('payment' || g)::uuid, md5('pledge' || g)::uuid, 500, 500, 500, DATE '2016-01-01' + (g % 3650) + 30, 2016 + (g % 3650) / 365
  FROM generate_series(:first, :last) g;
TRUNCATE line_income_by_day, line_income_by_year, income_by_day, pledge_book, flow_book, flow_income_by_day, flow_book_summary, flow_income_by_year;
INSERT INTO line_income_by_day (day, budget_line, received_usd, prior_year_usd)
  SELECT y.received_on, p.budget_line, sum(y.usd_amount),
         sum(CASE WHEN y.for_year < EXTRACT(YEAR FROM y.received_on) THEN y.usd_amount ELSE 0 END)
  FROM payment y JOIN pledge p USING (pledge_id) GROUP BY 1, 2;
INSERT INTO line_income_by_year (year, budget_line, received_usd, prior_year_usd)
  SELECT EXTRACT(YEAR FROM day), budget_line, sum(received_usd), sum(prior_year_usd) FROM line_income_by_day GROUP BY 1, 2;
INSERT INTO income_by_day (day, budget_line, region, earmarking, multi_year, contributor_code, received_usd)
  SELECT y.received_on, p.budget_line, p.region, p.earmarking, p.multi_year, p.contributor_code, sum(y.usd_amount)
  FROM payment y JOIN pledge p USING (pledge_id) GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO pledge_book (year, budget_line, pledged_usd, outstanding_usd)
  SELECT e.year, p.budget_line, sum(e.usd_amount), sum(e.usd_amount) - coalesce(sum(paid.usd), 0)
  FROM pledge_entry e JOIN pledge p USING (pledge_id)
  LEFT JOIN (SELECT pledge_id, for_year, sum(usd_amount) AS usd FROM payment GROUP BY 1, 2) paid
         ON paid.pledge_id = e.pledge_id AND paid.for_year = e.year
  GROUP BY 1, 2;
INSERT INTO flow_book (year, budget_line, region, earmarking, contributor_code, programme_code, channel, modality, currency,
                       pledged_usd, outstanding_usd, entry_count)
  SELECT e.year, p.budget_line, p.region, p.earmarking, p.contributor_code, '', p.channel, p.modality, p.currency,
         sum(e.usd_amount), sum(e.usd_amount) - coalesce(sum(paid.usd), 0), count(*)
  FROM pledge_entry e JOIN pledge p USING (pledge_id)
  LEFT JOIN (SELECT pledge_id, for_year, sum(usd_amount) AS usd FROM payment GROUP BY 1, 2) paid
         ON paid.pledge_id = e.pledge_id AND paid.for_year = e.year
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
INSERT INTO flow_income_by_day (day, budget_line, region, earmarking, contributor_code, programme_code, channel, modality, currency,
                                received_usd)
  SELECT y.received_on, p.budget_line, p.region, p.earmarking, p.contributor_code, '', p.channel, p.modality, p.currency,
         sum(y.usd_amount)
  FROM payment y JOIN pledge p USING (pledge_id) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
INSERT INTO flow_book_summary
  SELECT year, budget_line, region, earmarking, programme_code, channel, modality, currency,
         sum(pledged_usd), sum(outstanding_usd), sum(entry_count)
  FROM flow_book GROUP BY year, budget_line, region, earmarking, programme_code, channel, modality, currency;
INSERT INTO flow_income_by_year
  SELECT EXTRACT(YEAR FROM day)::int, budget_line, region, earmarking, programme_code, channel, modality, currency, sum(received_usd)
  FROM flow_income_by_day GROUP BY 1, budget_line, region, earmarking, programme_code, channel, modality, currency;
-- A change outside consumption, as a redrive is: reports cached for the version before it must go.
UPDATE read_model_revision SET revision = revision + 1;
COMMIT;
ANALYZE;
SQL
}
# Cold: each request names a language not asked before (a private-use tag the JSON reports ignore, but
# part of the cache's key), so the report is computed by the same queries each time, never served from
# the cache, which would make both sizes cost the same by construction. A cut-off (asOf) would not do:
# it takes another path, which reads the year's pledges themselves.
cat >"$WORK/cold.lua" <<'LUA'
asked = 0
request = function()
  asked = asked + 1
  wrk.headers["Accept-Language"] = "en-x-c" .. asked
  return wrk.format()
end
LUA
cold() { wrk -t 1 -c 1 -d "${SECONDS_PER}s" --latency --timeout 10s -s "$WORK/cold.lua" "$R_URL$1" 2>&1; }
FLOWS="/api/v1/flows?year=2021&groupBy=budgetLine,region"
sql -c 'TRUNCATE inbox_event, contributor, pledge_entry, pledge, payment, line_income_by_day, line_income_by_year, income_by_day, pledge_book, flow_book, flow_income_by_day, flow_book_summary, flow_income_by_year' reporting
load_read_model 1 "$P4_SMALL"
small_out=$(cold "/api/v1/progress?year=2021"); small_flows=$(cold "$FLOWS")
load_started=$(date +%s)
load_read_model $((P4_SMALL + 1)) "$P4_LARGE"
load_s=$(( $(date +%s) - load_started ))
large_out=$(cold "/api/v1/progress?year=2021"); large_flows=$(cold "$FLOWS")
small_p50=$(wrk_ms 50 "$small_out"); large_p50=$(wrk_ms 50 "$large_out")
p4_ratio=$(calc "$large_p50 / $small_p50")
p4_errors=$(( $(wrk_errors "$small_out") + $(wrk_errors "$large_out") ))
row P4 "/progress p50 at ${P4_LARGE} over at ${P4_SMALL} pledges, cold" "$p4_ratio ($large_p50 / $small_p50 ms)" "<= 1.2x" \
  "$(verdict "$p4_ratio > 0 && $p4_ratio <= 1.2 && $p4_errors == 0")"
small_flows_p50=$(wrk_ms 50 "$small_flows"); large_flows_p50=$(wrk_ms 50 "$large_flows")
flows_ratio=$(calc "$large_flows_p50 / $small_flows_p50")
flows_errors=$(( $(wrk_errors "$small_flows") + $(wrk_errors "$large_flows") ))
row "" "  /flows by line and region, same sizes, cold" "$flows_ratio ($large_flows_p50 / $small_flows_p50 ms)" "<= 2x" \
  "$(verdict "$flows_ratio > 0 && $flows_ratio <= 2 && $flows_errors == 0")"

rss_after=(); nmt_after=()
for service in contributions targets reporting; do
  rss_after+=("${service:0:1}=$(( $(awk '/^VmRSS:/ { print $2 }' "/proc/$(service_pid "$service")/status") / 1024 ))")
  # Where the memory goes, when the services run with -XX:NativeMemoryTracking=summary: committed MB per area.
  if [[ "${RM_SERVICE_JAVA_OPTS:-}" == *NativeMemoryTracking* ]] \
     && "$(dirname "$(readlink -f "$(command -v java)")")/jcmd" "$(service_pid "$service")" VM.native_memory summary >"$WORK/nmt-$service.txt" 2>&1; then
    nmt_after+=("${service:0:1}: $(awk '/^Total: / { sub(/.*committed=/, ""); sub(/KB.*/, ""); printf "total %d", $0 / 1024 }
      /^-/ { name = $0; sub(/^- */, "", name); sub(/ *\(reserved.*/, "", name); c = $0; sub(/.*committed=/, "", c); sub(/KB.*/, "", c)
             if (c / 1024 >= 4) printf ", %s %d", name, c / 1024 }' "$WORK/nmt-$service.txt")")
  fi
done
row P6 "RSS after first request, largest service" "$rss_max MB (${rss_list[*]})" "<= 250 MB each" "$(verdict "$rss_max <= 250")"
row "" "  deploy/run.sh to all ready (fresh data dir)" "$ready_s s" "<= 30 s" "$(verdict "$ready_s <= 30")"

nmt_lines=""
for line in "${nmt_after[@]}"; do nmt_lines+=$'\n'"  NMT committed after the load, MB: $line"; done

# --- the table --------------------------------------------------------------------------------------
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD 2>/dev/null || commit+=" (with uncommitted changes)"
cat <<TABLE

Benchmark $([[ "$SMOKE" == true ]] && echo "SMOKE run: tiny sizes, figures are not meaningful" || echo "full run"), $(date -u '+%Y-%m-%d %H:%M UTC')
Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); load average before start $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)
Commit: $commit; ${SECONDS_PER}s per figure, $CLIENTS clients; service JVMs: ${RM_SERVICE_JAVA_OPTS:-run.sh default}

| id  | what                                         | measured                   | target                     | ok   |
|-----|----------------------------------------------|----------------------------|----------------------------|------|
$(printf '%s\n' "${ROWS[@]}")

Details: warm-up before measuring: $warm_posts POSTs (POST/s in its ${WARM_ROUND_SECONDS} s rounds: ${warm_post_rounds#* }), $warm_gets GETs
  contributions' sessions during the POSTs (samples every 0.2 s): $p1_waits
  pgbench $(grep -o 'latency average = [0-9.]* ms' <<<"$pgbench_out" | head -n 1), failed $(grep -o 'failed transactions: [0-9]*' <<<"$pgbench_out" | grep -o '[0-9]*$' || echo 0);
  open loop at 70%: $open70
  lag: $(sed -n 1p <<<"$lag_out")
  lag by stage, every event written meanwhile: $(sed -n 2p <<<"$lag_out")
  lag by stage, the markers from their 201: $(sed -n 3p <<<"$lag_out")
  publish: $publish_out; first consumption of all $applied events took ~$live_consume_s s; contributions-service's webhook fan-out of them ~$fan_out_s s more
  rebuild: $rebuild_out
  RSS after all the load above, MB: ${rss_after[*]}${nmt_lines}
  P4 p99: $(wrk_ms 99 "$small_out") ms at $P4_SMALL, $(wrk_ms 99 "$large_out") ms at $P4_LARGE; /flows p99: $(wrk_ms 99 "$small_flows") ms, $(wrk_ms 99 "$large_flows") ms; loading took $load_s s
TABLE
