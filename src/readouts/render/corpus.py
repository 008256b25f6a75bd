"""Renderers for ``readouts batch``: a corpus's rows and its summary in every format.

A corpus can hold thousands of calls, so the output is written in parts that the command
writes as the results come: a head, the rows of each call, the summary, a tail.
:func:`corpus_writer` gives the parts for a format; :func:`render_corpus` puts them together
for a :class:`~readouts.corpus.Corpus` already in memory. HTML puts its summary (a table and a
small inline SVG timeline, no plotting library) before the rows; the command keeps the rows on
disk until the summary is known. The other formats write the rows first.

Like every renderer this lays out what it is given and computes nothing new: the counts come
from :class:`~readouts.corpus.Summary`. Input text is escaped for each format: HTML through
:func:`html.escape`, CSV cells through :func:`readouts.render.csv.neutralize`, Markdown
through :func:`readouts.render.markdown.md_escape`, and the terminal through
:func:`readouts.render.strip_controls`.
"""

from __future__ import annotations

import csv
import html
import io
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

from readouts.corpus import ROW_FIELDS, CallResult, Corpus, Summary, TopicRow
from readouts.render import strip_controls
from readouts.render.csv import neutralize
from readouts.render.markdown import md_escape

CORPUS_FORMATS = ("table", "markdown", "json", "csv", "html")
#: Columns of ``--summary-only --format csv``: one long table, ``section`` says which.
SUMMARY_COLUMNS = (
    "section",
    "side",
    "topic",
    "key",
    "origin",
    "year",
    "calls",
    "mentioned",
    "one_sided",
    "left_out",
)
_CSP = "default-src 'none'; style-src 'unsafe-inline'"
# Line colours of the timeline (Okabe-Ito: told apart with colour-blindness too).
_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")


@dataclass(frozen=True)
class CorpusWriter:
    """The parts of one format's output, in the order they are written.

    Written as ``head``, ``rows_open``, ``call`` for each result (with its position),
    ``rows_close``, ``summary``, ``tail``; when ``summary_first`` the summary comes right after
    the head instead. With ``--summary-only`` the rows are left out.
    """

    head: Callable[[], str]
    rows_open: Callable[[], str]
    call: Callable[[CallResult, int], str]
    rows_close: Callable[[], str]
    summary: Callable[[Summary], str]
    tail: Callable[[], str]
    summary_first: bool = False


def corpus_writer(
    fmt: str, *, title: str = "readouts batch", width: int = 100, summary_only: bool = False
) -> CorpusWriter:
    """The writer for ``fmt`` (one of :data:`CORPUS_FORMATS`)."""
    if fmt == "csv":
        return _csv_writer(summary_only)
    if fmt == "json":
        return _json_writer()
    if fmt == "markdown":
        return _markdown_writer(title)
    if fmt == "html":
        return _html_writer(title)
    return _table_writer(title, max(60, width))


def stream_corpus(
    results: Iterable[CallResult],
    summary: Callable[[], Summary],
    writer: CorpusWriter,
    *,
    summary_only: bool = False,
    buffer: TextIO | None = None,
) -> Iterator[str]:
    """The output in pieces, the rows as ``results`` yields them; ``summary`` is called after
    the last result.

    For a ``summary_first`` writer the rows wait in ``buffer`` (a temporary file the caller
    opens, so that memory stays flat; a string buffer by default) until the summary is out.
    """
    yield writer.head()
    if summary_only:
        for _ in results:
            pass
        yield writer.summary(summary())
        yield writer.tail()
        return
    if writer.summary_first:
        store = io.StringIO() if buffer is None else buffer
        for k, result in enumerate(results):
            store.write(writer.call(result, k))
        yield writer.summary(summary())
        yield writer.rows_open()
        store.seek(0)
        while chunk := store.read(1 << 16):
            yield chunk
        yield writer.rows_close()
    else:
        yield writer.rows_open()
        for k, result in enumerate(results):
            yield writer.call(result, k)
        yield writer.rows_close()
        yield writer.summary(summary())
    yield writer.tail()


