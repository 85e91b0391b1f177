#!/usr/bin/env bash
# Medsite against the shared peers, in the same run: calls the shared run-peers.sh once per
# Medsite config and N, with Medsite added through its EXTRA hook (one contender per call), so each
# table has the peers and one Medsite config timed in interleaved rounds, with ratios to Hugo.
#   usage: run-vs-peers.sh [N ...]        (default: 1000 4000)
#   env:   PEERS (default "hugo eleventy"), RUNS (3), WARMUP (1), CONFIGS (default "minimal full"),
#          MEDSITE_JAR, MEDSITE_JAVA_OPTS, SSG_BENCH_DIR, BENCH_TMP; tables also go to $BENCH_TMP/medsite-*.txt
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SSG_BENCH_DIR="${SSG_BENCH_DIR:-$REPO/../shared/bench}"
BENCH_TMP="${BENCH_TMP:-/tmp/ssg-bench}"; export BENCH_TMP
export PEERS="${PEERS:-hugo eleventy}" RUNS="${RUNS:-3}" WARMUP="${WARMUP:-1}"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 4000)
for n in "${SIZES[@]}"; do
  for cfg in ${CONFIGS:-minimal full}; do
    out="$BENCH_TMP/out-medsite-$cfg-$n"
    # untimed: prepare the site folder and check the build (exit 0, >= N pages), as run-peers does for peers
    BENCH_VERIFY=1 "$HERE/medsite-bench.sh" --config "$cfg" "$n" "$out" 2>"$BENCH_TMP/verify-medsite-$cfg-$n.log" \
      || { echo "medsite-$cfg failed at N=$n: see $BENCH_TMP/verify-medsite-$cfg-$n.log" >&2; exit 1; }
    echo "== medsite-$cfg vs $PEERS, N=$n, RUNS=$RUNS WARMUP=$WARMUP"
    EXTRA="medsite-$cfg=$HERE/medsite-bench.sh --config $cfg $n $out" \
      "$SSG_BENCH_DIR/run-peers.sh" "$n" | tee "$BENCH_TMP/medsite-$cfg-$n.txt"
    cp "$BENCH_TMP/results-$n.json" "$BENCH_TMP/results-medsite-$cfg-$n.json"
  done
done
