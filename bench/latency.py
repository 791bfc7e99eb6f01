#!/usr/bin/env python3
"""Times commands one run at a time, alternating, and prints each one's latency distribution.

    latency.py RUNS OUT.json NAME STDIN -- CMD... ++ NAME STDIN -- CMD... [++ ...]

Unlike interleave.py, which compares medians, this keeps every sample: a tail (p99, max) is
what a writer holding the lock for long shows. Each round runs every command once, in turn,
so both see the same background load. STDIN is a file fed to the command's standard input.
A run that exits non-zero counts as a failure (a lock wait that timed out), not a sample.
Prints p50, p99 (nearest rank) and max per command, in ms, and writes them to OUT.json.
"""
import json
import math
import os
import subprocess
import sys
import time


def parse(argv):
    commands, current = [], []
    for arg in argv + ["++"]:
        if arg == "++":
            name, stdin, dashes, *cmd = current
            assert dashes == "--", "expected NAME STDIN -- CMD..."
            commands.append((name, stdin, cmd))
            current = []
        else:
            current.append(arg)
    return commands


def once(stdin, cmd):
    with open(os.devnull if stdin == "-" else stdin, "rb") as source:
        start = time.perf_counter_ns()
        done = subprocess.run(cmd, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return (time.perf_counter_ns() - start) / 1e6, done.returncode


def percentile(sorted_values, p):
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def main():
    runs, out = int(sys.argv[1]), sys.argv[2]
    commands = parse(sys.argv[3:])
    samples = {name: [] for name, _, _ in commands}
    failures = {name: 0 for name, _, _ in commands}
    for _ in range(runs):
        for name, stdin, cmd in commands:
            ms, status = once(stdin, cmd)
            if status == 0:
                samples[name].append(ms)
            else:
                failures[name] += 1
    result = {}
    for name, values in samples.items():
        values.sort()
        if not values:
            result[name] = {"p50": None, "p99": None, "max": None, "failures": failures[name]}
            print(f"{name}: every run failed ({failures[name]})")
            continue
        result[name] = {"p50": percentile(values, 50), "p99": percentile(values, 99), "max": values[-1],
                        "failures": failures[name]}
        r = result[name]
        print(f"{name}: p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, max {r['max']:.1f} ms"
              + (f", {failures[name]} failed" if failures[name] else ""))
    json.dump(result, open(out, "w"))


if __name__ == "__main__":
    main()
