"""Exit codes: 0, 1 and 2 for every --fail-on level, --exit-zero, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copydesk.cli import app, exit_status
from copydesk.errors import ExitStatus
from copydesk.models import (
    ArticleReport,
    Claim,
    ClaimKind,
    Document,
    Facts,
    FailOn,
    FileError,
    Finding,
    Format,
    Level,
    Reason,
    Report,
    Slots,
    Suppression,
    SuppressionKind,
    Verdict,
    VerdictLabel,
)

runner = CliRunner()

SUPPORTED = "The Colossus 1 facility is located in Memphis, Tennessee [2]."
OPINION = "The timing of the deal is notable."
UNCITED = "The plant employs 1,200 people."
REGISTRY = (Path(__file__).parents[1] / "fixtures" / "colossus.sources.yaml").read_text("utf-8")
UNUSED = '  "9":\n    title: Never cited\n    text: Something else entirely.\n'

# What each draft holds, from least to most serious.
DRAFTS = {
    "clean": (SUPPORTED, REGISTRY),
    "warning": (SUPPORTED, REGISTRY + UNUSED),
    "opinion": (f"{SUPPORTED} {OPINION}", REGISTRY),
    "unsupported": (f"{SUPPORTED} {UNCITED}", REGISTRY),
}
# (draft, --fail-on) -> exit code.  ``never`` never fails; each level fails on
# its own severity and above.
EXPECTED = {
    ("clean", "unsupported"): 0,
    ("clean", "warning"): 0,
    ("clean", "opinion"): 0,
    ("clean", "never"): 0,
    ("warning", "unsupported"): 0,
    ("warning", "warning"): 1,
    ("warning", "opinion"): 1,
    ("warning", "never"): 0,
    ("opinion", "unsupported"): 0,
    ("opinion", "warning"): 0,
    ("opinion", "opinion"): 1,
    ("opinion", "never"): 0,
    ("unsupported", "unsupported"): 1,
    ("unsupported", "warning"): 1,
    ("unsupported", "opinion"): 1,
    ("unsupported", "never"): 0,
}


def write_draft(folder: Path, kind: str) -> Path:
    text, registry = DRAFTS[kind]
    (folder / ".git").mkdir(exist_ok=True)
    (folder / "sources.yaml").write_text(registry)
    path = folder / f"{kind}.txt"
    path.write_text(text + "\n")
    return path


@pytest.mark.parametrize(
    ("draft", "fail_on"),
    [pytest.param(draft, level, id=f"{draft}-fail-on-{level}") for draft, level in EXPECTED],
)
def test_exit_code_for_every_fail_on_level(tmp_path: Path, draft: str, fail_on: str) -> None:
    result = runner.invoke(app, ["check", "--fail-on", fail_on, str(write_draft(tmp_path, draft))])
    assert result.exit_code == EXPECTED[draft, fail_on], result.output


@pytest.mark.parametrize("fail_on", ["unsupported", "warning", "opinion", "never"])
def test_exit_zero_passes_every_level(tmp_path: Path, fail_on: str) -> None:
    path = write_draft(tmp_path, "unsupported")
    result = runner.invoke(app, ["check", "--fail-on", fail_on, "--exit-zero", str(path)])
    assert result.exit_code == 0


def test_fail_on_and_exit_zero_from_config_and_flags_over_them(tmp_path: Path) -> None:
    path = write_draft(tmp_path, "warning")
    (tmp_path / "copydesk.yaml").write_text("fail_on: warning\n")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 1
    assert runner.invoke(app, ["check", "--fail-on", "unsupported", str(path)]).exit_code == 0
    (tmp_path / "copydesk.yaml").write_text("fail_on: warning\nexit_zero: true\n")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    assert runner.invoke(app, ["check", "--no-exit-zero", str(path)]).exit_code == 1
    assert runner.invoke(app, ["check", "--isolated", str(path)]).exit_code == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        pytest.param(("--ignore", "CD201"), 0, id="ignore-the-code"),
        pytest.param(("--select", "CD1,CD3"), 0, id="select-other-blocks"),
        pytest.param(("--select", "CD2"), 1, id="select-its-block"),
        pytest.param(("--select", "CD2", "--ignore", "CD201"), 0, id="ignore-beats-select"),
    ],
)
def test_select_and_ignore_decide_what_counts(
    tmp_path: Path, args: tuple[str, ...], code: int
) -> None:
    path = write_draft(tmp_path, "unsupported")
    assert runner.invoke(app, ["check", *args, str(path)]).exit_code == code


def test_per_file_ignores_from_config(tmp_path: Path) -> None:
    path = write_draft(tmp_path, "unsupported")
    (tmp_path / "copydesk.yaml").write_text("per_file_ignores:\n  'unsup*.txt': [CD201]\n")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 0
    (tmp_path / "copydesk.yaml").write_text("per_file_ignores:\n  'columns/*': [CD201]\n")
    assert runner.invoke(app, ["check", str(path)]).exit_code == 1


# --- bad input: exit 2, one line on stderr, nothing written ----------------------


def bad_config(folder: Path) -> list[str]:
    (folder / "copydesk.yaml").write_text("fail_on: always\n")
    return []


def unknown_select(folder: Path) -> list[str]:
    return ["--select", "CD201,CD999"]


def suppression_without_code(folder: Path) -> list[str]:
    (folder / "unsupported.txt").write_text(f"<!-- copydesk: ignore -->\n{UNCITED}\n")
    return []


def ledger_made_invalid(folder: Path) -> list[str]:
    (folder / "claims").mkdir()
    (folder / "claims" / "unsupported.yaml").write_text("claims:\n  - id: c1\n    review: [\n")
    return ["--update-ledger"]


def output_in_missing_folder(folder: Path) -> list[str]:
    return ["-f", "json", "-o", str(folder / "missing" / "report.json")]


def bad_date(folder: Path) -> list[str]:
    return ["--date", "May 7"]


def config_not_found(folder: Path) -> list[str]:
    return ["--config", str(folder / "nope.yaml")]


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        pytest.param(bad_config, "copydesk.yaml:1: `fail_on` must be one of", id="invalid-config"),
        pytest.param(
            unknown_select,
            "--select: `select`: unknown rule code 'CD999'",
            id="unknown-code-in-select",
        ),
        pytest.param(
            suppression_without_code,
            "suppression without a rule code",
            id="suppression-without-code",
        ),
        pytest.param(ledger_made_invalid, "unsupported.yaml:4:", id="ledger-invalid-yaml"),
        pytest.param(
            output_in_missing_folder,
            "cannot write the report: folder",
            id="output-in-missing-folder",
        ),
        pytest.param(bad_date, "cannot read 'May 7' as a date", id="bad-date"),
        pytest.param(config_not_found, "no such configuration file", id="config-not-found"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path,
    setup,  # noqa: ANN001
    expected: str,
) -> None:
    path = write_draft(tmp_path, "unsupported")
    args = setup(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = runner.invoke(app, ["check", *args, str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


# --- the gate itself, on hand-built reports ----------------------------------------


def claim(verdict: VerdictLabel, suppressed: bool = False) -> Claim:
    reason = {
        VerdictLabel.SUPPORTED: Reason.SUPPORTED,
        VerdictLabel.OPINION: Reason.OPINION,
        VerdictLabel.UNSUPPORTED: Reason.UNCITED,
    }[verdict]
    level = Level.ERROR if verdict is VerdictLabel.UNSUPPORTED else Level.INFO
    return Claim(
        id="c1",
        text="Prices rose.",
        span=(0, 12),
        kind=ClaimKind.FACTUAL,
        facts=Facts(slots=Slots()),
        verdict=Verdict(verdict, reason, "CD201", level, "Message."),
        suppressed_by=Suppression(SuppressionKind.LEDGER, "checked") if suppressed else None,
    )


def report(
    *claims: Claim, findings: tuple[Finding, ...] = (), errors: tuple[FileError, ...] = ()
) -> Report:
    doc = Document(
        path="a.txt",
        text="Prices rose.\n",
        format=Format.TEXT,
        view="Prices rose.\n",
        blocks=((0, 12),),
    )
    article = ArticleReport(
        path="a.txt", document=doc, registry=None, claims=claims, findings=findings
    )
    return Report(tool_version="0.1.0", articles=(article,), errors=errors)


WARNING = Finding(
    code="CD102",
    reason=Reason.UNUSED_SOURCE,
    level=Level.WARNING,
    message="Source [9] is never cited.",
    label="9",
)


@pytest.mark.parametrize(
    ("built", "fail_on", "status"),
    [
        pytest.param(
            report(claim(VerdictLabel.UNSUPPORTED)),
            FailOn.UNSUPPORTED,
            ExitStatus.FINDINGS,
            id="unsupported",
        ),
        pytest.param(
            report(claim(VerdictLabel.UNSUPPORTED, suppressed=True)),
            FailOn.OPINION,
            ExitStatus.OK,
            id="suppressed-never-counts",
        ),
        pytest.param(
            report(claim(VerdictLabel.SUPPORTED), findings=(WARNING,)),
            FailOn.WARNING,
            ExitStatus.FINDINGS,
            id="warning-finding",
        ),
        pytest.param(
            report(claim(VerdictLabel.OPINION)),
            FailOn.WARNING,
            ExitStatus.OK,
            id="opinion-below-warning",
        ),
        pytest.param(
            report(claim(VerdictLabel.OPINION)),
            FailOn.OPINION,
            ExitStatus.FINDINGS,
            id="opinion-at-opinion",
        ),
        pytest.param(
            report(claim(VerdictLabel.UNSUPPORTED), errors=(FileError("b.txt", "bad"),)),
            FailOn.NEVER,
            ExitStatus.ERROR,
            id="errors-beat-everything",
        ),
    ],
)
def test_exit_status(built: Report, fail_on: FailOn, status: ExitStatus) -> None:
    assert exit_status(built, fail_on, exit_zero=False) == status


def test_a_dangling_citation_on_an_opinion_is_still_reported(tmp_path: Path) -> None:
    """The writer's opinion keeps its verdict; its broken citation fails the check."""
    path = write_draft(tmp_path, "clean")
    path.write_text(f"{SUPPORTED} {OPINION[:-1]} [7].\n")
    result = runner.invoke(app, ["check", "--no-cache", "--format", "json", str(path)])
    assert result.exit_code == 1, result.output
    (entry,) = json.loads(result.stdout)["files"]
    assert [c["verdict"] for c in entry["claims"]] == ["supported", "opinion"]
    assert [(f["code"], f["label"], f["line"]) for f in entry["findings"]] == [("CD101", "7", 1)]
    ignored = ["check", "--no-cache", "--ignore", "CD101", str(path)]
    assert runner.invoke(app, ignored).exit_code == 0
