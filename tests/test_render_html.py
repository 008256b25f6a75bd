"""The HTML report: self-contained, escaped, well-formed, and laying out what the comparison holds.

Most tests use a hand-built :class:`Comparison` so that what they assert does not move when the
aligner or the topic matcher improves; a few run the seed sample end to end.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import readouts
from readouts.cli import cli
from readouts.model import (
    Comparison,
    Initiator,
    Mention,
    Pair,
    Readout,
    Sentence,
    Topic,
    WordDiff,
)
from readouts.render.html import CSP, render_html
from tests.conftest import SEED

HOSTILE = (
    '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> '
    '<a href="javascript:window.__pwned=3">click</a> "quoted" & \'single\''
)

# Elements the report is allowed to contain; anything else came from input text.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "div", "header", "footer", "nav",
    "section", "h1", "h2", "p", "span", "a", "time", "dl", "dt", "dd", "table", "colgroup",
    "col", "thead", "tbody", "tr", "th", "td", "q", "mark", "i",
}  # fmt: skip
VOID = {"meta", "col", "br", "img", "input", "link", "hr"}


class Page(HTMLParser):
    """Collects every tag and attribute, and checks that elements nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] not in ("style", "title"):
            self.text.append(data)

    def by_class(self, cls: str) -> list[dict[str, str]]:
        return [a for _, a in self.tags if cls in a.get("class", "").split()]


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.errors == [], parser.errors[:5]
    assert parser.stack == [], parser.stack
    return parser


def assert_inert(page: str) -> Page:
    """No element, attribute or URL in ``page`` that could run code or fetch anything."""
    parsed = parse(page)
    for tag, attrs in parsed.tags:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "action", "formaction"), (tag, name)
            if name == "href":
                assert value.startswith("#"), value
    assert "<script" not in page.lower()
    assert not re.search(r"url\(|@import|https?://", _styles(page)), "CSS must not fetch"
    return parsed


def _styles(page: str) -> str:
    return "".join(re.findall(r"<style>(.*?)</style>", page, flags=re.S))


# ---------------------------------------------------------------- a hand-built comparison


def _readout(label: str, texts: list[str], source: str = "") -> Readout:
    sentences = []
    pos = 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(i, text, pos, pos + len(text), 0))
        pos += len(text) + 1
    return Readout(label, source, " ".join(texts), tuple(sentences))


def _mention(sentence: str, index: int, word: str, **kw: object) -> Mention:
    start = sentence.index(word)
    return Mention(index, start, start + len(word), word, 100.0, "exact", word, **kw)  # type: ignore[arg-type]


A_TEXTS = [
    "The leaders discussed trade and energy.",
    "Pashinyan raised the blockade of the Lachin corridor.",
    "They agreed to meet again.",
]
B_TEXTS = [
    "The sides agreed to stay in contact.",
    "The leaders discussed trade and security.",
    "Putin stressed the trilateral agreements.",
]


@pytest.fixture
def built() -> Comparison:
    a = _readout("Yerevan", A_TEXTS, "yerevan.txt")
    b = _readout("Kremlin", B_TEXTS, "kremlin.txt")
    topics = (
        Topic(
            "lachin", "Lachin corridor", "lexicon", "only_a",
            ((_mention(A_TEXTS[1], 1, "Lachin corridor"),), ()),
        ),
        Topic(
            "trilateral", "trilateral agreements", "lexicon", "only_b",
            ((), (_mention(B_TEXTS[2], 2, "trilateral agreements"),)),
        ),
        Topic(
            "trade", "trade", "query", "both",
            ((_mention(A_TEXTS[0], 0, "trade"),), (_mention(B_TEXTS[1], 1, "trade"),)),
        ),
        Topic(
            "energy", "energy", "lexicon", "only_a",
            ((_mention(A_TEXTS[0], 0, "energy", negated=True),), ()),
        ),
    )  # fmt: skip
    alignment = (
        Pair(
            (0,), (1,), 80.0, "match", False,
            (
                WordDiff("equal", *["The leaders discussed trade and"] * 2),
                WordDiff("replace", "energy.", "security."),
            ),
        ),
        Pair((1,), (), 0.0, "only_a"),
        Pair(
            (2,), (0,), 55.0, "match", True,
            (
                WordDiff("replace", "They", "The sides"),
                WordDiff("equal", "agreed to", "agreed to"),
                WordDiff("replace", "meet again.", "stay in contact."),
            ),
        ),
        Pair((), (2,), 0.0, "only_b"),
    )  # fmt: skip
    return Comparison(
        readouts=(a, b),
        alignment=alignment,
        topics=topics,
        initiators=(None, Initiator("the Armenian side", 0, 0, 9, "phrase")),
        meta={"date": "2023-01-31", "event": "A call", "a": {"publisher": "Office of the PM"}},
    )


