"""The result objects: what a comparison found, with the evidence for each judgement.

These are frozen dataclasses with documented fields and a ``to_dict()`` giving plain,
JSON-serialisable data. They hold results; they do not compute them (``compare.py`` does) and
they do not format them (``render/`` does; ``Comparison._repr_html_`` and ``save_html`` only
call the HTML renderer for notebook users).

Sentence indices are 0-based positions in ``Readout.sentences`` everywhere in the data; the
human-facing renderers show them as ``s1``, ``s2``, ... Character spans (``start``/``end``) are
offsets into the sentence's own text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

SCHEMA_VERSION = 1

Status = Literal["both", "only_a", "only_b", "neither"]
Origin = Literal["query", "lexicon", "discovered"]
PairKind = Literal["match", "only_a", "only_b"]
DiffTag = Literal["equal", "replace", "delete", "insert"]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a readout.

    ``start``/``end`` locate it in ``Readout.text``; ``paragraph`` counts paragraphs from 0.
    """

    index: int
    text: str
    start: int
    end: int
    paragraph: int

    @property
    def words(self) -> int:
        """Number of whitespace-separated words (what "word counts" in reports mean)."""
        return len(self.text.split())


@dataclass(frozen=True)
class Readout:
    """One side's readout: its label, where it came from, its text and its sentences.

    ``text`` is the normalised text (see :func:`readouts.text.normalize`); joining the
    sentences' texts gives it back up to whitespace.
    """

    label: str
    source: str
    text: str
    sentences: tuple[Sentence, ...]

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "source": self.source,
            "words": self.words,
            "sentences": [s.text for s in self.sentences],
        }


@dataclass(frozen=True)
class WordDiff:
    """A run of the word-level difference inside a matched pair (difflib opcodes on words).

    ``a`` and ``b`` are the words of each side in this run, joined by single spaces; for
    ``equal`` they hold the same words, for ``delete`` ``b`` is empty, for ``insert`` ``a`` is.
    """

    tag: DiffTag
    a: str
    b: str

    def to_dict(self) -> dict[str, str]:
        return {"tag": self.tag, "a": self.a, "b": self.b}


