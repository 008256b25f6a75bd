"""Shared fixtures: the bundled samples and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "2023-01-31-pashinian-putin"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seed_texts() -> tuple[str, str]:
    return (
        (SEED / "yerevan.txt").read_text(encoding="utf-8"),
        (SEED / "kremlin.txt").read_text(encoding="utf-8"),
    )
