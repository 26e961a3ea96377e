"""Read an article (a file or standard input) into a ``Document``.

This is the only stage that touches files.  Markup is never deleted: it is
blanked with spaces in ``Document.view`` so that offsets found by later stages
are offsets into the text exactly as read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from copydesk import errors
from copydesk.dates import parse_iso, resolve_date
from copydesk.errors import InputError
from copydesk.models import Document, Format, Span, line_starts

SUFFIXES = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# "HOUSTON, May 7, 2026 — " or "MEMPHIS, Tenn., May 7, 2026 -- "; the dateline is
# metadata, not a claim, so it is blanked out of the view.
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’ -]+(?:, [A-Z][A-Za-z.]+)?),\s+"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8} \d{4})|"
    r"(?:\d{4}-\d{2}-\d{2}))"
    # A wire credit may follow the date: "Oct. 14, 2026 (Gulf Coast Wire) --".
    r"(?:\s*\([A-Z][^()\n]{0,60}\))?\s*(?:—|–|--|-)\s*"
)
UTF8_BOM = b"\xef\xbb\xbf"
BLANK_LINE = re.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)")


def read_document(
    path: Path, *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document:
    """Read the article at ``path``; ``published`` overrides its own date."""
    name = str(path)
    try:
        # NOTE: existence comes before the suffix, so that a mistyped folder
        # ("drafts/") is reported as missing, not as an unknown format.
        if not path.exists():
            raise InputError(errors.MISSING_FILE, path=name)
        if path.is_dir():
            raise InputError(errors.IS_A_FOLDER, path=name)
        if not path.is_file():
            raise InputError(errors.NOT_A_FILE, path=name)
        if (outside := link_target_outside_repository(path)) is not None:
            raise InputError(errors.LINK_ESCAPES.format(target=outside), path=name)
        fmt = SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            raise InputError(errors.UNKNOWN_FORMAT.format(suffix=path.suffix), path=name)
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(errors.TOO_LARGE.format(size=size, limit=max_bytes), path=name)
        with path.open("rb") as handle:
            # Never read more than the limit, even from a file that grows or that
            # reports no size (``/proc``): memory stays bounded by ``max_bytes``.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(errors.UNREADABLE.format(reason=exc.strerror or exc), path=name) from exc
    except ValueError as exc:  # a path with a NUL byte in it
        raise InputError(errors.MISSING_FILE, path=name) from exc
    if len(data) > max_bytes:
        raise InputError(
            errors.TOO_LARGE.format(size=f"over {max_bytes}", limit=max_bytes), path=name
        )
    return parse_document(data, name, fmt, published=published)


def link_target_outside_repository(path: Path) -> Path | None:
    """Return where ``path`` really is when a symlink takes it out of its repository.

    A pull request can add ``drafts/a.md`` as a link to ``~/.ssh/id_rsa``; the
    report would then print the secret into the CI log.  Outside a repository
    (no ``.git`` above the file) links are followed as usual.
    """
    absolute = Path(os.path.abspath(path))
    root = next((p for p in absolute.parents if (p / ".git").exists()), None)
    if root is None:
        return None
    target = absolute.resolve()
    return None if target.is_relative_to(root.resolve()) else target


def read_stream(
    stream: BinaryIO,
    *,
    name: str = "-",
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read an article from a binary stream such as standard input."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            errors.TOO_LARGE.format(size=f"over {max_bytes}", limit=max_bytes), path=name
        )
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
    # NOTE: a NUL anywhere, not just near the start: markdown-it turns NUL into
    # U+FFFD, which would break the one-to-one map between text and view.
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(errors.BINARY.format(offset=nul), path=name)
    skip = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        # NOTE: offsets count the BOM, so that they are offsets in the file: with
        # "utf-8-sig", b"\xef\xbb\xbfcaf\xe9" reported byte 0x66 at offset 3.
        offset = skip + exc.start
        raise InputError(
            errors.NOT_UTF8.format(byte=data[offset], offset=offset), path=name
        ) from exc


def parse_document(
    data: bytes, name: str, fmt: Format, *, published: date | None = None
) -> Document:
    """Turn the bytes of an article into a ``Document``."""
    text = decode(data, name)
    if not text.strip():
        raise InputError(errors.EMPTY_ARTICLE, path=name)
    try:
        if fmt is Format.MARKDOWN:
            layout = markdown_layout(text)
        elif fmt is Format.HTML:
            layout = html_layout(text)
        else:
            layout = Layout(view=text, blocks=paragraphs(text, 0, len(text)))
    except InputError as exc:
        exc.path = exc.path or name
        raise
    # Trim on the view: "\xa0<!doctype html>\x0c" is one block of text whose
    # prose is only blanks (found by fuzzing).
    blocks = tuple(span for s, e in layout.blocks if (span := trim(layout.view, s, e)))
    view, blocks, dateline_date = blank_dateline(layout.view, blocks)
    if not blocks:
        # An HTML page whose text is all in <script>, or Markdown that is only
        # front matter and code, would otherwise pass a CI gate unchecked.
        raise InputError(errors.NO_PROSE, path=name)
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


def blank_dateline(
    view: str, blocks: tuple[Span, ...]
) -> tuple[str, tuple[Span, ...], date | None]:
    """Blank a leading dateline such as ``MEMPHIS, May 7, 2026 —`` and read its date."""
    if not blocks:
        return view, blocks, None
    start, end = blocks[0]
    match = DATELINE.match(view, start, end)
    if not match:
        return view, blocks, None
    found = resolve_date(match.group("date"), None)
    when = parse_iso(found) if found else None
    # Newlines stay, as in ``mask``: "HOUSTON, May 7, 2026 --\nText" keeps its line break.
    blanked = "".join(c if c in "\r\n" else " " for c in view[match.start() : match.end()])
    view = view[: match.start()] + blanked + view[match.end() :]
    # A paragraph that is nothing but a dateline leaves no prose behind.
    rest = trim(view, match.end(), end)
    return view, ((rest,) if rest else ()) + tuple(blocks[1:]), when


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
    starts = markdown_line_starts(text)
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
    return Layout(
        view=mask(text, keep), blocks=tuple(blocks), published=published, footnotes=tuple(footnotes)
    )


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


def markdown_line_starts(text: str) -> list[int]:
    """Return line starts as markdown-it counts them (it reads CRLF and CR as LF)."""
    return [0] + [m.end() for m in re.finditer(r"\r\n?|\n", text)]


def newline_starts(text: str) -> list[int]:
    """Return line starts as ``HTMLParser.getpos`` counts lines (after ``\\n`` only)."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def front_matter_date(content: str, text: str) -> date | None:
    """Read ``date:`` from YAML front matter; other keys are kept by nobody yet.

    The YAML is read as safely as a sources registry: safe constructors only,
    no aliases, and a bad value is an error with its line, never a traceback.
    """
    import yaml

    from copydesk.yamlfile import YamlProblem, check_structure

    loader = None
    try:
        # The parser checks every character as it reads: both steps inside the try.
        check_structure(
            content,
            alias_message=errors.YAML_ALIAS_FRONT_MATTER,
            first_line=FRONT_MATTER_FIRST_LINE,
        )
        loader = front_matter_loader()(content)
        meta = loader.get_single_data()
    except YamlProblem as exc:
        raise InputError(exc.message, line=exc.line, column=exc.column) from exc
    except yaml.YAMLError as exc:
        problem, line, column = yaml_problem(exc, content)
        raise InputError(
            errors.YAML_SYNTAX.format(problem=problem),
            line=line + FRONT_MATTER_FIRST_LINE if line is not None else None,
            column=column + 1 if column is not None else None,
        ) from exc
    finally:
        if loader is not None:
            loader.dispose()
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


