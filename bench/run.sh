#!/usr/bin/env bash
# FlexConf against a bare Javalin handler on this machine: 127.0.0.1 only, bounded in time (about
# 10 minutes with the defaults). Prints one table: scenario, requests/s, p50, p99, ratio to the
# reference measured in the same run; then start-up to first response and peak RSS of both processes.
#
#   bash bench/run.sh                       # from the repository root (builds what is missing)
#   DURATION=5 RUNS=1 ROWS=100000 bash bench/run.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}      # seconds per measured run
RUNS=${RUNS:-3}               # runs per scenario; the table shows the median
WARMUP=${WARMUP:-5}           # seconds of warm-up per scenario, not measured
ROWS=${ROWS:-1000000}         # configurations in the deep account
STARTS=${STARTS:-5}           # cold starts of each process for start-up; the table shows the median
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
REF_PORT=${REF_PORT:-18110}
FLEX_PORT=${FLEX_PORT:-18111}
WM_PORT=${WM_PORT:-18112}
JAVA_FLAGS=${JAVA_FLAGS:-}    # the same for both processes; empty is the default launch

source bench/lib.sh
start_run

# Warm-up, then RUNS runs; echoes the median run (by requests/s).
measure() {
  local name=$1; shift
  say "$name: warm-up ${WARMUP}s, then $RUNS x ${DURATION}s"
  wrk_run "$WARMUP" "$@" >/dev/null
  local runs=()
  for _ in $(seq 1 "$RUNS"); do runs+=("$(wrk_run "$DURATION" "$@")"); done
  printf '%s\n' "${runs[@]}" | sort -n -k1 | sed -n "$(( (RUNS + 1) / 2 ))p"
}

# ---- seeding, in its own emulator process, so the measured one starts clean ----
db="$work/bench.db"
FLEX="http://127.0.0.1:$FLEX_PORT"
# (the seeding process takes the default launch whatever JAVA_FLAGS says: its answers list every seeded row)
read -r seed_pid _ < <(JAVA_FLAGS= start_and_time "$FLEX/__flexconf/health" "" server/app/target/flexconf-server.jar --port "$FLEX_PORT" --db "$db")
pids+=("$seed_pid")

DEEP=$(account 1)
say "seeding $ROWS configurations into one account (chunks of 100000)"
t0=$(now_ms)
chunk=100000
for (( start = 0; start < ROWS; start += chunk )); do
  n=$(( ROWS - start < chunk ? ROWS - start : chunk ))
  awk -v acc="$DEEP" -v s="$start" -v n="$n" 'BEGIN {
      printf "{\"account_sid\":\"%s\",\"configurations\":[", acc
      for (i = 0; i < n; i++) printf "%s{\"name\":\"configuration %d\",\"description\":\"seeded for the benchmark\"}", (i ? "," : ""), s + i
      printf "]}" }' > "$work/chunk.json"
  curl -sf -o /dev/null -X POST "$FLEX/__flexconf/seed" -H 'Content-Type: application/json' --data-binary @"$work/chunk.json"
  say "  $(( start + n )) / $ROWS"
done
seed_ms=$(( $(now_ms) - t0 ))

SMALL=$(account 2)
small=$(small_seed "$SMALL" 20)
SMALL_CONFIG=$(echo "$small" | jq -r '.configurations[0].sid')
CREATE_BODY=$(create_body "$small")
MIXED=$(mixed_accounts)
# the peer's stub answers what FlexConf answers for a fetch of a configuration
WM_BODY=$(curl -sf -H "Authorization: $(basic "$SMALL")" "$FLEX/v1/PluginService/Configurations/$SMALL_CONFIG")
kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
sync  # the seeded file's dirty pages are written back now, not while the reference is measured
say "seeded in $(( seed_ms / 1000 )).$(( seed_ms % 1000 / 100 )) s"

REF="http://127.0.0.1:$REF_PORT/fixed"
V1="$FLEX/v1/PluginService"

