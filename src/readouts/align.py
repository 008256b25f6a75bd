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
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, utils

from readouts.config import Config
from readouts.lexicon import stopwords
from readouts.model import Pair, Readout, WordDiff
from readouts.text import words

# Candidate pruning reads at most max_candidates * this many posting entries per sentence
# (rarest stems first): enough to rank every sentence that shares a rare stem, and it keeps
# the work per sentence constant, so long documents align in near-linear time.
_POSTINGS_PER_CANDIDATE = 8
# Stems are this many letters long: enough to tell words apart, short enough that inflected
# forms (blockade/blockaded, Карабах/Карабаха) share one.
_STEM = 6


# Readouts of one call, and the documents of a corpus, repeat sentences: each distinct
# sentence is tokenised once (bounded, so that a long batch keeps flat memory).
@lru_cache(maxsize=1 << 14)
def _content(text: str) -> tuple[str, ...]:
    """A sentence's content stems, what alignment compares it on."""
    stop = stopwords()
    keys = [w.key for w in words(text)]
    content = tuple([key[:_STEM] for key in keys if len(key) > 2 and key not in stop])
    # A sentence of function words only ("Ok.", "Yes! No?", "1.") is compared on the words it
    # has, and one with no word at all ("!!!") on its characters: every sentence needs
    # something to be paired by, or it could never be matched, not even with itself.
    return content or tuple(keys) or ((text.strip(),) if text.strip() else ())


def similarity(a: str, b: str, *, config: Config = Config()) -> float:
    """Similarity of two sentences, 0-100, on their content words.

    Mostly the share of content words the two have in common (Dice coefficient on word stems,
    whatever the order, so that inflection and boilerplate do not count), with a quarter
    weight on rapidfuzz's character-level token-sort ratio for spelling variants.

    >>> round(similarity("Putin and Pashinyan discussed the Lachin corridor.",
    ...                  "The Lachin corridor was discussed by Pashinian and Putin."))
    100
    >>> similarity("Trade grew.", "Taiwan was raised.") < 45
    True
    """
    return _score(" ".join(_content(a)), " ".join(_content(b)), a, b, config)


def _score(ca: str, cb: str, a: str, b: str, config: Config) -> float:
    """:func:`similarity` given the joined content stems ``ca``/``cb`` of texts ``a``/``b``.

    Alignment computes each sentence's stems once and scores many pairs with them: tokenising
    inside every comparison was nine tenths of the time on long documents.
    """
    if not ca or not cb:
        ca, cb = a, b
    ca, cb = ca[: config.max_score_chars], cb[: config.max_score_chars]
    wa, wb = ca.split(), cb.split()
    shared = sum((Counter(wa) & Counter(wb)).values())
    dice = 200.0 * shared / (len(wa) + len(wb)) if wa and wb else 0.0
    # The character-level ratio catches spelling variants the stems miss; shared words decide.
    chars = fuzz.token_sort_ratio(ca, cb, processor=utils.default_process)
    return float(0.75 * dice + 0.25 * chars)


class _Stems(NamedTuple):
    """One sentence's stems, prepared for scoring against many others: their counts, and the
    sorted, rapidfuzz-processed string that ``token_sort_ratio`` would build on every call."""

    counts: Counter[str]
    n: int
    sorted: str


@lru_cache(maxsize=1 << 14)
def _stems(joined: str) -> _Stems:
    tokens = joined.split()
    return _Stems(
        Counter(tokens), len(tokens), " ".join(sorted(utils.default_process(joined).split()))
    )


