"""Read readouts from files and standard input and turn them into text.

This is the only module that touches the user's files. It reads at most ``max_bytes``, refuses
what is not a readout (missing file, directory, PDF or Word file, binary, undecodable, empty),
decodes the bytes (a byte-order mark first, then ``encoding=``, then an HTML page's
``<meta charset>``, then UTF-8), turns HTML and Markdown into plain text and leaves out the page
furniture that text copied from a browser carries (see :mod:`readouts.html_input`). Every
refusal is an :class:`~readouts.errors.InputError` whose one-line message names the file, what
is wrong and the fix.

It does not normalise or split the text (``text.py`` does): the text it returns is what the
user's file says, minus markup and furniture.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from readouts.errors import InputError, UsageError
from readouts.html_input import clean_page_text, html_blocks
from readouts.text import normalize

#: Files larger than this are refused unless ``max_bytes`` (``--max-bytes``) says otherwise. A
#: readout is a few kilobytes and a saved page with its scripts a few hundred; 20 MB is
#: generous for both and still reads in well under a second.
DEFAULT_MAX_BYTES = 20_000_000
INPUT_FORMATS = ("auto", "text", "markdown", "html")

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
# A text is a page if it starts like one (after a BOM, spaces or an XML declaration).
_LOOKS_HTML = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Files people save readouts as that are not text, by their first bytes.
_NOT_TEXT = (
    (b"%PDF-", "a PDF document; copy the readout's text into a .txt file (or run pdftotext)"),
    (
        b"PK\x03\x04",
        "a ZIP archive (.docx, .odt and .epub files are); save the readout as "
        "plain text (.txt) or HTML",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a Word or Office document; save it as plain text (.txt)",
    ),
    (b"{\\rtf", "an RTF document; save it as plain text (.txt)"),
    (b"\x89PNG", "a PNG image; readouts reads text, not pictures of text"),
    (b"\xff\xd8\xff", "a JPEG image; readouts reads text, not pictures of text"),
    (b"GIF8", "a GIF image; readouts reads text, not pictures of text"),
    (b"\x1f\x8b", "a gzip-compressed file; decompress it first"),
    (b"BZh", "a bzip2-compressed file; decompress it first"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; extract the readout first"),
    (b"Rar!\x1a\x07", "a RAR archive; extract the readout first"),
    (b"\x7fELF", "a program, not a readout"),
)


@dataclass(frozen=True)
class Source:
    """A readout's text and where it came from.

    ``name`` is the path as given (``-`` for standard input); ``input_format`` what it was read
    as (``text``, ``markdown`` or ``html``); ``encoding`` the codec that decoded it;
    ``dropped`` the lines left out as page furniture (font-size widgets, a photo caption given
    twice, share buttons ...), so that a caller can say what was left out.
    """

    text: str
    name: str
    input_format: str = "text"
    encoding: str = "utf-8"
    dropped: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        """The default label: the file name without extension (``stdin`` for ``-``)."""
        return "stdin" if self.name == "-" else Path(self.name).stem

    @property
    def shown(self) -> str:
        """The name as messages show it."""
        return shown_name(self.name)

    @property
    def note(self) -> str:
        """One line saying what was left out as page furniture ("" if nothing was).

        >>> note = Source("Talks.", "a.txt", dropped=("XS\\nSM\\nMD\\nLG", "Share")).note
        >>> note.split(" (")[0], note.split("), ")[1]
        ('a.txt: left out 5 lines of page furniture', "the first 'XS SM MD LG'")
        """
        if not self.dropped:
            return ""
        lines = sum(entry.count("\n") + 1 for entry in self.dropped)
        first = " ".join(normalize(self.dropped[0]).split())
        first = shown_name(first if len(first) <= 50 else first[:47] + "...")
        return (
            f"{self.shown}: left out {lines} line{'s' if lines > 1 else ''} of page furniture "
            "(menus, font-size buttons, share links, captions given twice ...), "
            f"the first {first!r}"
        )


def same_file(a: str, b: str) -> bool:
    """Whether paths ``a`` and ``b`` name the same file (``a.txt`` and ``./a.txt`` do).

    >>> same_file("-", "-"), same_file(".", "./.")
    (False, True)
    """
    if a == "-" or b == "-":
        return False
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return a == b


def shown_name(path: str) -> str:
    """``path`` as an error message shows it: on one line, with nothing a terminal would run.

    >>> shown_name("-"), shown_name("yerevan.txt"), shown_name("evil\\x1b[2J\\n.txt")
    ('standard input', 'yerevan.txt', 'evil\\\\x1b[2J\\\\x0a.txt')
    """
    if path == "-":
        return "standard input"
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in path)


def check_encoding(encoding: str | None) -> str | None:
    """The codec name ``encoding`` stands for, or a :class:`UsageError` saying what to give.

    >>> check_encoding("CP1251"), check_encoding(None)
    ('cp1251', None)
    >>> check_encoding("rot13")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    readouts.errors.UsageError: 'rot13' is not a text encoding; give one such as utf-8, ...
    """
    if encoding is None:
        return None
    fix = "give one such as utf-8, cp1251, koi8-r or utf-16"
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise UsageError(f"unknown encoding '{shown_name(encoding)}'; {fix}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"'{shown_name(encoding)}' is not a text encoding; {fix}")
    return info.name


def read_bytes(
    path: str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> bytes:
    """The bytes of ``path`` (``-``: standard input), refusing what is not a readable file."""
    shown = shown_name(path)
    if path == "-":
        try:
            data = _read_at_most(stdin or sys.stdin.buffer, max_bytes + 1)
        except (AttributeError, OSError, ValueError) as exc:
            raise InputError(f"{shown}: cannot read ({exc}); give the readout as a file") from None
    else:
        if not path:
            raise InputError("an empty file name was given; give the path of a readout file")
        try:
            with open(path, "rb") as handle:
                data = _read_at_most(handle, max_bytes + 1)
        except (FileNotFoundError, NotADirectoryError):
            raise InputError(f"{shown}: no such file; check the path") from None
        except IsADirectoryError:
            raise InputError(f"{shown}: is a directory; give a readout file in it") from None
        except PermissionError:
            raise InputError(f"{shown}: permission denied; check the file's permissions") from None
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
            reason = getattr(exc, "strerror", None) or str(exc)
            raise InputError(f"{shown}: cannot read ({reason}); check the path") from None
    if len(data) > max_bytes:
        raise InputError(
            f"{shown}: larger than {max_bytes} bytes, too big for a readout; "
            "if it is one, raise the limit with --max-bytes"
        )
    return data


# Read in pieces: asking a stream for --max-bytes at once makes Python allocate that much.
_CHUNK = 1 << 20


def _read_at_most(stream: BinaryIO, limit: int) -> bytes:
    pieces: list[bytes] = []
    size = 0
    while size < limit:
        piece = stream.read(min(_CHUNK, limit - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def decode(
    data: bytes, *, name: str, encoding: str | None = None, html: bool = False
) -> tuple[str, str]:
    """Decode a readout's bytes; returns the text and the codec used.

    A byte-order mark wins (UTF-8, UTF-16, UTF-32), then ``encoding``, then, for an HTML page,
    its ``<meta charset>``, then UTF-8. Binary files and bytes the codec cannot decode raise
    an :class:`InputError` naming the file, the byte offset and the ``--encoding`` fix.

    >>> decode("Путин".encode("cp1251"), name="k.txt", encoding="cp1251")
    ('Путин', 'cp1251')
    >>> decode(b"\\xff\\xfeA\\x00", name="k.txt")
    ('A', 'utf-16-le')
    >>> decode("Путин и Пашинян".encode("cp1251"), name="k.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    readouts.errors.InputError: k.txt: not valid UTF-8 at byte 0 (line 1); it looks like ...cp1251
    """
    shown = shown_name(name)
    codec = check_encoding(encoding)
    start, declared = 0, ""
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            codec, start = bom_codec, len(bom)
            break
    else:
        _refuse_binary(data, shown=shown, encoding=codec)
        if codec is None and html:
            declared = _declared_charset(data)
            codec = declared or None
    codec = codec or "utf-8"
    try:
        text = data[start:].decode(codec)
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        line = data.count(b"\n", 0, offset) + 1
        where = f"at byte {offset} (line {line})"
        if declared:
            fix = f"the page says it is {declared}; give its real encoding with --encoding"
        else:
            guess = _guess_encoding(data) if codec in ("utf-8", "utf_8") else None
            fix = (
                f"it looks like {guess[1]}: give --encoding {guess[0]}"
                if guess
                else "give the file's encoding with --encoding (e.g. cp1251, koi8-r, utf-16)"
            )
        label = "UTF-8" if codec in ("utf-8", "utf_8") else codec
        raise InputError(f"{shown}: not valid {label} {where}; {fix}") from None
    if "\x00" in text:
        raise InputError(
            f"{shown}: a binary file (it holds NUL characters), not a readout; "
            "give a text, Markdown or HTML file"
        )
    return text, codec


def _refuse_binary(data: bytes, *, shown: str, encoding: str | None) -> None:
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise InputError(f"{shown}: {what}")
    head = data[:4096].lower()
    if b"mime-version:" in head and b"multipart/related" in head:
        raise InputError(
            f"{shown}: a web archive (MHTML); open it in a browser and save it as "
            "'Web page, HTML only', or copy the readout's text into a .txt file"
        )
    if encoding is not None or b"\x00" not in data[:65536]:
        return
    # NUL bytes without a BOM: UTF-16 text has them in the high byte of every ASCII character,
    # so all on odd offsets (little-endian) or all on even ones (big-endian), and it decodes;
    # anything else is binary.
    head = data[:65536]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for codec, ours, theirs in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if ours and theirs * 20 <= ours and _decodes(head[: len(head) // 2 * 2], codec):
            raise InputError(
                f"{shown}: looks like UTF-16 without a byte-order mark; give --encoding {codec}"
            )
    raise InputError(
        f"{shown}: a binary file (it holds NUL bytes), not a readout; "
        "give a text, Markdown or HTML file"
    )


def _decodes(data: bytes, codec: str) -> bool:
    """Whether ``data`` reads as text in ``codec``: it decodes, to printable characters."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    readable = sum(c.isprintable() or c.isspace() for c in text)
    return "\x00" not in text and readable >= 0.95 * len(text)


def _declared_charset(data: bytes) -> str:
    match = _META_CHARSET.search(data, 0, 4096)
    if match is None:
        return ""
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return ""
    # A page that reached us as ASCII-compatible bytes is not UTF-16, whatever it claims
    # (browsers read such a page as UTF-8 too).
    return "" if name.startswith(("utf-16", "utf-32")) else name


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    """The legacy encoding a non-UTF-8 readout is most likely in, if one stands out.

    Russian text is mostly Cyrillic letters, which cp1251 and koi8-r both put in 0xC0-0xFF,
    lower case in opposite halves: Russian is mostly lower case, so the busier half tells them
    apart. A few high bytes among Latin letters are the accents or curly quotes of a Windows
    Western file. Chinese in GBK has lead and trail bytes all over 0x81-0xFE.
    """
    sample = data[:65536]
    high = sum(1 for b in sample if b >= 0x80)
    if not high:
        return None
    latin = sum(1 for b in sample if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    letters = sum(1 for b in sample if b >= 0xC0)
    if high >= 4 and letters >= 0.7 * high and high >= latin:
        top = sum(1 for b in sample if b >= 0xE0)
        if top >= letters - top:
            return ("cp1251", "Windows Cyrillic")
        return ("koi8-r", "KOI8-R Cyrillic")
    for codec, what in (("cp1252", "Windows Western European"), ("gb18030", "Chinese GBK")):
        if codec == "cp1252" and high * 4 > latin:
            continue  # too many high bytes for accents and quotes in Latin text
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return (codec, what)
    return None


def read_text(
    path: str,
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> str:
    """The decoded text of any text file (a lexicon, say): no markup handling, no cleaning."""
    return decode(read_bytes(path, max_bytes=max_bytes, stdin=stdin), name=path, encoding=encoding)[
        0
    ]


def read_source(
    path: str,
    *,
    encoding: str | None = None,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Source:
    """Read one readout. ``-`` reads standard input.

    ``input_format`` is ``text``, ``markdown``, ``html`` or ``auto``: HTML for ``.html``/``.htm``
    files and for any file that starts like a web page, Markdown for ``.md``, text otherwise.

    >>> import io
    >>> page = b"<!doctype html><nav>Home</nav><p>Talks were held.</p>"
    >>> read_source("-", stdin=io.BytesIO(page))
    Source(text='Talks were held.', name='-', input_format='html', encoding='utf-8', dropped=())
    """
    if input_format not in INPUT_FORMATS:
        raise UsageError(
            f"unknown input format '{shown_name(input_format)}'; "
            f"use one of {', '.join(INPUT_FORMATS)}"
        )
    check_encoding(encoding)  # an unknown codec is a usage error, whatever the file holds
    shown = shown_name(path)
    data = read_bytes(path, max_bytes=max_bytes, stdin=stdin)
    if not data:
        raise InputError(f"{shown}: nothing to read (0 bytes); give a file with the readout's text")
    fmt = input_format
    if fmt == "auto":
        suffix = Path(path).suffix.lower() if path != "-" else ""
        if suffix in _HTML_SUFFIXES:
            fmt = "html"
        elif suffix in _MARKDOWN_SUFFIXES:
            fmt = "markdown"
        else:
            fmt = "html" if _LOOKS_HTML.match(data) else "text"
    text, codec = decode(data, name=path, encoding=encoding, html=fmt in ("html", "auto"))
    # A UTF-16 page could not be recognised from its bytes; look at its text.
    if (
        input_format == "auto"
        and fmt == "text"
        and codec.startswith(("utf-16", "utf-32"))
        and _LOOKS_HTML.match(text[:4000].encode("utf-8", "replace"))
    ):
        fmt = "html"
    if fmt == "html":
        lines, dropped = html_blocks(text, source=shown)
        if not any(line.strip() for line in lines):
            raise InputError(
                f"{shown}: no readout text found in this HTML page (only scripts, menus or "
                "page furniture); copy the readout's text into a .txt file"
            )
        text = "\n\n".join(lines)
    else:
        if fmt == "markdown":
            text = markdown_to_text(text)
        text, dropped = clean_page_text(text)
    if not normalize(text):
        raise InputError(
            f"{shown}: the readout is empty (only whitespace or invisible characters); "
            "give a file with the readout's text"
        )
    return Source(text=text, name=path, input_format=fmt, encoding=codec, dropped=tuple(dropped))


# ---------------------------------------------------------------- Markdown

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_=])(?:\s*\1){2,}\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_ORDERED = re.compile(r"^\s*\d{1,9}[.)]\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]{1,200}\]:\s*\S")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
# Each scan stops at the next bracket, so a line of ten thousand "[" stays linear.
_IMAGE = re.compile(r"!\[[^\[\]\n]*+\]\([^()\s]*+(?:\s+\"[^\"\n]*+\")?\)")
_LINK = re.compile(r"\[([^\[\]\n]*+)\](?:\([^()\s]*+(?:\s+\"[^\"\n]*+\")?\)|\[[^\[\]\n]*+\])")
_FOOTNOTE = re.compile(r"\[\^[^\[\]\s]{1,40}\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]{1,2000})>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,300})?/?>")
_CODE = re.compile(r"`+")
# Backslash escapes first (they protect what follows), then emphasis markers: ** __ ~~ always,
# single * and _ only at the edge of a word, so that "snake_case" and "5 * 3" stay.
_INLINE = re.compile(r"\\([!-/:-@\[-`{-~])|\*\*|__|~~|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _FOOTNOTE.sub("", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _TAG.sub("", line)
    line = _CODE.sub("", line)
    return _INLINE.sub(lambda m: m.group(1) or "", line)


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown readout: one paragraph per block, the markup gone.

    Heading marks, list bullets, emphasis, link and image syntax, code fences, block quotes and
    table rules go; numbered paragraphs keep their numbers (readouts number their points).

    >>> print(markdown_to_text('''# Readout
    ... **Putin** and *Pashinyan* spoke about the [Lachin corridor](http://x).
    ... They agreed.
    ...
    ... - trade
    ... - energy'''))
    Readout
    <BLANKLINE>
    Putin and Pashinyan spoke about the Lachin corridor. They agreed.
    <BLANKLINE>
    trade
    <BLANKLINE>
    energy
    """
    blocks: list[str] = []
    current: list[str] = []
    in_fence = False

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].strip() == "---":
        # YAML front matter (title, date, tags) is metadata, not the readout.
        end = next(
            (i for i, line in enumerate(lines[1:100], 1) if line.strip() in ("---", "...")), 0
        )
        lines = lines[end + 1 :] if end else lines
    for raw in lines:
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            if raw.strip():
                blocks.append(raw.strip())
            continue
        line = _QUOTE.sub("", raw)
        stripped = line.strip()
        if not stripped or _RULE.match(line) or _REFERENCE.match(line):
            flush()
            continue
        if stripped.startswith("#"):
            hashes = len(stripped) - len(stripped.lstrip("#"))
            rest = stripped[hashes:]
            if hashes <= 6 and (not rest or rest[0].isspace()):
                flush()
                heading = rest.strip()
                # Closing hashes ("## Title ##") go too, when set off by a space.
                if heading.endswith("#") and heading.rstrip("#").endswith((" ", "\t")):
                    heading = heading.rstrip("#").strip()
                if heading:
                    blocks.append(_inline(heading))
                continue
        if stripped.startswith("|") or stripped.endswith("|"):
            flush()
            if not _TABLE_RULE.match(stripped):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                blocks.append(_inline(" ".join(c for c in cells if c)))
            continue
        if _BULLET.match(line) or _ORDERED.match(line):
            flush()
            line = _BULLET.sub("", line)
        current.append(_inline(line.strip()))
    flush()
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())


# ---------------------------------------------------------------- bundled samples


@dataclass(frozen=True)
class Sample:
    """A bundled sample pair: its folder, the two readout files, and its ``meta.json``."""

    name: str
    path_a: Path
    path_b: Path
    label_a: str
    label_b: str
    meta: dict[str, Any]


def samples_dir() -> Path:
    """Where the bundled samples are: inside the installed package, or in the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "samples", here.parents[1] / "samples"):
        if candidate.is_dir():
            return candidate
    raise InputError("the bundled samples are missing; reinstall readouts")


def list_samples() -> list[Sample]:
    """Every bundled sample pair, by name."""
    return [
        load_sample(p.name) for p in sorted(samples_dir().iterdir()) if (p / "meta.json").is_file()
    ]


def load_sample(name: str) -> Sample:
    """One bundled sample by folder name; the error lists the names there are."""
    root = samples_dir()
    folder = root / name
    if not (folder / "meta.json").is_file() or "/" in name or name.startswith("."):
        names = sorted(p.parent.name for p in root.glob("*/meta.json"))
        raise InputError(f"no sample named {name!r}; run 'readouts samples' ({', '.join(names)})")
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return Sample(
        name=name,
        path_a=folder / meta["a"]["source"],
        path_b=folder / meta["b"]["source"],
        label_a=meta["a"]["label"],
        label_b=meta["b"]["label"],
        meta=meta,
    )
