"""The JUnit XML report: one suite per article, one test case per claim."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from copydesk.models import ArticleReport, Claim, Finding, Report, Verdict, VerdictLabel
from copydesk.reporters.summary import verdict_of

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
ERRORS_SUITE = "copydesk errors"
NO_CLAIMS = "no claims"
# XML 1.0 cannot hold most control characters, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(report: Report) -> str:
    """Return the report as a JUnit XML document."""
    root = ET.Element("testsuites", name="copydesk")
    for article in sorted(report.articles, key=lambda a: a.path):
        root.append(article_suite(article))
    if report.errors:
        root.append(errors_suite(report))
    if len(root) == 0:
        # NOTE: CI should show one green test, not an empty file (model: ruff).
        suite = ET.SubElement(root, "testsuite", name="copydesk")
        ET.SubElement(suite, "testcase", name=NO_CLAIMS, classname="copydesk")
    for suite in root:
        count(suite)
    count(root)
    ET.indent(root)
    return f"{XML_DECLARATION}\n{ET.tostring(root, 'unicode')}\n"


def article_suite(article: ArticleReport) -> ET.Element:
    """Return the suite of one article: its claims, then its findings."""
    suite = ET.Element("testsuite", name=article.path)
    claims = sorted(article.claims, key=lambda c: (c.span[0], verdict_of(c).code))
    for claim in claims:
        suite.append(claim_case(article, claim))
    for finding in sorted(article.findings, key=lambda f: (f.line or 0, f.code)):
        suite.append(finding_case(article, finding))
    if len(suite) == 0:
        ET.SubElement(suite, "testcase", name=NO_CLAIMS, classname=article.path)
    return suite


def claim_case(article: ArticleReport, claim: Claim) -> ET.Element:
    """Return the test case of one claim: a failure when it is unsupported.

    A suppressed claim is skipped; an opinion passes with its reason in
    ``system-out``.
    """
    line, column = article.document.position(claim.span[0])
    case = ET.Element("testcase", name=f"{claim.id} {line}:{column}", classname=article.path)
    verdict = verdict_of(claim)
    if claim.suppressed_by is not None and verdict.label is not VerdictLabel.SUPPORTED:
        by = claim.suppressed_by
        note = f"{headline(verdict)} Suppressed ({by.kind.value}): {by.note}"
        ET.SubElement(case, "skipped", message=clean(note))
    elif verdict.label is VerdictLabel.UNSUPPORTED:
        failure = ET.SubElement(
            case, "failure", type=verdict.code, message=clean(headline(verdict))
        )
        failure.text = clean(f"{verdict.message}\n{details(claim, verdict)}")
    elif verdict.label is VerdictLabel.OPINION:
        out = ET.SubElement(case, "system-out")
        out.text = clean(f"{headline(verdict)}\n{details(claim, verdict)}")
    return case


def finding_case(article: ArticleReport, finding: Finding) -> ET.Element:
    """Return the failing test case of one file-level finding."""
    name = f"{finding.code} {finding.reason.value}"
    if finding.label is not None:
        name += f" [{finding.label}]"
    case = ET.Element("testcase", name=name, classname=article.path)
    failure = ET.SubElement(
        case, "failure", type=finding.code, message=clean(f"{name}: {finding.message}")
    )
    failure.text = clean(finding.message)
    return case


def errors_suite(report: Report) -> ET.Element:
    """Return the suite of articles that could not be checked."""
    suite = ET.Element("testsuite", name=ERRORS_SUITE)
    for error in sorted(report.errors, key=lambda e: (e.path, e.code)):
        case = ET.SubElement(suite, "testcase", name=error.path, classname=ERRORS_SUITE)
        element = ET.SubElement(
            case, "error", type=error.code, message=clean(f"{error.code}: {error.message}")
        )
        element.text = clean(error.message)
    return suite


def headline(verdict: Verdict) -> str:
    """Return ``CD201 uncited: Factual claim with no citation.``."""
    return f"{verdict.code} {verdict.reason.value}: {verdict.message}"


def details(claim: Claim, verdict: Verdict) -> str:
    """Return the claim and the evidence quoted behind the verdict."""
    lines = [f"Claim: {claim.text}"]
    if claim.duplicate_of:
        lines.append(f"Repeats: {claim.duplicate_of}")
    lines += [f"Evidence [{e.source}]: {e.text}" for e in verdict.evidence]
    return "\n".join(lines)


def count(element: ET.Element) -> None:
    """Set the tests, failures, errors and skipped counts of a suite or of the root."""
    cases = list(element.iter("testcase"))
    element.set("tests", str(len(cases)))
    element.set("failures", str(sum(c.find("failure") is not None for c in cases)))
    element.set("errors", str(sum(c.find("error") is not None for c in cases)))
    element.set("skipped", str(sum(c.find("skipped") is not None for c in cases)))


def clean(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot hold."""
    return NOT_XML.sub("\ufffd", text)
