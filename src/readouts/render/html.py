"""``--format html``: the report as one self-contained HTML5 page, or as a notebook fragment.

The page carries its own CSS (light and dark themes through ``prefers-color-scheme``, a print
stylesheet) and nothing else: no script, no font, no image, no link to anywhere, and a
Content-Security-Policy that forbids fetching any of them, so opening a report never touches
the network and a hostile readout cannot run code in it. Every piece of input text (labels,
sources, sentences, topic names, metadata) goes through :func:`esc`.

Like the other renderers this lays out what the :class:`~readouts.model.Comparison` holds and
computes nothing new: the word-level differences come from ``Pair.diff``, the highlighted
mentions from ``Topic.mentions``; this module only maps them onto character spans of the
sentences it prints.
"""

from __future__ import annotations

import hashlib
import html
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from readouts.model import Comparison, Mention, Pair, Topic
from readouts.render import (
    origin_phrase,
    snippet_bounds,
    status_phrase,
    strip_controls,
    summary_groups,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_STATUS_CLASS = {"only_a": "st-a", "only_b": "st-b", "both": "st-both", "neither": "st-none"}


def esc(text: object) -> str:
    """Text made safe for HTML content and attribute values (control characters dropped).

    >>> esc('<img src=x onerror="alert(1)"> & \\'js\\'')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#x27;js&#x27;'
    """
    return html.escape(strip_controls(str(text)), quote=True)


def render_html(cmp: Comparison, *, fragment: bool = False) -> str:
    """The comparison as a standalone HTML page, or (``fragment=True``) as a ``<div>`` with
    its own scoped ``<style>``, the form notebooks display.

    >>> import readouts
    >>> c = readouts.compare("We discussed <b>Taiwan</b>.", "We discussed trade.",
    ...                      labels=("X", "Y"))
    >>> page = render_html(c)
    >>> page.startswith("<!DOCTYPE html>"), "&lt;b&gt;" in page, "<b>" in page
    (True, True, False)
    >>> render_html(c, fragment=True).startswith('<div class="ro-report"')
    True
    """
    ids = _Ids(cmp, fragment=fragment)
    body = "\n".join(
        [
            f'<div class="ro-report" lang="en" id="{ids.root}">',
            f"<style>{_CSS}</style>",
            _header(cmp),
            _nav(cmp, ids),
            _summary(cmp, ids),
            _ledger(cmp, ids),
            _side_by_side(cmp, ids),
            _footer(),
            "</div>",
        ]
    )
    if fragment:
        return body + "\n"
    a, b = (esc(label) for label in cmp.labels)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{a} vs {b} · readouts</title>\n"
        f"<style>{_PAGE_CSS}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- ids and small pieces


class _Ids:
    """Element ids. A notebook may show several reports on one page, so a fragment's ids get
    a prefix derived from its content: unique enough, and the same input still gives
    byte-identical output."""

    def __init__(self, cmp: Comparison, *, fragment: bool) -> None:
        if fragment:
            digest = hashlib.sha1(usedforsecurity=False)
            for readout in cmp.readouts:
                digest.update(readout.label.encode("utf-8", "replace") + b"\0")
                digest.update(readout.text.encode("utf-8", "replace") + b"\0")
            self.prefix = "ro" + digest.hexdigest()[:8] + "-"
        else:
            self.prefix = "ro-"
        self.root = self.prefix + "report"
        self.ledger = self.prefix + "ledger"
        self.rows = self.prefix + "side-by-side"

    def sentence(self, side: int, index: int) -> str:
        return f"{self.prefix}{'ab'[side]}{index + 1}"

    def topic(self, number: int) -> str:
        return f"{self.prefix}t{number + 1}"


def _side_class(side: int) -> str:
    return ("side-a", "side-b")[side]


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _chip(cmp: Comparison, topic: Topic, href: str | None = None) -> str:
    title = f"{topic.name}: {status_phrase(cmp, topic)}"
    if topic.description:
        title += f" ({topic.description})"
    inner = esc(topic.name)
    cls = f"ro-chip {_STATUS_CLASS[topic.status]}"
    if href is not None:
        return f'<a class="{cls}" href="#{href}" title="{esc(title)}">{inner}</a>'
    return f'<span class="{cls}" title="{esc(title)}">{inner}</span>'


# ---------------------------------------------------------------- header and summary


def _meta_items(meta: Any) -> list[tuple[str, str]]:
    """Scalar metadata worth showing (``date``, ``event``...), in a stable order."""
    if not isinstance(meta, dict):
        return []
    return [
        (str(k), str(v))
        for k, v in meta.items()
        if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v).strip()
    ]


