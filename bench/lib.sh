# Helpers shared by bench/run.sh, bench/front-door.sh and bench/soak.sh. Source it from the repository
# root after setting JAVA_FLAGS, THREADS and CONNECTIONS, and `work` (a temp folder) unless start_run
# makes it.

WIREMOCK_VERSION=${WIREMOCK_VERSION:-3.13.2}
WIREMOCK_JAR=bench/target/wiremock-standalone.jar

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# A run's set-up: a temp folder in `work`, the background processes in `pids`, both cleaned up when the
# script exits; then prepare.
start_run() {
  work=$(mktemp -d)
  pids=()
  trap cleanup EXIT
  prepare
}
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }

# Installs wrk, jq and curl from Debian's packages when missing; builds the jars when missing.
prepare() {
  for tool in wrk jq curl; do
    if ! command -v "$tool" >/dev/null; then
      say "installing $tool (Debian package)"
      apt-get update -qq >/dev/null && apt-get install -y -qq "$tool" >/dev/null
    fi
  done
  if [ ! -f server/app/target/flexconf-server.jar ] || [ ! -f server/app/target/flexconf-server.jsa ]; then
    say "building the emulator"
    mvn -B -q package -DskipTests -pl server/app -am
  fi
  if [ ! -f "$WIREMOCK_JAR" ]; then
    say "fetching WireMock standalone $WIREMOCK_VERSION from Maven Central (the peer)"
    mvn -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
      -DoutputDirectory=bench/target -Dmdep.stripVersion=true
  fi
  if [ ! -f bench/reference/target/reference.jar ]; then
    say "building the reference app"
    mvn -B -q -f bench/reference/pom.xml package
  fi
}

basic() { printf 'Basic %s' "$(printf '%s:token' "$1" | base64 -w0)"; }
account() { printf 'AC%032d' "$1"; }
now_ms() { date +%s%3N; }

# FlexConf as README starts it: the launcher (its class archive, its collector); FLEXCONF_LAUNCH=jar
# measures `java -jar` with the JVM's defaults instead.
FLEXCONF_START=server/app/flexconf
[ "${FLEXCONF_LAUNCH:-launcher}" = jar ] && FLEXCONF_START=server/app/target/flexconf-server.jar

# Starts a jar (java $JAVA_FLAGS -jar) or FlexConf's launcher (JAVA_FLAGS as FLEXCONF_JAVA_OPTS) in the
# background; waits for its first 200 on URL; echoes "pid elapsed_ms".
start_and_time() {
  local url=$1 auth=$2; shift 2
  local t0; t0=$(now_ms)
  if [ "${1##*/}" = flexconf ]; then
    FLEXCONF_JAVA_OPTS="$JAVA_FLAGS" "$@" >"$work/flexconf.$RANDOM.log" 2>&1 &
  else
    java $JAVA_FLAGS -jar "$@" >"$work/$(basename "$1").$RANDOM.log" 2>&1 &
  fi
  local pid=$!
  for _ in $(seq 1 3000); do
    if curl -s -o /dev/null -f ${auth:+-H "Authorization: $auth"} "$url"; then
      echo "$pid $(( $(now_ms) - t0 ))"; return 0
    fi
    kill -0 "$pid" 2>/dev/null || { say "process exited before answering $url"; return 1; }
    sleep 0.01
  done
  say "no answer from $url within 30 s"; return 1
}

peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# One wrk run; echoes "rps p50_ms p99_ms non2xx errors".
wrk_run() {
  local seconds=$1; shift
  local out; out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "$@")
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d %d\n", rps, p50, p99, bad + 0, errors + 0 }'
}

# Seeds an account with plugins header and crm (1.0.0 each) and COUNT configurations of both;
# echoes the seed response. Needs FLEX (the emulator's base URL).
small_seed() {
  local acc=$1 count=$2 configs=""
  for (( i = 0; i < count; i++ )); do
    configs+="{\"name\":\"c$i\",\"plugins\":[{\"unique_name\":\"header\",\"version\":\"1.0.0\"},{\"unique_name\":\"crm\",\"version\":\"1.0.0\",\"phase\":3}]},"
  done
  curl -sf -X POST "$FLEX/__flexconf/seed" -H 'Content-Type: application/json' -d "{\"account_sid\":\"$acc\",
    \"plugins\":[{\"unique_name\":\"header\",\"versions\":[{\"version\":\"1.0.0\",\"plugin_url\":\"https://example.com/h.js\"}]},
                 {\"unique_name\":\"crm\",\"versions\":[{\"version\":\"1.0.0\",\"plugin_url\":\"https://example.com/c.js\"}]}],
    \"configurations\":[${configs%,}]}"
}

# The form body of a create bundling both versions of a small_seed response.
create_body() {
  local v1 v2
  v1=$(echo "$1" | jq -r '.plugin_versions[0].sid'); v2=$(echo "$1" | jq -r '.plugin_versions[1].sid')
  printf 'Name=bench&Plugins=%s&Plugins=%s' \
    "$(jq -rn --arg v "$v1" '{"plugin_version":$v} | tojson | @uri')" \
    "$(jq -rn --arg v "$v2" '{"plugin_version":$v,"phase":3} | tojson | @uri')"
}

# The FLEXCONF_MIXED value of bench/lua/mixed.lua for accounts 3 to 6, seeded on FLEX.
mixed_accounts() {
  local mixed="" seeded
  for a in 3 4 5 6; do
    seeded=$(small_seed "$(account $a)" 20)
    mixed+="$(basic "$(account $a)")|$(echo "$seeded" | jq -r '.configurations[0].sid')|$(create_body "$seeded");"
  done
  echo "$mixed"
}
