"""Compare a corpus of calls at once, and count what each side mentions across them.

Researchers compare hundreds of calls, not one: every Putin-Pashinian call since 2018, every
US-China readout pair. This module finds the pairs (a folder of pair folders laid out like
``samples/``, or a CSV/JSONL manifest), compares each with :func:`readouts.compare`, in worker
processes when asked, and tallies the ledgers: per topic and side, in how many of the side's
calls it is mentioned, one-sided, or left out while the other side mentions it; per side and
year, how many one-sided topics its readouts had.

Results stream: :func:`iter_compare` yields one :class:`CallResult` per call, in the order of
the input whatever the number of workers, and :class:`Tally` keeps only the counts, so a
caller that writes each result as it comes (the ``readouts batch`` command does) uses the same
memory for ten calls as for ten thousand. :func:`compare_many` collects everything into a
:class:`Corpus` for notebook use.

A pair that cannot be compared (a missing file, an empty readout, a bad ``meta.json``) becomes
a result with an ``error`` and the others go on. This module reads the pairs' files only
through :func:`readouts.sources.read_source` (manifests and ``meta.json`` through its byte
checks and decoder); it does not format anything (``render/corpus.py`` does).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readouts.config import Config
from readouts.errors import InputError, ReadoutsError, UsageError
from readouts.lexicon import Lexicon
from readouts.model import SCHEMA_VERSION, Comparison, Status

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

#: File names that hold a readout inside a pair folder (``meta.json`` may name others).
READOUT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
#: Manifest file types :func:`iter_calls` understands.
MANIFEST_SUFFIXES = frozenset({".csv", ".jsonl", ".ndjson"})
#: Discovered one-sided terms differ from call to call and would swamp a corpus summary with
#: one-off words; corpus comparisons therefore report lexicon and query topics only, unless a
#: caller passes a ``Config`` with ``discover`` set.
CORPUS_CONFIG = replace(Config(), discover=0)


# ---------------------------------------------------------------- the pairs


@dataclass(frozen=True)
class Call:
    """One call of a corpus: where its two readouts are, and what is known about it.

    ``a`` and ``b`` are file paths (as given, or resolved against the manifest's folder);
    ``labels`` are the two sides' names (empty: the file names); ``texts``, when set, are the
    readouts themselves and no file is read. ``error`` is set when the pair could not even be
    put together (a folder with three readouts, a manifest row without a path); such a call is
    reported as failed, with this reason, and the others go on.
    """

    name: str
    a: str = ""
    b: str = ""
    labels: tuple[str, str] = ("", "")
    date: str = ""
    event: str = ""
    texts: tuple[str, str] | None = None
    error: str = ""

    @classmethod
    def from_texts(
        cls,
        name: str,
        a: str,
        b: str,
        *,
        labels: tuple[str, str] = ("A", "B"),
        date: str = "",
        event: str = "",
    ) -> Call:
        """A call whose readouts are given as text.

        >>> Call.from_texts("c1", "We discussed Taiwan.", "We discussed trade.").texts
        ('We discussed Taiwan.', 'We discussed trade.')
        """
        return cls(name=name, labels=labels, date=date, event=event, texts=(a, b))

    @property
    def year(self) -> str:
        """The year of ``date`` (``2023`` from ``2023-01-31``), or ``""`` when undated."""
        return _year(self.date)


def _year(date: str) -> str:
    head = date.strip()[:4]
    return head if len(head) == 4 and head.isdigit() else ""


def iter_calls(source: str | os.PathLike[str]) -> Iterator[Call]:
    """The calls of a corpus, one at a time: a folder of pair folders, or a CSV/JSONL manifest.

    A pair folder holds two readout files (``.txt``, ``.md``, ``.html``) and optionally a
    ``meta.json`` as in ``samples/`` (``a``/``b`` with ``label`` and ``source``, ``date``,
    ``event``); without one the two files are taken in name order. Folders that hold only
    folders are searched in turn, so ``calls/2023/01-31/`` works. A manifest has the columns
    (or JSON keys) ``a``, ``b`` and optionally ``label_a``, ``label_b``, ``date``, ``event``,
    ``name``; relative paths are relative to the manifest's folder.

    Raises :class:`~readouts.errors.InputError` when ``source`` is neither (at once), or holds
    no pair (when the iteration ends). Nothing is kept: a corpus of any size walks in the same
    memory. :func:`count_calls` counts the same calls; :func:`load_calls` lists them.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "calls.csv").write_text("a,b,label_a,date\\nx.txt,y.txt,Yerevan,2023-01-31\\n")
    >>> [(c.name, Path(c.a).name, c.labels, c.year) for c in iter_calls(root / "calls.csv")]
    [('calls.csv:2', 'x.txt', ('Yerevan', ''), '2023')]
    """
    path, kind = _source_kind(source)
    return _iter_calls(path, kind)


def count_calls(source: str | os.PathLike[str]) -> int:
    """How many calls :func:`iter_calls` will give, found without reading their metadata;
    raises :class:`~readouts.errors.InputError` if none."""
    path, kind = _source_kind(source)
    if kind == "folder":
        found = sum(1 for _ in _pair_folders(path))
    else:
        found = sum(1 for _ in _manifest_calls(path, kind))
    if not found:
        raise InputError(_no_pairs(path, kind))
    return found


def load_calls(source: str | os.PathLike[str]) -> list[Call]:
    """The calls of a corpus as a list (see :func:`iter_calls`)."""
    return list(iter_calls(source))


def _source_kind(source: str | os.PathLike[str]) -> tuple[Path, str]:
    path = Path(source)
    if path.is_dir():
        return path, "folder"
    if not path.exists():
        raise InputError(f"{source}: no such file or folder; check the path")
    suffix = path.suffix.lower()
    if suffix not in MANIFEST_SUFFIXES:
        raise InputError(
            f"{source}: not a folder or a manifest; give a folder of pair folders, or a "
            ".csv or .jsonl file with columns a,b (label_a,label_b,date,event optional)"
        )
    return path, suffix.lstrip(".")


def _no_pairs(path: Path, kind: str) -> str:
    if kind == "folder":
        return (
            f"{path}: no pair folders found; give a folder of folders that each hold two "
            "readout files (and optionally meta.json), or a .csv/.jsonl manifest"
        )
    return f"{path}: the manifest lists no pairs; add one row per call"


def _iter_calls(path: Path, kind: str) -> Iterator[Call]:
    found = 0
    if kind == "folder":
        for folder in _pair_folders(path):
            found += 1
            yield _pair_folder(folder, path)
    else:
        for call in _manifest_calls(path, kind):
            found += 1
            yield call
    if not found:
        raise InputError(_no_pairs(path, kind))


def _manifest_calls(path: Path, kind: str) -> Iterator[Call]:
    text = _read_text(str(path))
    return _csv_calls(text, path) if kind == "csv" else _jsonl_calls(text, path)


def _read_text(path: str) -> str:
    """A manifest's or ``meta.json``'s text. Not :func:`~readouts.sources.read_source`, which
    is for readouts (it drops page furniture and reads HTML); same bytes checks and errors."""
    from readouts.sources import decode, read_bytes

    return decode(read_bytes(path), name=path)[0]


def _is_readout(path: Path) -> bool:
    return (
        path.is_file() and path.suffix.lower() in READOUT_SUFFIXES and not path.name.startswith(".")
    )


def _pair_folders(folder: Path) -> Iterator[Path]:
    """The pair folders under ``folder`` (itself, if it is one), in name order."""
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    if (folder / "meta.json").is_file() or any(_is_readout(p) for p in entries):
        yield folder
        return
    for sub in entries:
        if sub.is_dir() and not sub.name.startswith((".", "_")):
            yield from _pair_folders(sub)


def _pair_folder(folder: Path, root: Path) -> Call:
    name = folder.relative_to(root).as_posix() if folder != root else folder.name
    meta: dict[str, Any] = {}
    meta_path = folder / "meta.json"
    if meta_path.is_file():
        try:
            loaded = json.loads(_read_text(str(meta_path)))
        except json.JSONDecodeError as exc:
            return Call(name, error=f"{meta_path}: not valid JSON at line {exc.lineno}: {exc.msg}")
        except ReadoutsError as exc:
            return Call(name, error=str(exc))
        if not isinstance(loaded, dict):
            return Call(name, error=f"{meta_path}: must hold a JSON object with a and b")
        meta = loaded
    sides = [_meta_side(meta, side) for side in ("a", "b")]
    sources = [source for source, _ in sides]
    if not all(sources):
        files = sorted(p.name for p in folder.iterdir() if _is_readout(p))
        if len(files) != 2:
            found = ", ".join(files) if files else "none"
            return Call(
                name,
                error=f"{folder}: expected two readout files, found {len(files)} ({found}); "
                "keep two, or name them in meta.json as a.source and b.source",
            )
        sources = files
    return Call(
        name=name,
        a=str(folder / sources[0]),
        b=str(folder / sources[1]),
        labels=(sides[0][1], sides[1][1]),
        date=str(meta.get("date") or ""),
        event=str(meta.get("event") or ""),
    )


def _meta_side(meta: dict[str, Any], side: str) -> tuple[str, str]:
    """(source file, label) of one side of a ``meta.json``, in the samples' layout or flat."""
    value = meta.get(side)
    if isinstance(value, dict):
        return str(value.get("source") or ""), str(value.get("label") or "")
    source = value if isinstance(value, str) else ""
    return source, str(meta.get(f"label_{side}") or "")