# ---- start-up: STARTS cold starts of each, alternating (one start is at the mercy of the machine) ----
say "start-up: $STARTS cold starts of each, alternating"
ref_starts=(); flex_starts=()
# Stops a process started by start_and_time and waits (at most $2 seconds, default 10) until it is gone
# or a zombie.
stop() {
  kill "$1"
  for _ in $(seq 1 $(( ${2:-10} * 20 ))); do
    if ! kill -0 "$1" 2>/dev/null || grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; then return 0; fi
    sleep 0.05
  done
}
# Each starts its process (JAVA_FLAGS as the caller sets it) and waits for its first 200: "pid ms".
start_ref() { start_and_time "$REF" "" bench/reference/target/reference.jar "$REF_PORT"; }
start_flex() { start_and_time "$V1/Configurations?PageSize=1" "$(basic "$DEEP")" "$FLEXCONF_START" --port "$FLEX_PORT" --db "$db"; }
# the same jar with `java -jar` and the JVM's defaults (no class archive, G1): what the launcher buys
start_flex_jar() { start_and_time "$V1/Configurations?PageSize=1" "$(basic "$DEEP")" server/app/target/flexconf-server.jar --port "$FLEX_PORT" --db "$db"; }
# WireMock standalone as its users run it: one stub answering the deep account's newest configuration
# (FlexConf's own JSON of it), its request journal on unless WM_FLAGS says --no-request-journal
mkdir -p "$work/wiremock/mappings"
jq -n --arg body "$WM_BODY" '{request: {method: "GET", url: "/v1/PluginService/Configurations/stub"},
  response: {status: 200, headers: {"Content-Type": "application/json"}, body: $body}}' > "$work/wiremock/mappings/configuration.json"
start_wm() { start_and_time "http://127.0.0.1:$WM_PORT/v1/PluginService/Configurations/stub" "" "$WIREMOCK_JAR" --port "$WM_PORT" \
  --bind-address 127.0.0.1 --disable-banner --root-dir "$work/wiremock" ${WM_FLAGS:-}; }
wm_starts=(); jar_starts=()
for (( i = 0; i < STARTS; i++ )); do
  read -r pid ms < <(start_ref); stop "$pid"; ref_starts+=("$ms")
  read -r pid ms < <(start_flex); stop "$pid"; flex_starts+=("$ms")
  read -r pid ms < <(start_wm); stop "$pid"; wm_starts+=("$ms")
  read -r pid ms < <(start_flex_jar); stop "$pid"; jar_starts+=("$ms")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
ref_start=$(median "${ref_starts[@]}"); flex_start=$(median "${flex_starts[@]}"); wm_start=$(median "${wm_starts[@]}")
jar_start=$(median "${jar_starts[@]}")



# ---- the reference ----
read -r ref_pid _ < <(start_ref)
pids+=("$ref_pid")
read -r ref_rps ref_p50 ref_p99 _ _ < <(measure "reference" "$REF")
ref_rss=$(peak_rss_mb "$ref_pid")
kill "$ref_pid"

# ---- the peer: WireMock standalone, its one stub, journal on (as users run it) and off ----
read -r wm_pid _ < <(start_wm)
pids+=("$wm_pid")
read -r wm_rps wm_p50 wm_p99 _ _ < <(measure "WireMock, one stub, journal on" "http://127.0.0.1:$WM_PORT/v1/PluginService/Configurations/stub")
wm_rss=$(peak_rss_mb "$wm_pid")
stop "$wm_pid"
read -r wm_pid _ < <(WM_FLAGS=--no-request-journal start_wm)
pids+=("$wm_pid")
read -r wmoff_rps wmoff_p50 wmoff_p99 _ _ < <(measure "WireMock, one stub, journal off" "http://127.0.0.1:$WM_PORT/v1/PluginService/Configurations/stub")
stop "$wm_pid"

# ---- FlexConf, on the seeded database ----
read -r flex_pid _ < <(start_flex)
pids+=("$flex_pid")

say "walking to row 900,000 (or 90%) of the deep account for a PageToken"
next="$V1/Configurations?PageSize=1000"
depth_pages=$(( ROWS * 9 / 10 / 1000 ))
for (( page = 0; page < depth_pages; page++ )); do
  next=$(curl -sf -H "Authorization: $(basic "$DEEP")" "$next" | grep -o '"next_page_url":"[^"]*"' | cut -d'"' -f4)
