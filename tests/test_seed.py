"""The seed sample, judged as the issues judge it: the default report with no questions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.cli import cli

GOLDEN = Path(__file__).parent / "golden"
SAMPLE = "2023-01-31-pashinian-putin"


@pytest.fixture(scope="module")
def report() -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["compare", "--sample", SAMPLE, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _topic(report: dict, key: str) -> dict:  # type: ignore[type-arg]
    (topic,) = [t for t in report["topics"] if t["key"] == key]
    return topic  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("key", "status", "evidence"),
    [
        ("blockade", "only_a", "blockade of the Lachin corridor"),
        ("lachin-corridor", "only_a", "blockade of the Lachin corridor"),
        ("humanitarian-crisis", "only_a", "humanitarian crisis in Nagorno-Karabakh"),
        ("peacekeepers", "only_a", "Russian peacekeeping mission"),
        ("trilateral-agreements", "only_b", "entire set of trilateral agreements"),
        ("nagorno-karabakh", "both", "Nagorno-Karabakh"),
    ],
)
def test_seed_ledger(report: dict, key: str, status: str, evidence: str) -> None:  # type: ignore[type-arg]
    topic = _topic(report, key)
    assert topic["status"] == status
    side = "Yerevan" if status != "only_b" else "Kremlin"
    first = topic["mentions"][side][0]
    sentences = report["readouts"][0 if side == "Yerevan" else 1]["sentences"]
    sentence = sentences[first["sentence"]]
    assert evidence in sentence
    assert sentence[first["start"] : first["end"]] == first["text"]


def test_seed_initiator(report: dict) -> None:  # type: ignore[type-arg]
    yerevan, kremlin = report["readouts"]
    assert yerevan["initiator"] is None
    assert kremlin["initiator"]["text"] == "the Armenian side"


def test_seed_every_sentence_once(report: dict) -> None:  # type: ignore[type-arg]
    for side, key in ((0, "a"), (1, "b")):
        seen = sorted(i for row in report["alignment"] for i in row[key])
        assert seen == list(range(len(report["readouts"][side]["sentences"])))


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
def test_seed_golden_output(fmt: str) -> None:
    """The seed report, byte for byte, as reviewed by eye. To accept a deliberate change,
    run with READOUTS_UPDATE_GOLDEN=1, then read the diff before committing it."""
    result = CliRunner().invoke(cli, ["compare", "--sample", SAMPLE, "-f", fmt, "--width", "100"])
    assert result.exit_code == 0
    path = GOLDEN / f"seed.{fmt}"
    if os.environ.get("READOUTS_UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")
