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

import bisect
import itertools
import operator
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, utils

from readouts.config import Config
from readouts.lexicon import (
    Lexicon,
    TopicDef,
    chinese_words,
    languages,
    pad_languages,
    said_as,
    stopwords,
    translated_phrases,
    translations,
)
from readouts.model import Initiator, Mention, Readout
from readouts.text import Word, fold, has_han, words

# Discovery and query resolution compare words by their first letters (inflection-blind).
_STEM = 6
_HYPHENS = frozenset("-‐‑")
# ---------------------------------------------------------------- compiled aliases


class Term(NamedTuple):
    """One word of an alias. ``caps``: must match in capitals; ``name``: may match
    transliteration variants; ``endings``: see ``_latin_inflection``. (A named tuple: the
    lexicon compiles tens of thousands of them at start-up.)"""

    key: str
    caps: bool
    name: bool
    #: The alias's language when it inflects with a closed set of endings (see ``_ENDINGS``),
    #: else "" (plain prefix rule).
    endings: str = "en"
    #: Under the prefix rule, how many final letters of the alias word a form may replace,
    #: and how many letters it may have after what it shares with the alias word.
    max_drop: int = 3
    max_add: int = 3
    #: What an inflected form may do to the letters it replaces (see ``_stem_rule``): "whole",
    #: keep as many; "turkic", keep their consonants; "short", follow a three-letter stem with
    #: up to two letters; "root", also share a long root; "compound", also stand as part of a
    #: German compound; "prefix", also begin one; "": no more than ``max_drop`` says.
    stem_rule: str = ""
    #: A later word of a name of capitalised words, which readouts also write in small
    #: letters, as it is ("the Korean peninsula"; but "Western banks" is not the West Bank).
    small_ok: bool = False


class Alias(NamedTuple):
    """An alias compiled for matching: its content words, or a Chinese substring."""

    text: str
    terms: tuple[Term, ...]
    han: bool
    related: bool
    #: True when the alias is one content word with function words around it ("in touch",
    #: "the missing"): then the function words carry the meaning and must be there, in order.
    phrase: bool = False
    #: Pairs of term positions that must be adjacent in the text: the parts of a hyphenated
    #: word ("two-state solution" is not "two heads of state ... a political solution").
    joined: tuple[tuple[int, int], ...] = ()
    #: How many words the alias has, small words included.
    size: int = 1
    #: The order in which to look up the terms: content words first, stop words last.
    lookup_order: tuple[int, ...] = (0,)


def compile_alias(
    text: str,
    *,
    related: bool = False,
    language: str = "",
    config: Config = Config(),
    loose: bool = False,
) -> Alias | None:
    """Compile one alias; None if it has no usable words. ``loose``: a word of the user's
    question, whose Russian and Ukrainian forms may share a long root (see ``_stem_rule``).

    >>> [t.key for t in compile_alias("blockade of the Lachin corridor").terms]
    ['blockade', 'lachin', 'corridor']
    """
    if has_han(text):
        return Alias(text, (), True, related)
    all_words = words(text)
    stop = stopwords()
    # An abbreviation in capitals is content even when its lower case is a function word
    # (Russian "ПРО", missile defence, against "про", about).
    # Nor is part of a hyphenated word: "de-escalation" is not "escalation".
    content = [
        w
        for w in all_words
        if w.key not in stop or w.is_caps or text[w.end : w.end + 1] in _HYPHENS
    ] or all_words
    if not content:
        return None
    phrase = len(content) == 1 and len(all_words) > 1
    if phrase:
        content = all_words
    # A name of several capitalised words ("West Bank", "Union State", "New START", "Corée du
    # Nord") is a fixed phrase, small words included: in any order its words are ordinary
    # words ("Western banks", "European Union member states"). Not in German, which
    # capitalises every noun ("Normalisierung der Beziehungen" is not a name).
    name = language != "de" and len(content) > 1 and all(w.text[:1].isupper() for w in content)
    if name:
        phrase = True
        content = all_words[all_words.index(content[0]) : all_words.index(content[-1]) + 1]
    several = len(content) > 1
    terms = tuple(
        _term(w.key, w.text, language, several, loose, name and k > 0, config)
        for k, w in enumerate(content)
    )
    position = {id(w): k for k, w in enumerate(content)}
    joined = tuple(
        (position[id(w)], position[id(nxt)])
        for w, nxt in itertools.pairwise(all_words)
        if id(w) in position and id(nxt) in position and text[w.end : nxt.start] in _HYPHENS
    )
    order = tuple(sorted(range(len(terms)), key=lambda k: terms[k].key in stop))
    return Alias(text, terms, False, related, phrase, joined, len(all_words), order)


@cache
def _term(
    key: str, text: str, language: str, several: bool, loose: bool, small_ok: bool, config: Config
) -> Term:
    """The term of an alias word (computed once: the lexicon's aliases share most words)."""
    word = Word(key, text, 0, len(text))
    return Term(
        key=key,
        caps=word.is_caps and len(key) <= 5 and not key.isdigit(),
        name=text[:1].isupper(),
        endings=(language or "en") if (language or "en") in _ENDINGS else "",
        max_drop=_max_drop(language, word, config),
        max_add=_MAX_ADD.get(language, config.max_suffix),
        stem_rule=_stem_rule(language, word, several=several, loose=loose),
        small_ok=small_ok,
    )


# How many final letters of an alias word an inflected form may replace, by language. Russian
# and Ukrainian case endings replace at most two ("санкции" is not "Санкт-", "Вене" not
# "Венеции"); Turkish and Azerbaijani add suffixes and change little of what is there
# ("Qarabağ" is not "Qaradağ", "blokada" not "bloklar"); Armenian noun forms may replace three
# ("սահմանազատում"/"սահմանազատման").
_MAX_DROP = {"ru": 2, "uk": 2, "tr": 2, "az": 2}
_HY_NOUN_SUFFIX = "ություն"
# In a phrase, a shared start this long is one root in Russian and Ukrainian, whatever follows
# it (up to _ROOT_ENDING letters).
_ROOT = 7
_ROOT_ENDING = 6
_CYRILLIC_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщґ")
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяіїє")
# ...and how many letters a form may add: Turkish and Azerbaijani stack suffixes ("esir
# takası" / "esir takasları", "Qarabağ" / "Qarabağdakı").
_MAX_ADD = {"tr": 5, "az": 5}


def _max_drop(language: str, word: Word, config: Config) -> int:
    if not language and "\u0400" <= word.key[:1] <= "\u04ff":
        language = "ru"  # a user's alias in Cyrillic
    if language == "hy" and word.text[:1].isupper() and not word.key.endswith(_HY_NOUN_SUFFIX):
        # An Armenian name keeps its letters and adds its case ending ("Նիկոսիա"/"Նիկոսիայի"):
        # "Նիկոսիա" (Nicosia) is not "Նիկոլ". Only the -ություն of "Հանրապետություն" changes.
        return 1
    return min(config.max_suffix, _MAX_DROP.get(language, config.max_suffix))


def _stem_rule(language: str, word: Word, *, several: bool = False, loose: bool = False) -> str:
    """A Russian or Ukrainian name ending in a hard consonant keeps all its letters, or trades
    a vowel for one, in every case ("Судан"/"Суданом", "Египет"/"Египта", "Харків"/"Харкова"):
    "суда" (of a court) is not Sudan, "трамвай" is not Trump. Turkish and Azerbaijani
    replace suffix vowels and soften a last consonant ("ilhak"/"ilhağı", "şehir"/"şehri"),
    they do not lose it: "İlham" is not "ilhakı" (annexation). A stem of three letters, too
    short to inflect alone ("мир" is not "мировой"), takes a short case ending in a phrase of
    several ("սահմանային անցման կետ" finds "կետի", "морской путь" finds "пути") or as a word
    of a question ("visit", "այց", finds "այցով"): "short".
    In a Russian or Ukrainian phrase or question, a word shares its long root with the noun
    or adjective of the same subject ("экономическое сотрудничество" / "сотрудничества в
    экономике"): "root". A lexicon alias of one word does not ("миротворчество",
    peacemaking, is not "миротворческий", of peacekeeping). A German word of a question is
    also the last part of a compound ("Zölle" / "Zusatzzölle", "Angriffe" / "Luftangriffe"):
    "compound". A long German word alone in an alias begins compounds ("Wasserstoff" /
    "Wasserstoffallianz"): "prefix"."""
    short = len(_short_stem(word.key)) == 3
    if (several or loose) and short and language in _SHORT_ENDINGS and not word.is_caps:
        return "short"
    if loose and language == "de" and len(word.key) >= _COMPOUND_HEAD:
        return "compound"
    if language == "de" and not several and len(word.key) >= _COMPOUND_FIRST:
        return "prefix"
    if language in ("tr", "az"):
        return "turkic"
    if (
        (several or loose)
        and language in ("ru", "uk")
        and len(word.key) >= _ROOT
        and not word.text[:1].isupper()
    ):
        return "root"
    if (
        (language in ("ru", "uk") or (not language and "\u0400" <= word.key[:1] <= "\u04ff"))
        and word.text[:1].isupper()
        and word.key[-1:] in _CYRILLIC_CONSONANTS
    ):
        return "whole"
    return ""


# The shortest German word found as part of a compound ("Rat" is not in "Vorrat"), and the
# fewest letters a compound adds to its first part ("Energiepreise", not "Energien"), and
# the shortest lexicon alias that begins compounds.
_COMPOUND_HEAD = 5
_COMPOUND_REST = 4
_COMPOUND_FIRST = 8
# Languages whose three-letter stems take case endings of up to two letters in a phrase.
_SHORT_ENDINGS = frozenset({"ru", "uk", "hy", "tr", "az"})


def _short_stem(key: str) -> str:
    """A word without the soft sign or й that its case endings replace ("путь": "пут"), or
    the ending of a five-letter Russian or Ukrainian adjective ("очная": "очн")."""
    if len(key) == 4 and key[-1] in "ьй":
        return key[:-1]
    if len(key) == 5 and key[-2:] in _ADJECTIVE_ENDINGS:
        return key[:3]
    return key


_ADJECTIVE_ENDINGS = frozenset("ая ое ый ий ой ые яя ій".split())


# Turkish and Azerbaijani consonants and what they soften to before a vowel.
_SOFTENED = {"k": "ğy", "q": "ğ", "p": "b", "t": "d", "ç": "c"}
_TURKIC_VOWELS = frozenset("aeıioöuüə")


