#!/usr/bin/env bash
# JVM flags for the short-lived CLI, in interleaved rounds with the shared timeit.py; ratios are to
# the default JVM (G1, tiered C1+C2, default CDS archive of the JDK).
#   usage: jvm-flags.sh [N ...]       (default: 1000)
#   env:   CONFIGS (default "minimal full"), RUNS (3), WARMUP (1), MEDSITE_JAR, SSG_BENCH_DIR, BENCH_TMP,
#          FLAGSETS to replace the list below ("label=flags;label=flags")
# The AppCDS archive is made per config by one extra, untimed build with -XX:ArchiveClassesAtExit.
# timeit.py runs the sets in the listed order every round, so a set's place in the list biases its ratio
# on a shared machine (README, fourth round: -XX:-UsePerfData read 0.87x in one order, 0.98x in the other):
# with FLAGSETS, list the baseline first and last and a candidate twice, and read the copies' spread.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SSG_BENCH_DIR="${SSG_BENCH_DIR:-$REPO/../shared/bench}"
BENCH_TMP="${BENCH_TMP:-/tmp/ssg-bench}"; export BENCH_TMP
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000)
B="$HERE/medsite-bench.sh"
# Flag sets are compared on a plain `java -cp`, not through the launcher (which adds its own flags).
export MEDSITE_LAUNCHER=0
for n in "${SIZES[@]}"; do
  for cfg in ${CONFIGS:-minimal full}; do
    out="$BENCH_TMP/out-medsite-$cfg-jvm-$n"
    jsa="$BENCH_TMP/medsite-$cfg.jsa"
    # (only when a flag set uses it: the default list does; FLAGSETS may not)
    if [ ! -f "$jsa" ] && { [ -z "${FLAGSETS:-}" ] || [[ "$FLAGSETS" == *'$jsa'* ]] || [[ "$FLAGSETS" == *.jsa* ]]; }; then
      MEDSITE_JAVA_OPTS="-XX:ArchiveClassesAtExit=$jsa" "$B" --config "$cfg" "$n" "$out" >/dev/null 2>&1 || true
      [ -f "$jsa" ] || { echo "no AppCDS archive made at $jsa" >&2; exit 1; }
    fi
    FS="${FLAGSETS:-default=;c1=-XX:TieredStopAtLevel=1;serial=-XX:+UseSerialGC;parallel=-XX:+UseParallelGC;appcds=-XX:SharedArchiveFile=$jsa;c1+serial+appcds=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$jsa}"
    args=()
    IFS=';' read -r -a sets <<<"$FS"
    for s in "${sets[@]}"; do
      label="${s%%=*}"; flags="${s#*=}"
      # timeit.py runs no shell: pass the flags through env(1)
      args+=("$label=env MEDSITE_JAVA_OPTS=$(printf %q "$flags") $B --config $cfg $n $out")
    done
    echo
    python3 "$SSG_BENCH_DIR/timeit.py" --runs "${RUNS:-3}" --warmup "${WARMUP:-1}" --baseline default \
      --title "medsite-$cfg N=$n: JVM flags, clean builds, median of ${RUNS:-3}" \
      --json "$BENCH_TMP/results-medsite-$cfg-jvm-$n.json" "${args[@]}"
  done
done
