"""Invariants that hold for any text (hypothesis): nothing is lost, nothing but ReadoutsError
escapes, swapping the readouts mirrors the alignment, a readout compared with itself matches
itself, and the same input gives byte-identical JSON.

The strategies mix arbitrary Unicode with readout-like text built from the awkward pieces real
input carries: Windows line ends, non-breaking and zero-width spaces, soft hyphens, curly
quotes, escape sequences, emoji, right-to-left and CJK text, abbreviations and initials.
"""

from __future__ import annotations

import contextlib
import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import readouts
from readouts.errors import ReadoutsError
from readouts.model import Comparison
from readouts.render.json import render_json
from readouts.text import make_readout, normalize, split_sentences

WORDS = [
    "Putin",
    "Pashinyan",
    "discussed",
    "the",
    "Lachin",
    "corridor",
    "blockade",
    "trade",
    "gas",
    "Nagorno-Karabakh",
    "Azerbaijan’s",
    "U.S.",
    "Mr.",
    "V.",
    "Jan.",
    "2.5%",
    "e.g.",
    "Путин",
    "обсудили",
    "Карабах",
    "г.",
    "Հայաստան",
    "խաղաղություն",
    "中国",
    "台湾问题",
    "بوتين",
    "ناقش",
    "שלום",
    "🇷🇺",
    "🤝",
    "👍🏽",
    "café",
    "Cafe\u0301",
    "«газ»",
    "“peace”",
]
GLUE = [
    " ",
    " ",
    " ",
    "  ",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    "\r\n\r\n",
    ". ",
    "! ",
    "? ",
    "… ",
    "։ ",
    "。",
    "！",
    "? \n",
    ".\u2029",
    "\x1b[31m",
    "\x1b[0m",
    "\u202e",
    "\x00",
    "\x07",
    ", ",
    "; ",
    " - ",
    "...",
    "1. ",
    "(",
    ")",
    '"',
    "'",
]

readout_like = st.lists(
    st.sampled_from(WORDS) | st.sampled_from(GLUE), min_size=1, max_size=60
).map("".join)
glue_only = st.lists(st.sampled_from(GLUE), max_size=30).map("".join)
any_text = st.text(max_size=300) | readout_like | glue_only

COMPARE_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TEXT_SETTINGS = settings(max_examples=400, deadline=None)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _try_compare(a: str, b: str) -> Comparison | None:
    """``compare`` or None when it refuses the input with a ReadoutsError (an empty readout)."""
    try:
        return readouts.compare(a, b, labels=("A", "B"))
    except ReadoutsError:
        return None


# ------------------------------------------------------------------ the segmenter alone


@TEXT_SETTINGS
@given(any_text)
@example("Ok." * 3)
@example("." * 500)
@example("a" * 1000)
@example("U.S. The end. 1. Point. V. Putin.")
def test_nothing_lost_in_segmentation(text: str) -> None:
    try:
        readout = make_readout(text, label="A")
    except ReadoutsError:
        assert not normalize(text).strip()
        return
    sentences = readout.sentences
    assert sentences, "a readout with text has at least one sentence"
    assert _squeeze("".join(s.text for s in sentences)) == _squeeze(readout.text)
    previous_end = 0
    for index, s in enumerate(sentences):
        assert s.index == index
        assert s.text == readout.text[s.start : s.end]
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end


