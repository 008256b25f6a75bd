"""Throughput of ``readouts batch`` on a corpus of seed-sized pairs, with 1 and 2 workers.

Writes 10,000 pair folders in the layout of ``samples/`` to a temporary folder (variants of
the seed pair, Yerevan / Kremlin, 3-6 sentences a side, dated 2018-2025; see
``synthetic.py``), then runs the installed command as a user would,

    readouts batch DIR --format csv -o rows.csv --quiet --jobs N

for N = 1 and 2, timing the whole process. Printed: pairs per second, pairs per second per
core, the speed-up of 2 workers over 1 (target: at least 1.6x on a 2-core machine), whether
both runs wrote byte-identical output (results keep the input order), and the peak memory of
the largest process: with a tenth of the corpus and with all of it, which should be about the
same (rows are written as they come, nothing grows with the corpus).

    python benchmarks/corpus.py                # 10,000 pairs: about five minutes on 2 cores
    python benchmarks/corpus.py --pairs 2000   # quicker
    python benchmarks/corpus.py --repeat 2     # on a busy machine: best of two runs each
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic

# Runs one command and reports its wall time and the peak resident memory of the largest of
# its processes (ru_maxrss of the children: the batch process and its workers), in a fresh
# interpreter so that earlier runs do not count.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:])
print(json.dumps({"seconds": time.perf_counter() - start, "code": done.returncode,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def batch(folder: Path, out: Path, jobs: int) -> dict[str, float]:
    command = [sys.executable, "-m", "readouts", "batch", str(folder), "--format", "csv"]
    command += ["-o", str(out), "--quiet", "--jobs", str(jobs)]
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    if result["code"] != 0:
        sys.exit(f"readouts batch failed ({result['code']}): {done.stderr}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=10_000, help="pairs in the corpus")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per --jobs value, alternating; best kept"
    )
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"Python {platform.python_version()}, {platform.machine()}, {cores} cores")

    with tempfile.TemporaryDirectory(prefix="readouts-corpus-") as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        synthetic.write_corpus(root / "calls", args.pairs)
        small = root / "small"
        small.mkdir()
        for folder in sorted((root / "calls").iterdir())[: max(1, args.pairs // 10)]:
            (small / folder.name).symlink_to(folder, target_is_directory=True)
        print(f"wrote {args.pairs:,} pair folders in {time.perf_counter() - start:.1f} s\n")

        runs: dict[int, dict[str, float]] = {}
        for _ in range(args.repeat):
            for jobs in (1, 2):
                r = batch(root / "calls", root / f"rows-{jobs}.csv", jobs)
                if jobs not in runs or r["seconds"] < runs[jobs]["seconds"]:
                    runs[jobs] = r
        for jobs in (1, 2):
            r = runs[jobs]
            rate = args.pairs / r["seconds"]
            print(
                f"--jobs {jobs}: {r['seconds']:7.1f} s  {rate:7.1f} pairs/s  "
                f"{rate / jobs:7.1f} pairs/s/core  peak {r['maxrss_kb'] / 1024:5.0f} MB"
            )
        tenth = batch(small, root / "rows-small.csv", 2)
        same = filecmp.cmp(root / "rows-1.csv", root / "rows-2.csv", shallow=False)
        rows = sum(1 for _ in (root / "rows-1.csv").open(encoding="utf-8")) - 1

    speedup = runs[1]["seconds"] / runs[2]["seconds"]
    flat = runs[2]["maxrss_kb"] / tenth["maxrss_kb"]
    print(f"\nrows written: {rows:,}; --jobs 1 and --jobs 2 outputs identical: {same}")
    print(f"speed-up of --jobs 2 over --jobs 1: {speedup:.2f}x (target >= 1.6x)")
    print(
        f"peak memory, {args.pairs // 10:,} pairs: {tenth['maxrss_kb'] / 1024:.0f} MB; "
        f"{args.pairs:,} pairs: {runs[2]['maxrss_kb'] / 1024:.0f} MB ({flat:.2f}x for 10x the "
        "pairs)"
    )
    ok = same and speedup >= 1.6 and flat < 1.25
    print("\nall targets met" if ok else "\nsome target MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
