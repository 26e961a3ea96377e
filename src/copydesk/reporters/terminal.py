"""The terminal report: each claim with its verdict in colour and its evidence."""

from __future__ import annotations

from io import StringIO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from copydesk.models import ArticleReport, Claim, Report
from copydesk.reporters.summary import article_summary, report_summary, summary_line

THEME = Theme(
    {
        "verdict.supported": "bold green",
        "verdict.unsupported": "bold red",
        "verdict.opinion": "bold yellow",
        "rule.code": "cyan",
        "evidence": "italic",
        "muted": "dim",
        "error": "bold red",
    }
)
WIDTH = 100


def render(report: Report, *, width: int = WIDTH, color: bool = False) -> str:
    """Return the terminal report as text (with ANSI colour when ``color``)."""
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width,
        theme=THEME,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
    for article in sorted(report.articles, key=lambda a: a.path):
        console.print(article_panel(article))
    for error in sorted(report.errors, key=lambda e: e.path):
        console.print(
            Text.assemble(("error", "error"), f"[{error.code}]: {error.where()}: {error.message}")
        )
    if len(report.articles) > 1:
        console.print(
            Text(
                f"Total: {report_summary(report)['files']} files, "
                f"{summary_line(report_summary(report))}",
                style="bold",
            )
        )
    return buffer.getvalue()


def article_panel(article: ArticleReport) -> Panel:
    """Return one article's claims and findings as a panel."""
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
    table.add_column("line", justify="right", no_wrap=True, width=7)
    table.add_column("verdict", no_wrap=True, width=12)
    table.add_column("claim, reason and evidence", ratio=1)
    for claim in article.claims:
        line, column = article.document.position(claim.span[0])
        verdict = claim.verdict
        assert verdict is not None
        style = f"verdict.{verdict.label.value}"
        table.add_row(
            f"{line}:{column}", Text(verdict.label.value.upper(), style=style), claim_cell(claim)
        )
    parts: list = [table]
    for finding in article.findings:
        parts.append(
            Text.assemble(
                ("  ", ""),
                (finding.code, "rule.code"),
                f" {finding.reason.value}: {finding.message}",
            )
        )
    published = article.document.published
    title = Text.assemble(
        (article.path, "bold"),
        ("  sources: ", "muted"),
        (article.registry or "none found", "muted"),
        ("  published: ", "muted"),
        (published.isoformat() if published else "unknown", "muted"),
    )
    subtitle = summary_line(article_summary(article))
    return Panel(
        Group(*parts), title=title, title_align="left", subtitle=subtitle, subtitle_align="left"
    )


def claim_cell(claim: Claim) -> Text:
    """Return the claim text, its code and message, and quoted evidence."""
    verdict = claim.verdict
    assert verdict is not None
    text = Text(f"{claim.id} ", style="muted")
    text.append(claim.text)
    text.append("\n")
    text.append(verdict.code, style="rule.code")
    text.append(f" {verdict.reason.value}: {verdict.message}")
    if claim.duplicate_of:
        text.append(f" (repeats {claim.duplicate_of})", style="muted")
    if claim.suppressed_by is not None:
        why = claim.suppressed_by
        where = (
            f" {why.path}:{why.line}"
            if why.path and why.line
            else (f" line {why.line}" if why.line else "")
        )
        text.append(f"\n  suppressed ({why.kind.value}{where}): {why.note}", style="muted")
    for evidence in verdict.evidence[:2]:
        text.append(f"\n  [{evidence.source}] ", style="rule.code")
        text.append(f"“{shorten(evidence.text, 160)}”", style="evidence")
    return text


def shorten(text: str, limit: int) -> str:
    """Return ``text`` cut to ``limit`` characters at a word boundary."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
