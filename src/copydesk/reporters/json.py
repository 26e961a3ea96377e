"""The JSON report (the contract in DESIGN.md, documented in docs/json-output.md)."""

from __future__ import annotations

import json
from typing import Any

from copydesk.models import ArticleReport, Claim, Finding, Report, Suppression
from copydesk.reporters.summary import article_summary, report_summary, slots_data

SCHEMA_VERSION = 1


def render(report: Report) -> str:
    """Return the report as one JSON object, keys in a stable order."""
    data = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "copydesk", "version": report.tool_version},
        "files": [article(a) for a in sorted(report.articles, key=lambda a: a.path)],
        "errors": [
            {
                "path": e.path,
                "message": e.message,
                "code": e.code,
                "line": e.line,
                "column": e.column,
            }
            for e in sorted(report.errors, key=lambda e: e.path)
        ],
        "summary": report_summary(report),
    }
    # NOTE: no indent: the C encoder is several times faster on a large batch,
    # and `python -m json.tool` pretty-prints for a reader.
    return json.dumps(data, ensure_ascii=False) + "\n"


def article(report: ArticleReport) -> dict[str, Any]:
    """Return one file's entry."""
    published = report.document.published
    return {
        "path": report.path,
        "registry": report.registry,
        "published": published.isoformat() if published else None,
        "claims": [claim(c, report) for c in report.claims],
        "findings": [finding(f) for f in report.findings],
        "summary": article_summary(report),
    }


def claim(c: Claim, report: ArticleReport) -> dict[str, Any]:
    """Return one claim's entry."""
    line, column = report.document.position(c.span[0])
    verdict = c.verdict
    assert verdict is not None
    return {
        "id": c.id,
        "text": c.text,
        "sentence": {"start": c.span[0], "end": c.span[1], "line": line, "column": column},
        "slots": slots_data(c),
        "citations": [
            {"label": x.label, "start": x.span[0], "end": x.span[1], "source": x.source}
            for x in c.citations
        ],
        "verdict": verdict.label.value,
        "reason": verdict.reason.value,
        "code": verdict.code,
        "level": verdict.level.value,
        "message": verdict.message,
        "evidence": [
            {"source": e.source, "text": e.text, "start": e.span[0], "end": e.span[1]}
            for e in verdict.evidence
        ],
        "missing": list(verdict.missing),
        "contradicted": list(verdict.contradicted),
        "opinion_cue": c.opinion_cue,
        "duplicate_of": c.duplicate_of,
        "confidence": verdict.confidence,
        "suppressed_by": suppression(c.suppressed_by),
    }


def suppression(s: Suppression | None) -> dict[str, Any] | None:
    """Return why a claim does not count toward the exit code, or None when it counts."""
    if s is None:
        return None
    return {"kind": s.kind.value, "note": s.note, "path": s.path, "line": s.line}


def finding(f: Finding) -> dict[str, Any]:
    """Return one file-level finding's entry."""
    return {
        "code": f.code,
        "reason": f.reason.value,
        "level": f.level.value,
        "label": f.label,
        "line": f.line,
        "message": f.message,
    }
