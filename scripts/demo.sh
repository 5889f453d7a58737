#!/usr/bin/env bash
# make demo: start the simulator on the Fixtures data, compare the two Storefront projects, show the table,
# write the JSON diff, a Markdown summary and a JUnit report, and stop the simulator, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${BIN_DIR:-.build/debug}"
out_dir=".demo"
mkdir -p "$out_dir"
diff_file="$out_dir/storefront-diff.json"
markdown_file="$out_dir/storefront-diff.md"
junit_file="$out_dir/storefront-junit.xml"
snapshot_file="$out_dir/storefront-baseline.json"
store="$out_dir/store.sqlite"
rm -f "$store" "$store-wal" "$store-shm"
sim_log="$out_dir/simulator.out"

"$bin/testrail-sim" --fixtures Fixtures/demo/instance.json --request-log "$out_dir/requests.jsonl" >"$sim_log" 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true' EXIT

url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^testrail-sim listening on \(http[^ ]*\).*/\1/p' "$sim_log")
  [ -n "$url" ] && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$sim_log" >&2; echo "demo: the simulator did not start" >&2; exit 2; }
  sleep 0.1
done
[ -n "$url" ] || { echo "demo: the simulator did not report its address" >&2; exit 2; }
echo "demo: simulator on $url (Fixtures/demo/instance.json)" >&2

export TESTRAIL_URL="$url" TESTRAIL_USER="demo@casediff.test" TESTRAIL_API_KEY="demo-api-key"
log_file="$out_dir/casediff.log"
rm -f "$log_file"
echo "demo: casediff check; casediff projects" >&2
"$bin/casediff" check --store "$store"
"$bin/casediff" projects
status=0
"$bin/casediff" compare "Storefront" "Storefront (migrated)" --json "$diff_file" --markdown "$markdown_file" \
  --junit "$junit_file" --store "$store" --log-file "$log_file" --log-format json || status=$?
case "$status" in
  0) echo "demo: no drift (exit 0)" >&2 ;;
  1) echo "demo: drift found (exit 1, as expected for this fixture)" >&2 ;;
  *) echo "demo: casediff failed (exit $status)" >&2; exit "$status" ;;
esac
echo "demo: JSON diff in $diff_file, Markdown summary in $markdown_file, JUnit report in $junit_file" >&2
echo "demo: request log in $log_file ($(grep -c '"message":"request"' "$log_file") requests, each with its id)" >&2
if grep -q "demo-api-key" "$log_file"; then echo "demo: the API key leaked into the log" >&2; exit 2; fi

# The store now holds every page: a baseline snapshot and a comparison against it need no request at all.
"$bin/casediff" snapshot "Storefront" --output "$snapshot_file" --store "$store" --offline --quiet
offline_status=0
"$bin/casediff" compare "$snapshot_file" "Storefront (migrated)" --store "$store" --offline --quiet \
  --format json >/dev/null || offline_status=$?
[ "$offline_status" = "$status" ] || { echo "demo: the offline compare exited $offline_status, not $status" >&2; exit 2; }
echo "demo: baseline snapshot in $snapshot_file; compared with the migrated project offline, from $store (exit $offline_status)" >&2
