"""Turn a saved readout web page, or text copied from one, into the readout's text.

Government sites wrap a three-paragraph readout in a page of furniture: scripts and styles,
menus and navigation, cookie banners, share buttons, accessibility links, font-size widgets
("XS SM MD LG", "大 中 小"), photo captions (often twice: once under the photo, once in a hidden
slide-show), dates and tags. :func:`html_to_text` keeps the readout's headline and paragraphs,
one per line, and leaves that furniture out; :func:`clean_page_text` does the part of the job
that can be done on text copied out of a browser, where the markup is already gone.

It works with the standard library's :mod:`html.parser` only, on decoded text: it does not read
files or guess encodings (``sources.py`` does), and it does not split sentences (``text.py``
does). It never runs or fetches anything the page refers to.

How the readout is found, in order:

1. Elements that never hold readout text go: ``script``, ``style``, ``head``, ``template``,
   ``svg``, form controls, media.
2. Page furniture goes: ``nav``, ``aside``, ``footer``, ``figure``, site headers, elements whose
   ``role``, ``class`` or ``id`` says navigation, menu, share, cookie, breadcrumb, caption,
   font size, tags, date ..., hidden elements, and lists that are mostly links (menus).
   A guard keeps any such element that holds half the page's prose or more, so one
   misleading class name on a wrapper cannot throw the readout away.
3. If an ``article``, ``main`` (or ``role="main"``, ``itemprop="articleBody"``) holds most of
   the remaining prose, only it is read: that leaves out the "related news" around it.
4. The text is cut into paragraphs at block elements and ``<br>``; paragraphs that are page
   furniture by their text alone (:func:`drop_furniture`) go too, and so does a short
   paragraph that is nothing but a link ("All press releases").
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from itertools import pairwise

from readouts.errors import InputError

# Elements whose content is never readout text, however the page is built.
_NEVER_TEXT = frozenset(
    """
    script style head title noscript template svg math iframe frame frameset object embed
    canvas audio video map select option optgroup datalist textarea button input img picture
    source track meter progress output dialog
    """.split()
)
# Elements that are page furniture by their tag (``header`` only outside an article).
_FURNITURE_TAGS = frozenset("nav aside footer form menu figure figcaption".split())
_FURNITURE_ROLES = frozenset(
    """
    navigation banner contentinfo complementary search menu menubar toolbar dialog alertdialog
    alert tablist tab button link
    """.split()
)
# class / id names (lower-cased, split at "-", "_" and spaces) that mark furniture ...
_FURNITURE_NAMES = frozenset(
    """
    nav navbar navigation menu menus topmenu mainmenu submenu megamenu breadcrumb breadcrumbs
    crumbs sidebar footer share shares sharing social socials sns cookie cookies consent gdpr
    banner advert advertisement ads ad promo subscribe subscription newsletter related
    recommended popular tags tag keywords toolbar tools print pager pagination comments comment
    lang language languages langs search login modal popup overlay skip skiplink skiplinks
    a11y accessibility caption captions credit
    credits gallery slider slideshow carousel video audio meta date time published dateline
    byline widget widgets logo copyright disclaimer feedback rating bookmarks bookmark likes
    fontsize textsize zoom place location url permalink
    """.split()
)
# Names of a site's header, furniture only outside an article (inside one, the article's own
# header holds its headline).
_HEADER_NAMES = frozenset({"header", "masthead", "topbar", "top", "head"})
# Class names that hide an element, matched whole only: "hidden-xs" (hidden on phones only)
# and the like are visible on the page that was saved.
_HIDDEN_NAMES = frozenset({"hidden", "hide", "invisible", "dnone", "sronly", "visuallyhidden"})
# ... and the same as substrings of a class name with its separators removed, for the names
# that are unambiguous however they are glued ("js-cookie-notice", "article__share-box").
_FURNITURE_PARTS = (
    "cookie",
    "consent",
    "gdpr",
    "breadcrumb",
    "share",
    "social",
    "fontsize",
    "textsize",
    "visuallyhidden",
    "sronly",
    "screenreader",
    "skiplink",
    "skipto",
    "skipnav",
    "newsletter",
    "subscribe",
    "advert",
    "sidebar",
    "navbar",
    "navigation",
    "pagination",
    "toolbar",
    "copyright",
    "carousel",
    "slider",
    "caption",
    "footer",
    "related",
    "accessib",
    "menu",
)
# Containers where the readout's body sits.
_CONTENT_TAGS = frozenset({"article", "main"})
_CONTENT_NAMES = frozenset(
    {"articlebody", "article-body", "entry-content", "post-content", "news-text", "story-body"}
)
# Elements that start a new paragraph. Everything else (``a``, ``span``, ``b``, unknown custom
# elements ...) is inline: "<b>Putin</b> said" stays one sentence.
_BLOCK = frozenset(
    """
    html body address article aside blockquote center details dialog dd div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre
    section summary table tbody thead tfoot tr td th caption ul menu br legend
    """.split()
)
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
# A start tag of these closes an open <p> (HTML does this implicitly).
_CLOSES_P = _BLOCK - {"br", "hr", "td", "th", "tr", "tbody", "thead", "tfoot", "caption"}
# Compound names glued with "-" or "_" that are furniture as a whole: split into words they
# would be innocent ("font" + "size").
_GLUE = re.compile(r"[-_\s]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Guard: an element is kept, whatever its class says, if it holds this share of the prose.
_GUARD_SHARE = 0.5
# A content container is read alone only if it holds this share of the page's prose ...
_CONTENT_SHARE = 0.5
# ... and, among several that do, the smallest one holding this share of the best one's prose.
_CONTENT_NEAR_BEST = 0.6
# A list is a menu when this share of its text is link text and it has this many links.
_MENU_LINK_SHARE = 0.7
_MENU_MIN_LINKS = 3


class _Element:
    """A node of the parsed page. Not a DOM: only what extraction needs."""

    __slots__ = (
        "attrs",
        "children",
        "content",
        "depth",
        "drop",
        "inside",
        "link_len",
        "links",
        "parent",
        "tag",
        "text_len",
    )

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[_Element | str] = []
        self.drop = False
        self.content = 0  # 2: an article / main element, 1: a text body by its class
        self.inside = False  # inside one
        self.text_len = 0
        self.link_len = 0
        self.links = 0
        self.depth: int = 0 if parent is None else parent.depth + 1

    @property
    def prose(self) -> int:
        """Characters of text outside links: what tells a readout from a menu."""
        return self.text_len - self.link_len


class _TreeBuilder(HTMLParser):
    """Builds a light element tree, closing what HTML closes implicitly, never recursing."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#document", {}, None)
        self.elements: list[_Element] = [self.root]
        self._stack: list[_Element] = [self.root]
        self._open: Counter[str] = Counter()

    def _push(self, tag: str, attrs: list[tuple[str, str | None]], *, void: bool) -> None:
        top = self._stack[-1]
        # The implicit closes HTML does most often; enough to keep siblings apart.
        if (
            (top.tag == "p" and tag in _CLOSES_P)
            or (top.tag == "li" and tag == "li")
            or (top.tag in ("dt", "dd") and tag in ("dt", "dd"))
            or (top.tag in ("td", "th") and tag in ("td", "th", "tr"))
            or (top.tag == "option" and tag in ("option", "optgroup"))
        ):
            self._pop()
            top = self._stack[-1]
        element = _Element(tag, {k: v or "" for k, v in attrs}, top)
        top.children.append(element)
        self.elements.append(element)
        if not void:
            self._stack.append(element)
            self._open[tag] += 1

    def _pop(self) -> None:
        element = self._stack.pop()
        self._open[element.tag] -= 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._push(tag, attrs, void=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._push(tag, attrs, void=True)  # <div/> in a saved XHTML page: an empty element

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> is read as <br> by browsers
            self._push("br", [], void=True)
            return
        if self._open[tag] <= 0:
            return  # a stray end tag: ignored, as browsers do
        while len(self._stack) > 1:
            element = self._stack[-1]
            self._pop()
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(data)


# ------------------------------------------------------------------ making the markup safe

# Python's html.parser (3.11) takes quadratic time on some broken markup ("<a<a<a..." with no
# ">", thousands of unclosed "<!--"), raises AssertionError on "<![" junk, and lets an HTML
# string inside a script ("'<a title=\"' + t") swallow the rest of the page. This linear pass
# reads the markup's tags itself and hands the parser a clean equivalent: start tags with only
# the attributes extraction looks at, plain end tags, text with every other "<" escaped.
# Comments, doctypes, processing instructions and the raw text of scripts and styles go here.
_LT = re.compile(r"<(?:(/?)([A-Za-z][^\t\n\r\f />\x00]*+)|(!--)|[!?])?")
_ATTR = re.compile(r"""[\s/]*+([^\s/>=]++)(?:\s*+=\s*+("[^"]*+"|'[^']*+'|[^\s>]*+))?""")
_SPACE = re.compile(r"[\s/]*+")
_KEPT_ATTRS = frozenset({"class", "id", "role", "style", "hidden", "aria-hidden", "itemprop"})
_RAW_TEXT = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title", "plaintext"}
)
_NAME_JUNK = re.compile(r"[^a-z0-9:-]")
# Inline tags that change nothing for extraction when they carry no attribute it reads: they
# are not passed to the parser at all (their end tags are, and are ignored as strays), which
# keeps a page of "<b><i><span>" from costing an element each.
_TRANSPARENT = frozenset(
    """
    b i em strong span font u s small big sup sub abbr cite q mark code tt bdi bdo nobr kbd
    samp var dfn ins del data time label
    """.split()
)


