"""The GitHub workflow-command report: one annotation per line, escaped."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copydesk.models import Reason, Report
from copydesk.reporters import github


def test_github_escapes_message_and_properties(
    one_claim_report: Callable[..., Report],
) -> None:
    report = one_claim_report(
        "Prices rose 4%, analysts said: sharply.\n",
        "Source: none, 100%\r\nchecked.",
        path="drafts/q1: 50%, final.txt",
    )
    assert github.render(report) == (
        "::error file=drafts/q1%3A 50%25%2C final.txt,line=1,col=1,endColumn=39,"
        "title=CD201 uncited::Source: none, 100%25%0D%0Achecked. — "
        "Prices rose 4%25, analysts said: sharply.\n"
    )


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        pytest.param("plain", "plain", "plain", id="plain"),
        pytest.param("50%", "50%25", "50%25", id="percent"),
        pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="newlines"),
        pytest.param("a: b, c", "a: b, c", "a%3A b%2C c", id="colon-comma"),
        pytest.param("%3A", "%253A", "%253A", id="already-escaped"),
    ],
)
def test_github_escape(text: str, data: str, prop: str) -> None:
    assert (github.escape_data(text), github.escape_property(text)) == (data, prop)


def test_github_multiline_claim_has_no_columns(
    one_claim_report: Callable[..., Report],
) -> None:
    report = one_claim_report("Prices rose\n4% in May.\n", "No citation.")
    assert github.render(report) == (
        "::error file=drafts/story.txt,line=1,endLine=2,title=CD201 uncited::"
        "No citation. — Prices rose%0A4%25 in May.\n"
    )


def test_github_opinion_is_notice(one_claim_report: Callable[..., Report]) -> None:
    report = one_claim_report(
        "The deal is notable.\n", "Writer's judgement ('notable').", reason=Reason.OPINION
    )
    assert github.render(report) == (
        "::notice file=drafts/story.txt,line=1,col=1,endColumn=20,title=CD301 opinion::"
        "Writer's judgement ('notable'). — The deal is notable.\n"
    )


def test_github_skips_suppressed_claims(sample_report: Report) -> None:
    assert "Musk founded SpaceX" not in github.render(sample_report)


def test_github_commands_per_kind(sample_report: Report) -> None:
    lines = github.render(sample_report).splitlines()
    commands = [line.split(" ", 1)[0] for line in lines]
    assert commands == ["::warning", *["::error"] * 2, "::notice", *["::error"] * 5]