def _keeps_consonants(replaced: str, rest: str) -> bool:
    """Whether every consonant of ``replaced`` is still in ``rest`` (or softened there), or
    ``replaced`` is a suffix the form does without ("regionda"/"region")."""
    return not rest or all(
        c in _TURKIC_VOWELS or c in rest or any(s in rest for s in _SOFTENED.get(c, ""))
        for c in replaced
    )


@dataclass(frozen=True)
class TopicMatcher:
    """A topic with its aliases compiled."""

    topic: TopicDef
    aliases: tuple[Alias, ...]


@cache
def compile_topic(
    topic: TopicDef,
    *,
    config: Config = Config(),
    languages: frozenset[str] | None = None,
    specific: bool = False,
) -> TopicMatcher:
    """Compile a topic's name, aliases and related terms (only those :func:`_specific`
    enough if ``specific``) usable in ``languages`` (None: all)."""
    # In a readout in another language, English common words are accidents ("war" is German
    # for "was"); English names and abbreviations (NATO, Taiwan) are not.
    foreign = languages is not None and bool(languages - {"en"})
    seen: set[tuple[str, str]] = set()
    compiled: list[Alias] = []
    for text, is_related, lang in ((topic.name, False, "en"), *topic.aliases_for(languages)):
        # Case matters: "Nato" (German spelling, any capitalised word) is not "NATO". The same
        # spelling in two languages inflects by each one's rules ("Putin", Azerbaijani
        # "Putinin").
        vague = is_related and specific and not _specific(text)
        if vague or (text, lang) in seen:
            continue
        alias = compile_alias(
            text,
            related=is_related,
            language=lang,
            config=config,
            loose=topic.key.startswith("word:"),
        )
        if alias is None or (
            foreign and lang == "en" and not all(t.name or t.caps for t in alias.terms)
        ):
            continue
        seen.add((text, lang))
        compiled.append(alias)
    return TopicMatcher(topic, tuple(compiled))


@cache
def _compiled_lexicon(
    lexicon: Lexicon, config: Config, languages: frozenset[str] | None
) -> tuple[TopicMatcher, ...]:
    # Unasked, a topic is suggested only by related terms specific enough: a related word
    # alone says too much ("lifts", of machine building, in "lifting the blockade"; "grain"
    # in "the grain deal"; "reunification" of Vietnam, not of China).
    return tuple(
        compile_topic(t, config=config, languages=languages, specific=True)
        for t in lexicon.topics.values()
    )


def _specific(text: str) -> bool:
    """Whether a term is more than one ordinary word: a phrase, a name, or a Chinese word of
    three characters or more ("大熊猫", giant panda; not "沟通", communication)."""
    if has_han(text):
        return len(text) >= _HAN_SPECIFIC
    return text[:1].isupper() or len(words(text)) > 1


_HAN_SPECIFIC = 3


_HAN_LETTER = re.compile("[\u3400-\u9fff]")
# A word in Latin letters, accented ones included (up to the IPA block, which has Azerbaijani ə).
_LATIN_SCRIPT = re.compile("[a-z\u00c0-\u02af]")
_ARMENIAN_LETTER = re.compile("[\u0531-\u058f]")


def detect_languages(word_counts: Mapping[str, int]) -> frozenset[str] | None:
    """A readout's language, told from its words (matching keys) and how often each occurs,
    with English, whose names and abbreviations every readout may use; None when it cannot be
    told (then aliases of every language apply).

    >>> from collections import Counter
    >>> text = "Стороны обсудили вопросы торговли и энергетики, а также ситуацию в регионе."
    >>> sorted(detect_languages(Counter(w.key for w in words(text))))
    ['en', 'ru']
    """
    # Counted over the distinct words, not the characters of the text: this runs on every
    # readout, and a pass over every character was a tenth of a long comparison.
    letters = han = armenian = 0
    for key, n in word_counts.items():
        letters += n * sum(map(str.isalpha, key))
        if not key.isascii():
            han += n * len(_HAN_LETTER.findall(key))
            armenian += n * len(_ARMENIAN_LETTER.findall(key))
    letters = letters or 1
    if han / letters > 0.3:
        return frozenset({"zh", "en"})
    if armenian / letters > 0.3:
        return frozenset({"hy", "en"})
    counts = {
        code: sum(n for k, n in word_counts.items() if k in lang.stopwords)
        for code, lang in languages().items()
    }
    if not counts:
        return None
    best = max(sorted(counts), key=lambda code: counts[code])
    # A handful of function words is not evidence: too short a text to tell.
    if counts[best] < 3:
        return None
    return frozenset({best, "en"})


# ---------------------------------------------------------------- readout index


_MIN_STEM_INDEX = 4  # the second index's key length; Config.min_stem is at least this


class ReadoutIndex:
    """The words of one readout, indexed for matching many aliases quickly."""

    def __init__(self, readout: Readout) -> None:
        self.readout = readout
        self.sentence_words = [words(s.text) for s in readout.sentences]
        self.vocab: dict[str, list[tuple[int, int]]] = defaultdict(list)
        vocab = self.vocab  # a local name: this loop runs once per word of the readout
        for s, ws in enumerate(self.sentence_words):
            for k, w in enumerate(ws):
                vocab[w.key].append((s, k))
        self.languages = detect_languages({key: len(where) for key, where in vocab.items()})
        # Alias words are looked up among the readout's words that could match them: the same
        # word (exact), words starting with the same min_stem letters (inflection), and for
        # names words with the same transliteration key (spelling variants).
        self.by_stem: dict[str, list[str]] = defaultdict(list)
        for key in self.vocab:
            self.by_stem[key[:_MIN_STEM_INDEX]].append(key)
        self._by_translit: dict[str, list[str]] | None = None
        self._by_latin: dict[str, list[str]] | None = None
        self._by_head: dict[str, list[str]] | None = None
        self._term_cache: dict[Term, dict[int, list[tuple[int, str, float]]]] = {}

    def _candidates(self, term: Term, config: Config) -> list[str]:
        """The readout's words that ``term`` may match, by the rules of ``_word_rule``."""
        a = term.key
        if term.stem_rule == "short":
            # The three-letter stem and up to two more letters.
            if self._by_head is None:
                self._by_head = defaultdict(list)
                for key in self.vocab:
                    if len(key) <= 5:
                        self._by_head[key[:3]].append(key)
            return list(self._by_head.get(_short_stem(a), ()))
        if len(a) < max(config.min_stem, _MIN_STEM_INDEX) or term.caps:
            return [k for k in (a, *_short_forms(term)) if k in self.vocab]
        head = a[: config.min_stem]
        found = [key for key in self.by_stem.get(a[:_MIN_STEM_INDEX], ()) if key.startswith(head)]
        if term.stem_rule == "compound":
            # A question's word ends compounds: few words, so every one is looked at.
            found += [k for k in self.vocab if a[:_MIN_STEM_INDEX] in k[3:] and k not in found]
        if term.name and len(a) >= config.min_variant_len:
            if self._by_translit is None:
                # Only words long enough to be variants (see _word_rule): most words are short.
                self._by_translit = defaultdict(list)
                for key in self.vocab:
                    if len(key) >= config.min_variant_len:
                        self._by_translit[translit_key(key)].append(key)
            found += [k for k in self._by_translit.get(translit_key(a), ()) if k not in found]
        if term.name and a.isascii() and len(a) >= config.min_script_variant_len:
            # A name asked in Latin letters, written in another script in the readout
            # ("Baikonur" / "Байконуре"): compared in Latin letters, start to start.
            if self._by_latin is None:
                self._by_latin = defaultdict(list)
                for key in self.vocab:
                    if not key.isascii() and key.isalpha():
                        self._by_latin[translit_key(latin(key))[: config.min_stem]].append(key)
            found += self._by_latin.get(translit_key(a)[: config.min_stem], [])
        return found

    def expansions(self, acronym: str) -> list[str]:
        """The names this readout spells out that ``acronym`` abbreviates: "African
        Continental Free Trade Area" for AfCFTA, "Indonesia-Australia Comprehensive Economic
        Partnership Agreement" for IA-CEPA. Each capital of the acronym (with the small
        letters after it) begins a capitalised word; small words between may count or not
        ("Forum on China-Africa Cooperation", FOCAC)."""
        groups = _ACRONYM_GROUP.findall(acronym)
        found: dict[str, None] = {}
        for s, ws in enumerate(self.sentence_words):
            text = self.readout.sentences[s].text
            for k, w in enumerate(ws):
                if w.text[:1].isupper():
                    end = _spells(ws, text, k, groups)
                    if end is not None:
                        found[text[w.start : ws[end - 1].end]] = None
        return list(found)

    def find_term(self, term: Term, config: Config) -> dict[int, list[tuple[int, str, float]]]:
        """Occurrences of an alias word by sentence: {sentence: [(word position, rule,
        score)]}."""
        cached = self._term_cache.get(term)
        if cached is not None:
            return cached
        out: dict[int, list[tuple[int, str, float]]] = {}
        get = out.get  # local names: these loops run once per occurrence of a matching word
        for key in self._candidates(term, config):
            rule = _word_rule(term, key, config)
            if rule is None:
                continue
            name, score = rule
            for s, k in self.vocab[key]:
                if term.caps or term.name:
                    text = self.sentence_words[s][k].text
                    if term.caps and not text.isupper():
                        continue
                    # A capitalised alias word is a name: "Bank" in "West Bank" is not "banks".
                    if (
                        term.name
                        and not text[:1].isupper()
                        and not (term.small_ok and name == "exact")
                    ):
                        continue
                found = get(s)
                if found is None:
                    out[s] = [(k, name, score)]
                else:
                    found.append((k, name, score))
        self._term_cache[term] = out
        return out


# An acronym: capitals, each with the small letters that follow it ("AfCFTA" = Af C F T A),
# hyphens aside; at least three letters, two of them capitals.
_ACRONYM = re.compile(r"(?=(?:.*[A-Z]){2})[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*")
_ACRONYM_GROUP = re.compile(r"[A-Z][a-z]*")
# Small words a spelled-out name may hold, which its acronym may skip.
_SMALL = frozenset({"of", "the", "and", "on", "for", "in", "de", "du", "des", "la", "le", "et"})


def is_acronym(word: str) -> bool:
    """Whether ``word`` looks like an acronym: "AfCFTA", "IA-CEPA", "BNC" (not "NATO's")."""
    return (
        3 <= len(word) <= 12
        and _ACRONYM.fullmatch(word) is not None
        and not word.istitle()
        and sum(c.isupper() for c in word) * 2 >= len(word.replace("-", ""))
    )


