"""The topic lexicon and the per-language word lists, loaded from ``data/``.

The built-in lexicon is one TOML file per language under ``data/lexicon/``: ``en.toml`` defines
each topic (name, category, description, aliases, related terms) and the others add aliases in
their language under the same ids. ``data/language/<lang>.toml`` holds each language's stop
words, negation cues and the phrases that introduce who initiated a call;
``data/words/<lang>.toml`` how that language says English words of readouts.

A user lexicon (``--topics FILE``) uses the same schema, in TOML or JSON::

    [topics.water-talks]
    name = "Nile water talks"
    aliases = ["GERD negotiations", "Nile waters"]

A user topic whose id is already known replaces the built-in one, unless it says
``extend = true``, in which case its aliases and related terms are added.

This module parses and validates; it does not read user files (``sources.py`` does) and it does
not match anything (``topics.py`` does).
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from readouts.errors import LexiconError

_KEYS = {
    "name", "description", "category", "aliases", "related", "extend", "ask_only", "boilerplate"
}  # fmt: skip


@dataclass(frozen=True)
class TopicDef:
    """A topic the matcher can look for: ``aliases`` name it, ``related`` terms suggest it."""

    key: str
    name: str
    description: str = ""
    category: str = ""
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    #: The language of each alias (parallel to ``aliases``; "" = any language). Built-in
    #: aliases are matched only in readouts of their own language or English, so that a
    #: Turkish word ("maden") never fires inside an English one ("made").
    alias_languages: tuple[str, ...] = ()
    related_languages: tuple[str, ...] = ()
    #: Reported by default only when one side alone names it, outside its opening sentence
    #: and not as part of another name (countries and cities: every readout names the two
    #: countries that took part, so listing them would drown the report); always found when
    #: a user asks.
    ask_only: bool = False
    #: Diplomatic boilerplate ("bilateral relations", "dialogue", "high-level visit"): every
    #: readout has some; when one side has more one-sided topics than the summary's budget,
    #: these are the first to be listed as minor, and do not keep discovered names out.
    boilerplate: bool = False

    def aliases_for(self, languages: frozenset[str] | None) -> tuple[tuple[str, bool, str], ...]:
        """(alias, is_related, language) usable in a readout written in one of ``languages``
        (None: every alias)."""
        out: list[tuple[str, bool, str]] = []
        for texts, langs, related in (
            (self.aliases, self.alias_languages, False),
            (self.related, self.related_languages, True),
        ):
            for k, text in enumerate(texts):
                lang = langs[k] if k < len(langs) else ""
                if languages is None or not lang or lang in languages:
                    out.append((text, related, lang))
        return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    """A set of topics by id, with lookup by name or alias.

    >>> lex = builtin_lexicon()
    >>> lex.find("ОДКБ").name
    'CSTO'
    """

    topics: dict[str, TopicDef] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.topics)

    def find(self, name: str) -> TopicDef | None:
        """The topic whose id, name or alias is ``name`` (case-insensitive), if any."""
        return self._names().get(_name_key(name))

    def rivals(self, name: str) -> tuple[TopicDef, ...]:
        """Places (ask-only topics: countries, cities) with a name or alias whose first word
        begins ``name``'s first word, or the other way round, without being the same word:
        Nigeria ("Nigerian") and Niger."""
        first = _name_key(name).split(" ", 1)[0]
        words, topics = self._first_words()
        at = bisect.bisect_left(words, first)
        longer = itertools.takewhile(lambda w: w.startswith(first), words[at:])
        shorter = (first[:k] for k in range(1, len(first)))
        out: dict[str, TopicDef] = {}
        for word in (*longer, *shorter):
            if word != first:
                for topic in topics.get(word, ()):
                    out.setdefault(topic.key, topic)
        return tuple(out.values())

    @cache  # noqa: B019 - Lexicon is frozen and hashable by identity; the cache lives with it
    def _first_words(self) -> tuple[list[str], dict[str, list[TopicDef]]]:
        """The first words of every name and alias of a place, sorted, and the places they
        begin."""
        topics: dict[str, list[TopicDef]] = defaultdict(list)
        for topic in self.topics.values():
            if topic.ask_only:
                for other in {_name_key(n).split(" ", 1)[0] for n in (topic.name, *topic.aliases)}:
                    topics[other].append(topic)
        return sorted(topics), dict(topics)

    @cache  # noqa: B019 - Lexicon is frozen and hashable by identity; the cache lives with it
    def _names(self) -> dict[str, TopicDef]:
        names: dict[str, TopicDef] = {}
        # Ids and names first so that an alias shared by two topics never hides a topic's name.
        for topic in self.topics.values():
            names.setdefault(_name_key(topic.key), topic)
            names.setdefault(_name_key(topic.name), topic)
        for topic in self.topics.values():
            for alias in topic.aliases:
                names.setdefault(_name_key(alias), topic)
        return names

    def __hash__(self) -> int:
        return id(self)

    def merged(self, other: Lexicon, *, extend: frozenset[str] = frozenset()) -> Lexicon:
        """This lexicon with ``other``'s topics added; ids in ``extend`` add aliases."""
        topics = dict(self.topics)
        for key, topic in other.topics.items():
            old = topics.get(key)
            if old is not None and key in extend:
                topic = replace(
                    old,
                    aliases=old.aliases + topic.aliases,
                    related=old.related + topic.related,
                    alias_languages=pad_languages(old.alias_languages, old.aliases)
                    + pad_languages(topic.alias_languages, topic.aliases),
                    related_languages=pad_languages(old.related_languages, old.related)
                    + pad_languages(topic.related_languages, topic.related),
                )
            topics[key] = topic
        return Lexicon(topics)


