"""Split a document's prose into sentences that keep their citation markers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from copydesk.models import Citation, Document, Segment
from copydesk.pipeline.markers import find_markers, is_marker

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# Runs of blanks, line breaks and tabs, which the tokenizer makes tokens of.
BLANKS = re.compile(r"\s{2,}|[^\S ]")
# spaCy refuses texts over nlp.max_length; longer blocks are cut at line breaks.
CHUNK_CHARS = 100_000


def segment(document: Document, nlp: Language) -> tuple[Segment, ...]:
    """Return the sentences of ``document`` in order, with their citations."""
    return segment_all([document], nlp)[0]


def segment_all(documents: list[Document], nlp: Language) -> list[tuple[Segment, ...]]:
    """Return the sentences of each document, parsed in one batch.

    spaCy reads many short texts (the sources an article cites) faster in one
    batch than one call at a time.
    """
    chunks = [(document, *chunk) for document in documents for chunk in chunk_blocks(document)]
    found: dict[int, list[Segment]] = {id(document): [] for document in documents}
    docs = nlp.pipe(without_blanks(nlp, text) for _, _, text in chunks)
    for (document, offset, _), doc in zip(chunks, docs, strict=True):
        for sent in doc.sents:
            add_sentence(found[id(document)], document, sent, offset)
    return [tuple(found[id(document)]) for document in documents]


def without_blanks(nlp: Language, text: str) -> Doc | str:
    """Return the words of a text with single spaces between them, unparsed.

    Markup is blanked, not deleted, so that offsets stay those of the file:
    "**Velmora Inc.** said" reads "Velmora Inc.   said", and a line break
    falls inside a wrapped sentence. The parser takes such runs of blanks for
    words and reads the sentence differently; it is given the words alone,
    and each keeps its offset in the text (``doc.user_data["at"]``, keyed by
    the word's offset in the new text, which merging a marker leaves alone).
    """
    from spacy.tokens import Doc

    if not BLANKS.search(text):
        return text  # single spaces only: the words are the text
    words = [token for token in nlp.make_doc(text) if not token.is_space]
    doc = Doc(
        nlp.vocab,
        words=[token.text for token in words],
        spaces=[
            token.i + 1 < len(token.doc) and (bool(token.whitespace_) or token.nbor().is_space)
            for token in words
        ],
    )
    doc.user_data["at"] = {new.idx: token.idx for new, token in zip(doc, words, strict=True)}
    return doc


def at(token: Token) -> int:
    """Return where a token starts in the text its document was made from."""
    return token.doc.user_data.get("at", {}).get(token.idx, token.idx)


def chunk_blocks(document: Document) -> Iterator[tuple[int, str]]:
    """Yield (offset, text) for each prose block, cutting very long ones."""
    for start, end in document.blocks:
        while end - start > CHUNK_CHARS:
            cut = document.view.rfind("\n", start, start + CHUNK_CHARS)
            if cut <= start:
                cut = document.view.rfind(" ", start, start + CHUNK_CHARS)
            if cut <= start:
                cut = start + CHUNK_CHARS
            yield start, document.view[start:cut]
            start = cut
        yield start, document.view[start:end]


def add_sentence(segments: list[Segment], document: Document, sent: SpacySpan, offset: int) -> None:
    """Append one spaCy sentence, or fold a stray marker into the one before."""
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return
    citations = tuple(citations_in(tokens, offset))
    has_words = any(t.is_alpha or t.like_num for t in tokens if not is_marker(t))
    if not has_words:
        # A marker the parser left on its own ("... OpenAI" / "[1].") belongs to
        # the sentence it ends.
        if segments and citations:
            last = segments[-1]
            segments[-1] = replace(last, citations=last.citations + citations)
        return
    start = offset + at(tokens[0])
    end = offset + at(tokens[-1]) + len(tokens[-1].text)
    segments.append(
        Segment(
            index=len(segments),
            span=(start, end),
            text=document.text[start:end],
            citations=citations,
            sent=sent,
        )
    )


def citations_in(tokens: Iterable, offset: int) -> Iterator[Citation]:
    """Yield one Citation per label of each marker token."""
    for token in tokens:
        if not is_marker(token):
            continue
        span = marker_span(token.text, offset + at(token))
        for label in token._.citation:
            yield Citation(label=label, span=span)


def marker_span(token_text: str, start: int) -> tuple[int, int]:
    """Return the span of the marker inside a marker token.

    The tokenizer does not always split after ``]``: in "rose [1-3]é" the
    marker token is ``[1-3]é``, and the citation must still point at ``[1-3]``
    (found by fuzzing).
    """
    markers = find_markers(token_text)
    if markers:
        left, right = markers[0].span
        return start + left, start + right
    return start, start + len(token_text)
