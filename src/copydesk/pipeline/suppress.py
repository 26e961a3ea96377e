"""Take claims out of the gate: select/ignore, inline suppressions and ledger reviews.

This step runs after ``verify``.  A suppressed claim keeps its verdict in the
report, with ``suppressed_by`` saying why, but does not count toward the exit
code.  File findings whose code does not count are dropped.  The step adds
two findings of its own: an inline suppression that matched nothing (CD901),
and a ledger review whose sentence has changed (CD902).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from copydesk.ledger import Ledger, LedgerEntry, claim_sha256
from copydesk.models import (
    ArticleReport,
    Claim,
    Finding,
    Reason,
    Span,
    Suppression,
    SuppressionKind,
    VerdictLabel,
)
from copydesk.pipeline.directives import Directive
from copydesk.rules import RULES_BY_CODE
from copydesk.selection import RuleFilter


def apply_suppressions(
    article: ArticleReport,
    *,
    directives: tuple[Directive, ...] = (),
    rules: RuleFilter | None = None,
    ledger: Ledger | None = None,
    path: Path | None = None,
) -> ArticleReport:
    """Return the article with suppressed claims marked and findings filtered.

    NOTE: this runs on verdicts that may come from the cache, so it needs no
    segments: the sentences it knows are the spans of the claims.  A suppression
    therefore covers the next sentence that makes a claim.
    """
    rules = rules or RuleFilter()
    sentences = tuple(sorted({claim.span for claim in article.claims}))
    claims = [suppress_by_config(c, rules, path) for c in article.claims]
    findings = list(article.findings)
    for directive in directives:
        claims, used = suppress_inline(claims, directive, sentences, article)
        if not used:
            findings.append(unused(directive, sentences))
    if ledger is not None:
        claims = suppress_reviewed(claims, ledger, article.document.text)
        findings.extend(stale_reviews(article.claims, ledger, article.document.text))
    kept = tuple(f for f in findings if rules.why_off(f.code, path) is None)
    return replace(article, claims=tuple(claims), findings=kept)


def counts(claim: Claim) -> bool:
    """Return whether a claim could fail the gate: not supported and not yet suppressed."""
    return (
        claim.verdict is not None
        and claim.verdict.label is not VerdictLabel.SUPPORTED
        and claim.suppressed_by is None
    )


def suppress_by_config(claim: Claim, rules: RuleFilter, path: Path | None) -> Claim:
    """Suppress a claim whose code is not selected, ignored, or ignored for this file."""
    if not counts(claim):
        return claim
    assert claim.verdict is not None
    why = rules.why_off(claim.verdict.code, path)
    return replace(claim, suppressed_by=why) if why else claim


def target(
    directive: Directive, sentences: tuple[Span, ...], blocks: tuple[Span, ...]
) -> Span | None:
    """Return the span a directive covers: the next sentence, or that sentence's paragraph."""
    following = next((s for s in sentences if s[0] >= directive.span[1]), None)
    if following is None or not directive.paragraph:
        return following
    block = next((b for b in blocks if b[0] <= following[0] < b[1]), None)
    return block or following


def suppress_inline(
    claims: list[Claim], directive: Directive, sentences: tuple[Span, ...], article: ArticleReport
) -> tuple[list[Claim], bool]:
    """Suppress the claims a directive covers that have one of its codes; say if any did."""
    span = target(directive, sentences, article.document.blocks)
    if span is None:
        return claims, False
    note = Suppression(SuppressionKind.INLINE, directive.text, line=directive.line)
    used = False
    result = []
    for claim in claims:
        if (
            span[0] <= claim.span[0] < span[1]
            and counts(claim)
            and claim.verdict is not None
            and claim.verdict.code in directive.codes
        ):
            claim = replace(claim, suppressed_by=note)
            used = True
        result.append(claim)
    return result, used


def unused(directive: Directive, sentences: tuple[Span, ...]) -> Finding:
    """Return the CD901 finding for a directive that suppressed nothing."""
    rule = RULES_BY_CODE["CD901"]
    codes = ", ".join(directive.codes)
    where = "paragraph" if directive.paragraph else "sentence"
    if not any(s[0] >= directive.span[1] for s in sentences):
        message = f"Suppression of {codes} has no sentence after it."
    else:
        message = f"Suppression of {codes} matches no claim in the next {where}."
    return Finding(
        code=rule.code,
        reason=Reason.UNUSED_SUPPRESSION,
        level=rule.level,
        message=message,
        line=directive.line,
    )


def suppress_reviewed(claims: list[Claim], ledger: Ledger, text: str) -> list[Claim]:
    """Suppress the claims an editor reviewed, while their sentence is unchanged.

    A repeated claim (a pull quote) is covered by the review of the claim it repeats.
    """
    reviewed = ledger.reviewed()
    by_id: dict[str, Suppression] = {}
    result = []
    for claim in claims:
        entry = reviewed.get(claim_sha256(claim, text))
        note = review_suppression(entry, ledger) if entry else by_id.get(claim.duplicate_of or "")
        if note is not None:
            by_id[claim.id] = note
            if counts(claim):
                claim = replace(claim, suppressed_by=note)
        result.append(claim)
    return result


def review_suppression(entry: LedgerEntry, ledger: Ledger) -> Suppression:
    """Return the suppression a ledger review gives."""
    return Suppression(
        SuppressionKind.LEDGER, entry.review_note(), path=ledger.path, line=entry.line
    )


def stale_reviews(claims: tuple[Claim, ...], ledger: Ledger, text: str) -> list[Finding]:
    """Return a CD902 finding for each review whose sentence is no longer in the article."""
    rule = RULES_BY_CODE["CD902"]
    current = {claim_sha256(claim, text) for claim in claims}
    return [
        Finding(
            code=rule.code,
            reason=Reason.STALE_REVIEW,
            level=rule.level,
            message=f"Review of {entry.id} ({ledger.path}:{entry.line}) is for a sentence "
            "that changed.",
        )
        for digest, entry in ledger.reviewed().items()
        if digest not in current
    ]