def _spells(ws: Sequence[Word], text: str, k: int, groups: Sequence[str]) -> int | None:
    """The end (exclusive word index) of a run of words from ``k`` whose initials spell
    ``groups``, joined by spaces or hyphens only; None if there is none."""
    if not groups:
        return k
    if k >= len(ws) or (k and text[ws[k - 1].end : ws[k].start] not in _SPELL_GAPS):
        return None
    w = ws[k]
    if (w.text[:1].isupper() or w.key in _SMALL) and w.text.casefold().startswith(
        groups[0].casefold()
    ):
        end = _spells(ws, text, k + 1, groups[1:])
        if end is not None:
            return end
    if w.key in _SMALL and k + 1 < len(ws):
        return _spells(ws, text, k + 1, groups)
    return None


_SPELL_GAPS = frozenset({" ", *_HYPHENS, "–"})


# In plain Latin script (English above all) a shared prefix is not enough: "missing" and
# "mission" share five letters, "since" and Turkish "Sincan" four. There the two words may
# differ only by one ending (blockade/blockade-d, Armenia/Armenia-ns, Sanktion/Sanktion-en)
# or by a known alternation of endings (peacekeep-ers/peacekeep-ing, Chin-a/Chin-ese).
# Other languages (French "industrie"/"industrielle", Russian and Armenian cases) keep the
# plain prefix rule.
_LATIN_ENDINGS = frozenset(
    "s es e ed d ing er ers n an ans ns ian ians ese al ly y ies ied en ern em ne nes i".split()
)
_LATIN_ALTERNATIONS = frozenset(
    frozenset(pair.split("/"))
    for pair in (
        "e/ed e/ing e/es e/er e/ers er/ing ers/ing ed/ing s/ed s/ing es/ed es/ing er/ed "
        "a/ese a/an a/ans e/ian e/ians y/ies y/ied ies/ied e/en y/ed ility/le y/ily al/ality"
    ).split()
)
# A verb and its noun in -ation ("normalization"/"normalized", "evacuation"/"evacuate"), and
# the British -ise beside the American -ize ("normalisation"/"normalized", "stabilise"/
# "stabilizing").
_VERB_FORMS = ("e", "ed", "es", "ing")
_LATIN_ALTERNATIONS |= (
    frozenset(
        frozenset((noun, verb))
        for noun in ("ation", "ations")
        for verb in (*_VERB_FORMS, "ate", "ated", "ates", "ating")
    )
    | frozenset(
        # A verb and its noun in -ment ("deployment"/"deployed", "settlement"/"settling",
        # "disarmament"/"disarming").
        frozenset((noun, verb))
        for noun, forms in (
            ("ment", ("ed", "ing", "s")),
            ("ments", ("ed", "ing", "s")),
            ("ement", _VERB_FORMS),
            ("ements", _VERB_FORMS),
            ("ament", ("ed", "ing", "s")),
        )
        for verb in forms
    )
    | frozenset(
        frozenset(("s" + x, "z" + y))
        for x in ("ation", "ations", *_VERB_FORMS)
        for y in ("ation", "ations", *_VERB_FORMS)
    )
)


# French and German inflect with a few endings too; a bare shared prefix lets "passe" find
# "passeurs". Languages not listed (Russian, Ukrainian, Armenian, Turkish, Azerbaijani) inflect
# richly, and keep the plain prefix rule.
_ENDINGS = {
    "en": _LATIN_ENDINGS,
    "fr": frozenset("s x e es é ée és ées aux ale ales al ienne iennes ien iens ne nes".split()),
    "de": frozenset("e en er es n s ern em ens nen r m".split()),
}


def _latin_inflection(a: str, b: str, p: int, language: str = "en") -> bool:
    """Whether ``a`` and ``b`` (sharing their first ``p`` letters) differ only by endings.

    The stem may end a letter or two before the shared prefix does: "russische" and
    "russischer" share "russische", but the endings are "e" and "er".
    """
    endings = _ENDINGS[language]
    for q in range(p, max(p - 3, 0), -1):
        ea, eb = a[q:], b[q:]
        if not ea or not eb:
            if (ea or eb) in endings:
                return True
        elif language == "en":
            if frozenset((ea, eb)) in _LATIN_ALTERNATIONS:
                return True
        elif ea in endings and eb in endings:
            return True
    return False


# Transliteration variants of names (Pashinian/Pashinyan, Zelensky/Zelenskyy, Aliyev/Aliev)
# differ in letters that romanisation systems render differently; folding those letters
# makes the variants equal without letting unrelated names that are merely close
# (Verteidigung/Vereidigung) match.
_TRANSLIT = (
    ("kh", "h"),
    # Azerbaijani x is kh (Yevlax/Yevlakh, Xankəndi/Khankendi).
    ("x", "h"),
    # Turkish and Azerbaijani ğ is gh in Latin spellings (Ağdam/Aghdam).
    ("gh", "g"),
    ("ts", "c"),
    ("tz", "c"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("ou", "u"),
    ("ie", "i"),
    ("ye", "e"),
    ("ya", "ia"),
    # Last, so that "ts" above becomes "k" too: Latin c is k in other scripts (Macron/Макрон).
    ("c", "k"),
)


_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіїґ", "abvgdeziiklmnoprstufyeiig", strict=True)),
        **{
            "ё": "e",
            "ж": "zh",
            "х": "kh",
            "ц": "ts",
            "ч": "ch",
            "ш": "sh",
            "щ": "shch",
            "ъ": "",
            "ь": "",
            "ю": "yu",
            "я": "ya",
            "є": "ye",
        },
        # Turkish and Azerbaijani letters that have no decomposition into a Latin letter and
        # an accent (ğ, ş, ç, ö, ü do): Kəhrəmanmaraş is Kahramanmaraş, Iğdır is Igdir.
        "ə": "e",
        "ı": "i",
        **dict(zip("աբգդեզէըթիլկհմյնոպռսվտրւփքօֆ", "abgdezeytilkhmynoprsvtrupkof", strict=True)),
        **{
            "ժ": "zh",
            "խ": "kh",
            "ծ": "ts",
            "ձ": "dz",
            "ղ": "gh",
            "ճ": "ch",
            "շ": "sh",
            "չ": "ch",
            "ջ": "j",
            "ց": "ts",
            "և": "ev",
        },
    }
)


def latin(word: str) -> str:
    """A lower-case word in Latin letters: Cyrillic and Armenian transliterated, accents off.

    >>> latin("алиев"), latin("փաշինյան"), latin("erdoğan"), latin("kəhrəmanmaraş")
    ('aliev', 'pashinyan', 'erdogan', 'kehremanmaras')
    >>> latin("вьетнам"), latin("мьянма")
    ('vietnam', 'mianma')
    """
    if "ь" in word:
        # A soft sign before a vowel is the i of Latin spellings (Вьетнам, Vietnam).
        word = word.replace("ье", "ie").replace("ья", "ia").replace("ью", "iu")
    return _unaccented(word.translate(_LATIN))