_RAW_TEXT_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in _RAW_TEXT}


def _safe_markup(markup: str) -> str:
    markup = markup.replace("\x00", "\ufffd")
    size = len(markup)
    out: list[str] = []
    pos = 0
    # The next ">" and the next "-->" at or after the current position, cached so that the
    # pass stays linear however many unfinished "<" or "<!--" the markup has.
    next_gt = next_comment_end = -1
    tags_possible = True
    while True:
        i = markup.find("<", pos)
        if i < 0:
            out.append(markup[pos:])
            return "".join(out)
        out.append(markup[pos:i])
        if next_gt < i:
            found = markup.find(">", i)
            next_gt = size if found < 0 else found
        if next_gt == size or not tags_possible:
            # No tag can end after here: the rest is text, as a browser shows it.
            out.append(markup[i:].replace("<", "&lt;"))
            return "".join(out)
        match = _LT.match(markup, i)
        assert match is not None  # the pattern matches "<" alone
        pos = i + 1
        slash, name, comment = match.group(1, 2, 3)
        if match.group() == "<":
            out.append("&lt;")  # cannot start a tag: it is text, as a browser shows it
        elif name is not None and not slash:
            tag, end = _start_tag(markup, match.end(), name)
            if end < 0:
                # The tag runs to the end of the markup; so would any later one, so the
                # rest is read as text (a browser would drop it; text is not lost here).
                tags_possible = False
                out.append("&lt;")
                continue
            pos = end
            raw_end = _RAW_TEXT_END.get(name.lower())
            if raw_end is None:
                out.append(tag)
                continue
            # A script, style, title ...: never readout text, and its raw text may hold
            # anything. Skipped whole, end tag included (an unclosed <script> hides the rest
            # of the page, as in a browser).
            found_end = raw_end.search(markup, pos)
            if found_end is None:
                pos = size
            else:
                gt = markup.find(">", found_end.end())
                pos = size if gt < 0 else gt + 1
        elif name is not None:
            out.append(f"</{_NAME_JUNK.sub('-', name.lower())}>")
            pos = next_gt + 1
        elif comment:
            if markup.startswith((">", "->"), i + 4):
                pos = markup.find(">", i + 4) + 1  # "<!-->" and "<!--->": empty comments
                continue
            if next_comment_end < i + 4:
                found = markup.find("-->", i + 4)
                next_comment_end = size if found < 0 else found
            if next_comment_end < size:
                pos = next_comment_end + 3
            else:
                # Unlike a browser, an unclosed comment does not hide the rest of the page:
                # its text is kept rather than lost.
                out.append("&lt;")
        else:
            pos = next_gt + 1  # doctype, CDATA, processing instruction: nothing to read