def _manifest_call(row: dict[str, Any], name: str, base: Path, where: str) -> Call:
    def cell(key: str) -> str:
        value = row.get(key)
        return "" if value is None else str(value).strip()

    name = cell("name") or name
    missing = [key for key in ("a", "b") if not cell(key)]
    if missing:
        return Call(name, error=f"{where}: no path in column {missing[0]!r}; give both a and b")
    paths = [cell(key) for key in ("a", "b")]
    resolved = [p if Path(p).is_absolute() else str(base / p) for p in paths]
    return Call(
        name=name,
        a=resolved[0],
        b=resolved[1],
        labels=(cell("label_a"), cell("label_b")),
        date=cell("date"),
        event=cell("event"),
    )


def _csv_calls(text: str, path: Path) -> Iterator[Call]:
    reader = csv.DictReader(io.StringIO(text))
    columns = {c.strip() for c in reader.fieldnames or ()}
    if not {"a", "b"} <= columns:
        raise InputError(
            f"{path}: the header needs columns a and b (and optionally label_a, label_b, date, "
            f"event, name); found {', '.join(sorted(columns)) or 'none'}"
        )
    for row in reader:
        clean = {(k or "").strip(): v for k, v in row.items()}
        where = f"{path}, line {reader.line_num}"
        yield _manifest_call(clean, f"{path.name}:{reader.line_num}", path.parent, where)


