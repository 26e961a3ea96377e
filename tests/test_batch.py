"""Batches: finding drafts in folders and globs, the result cache, parallel jobs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from copydesk.pipeline import Options, run
from copydesk.pipeline.discover import discover

ARTICLE = "The Colossus 1 facility is located in Memphis, Tennessee [2].\n"
REGISTRY = (Path(__file__).parent / "fixtures" / "colossus.sources.yaml").read_text("utf-8")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """Return a folder of drafts with registries, ledgers and files to skip."""
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "sources.yaml", REGISTRY)
    write(tmp_path / "sub" / "b.md", "---\ndate: 2026-05-07\n---\n\n" + ARTICLE)
    write(tmp_path / "sub" / "c.html", f"<p>{ARTICLE}</p>")
    write(tmp_path / "sub" / "c.sources.yaml", REGISTRY)
    write(tmp_path / "sub" / "notes.yaml", "a: 1\n")
    write(tmp_path / ".hidden" / "d.txt", ARTICLE)
    write(tmp_path / "README.md", "# read me\n")
    return tmp_path


def test_discover_folder_skips_registries_hidden_and_readmes(desk: Path) -> None:
    found = [Path(p).relative_to(desk).as_posix() for p in discover([str(desk)])]
    assert found == ["a.txt", "sub/b.md", "sub/c.html"]


def test_discover_glob_and_excludes(desk: Path) -> None:
    found = list(discover([str(desk / "**" / "*.md"), str(desk / "a.txt")], exclude=["b.md"]))
    assert found == [str(desk / "a.txt")]
    assert list(discover([str(desk / "sub" / "*.html")])) == [str(desk / "sub" / "c.html")]


def test_discover_keeps_missing_names_for_the_error(desk: Path) -> None:
    assert list(discover([str(desk / "nope.txt"), "-"])) == [str(desk / "nope.txt"), "-"]


def test_discover_survives_symlink_loop(desk: Path) -> None:
    os.symlink(desk, desk / "sub" / "loop")
    found = [Path(p).relative_to(desk).as_posix() for p in discover([str(desk)])]
    assert found[:3] == ["a.txt", "sub/b.md", "sub/c.html"]
    assert len(found) == len(set(found))


def test_run_folder_uses_each_articles_registry(desk: Path) -> None:
    report = run([str(desk)], Options())
    assert [(Path(a.path).name, Path(a.registry).name) for a in report.articles] == [
        ("a.txt", "sources.yaml"),
        ("b.md", "sources.yaml"),
        ("c.html", "c.sources.yaml"),
    ]
    assert all(c.verdict.label.value == "supported" for a in report.articles for c in a.claims)


def test_run_cache_gives_same_report_and_survives_corruption(desk: Path) -> None:
    cache = desk / ".copydesk_cache"
    cold = run([str(desk)], Options(cache_dir=cache))
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 3
    warm = run([str(desk)], Options(cache_dir=cache))
    assert warm == cold
    entries[0].write_text("{not json")
    entries[1].write_text(json.dumps({"key": "someone else's", "claims": []}))
    assert run([str(desk)], Options(cache_dir=cache)) == cold


def test_run_cache_misses_when_the_registry_changes(desk: Path) -> None:
    cache = desk / ".copydesk_cache"
    run([str(desk / "a.txt")], Options(cache_dir=cache))
    write(desk / "sources.yaml", REGISTRY.replace("Memphis, Tennessee", "Nashville, Tennessee"))
    (article,) = run([str(desk / "a.txt")], Options(cache_dir=cache)).articles
    assert article.claims[0].verdict.label.value == "unsupported"


def test_run_parallel_matches_one_job(desk: Path) -> None:
    write(desk / "broken.txt", "")
    one = run([str(desk)], Options(jobs=1))
    two = run([str(desk)], Options(jobs=2))
    assert two == one
    assert [Path(e.path).name for e in two.errors] == ["broken.txt"]


def test_cli_folder_jobs_cache_and_exclude(desk: Path) -> None:
    from typer.testing import CliRunner

    from copydesk.cli import app

    (desk / ".git").mkdir()
    runner = CliRunner()
    cold = runner.invoke(app, ["check", "-f", "json", "-j", "2", str(desk)])
    assert cold.exit_code == 0, cold.output
    assert (desk / ".copydesk_cache").is_dir()
    warm = runner.invoke(app, ["check", "-f", "json", "-j", "1", str(desk)])
    assert warm.stdout == cold.stdout
    bare = runner.invoke(
        app, ["check", "-f", "json", "--no-cache", "--exclude", "*.html", str(desk)]
    )
    assert [Path(f["path"]).name for f in json.loads(bare.stdout)["files"]] == ["a.txt", "b.md"]
    # No progress bar when the output is not a terminal.
    assert cold.stderr == ""


def test_a_source_one_worker_read_is_not_parsed_again(desk: Path, tmp_path: Path) -> None:
    """Workers of one run share the sources they read through the shelf."""
    from copydesk.nlp import load_nlp
    from copydesk.pipeline import Checker
    from copydesk.sources import load_registry

    shelf = tmp_path / "shelf"
    shelf.mkdir()
    registry = load_registry(desk / "sources.yaml")
    keys = tuple(source.label for source in registry.sources)
    first = Checker(Options(shelf=shelf), load_nlp).analyse(registry, keys)
    assert list(shelf.glob("*.json"))

    def no_model(_model: str | None) -> None:
        raise AssertionError("the shelf should have answered")

    second = Checker(Options(shelf=shelf), no_model).analyse(registry, keys)
    assert second == first