def _name_key(name: str) -> str:
    return " ".join(re.sub(r"[-‐‑_]", " ", name.casefold()).split())


def pad_languages(languages: tuple[str, ...], texts: tuple[str, ...]) -> tuple[str, ...]:
    """``languages`` for each of ``texts``: missing ones are "" (any language)."""
    return languages + ("",) * (len(texts) - len(languages))


def _line_of(text: str, key: str) -> int:
    """The line of a topic's table in TOML/JSON text, for error messages (1 if not found)."""
    for number, line in enumerate(text.splitlines(), 1):
        if re.search(rf"(\[topics\.\"?{re.escape(key)}\"?\]|\"{re.escape(key)}\"\s*:)", line):
            return number
    return 1


def parse_lexicon(text: str, *, source: str, fmt: str = "toml") -> tuple[Lexicon, frozenset[str]]:
    """Parse a lexicon file's text. Returns the lexicon and the ids marked ``extend = true``.

    Raises :class:`LexiconError` naming ``source``, the line and what is wrong.

    >>> lex, _ = parse_lexicon('[topics.gerd]\\nname = "GERD"\\naliases = ["Nile dam"]',
    ...                        source="mine.toml")
    >>> lex.topics["gerd"].aliases
    ('Nile dam',)
    >>> parse_lexicon('[topics.gerd]\\naliases = "Nile dam"', source="my.toml")
    Traceback (most recent call last):
    readouts.errors.LexiconError: my.toml, line 1: topic 'gerd': 'aliases' must be a list of strings
    """
    try:
        data: Any = json.loads(text) if fmt == "json" else tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{source}, line {exc.lineno}: not valid JSON: {exc.msg}") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        # tomllib says "at end of document" for what is left open (a list, a string): the
        # last line is where the reader should look.
        line = match.group(1) if match else str(text.count("\n") + 1)
        at_line = f", line {line}"
        what = re.sub(r"\s*\((at line.*|at end of document)\)", "", str(exc))
        raise LexiconError(f"{source}{at_line}: not valid TOML: {what}") from None
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise LexiconError(
            f"{source}: no topics found; write each topic as [topics.ID] with name and aliases"
        )
    topics: dict[str, TopicDef] = {}
    extend: set[str] = set()
    for key, body in data["topics"].items():
        # Where the topic is, for error messages only: finding its line is a scan of the file,
        # too slow to do for every topic of a valid lexicon.
        def where(key: str = key) -> str:
            return f"{source}, line {_line_of(text, key)}: topic {key!r}"

        if not isinstance(body, dict):
            raise LexiconError(f"{where()}: must be a table with name and aliases")
        unknown = set(body) - _KEYS
        if unknown:
            raise LexiconError(
                f"{where()}: unknown field {sorted(unknown)[0]!r}; "
                f"use {', '.join(sorted(_KEYS - {'extend'}))}"
            )
        lists = {}
        for name in ("aliases", "related"):
            value = body.get(name, [])
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise LexiconError(f"{where()}: {name!r} must be a list of strings")
            lists[name] = tuple(v.strip() for v in value)
        for name in ("name", "description", "category"):
            if not isinstance(body.get(name, ""), str):
                raise LexiconError(f"{where()}: {name!r} must be a string")
        for name in ("extend", "ask_only", "boilerplate"):
            if not isinstance(body.get(name, False), bool):
                raise LexiconError(f"{where()}: {name!r} must be true or false")
        topics[key] = TopicDef(
            key=key,
            name=str(body.get("name") or key),
            description=str(body.get("description", "")),
            category=str(body.get("category", "")),
            aliases=lists["aliases"],
            related=lists["related"],
            ask_only=body.get("ask_only", False),
            boilerplate=body.get("boilerplate", False),
        )
        if body.get("extend") is True:
            extend.add(key)
    return Lexicon(topics), frozenset(extend)


