#!/usr/bin/env bash
# The same scenarios on SQLite (one process, the default), on PostgreSQL with one replica, and on
# PostgreSQL with two replicas, side by side in one run on this machine: 127.0.0.1 only, bounded in time
# (about 4 minutes with the defaults). With two replicas, two wrk processes run at once, one per replica
# with half the connections each: their requests/s add up, p50 is the mean and p99 the worse of the two.
# Database, replicas and load generator share this machine's cores: read the ratios, not the figures.
#
#   bash bench/replicas.sh                  # from the repository root (builds and installs what is missing)
#   DURATION=5 bash bench/replicas.sh       # a quicker look
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}      # seconds per measured run
WARMUP=${WARMUP:-5}           # seconds of warm-up per scenario, not measured
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT_A=${PORT_A:-18121}
PORT_B=${PORT_B:-18122}
PG_PORT=${PG_PORT:-18123}
JAVA_FLAGS=${JAVA_FLAGS:-}

source bench/lib.sh
start_run

# ---- a private PostgreSQL cluster from Debian's package, as the tests make theirs ----
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  say "installing postgresql (Debian package)"
  apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_dir="$work/pg"
mkdir -p "$pg_dir"
[ "$(id -u)" -ne 0 ] || chown postgres "$work" "$pg_dir"
as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -U flexconf --auth=trust -E UTF8 --locale=C >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -w -l "$pg_dir/log" \
  -o "-p $PG_PORT -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
stop_pg() { as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; }
trap 'stop_pg; cleanup' EXIT
pg_url() { printf 'jdbc:postgresql://127.0.0.1:%s/%s?user=flexconf' "$PG_PORT" "$1"; }
as_pg "$PG_BIN/psql" -h "$pg_dir" -p "$PG_PORT" -U flexconf -d postgres -qc "CREATE DATABASE bench1" >/dev/null
as_pg "$PG_BIN/psql" -h "$pg_dir" -p "$PG_PORT" -U flexconf -d postgres -qc "CREATE DATABASE bench2" >/dev/null
say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (fsync on, as shipped)"

rows="$work/rows"
: > "$rows"
row() { printf '%-40s %-22s %9s %9s %9s\n' "$1" "$2" "$3" "$4" "$5" >> "$rows"; }

# Runs one scenario against the given base URLs (one wrk per URL, CONNECTIONS split between them);
# echoes "rps p50 p99 non2xx".
load() {
  local seconds=$1 n=$2; shift 2
  local urls=("${@:1:$n}"); shift "$n"
  local outs=() pids_=() i
  for i in "${!urls[@]}"; do
    outs+=("$work/wrk.$i")
    (CONNECTIONS=$(( CONNECTIONS / n )) wrk_run "$seconds" "$@" "${urls[$i]}" > "$work/wrk.$i") &
    pids_+=($!)
  done
  for p in "${pids_[@]}"; do wait "$p"; done
  cat "${outs[@]}" | awk '{ rps += $1; p50 += $2; if ($3 > p99) p99 = $3; bad += $4 } END { printf "%.0f %.2f %.2f %d\n", rps, p50 / NR, p99, bad }'
}

# Seeds the small accounts through FLEX, then measures every scenario against the given base URLs.
scenarios() {
  local setup=$1; shift
  local bases=("$@") n=$#
  FLEX=${bases[0]}
  local small config body mixed
  small=$(small_seed "$(account 2)" 20)
  config=$(echo "$small" | jq -r '.configurations[0].sid')
  body=$(create_body "$small")
  mixed=$(mixed_accounts)
  local auth="Authorization: $(basic "$(account 2)")"
  local v1=() b
  for b in "${bases[@]}"; do v1+=("$b/v1/PluginService"); done
  local name rps p50 p99 bad
  measure_one() {
    name=$1; shift
    say "$setup: $name: warm-up ${WARMUP}s, then ${DURATION}s"
    load "$WARMUP" "$@" >/dev/null
    read -r rps p50 p99 bad < <(load "$DURATION" "$@")
    [ "$bad" -eq 0 ] || say "  $name: $bad answers were not 2xx"
    row "$name" "$setup" "$rps" "$p50" "$p99"
  }
  local fetch=() list=() create=()
  for b in "${v1[@]}"; do fetch+=("$b/Configurations/$config"); list+=("$b/Configurations?PageSize=50"); create+=("$b/Configurations"); done
  measure_one "fetch one configuration" "$n" "${fetch[@]}" -H "$auth"
  measure_one "list page 1 (PageSize 50, 20 rows)" "$n" "${list[@]}" -H "$auth"
  FLEXCONF_AUTH="$(basic "$(account 2)")" FLEXCONF_BODY="$body" \
    measure_one "create configuration with 2 plugins" "$n" "${create[@]}" -s bench/lua/create.lua
  FLEXCONF_MIXED="$mixed" measure_one "mixed 80/20, 4 accounts" "$n" "${bases[@]}" -s bench/lua/mixed.lua
}

flex() { start_and_time "http://127.0.0.1:$1/__flexconf/health" "" server/app/target/flexconf-server.jar --port "$1" --no-front-door "${@:2}"; }

say "SQLite, one process"
read -r pid _ < <(flex "$PORT_A" --db "$work/bench.db"); pids+=("$pid")
scenarios "SQLite" "http://127.0.0.1:$PORT_A"
kill "$pid"; wait "$pid" 2>/dev/null || true

say "PostgreSQL, one replica"
read -r pid _ < <(flex "$PORT_A" --db "$(pg_url bench1)"); pids+=("$pid")
scenarios "PostgreSQL, 1 replica" "http://127.0.0.1:$PORT_A"
kill "$pid"; wait "$pid" 2>/dev/null || true

say "PostgreSQL, two replicas"
read -r pid_a _ < <(flex "$PORT_A" --db "$(pg_url bench2)"); pids+=("$pid_a")
read -r pid_b _ < <(flex "$PORT_B" --db "$(pg_url bench2)"); pids+=("$pid_b")
scenarios "PostgreSQL, 2 replicas" "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B"

cat <<TABLE

FlexConf on SQLite and on PostgreSQL replicas, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores (database, replicas and wrk together), wrk -t$THREADS -c$CONNECTIONS in all, ${DURATION}s each, JAVA_FLAGS='${JAVA_FLAGS}'
$(printf '%-40s %-22s %9s %9s %9s' scenario setup 'req/s' 'p50 ms' 'p99 ms')
$(sort -s -k1,1 "$rows" | awk '{print}' )
TABLE
