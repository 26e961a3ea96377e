"""Read an article (a file or standard input) into a ``Document``.

This is the only stage that touches files.  Markup is never deleted: it is
blanked with spaces in ``Document.view`` so that offsets found by later stages
are offsets into the text exactly as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from copydesk import errors
from copydesk.dates import parse_iso, resolve_date
from copydesk.errors import InputError
from copydesk.models import Document, Format, Span, line_starts

SUFFIXES = {".txt": Format.TEXT, ".text": Format.TEXT, ".md": Format.MARKDOWN,
            ".markdown": Format.MARKDOWN, ".html": Format.HTML, ".htm": Format.HTML}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# "HOUSTON, May 7, 2026 — " or "MEMPHIS, Tenn., May 7, 2026 -- "; the dateline is
# metadata, not a claim, so it is blanked out of the view.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]+(?:, [A-Z][A-Za-z.]+)?),\s+"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8} \d{4})|"
    r"(?:\d{4}-\d{2}-\d{2}))\s*(?:—|–|--|-)\s*"
)
BLANK_LINE = re.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)")


def read_document(path: Path, *, published: date | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the article at ``path``; ``published`` overrides its own date."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(errors.UNKNOWN_FORMAT.format(suffix=path.suffix), path=str(path))
    try:
        if not path.exists():
            raise InputError(errors.MISSING_FILE, path=str(path))
        if not path.is_file():
            raise InputError(errors.NOT_A_FILE, path=str(path))
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(errors.TOO_LARGE.format(size=size, limit=max_bytes), path=str(path))
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(errors.UNREADABLE.format(reason=exc.strerror or exc), path=str(path)) from exc
    return parse_document(data, str(path), fmt, published=published)


def read_stream(stream: BinaryIO, *, name: str = "-", published: date | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an article from a binary stream such as standard input."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(errors.TOO_LARGE.format(size=f"over {max_bytes}", limit=max_bytes),
                         path=name)
    return parse_document(data, name, sniff_format(data), published=published)


def sniff_format(data: bytes) -> Format:
    """Guess the format of text that came without a file name."""
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<p", b"<body", b"<article", b"<h1")):
        return Format.HTML
    if head.startswith(b"---") or re.search(rb"^#{1,6} |\[\^[^\]]+\]", head, re.M):
        return Format.MARKDOWN
    return Format.TEXT


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed), refusing binary data with a clear error."""
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise InputError(errors.BINARY.format(offset=nul), path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            errors.NOT_UTF8.format(byte=data[exc.start], offset=exc.start), path=name
        ) from exc


def parse_document(data: bytes, name: str, fmt: Format, *,
                   published: date | None = None) -> Document:
    """Turn the bytes of an article into a ``Document``."""
    text = decode(data, name)
    if not text.strip():
        raise InputError(errors.EMPTY_ARTICLE, path=name)
    if fmt is Format.MARKDOWN:
        layout = markdown_layout(text)
    elif fmt is Format.HTML:
        layout = html_layout(text)
    else:
        layout = Layout(view=text, blocks=paragraphs(text, 0, len(text)))
    view, blocks, dateline_date = blank_dateline(layout.view, layout.blocks)
    return Document(
        path=name,
        text=text,
        format=fmt,
        view=view,
        blocks=blocks,
        published=published or layout.published or dateline_date,
        footnotes=layout.footnotes,
        line_starts=line_starts(text),
    )


@dataclass
class Layout:
    """What a format parser found: the masked view, prose blocks and metadata."""

    view: str
    blocks: tuple[Span, ...]
    published: date | None = None
    footnotes: tuple[tuple[str, str], ...] = ()


def paragraphs(text: str, start: int, end: int) -> tuple[Span, ...]:
    """Split ``text[start:end]`` at blank lines into trimmed, non-empty spans."""
    spans = []
    cursor = start
    for match in BLANK_LINE.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return tuple(trimmed for s, e in spans if (trimmed := trim(text, s, e)))


def trim(text: str, start: int, end: int) -> Span | None:
    """Return the span without surrounding whitespace, or None when empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def blank_dateline(view: str, blocks: tuple[Span, ...]) -> tuple[str, tuple[Span, ...], date | None]:
    """Blank a leading dateline such as ``MEMPHIS, May 7, 2026 —`` and read its date."""
    if not blocks:
        return view, blocks, None
    start, end = blocks[0]
    match = DATELINE.match(view, start, end)
    if not match:
        return view, blocks, None
    found = resolve_date(match.group("date"), None)
    when = parse_iso(found) if found else None
    view = view[: match.start()] + " " * (match.end() - match.start()) + view[match.end():]
    return view, ((match.end(), end), *blocks[1:]), when


def mask(text: str, keep: list[Span]) -> str:
    """Return ``text`` with everything outside ``keep`` blanked (newlines stay)."""
    chars = [c if c in "\r\n" else " " for c in text]
    for start, end in keep:
        chars[start:end] = text[start:end]
    return "".join(chars)


# --- Markdown -----------------------------------------------------------------

def markdown_layout(text: str) -> Layout:
    """Find the prose paragraphs, front matter and footnotes of a Markdown text."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").use(front_matter_plugin).use(footnote_plugin).enable("table")
    tokens = md.parse(text)
    starts = newline_starts(text)
    keep: list[Span] = []
    blocks: list[Span] = []
    footnotes: list[tuple[str, str]] = []
    published = None
    in_footnote: str | None = None
    parent = ""
    for token in tokens:
        if token.type == "front_matter":
            published = front_matter_date(token.content, text)
        elif token.type == "footnote_block_open":
            in_footnote = ""
        elif token.type == "footnote_open":
            in_footnote = str(token.meta.get("label", token.meta.get("id", "")))
        elif token.type == "inline" and token.map and in_footnote:
            footnotes.append((in_footnote, token.content))
        elif token.type == "inline" and token.map and parent == "paragraph_open":
            start = starts[token.map[0]]
            end = starts[token.map[1]] if token.map[1] < len(starts) else len(text)
            pieces = inline_pieces(text, start, end, token.children or [])
            keep.extend(pieces)
            if pieces and (span := trim(text, pieces[0][0], pieces[-1][1])):
                blocks.append(span)
        if token.nesting == 1:
            parent = token.type
    return Layout(view=mask(text, keep), blocks=tuple(blocks), published=published,
                  footnotes=tuple(footnotes))


