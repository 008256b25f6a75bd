"""Find topics in readouts: by lexicon, by the user's query, and by discovery.

For each topic the matcher looks for its aliases (and, with a lower score, its related terms)
in every sentence. Words match when they are equal, when they share a stem and differ only in
an ending (blockade/blockaded, блокада/блокады, Ղարաբաղ/Ղարաբաղի: ``inflection``), or, for names,
when they are close spelling variants (Pashinian/Pashinyan: ``variant``). A multi-word alias
matches its content words in any order within a few words (``words``), so "Lachin corridor
blockade" finds "blockade of the Lachin corridor". Words shorter than ``Config.min_stem`` match
only exactly, and all-capital abbreviations only in capitals, so "EU" never matches "Europe"
and "UN" never matches French "un". Chinese aliases, written without spaces, match as
substrings.

Discovery reports what the lexicon does not know: capitalised names and content phrases one
side uses and the other does not, ranked by salience.

This module returns :class:`~readouts.model.Mention` evidence; ``compare.py`` turns it into
the ledger.
"""

from __future__ import annotations

import math
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, utils

from readouts.config import Config
from readouts.lexicon import Lexicon, TopicDef, languages, stopwords
from readouts.model import Initiator, Mention, Readout
from readouts.text import fold, has_han

_SPLIT_WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Word:
    """A word of a sentence for matching: hyphenated compounds are split into their parts."""

    key: str
    text: str
    start: int
    end: int

    @property
    def is_caps(self) -> bool:
        return self.text.isupper()


def words(text: str) -> list[Word]:
    """Matching words of ``text``.

    >>> [w.key for w in words("Nagorno-Karabakh’s EU-brokered talks")]
    ['nagorno', 'karabakh', 'eu', 'brokered', 'talks']
    """
    return [Word(fold(m.group()), m.group(), m.start(), m.end()) for m in _SPLIT_WORD.finditer(text)]


# ---------------------------------------------------------------- compiled aliases


@dataclass(frozen=True)
class Term:
    """One word of an alias. ``caps``: must match in capitals; ``name``: may match variants."""

    key: str
    caps: bool
    name: bool


@dataclass(frozen=True)
class Alias:
    """An alias compiled for matching: its content words, or a Chinese substring."""

    text: str
    terms: tuple[Term, ...]
    han: bool
    related: bool


def compile_alias(text: str, *, related: bool = False, config: Config = Config()) -> Alias | None:
    """Compile one alias; None if it has no usable words.

    >>> [t.key for t in compile_alias("blockade of the Lachin corridor").terms]
    ['blockade', 'lachin', 'corridor']
    """
    if has_han(text):
        return Alias(text, (), True, related)
    all_words = words(text)
    stop = stopwords()
    content = [w for w in all_words if w.key not in stop] or all_words
    if not content:
        return None
    terms = tuple(
        Term(
            key=w.key,
            caps=w.is_caps and len(w.key) <= 5 and not w.key.isdigit(),
            name=w.text[:1].isupper(),
        )
        for w in content
    )
    return Alias(text, terms, False, related)


@dataclass(frozen=True)
class TopicMatcher:
    """A topic with its aliases compiled."""

    topic: TopicDef
    aliases: tuple[Alias, ...]


def compile_topic(topic: TopicDef, *, extra: Sequence[str] = (), config: Config = Config()) -> TopicMatcher:
    seen: set[str] = set()
    compiled: list[Alias] = []
    for text, related in [(a, False) for a in (*extra, topic.name, *topic.aliases)] + [
        (r, True) for r in topic.related
    ]:
        if text.casefold() in seen:
            continue
        seen.add(text.casefold())
        alias = compile_alias(text, related=related, config=config)
        if alias is not None:
            compiled.append(alias)
    return TopicMatcher(topic, tuple(compiled))


@cache
def _compiled_lexicon(lexicon: Lexicon, config: Config) -> tuple[TopicMatcher, ...]:
    return tuple(compile_topic(t, config=config) for t in lexicon.topics.values())


# ---------------------------------------------------------------- readout index


