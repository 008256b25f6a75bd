"""Fuzzing the input side (hypothesis with a large example budget, bounded in time).

The HTML reader, the Markdown reader, the page-furniture filter, the decoder and the
segmenter get thousands of generated inputs each: tag soup with broken comments, scripts,
entities and attributes, random bytes, random Unicode. Each must return or raise
:class:`~readouts.errors.ReadoutsError`, never anything else, and each example must finish
within the deadline (a quadratic corner shows up as a deadline error, not as a hung CI job).
The whole file runs in well under a minute.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readouts.errors import ReadoutsError
from readouts.html_input import clean_page_text, html_blocks
from readouts.sources import decode, markdown_to_text, read_source
from readouts.text import make_readout, split_sentences

pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=1000,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,  # CI runs the same examples every time; a failure is reproducible
)

TAG_NAMES = [
    "p",
    "div",
    "a",
    "script",
    "style",
    "nav",
    "article",
    "main",
    "br",
    "span",
    "li",
    "ul",
    "footer",
    "header",
    "figure",
    "figcaption",
    "textarea",
    "title",
    "X-Y",
    "svg",
]
ATTRS = [
    "",
    ' class="share"',
    " class='cookie-banner'",
    " hidden",
    ' style="display:none"',
    ' aria-hidden="true"',
    ' id="content"',
    ' role="navigation"',
    ' class="a > b"',
    ' title="unclosed',
    " onclick='x<y'",
    ' itemprop="articleBody"',
    " class=menu",
]
PIECES = st.one_of(
    st.sampled_from(TAG_NAMES).flatmap(
        lambda name: st.sampled_from(ATTRS).map(lambda attrs: f"<{name}{attrs}>")
    ),
    st.sampled_from(TAG_NAMES).map(lambda name: f"</{name}>"),
    st.sampled_from(
        [
            "<!--",
            "-->",
            "<!-- c -->",
            "<![CDATA[",
            "]]>",
            "<!DOCTYPE html>",
            "<?xml ?>",
            "<",
            ">",
            "</",
            "<a",
            "&amp;",
            "&lt;script&gt;",
            "&#27;[31m",
            "&#x202e;",
            "&",
            "&#",
            "\x00",
            "XS SM MD LG",
            "Share",
            "We use cookies. Accept our privacy policy.",
            "Putin spoke with Pashinyan.",
            "Путин и Пашинян.",
            "中国。",
            "\n",
            " ",
            "\u00a0",
        ]
    ),
    st.text(max_size=20),
)
tag_soup = st.lists(PIECES, max_size=80).map("".join)


@FUZZ
@given(tag_soup | st.text())
@example("<a" * 5000)
@example("<!--" * 5000)
@example("<![" * 5000)
@example("<a b='" * 3000 + ">")
@example("<div>" * 5000 + "deep" + "</div>" * 5000)
@example("<script>" + "<a title='" * 1000)
def test_html_reader_returns_or_refuses(markup: str) -> None:
    try:
        kept, _dropped = html_blocks(markup)
    except ReadoutsError:
        return
    for block in kept:
        assert block == " ".join(block.split()) and block
        assert "\n" not in block


@FUZZ
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_characters="<>&"), min_size=1, max_size=40),
        min_size=1,
        max_size=8,
    ),
    st.lists(PIECES, max_size=20).map("".join),
)
def test_html_reader_keeps_article_paragraphs(paragraphs: list[str], furniture: str) -> None:
    """Text in the <p> elements of an <article> survives whatever furniture is around it."""
    words = [" ".join(p.split()) for p in paragraphs]
    article = "".join(f"<p>{w}</p>" for w in words)
    words = [w.replace("\x00", "\ufffd") for w in words]  # as browsers read a NUL
    page = f"<html><body><nav><a>Home</a></nav><article>{article}</article></body></html>"
    kept, dropped = html_blocks(page)
    text = "\n".join(kept + dropped)
    for w in words:
        assert w in text


@FUZZ
@given(st.text())
@example("[" * 20000)
@example("*_" * 20000)
@example("![a](" * 5000)
def test_markdown_reader_never_raises(markdown: str) -> None:
    markdown_to_text(markdown)


@FUZZ
@given(st.text())
def test_furniture_filter_never_empties_a_text(text: str) -> None:
    cleaned, dropped = clean_page_text(text)
    if text.strip():
        assert cleaned.strip()
    assert len(dropped) <= len(text.split("\n"))


@FUZZ
@given(
    st.binary(max_size=400),
    st.sampled_from([None, "utf-8", "cp1251", "koi8-r", "utf-16"]),
    st.sampled_from(["auto", "text", "markdown", "html"]),
)
def test_reading_any_bytes_returns_or_refuses(data: bytes, encoding: str | None, fmt: str) -> None:
    try:
        source = read_source("-", stdin=io.BytesIO(data), encoding=encoding, input_format=fmt)
    except ReadoutsError as exc:
        assert "\n" not in str(exc)
        return
    assert source.text.strip()


@FUZZ
@given(st.binary(max_size=400))
def test_decoding_any_bytes_returns_or_refuses(data: bytes) -> None:
    try:
        text, _codec = decode(data, name="f.txt")
    except ReadoutsError:
        return
    assert "\x00" not in text


@FUZZ
@given(st.text() | st.text(alphabet=".!?…։。 \n\u00a0Aa1(\"'", max_size=400))
@example("." * 100_000)
@example("A. " * 30_000)
@example("U.S. " * 20_000)
def test_segmenter_returns_or_refuses(text: str) -> None:
    try:
        readout = make_readout(text, label="A")
    except ReadoutsError:
        return
    spans = split_sentences(readout.text)
    assert len(spans) == len(readout.sentences)