def _data_dir(folder: str) -> Traversable:
    """``data/<folder>`` inside the installed package."""
    return resources.files("readouts") / "data" / folder


def _data_files(folder: str) -> list[tuple[str, str]]:
    root = _data_dir(folder)
    return sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in root.iterdir()
        if entry.name.endswith(".toml")
    )


@cache
def builtin_lexicon(languages: frozenset[str] | None = None) -> Lexicon:
    """The lexicon shipped with readouts: every language's aliases merged by topic id.

    With ``languages``, only English and those languages' aliases: what readouts in them can
    match (see :meth:`TopicDef.aliases_for`). Parsing the other files is most of the time of
    comparing two short readouts, so a comparison without questions asks for its own.

    >>> len(builtin_lexicon(frozenset({"en"})).topics) == len(builtin_lexicon().topics)
    True
    """
    lexicon = _english()
    for code in _language_codes():
        if languages is None or code in languages:
            extra = _language_aliases(code)
            lexicon = lexicon.merged(extra, extend=frozenset(extra.topics))
    return lexicon


@cache
def _codes(folder: str) -> tuple[str, ...]:
    """The languages with a file in ``data/<folder>``, by code."""
    files = (entry.name for entry in _data_dir(folder).iterdir() if entry.name.endswith(".toml"))
    return tuple(sorted(name.removesuffix(".toml") for name in files))


def _language_codes() -> tuple[str, ...]:
    """The languages that add aliases to the English lexicon (one file each; the same
    languages have a translation table)."""
    return tuple(code for code in _codes("lexicon") if code != "en")


@cache
def _english() -> Lexicon:
    """``en.toml``: it defines the topics; every alias there is English."""
    text = (_data_dir("lexicon") / "en.toml").read_text("utf-8")
    english, _ = parse_lexicon(text, source="data/lexicon/en.toml")
    return Lexicon(
        {
            key: replace(
                t,
                alias_languages=("en",) * len(t.aliases),
                related_languages=("en",) * len(t.related),
            )
            for key, t in english.topics.items()
        }
    )


@cache
def _language_aliases(code: str) -> Lexicon:
    """One language file's aliases and related terms, for the topics English defines."""
    data = tomllib.loads((_data_dir("lexicon") / f"{code}.toml").read_text("utf-8"))
    known = _english().topics
    # Language files add aliases only; they carry no names of their own.
    extra = {}
    for key, body in data.get("topics", {}).items():
        if key not in known:
            continue
        aliases, related = tuple(body.get("aliases", ())), tuple(body.get("related", ()))
        extra[key] = TopicDef(
            key=key,
            name=key,
            aliases=aliases,
            related=related,
            alias_languages=(code,) * len(aliases),
            related_languages=(code,) * len(related),
        )
    return Lexicon(extra)