def _start_tag(markup: str, pos: int, name: str) -> tuple[str, int]:
    """The clean form of the start tag whose attributes begin at ``pos``, and where it ends
    (-1 if the markup ends first)."""
    attrs: list[str] = []
    while True:
        m = _ATTR.match(markup, pos)
        if m is not None:
            key = m.group(1).lower()
            if key in _KEPT_ATTRS:
                value = m.group(2) or ""
                if value[:1] in ("'", '"') and value[-1:] == value[:1] and len(value) > 1:
                    value = value[1:-1]
                value = value.replace('"', "&quot;")
                attrs.append(f' {key}="{value}"')
            pos = m.end()
            continue
        pos = _SPACE.match(markup, pos).end()  # type: ignore[union-attr]
        nxt = markup[pos : pos + 1]
        if nxt == ">":
            tag = _NAME_JUNK.sub("-", name.lower())
            if not attrs and tag in _TRANSPARENT:
                return "", pos + 1
            return f"<{tag}{''.join(attrs)}>", pos + 1
        if not nxt:
            return "", -1
        pos += 1  # a stray "=": skipped, as browsers do


# ------------------------------------------------------------------ deciding what is furniture


def _class_words(element: _Element) -> list[str]:
    names = f"{element.attrs.get('class', '')} {element.attrs.get('id', '')}".lower()
    return names.split()


