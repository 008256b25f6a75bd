"""Pair the sentences of two readouts, in any order.

Readouts of the same call reorder what was said, merge two points into one sentence, and leave
things out, so an in-order diff is the wrong tool. Here every sentence of A is compared with
the sentences of B that share content words with it (an inverted index prunes the rest, so the
work grows with the number of shared words, not with the product of the sentence counts), the
candidates are scored with rapidfuzz, and the best pairs are taken greedily one-to-one. A left
over sentence then joins a pair when one long sentence on the other side covers both
(one-to-many). Pairs out of order are marked ``moved``; inside each pair difflib gives the
word-level difference.

This module does not know about topics, and does not decide what is shown: it returns
:class:`~readouts.model.Pair` rows in which every sentence of both sides appears exactly once.
"""

from __future__ import annotations

import bisect
import difflib
import math
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz, utils

from readouts.config import Config
from readouts.lexicon import stopwords
from readouts.model import Pair, Readout, WordDiff
from readouts.text import tokens

# Stems are this many letters long: enough to tell words apart, short enough that inflected
# forms (blockade/blockaded, Карабах/Карабаха) share one.
_STEM = 6


def _content(text: str) -> list[str]:
    stop = stopwords()
    return [t.key[:_STEM] for t in tokens(text) if len(t.key) > 2 and t.key not in stop]


def similarity(a: str, b: str, *, config: Config = Config()) -> float:
    """Similarity of two sentences, 0-100, on their content words.

    The mean of rapidfuzz's token-set ratio (shared words, whatever the order) and token-sort
    ratio (penalises what only one side says), on stemmed content words so that inflection
    and boilerplate do not count.

    >>> round(similarity("Putin and Pashinyan discussed the Lachin corridor.",
    ...                  "The Lachin corridor was discussed by Pashinian and Putin."))
    94
    >>> similarity("Trade grew.", "Taiwan was raised.") < 45
    True
    """
    ca, cb = " ".join(_content(a)), " ".join(_content(b))
    if not ca or not cb:
        ca, cb = a, b
    ca, cb = ca[: config.max_score_chars], cb[: config.max_score_chars]
    p = utils.default_process
    return float(
        (fuzz.token_set_ratio(ca, cb, processor=p) + fuzz.token_sort_ratio(ca, cb, processor=p))
        / 2
    )


def _candidates(
    content_a: Sequence[list[str]], content_b: Sequence[list[str]], config: Config
) -> dict[int, list[int]]:
    """For each A sentence, the B sentences worth scoring: most shared rare stems first."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, words in enumerate(content_b):
        for w in set(words):
            index[w].append(j)
    n = len(content_b) + 1
    out: dict[int, list[int]] = {}
    for i, words in enumerate(content_a):
        weight: dict[int, float] = defaultdict(float)
        for w in set(words):
            posting = index.get(w)
            # A stem in most sentences (a name repeated everywhere) says little about which
            # pair belongs together, and scanning its whole posting list would be quadratic.
            if not posting or len(posting) > max(config.max_candidates * 4, n // 4):
                continue
            idf = math.log(n / len(posting))
            for j in posting:
                weight[j] += idf
        ranked = sorted(weight, key=lambda j: (-weight[j], j))
        out[i] = ranked[: config.max_candidates]
    return out


def _score_pairs(ra: Readout, rb: Readout, config: Config) -> dict[tuple[int, int], float]:
    texts_a = [s.text for s in ra.sentences]
    texts_b = [s.text for s in rb.sentences]
    content_a = [_content(t) for t in texts_a]
    content_b = [_content(t) for t in texts_b]
    # Candidates are looked up in both directions so that the result does not depend on
    # which readout is A.
    pairs: set[tuple[int, int]] = set()
    for i, js in _candidates(content_a, content_b, config).items():
        pairs.update((i, j) for j in js)
    for j, is_ in _candidates(content_b, content_a, config).items():
        pairs.update((i, j) for i in is_)
    return {(i, j): similarity(texts_a[i], texts_b[j], config=config) for i, j in pairs}


def _word_diff(a: str, b: str) -> tuple[WordDiff, ...]:
    wa, wb = a.split(), b.split()
    # autojunk=False: its heuristic treats frequent words ("the", "of") as junk on long inputs,
    # which splits a shared phrase into pieces.
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    return tuple(
        WordDiff(tag, " ".join(wa[i1:i2]), " ".join(wb[j1:j2]))  # type: ignore[arg-type]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def _moved(pairs: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> set[int]:
    """Indices of pairs outside a longest run that keeps both readouts' order."""
    order = sorted(range(len(pairs)), key=lambda k: pairs[k][0][0])
    seq = [pairs[k][1][0] for k in order]
    # Patience sorting: O(n log n) longest increasing subsequence.
    tails: list[int] = []
    tails_at: list[int] = []
    parent = [-1] * len(seq)
    for pos, value in enumerate(seq):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tails_at.append(pos)
        else:
            tails[k] = value
            tails_at[k] = pos
        parent[pos] = tails_at[k - 1] if k else -1
    keep: set[int] = set()
    pos = tails_at[-1] if tails_at else -1
    while pos >= 0:
        keep.add(order[pos])
        pos = parent[pos]
    return set(range(len(pairs))) - keep


