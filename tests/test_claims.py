"""Claim extraction: atomic clauses and their slots, on real sentences."""

from __future__ import annotations

from datetime import date

import pytest

from copydesk.models import Format
from copydesk.pipeline.claims import extract_claims
from copydesk.pipeline.read import parse_document
from copydesk.pipeline.segment import segment

PUBLISHED = date(2026, 5, 7)  # a Thursday


def claims_of(nlp, text: str, published: date | None = PUBLISHED):  # noqa: ANN001, ANN201
    document = parse_document(text.encode(), "a.txt", Format.TEXT, published=published)
    return extract_claims(document, segment(document, nlp))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The council approved the budget on Tuesday.",
            ["The council approved the budget on Tuesday."],
            id="one-fact-stays-one",
        ),
        pytest.param(
            "This partnership signals a shift for Elon Musk, who is suing OpenAI.",
            ["This partnership signals a shift for Elon Musk.", "Elon Musk is suing OpenAI."],
            id="relative-clause",
        ),
        pytest.param(
            "The firm plans an offering, a move that requires strong revenue.",
            ["The firm plans an offering.", "An offering is a move that requires strong revenue."],
            id="apposition",
        ),
        pytest.param(
            "While Musk has criticized OpenAI, his company backed Anthropic.",
            ["His company backed Anthropic.", "Musk has criticized OpenAI."],
            id="while-clause",
        ),
        pytest.param(
            "The union rejected the offer, and the port closed on Monday.",
            ["The union rejected the offer.", "The port closed on Monday."],
            id="coordination",
        ),
        pytest.param(
            "The mayor said the plan, which costs $4 million, was a disaster.",
            ["The mayor said the plan, which costs $4 million, was a disaster."],
            id="attribution-stays-whole",
        ),
        pytest.param(
            "The engines that failed were replaced.",
            ["The engines that failed were replaced."],
            id="restrictive-relative-stays",
        ),
        pytest.param(
            "The plant is in Memphis, Tennessee, near the river.",
            ["The plant is in Memphis, Tennessee, near the river."],
            id="place-is-not-apposition",
        ),
    ],
)
def test_extract_claims_atomic(nlp, text: str, expected: list[str]) -> None:  # noqa: ANN001
    assert [c.text for c in claims_of(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The deal closed on May 6, 2026.", "2026-05-06", id="month-day-year"),
        pytest.param("The deal closed on 6 May 2026.", "2026-05-06", id="day-month-year"),
        pytest.param("The deal closed on 2026-05-06.", "2026-05-06", id="iso"),
        pytest.param("The deal closed on Wednesday.", "2026-05-06", id="weekday"),
        pytest.param("The deal closed last week.", "2026-W18", id="last-week"),
        pytest.param("The board met earlier this month.", "2026-05", id="earlier-this-month"),
        pytest.param("Revenue grew in Q3 2026.", "2026-Q3", id="quarter"),
        pytest.param("The plant opened in 2024.", "2024", id="year"),
        pytest.param("The plant opened in March 2025.", "2025-03", id="month-year"),
    ],
)
def test_extract_claims_date_slot(nlp, text: str, expected: str) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, text)
    assert claim.facts.slots.date == expected


def test_extract_claims_relative_date_without_publication_stays_null(nlp) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, "The deal closed on Wednesday.", published=None)
    assert claim.facts.slots.date is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The firm raised $1.2 billion.", [("$1.2 billion", 1.2e9, "USD", None)], id="money"
        ),
        pytest.param("Sales rose 40% this year.", [("40%", 40.0, "%", None)], id="percent"),
        pytest.param(
            "It will build a 300 MW solar farm.", [("300 MW", 300.0, "MW", None)], id="unit"
        ),
        pytest.param(
            "The factory will add 1,200 jobs.", [("1,200", 1200.0, None, "job")], id="count"
        ),
    ],
)
def test_extract_claims_numbers(nlp, text: str, expected: list) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, text)
    assert [(q.text, q.value, q.unit, q.counts) for q in claim.facts.slots.numbers] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The agreement gives Anthropic capacity to scale its Claude AI models.",
            "to scale its Claude AI models",
            id="infinitive-of-purpose",
        ),
        pytest.param(
            "The city raised fees in order to balance the budget.",
            "in order to balance the budget",
            id="in-order-to",
        ),
        pytest.param(
            "The airline cut routes because fuel prices rose.",
            "because fuel prices rose",
            id="because",
        ),
        pytest.param(
            "NASA signed the contract as part of an effort to cut launch costs.",
            "as part of an effort to cut launch costs",
            id="part-of-an-effort",
        ),
        pytest.param(
            "SpaceX signed a deal on May 6, 2026, to lease its data center to Anthropic.",
            None,
            id="content-of-a-deal-is-not-a-motive",
        ),
    ],
)
def test_extract_claims_motive(nlp, text: str, expected: str | None) -> None:  # noqa: ANN001
    assert claims_of(nlp, text)[0].facts.slots.motive == expected


def test_extract_claims_parties_are_canonical(nlp) -> None:  # noqa: ANN001
    text = (
        "Elon Musk met SpaceX engineers in Texas. Musk praised the engineers. "
        "The company prepares for an offering."
    )
    claims = claims_of(nlp, text)
    assert [c.facts.slots.parties for c in claims] == [
        ("Elon Musk", "SpaceX"),
        ("Elon Musk",),
        ("SpaceX",),
    ]
    assert claims[0].facts.slots.location == "Texas"


def test_extract_claims_hostile_sentences_keep_null_slots(nlp) -> None:  # noqa: ANN001
    long_text = " ".join(["word"] * 2000) + "."
    claims = claims_of(
        nlp,
        long_text + "\n\nno punctuation at all here just words and more"
        "\n\nLe conseil a voté le budget mardi dernier.\n\nOn Febtober 45th it rained.",
    )
    assert len(claims) >= 3
    assert all(c.facts.slots.date is None for c in claims)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Is a free clinic enough to stop the outbreak?", "opinion", id="own-question"),
        pytest.param("Who, after all, benefits from ships idling offshore?", "opinion", id="who"),
        pytest.param('She asked: "Who pays for this?"', "factual", id="quoted-question"),
        pytest.param("The clinic opens on Saturday.", "factual", id="statement"),
    ],
)
def test_extract_claims_writers_question_is_opinion(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, text)
    assert claim.kind.value == kind
