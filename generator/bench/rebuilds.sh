#!/usr/bin/env bash
# Rebuild cost: clean build vs no-change rebuild vs one-page-changed rebuild, in interleaved rounds
# (clean, nochange, onechange, clean, ...) into the same output folder, with the shared timeit.py.
# "nochange" builds over the output the clean run just wrote; "onechange" first rewrites one line of
# content/post-0001.md. All three use a separate copy of the site (variant "rebuild"). "clean" wipes the
# state folder too, so it starts without the build cache, the page cache and the image cache.
#   usage: rebuilds.sh [N ...]        (default: 1000 4000)
#   env:   CONFIGS (default "full"), RUNS (3), WARMUP (1), MEDSITE_JAR, MEDSITE_JAVA_OPTS, SSG_BENCH_DIR, BENCH_TMP
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SSG_BENCH_DIR="${SSG_BENCH_DIR:-$REPO/../shared/bench}"
BENCH_TMP="${BENCH_TMP:-/tmp/ssg-bench}"; export BENCH_TMP
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 4000)
B="$HERE/medsite-bench.sh"
for n in "${SIZES[@]}"; do
  for cfg in ${CONFIGS:-full}; do
    out="$BENCH_TMP/out-medsite-$cfg-rebuild-$n"
    BENCH_VERIFY=1 "$B" --config "$cfg" --variant rebuild "$n" "$out" 2>"$BENCH_TMP/verify-medsite-$cfg-rebuild-$n.log"
    echo
    python3 "$SSG_BENCH_DIR/timeit.py" --runs "${RUNS:-3}" --warmup "${WARMUP:-1}" --baseline "$cfg-clean" \
      --title "medsite-$cfg N=$n: clean build vs rebuilds over the previous output, median of ${RUNS:-3}" \
      --json "$BENCH_TMP/results-medsite-$cfg-rebuild-$n.json" \
      "$cfg-clean=$B --config $cfg --variant rebuild --mode clean $n $out" \
      "$cfg-nochange=$B --config $cfg --variant rebuild --mode nochange $n $out" \
      "$cfg-onechange=$B --config $cfg --variant rebuild --mode onechange $n $out"
    # what each kind of rebuild rewrote, its stage times and what it took from the page cache, from one
    # more (untimed) run each with --debug
    for mode in clean nochange onechange; do
      MEDSITE_ARGS=--debug BENCH_VERIFY=1 "$B" --config "$cfg" --variant rebuild --mode "$mode" "$n" "$out" >/dev/null 2>&1 || true
      echo "$mode: $(grep -E '^medsite: (stage [a-z]+ |built|page cache: reused)' "$out.verify.log" | sed 's/^medsite: //' | tr -s ' ' | paste -sd';')"
    done
  done
done
