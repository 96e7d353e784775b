#!/usr/bin/env bash
# What a JUnit suite pays for an emulator (bench/junit/StartCosts.java): FlexConf's first emulator in a
# fresh JVM to its first 200, each next start (a test class's), reset between tests; and WireMock's
# WireMockServer (what its JUnit extension starts) in the same fresh-JVM way. ROUNDS fresh JVMs of each,
# alternating. 127.0.0.1 only, ephemeral ports; about a minute.
#   bash bench/junit.sh        # from the repository root
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
STARTS=${STARTS:-10}
RESETS=${RESETS:-200}
THREADS=2 CONNECTIONS=16
source bench/lib.sh
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
prepare
if [ ! -f client/target/flexconf-client-0.1.0-SNAPSHOT.jar ]; then
  say "building the client"; mvn -B -q install -DskipTests -pl client -am
fi
mvn -B -q dependency:build-classpath -pl client -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp" >/dev/null
flex_cp="client/target/flexconf-client-0.1.0-SNAPSHOT.jar:$(cat "$work/cp")"
for (( i = 1; i <= ROUNDS; i++ )); do
  say "round $i of $ROUNDS"
  java -cp "$flex_cp" bench/junit/StartCosts.java flexconf "$STARTS" "$RESETS" 2>/dev/null
  java -cp "$WIREMOCK_JAR" bench/junit/StartCosts.java wiremock "$STARTS" 0 2>/dev/null
done
