#!/usr/bin/env bash
# Prints a bearer token that the local suite (deploy/run.sh) accepts.
#   deploy/token.sh finance
#   deploy/token.sh admin
#   deploy/token.sh partner SWE        (a partner token carries its contributor code)
# The signing key pair is generated on first use into the git-ignored data directory.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${RM_DATA_DIR:-$ROOT/deploy/data}
source "$ROOT/deploy/lib/suite.sh"
[[ -d "$ROOT/deploy/devkit/target/lib" ]] || ensure_built "$ROOT"
exec java -cp "$(devkit_classpath "$ROOT")" org.unhabitat.devkit.TokenCommand \
  "$DATA/keys" https://issuer.local.rm-suite resource-mobilization-suite "$@"