def _unaccented(word: str) -> str:
    """``word`` without accents, in its own script."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 15)
def translit_key(word: str) -> str:
    """A key under which transliteration variants of a name are equal.

    >>> translit_key("pashinyan") == translit_key("pashinian")
    True
    >>> translit_key("zelenskyy") == translit_key("zelensky")
    True
    """
    for old, new in _TRANSLIT:
        word = word.replace(old, new)
    # Russian and Armenian write the u after a consonant in other languages' names as ю, յու
    # (Брюссель, Brussels).
    word = _CONSONANT_IU.sub("u", word)
    return re.sub(r"(.)\1+", r"\1", word)


_CONSONANT_IU = re.compile(r"(?<=[b-df-hj-np-tv-z])iu")


# _word_rule compares each alias name with many words, and each word with many names.


def _short_forms(term: Term) -> tuple[str, ...]:
    """The plurals of a three-letter English word, too short to inflect by stem ("Seas" in
    "the East and South China Seas", "taxes"); a number written as an English ordinal
    ("October 7th")."""
    if term.key.isdigit():
        return tuple(term.key + end for end in ("st", "nd", "rd", "th"))
    if term.endings != "en" or term.caps or len(term.key) != 3 or not term.key.isalpha():
        return ()
    return (term.key + "s", term.key + "es")


def _word_rule(term: Term, key: str, config: Config) -> tuple[str, float] | None:
    a = term.key
    if a == key:
        return ("exact", 100.0)
    if term.stem_rule == "short":
        stem = _short_stem(a)
        return ("inflection", 95.0) if key.startswith(stem) and len(key) - len(stem) <= 2 else None
    if term.caps or len(a) < config.min_stem or len(key) < config.min_stem:
        return ("inflection", 95.0) if key in _short_forms(term) else None
    p = len(os.path.commonprefix([a, key]))  # noqa: RUF071 - letters are what we compare
    if (
        p >= config.min_stem
        # A closed set of endings bounds what may differ (English "-isation"/"-ized" too).
        and (term.endings or (len(a) - p <= term.max_drop and len(key) - p <= term.max_add))
        and (
            term.stem_rule in ("", "root", "compound", "prefix")
            or (
                term.stem_rule == "whole"
                and (p == len(a) or (a[p] in _CYRILLIC_VOWELS and len(key) >= len(a)))
            )
            or (term.stem_rule == "turkic" and _keeps_consonants(a[p:], key[p:]))
        )
        and (not term.endings or _latin_inflection(a, key, p, term.endings))
    ):
        return ("inflection", 95.0)
    if term.stem_rule in ("compound", "prefix"):
        # The first part ("Energie-versorgung", "Grenz-kontrollen"), or the last: what the
        # compound starts with is then at least three letters ("Luft-angriffe").
        stem = a[:-1] if a.endswith("e") else a
        if key.startswith(stem) and len(key) - len(a) >= _COMPOUND_REST:
            return ("inflection", 85.0)
    if term.stem_rule == "compound":
        for start in range(3, len(key) - len(a) + 2):
            end = key[start:]
            q = len(os.path.commonprefix([a, end]))  # noqa: RUF071 - letters, not paths
            if end == a or (q >= len(a) - 1 and _latin_inflection(a, end, q, "de")):
                return ("inflection", 85.0)
    if (
        term.stem_rule == "root"
        and p >= _ROOT
        and len(a) - p <= _ROOT_ENDING
        and len(key) - p <= _ROOT_ENDING
    ):
        return ("inflection", 90.0)
    if term.name:
        if (
            len(a) >= config.min_variant_len
            and len(key) >= config.min_variant_len
            and translit_key(a) == translit_key(key)
        ):
            return ("variant", 90.0)
        if (
            a.isascii()
            and not key.isascii()
            and len(a) >= config.min_script_variant_len
            and len(latin(key)) >= config.min_script_variant_len
        ):
            # Accents or another script: the name in Latin letters, with the case ending it may
            # carry. In another script the last letter of a long name may change too
            # ("Путина"); in Latin letters, and in a short name, the whole name must be there
            # ("Wahlen" is not "Wähler"). A short name is spelled letter for letter, not
            # folded: "Mali" is not "малый" ("malyi").
            long = len(a) >= config.min_case_change_len
            ta, tk = (translit_key(a), translit_key(latin(key))) if long else (a, latin(key))
            p = len(os.path.commonprefix([ta, tk]))  # noqa: RUF071 - letters, not paths
            whole = len(ta) - (not _LATIN_SCRIPT.match(key) and long)
            # A name made an adjective takes a longer ending ("Батумского", "Batumi";
            # "Камбаратинской", "Kambarata").
            rest = tk[p:]
            if p >= whole and (
                len(rest) <= config.max_suffix
                or (long and rest.startswith("sk") and len(rest) <= config.max_suffix + 3)
                or (long and rest.startswith("insk") and len(rest) <= config.max_suffix + 4)
                # Ukrainian names a region after its city ("Миколаївщина", Mykolaiv).
                or (long and rest.startswith("shkhin") and len(rest) <= config.max_suffix + 6)
            ):
                return ("variant", 85.0)
    return None


# ---------------------------------------------------------------- matching


# A found mention before it becomes a Mention: (sentence, start, end, score, rule, alias,
# first word). Most found mentions lose to a better one in the same sentence, and building
# the result object only for the winners saves most of the allocations of a long readout.
_Found = tuple[int, int, int, float, str, str, int]


def find_mentions(
    index: ReadoutIndex,
    matcher: TopicMatcher,
    *,
    negation: frozenset[str],
    config: Config,
    every: list[tuple[int, int, int]] | None = None,
    apart: bool = False,
) -> tuple[Mention, ...]:
    """Every mention of a topic in a readout, at most one per sentence (the best). ``every``,
    if given, receives the span of each alias found (not of related terms), not only the best
    per sentence. With ``apart``, related terms count only when no alias is found at all."""
    best: dict[int, _Found] = {}
    by_related: dict[int, _Found] = best if not apart else {}
    for alias in matcher.aliases:
        kept = by_related if alias.related else best
        for found in _alias_mentions(index, alias, config):
            if every is not None and not alias.related:
                every.append(found[:3])
            old = kept.get(found[0])
            if old is None or (found[3], -found[1]) > (old[3], -old[1]):
                kept[found[0]] = found
    best = best or by_related
    texts = index.readout.sentences
    return tuple(
        _with_negation(
            index,
            Mention(s, start, end, texts[s].text[start:end], score, rule, alias),
            first,
            negation,
            config,
        )
        for s, start, end, score, rule, alias, first in (best[s] for s in sorted(best))
    )


def _alias_mentions(index: ReadoutIndex, alias: Alias, config: Config) -> Iterable[_Found]:
    """Mentions of one alias, with the position of each mention's first word."""
    factor = config.related_score / 100 if alias.related else 1.0
    rule_prefix = "related" if alias.related else ""
    if alias.han:
        for s, sentence in enumerate(index.readout.sentences):
            at = _han_find(sentence.text, alias.text)
            if at >= 0:
                first = bisect.bisect_left([w.start for w in index.sentence_words[s]], at)
                rule = rule_prefix or "exact"
                yield s, at, at + len(alias.text), 100.0 * factor, rule, alias.text, first
        return
    # Function words of a phrase ("Belt and Road") occur everywhere: look them up only once
    # the alias's other words are all there.
    found_at: dict[int, dict[int, list[tuple[int, str, float]]]] = {}
    for k in alias.lookup_order:
        found_at[k] = index.find_term(alias.terms[k], config)
        if not found_at[k]:
            return
    found = [found_at[k] for k in range(len(alias.terms))]
    if len(found) == 1:
        # One word (most aliases): its best occurrence in each sentence, nothing to arrange.
        for s, occurrences in found[0].items():
            k, rule, score = (
                occurrences[0]
                if len(occurrences) == 1
                else max(occurrences, key=lambda o: (o[2], -o[0]))
            )
            w = index.sentence_words[s][k]
            yield s, w.start, w.end, score * factor, rule_prefix or rule, alias.text, k
        return
    smallest: dict[int, list[tuple[int, str, float]]] = min(found, key=len)
    common = set(smallest).intersection(*found)
    for s in sorted(common):
        choice = _best_window(
            [f[s] for f in found],
            config,
            contiguous=alias.phrase,
            joined=alias.joined,
            window=min(
                config.window,
                alias.size
                * (config.related_window_per_word if alias.related else config.window_per_word),
            ),
        )
        if choice is None:
            continue
        positions, rules, score = choice
        ws = index.sentence_words[s]
        text = index.readout.sentences[s].text
        if any(
            later == earlier - 1 and text[ws[later].end : ws[earlier].start] in _HYPHENS
            for k, earlier in enumerate(positions)
            for later in positions[k + 1 :]
        ):
            continue  # the two parts of one word, the other way round: "cross-border" is no
            # "border crossing"
        first, last = min(positions), max(positions)
        in_order = positions == sorted(positions) and last - first < alias.size + 1
        if not in_order:
            rule = "words"
            score = min(score, 90.0)
        elif all(r == "exact" for r in rules):
            rule = "exact"
        elif "variant" in rules:
            rule = "variant"
        else:
            rule = "inflection"
        yield (
            s,
            ws[first].start,
            ws[last].end,
            score * factor,
            rule_prefix or rule,
            alias.text,
            first,
        )


def _han_find(text: str, word: str) -> int:
    """Where Chinese ``word`` first stands in ``text`` as a word, or -1: not where a known
    word begins before it and ends inside it (美国 "United States" is not in 拉美国家 "Latin
    American countries": 拉美 is the word there)."""
    known = chinese_words()
    at = text.find(word)
    while at >= 0:
        if not any(
            text[at - back : at - back + size] in known
            for size in range(2, 5)
            for back in range(1, min(size, at + 1))
            if size - back < len(word)
        ):
            return at
        at = text.find(word, at + 1)
    return -1


def _best_window(
    options: list[list[tuple[int, str, float]]],
    config: Config,
    *,
    contiguous: bool = False,
    joined: tuple[tuple[int, int], ...] = (),
    window: int | None = None,
) -> tuple[list[int], list[str], float] | None:
    """Pick one occurrence per alias word, all within ``window`` words (or, for
    ``contiguous``, next to each other in order; ``joined`` pairs next to each other), with
    the best score."""
    best: tuple[float, int, list[int], list[str]] | None = None
    # Aliases have a handful of words and a sentence a handful of occurrences of each, so a
    # small search is enough; cap it so that a pathological sentence stays linear.
    combos: list[tuple[list[int], list[str], float]] = [([], [], 100.0)]
    for opts in options:
        combos = [
            ([*pos, k], [*rules, rule], min(score, sc))
            for pos, rules, score in combos
            for k, rule, sc in opts[:8]
            if k not in pos
        ][:256]
    for pos, rules, score in combos:
        span = max(pos) - min(pos)
        if span > (window or config.window) or (
            contiguous and pos != list(range(pos[0], pos[0] + len(pos)))
        ):
            continue
        if any(pos[j] != pos[i] + 1 for i, j in joined):
            continue
        key = (score, -span, pos, rules)
        if best is None or key[:2] > best[:2]:
            best = (score, -span, pos, rules)
    if best is None:
        return None
    return best[2], best[3], best[0]


def _with_negation(
    index: ReadoutIndex, mention: Mention, first: int, negation: frozenset[str], config: Config
) -> Mention:
    """``mention`` flagged as negated when a negation cue stands shortly before its first
    word (position ``first`` in its sentence)."""
    ws = index.sentence_words[mention.sentence]
    before = ws[max(0, first - config.negation_window) : first]
    if any(w.key in negation for w in before):
        return Mention(
            mention.sentence,
            mention.start,
            mention.end,
            mention.text,
            mention.score,
            mention.matched_by,
            mention.alias,
            True,
        )
    return mention


@cache
def negation_words() -> frozenset[str]:
    """Single-word negation cues of every known language."""
    return frozenset(
        fold(cue) for lang in languages().values() for cue in lang.negation if " " not in cue
    )


def lexicon_mentions(
    index: ReadoutIndex,
    lexicon: Lexicon,
    config: Config,
    spans: dict[str, list[tuple[int, int, int]]] | None = None,
) -> dict[str, tuple[Mention, ...]]:
    """Mentions of every lexicon topic found in the readout, by topic id (ask-only topics
    included: the caller decides what to report). Related terms count only for a topic the
    readout names by no alias: its mentions are then all ``related`` ones (see
    :func:`related_only`). ``spans``, if given, receives for each topic found by an alias the
    span of every alias, not only the best per sentence ("the United States" where the
    sentence's mention is "American", "Kashmir" beside "Jammu")."""
    out: dict[str, tuple[Mention, ...]] = {}
    negation = negation_words()
    matchers = _compiled_lexicon(lexicon, config, index.languages)
    keys = index.vocab.keys()
    present = {k[:2] for k in keys} | {k[: config.min_stem] for k in keys}
    if any(has_han(s.text) for s in index.readout.sentences):
        present.add(_HAN_ALIAS)
    # An alias can match only if the readout has words starting as each of its words must
    # (see ReadoutIndex.find_term); testing that first skips most of the lexicon's tens of
    # thousands of aliases, which was most of the time of comparing two short readouts. The
    # aliases are filed under one of their needs: only those filed under a beginning the
    # readout has are tested at all.
    by_need = _alias_needs(lexicon, config, index.languages)
    passing: dict[int, list[tuple[int, Alias]]] = {}
    for start in present:
        for t, position, alias, need in by_need.get(start, ()):
            if need <= present:
                passing.setdefault(t, []).append((position, alias))
    used: dict[str, TopicMatcher] = {}
    for t in sorted(passing):  # in lexicon order, each topic's aliases in theirs
        aliases = [alias for _, alias in sorted(passing[t], key=operator.itemgetter(0))]
        matcher = matchers[t]
        if len(aliases) < len(matcher.aliases):
            matcher = TopicMatcher(matcher.topic, tuple(aliases))
        every: list[tuple[int, int, int]] | None = [] if spans is not None else None
        mentions = find_mentions(
            index, matcher, negation=negation, config=config, every=every, apart=True
        )
        if mentions:
            out[matcher.topic.key] = mentions
            used[matcher.topic.key] = matcher
            if spans is not None and every:
                spans[matcher.topic.key] = every
    # Places whose names begin alike (Niger, Nigeria): a word is the one's it spells more of.
    contested = {
        key
        for key in out
        if lexicon.topics[key].ask_only
        and any(r.key in out and r.key != key for r in lexicon.rivals(lexicon.topics[key].name))
    }
    claims = {key: _claims(index, (used[key],), config) for key in contested}
    for key in sorted(contested):
        others = [c for k, c in claims.items() if k != key]
        kept = tuple(m for m in out[key] if not any(_owned_by_other(m, c) for c in others))
        if kept:
            out[key] = kept
        else:
            del out[key]
            if spans is not None:
                spans.pop(key, None)
    return out


