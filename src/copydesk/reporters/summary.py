"""Counts that every reporter shows, computed one way."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from copydesk.models import ArticleReport, Claim, Report, Verdict, VerdictLabel


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
    return {
        "files": len(report.articles),
        **verdict_counts(c for a in report.articles for c in a.claims),
    }


def summary_line(counts: dict[str, int]) -> str:
    """Return ``16 claims: 6 supported, 4 unsupported, 6 opinion``."""
    noun = "claim" if counts["claims"] == 1 else "claims"
    return (
        f"{counts['claims']} {noun}: {counts['supported']} supported, "
        f"{counts['unsupported']} unsupported, {counts['opinion']} opinion"
    )


def verdict_of(claim: Claim) -> Verdict:
    """Return a claim's verdict; reporters only see verified claims."""
    if claim.verdict is None:
        raise ValueError(f"claim {claim.id} has no verdict")
    return claim.verdict


def slots_data(claim: Claim) -> dict[str, Any]:
    """Return a claim's slots as JSON-ready data (the slot contract)."""
    slots = claim.facts.slots
    return {
        "date": slots.date,
        "parties": list(slots.parties),
        "location": slots.location,
        "motive": slots.motive,
        "numbers": [
            {"text": q.text, "value": q.value, "unit": q.unit, "counts": q.counts}
            for q in slots.numbers
        ],
    }