class ReadoutIndex:
    """The words of one readout, indexed for matching many aliases quickly."""

    def __init__(self, readout: Readout) -> None:
        self.readout = readout
        self.sentence_words = [words(s.text) for s in readout.sentences]
        self.vocab: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for s, ws in enumerate(self.sentence_words):
            for k, w in enumerate(ws):
                self.vocab[w.key].append((s, k))
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        for key in self.vocab:
            self.by_prefix[key[:2]].append(key)
        self._term_cache: dict[Term, list[tuple[int, int, str, float]]] = {}

    def find_term(self, term: Term, config: Config) -> list[tuple[int, int, str, float]]:
        """Occurrences of an alias word: (sentence, word position, rule, score)."""
        cached = self._term_cache.get(term)
        if cached is not None:
            return cached
        out: list[tuple[int, int, str, float]] = []
        for key in self.by_prefix.get(term.key[:2], ()):
            rule = _word_rule(term, key, config)
            if rule is None:
                continue
            for s, k in self.vocab[key]:
                if term.caps and not self.sentence_words[s][k].is_caps:
                    continue
                out.append((s, k, *rule))
        self._term_cache[term] = out
        return out


def _word_rule(term: Term, key: str, config: Config) -> tuple[str, float] | None:
    a = term.key
    if a == key:
        return ("exact", 100.0)
    if term.caps or len(a) < config.min_stem or len(key) < config.min_stem:
        return None
    p = len(os.path.commonprefix([a, key]))
    if p >= config.min_stem and len(a) - p <= config.max_suffix and len(key) - p <= config.max_suffix:
        return ("inflection", 95.0)
    if term.name and min(len(a), len(key)) >= config.min_variant_len and abs(len(a) - len(key)) <= 2:
        ratio = fuzz.ratio(a, key)
        if ratio >= config.variant_ratio:
            return ("variant", ratio)
    return None


# ---------------------------------------------------------------- matching


def find_mentions(
    index: ReadoutIndex, matcher: TopicMatcher, *, negation: frozenset[str], config: Config
) -> tuple[Mention, ...]:
    """Every mention of a topic in a readout, at most one per sentence (the best)."""
    best: dict[int, Mention] = {}
    for alias in matcher.aliases:
        for mention in _alias_mentions(index, alias, config):
            mention = _with_negation(index, mention, negation, config)
            old = best.get(mention.sentence)
            if old is None or (mention.score, -mention.start) > (old.score, -old.start):
                best[mention.sentence] = mention
    return tuple(best[s] for s in sorted(best))


def _alias_mentions(index: ReadoutIndex, alias: Alias, config: Config) -> Iterable[Mention]:
    factor = config.related_score / 100 if alias.related else 1.0
    rule_prefix = "related" if alias.related else ""
    if alias.han:
        for s, sentence in enumerate(index.readout.sentences):
            at = sentence.text.find(alias.text)
            if at >= 0:
                yield Mention(s, at, at + len(alias.text), alias.text, 100.0 * factor,
                              rule_prefix or "exact", alias.text)
        return
    found = [index.find_term(t, config) for t in alias.terms]
    if not all(found):
        return
    per_sentence: list[dict[int, list[tuple[int, str, float]]]] = []
    for occurrences in found:
        by_s: dict[int, list[tuple[int, str, float]]] = defaultdict(list)
        for s, k, rule, score in occurrences:
            by_s[s].append((k, rule, score))
        per_sentence.append(by_s)
    common = set(per_sentence[0]).intersection(*per_sentence[1:])
    for s in sorted(common):
        choice = _best_window([per_sentence[n][s] for n in range(len(alias.terms))], config)
        if choice is None:
            continue
        positions, rules, score = choice
        ws = index.sentence_words[s]
        start, end = ws[min(positions)].start, ws[max(positions)].end
        in_order = positions == sorted(positions) and max(positions) - min(positions) < len(
            words(alias.text)
        ) + 1
        if len(positions) > 1 and not in_order:
            rule = "words"
            score = min(score, 90.0)
        elif all(r == "exact" for r in rules):
            rule = "exact"
        elif "variant" in rules:
            rule = "variant"
        else:
            rule = "inflection"
        text = index.readout.sentences[s].text[start:end]
        yield Mention(s, start, end, text, score * factor, rule_prefix or rule, alias.text)


def _best_window(
    options: list[list[tuple[int, str, float]]], config: Config
) -> tuple[list[int], list[str], float] | None:
    """Pick one occurrence per alias word, all within ``config.window`` words, best score."""
    best: tuple[float, int, list[int], list[str]] | None = None
    # Aliases have a handful of words and a sentence a handful of occurrences of each, so a
    # small search is enough; cap it so that a pathological sentence stays linear.
    combos: list[tuple[list[int], list[str], float]] = [([], [], 100.0)]
    for opts in options:
        combos = [
            (pos + [k], rules + [rule], min(score, sc))
            for pos, rules, score in combos
            for k, rule, sc in opts[:8]
            if k not in pos
        ][:256]
    for pos, rules, score in combos:
        span = max(pos) - min(pos)
        if span > config.window:
            continue
        key = (score, -span, pos, rules)
        if best is None or key[:2] > best[:2]:
            best = (score, -span, pos, rules)
    if best is None:
        return None
    return best[2], best[3], best[0]