def related_only(mentions: Sequence[Mention]) -> bool:
    """Whether a lexicon topic's mentions in a readout are all through related terms: it is
    named by no alias there (see :func:`lexicon_mentions`)."""
    return all(m.matched_by == "related" for m in mentions)


_HAN_ALIAS = "\x00han"  # what a Chinese alias needs: a Chinese character in the readout


@cache
def _alias_needs(
    lexicon: Lexicon, config: Config, languages: frozenset[str] | None
) -> dict[str, list[tuple[int, int, Alias, frozenset[str]]]]:
    """(topic position, alias position, alias, needs) for every alias of the compiled topics,
    filed under its longest need: the word beginnings a readout must have for the alias to
    match are two letters for a name (variants differ after them), ``min_stem`` letters (or
    the whole word) for other words."""
    by_need: dict[str, list[tuple[int, int, Alias, frozenset[str]]]] = defaultdict(list)
    for t, matcher in enumerate(_compiled_lexicon(lexicon, config, languages)):
        for position, alias in enumerate(matcher.aliases):
            need = (
                frozenset({_HAN_ALIAS})
                if alias.han
                else frozenset(
                    w.key[:2] if w.name else w.key[: config.min_stem] for w in alias.terms
                )
            )
            by_need[max(need, key=len)].append((t, position, alias, need))
    return dict(by_need)


@dataclass(frozen=True)
class Query:
    """A user's topic question, resolved against the lexicon.

    ``alternatives`` are tried in turn ("Houthis / Red Sea shipping" has two); each is a
    conjunction of concepts that must all be mentioned in one sentence ("Lachin corridor
    blockade" is the Lachin-corridor topic and the blockade topic together). A concept is a
    lexicon topic, with all its aliases and related terms, or the user's own words.
    ``key`` is the lexicon id when the whole question is one lexicon topic. ``rivals`` are
    lexicon topics whose names begin as a name the question asks does (Nigeria and Niger):
    a word they spell more of is theirs, not the question's.
    """

    key: str
    name: str
    description: str
    category: str
    alternatives: tuple[Conjunction, ...]
    rivals: tuple[TopicDef, ...] = ()


@dataclass(frozen=True)
class Conjunction:
    """Concepts one sentence must mention together: all ``required`` ones (lexicon topics and
    names), and at least ``min_optional`` of the ``optional`` plain words ("Kharkiv strike"
    asks about Kharkiv; the readout may call it an attack)."""

    required: tuple[TopicDef, ...]
    optional: tuple[TopicDef, ...] = ()
    min_optional: int = 0


_ALTERNATIVE = re.compile(r"\s+/\s+|\s+or\s+|\s*;\s*")
_BRACKETS = re.compile(r"\(([^()]*)\)")


def resolve_query(name: str, lexicon: Lexicon, languages: frozenset[str] | None = None) -> Query:
    """Resolve ``--topic NAME[=alias|alias]`` against the lexicon; words no topic names are
    also looked up in the translation tables of ``languages`` (None: all).

    >>> from readouts.lexicon import builtin_lexicon
    >>> q = resolve_query("Lachin corridor", builtin_lexicon())
    >>> q.key, [t.key for t in q.alternatives[0].required]
    ('lachin-corridor', ['lachin-corridor'])
    >>> q = resolve_query("Lachin corridor blockade", builtin_lexicon())
    >>> [t.key for t in q.alternatives[0].required]
    ['lachin-corridor', 'blockade']
    >>> q = resolve_query("Nile talks=GERD|Nile dam", builtin_lexicon())
    >>> q.alternatives[0].required[0].aliases
    ('GERD', 'Nile dam', 'Nile talks')
    """
    base, _, extra = name.partition("=")
    base = " ".join(base.split())
    aliases = tuple(a.strip() for a in extra.split("|") if a.strip())
    whole = _lexicon_topic(base, lexicon)
    if whole is not None or aliases:
        own = whole or replace(_word(base, languages=languages), key=f"query:{base.casefold()}")
        topic = _with_aliases(own, aliases, name=base)
        alternatives: tuple[Conjunction, ...] = (Conjunction((topic,)),)
        # The user's own words, all in one sentence, answer too where the topic's aliases do
        # not ("nuclear energy": "le nucléaire dans les politiques énergétiques"); not the
        # words of a name apart ("West Bank" is not "Western banks").
        plain = [w.text for w in _content(base, stopwords())]
        if (
            whole is not None
            and not aliases
            and len(plain) >= 2
            and not all(w[:1].isupper() for w in plain)
        ):
            alternatives += (Conjunction(tuple(_word(w, languages=languages) for w in plain)),)
        rivals = (
            tuple(t for t in lexicon.rivals(topic.name) if t.key != topic.key)
            if topic.name[:1].isupper()
            else ()
        )
        return Query(topic.key, base, topic.description, topic.category, alternatives, rivals)
    # "AU mission transition (ATMIS/AUSSOM)": what is in brackets are other names for it.
    bracketed = [p for group in _BRACKETS.findall(base) for p in re.split(r"\s*/\s*", group)]
    main = " ".join(_BRACKETS.sub(" ", base).split())
    # A phrase of the translation tables ("Crimean Tatars") is one concept in the languages
    # that list it; the same words one by one are another way to find it. Runs of words are
    # taken from the front and from the back: "Armenia-Azerbaijan peace" + "treaty", or
    # "Armenia" + "Azerbaijan" + "peace treaty".
    alternatives = tuple(
        dict.fromkeys(
            _conjunction(part, lexicon, phrases, languages, from_right)
            for part in [*_ALTERNATIVE.split(main), *bracketed]
            if part.strip()
            for phrases in (translated_phrases(languages), {})
            for from_right in (False, True)
        )
    )
    # A name of capitalised words no topic knows ("Bi-National Commission") may be written
    # as its acronym (BNC).
    if is_acronym(main):
        # "IA-CEPA" is one name, though IA and CEPA apart are lexicon abbreviations.
        alternatives = (Conjunction((_word(main, languages=frozenset()),)), *alternatives)
    names = [w.text for w in words(main) if w.key not in _SMALL]
    if len(names) >= 3 and all(n[:1].isupper() and not n.isupper() for n in names):
        acronym = "".join(n[0] for n in names)
        alternatives += (Conjunction((_word(acronym, languages=frozenset()),)),)
    asked = {
        c.name
        for conjunction in alternatives
        for c in (*conjunction.required, *conjunction.optional)
        if c.key.startswith("word:") and c.name[:1].isupper()
    }
    rivals = tuple({t.key: t for n in sorted(asked) for t in lexicon.rivals(n)}.values())
    return Query(f"query:{base.casefold()}", base, "", "", alternatives, rivals)


def spelled_out(name: str, indexes: Sequence[ReadoutIndex]) -> list[str]:
    """``name`` with an acronym in it replaced by the name either readout spells out for it:
    the English readout's "High-Level Strategic Cooperation Council (HLSCC)" lets a question
    about the HLSCC find "Yüksek Düzeyli Stratejik İşbirliği Konseyi" in the Turkish one."""
    base = name.partition("=")[0]
    found: dict[str, None] = {}
    for w in words(base):
        if is_acronym(w.text):
            for index in indexes:
                for long in index.expansions(w.text):
                    found[base[: w.start] + long + base[w.end :]] = None
    return list(found)


def _with_aliases(topic: TopicDef, aliases: tuple[str, ...], *, name: str) -> TopicDef:
    """``topic`` under the user's name, with the user's aliases (usable in any language)."""
    return replace(
        topic,
        name=name,
        aliases=aliases + topic.aliases,
        alias_languages=("",) * len(aliases) + pad_languages(topic.alias_languages, topic.aliases),
    )


def _with_said(topic: TopicDef, run: str, languages: frozenset[str] | None) -> TopicDef:
    """``topic`` also as the translation tables say the user's words ``run``."""
    said = said_as(run, languages)
    return replace(
        topic,
        aliases=topic.aliases + tuple(form for _, form in said),
        alias_languages=pad_languages(topic.alias_languages, topic.aliases)
        + tuple(code for code, _ in said),
    )


def _lexicon_topic(phrase: str, lexicon: Lexicon) -> TopicDef | None:
    """The lexicon topic named by ``phrase``: by id, name or alias, else by the same content
    words in any order and inflection ("peacekeeper" finds "peacekeepers", but "energy
    transit" is not "energy transition"). Related terms do not name a topic: "Rafah" is a
    place in Gaza, not another name for it."""
    found = lexicon.find(phrase)
    if found is not None:
        return found
    asked = _english_keys(phrase)
    if not asked or all(k.isdigit() for k in asked):
        return None  # a number names no topic ("CHP-3" is not the 3+3 platform)
    for alias, topic in _stem_sets(lexicon).get(frozenset(k[:_STEM] for k in asked), ()):
        if all(any(_inflected(a, b) for b in alias) for a in asked):
            return topic
    return None


def _content(text: str, stop: frozenset[str]) -> list[Word]:
    """The words of ``text`` that carry content: not in ``stop``, or capitals ("US")."""
    return [w for w in words(text) if w.key not in stop or w.is_caps]


def _english_keys(text: str) -> list[str]:
    """The keys of the words of English ``text`` that carry content in English: a small word
    of another language may be an English content word ("car exports" is not "exports")."""
    return [w.key for w in _content(text, languages()["en"].stopwords)]