def _jsonl_calls(text: str, path: Path) -> Iterator[Call]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name, where = f"{path.name}:{number}", f"{path}, line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Call(name, error=f"{where}: not valid JSON: {exc.msg}")
            continue
        if not isinstance(row, dict):
            yield Call(name, error=f"{where}: each line must be a JSON object with a and b")
            continue
        yield _manifest_call(row, name, path.parent, where)


# ---------------------------------------------------------------- per-call results


@dataclass(frozen=True)
class TopicRow:
    """One topic of one call's ledger, flat: the call, the topic, its status and the evidence.

    ``sentence_a``/``sentence_b`` are 0-based sentence indices of the first mention on each
    side (None when that side does not mention it), ``matched_*`` the words that matched and
    ``evidence_*`` the whole sentence.
    """

    call: str
    date: str
    event: str
    label_a: str
    label_b: str
    key: str
    topic: str
    origin: str
    status: Status
    sentence_a: int | None
    matched_a: str
    evidence_a: str
    sentence_b: int | None
    matched_b: str
    evidence_b: str

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ROW_FIELDS}


#: The fields of a :class:`TopicRow`, in the order the CSV and records use.
ROW_FIELDS = tuple(TopicRow.__dataclass_fields__)
#: Fields a row shares with its call; the JSON nests rows under their call without them.
CALL_FIELDS = ("call", "date", "event", "label_a", "label_b")