def _header(cmp: Comparison) -> str:
    meta = cmp.meta if isinstance(cmp.meta, dict) else {}
    a, b = (esc(label) for label in cmp.labels)
    top = dict(_meta_items(meta))
    event = top.pop("event", "")
    date = top.pop("date", "")
    out = ['<header class="ro-head">']
    out.append('<p class="ro-kicker">readouts · comparison of two readouts</p>')
    out.append(
        f'<h1 class="ro-title"><span class="ro-lab side-a">{a}</span>'
        f' <span class="ro-vs">vs</span> <span class="ro-lab side-b">{b}</span></h1>'
    )
    sub = []
    if event:
        sub.append(f'<span class="ro-event">{esc(event)}</span>')
    if date:
        sub.append(f'<time class="ro-date">{esc(date)}</time>')
    sub += [f'<span class="ro-meta-item">{esc(k)}: {esc(v)}</span>' for k, v in top.items()]
    if sub:
        out.append('<p class="ro-sub">' + ' <span class="ro-dot">·</span> '.join(sub) + "</p>")

    out.append('<div class="ro-sides">')
    for side, readout in enumerate(cmp.readouts):
        side_meta = dict(_meta_items(meta.get("ab"[side])))
        initiator = cmp.initiators[side]
        rows = [("Source", esc(readout.source) if readout.source else "–")]
        rows += [(esc(k.capitalize()), esc(v)) for k, v in side_meta.items() if k != "source"]
        length = f"{_plural(len(readout.sentences), 'sentence')} · {_plural(readout.words, 'word')}"
        rows.append(("Length", length))
        if initiator is None:
            init = '<span class="ro-muted">not stated</span>'
        else:
            init = f'“{esc(initiator.text)}” <span class="ro-ref">s{initiator.sentence + 1}</span>'
        rows.append(("Call initiated by", init))
        out.append(f'<section class="ro-side {_side_class(side)}">')
        out.append(f'<h2 class="ro-side-label">{esc(readout.label)}</h2><dl>')
        out += [f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows]
        out.append("</dl></section>")
    out.append("</div>")
    out.append("</header>")
    return "\n".join(out)


def _nav(cmp: Comparison, ids: _Ids) -> str:
    return (
        '<nav class="ro-nav" aria-label="Sections">'
        f'<a href="#{ids.ledger}">Topic ledger <span>{len(cmp.topics)}</span></a>'
        f'<a href="#{ids.rows}">Side by side <span>{len(cmp.alignment)} rows</span></a>'
        "</nav>"
    )


def _summary(cmp: Comparison, ids: _Ids) -> str:
    number = {t.key: k for k, t in enumerate(cmp.topics)}
    out = ['<section class="ro-summary" aria-label="Summary">']
    for (title, topics, minor), status in zip(
        summary_groups(cmp), ("only_a", "only_b", "both"), strict=True
    ):
        chips = (
            " ".join(_chip(cmp, t, ids.topic(number[t.key])) for t in topics)
            if topics
            else '<span class="ro-muted">none</span>'
        )
        if minor:
            chips += ' <span class="ro-muted">minor:</span> ' + " ".join(
                _chip(cmp, t, ids.topic(number[t.key])) for t in minor
            )
        out.append(
            f'<div class="ro-group {_STATUS_CLASS[status]}">'
            f'<h2 class="ro-group-title">{esc(title)} <span class="ro-count">{len(topics)}</span>'
            f'</h2><div class="ro-chips">{chips}</div></div>'
        )
    out.append("</section>")
    return "\n".join(out)


# ---------------------------------------------------------------- ledger


def _snippet(text: str, mention: Mention, context: int = 60) -> str:
    """The mention, highlighted, in a little of its sentence, cut at word boundaries.

    The same cut as :func:`readouts.render.snippet`, which returns plain text; here the mention
    itself must be wrapped in ``<mark>``, so the pieces are escaped separately.
    """
    start, end = snippet_bounds(text, mention, context=context)
    return (
        ("…" if start > 0 else "")
        + esc(text[start : mention.start])
        + f"<mark>{esc(text[mention.start : mention.end])}</mark>"
        + esc(text[mention.end : end])
        + ("…" if end < len(text) else "")
    )


def _evidence(cmp: Comparison, topic: Topic, side: int, ids: _Ids) -> str:
    mentions = topic.mentions[side]
    label = esc(cmp.labels[side])
    if not mentions:
        return (
            f'<td class="ro-ev ro-absent {_side_class(side)}" data-label="{label}">'
            f"<span>not mentioned by {label}</span></td>"
        )
    refs = []
    seen: set[int] = set()
    for m in mentions:
        if m.sentence in seen:
            continue
        seen.add(m.sentence)
        neg = ' <span class="ro-neg">negated</span>' if m.negated else ""
        refs.append(
            f'<a class="ro-ref" href="#{ids.sentence(side, m.sentence)}">s{m.sentence + 1}</a>{neg}'
        )
    first = mentions[0]
    sentence = cmp.readouts[side].sentences[first.sentence].text
    how = f"matched “{first.alias or first.text}” by {first.matched_by}, score {first.score:.0f}"
    emphasis = topic.emphasis[side]
    weight = []
    if emphasis.first_rank is not None:
        weight.append(f"raised {_ordinal(emphasis.first_rank)}")
    if emphasis.sentences:
        weight.append(f"{emphasis.word_share * 100:.0f}% of words")
    return (
        f'<td class="ro-ev {_side_class(side)}" data-label="{label}">'
        f'<div class="ro-refs">{" ".join(refs)}'
        f'<span class="ro-weight">{esc(" · ".join(weight))}</span></div>'
        f'<q class="ro-snip" title="{esc(how)}">{_snippet(sentence, first)}</q></td>'
    )


