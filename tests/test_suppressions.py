"""Inline suppressions: ``<!-- copydesk: ignore CD201 -->`` in every format, and CD901."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copydesk.cli import app
from copydesk.errors import SuppressionError
from copydesk.models import (
    ArticleReport,
    Claim,
    ClaimKind,
    Facts,
    Format,
    Level,
    Reason,
    Slots,
    Suppression,
    SuppressionKind,
    Verdict,
    VerdictLabel,
)
from copydesk.pipeline.directives import Directive, find_directives
from copydesk.pipeline.read import parse_document
from copydesk.pipeline.suppress import apply_suppressions
from copydesk.selection import RuleFilter

runner = CliRunner()
UNCITED = Verdict(
    VerdictLabel.UNSUPPORTED,
    Reason.UNCITED,
    "CD201",
    Level.ERROR,
    "Factual claim with no citation.",
)
OPINION = Verdict(
    VerdictLabel.OPINION, Reason.OPINION, "CD301", Level.INFO, "Writer's judgement ('notable')."
)


def document(text: str, fmt: Format = Format.TEXT, name: str = "a.txt"):  # noqa: ANN201
    return parse_document(text.encode(), name, fmt)


def claims_at(text: str, *sentences: tuple[str, Verdict]) -> tuple[Claim, ...]:
    """Return one claim per sentence, located in ``text``."""
    found = []
    for n, (sentence, verdict) in enumerate(sentences, 1):
        start = text.index(sentence)
        found.append(
            Claim(
                id=f"c{n}",
                text=sentence,
                span=(start, start + len(sentence)),
                kind=ClaimKind.FACTUAL,
                facts=Facts(slots=Slots()),
                verdict=verdict,
            )
        )
    return tuple(found)


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        pytest.param(
            "<!-- copydesk: ignore CD201 -->\nPrices rose.\n",
            Format.TEXT,
            (Directive((0, 31), 1, ("CD201",), False, "<!-- copydesk: ignore CD201 -->"),),
            id="text-own-line",
        ),
        pytest.param(
            "# Budget\n\n<!--copydesk:ignore-paragraph cd201, CD301-->\nPrices rose.\n",
            Format.MARKDOWN,
            (
                Directive(
                    (10, 55),
                    3,
                    ("CD201", "CD301"),
                    True,
                    "<!--copydesk:ignore-paragraph cd201, CD301-->",
                ),
            ),
            id="markdown-paragraph-two-codes",
        ),
        pytest.param(
            "<p>Prices rose. <!-- copydesk: ignore CD201 --> Wages fell.</p>",
            Format.HTML,
            (Directive((16, 47), 1, ("CD201",), False, "<!-- copydesk: ignore CD201 -->"),),
            id="html-inline",
        ),
        pytest.param(
            "<!-- a note for the editor -->\nPrices rose.\n",
            Format.MARKDOWN,
            (),
            id="other-comments-ignored",
        ),
    ],
)
def test_find_directives_in_every_format(
    text: str, fmt: Format, expected: tuple[Directive, ...]
) -> None:
    _, found = find_directives(document(text, fmt))
    assert found == expected


def test_find_directives_blanks_plain_text_comment_from_the_view() -> None:
    text = "Prices rose.\n<!-- copydesk: ignore CD201 -->\nWages fell.\n"
    blanked, _ = find_directives(document(text))
    assert len(blanked.view) == len(text)
    assert blanked.view == "Prices rose.\n" + " " * 31 + "\nWages fell.\n"
    assert blanked.text == text


def test_find_directives_trims_a_block_that_starts_with_a_comment() -> None:
    text = "<!-- copydesk: ignore CD201 -->\nPrices rose.\n"
    blanked, _ = find_directives(document(text))
    assert blanked.blocks == ((32, 44),)


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        pytest.param(
            "<!-- copydesk: ignore -->",
            "suppression without a rule code; write "
            "`<!-- copydesk: ignore CD201 -->` with the code to ignore",
            id="no-code",
        ),
        pytest.param(
            "<!-- copydesk: -->",
            "suppression without a rule code; write "
            "`<!-- copydesk: ignore CD201 -->` with the code to ignore",
            id="empty",
        ),
        pytest.param(
            "<!-- copydesk: CD201 -->",
            "unknown suppression 'CD201'; use `ignore` or `ignore-paragraph` and a rule code",
            id="no-action",
        ),
        pytest.param(
            "<!-- copydesk: ignore CD299 -->",
            "unknown rule code 'CD299' in a suppression; `copydesk rules` lists them",
            id="unknown-code",
        ),
    ],
)
def test_find_directives_malformed_names_line(comment: str, message: str) -> None:
    with pytest.raises(SuppressionError) as caught:
        find_directives(document(f"Prices rose.\n\n{comment}\nWages fell.\n"))
    assert (caught.value.path, caught.value.line, caught.value.message) == ("a.txt", 3, message)


def suppressed(article: ArticleReport) -> list[str | None]:
    return [c.suppressed_by.note if c.suppressed_by else None for c in article.claims]


def test_suppress_next_sentence_only() -> None:
    text = "<!-- copydesk: ignore CD201 -->\nPrices rose. Wages fell.\n"
    doc, directives = find_directives(document(text))
    article = ArticleReport(
        "a.txt", doc, None, claims_at(text, ("Prices rose.", UNCITED), ("Wages fell.", UNCITED))
    )
    result = apply_suppressions(article, directives=directives)
    assert result.claims[0].suppressed_by == Suppression(
        SuppressionKind.INLINE, "<!-- copydesk: ignore CD201 -->", line=1
    )
    assert result.claims[1].suppressed_by is None
    assert result.findings == ()


def test_suppress_paragraph_covers_every_sentence_of_it() -> None:
    text = "<!-- copydesk: ignore-paragraph CD201 -->\nPrices rose. Wages fell.\n\nRents rose.\n"
    doc, directives = find_directives(document(text))
    article = ArticleReport(
        "a.txt",
        doc,
        None,
        claims_at(
            text, ("Prices rose.", UNCITED), ("Wages fell.", UNCITED), ("Rents rose.", UNCITED)
        ),
    )
    result = apply_suppressions(article, directives=directives)
    assert suppressed(result) == ["<!-- copydesk: ignore-paragraph CD201 -->"] * 2 + [None]


def test_suppress_only_the_named_code() -> None:
    text = "<!-- copydesk: ignore CD301 -->\nPrices rose.\n"
    doc, directives = find_directives(document(text))
    article = ArticleReport("a.txt", doc, None, claims_at(text, ("Prices rose.", UNCITED)))
    result = apply_suppressions(article, directives=directives)
    assert suppressed(result) == [None]
    assert [(f.code, f.line, f.message) for f in result.findings] == [
        ("CD901", 1, "Suppression of CD301 matches no claim in the next sentence.")
    ]


def test_suppress_unused_at_the_end_of_the_article() -> None:
    text = "Prices rose.\n<!-- copydesk: ignore CD201 -->\n"
    doc, directives = find_directives(document(text))
    article = ArticleReport("a.txt", doc, None, claims_at(text, ("Prices rose.", UNCITED)))
    result = apply_suppressions(article, directives=directives)
    assert [(f.code, f.level, f.message) for f in result.findings] == [
        ("CD901", Level.WARNING, "Suppression of CD201 has no sentence after it.")
    ]


def test_suppress_by_config_and_unused_finding_can_be_ignored() -> None:
    text = "<!-- copydesk: ignore CD201 -->\nThe timing is notable.\n"
    doc, directives = find_directives(document(text))
    article = ArticleReport(
        "a.txt", doc, None, claims_at(text, ("The timing is notable.", OPINION))
    )
    rules = RuleFilter(ignore=frozenset({"CD301", "CD901"}), ignore_origin="--ignore")
    result = apply_suppressions(article, directives=directives, rules=rules)
    assert suppressed(result) == ["CD301 is ignored (--ignore)"]
    assert result.findings == ()


# --- end to end, with the real model -------------------------------------------

REGISTRY = (Path(__file__).parent / "fixtures" / "colossus.sources.yaml").read_text("utf-8")


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sources.yaml").write_text(REGISTRY)
    return tmp_path


def check(*args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["check", "-f", "json", *args])
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}, result.stderr


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param(
            "a.md",
            "# Plant\n\nThe Colossus 1 facility is located in Memphis, Tennessee "
            "[2].\n<!-- copydesk: ignore CD201 -->\nThe plant employs 1,200 people.\n",
            id="markdown",
        ),
        pytest.param(
            "a.html",
            "<html><body><p>The Colossus 1 facility is located in Memphis, "
            "Tennessee [2].</p>\n<p><!-- copydesk: ignore CD201 -->The plant employs "
            "1,200 people.</p></body></html>\n",
            id="html",
        ),
        pytest.param(
            "a.txt",
            "The Colossus 1 facility is located in Memphis, Tennessee [2].\n"
            "<!-- copydesk: ignore CD201 -->\nThe plant employs 1,200 people.\n",
            id="plain-text",
        ),
    ],
)
def test_check_inline_suppression_passes_the_gate(desk: Path, name: str, text: str) -> None:
    (desk / name).write_text(text)
    code, report, _ = check(str(desk / name))
    claims = report["files"][0]["claims"]
    assert code == 0
    assert [(c["text"], c["verdict"], (c["suppressed_by"] or {}).get("kind")) for c in claims] == [
        ("The Colossus 1 facility is located in Memphis, Tennessee.", "supported", None),
        ("The plant employs 1,200 people.", "unsupported", "inline"),
    ]
    assert report["files"][0]["findings"] == []


def test_check_without_the_suppression_fails(desk: Path) -> None:
    (desk / "a.txt").write_text("The plant employs 1,200 people.\n")
    assert check(str(desk / "a.txt"))[0] == 1


def test_check_unused_suppression_is_reported_and_fails_on_warning(desk: Path) -> None:
    (desk / "a.md").write_text(
        "<!-- copydesk: ignore CD201 -->\nThe Colossus 1 facility is "
        "located in Memphis, Tennessee [2].\n"
    )
    code, report, _ = check(str(desk / "a.md"))
    assert code == 0
    assert report["files"][0]["findings"] == [
        {
            "code": "CD901",
            "reason": "unused-suppression",
            "level": "warning",
            "label": None,
            "line": 1,
            "message": "Suppression of CD201 matches no claim in the next sentence.",
        }
    ]
    assert check("--fail-on", "warning", str(desk / "a.md"))[0] == 1


def test_check_suppression_without_code_exits_2_and_writes_nothing(desk: Path) -> None:
    (desk / "a.md").write_text("<!-- copydesk: ignore -->\nThe plant employs 1,200 people.\n")
    out = desk / "report.json"
    result = runner.invoke(app, ["check", "-f", "json", "-o", str(out), str(desk / "a.md")])
    assert result.exit_code == 2
    assert result.stdout == "" and not out.exists()
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"error[E106]: {desk / 'a.md'}")
    assert "1: suppression without a rule code" in result.stderr
