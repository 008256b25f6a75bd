"""Topic quality on the annotated samples: how often the engine is right, and against what.

For every pair under ``samples/`` with gold judgements in ``meta.json``:

* **presence accuracy**: each gold topic is asked by name (``--topic NAME``), as a user would;
  over all (pair, topic, side), the share where "does this side mention it?" is answered as
  the annotator did. Baseline: case-insensitive substring search of the topic name.
* **one-sided recall**: the default report, with no queries; a gold topic that only one side
  mentions counts as found when a topic the report puts on that side only has a mention that
  overlaps the gold evidence, or matched words the evidence holds in the same sentence (a
  report gives one mention per sentence, the first of equal ones), or when the topic the gold
  name resolves to as a question (a lexicon topic) is on that side only with a mention in the
  evidence's sentence. Topics the report marks minor (past its budget of one-sided
  lines per side) do not count as found. The number of one-sided items per side in the
  summary is printed too (the target allows at most twelve).

Run: ``python benchmarks/topics.py`` (``-v`` lists every miss). ``--check`` exits 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import readouts
from readouts.model import Comparison

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TARGET_ACCURACY = 0.95
TARGET_RECALL = 0.9
MAX_ONE_SIDED = 12


@dataclass
class Scores:
    asked: int = 0
    right: int = 0
    baseline_right: int = 0
    one_sided_gold: int = 0
    one_sided_found: int = 0
    max_one_sided_items: int = 0
    misses: list[str] = field(default_factory=list)


def _pairs(only: frozenset[str] = frozenset()) -> list[tuple[str, dict, str, str]]:  # type: ignore[type-arg]
    out = []
    for meta_path in sorted(SAMPLES.glob("*/meta.json")):
        if only and meta_path.parent.name not in only:
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if not meta.get("topics"):
            continue
        folder = meta_path.parent
        a = (folder / meta["a"]["source"]).read_text(encoding="utf-8")
        b = (folder / meta["b"]["source"]).read_text(encoding="utf-8")
        out.append((folder.name, meta, a, b))
    return out


def _overlaps(cmp: Comparison, side: int, evidence: str, spans: list[tuple[int, int, int]]) -> bool:
    """Whether any (sentence, start, end) span overlaps where ``evidence`` stands, or holds
    words that the evidence in that sentence holds too."""
    for sentence in cmp.readouts[side].sentences:
        at = sentence.text.find(evidence)
        if at < 0:
            continue
        for s, start, end in spans:
            if s == sentence.index and (
                (start < at + len(evidence) and at < end) or sentence.text[start:end] in evidence
            ):
                return True
    return False


def score(verbose: bool = False, only: frozenset[str] = frozenset()) -> Scores:
    scores = Scores()
    for name, meta, text_a, text_b in _pairs(only):
        labels = (meta["a"]["label"], meta["b"]["label"])
        gold = meta["topics"]
        asked = readouts.compare(text_a, text_b, labels=labels, topics=list(gold))
        by_name = {t.name: t for t in asked.topics if t.origin == "query"}
        for topic, judgement in gold.items():
            for side, key, text in ((0, "a", text_a), (1, "b", text_b)):
                scores.asked += 1
                found = bool(by_name[topic].mentions[side])
                if found == judgement[key]:
                    scores.right += 1
                else:
                    got = by_name[topic].mentions[side]
                    scores.misses.append(
                        f"presence  {name}: {topic!r} {labels[side]}: gold {judgement[key]}, "
                        f"got {found}"
                        + (f" via {got[0].text!r} ({got[0].matched_by})" if got else "")
                    )
                if (topic.casefold() in text.casefold()) == judgement[key]:
                    scores.baseline_right += 1

        default = readouts.compare(text_a, text_b, labels=labels)
        for side in (0, 1):
            status = ("only_a", "only_b")[side]
            # Minor topics (past the summary's budget) are listed apart: not counted as found.
            items = [t for t in default.topics if t.status == status and not t.minor]
            scores.max_one_sided_items = max(scores.max_one_sided_items, len(items))
            spans = [(m.sentence, m.start, m.end) for t in items for m in t.mentions[side]]
            for topic, judgement in gold.items():
                key, other = ("a", "b") if side == 0 else ("b", "a")
                if not judgement[key] or judgement[other]:
                    continue
                scores.one_sided_gold += 1
                evidence = judgement[f"evidence_{key}"]
                # The very topic the analyst's name stands for, in the evidence's sentence.
                same = [
                    (m.sentence, 0, len(default.readouts[side].sentences[m.sentence].text))
                    for t in items
                    if t.key == by_name[topic].key
                    for m in t.mentions[side]
                ]
                if _overlaps(default, side, evidence, spans + same):
                    scores.one_sided_found += 1
                else:
                    scores.misses.append(
                        f"one-sided {name}: {topic!r} only {labels[side]} not reported "
                        f"(evidence {evidence!r})"
                    )
    if verbose:
        print("\n".join(scores.misses))
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("pairs", nargs="*", help="sample folder names (default: all)")
    args = parser.parse_args()
    only = frozenset(args.pairs)
    unknown = sorted(only - {path.parent.name for path in SAMPLES.glob("*/meta.json")})
    if unknown:
        parser.error(
            f"no annotated sample named {', '.join(unknown)} under {SAMPLES}; "
            "give folder names, not paths"
        )
    s = score(verbose=args.verbose, only=only)
    accuracy = s.right / s.asked
    baseline = s.baseline_right / s.asked
    recall = s.one_sided_found / max(1, s.one_sided_gold)
    pairs = len(_pairs(only))
    print(f"annotated pairs: {pairs}; (pair, topic, side) judgements: {s.asked}")
    print(
        f"presence accuracy, topics asked by name: {accuracy:.3f} "
        f"(baseline substring search {baseline:.3f}; ratio {accuracy / baseline:.2f}x) "
        f"target >= {TARGET_ACCURACY}"
    )
    print(
        f"one-sided recall, default report: {recall:.3f} ({s.one_sided_found}/{s.one_sided_gold}) "
        f"target >= {TARGET_RECALL}"
    )
    print(
        f"most one-sided items on one side of one report: {s.max_one_sided_items} "
        f"(target <= {MAX_ONE_SIDED})"
    )
    met = (
        accuracy >= TARGET_ACCURACY
        and recall >= TARGET_RECALL
        and s.max_one_sided_items <= MAX_ONE_SIDED
    )
    print("targets met" if met else "targets NOT met")
    return 0 if met or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