def _ledger(cmp: Comparison, ids: _Ids) -> str:
    a, b = (esc(label) for label in cmp.labels)
    out = [f'<section class="ro-ledger" id="{ids.ledger}" aria-labelledby="{ids.ledger}-h">']
    out.append(f'<h2 class="ro-h2" id="{ids.ledger}-h">Topic ledger</h2>')
    if not cmp.topics:
        out.append('<p class="ro-muted">No topics found in either readout.</p></section>')
        return "\n".join(out)
    out.append(
        '<p class="ro-note">What each side mentions, with the first sentence that shows it. '
        "One-sided topics come first. Hover a quotation to see how it was matched.</p>"
    )
    out.append('<table class="ro-table">')
    out.append('<colgroup><col class="c-topic"><col class="c-ev"><col class="c-ev"></colgroup>')
    out.append(
        f'<thead><tr><th scope="col">Topic</th>'
        f'<th scope="col" class="side-a">{a}</th><th scope="col" class="side-b">{b}</th>'
        "</tr></thead><tbody>"
    )
    for k, topic in enumerate(cmp.topics):
        origin = origin_phrase(topic) + (f" · {topic.category}" if topic.category else "")
        out.append(
            f'<tr id="{ids.topic(k)}" class="{_STATUS_CLASS[topic.status]}">'
            f'<th scope="row" class="ro-topic">{_chip(cmp, topic)}'
            f'<div class="ro-origin"><span class="ro-stat {_STATUS_CLASS[topic.status]}">'
            f"{esc(status_phrase(cmp, topic))}</span> · {esc(origin)}</div></th>"
            + _evidence(cmp, topic, 0, ids)
            + _evidence(cmp, topic, 1, ids)
            + "</tr>"
        )
    out.append("</tbody></table></section>")
    return "\n".join(out)


