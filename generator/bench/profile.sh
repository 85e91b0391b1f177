#!/usr/bin/env bash
# JFR profile of one clean Medsite build (plus --debug stage timings), aggregated with jfr-top.py.
#   usage: profile.sh minimal|full N [JFR_FILE]
#   env:   MEDSITE_JAR, MEDSITE_JAVA_OPTS, BENCH_TMP; writes JFR_FILE (default $BENCH_TMP/medsite-CONFIG-N.jfr),
#          the build's stderr (.log) and the aggregation (.txt) beside it
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_TMP="${BENCH_TMP:-/tmp/ssg-bench}"; export BENCH_TMP
CONFIG="${1:?usage: profile.sh minimal|full N [JFR_FILE]}"; N="${2:?N}"
JFR="${3:-$BENCH_TMP/medsite-$CONFIG-$N.jfr}"
rm -f "$JFR"
MEDSITE_JAVA_OPTS="${MEDSITE_JAVA_OPTS:-} -XX:+FlightRecorder -XX:FlightRecorderOptions=stackdepth=2048 -XX:StartFlightRecording=filename=$JFR,settings=profile" \
MEDSITE_ARGS="--debug" "$HERE/medsite-bench.sh" --config "$CONFIG" "$N" "$BENCH_TMP/out-medsite-$CONFIG-profile-$N" \
  2>"${JFR%.jfr}.log" >/dev/null || true
grep -E '^medsite: (stage|built|build failed)' "${JFR%.jfr}.log" || tail -3 "${JFR%.jfr}.log"
"$HERE/jfr-top.py" "$JFR" --top 30 | tee "${JFR%.jfr}.txt"
