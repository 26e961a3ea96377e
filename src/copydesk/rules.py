"""The rule codes behind every verdict: stable, documented, never reused.

Codes come in blocks: CD0xx supported, CD1xx citations, CD2xx support,
CD3xx editorial, CD9xx suppressions and reviews.  ``copydesk rules`` lists
this table and ``copydesk explain`` prints one entry's documentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copydesk.models import Level, Reason, VerdictLabel


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: its code, name, default level, verdict and documentation."""

    code: str
    name: str
    level: Level
    verdict: VerdictLabel | None
    reason: Reason
    summary: str
    why: str
    example: str
    instead: str


RULES: tuple[Rule, ...] = (
    Rule(
        "CD000",
        "supported-claim",
        Level.INFO,
        VerdictLabel.SUPPORTED,
        Reason.SUPPORTED,
        "A factual claim that its cited source states, slot by slot.",
        "Shown so that every sentence of the draft has a verdict and evidence.",
        "SpaceX signed a deal on May 6, 2026 [1]. (source [1] says so)",
        "Nothing to do.",
    ),
    Rule(
        "CD101",
        "dangling-citation",
        Level.ERROR,
        VerdictLabel.UNSUPPORTED,
        Reason.DANGLING_CITATION,
        "A claim cites a label that the sources registry does not have.",
        "A reader cannot follow the citation, and copydesk cannot check the claim.",
        "Prices rose 4% [7]. (sources.yaml has no record 7)",
        "Add record 7 to sources.yaml, or cite the record you meant.",
    ),
    Rule(
        "CD102",
        "unused-source",
        Level.WARNING,
        None,
        Reason.UNUSED_SOURCE,
        "A record of the sources registry is never cited by the article.",
        "An unused source is often a citation that was lost in editing.",
        "sources.yaml has record 5; no sentence cites [5].",
        "Cite the source where the article relies on it, or remove the record.",
    ),
    Rule(
        "CD103",
        "source-unavailable",
        Level.ERROR,
        VerdictLabel.UNSUPPORTED,
        Reason.SOURCE_UNAVAILABLE,
        "A claim cites a record whose text cannot be read.",
        "Without the source's text there is nothing to check the claim against.",
        "sources.yaml: file: sources/missing.txt (no such file)",
        "Save the source's text where `file:` points, or paste an excerpt in `text:`.",
    ),
    Rule(
        "CD201",
        "uncited-claim",
        Level.ERROR,
        VerdictLabel.UNSUPPORTED,
        Reason.UNCITED,
        "A factual claim cites no source.",
        "Readers and editors cannot check a fact that names no source.",
        "Unemployment fell to 3.9% in May.",
        "Unemployment fell to 3.9% in May [2].",
    ),
    Rule(
        "CD202",
        "claim-not-in-source",
        Level.ERROR,
        VerdictLabel.UNSUPPORTED,
        Reason.NOT_IN_SOURCE,
        "The cited source does not state the claim, or misses one of its slots.",
        "A citation that does not back the sentence misleads the reader.",
        "The plant will employ 1,200 people [3]. (source [3] gives no number)",
        "Cite the source that states it, or say only what the source says.",
    ),
    Rule(
        "CD203",
        "claim-contradicted",
        Level.ERROR,
        VerdictLabel.UNSUPPORTED,
        Reason.CONTRADICTED,
        "The cited source states a different date, place, party or number.",
        "A contradicted detail is a factual error with a source attached.",
        "The facility is in Memphis [2]. (source [2] says Nashville)",
        "Correct the detail to what the source says, or cite the source you used.",
    ),
    Rule(
        "CD301",
        "editorial-opinion",
        Level.INFO,
        VerdictLabel.OPINION,
        Reason.OPINION,
        "The sentence is the writer's own judgement, speculation or framing.",
        "Opinion in a news story should be a choice, not an accident; it cannot be "
        "supported by a citation.",
        "This partnership signals a strategic shift.",
        "Attribute the judgement to someone who made it, or cut it from news copy.",
    ),
    Rule(
        "CD901",
        "unused-suppression",
        Level.WARNING,
        None,
        Reason.UNUSED_SUPPRESSION,
        "An inline suppression matches no claim with its code in its sentence or paragraph.",
        "A suppression left behind after an edit would silently hide the next problem "
        "written there.",
        "<!-- copydesk: ignore CD201 --> before a sentence that now cites its source.",
        "Delete the comment, or correct its code to the one the sentence gets.",
    ),
    Rule(
        "CD902",
        "stale-review",
        Level.WARNING,
        None,
        Reason.STALE_REVIEW,
        "An editor's review in the claims ledger is for a sentence that has since changed.",
        "A review vouches for the words that were checked; edited words need a new check.",
        "claims/colossus.yaml reviews 'The plant employs 1,200 people.'; the draft now says 1,500.",
        "Check the new sentence and fill in its `review:`, then delete the stale entry.",
    ),
)

RULES_BY_CODE = {rule.code: rule for rule in RULES}
RULES_BY_REASON = {rule.reason: rule for rule in RULES}


CODE_PATTERN = re.compile(r"CD[0-9]{0,3}")


def matching_codes(pattern: str) -> frozenset[str]:
    """Return the codes a selector names: ``CD201`` itself, ``CD2`` every CD2xx code.

    An empty set means the selector names no rule (a typo, or a code that does
    not exist).
    """
    pattern = pattern.strip().upper()
    if not CODE_PATTERN.fullmatch(pattern):
        return frozenset()
    return frozenset(code for code in RULES_BY_CODE if code.startswith(pattern))


def explain(rule: Rule) -> str:
    """Return the documentation of a rule, in the fixed section order."""
    return (
        f"{rule.code} {rule.name} ({rule.level.value})\n\n{rule.summary}\n\n"
        f"Why: {rule.why}\nExample: {rule.example}\nInstead: {rule.instead}\n"
    )
