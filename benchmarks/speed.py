"""How fast readouts compares long documents, against difflib baselines run in this process.

Two readout-like documents of 1,000 sentences (B is A reordered, edited, with sentences
dropped and new ones added; see ``synthetic.py``), one sentence per line:

* ``readouts.compare(a, b)`` with the default configuration: alignment in any order, the topic
  ledger (lexicon, discovery, initiator) and word-level differences;
* baseline 1, ``difflib.HtmlDiff().make_file(a_lines, b_lines)``: aligns in order only and
  finds no topics. Target: readouts takes at most 1.0x its time;
* baseline 2, ``difflib.SequenceMatcher(None, x, y).ratio()`` for every pair of sentences,
  what aligning in any order costs without pruning. Target: readouts at least 50x faster.
  Scoring a million pairs takes minutes, so by default a random twentieth of B's sentences is
  scored against all of A and the time scaled up (the cost per pair does not depend on which
  rows are chosen); ``--full`` times them all.

Then the growth table: n = 250 ... 4,000 sentences per side, the time of each size, its ratio
to the previous size (doubling n should cost well under 4x: near n log n, not n^2) and the
peak memory of the comparison (tracemalloc, measured in a separate run so that tracing does
not slow the timed one). Target: under 300 MB at 4,000.

Times are CPU times of this process (every measured step runs in this one thread, and CPU
time is less disturbed than wall time by other programs on a busy machine), the best of
``--repeat`` runs (default 5: on a shared machine other programs slow some runs; readouts
and HtmlDiff take turns, so that both are timed under the same load; the two largest growth
sizes run twice), after a warm-up comparison that loads the lexicon (start-up is measured by
``startup.py``). Run from the repository root:

    python benchmarks/speed.py            # about three minutes on a 2-core machine
    python benchmarks/speed.py --quick    # 1,000-sentence ratios only
"""

from __future__ import annotations

import argparse
import difflib
import functools
import gc
import platform
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import readouts
import synthetic

SIZES = (250, 500, 1000, 2000, 4000)


def fresh_caches() -> None:
    """Forget the per-word and per-sentence results readouts caches (folded words,
    transliteration keys, a sentence's words), so
    that every timed run starts on its documents as a fresh process would, not helped by the
    run before it on the same text."""
    from readouts import align, text, topics

    for cached in (
        text.fold,
        text.elision,
        topics.translit_key,
        text.words,
        align._content,
        align._stems,
    ):
        cached.cache_clear()


def best_time(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in CPU seconds (the least disturbed by other work)."""
    return best_times([fn], repeat)[0]


def best_times(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """The fastest of ``repeat`` runs of each function, in CPU seconds, the functions taking
    turns (one run of each, then again): a ratio of two of them then compares runs made under
    the same load, not one measured while the machine was busy and the other while idle."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, spent in zip(fns, times, strict=True):
            fresh_caches()
            gc.collect()
            start = time.process_time()
            fn()
            spent.append(time.process_time() - start)
    return [min(spent) for spent in times]


def peak_memory(fn: Callable[[], object]) -> float:
    """Peak memory Python allocated while ``fn`` ran, in MB."""
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def documents(n: int) -> tuple[str, str]:
    """A and B, ``n`` sentences (B about 1.05 n), one sentence per line."""
    a = synthetic.document(n, seed=1)
    b = synthetic.edited_copy(a, seed=2)
    return "\n".join(a) + "\n", "\n".join(b) + "\n"


def all_pairs_ratio(a_lines: list[str], b_lines: list[str], rows: list[int]) -> None:
    """Score B's sentences ``rows`` against every sentence of A."""
    for j in rows:
        # SequenceMatcher indexes its second sequence once; varying the first, as difflib's
        # documentation advises, is the fastest way to score one sentence against many.
        matcher = difflib.SequenceMatcher(None, "", b_lines[j])
        for line in a_lines:
            matcher.set_seq1(line)
            matcher.ratio()


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the growth table")
    parser.add_argument("--full", action="store_true", help="score every pair for baseline 2")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measurement")
    args = parser.parse_args()

    print(
        f"readouts {readouts.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {platform.system()}"
    )
    readouts.compare("The sides discussed trade.", "Trade was discussed.")  # load the lexicon

    a, b = documents(1000)
    a_lines, b_lines = a.splitlines(), b.splitlines()
    print(
        f"\n1. Two documents of {len(a_lines)} and {len(b_lines)} sentences "
        f"({len(a.split()):,} and {len(b.split()):,} words)"
    )
    ours, html = best_times(
        [
            lambda: readouts.compare(a, b),
            lambda: difflib.HtmlDiff().make_file(a_lines, b_lines),
        ],
        args.repeat,
    )
    rows = list(range(len(b_lines)))
    if not args.full:
        rows = sorted(random.Random(0).sample(rows, len(rows) // 20))
    sample = best_time(lambda: all_pairs_ratio(a_lines, b_lines, rows), 1)
    every = sample * len(b_lines) / len(rows)
    cmp = readouts.compare(a, b)
    matched = sum(p.kind == "match" for p in cmp.alignment)
    print(
        f"   readouts.compare (any order + topic ledger): {ours:8.3f} s  "
        f"({matched} matched pairs, {len(cmp.topics)} topics)"
    )
    print(f"   difflib.HtmlDiff().make_file (in order):      {html:8.3f} s")
    how = "all pairs" if args.full else f"{len(rows)} of {len(b_lines)} rows, scaled"
    print(f"   SequenceMatcher.ratio on every pair:          {every:8.3f} s  ({how})")
    r_html, r_all = ours / html, every / ours
    print(f"   ratio to HtmlDiff:   {r_html:5.2f}x  (target <= 1.0x: {verdict(r_html <= 1.0)})")
    print(f"   speed-up on all-pairs: {r_all:5.0f}x  (target >= 50x: {verdict(r_all >= 50)})")
    status = r_html <= 1.0 and r_all >= 50

    if not args.quick:
        print("\n2. Growth (sentences per side; doubling n should cost well under 4x)")
        print(f"   {'n':>6} {'time s':>9} {'x prev':>7} {'peak MB':>8}")
        previous = None
        for n in SIZES:
            da, db = documents(n)
            repeat = args.repeat if n <= 1000 else 2
            run = functools.partial(readouts.compare, da, db)
            t = best_time(run, repeat)
            mb = peak_memory(run)
            growth = f"{t / previous:6.2f}x" if previous else "      -"
            print(f"   {n:>6} {t:9.3f} {growth} {mb:8.1f}")
            if previous and n > 500:
                status = status and t / previous < 3.0
            previous = t
        status = status and mb < 300
        print(
            f"   peak at {SIZES[-1]}: {mb:.0f} MB (target < 300 MB: {verdict(mb < 300)}); "
            f"doubling target < 3.0x from n = 1,000 on"
        )
    print("\nall targets met" if status else "\nsome target MISSED")
    return 0 if status else 1


if __name__ == "__main__":
    sys.exit(main())
