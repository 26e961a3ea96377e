"""The command line: flags → options → pipeline → reporter → exit status.

This is the only module that prints, exits or catches errors.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from copydesk import __version__, errors
from copydesk.atomic import write_atomically
from copydesk.cache import CACHE_DIR
from copydesk.errors import ConfigError, CopydeskError, ExitStatus, OutputError, printable
from copydesk.models import FailOn, Level, Report, VerdictLabel
from copydesk.reporters import REPORTERS

if TYPE_CHECKING:
    from copydesk.config import Config
    from copydesk.pipeline import Options, Progress

PROGRESS_MIN_FILES = 5

app = typer.Typer(
    name="copydesk",
    help="Check the claims of a news draft against the sources it cites.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

OutputFormat = Enum("OutputFormat", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]


# Severity ranks: an unsupported claim is an error, an unused source a warning,
# an opinion is information.  ``--fail-on`` fails at its rank and above.
THRESHOLDS = {FailOn.UNSUPPORTED: 2, FailOn.WARNING: 1, FailOn.OPINION: 0, FailOn.NEVER: 99}


def version_callback(value: bool) -> None:
    """Print the version and stop."""
    if value:
        typer.echo(f"copydesk {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Check the claims of a news draft against the sources it cites."""


def fail(error: CopydeskError) -> NoReturn:
    """Print one error line to stderr and exit with its status."""
    typer.echo(printable(f"error[{error.code}]: {error}"), err=True)
    raise typer.Exit(int(error.exit_status))