def _inflected(a: str, b: str) -> bool:
    """Whether English words ``a`` and ``b`` are forms of one word (the same, or differing by
    endings: "peacekeeper"/"peacekeepers"), not merely sharing a stem ("transit"/"transition")."""
    if a == b:
        return True
    p = len(os.path.commonprefix([a, b]))  # noqa: RUF071 - letters, not paths
    return p >= min(len(a), len(b), _STEM) and _latin_inflection(a, b, p)


@cache
def _stem_sets(lexicon: Lexicon) -> dict[frozenset[str], list[tuple[list[str], TopicDef]]]:
    """The names and English aliases of the topics (their content words) by the stems of
    those words. Only English: word stems of other languages collide with English words
    ("Exportkontrolle" and "exports" share six letters); a question in another language names
    a topic by an exact alias."""
    out: dict[frozenset[str], list[tuple[list[str], TopicDef]]] = {}
    for topic in lexicon.topics.values():
        languages = pad_languages(topic.alias_languages, topic.aliases)
        english = [
            a for a, lang in zip(topic.aliases, languages, strict=True) if lang in ("en", "")
        ]
        for alias in (topic.name, *english):
            keys = _english_keys(alias)
            if keys:
                out.setdefault(frozenset(k[:_STEM] for k in keys), []).append((keys, topic))
    return out


# "Putin visit to Turkey", "Lukashenko's 2024 state visit to Azerbaijan", "visit to Minsk": a
# visit is asked by the visit and where it goes. Readouts name the visitor by title or
# pronoun ("the President of Russia", "his visit to Kyiv"); the two names in one sentence
# without a visit are a call or a meeting, or the visit the other way.
_VISIT = re.compile(
    r"(?:(?P<who>.+?)(?:['’]s)?\s+)?(?:\d{4}\s+)?(?:state\s+|official\s+)?"
    r"(?P<visit>visits?|trip)\s+to\s+(?P<where>.+)",
    re.IGNORECASE,
)


def _conjunction(
    phrase: str,
    lexicon: Lexicon,
    phrases: Mapping[str, str],
    languages: frozenset[str] | None = None,
    from_right: bool = False,
) -> Conjunction:
    """Split a phrase into the longest runs of words, taken from its start (or, with
    ``from_right``, from its end), that name lexicon topics (required, also
    as the translation tables say the run: "meeting" is the summit topic, and German
    "Treffen") or ``phrases`` of the translation tables (see :func:`translated_phrases`);
    the words left over are matched as themselves, in English and as the tables of
    ``languages`` say them: capitalised ones (names) are required, of the others at least
    half (with no name or topic, the longest and all but one of the others). Generic head
    nouns ("Sudan crisis", "Taiwan question") add nothing to a topic the lexicon knows and
    are dropped. A visit somewhere needs the visit and the place; the visitor may be named
    or not."""
    whole = _lexicon_topic(phrase, lexicon)
    if whole is not None:
        return Conjunction((_with_aliases(whole, (phrase,), name=phrase),))
    visit = _VISIT.fullmatch(phrase)
    if visit:
        where = _conjunction(visit["where"], lexicon, phrases, languages, from_right)
        who = (
            _conjunction(visit["who"], lexicon, phrases, languages, from_right)
            if visit["who"]
            else None
        )
        return Conjunction(
            (_word(visit["visit"], languages=languages), *where.required),
            (*(who.required if who else ()), *where.optional),
            where.min_optional,
        )
    # An abbreviation in capitals is a name even when its lower case is a stop word ("US").
    ws = [w.text for w in _content(phrase, stopwords()) or words(phrase)]
    concepts: list[TopicDef] = []
    # Words (or phrases of the translation table, "code of conduct") no topic names, with
    # the English they are looked up as.
    leftover: list[tuple[str, str]] = []
    runs: list[tuple[int, str, TopicDef | None, str]] = []
    lo, hi = 0, len(ws)
    while lo < hi:
        for size in range(hi - lo, 0, -1):
            start = hi - size if from_right else lo
            run = " ".join(ws[start : start + size])
            topic = _lexicon_topic(run, lexicon)
            if topic is None and size > 1 and run.casefold() not in phrases:
                continue
            english = phrases[run.casefold()] if topic is None and size > 1 else run
            runs.append((start, run, topic, english))
            if from_right:
                hi -= size
            else:
                lo += size
            break
    for _, run, topic, english in sorted(runs, key=lambda r: r[0]):
        if topic is not None:
            concepts.append(_with_said(_with_aliases(topic, (run,), name=run), run, languages))
        else:
            leftover.append((run, english))
    if concepts:
        generic = generic_nouns()
        leftover = [(w, e) for w, e in leftover if fold(w) not in generic]
    names = [_word(w, e, languages) for w, e in leftover if w[:1].isupper()]
    plain = [_word(w, e, languages) for w, e in leftover if not w[:1].isupper()]
    required = concepts + names
    if not required and plain:
        # Nothing but plain words: the longest pin the question down (longer words are the
        # rarer), and of the others one may be missing: "giant pandas" is answered by
        # "pandas", "autonomy plan" by "the autonomy initiative", "seized firearms" by
        # "firearms were confiscated". Measured on the annotated samples, requiring every
        # word missed 17 true mentions this finds, for one false one.
        most = max(len(p.name) for p in plain)
        longest = tuple(p for p in plain if len(p.name) == most)
        rest = tuple(p for p in plain if len(p.name) < most)
        return Conjunction(longest, rest, max(0, len(rest) - 1))
    # Topics and names pin the subject down; the readout may describe the rest in other
    # words or another language ("Kharkiv strike" / "the attack on a shopping centre in
    # Kharkiv", "EU-Mercosur agreement" / "EU-Mercosur negotiations"), so half is enough.
    # Measured on the annotated samples, requiring every plain word lost more true mentions
    # than it removed false ones.
    return Conjunction(tuple(required), tuple(plain), len(plain) // 2)


def _word(
    word: str, english: str | None = None, languages: frozenset[str] | None = None
) -> TopicDef:
    """A concept that is the user's word, usable in a readout of any language, with how
    readouts in ``languages`` say it (the translation tables' entry for ``english``, by
    default the word itself)."""
    said = said_as(english or word, languages)
    spelled = _other_spellings(word)
    return TopicDef(
        key=f"word:{word.casefold()}",
        name=word,
        aliases=(word, *spelled, *(form for _, form in said)),
        alias_languages=("",) * (1 + len(spelled)) + tuple(code for code, _ in said),
    )


# British and American spellings of one English word (the other way round too, where the
# ending says which): "defence"/"defense", "labour"/"labor", "centre"/"center",
# "programme"/"program", "dialogue"/"dialog".
_SPELLINGS = (
    ("ence", "ense"), ("ense", "ence"), ("our", "or"), ("or", "our"), ("tre", "ter"),
    ("amme", "am"), ("ogue", "og"),
)  # fmt: skip


def _other_spellings(word: str) -> tuple[str, ...]:
    """The other spellings of a lower-case English word of five letters or more."""
    if len(word) < 5 or not word.isascii() or not word.isalpha() or not word.islower():
        return ()
    return tuple(word[: -len(old)] + new for old, new in _SPELLINGS if word.endswith(old))


def find_query_mentions(
    index: ReadoutIndex, query: Query, *, negation: frozenset[str], config: Config
) -> tuple[Mention, ...]:
    """Mentions of a query: sentences where every concept of one alternative is mentioned."""
    best: dict[int, Mention] = {}
    # A rival name's mentions own the words they are closer to ("Nigéria" is Nigeria's,
    # "Niger" stays the asked Niger's).
    rivals = _claims(
        index,
        (compile_topic(t, config=config, languages=index.languages) for t in query.rivals),
        config,
    )

    def mentions_of(concept: TopicDef) -> dict[int, Mention]:
        if concept.key.startswith("word:") and is_acronym(concept.name):
            # The user's acronym, where the readout spells the name out.
            spelled = tuple(index.expansions(concept.name))
            concept = replace(
                concept,
                aliases=concept.aliases + spelled,
                alias_languages=pad_languages(concept.alias_languages, concept.aliases)
                + ("",) * len(spelled),
            )
        matcher = compile_topic(concept, config=config, languages=index.languages)
        found = find_mentions(index, matcher, negation=negation, config=config)
        return {m.sentence: m for m in found if not _owned_by_other(m, rivals)}

    for conjunction in query.alternatives:
        if not conjunction.required:
            continue
        required = [mentions_of(c) for c in conjunction.required]
        optional = [mentions_of(c) for c in conjunction.optional]
        # Countries, and plain words alone, are too common to be taken from two sentences:
        # "la dissuasion nucléaire ... les politiques énergétiques" is not nuclear energy.
        apart = (
            0
            if len(required) + len(optional) < 2
            or all(c.ask_only or _plain(c) for c in conjunction.required)
            else config.query_sentences_apart
        )
        # Each sentence that holds a required part answers, with the other parts there or
        # in the sentences around it.
        for s in sorted(
            set().union(*required) if apart else set(required[0]).intersection(*required[1:])
        ):
            near = [_nearest(r, s, apart) for r in required]
            if None in near:
                continue
            extra = [m for m in (_nearest(o, s, apart) for o in optional) if m is not None]
            if len(extra) < conjunction.min_optional:
                continue
            everything = [m for m in near + extra if m is not None]
            # Said apart, each sentence holding a part is evidence of the answer.
            for t in sorted({m.sentence for m in everything}):
                parts = [m for m in everything if m.sentence == t]
                if len(everything) == 1:
                    mention = parts[0]
                else:
                    start, end = min(p.start for p in parts), max(p.end for p in parts)
                    together = len(parts) == len(everything)
                    mention = Mention(
                        t,
                        start,
                        end,
                        index.readout.sentences[t].text[start:end],
                        min(p.score for p in everything)
                        * (1.0 if together else config.apart_score),
                        "concepts" if together else "concepts apart",
                        " + ".join(p.alias for p in everything),
                        any(p.negated for p in everything),
                    )
                old = best.get(t)
                if old is None or mention.score > old.score:
                    best[t] = mention
    return tuple(best[s] for s in sorted(best))


def _closeness(alias: str, text: str) -> tuple[int, int]:
    """How many first letters ``text`` shares with the ``alias`` that found it, and how few
    of the alias's letters are left over."""
    a, t = (_unaccented(x).casefold() for x in (alias, text))
    shared = len(os.path.commonprefix([a, t]))  # noqa: RUF071 - letters, not paths
    return shared, shared - len(a)


def _claims(
    index: ReadoutIndex, matchers: Iterable[TopicMatcher], config: Config
) -> dict[tuple[int, int, int], tuple[int, int]]:
    """Every place (sentence, start, end) an alias of ``matchers`` is found, not only the
    best per sentence, with the closest any alias comes to the words there."""
    texts = index.readout.sentences
    out: dict[tuple[int, int, int], tuple[int, int]] = {}
    for matcher in matchers:
        for a in matcher.aliases:
            if a.related:
                continue
            for s, start, end, _, _, alias, _ in _alias_mentions(index, a, config):
                close = _closeness(alias, texts[s].text[start:end])
                out[s, start, end] = max(close, out.get((s, start, end), close))
    return out


def _owned_by_other(
    mention: Mention, claims: Mapping[tuple[int, int, int], tuple[int, int]]
) -> bool:
    """Whether another topic's alias is found on the same words and spells more of them: a
    word is the topic's whose name it is closer to (Niger, Nigeria)."""
    other = claims.get((mention.sentence, mention.start, mention.end))
    return other is not None and other > _closeness(mention.alias, mention.text)


def _plain(concept: TopicDef) -> bool:
    """Whether ``concept`` is a user's word that is no name (see :func:`_word`)."""
    return concept.key.startswith("word:") and not concept.name[:1].isupper()


def _nearest(found: Mapping[int, Mention], sentence: int, apart: int) -> Mention | None:
    """The mention in ``found`` in ``sentence``, else the nearest within ``apart`` sentences
    (the one before first)."""
    for d in range(apart + 1):
        for s in (sentence - d, sentence + d):
            if s in found:
                return found[s]
    return None


@cache
def generic_nouns() -> frozenset[str]:
    """Head nouns that make a query sound specific without naming anything ("crisis")."""
    return frozenset(fold(w) for lang in languages().values() for w in lang.generic)


# ---------------------------------------------------------------- initiator


def find_initiator(readout: Readout) -> Initiator | None:
    """Who the readout says initiated the call, as written.

    >>> from readouts.text import make_readout
    >>> r = make_readout("The call took place at the initiative of the Armenian side.", label="K")
    >>> find_initiator(r).text
    'the Armenian side'
    """
    before, after = _initiative_phrases()
    # Most readouts contain none of the phrases: one substring test per phrase on the whole
    # text, loosely folded so that it keeps every case-insensitive match, spares the
    # per-sentence regular expressions (seconds on a long transcript).
    folded = _loose_fold(readout.text)
    if folded is not None:
        loose_before, loose_after = _loose_phrases()
        before = tuple(p for p, lp in zip(before, loose_before, strict=True) if lp in folded)
        after = tuple(p for p, lp in zip(after, loose_after, strict=True) if lp in folded)
    for s, sentence in enumerate(readout.sentences):
        for phrase in before:
            at = _phrase_at(sentence.text, phrase)
            if at >= 0:
                rest = sentence.text[at + len(phrase) :]
                m = re.match(r"\s*([^,.;:!?։。()\"“”«»]+)", rest)
                if m:
                    span = _trim_clause(m.group(1))
                    if span:
                        start = at + len(phrase) + m.start(1)
                        return Initiator(span, s, start, start + len(span), f"before:{phrase}")
        for phrase in after:
            at = _phrase_at(sentence.text, phrase)
            if at > 0:
                head = sentence.text[:at].rstrip()
                m = re.search(r"([^,.;:!?։。()\"“”«»]+)$", head)
                if m:
                    span = " ".join(m.group(1).split()[-4:])
                    start = head.rfind(span)
                    return Initiator(span, s, start, start + len(span), f"after:{phrase}")
    return None


def _case_table() -> dict[int, int | None] | None:
    """A ``str.translate`` table for :func:`_loose_fold`: each set of letters that
    ``re.IGNORECASE`` takes as one although their lower cases differ (i and dotless ı, s and
    long ſ, σ and ς, ...) maps to one of them; the dot that ``lower()`` adds to Turkish İ goes.
    None if this Python's ``re`` does not expose those sets."""
    import importlib

    try:  # the table re itself uses (Python >= 3.11), private: hence the fallback
        extra: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):
        return None
    table: dict[int, int | None] = {0x307: None}
    for char, others in extra.items():
        group = {char, *others}
        for other in others:
            group.update(extra.get(other, ()))
        table[char] = min(group)
    return table


