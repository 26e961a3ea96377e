"""The command line: flags → options → pipeline → reporter → exit status.

This is the only module that prints, exits or catches errors.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from copydesk import __version__, errors
from copydesk.errors import CopydeskError, ExitStatus, InputError, OutputError
from copydesk.models import Level, Report, VerdictLabel
from copydesk.reporters import REPORTERS

app = typer.Typer(
    name="copydesk",
    help="Check the claims of a news draft against the sources it cites.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

OutputFormat = Enum("OutputFormat", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]


class FailOn(str, Enum):
    """The lowest severity that fails the run (exit code 1)."""

    UNSUPPORTED = "unsupported"
    WARNING = "warning"
    OPINION = "opinion"
    NEVER = "never"


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
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Check the claims of a news draft against the sources it cites."""


def fail(error: CopydeskError) -> NoReturn:
    """Print one error line to stderr and exit with its status."""
    typer.echo(f"error[{error.code}]: {error}", err=True)
    raise typer.Exit(int(error.exit_status))


@contextmanager
def guarded(traceback: bool) -> Iterator[None]:
    """Turn user errors, interrupts and bugs into one stderr line and an exit status."""
    try:
        yield
    except CopydeskError as exc:
        fail(exc)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(int(ExitStatus.INTERRUPTED)) from None
    except Exception as exc:  # noqa: BLE001 - the one place that turns bugs into exit 2
        if traceback:
            raise
        typer.echo(f"error: internal error ({type(exc).__name__}: {exc}); this is a bug, "
                   "rerun with --traceback and report it", err=True)
        raise typer.Exit(int(ExitStatus.ERROR)) from None


def parse_date(value: str | None) -> date | None:
    """Read ``--date``."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(InputError(errors.BAD_DATE.format(value=value), path="--date"))


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Articles to check (.txt, .md, .html), or - for standard input.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = "rich",  # type: ignore[assignment]
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to this file (atomically).")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that makes the exit code 1.")] = FailOn.UNSUPPORTED,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when claims fail the gate.")] = False,
    sources: Annotated[Path | None, typer.Option("--sources", help="Sources registry to use instead of discovery.")] = None,
    published: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for relative dates.")] = None,
    traceback: Annotated[bool, typer.Option("--traceback", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Check articles and report a verdict, with evidence, for every claim."""
    from copydesk.pipeline import Options, run

    options = Options(sources=sources, published=parse_date(published), stdin=sys.stdin.buffer)
    if output is not None and not output.parent.exists():
        fail(OutputError(errors.OUTPUT_DIR_MISSING.format(folder=output.parent), path=str(output)))
    with guarded(traceback):
        report = run(paths, options)
    for error in report.errors:
        typer.echo(f"error[{error.code}]: {error.message}", err=True)
    if report.articles:
        emit(report, output_format.value, output)
    raise typer.Exit(int(exit_status(report, fail_on, exit_zero)))


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
        fail(OutputError(errors.UNREADABLE.format(reason=exc.strerror or exc), path=str(output)))


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def _wants_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def exit_status(report: Report, fail_on: FailOn, exit_zero: bool) -> ExitStatus:
    """Return the worst status seen: errors beat findings, findings beat OK."""
    if report.errors:
        return ExitStatus.ERROR
    threshold = THRESHOLDS[fail_on]
    ranks = [Level.ERROR.rank if c.verdict.label is VerdictLabel.UNSUPPORTED else Level.INFO.rank
             for a in report.articles for c in a.claims
             if c.verdict is not None and c.verdict.label is not VerdictLabel.SUPPORTED]
    ranks += [f.level.rank for a in report.articles for f in a.findings]
    if any(rank >= threshold for rank in ranks) and not exit_zero:
        return ExitStatus.FINDINGS
    return ExitStatus.OK


@app.command("claims")
def list_claims(
    paths: Annotated[list[str], typer.Argument(help="Articles to read, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the claims as JSON.")] = False,
    published: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for relative dates.")] = None,
    traceback: Annotated[bool, typer.Option("--traceback", help="Show the traceback of an internal error.")] = False,
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
    from copydesk.rules import RULES_BY_CODE, explain as describe

    rule = RULES_BY_CODE.get(code.upper())
    if rule is None:
        fail(CopydeskError(f"unknown rule code {code!r}; `copydesk rules` lists them"))
    typer.echo(describe(rule))
