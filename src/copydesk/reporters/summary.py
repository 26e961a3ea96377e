"""Counts that every reporter shows, computed one way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from copydesk.models import ArticleReport, Claim, Report, VerdictLabel


def verdict_counts(claims: Iterable[Claim]) -> dict[str, int]:
    """Return the number of claims and of each verdict."""
    claims = list(claims)
    counts = Counter(c.verdict.label for c in claims if c.verdict is not None)
    return {"claims": len(claims), **{label.value: counts.get(label, 0) for label in VerdictLabel}}


def article_summary(article: ArticleReport) -> dict[str, int]:
    """Return the counts of one article."""
    return verdict_counts(article.claims)


def report_summary(report: Report) -> dict[str, int]:
    """Return the counts over every article of a report."""
    return {"files": len(report.articles),
            **verdict_counts(c for a in report.articles for c in a.claims)}


def summary_line(counts: dict[str, int]) -> str:
    """Return ``16 claims: 6 supported, 4 unsupported, 6 opinion``."""
    noun = "claim" if counts["claims"] == 1 else "claims"
    return (f"{counts['claims']} {noun}: {counts['supported']} supported, "
            f"{counts['unsupported']} unsupported, {counts['opinion']} opinion")
