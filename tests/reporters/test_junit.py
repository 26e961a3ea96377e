"""The JUnit report: one suite per article, unsupported claims fail."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from copydesk.models import Report
from copydesk.reporters import junit

COUNTS = ("tests", "failures", "errors", "skipped")


def suites_of(report: Report) -> list[tuple[str, ...]]:
    """Return each suite's name and its tests, failures, errors and skipped counts."""
    root = ET.fromstring(junit.render(report))
    return [(s.get("name", ""), *(s.get(key, "") for key in COUNTS)) for s in root]


def case_named(report: Report, name: str) -> ET.Element:
    """Return the one test case called ``name``."""
    cases = [
        c for c in ET.fromstring(junit.render(report)).iter("testcase") if c.get("name") == name
    ]
    assert len(cases) == 1
    return cases[0]


def test_junit_counts_match_cases(sample_report: Report) -> None:
    root = ET.fromstring(junit.render(sample_report))
    assert suites_of(sample_report) == [
        ("briefs/launch.md", "1", "0", "0", "0"),
        ("claims/colossus.txt", "10", "7", "0", "1"),
        ("copydesk errors", "1", "0", "1", "0"),
    ]
    assert [root.get(key) for key in COUNTS] == ["12", "7", "1", "1"]
    for suite in root:
        found = [
            suite.findall(f"testcase{tail}") for tail in ("", "/failure", "/error", "/skipped")
        ]
        assert [int(suite.get(key, "")) for key in COUNTS] == [len(f) for f in found]


def test_junit_case_names_give_claim_line_and_column(sample_report: Report) -> None:
    suite = ET.fromstring(junit.render(sample_report))[1]
    assert [(c.get("name"), c.get("classname")) for c in suite] == [
        (name, "claims/colossus.txt")
        for name in [
            "c1 1:24",
            "c2 2:1",
            "c4 2:96",
            "c3 2:96",
            "c5 3:1",
            "c6 3:65",
            "c7 4:1",
            "c8 4:80",
            "c9 6:2",
            "CD102 unused-source [5]",
        ]
    ]


def test_junit_unsupported_claim_fails_with_code_reason_and_evidence(
    sample_report: Report,
) -> None:
    failure = case_named(sample_report, "c5 3:1").find("failure")
    assert failure is not None
    assert failure.attrib == {
        "type": "CD203",
        "message": "CD203 contradicted: Source [2] says Memphis, Tennessee, "
        "not Nashville, Tennessee.",
    }
    assert failure.text == (
        "Source [2] says Memphis, Tennessee, not Nashville, Tennessee.\n"
        "Claim: The Colossus 1 facility is located in Nashville, Tennessee [2].\n"
        "Evidence [2]: The Colossus 1 facility is located in Memphis, Tennessee."
    )


def test_junit_opinion_is_system_out_not_failure(sample_report: Report) -> None:
    case = case_named(sample_report, "c3 2:96")
    assert [child.tag for child in case] == ["system-out"]
    assert case[0].text == (
        "CD301 opinion: Writer's judgement ('signals').\n"
        "Claim: This partnership signals a strategic shift for "
        "Elon Musk."
    )


def test_junit_suppressed_claim_is_skipped(sample_report: Report) -> None:
    case = case_named(sample_report, "c8 4:80")
    message = (
        "CD201 uncited: Factual claim with no citation. Suppressed (ledger): "
        "Checked against SpaceX's history (A. Editor)."
    )
    assert [(child.tag, child.attrib) for child in case] == [("skipped", {"message": message})]


def test_junit_errors_become_error_cases(sample_report: Report) -> None:
    error = case_named(sample_report, "drafts/broken.txt").find("error")
    assert error is not None
    assert error.attrib == {
        "type": "E101",
        "message": "E101: not UTF-8 text (byte 0xff at offset 12); save it as UTF-8",
    }


def test_junit_no_claims_gives_one_passing_testcase(no_claims_report: Report) -> None:
    assert junit.render(no_claims_report) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="copydesk" tests="1" failures="0" errors="0" skipped="0">\n'
        '  <testsuite name="drafts/headline.txt" tests="1" failures="0" errors="0" '
        'skipped="0">\n'
        '    <testcase name="no claims" classname="drafts/headline.txt" />\n'
        "  </testsuite>\n"
        "</testsuites>\n"
    )


def test_junit_empty_report_gives_one_passing_testcase() -> None:
    report = Report(tool_version="0.1.0", articles=())
    assert suites_of(report) == [("copydesk", "1", "0", "0", "0")]


def test_junit_drops_characters_xml_cannot_hold(
    one_claim_report: Callable[..., Report],
) -> None:
    report = one_claim_report("Prices\x0crose 4% in May.\n", "No\x00 citation.")
    failure = case_named(report, "c1 1:1").find("failure")
    assert failure is not None
    assert failure.text == "No\ufffd citation.\nClaim: Prices\ufffdrose 4% in May."
