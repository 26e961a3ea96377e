"""The Markdown summary, for pull-request comments and ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

from copydesk.models import ArticleReport, Claim, Report, VerdictLabel
from copydesk.reporters.summary import (
    article_summary,
    report_summary,
    summary_line,
    verdict_of,
)

CLAIM_WIDTH = 80
FLAGGED = (VerdictLabel.UNSUPPORTED, VerdictLabel.OPINION)
HEADER = "| Line | Verdict | Code | Claim | Message |\n|---:|---|---|---|---|"


def render(report: Report) -> str:
    """Return the report as Markdown: totals, a table per article, errors."""
    counts = report_summary(report)
    totals = f"**{plural(counts['files'], 'file')}, {summary_line(counts)}**"
    if report.errors:
        totals += f" · **{plural(len(report.errors), 'error')}**"
    parts = ["## copydesk report", totals]
    parts += [article_section(a) for a in sorted(report.articles, key=lambda a: a.path)]
    if report.errors:
        items = [
            f"- `{e.path}` {e.code}: {cell(e.message)}"
            for e in sorted(report.errors, key=lambda e: (e.path, e.code))
        ]
        parts.append("### Errors\n\n" + "\n".join(items))
    return "\n\n".join(parts) + "\n"


def article_section(article: ArticleReport) -> str:
    """Return one article's heading, counts, flagged claims and findings."""
    counts = article_summary(article)
    published = article.document.published
    date = published.isoformat() if published else "unknown"
    about = (
        f"Sources: `{article.registry or 'none found'}` · published {date} · {summary_line(counts)}"
    )
    parts = [f"### `{article.path}`", about]
    flagged = [c for c in article.claims if verdict_of(c).label in FLAGGED]
    shown = [c for c in flagged if c.suppressed_by is None]
    if shown:
        shown.sort(key=lambda c: (c.span[0], verdict_of(c).code))
        parts.append("\n".join([HEADER, *(claim_row(article, c) for c in shown)]))
    elif not counts["claims"]:
        parts.append("No claims found.")
    elif not flagged:
        parts.append(all_supported(counts["claims"]))
    if len(flagged) > len(shown):
        hidden = plural(len(flagged) - len(shown), "suppressed claim")
        parts.append(f"{hidden} not listed.")
    if article.findings:
        items = [
            f"- {f.code} {f.reason.value}: {cell(f.message)}"
            for f in sorted(article.findings, key=lambda f: (f.line or 0, f.code))
        ]
        parts.append("\n".join(items))
    return "\n\n".join(parts)


def claim_row(article: ArticleReport, claim: Claim) -> str:
    """Return the table row of one unsupported or opinion claim."""
    verdict = verdict_of(claim)
    line, column = article.document.position(claim.span[0])
    message = verdict.message
    if claim.duplicate_of:
        message += f" (repeats {claim.duplicate_of})"
    cells = [
        f"{line}:{column}",
        verdict.label.value,
        verdict.code,
        shorten(claim.text, CLAIM_WIDTH),
        message,
    ]
    return "| " + " | ".join(cell(c) for c in cells) + " |"


def cell(text: str) -> str:
    """Return ``text`` on one line, safe inside a table cell."""
    text = " ".join(text.split())
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def all_supported(n: int) -> str:
    """Return the line that stands for a table with no rows."""
    return "The one claim is supported." if n == 1 else f"All {n} claims supported."


def plural(n: int, noun: str) -> str:
    """Return ``1 claim`` or ``3 claims``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def shorten(text: str, limit: int) -> str:
    """Return ``text`` cut to ``limit`` characters at a word boundary."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
