"""Build a :class:`~readouts.model.Comparison` from two readouts.

This is the library's front door: :func:`compare` takes two texts (or two
:class:`~readouts.model.Readout` objects), aligns their sentences, finds the topics each side
mentions and assembles the ledger. It reads no files and formats nothing.
"""

from __future__ import annotations

import gc
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from readouts.align import align
from readouts.config import Config
from readouts.errors import UsageError
from readouts.lexicon import Lexicon, builtin_lexicon
from readouts.model import Comparison, Emphasis, Mention, Origin, Readout, Status, Topic
from readouts.text import make_readout
from readouts.topics import (
    ReadoutIndex,
    discover,
    find_initiator,
    find_query_mentions,
    lexicon_mentions,
    negation_words,
    related_only,
    resolve_query,
    spelled_out,
)

_STATUS_ORDER = {"only_a": 0, "only_b": 1, "both": 2, "neither": 3}
_ORIGIN_ORDER = {"query": 0, "lexicon": 1, "discovered": 2}


def check_labels(labels: Sequence[str]) -> tuple[str, str]:
    """Validate a pair of labels: two, non-empty, different.

    >>> check_labels(["Yerevan", "Kremlin"])
    ('Yerevan', 'Kremlin')
    >>> check_labels(["Kremlin", "Kremlin"])
    Traceback (most recent call last):
    readouts.errors.UsageError: labels must differ, got 'Kremlin' twice; give two distinct labels
    """
    if len(labels) != 2:
        raise UsageError(f"give exactly two labels (A,B), got {len(labels)}: {list(labels)!r}")
    a, b = (label.strip() for label in labels)
    if not a or not b:
        raise UsageError("labels must not be empty; write them as --labels A,B")
    for label in (a, b):
        # A label is printed in every report: no control, format or line-break characters
        # (escape sequences, right-to-left overrides) that would rewrite what a reader sees.
        if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in label):
            raise UsageError(
                f"label {label!r} contains control or formatting characters; use plain text"
            )
    if a == b:
        raise UsageError(f"labels must differ, got {a!r} twice; give two distinct labels")
    return a, b


def compare(
    a: str | Readout,
    b: str | Readout,
    *,
    labels: Sequence[str] = ("A", "B"),
    sources: Sequence[str] = ("", ""),
    topics: Sequence[str] = (),
    lexicon: Lexicon | None = None,
    use_lexicon: bool = True,
    config: Config = Config(),
) -> Comparison:
    """Compare two readouts of the same call.

    ``a`` and ``b`` are the readouts' texts (or already built :class:`Readout` objects, whose
    labels then win). ``topics`` are the user's queries, each ``NAME`` or
    ``NAME=alias|alias``. ``lexicon`` replaces the built-in lexicon (merge a user lexicon into
    :func:`~readouts.lexicon.builtin_lexicon` to extend it); ``use_lexicon=False`` reports
    only queries and discovered terms.

    >>> c = compare("Pashinyan raised the blockade of the Lachin corridor.",
    ...             "The situation around Nagorno-Karabakh was discussed.",
    ...             labels=("Yerevan", "Kremlin"), topics=["Lachin corridor blockade"])
    >>> [(t.name, t.status) for t in c.topics if t.origin == "query"]
    [('Lachin corridor blockade', 'only_a')]
    """
    # A comparison allocates millions of short-lived objects and creates no reference
    # cycles; the cyclic garbage collector, triggered by the allocations, would find nothing
    # to free but rescan the lexicon's hundreds of thousands of long-lived objects each time
    # (a third of the time of comparing two long documents). Reference counting frees
    # everything here; the collector is switched back on at the end, as it was.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _compare(a, b, labels, sources, topics, lexicon, use_lexicon, config)
    finally:
        if enabled:
            gc.enable()