@dataclass(frozen=True)
class Pair:
    """One row of the alignment: sentences of A and of B that say the same thing.

    ``kind`` is ``match`` (both sides), ``only_a`` or ``only_b`` (one-sided, the other tuple
    is empty). A match has one sentence on one side and one or more on the other (one long
    sentence can cover two short ones). ``score`` is the similarity, 0-100 (0 for one-sided
    rows). ``moved`` marks a match whose B sentences are out of A's order: the two readouts put
    this point in different places.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    kind: PairKind
    moved: bool = False
    diff: tuple[WordDiff, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": list(self.a),
            "b": list(self.b),
            "score": round(self.score, 1),
            "kind": self.kind,
            "moved": self.moved,
            "diff": [d.to_dict() for d in self.diff],
        }


@dataclass(frozen=True)
class Mention:
    """Evidence that a readout mentions a topic.

    ``sentence`` is the sentence index, ``start``/``end`` the span of ``text`` in that
    sentence, ``score`` 0-100 how sure the match is, ``matched_by`` the rule that matched
    (``exact``, ``inflection``, ``variant``, ``related``, ``words``, ``discovered``) and the
    alias it matched as ``alias``; ``negated`` is true when the sentence negates it ("did not
    discuss Taiwan"): still a mention, flagged.
    """

    sentence: int
    start: int
    end: int
    text: str
    score: float
    matched_by: str
    alias: str = ""
    negated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 1),
            "matched_by": self.matched_by,
            "alias": self.alias,
            "negated": self.negated,
        }


@dataclass(frozen=True)
class Emphasis:
    """How much weight one side gives a topic.

    ``first_rank``: 1 if this is the first topic the readout raises, 2 the second, and so on
    (None if not mentioned); ``first_sentence``: index of the first mentioning sentence;
    ``sentences``: how many sentences mention it; ``word_share``: the share of the readout's
    words that are in those sentences (0-1).
    """

    first_rank: int | None = None
    first_sentence: int | None = None
    sentences: int = 0
    word_share: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "first_rank": self.first_rank,
            "first_sentence": self.first_sentence,
            "sentences": self.sentences,
            "word_share": round(self.word_share, 3),
        }


@dataclass(frozen=True)
class Topic:
    """One line of the topic ledger: does each side mention this topic, and where.

    ``key`` is a stable identifier (the lexicon id, ``query:<name>`` or ``term:<text>``),
    ``origin`` says where the topic came from: asked by the user (``query``), found through the
    built-in or user lexicon (``lexicon``) or discovered as a salient one-sided term
    (``discovered``). ``mentions`` and ``emphasis`` are (A, B) pairs. ``minor``: a one-sided
    topic past the headline's budget (``Config.one_sided_budget`` per side) that its side
    gives the least weight; it stays in the ledger, after the others, and the summary names
    it apart.
    """

    key: str
    name: str
    origin: Origin
    status: Status
    mentions: tuple[tuple[Mention, ...], tuple[Mention, ...]]
    emphasis: tuple[Emphasis, Emphasis] = (Emphasis(), Emphasis())
    description: str = ""
    category: str = ""
    minor: bool = False

    @property
    def one_sided(self) -> bool:
        return self.status in ("only_a", "only_b")

    def to_dict(self, labels: tuple[str, str]) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "origin": self.origin,
            "status": self.status,
            "minor": self.minor,
            "category": self.category,
            "description": self.description,
            "mentions": {
                labels[side]: [m.to_dict() for m in self.mentions[side]] for side in (0, 1)
            },
            "emphasis": {labels[side]: self.emphasis[side].to_dict() for side in (0, 1)},
        }


@dataclass(frozen=True)
class Initiator:
    """Who a readout says started the call: ``text`` as written, with its sentence and rule."""

    text: str
    sentence: int
    start: int
    end: int
    matched_by: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "matched_by": self.matched_by,
        }


@dataclass(frozen=True)
class Comparison:
    """Two readouts lined up: the alignment of their sentences and the topic ledger.

    Build one with :func:`readouts.compare`. ``readouts``, ``initiators`` are (A, B) pairs;
    ``alignment`` lists every sentence of both sides exactly once; ``topics`` is the ledger,
    one-sided topics first.
    """

    readouts: tuple[Readout, Readout]
    alignment: tuple[Pair, ...]
    topics: tuple[Topic, ...]
    initiators: tuple[Initiator | None, Initiator | None] = (None, None)
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def labels(self) -> tuple[str, str]:
        return (self.readouts[0].label, self.readouts[1].label)

    def side(self, label: str) -> int:
        """0 for A, 1 for B; also accepts ``"a"``/``"b"``. Raises ``UsageError`` otherwise."""
        from readouts.errors import UsageError

        if label in self.labels:
            return self.labels.index(label)
        if label.lower() in ("a", "b"):
            return "ab".index(label.lower())
        raise UsageError(f"no side labelled {label!r}: use one of {', '.join(self.labels)}")

    def only(self, label: str) -> list[Topic]:
        """Topics only the side ``label`` mentions.

        >>> import readouts
        >>> c = readouts.compare("We discussed Taiwan.", "We discussed trade.", labels=("X", "Y"))
        >>> [t.name for t in c.only("X")]
        ['Taiwan']
        """
        status = ("only_a", "only_b")[self.side(label)]
        return [t for t in self.topics if t.status == status]

    def both(self) -> list[Topic]:
        """Topics both sides mention."""
        return [t for t in self.topics if t.status == "both"]

    @property
    def one_sided(self) -> list[Topic]:
        return [t for t in self.topics if t.one_sided]

    def to_dict(self) -> dict[str, Any]:
        """Plain data, the documented JSON contract (``schema_version`` 1)."""
        labels = self.labels
        readouts = []
        for side in (0, 1):
            d = self.readouts[side].to_dict()
            initiator = self.initiators[side]
            d["initiator"] = initiator.to_dict() if initiator else None
            readouts.append(d)
        return {
            "schema_version": SCHEMA_VERSION,
            "readouts": readouts,
            "alignment": [p.to_dict() for p in self.alignment],
            "topics": [t.to_dict(labels) for t in self.topics],
            **({"meta": self.meta} if self.meta else {}),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per topic and side, ready for ``pandas.DataFrame(cmp.to_records())``."""
        rows: list[dict[str, Any]] = []
        for t in self.topics:
            for side in (0, 1):
                ms = t.mentions[side]
                first = ms[0] if ms else None
                rows.append(
                    {
                        "topic": t.name,
                        "key": t.key,
                        "origin": t.origin,
                        "status": t.status,
                        "side": self.labels[side],
                        "mentioned": bool(ms),
                        "mentions": len(ms),
                        "negated": any(m.negated for m in ms),
                        "first_sentence": first.sentence if first else None,
                        "evidence": self.readouts[side].sentences[first.sentence].text
                        if first
                        else None,
                        "matched_text": first.text if first else None,
                        "score": first.score if first else None,
                        "matched_by": first.matched_by if first else None,
                        "first_rank": t.emphasis[side].first_rank,
                        "word_share": t.emphasis[side].word_share,
                        "minor": t.minor,
                    }
                )
        return rows

    def __repr__(self) -> str:
        a, b = self.labels
        counts = {s: sum(t.status == s for t in self.topics) for s in ("only_a", "only_b", "both")}
        matched = sum(p.kind == "match" for p in self.alignment)
        return (
            f"<Comparison {a!r} ({len(self.readouts[0].sentences)} sentences) vs {b!r} "
            f"({len(self.readouts[1].sentences)} sentences): {matched} matched "
            f"pair{'s' if matched != 1 else ''}; "
            f"only {a}: {counts['only_a']}, only {b}: {counts['only_b']}, "
            f"both: {counts['both']} topics>"
        )

    def _repr_html_(self) -> str:
        from readouts.render.html import render_html

        return render_html(self, fragment=True)

    def save_html(self, path: str | Path) -> None:
        """Write the self-contained HTML report to ``path``."""
        from readouts.render.html import render_html

        Path(path).write_text(render_html(self), encoding="utf-8")
