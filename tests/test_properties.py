"""Properties of reading, segmentation and citation parsing, for any text.

hypothesis builds articles from pieces that stress the parsers (every marker
form, markup of the three formats, ``\\r\\n``, ``\\r``, a BOM, odd Unicode)
mixed with arbitrary text.  For every input:

- reading gives a ``Document`` or an ``InputError``, never another exception;
  ``view`` is as long as ``text`` and keeps its line breaks; blocks are in
  order, inside the text, do not overlap and hold prose;
- line and column agree with the offsets (``Document.position`` against a
  naive count in which ``\\r\\n``, ``\\r`` and ``\\n`` each end a line);
- every marker's span points at ``[...]`` and its labels come from it;
- sentence spans are in order, do not overlap, stay in one block and slice to
  the sentence; every citation points at a marker's characters, and every
  marker in the prose ends up in a sentence;
- the same input gives the same output.

``benchmarks/fuzz.py`` checks the same properties for longer.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from copydesk.errors import InputError
from copydesk.models import Document, Format, line_starts
from copydesk.pipeline.markers import INSERTION, LABEL_BODY, find_markers
from copydesk.pipeline.read import parse_document

BOM = "\ufeff"
FAST = settings(max_examples=200, deadline=None)
# spaCy-backed properties: a modest number of examples keeps the file under a minute.
SLOW = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

PIECES = [
    "The council",
    " approved",
    " the budget",
    " on May 6, 2026",
    " of $3 million",
    " 3.9%",
    ".",
    "!",
    "?",
    "…",
    ",",
    ";",
    " —",
    " ",
    "  ",
    "\t",
    " Dr. Smith",
    " the U.S.",
    " Tenn.",
    " “a breakthrough”",
    ' "quoted"',
    " (aside)",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\r\r",
    " [1]",
    "[2]",
    " [1, 2]",
    " [1-3]",
    " [1–3]",
    " [a]",
    " [smith2024]",
    "[^1]",
    ".[3]",
    ".[1][2]",
    " [ 1 ]",
    " [99999-1]",
    " [Musk]",
    " [sic]",
    " [a b]",
    " []",
    " [",
    "]",
    " [é]",
    " https://example.com/a[1]",
    " x=[1]",
    " [1]é",
    "é",
    "中文",
    "😀",
    "\u200b",
    "\u00a0",
    "\u2028",
    "\u0085",
    "\x0c",
    "MEMPHIS, May 7, 2026 — ",
    # Markdown
    "---\ndate: 2026-05-07\n---\n",
    "# ",
    "* ",
    "> ",
    "**",
    "`",
    "`[1]`",
    "```\n[1]\n```\n",
    "[link](https://a.b/[1])",
    "[^1]: A note.\n",
    "\\[1\\]",
    "|a|b|\n|-|-|\n",
    # HTML
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "</b>",
    "<script>'[5]'</script>",
    "<style>p{}</style>",
    "<!-- [8] -->",
    "<h1>Head [9]</h1>",
    "<code>[7]</code>",
    "&amp;",
    "&amp",
    "&#65;",
    "&bogus;",
    "<![CDATA[x]]>",
    "<![img",
    "<![3] ",
    "<!doctype html>",
    "<",
    ">",
    "&",
]

pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=30)
articles = st.builds("".join, pieces)
newlines = st.sampled_from(["\n", "\r\n", "\r"])
formats = st.sampled_from(list(Format))


def naive_position(text: str, offset: int) -> tuple[int, int]:
    """Count lines the slow way: ``\\r\\n``, a lone ``\\r`` and ``\\n`` each end one."""
    line, start = 1, 0
    for i, ch in enumerate(text[:offset]):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            line, start = line + 1, i + 1
    return line, offset - start + 1


def read(text: str, fmt: Format, bom: bool = False) -> tuple[Document | None, bytes]:
    """Parse ``text`` as ``fmt``; return None when it is refused with an InputError."""
    data = ((BOM if bom else "") + text).encode()
    try:
        return parse_document(data, f"article.{fmt.value}", fmt), data
    except InputError:
        return None, data


# --- reading --------------------------------------------------------------------------


@FAST
@given(text=articles, fmt=formats, bom=st.booleans(), newline=newlines)
def test_read_document_view_and_blocks(text: str, fmt: Format, bom: bool, newline: str) -> None:
    text = text.replace("\n", newline)
    document, _ = read(text, fmt, bom)
    if document is None:
        return
    assert document.text == text
    assert len(document.view) == len(text)
    for i, (t, v) in enumerate(zip(text, document.view, strict=True)):
        if t in "\r\n":
            assert v == t, i
        elif v not in (t, " "):
            # Only an HTML entity (&amp;) shows as another character.
            assert fmt is Format.HTML and "&" in text[max(0, i - 12) : i + 1], i
    previous_end = 0
    for start, end in document.blocks:
        assert previous_end <= start < end <= len(text)
        assert document.view[start:end].strip()
        previous_end = end


@FAST
@given(data=st.binary(max_size=200), fmt=formats)
def test_read_any_bytes_give_a_document_or_an_input_error(data: bytes, fmt: Format) -> None:
    try:
        document = parse_document(data, "article", fmt)
    except InputError as exc:
        assert str(exc).startswith("article")
        assert "\n" not in str(exc)
        return
    assert len(document.view) == len(document.text)


@FAST
@given(data=st.binary(max_size=60), bom=st.booleans())
def test_read_not_utf8_names_the_right_byte_and_offset(data: bytes, bom: bool) -> None:
    data = (BOM.encode() if bom else b"") + data.replace(b"\x00", b"")
    try:
        parse_document(data, "article", Format.TEXT)
    except InputError as exc:
        found = re.search(r"byte 0x([0-9a-f]{2}) at offset (\d+)", exc.message)
        if found is None:
            return  # empty, or no prose
        byte, offset = int(found.group(1), 16), int(found.group(2))
        assert data[offset] == byte
        start = len(BOM.encode()) if bom else 0
        data[start:offset].decode("utf-8")  # everything before it is good UTF-8


@FAST
@given(text=articles, fmt=formats, bom=st.booleans())
def test_read_same_input_same_document(text: str, fmt: Format, bom: bool) -> None:
    first, data = read(text, fmt, bom)
    second, _ = read(text, fmt, bom)
    assert first == second
    if first is not None:
        assert (first.view, first.blocks, first.published) == (
            second.view,
            second.blocks,
            second.published,
        )


# --- line and column ------------------------------------------------------------------


@FAST
@given(
    text=st.lists(
        st.sampled_from(["a", "b", " ", "\n", "\r", "\r\n", "\u2028", "\x85", "\x0c", "é", "😀"]),
        max_size=60,
    ).map("".join)
)
def test_position_agrees_with_naive_count(text: str) -> None:
    document = Document(
        path="a",
        text=text,
        format=Format.TEXT,
        view=text,
        blocks=(),
        line_starts=line_starts(text),
    )
    for offset in range(len(text) + 1):
        assert document.position(offset) == naive_position(text, offset)


@FAST
@given(
    lines=st.lists(
        st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=8),
        min_size=1,
        max_size=8,
    ),
    newline=newlines,
    bom=st.booleans(),
)
def test_position_of_each_line_start_through_the_reader(
    lines: list[str], newline: str, bom: bool
) -> None:
    text = newline.join(["Text."] + lines)
    document, _ = read(text, Format.TEXT, bom)
    assert document is not None
    offset = 0
    for number, line in enumerate(["Text."] + lines, start=1):
        assert document.position(offset) == (number, 1)
        if line:
            assert document.position(offset + len(line)) == (number, len(line) + 1)
        offset += len(line) + len(newline)


# --- citation markers -----------------------------------------------------------------


@FAST
@given(text=articles)
def test_find_markers_spans_point_at_brackets(text: str) -> None:
    markers = find_markers(text)
    assert markers == find_markers(text)
    previous_end = 0
    for marker in markers:
        start, end = marker.span
        assert previous_end <= start < end <= len(text)
        body = text[start:end]
        assert body[0] == "[" and body[-1] == "]"
        assert marker.labels and len(set(marker.labels)) == len(marker.labels)
        for label in marker.labels:
            assert label == label.strip() and (label in body or label.isdigit())
        previous_end = end


citable = st.from_regex(r"[a-z0-9][a-z0-9_.:/]{0,10}", fullmatch=True).filter(
    lambda label: not INSERTION.match(label)
)


@FAST
@given(
    labels=st.lists(citable, min_size=1, max_size=4),
    separator=st.sampled_from([",", ", ", ";"]),
    before=st.sampled_from(["The council approved it ", "It rose.", "Prices rose 4%"]),
    after=st.sampled_from([".", "", " today.", ", and fell."]),
)
def test_find_markers_reads_back_the_labels_written(
    labels: list[str], separator: str, before: str, after: str
) -> None:
    marker = "[" + separator.join(labels) + "]"
    text = before + marker + after
    (found,) = find_markers(text)
    assert found.span == (len(before), len(before) + len(marker))
    assert found.labels == tuple(dict.fromkeys(labels))
    assert all(re.fullmatch(LABEL_BODY, label) for label in found.labels)


# --- segmentation (the real English pipeline) -----------------------------------------


@pytest.fixture(scope="module")
def segmenter(nlp):  # noqa: ANN001, ANN201 - the session's spaCy pipeline
    """Return ``segment`` bound to the session's English pipeline."""
    from copydesk.pipeline.segment import segment

    return lambda document: segment(document, nlp)


