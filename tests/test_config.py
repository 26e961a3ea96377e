"""Configuration: discovery, validation with file and line, flags over files, origins."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copydesk.cli import app
from copydesk.config import Config, load_config
from copydesk.errors import ConfigError
from copydesk.models import FailOn

runner = CliRunner()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Return a repository with a draft two folders down: repo/drafts/may/a.md."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "drafts" / "may").mkdir(parents=True)
    (root / "drafts" / "may" / "a.md").write_text("The plant employs 1,200 people.\n")
    return root


def article(repo: Path) -> str:
    return str(repo / "drafts" / "may" / "a.md")


def test_config_defaults_without_a_file(repo: Path) -> None:
    config = load_config([article(repo)])
    assert config == Config(root=repo, ledger=repo / "claims")
    assert config.rule_filter().select is None


def test_config_found_by_walking_up_to_the_repository_root(repo: Path) -> None:
    (repo / "copydesk.yaml").write_text("fail_on: warning\n")
    config = load_config([article(repo)])
    assert (config.file, config.fail_on) == (repo / "copydesk.yaml", FailOn.WARNING)


def test_config_walk_stops_at_the_folder_holding_git(repo: Path) -> None:
    (repo.parent / "copydesk.yaml").write_text("fail_on: warning\n")
    assert load_config([article(repo)]).file is None


def test_config_nearest_folder_wins_without_merging(repo: Path) -> None:
    (repo / "copydesk.yaml").write_text("fail_on: warning\nexit_zero: true\n")
    (repo / "drafts" / "copydesk.yaml").write_text("fail_on: opinion\n")
    config = load_config([article(repo)])
    assert (config.file, config.fail_on, config.exit_zero) == (
        repo / "drafts" / "copydesk.yaml",
        FailOn.OPINION,
        False,
    )


@pytest.mark.parametrize(
    ("present", "expected"),
    [
        pytest.param(
            ("copydesk.yaml", ".copydesk.yaml", "pyproject.toml"),
            "copydesk.yaml",
            id="copydesk-yaml-first",
        ),
        pytest.param((".copydesk.yaml", "pyproject.toml"), ".copydesk.yaml", id="dot-file-second"),
        pytest.param(("pyproject.toml",), "pyproject.toml", id="pyproject-last"),
    ],
)
def test_config_file_order_in_one_folder(
    repo: Path, present: tuple[str, ...], expected: str
) -> None:
    for name in present:
        text = (
            "[tool.copydesk]\nfail_on = 'warning'\n"
            if name.endswith(".toml")
            else "fail_on: warning\n"
        )
        (repo / name).write_text(text)
    assert load_config([article(repo)]).file == repo / expected


def test_config_pyproject_without_table_is_skipped(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[project]\nname = 'newsroom'\n")
    (repo.parent / "copydesk.yaml").write_text("fail_on: warning\n")
    assert load_config([article(repo)]).file is None


def test_config_pyproject_table_with_kebab_keys_and_subtable(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        "[project]\nname = 'newsroom'\n\n[tool.copydesk]\nfail-on = 'warning'\n"
        "select = ['CD2', 'CD301']\ndate = 2026-05-07\n\n"
        "[tool.copydesk.per_file_ignores]\n'opinion/*.md' = ['CD301']\n"
    )
    config = load_config([article(repo)])
    assert (config.fail_on, config.select, config.date) == (
        FailOn.WARNING,
        ("CD2", "CD301"),
        date(2026, 5, 7),
    )
    assert config.rule_filter().select == {"CD201", "CD202", "CD203", "CD301"}
    assert [(p.pattern, p.codes, p.origin) for p in config.per_file_ignores] == [
        ("opinion/*.md", {"CD301"}, f"{repo / 'pyproject.toml'}:9")
    ]


def test_config_relative_paths_resolve_from_the_config_folder(repo: Path) -> None:
    (repo / "copydesk.yaml").write_text(
        "sources: registry/sources.yaml\noutput: out/report.json\nledger: reviews\n"
    )
    config = load_config([article(repo)])
    assert (config.sources, config.output, config.ledger) == (
        repo / "registry/sources.yaml",
        repo / "out/report.json",
        repo / "reviews",
    )


def test_config_option_wins_and_isolated_ignores_files(repo: Path, tmp_path: Path) -> None:
    (repo / "copydesk.yaml").write_text("fail_on: warning\n")
    other = tmp_path / "ci.yaml"
    other.write_text("fail_on: never\n")
    assert load_config([article(repo)], config_file=other).fail_on is FailOn.NEVER
    assert load_config([article(repo)], isolated=True).file is None
    with pytest.raises(ConfigError, match="cannot be used together"):
        load_config([article(repo)], config_file=other, isolated=True)


def test_config_flags_win_over_the_file_and_origins_say_so(repo: Path) -> None:
    (repo / "copydesk.yaml").write_text("fail_on: warning\nignore: [CD301]\n")
    config = load_config([article(repo)], overrides={"fail_on": ("never", "--fail-on")})
    assert (config.fail_on, config.ignore) == (FailOn.NEVER, ("CD301",))
    assert (config.origin("fail_on"), config.origin("ignore"), config.origin("format")) == (
        "--fail-on",
        f"{repo / 'copydesk.yaml'}:2",
        "default",
    )


def test_config_codes_may_be_comma_separated_and_lower_case(repo: Path) -> None:
    config = load_config([article(repo)], overrides={"select": (["cd201,CD3"], "--select")})
    assert config.rule_filter().select == {"CD201", "CD301"}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param(
            "fail_on: warning\nfial_on: never\n",
            2,
            "unknown setting 'fial_on'; `copydesk config` lists the settings",
            id="unknown-key",
        ),
        pytest.param(
            "fail_on: sometimes\n",
            1,
            "`fail_on` must be one of unsupported, warning, opinion, never, not 'sometimes'",
            id="bad-choice",
        ),
        pytest.param(
            "select: [CD201, CD999]\n",
            1,
            "`select`: unknown rule code 'CD999'; `copydesk rules` lists them",
            id="unknown-code",
        ),
        pytest.param(
            "exit_zero: 'yes'\n", 1, "`exit_zero` must be true or false, not 'yes'", id="not-a-bool"
        ),
        pytest.param(
            "max_bytes: 0\n",
            1,
            "`max_bytes` must be a whole number above 0, not the number 0",
            id="not-positive",
        ),
        pytest.param(
            "date: May 7\n", 1, "cannot read 'May 7' as a date; use YYYY-MM-DD", id="bad-date"
        ),
        pytest.param("format: pdf\n", 1, "`format` must be one of ", id="unknown-format"),
        pytest.param(
            "per_file_ignores:\n  'opinion/*': [CD000, CD3x]\n",
            2,
            "`per_file_ignores: opinion/*`: unknown rule code 'CD3x'",
            id="per-file-bad-code",
        ),
        pytest.param("fail_on: [unclosed\n", 2, "invalid YAML: ", id="yaml-syntax"),
        pytest.param(
            "fail_on: warning\nfail-on: never\n",
            2,
            "duplicate key 'fail-on'",
            id="duplicate-spelling",
        ),
        pytest.param("- fail_on\n", 1, "expected a mapping of settings", id="not-a-mapping"),
    ],
)
def test_config_bad_file_names_file_and_line(
    repo: Path, text: str, line: int, message: str
) -> None:
    (repo / "copydesk.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config([article(repo)])
    assert (caught.value.path, caught.value.line) == (str(repo / "copydesk.yaml"), line)
    assert caught.value.message.startswith(message)


def test_config_unknown_key_in_pyproject_names_its_line(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.copydesk]\nfail_on = 'warning'\ncolour = 1\n")
    with pytest.raises(ConfigError) as caught:
        load_config([article(repo)])
    assert str(caught.value) == (
        f"{repo / 'pyproject.toml'}:3: unknown setting 'colour'; "
        "`copydesk config` lists the settings"
    )


def test_config_invalid_toml_names_line(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.copydesk]\nfail_on = \n")
    with pytest.raises(ConfigError) as caught:
        load_config([article(repo)])
    assert (caught.value.line, caught.value.message) == (2, "invalid TOML: Invalid value")


def test_config_ledger_root_falls_back_to_config_folder_then_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "desk" / "drafts").mkdir(parents=True)
    draft = str(tmp_path / "desk" / "drafts" / "a.txt")
    monkeypatch.chdir(tmp_path)
    assert load_config([draft]).ledger == tmp_path / "claims"
    (tmp_path / "desk" / "copydesk.yaml").write_text("exit_zero: false\n")
    assert load_config([draft]).ledger == tmp_path / "desk" / "claims"


def test_per_file_ignores_match_below_the_config_folder(repo: Path) -> None:
    (repo / "copydesk.yaml").write_text(
        "per_file_ignores:\n  drafts/*: [CD301]\n  '*.html': CD201\n"
    )
    rules = load_config([article(repo)]).rule_filter()
    assert rules.why_off("CD301", repo / "drafts" / "may" / "a.md") is not None
    assert rules.why_off("CD301", repo / "columns" / "a.md") is None
    assert rules.why_off("CD201", repo / "web" / "deep" / "page.html") is not None
    note = rules.why_off("CD301", repo / "drafts" / "b.md")
    assert note is not None and note.note == (
        f"CD301 is ignored for drafts/* ({repo / 'copydesk.yaml'}:2)"
    )


def test_config_command_shows_settings_and_origins(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "copydesk.yaml").write_text("fail_on: warning\nselect: [CD2]\n")
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["config", "drafts/may/a.md"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "config file: copydesk.yaml"
    assert "fail_on           warning" in lines[2] and lines[2].endswith("# copydesk.yaml:1")
    assert lines[3].startswith("select            CD2") and lines[3].endswith("copydesk.yaml:2")
    assert lines[4].endswith("# default")


def test_config_command_bad_file_exits_2_with_one_line(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "copydesk.yaml").write_text("fail_on: warning\nfail_on_all: true\n")
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error[E103]: copydesk.yaml:2: unknown setting 'fail_on_all'; "
        "`copydesk config` lists the settings\n"
    )


def test_check_uses_the_registry_named_in_config(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "registry").mkdir()
    (repo / "registry" / "all.yaml").write_text(
        'sources:\n  "2":\n    title: Plant\n    text: The plant employs 1,200 people.\n'
    )
    (repo / "copydesk.yaml").write_text("sources: registry/all.yaml\nformat: json\n")
    (repo / "drafts" / "may" / "a.md").write_text("The plant employs 1,200 people [2].\n")
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["check", "drafts/may/a.md"])
    assert result.exit_code == 0, result.output
    assert '"registry": "registry/all.yaml"' in result.stdout
