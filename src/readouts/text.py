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

import itertools
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from readouts.errors import InputError
from readouts.model import Readout, Sentence

# Characters that are invisible or only typographic and break word matching when left in:
# zero-width space and word joiner, BOM, soft hyphen, Mongolian vowel separator, the
# left-to-right / right-to-left marks, and the bidi embeddings, overrides and isolates (which
# can also make a terminal show a sentence backwards, or spill into the next column), and the
# invisible "tag" characters that can smuggle hidden text. ZWJ and ZWNJ stay: Persian, Indic
# scripts and emoji need them.
_INVISIBLE = dict.fromkeys(
    [
        *map(ord, "\u200b\u2060\ufeff\u00ad\u180e\u200e\u200f\u061c"),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        *range(0xE0000, 0xE0080),
    ],
    None,
)
# Every kind of horizontal space becomes a plain space (NBSP, narrow NBSP, figure space, ...).
_SPACES = re.compile(r"[^\S\n]+")
_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Terminal escape sequences (CSI, OSC with its terminator, two-character escapes), each with a
# bounded length so that a stray ESC costs nothing, then the other C0/C1 control characters.
# Input text must never drive a reader's terminal; the renderers strip them again.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]{0,64}[ -/]{0,16}[@-~]|\x9b[0-?]{0,64}[ -/]{0,16}[@-~]"
    r"|\x1b\][^\x07\x1b\n]{0,4096}(?:\x07|\x1b\\)|\x1b[ -/]{0,4}[0-~]?"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# A lone surrogate (from a file name decoded with surrogateescape, say) cannot be written as
# UTF-8: it would break every output format.
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def normalize(text: str) -> str:
    """Return ``text`` in the form readouts works on.

    Line ends become ``\\n``, invisible characters and control sequences go, runs of spaces
    become one space, lines are stripped, and paragraphs are separated by one blank line. A
    text that uses blank lines between paragraphs is taken to be hard-wrapped, so its single
    line breaks become spaces; otherwise every line is a paragraph (as text copied from a web
    page is). The result is in NFC, and ``normalize(normalize(t)) == normalize(t)``.

    >>> normalize("Hello,\\u00a0world\\u00ad!\\r\\nSecond  line.")
    'Hello, world!\\n\\nSecond line.'
    >>> normalize("A wrapped\\nparagraph.\\n\\nAnother.")
    'A wrapped paragraph.\\n\\nAnother.'
    >>> normalize("A headline\\nA paragraph copied from a page.\\n")
    'A headline\\n\\nA paragraph copied from a page.'
    >>> normalize("\\x1b[31mRed\\x1b[0m alert\\x07 and Cafe\\u0301.")
    'Red alert and Café.'
    """
    text = _LINE_ENDS.sub("\n", text.translate(_INVISIBLE))
    text = _CONTROLS.sub("", _ESCAPES.sub("", text))
    text = _SPACES.sub(" ", _SURROGATES.sub("\ufffd", text))
    lines = [line.strip() for line in text.split("\n")]
    # Only a blank line between two paragraphs says "hard-wrapped": the newline that ends
    # almost every file, or blank lines before the text, say nothing.
    inner = _inner(lines)
    hard_wrapped = any(not line for line in inner) and any(
        a and b for a, b in itertools.pairwise(inner)
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
    # NFC last: composing after the removals above means a mark that was separated from its
    # letter by a removed character is composed too, so normalising twice changes nothing.
    return unicodedata.normalize("NFC", "\n\n".join(paragraphs))


def _inner(lines: list[str]) -> list[str]:
    """``lines`` without the blank lines before the first and after the last non-blank one."""
    first = next((i for i, line in enumerate(lines) if line), len(lines))
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i]), -1)
    return lines[first : last + 1]


