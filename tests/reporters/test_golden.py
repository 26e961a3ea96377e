"""Every reporter renders the sample report exactly as its golden file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from copydesk.models import FileError, Report
from copydesk.reporters import REPORTERS, terminal

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_FILES = {
    "rich": "report.txt",
    "json": "report.json",
    "sarif": "report.sarif",
    "junit": "report.xml",
    "github": "report.github.txt",
    "markdown": "report.md",
}


def test_golden_covers_every_reporter() -> None:
    assert sorted(GOLDEN_FILES) == sorted(REPORTERS)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_reporter_matches_golden_file(
    name: str, sample_report: Report, golden: Callable[[Path, str], None]
) -> None:
    if name == "rich":
        text = terminal.render(sample_report, width=100, color=False)
    else:
        text = REPORTERS[name](sample_report)
    golden(GOLDEN / GOLDEN_FILES[name], text)


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_reporter_ignores_the_order_of_articles_and_errors(
    name: str, sample_report: Report
) -> None:
    extra = FileError(path="drafts/empty.md", message="empty file", code="E101")
    forward = replace(sample_report, errors=(*sample_report.errors, extra))
    backward = replace(forward, articles=forward.articles[::-1], errors=forward.errors[::-1])
    assert REPORTERS[name](backward) == REPORTERS[name](forward)