@contextmanager
def guarded(traceback: bool) -> Iterator[None]:
    """Turn user errors, interrupts and bugs into one stderr line and an exit status."""
    try:
        yield
    except CopydeskError as exc:
        fail(exc)
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into exit 2
        if traceback:
            raise
        typer.echo(
            f"error: internal error ({type(exc).__name__}: {exc}); this is a bug, "
            "rerun with --traceback and report it",
            err=True,
        )
        raise typer.Exit(int(ExitStatus.ERROR)) from None


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is so that it stops as cleanly as on Ctrl-C."""


@contextmanager
def interruptible(finished: list[str], total: Callable[[], int]) -> Iterator[None]:
    """Turn SIGINT and SIGTERM into exit 130 or 143, saying what finished; write nothing."""

    def on_term(signum: int, frame: object) -> None:
        raise Terminated

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    except KeyboardInterrupt as exc:
        name, status = (
            ("SIGTERM", ExitStatus.TERMINATED)
            if isinstance(exc, Terminated)
            else ("SIGINT", ExitStatus.INTERRUPTED)
        )
        try:
            count = total()
        except NameError:
            count = 0
        typer.echo(
            errors.INTERRUPTED.format(signal=name, done=len(finished), total=count), err=True
        )
        for path in finished:
            typer.echo(printable(errors.INTERRUPTED_FINISHED.format(path=path)), err=True)
        raise typer.Exit(int(status)) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def check_output(output: Path, articles: list[str], settings: Config) -> None:
    """Refuse a report path that is missing, a folder, an input, or (from a file) elsewhere."""
    from copydesk.sources import find_registry

    if output.is_dir():
        fail(OutputError(errors.OUTPUT_IS_FOLDER, path=str(output)))
    if not output.parent.is_dir():
        fail(OutputError(errors.OUTPUT_DIR_MISSING.format(folder=output.parent), path=str(output)))
    target = output.resolve()
    if not settings.origin("output").startswith("--"):
        # A committed copydesk.yaml must not aim the report outside the repository
        # or into .git (a hook would run it).
        root = settings.root.resolve()
        if not target.is_relative_to(root) or target.is_relative_to(root / ".git"):
            fail(
                ConfigError(
                    errors.CONFIG_OUTPUT_OUTSIDE.format(root=root), path=settings.origin("output")
                )
            )
    inputs: list[tuple[str, Path]] = []
    for article in articles:
        if article != "-":
            inputs.append(("the article", Path(article)))
            registry = find_registry(Path(article), settings.sources)
            if registry is not None:
                inputs.append(("the registry", registry))
    if settings.file is not None:
        inputs.append(("the configuration", settings.file))
    for role, path in inputs:
        if path.resolve() == target:
            fail(
                OutputError(errors.OUTPUT_IS_INPUT.format(role=role, input=path), path=str(output))
            )


def parse_date(value: str | None) -> date | None:
    """Read ``--date``."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(ConfigError(errors.BAD_DATE.format(value=value), path="--date"))


ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Use this configuration file instead of discovery.")
]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")]


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(help="Articles to check (.txt, .md, .html), or - for standard input."),
    ],
    output_format: Annotated[
        OutputFormat | None, typer.Option("--format", "-f", help="Report format (default: rich).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file (atomically); - for standard output.",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on", help="Lowest severity that makes the exit code 1 (default: unsupported)."
        ),
    ] = None,
    exit_zero: Annotated[
        bool | None,
        typer.Option("--exit-zero/--no-exit-zero", help="Exit 0 even when claims fail the gate."),
    ] = None,
    sources: Annotated[
        Path | None, typer.Option("--sources", help="Sources registry to use instead of discovery.")
    ] = None,
    published: Annotated[
        str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for relative dates.")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Only these rule codes count (CD201, or CD2 for a block); "
            "comma-separated or repeated.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", help="These rule codes do not count; comma-separated or repeated."
        ),
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", help="Largest article to read, in bytes.")
    ] = None,
    ledger: Annotated[
        Path | None,
        typer.Option(
            "--ledger", help="Claims ledger folder (default: claims/ in the repository root)."
        ),
    ] = None,
    update_ledger: Annotated[
        bool,
        typer.Option(
            "--update-ledger",
            help="Write each article's claims to its ledger, keeping editors' reviews.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Articles checked in parallel (default: the number of cores).",
        ),
    ] = None,
    cache: Annotated[
        bool | None,
        typer.Option(
            "--cache/--no-cache", help="Reuse results of unchanged articles (.copydesk_cache/)."
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude", help="Skip files matching these patterns; comma-separated or repeated."
        ),
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    traceback: Annotated[
        bool, typer.Option("--traceback", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    """Check articles, folders or globs and report a verdict, with evidence, for every claim."""
    # NOTE: a batch builds millions of small, mostly acyclic objects (claims, cached
    # results, report data); collecting cycles less often makes a warm rerun ~20% faster.
    gc.set_threshold(50_000, 20, 100)
    from copydesk.pipeline import run

    flags = {
        "format": (output_format, "--format"),
        "output": (output, "--output"),
        "fail_on": (fail_on, "--fail-on"),
        "exit_zero": (exit_zero, "--exit-zero"),
        "sources": (sources, "--sources"),
        "date": (published, "--date"),
        "select": (select, "--select"),
        "ignore": (ignore, "--ignore"),
        "max_bytes": (max_bytes, "--max-bytes"),
        "ledger": (ledger, "--ledger"),
        "jobs": (jobs, "--jobs"),
        "cache": (cache, "--cache"),
        "exclude": (exclude, "--exclude"),
    }
    settings = load_settings(paths, flags, config, isolated)
    if update_ledger and "-" in paths:
        fail(ConfigError(errors.LEDGER_STDIN, path="--update-ledger"))
    if update_ledger and not settings.origin("ledger").startswith("--"):
        root = settings.root.resolve()
        ledger_dir = settings.ledger.resolve()
        if not ledger_dir.is_relative_to(root) or ledger_dir.is_relative_to(root / ".git"):
            fail(
                ConfigError(
                    errors.CONFIG_LEDGER_OUTSIDE.format(root=root), path=settings.origin("ledger")
                )
            )
    output = None if settings.output == Path("-") else settings.output
    finished: list[str] = []
    with guarded(traceback), interruptible(finished, lambda: len(articles)):
        from copydesk.pipeline.discover import discover

        articles: list[str] = list(discover(paths, settings.exclude))
        if output is not None:
            check_output(output, articles, settings)
        with progress_bar(len(articles), settings.format) as on_result:

            def done(path: str, outcome: object) -> None:
                finished.append(path)
                if on_result is not None:
                    on_result(path, outcome)

            report = run(articles, pipeline_options(settings), on_result=done)
    for error in report.errors:
        typer.echo(printable(f"error[{error.code}]: {error.where()}: {error.message}"), err=True)
    if update_ledger:
        write_ledgers(report, settings, traceback)
    if report.articles:
        emit(report, settings.format, output)
    raise typer.Exit(int(exit_status(report, settings.fail_on, settings.exit_zero)))


def load_settings(
    paths: list[str], flags: dict[str, tuple[object, str]], config: Path | None, isolated: bool
) -> Config:
    """Return the settings in effect: the configuration file, with the flags given over it."""
    from copydesk.config import load_config

    given = {
        key: (getattr(value, "value", value), flag)
        for key, (value, flag) in flags.items()
        if value is not None
    }
    try:
        return load_config(paths, config_file=config, isolated=isolated, overrides=given)
    except CopydeskError as exc:
        fail(exc)


@contextmanager
def progress_bar(total: int, output_format: str) -> Iterator[Progress | None]:
    """Show files done, claims found, rate and time left on a terminal, for long runs."""
    if total < PROGRESS_MIN_FILES or output_format != "rich" or not sys.stderr.isatty():
        # Never in machine formats, pipes or CI logs.
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    claims = 0
    started = time.monotonic()
    with Bar(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[claims]} claims, {task.fields[rate]:.1f} files/s"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("check", total=total, claims=0, rate=0.0)

        def advance(path: str, outcome: object) -> None:
            nonlocal claims
            claims += len(getattr(outcome, "claims", ()))
            done = bar.tasks[0].completed + 1
            bar.update(
                task, advance=1, claims=claims, rate=done / max(1e-6, time.monotonic() - started)
            )

        yield advance


def pipeline_options(settings: Config) -> Options:
    """Return what the pipeline needs to know of the settings."""
    from copydesk.config import display
    from copydesk.pipeline import Options

    # A registry named in copydesk.yaml resolves to an absolute path; reports show
    # it relative to the current folder, as they show discovered registries.
    sources = Path(display(settings.sources)) if settings.sources is not None else None
    return Options(
        sources=sources,
        published=settings.date,
        max_bytes=settings.max_bytes,
        stdin=sys.stdin.buffer,
        rules=settings.rule_filter(),
        ledger=settings.ledger,
        root=settings.root,
        known_names=settings.known_names,
        jobs=settings.jobs,
        cache_dir=settings.root / CACHE_DIR if settings.cache else None,
        exclude=settings.exclude,
    )


def write_ledgers(report: Report, settings: Config, traceback: bool) -> None:
    """Write the claims ledger of every article that could be checked."""
    from copydesk.config import display
    from copydesk.ledger import write_ledger

    with guarded(traceback):
        for article in sorted(report.articles, key=lambda a: a.path):
            path = write_ledger(settings.ledger, settings.root, article)
            typer.echo(f"ledger: wrote {display(path)}", err=True)


def emit(report: Report, name: str, output: Path | None) -> None:
    """Write the rendered report to stdout or, atomically, to a file."""
    reporter = REPORTERS[name]
    if name == "rich" and output is None:
        from copydesk.reporters.terminal import render

        width = max(80, min(140, _terminal_width()))
        sys.stdout.write(render(report, width=width, color=_wants_color()))
        return
    text = reporter(report)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        fail(OutputError(errors.CANNOT_WRITE.format(reason=exc.strerror or exc), path=str(output)))


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def _wants_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def exit_status(report: Report, fail_on: FailOn, exit_zero: bool) -> ExitStatus:
    """Return the worst status seen: errors beat findings, findings beat OK."""
    if report.errors:
        return ExitStatus.ERROR
    threshold = THRESHOLDS[fail_on]
    # A suppressed claim (inline, by configuration or by a ledger review) keeps
    # its verdict in the report but does not count.
    ranks = [
        Level.ERROR.rank if c.verdict.label is VerdictLabel.UNSUPPORTED else Level.INFO.rank
        for a in report.articles
        for c in a.claims
        if c.verdict is not None
        and c.verdict.label is not VerdictLabel.SUPPORTED
        and c.suppressed_by is None
    ]
    ranks += [f.level.rank for a in report.articles for f in a.findings]
    if any(rank >= threshold for rank in ranks) and not exit_zero:
        return ExitStatus.FINDINGS
    return ExitStatus.OK


@app.command("claims")
def list_claims(
    paths: Annotated[list[str], typer.Argument(help="Articles to read, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the claims as JSON.")] = False,
    published: Annotated[
        str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for relative dates.")
    ] = None,
    traceback: Annotated[
        bool, typer.Option("--traceback", help="Show the traceback of an internal error.")
    ] = False,
) -> None:
    """Print the atomic claims of articles and their slots, without verdicts."""
    from copydesk.pipeline import Options, extract

    options = Options(published=parse_date(published), stdin=sys.stdin.buffer)
    with guarded(traceback):
        articles = [extract(path, options) for path in paths]
    if as_json:
        from copydesk.reporters.claims import render_json

        sys.stdout.write(render_json(articles))
    else:
        from copydesk.reporters.claims import render_table

        sys.stdout.write(render_table(articles, width=_terminal_width(), color=_wants_color()))


@app.command("rules")
def list_rules() -> None:
    """List the rule codes, their names and default levels."""
    from copydesk.rules import RULES

    for rule in RULES:
        typer.echo(f"{rule.code}  {rule.name:<22} {rule.level.value:<8} {rule.summary}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code such as CD201.")]) -> None:
    """Print the documentation of one rule."""
    from copydesk.rules import RULES_BY_CODE
    from copydesk.rules import explain as describe

    rule = RULES_BY_CODE.get(code.upper())
    if rule is None:
        fail(CopydeskError(errors.UNKNOWN_CODE.format(code=code)))
    typer.echo(describe(rule))


@app.command("config")
def show_config(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Articles whose configuration to show (default: the current folder's)."
        ),
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
) -> None:
    """Show the settings in effect and where each one came from."""
    from copydesk.config import config_origin, settings_table

    settings = load_settings(paths or [], {}, config, isolated)
    typer.echo(f"config file: {config_origin(settings)}")
    typer.echo(f"repository root: {settings.root}")
    rows = settings_table(settings)
    width = min(40, max(len(value) for _, value, _ in rows))
    for key, value, origin in rows:
        typer.echo(f"{key:<17} {value:<{width}}  # {origin}")
