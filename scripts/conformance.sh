#!/usr/bin/env bash
# Conformance tests, in a throwaway virtual environment: the PyPI client `testrail-api` fetches every case of the
# Fixtures projects from our simulator over loopback (Tests/Conformance/test_testrail_api.py), and `jsonschema`
# validates the golden and live JSON diffs against docs/diff-schema.json (Tests/Conformance/test_diff_schema.py),
# the migration pair (Fixtures/migration, a simulator for each side) compared with every resource among them.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug}"
fixture="Fixtures/demo/instance.json"
work=$(mktemp -d)
# shellcheck source=lib/simulator.sh
. scripts/lib/simulator.sh
cleanup() {
  stop_sims
  rm -rf "$work"
}
trap cleanup EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "testrail-api==1.14.0" "pytest>=8" \
  "jsonschema>=4.18" "rfc3339-validator"

# --paginated-suites: the simulator answers get_suites with a bare array by default (TestRail before 9.3.1), and the
# client's get_suites_bulk accepts only the envelope (it raises TestRailAPIError on a list).
start_sim "$work/sim.out" --fixtures "$fixture" --paginated-suites
url="$sim_url"
# The migration pair: Server (left) and Cloud (right), each instance with its own user and key.
start_sim "$work/server.out" --fixtures Fixtures/migration/server.json --user qa@x.test --key k1
server_url="$sim_url"
start_sim "$work/cloud.out" --fixtures Fixtures/migration/cloud.json --user qa@x.test --key k2
cloud_url="$sim_url"

TESTRAIL_URL="$url" TESTRAIL_USER="demo@casediff.test" TESTRAIL_API_KEY="demo-api-key" FIXTURE="$fixture" \
  MIGRATION_SERVER_URL="$server_url" MIGRATION_CLOUD_URL="$cloud_url" MIGRATION_USER="qa@x.test" \
  MIGRATION_SERVER_KEY="k1" MIGRATION_CLOUD_KEY="k2" BIN_DIR="$bin" "$work/venv/bin/python" -m pytest -q -p no:cacheprovider \
  Tests/Conformance/test_testrail_api.py Tests/Conformance/test_diff_schema.py
