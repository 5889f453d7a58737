#!/usr/bin/env bash
# The HTML report in a real browser: runs the demo comparison against the simulator (Fixtures/demo), writing the HTML
# report and the JSON diff of the same run, then drives headless Chromium over the DevTools protocol
# (Tests/Browser/test_html_report.py): counts, a view from the URL fragment, a changed step side by side, a click on
# the chart, search and keys, dark scheme and print. Screenshots go to $OUT (default .build/browser-test).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/debug}"
out="${OUT:-.build/browser-test}"
mkdir -p "$out"
work=$(mktemp -d)
# shellcheck source=lib/simulator.sh
. scripts/lib/simulator.sh
cleanup() {
  stop_sims
  rm -rf "$work"
}
trap cleanup EXIT

# pytest from the system when it has one (no network needed), else from PyPI into a throwaway environment.
python3 -m venv --system-site-packages "$work/venv"
"$work/venv/bin/python" -c 'import pytest, sys; sys.exit(int(pytest.__version__.split(".")[0]) < 8)' 2>/dev/null \
  || "$work/venv/bin/pip" install --quiet --disable-pip-version-check "pytest>=8"

start_sim "$work/sim.out" --fixtures Fixtures/demo/instance.json
url="$sim_url"

status=0
TESTRAIL_URL="$url" TESTRAIL_USER="demo@casediff.test" TESTRAIL_API_KEY="demo-api-key" \
  "$bin/casediff" compare "Storefront" "Storefront (migrated)" --html "$out/storefront-report.html" \
  --json "$out/storefront-diff.json" --reproducible --quiet --format json >/dev/null || status=$?
[ "$status" = 1 ] || { echo "browser-test: the demo comparison exited $status, not 1" >&2; exit 2; }
TESTRAIL_URL="$url" TESTRAIL_USER="demo@casediff.test" TESTRAIL_API_KEY="demo-api-key" \
  "$bin/casediff" snapshot "Storefront" --output "$work/storefront.json" --quiet

REPORT="$out/storefront-report.html" DIFF="$out/storefront-diff.json" SNAPSHOT="$work/storefront.json" OUT="$out" \
  BIN_DIR="$bin" \
  PYTHONPATH=Tests/Browser "$work/venv/bin/python" -m pytest -q -p no:cacheprovider Tests/Browser/test_html_report.py
echo "browser-test: report and screenshots in $out" >&2
