"""Alignment: any order, one-to-one and one-to-many, every sentence exactly once."""

from __future__ import annotations

from readouts.align import align, similarity
from readouts.text import make_readout


def _rows(a: str, b: str) -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return [
        (p.a, p.b, p.kind) for p in align(make_readout(a, label="A"), make_readout(b, label="B"))
    ]


def test_pairs_in_any_order_and_marks_moved() -> None:
    a = (
        "Trade turnover grew by ten percent. The Lachin corridor blockade was raised. "
        "Energy supplies were discussed."
    )
    b = "Energy supplies to Armenia were discussed. The sides talked about trade turnover growth."
    pairs = align(make_readout(a, label="A"), make_readout(b, label="B"))
    matched = {(p.a, p.b) for p in pairs if p.kind == "match"}
    assert matched == {((0,), (1,)), ((2,), (0,))}
    assert [p.a for p in pairs if p.kind == "only_a"] == [(1,)]
    moved = [p for p in pairs if p.kind == "match" and p.moved]
    assert len(moved) == 1


def test_every_sentence_exactly_once() -> None:
    a = "One point on gas. Two on grain. Three on Taiwan. Four on tariffs."
    b = "Tariffs came up. Gas came up. Something else entirely."
    pairs = align(make_readout(a, label="A"), make_readout(b, label="B"))
    assert sorted(i for p in pairs for i in p.a) == [0, 1, 2, 3]
    assert sorted(j for p in pairs for j in p.b) == [0, 1, 2]


def test_one_long_sentence_covers_two_short_ones() -> None:
    a = (
        "The leaders discussed gas supplies through the Upper Lars checkpoint and agreed to "
        "expand grain deliveries to Yerevan."
    )
    b = "Gas supplies through Upper Lars were discussed. Grain deliveries to Yerevan will expand."
    pairs = align(make_readout(a, label="A"), make_readout(b, label="B"))
    assert [(p.a, p.b, p.kind) for p in pairs] == [((0,), (0, 1), "match")]


def test_unrelated_sentences_stay_one_sided() -> None:
    rows = _rows("The weather was fine.", "Tariffs on steel were raised.")
    assert sorted(kind for *_, kind in rows) == ["only_a", "only_b"]


def test_scores_and_word_diff_on_a_match() -> None:
    pairs = align(
        make_readout("Putin and Pashinyan discussed the Lachin corridor.", label="A"),
        make_readout("Putin and Pashinian discussed the Lachin corridor.", label="B"),
    )
    (pair,) = pairs
    assert pair.kind == "match" and pair.score > 80
    changed = [d for d in pair.diff if d.tag != "equal"]
    assert [(d.a, d.b) for d in changed] == [("Pashinyan", "Pashinian")]


def test_similarity_ignores_boilerplate_and_order() -> None:
    assert similarity("Taiwan was discussed.", "They discussed Taiwan.") > 90
    assert similarity("Taiwan was discussed.", "Grain was discussed.") < 45
