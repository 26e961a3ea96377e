"""The Markdown summary for pull-request comments and step summaries."""

from __future__ import annotations

from collections.abc import Callable

from copydesk.models import Report
from copydesk.reporters import markdown


def test_markdown_escapes_pipes_in_cells(
    one_claim_report: Callable[..., Report],
) -> None:
    report = one_claim_report(
        "Sales | revenue rose 4% in May.\n", "Table cell a|b has no citation."
    )
    lines = markdown.render(report).splitlines()
    rows = [line for line in lines if line.startswith("| 1")]
    assert rows == [
        r"| 1:1 | unsupported | CD201 | Sales \| revenue rose 4% in May. | "
        r"Table cell a\|b has no citation. |"
    ]


def test_markdown_shortens_long_claims() -> None:
    text = "The council approved the budget " * 4
    assert markdown.shorten(text, 80) == (
        "The council approved the budget The council approved the budget The council…"
    )


def test_markdown_no_claims_says_so(no_claims_report: Report) -> None:
    assert markdown.render(no_claims_report) == (
        "## copydesk report\n\n"
        "**1 file, 0 claims: 0 supported, 0 unsupported, 0 opinion**\n\n"
        "### `drafts/headline.txt`\n\n"
        "Sources: `none found` · published 2026-05-07 · "
        "0 claims: 0 supported, 0 unsupported, 0 opinion\n\n"
        "No claims found.\n"
    )


def test_markdown_all_supported_is_one_line(sample_report: Report) -> None:
    text = markdown.render(sample_report)
    section = text.split("### `briefs/launch.md`")[1].split("###")[0]
    assert section.strip().splitlines()[-1] == "The one claim is supported."