def _is_furniture(element: _Element, *, in_content: bool) -> bool:
    """Whether ``element`` is page furniture by its tag, role, class, id or visibility."""
    tag, attrs = element.tag, element.attrs
    if tag in _FURNITURE_TAGS or (tag == "header" and not in_content):
        return True
    if not attrs:
        return _is_menu(element)
    if attrs.get("role", "").lower() in _FURNITURE_ROLES:
        return True
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    for name in _class_words(element):
        compact = _GLUE.sub("", name)
        if compact in _FURNITURE_NAMES or compact in _HIDDEN_NAMES:
            return True
        if any(p in compact for p in _FURNITURE_PARTS):
            return True
        parts = [part for part in _GLUE.split(name) if len(part) > 2]
        if any(part in _FURNITURE_NAMES for part in parts):
            return True
        if not in_content and any(part in _HEADER_NAMES for part in parts):
            return True
    return _is_menu(element)


def _is_menu(element: _Element) -> bool:
    return (
        element.tag in ("ul", "ol", "dl", "menu", "table", "div", "section")
        and element.links >= _MENU_MIN_LINKS
        and element.link_len >= _MENU_LINK_SHARE * element.text_len
    )


def _is_content(element: _Element) -> int:
    """2 for an article or main element, 1 for a body marked by itemprop or class, else 0."""
    if element.tag in _CONTENT_TAGS:
        return 2
    if not element.attrs:
        return 0
    if element.attrs.get("role", "").lower() == "main":
        return 2
    if element.attrs.get("itemprop", "").lower() in ("articlebody", "text"):
        return 1
    return 1 if any(name in _CONTENT_NAMES for name in _class_words(element)) else 0


def _measure(elements: list[_Element]) -> None:
    """Text, link-text and link counts of every element, children before parents."""
    for element in elements:
        element.text_len = element.link_len = element.links = 0
    for element in reversed(elements):
        if element.drop:
            continue
        own = sum(len(c.strip()) for c in element.children if isinstance(c, str))
        element.text_len += own
        if element.tag == "a":
            element.link_len = element.text_len
            element.links += 1
        parent = element.parent
        if parent is not None:
            parent.text_len += element.text_len
            parent.link_len += element.link_len
            parent.links += element.links


def _mark_never_text(elements: list[_Element]) -> None:
    """Drop what is never text, and note what is an article or inside one (document order)."""
    for element in elements:
        element.content = _is_content(element)
        parent = element.parent
        if parent is None:
            continue
        element.drop = parent.drop or element.tag in _NEVER_TEXT
        element.inside = parent.inside or parent.content > 0


def _mark_furniture(document: _Element, elements: list[_Element]) -> None:
    """Drop page furniture, top-down, keeping what the guard protects."""
    total = document.prose
    for element in elements:
        parent = element.parent
        if parent is None or element.drop:
            continue
        if parent.drop:
            element.drop = True
        elif _is_furniture(element, in_content=element.inside):
            # The guard: a wrapper called "has-sidebar" that holds the readout is not dropped.
            element.drop = not (total and element.prose >= _GUARD_SHARE * total)


