"""``--format csv``: the topic ledger, one row per topic and side, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from readouts.model import Comparison

COLUMNS = (
    "topic",
    "key",
    "origin",
    "status",
    "side",
    "mentioned",
    "mentions",
    "negated",
    "first_sentence",
    "evidence",
    "matched_text",
    "score",
    "matched_by",
    "first_rank",
    "word_share",
    "minor",
)


def neutralize(value: object) -> str:
    """A cell value that a spreadsheet will not run as a formula.

    >>> neutralize("=HYPERLINK(\\"http://x\\")"), neutralize("-5 tanks"), neutralize(3)
    ('\\'=HYPERLINK("http://x")', "'-5 tanks", '3')
    """
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def render_csv(cmp: Comparison) -> str:
    """The ledger as CSV; sentence numbers are 0-based like the JSON."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in cmp.to_records():
        writer.writerow([neutralize(record[c]) for c in COLUMNS])
    return out.getvalue()
