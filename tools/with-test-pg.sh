#!/usr/bin/env bash
# Runs a command with MELDROUTE_TEST_PG set: as given when it is set already, otherwise pointing at a throwaway
# PostgreSQL 15 cluster started for the command (tools/pg-cluster.sh) and stopped afterwards, whatever the outcome.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${MELDROUTE_TEST_PG:-}" ]]; then
    exec "$@"
fi
cluster=$(mktemp -u "${TMPDIR:-/tmp}/meldroute-pg-XXXXXX")
trap 'bash tools/pg-cluster.sh stop "$cluster"' EXIT
MELDROUTE_TEST_PG=$(bash tools/pg-cluster.sh start "$cluster")
export MELDROUTE_TEST_PG
echo "PostgreSQL test cluster: $MELDROUTE_TEST_PG"
"$@"