def _with_negation(
    index: ReadoutIndex, mention: Mention, negation: frozenset[str], config: Config
) -> Mention:
    ws = index.sentence_words[mention.sentence]
    first = next((k for k, w in enumerate(ws) if w.start >= mention.start), 0)
    before = ws[max(0, first - config.negation_window) : first]
    if any(w.key in negation for w in before):
        return Mention(mention.sentence, mention.start, mention.end, mention.text, mention.score,
                       mention.matched_by, mention.alias, True)
    return mention


@cache
def negation_words() -> frozenset[str]:
    """Single-word negation cues of every known language."""
    return frozenset(
        fold(cue) for lang in languages().values() for cue in lang.negation if " " not in cue
    )


def lexicon_mentions(
    index: ReadoutIndex, lexicon: Lexicon, config: Config
) -> dict[str, tuple[Mention, ...]]:
    """Mentions of every lexicon topic found in the readout, by topic id."""
    out: dict[str, tuple[Mention, ...]] = {}
    negation = negation_words()
    for matcher in _compiled_lexicon(lexicon, config):
        mentions = find_mentions(index, matcher, negation=negation, config=config)
        if mentions:
            out[matcher.topic.key] = mentions
    return out


def query_topic(name: str, lexicon: Lexicon, config: Config) -> TopicMatcher:
    """The matcher for a user's ``--topic NAME[=alias|alias]``.

    A name that is a lexicon topic, or one of its aliases, brings that topic's aliases along.

    >>> from readouts.lexicon import builtin_lexicon
    >>> m = query_topic("Lachin corridor", builtin_lexicon(), Config())
    >>> m.topic.key
    'lachin-corridor'
    >>> query_topic("Nile talks=GERD|Nile dam", builtin_lexicon(), Config()).topic.aliases
    ('GERD', 'Nile dam')
    """
    base, _, extra = name.partition("=")
    base = base.strip()
    aliases = tuple(a.strip() for a in extra.split("|") if a.strip())
    known = lexicon.find(base)
    if known is not None:
        topic = TopicDef(
            key=known.key,
            name=base,
            description=known.description,
            category=known.category,
            aliases=aliases + known.aliases,
            related=known.related,
        )
    else:
        topic = TopicDef(key=f"query:{base.casefold()}", name=base, aliases=aliases)
    return compile_topic(topic, config=config)


# ---------------------------------------------------------------- initiator


def find_initiator(readout: Readout) -> Initiator | None:
    """Who the readout says initiated the call, as written.

    >>> from readouts.text import make_readout
    >>> r = make_readout("The call took place at the initiative of the Armenian side.", label="K")
    >>> find_initiator(r).text
    'the Armenian side'
    """
    before, after = _initiative_phrases()
    for s, sentence in enumerate(readout.sentences):
        low = sentence.text.casefold()
        for phrase in before:
            at = _phrase_at(low, phrase)
            if at >= 0:
                rest = sentence.text[at + len(phrase) :]
                m = re.match(r"\s*([^,.;:!?։。()\"“”«»]+)", rest)
                if m:
                    span = _trim_clause(m.group(1))
                    if span:
                        start = at + len(phrase) + m.start(1)
                        return Initiator(span, s, start, start + len(span), f"before:{phrase}")
        for phrase in after:
            at = _phrase_at(low, phrase)
            if at > 0:
                head = sentence.text[:at].rstrip()
                m = re.search(r"([^,.;:!?։。()\"“”«»]+)$", head)
                if m:
                    span = " ".join(m.group(1).split()[-4:])
                    start = head.rfind(span)
                    return Initiator(span, s, start, start + len(span), f"after:{phrase}")
    return None


def _phrase_at(low: str, phrase: str) -> int:
    m = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low) if phrase[-1:].isalnum() else None
    if m is None and not phrase[-1:].isalnum():
        return low.find(phrase)
    return m.start() if m else -1


_CLAUSE_END = re.compile(
    r"\s+(?:and|with|to|on|in|at|for|who|which|that|и|с|по|в|на|et|avec|und|mit|ile|və)\s.*$"
)


def _trim_clause(text: str) -> str:
    text = _CLAUSE_END.sub("", text.strip())
    return " ".join(text.split()[:6])


@cache
def _initiative_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    before: list[str] = []
    after: list[str] = []
    for lang in languages().values():
        before.extend(p.casefold() for p in lang.initiative_before if len(p) > 2)
        after.extend(p.casefold() for p in lang.initiative_after if len(p) > 2)
    # Longest first so that "at the initiative of" wins over "initiative of".
    return (tuple(sorted(set(before), key=lambda p: (-len(p), p))),
            tuple(sorted(set(after), key=lambda p: (-len(p), p))))


