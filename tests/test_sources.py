"""Reading readouts: encodings, formats, Markdown, refusals, and what is left out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from readouts.errors import InputError, UsageError
from readouts.sources import (
    DEFAULT_MAX_BYTES,
    Source,
    check_encoding,
    decode,
    markdown_to_text,
    read_source,
    read_text,
    same_file,
    shown_name,
)
from readouts.text import normalize

DATA = Path(__file__).parent / "data"
ENCODINGS = DATA / "encodings"
ORIGINAL = normalize((ENCODINGS / "readout.txt").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    ("name", "encoding", "codec"),
    [
        ("readout.txt", None, "utf-8"),
        ("readout.utf-8-bom.txt", None, "utf-8"),
        ("readout.utf-16-le-bom.txt", None, "utf-16-le"),
        ("readout.utf-16-be-bom.txt", None, "utf-16-be"),
        ("readout.cp1251.txt", "cp1251", "cp1251"),
        ("readout.cp1251.txt", "windows-1251", "cp1251"),
        ("readout.koi8-r.txt", "koi8-r", "koi8-r"),
        ("readout.utf-16-le-nobom.txt", "utf-16-le", "utf-16-le"),
        ("readout.nfd.txt", None, "utf-8"),
        ("readout.cp1251.html", None, "cp1251"),  # its <meta charset> says so
        # A byte-order mark wins over --encoding: it cannot be wrong, the user can.
        ("readout.utf-8-bom.txt", "cp1251", "utf-8"),
        ("readout.utf-16-le-bom.txt", "koi8-r", "utf-16-le"),
    ],
)
def test_every_encoding_gives_the_same_readout(name: str, encoding: str | None, codec: str) -> None:
    source = read_source(str(ENCODINGS / name), encoding=encoding)
    assert source.encoding == codec
    assert normalize(source.text) == ORIGINAL
    assert "\ufeff" not in source.text and "\r" not in normalize(source.text)


@pytest.mark.parametrize(
    ("text", "codec", "guess"),
    [
        (
            "The “sides” agreed — café talks.",
            "cp1252",
            "Windows Western European: give --encoding cp1252",
        ),
        (
            "Die Gespräche über Zölle.",
            "latin-1",
            "Windows Western European: give --encoding cp1252",
        ),
        ("王毅同布林肯通电话。双方交换了意见。", "gbk", "Chinese GBK: give --encoding gb18030"),
        ("Путин и Пашинян обсудили Карабах.", "cp1251", "Windows Cyrillic: give --encoding cp1251"),
        ("Путин и Пашинян обсудили Карабах.", "koi8-r", "KOI8-R Cyrillic: give --encoding koi8-r"),
    ],
)
def test_undecodable_file_gets_a_guess(text: str, codec: str, guess: str) -> None:
    with pytest.raises(InputError, match=f"; it looks like {guess}$"):
        decode(text.encode(codec), name="f.txt")


def test_undecodable_file_names_offset_and_fix() -> None:
    with pytest.raises(InputError) as info:
        read_source(str(ENCODINGS / "readout.cp1251.txt"))
    assert str(info.value) == (
        f"{ENCODINGS / 'readout.cp1251.txt'}: not valid UTF-8 at byte 0 (line 1); "
        "it looks like Windows Cyrillic: give --encoding cp1251"
    )
    with pytest.raises(InputError, match=r"it looks like KOI8-R Cyrillic: give --encoding koi8-r"):
        read_source(str(ENCODINGS / "readout.koi8-r.txt"))
    with pytest.raises(InputError, match=r"give --encoding utf-16-le$"):
        read_source(str(ENCODINGS / "readout.utf-16-le-nobom.txt"))


def test_byte_offset_is_exact_and_counts_the_bom() -> None:
    data = b"\xef\xbb\xbfOne.\nTwo \xff."
    with pytest.raises(InputError, match=r"^f\.txt: not valid UTF-8 at byte 12 \(line 2\); "):
        decode(data, name="f.txt")
    with pytest.raises(InputError, match=r"not valid UTF-8 at byte 3 \(line 1\)"):
        decode(b"abc\xff", name="f.txt", encoding="UTF8")


def test_wrong_meta_charset_says_what_the_page_claims() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Путин</p></body></html>'
    with pytest.raises(InputError, match=r"the page says it is utf-8; give its real encoding"):
        decode(page.encode("cp1251"), name="p.html", html=True)
    # --encoding overrides what the page claims
    text, codec = decode(page.encode("cp1251"), name="p.html", encoding="cp1251", html=True)
    assert "Путин" in text and codec == "cp1251"


def test_meta_charset_claiming_utf16_is_ignored() -> None:
    page = b'<html><head><meta charset="utf-16"></head><body><p>Hello.</p></body></html>'
    assert decode(page, name="p.html", html=True) == (page.decode(), "utf-8")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("nope", "unknown encoding 'nope'; give one such as utf-8, cp1251, koi8-r or utf-16"),
        (
            "base64",
            "'base64' is not a text encoding; give one such as utf-8, cp1251, koi8-r or utf-16",
        ),
        (
            "\x1b[2Jutf",
            "unknown encoding '\\x1b[2Jutf'; give one such as utf-8, cp1251, koi8-r or utf-16",
        ),
    ],
)
def test_unknown_encoding_is_a_usage_error(name: str, message: str) -> None:
    with pytest.raises(UsageError) as info:
        check_encoding(name)
    assert str(info.value) == message


# ------------------------------------------------------------------ formats


def test_format_from_suffix_and_from_content(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><nav><a>Home</a></nav><p>Talks were held.</p></body></html>"
    for name in ("page.html", "page.HTM", "saved-page.txt", "noext"):
        (tmp_path / name).write_text(page, encoding="utf-8")
        source = read_source(str(tmp_path / name))
        assert (source.input_format, source.text) == ("html", "Talks were held."), name
    # --input-format text keeps the markup: the user asked for it
    source = read_source(str(tmp_path / "page.html"), input_format="text")
    assert source.input_format == "text" and "<nav>" in source.text
    (tmp_path / "notes.md").write_text("# Title\n\n**Talks** were held.", encoding="utf-8")
    source = read_source(str(tmp_path / "notes.md"))
    assert (source.input_format, source.text) == ("markdown", "Title\n\nTalks were held.")
    # text that merely mentions a tag is not a page
    (tmp_path / "talk.txt").write_text("The <html> tag was not discussed.", encoding="utf-8")
    assert read_source(str(tmp_path / "talk.txt")).input_format == "text"


def test_utf16_page_is_recognised_as_html(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><body><p>Переговоры состоялись.</p></body></html>"
    (tmp_path / "page.dat").write_bytes(b"\xff\xfe" + page.encode("utf-16-le"))
    source = read_source(str(tmp_path / "page.dat"))
    assert (source.input_format, source.text) == ("html", "Переговоры состоялись.")


def test_stdin() -> None:
    source = read_source(
        "-", stdin=io.BytesIO("Путин говорил.".encode("koi8-r")), encoding="koi8-r"
    )
    assert (source.text, source.name, source.stem, source.shown) == (
        "Путин говорил.",
        "-",
        "stdin",
        "standard input",
    )


def test_unknown_input_format() -> None:
    with pytest.raises(UsageError, match="unknown input format 'pdf'; use one of auto, text"):
        read_source("-", stdin=io.BytesIO(b"x"), input_format="pdf")


# ------------------------------------------------------------------ refusals


def test_refusals_name_the_file(tmp_path: Path) -> None:
    def refused(data: bytes, **options: object) -> str:
        path = tmp_path / "r.txt"
        path.write_bytes(data)
        with pytest.raises(InputError) as info:
            read_source(str(path), **options)  # type: ignore[arg-type]
        message = str(info.value)
        assert message.startswith(f"{path}: ") and "\n" not in message
        return message[len(str(path)) + 2 :]

    assert refused(b"") == "nothing to read (0 bytes); give a file with the readout's text"
    assert refused(b"x" * 11, max_bytes=10).startswith("larger than 10 bytes")
    assert refused(b"%PDF-1.4").startswith("a PDF document")
    assert refused(b"{\\rtf1\\ansi Putin}").startswith("an RTF document")
    assert refused(b"\x1f\x8b\x08\x00").startswith("a gzip-compressed file")
    mhtml = b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"
    assert refused(mhtml).startswith("a web archive (MHTML); open it in a browser")
    assert refused(b"a\x00b\x00c\x00d\x00\x00\x00\x00\x00\x00\x00").startswith("a binary file")
    assert refused("Putin".encode("utf-16-be")).startswith("looks like UTF-16 without")
    assert refused(b"Putin\x00", encoding="latin-1").startswith("a binary file (it holds NUL")
    assert refused(b"\n \t\n").startswith("the readout is empty")
    assert refused(b"<html><body><script>x()</script></body></html>").startswith(
        "no readout text found in this HTML page"
    )


def test_paths_that_are_not_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no such file; check the path$"):
        read_source(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match=r"no such file"):
        read_source(str(tmp_path / "missing" / "deeper.txt"))
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(InputError, match=r"no such file"):
        read_source(str(tmp_path / "file.txt" / "inside.txt"))
    with pytest.raises(InputError, match=r"is a directory; give a readout file in it$"):
        read_source(str(tmp_path))
    with pytest.raises(InputError, match=r"^an empty file name was given"):
        read_source("")


def test_default_limit_is_generous() -> None:
    assert DEFAULT_MAX_BYTES >= 10_000_000


def test_read_text_does_no_cleaning(tmp_path: Path) -> None:
    (tmp_path / "lex.toml").write_text("XS\nSM\n\nShare\n", encoding="utf-8")
    assert read_text(str(tmp_path / "lex.toml")) == "XS\nSM\n\nShare\n"


# ------------------------------------------------------------------ names and notes


def test_shown_name_is_one_safe_line() -> None:
    assert shown_name("-") == "standard input"
    assert shown_name("Ереван/ответ.txt") == "Ереван/ответ.txt"
    assert shown_name("a\nb\x1b[2J\u202e.txt") == "a\\x0ab\\x1b[2J\\x202e.txt"


def test_same_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    assert same_file(str(tmp_path / "a.txt"), str(tmp_path / "." / "a.txt"))
    assert not same_file(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert same_file("missing", "missing") and not same_file("-", "-")


def test_note_counts_lines_and_is_safe() -> None:
    assert Source("x", "a.txt").note == ""
    note = Source("x", "a.txt", dropped=("Share",)).note
    assert note.startswith("a.txt: left out 1 line of page furniture")
    note = Source("x", "a.txt", dropped=("\x1b[31mEvil\u202e" + "x" * 80,)).note
    assert "\x1b" not in note and "\u202e" not in note and note.endswith("...'")


def test_copied_page_text_loses_only_furniture() -> None:
    seed = Path("/work/shared/seeds/000_9016435b00199b93.txt")
    if not seed.exists():
        pytest.skip("the seed text is not on this machine")
    source = read_source(str(seed))
    text = normalize(source.text)
    assert "XS" not in text and "Մատչելիության" not in text and "December 27, 2022" not in text
    assert text.startswith("Putin, Pashinian Again Discuss Karabakh Road Blockade\n\n")
    original = normalize(seed.read_text(encoding="utf-8"))
    kept = [p for p in original.split("\n\n") if p in text.split("\n\n")]
    assert len(kept) == len(text.split("\n\n")) == len(original.split("\n\n")) - 3


# ------------------------------------------------------------------ Markdown


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("## Readout ##", "Readout"),
        ("Title\n=====\n\nBody text.", "Title\n\nBody text."),
        ("- one\n* two\n+ three", "one\n\ntwo\n\nthree"),
        ("1. The sides agreed.\n2. They met.", "1. The sides agreed.\n\n2. They met."),
        ("**Bold** and __strong__, *em* and _em_, ~~gone~~.", "Bold and strong, em and em, gone."),
        ("snake_case and 5 * 3 stay", "snake_case and 5 * 3 stay"),
        ('A [link](http://x.org "t") and ![img](p.png) here.', "A link and here."),
        ("A [ref][1] link.\n\n[1]: http://x.org", "A ref link."),
        ("See <https://kremlin.ru>.", "See https://kremlin.ru."),
        ("> Quoted\n> text.", "Quoted text."),
        ("```\ncode line\n```", "code line"),
        ("| a | b |\n|---|:-:|\n| c | d |", "a b\n\nc d"),
        ("Escaped \\*stars\\* and \\_under\\_.", "Escaped *stars* and _under_."),
        ("Footnote[^1] here.", "Footnote here."),
        ("Inline `code` and <br> tags.", "Inline code and tags."),
        ("#hashtag is not a heading", "#hashtag is not a heading"),
        ("---", ""),
        ("---\ntitle: Call\ndate: 2023-01-31\n---\nThe text.", "The text."),
        ("---\nNot front matter, no end.", "Not front matter, no end."),
    ],
)
def test_markdown_to_text(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_markdown_keeps_every_word_of_plain_paragraphs() -> None:
    plain = "Putin spoke with Pashinyan.\nThey discussed trade, gas and security.\n\nDone."
    assert markdown_to_text(plain) == (
        "Putin spoke with Pashinyan. They discussed trade, gas and security.\n\nDone."
    )
