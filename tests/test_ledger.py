"""The claims ledger: --update-ledger, editors' reviews, changed sentences, broken files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from copydesk.cli import app
from copydesk.errors import LedgerError
from copydesk.ledger import load_ledger, text_sha256

runner = CliRunner()
SCHEMA = json.loads(
    (Path(__file__).parents[1] / "src/copydesk/data/report.schema.json").read_text()
)
REVIEW = "verified: phone call with the company's press office, 2026-05-07, J. Doe"
SUPPORTED = "The Colossus 1 facility is located in Memphis, Tennessee [2]."
UNCITED = "The plant employs 1,200 people."
REGISTRY = (Path(__file__).parent / "fixtures" / "colossus.sources.yaml").read_text("utf-8")


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a repository with one draft (a supported and an uncited sentence)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "sources.yaml").write_text(REGISTRY)
    (tmp_path / "drafts" / "plant.md").write_text(f"{SUPPORTED}\n\n{UNCITED}\n")
    return tmp_path


def check(desk: Path, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["check", "-f", "json", *args, str(desk / "drafts" / "plant.md")])
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}, result.stderr


def review(desk: Path, text: str, value: object = REVIEW) -> None:
    """Fill in the review of the ledger entry whose text is ``text``, as an editor would."""
    path = desk / "claims" / "plant.yaml"
    data = yaml.safe_load(path.read_text())
    for entry in data["claims"]:
        if entry["text"] == text:
            entry["review"] = value
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_update_ledger_writes_every_claim_with_hash_verdict_and_evidence(desk: Path) -> None:
    code, _, stderr = check(desk, "--update-ledger")
    assert code == 1
    path = desk / "claims" / "plant.yaml"
    assert stderr == "ledger: wrote claims/plant.yaml\n"
    text = path.read_text()
    assert text.startswith("# copydesk claims ledger for drafts/plant.md\n")
    assert yaml.safe_load(text) == {
        "version": 1,
        "article": "drafts/plant.md",
        "claims": [
            {
                "id": "c1",
                "text": "The Colossus 1 facility is located in Memphis, Tennessee.",
                "text_sha256": text_sha256(SUPPORTED, SUPPORTED.replace(" [2]", "")),
                "verdict": "supported",
                "reason": "supported",
                "code": "CD000",
                "evidence": [
                    {
                        "source": "2",
                        "text": "The Colossus 1 facility is located in Memphis, Tennessee.",
                    }
                ],
                "review": None,
            },
            {
                "id": "c2",
                "text": UNCITED,
                "text_sha256": text_sha256(UNCITED, UNCITED),
                "verdict": "unsupported",
                "reason": "uncited",
                "code": "CD201",
                "evidence": [],
                "review": None,
            },
        ],
    }
    assert sorted(p.name for p in path.parent.iterdir()) == ["plant.yaml"]


def test_reviewed_claim_passes_the_gate_and_keeps_its_verdict(desk: Path) -> None:
    check(desk, "--update-ledger")
    review(desk, UNCITED)
    code, report, _ = check(desk)
    assert code == 0
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    claim = report["files"][0]["claims"][1]
    assert (claim["verdict"], claim["code"]) == ("unsupported", "CD201")
    line = (desk / "claims" / "plant.yaml").read_text().splitlines().index("- id: c2") + 1
    assert claim["suppressed_by"] == {
        "kind": "ledger",
        "note": REVIEW,
        "path": "claims/plant.yaml",
        "line": line,
    }


def test_update_ledger_round_trip_keeps_reviews_of_unchanged_sentences(desk: Path) -> None:
    check(desk, "--update-ledger")
    review(
        desk,
        UNCITED,
        {"verified": "phone call with the press office", "by": "J. Doe", "date": "2026-05-07"},
    )
    before = (desk / "claims" / "plant.yaml").read_text()
    check(desk, "--update-ledger")
    after = (desk / "claims" / "plant.yaml").read_text()
    assert yaml.safe_load(after) == yaml.safe_load(before)
    check(desk, "--update-ledger")
    assert (desk / "claims" / "plant.yaml").read_text() == after
    assert check(desk)[0] == 0


def test_changed_sentence_voids_the_review(desk: Path) -> None:
    check(desk, "--update-ledger")
    review(desk, UNCITED)
    article = desk / "drafts" / "plant.md"
    article.write_text(article.read_text().replace("1,200", "1,500"))
    code, report, _ = check(desk)
    assert code == 1
    entry = report["files"][0]
    assert entry["claims"][1]["suppressed_by"] is None
    assert [(f["code"], f["reason"]) for f in entry["findings"]] == [("CD902", "stale-review")]
    assert "Review of c2 (claims/plant.yaml:" in entry["findings"][0]["message"]


def test_update_after_a_change_moves_the_review_to_stale_and_back(desk: Path) -> None:
    check(desk, "--update-ledger")
    review(desk, UNCITED)
    article = desk / "drafts" / "plant.md"
    original = article.read_text()
    article.write_text(original.replace("1,200", "1,500"))
    check(desk, "--update-ledger")
    ledger = load_ledger(desk / "claims" / "plant.yaml")
    assert [e.review for e in ledger.claims] == [None, None]
    assert [(e.id, e.text, e.review) for e in ledger.stale] == [("c2", UNCITED, REVIEW)]
    article.write_text(original)
    assert check(desk)[0] == 0  # the sentence is back: so is its review
    check(desk, "--update-ledger")
    ledger = load_ledger(desk / "claims" / "plant.yaml")
    assert ([e.review for e in ledger.claims], ledger.stale) == ([None, REVIEW], ())


def test_rewrapped_paragraph_keeps_its_review(desk: Path) -> None:
    check(desk, "--update-ledger")
    review(desk, UNCITED)
    article = desk / "drafts" / "plant.md"
    article.write_text(article.read_text().replace("employs 1,200", "employs\n1,200"))
    assert check(desk)[0] == 0


def test_ledger_folder_from_config(desk: Path) -> None:
    (desk / "copydesk.yaml").write_text("ledger: reviews\n")
    check(desk, "--update-ledger")
    assert (desk / "reviews" / "plant.yaml").is_file()
    assert not (desk / "claims").exists()


@pytest.mark.parametrize(
    ("edit", "line", "message"),
    [
        pytest.param(
            lambda t: t.replace("review: null", "review: verified: phone call", 1),
            None,
            "invalid YAML: mapping values are not allowed here",
            id="unquoted-colon",
        ),
        pytest.param(
            lambda t: t.replace("  review: null", "  reveiw: ok", 1),
            None,
            "unknown key 'reveiw' in the claims ledger",
            id="misspelt-key",
        ),
        pytest.param(
            lambda t: t.replace("review: null", "review: [a, b]", 1),
            None,
            "`review` must be text",
            id="review-not-text",
        ),
        pytest.param(
            lambda t: t.replace("version: 1", "version: 2"),
            8,
            "ledger version 2 is not supported",
            id="future-version",
        ),
        pytest.param(
            lambda t: "claims: {}\n",
            1,
            "`claims` must be a list of claim entries",
            id="claims-not-a-list",
        ),
    ],
)
def test_malformed_ledger_exits_2_naming_file_and_line_and_is_never_overwritten(
    desk: Path, edit, line: int | None, message: str
) -> None:  # noqa: ANN001
    check(desk, "--update-ledger")
    path = desk / "claims" / "plant.yaml"
    broken = edit(path.read_text())
    path.write_text(broken)
    expected_line = line or next(
        n
        for n, text in enumerate(broken.splitlines(), 1)
        if not text.startswith("#")
        and ("verified: phone" in text or "reveiw" in text or "[a, b]" in text)
    )
    for args in ((), ("--update-ledger",)):
        code, report, stderr = check(desk, *args)
        assert code == 2
        assert report == {} or report["files"] == []
        assert len(stderr.splitlines()) == 1
        assert f"claims/plant.yaml:{expected_line}:" in stderr and message in stderr
        assert path.read_text() == broken
    with pytest.raises(LedgerError):
        load_ledger(path)


def test_ledger_of_another_article_with_the_same_stem_is_refused(desk: Path) -> None:
    check(desk, "--update-ledger")
    (desk / "columns").mkdir()
    (desk / "columns" / "plant.md").write_text(f"{UNCITED}\n")
    (desk / "columns" / "sources.yaml").write_text(REGISTRY)
    result = runner.invoke(app, ["check", "--update-ledger", str(desk / "columns" / "plant.md")])
    assert result.exit_code == 2
    assert "this ledger belongs to drafts/plant.md, not columns/plant.md" in result.stderr
    assert (
        yaml.safe_load((desk / "claims" / "plant.yaml").read_text())["article"] == "drafts/plant.md"
    )


def test_update_ledger_refuses_standard_input(desk: Path) -> None:
    result = runner.invoke(app, ["check", "--update-ledger", "-"], input=f"{UNCITED}\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "error[E103]: --update-ledger: --update-ledger needs article "
        "paths; standard input has no ledger\n"
    )


def test_update_ledger_never_replaces_something_that_is_not_a_file(desk: Path) -> None:
    (desk / "claims" / "plant.yaml").mkdir(parents=True)
    code, _, stderr = check(desk, "--update-ledger")
    assert code == 2
    assert stderr == (
        "error[E107]: claims/plant.yaml: not a regular file; move it away so "
        "that the ledger can be written here\n"
    )
    assert (desk / "claims" / "plant.yaml").is_dir()