def inline_pieces(text: str, start: int, end: int, children: list) -> list[Span]:
    """Locate the visible text of a paragraph's inline tokens in the source."""
    pieces: list[Span] = []
    cursor = start
    for child in children:
        if child.type == "text" and child.content:
            needle = child.content
        elif child.type == "footnote_ref":
            needle = f"[^{child.meta.get('label', '')}]"
        elif child.type == "code_inline":
            # Code is not prose: skip past it so nothing inside becomes a claim.
            found = text.find(child.content, cursor, end)
            cursor = found + len(child.content) if found >= 0 else cursor
            continue
        else:
            continue
        found = text.find(needle, cursor, end)
        if found < 0:
            continue  # an escaped or entity-encoded piece: leave it blanked
        pieces.append((found, found + len(needle)))
        cursor = found + len(needle)
    return pieces


def newline_starts(text: str) -> list[int]:
    """Return line starts as markdown-it counts lines (after ``\\n`` only)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def front_matter_date(content: str, text: str) -> date | None:
    """Read ``date:`` from YAML front matter; other keys are kept by nobody yet."""
    import yaml

    try:
        meta = yaml.safe_load(content)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise InputError(errors.YAML_SYNTAX.format(problem=getattr(exc, "problem", exc)),
                         line=line) from exc
    if not isinstance(meta, dict):
        return None
    for key in ("date", "published", "pubdate"):
        if key in meta:
            when = parse_iso(meta[key])
            if when is None and isinstance(meta[key], str):
                found = resolve_date(meta[key], None)
                when = parse_iso(found) if found else None
            return when
    return None


# --- HTML ---------------------------------------------------------------------

SKIPPED_TAGS = {"script", "style", "head", "title", "noscript", "template", "svg",
                "h1", "h2", "h3", "h4", "h5", "h6", "nav", "header", "footer", "code", "pre",
                "figcaption", "button", "select", "textarea"}
BLOCK_TAGS = {"p", "li", "blockquote", "div", "section", "article", "td", "th", "dd", "dt",
              "br", "hr", "main", "aside", "ul", "ol", "table", "tr", "body", "figure"}
VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed",
             "source", "track", "wbr"}
DATE_META = {"date", "pubdate", "publish-date", "article:published_time", "dc.date",
             "dc.date.issued", "datepublished"}


class _ProseFinder(HTMLParser):
    """Record where the visible prose of an HTML page is, by source offset.

    NOTE: the standard library parser is used because it reports the source
    position of every piece of text, which tree builders throw away.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = newline_starts(text)
        self.skip_depth = 0
        self.keep: list[Span] = []
        self.blocks: list[Span] = []
        self.block: Span | None = None
        self.published: date | None = None

    def source_offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def close_block(self) -> None:
        if self.block is not None and (span := trim(self.text, *self.block)):
            self.blocks.append(span)
        self.block = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("name") or values.get("property") or values.get("itemprop") or "").lower()
            if key in DATE_META and self.published is None:
                self.published = parse_iso(values.get("content", "")[:10])
        if tag in BLOCK_TAGS:
            self.close_block()
        if tag in SKIPPED_TAGS and tag not in VOID_TAGS:
            self.skip_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.close_block()
        if tag in SKIPPED_TAGS and tag not in VOID_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                self.close_block()

    def add(self, start: int, end: int) -> None:
        if self.skip_depth:
            return
        self.keep.append((start, end))
        self.block = (self.block[0], end) if self.block else (start, end)

    def handle_data(self, data: str) -> None:
        start = self.source_offset()
        self.add(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        start = self.source_offset()
        self.add(start, start + len(name) + 2)

    def handle_charref(self, name: str) -> None:
        start = self.source_offset()
        self.add(start, start + len(name) + 3)


def html_layout(text: str) -> Layout:
    """Find the prose blocks and publication date of an HTML page."""
    finder = _ProseFinder(text)
    finder.feed(text)
    finder.close()
    finder.close_block()
    view = mask(text, finder.keep)
    view = decode_entities(view)
    return Layout(view=view, blocks=tuple(finder.blocks), published=finder.published)


ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def decode_entities(view: str) -> str:
    """Show ``&amp;`` as ``&`` padded with spaces, keeping every offset."""
    import html

    def one(match: re.Match[str]) -> str:
        char = html.unescape(match.group(0))
        return char + " " * (len(match.group(0)) - len(char)) if len(char) == 1 else match.group(0)

    return ENTITY.sub(one, view)
