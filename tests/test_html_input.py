"""Saved readout pages: the readout's paragraphs come out, the page furniture does not.

The fixtures under ``tests/data/html/`` imitate the structure of real government pages
(kremlin.ru, primeminister.am, state.gov, fmprc.gov.cn): navigation, menus, language
switchers, cookie banners, share buttons, font-size widgets, accessibility links, photo
captions (once in a figure, twice as plain paragraphs), scripts holding HTML strings, styles,
tags, dates. Each ``NAME.expected.txt`` is the text reviewed by eye, one paragraph per line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from readouts.errors import InputError
from readouts.html_input import (
    clean_page_text,
    drop_furniture,
    html_blocks,
    html_to_text,
    is_furniture_line,
)

PAGES = Path(__file__).parent / "data" / "html"
NAMES = sorted(p.name.removesuffix(".html") for p in PAGES.glob("*.html"))
FURNITURE = [
    "XS",
    "SM MD",
    "cookie",
    "Cookie",
    "Share",
    "Поделиться",
    "Telegram",
    "Facebook",
    "分享",
    "打印",
    "关闭窗口",
    "大 中 小",
    "Skip to",
    "Перейти",
    "Մատչելիության",
    "dataLayer",
    "gtag",
    "not text",
    "Это не текст",
    "Стиль не текст",
    "Тоже не текст",
    "Home",
    "Новости",
    "首页",
    "Related",
    "Материалы по теме",
    "相关新闻",
    "Photo",
    "Фото",
    "隐藏",
    "Tags",
    "Темы",
    "Privacy",
    "©",
    "版权所有",
    "December 27, 2022",
    "31.01.2023",
    "2023-12-14",
    "Version for",
    "Версия для",
    "Office of the Spokesperson",
]


def _page(name: str) -> str:
    return (PAGES / f"{name}.html").read_text(encoding="utf-8")


def _expected(name: str) -> list[str]:
    return (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8").splitlines()


def test_there_are_four_sites() -> None:
    assert NAMES == ["fmprc-gov-cn", "kremlin-ru", "primeminister-am", "state-gov"]


@pytest.mark.parametrize("name", NAMES)
def test_saved_page_gives_the_readout(name: str) -> None:
    kept, _dropped = html_blocks(_page(name))
    assert kept == _expected(name)
    text = "\n".join(kept)
    for furniture in FURNITURE:
        assert furniture not in text, furniture


@pytest.mark.parametrize("name", NAMES)
def test_without_class_names_the_readout_is_still_all_there(name: str) -> None:
    """A page whose class and id names say nothing (or say it in another language) still
    gives every paragraph of the readout; furniture is then found by structure and text."""
    bare = re.sub(r"\s(?:class|id)=(?:\"[^\"]*\"|'[^']*')", "", _page(name))
    kept, _dropped = html_blocks(bare)
    for paragraph in _expected(name):
        assert paragraph in kept
    text = "\n".join(kept)
    for furniture in ("XS", "dataLayer", "gtag", "not text", "Это не текст", "cookie", "隐藏"):
        assert furniture not in text


@pytest.mark.parametrize("name", ["kremlin-ru", "state-gov"])
def test_without_article_element_the_page_body_is_read(name: str) -> None:
    flat = re.sub(r"<(/?)(?:article|main)\b", r"<\1div", _page(name))
    assert "<article" not in flat and "<main" not in flat
    kept, _dropped = html_blocks(flat)
    # The body is then found by its itemprop or class, which leaves the headline outside.
    for paragraph in _expected(name)[1:]:
        assert paragraph in kept


# ------------------------------------------------------------------ the rules one by one


def test_script_style_and_head_are_never_text() -> None:
    page = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<script>var s = '<p>fake</p>'; if (a < b) {}</script>"
        "<script type='text/template'><p>template</p></script><noscript>Enable JS</noscript>"
        "<template><p>later</p></template><svg><text>chart</text></svg>"
        "<p>Real text.</p><textarea>typed</textarea><select><option>opt</option></select>"
        "</body></html>"
    )
    assert html_to_text(page) == "Real text."


def test_a_script_with_html_strings_does_not_swallow_the_page() -> None:
    page = """<p>Before.</p><script>var t = '<a title="' + x + '">';</script><p>After.</p>"""
    assert html_to_text(page) == "Before.\nAfter."


def test_unclosed_script_hides_the_rest_as_in_a_browser() -> None:
    assert html_to_text("<p>Seen.</p><script>var x = 1; <p>Never seen.</p>") == "Seen."


@pytest.mark.parametrize(
    "attrs",
    [
        "hidden",
        'aria-hidden="true"',
        'style="display: none"',
        "style='visibility:hidden'",
        'class="sr-only"',
        'class="visually-hidden"',
        'class="hidden"',
    ],
)
def test_hidden_elements_are_left_out(attrs: str) -> None:
    page = f"<article><p>Shown text of the readout.</p><p {attrs}>Hidden note.</p></article>"
    assert html_to_text(page) == "Shown text of the readout."


def test_hidden_on_phones_only_is_shown() -> None:
    page = '<p>Readout text here.</p><p class="hidden-xs">Also readout text.</p>'
    assert html_to_text(page) == "Readout text here.\nAlso readout text."


@pytest.mark.parametrize(
    "furniture",
    [
        "<nav><a>Home</a></nav>",
        "<aside>Related news</aside>",
        "<footer>Contacts</footer>",
        '<div role="navigation">Menu items</div>',
        '<div class="breadcrumbs">Home / News</div>',
        '<div id="cookie-consent">We use cookies</div>',
        '<div class="share-buttons">Share</div>',
        '<div class="article__social-links">VK</div>',
        '<ul class="tags"><li>Policy</li></ul>',
        '<figure><img src="x"><figcaption>Photo caption</figcaption></figure>',
        '<div class="wp-caption-text">Photo caption</div>',
        "<form><label>Search</label></form>",
        '<header class="site-header">Site name</header>',
        '<div class="font-size">A A A</div>',
        "<ul><li><a>One</a></li><li><a>Two</a></li><li><a>Three</a></li></ul>",
    ],
)
def test_furniture_elements_are_left_out(furniture: str) -> None:
    page = f"<body>{furniture}<p>The readout paragraph.</p>{furniture}</body>"
    assert html_to_text(page) == "The readout paragraph."


def test_guard_keeps_a_wrapper_with_a_misleading_class() -> None:
    body = "".join(f"<p>Readout sentence number {i}.</p>" for i in range(5))
    page = (
        f'<body class="has-sidebar"><div class="share-wrapper">{body}</div><nav>Menu</nav></body>'
    )
    assert html_to_text(page).splitlines() == [f"Readout sentence number {i}." for i in range(5)]


def test_article_header_is_kept_site_header_is_not() -> None:
    page = (
        "<body><header><a>Site</a> <p>Motto of the site</p></header><main><article>"
        "<header><h1>Telephone conversation</h1></header><p>Putin spoke.</p>"
        "</article></main></body>"
    )
    assert html_to_text(page) == "Telephone conversation\nPutin spoke."


def test_the_article_is_chosen_over_related_news() -> None:
    related = "".join(f"<article><p>Teaser {i} about other talks.</p></article>" for i in range(3))
    page = (
        "<main><article><h1>Talks</h1><p>" + "Putin and Pashinyan discussed trade. " * 8 + "</p>"
        "</article><section>" + related + "</section></main>"
    )
    assert html_to_text(page).splitlines()[0] == "Talks"
    assert "Teaser" not in html_to_text(page)


def test_paragraphs_and_line_breaks() -> None:
    page = (
        "<div>One <b>bold</b> word.<br>Second line.<br/><br/>Third.</div>"
        "<p>Para<span> with</span> span.</p><ul><li>Item one.<li>Item two.</ul>"
        "<table><tr><td>Cell A.</td><td>Cell B.</td></tr></table>"
    )
    assert html_to_text(page).splitlines() == [
        "One bold word.",
        "Second line.",
        "Third.",
        "Para with span.",
        "Item one.",
        "Item two.",
        "Cell A.",
        "Cell B.",
    ]


def test_entities_and_spaces() -> None:
    page = "<p>Nikol&nbsp;Pashinyan &amp; Putin &laquo;agreed&raquo; &#8212; &#x41;&lt;b&gt;.</p>"
    assert html_to_text(page) == "Nikol Pashinyan & Putin «agreed» — A<b>."


def test_a_link_alone_is_furniture_a_link_in_a_sentence_is_not() -> None:
    kept, dropped = html_blocks(
        "<p>Putin spoke about <a href='/k'>Nagorno-Karabakh</a>.</p>"
        "<p><a href='/news'>All press releases</a></p>"
        "<p><a href='/s'>The full statement was published.</a></p>"
    )
    assert kept == ["Putin spoke about Nagorno-Karabakh.", "The full statement was published."]
    assert dropped == ["All press releases"]


# ------------------------------------------------------------------ broken markup


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Open <!-- never closed <p>Still text.", "Open <!-- never closed\nStill text."),
        ("<p>A <!-- note --> B.</p>", "A B."),
        ("<p>A <!--> B.</p>", "A B."),
        ("<![CDATA[junk]]><p>Text.</p>", "Text."),
        ("<!DOCTYPE html><?xml version='1.0'?><p>Text.</p>", "Text."),
        ("<p>1 < 2 and 3 > 2.</p>", "1 < 2 and 3 > 2."),
        ("<p>a <b and more text", "a <b and more text"),
        ("<p>First.</p></div></span></p><p>Second.</p>", "First.\nSecond."),
        ("<p><b><i>unclosed inline", "unclosed inline"),
        ("<P CLASS='x'>Upper case tags.</P>", "Upper case tags."),
        ('<p title="a > b">Quoted angle.</p>', "Quoted angle."),
        ("<p>NUL\x00here.</p>", "NUL\ufffdhere."),
        ("</br>Line.", "Line."),
    ],
)
def test_broken_markup(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize(
    "markup",
    [
        "<a" * 20000,
        "<!--" * 20000,
        "<![" * 20000,
        "</" * 20000,
        "<a b='" * 5000 + ">",
        "<div>" * 20000 + "deep text" + "</div>" * 20000,
        "<p>x" * 20000,
        "<" * 20000,
    ],
)
def test_pathological_markup_is_read(markup: str) -> None:
    html_blocks(markup)  # returns (in linear time: see benchmarks/awkward.py)


def test_empty_page_gives_empty_text() -> None:
    assert html_blocks("<html><body><script>x</script></body></html>") == ([], [])


def test_parser_failure_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import readouts.html_input as module

    def broken(markup: str) -> str:
        raise AssertionError("expected name token")

    monkeypatch.setattr(module, "_safe_markup", broken)
    with pytest.raises(InputError, match=r"^page\.html: cannot read this HTML page"):
        html_blocks("<p>x</p>", source="page.html")


# ------------------------------------------------------------------ furniture by its text


@pytest.mark.parametrize(
    "line",
    [
        "XS SM MD LG",
        "XS",
        "A A+ A-",
        "【字体：大 中 小】",
        "Font size: A A A",
        "Share",
        "Print",
        "Версия для печати",
        "Մատչելիության հղումներ",
        "Skip to main content",
        "【打印本页】【关闭窗口】",
        "Print | Share",
        "31.01.2023",
        "2023-12-14 22:30",
        "2023年12月14日",
        "© 2023 Office",
        "This website uses cookies. By using it you accept our privacy policy.",
        "Сайт использует файлы cookie. Продолжая, вы соглашаетесь с политикой.",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Putin spoke with Pashinyan.",
        "A",
        "More talks were held.",
        "The sides agreed in 2023.",
        "1.",
        "Share of trade grew.",
        "They discussed the cookie industry and gas.",
        "中国。",
    ],
)
def test_readout_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture_line(line) or line == "A"


def test_caption_given_twice_is_dropped_both_times() -> None:
    kept, dropped = drop_furniture(["Caption.", "", "Caption.", "Text.", "Caption."])
    assert kept == ["", "Text.", "Caption."]
    assert dropped == ["Caption.", "Caption."]


def test_a_text_of_furniture_only_is_kept_whole() -> None:
    assert drop_furniture(["Share", "Print"]) == (["Share", "Print"], [])
    assert clean_page_text("Share\n") == ("Share\n", [])


def test_wrapped_paragraph_ending_in_a_button_word_is_kept() -> None:
    text = "Pashinian urged Russia to do\nmore.\n\nThey also discussed\nprint\nmedia.\n"
    assert clean_page_text(text) == (text, [])
