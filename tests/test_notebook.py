"""The walkthrough notebook runs from a clean state and shows what it says it shows.

The notebook is stored without outputs; this test executes it in a fresh ``python3`` kernel
(ipykernel, from the ``test`` extra) in a temporary directory and checks each cell's output.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import nbformat
import pytest

from tests.conftest import SAMPLES

NOTEBOOK = SAMPLES / "walkthrough.ipynb"

pytestmark = pytest.mark.slow


def test_notebook_is_stored_clean() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "the walkthrough has no code cells"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, f"{cell.id} has outputs"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    if importlib.util.find_spec("ipykernel") is None:
        pytest.skip("ipykernel is not installed: pip install -e '.[test]' to run the notebook")
    from nbclient import NotebookClient

    workdir = tmp_path_factory.mktemp("notebook")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # Raises CellExecutionError, with the cell and its traceback, if any cell fails.
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    ).execute()
    return {c.id: c for c in nb.cells if c.cell_type == "code"}, workdir


def _stdout(cell: Any) -> str:
    assert not [o for o in cell.outputs if o.output_type == "error"]
    return "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")


def test_compare_cell_prints_the_short_summary(executed: tuple[dict[str, Any], Path]) -> None:
    out = _stdout(executed[0]["compare"])
    assert out.startswith("<Comparison 'Yerevan' (4 sentences) vs 'Kremlin' (3 sentences)")
    assert out.count("\n") == 1


def test_comparison_displays_as_the_html_report(executed: tuple[dict[str, Any], Path]) -> None:
    (result,) = [o for o in executed[0]["display"].outputs if o.output_type == "execute_result"]
    page = result.data["text/html"]
    assert page.startswith('<div class="ro-report"')
    assert "Topic ledger" in page and "Side by side" in page
    assert "<script" not in page and "<html" not in page
    assert result.data["text/plain"].startswith("<Comparison 'Yerevan'")


def test_only_and_evidence_cells(executed: tuple[dict[str, Any], Path]) -> None:
    only = _stdout(executed[0]["only"]).splitlines()
    assert only[0].startswith("Only Yerevan: [") and "'Lachin corridor blockade'" in only[0]
    assert only[1].startswith("Only Kremlin: [")
    assert "Lachin corridor blockade" not in only[1] + only[2]
    evidence = _stdout(executed[0]["evidence"])
    assert evidence.startswith("Lachin corridor blockade: only_a\n  Yerevan s2:")
    assert "Kremlin: not mentioned" in evidence


def test_alignment_cell_lists_every_sentence(executed: tuple[dict[str, Any], Path]) -> None:
    out = _stdout(executed[0]["alignment"])
    for n in (1, 2, 3, 4):
        assert f"Yerevan s{n} " in out
    for n in (1, 2, 3):
        assert f"Kremlin s{n} " in out


def test_records_cell(executed: tuple[dict[str, Any], Path]) -> None:
    cell = executed[0]["records"]
    out = _stdout(cell)
    assert "rows; columns: topic, key, origin, status, side, mentioned" in out
    # Without pandas the cell prints a few rows; with it, it displays a data frame.
    shown = out + "".join(
        o.data.get("text/plain", "") for o in cell.outputs if o.output_type == "display_data"
    )
    assert "Lachin corridor blockade" in shown


def test_save_cell_writes_the_dated_report(executed: tuple[dict[str, Any], Path]) -> None:
    assert _stdout(executed[0]["save"]) == "wrote pashinian-putin.html\n"
    page = (executed[1] / "pashinian-putin.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<time class="ro-date">2023-01-31</time>' in page


def test_samples_cell_covers_every_sample(executed: tuple[dict[str, Any], Path]) -> None:
    out = _stdout(executed[0]["samples"])
    names = sorted(p.parent.name for p in SAMPLES.glob("*/meta.json"))
    assert len(names) >= 2
    for name in names:
        assert name in out