@TEXT_SETTINGS
@given(any_text)
def test_normalize_is_idempotent_and_clean(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", once)
    assert not re.search(r"[\ud800-\udfff]", once)
    once.encode("utf-8")  # always writable


@TEXT_SETTINGS
@given(any_text)
def test_split_sentences_covers_normalised_text(text: str) -> None:
    norm = normalize(text)
    spans = split_sentences(norm)
    covered = "".join(norm[s:e] for s, e, _ in spans)
    assert _squeeze(covered) == _squeeze(norm)


# ------------------------------------------------------------------ the whole comparison


@COMPARE_SETTINGS
@given(any_text, any_text)
def test_only_readouts_errors_and_every_sentence_once(a: str, b: str) -> None:
    cmp = _try_compare(a, b)
    if cmp is None:
        return
    for side, attr in ((0, "a"), (1, "b")):
        seen = sorted(i for pair in cmp.alignment for i in getattr(pair, attr))
        assert seen == list(range(len(cmp.readouts[side].sentences)))
    for pair in cmp.alignment:
        assert (pair.kind == "match") == bool(pair.a and pair.b)
        assert pair.kind != "only_a" or (pair.a and not pair.b)
        assert pair.kind != "only_b" or (pair.b and not pair.a)


@pytest.mark.parametrize(
    "value",
    [None, 3, b"bytes", ["list"], "", "   ", "\u200b\u00ad", "\x00", "\ud800", "\x1b[2J"],
)
def test_library_refuses_with_readouts_error_only(value: object) -> None:
    with contextlib.suppress(ReadoutsError):
        readouts.compare(value, "Putin spoke.", labels=("A", "B"))  # type: ignore[arg-type]


def _rows(cmp: Comparison, *, swapped: bool) -> set[tuple[object, ...]]:
    mirror = {"match": "match", "only_a": "only_b", "only_b": "only_a"}
    rows: set[tuple[object, ...]] = set()
    for p in cmp.alignment:
        if swapped:
            rows.add((p.b, p.a, mirror[p.kind], round(p.score, 6)))
        else:
            rows.add((p.a, p.b, p.kind, round(p.score, 6)))
    return rows


@COMPARE_SETTINGS
@given(any_text, any_text)
def test_swap_mirrors_alignment(a: str, b: str) -> None:
    ab, ba = _try_compare(a, b), _try_compare(b, a)
    if ab is None or ba is None:
        assert ab is None and ba is None
        return
    assert _rows(ab, swapped=False) == _rows(ba, swapped=True)
    status = {"both": "both", "neither": "neither", "only_a": "only_b", "only_b": "only_a"}
    assert {(t.key, t.status) for t in ab.topics if t.origin != "discovered"} == {
        (t.key, status[t.status]) for t in ba.topics if t.origin != "discovered"
    }


# A readout made of distinct sentences that each have a content word: what real readouts are.
distinct_sentences = st.lists(
    st.lists(st.sampled_from(WORDS[:16] + WORDS[17:25]), min_size=2, max_size=8).map(" ".join),
    min_size=1,
    max_size=12,
    unique=True,
).map(lambda sentences: " ".join(f"Sentence {i} says {s}." for i, s in enumerate(sentences)))


@COMPARE_SETTINGS
@given(distinct_sentences)
def test_readout_against_itself_matches_itself(text: str) -> None:
    cmp = readouts.compare(text, text, labels=("A", "B"))
    assert not cmp.one_sided
    assert all(p.kind == "match" and p.score == 100 for p in cmp.alignment)
    assert len(cmp.alignment) == len(cmp.readouts[0].sentences)


@pytest.mark.parametrize("text", ["Ok. Ok.", "Yes! No?", "!!! ???", "1. 2.", "Putin. " * 60])
def test_readout_against_itself_with_repeats_or_no_content_words(text: str) -> None:
    cmp = readouts.compare(text, text, labels=("A", "B"))
    assert all(p.kind == "match" and p.score == 100 for p in cmp.alignment)


@COMPARE_SETTINGS
@given(any_text)
def test_readout_against_itself_has_no_one_sided_topic(text: str) -> None:
    cmp = _try_compare(text, text)
    if cmp is not None:
        assert not cmp.one_sided


@COMPARE_SETTINGS
@given(any_text, any_text)
def test_same_input_gives_byte_identical_valid_json(a: str, b: str) -> None:
    first, second = _try_compare(a, b), _try_compare(a, b)
    if first is None or second is None:
        assert first is None and second is None
        return
    out = render_json(first)
    assert out.encode("utf-8") == render_json(second).encode("utf-8")
    data = json.loads(out)
    assert data["readouts"][0]["sentences"] == [s.text for s in first.readouts[0].sentences]
