"""Decide each claim's verdict by comparing it with its cited sources' sentences.

Every verdict rests on the source text: the best one to three sentences are
quoted, and each slot (date, parties, place, numbers, motive) is looked for in
the sources before a claim is called supported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from copydesk.models import (
    Claim,
    ClaimKind,
    Evidence,
    Quantity,
    Reason,
    Source,
    SourceSentence,
    Verdict,
)
from copydesk.quantities import same_amount
from copydesk.rules import RULES_BY_REASON

# Share of a claim's content words the evidence must state (tuned on the
# project's gold corpus, see benchmarks/).
CORE_COVERAGE = 0.5
MAX_EVIDENCE = 3
MOTIVE_STOP = {"the", "a", "an", "to", "of", "its", "their", "his", "her", "and", "for", "in",
               "on", "with", "that", "this", "by", "as", "be", "it", "is"}


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A cited record with its analysed sentences (empty when unavailable)."""

    source: Source
    sentences: tuple[SourceSentence, ...]


def verify_claims(claims: tuple[Claim, ...], sources: Mapping[str, CitedSource]) -> tuple[Claim, ...]:
    """Return the claims with a verdict each; a repeated claim shares the first's."""
    checked: dict[str, Claim] = {}
    for claim in claims:
        if claim.duplicate_of and claim.duplicate_of in checked:
            verdict = checked[claim.duplicate_of].verdict
        else:
            verdict = verify(claim, sources)
        checked[claim.id] = replace(claim, verdict=verdict)
    return tuple(checked.values())


def make_verdict(reason: Reason, message: str, **fields: object) -> Verdict:
    """Build a verdict from the rule behind a reason."""
    rule = RULES_BY_REASON[reason]
    assert rule.verdict is not None
    return Verdict(label=rule.verdict, reason=reason, code=rule.code, level=rule.level,
                   message=message, **fields)  # type: ignore[arg-type]


def labels(keys: list[str]) -> str:
    """Return ``[1]`` or ``[1], [2]`` for a list of labels."""
    return ", ".join(f"[{k}]" for k in keys)


def verify(claim: Claim, sources: Mapping[str, CitedSource]) -> Verdict:
    """Return the verdict on one claim."""
    if claim.kind is ClaimKind.OPINION:
        return make_verdict(Reason.OPINION, f"Writer's judgement ({claim.opinion_cue!r}).",
                            confidence=0.7)
    if not claim.citations:
        return make_verdict(Reason.UNCITED, "Factual claim with no citation.", confidence=0.95)
    missing_labels = [c.label for c in claim.citations if c.source is None]
    if missing_labels:
        return make_verdict(Reason.DANGLING_CITATION,
                            f"Citation {labels(missing_labels)} is not in the registry.",
                            confidence=1.0)
    cited = [sources[c.source] for c in claim.citations if c.source in sources]
    cited = list({s.source.label: s for s in cited}.values())
    readable = [s for s in cited if s.source.text is not None]
    unreadable = [s for s in cited if s.source.text is None]
    if not readable:
        problem = unreadable[0].source.problem or "it has no text"
        return make_verdict(Reason.SOURCE_UNAVAILABLE,
                            f"Source {labels([s.source.label for s in unreadable])} "
                            f"cannot be read: {problem}.", confidence=1.0)
    return compare(claim, readable, unavailable=bool(unreadable))


def compare(claim: Claim, cited: list[CitedSource], *, unavailable: bool) -> Verdict:
    """Compare a cited claim with the sentences of its readable sources."""
    names = labels([s.source.label for s in cited])
    pool = [(s.source, sent) for s in cited for sent in s.sentences]
    evidence, coverage, missing_terms = retrieve(claim, pool)
    slots = claim.facts.slots
    quotes = tuple(evidence)
    texts = [s.source.text or "" for s in cited]
    contradictions: list[str] = []
    missing: list[str] = []

    source_dates = {d for _, sent in pool for d in sent.facts.dates}
    if slots.date and not any(dates_agree(slots.date, d) for d in source_dates):
        near = [d for e in evidence for d in sentence_of(pool, e).facts.dates]
        if near:
            contradictions.append(f"says {near[0]}, not {slots.date}")
        else:
            missing.append(f"the date {slots.date}")
    for number in slots.numbers:
        state = number_state(number, pool, evidence)
        if isinstance(state, str):
            contradictions.append(state)
        elif not state:
            missing.append(f"the number {number.text}")
    for party in slots.parties:
        if not any(mentions(text, party) for text in texts):
            missing.append(party)
    if slots.location:
        head = slots.location.split(",")[0].strip()
        if not any(mentions(text, head) for text in texts):
            near = [p for e in evidence for p in sentence_of(pool, e).facts.places]
            if near:
                contradictions.append(f"says {near[0]}, not {slots.location}")
            else:
                missing.append(f"the place {slots.location}")
    if slots.motive and not motive_stated(slots.motive, texts):
        missing.append(f"the motive '{slots.motive}'")

    if contradictions:
        return make_verdict(Reason.CONTRADICTED, f"Source {names} {contradictions[0]}.",
                            evidence=quotes, contradicted=tuple(contradictions),
                            confidence=0.8)
    if coverage < CORE_COVERAGE:
        missing.insert(0, "the assertion (" + ", ".join(missing_terms[:4]) + ")")
    if missing:
        reason = Reason.SOURCE_UNAVAILABLE if unavailable else Reason.NOT_IN_SOURCE
        what = "; ".join(missing[:3])
        return make_verdict(reason, f"Source {names} does not state {what}.", evidence=quotes,
                            missing=tuple(missing), confidence=round(0.9 - 0.4 * coverage, 2))
    return make_verdict(Reason.SUPPORTED, f"Source {names} states the claim.", evidence=quotes,
                        confidence=round(min(0.99, 0.5 + 0.5 * coverage), 2))


