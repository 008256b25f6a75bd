"""The command line through CliRunner: stdout, stderr and exit status, separately."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.cli import cli
from tests.conftest import SEED


def test_compare_sample_table(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["compare", "--sample", "2023-01-31-pashinian-putin", "--width", "100"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Yerevan") and "yerevan.txt" in lines[0]
    assert lines[1].startswith("Kremlin")
    assert "Initiator: Yerevan does not say; the Armenian side (says Kremlin, s2)" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    assert max(len(line) for line in lines) <= 100


def test_compare_files_with_labels_json(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        [
            "compare",
            str(SEED / "yerevan.txt"),
            str(SEED / "kremlin.txt"),
            "--labels",
            "Yerevan,Kremlin",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert [r["label"] for r in data["readouts"]] == ["Yerevan", "Kremlin"]
    assert data["readouts"][0]["source"].endswith("yerevan.txt")


def test_labels_default_to_file_stems(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["compare", str(SEED / "yerevan.txt"), str(SEED / "kremlin.txt"), "-f", "json"]
    )
    assert [r["label"] for r in json.loads(result.stdout)["readouts"]] == ["yerevan", "kremlin"]


def test_stdin_dash(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["compare", "-", str(SEED / "kremlin.txt"), "-f", "json"],
        input="Pashinyan raised the blockade of the Lachin corridor.",
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["readouts"][0]["label"] == "stdin"
    assert data["readouts"][0]["sentences"] == [
        "Pashinyan raised the blockade of the Lachin corridor."
    ]


def test_topic_query_and_exit_code(runner: CliRunner) -> None:
    args = [
        "compare",
        "--sample",
        "2023-01-31-pashinian-putin",
        "-f",
        "json",
        "--topic",
        "Lachin corridor blockade",
        "--topic",
        "Nile talks=GERD|Nile dam",
    ]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0
    topics = {t["name"]: t for t in json.loads(result.stdout)["topics"]}
    assert topics["Lachin corridor blockade"]["status"] == "only_a"
    assert topics["Lachin corridor blockade"]["origin"] == "query"
    assert topics["Nile talks"]["status"] == "neither"
    result = runner.invoke(cli, [*args, "--exit-code"])
    assert result.exit_code == 1
    assert result.stderr == ""


def test_exit_code_zero_without_one_sided_topics(runner: CliRunner) -> None:
    path = str(SEED / "kremlin.txt")
    result = runner.invoke(
        cli, ["compare", path, path, "--labels", "K1,K2", "--exit-code", "-f", "json"]
    )
    assert result.exit_code == 0
    assert "given twice" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv", "html"])
def test_every_format_writes_to_output_file(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(
        cli, ["compare", "--sample", "2023-01-31-pashinian-putin", "-f", fmt, "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Lachin corridor" in out.read_text(encoding="utf-8")


def test_csv_is_the_ledger(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["compare", "--sample", "2023-01-31-pashinian-putin", "-f", "csv"])
    header, *rows = result.stdout.splitlines()
    assert header.startswith("topic,key,origin,status,side,mentioned")
    assert any(
        r.startswith("trilateral agreements,trilateral-agreements,lexicon,only_b,Kremlin,True")
        for r in rows
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["compare", "missing-a.txt", "missing-b.txt"],
            "Error: missing-a.txt: no such file; check the path\n",
        ),
        (
            ["compare", "only-one.txt"],
            "Error: give two readouts to compare (A B), got 1; "
            "or use --sample NAME (see 'readouts samples')\n",
        ),
        (["compare", "--sample", "nope"], "Error: no sample named 'nope'"),
        (
            ["compare", "--sample", "2023-01-31-pashinian-putin", "--labels", "A"],
            "Error: give exactly two labels (A,B), got 1",
        ),
        (
            ["compare", "--sample", "2023-01-31-pashinian-putin", "--labels", "A,A"],
            "Error: labels must differ",
        ),
        (
            ["compare", "--sample", "2023-01-31-pashinian-putin", "--labels", "A,"],
            "Error: labels must not be empty",
        ),
        (
            ["compare", "--sample", "2023-01-31-pashinian-putin", "-f", "xml"],
            "Error: Invalid value for '-f' / '--format'",
        ),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_samples_lists_the_seed(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["samples"])
    assert result.exit_code == 0
    assert "2023-01-31-pashinian-putin" in result.stdout
    assert "Yerevan / Kremlin" in result.stdout


def test_topics_lists_and_filters(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["topics", "karabakh"])
    assert result.exit_code == 0
    assert "nagorno-karabakh" in result.stdout
    assert "taiwan" not in result.stdout
    result = runner.invoke(cli, ["topics", "no-such-topic-anywhere"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: no topic matches")


def test_help_has_examples(runner: CliRunner) -> None:
    for command in (["--help"], ["compare", "-h"], ["samples", "--help"], ["topics", "--help"]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 0
        assert "Example" in result.stdout


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("readouts, version ")


@pytest.mark.skipif(shutil.which("readouts") is None, reason="the readouts script is not installed")
def test_installed_command_runs_as_a_user_would() -> None:
    done = subprocess.run(
        ["readouts", "compare", "--sample", "2023-01-31-pashinian-putin", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["schema_version"] == 1
    done = subprocess.run(
        [sys.executable, "-m", "readouts", "compare", "nope.txt", "nope2.txt"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == "Error: nope.txt: no such file; check the path\n"


def test_color_only_when_asked_or_on_a_terminal(runner: CliRunner) -> None:
    args = ["compare", "--sample", "2023-01-31-pashinian-putin"]
    assert "\x1b[" not in runner.invoke(cli, args).stdout
    coloured = runner.invoke(cli, [*args, "--color"]).stdout
    assert "\x1b[36mOnly Yerevan mentions" in coloured
    assert "\x1b[" not in runner.invoke(cli, [*args, "--color", "-f", "json"]).stdout


def test_no_color_env_wins_over_a_terminal(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readouts import cli as cli_module

    monkeypatch.setattr(cli_module.sys.stdout, "isatty", lambda: True, raising=False)
    assert cli_module._use_color(None, None) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli_module._use_color(None, None) is False
    assert cli_module._use_color("report.txt", None) is False


@pytest.mark.parametrize("labels", ["Ev\x1b[31mil,B", "A\u202eB,C", "A\nB,C"])
def test_labels_with_control_characters_are_refused(runner: CliRunner, labels: str) -> None:
    result = runner.invoke(
        cli, ["compare", "--sample", "2023-01-31-pashinian-putin", "--labels", labels]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "contains control or formatting characters" in result.stderr


def test_a_bug_is_one_line_not_a_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    compare_module = sys.modules["readouts.compare"]

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(compare_module, "compare", broken)
    result = runner.invoke(cli, ["compare", "--sample", "2023-01-31-pashinian-putin"])
    assert result.exit_code == 70
    assert result.stderr.startswith("Error: internal error (ZeroDivisionError: boom)")
    assert result.stderr.count("\n") == 1