def render_corpus(
    corpus: Corpus,
    *,
    fmt: str = "table",
    width: int = 100,
    summary_only: bool = False,
    title: str = "readouts batch",
) -> str:
    """The whole corpus in one format.

    >>> from readouts.corpus import Call, compare_many
    >>> corpus = compare_many([Call.from_texts("c1", "We discussed Taiwan.", "Trade grew.",
    ...                                        labels=("X", "Y"), date="2024-01-02")], jobs=1)
    >>> print(render_corpus(corpus, fmt="csv", summary_only=True).splitlines()[1])
    topic,X,Taiwan,taiwan,lexicon,,1,1,1,0
    """
    writer = corpus_writer(fmt, title=title, width=width, summary_only=summary_only)
    return "".join(
        stream_corpus(corpus.results, lambda: corpus.summary, writer, summary_only=summary_only)
    )


# ---------------------------------------------------------------- shared wording


def status_text(row: TopicRow) -> str:
    """``only Kremlin``, ``both``, ``neither``."""
    return {
        "only_a": f"only {row.label_a}",
        "only_b": f"only {row.label_b}",
        "both": "both",
        "neither": "neither",
    }[row.status]


def _evidence(sentence: int | None, matched: str) -> str:
    return f"s{sentence + 1} “{matched}”" if sentence is not None else ""


def _mentioned(calls: int, mentioned: int) -> str:
    return f"{mentioned} of {calls}"


def _headline(summary: Summary) -> str:
    return (
        f"{summary.calls} call{'s' * (summary.calls != 1)} compared, {len(summary.failures)} failed"
    )


_TOPIC_NOTE = (
    "mentioned: calls of this side that mention the topic, of all its calls; one-sided: only "
    "this side mentions it; left out: only the other side does"
)
_YEAR_NOTE = (
    "one-sided: topics only this side mentions, summed over its calls; left out: topics only "
    "the other side mentions"
)


