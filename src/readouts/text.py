"""Text normalisation, sentence splitting and word tokens.

This module turns a decoded string into a :class:`~readouts.model.Readout`: it normalises what
copy-paste and web pages leave behind (Windows line ends, non-breaking and zero-width spaces,
soft hyphens, NFC), splits sentences in English, Russian, Armenian and Chinese, and gives the
word tokens with their spans that alignment and topic matching share. It does not read files
(``sources.py`` does) and it does not decide what a sentence means.

Normalisation keeps the text a reader would recognise: curly quotes and dashes stay (matching
treats them as their plain forms); NFC, not NFKC, because NFKC rewrites characters such as
superscripts and ligatures that a quoted readout may use on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from readouts.errors import InputError
from readouts.model import Readout, Sentence

# Characters that are invisible or only typographic and break word matching when left in.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u180e"), None)
# Every kind of horizontal space becomes a plain space (NBSP, narrow NBSP, figure space, ...).
_SPACES = re.compile(r"[^\S\n]+")
_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def normalize(text: str) -> str:
    """Return ``text`` in the form readouts works on.

    Line ends become ``\\n``, invisible characters go, runs of spaces become one space, lines
    are stripped, and paragraphs are separated by one blank line. A text that uses blank lines
    between paragraphs is taken to be hard-wrapped, so its single line breaks become spaces;
    otherwise every line is a paragraph (as text copied from a web page is).

    >>> normalize("Hello,\\u00a0world\\u00ad!\\r\\nSecond  line.")
    'Hello, world!\\n\\nSecond line.'
    >>> normalize("A wrapped\\nparagraph.\\n\\nAnother.")
    'A wrapped paragraph.\\n\\nAnother.'
    """
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    text = _LINE_ENDS.sub("\n", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    hard_wrapped = any(not line for line in lines) and any(
        a and b for a, b in zip(lines, lines[1:], strict=False)
    )
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
        elif hard_wrapped:
            current.append(line)
        else:
            paragraphs.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


# Abbreviations that end with a period but rarely end a sentence (lower-cased, without the
# final period). Single letters (initials: "V. Putin", "В. В. Путин") are handled separately.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov pres amb st mt rev hon jr sr
    no nos nr vol vols art arts para paras sec fig pp p ed eds approx est dept univ inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    e.g i.e etc vs cf al a.m p.m u.s u.k u.n e.u u.s.a d.c
    г гг т.е т.д т.п т.к им ул пр см стр рис др проф акад ген млн млрд тыс руб долл
    """.split()
)
_CLOSERS = "\"'”’»)]}›」』"
_OPENERS = "\"'“‘«([{‹「『"
# A sentence ends at . ! ? … (possibly repeated, possibly followed by closing quotes or
# brackets) before whitespace, or at Armenian verjaket / Chinese full stops without whitespace.
_END = re.compile(
    r"(?:[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s)|[։。！？]+[" + re.escape(_CLOSERS) + r"]*)"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PARAGRAPH_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]$")


def _is_boundary(paragraph: str, match: re.Match[str]) -> bool:
    end_text = match.group()
    if end_text[0] in "։。！？" or end_text[0] in "!?…":
        return True
    # A period: decide whether it ends a sentence or an abbreviation / initial / number.
    before = _WORD_BEFORE.search(paragraph, 0, match.start())
    token = before.group(1) if before else ""
    rest = paragraph[match.end() :].lstrip()
    if not rest:
        return True
    nxt = rest[0]
    if token:
        low = token.lower().rstrip(".")
        if _PARAGRAPH_NUMBER.match(token + ".") and paragraph[: before.start()].strip() == "":  # type: ignore[union-attr]
            return False  # "1. The sides agreed ...": a paragraph number, kept with its text
        if len(token) == 1 and token.isalpha() and token.isupper():
            return False  # an initial: "V. Putin", "Nikol V. Pashinyan"
        if low in ABBREVIATIONS or "." in token.rstrip("."):
            # "Mr. Putin", "U.S. officials": only a boundary if the next word clearly starts a
            # sentence after an abbreviation that often ends one ("...in the U.S. The ...").
            return low in {"u.s", "u.k", "u.n", "e.u", "etc", "u.s.a", "d.c"} and _starts_sentence(
                rest
            )
    return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or not nxt.isascii() and nxt.isalpha()


