# Sourced by the demo and the test scripts: starts testrail-sim processes in the background and stops them all.
# Needs `bin` (the folder with testrail-sim) set by the caller.

sim_pids=()

# start_sim LOG ARGS...: starts a simulator in the background and sets sim_url once it listens.
start_sim() {
  local log="$1"
  shift
  "$bin/testrail-sim" "$@" >"$log" 2>&1 &
  local pid=$!
  sim_pids+=("$pid")
  sim_url=""
  for _ in $(seq 1 100); do
    sim_url=$(sed -n 's/^testrail-sim listening on \(http[^ ]*\).*/\1/p' "$log")
    [ -n "$sim_url" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "$(basename "$0"): the simulator did not start" >&2; exit 2; }
    sleep 0.1
  done
  [ -n "$sim_url" ] || { echo "$(basename "$0"): the simulator did not report its address" >&2; exit 2; }
}

# stop_sims: stops every simulator start_sim started.
stop_sims() {
  # (An empty array under `set -u` is an error before bash 4.4: expand it only when set.)
  for pid in ${sim_pids[@]+"${sim_pids[@]}"}; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