class _Scorer:
    """Scores sentences and groups of sentences of two readouts, tokenising each sentence once.

    The stems of a group of sentences are the stems of its sentences in order (tokens never
    span the space that joins two sentences), so a group's score equals
    :func:`similarity` of the joined texts.
    """

    def __init__(self, ra: Readout, rb: Readout, config: Config, hints: Hints | None) -> None:
        self.texts = ([s.text for s in ra.sentences], [s.text for s in rb.sentences])
        self.content = tuple([list(_content(t)) for t in texts] for texts in self.texts)
        if hints is not None:
            # A topic both sentences mention is strong evidence that they say the same thing
            # in different words ("counternarcotics" / "illicit synthetic drugs"): it counts as
            # several shared words.
            for side in (0, 1):
                for i, keys in enumerate(hints[side]):
                    self.content[side][i].extend(
                        f"~{key}" for key in sorted(keys) for _ in range(config.topic_weight)
                    )
        self.joined = tuple([" ".join(c) for c in content] for content in self.content)
        self.config = config
        # The fast path of pair() gives _score's result; a sentence whose stems are empty or
        # longer than max_score_chars (scored on its raw or cut text) takes _score itself.
        self.stems = tuple(
            [_stems(j) if 0 < len(j) <= config.max_score_chars else None for j in joined]
            for joined in self.joined
        )

    def pair(self, i: int, j: int) -> float:
        sa, sb = self.stems[0][i], self.stems[1][j]
        if sa is None or sb is None:
            ja, jb = self.joined
            ta, tb = self.texts
            return _score(ja[i], jb[j], ta[i], tb[j], self.config)
        small, large = (
            (sa.counts, sb.counts) if len(sa.counts) <= len(sb.counts) else (sb.counts, sa.counts)
        )
        shared = 0
        for word, count in small.items():
            other = large.get(word)
            if other:
                shared += count if count < other else other
        dice = 200.0 * shared / (sa.n + sb.n)
        return float(0.75 * dice + 0.25 * fuzz.ratio(sa.sorted, sb.sorted))

    def group(self, ga: Sequence[int], gb: Sequence[int]) -> float:
        if len(ga) == 1 and len(gb) == 1:
            return self.pair(ga[0], gb[0])
        ja, jb = self.joined
        ta, tb = self.texts
        return _score(
            " ".join(ja[i] for i in ga if ja[i]),
            " ".join(jb[j] for j in gb if jb[j]),
            " ".join(ta[i] for i in ga),
            " ".join(tb[j] for j in gb),
            self.config,
        )


