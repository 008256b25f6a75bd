"""Broken and hostile input through the command line, as a user would give it.

Every bad input gets one line ``Error: <file>: ...`` on stderr (or ``Error: ...`` for an
option), exit status 2, nothing on stdout and never a traceback. Awkward but valid input gets
a report. Input text never reaches the reader as a script (HTML), a formula (CSV) or an escape
sequence (terminal), and never decides where output goes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import readouts
from readouts import sources
from readouts.cli import cli
from readouts.errors import ReadoutsError

A_TEXT = "Putin spoke with Pashinyan. They discussed the Lachin corridor.\n"
B_TEXT = "Pashinyan and Putin held a call. The situation around Nagorno-Karabakh was raised.\n"


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding two good readouts, a.txt and b.txt."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B_TEXT, encoding="utf-8")
    return tmp_path


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["compare", *args], input=stdin)


def assert_error(result: Result, pattern: str) -> None:
    """Exit 2, empty stdout, exactly one stderr line matching ``pattern``, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert re.fullmatch(pattern, lines[0]), lines[0]


def folder(path: Path) -> str:
    path.mkdir()
    return path.name


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return path.name


# ------------------------------------------------------------------ unusable files

BAD_FILES: dict[str, tuple[Callable[[Path], str], str]] = {
    "missing": (lambda d: "missing.txt", r"Error: missing\.txt: no such file; check the path"),
    "directory": (
        lambda d: folder(d / "folder"),
        r"Error: folder: is a directory; give a readout file in it",
    ),
    "empty": (
        lambda d: write(d / "empty.txt", b""),
        r"Error: empty\.txt: nothing to read \(0 bytes\); give a file with the readout's text",
    ),
    "whitespace": (
        lambda d: write(d / "blank.txt", b" \n\t\r\n  \n"),
        r"Error: blank\.txt: the readout is empty \(only whitespace or invisible characters\); "
        r"give a file with the readout's text",
    ),
    "invisible": (
        lambda d: write(d / "zw.txt", "\ufeff\u200b\u00ad\u2060\n\u00a0".encode()),
        r"Error: zw\.txt: the readout is empty \(only whitespace or invisible characters\); .*",
    ),
    "binary": (
        lambda d: write(d / "data.bin", b"Putin\x00\x01\x02\xff\xfe\x00" * 50),
        r"Error: data\.bin: a binary file \(it holds NUL bytes\), not a readout; "
        r"give a text, Markdown or HTML file",
    ),
    "pdf": (
        lambda d: write(d / "readout.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        r"Error: readout\.txt: a PDF document; copy the readout's text into a \.txt file .*",
    ),
    "docx": (
        lambda d: write(d / "readout.docx", b"PK\x03\x04\x14\x00\x06\x00"),
        r"Error: readout\.docx: a ZIP archive \(\.docx, \.odt and \.epub files are\); .*",
    ),
    "image": (
        lambda d: write(d / "shot.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        r"Error: shot\.png: a PNG image; readouts reads text, not pictures of text",
    ),
    "cp1251 without --encoding": (
        lambda d: write(d / "ru.txt", "Путин и Пашинян обсудили Карабах.".encode("cp1251")),
        r"Error: ru\.txt: not valid UTF-8 at byte 0 \(line 1\); "
        r"it looks like Windows Cyrillic: give --encoding cp1251",
    ),
    "koi8-r without --encoding": (
        lambda d: write(d / "ru.txt", "Путин и Пашинян обсудили Карабах.".encode("koi8-r")),
        r"Error: ru\.txt: not valid UTF-8 at byte 0 \(line 1\); "
        r"it looks like KOI8-R Cyrillic: give --encoding koi8-r",
    ),
    "bad byte on line 3": (
        lambda d: write(d / "mixed.txt", b"Line one.\nLine two.\nBad \x81 byte."),
        r"Error: mixed\.txt: not valid UTF-8 at byte 24 \(line 3\); give the file's encoding "
        r"with --encoding \(e\.g\. cp1251, koi8-r, utf-16\)",
    ),
    "utf-16 without BOM": (
        lambda d: write(d / "u16.txt", "Putin spoke with Pashinyan.".encode("utf-16-le")),
        r"Error: u16\.txt: looks like UTF-16 without a byte-order mark; "
        r"give --encoding utf-16-le",
    ),
    "html without text": (
        lambda d: write(
            d / "page.html",
            b"<html><head><script>var x = 1;</script></head><body><nav><a>Home</a>"
            b"<a>News</a><a>About</a></nav></body></html>",
        ),
        r"Error: page\.html: no readout text found in this HTML page \(only scripts, menus or "
        r"page furniture\); copy the readout's text into a \.txt file",
    ),
    "name with escape sequences": (
        lambda d: write(d / "evil\x1b[2J\x07.txt", b""),
        r"Error: evil\\x1b\[2J\\x07\.txt: nothing to read \(0 bytes\); .*",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_unusable_readout_is_one_error_line(files: Path, case: str) -> None:
    make, pattern = BAD_FILES[case]
    name = make(files)
    assert_error(run("a.txt", name), pattern)
    assert_error(run(name, "a.txt"), pattern)


def test_unreadable_file(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(path: str, mode: str = "r") -> io.BufferedReader:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(sources, "open", denied, raising=False)
    assert_error(
        run("a.txt", "b.txt"),
        r"Error: a\.txt: permission denied; check the file's permissions",
    )


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can read any file"
)
def test_unreadable_file_for_real(files: Path) -> None:
    (files / "b.txt").chmod(0)
    assert_error(run("a.txt", "b.txt"), r"Error: b\.txt: permission denied; .*")


def test_nul_in_path(files: Path) -> None:
    assert_error(
        run("a.txt", "b\x00.txt"), r"Error: b\\x00\.txt: cannot read \(.*\); check the path"
    )


def test_over_the_size_limit(files: Path) -> None:
    assert_error(
        run("a.txt", "b.txt", "--max-bytes", "40"),
        r"Error: a\.txt: larger than 40 bytes, too big for a readout; "
        r"if it is one, raise the limit with --max-bytes",
    )
    result = run("a.txt", "b.txt", "--max-bytes", "100000", "--format", "json")
    assert result.exit_code == 0, result.stderr
    # A huge limit is not allocated up front.
    result = run("a.txt", "b.txt", "--max-bytes", str(10**17), "--format", "json")
    assert result.exit_code == 0, result.stderr


def test_stdin_errors(files: Path) -> None:
    assert_error(run("-", "a.txt", stdin=b""), r"Error: standard input: nothing to read .*")
    assert_error(run("-", "a.txt", stdin=b"\xff\xfe\x00"), r"Error: standard input: .*")
    assert_error(
        run("-", "-", stdin=b"x"),
        r"Error: standard input \('-'\) can be read only once; give one side as a file",
    )


# ------------------------------------------------------------------ options


@pytest.mark.parametrize(
    ("args", "pattern"),
    [
        (
            ["--encoding", "nope"],
            r"Error: unknown encoding 'nope'; give one such as utf-8, "
            r"cp1251, koi8-r or utf-16",
        ),
        (["--encoding", "rot13"], r"Error: 'rot13' is not a text encoding; .*"),
        (
            ["--format", "xml"],
            r"Error: Invalid value for '-f' / '--format': 'xml' is not one of "
            r".*",
        ),
        (["--input-format", "pdf"], r"Error: Invalid value for '--input-format': .*"),
        (["--max-bytes", "0"], r"Error: Invalid value for '--max-bytes': .*"),
        (["--labels", "Yerevan"], r"Error: give exactly two labels \(A,B\), got 1: .*"),
        (["--labels", "A,B,C"], r"Error: give exactly two labels \(A,B\), got 3: .*"),
        (["--labels", ",Kremlin"], r"Error: labels must not be empty; write them as --labels A,B"),
        (["--labels", " , "], r"Error: labels must not be empty; .*"),
        (["--labels", "Kremlin,Kremlin"], r"Error: labels must differ, got 'Kremlin' twice; .*"),
        (["--labels", "Kremlin, Kremlin "], r"Error: labels must differ, .*"),
    ],
)
def test_bad_option_is_one_error_line(files: Path, args: list[str], pattern: str) -> None:
    assert_error(run("a.txt", "b.txt", *args), pattern)


def test_unknown_encoding_is_reported_before_the_file_is_read(files: Path) -> None:
    assert_error(run("missing.txt", "b.txt", "--encoding", "nope"), r"Error: unknown encoding .*")


def test_same_file_twice_is_allowed_but_warned(files: Path) -> None:
    for other in ("a.txt", "./a.txt", str(files / "a.txt")):
        result = run("a.txt", other, "--format", "json")
        assert result.exit_code == 0
        assert result.stderr == "Warning: a.txt is given twice; comparing it with itself\n"
        data = json.loads(result.stdout)
        assert all(row["kind"] == "match" for row in data["alignment"])


# ------------------------------------------------------------------ lexicon files

LEXICONS = {
    "syntax.toml": (
        b'[topics.gerd]\nname = "GERD"\naliases = ["Nile dam"\n\n[topics.x]\n',
        r"Error: syntax\.toml, line \d+: not valid TOML: .*",
    ),
    "type.toml": (
        b'[topics.gerd]\nname = "GERD"\naliases = "Nile dam"\n',
        r"Error: type\.toml, line 1: topic 'gerd': 'aliases' must be a list of strings",
    ),
    "field.toml": (
        b'[topics.gerd]\nname = "GERD"\nalias = ["Nile dam"]\n',
        r"Error: field\.toml, line 1: topic 'gerd': unknown field 'alias'; use .*",
    ),
    "empty.toml": (b"", r"Error: empty\.toml: no topics found; .*"),
    "broken.json": (
        b'{"topics": {"gerd": {"name": "GERD",}}}',
        r"Error: broken\.json, line 1: not valid JSON: .*",
    ),
    "binary.toml": (b"\x00\x01\x02\x03" * 40, r"Error: binary\.toml: a binary file .*"),
    "latin1.toml": (
        '[topics.x]\nname = "Café"\n'.encode("latin-1"),
        r"Error: latin1\.toml: not valid UTF-8 at byte \d+ \(line 2\); .*",
    ),
}


@pytest.mark.parametrize("name", sorted(LEXICONS))
def test_malformed_lexicon_names_file_and_line(files: Path, name: str) -> None:
    data, pattern = LEXICONS[name]
    (files / name).write_bytes(data)
    assert_error(run("a.txt", "b.txt", "--topics", name), pattern)


def test_toml_error_at_end_of_document_names_a_line(files: Path) -> None:
    (files / "open.toml").write_bytes(b'[topics.gerd]\nname = "GERD"\naliases = ["Nile dam"\n')
    assert_error(run("a.txt", "b.txt", "--topics", "open.toml"), r"Error: open\.toml, line \d+: .*")


def test_missing_lexicon_file(files: Path) -> None:
    assert_error(
        run("a.txt", "b.txt", "--topics", "none.toml"),
        r"Error: none\.toml: no such file; check the path",
    )


# ------------------------------------------------------------------ awkward but valid input

AWKWARD = {
    "no sentence punctuation": "Putin spoke with Pashinyan about the Lachin corridor and trade",
    "one huge sentence": ("Putin and Pashinyan discussed the Lachin corridor " * 4000) + ".",
    "many tiny sentences": " ".join(f"Point {i} noted." for i in range(2000)),
    "mixed scripts": "Путин and Պաշինյան discussed 拉钦走廊 and the Lachin corridor. 中国。",
    "emoji": "🇷🇺 Putin 🤝 Pashinyan discussed the corridor 👍🏽. Trade 📈 grew.",
    "right to left": "ناقش الرئيس بوتين ممر لاتشين. הם דיברו על קרבאך. Putin spoke.",
    "crlf and nbsp": "Putin\u00a0spoke.\r\nThey discussed the\u00a0Lachin corridor.\r\n",
    "soft hyphens and zero-width": "Pu\u00adtin spoke with Pashi\u200bnyan about Kara\u00adbakh.",
}


@pytest.mark.parametrize("case", sorted(AWKWARD))
def test_awkward_input_gets_a_report(files: Path, case: str) -> None:
    (files / "awkward.txt").write_text(AWKWARD[case], encoding="utf-8")
    result = run("awkward.txt", "b.txt", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    sentences = data["readouts"][0]["sentences"]
    seen = sorted(i for row in data["alignment"] for i in row["a"])
    assert seen == list(range(len(sentences)))
    assert "".join("".join(sentences).split()) == "".join(
        readouts.compare(AWKWARD[case], B_TEXT).readouts[0].text.split()
    )


def test_soft_hyphens_do_not_break_matching(files: Path) -> None:
    clean = readouts.compare("Pashinyan raised the Lachin corridor.", B_TEXT)
    messy = readouts.compare("Pashi\u00adnyan raised the La\u200bchin\u00a0corridor.\r\n", B_TEXT)
    assert {t.key for t in clean.topics} == {t.key for t in messy.topics}


# ------------------------------------------------------------------ safe output

HOSTILE = (
    "Putin spoke with Pashinyan about <script>alert('x')</script> security.\n\n"
    '=HYPERLINK("http://evil.example","click") was discussed.\n\n'
    "+SUM(1,2) tanks.\n\n-2+3 tanks were discussed.\n\n@cmd trade.\n\n\tTabbed gas deal.\n\n"
    "\x1b[31mRED\x1b[0m Karabakh talks.\n\n"
    "\x1b]8;;http://evil.example\x07link\x1b]8;;\x07 peacekeepers.\n\n"
    "\u202eevil reversed text.\n\n\x9b2J cleared screen.\n\n<img src=x onerror=alert(1)> trade.\n"
)


@pytest.fixture
def hostile(files: Path) -> Path:
    (files / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return files


def _compare_hostile(*args: str) -> str:
    result = run("hostile.txt", "b.txt", "--labels", "Evil<b>,B", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_html_report_escapes_input(hostile: Path) -> None:
    out = _compare_hostile("--format", "html")
    assert "<script>alert" not in out and "&lt;script&gt;alert" in out
    assert "<img src=x" not in out and "Evil<b>" not in out
    assert "\x1b" not in out and "\u202e" not in out


def test_csv_cells_are_not_formulas(hostile: Path) -> None:
    out = _compare_hostile("--format", "csv", "--topic", "=cmd|' /C calc'!A0")
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_terminal_output_has_no_control_sequences(hostile: Path) -> None:
    for fmt in ("table", "markdown"):
        out = _compare_hostile("--format", fmt, "--no-color", "--width", "100")
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out), fmt


def test_json_is_valid_utf8(hostile: Path) -> None:
    out = _compare_hostile("--format", "json")
    data = json.loads(out.encode("utf-8").decode("utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "\x1b" not in text and "\u202e" not in text


def test_input_never_decides_where_output_goes(hostile: Path) -> None:
    (hostile / "trap.txt").write_text(
        "-o pwned.txt --output=pwned.txt ../pwned.txt /tmp/readouts-pwned.txt\n", encoding="utf-8"
    )
    before = set(os.listdir(hostile))
    result = run("trap.txt", "b.txt", "--format", "json")
    assert result.exit_code == 0
    assert set(os.listdir(hostile)) == before
    assert not Path("/tmp/readouts-pwned.txt").exists()
    result = run("trap.txt", "b.txt", "-o", "report.json", "--format", "json")
    assert result.exit_code == 0 and result.stdout == ""
    assert set(os.listdir(hostile)) == before | {"report.json"}


def test_sample_name_cannot_escape_the_samples_folder(files: Path) -> None:
    for name in ("../../etc", "/etc", "..", ".hidden"):
        result = CliRunner().invoke(cli, ["compare", "--sample", name])
        assert_error(result, r"Error: no sample named .*; run 'readouts samples' .*")


# ------------------------------------------------------------------ HTML input


def test_html_page_through_the_cli(files: Path) -> None:
    page = (Path(__file__).parent / "data" / "html" / "kremlin-ru.html").read_bytes()
    (files / "kremlin.html").write_bytes(page)
    result = run("kremlin.html", "b.txt", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    sentences = json.loads(result.stdout)["readouts"][0]["sentences"]
    assert sentences[1] == (
        "Владимир Путин провёл телефонный разговор с Премьер-министром Армении Николом Пашиняном."
    )
    joined = " ".join(sentences)
    for furniture in ("XS", "cookie", "Поделиться", "dataLayer", "Стиль не текст", "Новости"):
        assert furniture not in joined


def test_html_from_stdin_is_recognised(files: Path) -> None:
    page = b"<!DOCTYPE html><html><body><nav><a>Home</a></nav><p>Putin spoke.</p></body></html>"
    result = run("-", "b.txt", "--format", "json", stdin=page)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["readouts"][0]["sentences"] == ["Putin spoke."]


def test_copied_page_furniture_is_left_out_with_a_note(files: Path) -> None:
    page = (
        "Մատչելիության հղումներ\n\nPutin, Pashinian Again Discuss Karabakh Road Blockade\n\n"
        "Russia - Putin and Pashinian meet, December 27, 2022.\n"
        "Russia - Putin and Pashinian meet, December 27, 2022.\n\n"
        "Prime Minister Nikol Pashinian again urged Russia to help end the blockade.\n\n"
        "XS\nSM\nMD\nLG"
    )
    (files / "copied.txt").write_text(page, encoding="utf-8")
    result = run("copied.txt", "b.txt", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == (
        "Note: copied.txt: left out 7 lines of page furniture (menus, font-size buttons, share "
        "links, captions given twice ...), the first 'Մատչելիության հղումներ'\n"
    )
    assert json.loads(result.stdout)["readouts"][0]["sentences"] == [
        "Putin, Pashinian Again Discuss Karabakh Road Blockade",
        "Prime Minister Nikol Pashinian again urged Russia to help end the blockade.",
    ]


# ------------------------------------------------------------------ the library


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "\ud800 broken surrogate. Putin spoke.",
        "\x1b[2J" * 100,
        "<" * 1000,
        "." * 10_000,
        "\u202e" * 50 + "Putin.",
        "a\u0301" * 500,
        "\n" * 1000 + "x",
    ],
)
def test_library_raises_only_readouts_error(text: str) -> None:
    try:
        cmp = readouts.compare(text, B_TEXT)
    except ReadoutsError as exc:
        assert "\n" not in str(exc)
        return
    json.dumps(cmp.to_dict(), ensure_ascii=False).encode("utf-8")