def check_segments(document: Document, segments: tuple) -> None:
    """Check sentence spans and the citations they hold."""
    text, view = document.text, document.view
    previous_end = 0
    for index, sentence in enumerate(segments):
        start, end = sentence.span
        assert sentence.index == index
        assert previous_end <= start < end <= len(text)
        assert sentence.text == text[start:end]
        assert any(s <= start and end <= e for s, e in document.blocks)
        assert not view[start].isspace() and not view[end - 1].isspace()
        previous_end = end
    expected = {}
    for block_start, block_end in document.blocks:
        for marker in find_markers(view[block_start:block_end]):
            span = (block_start + marker.span[0], block_start + marker.span[1])
            expected[span] = set(marker.labels)
    found: dict[tuple[int, int], set[str]] = {}
    for sentence in segments:
        for citation in sentence.citations:
            assert citation.span in expected, text[citation.span[0] : citation.span[1]]
            assert citation.label in expected[citation.span]
            found.setdefault(citation.span, set()).add(citation.label)
    if segments:
        # A marker before the first sentence has nothing to belong to.
        first = segments[0].span[0]
        assert {s: v for s, v in expected.items() if s[0] > first} == {
            s: v for s, v in found.items() if s[0] > first
        }


@SLOW
@given(text=articles, fmt=formats, bom=st.booleans(), newline=newlines)
def test_segment_spans_in_order_and_citations_on_markers(
    segmenter,
    text: str,
    fmt: Format,  # noqa: ANN001
    bom: bool,
    newline: str,
) -> None:
    document, _ = read(text.replace("\n", newline), fmt, bom)
    assume(document is not None)
    segments = segmenter(document)
    check_segments(document, segments)
    again = segmenter(document)
    assert [(s.span, s.text, s.citations) for s in segments] == [
        (s.span, s.text, s.citations) for s in again
    ]


prose_sentences = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "The council approved the budget",
                "SpaceX signed a deal",
                "Prices rose 4% in May",
                "Dr. Smith said it was late",
            ]
        ),
        st.sampled_from(["", " [1]", " [1, 2]", " [a]", "[^1]", " [1-3]"]),
        st.sampled_from([".", ".[3]", "!", "?"]),
        st.sampled_from([" ", "\n", "\r\n", "\n\n"]),
    ),
    min_size=1,
    max_size=6,
)


@SLOW
@given(sentences=prose_sentences)
def test_segment_keeps_each_written_sentence_and_its_markers(
    segmenter,  # noqa: ANN001
    sentences: list,
) -> None:
    text = "".join(words + marker + end + gap for words, marker, end, gap in sentences)
    document, _ = read(text, Format.TEXT)
    assert document is not None
    segments = segmenter(document)
    check_segments(document, segments)
    cited = [c.label for s in segments for c in s.citations]
    written = [label for m in find_markers(text) for label in m.labels]
    assert cited == written