@cache
def translations(code: str) -> dict[str, tuple[str, ...]]:
    """How readouts in language ``code`` say English words and phrases
    (``data/words/<code>.toml``; for English, the other words its readouts use for the same
    thing: "talks" / "negotiations"): {English headword, as a name key: forms}; empty for a
    language without a table. For questions whose words no lexicon topic names ("Crimean
    Tatars", "protectionism")."""
    entry = _data_dir("words") / f"{code}.toml"
    if not entry.is_file():
        return {}
    data = tomllib.loads(entry.read_text("utf-8"))
    return {_name_key(english): tuple(forms) for english, forms in data.items()}


# English endings and what the dictionary form has instead: "supplies" is looked up as "supply".
_ENGLISH_ENDINGS = (
    ("ies", "y"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
)  # fmt: skip


def said_as(english: str, languages: frozenset[str] | None = None) -> tuple[tuple[str, str], ...]:
    """(language, form) for an English word or phrase in the translation tables of
    ``languages`` (None: every table), found also when its last word is inflected; not an
    acronym in capitals, which is no English word with an ending ("TRIPS" is not "trips").

    >>> ("ru", "удобрение") in said_as("fertilizers")
    True
    >>> said_as("TRIPS", frozenset({"de"})), said_as("trips", frozenset({"de"}))
    ((), (('de', 'Reise'),))
    """
    head, _, last = _name_key(english).rpartition(" ")
    inflected = not english.split()[-1].isupper() if english.split() else True
    candidates = [last] + [
        last[: -len(ending)] + base
        for ending, base in _ENGLISH_ENDINGS
        if inflected and last.endswith(ending) and len(last) - len(ending) >= 3
    ]
    out: list[tuple[str, str]] = []
    for code in _codes("words") if languages is None else sorted(languages):
        table = translations(code)
        for word in candidates:
            found = table.get(f"{head} {word}".strip())
            if found:
                out += [(code, form) for form in found]
                break
    return tuple(out)


@cache
def translated_phrases(languages: frozenset[str] | None = None) -> dict[str, str]:
    """The phrases of the translation tables of ``languages`` (None: all) by their content
    words ("code conduct" -> "code of conduct"): a question's words are read without their
    function words."""
    stop = stopwords()
    out: dict[str, str] = {}
    for code in _codes("words") if languages is None else sorted(languages):
        for english in translations(code):
            content = " ".join(w for w in english.split() if w not in stop)
            if " " in content:
                out.setdefault(content, english)
    return out


@cache
def chinese_words() -> frozenset[str]:
    """The Chinese words the lexicon and the translation table know: Chinese has no spaces,
    and these tell where a word begins (see ``topics``: 美国 is not in 拉美国家)."""
    out = {
        text
        for topic in _language_aliases("zh").topics.values()
        for text in (*topic.aliases, *topic.related)
    }
    out.update(form for forms in translations("zh").values() for form in forms)
    return frozenset(out)


@dataclass(frozen=True)
class Language:
    """A language's word lists (see ``data/language/``)."""

    code: str
    name: str
    stopwords: frozenset[str]
    negation: tuple[str, ...]
    initiative_before: tuple[str, ...]
    initiative_after: tuple[str, ...]
    #: Head nouns of queries that name no topic of their own ("crisis", "issue", "question").
    generic: frozenset[str] = frozenset()


@cache
def languages() -> dict[str, Language]:
    """The languages readouts knows, by code (``en``, ``ru``, ``hy``, ...)."""
    out: dict[str, Language] = {}
    for _, text in _data_files("language"):
        data = tomllib.loads(text)
        code = data["language"]
        out[code] = Language(
            code=code,
            name=data.get("name", code),
            stopwords=frozenset(w.casefold() for w in data.get("stopwords", ())),
            negation=tuple(data.get("negation", ())),
            initiative_before=tuple(data.get("initiative_before", ())),
            initiative_after=tuple(data.get("initiative_after", ())),
            generic=frozenset(w.casefold() for w in data.get("generic", ())),
        )
    return out


@cache
def stopwords() -> frozenset[str]:
    """Stop words of every known language together: readouts mix scripts and names, and a
    word that is a function word in one language is rarely a topic in another."""
    words: set[str] = set()
    for language in languages().values():
        words |= language.stopwords
    return frozenset(words)
