"""The SARIF 2.1.0 report, the format GitHub code scanning reads."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any
from urllib.parse import quote

from copydesk.models import (
    ArticleReport,
    Claim,
    Finding,
    Level,
    Report,
    Suppression,
    SuppressionKind,
    Verdict,
    VerdictLabel,
)
from copydesk.reporters.summary import verdict_of
from copydesk.rules import RULES, Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
RULE_INDEX = {rule.code: index for index, rule in enumerate(RULES)}
FINGERPRINT_KEY = "copydeskClaimHash/v1"


def render(report: Report) -> str:
    """Return the report as a SARIF log with one run."""
    results = [r for a in report.articles for r in article_results(a)]
    results.sort(key=result_key)
    add_fingerprints(results)
    run = {
        "tool": {
            "driver": {
                "name": "copydesk",
                "version": report.tool_version,
                "rules": [rule_entry(rule) for rule in RULES],
            }
        },
        # NOTE: columns are Python str indices, that is code points, not the
        # UTF-16 code units that SARIF assumes by default.
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation(report)],
        "results": [result for result, _ in results],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def rule_entry(rule: Rule) -> dict[str, Any]:
    """Return the reportingDescriptor of one rule."""
    help_text = f"{rule.why}\n\nExample: {rule.example}\nInstead: {rule.instead}"
    help_markdown = (
        f"{rule.why}\n\n**Example:**\n\n```text\n{rule.example}\n```\n\n**Instead:** {rule.instead}"
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} {rule.why}"},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.level]},
    }


def article_results(article: ArticleReport) -> list[tuple[dict[str, Any], str]]:
    """Return each result of one article with the text its fingerprint hashes."""
    results = []
    for claim in article.claims:
        verdict = verdict_of(claim)
        if verdict.label is not VerdictLabel.SUPPORTED:
            results.append((claim_result(article, claim, verdict), claim.text))
    for finding in article.findings:
        key = finding.label or finding.message
        results.append((finding_result(article, finding), key))
    return results


def claim_result(article: ArticleReport, claim: Claim, verdict: Verdict) -> dict[str, Any]:
    """Return the result of one unsupported or opinion claim."""
    start_line, start_column = article.document.position(claim.span[0])
    end_line, end_column = article.document.position(claim.span[1])
    region = {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }
    text = f"{verdict.message} — {claim.text}"
    if claim.duplicate_of:
        text += f" (repeats {claim.duplicate_of})"
    result = {
        **rule_reference(verdict.code),
        "level": SARIF_LEVELS[verdict.level],
        "message": {"text": text},
        "locations": [location(article.path, region)],
        "properties": {
            "claimId": claim.id,
            "verdict": verdict.label.value,
            "reason": verdict.reason.value,
        },
    }
    if claim.suppressed_by is not None:
        result["suppressions"] = [suppression(claim.suppressed_by)]
    return result


def suppression(by: Suppression) -> dict[str, Any]:
    """Return a SARIF suppression: in the article, or in config or the ledger."""
    kind = "inSource" if by.kind is SuppressionKind.INLINE else "external"
    return {"kind": kind, "status": "accepted", "justification": by.note}


def finding_result(article: ArticleReport, finding: Finding) -> dict[str, Any]:
    """Return the result of one file-level finding, placed at its line or line 1."""
    properties = {"reason": finding.reason.value}
    if finding.label is not None:
        properties["label"] = finding.label
    return {
        **rule_reference(finding.code),
        "level": SARIF_LEVELS[finding.level],
        "message": {"text": finding.message},
        # NOTE: GitHub code scanning wants a startLine even for a whole-file result.
        "locations": [location(article.path, {"startLine": finding.line or 1})],
        "properties": properties,
    }


def rule_reference(code: str) -> dict[str, Any]:
    """Return ``ruleId``, and ``ruleIndex`` when the code is in the rule table."""
    if code in RULE_INDEX:
        return {"ruleId": code, "ruleIndex": RULE_INDEX[code]}
    return {"ruleId": code}


def location(path: str, region: dict[str, int]) -> dict[str, Any]:
    """Return a physicalLocation in the article at ``path``."""
    uri = quote(path.replace("\\", "/"), safe="/")
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def invocation(report: Report) -> dict[str, Any]:
    """Return the invocation, with one notification per article that failed."""
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "descriptor": {"id": error.code},
            "locations": [location(error.path, {"startLine": 1})],
        }
        for error in sorted(report.errors, key=lambda e: (e.path, e.code))
    ]
    entry: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        entry["toolExecutionNotifications"] = notifications
    return entry


def result_key(item: tuple[dict[str, Any], str]) -> tuple[str, int, int, str]:
    """Return the (path, line, column, code) sort key of a result."""
    result = item[0]
    physical = result["locations"][0]["physicalLocation"]
    region = physical["region"]
    return (
        physical["artifactLocation"]["uri"],
        region["startLine"],
        region.get("startColumn", 0),
        result["ruleId"],
    )


def add_fingerprints(results: list[tuple[dict[str, Any], str]]) -> None:
    """Add a fingerprint that survives edits elsewhere in the article.

    It hashes the path, code and claim text (not the line), and counts
    repeats the way GitHub's ``primaryLocationLineHash`` does (``hash:2``).
    """
    seen: Counter[str] = Counter()
    for result, text in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        key = "\0".join((uri, result["ruleId"], " ".join(text.split())))
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        seen[digest] += 1
        result["partialFingerprints"] = {FINGERPRINT_KEY: f"{digest}:{seen[digest]}"}
