#!/usr/bin/env bash
# The full fault-injection run: builds the suite, then kills its real processes (the Kafka broker,
# PostgreSQL, each service; last, one node of a three-node Kafka cluster together with one of two
# instances of each service) under a larger load than CI's, and prints the table of what was
# acknowledged, what reached the ledger and the reports, and how long reporting took to converge.
#
#   deploy/chaos.sh                     10,000 operations per scenario, 30 s outages
#   deploy/chaos.sh -Dchaos.operations=2000 -Dchaos.outage-seconds=15    other sizes
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESULTS="$ROOT/deploy/chaos/target/chaos-results-full.md"

cd "$ROOT"
LOG="$ROOT/deploy/chaos/target/chaos-full.log"
mkdir -p "$(dirname "$LOG")"
echo "Building and running the full fault-injection suite; the whole Maven output goes to $LOG"
# -am builds the services' jars that the scenarios start; -Dtest=none skips every unit test on the way.
set +e
./mvnw -B verify -pl deploy/chaos -am \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.operations=10000 -Dchaos.outage-seconds=30 -Dchaos.hostile-requests=5000 -Dchaos.converge-seconds=600 \
  -Dchaos.results="$RESULTS" "$@" 2>&1 | tee "$LOG" | grep --line-buffered -E '^\| [0-9]|Tests run:|BUILD'
status=${PIPESTATUS[0]}
set -e
echo
[[ -f "$RESULTS" ]] && cat "$RESULTS"
exit "$status"