def retrieve(claim: Claim, pool: list[tuple[Source, SourceSentence]]
             ) -> tuple[list[Evidence], float, list[str]]:
    """Return the best one to three source sentences and the share of terms they state."""
    terms = set(claim.facts.terms)
    if not terms or not pool:
        return [], 0.0, sorted(terms)
    scored = sorted(
        ((len(terms & set(sent.facts.terms)), -i, source, sent) for i, (source, sent) in enumerate(pool)),
        key=lambda item: (item[0], item[1]), reverse=True,
    )
    chosen: list[tuple[Source, SourceSentence]] = []
    covered: set[str] = set()
    for gain, _, source, sent in scored:
        new = (terms & set(sent.facts.terms)) - covered
        if not new or (chosen and len(new) < 2 and gain < 2):
            continue
        chosen.append((source, sent))
        covered |= new
        if len(chosen) == MAX_EVIDENCE:
            break
    evidence = [Evidence(source=src.label, text=" ".join(sent.text.split()), span=sent.span,
                         score=round(len(terms & set(sent.facts.terms)) / len(terms), 2))
                for src, sent in chosen]
    coverage = len(covered) / len(terms)
    return evidence, coverage, [t for t in claim.facts.terms if t not in covered]


def sentence_of(pool: list[tuple[Source, SourceSentence]], evidence: Evidence) -> SourceSentence:
    """Return the source sentence an evidence quote came from."""
    for source, sent in pool:
        if source.label == evidence.source and sent.span == evidence.span:
            return sent
    raise LookupError(evidence)


def dates_agree(claimed: str, stated: str) -> bool:
    """Tell whether a source's date confirms the claimed one (``2026-05`` confirms ``2026-05``)."""
    return stated.startswith(claimed)


def number_state(number: Quantity, pool: list[tuple[Source, SourceSentence]],
                 evidence: list[Evidence]) -> bool | str:
    """Return True if a source states the amount, a message if it states another."""
    for _, sent in pool:
        for stated in sent.facts.slots.numbers:
            if same_amount(number.value, stated.value) and units_agree(number, stated):
                return True
    for quote in evidence:
        sent = sentence_of(pool, quote)
        for stated in sent.facts.slots.numbers:
            if units_agree(number, stated) and (number.unit or number.counts and
                                                 number.counts == stated.counts):
                return f"says {stated.text}, not {number.text}"
    return False


def units_agree(a: Quantity, b: Quantity) -> bool:
    """Tell whether two amounts are of the same kind."""
    if a.unit and b.unit:
        return a.unit.lower() == b.unit.lower()
    return not a.unit and not b.unit


def mentions(text: str, name: str) -> bool:
    """Tell whether a source text names a party or place (a surname will do)."""
    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
        return True
    parts = name.split()
    return len(parts) > 1 and parts[0][:1].isupper() and \
        re.search(rf"(?<!\w){re.escape(parts[-1])}(?!\w)", text) is not None


def motive_stated(motive: str, texts: list[str]) -> bool:
    """Tell whether the sources state most words of a motive."""
    words = [w for w in re.findall(r"[a-z]+", motive.lower()) if w not in MOTIVE_STOP and len(w) > 2]
    if not words:
        return True
    body = " ".join(texts).lower()
    found = sum(1 for w in words if re.search(rf"\b{re.escape(w[:5])}", body))
    return found / len(words) >= 0.5