@dataclass(frozen=True)
class CallResult:
    """What one call gave: its ledger as rows, or the reason it failed (``error``).

    ``labels`` are the labels actually used (from the metadata, the file names, or the
    caller); ``sentences`` the number of sentences on each side.
    """

    name: str
    labels: tuple[str, str]
    date: str = ""
    event: str = ""
    sentences: tuple[int, int] = (0, 0)
    rows: tuple[TopicRow, ...] = ()
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def year(self) -> str:
        return _year(self.date)

    def to_dict(self) -> dict[str, Any]:
        """The call and its topics (without the call's fields repeated in each topic)."""
        return {
            "call": self.name,
            "date": self.date,
            "event": self.event,
            "label_a": self.labels[0],
            "label_b": self.labels[1],
            "sentences_a": self.sentences[0],
            "sentences_b": self.sentences[1],
            "error": self.error or None,
            "topics": [
                {k: v for k, v in row.to_dict().items() if k not in CALL_FIELDS}
                for row in self.rows
            ],
        }


def rows_of(cmp: Comparison, *, call: str, date: str = "", event: str = "") -> tuple[TopicRow, ...]:
    """A comparison's ledger as flat rows, one per topic, in ledger order.

    >>> import readouts
    >>> c = readouts.compare("We discussed Taiwan.", "We discussed trade.", labels=("X", "Y"))
    >>> [(r.topic, r.status, r.matched_a) for r in rows_of(c, call="c1")][:1]
    [('Taiwan', 'only_a', 'Taiwan')]
    """
    rows = []
    la, lb = cmp.labels
    for topic in cmp.topics:
        evidence: list[tuple[int | None, str, str]] = []
        for side in (0, 1):
            ms = topic.mentions[side]
            if ms:
                first = ms[0]
                text = cmp.readouts[side].sentences[first.sentence].text
                evidence.append((first.sentence, first.text, text))
            else:
                evidence.append((None, "", ""))
        rows.append(
            TopicRow(
                call,
                date,
                event,
                la,
                lb,
                topic.key,
                topic.name,
                topic.origin,
                topic.status,
                *evidence[0],
                *evidence[1],
            )
        )
    return tuple(rows)


# ---------------------------------------------------------------- running the comparisons


@dataclass(frozen=True)
class _Options:
    """What every comparison of a run shares; sent to each worker process once."""

    topics: tuple[str, ...] = ()
    lexicon: Lexicon | None = None
    use_lexicon: bool = True
    config: Config = CORPUS_CONFIG
    labels: tuple[str, str] | None = None
    encoding: str | None = None
    input_format: str = "auto"
    max_bytes: int | None = None


def _labels(call: Call, options: _Options) -> tuple[str, str]:
    if options.labels is not None:
        return options.labels
    stems = [Path(p).stem for p in (call.a, call.b)]
    given = [label.strip() or stem for label, stem in zip(call.labels, stems, strict=True)]
    if not given[0] or not given[1] or given[0] == given[1]:
        # Two files called the same (yerevan/2023.txt, kremlin/2023.txt) or unlabeled texts:
        # the sides are still A and B.
        return ("A", "B")
    return (given[0], given[1])


def compare_call(call: Call, options: _Options) -> CallResult:
    """Compare one call; never raises for a bad pair, returns a result with ``error``."""
    labels = _labels(call, options)
    result = CallResult(call.name, labels, call.date, call.event)
    if call.error:
        return replace(result, error=call.error)
    try:
        from readouts.compare import compare

        if call.texts is not None:
            texts = call.texts
        else:
            from readouts.sources import read_source

            read_options: dict[str, Any] = {
                "encoding": options.encoding,
                "input_format": options.input_format,
            }
            if options.max_bytes is not None:
                read_options["max_bytes"] = options.max_bytes
            texts = (
                read_source(call.a, **read_options).text,
                read_source(call.b, **read_options).text,
            )
        cmp = compare(
            texts[0],
            texts[1],
            labels=labels,
            sources=(call.a, call.b),
            topics=options.topics,
            lexicon=options.lexicon,
            use_lexicon=options.use_lexicon,
            config=options.config,
        )
    except ReadoutsError as exc:
        return replace(result, error=str(exc))
    except Exception as exc:  # one odd pair must not stop a corpus of thousands
        return replace(result, error=f"unexpected {type(exc).__name__}: {exc}")
    return replace(
        result,
        sentences=(len(cmp.readouts[0].sentences), len(cmp.readouts[1].sentences)),
        rows=rows_of(cmp, call=call.name, date=call.date, event=call.event),
    )