_CASE_TABLE = _case_table()


def _loose_fold(text: str) -> str | None:
    """``text`` lower-cased so that whatever :func:`_phrase_at` finds in a text, the folded
    phrase is a substring of the folded text (more may be; None: cannot tell).

    >>> _loose_fold("GİRİŞİMİYLE ſ") == _loose_fold("girişimiyle s")
    True
    """
    if _CASE_TABLE is None:
        return None
    return text.lower().translate(_CASE_TABLE)


@cache
def _loose_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The initiative phrases through :func:`_loose_fold` (only used when it can tell)."""
    before, after = _initiative_phrases()
    return (
        tuple(_loose_fold(p) or p for p in before),
        tuple(_loose_fold(p) or p for p in after),
    )


def _phrase_at(text: str, phrase: str) -> int:
    """Where ``phrase`` starts in ``text`` ignoring case, as a whole word; -1 if absent.

    Searching the original text (not a case-folded copy) keeps offsets right where folding
    changes a string's length (Turkish "İ")."""
    bounded = rf"(?<!\w){re.escape(phrase)}" + (r"(?!\w)" if phrase[-1:].isalnum() else "")
    m = re.search(bounded, text, re.IGNORECASE)
    return m.start() if m else -1


_CLAUSE_END = re.compile(
    r"\s+(?:and|with|to|on|in|at|for|who|which|that|и|с|по|в|на|et|avec|und|mit|ile|və"
    r"|состоял\w*|відбу\w*|took|was|were|had|held)\s.*$"
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
    return (
        tuple(sorted(set(before), key=lambda p: (-len(p), p))),
        tuple(sorted(set(after), key=lambda p: (-len(p), p))),
    )


# ---------------------------------------------------------------- discovery


@dataclass
class _Candidate:
    """A discovered term on one side: its occurrences, whether it is a name, its salience."""

    text: str
    words: int
    name: bool
    occurrences: list[tuple[int, int, int]]

    @property
    def salience(self) -> float:
        # Names and longer phrases say more than single words; repetition says the side
        # cares about it.
        return (
            len({s for s, _, _ in self.occurrences})
            * (1 + 0.5 * (self.words - 1))
            * (2.0 if self.name else 1.0)
        )


def discover(
    index: ReadoutIndex,
    other: ReadoutIndex,
    covered: Sequence[tuple[int, int, int]],
    *,
    shared: Sequence[tuple[int, int, int]] = (),
    limit: int,
    config: Config,
) -> list[tuple[str, tuple[Mention, ...]]]:
    """Up to ``limit`` salient terms this readout uses and the other does not, most salient
    first: capitalised names ("Li Hui", "Kartarpur Corridor") and content phrases.

    ``covered`` holds (sentence, start, end) spans already explained by lexicon or query
    topics; terms inside them are not reported again. ``shared`` holds spans of names the
    other side also uses in its own words ("PRC" / "China"): a term made mostly of them is
    not one-sided, but one that contains them may be ("Constitution of Armenia"). Readouts in
    different languages share no ordinary words: between them names are compared in Latin
    letters ("Алиев" is "Aliyev") and as the translation tables say their words, and ordinary
    words only from an English readout, as the tables say them in the other's language.
    """
    if limit <= 0:
        return []
    across = bool(index.languages and other.languages and index.languages != other.languages)
    # German capitalises every noun: there a single capitalised word is no sign of a name.
    single_names = not (index.languages and "de" in index.languages)
    stop = stopwords()
    other_stems = {key[:_STEM] for key in other.vocab}
    # Accents do not make another name (António/Antonio).
    other_translit = {translit_key(_unaccented(key)) for key in other.vocab if not key.isdigit()}
    # Across scripts, inflection changes the end of a name ("Путина"): compare its start.
    other_latin = (
        {k for key in other.vocab for k in _latin_starts(key, short=key not in stop)}
        if across
        else set()
    )
    # Across languages, names of ordinary words ("Güney Asya", "South Asia") are compared
    # as the translation tables say their words in English.
    own_codes: list[str] = []
    other_codes: list[str] = []
    other_senses: set[str] = set()
    if across:
        own_codes = sorted((index.languages or frozenset()) - {"en"})
        other_codes = sorted((other.languages or frozenset()) - {"en"})
        other_senses = {s for key in other.vocab for s in _senses(key, other_codes)}
    cover = _by_sentence(covered)
    # A shared name is shared wherever this readout writes it, also where a sentence names it
    # twice and only one of the two is a mention ("Armenia's ... Armenia").
    shared_stems = {
        w.key[:_STEM]
        for s, spans in _by_sentence(shared).items()
        for w, inside in zip(
            index.sentence_words[s], _covered(index.sentence_words[s], spans), strict=True
        )
        if inside
    }
    small: dict[str, bool] = {}

    def written_small(key: str) -> bool:
        """Whether the readout writes a word of ``key``'s stem in small letters somewhere."""
        stem = key[:_STEM]
        found = small.get(stem)
        if found is None:
            found = small[stem] = any(
                index.sentence_words[s][k].text[:1].islower()
                for other_key in index.by_stem.get(stem[:_MIN_STEM_INDEX], ())
                if other_key.startswith(stem)
                for s, k in index.vocab[other_key]
            )
        return found

    candidates: dict[str, _Candidate] = {}

    known: dict[str, bool] = {}  # readouts repeat their words: decide each once

    def in_other(key: str) -> bool:
        found = known.get(key)
        if found is None:
            found = known[key] = (
                key[:_STEM] in other_stems
                or translit_key(_unaccented(key)) in other_translit
                or (across and not other_latin.isdisjoint(_latin_starts(key)))
                or (across and not other_senses.isdisjoint(_senses(key, own_codes)))
            )
        return found

    said: dict[str, bool] = {}

    def said_in_other(key: str) -> bool:
        """Whether the tables say the English word ``key`` in the other readout's languages."""
        found = said.get(key)
        if found is None:
            found = said[key] = bool(said_as(key, frozenset(other_codes)))
        return found

    for s, ws in enumerate(index.sentence_words):
        # Across languages, the opening sentence names the two who spoke, which the other
        # side writes in its own script.
        if not ws or (across and s == 0):
            continue
        text = index.readout.sentences[s].text
        # What each word is, computed once per word rather than once per phrase holding it.
        is_stop = [w.key in stop for w in ws]
        # A sentence's first word is capitalised for its place: when the readout writes it
        # in small letters elsewhere it is an ordinary word ("Saldırının Katar'ın ...", the
        # attack on Qatar's ...), not the start of a name.
        if not is_stop[0] and len(ws) > 1 and ws[1].text[:1].isupper():
            is_stop[0] = written_small(ws[0].key)
        number = [w.key.isdigit() and not stop for w, stop in zip(ws, is_stop, strict=True)]
        spans = cover.get(s, ())
        # When most of a phrase's words (stems or transliterations) are on the other side
        # too, the other side speaks of it, in other words.
        both = [
            not is_stop[k] and not number[k] and (in_other(w.key) or w.key[:_STEM] in shared_stems)
            for k, w in enumerate(ws)
        ]
        if all(map(operator.or_, map(operator.or_, is_stop, number), both)):
            continue  # only stop words, numbers and words on the other side: nothing is new
        covered_word = _covered(ws, spans) if spans else [False] * len(ws)
        # A phrase may not hold a word already explained, nor a number.
        # Which words run on into the next: a comma, a bracket, a full stop or a colon between
        # two words ends a phrase ("Li Hui, Special Representative" is two things).
        gaps = [text[w.end : nxt.start] for w, nxt in itertools.pairwise(ws)]
        # A number hyphened to a name is part of it ("Chandrayaan-3", "S-400").
        named = [False] + [
            g in _HYPHENS and w.text[:1].isupper() for g, w in zip(gaps, ws[:-1], strict=True)
        ]
        blocked = [c or (n and not m) for c, n, m in zip(covered_word, number, named, strict=True)]
        for gram, is_name in _grams(ws, is_stop, blocked, gaps, single_names=single_names):
            content = [k for k in gram if not is_stop[k]]
            # Across languages, ordinary words are compared only from an English readout, as
            # the tables say them in the other's language ("exclusive economic zones"); a
            # name, by its letters or its words.
            if (
                across
                and not is_name
                and (own_codes or not all(said_in_other(ws[k].key) for k in content))
            ):
                continue
            if 1 < len(content) < len(gram) and all(ws[k].is_caps for k in gram):
                continue  # words in capitals are a heading or a signature ("OFFICE OF MALAYSIA")
            in_both = sum([both[k] for k in content])
            # Names joined by "and" are a list ("Armenia and Azerbaijan"): new only if none of
            # them is on the other side.
            listed = is_name and any(ws[k].key == "and" for k in gram)
            if (
                not content
                or in_both * 2 > len(content)
                or ((len(content) == 1 or listed) and in_both)
                # German capitalises every noun: "Sicherheit Litauens" is Lithuania's
                # security, a country both sides name, not a name of its own.
                or (
                    not single_names
                    and sum(ws[k].key[:_STEM] in shared_stems for k in content) * 2 >= len(content)
                )
            ):
                continue
            start, end = ws[gram[0]].start, ws[gram[-1]].end
            if text[end : end + 1] in _CLOSING and text.count(_OPENING[text[end]], start, end):
                end += 1  # АЭС «Аккую»: the quotation mark the name opened
            key = " ".join([ws[k].key[:_STEM] for k in content])
            cand = candidates.get(key)
            if cand is None:
                cand = candidates[key] = _Candidate(text[start:end], len(content), is_name, [])
            cand.name = cand.name or is_name
            cand.occurrences.append((s, start, end))
    ranked = sorted(
        (c for c in candidates.values() if c.salience >= config.min_salience),
        key=lambda c: (-c.salience, not c.name, -c.words, c.text.casefold()),
    )
    chosen: list[_Candidate] = []
    for cand in ranked:
        # Parts and spelling variants of a term already chosen are the same discovery.
        if any(
            _inside(cand, done)
            or fuzz.token_set_ratio(cand.text, done.text, processor=utils.default_process)
            >= config.cluster_ratio
            for done in chosen
        ):
            continue
        chosen.append(cand)
        if len(chosen) >= limit:
            break
    out = []
    for cand in chosen:
        seen: set[int] = set()
        mentions = []
        for s, start, end in cand.occurrences:
            if s not in seen:
                seen.add(s)
                text = index.readout.sentences[s].text[start:end]
                mentions.append(
                    Mention(
                        s, start, end, text, min(100.0, 20 * cand.salience), "discovered", cand.text
                    )
                )
        out.append((cand.text, tuple(mentions)))
    return out


def _latin_starts(key: str, *, short: bool = True) -> set[str]:
    """How a name's start reads in Latin letters, to compare across scripts: Russian and
    Ukrainian write the h of other languages' names as г ("Ибрагим", Ibrahim). With
    ``short``, also a short word's start without its ending (not for function words: "համար",
    for, is not "Hammad")."""
    out = set()
    for spelling in {key, key.replace("г", "h")}:
        letters = translit_key(latin(spelling))
        out.add(letters[:5])
        if short and 4 <= len(letters) <= 5:
            # A short name's start is short of its ending: the ending may change ("Лулу",
            # Lula; "Маю", Maia), and an inflecting script may add one ("Стуббу", Stubb).
            # "~" marks a start cut short, equal only to another cut short: "Gazakh" cut
            # short ("gaza") is not the whole of "Газа".
            out.add("~" + letters[:-1])
            if not spelling.isascii():
                out.add(letters[:-1])
    return out


@cache
def _english_of(code: str) -> dict[str, frozenset[str]]:
    """The first letters of language ``code``'s one-word table forms, with the one-word English
    headwords they say (a form shorter than a stem whole): {"güney": {"south"}, "asya":
    {"asia"}}. Read backwards, the table tells what English word a readout's word may be."""
    out: dict[str, set[str]] = defaultdict(set)
    for english, forms in translations(code).items():
        if " " not in english:
            for form in forms:
                if " " not in form:
                    out[fold(form)[:_STEM]].add(english[:_STEM])
    return {k: frozenset(v) for k, v in out.items()}


def _senses(key: str, codes: Iterable[str]) -> set[str]:
    """The word ``key`` as English stems: itself, and what the tables of ``codes`` say it is."""
    out = {key[:_STEM]}
    for code in codes:
        table = _english_of(code)
        for n in range(_STEM, 3, -1):
            out |= table.get(key[:n], frozenset())
    return out


def _by_sentence(spans: Iterable[tuple[int, int, int]]) -> dict[int, list[tuple[int, int]]]:
    """(sentence, start, end) spans as {sentence: [(start, end), ...]}."""
    out: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s, start, end in spans:
        out[s].append((start, end))
    return out


def _covered(ws: Sequence[Word], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each word, whether it overlaps one of the character ``spans``."""
    out = [False] * len(ws)
    ends = [w.end for w in ws]
    for start, end in spans:
        k = bisect.bisect_right(ends, start)  # the first word ending after the span starts
        while k < len(ws) and ws[k].start < end:
            out[k] = True
            k += 1
    return out


def _inside(cand: _Candidate, done: _Candidate) -> bool:
    """Whether every occurrence of ``cand`` lies inside an occurrence of ``done``."""
    return all(
        any(
            s == ds and ds_start <= start and end <= ds_end
            for ds, ds_start, ds_end in done.occurrences
        )
        for s, start, end in cand.occurrences
    )


def _grams(
    ws: Sequence[Word],
    is_stop: list[bool],
    blocked: list[bool],
    gaps: list[str],
    *,
    single_names: bool = True,
) -> Iterable[tuple[range, bool]]:
    """Candidate phrases with whether each is a name: runs of capitalised words ("Collective
    Security Treaty Organization", "Ministry of Foreign Affairs", "Community of Serb-majority
    Municipalities"), single capitalised words that do not start the sentence (unless not
    ``single_names``), and content bigrams and trigrams; none holding a ``blocked`` word nor
    running across ``gaps`` (what stands between two words) other than ``_LINKS``. A run of
    capitals that a title in capitals follows ("Russian Foreign" Minister) is part of that
    title, not a name."""
    n = len(ws)
    linked = [gap in _LINKS for gap in gaps]
    cap = [w.text[:1].isupper() and not is_stop[k] and len(w.key) > 1 for k, w in enumerate(ws)]
    k = 0
    while k < n:
        if cap[k]:
            end = k
            while end + 1 < n and linked[end]:
                nxt = ws[end + 1]
                if (
                    cap[end + 1]
                    or (
                        # The lower-case part of a hyphenated name ("Serb-majority"), or a
                        # letter in capitals ("IRIS-T").
                        gaps[end] in _HYPHENS and (not is_stop[end + 1] or nxt.is_caps)
                    )
                    or (
                        nxt.key in _NAME_JOINERS
                        and end + 2 < n
                        and linked[end + 1]
                        and cap[end + 2]
                    )
                ):
                    end += 1
                else:
                    break
            titled = (
                end + 1 < n and linked[end] and is_stop[end + 1] and ws[end + 1].text[:1].isupper()
            )
            if (
                # A single capitalised word after a colon or a dash starts a sentence of its
                # own ("Путин: Уважаемый ...").
                (end > k or (k > 0 and single_names and not _STARTS.search(gaps[k - 1])))
                and not titled
                and not any(blocked[k : end + 1])
            ):
                yield range(k, end + 1), True
            k = end + 1
            continue
        k += 1
    # Plain words: not a name, not a stop word at either end, at least three letters.
    plain = [
        len(w.key) >= 3 and not w.text[:1].isupper() and not blocked[k] for k, w in enumerate(ws)
    ]
    ends = [p and not stop for p, stop in zip(plain, is_stop, strict=True)]
    for k in range(n - 1):
        if ends[k] and ends[k + 1] and linked[k]:
            yield range(k, k + 2), False
    for k in range(n - 2):
        if ends[k] and plain[k + 1] and ends[k + 2] and linked[k] and linked[k + 1]:
            yield range(k, k + 3), False


# What may stand between two words of one phrase: a space, a hyphen or dash joining them
# ("Lao Cai–Hanoi"), a possessive ("Korean People's Army", "Workers' Party"), an opening
# quotation mark after a noun (АЭС «Аккую»).
_LINKS = frozenset({" ", *_HYPHENS, "–", "—", "' ", "'s ", "’ ", "’s ", " «", ' "', " “"})
# What before a word makes it the start of what someone said (a colon) or of a new clause.
_STARTS = re.compile(r"[:;—]")
# Closing quotation marks and the opening marks they close.
_OPENING = {"»": "«", '"': '"', "”": "“"}
_CLOSING = frozenset(_OPENING)


_NAME_JOINERS = frozenset({"of", "the", "and", "de", "du", "des", "für"})
