"""The ``readouts`` command line: parse options, call the library, write the result.

Exit statuses: 0 success; 1 with ``--exit-code`` when some topic is one-sided; 2 for bad usage
or unusable input (``Error: ...`` on stderr, never a traceback).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from readouts import __version__
from readouts.errors import ReadoutsError, UsageError
from readouts.render import FORMATS

if TYPE_CHECKING:
    from readouts.lexicon import Lexicon

EXIT_ONE_SIDED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in readouts

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _ExamplesLast:
    """Moves the "Examples:" block of a command's docstring after its options, where a reader
    of ``--help`` looks for it last."""

    help: str | None
    epilog: str | None

    def _move_examples(self) -> None:
        if self.help and "\b\nExample" in self.help:
            body, _, examples = self.help.partition("\b\nExample")
            self.help, self.epilog = body.rstrip(), "\b\nExample" + examples


class ReadoutsCommand(_ExamplesLast, click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._move_examples()


class ReadoutsGroup(_ExamplesLast, click.Group):
    """A click group that turns every user error into one ``Error:`` line and exit status 2."""

    command_class = ReadoutsCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._move_examples()

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            status = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        except click.ClickException as exc:
            hint = ""
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                hint = f" (see '{exc.ctx.command_path} --help')"
            click.echo(f"Error: {exc.format_message()}{hint}", err=True)
            sys.exit(EXIT_USAGE)
        except ReadoutsError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_status)
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): not an error worth a traceback.
            sys.stderr.close()
            sys.exit(0)
        except Exception as exc:
            # A bug of ours, not the user's: still one line, and a way to see more.
            if os.environ.get("READOUTS_DEBUG"):
                raise
            click.echo(
                f"Error: internal error ({type(exc).__name__}: {exc}); please report it with "
                "the command you ran (READOUTS_DEBUG=1 shows the traceback)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)
        sys.exit(status or 0)


@click.group(cls=ReadoutsGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="readouts")
def cli() -> None:
    """Compare two governments' readouts of the same call or meeting.

    \b
    Examples:
      readouts compare yerevan.txt kremlin.txt --labels Yerevan,Kremlin
      readouts compare --sample 2023-01-31-pashinian-putin --format json
      readouts samples
      readouts topics karabakh
    """


def _write(text: str, output: str | None, *, color: bool = False) -> None:
    if output is None or output == "-":
        # click.echo strips colour codes when stdout is not a terminal unless told otherwise;
        # the renderer only added them if colour was wanted (--color forces it through a pipe).
        click.echo(text, nl=False, color=color)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            f"{output}: cannot write ({exc.strerror}); choose another -o path"
        ) from None


def _use_color(output: str | None, color: bool | None) -> bool:
    if color is not None:
        return color
    if output not in (None, "-") or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _width(width: int | None) -> int:
    return width or shutil.get_terminal_size((100, 24)).columns


F = TypeVar("F", bound=Callable[..., Any])


def _input_options(command: F) -> F:
    """How to read input files: the same options for ``compare`` and ``batch``."""
    for option in reversed(
        [
            click.option(
                "--encoding", metavar="NAME", help="Encoding of the input files [default: UTF-8]."
            ),
            click.option(
                "--input-format",
                type=click.Choice(["auto", "text", "markdown", "html"]),
                default="auto",
                show_default=True,
                help="How to read the input files.",
            ),
            click.option(
                "--max-bytes",
                type=click.IntRange(1),
                default=None,
                metavar="N",
                help="Refuse input files larger than N bytes [default: 20000000].",
            ),
        ]
    ):
        command = option(command)
    return command


def _output_options(command: F) -> F:
    """Where and in which format to write: the same options for ``compare`` and ``batch``."""
    command = click.option(
        "-o", "--output", metavar="FILE", help="Write to FILE instead of standard output."
    )(command)
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(command)


def _lexicon_options(command: F) -> F:
    """Which lexicon to use: the same options for ``compare`` and ``batch``."""
    for option in reversed(
        [
            click.option(
                "--topics",
                "lexicon_file",
                metavar="FILE",
                help="Add or override topics from a TOML or JSON lexicon file.",
            ),
            click.option(
                "--no-lexicon", is_flag=True, help="Do not look for the built-in lexicon's topics."
            ),
        ]
    ):
        command = option(command)
    return command


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, metavar="A B")
@click.option(
    "--sample", metavar="NAME", help="Compare a bundled sample pair (see 'readouts samples')."
)
@click.option("--labels", metavar="A,B", help="Names of the two sides [default: the file names].")
@click.option(
    "--topic",
    "queries",
    multiple=True,
    metavar="NAME[=ALIAS|ALIAS]",
    help="Ask whether each side mentions this topic (repeatable).",
)
@_lexicon_options
@click.option(
    "--discover",
    type=click.IntRange(0, 100),
    default=None,
    metavar="N",
    help="Report up to N discovered one-sided terms per side [default: 10].",
)
@click.option("--no-discover", is_flag=True, help="Report no discovered terms.")
@_output_options
@click.option("--exit-code", is_flag=True, help="Exit with status 1 when some topic is one-sided.")
@_input_options
@click.option(
    "--width",
    type=click.IntRange(40),
    default=None,
    metavar="N",
    help="Width of the table format [default: the terminal's].",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Force colour on or off [default: on a terminal, unless NO_COLOR is set].",
)
def compare(
    files: tuple[str, ...],
    sample: str | None,
    labels: str | None,
    queries: tuple[str, ...],
    lexicon_file: str | None,
    no_lexicon: bool,
    discover: int | None,
    no_discover: bool,
    fmt: str,
    output: str | None,
    exit_code: bool,
    encoding: str | None,
    input_format: str,
    max_bytes: int | None,
    width: int | None,
    color: bool | None,
) -> None:
    """Compare readout A with readout B: topics each side mentions or leaves out, and the
    sentences side by side. A or B may be '-' for standard input.

    \b
    Examples:
      readouts compare yerevan.txt kremlin.txt --labels Yerevan,Kremlin
      readouts compare --sample 2023-01-31-pashinian-putin
      readouts compare a.txt b.txt --topic "Lachin corridor blockade" --topic "peacekeepers"
      readouts compare a.html b.html --format html -o report.html
      readouts compare a.txt b.txt --format json | jq '.topics[] | select(.status != "both")'
    """
    from readouts import sources
    from readouts.compare import check_labels
    from readouts.compare import compare as run_compare
    from readouts.config import Config

    read_options: dict[str, Any] = {"encoding": encoding, "input_format": input_format}
    if max_bytes is not None:
        read_options["max_bytes"] = max_bytes
    meta: dict[str, Any] = {}
    if sample is not None:
        if files:
            raise UsageError("give either --sample NAME or two files, not both")
        pair = sources.load_sample(sample)
        paths = [str(pair.path_a), str(pair.path_b)]
        default_labels = [pair.label_a, pair.label_b]
        meta = {
            "sample": pair.name,
            "date": pair.meta.get("date", ""),
            "event": pair.meta.get("event", ""),
            "a": {"publisher": pair.meta["a"].get("publisher", "")},
            "b": {"publisher": pair.meta["b"].get("publisher", "")},
        }
    else:
        if len(files) != 2:
            raise UsageError(
                f"give two readouts to compare (A B), got {len(files)}; "
                "or use --sample NAME (see 'readouts samples')"
            )
        paths = list(files)
        default_labels = []
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once; give one side as a file")
    read = [sources.read_source(p, **read_options) for p in paths]
    if sources.same_file(paths[0], paths[1]):
        click.echo(f"Warning: {read[0].shown} is given twice; comparing it with itself", err=True)
    for side in read:
        if side.note:  # never leave text out silently
            click.echo(f"Note: {side.note}", err=True)
    if labels is not None:
        label_pair = check_labels(labels.split(","))
    elif default_labels:
        label_pair = check_labels(default_labels)
    else:
        stems = [r.stem for r in read]
        label_pair = (stems[0], stems[1]) if stems[0] != stems[1] else ("A", "B")
    shown_sources = [Path(p).name if sample else sources.shown_name(p) for p in paths]

    # Without a file of the user's, compare() loads only the languages it needs.
    lexicon = _lexicon(lexicon_file, encoding=encoding) if lexicon_file else None
    config = Config()
    if no_discover:
        config = replace(config, discover=0)
    elif discover is not None:
        config = replace(config, discover=discover)
    result = run_compare(
        read[0].text,
        read[1].text,
        labels=label_pair,
        sources=shown_sources,
        topics=queries,
        lexicon=lexicon,
        use_lexicon=not no_lexicon,
        config=config,
    )
    if meta:
        result = replace(result, meta=meta)
    use_color = _use_color(output, color)
    _write(_render(result, fmt, width=_width(width), color=use_color), output, color=use_color)
    if exit_code and result.one_sided:
        sys.exit(EXIT_ONE_SIDED)


def _lexicon(lexicon_file: str | None, *, encoding: str | None = None) -> Lexicon:
    """The built-in lexicon, with the user's ``--topics FILE`` merged in."""
    from readouts import sources
    from readouts.lexicon import builtin_lexicon, parse_lexicon

    lexicon = builtin_lexicon()
    if lexicon_file is None:
        return lexicon
    text = sources.read_text(lexicon_file, encoding=encoding)
    fmt = "json" if lexicon_file.lower().endswith(".json") else "toml"
    user, extend = parse_lexicon(text, source=sources.shown_name(lexicon_file), fmt=fmt)
    return lexicon.merged(user, extend=extend)