_worker_options = _Options()


def _init_worker(options: _Options) -> None:
    global _worker_options
    _worker_options = options


def _compare_chunk(calls: list[Call]) -> list[CallResult]:
    return [compare_call(call, _worker_options) for call in calls]


def default_jobs() -> int:
    """The number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def iter_compare(
    calls: Iterable[Call],
    *,
    jobs: int | None = None,
    chunksize: int = 8,
    topics: Sequence[str] = (),
    lexicon: Lexicon | None = None,
    use_lexicon: bool = True,
    config: Config = CORPUS_CONFIG,
    labels: tuple[str, str] | None = None,
    encoding: str | None = None,
    input_format: str = "auto",
    max_bytes: int | None = None,
) -> Iterator[CallResult]:
    """Compare each call, yielding results in the order of ``calls`` as they are ready.

    ``jobs`` worker processes share the work (default: the machine's cores; 1 compares in
    this process). Calls go to the workers ``chunksize`` at a time and at most a few chunks
    per worker are in flight, so memory does not grow with the corpus. ``labels`` replaces
    every call's labels; the other options are those of :func:`readouts.compare`.

    >>> calls = [Call.from_texts("c1", "We discussed Taiwan.", "We discussed trade.")]
    >>> [(r.name, [(row.topic, row.status) for row in r.rows]) for r in iter_compare(calls)]
    [('c1', [('Taiwan', 'only_a'), ('trade', 'only_b')])]
    """
    if jobs is not None and jobs < 1:
        raise UsageError(f"jobs must be at least 1, got {jobs}")
    options = _Options(
        topics=tuple(topics),
        lexicon=lexicon,
        use_lexicon=use_lexicon,
        config=config,
        labels=labels,
        encoding=encoding,
        input_format=input_format,
        max_bytes=max_bytes,
    )
    workers = default_jobs() if jobs is None else jobs
    if isinstance(calls, Sequence) and len(calls) <= chunksize:
        workers = 1  # starting worker processes would cost more than it saves
    if workers == 1:
        for call in calls:
            yield compare_call(call, options)
        return
    yield from _parallel(iter(calls), options, workers, max(1, chunksize))


def _chunks(calls: Iterator[Call], size: int) -> Iterator[list[Call]]:
    chunk: list[Call] = []
    for call in calls:
        chunk.append(call)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parallel(
    calls: Iterator[Call], options: _Options, workers: int, chunksize: int
) -> Iterator[CallResult]:
    # Imported here: worker processes are the one thing a single comparison never needs.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Load the lexicon once here: forked workers then share it instead of each parsing it.
    if options.lexicon is None and options.use_lexicon:
        from readouts.lexicon import builtin_lexicon

        builtin_lexicon()
    chunks = _chunks(calls, chunksize)
    window: list[tuple[list[Call], Future[list[CallResult]]]] = []
    executor: ProcessPoolExecutor | None = None
    try:
        while True:
            if executor is None:
                executor = ProcessPoolExecutor(
                    max_workers=workers, initializer=_init_worker, initargs=(options,)
                )
            # Keep a few chunks per worker in flight: enough that no worker waits for the
            # next one, few enough that results never pile up.
            for chunk in chunks:
                window.append((chunk, executor.submit(_compare_chunk, chunk)))
                if len(window) >= 3 * workers:
                    break
            if not window:
                return
            chunk, future = window.pop(0)
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): the calls in flight are lost. Report
                # them and go on with a new pool.
                lost = [chunk] + [c for c, _ in window]
                window.clear()
                executor.shutdown(wait=False, cancel_futures=True)
                executor = None
                for lost_chunk in lost:
                    for call in lost_chunk:
                        yield CallResult(
                            call.name,
                            _labels(call, options),
                            call.date,
                            call.event,
                            error="the worker process comparing it died; retry with --jobs 1",
                        )
                continue
            yield from results
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------- the summary


@dataclass(frozen=True)
class TopicSummary:
    """One topic seen from one side across the corpus.

    Of the ``calls`` this side took part in, it mentioned the topic in ``mentioned``; in
    ``one_sided`` of those the other side did not; in ``left_out`` the other side mentioned it
    and this side did not ("how often does the Kremlin leave out the blockade?").
    """

    side: str
    key: str
    topic: str
    origin: str
    calls: int
    mentioned: int
    one_sided: int
    left_out: int

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in TopicSummary.__dataclass_fields__}


@dataclass(frozen=True)
class YearSummary:
    """One side in one year: its calls, and the one-sided topics in them (all calls summed).

    ``one_sided`` counts topics only this side mentioned, ``left_out`` topics only the other
    side mentioned. ``year`` is ``""`` for undated calls.
    """

    side: str
    year: str
    calls: int
    one_sided: int
    left_out: int

    @property
    def one_sided_per_call(self) -> float:
        return self.one_sided / self.calls if self.calls else 0.0

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {name: getattr(self, name) for name in YearSummary.__dataclass_fields__}
        d["one_sided_per_call"] = round(self.one_sided_per_call, 3)
        return d


@dataclass(frozen=True)
class Failure:
    """A call that could not be compared, and why."""

    call: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"call": self.call, "reason": self.reason}


@dataclass(frozen=True)
class Summary:
    """The corpus counted: ``calls`` compared, ``failures``, per topic/side and side/year.

    ``topics`` is ordered by how many calls raise the topic (most first), then by name and
    side; ``years`` by side, then year (undated last).
    """

    calls: int
    failures: tuple[Failure, ...]
    topics: tuple[TopicSummary, ...]
    years: tuple[YearSummary, ...]

    @property
    def sides(self) -> tuple[str, ...]:
        """Every side label, the ones with most calls first."""
        calls: dict[str, int] = defaultdict(int)
        for y in self.years:
            calls[y.side] += y.calls
        return tuple(sorted(calls, key=lambda s: (-calls[s], s.casefold(), s)))

    def topic(self, side: str, name: str) -> TopicSummary | None:
        """The summary of topic ``name`` (its name or key) for ``side``, if it was seen."""
        for t in self.topics:
            if t.side == side and name in (t.topic, t.key):
                return t
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "failed": len(self.failures),
            "failures": [f.to_dict() for f in self.failures],
            "topics": [t.to_dict() for t in self.topics],
            "years": [y.to_dict() for y in self.years],
        }


class Tally:
    """Counts results as they stream past; memory grows with topics, sides and years only.

    >>> tally = Tally()
    >>> for r in iter_compare([Call.from_texts("c1", "We discussed Taiwan.", "Trade.",
    ...                                        labels=("X", "Y"), date="2024-01-02")], jobs=1):
    ...     tally.add(r)
    >>> t = tally.summary().topic("Y", "Taiwan")
    >>> (t.calls, t.mentioned, t.left_out)
    (1, 0, 1)
    """

    def __init__(self) -> None:
        self.calls = 0
        self.failures: list[Failure] = []
        self.side_calls: dict[str, int] = defaultdict(int)
        # (side, key) -> [mentioned, one_sided, left_out]
        self.counts: dict[tuple[str, str], list[int]] = {}
        self.names: dict[str, tuple[str, str]] = {}  # key -> (name, origin), first seen
        self.raised: dict[str, int] = defaultdict(int)  # key -> calls where some side mentions it
        # (side, year) -> [calls, one_sided, left_out]
        self.years: dict[tuple[str, str], list[int]] = {}

    def add(self, result: CallResult) -> None:
        if not result.ok:
            self.failures.append(Failure(result.name, result.error))
            return
        self.calls += 1
        la, lb = result.labels
        year = result.year
        for side in (la, lb):
            self.side_calls[side] += 1
            self.years.setdefault((side, year), [0, 0, 0])[0] += 1
        for row in result.rows:
            self.names.setdefault(row.key, (row.topic, row.origin))
            ca = self.counts.setdefault((la, row.key), [0, 0, 0])
            cb = self.counts.setdefault((lb, row.key), [0, 0, 0])
            if row.status != "neither":
                self.raised[row.key] += 1
            if row.status == "both":
                ca[0] += 1
                cb[0] += 1
            elif row.status == "only_a":
                ca[0] += 1
                ca[1] += 1
                cb[2] += 1
                self.years[(la, year)][1] += 1
                self.years[(lb, year)][2] += 1
            elif row.status == "only_b":
                cb[0] += 1
                cb[1] += 1
                ca[2] += 1
                self.years[(lb, year)][1] += 1
                self.years[(la, year)][2] += 1

    def watch(self, results: Iterable[CallResult]) -> Iterator[CallResult]:
        """Pass ``results`` through, counting each one."""
        for result in results:
            self.add(result)
            yield result

    def summary(self) -> Summary:
        topics = [
            TopicSummary(side, key, *self.names[key], self.side_calls[side], *counts)
            for (side, key), counts in self.counts.items()
        ]
        topics.sort(
            key=lambda t: (
                -self.raised[t.key],
                t.topic.casefold(),
                t.key,
                t.side.casefold(),
                t.side,
            )
        )
        years = [YearSummary(side, year, *counts) for (side, year), counts in self.years.items()]
        years.sort(key=lambda y: (y.side.casefold(), y.side, y.year == "", y.year))
        return Summary(self.calls, tuple(self.failures), tuple(topics), tuple(years))


# ---------------------------------------------------------------- all at once


@dataclass(frozen=True)
class Corpus:
    """Every call of a corpus compared: the results in input order and their summary.

    Build one with :func:`compare_many`. ``results`` holds failed calls too (with ``error``).
    """

    results: tuple[CallResult, ...]
    summary: Summary = field(compare=False)

    @property
    def rows(self) -> list[TopicRow]:
        """One row per call and topic, in call order, then ledger order."""
        return [row for result in self.results for row in result.rows]

    @property
    def failures(self) -> tuple[Failure, ...]:
        return self.summary.failures

    def to_dict(self) -> dict[str, Any]:
        """Plain data: the calls with their topics, and the summary (what ``--format json``
        writes)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "calls": [r.to_dict() for r in self.results],
            "summary": self.summary.to_dict(),
        }

    def to_records(self) -> list[dict[str, Any]]:
        """The rows as flat dicts, ready for ``pandas.DataFrame(corpus.to_records())``."""
        return [row.to_dict() for row in self.rows]

    def __repr__(self) -> str:
        return (
            f"<Corpus {self.summary.calls} calls compared, {len(self.failures)} failed, "
            f"{len(self.rows)} topic rows, sides: {', '.join(self.summary.sides)}>"
        )


