#!/usr/bin/env python3
"""Times commands against each other, interleaved, and prints medians and their ratio.

    interleave.py RUNS NAME STDIN -- CMD... ++ NAME STDIN -- CMD... [++ ...]

Each round runs /bin/true once (the cost of spawning a process from here) and then every
command once, in turn, so that a noisy neighbour on a shared machine slows all of them alike
rather than whichever happened to be measured at that moment. STDIN is a file fed to the
command's standard input, or '-' for none. Ten untimed rounds warm the page cache first.
The first command is compared with the second: its ratio is printed last, as `ratio R`.
Spawn cost is subtracted from both medians before the ratio is taken.
"""
import os
import statistics
import subprocess
import sys
import time


def parse(argv):
    runs = int(argv[0])
    commands, current = [], []
    for arg in argv[1:] + ["++"]:
        if arg == "++":
            name, stdin, dashes, *cmd = current
            assert dashes == "--", "expected NAME STDIN -- CMD..."
            commands.append((name, stdin, cmd))
            current = []
        else:
            current.append(arg)
    return runs, commands


def once(stdin, cmd):
    with open(os.devnull if stdin == "-" else stdin, "rb") as source:
        start = time.perf_counter_ns()
        subprocess.run(cmd, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return (time.perf_counter_ns() - start) / 1000


def main():
    runs, commands = parse(sys.argv[1:])
    for _ in range(10):
        for _, stdin, cmd in commands:
            once(stdin, cmd)
    spawn, samples = [], {name: [] for name, _, _ in commands}
    for _ in range(runs):
        spawn.append(once("-", ["/bin/true"]))
        for name, stdin, cmd in commands:
            samples[name].append(once(stdin, cmd))
    base = statistics.median(spawn)
    medians = {name: statistics.median(values) - base for name, values in samples.items()}
    print(f"spawn cost (/bin/true, subtracted): {base:.0f} us")
    for name, value in medians.items():
        print(f"{name}: {value:.0f} us")
    first, second = commands[0][0], commands[1][0]
    print(f"ratio {medians[first] / medians[second]:.2f}")


if __name__ == "__main__":
    main()