# ---------------------------------------------------------------- discovery


@dataclass(frozen=True)
class Term_:
    """A discovered candidate term on one side."""

    key: str
    text: str
    salience: float
    mentions: tuple[Mention, ...]


_STEM = 6


def discover(
    index: ReadoutIndex,
    other: ReadoutIndex,
    covered: Sequence[tuple[int, int, int]],
    config: Config,
) -> list[tuple[str, tuple[Mention, ...]]]:
    """Salient terms this readout uses and the other does not, most salient first.

    ``covered`` holds (sentence, start, end) spans already explained by lexicon or query
    topics; terms inside them are not reported again.
    """
    stop = stopwords()
    other_stems = {key[:_STEM] for key in other.vocab}
    candidates: dict[str, list[tuple[int, int, int, str, bool]]] = defaultdict(list)
    cover: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s, start, end in covered:
        cover[s].append((start, end))
    for s, ws in enumerate(index.sentence_words):
        text = index.readout.sentences[s].text
        for gram in _grams(ws, stop):
            first, last = gram[0], gram[-1]
            start, end = ws[first].start, ws[last].end
            if any(cs < end and start < ce for cs, ce in cover[s]):
                continue
            content = [ws[k] for k in gram if ws[k].key not in stop]
            if any(w.key[:_STEM] in other_stems for w in content):
                continue
            if any(w.key.isdigit() for w in content):
                continue
            name = all(w.text[:1].isupper() for w in content) and not (first == 0 and len(content) == 1)
            key = " ".join(w.key[:_STEM] for w in content)
            candidates[key].append((s, start, end, text[start:end], name))
    n_words = max(1, sum(len(ws) for ws in index.sentence_words))
    scored: list[tuple[float, str, list[tuple[int, int, int, str, bool]]]] = []
    for key, occ in candidates.items():
        n = len(key.split())
        is_name = any(o[4] for o in occ)
        salience = len(occ) * (1 + 0.5 * (n - 1)) * (2.0 if is_name else 1.0)
        salience *= 1 + math.log(1 + 100 / n_words) / 4
        if salience < config.min_salience:
            continue
        scored.append((salience, key, occ))
    scored.sort(key=lambda item: (-item[0], -len(item[1]), item[1]))
    chosen: list[tuple[str, list[tuple[int, int, int, str, bool]], float]] = []
    for salience, key, occ in scored:
        display = occ[0][3]
        # Variants and parts of a term already chosen are the same discovery.
        if any(
            key in k or fuzz.token_set_ratio(display, d[1][0][3], processor=utils.default_process)
            >= config.cluster_ratio
            for k, *_ in chosen
            for d in [(k, _[0])]
        ):
            continue
        chosen.append((key, occ, salience))
        if len(chosen) >= config.discover:
            break
    out = []
    for _key, occ, salience in chosen:
        seen: set[int] = set()
        mentions = []
        for s, start, end, text, _ in occ:
            if s in seen:
                continue
            seen.add(s)
            mentions.append(Mention(s, start, end, text, min(100.0, 50 + 10 * salience), "discovered", text))
        out.append((occ[0][3], tuple(mentions)))
    return out


def _grams(ws: list[Word], stop: frozenset[str]) -> Iterable[list[int]]:
    """Candidate phrases: runs of capitalised words (names), and content bigrams/trigrams."""
    n = len(ws)
    k = 0
    while k < n:
        # A capitalised name, possibly with "of"/"the" inside ("Collective Security Treaty
        # Organization", "Ministry of Foreign Affairs").
        if ws[k].text[:1].isupper() and ws[k].key not in stop:
            end = k
            while end + 1 < n and (
                (ws[end + 1].text[:1].isupper() and ws[end + 1].key not in stop)
                or (ws[end + 1].key in {"of", "the", "and"} and end + 2 < n
                    and ws[end + 2].text[:1].isupper())
            ):
                end += 1
            if end > k:
                yield list(range(k, end + 1))
                k = end + 1
                continue
        k += 1
    for size in (2, 3):
        for k in range(n - size + 1):
            gram = list(range(k, k + size))
            if ws[k].key in stop or ws[k + size - 1].key in stop:
                continue
            if any(len(ws[g].key) < 3 for g in gram):
                continue
            yield gram
    for k in range(n):
        if ws[k].key not in stop and len(ws[k].key) >= 4 and not ws[k].key.isdigit():
            yield [k]