# ---------------------------------------------------------------- the page


def test_page_is_self_contained_html5(built: Comparison) -> None:
    page = render_html(built)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    assert "<title>Yerevan vs Kremlin · readouts</title>" in page
    css = _styles(page)
    assert "@media (prefers-color-scheme:dark)" in css
    assert "@media print" in css
    assert "overflow-wrap:anywhere" in css  # long tokens wrap instead of scrolling sideways
    assert_inert(page)


def test_header_shows_labels_sources_counts_initiators_and_dates(built: Comparison) -> None:
    parsed = parse(render_html(built))
    text = " ".join(parsed.text)
    assert "yerevan.txt" in text and "kremlin.txt" in text
    assert "3 sentences · 19 words" in text  # Yerevan: 6 + 8 + 5 words
    assert "2023-01-31" in text and "A call" in text
    assert "Office of the PM" in text
    assert "“the Armenian side”" in text  # Kremlin's initiator
    assert "not stated" in text  # Yerevan names none
    sides = parsed.by_class("ro-side")
    assert [s["class"] for s in sides] == ["ro-side side-a", "ro-side side-b"]


def test_summary_and_ledger_chips_are_coloured_by_status(built: Comparison) -> None:
    parsed = parse(render_html(built))
    chips = [(a["class"], a.get("title", "")) for a in parsed.by_class("ro-chip")]
    # Summary (linked chips) then ledger: one chip per topic in each.
    assert len(chips) == 2 * len(built.topics)
    assert ("ro-chip st-a", "Lachin corridor: only Yerevan") in chips
    assert ("ro-chip st-b", "trilateral agreements: only Kremlin") in chips
    assert ("ro-chip st-both", "trade: both") in chips
    rows = [a for t, a in parsed.tags if t == "tr" and a.get("id", "").startswith("ro-t")]
    assert [r["class"] for r in rows] == ["st-a", "st-b", "st-both", "st-a"]
    # Summary chips link to their ledger rows.
    hrefs = {a["href"] for a in parsed.by_class("ro-chip") if "href" in a}
    assert hrefs == {"#" + r["id"] for r in rows}


def test_ledger_gives_evidence_with_the_mention_marked(built: Comparison) -> None:
    page = render_html(built)
    assert "Pashinyan raised the blockade of the <mark>Lachin corridor</mark>." in page
    assert "not mentioned by Kremlin" in page
    assert "not mentioned by Yerevan" in page
    assert '<span class="ro-neg">negated</span>' in page  # "energy" is negated
    # Evidence links point at the sentence in the side-by-side view.
    assert '<a class="ro-ref" href="#ro-a2">s2</a>' in page
    assert 'id="ro-a2"' in page


def test_every_sentence_appears_once_in_aligned_rows(built: Comparison) -> None:
    parsed = parse(render_html(built))
    rows = [a for a in parsed.by_class("ro-row") if "ro-colhead" not in a["class"]]
    assert len(rows) == len(built.alignment)
    assert [r["class"] for r in rows] == [
        "ro-row ro-match",
        "ro-row ro-only st-a",
        "ro-row ro-match ro-is-moved",
        "ro-row ro-only st-b",
    ]
    ids = [a["id"] for a in parsed.by_class("ro-s")]
    assert sorted(ids) == ["ro-a1", "ro-a2", "ro-a3", "ro-b1", "ro-b2", "ro-b3"]