def _render(result: Any, fmt: str, *, width: int, color: bool) -> str:
    if fmt == "json":
        from readouts.render.json import render_json

        return render_json(result)
    if fmt == "csv":
        from readouts.render.csv import render_csv

        return render_csv(result)
    if fmt == "markdown":
        from readouts.render.markdown import render_markdown

        return render_markdown(result)
    if fmt == "html":
        from readouts.render.html import render_html

        return render_html(result)
    from readouts.render.table import render_table

    return render_table(result, width=width, color=color)


@cli.command(context_settings=CONTEXT)
def samples() -> None:
    """List the bundled sample pairs (use them with 'readouts compare --sample NAME').

    \b
    Example:
      readouts samples
    """
    from tabulate import tabulate

    from readouts.sources import list_samples

    rows = [
        [
            s.name,
            f"{s.label_a} / {s.label_b}",
            "constructed" if s.meta.get("constructed") else "real",
            s.meta.get("event", ""),
        ]
        for s in list_samples()
    ]
    click.echo(
        tabulate(
            rows,
            headers=["sample", "sides", "kind", "event"],
            tablefmt="simple",
            maxcolwidths=[None, 30, None, 60],
        )
    )


@cli.command(context_settings=CONTEXT)
@click.argument("search", required=False, default="")
@click.option("--category", metavar="NAME", help="Only topics of this category (e.g. security).")
@click.option("--topics", "lexicon_file", metavar="FILE", help="Include a user lexicon file.")
@click.option("--aliases", is_flag=True, help="Show every alias, in every language.")
def topics(search: str, category: str | None, lexicon_file: str | None, aliases: bool) -> None:
    """List the topics readouts knows, optionally those whose name, alias or description
    contains SEARCH.

    \b
    Examples:
      readouts topics
      readouts topics karabakh --aliases
      readouts topics --category security
    """
    from tabulate import tabulate

    lexicon = _lexicon(lexicon_file)
    needle = search.casefold()
    rows = []
    for t in lexicon.topics.values():
        if category and t.category.casefold() != category.casefold():
            continue
        haystack = " ".join((t.key, t.name, t.description, *t.aliases, *t.related)).casefold()
        if needle and needle not in haystack:
            continue
        names = list(dict.fromkeys(t.aliases))  # two languages may write a name alike
        shown = names if aliases else names[:4]
        more = "" if aliases or len(names) <= 4 else f" (+{len(names) - 4})"
        rows.append([t.key, t.name, t.category, "; ".join(shown) + more])
    if not rows:
        raise UsageError(f"no topic matches {search!r}; run 'readouts topics' to see them all")
    width = shutil.get_terminal_size((100, 24)).columns
    click.echo(
        tabulate(
            rows,
            headers=["id", "name", "category", "aliases"],
            tablefmt="simple",
            maxcolwidths=[None, 30, None, max(20, width - 70)],
        )
    )
    click.echo(f"\n{len(rows)} of {len(lexicon)} topics", err=True)


