#!/usr/bin/env bash
# One load-driver run: the raw Jetty 12 handler, the standalone Scopemock engine, WireMock 3.13.2 and MockServer 5.15.0,
# each in its own JVM on its own free loopback port; start-up, registration, wrk req/s, p50, p99,
# server CPU per request, RSS, and the ratios of issue 5 (LoadDriver.java explains the two phases). Prints the tables
# and writes benchmarks/target/load/results.md.
# Usage: benchmarks/scripts/load-driver.sh [--duration 10] [--interleaved 20] [--rounds 10] [--warmup 5] [--startups 5]
#          [--heap 128m] [--only raw,scopemock,scopemock-defaults,wiremock,wiremock-defaults,mockserver]
#          [--scenarios one,literal,pattern,scopes,literal_first,literal_all,pattern_all]
# Installs wrk (Debian package) when missing, builds the jars when missing, fetches the peers' jars with Maven into
# benchmarks/target/peers, and stops every process it started when it exits. Takes 12.5-13.5 minutes; aborts at 14.5.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=benchmarks/target/load
mkdir -p "$out"
: > "$out/pids"
driver=""

cleanup() {
  # The driver stops its servers itself; this catches what is left if it was killed. Only our own ids, each checked.
  if [[ -n "$driver" ]] && kill -0 "$driver" 2>/dev/null; then
    kill "$driver" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$driver" 2>/dev/null || break; sleep 0.2; done
  fi
  while read -r pid; do
    [[ -n "$pid" ]] || continue
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qE '^(/[^ ]*/)?(java|wrk) '; then
      kill -CONT "$pid" 2>/dev/null || true   # the driver freezes idle servers; a frozen one would not stop
      kill "$pid" 2>/dev/null || true
    fi
  done < "$out/pids"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v wrk > /dev/null; then
  apt-get update && apt-get install -y wrk
fi
if ! ls engine/target/scopemock-engine-*-standalone.jar > /dev/null 2>&1 || [[ ! -f benchmarks/target/benchmarks.jar ]]; then
  mvn -B -q -DskipTests package -pl annotations,engine,extension,benchmarks
fi
if ! ls benchmarks/target/peers/wiremock-standalone-*.jar benchmarks/target/peers/mockserver-netty-*.jar > /dev/null 2>&1; then
  mvn -B -q dependency:copy@peers -pl benchmarks
fi

timeout --signal=TERM 870s java -cp benchmarks/target/benchmarks.jar dev.scopemock.benchmarks.load.LoadDriver "$@" &
driver=$!
wait "$driver"
