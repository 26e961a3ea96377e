"""GitHub Actions workflow commands that annotate article lines in a pull request."""

from __future__ import annotations

from collections.abc import Mapping

from copydesk.models import ArticleReport, Claim, Finding, Report, VerdictLabel
from copydesk.reporters.summary import verdict_of

COMMANDS = {VerdictLabel.UNSUPPORTED: "error", VerdictLabel.OPINION: "notice"}
FINDING_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}

Line = tuple[str, int, int, str, str]  # path, line, column, code, command


def render(report: Report) -> str:
    """Return a workflow command per unsupported or opinion claim, finding, error."""
    lines: list[Line] = []
    for article in report.articles:
        lines += [claim_line(article, c) for c in article.claims if is_flagged(c)]
        lines += [finding_line(article, f) for f in article.findings]
    for error in report.errors:
        props = {"file": posix(error.path), "title": error.code}
        text = command("error", props, error.message)
        lines.append((error.path, 0, 0, error.code, text))
    return "".join(f"{line[4]}\n" for line in sorted(lines))


def is_flagged(claim: Claim) -> bool:
    """Return True if the claim is worth an annotation (flagged, not suppressed)."""
    return verdict_of(claim).label in COMMANDS and claim.suppressed_by is None


def claim_line(article: ArticleReport, claim: Claim) -> Line:
    """Return the annotation of one claim, on its span."""
    verdict = verdict_of(claim)
    start, end = claim.span
    line, column = article.document.position(start)
    # NOTE: GitHub takes columns only for an annotation on one line, and its
    # docs leave endColumn's meaning open; we give the claim's last character.
    end_line, end_column = article.document.position(max(start, end - 1))
    props: dict[str, object] = {"file": posix(article.path), "line": line}
    if end_line == line:
        props |= {"col": column, "endColumn": end_column}
    else:
        props["endLine"] = end_line
    props["title"] = f"{verdict.code} {verdict.reason.value}"
    message = f"{verdict.message} — {claim.text}"
    if claim.duplicate_of:
        message += f" (repeats {claim.duplicate_of})"
    text = command(COMMANDS[verdict.label], props, message)
    return (article.path, line, column, verdict.code, text)


def finding_line(article: ArticleReport, finding: Finding) -> Line:
    """Return the annotation of one file-level finding (an unused source)."""
    props: dict[str, object] = {"file": posix(article.path)}
    if finding.line is not None:
        props["line"] = finding.line
    props["title"] = f"{finding.code} {finding.reason.value}"
    text = command(FINDING_COMMANDS[finding.level.value], props, finding.message)
    return (article.path, finding.line or 0, 0, finding.code, text)


def command(name: str, properties: Mapping[str, object], message: str) -> str:
    """Return ``::name key=value,...::message`` with GitHub's escaping."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def posix(path: str) -> str:
    """Return a path with forward slashes, as GitHub matches files."""
    return path.replace("\\", "/")


def escape_data(text: str) -> str:
    """Escape the message of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value of a workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
