"""Resolve each citation label against the registry; find unused sources and
dangling citations that no verdict reports."""

from __future__ import annotations

from dataclasses import replace

from copydesk.models import Citation, Claim, Document, Finding, Level, Reason, Registry


def resolve_label(label: str, registry: Registry | None) -> str | None:
    """Return the registry key a label names, or None when it dangles.

    A Markdown footnote ``[^1]`` names the record ``1`` unless the registry
    has a ``^1`` record of its own.
    """
    if registry is None:
        return None
    for key in (label, label.lstrip("^")):
        if registry.get(key) is not None:
            return key
    return None


def resolve_citations(claims: tuple[Claim, ...], registry: Registry | None) -> tuple[Claim, ...]:
    """Return the claims with every citation's ``source`` filled in (or None)."""
    resolved = []
    for claim in claims:
        citations = tuple(
            replace(c, source=resolve_label(c.label, registry)) for c in claim.citations
        )
        resolved.append(replace(claim, citations=citations))
    return tuple(resolved)


def unused_sources(claims: tuple[Claim, ...], registry: Registry | None) -> tuple[Finding, ...]:
    """Return a finding for each registry record that no claim cites."""
    if registry is None:
        return ()
    cited = {c.source for claim in claims for c in claim.citations}
    return tuple(
        Finding(
            code="CD102",
            reason=Reason.UNUSED_SOURCE,
            level=Level.WARNING,
            label=source.label,
            message=f"Source [{source.label}] ({registry.path}:{source.line}) is never cited.",
        )
        for source in registry.sources
        if source.label not in cited
    )


def dangling(claim: Claim) -> list[Citation]:
    """Return the citations of a claim that name no record."""
    return [c for c in claim.citations if c.source is None]


def unreported_dangling(claims: tuple[Claim, ...], document: Document) -> tuple[Finding, ...]:
    """Return a finding for each dangling label that a claim's verdict does not report.

    A factual claim reports its dangling citation as its verdict; the writer's
    opinion keeps the verdict "opinion", and its broken citation would
    otherwise go unseen.
    """
    findings = []
    for claim in claims:
        verdict = claim.verdict
        if verdict is None or verdict.reason is Reason.DANGLING_CITATION:
            continue
        for label in dict.fromkeys(c.label for c in dangling(claim)):
            findings.append(
                Finding(
                    code="CD101",
                    reason=Reason.DANGLING_CITATION,
                    level=Level.ERROR,
                    label=label,
                    line=document.position(claim.span[0])[0],
                    message=f"Citation [{label}] is not in the registry.",
                )
            )
    return tuple(dict.fromkeys(findings))
