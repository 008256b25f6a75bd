"""Regenerate the encoding fixtures: ``python tests/data/encodings/make_fixtures.py``.

Each file holds the same short Kremlin-style readout (constructed, not a real text; see
README.md) in one encoding; ``readout.txt`` is the UTF-8 original they are compared with.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXT = (HERE / "readout.txt").read_text(encoding="utf-8")


def main() -> None:
    crlf = TEXT.replace("\n", "\r\n")
    files = {
        "readout.cp1251.txt": crlf.encode("cp1251"),
        "readout.koi8-r.txt": TEXT.encode("koi8-r"),
        "readout.utf-8-bom.txt": codecs.BOM_UTF8 + crlf.encode("utf-8"),
        "readout.utf-16-le-bom.txt": codecs.BOM_UTF16_LE + crlf.encode("utf-16-le"),
        "readout.utf-16-be-bom.txt": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        "readout.utf-16-le-nobom.txt": TEXT.encode("utf-16-le"),
        "readout.nfd.txt": unicodedata.normalize("NFD", TEXT).encode("utf-8"),
        "readout.cp1251.html": (
            '<!DOCTYPE html>\r\n<html><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=windows-1251"><title>Кремль</title></head>\r\n<body>'
            + "".join(f"<p>{p}</p>\r\n" for p in TEXT.split("\n\n"))
            + "</body></html>\r\n"
        ).encode("cp1251"),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