def align(ra: Readout, rb: Readout, *, config: Config = Config()) -> tuple[Pair, ...]:
    """Align two readouts; every sentence of each appears in exactly one returned row.

    >>> from readouts.text import make_readout
    >>> a = make_readout("We discussed trade. Taiwan was raised.", label="A")
    >>> b = make_readout("The Taiwan question was raised. Nothing else.", label="B")
    >>> [(p.a, p.b, p.kind) for p in align(a, b)]
    [((0,), (), 'only_a'), ((1,), (0,), 'match'), ((), (1,), 'only_b')]
    """
    scores = _score_pairs(ra, rb, config)
    # Greedy one-to-one on the best scores. The tie-break depends on (i, j) symmetrically so
    # that swapping the readouts mirrors the result.
    ranked = sorted(
        (item for item in scores.items() if item[1] >= config.match_score),
        key=lambda item: (-item[1], sum(item[0]), abs(item[0][0] - item[0][1]), item[0]),
    )
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    groups: list[tuple[list[int], list[int]]] = []
    for (i, j), _score in ranked:
        if i not in used_a and j not in used_b:
            used_a[i] = used_b[j] = len(groups)
            groups.append(([i], [j]))

    _merge_left_overs(ra, rb, scores, groups, used_a, used_b, config)

    texts_a = [s.text for s in ra.sentences]
    texts_b = [s.text for s in rb.sentences]
    keyed = [(tuple(sorted(ga)), tuple(sorted(gb))) for ga, gb in groups]
    moved = _moved(keyed)
    rows: list[tuple[tuple[float, int, int], Pair]] = []
    row_of_b: dict[int, int] = {}
    for k, (ga, gb) in enumerate(keyed):
        ta = " ".join(texts_a[i] for i in ga)
        tb = " ".join(texts_b[j] for j in gb)
        score = similarity(ta, tb, config=config) if len(ga) + len(gb) > 2 else scores[ga[0], gb[0]]
        for j in gb:
            row_of_b[j] = ga[0]
        rows.append(
            ((ga[0], 0, 0), Pair(ga, gb, score, "match", k in moved, _word_diff(ta, tb)))
        )
    for i in range(len(texts_a)):
        if i not in used_a:
            rows.append(((i, 0, 0), Pair((i,), (), 0.0, "only_a")))
    # A sentence only B has goes after the row holding the B sentence before it, so that it
    # shows up where B said it.
    anchor = -1.0
    for j in range(len(texts_b)):
        if j in row_of_b:
            anchor = row_of_b[j]
        elif j not in used_b:
            rows.append(((anchor, 1, j), Pair((), (j,), 0.0, "only_b")))
    rows.sort(key=lambda r: r[0])
    return tuple(pair for _, pair in rows)


def _merge_left_overs(
    ra: Readout,
    rb: Readout,
    scores: dict[tuple[int, int], float],
    groups: list[tuple[list[int], list[int]]],
    used_a: dict[int, int],
    used_b: dict[int, int],
    config: Config,
) -> None:
    """One-to-many: attach a left-over sentence to a pair whose single sentence covers it."""
    texts = ([s.text for s in ra.sentences], [s.text for s in rb.sentences])
    offers: list[tuple[float, int, int, int]] = []  # (-gain, side of left-over, its index, group)
    for (i, j), score in scores.items():
        if score < config.match_score:
            continue
        for side, left, partner_used in ((0, i, used_b.get(j)), (1, j, used_a.get(i))):
            if partner_used is None or (left in (used_a, used_b)[side]):
                continue
            ga, gb = groups[partner_used]
            single, many = (gb, ga) if side == 0 else (ga, gb)
            if len(single) != 1:
                continue
            base = similarity(
                " ".join(texts[0][x] for x in ga), " ".join(texts[1][x] for x in gb), config=config
            )
            joined = [*many, left]
            joined.sort()
            long_text = texts[1 - side][single[0]]
            new = similarity(
                " ".join(texts[side][x] for x in joined), long_text, config=config
            )
            if new - base >= config.merge_gain:
                offers.append((-(new - base), side, left, partner_used))
    for _gain, side, left, g in sorted(offers):
        used = (used_a, used_b)[side]
        ga, gb = groups[g]
        single = gb if side == 0 else ga
        if left in used or len(single) != 1:
            continue
        (ga if side == 0 else gb).append(left)
        used[left] = g
