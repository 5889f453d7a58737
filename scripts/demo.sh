#!/usr/bin/env bash
# make demo: start the simulator on the Fixtures data, compare the two Storefront projects, show the table,
# write the JSON diff, a Markdown summary, a JUnit report and the HTML report; then check a Server → Cloud
# migration across two simulated instances in one command; stop every simulator, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${BIN_DIR:-.build/debug}"
out_dir=".demo"
mkdir -p "$out_dir"
diff_file="$out_dir/storefront-diff.json"
markdown_file="$out_dir/storefront-diff.md"
junit_file="$out_dir/storefront-junit.xml"
html_file="$out_dir/storefront-report.html"
snapshot_file="$out_dir/storefront-baseline.json"
store="$out_dir/store.sqlite"
rm -f "$store" "$store-wal" "$store-shm"
sim_log="$out_dir/simulator.out"

# shellcheck source=lib/simulator.sh
. scripts/lib/simulator.sh
trap stop_sims EXIT

start_sim "$sim_log" --fixtures Fixtures/demo/instance.json --request-log "$out_dir/requests.jsonl"
url="$sim_url"
echo "demo: simulator on $url (Fixtures/demo/instance.json)" >&2

export TESTRAIL_URL="$url" TESTRAIL_USER="demo@casediff.test" TESTRAIL_API_KEY="demo-api-key"
log_file="$out_dir/casediff.log"
rm -f "$log_file"
echo "demo: casediff check; casediff projects" >&2
"$bin/casediff" check --store "$store"
"$bin/casediff" projects
status=0
"$bin/casediff" compare "Storefront" "Storefront (migrated)" --json "$diff_file" --markdown "$markdown_file" \
  --junit "$junit_file" --html "$html_file" --store "$store" --log-file "$log_file" --log-format json || status=$?
case "$status" in
  0) echo "demo: no drift (exit 0)" >&2 ;;
  1) echo "demo: drift found (exit 1, as expected for this fixture)" >&2 ;;
  *) echo "demo: casediff failed (exit $status)" >&2; exit "$status" ;;
esac
echo "demo: JSON diff in $diff_file, Markdown summary in $markdown_file, JUnit report in $junit_file" >&2
echo "demo: HTML report in $html_file (open it in a browser: file://$PWD/$html_file)" >&2
echo "demo: request log in $log_file ($(grep -c '"message":"request"' "$log_file") requests, each with its id)" >&2
if grep -q "demo-api-key" "$log_file"; then echo "demo: the API key leaked into the log" >&2; exit 2; fi

# The store now holds every page: a baseline snapshot and a comparison against it need no request at all.
"$bin/casediff" snapshot "Storefront" --reproducible --output "$snapshot_file" --store "$store" --offline --quiet
offline_status=0
"$bin/casediff" compare "$snapshot_file" "Storefront (migrated)" --store "$store" --offline --quiet \
  --format json >/dev/null || offline_status=$?
[ "$offline_status" = "$status" ] || { echo "demo: the offline compare exited $offline_status, not $status" >&2; exit 2; }
echo "demo: baseline snapshot in $snapshot_file; compared with the migrated project offline, from $store (exit $offline_status)" >&2

# The headline job: a project migrated from a TestRail Server instance to a Cloud instance, every id different
# (Fixtures/migration). One command compares them across both instances, each side with its own profile, key and
# rate limit; exactly the 13 planted changes are drift.
start_sim "$out_dir/server.out" --fixtures Fixtures/migration/server.json --key server-demo-key
server_url="$sim_url"
start_sim "$out_dir/cloud.out" --fixtures Fixtures/migration/cloud.json --key cloud-demo-key
cloud_url="$sim_url"
config="$out_dir/migration.toml"
(
  umask 077
  printf '[profiles.server]\nurl = "%s"\nuser = "demo@casediff.test"\napi_key = "server-demo-key"\n\n' "$server_url"
  printf '[profiles.cloud]\nurl = "%s"\nuser = "demo@casediff.test"\napi_key = "cloud-demo-key"\nrate = "cloud"\n' \
    "$cloud_url"
) >"$config"
chmod 600 "$config"
migration_file="$out_dir/migration-diff.json"
migration_html="$out_dir/migration-report.html"
echo "demo: casediff compare server:12 cloud:Storefront (Server copy on $server_url, Cloud copy on $cloud_url)" >&2
unset TESTRAIL_URL TESTRAIL_USER TESTRAIL_API_KEY
migration_status=0
"$bin/casediff" compare server:12 cloud:Storefront --config "$config" --store "$store" --json "$migration_file" \
  --html "$migration_html" --resources all || migration_status=$?
[ "$migration_status" = 1 ] || { echo "demo: the migration check exited $migration_status, not 1" >&2; exit 2; }
# The drifted cases, then every other resource's drifted records together.
read -r drifted resources < <(python3 -c '
import json, sys
totals = json.load(open(sys.argv[1]))["resource_totals"]
print(totals["cases"]["drift"], sum(c["drift"] for name, c in totals.items() if name != "cases"))' "$migration_file")
[ "$drifted" = 13 ] || { echo "demo: the migration check found $drifted drifted cases, not the 13 planted" >&2; exit 2; }
[ "$resources" = 13 ] || {
  echo "demo: the migration check found $resources drifted suites, sections, shared step sets, fields and templates," \
    "not the 13 planted" >&2
  exit 2
}
echo "demo: migration check: exactly the 13 planted case changes and the 13 planted changes to suites, sections," \
  "shared step sets, fields and templates (Fixtures/migration/README.md); JSON diff in $migration_file," \
  "HTML report in $migration_html" >&2
