#!/usr/bin/env bash
# What the front door (TLS, CONNECT and the CA) costs a default start and plain HTTP: FlexConf started
# with it (the default) and with --no-front-door, alternating on this machine, 127.0.0.1 only, bounded
# (about 2 minutes). Prints each start's time to the first 200 and each fetch run's requests/s.
#
#   bash bench/front-door.sh                 # from the repository root (builds what is missing)
#   STARTS=10 DURATION=20 bash bench/front-door.sh
set -euo pipefail
cd "$(dirname "$0")/.."

STARTS=${STARTS:-6}           # cold starts of each mode, alternating
RUNS=${RUNS:-2}               # fetch runs of each mode, alternating
DURATION=${DURATION:-10}      # seconds per fetch run, after 5 s of warm-up
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18200}
JAVA_FLAGS=${JAVA_FLAGS:-}

source bench/lib.sh
start_run

ACCOUNT=$(account 7)
AUTH=$(basic "$ACCOUNT")
mode_flags() { [ "$1" = on ] && echo "--ca-dir $work/ca" || echo "--no-front-door"; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# the first start with a new CA folder makes the CA: do it once, outside the measured starts
read -r pid _ < <(start_and_time "http://127.0.0.1:$PORT/__flexconf/health" "" server/app/target/flexconf-server.jar \
  --port "$PORT" --db "$work/ca-made.db" --ca-dir "$work/ca")
kill "$pid"; wait "$pid" 2>/dev/null || true

declare -A starts=([on]="" [off]="")
for i in $(seq 1 "$STARTS"); do
  for mode in on off; do
    # shellcheck disable=SC2046
    read -r pid ms < <(start_and_time "http://127.0.0.1:$PORT/v1/PluginService/Configurations?PageSize=1" "$AUTH" \
      server/app/target/flexconf-server.jar --port "$PORT" --db "$work/$mode-$i.db" $(mode_flags "$mode"))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    starts[$mode]="${starts[$mode]} $ms"
    say "start $i, front door $mode: $ms ms"
  done
done

declare -A fetches=([on]="" [off]="")
for i in $(seq 1 "$RUNS"); do
  for mode in on off; do
    # shellcheck disable=SC2046
    read -r pid _ < <(start_and_time "http://127.0.0.1:$PORT/__flexconf/health" "" server/app/target/flexconf-server.jar \
      --port "$PORT" --db "$work/fetch-$mode-$i.db" $(mode_flags "$mode"))
    pids+=("$pid")
    sid=$(curl -sf -H "Authorization: $AUTH" "http://127.0.0.1:$PORT/v1/PluginService/Configurations" -d Name=fetched | jq -r .sid)
    url="http://127.0.0.1:$PORT/v1/PluginService/Configurations/$sid"
    wrk_run 5 -H "Authorization: $AUTH" "$url" >/dev/null
    read -r rps _ < <(wrk_run "$DURATION" -H "Authorization: $AUTH" "$url")
    fetches[$mode]="${fetches[$mode]} $rps"
    say "fetch run $i, front door $mode: $rps req/s"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done

cat <<TABLE

FlexConf front door, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, JAVA_FLAGS='${JAVA_FLAGS}'
start-up to first 200 (ms), $STARTS alternating cold starts each, empty database:
  front door on  (default):        ${starts[on]}  (median $(median ${starts[on]}))
  front door off (--no-front-door): ${starts[off]}  (median $(median ${starts[off]}))
fetch one configuration over plain HTTP (req/s), wrk -t$THREADS -c$CONNECTIONS, $RUNS x ${DURATION}s alternating:
  front door on:  ${fetches[on]}
  front door off: ${fetches[off]}
TABLE
