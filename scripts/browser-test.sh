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
sim_pid=""
cleanup() {
  [ -n "$sim_pid" ] && { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

# pytest from the system when it has one (no network needed), else from PyPI into a throwaway environment.
python3 -m venv --system-site-packages "$work/venv"
"$work/venv/bin/python" -c 'import pytest' 2>/dev/null \
  || "$work/venv/bin/pip" install --quiet --disable-pip-version-check "pytest>=8"

"$bin/testrail-sim" --fixtures Fixtures/demo/instance.json >"$work/sim.out" 2>&1 &
sim_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^testrail-sim listening on \(http[^ ]*\).*/\1/p' "$work/sim.out")
  [ -n "$url" ] && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.out" >&2; exit 2; }
  sleep 0.1
done
[ -n "$url" ] || { echo "browser-test: the simulator did not start" >&2; exit 2; }

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
