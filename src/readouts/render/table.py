"""``--format table``: the terminal report.

A summary (who said what, who initiated the call), the topic ledger with evidence, then the
two readouts side by side in aligned rows, wrapped to the terminal width. Colour marks topic
status and one-sided rows when ``color`` is true (the CLI decides: a terminal, no
``NO_COLOR``). Input text is stripped of control sequences before it reaches the terminal.
"""

from __future__ import annotations

import textwrap

from tabulate import tabulate

from readouts.model import Comparison, Pair
from readouts.render import (
    initiator_phrase,
    mention_refs,
    origin_phrase,
    snippet,
    strip_controls,
    summary_groups,
    summary_names,
)

_COLOURS = {"only_a": "36", "only_b": "35", "both": "32", "neither": "2", "moved": "33"}


def _paint(text: str, code: str, color: bool) -> str:
    if not color or not text:
        return text
    return "\n".join(f"\x1b[{code}m{line}\x1b[0m" for line in text.split("\n"))


def _wrap(text: str, width: int) -> str:
    return "\n".join(
        textwrap.wrap(strip_controls(text), width=max(8, width), break_on_hyphens=False) or [""]
    )


def render_table(cmp: Comparison, *, width: int = 100, color: bool = False) -> str:
    """The terminal report, ``width`` columns wide.

    >>> import readouts
    >>> c = readouts.compare("We discussed Taiwan.", "We discussed trade.", labels=("X", "Y"))
    >>> print(render_table(c, width=60).splitlines()[4])
    Only X mentions  Taiwan
    """
    width = max(40, width)
    a, b = cmp.labels
    out: list[str] = []
    header = []
    for readout in cmp.readouts:
        header.append(
            [
                strip_controls(readout.label),
                strip_controls(readout.source or "-"),
                f"{len(readout.sentences)} sentences, {readout.words} words",
            ]
        )
    out.append(tabulate(header, tablefmt="plain"))
    out.append(_wrap("Initiator: " + initiator_phrase(cmp), width))
    out.append("")
    label_width = max(len(title) for title, _, _ in summary_groups(cmp))
    for (title, topics, minor), status in zip(
        summary_groups(cmp), ("only_a", "only_b", "both"), strict=True
    ):
        names = summary_names(topics, minor, strip_controls)
        body = textwrap.wrap(names, width=width - label_width - 2) or ["-"]
        lines = [f"{title:<{label_width}}  {body[0]}"] + [
            " " * (label_width + 2) + line for line in body[1:]
        ]
        out.append(_paint("\n".join(lines), _COLOURS[status], color and bool(topics)))
    out.append("")

    if cmp.topics:
        out.append(
            "Topic ledger (s = sentence number; origin: query, lexicon or discovered; minor ="
            " least weight)"
        )
        col = max(12, (width - 24 - 6) // 2)
        rows = []
        for topic in cmp.topics:
            cells = []
            for side in (0, 1):
                ms = topic.mentions[side]
                cells.append(
                    _wrap(f'{mention_refs(topic, side)} "{snippet(cmp, side, ms[0])}"', col)
                    if ms
                    else "-"
                )
            name = _wrap(f"{topic.name} ({origin_phrase(topic)})", 22)
            rows.append(
                [
                    _paint(name, _COLOURS[topic.status], color),
                    _paint(cells[0], _COLOURS[topic.status], color and topic.status == "only_a"),
                    _paint(cells[1], _COLOURS[topic.status], color and topic.status == "only_b"),
                ]
            )
        out.append(
            tabulate(rows, headers=["Topic", _wrap(a, col), _wrap(b, col)], tablefmt="simple")
        )
        out.append("")

    out.append("Side by side (any order; score = similarity 0-100; * = moved)")
    col = max(12, (width - 7 - 4) // 2)
    rows = [_row(cmp, pair, col, color) for pair in cmp.alignment]
    out.append(
        tabulate(
            rows,
            headers=[_wrap(a, col), "score", _wrap(b, col)],
            tablefmt="simple",
            colalign=("left", "right", "left"),
        )
    )
    return "\n".join(out).rstrip() + "\n"


def _side_text(cmp: Comparison, side: int, indices: tuple[int, ...], col: int) -> str:
    sentences = cmp.readouts[side].sentences
    return "\n".join(_wrap(f"s{i + 1} {sentences[i].text}", col) for i in indices)


def _row(cmp: Comparison, pair: Pair, col: int, color: bool) -> list[str]:
    a, b = cmp.labels
    if pair.kind == "match":
        score = f"{pair.score:.0f}" + ("*" if pair.moved else "")
        return [
            _side_text(cmp, 0, pair.a, col),
            _paint(score, _COLOURS["moved"], color and pair.moved),
            _side_text(cmp, 1, pair.b, col),
        ]
    if pair.kind == "only_a":
        return [
            _paint(_side_text(cmp, 0, pair.a, col), _COLOURS["only_a"], color),
            "-",
            _paint(f"(only {strip_controls(a)})", _COLOURS["neither"], color),
        ]
    return [
        _paint(f"(only {strip_controls(b)})", _COLOURS["neither"], color),
        "-",
        _paint(_side_text(cmp, 1, pair.b, col), _COLOURS["only_b"], color),
    ]