# Abbreviations that end with a period but rarely end a sentence (lower-cased, without the
# final period). Single letters (initials: "V. Putin", "В. В. Путин") are handled separately.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov pres amb st mt rev hon jr sr
    no nos nr vol vols art arts para paras sec fig pp p ed eds approx est dept univ inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    e.g i.e etc vs cf al a.m p.m u.s u.k u.n e.u u.s.a d.c
    г гг т.е т.д т.п т.к им ул пр см стр рис др проф акад ген млн млрд тыс руб долл
    янв фев февр мар апр авг сен сент окт нояб дек
    """.split()
)
_CLOSERS = "\"'”’»)]}›」』"
# A sentence ends at . ! ? … (possibly repeated, possibly followed by closing quotes or
# brackets) before whitespace, or at Armenian verjaket / Chinese full stops without whitespace.
# The look-behind and the possessive runs make a match start only at the first mark of a run
# and never give characters back: a paragraph of 200,000 periods is read once, not once per
# period.
# Arabic and Urdu question mark and full stop, and the Devanagari danda, also end sentences.
_END = re.compile(
    r"(?<![.!?…؟۔।॥])[.!?…؟۔।॥]++[" + re.escape(_CLOSERS) + r"]*+(?=\s)"
    r"|[։。！？]++[" + re.escape(_CLOSERS) + r"]*+"
)
# After a period, a sentence goes on only if the next word starts with a lower-case letter or
# with one of these; anything else (a capital, a digit, a letter of a script without case, an
# emoji, a quote) starts a new sentence.
_GOES_ON = frozenset(",;:-–—)]}%/&")
# The word before a period is looked for in this many characters: every abbreviation, initial
# and paragraph number is shorter, and a bounded look keeps the splitter linear.
_LOOK_BACK = 24
_WORD_BEFORE = re.compile(r"[\w.]+$")
# The first characters of what follows a sentence end (bounded for the same reason).
_NEXT = re.compile(r"\s*(\S{0,12})")
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]$")
_ENDS_SENTENCE_AFTER = frozenset({"u.s", "u.k", "u.n", "e.u", "etc", "u.s.a", "d.c"})
# German writes ordinal numbers with a period ("am 25. Juni", "ein 18. Sanktionspaket", "des
# 81. Jahrestages"), and its nouns start with a capital: a number of up to three digits ends
# no sentence when a month follows it or an article or preposition stands before it.
_MONTHS_AFTER_ORDINAL = frozenset(
    "januar jänner februar märz april mai juni juli august september oktober november "
    "dezember".split()
)
_BEFORE_ORDINAL = frozenset(
    "am im zum zur vom beim des dem den der die das ein eine einem einen einer eines seit "
    "bis ab".split()
)
_WORD_BEFORE_NUMBER = re.compile(r"(\w+)\s+$")
_SENTENCE_STARTERS = frozenset({"the", "this", "he", "she", "they", "it", "we"})


def _is_boundary(paragraph: str, match: re.Match[str], start: int) -> bool:
    end_text = match.group()
    if end_text[0] != ".":
        return True
    # A period: decide whether it ends a sentence or an abbreviation / initial / number.
    before = _WORD_BEFORE.search(paragraph, max(0, match.start() - _LOOK_BACK), match.start())
    token = before.group() if before else ""
    following = _NEXT.match(paragraph, match.end())
    word = following.group(1) if following else ""
    if not word:
        return True
    nxt = word[0]
    if before is not None and token:
        low = token.lower().rstrip(".")
        if _PARAGRAPH_NUMBER.match(token + ".") and _first_in_sentence(paragraph, start, before):
            # "1. The sides agreed ... 2. They met": a point's number, kept with its text
            return False
        if len(token) == 1 and token.isalpha() and token.isupper():
            return False  # an initial: "V. Putin", "Nikol V. Pashinyan"
        if token.isdigit() and len(token) <= 3 and _ordinal(paragraph, before, word):
            return False
        if low in ABBREVIATIONS or "." in token.rstrip("."):
            # "Mr. Putin", "U.S. officials": only a boundary if the next word clearly starts a
            # sentence after an abbreviation that often ends one ("...in the U.S. The ...").
            return low in _ENDS_SENTENCE_AFTER and _starts_sentence(word)
    return not (nxt.islower() or nxt in _GOES_ON)


def _ordinal(paragraph: str, number: re.Match[str], following: str) -> bool:
    """Whether ``number`` (followed by a period and ``following``) is a German ordinal."""
    if following.rstrip(".,;:").lower() in _MONTHS_AFTER_ORDINAL:
        return True
    before = _WORD_BEFORE_NUMBER.search(
        paragraph, max(0, number.start() - _LOOK_BACK), number.start()
    )
    return before is not None and before.group(1) in _BEFORE_ORDINAL


def _first_in_sentence(paragraph: str, start: int, token: re.Match[str]) -> bool:
    """Whether ``token`` is the first thing in the sentence that began at ``start``."""
    gap = token.start() - start
    return gap <= 0 or (gap <= 4 and paragraph[start : token.start()].isspace())


def _starts_sentence(word: str) -> bool:
    return word[:1].isupper() and word.lower() in _SENTENCE_STARTERS


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
            if _is_boundary(paragraph, match, start):
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

# Apostrophes and hyphens unified; the circumflex, which Turkish writes or leaves out at will
# (güzergâh/güzergah), and the Russian ё, which most texts write е (Чёрное/Черное), dropped;
# the dot that case-folding leaves on Turkish "İ" ("İkili" -> "i̇kili") removed.
_FOLD = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "â": "a", "î": "i", "û": "u", "ё": "е"}
    | {"\u0307": None}
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


_CYRILLIC = re.compile("[\u0400-\u04ff]")
# The apostrophe as typed, as typeset, as a misused opening quote, and as the letter ʼ.
_APOSTROPHES = ("'", "’", "‘", "ʼ")


# Readouts repeat their words: each distinct word is split and folded once (bounded, so that
# a batch of thousands of readouts keeps flat memory).
@lru_cache(maxsize=1 << 15)
def elision(word: str) -> tuple[int, int]:
    """The part of ``word`` that is the word itself, as (start, end) offsets.

    "l'Ukraine", "d'énergie": an elided article before the word; "Azerbaijan's",
    "Türkiye'nin", "AB'nin": a possessive or case ending after it (Turkish writes endings of
    names after an apostrophe). In Ukrainian the apostrophe is inside the word ("перемир'я").

    >>> elision("l'OTAN"), elision("AB'nin"), elision("Kyiv’s"), elision("перемир'я")
    ((2, 6), (0, 2), (0, 4), (0, 9))
    """
    at = max(word.find(mark) for mark in _APOSTROPHES)
    if at <= 0 or at == len(word) - 1 or _CYRILLIC.search(word):
        return 0, len(word)
    head = word[:at]
    # An elided article is one or two letters, in lower case or a capital at the start of a
    # sentence ("L'Ukraine"); "AB" in "AB'nin" is an abbreviation with a Turkish ending.
    if len(head) <= 2 and not (len(head) == 2 and head.isupper()):
        return at + 1, len(word)
    return 0, at


@lru_cache(maxsize=1 << 15)
def fold(word: str) -> str:
    """The matching key of a word: case-folded, apostrophes unified, elided article and
    possessive or case ending dropped (see :func:`elision`).

    >>> fold("Azerbaijan’s"), fold("NAGORNO‑KARABAKH"), fold("l'Ukraine"), fold("Türkiye'nin")
    ('azerbaijan', 'nagorno-karabakh', 'ukraine', 'türkiye')
    >>> fold("İkili"), fold("güzergâh"), fold("Чёрном")
    ('ikili', 'güzergah', 'черном')
    """
    start, end = elision(word)
    return word[start:end].casefold().translate(_FOLD)


# Chinese runs and the Latin letters or digits written against them ("推动RCEP实施") are
# separate words.
_SPLIT_WORD = re.compile(
    r"[^\W\u3400-\u9fff\uf900-\ufaff]+(?:['’][^\W\u3400-\u9fff\uf900-\ufaff]+)*"
    r"|[\u3400-\u9fff\uf900-\ufaff]+"
)


class Word(NamedTuple):
    """A word of a sentence for matching: hyphenated compounds are split into their parts.
    (A named tuple, not a dataclass: a long readout has tens of thousands of them.)"""

    key: str
    text: str
    start: int
    end: int

    @property
    def is_caps(self) -> bool:
        return self.text.isupper()


@lru_cache(maxsize=1 << 14)
def words(text: str) -> tuple[Word, ...]:
    """Matching words of ``text`` (cached: the two readouts of a call, and a corpus, repeat
    sentences, and every sentence's words are asked for by several passes).

    >>> [w.key for w in words("Nagorno-Karabakh’s EU-brokered talks")]
    ['nagorno', 'karabakh', 'eu', 'brokered', 'talks']
    >>> [(w.text, w.start) for w in words("avec l'OTAN")]
    [('avec', 0), ('OTAN', 7)]
    """
    if "'" not in text and "’" not in text:
        # Most sentences: no apostrophe, so every word is its own text. This runs once per
        # word of every readout: built by C loops (map, zip), not a Python loop per word.
        found = list(_SPLIT_WORD.finditer(text))
        texts = list(map(re.Match.group, found))
        return tuple(
            map(
                tuple.__new__,
                itertools.repeat(Word),
                zip(
                    map(fold, texts),
                    texts,
                    map(re.Match.start, found),
                    map(re.Match.end, found),
                    strict=True,
                ),
            )
        )
    out = []
    for m in _SPLIT_WORD.finditer(text):
        word = m.group()
        at = m.start()
        if "'" in word or "’" in word:
            # An elided article or a case ending ("l'OTAN", "ABD'nin") is not part of the
            # word's text: the word is capitalised, or in capitals, as a name should be.
            start, end = elision(word)
            out.append(Word(fold(word), word[start:end], at + start, at + end))
        else:
            out.append(Word(fold(word), word, at, at + len(word)))
    return tuple(out)


def has_han(text: str) -> bool:
    """Whether ``text`` has Chinese characters (matched by substring, having no spaces)."""
    return _HAN.search(text) is not None
