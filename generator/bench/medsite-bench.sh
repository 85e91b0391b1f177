#!/usr/bin/env bash
# One Medsite build of the N-file shared corpus into OUT, shaped like the shared peer scripts
# (peer-hugo.sh ...): usable as run-peers.sh's EXTRA command and by timeit.py.
#   usage: medsite-bench.sh [--config minimal|full] [--mode clean|nochange|onechange] [--variant NAME] N OUT
#   --config  minimal: one-line templates, no feeds/sitemap/taxonomies, medical checks off (default)
#             full:    clinic theme, baseURL (feeds, sitemap, JSON-LD), every check at its default level
#   --mode    clean:     wipe OUT and its state folder .OUT.medsite first, like the peers (default)
#             nochange:  leave the previous output in place (Medsite keeps files whose bytes match)
#             onechange: like nochange, but first rewrite one line of one page (post-0001.md), so exactly one
#                        source changed (only with --variant, so the main runs keep the pristine corpus)
#   --variant NAME  build a separate copy of the site folder (prepare-site.sh's VARIANT), e.g. "rebuild"
# env: MEDSITE_JAR (default generator/target/medsite.jar in this repo), JAVA (default java),
#      MEDSITE_JAVA_OPTS (extra JVM flags, e.g. "-XX:TieredStopAtLevel=1"), MEDSITE_ARGS (extra CLI args),
#      MEDSITE_LAUNCHER=1 (default when the jar has the launcher script `medsite` beside it: run through it,
#      with its JVM flags and AppCDS archive, as users do) or 0 (plain `java -cp`, for jvm-flags.sh),
#      BENCH_VERIFY=1 (exit code must be 0 and >= N .html files), BENCH_PREPARE_ONLY=1, SSG_BENCH_DIR, BENCH_TMP.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CONFIG=minimal; MODE=clean; VARIANT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --config) CONFIG="$2"; shift 2 ;;
    --mode) MODE="$2"; shift 2 ;;
    --variant) VARIANT="$2"; shift 2 ;;
    --) shift; break ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -lt 2 ]; then
  echo "usage: $(basename "$0") [--config minimal|full] [--mode clean|nochange|onechange] [--variant NAME] N OUT" >&2; exit 2
fi
N="$1"; OUT="$2"
JAR="${MEDSITE_JAR:-$REPO/generator/target/medsite.jar}"
[ -f "$JAR" ] || { echo "no Medsite jar at $JAR (build it, or set MEDSITE_JAR)" >&2; exit 3; }
case "$MODE" in clean|nochange) ;; onechange) [ -n "$VARIANT" ] || { echo "--mode onechange needs --variant" >&2; exit 2; } ;;
  *) echo "unknown mode $MODE" >&2; exit 2 ;; esac
SITE="$("$HERE/prepare-site.sh" "$CONFIG" "$N" $VARIANT)"
[ "${BENCH_PREPARE_ONLY:-0}" = 1 ] && exit 0
CP="$JAR"; [ "$CONFIG" = minimal ] && CP="$JAR:$HERE/minimal-layout"
# Medsite refuses to replace a non-empty folder it did not write; its state folder is .OUT.medsite
# (and .OUT.staging-*/.OUT.old-* while it swaps), all beside OUT.
OUT="$(mkdir -p "$(dirname "$OUT")" && cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"
STATE="$(dirname "$OUT")/.$(basename "$OUT").medsite"
case "$MODE" in
  clean) rm -rf "$OUT" "$STATE" ;;
  onechange)
    # Replace one line at the end of one page with a new unique one, so every run sees exactly one
    # source that differs from whatever the previous build wrote.
    f="$SITE/content/post-0001.md"
    sed -i '/^Edited for the rebuild benchmark, run [0-9]*\.$/d' "$f"
    printf 'Edited for the rebuild benchmark, run %s.\n' "$(date +%s%N)" >> "$f" ;;
esac
LAUNCHER="$(dirname "$JAR")/medsite"
if [ "${MEDSITE_LAUNCHER:-1}" = 1 ] && [ -x "$LAUNCHER" ]; then
  EXTRA_CP=""; [ "$CONFIG" = minimal ] && EXTRA_CP="$HERE/minimal-layout"
  export MEDSITE_CLASSPATH="$EXTRA_CP" MEDSITE_JAVA_OPTS="${MEDSITE_JAVA_OPTS:-}"
  # shellcheck disable=SC2086
  set -- "$LAUNCHER" build "$SITE" --output "$OUT" ${MEDSITE_ARGS:-}
else
  # shellcheck disable=SC2086
  set -- ${JAVA:-java} ${MEDSITE_JAVA_OPTS:-} -cp "$CP" org.medsite.cli.Main build "$SITE" --output "$OUT" ${MEDSITE_ARGS:-}
fi
if [ "${BENCH_VERIFY:-0}" = 1 ]; then
  rc=0; "$@" 2>"$OUT.verify.log" || rc=$?
  tail -1 "$OUT.verify.log" >&2
  [ "$rc" = 0 ] || { echo "medsite-$CONFIG: exit code $rc (see $OUT.verify.log)" >&2; exit 1; }
  got=$(find "$OUT" -name '*.html' -type f | wc -l)
  echo "medsite-$CONFIG N=$N html_files=$got" >&2
  [ "$got" -ge "$N" ] || { echo "medsite-$CONFIG: expected at least $N .html files, got $got" >&2; exit 1; }
else
  exec "$@" --quiet
fi