def _candidates(
    content_a: Sequence[list[str]],
    content_b: Sequence[list[str]],
    config: Config,
    *,
    skip: Collection[int] = (),
) -> dict[int, list[int]]:
    """For each A sentence (but those in ``skip``), the B sentences worth scoring: most shared
    rare stems first."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, stems in enumerate(content_b):
        for w in set(stems):
            index[w].append(j)
    n = len(content_b) + 1
    # A stem in most sentences (a name repeated everywhere) says little about which pair
    # belongs together, and scanning its whole posting list would be quadratic.
    longest = max(config.max_candidates * 4, n // 4)
    idf = {w: math.log(n / len(posting)) for w, posting in index.items()}
    out: dict[int, list[int]] = {}
    for i, stems in enumerate(content_a):
        if i in skip:
            continue
        weight: dict[int, float] = defaultdict(float)
        # Rarest stems first, and only up to a fixed number of postings per sentence: the rare
        # stems decide which sentences are candidates; the common ones would add a little
        # weight to many sentences at a cost that grows with the document (quadratic).
        shared = sorted(
            (len(index[w]), w) for w in set(stems) if w in index and len(index[w]) <= longest
        )
        budget = config.max_candidates * _POSTINGS_PER_CANDIDATE
        for size, w in shared:
            if budget <= 0:
                break
            budget -= size
            weight_w = idf[w]
            for j in index[w]:
                weight[j] += weight_w
        # Heaviest first; equal weights in the order the rarest stems reached them (a stable
        # sort with a C key: this runs for every sentence).
        out[i] = sorted(weight, key=weight.__getitem__, reverse=True)[: config.max_candidates]
    return out


def _twins(scorer: _Scorer) -> dict[int, int]:
    """Sentences of A and B with the same stems, paired in order: the first such sentence of A
    with the first of B, and so on.

    Such a pair scores 100, more than any pair with another sentence, and the greedy matching
    takes equal scores in this order, so it takes these pairs whatever else is scored; and no
    merge can raise a score of 100. Their sentences need no candidates: in an edited copy of a
    long document (a transcript, a joint statement) most sentences are such twins, and this
    skips most of the work. It also pairs a sentence repeated more often than candidate
    pruning would look ("Putin." sixty times).
    """
    keys: list[dict[tuple[str, ...], list[int]]] = [defaultdict(list), defaultdict(list)]
    for side in (0, 1):
        for k, content in enumerate(scorer.content[side]):
            if scorer.stems[side][k] is not None:
                keys[side][tuple(sorted(content))].append(k)
    return {
        i: j for key, ia in keys[0].items() for i, j in zip(ia, keys[1].get(key, ()), strict=False)
    }


def _score_pairs(scorer: _Scorer, config: Config) -> dict[tuple[int, int], float]:
    content_a, content_b = scorer.content
    twins = _twins(scorer)
    twin_a, twin_b = set(twins), set(twins.values())
    # Candidates are looked up in both directions so that the result does not depend on
    # which readout is A. Pairs with one twin in them can change nothing (see _twins).
    pairs: set[tuple[int, int]] = set(twins.items())
    for i, js in _candidates(content_a, content_b, config, skip=twin_a).items():
        pairs.update((i, j) for j in js if j not in twin_b)
    for j, is_ in _candidates(content_b, content_a, config, skip=twin_b).items():
        pairs.update((i, j) for i in is_ if i not in twin_a)
    return {(i, j): scorer.pair(i, j) for i, j in sorted(pairs)}


def _word_diff(a: str, b: str) -> tuple[WordDiff, ...]:
    wa, wb = a.split(), b.split()
    if wa == wb:
        return (WordDiff("equal", " ".join(wa), " ".join(wb)),)  # what difflib would say
    # autojunk=False: its heuristic treats frequent words ("the", "of") as junk on long inputs,
    # which splits a shared phrase into pieces.
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    return tuple(
        WordDiff(tag, " ".join(wa[i1:i2]), " ".join(wb[j1:j2]))
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


Hints = tuple[Sequence[Collection[str]], Sequence[Collection[str]]]


def align(
    ra: Readout, rb: Readout, *, config: Config = Config(), hints: Hints | None = None
) -> tuple[Pair, ...]:
    """Align two readouts; every sentence of each appears in exactly one returned row.

    ``hints`` optionally gives, for each sentence of A and of B, labels of what it is about
    (``compare`` passes the topics found in it); shared labels raise a pair's score.

    >>> from readouts.text import make_readout
    >>> a = make_readout("We discussed trade. Taiwan was raised.", label="A")
    >>> b = make_readout("The Taiwan question was raised. Nothing else.", label="B")
    >>> [(p.a, p.b, p.kind) for p in align(a, b)]
    [((0,), (), 'only_a'), ((1,), (0,), 'match'), ((), (1,), 'only_b')]
    """
    scorer = _Scorer(ra, rb, config, hints)
    scores = _score_pairs(scorer, config)
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

    _merge_left_overs(scorer, scores, groups, used_a, used_b, config)

    texts_a, texts_b = scorer.texts
    keyed = [(tuple(sorted(ga)), tuple(sorted(gb))) for ga, gb in groups]
    moved = _moved(keyed)
    rows: list[tuple[tuple[float, int, int], Pair]] = []
    row_of_b: dict[int, int] = {}
    for k, (ga, gb) in enumerate(keyed):
        ta = " ".join(texts_a[i] for i in ga)
        tb = " ".join(texts_b[j] for j in gb)
        score = scorer.group(ga, gb) if len(ga) + len(gb) > 2 else scores[ga[0], gb[0]]
        for j in gb:
            row_of_b[j] = ga[0]
        rows.append(((ga[0], 0, 0), Pair(ga, gb, score, "match", k in moved, _word_diff(ta, tb))))
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
    scorer: _Scorer,
    scores: dict[tuple[int, int], float],
    groups: list[tuple[list[int], list[int]]],
    used_a: dict[int, int],
    used_b: dict[int, int],
    config: Config,
) -> None:
    """One-to-many: attach a left-over sentence to a pair whose single sentence covers it."""
    offers: list[tuple[float, int, int, int]] = []  # (-gain, side of left-over, its index, group)
    base: dict[int, float] = {}  # the groups do not change until the offers are taken
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
            if partner_used not in base:
                base[partner_used] = scorer.group(ga, gb)
            joined = sorted([*many, left])
            new = scorer.group(joined, single) if side == 0 else scorer.group(single, joined)
            if new - base[partner_used] >= config.merge_gain:
                offers.append((-(new - base[partner_used]), side, left, partner_used))
    for _gain, side, left, g in sorted(offers):
        used = (used_a, used_b)[side]
        ga, gb = groups[g]
        single = gb if side == 0 else ga
        if left in used or len(single) != 1:
            continue
        (ga if side == 0 else gb).append(left)
        used[left] = g
