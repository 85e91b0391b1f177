#!/usr/bin/env bash
# JFR profile of one Medsite build (plus --debug stage timings), aggregated with jfr-top.py.
#   usage: profile.sh minimal|full N [JFR_FILE]
#   env:   MEDSITE_JAR, MEDSITE_JAVA_OPTS, BENCH_TMP; writes JFR_FILE (default $BENCH_TMP/medsite-CONFIG-N[-MODE].jfr),
#          the build's stderr (.log) and the aggregation (.txt) beside it
#          MODE=clean (default) | nochange | onechange: a rebuild of the "rebuild" variant's output (as in
#          rebuilds.sh; run a clean build of it first), e.g. MODE=onechange profile.sh minimal 1000
#          JFR_SETTINGS (default profile; a .jfc file with a shorter method-sampling period gives more samples)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_TMP="${BENCH_TMP:-/tmp/ssg-bench}"; export BENCH_TMP
CONFIG="${1:?usage: profile.sh minimal|full N [JFR_FILE]}"; N="${2:?N}"
MODE="${MODE:-clean}"
SUFFIX=""; VARIANT_ARGS=()
if [ "$MODE" != clean ]; then SUFFIX="-$MODE"; VARIANT_ARGS=(--variant rebuild --mode "$MODE"); fi
JFR="${3:-$BENCH_TMP/medsite-$CONFIG-$N$SUFFIX.jfr}"
OUT="$BENCH_TMP/out-medsite-$CONFIG-profile-$N"; [ "$MODE" = clean ] || OUT="$BENCH_TMP/out-medsite-$CONFIG-rebuild-$N"
rm -f "$JFR"
MEDSITE_JAVA_OPTS="${MEDSITE_JAVA_OPTS:-} -XX:+FlightRecorder -XX:FlightRecorderOptions=stackdepth=2048 -XX:StartFlightRecording=filename=$JFR,settings=${JFR_SETTINGS:-profile}" \
MEDSITE_ARGS="--debug" "$HERE/medsite-bench.sh" --config "$CONFIG" "${VARIANT_ARGS[@]}" "$N" "$OUT" \
  2>"${JFR%.jfr}.log" >/dev/null || true
grep -E '^medsite: (stage|built|build failed|page cache: reused)' "${JFR%.jfr}.log" || tail -3 "${JFR%.jfr}.log"
"$HERE/jfr-top.py" "$JFR" --top 30 | tee "${JFR%.jfr}.txt"
