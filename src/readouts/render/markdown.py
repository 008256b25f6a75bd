"""``--format markdown``: the report as GitHub-flavoured Markdown, safe to paste anywhere.

Pipes, backslashes and Markdown punctuation in input text are escaped and line breaks inside a
cell become ``<br>``, so no readout can break a table or inject markup.
"""

from __future__ import annotations

import re

from readouts.model import Comparison
from readouts.render import (
    initiator_phrase,
    mention_refs,
    origin_phrase,
    snippet,
    status_phrase,
    strip_controls,
    summary_groups,
    summary_names,
)

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def md_escape(text: str) -> str:
    """Escape text for a Markdown table cell.

    >>> md_escape("a|b *c* <script>")
    'a\\\\|b \\\\*c\\\\* \\\\<script\\\\>'
    """
    text = _SPECIAL.sub(r"\\\1", strip_controls(text).replace("&", "&amp;"))
    return text.replace("\r", " ").replace("\n", "<br>")


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(cmp: Comparison) -> str:
    """The report in Markdown: summary, ledger, side-by-side table."""
    a, b = (md_escape(label) for label in cmp.labels)
    out = [f"# {a} vs {b}", ""]
    out.append(
        _table(
            ["Side", "Source", "Sentences", "Words"],
            [
                [
                    md_escape(r.label),
                    md_escape(r.source or "-"),
                    str(len(r.sentences)),
                    str(r.words),
                ]
                for r in cmp.readouts
            ],
        )
    )
    out += ["", f"**Initiator:** {md_escape(initiator_phrase(cmp))}", ""]
    for title, topics, minor in summary_groups(cmp):
        names = summary_names(topics, minor, md_escape)
        out.append(f"- **{md_escape(title)}:** {names}")
    out += ["", "## Topic ledger", ""]
    rows = []
    for topic in cmp.topics:
        cells = []
        for side in (0, 1):
            ms = topic.mentions[side]
            cells.append(
                f"{mention_refs(topic, side)}: “{md_escape(snippet(cmp, side, ms[0]))}”"
                if ms
                else "–"
            )
        rows.append(
            [
                md_escape(topic.name),
                origin_phrase(topic),
                md_escape(status_phrase(cmp, topic)),
                *cells,
            ]
        )
    out.append(_table(["Topic", "Origin", "Status", a, b], rows))
    out += [
        "",
        "## Side by side",
        "",
        "Sentences paired in any order; score = similarity 0–100; ↕ = moved.",
        "",
    ]
    rows = []
    for pair in cmp.alignment:
        ta = (
            "<br>".join(f"s{i + 1} {md_escape(cmp.readouts[0].sentences[i].text)}" for i in pair.a)
            or f"*(only {b})*"
        )
        tb = (
            "<br>".join(f"s{i + 1} {md_escape(cmp.readouts[1].sentences[i].text)}" for i in pair.b)
            or f"*(only {a})*"
        )
        score = f"{pair.score:.0f}" + (" ↕" if pair.moved else "") if pair.kind == "match" else "–"
        rows.append([ta, score, tb])
    out.append(_table([a, "Score", b], rows))
    return "\n".join(out) + "\n"
