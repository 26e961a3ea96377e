"""Citation markers: every form of the design, and brackets that are not citations."""

from __future__ import annotations

import pytest

from copydesk.pipeline.markers import find_markers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Prices rose 4% [1].", [("[1]", ("1",))], id="single"),
        pytest.param("Prices rose 4% [1, 2].", [("[1, 2]", ("1", "2"))], id="list"),
        pytest.param("Prices rose [1-3].", [("[1-3]", ("1", "2", "3"))], id="range-hyphen"),
        pytest.param("Prices rose [1–3].", [("[1–3]", ("1", "2", "3"))], id="range-en-dash"),
        pytest.param("See the note [a].", [("[a]", ("a",))], id="letter"),
        pytest.param("As shown [smith2024].", [("[smith2024]", ("smith2024",))], id="key"),
        pytest.param("A footnote[^1].", [("[^1]", ("^1",))], id="markdown-footnote"),
        pytest.param("They signed the deal.[3]", [("[3]", ("3",))], id="after-full-stop"),
        pytest.param("Both [1] and [2].", [("[1]", ("1",)), ("[2]", ("2",))], id="two-markers"),
        pytest.param("He [Musk] said so.", [], id="editorial-insertion"),
        pytest.param("It was [sic] wrong.", [], id="sic"),
        pytest.param("See https://example.com/a[1] now.", [], id="inside-url"),
        pytest.param("Index x=[1] here.", [], id="code-like"),
        pytest.param("Plain text.", [], id="none"),
    ],
)
def test_find_markers_forms(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    found = [(text[m.span[0] : m.span[1]], m.labels) for m in find_markers(text)]
    assert found == expected


def test_a_marker_on_the_line_after_a_url_is_a_citation() -> None:
    text = "Read it at https://example.org/report\n[1] The port reopened."
    assert [m.labels for m in find_markers(text)] == [("1",)]
