"""The sources registry: loading, validation errors with lines, and discovery."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from copydesk.errors import SourcesError
from copydesk.sources import find_registry, load_registry

GOOD = """\
sources:
  1:
    title: SpaceX agrees to lease Colossus 1
    publisher: Reuters
    published: 2026-05-06
    text: SpaceX on Wednesday signed an agreement.
  smith2024:
    title: A study
    file: copies/smith2024.txt
    note: kept and shown
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_load_registry_reads_records_and_copies(tmp_path: Path) -> None:
    write(tmp_path, "copies/smith2024.txt", "The study found a 4% rise.\n")
    registry = load_registry(write(tmp_path, "sources.yaml", GOOD))
    first, second = registry.sources
    assert (first.label, first.title, first.publisher, str(first.published), first.line) == (
        "1",
        "SpaceX agrees to lease Colossus 1",
        "Reuters",
        "2026-05-06",
        2,
    )
    assert (second.label, second.text, second.extra) == (
        "smith2024",
        "The study found a 4% rise.\n",
        (("note", "kept and shown"),),
    )


def test_load_registry_missing_copy_is_unavailable_not_fatal(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, "sources.yaml", GOOD))
    source = registry.get("smith2024")
    assert source is not None and source.text is None
    assert source.problem == "copies/smith2024.txt does not exist"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            "sources: {}\nextra: 1\n",
            "sources.yaml:2: unknown top-level key 'extra'",
            id="unknown-top-key",
        ),
        pytest.param(
            "sources:\n  1:\n    text: x\n",
            "sources.yaml:2: source '1' has no `title`",
            id="no-title",
        ),
        pytest.param(
            "sources:\n  1:\n    title: T\n",
            "sources.yaml:2: source '1' needs one of",
            id="no-text",
        ),
        pytest.param(
            "sources:\n  1:\n    title: T\n    text: a\n  '1':\n    title: U\n    text: b\n",
            "sources.yaml:5: duplicate source label '1' (first defined on line 2)",
            id="duplicate-label",
        ),
        pytest.param(
            "sources:\n  1:\n    title: [a, b]\n    text: a\n",
            "sources.yaml:3: source '1': `title` must be text, not list",
            id="wrong-type",
        ),
        pytest.param(
            "sources:\n  1:\n    title: T\n    text: a\n    published: soon\n",
            "sources.yaml:5: source '1': `published` must be a date",
            id="bad-date",
        ),
        pytest.param(
            "sources:\n  1:\n    title: T\n   text: a\n", "sources.yaml:4:", id="yaml-syntax"
        ),
        pytest.param(
            "sources:\n  1: &a\n    title: T\n    text: a\n  2: *a\n",
            "sources.yaml:5: YAML aliases and anchors are not allowed",
            id="alias",
        ),
        pytest.param("- a\n- b\n", "sources.yaml:1: expected a mapping", id="not-a-mapping"),
        pytest.param(
            "sources:\n  1:\n    title: T\n    file: ../outside.txt\n",
            "sources.yaml:4: source '1': file '../outside.txt' is outside",
            id="file-escapes",
        ),
    ],
)
def test_load_registry_errors_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "sources.yaml", text)
    with pytest.raises(SourcesError) as caught:
        load_registry(path)
    assert str(caught.value).replace(str(tmp_path) + os.sep, "").startswith(message)


def test_load_registry_symlink_escape_is_refused(tmp_path: Path) -> None:
    outside = write(tmp_path, "secret.txt", "secret")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    path = write(folder, "sources.yaml", "sources:\n  1:\n    title: T\n    file: link.txt\n")
    with pytest.raises(SourcesError, match="is outside the registry's folder"):
        load_registry(path)


def test_find_registry_prefers_sidecar_then_nearest(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    root = write(tmp_path, "sources.yaml", GOOD)
    article = write(tmp_path, "drafts/2026/foo.md", "text")
    assert find_registry(article).resolve() == root.resolve()
    nearer = write(tmp_path, "drafts/sources.yaml", GOOD)
    assert find_registry(article).resolve() == nearer.resolve()
    sidecar = write(tmp_path, "drafts/2026/foo.sources.yaml", GOOD)
    assert find_registry(article) == sidecar
    override = tmp_path / "other.yaml"
    assert find_registry(article, override) == override


def test_find_registry_stops_at_repository_root(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", GOOD)
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    article = write(tmp_path, "repo/drafts/foo.txt", "text")
    assert find_registry(article) is None
