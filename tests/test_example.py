"""The example article reproduces its expected reading (the gold file)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from copydesk.pipeline import Options, run

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = yaml.safe_load((FIXTURES / "spacex-anthropic.gold.yaml").read_text())


def as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    return run([str(FIXTURES / "spacex-anthropic.txt")], Options())


@pytest.fixture(scope="module")
def all_claims(report) -> list:  # noqa: ANN001
    (article,) = report.articles
    return list(article.claims)


@pytest.fixture(scope="module")
def claims(all_claims) -> list:  # noqa: ANN001
    """Return the main claim of each sentence, which carries the sentence's verdict."""
    return [c for c in all_claims if c.part == "main"]


def test_example_has_one_main_claim_per_gold_sentence(claims) -> None:  # noqa: ANN001
    assert [c.sentence for c in claims] == list(range(len(GOLD["sentences"])))
    unsplit = [i for i, c in enumerate(claims) if c.text.count(" ") > 5]
    assert len(unsplit) == 16


def test_example_splits_asides_into_their_own_claims(all_claims) -> None:  # noqa: ANN001
    split = [(c.sentence, c.part, c.text) for c in all_claims if c.part != "main"]
    assert split == [
        (2, "relative", "Elon Musk is currently engaged in a lawsuit against OpenAI."),
        (
            7,
            "apposition",
            "A planned initial public offering is a transition that requires "
            "strong revenue streams and high-profile corporate partnerships to "
            "attract investors.",
        ),
        (9, "contrast", "Musk has criticized the current direction of OpenAI."),
        (14, "contrast", "SpaceX transforms its hardware assets into a recurring revenue stream."),
        (15, "contrast", "Elon Musk remains in legal opposition to OpenAI."),
    ]


def test_example_sentence_slots_match_gold(all_claims) -> None:  # noqa: ANN001
    for index, gold in enumerate(GOLD["sentences"]):
        parts = [c for c in all_claims if c.sentence == index]
        parties = list(dict.fromkeys(p for c in parts for p in c.facts.slots.parties))
        dates = [c.facts.slots.date for c in parts if c.facts.slots.date]
        places = [c.facts.slots.location for c in parts if c.facts.slots.location]
        motives = [c.facts.slots.motive for c in parts if c.facts.slots.motive]
        numbers = [q.text for c in parts for q in c.facts.slots.numbers]
        assert (motives[0] if motives else None) == gold["slots"]["motive"], gold["text"]
        assert numbers == gold["slots"]["numbers"], gold["text"]
        expected_date = gold["slots"]["date"]
        assert (dates[0] if dates else None) == (str(expected_date) if expected_date else None)
        assert sorted(parties) == sorted(gold["slots"]["parties"]), gold["text"]
        assert (places[0] if places else None) == gold["slots"]["location"]


@pytest.mark.parametrize(
    "index", range(len(GOLD["sentences"])), ids=[f"s{i + 1}" for i in range(len(GOLD["sentences"]))]
)
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
    assert claims[12].duplicate_of == claims[0].id == "c1"
    assert claims[12].verdict == claims[0].verdict


def test_example_first_claim_slots(claims) -> None:  # noqa: ANN001
    slots = claims[0].facts.slots
    assert (slots.date, slots.parties, slots.location, slots.numbers) == (
        "2026-05-06",
        ("SpaceX", "Anthropic"),
        None,
        (),
    )


def test_example_has_no_dangling_or_unused(report) -> None:  # noqa: ANN001
    (article,) = report.articles
    assert article.findings == ()
    assert all(c.source for claim in article.claims for c in claim.citations)