def _content_root(document: _Element, elements: list[_Element]) -> _Element:
    """The element to read: the smallest article (or main) holding most of the prose, which
    keeps its headline and leaves out the related news around it; a body marked only by its
    class or itemprop if no article qualifies; else the whole page."""
    total = document.prose
    if not total:
        return document
    for level in (2, 1):
        candidates = [
            e
            for e in elements
            if e.content == level and not e.drop and e.prose >= _CONTENT_SHARE * total
        ]
        if candidates:
            best = max(e.prose for e in candidates)
            near = [e for e in candidates if e.prose >= _CONTENT_NEAR_BEST * best]
            return min(near, key=lambda e: (e.text_len, -e.depth))
    return document


_BREAK = object()
_LINK_END = object()
# A paragraph that is one short link and no sentence ("All press releases", "Back to news")
# is page furniture.
_LINK_LINE_MAX = 60
_SENTENCE_MARKS = frozenset(".!?։。！？…")


def _blocks(root: _Element) -> tuple[list[str], list[str]]:
    """The paragraphs under ``root``, whitespace collapsed, in document order; and the short
    paragraphs that are nothing but a link."""
    blocks: list[str] = []
    link_lines: list[str] = []
    current: list[str] = []
    counts = [0, 0]  # characters of the current paragraph, and of them inside links
    in_link = 0

    def flush() -> None:
        if current:
            text = " ".join("".join(current).split())
            if text:
                all_link = counts[0] == counts[1]
                if all_link and len(text) <= _LINK_LINE_MAX and text[-1] not in _SENTENCE_MARKS:
                    link_lines.append(text)
                else:
                    blocks.append(text)
            current.clear()
            counts[0] = counts[1] = 0

    stack: list[object] = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            current.append(item)
            size = len(item.strip())
            counts[0] += size
            counts[1] += size if in_link else 0
        elif item is _BREAK:
            flush()
        elif item is _LINK_END:
            in_link -= 1
        elif isinstance(item, _Element):
            if item.tag in _BLOCK:
                flush()
                stack.append(_BREAK)
            elif item.drop:
                current.append(" ")  # a dropped inline element still separates words
            if not item.drop:
                if item.tag == "a":
                    in_link += 1
                    stack.append(_LINK_END)
                stack.extend(reversed(item.children))
    flush()
    return blocks, link_lines


def html_to_text(markup: str, *, source: str = "page") -> str:
    """The readout text of an HTML page: its paragraphs, one per line, without the furniture.

    Raises :class:`~readouts.errors.InputError` naming ``source`` if the page holds no text.

    >>> page = '''<html><head><title>Kremlin</title><script>track()</script></head>
    ... <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    ... <div class="font-size"><a>XS</a><a>SM</a><a>MD</a><a>LG</a></div>
    ... <article><h1>Telephone conversation with Nikol Pashinyan</h1>
    ... <p>Vladimir Putin had a telephone conversation with Nikol&nbsp;Pashinyan.</p>
    ... <figure><img src="p.jpg"><figcaption>Putin. Photo: TASS</figcaption></figure>
    ... <p>The situation around <b>Nagorno-Karabakh</b> was discussed.</p>
    ... <div class="share"><a>Telegram</a><a>VK</a></div></article>
    ... <div id="cookie-banner">We use cookies. <button>Accept</button></div></body></html>'''
    >>> print(html_to_text(page))
    Telephone conversation with Nikol Pashinyan
    Vladimir Putin had a telephone conversation with Nikol Pashinyan.
    The situation around Nagorno-Karabakh was discussed.
    """
    return "\n".join(html_blocks(markup, source=source)[0])


