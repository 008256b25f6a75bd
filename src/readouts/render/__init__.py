"""Renderers: one pure function per output format, ``Comparison`` in, ``str`` out.

They lay out what the comparison holds and compute nothing new: every figure, status and span
comes from the :class:`~readouts.model.Comparison`. The helpers here are the wording that
several formats share, so the terminal, Markdown and HTML reports say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readouts.model import Comparison, Mention, Topic

FORMATS = ("table", "markdown", "json", "csv", "html")

# ANSI/VT escape sequences (CSI, OSC, single-character escapes) and the other C0/C1 control
# characters except tab and newline: input text must never drive the reader's terminal.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
    # Bidirectional overrides and isolates: they reorder what follows on the reader's screen.
    r"|[\u202a-\u202e\u2066-\u2069]"
)


def strip_controls(text: str) -> str:
    """Remove terminal control sequences, control characters and bidi overrides from input text.

    >>> strip_controls("ok\\x1b[31mred\\x1b[0m\\x07 \\x1b]8;;http://x\\x07link")
    'okred link'
    """
    return _CONTROL.sub("", text)


def status_phrase(cmp: Comparison, topic: Topic) -> str:
    """``only Yerevan``, ``only Kremlin``, ``both`` or ``neither``."""
    a, b = cmp.labels
    return {"only_a": f"only {a}", "only_b": f"only {b}", "both": "both", "neither": "neither"}[
        topic.status
    ]


def origin_phrase(topic: Topic) -> str:
    """``lexicon``, ``query``, ``discovered``; ``lexicon, minor`` for a minor topic."""
    return f"{topic.origin}, minor" if topic.minor else topic.origin


def snippet(cmp: Comparison, side: int, mention: Mention, *, context: int = 40) -> str:
    """The mention in a little of its sentence: ``...blockade of the Lachin corridor, which...``."""
    text = cmp.readouts[side].sentences[mention.sentence].text
    start, end = snippet_bounds(text, mention, context=context)
    return ("..." if start > 0 else "") + text[start:end] + ("..." if end < len(text) else "")


def snippet_bounds(text: str, mention: Mention, *, context: int) -> tuple[int, int]:
    """Where a snippet of ``text`` around ``mention`` starts and ends: about ``context``
    characters on each side, cut at word boundaries so that it does not start or end
    mid-word."""
    start = max(0, mention.start - context)
    end = min(len(text), mention.end + context)
    if start > 0:
        space = text.find(" ", start, mention.start)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", mention.end, end)
        end = space if space >= 0 else end
    return start, end


def mention_refs(topic: Topic, side: int) -> str:
    """``s2, s3`` (1-based sentence numbers), with ``(negated)`` where a mention is negated."""
    return ", ".join(
        f"s{m.sentence + 1}" + (" (negated)" if m.negated else "") for m in topic.mentions[side]
    )


def summary_groups(cmp: Comparison) -> list[tuple[str, list[Topic], list[Topic]]]:
    """The headline: topics only A mentions, only B, and both; each group's minor topics (past
    the headline's budget, see :class:`~readouts.model.Topic`) apart."""
    a, b = cmp.labels
    return [
        (title, [t for t in topics if not t.minor], [t for t in topics if t.minor])
        for title, topics in (
            (f"Only {a} mentions", cmp.only(a)),
            (f"Only {b} mentions", cmp.only(b)),
            ("Both mention", cmp.both()),
        )
    ]


def summary_names(topics: list[Topic], minor: list[Topic], name: Callable[[str], str]) -> str:
    """``Taiwan, trade; minor: summit``: a group's topic names (each passed through ``name``,
    a format's escaping), or ``-`` for none."""
    names = ", ".join(name(t.name) for t in topics) or "-"
    if minor:
        names += "; minor: " + ", ".join(name(t.name) for t in minor)
    return names


def initiator_phrase(cmp: Comparison) -> str:
    """``the Armenian side (says Kremlin); Yerevan does not say``."""
    parts = []
    for side, initiator in enumerate(cmp.initiators):
        label = cmp.labels[side]
        if initiator is None:
            parts.append(f"{label} does not say")
        else:
            parts.append(f"{initiator.text} (says {label}, s{initiator.sentence + 1})")
    return "; ".join(parts)
