"""The values that flow through the pipeline, from document to report.

Every model is a frozen dataclass of tuples; stages return new values with
``dataclasses.replace`` instead of mutating.  Offsets are ``str`` indices into
``Document.text``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

Span = tuple[int, int]
LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Format(str, Enum):
    """The article formats copydesk reads."""

    TEXT = "txt"
    MARKDOWN = "md"
    HTML = "html"


class ClaimKind(str, Enum):
    """What a claim is: a checkable fact or the writer's own judgement."""

    FACTUAL = "factual"
    OPINION = "opinion"


class VerdictLabel(str, Enum):
    """The three verdicts of the contract, ordered by how much they matter."""

    SUPPORTED = "supported"
    OPINION = "opinion"
    UNSUPPORTED = "unsupported"


class Reason(str, Enum):
    """Why a claim got its verdict (the contract's reason vocabulary)."""

    SUPPORTED = "supported"
    UNCITED = "uncited"
    DANGLING_CITATION = "dangling-citation"
    SOURCE_UNAVAILABLE = "source-unavailable"
    NOT_IN_SOURCE = "not-in-source"
    CONTRADICTED = "contradicted"
    OPINION = "opinion"
    UNUSED_SOURCE = "unused-source"
    UNUSED_SUPPRESSION = "unused-suppression"
    STALE_REVIEW = "stale-review"


class Level(str, Enum):
    """How serious a finding is; ``--fail-on`` picks the threshold."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Return the level's rank, higher is more serious."""
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class FailOn(str, Enum):
    """The lowest severity that fails the run (exit code 1)."""

    UNSUPPORTED = "unsupported"
    WARNING = "warning"
    OPINION = "opinion"
    NEVER = "never"


class SuppressionKind(str, Enum):
    """What took a claim out of the gate."""

    INLINE = "inline"  # a ``<!-- copydesk: ignore CD201 -->`` comment in the article
    CONFIG = "config"  # select, ignore or per_file_ignores
    LEDGER = "ledger"  # an editor's review in the claims ledger


@dataclass(frozen=True, slots=True)
class Suppression:
    """Why a claim keeps its verdict but does not count toward the exit code."""

    kind: SuppressionKind
    note: str  # the comment, the setting or the editor's review, as written
    path: str | None = None  # the file that holds it (config or ledger); None: the article
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: its text, a same-length view for NLP, its prose."""

    path: str
    text: str
    format: Format
    # ``view`` has the same length as ``text``: markup, code and comments are
    # blanked with spaces so that every offset found in it is an offset in text.
    view: str
    blocks: tuple[Span, ...]
    published: date | None = None
    footnotes: tuple[tuple[str, str], ...] = ()
    line_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset."""
        starts = self.line_starts or line_starts(self.text)
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


def line_starts(text: str) -> tuple[int, ...]:
    """Return the offset at which each line of ``text`` starts (after LF, CRLF or CR)."""
    return (0, *(match.end() for match in LINE_BREAK.finditer(text)))


@dataclass(frozen=True, slots=True)
class Citation:
    """One label of a citation marker; ``[1, 2]`` gives two."""

    label: str
    span: Span
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence of the article with the citation markers it holds."""

    index: int
    span: Span
    text: str
    citations: tuple[Citation, ...]
    sent: SpacySpan | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount: its words, value, unit and what it counts."""

    text: str
    value: float | None
    unit: str | None = None
    counts: str | None = None


@dataclass(frozen=True, slots=True)
class Slots:
    """The checkable parts of a claim (the design's slot contract)."""

    date: str | None = None
    parties: tuple[str, ...] = ()
    location: str | None = None
    motive: str | None = None
    numbers: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class Facts:
    """What one sentence or clause states, in a form that can be compared."""

    slots: Slots
    # Content lemmas (lower case) that carry the assertion, for matching.
    terms: tuple[str, ...] = ()
    # Every ISO date and every place the text mentions, not just the main one.
    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    # The named person whose words these are ("Ruth Ngata said the festival ...").
    speaker: str | None = None
    # The dates of the saying itself ("said last week that ..."), which the
    # cited record's own date states.
    said_on: tuple[str, ...] = ()
    # The words a conjunct adds to the beginning it shares ("... would keep the
    # name and add a rooftop restaurant"): a source must state some of them.
    own_terms: tuple[str, ...] = ()
    # The party that does what the clause says, and the verb's lemma: "the
    # utility lifted the notice" -> the water authority, "lift".
    actor: str | None = None
    action: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A source sentence quoted behind a verdict."""

    source: str
    text: str
    span: Span
    score: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one claim, with the one reason and rule code behind it."""

    label: VerdictLabel
    reason: Reason
    code: str
    level: Level
    message: str
    evidence: tuple[Evidence, ...] = ()
    missing: tuple[str, ...] = ()
    contradicted: tuple[str, ...] = ()
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement as it appears in the draft."""

    id: str
    text: str
    span: Span
    kind: ClaimKind
    facts: Facts
    citations: tuple[Citation, ...] = ()
    opinion_cue: str | None = None
    duplicate_of: str | None = None
    verdict: Verdict | None = None
    sentence: int = 0  # index of the sentence the claim comes from
    part: str = "main"  # main clause, or the kind of clause split off it
    suppressed_by: Suppression | None = None


@dataclass(frozen=True, slots=True)
class SourceSentence:
    """One sentence of a source's text with what it states."""

    span: Span
    text: str
    facts: Facts


@dataclass(frozen=True, slots=True)
class Source:
    """One record of a sources registry."""

    label: str
    title: str
    line: int
    text: str | None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None
    file: str | None = None
    problem: str | None = None  # why ``text`` is None (e.g. a missing file)
    extra: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Registry:
    """A loaded sources.yaml."""

    path: str
    sources: tuple[Source, ...]

    def get(self, label: str) -> Source | None:
        """Return the record for ``label``, or None when there is none."""
        for source in self.sources:
            if source.label == label:
                return source
        return None


@dataclass(frozen=True, slots=True)
class Finding:
    """A file-level finding that is not about one claim (an unused source)."""

    code: str
    reason: Reason
    level: Level
    message: str
    label: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """Everything copydesk found in one article."""

    path: str
    document: Document
    registry: str | None
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class FileError:
    """An article that could not be checked, and why."""

    path: str
    message: str
    code: str = "E100"
    line: int | None = None  # in the article, when the problem is there
    column: int | None = None

    def where(self) -> str:
        """Return ``path:line:column`` for as much of it as is known."""
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)


@dataclass(frozen=True, slots=True)
class Report:
    """The single input of every reporter."""

    tool_version: str
    articles: tuple[ArticleReport, ...]
    errors: tuple[FileError, ...] = ()
    config_path: str | None = None