def html_blocks(markup: str, *, source: str = "page") -> tuple[list[str], list[str]]:
    """The page's readout paragraphs, and the paragraphs left out as furniture by their text.

    >>> html_blocks("<p>Talks were held.</p><p>Print</p><p>XS SM MD LG</p>")
    (['Talks were held.'], ['Print', 'XS SM MD LG'])
    """
    builder = _TreeBuilder()
    try:
        builder.feed(_safe_markup(markup))
        builder.close()
    except (AssertionError, ValueError, RecursionError) as exc:  # html.parser's own failures
        raise InputError(
            f"{source}: cannot read this HTML page ({exc}); "
            "copy the readout's text into a .txt file"
        ) from None
    document, elements = builder.root, builder.elements
    _mark_never_text(elements)
    _measure(elements)
    _mark_furniture(document, elements)
    _measure(elements)
    blocks, link_lines = _blocks(_content_root(document, elements))
    kept, dropped = drop_furniture(blocks)
    return kept, link_lines + dropped


# ------------------------------------------------------------------ furniture by its text

# Font-size and contrast widgets: lines made only of these tokens.
_WIDGET_TOKENS = frozenset(
    "xs s sm m md l lg xl xxl a a+ a- a− aa а а+ а- 大 中 小 字号 【 】 [ ] | / +a -a".split()
)
# Whole lines that are links or buttons of the page, not readout text (case-folded).
_FURNITURE_LINES = frozenset(
    line.strip()
    for line in """
    skip to main content|skip to content|skip to navigation|skip navigation|accessibility links
    |accessibility|back to top|top|print|print version|print this page|share|share this
    |share this page|tweet|email|e-mail|facebook|twitter|x|telegram|vk|whatsapp|linkedin
    |copy link|link copied|read more|more|menu|search|close|open menu
    |version for the visually impaired
    |մատչելիության հղումներ|տպել|կիսվել|перейти к основному содержанию|перейти к содержанию
    |версия для печати|печать|поделиться|распечатать|версия для слабовидящих|наверх
    |打印|打印本页|关闭|关闭窗口|分享|分享到|返回顶部|【打印】|【关闭】|【打印本页】|【关闭窗口】
    """.replace("\n", "").split("|")
)
_COOKIE = re.compile(r"\bcookies?\b|куки|файл\w* cookie", re.IGNORECASE)
_CONSENT = re.compile(
    r"\b(?:accept|consent|agree|privacy|policy|settings|preferences|browsing|this (?:web)?site|"
    r"our (?:web)?site|согла\w*|сайт\w*|политик\w*|принять)",
    re.IGNORECASE,
)
# A cookie notice is a short paragraph; a readout sentence never talks about cookie settings.
_COOKIE_MAX = 600
_EDGE_PUNCT = "[](){}【】|·•:：-–—.,;!?«»\"' "


# Labels and brackets around a font-size widget: "【字体：大 中 小】", "Font size: A A A".
_WIDGET_LABEL = re.compile(
    r"字体|字号|font[- ]size|text[- ]size|размер шрифта|шрифт|տառաչափ|[【】\[\]():：|]",
    re.IGNORECASE,
)
# Lines of several buttons: "【打印本页】【关闭窗口】", "Print | Share".
_BUTTON_SEPARATORS = re.compile(r"[【】\[\]|•·]")
# A date or time stamp alone: "31.01.2023", "2023-12-14 22:30", "2023年12月14日".
_STAMP = re.compile(r"^[\d\s./:,\-–年月日时分]+$")
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\b)", re.IGNORECASE)
# Widgets, buttons and stamps are short lines; longer ones are not looked at for them.
_BUTTONS_MAX = 120


def is_furniture_line(line: str) -> bool:
    """Whether one line of copied page text is page furniture by its text alone.

    >>> [is_furniture_line(x) for x in ("XS SM MD LG", "Մատչելիության հղումներ", "Share",
    ...                                 "【字体：大 中 小】", "【打印本页】【关闭窗口】",
    ...                                 "31.01.2023", "The sides discussed trade.")]
    [True, True, True, True, True, True, False]
    """
    text = " ".join(line.split())
    if not text:
        return False
    if _COPYRIGHT.match(text):
        return True
    if len(text) > _COOKIE_MAX:
        return False  # every other kind of furniture is short
    folded = text.casefold()
    if ("cookie" in folded or "куки" in folded) and _COOKIE.search(text) and _CONSENT.search(text):
        return True
    if len(text) > _BUTTONS_MAX:
        return False
    widget = _WIDGET_LABEL.sub(" ", folded).split()
    if widget and all(token in _WIDGET_TOKENS for token in widget):
        return True
    if folded.strip(_EDGE_PUNCT) in _FURNITURE_LINES or folded in _FURNITURE_LINES:
        return True
    buttons = [b.strip(_EDGE_PUNCT) for b in _BUTTON_SEPARATORS.split(folded)]
    buttons = [b for b in buttons if b]
    if len(buttons) > 1 and all(b in _FURNITURE_LINES for b in buttons):
        return True
    return _STAMP.match(text) is not None and sum(c.isdigit() for c in text) >= 4


