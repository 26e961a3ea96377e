"""Reading articles: formats, metadata, and bad input with clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from copydesk.errors import InputError
from copydesk.models import Format
from copydesk.pipeline.read import parse_document, read_document


def prose(text: str, fmt: Format) -> list[str]:
    document = parse_document(text.encode(), f"a.{fmt.value}", fmt)
    assert len(document.view) == len(document.text)
    return [" ".join(document.view[s:e].split()) for s, e in document.blocks]


def test_read_markdown_front_matter_markup_and_footnotes() -> None:
    text = (
        "---\ntitle: Budget\ndate: 2026-05-07\n---\n\n# The council votes\n\n"
        "The **council** approved a [budget](https://example.org/b) of $3 million [^1].\n"
        "It ran `code [2]` past midnight.\n\n"
        "[^1]: City Hall minutes, May 7, 2026.\n"
    )
    document = parse_document(text.encode(), "a.md", Format.MARKDOWN)
    assert document.published == date(2026, 5, 7)
    assert document.footnotes == (("1", "City Hall minutes, May 7, 2026."),)
    assert prose(text, Format.MARKDOWN) == [
        "The council approved a budget of $3 million [^1]. It ran past midnight."
    ]


def test_read_html_ignores_scripts_styles_comments_and_headings() -> None:
    text = (
        '<html><head><title>T</title><meta name="date" content="2026-05-07">'
        "<style>p { color: red }</style></head><body><h1>Headline [9]</h1>"
        "<p>AT&amp;T signed <b>a deal</b> [1].<!-- hidden [8] --></p>"
        '<script>var label = "[5]";</script><p>Second paragraph.</p></body></html>'
    )
    document = parse_document(text.encode(), "a.html", Format.HTML)
    assert document.published == date(2026, 5, 7)
    assert prose(text, Format.HTML) == ["AT& T signed a deal [1].", "Second paragraph."]


def test_read_text_dateline_gives_date_and_is_not_prose() -> None:
    text = "MEMPHIS, Tenn., May 7, 2026 — SpaceX signed a lease.\n\nSecond paragraph.\n"
    document = parse_document(text.encode(), "a.txt", Format.TEXT)
    assert document.published == date(2026, 5, 7)
    assert prose(text, Format.TEXT) == ["SpaceX signed a lease.", "Second paragraph."]


def test_read_text_dateline_with_a_wire_credit() -> None:
    text = "BRAYMOOR, Texas, Oct. 14, 2026 (Gulf Coast Wire) -- A flange ruptured [1].\n"
    document = parse_document(text.encode(), "a.txt", Format.TEXT)
    assert document.published == date(2026, 10, 14)
    assert prose(text, Format.TEXT) == ["A flange ruptured [1]."]


def test_read_html_dateline_inside_a_paragraph_gives_date() -> None:
    text = (
        '<html><body><h1>Nurses strike</h1><p class="lede">BRANSFORD, Ill., '
        '<time datetime="2026-12-10">December 10, 2026</time> — Nurses walked out [1].</p>'
        "</body></html>"
    )
    document = parse_document(text.encode(), "a.html", Format.HTML)
    assert document.published == date(2026, 12, 10)
    assert prose(text, Format.HTML) == ["Nurses walked out [1]."]


def test_read_html_header_time_dates_the_page_but_a_time_in_the_prose_does_not() -> None:
    page = (
        "<html><body><article><header><h1>Glacier</h1>"
        '<time datetime="2026-09-09">September 9, 2026</time></header>'
        "<p>The study appeared on Monday [a].</p></article></body></html>"
    )
    assert parse_document(page.encode(), "a.html", Format.HTML).published == date(2026, 9, 9)
    event = '<html><body><p>The vote is on <time datetime="2026-10-01">October 1</time>.</p>'
    assert parse_document(event.encode(), "a.html", Format.HTML).published is None
    marked = '<html><body><p>By A. Writer, <time pubdate datetime="2026-03-02">March 2</time></p>'
    assert parse_document(marked.encode(), "a.html", Format.HTML).published == date(2026, 3, 2)
    meta = '<html><head><meta name="date" content="2026-01-05"></head><body>' + page[12:]
    assert parse_document(meta.encode(), "a.html", Format.HTML).published == date(2026, 1, 5)


def test_read_date_option_overrides_dateline() -> None:
    text = "HOUSTON, May 7, 2026 — A launch.\n"
    document = parse_document(text.encode(), "a.txt", Format.TEXT, published=date(2026, 1, 2))
    assert document.published == date(2026, 1, 2)


def test_read_bom_and_crlf_keep_offsets() -> None:
    text = "First line.\r\nSecond line here.\r\n"
    document = parse_document(b"\xef\xbb\xbf" + text.encode(), "a.txt", Format.TEXT)
    assert document.text == text
    offset = text.index("Second")
    assert document.position(offset) == (2, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "the article is empty", id="empty"),
        pytest.param(b"  \n\n ", "the article is empty", id="blank"),
        pytest.param(b"abc\x00def", "binary file (NUL byte at offset 3)", id="binary"),
        pytest.param(b"caf\xe9 au lait", "not UTF-8 text (byte 0xe9 at offset 3)", id="latin-1"),
    ],
)
def test_read_bad_bytes_give_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_document(data, "drafts/a.txt", Format.TEXT)
    assert str(caught.value).startswith("drafts/a.txt: ")
    assert message in str(caught.value)


def test_read_missing_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as caught:
        read_document(missing)
    assert str(caught.value) == f"{missing}: no such file; check the path"


def test_read_unknown_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_text("text")
    with pytest.raises(InputError, match="unknown article format '.docx'"):
        read_document(path)


def test_read_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    with pytest.raises(InputError, match="over the 100-byte limit"):
        read_document(path, max_bytes=100)
