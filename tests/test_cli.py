"""The command line through typer's CliRunner: formats, exit codes, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from copydesk.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads(
    (Path(__file__).parents[1] / "src/copydesk/data/report.schema.json").read_text()
)
runner = CliRunner()

SUPPORTED_ONLY = "The Colossus 1 facility is located in Memphis, Tennessee [2].\n"
REGISTRY = """\
sources:
  "2":
    title: Inside Colossus 1
    text: The Colossus 1 facility is located in Memphis, Tennessee.
  "9":
    title: Never cited
    text: Something else entirely.
"""


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """Return a folder with the example article and its registry."""
    shutil.copy(FIXTURES / "spacex-anthropic.txt", tmp_path / "article.txt")
    shutil.copy(FIXTURES / "spacex-anthropic.sources.yaml", tmp_path / "sources.yaml")
    (tmp_path / ".git").mkdir()
    return tmp_path


def invoke(*args: str, input: str | None = None):  # noqa: ANN201, A002
    return runner.invoke(app, list(args), input=input)


def test_check_json_validates_against_schema(newsroom: Path) -> None:
    result = invoke("check", "--format", "json", str(newsroom / "article.txt"))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(report)
    (entry,) = report["files"]
    verdicts = [c["verdict"] for c in entry["claims"]]
    assert entry["summary"] == {
        "claims": len(verdicts),
        **{v: verdicts.count(v) for v in ("supported", "unsupported", "opinion")},
    }
    assert report["summary"] == {"files": 1, **entry["summary"]}
    first = entry["claims"][0]
    assert first["citations"] == [{"label": "1", "start": 36, "end": 39, "source": "1"}]
    assert first["sentence"] == {"start": 0, "end": 114, "line": 1, "column": 1}
    assert first["evidence"][0]["source"] == "1"


def test_check_rich_output_shows_verdicts_and_summary(newsroom: Path) -> None:
    result = invoke("check", str(newsroom / "article.txt"))
    assert result.exit_code == 1
    assert " claims: " in result.stdout and " supported, " in result.stdout
    assert "SUPPORTED" in result.stdout and "CD201 uncited" in result.stdout


@pytest.mark.parametrize(
    ("fail_on", "exit_zero", "code"),
    [
        pytest.param("unsupported", False, 1, id="default-fails-on-unsupported"),
        pytest.param("never", False, 0, id="never"),
        pytest.param("unsupported", True, 0, id="exit-zero"),
    ],
)
def test_check_fail_on_levels_with_unsupported(
    newsroom: Path, fail_on: str, exit_zero: bool, code: int
) -> None:
    args = ["check", "--fail-on", fail_on, str(newsroom / "article.txt")]
    result = invoke(*args, *(["--exit-zero"] if exit_zero else []))
    assert result.exit_code == code


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [
        pytest.param("unsupported", 0, id="supported-and-unused-passes"),
        pytest.param("warning", 1, id="warning-fails-on-unused-source"),
        pytest.param("opinion", 1, id="opinion-fails-on-everything"),
    ],
)
def test_check_fail_on_levels_with_warning_only(tmp_path: Path, fail_on: str, code: int) -> None:
    (tmp_path / "a.txt").write_text(SUPPORTED_ONLY)
    (tmp_path / "sources.yaml").write_text(REGISTRY)
    result = invoke("check", "--fail-on", fail_on, str(tmp_path / "a.txt"))
    assert result.exit_code == code, result.output


def test_check_standard_input(newsroom: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(newsroom)
    result = invoke("check", "-f", "json", "-", input=SUPPORTED_ONLY)
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "-"
    assert report["files"][0]["claims"][0]["verdict"] == "supported"


def test_check_missing_file_exits_2_with_one_line(tmp_path: Path) -> None:
    result = invoke("check", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error[E101]: {tmp_path / 'nope.txt'}: no such file; check the path\n"


def test_check_empty_article_exits_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n\n")
    result = invoke("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert "the article is empty" in result.stderr and "Traceback" not in result.output


def test_check_invalid_registry_exits_2_naming_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SUPPORTED_ONLY)
    (tmp_path / "sources.yaml").write_text("sources: {}\nsettings: 1\n")
    result = invoke("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error[E102]: {tmp_path / 'a.txt'}: {tmp_path / 'sources.yaml'}:2: "
        "unknown top-level key 'settings'; the only one allowed is "
        "`sources`\n"
    )


def test_check_batch_reports_good_files_and_lists_errors(newsroom: Path) -> None:
    result = invoke(
        "check", "-f", "json", str(newsroom / "article.txt"), str(newsroom / "missing.txt")
    )
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(newsroom / "article.txt")]
    assert report["errors"][0]["path"] == str(newsroom / "missing.txt")


def test_check_output_file_written_atomically_and_nothing_else(newsroom: Path) -> None:
    before = sorted(p.name for p in newsroom.iterdir())
    article = (newsroom / "article.txt").read_bytes()
    out = newsroom / "out" / "report.json"
    assert (
        invoke("check", "-f", "json", "-o", str(out), str(newsroom / "article.txt")).exit_code == 2
    )
    assert not out.parent.exists()
    out.parent.mkdir()
    result = invoke("check", "-f", "json", "-o", str(out), str(newsroom / "article.txt"))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text())["version"] == 1
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.json"]
    assert sorted(p.name for p in newsroom.iterdir()) == sorted([*before, "out", ".copydesk_cache"])
    assert (newsroom / "article.txt").read_bytes() == article


def test_check_bad_date_option_exits_2(newsroom: Path) -> None:
    result = invoke("check", "--date", "May 7", str(newsroom / "article.txt"))
    assert result.exit_code == 2
    assert "cannot read 'May 7' as a date" in result.stderr


def test_check_unknown_format_is_a_usage_error(newsroom: Path) -> None:
    assert invoke("check", "-f", "pdf", str(newsroom / "article.txt")).exit_code == 2


def test_rules_and_explain() -> None:
    listing = invoke("rules")
    assert listing.exit_code == 0 and "CD201  uncited-claim" in listing.stdout
    explained = invoke("explain", "cd201")
    assert explained.exit_code == 0
    assert explained.stdout.startswith(
        "CD201 uncited-claim (error)\n\nA factual claim cites no source."
    )
    assert invoke("explain", "CD999").exit_code == 2


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout == "copydesk 0.1.0\n"