def drop_furniture(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Split a page's paragraphs into (kept, dropped).

    Dropped: furniture paragraphs (:func:`is_furniture_line`), and a paragraph given twice in
    a row (a photo caption repeated under the photo and in the slide-show): both copies, and
    a paragraph made of one line repeated. Blank entries are kept in place and do not separate
    repeats. Nothing is dropped if that would leave no text: then the paragraphs were the text.

    >>> drop_furniture(["Caption, 2022.", "Caption, 2022.", "", "Putin spoke.", "XS SM"])
    (['', 'Putin spoke.'], ['Caption, 2022.', 'Caption, 2022.', 'XS SM'])
    """
    keys = [" ".join(p.split()) for p in paragraphs]
    drop = [is_furniture_line(key) for key in keys]
    previous = -1  # index of the last non-blank paragraph
    for i, (paragraph, key) in enumerate(zip(paragraphs, keys, strict=True)):
        if not key:
            continue
        lines = [" ".join(line.split()) for line in paragraph.split("\n")]
        if len(lines) > 1 and len(set(lines)) == 1:
            drop[i] = True
        if previous >= 0 and keys[previous] == key:
            drop[i] = drop[previous] = True
        previous = i
    kept = [p for p, d in zip(paragraphs, drop, strict=True) if not d]
    if not any(p.strip() for p in kept):
        return list(paragraphs), []
    return kept, [p for p, d in zip(paragraphs, drop, strict=True) if d]


def clean_page_text(text: str) -> tuple[str, list[str]]:
    r"""Leave out the page furniture of text copied from a web page; returns the text and
    what was left out.

    Furniture is judged by paragraph: in a text with blank lines between paragraphs a
    paragraph may run over several lines (the word "more." ending a wrapped paragraph is not
    the "More" button); otherwise every line is a paragraph, as :func:`readouts.text.normalize`
    reads them.

    >>> page = "Մատչելիության հղումներ\n\nPutin, Pashinian Discuss Blockade\n\n"
    >>> page += "Photo caption.\nPhoto caption.\n\n"
    >>> page += "Pashinian urged Russia to do\nmore.\n\nXS\nSM\nMD\nLG"
    >>> text, dropped = clean_page_text(page)
    >>> print(text)
    <BLANKLINE>
    Putin, Pashinian Discuss Blockade
    <BLANKLINE>
    <BLANKLINE>
    Pashinian urged Russia to do
    more.
    <BLANKLINE>
    >>> dropped
    ['Մատչելիության հղումներ', 'Photo caption.\nPhoto caption.', 'XS\nSM\nMD\nLG']
    """
    lines = text.split("\n")
    blank = [not line.strip() for line in lines]
    # As in normalize: only blank lines between paragraphs count, not a final newline.
    first = blank.index(False) if False in blank else len(blank)
    last = len(blank) - 1 - blank[::-1].index(False) if False in blank else -1
    inner = blank[first : last + 1]
    wrapped = any(inner) and any(not a and not b for a, b in pairwise(inner))
    if not wrapped:
        kept, dropped = drop_furniture(lines)
        return "\n".join(kept), dropped
    paragraphs: list[str] = []
    group: list[str] = []
    for line, is_blank in zip(lines, blank, strict=True):
        if is_blank:
            if group:
                paragraphs.append("\n".join(group))
                group = []
            paragraphs.append(line)
        else:
            group.append(line)
    if group:
        paragraphs.append("\n".join(group))
    kept, dropped = drop_furniture(paragraphs)
    return "\n".join(kept), dropped