def compare_many(
    pairs: Iterable[Call] | str | os.PathLike[str],
    *,
    jobs: int | None = None,
    topics: Sequence[str] = (),
    lexicon: Lexicon | None = None,
    use_lexicon: bool = True,
    config: Config = CORPUS_CONFIG,
    labels: tuple[str, str] | None = None,
    encoding: str | None = None,
    input_format: str = "auto",
    max_bytes: int | None = None,
    progress: Callable[[CallResult], None] | None = None,
) -> Corpus:
    """Compare every call of a corpus and count the topics per side and year.

    ``pairs`` is a folder or manifest (see :func:`iter_calls`) or :class:`Call` objects.
    ``jobs`` worker processes share the work (None: one per core); the results keep the
    input order either way. ``progress`` is called with each result as it arrives. Keeps every
    result in memory: for very large corpora stream with :func:`iter_compare` and
    :class:`Tally` instead.

    >>> corpus = compare_many([
    ...     Call.from_texts("c1", "The blockade was raised.", "Trade grew.",
    ...                     labels=("Yerevan", "Kremlin"), date="2023-01-31"),
    ...     Call.from_texts("c2", "The blockade and trade.", "Trade and the blockade.",
    ...                     labels=("Yerevan", "Kremlin"), date="2024-02-01"),
    ... ])
    >>> t = corpus.summary.topic("Kremlin", "blockade")
    >>> f"mentioned in {t.mentioned} of {t.calls} calls, left out in {t.left_out}"
    'mentioned in 1 of 2 calls, left out in 1'
    """
    calls = iter_calls(pairs) if isinstance(pairs, str | os.PathLike) else pairs
    tally = Tally()
    results = []
    for result in iter_compare(
        calls,
        jobs=jobs,
        topics=topics,
        lexicon=lexicon,
        use_lexicon=use_lexicon,
        config=config,
        labels=labels,
        encoding=encoding,
        input_format=input_format,
        max_bytes=max_bytes,
    ):
        tally.add(result)
        results.append(result)
        if progress is not None:
            progress(result)
    return Corpus(tuple(results), tally.summary())