def _compare(
    a: str | Readout,
    b: str | Readout,
    labels: Sequence[str],
    sources: Sequence[str],
    topics: Sequence[str],
    lexicon: Lexicon | None,
    use_lexicon: bool,
    config: Config,
) -> Comparison:
    la, lb = check_labels(labels)
    ra = a if isinstance(a, Readout) else make_readout(a, label=la, source=sources[0])
    rb = b if isinstance(b, Readout) else make_readout(b, label=lb, source=sources[1])
    if ra.label == rb.label:
        check_labels([ra.label, rb.label])
    index = (ReadoutIndex(ra), ReadoutIndex(rb))
    spoken = (
        None
        if index[0].languages is None or index[1].languages is None
        else index[0].languages | index[1].languages
    )
    if lexicon is None:
        # Only aliases in the readouts' languages (and English) can match: load those. A
        # question in other letters ("ОДКБ" asked of two English readouts) may name a topic
        # by an alias of any language: then load them all.
        lexicon = builtin_lexicon(spoken if all(q.isascii() for q in topics) else None)

    ledger: dict[str, Topic] = {}
    negation = negation_words()
    for name in topics:
        query = resolve_query(name, lexicon, spoken)
        for long in spelled_out(name, index):
            more = resolve_query(long, lexicon, spoken).alternatives
            query = replace(query, alternatives=(*query.alternatives, *more))
        qa, qb = (find_query_mentions(ix, query, negation=negation, config=config) for ix in index)
        # Two questions that resolve to one lexicon topic ("South China Sea", "West Philippine
        # Sea") are still two lines of the ledger, each under the user's own name.
        key = query.key if query.key not in ledger else f"query:{query.name.casefold()}"
        ledger[key] = _topic(key, query.name, "query", (qa, qb), query.description, query.category)
    # One pass over the lexicon per side; ask-only topics (countries) are not reported, but
    # tell discovery which names both sides use in their own words.
    every: list[dict[str, list[tuple[int, int, int]]]] = [{}, {}]
    mentioned = [lexicon_mentions(index[side], lexicon, config, every[side]) for side in (0, 1)]
    # Topics a side names only in related words weigh less (see below).
    per_side = [{k: ms for k, ms in side.items() if not related_only(ms)} for side in mentioned]
    hinted: set[str] = set()
    if use_lexicon:
        spans = [_spans_by_sentence(side) for side in per_side]
        for key in sorted(set(per_side[0]) | set(per_side[1])):
            # Countries and cities both sides name, or that open either readout, are who
            # spoke and where: not news. One that only one side names later (a third
            # country, a city) is, unless it is only part of another name ("Shanghai" in the
            # Shanghai Cooperation Organisation).
            if lexicon.topics[key].ask_only and (
                (key in per_side[0] and key in per_side[1])
                or any(m.sentence == 0 for side in per_side for m in side.get(key, ()))
                or all(
                    _inside_other(m, key, spans[side])
                    for side in (0, 1)
                    for m in per_side[side].get(key, ())
                )
            ):
                continue
            if key not in ledger:
                known = lexicon.topics[key]
                pair = (per_side[0].get(key, ()), per_side[1].get(key, ()))
                ledger[key] = _topic(
                    key, known.name, "lexicon", pair, known.description, known.category
                )
        # A topic one side names only in related words ("temporary protection" for
        # refugees), and the other not at all, is reported on that side, after the topics
        # named by an alias: related words suggest a topic rather than name it.
        for key in sorted(set(mentioned[0]) ^ set(mentioned[1])):
            known = lexicon.topics[key]
            if key not in ledger and not known.ask_only:
                hinted.add(key)
                pair = (mentioned[0].get(key, ()), mentioned[1].get(key, ()))
                ledger[key] = _topic(
                    key, known.name, "lexicon", pair, known.description, known.category
                )
    initiators = (find_initiator(ra), find_initiator(rb))
    boilerplate = frozenset(k for k, t in lexicon.topics.items() if t.boilerplate)
    if config.discover > 0:
        asked_only = [
            {k: ms for k, ms in side.items() if lexicon.topics[k].ask_only} for side in per_side
        ]
        for side in (0, 1):
            # Every alias of a reported topic is covered, not only its best per sentence.
            # Only suggested by related words, a topic does not hide a name found there.
            covered = [
                (m.sentence, m.start, m.end)
                for t in ledger.values()
                if t.key not in hinted
                for m in t.mentions[side]
            ] + [span for key, spans in every[side].items() if key in ledger for span in spans]
            # "At the initiative of the Armenian side" is reported as the initiator, not as a
            # topic the other side left out.
            initiator = initiators[side]
            if initiator is not None:
                covered.append((initiator.sentence, initiator.start, initiator.end))
            # Names of a topic both sides mention in their own words ("PRC" / "China") are not
            # one-sided, even for topics the report lists only when asked.
            shared = [
                span
                for key, spans in every[side].items()
                if key in asked_only[1 - side]
                for span in spans
            ]
            # Discovery fills the one-sided list up to the budget, after what the lexicon and
            # the user's questions already found.
            status = ("only_a", "only_b")[side]
            # Boilerplate and topics only suggested yield their lines to what discovery finds
            # (see _mark_minor).
            one_sided = sum(
                t.status == status and t.key not in boilerplate and t.key not in hinted
                for t in ledger.values()
            )
            limit = min(config.discover, config.one_sided_budget - one_sided)
            found = discover(
                index[side], index[1 - side], covered, shared=shared, limit=limit, config=config
            )
            for text, mentions in found:
                key = f"term:{text.casefold()}"
                if key not in ledger:
                    pair = (mentions, ()) if side == 0 else ((), mentions)
                    ledger[key] = _topic(key, text, "discovered", pair)

    # A topic only suggested by related words where another topic is named ("natural gas",
    # of energy, is the natural gas topic; "shadow fleet", of sanctions, the shadow fleet)
    # adds nothing to it.
    named = [
        _spans_by_sentence({k: t.mentions[side] for k, t in ledger.items() if k not in hinted})
        for side in (0, 1)
    ]
    for key in sorted(hinted):
        side = 0 if ledger[key].mentions[0] else 1
        if all(_within(m, named[side]) for m in ledger[key].mentions[side]):
            del ledger[key]
    emphasis = [
        _emphasis(readout, {key: t.mentions[side] for key, t in ledger.items()})
        for side, readout in enumerate((ra, rb))
    ]
    weighed = [
        replace(t, emphasis=(emphasis[0].get(key, Emphasis()), emphasis[1].get(key, Emphasis())))
        for key, t in ledger.items()
    ]
    result = sorted(
        _mark_minor(weighed, config.one_sided_budget, boilerplate | hinted), key=_ledger_order
    )
    # What each sentence is about, for the aligner: sentences that mention one topic in
    # different words belong side by side.
    hints: tuple[list[set[str]], list[set[str]]] = (
        [set() for _ in ra.sentences],
        [set() for _ in rb.sentences],
    )
    for key, t in ledger.items():
        if t.origin != "discovered":
            for side in (0, 1):
                for m in t.mentions[side]:
                    hints[side][m.sentence].add(key)
    return Comparison(
        readouts=(ra, rb),
        alignment=align(ra, rb, config=config, hints=hints),
        topics=tuple(result),
        initiators=initiators,
    )


