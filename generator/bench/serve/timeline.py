#!/usr/bin/env python3
"""Where each save's time goes, from the save to the reload event, outside the stages too.

usage: timeline.py SITE_DIR [SKIP]
Reads SITE_DIR/saves.txt (written by save-to-reload.py --keep: each run's save and the moment its reload
event arrived, on the monotonic clock) and SITE_DIR/serve.log (the server's "timeline" debug lines, with
--debug: the watcher's first and last event and the end of its quiet period, the rebuild's start and end,
each stage's start and end, the console line and the event sent, on the same clock: the JVM's
System.nanoTime is CLOCK_MONOTONIC on Linux). Prints the median, min and max of each step over the runs,
SKIP runs left out (JIT warm-up).
"""
import re
import statistics
import sys

STEPS = [
    ("save -> first watch event", "saved", "batch-first-event"),
    ("first -> last watch event", "batch-first-event", "batch-last-event"),
    ("last event -> quiet period over", "batch-last-event", "batch-settled"),
    ("quiet period over -> rebuild()", "batch-settled", "rebuild-start"),
    ("rebuild() -> pipeline run", "rebuild-start", "run-start"),
    ("pipeline run -> first stage", "run-start", "first-stage"),
    ("stages (sum)", None, None),
    ("between stages (sum)", None, None),
    ("last stage -> pipeline end", "last-stage", "run-end"),
    ("pipeline end -> rebuild() returns", "run-end", "rebuild-end"),
    ("rebuild() returns -> console line", "rebuild-end", "console-line"),
    ("console line -> event sent", "console-line", "event-sent"),
    ("event sent -> event received", "event-sent", "received"),
]


def rebuilds(log):
    """The timeline of each rebuild after the first build, in order."""
    found, current = [], None
    for line in open(log, encoding="utf-8"):
        m = re.match(r"medsite: timeline (\S+) ([\d.]+)(?: (\S+) ([\d.]+) ([\d.]+))?$", line.strip())
        if not m:
            m = re.match(r"medsite: timeline stage (\S+) ([\d.]+) ([\d.]+)$", line.strip())
            if m and current is not None:
                current["stages"].append((m.group(1), float(m.group(2)), float(m.group(3))))
            continue
        step, at = m.group(1), float(m.group(2))
        if step == "batch-first-event":
            current = {"stages": []}
            found.append(current)
        if current is not None:
            current[step] = at
    return found


def main():
    site = sys.argv[1]
    skip = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    saves = [tuple(float(x) for x in line.split()[1:]) for line in open(site + "/saves.txt", encoding="utf-8")]
    timelines = rebuilds(site + "/serve.log")
    runs = []
    for i, (saved, received) in enumerate(saves):
        # The batches whose first event came after this save and before the next one (a save split in two
        # batches is one run). The watcher can see the write before the script's clock is read after it, and
        # the event can reach the script before the server's send call returns: 5 ms of slack.
        until = saves[i + 1][0] - 5 if i + 1 < len(saves) else 1e30
        later = [t for t in timelines if saved - 5 <= t.get("batch-first-event", 0) < until]
        if not later:
            continue
        t = dict(later[-1])
        t["batch-first-event"] = later[0]["batch-first-event"]
        t["stages"] = [s for x in later for s in x["stages"]]
        t["saved"], t["received"] = saved, received
        if not t["stages"]:
            continue
        t["first-stage"] = t["stages"][0][1]
        t["last-stage"] = t["stages"][-1][2]
        runs.append(t)
    runs = runs[skip:]
    if not runs:
        sys.exit("no run found: was the server run with --debug and save-to-reload.py with --keep?")
    rows = []
    gaps = {}
    for name, start, end in STEPS:
        values = []
        for t in runs:
            if name == "stages (sum)":
                values.append(sum(e - s for _, s, e in t["stages"]))
            elif name == "between stages (sum)":
                stages = t["stages"]
                values.append(sum(stages[i][1] - stages[i - 1][2] for i in range(1, len(stages))))
            elif start in t and end in t:
                values.append(t[end] - t[start])
        rows.append((name, values))
    for t in runs:
        stages = t["stages"]
        for i in range(1, len(stages)):
            gaps.setdefault("before " + stages[i][0], []).append(stages[i][1] - stages[i - 1][2])
    print("%d runs" % len(runs))
    print("%-36s %8s %8s %8s" % ("step", "median", "min", "max"))
    for name, values in rows:
        if values:
            print("%-36s %8.1f %8.1f %8.1f" % (name, statistics.median(values), min(values), max(values)))
    total = [t["received"] - t["saved"] for t in runs]
    outside = [t["received"] - t["saved"] - sum(e - s for _, s, e in t["stages"]) for t in runs]
    print("%-36s %8.1f %8.1f %8.1f" % ("save -> event received (whole)", statistics.median(total), min(total), max(total)))
    print("%-36s %8.1f %8.1f %8.1f" % ("whole - stages", statistics.median(outside), min(outside), max(outside)))
    print("gaps between stages (median ms, those over 0.5):")
    for name, values in gaps.items():
        if statistics.median(values) > 0.5:
            print("  %-34s %8.1f" % (name, statistics.median(values)))


if __name__ == "__main__":
    main()