def _starts_sentence(rest: str) -> bool:
    word = rest.split(" ", 1)[0]
    return word[:1].isupper() and word.lower() in {"the", "this", "he", "she", "they", "it", "we"}


def split_sentences(text: str) -> list[tuple[int, int, int]]:
    """Return ``(start, end, paragraph)`` for each sentence of normalised ``text``.

    >>> t = "Mr. Putin met U.S. envoys on Jan. 5. They discussed the 2.5% tariff. Done!"
    >>> [t[s:e] for s, e, _ in split_sentences(t)]
    ['Mr. Putin met U.S. envoys on Jan. 5.', 'They discussed the 2.5% tariff.', 'Done!']
    >>> t = "Состоялся разговор с В.В. Путиным. Обсуждались вопросы։ Հայաստան։ 中国。好！"
    >>> [t[s:e] for s, e, _ in split_sentences(t)]
    ['Состоялся разговор с В.В. Путиным.', 'Обсуждались вопросы։', 'Հայաստան։', '中国。', '好！']
    """
    out: list[tuple[int, int, int]] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n\n")):
        start = 0
        for match in _END.finditer(paragraph):
            if _is_boundary(paragraph, match):
                _emit(out, paragraph, offset, start, match.end(), number)
                start = match.end()
        _emit(out, paragraph, offset, start, len(paragraph), number)
        offset += len(paragraph) + 2
    return out


def _emit(out: list[tuple[int, int, int]], par: str, offset: int, s: int, e: int, n: int) -> None:
    while s < e and par[s].isspace():
        s += 1
    while e > s and par[e - 1].isspace():
        e -= 1
    if s < e:
        out.append((offset + s, offset + e, n))


def make_readout(text: str, *, label: str, source: str = "") -> Readout:
    """Normalise ``text`` and split it into a :class:`Readout`.

    Raises :class:`~readouts.errors.InputError` if there is no text at all.

    >>> r = make_readout("Putin and Pashinyan spoke. They discussed Karabakh.", label="K")
    >>> [s.text for s in r.sentences]
    ['Putin and Pashinyan spoke.', 'They discussed Karabakh.']
    """
    if not isinstance(text, str):
        raise InputError(f"readout {label!r} is {type(text).__name__}, not text: pass a str")
    norm = normalize(text)
    if not norm.strip():
        raise InputError(
            f"{source or label}: the readout is empty (or only whitespace); give a file with text"
        )
    sentences = tuple(
        Sentence(index=i, text=norm[s:e], start=s, end=e, paragraph=p)
        for i, (s, e, p) in enumerate(split_sentences(norm))
    )
    return Readout(label=label, source=source, text=norm, sentences=sentences)


# ---------------------------------------------------------------- word tokens

# A word: letters/digits, with inner hyphens and apostrophes ("Nagorno-Karabakh", "Azerbaijan's").
_WORD = re.compile(r"\w+(?:[-‐‑'’]\w+)*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Token:
    """A word of a sentence: its ``text`` as written, ``key`` for matching, and its span."""

    text: str
    key: str
    start: int
    end: int


def fold(word: str) -> str:
    """The matching key of a word: case-folded, apostrophes unified, possessive dropped.

    >>> fold("Azerbaijan’s"), fold("NAGORNO‑KARABAKH")
    ('azerbaijan', 'nagorno-karabakh')
    """
    key = word.casefold().replace("’", "'").replace("‐", "-").replace("‑", "-")
    if key.endswith("'s"):
        key = key[:-2]
    return key


def tokens(text: str) -> list[Token]:
    """Word tokens of ``text`` with their spans.

    >>> [t.key for t in tokens("The U.S.-China talks, in Kyiv’s view.")]
    ['the', 'u', 's', '-china', 'talks', 'in', 'kyiv', 'view']
    """
    return [Token(m.group(), fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def iter_han_runs(text: str) -> Iterator[re.Match[str]]:
    """Runs of Chinese characters, which have no spaces between words."""
    return re.finditer(r"[\u3400-\u9fff\uf900-\ufaff]+", text)


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None