def _spans_by_sentence(
    found: dict[str, tuple[Mention, ...]],
) -> dict[int, list[tuple[int, int, str]]]:
    """Where each topic's mentions are, by sentence: (start, end, topic)."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for key, mentions in found.items():
        for m in mentions:
            spans.setdefault(m.sentence, []).append((m.start, m.end, key))
    return spans


def _inside_other(mention: Mention, key: str, spans: dict[int, list[tuple[int, int, str]]]) -> bool:
    """Whether ``mention`` lies inside a longer mention of another topic (see
    :func:`_spans_by_sentence`)."""
    return any(
        other != key
        and start <= mention.start
        and mention.end <= end
        and end - start > mention.end - mention.start
        for start, end, other in spans.get(mention.sentence, ())
    )


def _within(mention: Mention, spans: dict[int, list[tuple[int, int, str]]]) -> bool:
    """Whether ``mention`` lies within one of ``spans`` (see :func:`_spans_by_sentence`)."""
    return any(
        start <= mention.start and mention.end <= end
        for start, end, _ in spans.get(mention.sentence, ())
    )


def _topic(
    key: str,
    name: str,
    origin: Origin,
    mentions: tuple[tuple[Mention, ...], tuple[Mention, ...]],
    description: str = "",
    category: str = "",
) -> Topic:
    """A ledger line; its status follows from which sides have mentions."""
    status: Status = (
        ("both" if mentions[1] else "only_a")
        if mentions[0]
        else ("only_b" if mentions[1] else "neither")
    )
    return Topic(key, name, origin, status, mentions, description=description, category=category)


def _mark_minor(
    topics: list[Topic], budget: int, weak: frozenset[str] = frozenset()
) -> list[Topic]:
    """``topics`` with the one-sided ones past ``budget`` per side marked minor: first those a
    longer mention of another one-sided topic already says, then the ``weak`` (diplomatic
    boilerplate, topics only suggested by related words), then those the side gives the least
    weight (fewest sentences, common nouns before names, raised last). The user's questions
    always stay in the headline."""
    minor: set[str] = set()
    for side, status in enumerate(("only_a", "only_b")):
        asked = sum(t.status == status and t.origin == "query" for t in topics)
        one_sided = [t for t in topics if t.status == status]
        # "energy" in "attacks on energy infrastructure", "summit" in "BRICS summit in Kazan":
        # a topic a longer mention of another one-sided topic already says yields its line.
        # A topic only suggested by related words says nothing over another's head.
        spans = _spans_by_sentence(
            {
                t.key: t.mentions[side]
                for t in one_sided
                if t.origin != "lexicon" or not related_only(t.mentions[side])
            }
        )
        said = {
            t.key
            for t in one_sided
            if all(_inside_other(m, t.key, spans) for m in t.mentions[side])
        }
        found = sorted(
            (t for t in one_sided if t.origin != "query"),
            key=lambda t: (
                t.key in said,
                t.key in weak,
                -t.emphasis[side].sentences,
                not any(m.text[:1].isupper() for m in t.mentions[side]),
                t.emphasis[side].first_rank,
            ),
        )
        minor.update(t.key for t in found[max(0, budget - asked) :])
    return [replace(t, minor=True) if t.key in minor else t for t in topics]


def _ledger_order(t: Topic) -> tuple[int, bool, int, tuple[int, int], str]:
    """One-sided first, then both, then neither; minor one-sided topics after the others;
    queries first; then where the topic is first mentioned (a side's sentence and offset), so
    the ledger reads in the readouts' order."""
    firsts = [(ms[0].sentence, ms[0].start) for ms in t.mentions if ms]
    return (
        _STATUS_ORDER[t.status],
        t.minor,
        _ORIGIN_ORDER[t.origin],
        min(firsts) if firsts else (1 << 30, 0),
        t.name.casefold(),
    )


def _emphasis(readout: Readout, mentions: dict[str, tuple[Mention, ...]]) -> dict[str, Emphasis]:
    words = max(1, readout.words)
    firsts = sorted(
        ((ms[0].sentence, ms[0].start, key) for key, ms in mentions.items() if ms),
    )
    out: dict[str, Emphasis] = {}
    for rank, (sentence, _start, key) in enumerate(firsts, 1):
        sentences = {m.sentence for m in mentions[key]}
        share = sum(readout.sentences[s].words for s in sentences) / words
        out[key] = Emphasis(rank, sentence, len(sentences), share)
    return out
