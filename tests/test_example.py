"""The example article reproduces its expected reading (the gold file)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from copydesk.pipeline import Options, run
from copydesk.pipeline.claims import sentence_key

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = yaml.safe_load((FIXTURES / "spacex-anthropic.gold.yaml").read_text())


def as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    return run([str(FIXTURES / "spacex-anthropic.txt")], Options())


@pytest.fixture(scope="module")
def claims(report) -> list:  # noqa: ANN001
    (article,) = report.articles
    return list(article.claims)


def test_example_has_one_claim_per_gold_sentence(claims) -> None:  # noqa: ANN001
    # Claim text drops the markers; the gold keeps them as written.
    gold = [sentence_key(s["text"].replace(f"[{n}]", "")) for s in GOLD["sentences"]
            for n in [next((k for k in "1234" if f"[{k}]" in s["text"]), "x")]]
    assert [sentence_key(c.text) for c in claims] == gold


@pytest.mark.parametrize("index", range(len(GOLD["sentences"])),
                         ids=[f"s{i + 1}" for i in range(len(GOLD["sentences"]))])
def test_example_verdict_matches_gold(claims, index: int) -> None:  # noqa: ANN001
    expected = GOLD["sentences"][index]
    claim = claims[index]
    assert claim.verdict.label.value in as_list(expected["verdict"])
    assert claim.verdict.reason.value in as_list(expected["reason"])


def test_example_supported_claims_quote_their_source(claims) -> None:  # noqa: ANN001
    for claim in claims:
        if claim.verdict.label.value == "supported":
            assert claim.verdict.evidence, claim.id
            cited = {c.source for c in claim.citations} or {"1"}
            assert {e.source for e in claim.verdict.evidence} <= cited | {"1"}


def test_example_pull_quote_is_the_first_claim(claims) -> None:  # noqa: ANN001
    assert claims[12].duplicate_of == "c1"
    assert claims[12].verdict == claims[0].verdict


def test_example_first_claim_slots(claims) -> None:  # noqa: ANN001
    slots = claims[0].facts.slots
    assert (slots.date, slots.parties, slots.location, slots.numbers) == (
        "2026-05-06", ("SpaceX", "Anthropic"), None, ())


def test_example_has_no_dangling_or_unused(report) -> None:  # noqa: ANN001
    (article,) = report.articles
    assert article.findings == ()
    assert all(c.source for claim in article.claims for c in claim.citations)
