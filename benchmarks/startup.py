"""Start-up: whole-process time of the command line, as a ratio to ``import difflib``.

Three commands, each run ``--repeat`` times (default 10), the median printed:

* baseline: ``python -c "import difflib"`` (the interpreter starting and importing a module);
* ``readouts --version``: the command line and nothing else;
* ``readouts compare --sample 2023-01-31-pashinian-putin``: a seed-sized comparison,
  loading the lexicon included.

The command is run as installed, ``python -m readouts`` with this interpreter (a console
script found on PATH may be a shim of a version manager that adds its own start-up time).
``--imports`` also lists the slowest imports of ``readouts --version`` (``python -X importtime``).

    python benchmarks/startup.py
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time

SEED = "2023-01-31-pashinian-putin"


def median_time(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def slowest_imports(limit: int = 12) -> list[tuple[int, str]]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "readouts", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    return sorted(rows, reverse=True)[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="runs per command")
    parser.add_argument("--imports", action="store_true", help="list the slowest imports")
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, {platform.system()}")
    readouts = [sys.executable, "-m", "readouts"]
    base = median_time([sys.executable, "-c", "import difflib"], args.repeat)
    version = median_time([*readouts, "--version"], args.repeat)
    seed = median_time([*readouts, "compare", "--sample", SEED], args.repeat)
    print(f'python -c "import difflib"          {base * 1000:7.0f} ms   1.00x (baseline)')
    print(f"readouts --version                  {version * 1000:7.0f} ms  {version / base:5.2f}x")
    print(f"readouts compare --sample (seed)    {seed * 1000:7.0f} ms  {seed / base:5.2f}x")
    if args.imports:
        print("\nslowest imports of readouts --version (cumulative, microseconds):")
        for micros, name in slowest_imports():
            print(f"  {micros:9,d}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
