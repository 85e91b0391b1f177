#!/usr/bin/env python3
"""Aggregate JFR execution samples (JDK 17 `jfr print --json`), standard library only.

usage: jfr-top.py FILE.jfr [--top K] [--prefix org.medsite.]
Prints, over all jdk.ExecutionSample events:
  - self (top-frame) time per method,
  - inclusive time per method (each method counted once per sample),
  - the first non-JDK package on each stack (which library the time is spent for),
  - the first frame of package PREFIX on each stack ("which of our methods is on the hot path"),
  - a coarse pipeline stage per sample (the Pipeline lambda / stage on the stack).
"""
import argparse
import collections
import json
import subprocess
import sys


def frames_of(ev):
    st = ev["values"].get("stackTrace") or {}
    out = []
    for fr in st.get("frames", []):
        m = fr.get("method") or {}
        t = (m.get("type") or {}).get("name", "?")
        out.append("%s.%s" % (t.replace("/", "."), m.get("name", "?")))
    return out


JDK = ("java.", "jdk.", "sun.", "com.sun.")
LIB_DEPTH = {"vladsch": 5, "medsite": 3}  # com.vladsch.flexmark.ext.autolink / org.medsite.markdown

STAGE_HINTS = [  # (substring of a frame, stage) - first match from the top of the stack wins
    ("org.medsite.markdown.", "markdown"),
    ("com.vladsch.flexmark", "markdown"),
    ("org.medsite.frontmatter.", "parse"),
    ("org.medsite.medical.MedicalMetadataReader", "parse"),
    ("org.medsite.text.SourceText", "parse"),
    ("org.medsite.render.", "render"),
    ("freemarker.", "render"),
    ("org.medsite.postprocess.", "postprocess"),
    ("org.medsite.check.", "postprocess/check"),
    ("org.jsoup.", "postprocess"),
    ("org.medsite.output.AtomicSiteWriter", "write"),
    ("org.medsite.output.", "outputs"),
    ("org.medsite.model.", "urls/assemble"),
    ("org.medsite.content.", "discover"),
    ("org.medsite.config.", "config"),
    ("org.medsite.yaml.", "yaml"),
]


def stage_of(frames):
    for f in frames:
        for hint, st in STAGE_HINTS:
            if hint in f:
                return st
    return "other (JVM/JDK only)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jfr")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--prefix", default="org.medsite.")
    ap.add_argument("--children", action="append", default=[],
                    help="also break down the samples under METHOD (Class.method) by its direct callee")
    a = ap.parse_args()
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "2048", "--events", "jdk.ExecutionSample", a.jfr],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    n = len(events)
    self_c, incl_c, ours_c, stage_c, thread_c, lib_c = (collections.Counter() for _ in range(6))
    kids_c = collections.defaultdict(collections.Counter)
    for ev in events:
        fr = frames_of(ev)
        if not fr:
            continue
        self_c[fr[0]] += 1
        for f in set(fr):
            incl_c[f] += 1
        ours = next((f for f in fr if f.startswith(a.prefix)), None)
        ours_c[ours or "(no %s frame)" % a.prefix] += 1
        stage_c[stage_of(fr)] += 1
        lib = next((f for f in fr if not f.startswith(JDK)), None)
        lib_c[".".join(lib.split(".")[:LIB_DEPTH.get(lib.split(".")[1] if "." in lib else "", 3)]) if lib
              else "(JDK only, stack cut at its depth)"] += 1
        for m in a.children:
            if m in fr:
                i = fr.index(m)  # outermost occurrence is the last; frames are innermost first
                i = len(fr) - 1 - fr[::-1].index(m)
                kids_c[m][fr[i - 1] if i > 0 else "(self)"] += 1
        th = (ev["values"].get("sampledThread") or {}).get("javaName") or "?"
        thread_c[th.rstrip("0123456789-") or th] += 1

    def show(title, c, k):
        print("\n== %s (of %d samples) ==" % (title, n))
        for name, cnt in c.most_common(k):
            print("%6d %5.1f%%  %s" % (cnt, 100.0 * cnt / n, name))

    show("samples by stage (heuristic, from the stack)", stage_c, 20)
    show("self time: top frame", self_c, a.top)
    show("inclusive time", incl_c, a.top)
    show("first non-JDK package on the stack (who calls the JDK code)", lib_c, 20)
    show("first %s frame on the stack (stacks deeper than JFR's stackdepth have none)" % a.prefix, ours_c, a.top)
    show("threads", thread_c, 8)
    for m in a.children:
        show("direct callees of %s" % m, kids_c[m], a.top)


if __name__ == "__main__":
    sys.exit(main())
