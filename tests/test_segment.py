"""Sentence segmentation that keeps citation markers inside their sentence."""

from __future__ import annotations

import pytest

from copydesk.models import Format
from copydesk.pipeline.read import parse_document
from copydesk.pipeline.segment import segment


def sentences(nlp, text: str, fmt: Format = Format.TEXT) -> list[tuple[str, list[str]]]:  # noqa: ANN001
    document = parse_document(text.encode(), "a.txt", fmt)
    return [(s.text, [c.label for c in s.citations]) for s in segment(document, nlp)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "SpaceX signed a deal on May 6, 2026 [1], to lease its Colossus 1 data center to "
            "Anthropic.",
            [
                (
                    "SpaceX signed a deal on May 6, 2026 [1], to lease its Colossus 1 "
                    "data center to Anthropic.",
                    ["1"],
                )
            ],
            id="marker-mid-sentence",
        ),
        pytest.param(
            "The facility is in Memphis [2]. By using it, Anthropic can grow [3].",
            [
                ("The facility is in Memphis [2].", ["2"]),
                ("By using it, Anthropic can grow [3].", ["3"]),
            ],
            id="marker-before-full-stop",
        ),
        pytest.param(
            "The council approved the budget.[3] Critics were absent.",
            [("The council approved the budget.[3]", ["3"]), ("Critics were absent.", [])],
            id="marker-after-full-stop",
        ),
        pytest.param(
            "Unemployment fell to 3.9% [1, 2]. Wages rose [1-3].",
            [
                ("Unemployment fell to 3.9% [1, 2].", ["1", "2"]),
                ("Wages rose [1-3].", ["1", "2", "3"]),
            ],
            id="lists-and-ranges",
        ),
        pytest.param(
            "The conflict continues between Musk and OpenAI [1].\n“SpaceX signed a deal.”",
            [
                ("The conflict continues between Musk and OpenAI [1].", ["1"]),
                ("“SpaceX signed a deal.”", []),
            ],
            id="new-line-after-marker",
        ),
        pytest.param(
            "The city council voted on Tuesday to approve\nthe new budget for the year.",
            [("The city council voted on Tuesday to approve\nthe new budget for the year.", [])],
            id="hard-wrapped-line",
        ),
        pytest.param(
            "Join the fight.\n\nThe sediment will be trucked to a site in Harlowe, Ohio "
            "[hadley2026]. Commission director Lionel Brathwaite said the work would end by "
            "2030 [2].",
            [
                ("Join the fight.", []),
                (
                    "The sediment will be trucked to a site in Harlowe, Ohio [hadley2026].",
                    ["hadley2026"],
                ),
                (
                    "Commission director Lionel Brathwaite said the work would end by 2030 [2].",
                    ["2"],
                ),
            ],
            id="key-marker-before-full-stop",
        ),
    ],
)
def test_segment_keeps_markers(nlp, text: str, expected: list) -> None:  # noqa: ANN001
    assert sentences(nlp, text) == expected


def test_segment_example_has_sixteen_sentences(nlp, fixtures) -> None:  # noqa: ANN001
    text = (fixtures / "spacex-anthropic.txt").read_text()
    found = sentences(nlp, text)
    assert len(found) == 16
    assert found[0][1] == ["1"] and found[8][1] == ["1"] and found[11][1] == ["2"]


def test_segment_markdown_footnote_marker(nlp) -> None:  # noqa: ANN001
    text = "---\ndate: 2026-05-07\n---\n\nThe mayor signed the order [^1].\n\n[^1]: City Hall.\n"
    assert sentences(nlp, text, Format.MARKDOWN) == [("The mayor signed the order [^1].", ["^1"])]


def test_blanked_markup_is_no_word_to_the_parser(nlp) -> None:  # noqa: ANN001
    """Bold markup and a line break are blanked in the view, not read as words."""
    text = (
        "**Velmora Power Systems Inc.** said on Monday that it would build\n"
        "a plant in Orvale [1].\n"
    )
    document = parse_document(text.encode(), "a.md", Format.MARKDOWN)
    (sentence,) = segment(document, nlp)
    assert not any(token.is_space for token in sentence.sent)
    assert sentence.sent.root.lemma_ == "say"
    start, end = sentence.span
    assert text[start:end].startswith("Velmora Power Systems Inc.**")
    assert text[start:end].endswith("[1].")
    (citation,) = sentence.citations
    assert text[citation.span[0] : citation.span[1]] == "[1]"
