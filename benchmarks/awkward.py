"""Awkward but valid input, end to end: does any of it take more than linear-ish time?

Each input of issue 5, point 4 (no sentence punctuation, one 200,000-character sentence,
10,000 tiny sentences, mixed scripts, emoji, right-to-left text) goes through
``readouts.compare`` against the seed's Kremlin readout and against itself, and broken HTML
goes through the HTML reader. Every case runs at full size and at a tenth of it in the same
run: the ratio of the two times is the baseline-free measure of growth (about 10 for linear
work, about 100 for quadratic). The budget is one second per full-size case on this machine.

    python benchmarks/awkward.py            # all cases
    python benchmarks/awkward.py emoji rtl  # cases whose name contains one of the words

Tests never assert times; this script prints them.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import readouts
from readouts.html_input import html_blocks
from readouts.text import make_readout
from speed import fresh_caches

ROOT = Path(__file__).resolve().parents[1]
SEED_B = (ROOT / "samples" / "2023-01-31-pashinian-putin" / "kremlin.txt").read_text("utf-8")
BUDGET = 1.0  # seconds per full-size case
LINEAR_RATIO = 25.0  # ten times the input, at most this many times the time

WORDS = (
    "Putin Pashinyan discussed the Lachin corridor blockade Nagorno-Karabakh trade gas "
    "peacekeepers Azerbaijan Armenia security talks agreed"
).split()


def _words(n: int) -> str:
    return " ".join(WORDS[(i * 7 + i // 3) % len(WORDS)] for i in range(n))


def no_punctuation(scale: float) -> str:
    return _words(int(3000 * scale))


def one_huge_sentence(scale: float) -> str:
    return _words(int(200_000 * scale / 7))[: int(200_000 * scale)] + "."


def tiny_sentences(scale: float) -> str:
    return " ".join(f"Point {i} noted." for i in range(int(10_000 * scale)))


def mixed_scripts(scale: float) -> str:
    unit = "Путин and Պաշինյան discussed 拉钦走廊, the Lachin corridor, وممر لاتشين, 中国 ও ভারত"
    return " ".join(f"{unit} {i}." for i in range(int(300 * scale)))


def emoji(scale: float) -> str:
    unit = (
        "🇷🇺 Putin 🤝 Pashinyan discussed 🚧 the Lachin corridor 👍🏽 "
        "and 👨\u200d👩\u200d👧 families"
    )
    return " ".join(f"{unit} {i}." for i in range(int(300 * scale)))


def right_to_left(scale: float) -> str:
    unit = "وناقش الرئيس بوتين مع باشينيان ممر لاتشين والوضع في كاراباخ. הם דיברו על קרבאך"
    return " ".join(f"{unit} {i}." for i in range(int(300 * scale)))


TEXTS: dict[str, Callable[[float], str]] = {
    "no sentence punctuation": no_punctuation,
    "one 200,000-character sentence": one_huge_sentence,
    "10,000 tiny sentences": tiny_sentences,
    "mixed scripts in one sentence": mixed_scripts,
    "emoji": emoji,
    "right-to-left text": right_to_left,
}

PAGES: dict[str, Callable[[float], str]] = {
    "html: '<a' without '>'": lambda s: "<a" * int(200_000 * s),
    "html: unclosed comments": lambda s: "<!--" * int(200_000 * s),
    "html: 10,000 nested elements": lambda s: (
        "<div>" * int(10_000 * s) + "x" + "</div>" * int(10_000 * s)
    ),
    "html: 20,000 paragraphs": lambda s: "<p>Point noted." * int(20_000 * s),
    "html: unclosed quotes": lambda s: "<a title='" * int(100_000 * s) + ">",
}


def _time(work: Callable[[], object]) -> float:
    fresh_caches()  # each case from scratch, as a fresh process would meet it
    gc.collect()  # ... without the garbage of the cases before it (a collection mid-run)
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(name: str, make: Callable[[float], str], run: Callable[[str], object]) -> bool:
    small, full = make(0.1), make(1.0)
    t_small = max(_time(lambda: run(small)), 1e-4)
    t_full = _time(lambda: run(full))
    ratio = t_full / t_small
    ok = t_full <= BUDGET and ratio <= LINEAR_RATIO
    print(
        f"{name:44} {len(full):>9,} chars {t_full:8.3f} s  x{ratio:6.1f} vs 1/10 size  "
        f"{'ok' if ok else 'SLOW'}",
        flush=True,
    )
    return ok


def main(argv: list[str]) -> int:
    wanted = [w.lower() for w in argv]

    def chosen(name: str) -> bool:
        return not wanted or any(w in name.lower() for w in wanted)

    readouts.compare("warm up the lexicon.", "warm up.", labels=("A", "B"))
    print(f"budget {BUDGET} s per case; linear growth gives about x10, quadratic about x100\n")
    results = []
    for name, make in TEXTS.items():
        if not chosen(name):
            continue
        results.append(measure(f"{name}: segment", make, lambda t: make_readout(t, label="A")))
        results.append(measure(f"{name}: vs seed", make, lambda t: readouts.compare(t, SEED_B)))
        results.append(measure(f"{name}: vs itself", make, lambda t: readouts.compare(t, t)))
    for name, make in PAGES.items():
        if chosen(name):
            results.append(measure(name, make, html_blocks))
    print(f"\n{sum(results)} of {len(results)} cases within budget and linear-ish")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
