#!/usr/bin/env python3
"""Runs a command against a store and prints how long, at a stretch, it held the write lock.

    lock-hold.py DB -- CMD...

While CMD runs, this process keeps trying BEGIN IMMEDIATE on DB with no busy timeout (and
commits the empty transaction at once when it gets the lock). A run of refusals is one hold
of the write lock by CMD: its length, from the first refusal to the next success, is what any
other writer (a `keys verify`) would have waited at worst. Prints the number of holds of
1 ms or more, their median and the longest, in ms. Resolution: a fraction of a millisecond;
CMD may be slowed a little when it finds the lock held by this probe for a moment.
"""
import sqlite3
import statistics
import subprocess
import sys
import time


def main():
    database, dashes, *command = sys.argv[1:]
    assert dashes == "--", "usage: lock-hold.py DB -- CMD..."
    probe = sqlite3.connect(database, timeout=0, isolation_level=None)
    holds, busy_since = [], None
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    while child.poll() is None:
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("COMMIT")
            if busy_since is not None:
                holds.append((time.perf_counter() - busy_since) * 1000)
                busy_since = None
        except sqlite3.OperationalError:   # database is locked: CMD holds the write lock
            if busy_since is None:
                busy_since = time.perf_counter()
        time.sleep(0.0001)
    if child.returncode != 0:
        sys.exit(f"the command failed with status {child.returncode}")
    holds = [h for h in holds if h >= 1]
    if not holds:
        print("write lock never held for 1 ms or more")
        return
    print(f"write-lock holds of 1 ms or more: {len(holds)}, median {statistics.median(holds):.1f} ms, "
          f"longest {max(holds):.1f} ms")


if __name__ == "__main__":
    main()
