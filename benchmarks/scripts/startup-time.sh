#!/usr/bin/env bash
# Measures the standalone engine's start-up: from process launch to the first answered request (GET /__mock__),
# over N runs on a free loopback port. Usage: benchmarks/scripts/startup-time.sh [runs]  (build first: mvn package)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
jar=$(ls engine/target/scopemock-engine-*-standalone.jar | head -1)
port=18910
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  java -jar "$jar" --port "$port" > /dev/null 2>&1 &
  pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/__mock__"; do :; done
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