def test_one_sided_and_moved_rows_are_marked(built: Comparison) -> None:
    page = render_html(built)
    assert "◀ only Yerevan" in page and "not in Kremlin" in page
    assert "only Kremlin ▶" in page and "not in Yerevan" in page
    assert page.count('<span class="ro-moved" title=') == 1
    assert "Yerevan says this at s3, Kremlin at s1" in page


def test_word_differences_are_highlighted_inside_matched_pairs(built: Comparison) -> None:
    page = render_html(built)
    # Pair 1: only the last word differs; "trade" is also a topic mention.
    assert (
        'The leaders discussed <mark class="ro-men st-both" title="trade: both">trade</mark> and '
        '<mark class="ro-men st-a" title="energy: only Yerevan">'
        '<span class="ro-chg">energy</span></mark><span class="ro-chg">.</span>'
    ) in page
    assert '<span class="ro-chg">security.</span>' in page
    # Pair 2: a changed run of several words is one span, spaces included.
    assert '<span class="ro-chg">stay in contact.</span>' in page
    assert '<span class="ro-chg">The sides</span> agreed to' in page
    # One-sided rows have no word diff.
    assert "Pashinyan raised the blockade of the <mark" in page


def test_a_diff_that_does_not_fit_the_sentences_highlights_nothing(built: Comparison) -> None:
    broken = (replace(built.alignment[0], diff=(WordDiff("replace", "x y z", "q"),)),)
    page = render_html(replace(built, alignment=broken + built.alignment[1:]))
    assert "energy." in page
    assert 'ro-chg">energy' not in page and 'ro-chg">security' not in page


def test_overlapping_mentions_nest_properly(built: Comparison) -> None:
    text = A_TEXTS[1]
    wide = Topic(
        "lcb", "Lachin corridor blockade", "query", "only_a",
        ((Mention(1, text.index("blockade"), len(text) - 1, "blockade of the Lachin corridor",
                  90.0, "words"),), ()),
    )  # fmt: skip
    page = render_html(replace(built, topics=(*built.topics, wide)))
    parse(page)  # nests properly
    assert 'title="Lachin corridor: only Yerevan; Lachin corridor blockade: only Yerevan"' in page


def test_fragment_is_scoped_and_has_no_document_parts(built: Comparison) -> None:
    fragment = render_html(built, fragment=True)
    assert fragment.startswith('<div class="ro-report" lang="en" id="ro')
    for part in ("<html", "<head>", "<body", "<!DOCTYPE", "<meta"):
        assert part not in fragment
    assert_inert(fragment)
    css = re.sub(r"@media[^{]*\{", "", _styles(fragment))
    selectors = re.findall(r"([^{}]+)\{[^{}]*\}", css)
    assert selectors
    for group in selectors:
        for selector in group.split(","):
            assert ".ro-report" in selector, f"unscoped CSS rule: {selector.strip()}"


def test_fragment_ids_differ_between_comparisons_and_stay_stable(built: Comparison) -> None:
    def ids(page: str) -> set[str]:
        return set(re.findall(r' id="([^"]+)"', page))

    one = render_html(built, fragment=True)
    other = render_html(
        replace(built, readouts=(replace(built.readouts[0], label="Other"), built.readouts[1])),
        fragment=True,
    )
    assert not ids(one) & ids(other)
    assert one == render_html(built, fragment=True)
    # Every in-page link has a target in the same fragment.
    targets = set(re.findall(r'href="#([^"]+)"', one))
    assert targets and targets <= ids(one)


