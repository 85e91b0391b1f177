#!/usr/bin/env python3
"""Paired ratios from timeit.py's --json files (standard library only).

usage: summarize.py BASELINE FILE.json [FILE.json ...]
For each command in each file: median wall and CPU (user+sys) seconds, peak RSS, and the median of
per-round ratios to BASELINE for wall time AND for CPU time. On a machine shared with other work the
CPU ratio is the steadier one: other tenants stretch wall time far more than the CPU a process needs
(but not to zero: cache and SMT contention still inflate CPU time a little).
"""
import json
import statistics
import sys


def main():
    base, files = sys.argv[1], sys.argv[2:]
    for path in files:
        data = json.load(open(path))
        b = data.get(base)
        print("\n%s (rounds: %d)" % (path, len(next(iter(data.values())))))
        print("%-22s %9s %9s %8s %11s %11s" % ("command", "wall s", "cpu s", "RSS MiB",
                                              "wall/" + base[:5], "cpu/" + base[:5]))
        for label, xs in data.items():
            w = statistics.median(x["wall"] for x in xs)
            c = statistics.median(x["cpu"] for x in xs)
            r = max(x["rss_mib"] for x in xs)
            rw = rc = float("nan")
            if b:
                rw = statistics.median(x["wall"] / y["wall"] for x, y in zip(xs, b))
                rc = statistics.median(x["cpu"] / y["cpu"] for x, y in zip(xs, b))
            print("%-22s %9.3f %9.3f %8.0f %10.2fx %10.2fx" % (label, w, c, r, rw, rc))


if __name__ == "__main__":
    main()
