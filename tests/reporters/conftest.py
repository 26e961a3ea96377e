"""A hand-built report (no spaCy) that every reporter renders, and golden files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from copydesk.models import (
    ArticleReport,
    Citation,
    Claim,
    ClaimKind,
    Document,
    Evidence,
    Facts,
    FileError,
    Finding,
    Format,
    Level,
    Quantity,
    Reason,
    Report,
    Slots,
    Suppression,
    SuppressionKind,
    Verdict,
    VerdictLabel,
    line_starts,
)
from copydesk.pipeline.verify import make_verdict

GOLDEN = Path(__file__).parent / "golden"

COLOSSUS = (
    "MEMPHIS, May 7, 2026 — SpaceX signed a deal on May 6, 2026 [1], to lease its "
    "Colossus 1 artificial-intelligence data center to Anthropic.\n"
    "The agreement provides Anthropic with critical compute capacity to scale its "
    "Claude AI models. This partnership signals a strategic shift for Elon Musk, "
    "who is currently engaged in a lawsuit against OpenAI.\n"
    "The Colossus 1 facility is located in Nashville, Tennessee [2]. The lease is "
    "worth $1.2 billion a year, or 15% of SpaceX's projected revenue [1].\n"
    "For SpaceX, the deal secures a marquee customer for its AI infrastructure [7]. "
    "Musk founded SpaceX in 2002.\n"
    "\n"
    "“The agreement provides Anthropic with critical compute capacity to scale its "
    "Claude AI models.”\n"
)
LAUNCH = (
    "---\ndate: 2026-05-08\n---\n"
    "SpaceX launched 22 Starlink satellites from Cape Canaveral on Thursday [1].\n"
)
REUTERS = (
    "SpaceX on Wednesday signed an agreement to lease its Colossus 1 "
    "artificial-intelligence data center to Anthropic, the two companies said."
)


def make_document(path: str, text: str, fmt: Format, published: date) -> Document:
    """Return a document whose paragraphs are its non-empty lines."""
    starts = line_starts(text)
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    blocks = tuple((s, e) for s, e in zip(starts, ends, strict=True) if e > s)
    return Document(
        path=path,
        text=text,
        format=fmt,
        view=text,
        blocks=blocks,
        published=published,
        line_starts=starts,
    )


def make_claim(
    document: Document,
    claim_id: str,
    sentence: str,
    verdict: Verdict,
    *,
    text: str | None = None,
    slots: Slots | None = None,
    sources: dict[str, str | None] | None = None,
    after: int = 0,
    **fields: object,
) -> Claim:
    """Return a claim on the first ``sentence`` of the document after ``after``.

    ``text`` is the clause when the claim is split out of a longer sentence;
    ``sources`` maps each cited label to its registry key (None when dangling).
    """
    start = document.text.index(sentence, after)
    citations = []
    for label, source in (sources or {}).items():
        marker = document.text.index(f"[{label}]", start)
        citations.append(Citation(label, (marker, marker + len(label) + 2), source))
    kind = ClaimKind.OPINION if verdict.label is VerdictLabel.OPINION else ClaimKind.FACTUAL
    span = (start, start + len(sentence))
    return Claim(
        id=claim_id,
        text=text or sentence,
        span=span,
        kind=kind,
        facts=Facts(slots=slots or Slots()),
        citations=tuple(citations),
        verdict=verdict,
        **fields,
    )  # type: ignore[arg-type]


def colossus_article() -> ArticleReport:
    """Return an article with every verdict, a split clause, a suppression, a repeat."""
    doc = make_document("claims/colossus.txt", COLOSSUS, Format.TEXT, date(2026, 5, 7))
    uncited = make_verdict(Reason.UNCITED, "Factual claim with no citation.", confidence=0.95)
    agreement = (
        "The agreement provides Anthropic with critical compute capacity to "
        "scale its Claude AI models."
    )
    shift = (
        "This partnership signals a strategic shift for Elon Musk, who is "
        "currently engaged in a lawsuit against OpenAI."
    )
    nashville = "The Colossus 1 facility is located in Nashville, Tennessee [2]."
    lease = "The lease is worth $1.2 billion a year, or 15% of SpaceX's projected revenue [1]."
    claims = (
        make_claim(
            doc,
            "c1",
            "SpaceX signed a deal on May 6, 2026 [1], to lease its Colossus 1 "
            "artificial-intelligence data center to Anthropic.",
            make_verdict(
                Reason.SUPPORTED,
                "Source [1] states the date, both parties and the lease.",
                evidence=(Evidence("1", REUTERS, (0, len(REUTERS)), 0.82),),
                confidence=0.9,
            ),
            text=(
                "SpaceX signed a deal on May 6, 2026, to lease its Colossus 1 "
                "artificial-intelligence data center to Anthropic."
            ),
            slots=Slots(date="2026-05-06", parties=("SpaceX", "Anthropic")),
            sources={"1": "1"},
        ),
        make_claim(
            doc,
            "c2",
            agreement,
            uncited,
            slots=Slots(parties=("Anthropic",), motive="to scale its Claude AI models"),
        ),
        make_claim(
            doc,
            "c3",
            shift,
            make_verdict(Reason.OPINION, "Writer's judgement ('signals').", confidence=0.7),
            text="This partnership signals a strategic shift for Elon Musk.",
            slots=Slots(parties=("Elon Musk",)),
            opinion_cue="signals",
        ),
        make_claim(
            doc,
            "c4",
            shift,
            uncited,
            text="Elon Musk is currently engaged in a lawsuit against OpenAI.",
            slots=Slots(parties=("Elon Musk", "OpenAI")),
        ),
        make_claim(
            doc,
            "c5",
            nashville,
            make_verdict(
                Reason.CONTRADICTED,
                "Source [2] says Memphis, Tennessee, not Nashville, Tennessee.",
                evidence=(
                    Evidence(
                        "2",
                        "The Colossus 1 facility is located in Memphis, Tennessee.",
                        (0, 56),
                        0.74,
                    ),
                ),
                contradicted=("says Memphis, Tennessee, not Nashville, Tennessee",),
                confidence=0.8,
            ),
            slots=Slots(location="Nashville, Tennessee"),
            sources={"2": "2"},
        ),
        make_claim(
            doc,
            "c6",
            lease,
            make_verdict(
                Reason.NOT_IN_SOURCE,
                "Source [1] does not state the number $1.2 billion; the number 15%.",
                evidence=(
                    Evidence(
                        "1", "Financial terms of the lease were not disclosed.", (138, 186), 0.41
                    ),
                ),
                missing=("the number $1.2 billion", "the number 15%"),
                confidence=0.5,
            ),
            slots=Slots(
                parties=("SpaceX",),
                numbers=(
                    Quantity("$1.2 billion", 1.2e9, "USD", "lease value"),
                    Quantity("15%", 15.0, "percent", "projected revenue"),
                ),
            ),
            sources={"1": "1"},
        ),
        make_claim(
            doc,
            "c7",
            "For SpaceX, the deal secures a marquee customer for its AI infrastructure [7].",
            make_verdict(Reason.DANGLING_CITATION, "Citation [7] is not in the registry."),
            slots=Slots(parties=("SpaceX",)),
            sources={"7": None},
        ),
        make_claim(
            doc,
            "c8",
            "Musk founded SpaceX in 2002.",
            uncited,
            slots=Slots(date="2002", parties=("Elon Musk", "SpaceX")),
            suppressed_by=Suppression(
                SuppressionKind.LEDGER,
                "Checked against SpaceX's history (A. Editor).",
                path="claims/colossus.ledger.yaml",
                line=4,
            ),
        ),
        make_claim(
            doc,
            "c9",
            agreement,
            uncited,
            after=COLOSSUS.index("“"),
            slots=Slots(parties=("Anthropic",), motive="to scale its Claude AI models"),
            duplicate_of="c2",
        ),
    )
    unused = Finding(
        code="CD102",
        reason=Reason.UNUSED_SOURCE,
        level=Level.WARNING,
        label="5",
        message="Source [5] (claims/sources.yaml:34) is never cited.",
    )
    return ArticleReport(
        path=doc.path,
        document=doc,
        registry="claims/sources.yaml",
        claims=claims,
        findings=(unused,),
    )


def launch_article() -> ArticleReport:
    """Return a short Markdown brief whose one claim is supported."""
    doc = make_document("briefs/launch.md", LAUNCH, Format.MARKDOWN, date(2026, 5, 8))
    sentence = "SpaceX launched 22 Starlink satellites from Cape Canaveral on Thursday [1]."
    evidence = "SpaceX launched 22 Starlink satellites from Cape Canaveral on Thursday."
    claim = make_claim(
        doc,
        "c1",
        sentence,
        make_verdict(
            Reason.SUPPORTED,
            "Source [1] states the launch, date and place.",
            evidence=(Evidence("1", evidence, (0, len(evidence)), 0.93),),
        ),
        slots=Slots(
            date="2026-05-07",
            parties=("SpaceX",),
            location="Cape Canaveral",
            numbers=(Quantity("22", 22.0, None, "Starlink satellites"),),
        ),
        sources={"1": "1"},
    )
    return ArticleReport(
        path=doc.path, document=doc, registry="briefs/launch.sources.yaml", claims=(claim,)
    )


@pytest.fixture
def sample_report() -> Report:
    """Return a report of two articles (listed out of order) and one error."""
    broken = FileError(
        path="drafts/broken.txt",
        message="not UTF-8 text (byte 0xff at offset 12); save it as UTF-8",
        code="E101",
    )
    return Report(
        tool_version="0.1.0", articles=(colossus_article(), launch_article()), errors=(broken,)
    )


@pytest.fixture
def one_claim_report() -> Callable[..., Report]:
    """Return a factory of a report with one article holding one claim."""

    def build(
        text: str, message: str, *, path: str = "drafts/story.txt", reason: Reason = Reason.UNCITED
    ) -> Report:
        doc = make_document(path, text, Format.TEXT, date(2026, 5, 7))
        claim = make_claim(doc, "c1", text.strip(), make_verdict(reason, message))
        article = ArticleReport(path=path, document=doc, registry=None, claims=(claim,))
        return Report(tool_version="0.1.0", articles=(article,))

    return build


@pytest.fixture
def no_claims_report() -> Report:
    """Return a report of one article in which nothing was found to check."""
    doc = make_document(
        "drafts/headline.txt", "Budget talks resume\n", Format.TEXT, date(2026, 5, 7)
    )
    article = ArticleReport(path=doc.path, document=doc, registry=None, claims=())
    return Report(tool_version="0.1.0", articles=(article,))


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[Path, str], None]:
    """Return a check that text equals a golden file (or rewrites it on request)."""
    update = request.config.getoption("--update-golden")

    def check(path: Path, text: str) -> None:
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            return
        assert path.exists(), f"{path} is missing; run pytest --update-golden"
        assert text == path.read_bytes().decode("utf-8"), (
            f"{path.name} differs; run pytest --update-golden and review the diff"
        )

    return check