def test_hostile_input_everywhere_is_escaped(built: Comparison) -> None:
    a, b = built.readouts
    hostile_a = replace(a, label="A" + HOSTILE, source=HOSTILE, sentences=(
        replace(a.sentences[0], text=HOSTILE), *a.sentences[1:]))  # fmt: skip
    topic = Topic("x", HOSTILE, "query", "only_a", ((Mention(0, 0, 8, HOSTILE[:8], 50.0,
                  HOSTILE, HOSTILE),), ()), description=HOSTILE, category=HOSTILE)  # fmt: skip
    evil = replace(
        built,
        readouts=(hostile_a, b),
        topics=(topic, *built.topics),
        initiators=(Initiator(HOSTILE, 0, 0, 1, "x"), None),
        meta={"event": HOSTILE, "date": HOSTILE, HOSTILE: HOSTILE, "a": {HOSTILE: HOSTILE}},
    )
    for page in (render_html(evil), render_html(evil, fragment=True)):
        parsed = assert_inert(page)
        assert HOSTILE.split(" ")[0] in "".join(parsed.text)  # shown as text
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page


def test_control_characters_are_dropped(built: Comparison) -> None:
    a = built.readouts[0]
    text = "Red \x1b[31malert\x1b[0m\x07 here."
    noisy = replace(a, label="Ye\x1b[2Jrevan", sentences=(replace(a.sentences[0], text=text),
                                                          *a.sentences[1:]))  # fmt: skip
    page = render_html(replace(built, readouts=(noisy, built.readouts[1]), alignment=()))
    assert "\x1b" not in page and "\x07" not in page
    assert "Yerevan" in page


def test_output_is_deterministic(built: Comparison) -> None:
    assert render_html(built) == render_html(built)


def test_an_empty_comparison_still_renders(built: Comparison) -> None:
    empty = Comparison(readouts=(_readout("X", []), _readout("Y", [])), alignment=(), topics=())
    page = render_html(empty)
    assert_inert(page)
    assert "No topics found" in page and "Neither readout has any sentences" in page


# ---------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def seed() -> Comparison:
    a = (SEED / "yerevan.txt").read_text(encoding="utf-8")
    b = (SEED / "kremlin.txt").read_text(encoding="utf-8")
    return readouts.compare(a, b, labels=("Yerevan", "Kremlin"))


def test_seed_sample_report(seed: Comparison) -> None:
    page = render_html(seed)
    parsed = assert_inert(page)
    rows = [a for a in parsed.by_class("ro-row") if "ro-colhead" not in a["class"]]
    assert len(rows) == len(seed.alignment)
    assert len(parsed.by_class("ro-s")) == sum(len(r.sentences) for r in seed.readouts)
    blockade = next(t for t in seed.topics if t.name.casefold() == "blockade")
    assert blockade.status == "only_a"
    assert 'class="ro-men st-a" title="' in page


def test_notebook_hooks_use_the_renderer(seed: Comparison, tmp_path: Path) -> None:
    assert seed._repr_html_() == render_html(seed, fragment=True)
    out = tmp_path / "report.html"
    seed.save_html(out)
    assert out.read_text(encoding="utf-8") == render_html(seed)
    assert repr(seed).startswith("<Comparison 'Yerevan' (4 sentences) vs 'Kremlin'")
    assert "\n" not in repr(seed)


def test_cli_format_html(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["compare", "--sample", SEED.name, "--format", "html"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert_inert(result.stdout)
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["compare", "--sample", SEED.name, "-f", "html", "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


_PIECES = [*"ab <>&\"'=/;:.\n\x1bé中 ", "script", "onerror", "javascript:", "Taiwan", "<img "]
_TEXT = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=_TEXT, b=_TEXT, label=st.text(min_size=1, max_size=12).filter(lambda s: s.strip()))
def test_any_input_gives_an_inert_well_formed_page(a: str, b: str, label: str) -> None:
    labels = (label, label + "2")
    try:
        cmp = readouts.compare(a, b, labels=labels, topics=[label])
    except readouts.ReadoutsError:
        return  # e.g. a text that normalises to nothing; the CLI reports it
    assert_inert(render_html(cmp))
    assert_inert(render_html(cmp, fragment=True))
