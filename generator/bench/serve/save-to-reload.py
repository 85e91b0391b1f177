#!/usr/bin/env python3
"""Save-to-reload latency of `medsite serve` on a generated site.

Builds a site of N pages from /work/shared/bench/gen-corpus.py (front matter trimmed to keys Medsite
knows and the pages its links point at added, so the site builds without errors), starts
`medsite serve` on it, then R times: appends a sentence to one page and measures the time from the
end of the write to the `reload` event on the live-reload stream (/__medsite/events), which is what a
browser waits for. Prints each time, the median and the server's own rebuild lines.

Usage: save-to-reload.py [--pages 4000] [--runs 15] [--jar generator/target/medsite.jar] [--keep DIR]
                         [--out DIR] [--debug]
Not a unit test: timings depend on the machine and what else it runs.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = "/work/shared/bench/gen-corpus.py"


def make_site(site, pages):
    raw = os.path.join(site, "raw")
    subprocess.run([sys.executable, CORPUS, str(pages), raw], check=True, stdout=subprocess.DEVNULL)
    blog = os.path.join(site, "content", "blog")
    os.makedirs(blog)
    for name in sorted(os.listdir(raw)):
        with open(os.path.join(raw, name), encoding="utf-8") as f:
            text = f.read()
        # People must be in the registry (data/people/); the corpus names free-text authors.
        text = re.sub(r"^(author|reviewed_by|last_reviewed):.*\n", "", text, flags=re.M)
        # The theme shows the title as the page's <h1>.
        text = re.sub(r"^# ", "## ", text, flags=re.M)
        with open(os.path.join(blog, name), "w", encoding="utf-8") as f:
            f.write(text)
    shutil.rmtree(raw)
    for page in ("about/hours", "appointments", "portal"):
        os.makedirs(os.path.join(site, "content", page))
        with open(os.path.join(site, "content", page, "_index.md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: %s\n---\n\nText.\n" % page)
    with open(os.path.join(site, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: Bench clinic\nbaseURL: https://bench.example.org/\nlanguage: en\ntheme: clinic\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pages", type=int, default=4000)
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--jar", default=os.path.join(HERE, "..", "..", "target", "medsite.jar"))
    p.add_argument("--keep", help="build the site here and keep it")
    p.add_argument("--out", help="the server's output folder (default: a temporary one); a kept one keeps the "
                   "image cache, so that a second run does not draw every page's share card again")
    p.add_argument("--debug", action="store_true",
                   help="run the server with --debug: its stage timings of every rebuild go to serve.log (with --keep)")
    a = p.parse_args()

    site = a.keep or tempfile.mkdtemp(prefix="medsite-serve-bench-")
    if not os.path.exists(os.path.join(site, "site.yaml")):
        make_site(site, a.pages)
    log = open(os.path.join(site, "serve.log") if a.keep else os.devnull, "w")
    command = (["java", "-jar", a.jar, "serve", site, "--port", "0"] + (["--debug"] if a.debug else [])
               + (["--output", a.out] if a.out else []))
    server = subprocess.Popen(command,
                              stdout=subprocess.PIPE, stderr=log, text=True)
    lines = []
    try:
        url = None
        started = time.perf_counter()
        for line in server.stdout:
            lines.append(line.rstrip())
            m = re.search(r"serving (http://\S+)", line)
            if m:
                url = m.group(1)
                break
        if url is None:
            sys.exit("the server did not start:\n" + "\n".join(lines))
        print("first build and start: %.1f s" % (time.perf_counter() - started))
        events = urllib.request.urlopen(url + "__medsite/events", timeout=600)
        events.readline()  # retry: ...
        events.readline()
        times = []
        # The monotonic clock (CLOCK_MONOTONIC on Linux, the JVM's System.nanoTime too): timeline.py puts the
        # save and the event beside the server's own "timeline" debug lines.
        moments = open(os.path.join(site, "saves.txt"), "w") if a.keep else open(os.devnull, "w")
        for run in range(a.runs):
            page = os.path.join(site, "content", "blog", "post-%04d.md" % (1 + run * 97 % a.pages))
            with open(page, "a", encoding="utf-8") as f:
                f.write("\nEdited in run %d.\n" % run)
            saved = time.perf_counter()
            saved_mono = time.monotonic() * 1000
            while True:
                line = events.readline().decode("utf-8").strip()
                if line == "event: reload":
                    break
                if line == "event: errors":
                    sys.exit("the rebuild failed: " + events.readline().decode("utf-8"))
            received = time.perf_counter()
            took = (received - saved) * 1000
            times.append(took)
            moments.write("%d %.3f %.3f\n" % (run + 1, saved_mono, time.monotonic() * 1000))
            moments.flush()
            print("run %2d: %7.1f ms" % (run + 1, took), flush=True)
            time.sleep(0.3)
        p90 = sorted(times)[max(0, -(-len(times) * 9 // 10) - 1)]
        print("median save-to-reload over %d runs on %d pages: %.1f ms (p90 %.1f, min %.1f, max %.1f)"
              % (len(times), a.pages, statistics.median(times), p90, min(times), max(times)))
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        rest = server.stdout.read() if server.stdout else ""
        for line in (lines + rest.splitlines())[-5:]:
            print("server: " + line)
        if not a.keep:
            shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
