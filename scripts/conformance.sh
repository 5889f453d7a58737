#!/usr/bin/env bash
# Conformance tests, in a throwaway virtual environment: the PyPI client `testrail-api` fetches every case of the
# Fixtures projects from our simulator over loopback (Tests/Conformance/test_testrail_api.py), and `jsonschema`
# validates the golden and live JSON diffs against docs/diff-schema.json (Tests/Conformance/test_diff_schema.py).
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

TESTRAIL_URL="$url" TESTRAIL_USER="demo@casediff.test" TESTRAIL_API_KEY="demo-api-key" FIXTURE="$fixture" \
  BIN_DIR="$bin" "$work/venv/bin/python" -m pytest -q -p no:cacheprovider \
  Tests/Conformance/test_testrail_api.py Tests/Conformance/test_diff_schema.py
