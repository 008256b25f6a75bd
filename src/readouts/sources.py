"""Read readouts from files and standard input and turn them into text.

This is the only module that touches the user's files. It decodes bytes (UTF-8 with or
without BOM by default, ``encoding=`` for others), refuses what is not a readout (missing
file, directory, binary, too big) with an :class:`~readouts.errors.InputError` naming the file
and the fix, and returns the text; ``text.py`` normalises and splits it.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from readouts.errors import InputError

DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Source:
    """A readout's text and where it came from (``name``: the path as given, or ``-``)."""

    text: str
    name: str

    @property
    def stem(self) -> str:
        """The default label: the file name without extension (``stdin`` for ``-``)."""
        return "stdin" if self.name == "-" else Path(self.name).stem


def read_source(
    path: str,
    *,
    encoding: str | None = None,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Source:
    """Read one readout. ``-`` reads standard input."""
    if path == "-":
        data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
    else:
        p = Path(path)
        try:
            with p.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(f"{path}: no such file; check the path") from None
        except IsADirectoryError:
            raise InputError(f"{path}: is a directory; give a readout file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror}); check permissions") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: larger than {max_bytes} bytes; raise the limit with --max-bytes")
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid {encoding or 'UTF-8'} at byte {exc.start}; "
            "give the file's encoding with --encoding (e.g. cp1251)"
        ) from None
    return Source(text=text, name=path)


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
    return [load_sample(p.name) for p in sorted(samples_dir().iterdir()) if (p / "meta.json").is_file()]


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