EXIT_FAILED_PAIR = 1


@cli.command(context_settings=CONTEXT)
@click.argument("source", metavar="SOURCE")
@click.option(
    "--labels",
    metavar="A,B",
    help="Name the sides of every pair A,B [default: each pair's meta.json or file names].",
)
@click.option(
    "--topic",
    "queries",
    multiple=True,
    metavar="NAME[=ALIAS|ALIAS]",
    help="Ask in every call whether each side mentions this topic (repeatable).",
)
@_lexicon_options
@click.option(
    "--discover",
    type=click.IntRange(0, 100),
    default=0,
    show_default=True,
    metavar="N",
    help="Also report up to N discovered one-sided terms per side and call.",
)
@_output_options
@click.option(
    "--summary-only", is_flag=True, help="Write only the summary, not one row per call and topic."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1),
    default=None,
    metavar="N",
    help="Compare in N worker processes [default: one per CPU core].",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress bar and no closing count (failed pairs are still reported).",
)
@_input_options
@click.option(
    "--width",
    type=click.IntRange(60),
    default=None,
    metavar="N",
    help="Width of the table format [default: the terminal's].",
)
def batch(
    source: str,
    labels: str | None,
    queries: tuple[str, ...],
    lexicon_file: str | None,
    no_lexicon: bool,
    discover: int,
    fmt: str,
    output: str | None,
    summary_only: bool,
    jobs: int | None,
    quiet: bool,
    encoding: str | None,
    input_format: str,
    max_bytes: int | None,
    width: int | None,
) -> None:
    """Compare every pair of readouts in SOURCE and count, per topic and side, how often each
    side mentions it, alone or not at all.

    SOURCE is a folder of pair folders (two readout files each, plus an optional meta.json
    with labels, date and event, as in samples/) or a CSV/JSONL manifest with the columns
    a, b and optionally label_a, label_b, date, event, name.

    The output has one row per pair and topic, then the summary: per topic and side, mentioned
    in N of M calls, one-sided in K, left out in L; per side and year, the one-sided topics.
    A pair that cannot be compared is reported on stderr with its reason and the others go
    on; the exit status is then 1.

    \b
    Examples:
      readouts batch samples/
      readouts batch calls.csv --format csv -o rows.csv
      readouts batch calls/ --summary-only --format html -o summary.html
      readouts batch calls/ --topic "Lachin corridor blockade" --jobs 4
    """
    import contextlib
    import tempfile
    import time
    from collections.abc import Iterator
    from typing import TextIO

    from readouts.compare import check_labels
    from readouts.corpus import (
        CORPUS_CONFIG,
        CallResult,
        Tally,
        count_calls,
        default_jobs,
        iter_calls,
        iter_compare,
    )
    from readouts.render import strip_controls
    from readouts.render.corpus import corpus_writer, stream_corpus

    started = time.monotonic()
    # Counted first (for the progress bar and a bad SOURCE's exit status 2), then read one
    # call at a time: nothing about the calls is kept.
    total = count_calls(source)
    calls = iter_calls(source)
    label_pair = check_labels(labels.split(",")) if labels is not None else None
    lexicon = _lexicon(lexicon_file, encoding=encoding) if lexicon_file else None
    results = iter_compare(
        calls,
        jobs=min(jobs or default_jobs(), total),
        topics=queries,
        lexicon=lexicon,
        use_lexicon=not no_lexicon,
        config=replace(CORPUS_CONFIG, discover=discover),
        labels=label_pair,
        encoding=encoding,
        input_format=input_format,
        max_bytes=max_bytes,
    )
    to_stdout = output is None or output == "-"
    show_bar = not quiet and sys.stderr.isatty()
    # When rows and the bar share one terminal, the bar's line is wiped before each write and
    # drawn again below the new rows.
    wipe_bar = show_bar and to_stdout and sys.stdout.isatty()
    tally = Tally()

    def watched() -> Iterator[CallResult]:
        bar_context = (
            click.progressbar(
                length=total, label="Comparing", file=sys.stderr, show_pos=True, show_eta=True
            )
            if show_bar
            else contextlib.nullcontext()
        )
        with bar_context as bar:
            for result in results:
                tally.add(result)
                if not result.ok:
                    if show_bar:
                        sys.stderr.write("\r\x1b[K")
                    click.echo(
                        f"Error: {strip_controls(result.name)}: {strip_controls(result.error)}",
                        err=True,
                    )
                if bar is not None:
                    bar.update(1)
                yield result

    writer = corpus_writer(
        fmt, title=f"readouts batch {source}", width=_width(width), summary_only=summary_only
    )
    with contextlib.ExitStack() as stack:
        out: TextIO = sys.stdout
        if not to_stdout and output is not None:
            try:
                out = stack.enter_context(open(output, "w", encoding="utf-8"))
            except OSError as exc:
                raise UsageError(
                    f"{output}: cannot write ({exc.strerror}); choose another -o path"
                ) from None
        # HTML puts the summary first; its rows wait in a temporary file meanwhile, so memory
        # stays flat however many calls there are.
        spool = (
            stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))
            if writer.summary_first and not summary_only
            else None
        )
        for chunk in stream_corpus(
            watched(), tally.summary, writer, summary_only=summary_only, buffer=spool
        ):
            if chunk:
                if wipe_bar:
                    sys.stderr.write("\r\x1b[K")
                out.write(chunk)
        out.flush()
    if not quiet:
        failed = len(tally.failures)
        click.echo(
            f"{tally.calls} of {total} calls compared in {time.monotonic() - started:.1f} s"
            + (f"; {failed} failed (see the Error lines above)" if failed else ""),
            err=True,
        )
    if tally.failures:
        sys.exit(EXIT_FAILED_PAIR)


def main() -> None:
    """The ``readouts`` console script."""
    cli.main(prog_name="readouts")


if __name__ == "__main__":
    main()
