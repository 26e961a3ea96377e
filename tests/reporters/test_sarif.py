"""The SARIF report: valid against the OASIS schema, one result per flagged claim."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from copydesk.models import Report
from copydesk.reporters import sarif
from copydesk.rules import RULES

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text())


def results_of(report: Report) -> list[dict[str, Any]]:
    """Return the results of the one run."""
    return json.loads(sarif.render(report))["runs"][0]["results"]


def place(result: dict[str, Any]) -> tuple[str, str, str, dict[str, int]]:
    """Return a result's rule, level, file and region."""
    physical = result["locations"][0]["physicalLocation"]
    return (
        result["ruleId"],
        result["level"],
        physical["artifactLocation"]["uri"],
        physical["region"],
    )


def region(line: int, column: int, end_column: int) -> dict[str, int]:
    """Return a one-line region."""
    return {"startLine": line, "startColumn": column, "endLine": line, "endColumn": end_column}


def test_sarif_validates_against_schema(sample_report: Report) -> None:
    log = json.loads(sarif.render(sample_report))
    assert [e.message for e in Draft4Validator(SCHEMA).iter_errors(log)] == []


def test_sarif_empty_report_validates_against_schema() -> None:
    log = json.loads(sarif.render(Report(tool_version="0.1.0", articles=())))
    assert [e.message for e in Draft4Validator(SCHEMA).iter_errors(log)] == []
    assert log["runs"][0]["results"] == []


def test_sarif_results_are_flagged_claims_and_findings(sample_report: Report) -> None:
    path = "claims/colossus.txt"
    assert [place(r) for r in results_of(sample_report)] == [
        ("CD102", "warning", path, {"startLine": 1}),
        ("CD201", "error", path, region(2, 1, 95)),
        ("CD201", "error", path, region(2, 96, 207)),
        ("CD301", "note", path, region(2, 96, 207)),
        ("CD203", "error", path, region(3, 1, 64)),
        ("CD202", "error", path, region(3, 65, 146)),
        ("CD101", "error", path, region(4, 1, 79)),
        ("CD201", "error", path, region(4, 80, 108)),
        ("CD201", "error", path, region(6, 2, 96)),
    ]


def test_sarif_message_gives_reason_and_claim(sample_report: Report) -> None:
    assert results_of(sample_report)[4]["message"] == {
        "text": "Source [2] says Memphis, Tennessee, not Nashville, Tennessee. "
        "— The Colossus 1 facility is located in Nashville, Tennessee [2]."
    }


def test_sarif_suppressed_claim_has_suppression(sample_report: Report) -> None:
    suppressions = [
        (r["properties"]["claimId"], r.get("suppressions"))
        for r in results_of(sample_report)
        if "suppressions" in r
    ]
    assert suppressions == [
        (
            "c8",
            [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": "Checked against SpaceX's history (A. Editor).",
                }
            ],
        )
    ]


def test_sarif_rules_come_from_rule_table(sample_report: Report) -> None:
    driver = json.loads(sarif.render(sample_report))["runs"][0]["tool"]["driver"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert (driver["name"], driver["version"]) == ("copydesk", "0.1.0")
    assert [
        (r["id"], r["name"], r["shortDescription"]["text"], r["defaultConfiguration"]["level"])
        for r in driver["rules"]
    ] == [(r.code, r.name, r.summary, levels[r.level.value]) for r in RULES]


def test_sarif_errors_become_failed_invocation(sample_report: Report) -> None:
    invocation = json.loads(sarif.render(sample_report))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert [
        (n["descriptor"]["id"], n["message"]["text"])
        for n in invocation["toolExecutionNotifications"]
    ] == [("E101", "not UTF-8 text (byte 0xff at offset 12); save it as UTF-8")]


def test_sarif_fingerprints_are_unique(sample_report: Report) -> None:
    prints = [r["partialFingerprints"]["copydeskClaimHash/v1"] for r in results_of(sample_report)]
    assert len(set(prints)) == len(prints)
    # The pull quote repeats claim c2 word for word: same hash, next occurrence.
    assert prints[8] == prints[1].replace(":1", ":2")


def test_sarif_fingerprint_survives_a_line_moving(
    one_claim_report: Callable[..., Report],
) -> None:
    before = results_of(one_claim_report("Prices rose 4% in May.\n", "No citation."))
    after = results_of(one_claim_report("\n\nPrices rose 4% in May.\n", "No citation."))
    assert place(after[0])[3] == region(3, 1, 23)
    assert after[0]["partialFingerprints"] == before[0]["partialFingerprints"]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        pytest.param("drafts/story.txt", "drafts/story.txt", id="relative"),
        pytest.param("drafts\\story.txt", "drafts/story.txt", id="backslashes"),
        pytest.param("drafts/q1 story.txt", "drafts/q1%20story.txt", id="space"),
    ],
)
def test_sarif_uri_is_relative_with_forward_slashes(
    path: str, uri: str, one_claim_report: Callable[..., Report]
) -> None:
    report = one_claim_report("Prices rose 4% in May.\n", "No citation.", path=path)
    assert place(results_of(report)[0])[2] == uri
