"""Find the inline suppressions of an article: ``<!-- copydesk: ignore CD201 -->``.

One syntax for every format.  In Markdown and HTML it is an ordinary comment,
which readers never see and the read stage already blanks out of the view.  In
plain text the same comment is the equivalent: it can never be prose, a heading
or a citation marker, and this stage blanks it out of the view so that it never
becomes a claim.

- ``<!-- copydesk: ignore CD201 -->`` applies to the next sentence.
- ``<!-- copydesk: ignore-paragraph CD201, CD202 -->`` applies to the paragraph
  of the next sentence.

A suppression always names at least one rule code; a bare ``ignore``, an
unknown action or an unknown code is an error naming the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from copydesk import errors
from copydesk.errors import SuppressionError
from copydesk.models import Document, Format, Span
from copydesk.pipeline.read import trim
from copydesk.rules import RULES_BY_CODE

COMMENT = re.compile(r"<!--\s*copydesk\s*:(?P<body>.*?)-->", re.DOTALL | re.IGNORECASE)
ACTIONS = {"ignore": False, "ignore-paragraph": True}


@dataclass(frozen=True, slots=True)
class Directive:
    """One inline suppression: where it is written and the codes it names."""

    span: Span  # the whole comment, offsets into Document.text
    line: int
    codes: tuple[str, ...]
    paragraph: bool  # ``ignore-paragraph`` rather than ``ignore``
    text: str  # the comment as written, for messages

    @property
    def action(self) -> str:
        """Return ``ignore`` or ``ignore-paragraph``."""
        return "ignore-paragraph" if self.paragraph else "ignore"


def find_directives(document: Document) -> tuple[Document, tuple[Directive, ...]]:
    """Return the document (plain-text comments blanked from its view) and its directives."""
    found = tuple(parse_directive(document, match) for match in COMMENT.finditer(document.text))
    if found and document.format is Format.TEXT:
        document = blank(document, [d.span for d in found])
    return document, found


def parse_directive(document: Document, match: re.Match[str]) -> Directive:
    """Read one ``copydesk:`` comment; raise SuppressionError when it is malformed."""
    line = document.position(match.start())[0]
    words = match.group("body").replace(",", " ").split()
    if not words:
        raise SuppressionError(errors.SUPPRESSION_NO_CODE, path=document.path, line=line)
    action, codes = words[0].lower(), words[1:]
    if action not in ACTIONS:
        raise SuppressionError(
            errors.SUPPRESSION_UNKNOWN_ACTION.format(action=words[0]), path=document.path, line=line
        )
    if not codes:
        raise SuppressionError(errors.SUPPRESSION_NO_CODE, path=document.path, line=line)
    for code in codes:
        if code.upper() not in RULES_BY_CODE:
            raise SuppressionError(
                errors.SUPPRESSION_UNKNOWN_CODE.format(code=code), path=document.path, line=line
            )
    return Directive(
        span=match.span(),
        line=line,
        codes=tuple(c.upper() for c in codes),
        paragraph=ACTIONS[action],
        text=" ".join(match.group(0).split()),
    )


def blank(document: Document, spans: list[Span]) -> Document:
    """Blank ``spans`` in the view (newlines stay) and trim the prose blocks around them."""
    chars = list(document.view)
    for start, end in spans:
        chars[start:end] = [c if c in "\r\n" else " " for c in document.view[start:end]]
    view = "".join(chars)
    blocks = tuple(span for s, e in document.blocks if (span := trim(view, s, e)))
    return replace(document, view=view, blocks=blocks)