# ---------------------------------------------------------------- side by side


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    topic: Topic | None  # None: a changed-words span from the diff


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words ``str.split()`` gives, which is how ``Pair.diff`` counts."""
    spans = []
    start = -1
    for k, ch in enumerate(text):
        if ch.isspace():
            if start >= 0:
                spans.append((start, k))
                start = -1
        elif start < 0:
            start = k
    if start >= 0:
        spans.append((start, len(text)))
    return spans


def _changed_spans(cmp: Comparison, pair: Pair) -> tuple[dict[int, list[_Span]], ...]:
    """Map the pair's word diff back onto the sentences: per side, sentence -> changed spans.

    ``Pair.diff`` runs over the words of the side's sentences joined in order, so the n-th word
    of the diff is found by counting words sentence by sentence. If the counts disagree (a diff
    built some other way) nothing is highlighted rather than the wrong words.
    """
    result: tuple[dict[int, list[_Span]], ...] = ({}, {})
    if pair.kind != "match" or not pair.diff:
        return result
    for side, indices in ((0, pair.a), (1, pair.b)):
        words: list[tuple[int, int, int]] = []  # (sentence, start, end) of each word in order
        for i in indices:
            words += [(i, s, e) for s, e in _word_spans(cmp.readouts[side].sentences[i].text)]
        changed: list[bool] = []
        for run in pair.diff:
            n = len((run.a if side == 0 else run.b).split())
            changed += [run.tag != "equal"] * n
        if len(changed) != len(words):
            continue
        spans = result[side]
        for k, (sentence, start, end) in enumerate(words):
            if not changed[k]:
                continue
            previous = spans.setdefault(sentence, [])
            # Consecutive changed words make one span, so the space between them is marked too.
            if previous and k > 0 and changed[k - 1] and words[k - 1][0] == sentence:
                previous[-1] = _Span(previous[-1].start, end, None)
            else:
                previous.append(_Span(start, end, None))
    return result


def _mention_index(cmp: Comparison) -> tuple[dict[int, list[_Span]], ...]:
    """Per side, sentence -> the topic mentions in it."""
    index: tuple[dict[int, list[_Span]], ...] = ({}, {})
    for topic in cmp.topics:
        for side in (0, 1):
            for m in topic.mentions[side]:
                index[side].setdefault(m.sentence, []).append(_Span(m.start, m.end, topic))
    return index


def _marked_text(cmp: Comparison, text: str, spans: Sequence[_Span]) -> str:
    """The sentence with changed words and topic mentions marked; overlaps are cut into flat
    segments so the tags always nest."""
    size = len(text)
    cuts = {0, size}
    for span in spans:
        cuts.add(min(max(span.start, 0), size))
        cuts.add(min(max(span.end, 0), size))
    points = sorted(cuts)
    out = []
    for x, y in itertools.pairwise(points):
        if x == y:
            continue
        piece = esc(text[x:y])
        inside = [s for s in spans if s.start <= x and y <= s.end]
        if any(s.topic is None for s in inside):
            piece = f'<span class="ro-chg">{piece}</span>'
        topics = _unique(s.topic for s in inside if s.topic is not None)
        if topics:
            title = "; ".join(f"{t.name}: {status_phrase(cmp, t)}" for t in topics)
            piece = (
                f'<mark class="ro-men {_STATUS_CLASS[topics[0].status]}" title="{esc(title)}">'
                f"{piece}</mark>"
            )
        out.append(piece)
    return "".join(out)


def _unique(topics: Iterable[Topic]) -> list[Topic]:
    seen: dict[str, Topic] = {}
    for t in topics:
        seen.setdefault(t.key, t)
    return list(seen.values())


def _cell(
    cmp: Comparison,
    ids: _Ids,
    side: int,
    indices: tuple[int, ...],
    changed: dict[int, list[_Span]],
    mentions: dict[int, list[_Span]],
) -> str:
    sentences = cmp.readouts[side].sentences
    parts = []
    for i in indices:
        spans = changed.get(i, []) + mentions.get(i, [])
        parts.append(
            f'<p class="ro-s" id="{ids.sentence(side, i)}"><span class="ro-n">s{i + 1}</span> '
            f"{_marked_text(cmp, sentences[i].text, spans)}</p>"
        )
    label = esc(cmp.labels[side])
    return (
        f'<div class="ro-cell {_side_class(side)}" role="cell" data-label="{label}">'
        f"{''.join(parts)}</div>"
    )


def _absent(label: str, side: int) -> str:
    return (
        f'<div class="ro-cell {_side_class(side)} ro-absent" role="cell">'
        f"<span>not in {esc(label)}</span></div>"
    )


def _row(
    cmp: Comparison, ids: _Ids, pair: Pair, mentions: tuple[dict[int, list[_Span]], ...]
) -> str:
    a, b = cmp.labels
    changed = _changed_spans(cmp, pair)
    if pair.kind == "match":
        moved = ""
        title = f"similarity {pair.score:.0f} of 100"
        if pair.moved:
            where_a = ", ".join(f"s{i + 1}" for i in pair.a)
            where_b = ", ".join(f"s{i + 1}" for i in pair.b)
            moved = (
                f'<span class="ro-moved" title="{esc(a)} says this at {where_a}, '
                f'{esc(b)} at {where_b}: a different place in each readout">↕ moved</span>'
            )
        score = max(0.0, min(100.0, pair.score))
        middle = (
            f'<div class="ro-mid" role="cell" title="{title}">'
            f'<span class="ro-score">{pair.score:.0f}</span>'
            f'<span class="ro-bar" aria-hidden="true"><i style="width:{score:.0f}%"></i></span>'
            f"{moved}</div>"
        )
        cls = "ro-row ro-match" + (" ro-is-moved" if pair.moved else "")
        return (
            f'<div class="{cls}" role="row">'
            + _cell(cmp, ids, 0, pair.a, changed[0], mentions[0])
            + middle
            + _cell(cmp, ids, 1, pair.b, changed[1], mentions[1])
            + "</div>"
        )
    side = 0 if pair.kind == "only_a" else 1
    label = esc(cmp.labels[side])
    tag = f"◀ only {label}" if side == 0 else f"only {label} ▶"
    cells = [
        _cell(cmp, ids, side, pair.a or pair.b, {}, mentions[side]),
        f'<div class="ro-mid" role="cell"><span class="ro-only-tag">{tag}</span></div>',
        _absent(cmp.labels[1 - side], 1 - side),
    ]
    if side == 1:
        cells.reverse()
    return (
        f'<div class="ro-row ro-only {_STATUS_CLASS[pair.kind]}" role="row">{"".join(cells)}</div>'
    )


def _side_by_side(cmp: Comparison, ids: _Ids) -> str:
    a, b = (esc(label) for label in cmp.labels)
    counts = {
        "match": sum(p.kind == "match" for p in cmp.alignment),
        "moved": sum(p.moved for p in cmp.alignment),
        "only_a": sum(p.kind == "only_a" for p in cmp.alignment),
        "only_b": sum(p.kind == "only_b" for p in cmp.alignment),
    }
    out = [f'<section class="ro-sbs" id="{ids.rows}" aria-labelledby="{ids.rows}-h">']
    out.append(f'<h2 class="ro-h2" id="{ids.rows}-h">Side by side</h2>')
    out.append(
        f'<p class="ro-note">Sentences paired by meaning, in any order: '
        f"{_plural(counts['match'], 'matched pair')} ({counts['moved']} moved), "
        f"{_plural(counts['only_a'], 'sentence')} only in {a}, "
        f"{_plural(counts['only_b'], 'sentence')} only in {b}.</p>"
    )
    out.append(
        '<p class="ro-legend" aria-label="Legend">'
        '<span><span class="ro-chg">wording differs</span> inside a matched pair</span>'
        '<span><mark class="ro-men st-a">topic</mark> <mark class="ro-men st-b">mention</mark>'
        ' <mark class="ro-men st-both">coloured</mark> by status</span>'
        '<span><span class="ro-moved">↕ moved</span> placed differently</span>'
        f'<span><span class="ro-key-only st-a">◀ only {a}</span> '
        f'<span class="ro-key-only st-b">only {b} ▶</span> one side only</span>'
        '<span><span class="ro-score">87</span> similarity 0–100</span>'
        "</p>"
    )
    out.append('<div class="ro-grid" role="table">')
    out.append(
        '<div class="ro-row ro-colhead" role="row">'
        f'<div class="ro-cell side-a" role="columnheader">{a} '
        f'<span class="ro-muted">({_plural(len(cmp.readouts[0].sentences), "sentence")})'
        "</span></div>"
        '<div class="ro-mid" role="columnheader">match</div>'
        f'<div class="ro-cell side-b" role="columnheader">{b} '
        f'<span class="ro-muted">({_plural(len(cmp.readouts[1].sentences), "sentence")})'
        "</span></div>"
        "</div>"
    )
    mentions = _mention_index(cmp)
    out += [_row(cmp, ids, pair, mentions) for pair in cmp.alignment]
    if not cmp.alignment:
        out.append('<p class="ro-muted">Neither readout has any sentences.</p>')
    out.append("</div></section>")
    return "\n".join(out)


def _footer() -> str:
    from readouts import __version__

    return (
        '<footer class="ro-foot">Made with readouts '
        f"{esc(__version__)}: automatic matching, check the evidence before quoting it. "
        "s1, s2… are sentence numbers in each readout.</footer>"
    )


# ---------------------------------------------------------------- style

# The light and dark palettes as custom properties. Side A is blue and side B orange (a pair
# that stays distinct under the common colour-vision deficiencies); "both" is green; the
# word-diff tint is a pale highlighter yellow, kept faint because in readouts of one call most
# of the words differ and a loud colour would swamp the text.
_LIGHT = """
--bg:#f7f6f3;--panel:#ffffff;--ink:#1e2227;--muted:#5d646d;--faint:#8a9099;
--line:#e3e1db;--line2:#cfcbc2;
--a:#1d5fc4;--a-ink:#174a99;--a-tint:#eef4fd;--a-chip:#d9e6fb;--a-edge:#8fb3ea;
--b:#c2530e;--b-ink:#97400b;--b-tint:#fdf3ec;--b-chip:#fbe2d0;--b-edge:#eeb08a;
--both:#2d7a4c;--both-ink:#1f5c38;--both-chip:#d8eedf;--both-edge:#93c9a6;
--none-chip:#ebe9e4;--none-ink:#5d646d;
--mv:#7a3ec8;--mv-chip:#efe6fb;
--chg:rgba(240,190,20,.26);--mark-b:2px;
--shadow:0 1px 2px rgba(30,34,39,.06),0 1px 1px rgba(30,34,39,.04);
"""
_DARK = """
--bg:#131519;--panel:#1b1e23;--ink:#e4e4e0;--muted:#a0a6ae;--faint:#737a84;
--line:#2b2f36;--line2:#3a3f48;
--a:#6ea8ff;--a-ink:#a9cbff;--a-tint:#17233a;--a-chip:#1f3357;--a-edge:#3e64a3;
--b:#ff9a55;--b-ink:#ffc49c;--b-tint:#2b2018;--b-chip:#4a2c14;--b-edge:#9a5a2c;
--both:#5fd08f;--both-ink:#a5e8c0;--both-chip:#173a27;--both-edge:#2f7a50;
--none-chip:#2a2d33;--none-ink:#a0a6ae;
--mv:#c49bff;--mv-chip:#2e2342;
--chg:rgba(250,204,21,.17);--mark-b:2px;
--shadow:none;
"""

_R = ".ro-report"  # every rule is scoped to the report so a notebook's own styles are untouched

_CSS = f"""
{_R}{{{_LIGHT}
--serif:"Iowan Old Style","Charter","Bitstream Charter","Source Serif 4","Source Serif Pro",
Georgia,"Noto Serif","DejaVu Serif",serif;
color-scheme:light;background:var(--bg);color:var(--ink);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
padding:28px clamp(12px,3vw,40px) 36px;box-sizing:border-box;max-width:1440px;margin:0 auto;
text-align:left;overflow-wrap:anywhere;-webkit-text-size-adjust:100%}}
@media (prefers-color-scheme:dark){{{_R}{{{_DARK}color-scheme:dark}}}}
[data-jp-theme-light="false"] {_R},body.vscode-dark {_R}{{{_DARK}color-scheme:dark}}
[data-jp-theme-light="true"] {_R},body.vscode-light {_R}{{{_LIGHT}color-scheme:light}}
{_R} *,{_R} *::before,{_R} *::after{{box-sizing:border-box}}
{_R} h1,{_R} h2,{_R} p,{_R} dl,{_R} dd{{margin:0;padding:0}}
{_R} h1,{_R} h2{{border:0;font-family:inherit}}
{_R} a{{color:inherit}}
{_R} .ro-muted{{color:var(--muted)}}
{_R} .ro-kicker{{font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);
margin-bottom:6px}}
{_R} .ro-title{{font-size:30px;line-height:1.2;font-weight:700;margin:0 0 6px;color:var(--ink)}}
{_R} .ro-title .side-a{{color:var(--a)}}
{_R} .ro-title .side-b{{color:var(--b)}}
{_R} .ro-vs{{color:var(--faint);font-weight:400;font-size:22px;padding:0 4px}}
{_R} .ro-sub{{color:var(--muted);margin-bottom:18px}}
{_R} .ro-dot{{color:var(--faint)}}
{_R} .ro-sides{{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px;
margin:16px 0 8px}}
{_R} .ro-side{{background:var(--panel);border:1px solid var(--line);border-radius:10px;
padding:12px 16px;border-top:4px solid var(--a);box-shadow:var(--shadow)}}
{_R} .ro-side.side-b{{border-top-color:var(--b)}}
{_R} .ro-side-label{{font-size:17px;font-weight:650;margin-bottom:6px}}
{_R} .ro-side.side-a .ro-side-label{{color:var(--a-ink)}}
{_R} .ro-side.side-b .ro-side-label{{color:var(--b-ink)}}
{_R} .ro-side dl{{display:grid;grid-template-columns:max-content minmax(0,1fr);
gap:3px 14px;font-size:14px}}
{_R} .ro-side dt{{color:var(--muted)}}
{_R} .ro-ref{{font:12px/1 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;
color:var(--muted);text-decoration:none;border:1px solid var(--line2);border-radius:4px;
padding:1px 4px;white-space:nowrap}}
{_R} a.ro-ref:hover{{color:var(--ink);border-color:var(--muted)}}
{_R} .ro-nav{{display:flex;flex-wrap:wrap;gap:8px;margin:14px 0 0;font-size:13.5px}}
{_R} .ro-nav a{{text-decoration:none;color:var(--muted);border:1px solid var(--line2);
border-radius:6px;padding:3px 10px;background:var(--panel)}}
{_R} .ro-nav a:hover{{color:var(--ink);border-color:var(--muted)}}
{_R} .ro-nav span{{color:var(--faint);padding-left:3px}}
{_R} .ro-summary{{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:14px;
margin:14px 0 30px;align-items:start}}
{_R} .ro-group.st-both{{grid-column:1 / -1}}
{_R} .ro-group{{background:var(--panel);border:1px solid var(--line);border-radius:10px;
padding:10px 14px 12px;box-shadow:var(--shadow)}}
{_R} .ro-group.st-a{{border-left:5px solid var(--a)}}
{_R} .ro-group.st-b{{border-left:5px solid var(--b)}}
{_R} .ro-group.st-both{{border-left:5px solid var(--both)}}
{_R} .ro-group-title{{font-size:13px;font-weight:650;text-transform:uppercase;letter-spacing:.04em;
color:var(--muted);margin-bottom:8px}}
{_R} .ro-count{{font-weight:700;color:var(--ink);padding-left:4px}}
{_R} .ro-chips{{display:flex;flex-wrap:wrap;gap:6px}}
{_R} .ro-chip{{display:inline-block;border-radius:12px;padding:2px 10px;font-size:13.5px;
font-weight:550;text-decoration:none;border:1px solid transparent;line-height:1.5}}
{_R} .ro-chip.st-a{{background:var(--a-chip);color:var(--a-ink);border-color:var(--a-edge)}}
{_R} .ro-chip.st-b{{background:var(--b-chip);color:var(--b-ink);border-color:var(--b-edge)}}
{_R} .ro-chip.st-both{{background:var(--both-chip);color:var(--both-ink);
border-color:var(--both-edge)}}
{_R} .ro-chip.st-none{{background:var(--none-chip);color:var(--none-ink);
border:1px dashed var(--line2)}}
{_R} a.ro-chip:hover{{filter:brightness(.96);text-decoration:underline}}
{_R} .ro-h2{{font-size:20px;font-weight:700;margin:0 0 4px;color:var(--ink)}}
{_R} .ro-note{{color:var(--muted);font-size:14px;margin-bottom:12px}}
{_R} .ro-ledger{{margin-bottom:34px}}
{_R} table.ro-table{{width:100%;table-layout:fixed;border-collapse:separate;border-spacing:0;
background:var(--panel);border:1px solid var(--line);border-radius:10px;overflow:hidden;
font-size:14px;box-shadow:var(--shadow);margin:0}}
{_R} .ro-table col.c-topic{{width:22%}}
{_R} .ro-table th,{_R} .ro-table td{{text-align:left;vertical-align:top;padding:8px 12px;
border:0;border-bottom:1px solid var(--line);background:transparent;color:var(--ink);
white-space:normal;max-width:none}}
{_R} .ro-table tbody tr:last-child > *{{border-bottom:0}}
{_R} .ro-table thead th{{font-size:12.5px;text-transform:uppercase;letter-spacing:.04em;
color:var(--muted);font-weight:650;background:var(--bg)}}
{_R} .ro-table thead th.side-a{{color:var(--a-ink);box-shadow:inset 0 -3px 0 var(--a)}}
{_R} .ro-table thead th.side-b{{color:var(--b-ink);box-shadow:inset 0 -3px 0 var(--b)}}
{_R} .ro-table tbody tr:nth-child(odd){{background:transparent}}
{_R} .ro-table tbody tr:hover{{background:transparent}}
{_R} .ro-table tbody tr:target{{outline:2px solid var(--mv);outline-offset:-2px}}
{_R} .ro-topic{{font-weight:400}}
{_R} .ro-origin{{color:var(--faint);font-size:12px;margin-top:4px;padding-left:2px}}
{_R} .ro-stat{{font-weight:650}}
{_R} .ro-stat.st-a{{color:var(--a-ink)}}
{_R} .ro-stat.st-b{{color:var(--b-ink)}}
{_R} .ro-stat.st-both{{color:var(--both-ink)}}
{_R} .ro-stat.st-none{{color:var(--muted)}}
{_R} .st-a > td.ro-ev.side-a{{background:var(--a-tint)}}
{_R} .st-b > td.ro-ev.side-b{{background:var(--b-tint)}}
{_R} .ro-refs{{margin-bottom:3px;display:flex;flex-wrap:wrap;gap:4px;align-items:center}}
{_R} .ro-neg{{font-size:11.5px;font-weight:700;text-transform:uppercase;color:#fff;
background:#b42318;border-radius:4px;padding:0 5px}}
{_R} .ro-snip{{display:block;font-family:var(--serif);font-size:14.5px;quotes:"“" "”"}}
{_R} .ro-snip mark{{background:transparent;color:inherit;font-weight:650;
text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px}}
{_R} .side-a .ro-snip mark{{text-decoration-color:var(--a)}}
{_R} .side-b .ro-snip mark{{text-decoration-color:var(--b)}}
{_R} .ro-weight{{color:var(--faint);font-size:12px;padding-left:4px}}
{_R} td.ro-absent{{color:var(--faint);font-style:italic;font-size:13px}}
{_R} .st-a > td.ro-absent.side-b,{_R} .st-b > td.ro-absent.side-a{{
background:repeating-linear-gradient(-45deg,transparent 0 7px,var(--line) 7px 8px)}}
{_R} .st-a > td.ro-absent.side-b span,{_R} .st-b > td.ro-absent.side-a span{{
background:var(--panel);padding:1px 6px;border-radius:4px}}
{_R} .ro-legend{{display:flex;flex-wrap:wrap;gap:6px 22px;font-size:13px;color:var(--muted);
margin-bottom:12px}}
{_R} .ro-key-only{{font-size:12px;font-weight:700;padding:1px 6px;border-radius:2px}}
{_R} .ro-key-only.st-a{{color:var(--a-ink);background:var(--a-tint);
box-shadow:inset 3px 0 0 var(--a)}}
{_R} .ro-key-only.st-b{{color:var(--b-ink);background:var(--b-tint);
box-shadow:inset -3px 0 0 var(--b)}}
{_R} .ro-grid{{display:block;background:var(--panel);border:1px solid var(--line);
border-radius:10px;box-shadow:var(--shadow)}}
{_R} .ro-row{{display:grid;grid-template-columns:minmax(0,1fr) 84px minmax(0,1fr);
border-bottom:1px solid var(--line);break-inside:avoid}}
{_R} .ro-row:last-child{{border-bottom:0}}
{_R} .ro-cell{{padding:10px 14px;min-width:0}}
{_R} .ro-mid{{padding:10px 4px;text-align:center;border-left:1px solid var(--line);
border-right:1px solid var(--line);display:flex;flex-direction:column;align-items:center;
gap:4px;min-width:0}}
{_R} .ro-colhead{{position:sticky;top:0;z-index:1;background:var(--panel);
border-radius:10px 10px 0 0;font-weight:650;box-shadow:0 1px 0 var(--line2)}}
{_R} .ro-colhead .ro-cell.side-a{{color:var(--a-ink);box-shadow:inset 0 -3px 0 var(--a)}}
{_R} .ro-colhead .ro-cell.side-b{{color:var(--b-ink);box-shadow:inset 0 -3px 0 var(--b)}}
{_R} .ro-colhead .ro-mid{{font-size:12px;font-weight:600;color:var(--muted);
text-transform:uppercase;letter-spacing:.05em;justify-content:center}}
{_R} .ro-colhead .ro-muted{{font-weight:400;font-size:13px}}
{_R} .ro-s{{font-family:var(--serif);font-size:16px;line-height:1.6;margin:0}}
{_R} .ro-s + .ro-s{{margin-top:8px}}
{_R} .ro-s,{_R} .ro-table tr{{scroll-margin-top:64px}}
{_R} .ro-s:target{{background:var(--mv-chip);outline:2px solid var(--mv);outline-offset:3px;
border-radius:2px}}
{_R} .ro-n{{font:11.5px/1 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;
color:var(--faint);vertical-align:1px;padding-right:2px;user-select:none}}
{_R} .ro-chg{{background:var(--chg);border-radius:2px;box-decoration-break:clone;
-webkit-box-decoration-break:clone}}
{_R} mark.ro-men{{background:transparent;color:inherit;text-decoration:underline;
text-decoration-thickness:var(--mark-b);text-underline-offset:3px;text-decoration-skip-ink:none}}
{_R} mark.ro-men.st-a{{text-decoration-color:var(--a)}}
{_R} mark.ro-men.st-b{{text-decoration-color:var(--b)}}
{_R} mark.ro-men.st-both{{text-decoration-color:var(--both)}}
{_R} mark.ro-men.st-none{{text-decoration-color:var(--faint)}}
{_R} .ro-score{{font:600 14px/1.2 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",
monospace;color:var(--ink)}}
{_R} .ro-bar{{display:block;width:44px;height:4px;border-radius:2px;background:var(--line);
overflow:hidden}}
{_R} .ro-bar i{{display:block;height:100%;background:var(--muted)}}
{_R} .ro-moved{{display:inline-block;font-size:11.5px;font-weight:700;color:var(--mv);
background:var(--mv-chip);border-radius:4px;padding:1px 5px;white-space:nowrap}}
{_R} .ro-is-moved .ro-mid{{background:var(--mv-chip)}}
{_R} .ro-only .ro-mid{{justify-content:center}}
{_R} .ro-only-tag{{font-size:12px;font-weight:700;line-height:1.25}}
{_R} .ro-only.st-a .ro-only-tag{{color:var(--a-ink)}}
{_R} .ro-only.st-b .ro-only-tag{{color:var(--b-ink)}}
{_R} .ro-only.st-a .ro-cell.side-a{{background:var(--a-tint);box-shadow:inset 5px 0 0 var(--a)}}
{_R} .ro-only.st-b .ro-cell.side-b{{background:var(--b-tint);box-shadow:inset -5px 0 0 var(--b)}}
{_R} .ro-only.st-a .ro-mid{{background:var(--a-tint)}}
{_R} .ro-only.st-b .ro-mid{{background:var(--b-tint)}}
{_R} .ro-cell.ro-absent{{display:flex;align-items:center;justify-content:center;
color:var(--faint);font-style:italic;font-size:13px;
background:repeating-linear-gradient(-45deg,transparent 0 7px,var(--line) 7px 8px)}}
{_R} .ro-cell.ro-absent span{{background:var(--panel);padding:1px 8px;border-radius:4px}}
{_R} .ro-foot{{margin-top:26px;color:var(--faint);font-size:12.5px}}
@media (max-width:760px){{
{_R} .ro-sides,{_R} .ro-summary{{grid-template-columns:minmax(0,1fr)}}
{_R} .ro-row{{grid-template-columns:minmax(0,1fr)}}
{_R} .ro-mid{{flex-direction:row;justify-content:flex-start;border:0;padding:4px 14px;
border-top:1px dashed var(--line);border-bottom:1px dashed var(--line)}}
{_R} .ro-colhead,{_R} .ro-cell.ro-absent{{display:none}}
{_R} .ro-cell[data-label]::before,{_R} td.ro-ev::before{{content:attr(data-label);display:block;
font:600 11.5px/1.6 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;
color:var(--muted)}}
{_R} .ro-table col.c-topic{{width:auto}}
{_R} .ro-table,{_R} .ro-table tbody,{_R} .ro-table tr,{_R} .ro-table th,{_R} .ro-table td{{
display:block;width:auto}}
{_R} .ro-table thead{{display:none}}
}}
@media print{{
{_R}{{{_LIGHT}color-scheme:light;background:#fff;max-width:none;padding:0;font-size:10pt}}
{_R} .ro-side,{_R} .ro-group,{_R} .ro-grid,{_R} table.ro-table{{box-shadow:none}}
{_R} .ro-colhead{{position:static}}
{_R} .ro-row,{_R} .ro-table tr,{_R} .ro-side,{_R} .ro-group{{break-inside:avoid}}
{_R} .ro-h2{{break-after:avoid}}
{_R} .ro-s{{font-size:10.5pt}}
{_R} a{{text-decoration:none}}
{_R} *{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
}}
"""

# Only for the standalone page: the page around the report takes the report's background.
_PAGE_CSS = (
    "html,body{margin:0;padding:0;background:#f7f6f3}"
    "@media (prefers-color-scheme:dark){html,body{background:#131519}}"
    "@media print{html,body{background:#fff}}"
)
