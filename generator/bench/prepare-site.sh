#!/usr/bin/env bash
# Prepare (once per config, N and seed) the Medsite site folder over the shared benchmark corpus and
# print its path. Never timed.
#   usage: prepare-site.sh minimal|full N [VARIANT]
# The corpus files are copied byte for byte into SITE/content/ (the shared lib.sh does that once);
# site.yaml (and, for "full", data/people.yaml) come from generator/bench/sites/CONFIG/ and the stub
# pages from generator/bench/sites/common/ on every call.
# VARIANT (optional) gives a separate copy, e.g. "rebuild" for the rebuild runs that edit one page.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SSG_BENCH_DIR="${SSG_BENCH_DIR:-$REPO/../shared/bench}"
[ -f "$SSG_BENCH_DIR/lib.sh" ] || { echo "shared benchmark harness not found at $SSG_BENCH_DIR (set SSG_BENCH_DIR)" >&2; exit 3; }
. "$SSG_BENCH_DIR/lib.sh"
CONFIG="${1:?usage: prepare-site.sh minimal|full N [VARIANT]}"; N="${2:?N}"; VARIANT="${3:-}"
case "$CONFIG" in minimal|full) ;; *) echo "unknown config '$CONFIG' (minimal or full)" >&2; exit 2 ;; esac
SITE="$(site_dir "medsite-$CONFIG${VARIANT:+-$VARIANT}" "$N" yaml "$HERE/sites/$CONFIG" content)"
# The corpus links to /about/hours/, /appointments/, /blog/ and /portal/ (gen-corpus.py), which no
# corpus page provides; Medsite's link check [link.broken] is an error that site.yaml cannot lower,
# so both configs get a one-line static stub page at each of those four addresses.
cp -r "$HERE/sites/common/." "$SITE"/
printf '%s\n' "$SITE"