def yaml_problem(exc: Exception, source: str) -> tuple[str, int | None, int | None]:
    """Return a PyYAML error as one line of text and its 0-based line and column."""
    import yaml

    if isinstance(exc, yaml.reader.ReaderError):
        # "unacceptable character #x000c" is raised with a position, not a mark.
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        line = source.count("\n", 0, exc.position)
        column = exc.position - (source.rfind("\n", 0, exc.position) + 1)
        return f"character U+{char:04X} is not allowed in YAML ({exc.reason})", line, column
    mark = getattr(exc, "problem_mark", None)
    problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
    return problem, (mark.line if mark else None), (mark.column if mark else None)


# Front matter starts after the opening ``---``, on the article's second line.
FRONT_MATTER_FIRST_LINE = 2


@lru_cache(maxsize=1)
def front_matter_loader() -> type:
    """Return a safe YAML loader whose bad values fail with their article line."""
    import yaml

    from copydesk.yamlfile import ValueLines

    class FrontMatterLoader(ValueLines, yaml.SafeLoader):
        first_line = FRONT_MATTER_FIRST_LINE

    return FrontMatterLoader


# --- HTML ---------------------------------------------------------------------

SKIPPED_TAGS = {
    "script",
    "style",
    "head",
    "title",
    "noscript",
    "template",
    "svg",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "nav",
    "header",
    "footer",
    "code",
    "pre",
    "figcaption",
    "button",
    "select",
    "textarea",
}
BLOCK_TAGS = {
    "p",
    "li",
    "blockquote",
    "div",
    "section",
    "article",
    "td",
    "th",
    "dd",
    "dt",
    "br",
    "hr",
    "main",
    "aside",
    "ul",
    "ol",
    "table",
    "tr",
    "body",
    "figure",
}
VOID_TAGS = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
}
DATE_META = {
    "date",
    "pubdate",
    "publish-date",
    "article:published_time",
    "dc.date",
    "dc.date.issued",
    "datepublished",
}


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
        # A <time datetime> in the page's <header> (or marked ``pubdate`` or
        # ``itemprop="datePublished"``) dates the page when no <meta> does;
        # a <time> in the prose may be any event's date.
        self.header_depth = 0
        self.stamped: date | None = None

    def parse_html_declaration(self, i: int) -> int:
        """Read ``<![...]>`` that is not CDATA as a bogus comment, as browsers do.

        The standard library raises AssertionError on ``<![img ...`` (found by
        fuzzing); Python 3.13 switched to the browsers' behaviour.
        """
        if self.rawdata.startswith("<![", i):
            position = self.lineno, self.offset
            try:
                return super().parse_html_declaration(i)
            except AssertionError:
                # The parser may have moved its position before it gave up
                # ("<![3] [sic]", found by fuzzing): put it back.
                self.lineno, self.offset = position
                return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)

    def source_offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def close_block(self) -> None:
        if self.block is not None and (span := trim(self.text, *self.block)):
            self.blocks.append(span)
        self.block = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"meta", "time"}:
            self.note_date(tag, {k.lower(): (v or "") for k, v in attrs})
        if tag == "header":
            self.header_depth += 1
        if tag in BLOCK_TAGS:
            self.close_block()
        if tag in SKIPPED_TAGS and tag not in VOID_TAGS:
            self.skip_depth += 1

    def note_date(self, tag: str, values: dict[str, str]) -> None:
        """Remember the page's date from a <meta>, or from a <time> in its header."""
        if tag == "meta" and self.published is None:
            key = values.get("name") or values.get("property") or values.get("itemprop") or ""
            if key.lower() in DATE_META:
                self.published = parse_iso(values.get("content", "")[:10])
        elif tag == "time" and self.stamped is None:
            marked = "pubdate" in values or values.get("itemprop", "").lower() == "datepublished"
            if self.header_depth or marked:
                self.stamped = parse_iso(values.get("datetime", "")[:10])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag == "header":
            self.header_depth = max(0, self.header_depth - 1)
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
        self.add(start, self.reference_end(start + len(name) + 1))

    def handle_charref(self, name: str) -> None:
        start = self.source_offset()
        self.add(start, self.reference_end(start + len(name) + 2))

    def reference_end(self, end: int) -> int:
        """Return where ``&name`` ends: past its ``;``, which HTML lets authors omit."""
        return end + 1 if self.text.startswith(";", end) else end


def html_layout(text: str) -> Layout:
    """Find the prose blocks and publication date of an HTML page."""
    finder = _ProseFinder(text)
    finder.feed(text)
    finder.close()
    finder.close_block()
    view = mask(text, finder.keep)
    view = decode_entities(view)
    published = finder.published or finder.stamped
    return Layout(view=view, blocks=tuple(finder.blocks), published=published)


ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def decode_entities(view: str) -> str:
    """Show ``&amp;`` as ``&`` padded with spaces, keeping every offset."""
    import html

    def one(match: re.Match[str]) -> str:
        char = html.unescape(match.group(0))
        return char + " " * (len(match.group(0)) - len(char)) if len(char) == 1 else match.group(0)

    return ENTITY.sub(one, view)
