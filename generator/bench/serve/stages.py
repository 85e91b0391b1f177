#!/usr/bin/env python3
"""Median, min and max wall ms of each stage over a serve.log's rebuilds (save-to-reload.py --debug).

usage: stages.py SERVE_LOG [SKIP]
A build ends with its write stage; the first build (the server's start) is left out, and SKIP leaves
out that many rebuilds more (JIT warm-up). A rebuild that failed (no write stage) is counted with the
next one.
"""
import re
import statistics
import sys


def main():
    lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
    skip = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    rebuilds, current, first = [], {}, True
    for line in lines:
        m = re.match(r"medsite: (\w+) +(\d+) ms$", line)
        if m:
            current[m.group(1)] = current.get(m.group(1), 0) + int(m.group(2))
            if m.group(1) == "write":
                if not first:
                    rebuilds.append(current)
                first, current = False, {}
    rebuilds = rebuilds[skip:]
    stages = []
    for r in rebuilds:
        stages += [s for s in r if s not in stages]
    print("%d rebuilds" % len(rebuilds))
    print("%-12s %6s %6s %6s" % ("stage", "median", "min", "max"))
    for s in stages:
        xs = [r.get(s, 0) for r in rebuilds]
        print("%-12s %6d %6d %6d" % (s, statistics.median(xs), min(xs), max(xs)))
    totals = [sum(r.values()) for r in rebuilds]
    print("%-12s %6d %6d %6d" % ("sum", statistics.median(totals), min(totals), max(totals)))


if __name__ == "__main__":
    main()
