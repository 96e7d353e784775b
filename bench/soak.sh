#!/usr/bin/env bash
# A bounded soak: the mixed load of bench/lua/mixed.lua (80% reads, 20% creates, 16 connections,
# 4 accounts) against one FlexConf process on a file database, in one-minute slices, for SOAK_MINUTES
# (default 10). Reports per slice: requests/s, p50, p99, non-2xx and socket errors, RSS; then p99
# drift (last slice against the first) and RSS growth. 127.0.0.1 only; it stops by itself.
#
#   bash bench/soak.sh                    # from the repository root
#   SOAK_MINUTES=2 bash bench/soak.sh     # shorter
set -euo pipefail
cd "$(dirname "$0")/.."

SOAK_MINUTES=${SOAK_MINUTES:-10}
SLICE=${SLICE:-60}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
FLEX_PORT=${FLEX_PORT:-18112}
JAVA_FLAGS=${JAVA_FLAGS:-}

work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
source bench/lib.sh
prepare

FLEX="http://127.0.0.1:$FLEX_PORT"
read -r pid _ < <(start_and_time "$FLEX/__flexconf/health" "" "$FLEXCONF_START" --port "$FLEX_PORT" --db "$work/soak.db")
MIXED=$(mixed_accounts)
say "soaking for $SOAK_MINUTES minutes in ${SLICE}s slices"

printf '%-6s %9s %8s %8s %8s %7s %7s\n' minute 'req/s' 'p50 ms' 'p99 ms' 'non-2xx' errors 'RSS MB'
first_p99="" last_p99="" first_rss="" last_rss="" total_bad=0 total_errors=0
for (( m = 1; m <= SOAK_MINUTES; m++ )); do
  read -r rps p50 p99 bad errors < <(FLEXCONF_MIXED="$MIXED" wrk_run "$SLICE" -s bench/lua/mixed.lua "$FLEX")
  rss=$(rss_mb "$pid")
  printf '%-6s %9s %8s %8s %8s %7s %7s\n' "$m" "$rps" "$p50" "$p99" "$bad" "$errors" "$rss"
  first_p99=${first_p99:-$p99}; last_p99=$p99; first_rss=${first_rss:-$rss}; last_rss=$rss
  total_bad=$(( total_bad + bad )); total_errors=$(( total_errors + errors ))
done
configurations=$(curl -sf -H "Authorization: $(basic "$(account 3)")" "$FLEX/v1/PluginService/Configurations?PageSize=1" >/dev/null && echo ok)
printf '\nnon-2xx answers: %d, socket errors: %d, p99 drift: %s (minute %d against minute 1), RSS: %s MB -> %s MB, peak %s MB\n' \
  "$total_bad" "$total_errors" "$(awk -v a="$last_p99" -v b="$first_p99" 'BEGIN { printf "%.2fx", a / b }')" "$SOAK_MINUTES" \
  "$first_rss" "$last_rss" "$(peak_rss_mb "$pid")"
[ "$configurations" = ok ] || { say "the server did not answer after the soak"; exit 1; }