# ---------------------------------------------------------------- terminal table


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str, width: int) -> str:
    """``text`` on one line, cut with ``…`` and padded to ``width`` terminal columns."""
    text = " ".join(strip_controls(text).split())
    if _width(text) > width:
        out, used = [], 0
        for ch in text:
            w = _width(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (width - _width(text))


def _table_writer(title: str, width: int) -> CorpusWriter:
    from tabulate import tabulate

    cols = (22, 22, 18)
    rest = max(12, width - sum(cols) - 3)

    def line(*cells: str) -> str:
        widths = (*cols, rest)
        return " ".join(_cell(c, w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"

    def call(result: CallResult, _k: int) -> str:
        if not result.ok:
            return line(result.name, "(failed)", "", result.error)
        out = []
        for row in result.rows:
            ev = [
                _evidence(row.sentence_a, row.matched_a),
                _evidence(row.sentence_b, row.matched_b),
            ]
            if row.status == "both":
                evidence = f"{row.label_a}: {ev[0]}; {row.label_b}: {ev[1]}"
            else:
                evidence = ev[0] or ev[1]
            out.append(line(row.call, row.topic, status_text(row), evidence))
        return "".join(out)

    def summary(s: Summary) -> str:
        clean = strip_controls
        out = ["", f"Summary: {_headline(s)}", ""]
        if s.topics:
            out.append("Topics by side (" + _TOPIC_NOTE + ")")
            rows = [
                [
                    clean(t.topic),
                    clean(t.side),
                    _mentioned(t.calls, t.mentioned),
                    t.one_sided,
                    t.left_out,
                ]
                for t in s.topics
            ]
            out.append(
                tabulate(
                    rows,
                    headers=["topic", "side", "mentioned", "one-sided", "left out"],
                    tablefmt="simple",
                    maxcolwidths=[40, 30, None, None, None],
                )
            )
            out.append("")
        if s.years:
            out.append("One-sided topics by side and year (" + _YEAR_NOTE + ")")
            rows = [
                [
                    clean(y.side),
                    y.year or "undated",
                    y.calls,
                    y.one_sided,
                    f"{y.one_sided_per_call:.1f}",
                    y.left_out,
                ]
                for y in s.years
            ]
            out.append(
                tabulate(
                    rows,
                    headers=["side", "year", "calls", "one-sided", "per call", "left out"],
                    tablefmt="simple",
                    maxcolwidths=[30, None, None, None, None, None],
                )
            )
            out.append("")
        if s.failures:
            out.append("Failed calls")
            out += [f"  {clean(f.call)}: {clean(f.reason)}" for f in s.failures]
            out.append("")
        return "\n".join(out)

    return CorpusWriter(
        head=lambda: f"{strip_controls(title)}\n" if title else "",
        rows_open=lambda: (
            "\n"
            + line("call", "topic", "status", "evidence (s = sentence)")
            + "-" * min(width, sum(cols) + rest + 3)
            + "\n"
        ),
        call=call,
        rows_close=lambda: "",
        summary=summary,
        tail=lambda: "",
    )


# ---------------------------------------------------------------- markdown


def _md_table(headers: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _markdown_writer(title: str) -> CorpusWriter:
    headers = ["Call", "Date", "Sides", "Topic", "Status", "Evidence A", "Evidence B"]

    def call(result: CallResult, _k: int) -> str:
        sides = md_escape(" / ".join(result.labels))
        if not result.ok:
            cells = [
                md_escape(result.name),
                md_escape(result.date),
                sides,
                "",
                "**failed**",
                md_escape(result.error),
                "",
            ]
            return "| " + " | ".join(c or " " for c in cells) + " |\n"
        out = []
        for row in result.rows:
            cells = [
                md_escape(row.call),
                md_escape(row.date),
                sides,
                md_escape(row.topic),
                md_escape(status_text(row)),
                md_escape(_evidence(row.sentence_a, row.matched_a)),
                md_escape(_evidence(row.sentence_b, row.matched_b)),
            ]
            out.append("| " + " | ".join(c or " " for c in cells) + " |\n")
        return "".join(out)

    def summary(s: Summary) -> str:
        out = ["", "## Summary", "", f"{_headline(s)}.", ""]
        if s.topics:
            out += ["### Topics by side", "", f"*{md_escape(_TOPIC_NOTE)}*", ""]
            out.append(
                _md_table(
                    ["Topic", "Side", "Mentioned", "One-sided", "Left out"],
                    (
                        [
                            md_escape(t.topic),
                            md_escape(t.side),
                            _mentioned(t.calls, t.mentioned),
                            str(t.one_sided),
                            str(t.left_out),
                        ]
                        for t in s.topics
                    ),
                )
            )
        if s.years:
            out += ["### One-sided topics by year", "", f"*{md_escape(_YEAR_NOTE)}*", ""]
            out.append(
                _md_table(
                    ["Side", "Year", "Calls", "One-sided", "Per call", "Left out"],
                    (
                        [
                            md_escape(y.side),
                            y.year or "undated",
                            str(y.calls),
                            str(y.one_sided),
                            f"{y.one_sided_per_call:.1f}",
                            str(y.left_out),
                        ]
                        for y in s.years
                    ),
                )
            )
        if s.failures:
            out += ["### Failed calls", ""]
            out += [f"- {md_escape(f.call)}: {md_escape(f.reason)}" for f in s.failures]
            out.append("")
        return "\n".join(out)

    return CorpusWriter(
        head=lambda: f"# {md_escape(title)}\n\n" if title else "",
        rows_open=lambda: (
            "## Topics by call\n\n"
            + "| "
            + " | ".join(headers)
            + " |\n|"
            + "|".join("---" for _ in headers)
            + "|\n"
        ),
        call=call,
        rows_close=lambda: "",
        summary=summary,
        tail=lambda: "",
    )


# ---------------------------------------------------------------- csv


def _csv_line(values: Iterable[object]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([neutralize(v) for v in values])
    return out.getvalue()


def _csv_writer(summary_only: bool) -> CorpusWriter:
    def call(result: CallResult, _k: int) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for row in result.rows:
            writer.writerow([neutralize(getattr(row, name)) for name in ROW_FIELDS])
        return out.getvalue()

    def summary(s: Summary) -> str:
        # A CSV file holds one table: the rows, or with --summary-only the summary (topic and
        # year lines in one long table, told apart by ``section``).
        if not summary_only:
            return ""
        out = [_csv_line(SUMMARY_COLUMNS)]
        for t in s.topics:
            out.append(
                _csv_line(
                    [
                        "topic",
                        t.side,
                        t.topic,
                        t.key,
                        t.origin,
                        "",
                        t.calls,
                        t.mentioned,
                        t.one_sided,
                        t.left_out,
                    ]
                )
            )
        for y in s.years:
            out.append(
                _csv_line(
                    ["year", y.side, "", "", "", y.year, y.calls, "", y.one_sided, y.left_out]
                )
            )
        return "".join(out)

    return CorpusWriter(
        head=lambda: "",
        rows_open=lambda: _csv_line(ROW_FIELDS),
        call=call,
        rows_close=lambda: "",
        summary=summary,
        tail=lambda: "",
    )


# ---------------------------------------------------------------- json


def _json_writer() -> CorpusWriter:
    # The streamed text parses to exactly ``Corpus.to_dict()``: one call per line in "calls",
    # then the summary.
    return CorpusWriter(
        head=lambda: '{\n"schema_version": 1,\n',
        rows_open=lambda: '"calls": [',
        call=lambda result, k: (
            ("," if k else "") + "\n" + json.dumps(result.to_dict(), ensure_ascii=False)
        ),
        rows_close=lambda: "\n],\n",
        summary=lambda s: '"summary": ' + json.dumps(s.to_dict(), ensure_ascii=False, indent=2),
        tail=lambda: "\n}\n",
    )


# ---------------------------------------------------------------- html


def _esc(text: object) -> str:
    return html.escape(strip_controls(str(text)), quote=True)


_HTML_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;
color:#1b1b1b;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#555;font-size:.9rem}.failed{color:#b00020}
.st-one{font-weight:600}svg{max-width:100%;height:auto}
svg text{font:12px system-ui,sans-serif;fill:currentColor}
@media (prefers-color-scheme: dark){body{color:#e8e8e8;background:#161616}
th{background:#262626}th,td{border-color:#333}.note{color:#aaa}}
"""


def timeline_svg(summary: Summary, *, max_sides: int = 8) -> str:
    """A small inline SVG: one-sided topics per call, by year, one line per side (the
    ``max_sides`` sides with most calls); ``""`` when no call is dated.

    >>> from readouts.corpus import Summary, YearSummary
    >>> s = Summary(2, (), (), (YearSummary("A<b>", "2023", 1, 3, 0),
    ...                         YearSummary("A<b>", "2024", 1, 1, 2)))
    >>> svg = timeline_svg(s)
    >>> svg.startswith("<svg"), "A&lt;b&gt;" in svg, "<b>" in svg
    (True, True, False)
    """
    dated = [y for y in summary.years if y.year]
    if not dated:
        return ""
    sides = [s for s in summary.sides if any(y.side == s for y in dated)][:max_sides]
    years = sorted({int(y.year) for y in dated if y.side in sides})
    first, last = years[0], years[-1]
    top = max((y.one_sided_per_call for y in dated if y.side in sides), default=0.0)
    top = max(1.0, float(int(top) + (top > int(top))))
    w, h = 640, 260
    left, right, up, down = 48, 16, 16, 28
    legend = 20 * ((len(sides) + 2) // 3)
    plot_h = h - up - down

    def x(year: int) -> float:
        if first == last:
            return left + (w - left - right) / 2
        return left + (year - first) * (w - left - right) / (last - first)

    def y(value: float) -> float:
        return up + plot_h - value / top * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h + legend}" '
        f'width="{w}" height="{h + legend}" role="img" '
        'aria-label="One-sided topics per call, by year and side">',
        "<title>One-sided topics per call, by year and side</title>",
    ]
    for tick in (0.0, top / 2, top):
        parts.append(
            f'<line x1="{left}" x2="{w - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            'stroke="#999" stroke-width="0.5"/>'
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>'
        )
    step = max(1, (last - first) // 10)
    for year in range(first, last + 1, step):
        parts.append(f'<text x="{x(year):.1f}" y="{h - 8}" text-anchor="middle">{year}</text>')
    for k, side in enumerate(sides):
        colour = _PALETTE[k % len(_PALETTE)]
        points = sorted((int(p.year), p) for p in dated if p.side == side)
        coords = " ".join(f"{x(yr):.1f},{y(p.one_sided_per_call):.1f}" for yr, p in points)
        if len(points) > 1:
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        for yr, p in points:
            parts.append(
                f'<circle cx="{x(yr):.1f}" cy="{y(p.one_sided_per_call):.1f}" r="3.5" '
                f'fill="{colour}"><title>{_esc(side)}, {yr}: {p.one_sided} one-sided '
                f"topic{'s' * (p.one_sided != 1)} in {p.calls} call{'s' * (p.calls != 1)}"
                "</title></circle>"
            )
        lx, ly = left + (k % 3) * 200, h + 6 + (k // 3) * 20
        parts.append(
            f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{lx + 16}" y="{ly + 9}">{_esc(side)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _html_writer(title: str) -> CorpusWriter:
    def head() -> str:
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="color-scheme" content="light dark">\n'
            f"<title>{_esc(title)}</title>\n<style>{_HTML_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{_esc(title)}</h1>\n"
        )

    def summary(s: Summary) -> str:
        out = ['<section id="summary">', "<h2>Summary</h2>", f"<p>{_esc(_headline(s))}.</p>"]
        svg = timeline_svg(s)
        if svg:
            out += ["<h3>One-sided topics per call, by year</h3>", f"<figure>{svg}</figure>"]
        if s.years:
            out += [
                "<h3>One-sided topics by side and year</h3>",
                f'<p class="note">{_esc(_YEAR_NOTE)}</p>',
                "<table><thead><tr><th>Side</th><th>Year</th><th>Calls</th><th>One-sided</th>"
                "<th>Per call</th><th>Left out</th></tr></thead><tbody>",
            ]
            out += [
                f"<tr><td>{_esc(y.side)}</td><td>{_esc(y.year or 'undated')}</td>"
                f'<td class="n">{y.calls}</td><td class="n">{y.one_sided}</td>'
                f'<td class="n">{y.one_sided_per_call:.1f}</td><td class="n">{y.left_out}</td></tr>'
                for y in s.years
            ]
            out.append("</tbody></table>")
        if s.topics:
            out += [
                "<h3>Topics by side</h3>",
                f'<p class="note">{_esc(_TOPIC_NOTE)}</p>',
                "<table><thead><tr><th>Topic</th><th>Side</th><th>Mentioned</th>"
                "<th>One-sided</th><th>Left out</th></tr></thead><tbody>",
            ]
            out += [
                f'<tr><td title="{_esc(t.key)}">{_esc(t.topic)}</td><td>{_esc(t.side)}</td>'
                f'<td class="n">{_mentioned(t.calls, t.mentioned)}</td>'
                f'<td class="n">{t.one_sided}</td><td class="n">{t.left_out}</td></tr>'
                for t in s.topics
            ]
            out.append("</tbody></table>")
        if s.failures:
            out += ["<h3>Failed calls</h3>", '<ul class="failed">']
            out += [f"<li>{_esc(f.call)}: {_esc(f.reason)}</li>" for f in s.failures]
            out.append("</ul>")
        out.append("</section>\n")
        return "\n".join(out)

    def cell(sentence: int | None, matched: str, evidence: str) -> str:
        if sentence is None:
            return "<td></td>"
        return f'<td title="{_esc(evidence)}">{_esc(_evidence(sentence, matched))}</td>'

    def call(result: CallResult, _k: int) -> str:
        if not result.ok:
            return (
                f'<tr class="failed"><td>{_esc(result.name)}</td><td>{_esc(result.date)}</td>'
                f"<td>{_esc(' / '.join(result.labels))}</td><td></td><td>failed</td>"
                f'<td colspan="2">{_esc(result.error)}</td></tr>\n'
            )
        out = []
        for row in result.rows:
            one = ' class="st-one"' if row.status in ("only_a", "only_b") else ""
            out.append(
                f"<tr><td>{_esc(row.call)}</td><td>{_esc(row.date)}</td>"
                f"<td>{_esc(row.label_a)} / {_esc(row.label_b)}</td><td>{_esc(row.topic)}</td>"
                f"<td{one}>{_esc(status_text(row))}</td>"
                + cell(row.sentence_a, row.matched_a, row.evidence_a)
                + cell(row.sentence_b, row.matched_b, row.evidence_b)
                + "</tr>\n"
            )
        return "".join(out)

    return CorpusWriter(
        head=head,
        rows_open=lambda: (
            '<section id="rows"><h2>Topics by call</h2>\n'
            '<p class="note">s = sentence number; hover for the whole sentence.</p>\n'
            "<table><thead><tr><th>Call</th><th>Date</th><th>Sides</th><th>Topic</th>"
            "<th>Status</th><th>Evidence A</th><th>Evidence B</th></tr></thead><tbody>\n"
        ),
        call=call,
        rows_close=lambda: "</tbody></table></section>\n",
        summary=summary,
        tail=lambda: "</body>\n</html>\n",
        summary_first=True,
    )