done
DEPTH_TOKEN=${next##*PageToken=}
DEEP_CONFIG=$(curl -sf -H "Authorization: $(basic "$DEEP")" "$V1/Configurations?PageSize=1" | jq -r '.configurations[0].sid')

rows="$work/rows"
: > "$rows"
row() { printf '%-44s %9s %9s %9s %8s %9s\n' "$1" "$2" "$3" "$4" "$5" "$(ratio "$2" "$wm_rps")" >> "$rows"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
run_scenario() {
  local name=$1; shift
  local rps p50 p99 bad
  read -r rps p50 p99 bad _ < <(measure "$name" "$@")
  [ "$bad" -eq 0 ] || say "  $name: $bad answers were not 2xx"
  row "$name" "$rps" "$p50" "$p99" "$(ratio "$rps" "$ref_rps")"
  echo "$rps"
}
row "reference: bare Javalin, fixed JSON" "$ref_rps" "$ref_p50" "$ref_p99" "1.00x"
row "WireMock standalone, one stub, journal on" "$wm_rps" "$wm_p50" "$wm_p99" "$(ratio "$wm_rps" "$ref_rps")"
row "WireMock standalone, one stub, journal off" "$wmoff_rps" "$wmoff_p50" "$wmoff_p99" "$(ratio "$wmoff_rps" "$ref_rps")"
DEEP_AUTH="Authorization: $(basic "$DEEP")"
run_scenario "fetch one configuration" -H "$DEEP_AUTH" "$V1/Configurations/$DEEP_CONFIG" >/dev/null
run_scenario "fetch one configuration over TLS (same port)" -H "$DEEP_AUTH" \
  "https://127.0.0.1:$FLEX_PORT/v1/PluginService/Configurations/$DEEP_CONFIG" >/dev/null
page1=$(run_scenario "list page 1 (PageSize 50, $ROWS rows)" -H "$DEEP_AUTH" "$V1/Configurations?PageSize=50")
depth=$(run_scenario "list at row $(( depth_pages * 1000 )) of $ROWS" -H "$DEEP_AUTH" "$V1/Configurations?PageSize=50&PageToken=$DEPTH_TOKEN")
page1_db=$(run_scenario "list page 1, every URL new (no page cache)" -s bench/lua/distinct.lua -H "$DEEP_AUTH" "$V1/Configurations?PageSize=50")
depth_db=$(run_scenario "list at row $(( depth_pages * 1000 )), every URL new" -s bench/lua/distinct.lua -H "$DEEP_AUTH" "$V1/Configurations?PageSize=50&PageToken=$DEPTH_TOKEN")
FLEXCONF_AUTH="$(basic "$SMALL")" FLEXCONF_BODY="$CREATE_BODY" \
  run_scenario "create configuration with 2 plugins" -s bench/lua/create.lua "$V1/Configurations" >/dev/null
run_scenario "fetch configured plugins" -H "Authorization: $(basic "$SMALL")" "$V1/Configurations/$SMALL_CONFIG/Plugins" >/dev/null
FLEXCONF_MIXED="$MIXED" run_scenario "mixed 80/20, 16 connections, 4 accounts" -s bench/lua/mixed.lua "$FLEX" >/dev/null
flex_rss=$(peak_rss_mb "$flex_pid")
stop "$flex_pid"

# ---- peak RSS under the mixed load alone: a fresh process on the same file, the same runs ----
read -r mixed_pid _ < <(start_and_time "$FLEX/__flexconf/health" "" "$FLEXCONF_START" --port "$FLEX_PORT" --db "$db")
pids+=("$mixed_pid")
FLEXCONF_MIXED="$MIXED" measure "mixed again in a fresh process, for its peak RSS" -s bench/lua/mixed.lua "$FLEX" >/dev/null
mixed_rss=$(peak_rss_mb "$mixed_pid")

cat <<TABLE

FlexConf benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS, ${RUNS} x ${DURATION}s (median), FlexConf started by $FLEXCONF_START, JAVA_FLAGS='${JAVA_FLAGS}'
$(printf '%-44s %9s %9s %9s %8s %9s' scenario 'req/s' 'p50 ms' 'p99 ms' 'vs ref' 'vs WM')
$(cat "$rows")
$(printf '%-44s %s' "depth / page 1" "$(ratio "$depth" "$page1")")
$(printf '%-44s %s' "depth / page 1, every URL new" "$(ratio "$depth_db" "$page1_db")")

start-up to first 200: reference ${ref_start} ms, FlexConf ${flex_start} ms, WireMock ${wm_start} ms, FlexConf with java -jar (JVM defaults) ${jar_start} ms
  (median of $STARTS cold starts each, alternating; FlexConf on the ${ROWS}-row database)
  reference: ${ref_starts[*]}; FlexConf: ${flex_starts[*]}; WireMock: ${wm_starts[*]}; java -jar: ${jar_starts[*]}
peak RSS (VmHWM):      reference ${ref_rss} MB; WireMock ${wm_rss} MB (its one stub, journal on); FlexConf ${mixed_rss} MB under the mixed load (a fresh process), ${flex_rss} MB over the whole run
seeding ${ROWS} configurations through POST /__flexconf/seed: $(( seed_ms / 1000 )).$(( seed_ms % 1000 / 100 )) s
TABLE
