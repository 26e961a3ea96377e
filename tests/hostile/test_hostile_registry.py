"""Hostile sources registries: refused with the file, line and what to do.

The registry is discovered next to the article (``sources.yaml`` in the
newsroom) or given with ``--sources``; either way a bad one stops the check
with exit code 2, one line on stderr, and nothing written.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from copydesk import sources as sources_module
from copydesk.sources import load_registry

from .newsroom import FIXTURES, Newsroom, assert_refused, invoke


def check_with_registry(newsroom: Newsroom, text: str | bytes) -> tuple[object, Path]:
    """Write ``sources.yaml`` and check the good article against it."""
    registry = newsroom.write("sources.yaml", text)
    return invoke(newsroom, "check", str(newsroom.article)), registry


RECORD = '  "1":\n    title: Council minutes\n    text: The council approved the budget.\n'


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        pytest.param(
            'sources:\n  "1":\n    title: T\n   text: a\n',
            4,
            "invalid YAML",
            id="bad-indent",
        ),
        pytest.param(
            'sources:\n  "1": {title: T, text: a\n',
            3,
            "invalid YAML",
            id="unclosed-flow",
        ),
        pytest.param('sources:\n  "1":\n    title: "T\n', 4, "invalid YAML", id="unclosed-quote"),
        pytest.param("sources:\n\t'1': {title: T, text: a}\n", 2, "invalid YAML", id="tab"),
        pytest.param(
            'sources:\n  "1":\n    title: T\x0c\n    text: a\n',
            3,
            "U+000C is not allowed",
            id="control-character",
        ),
        pytest.param(
            "%YAML 1.1\n---\nsources: {}\n---\nsources: {}\n",
            4,
            "invalid YAML",
            id="two-documents",
        ),
    ],
)
def test_hostile_registry_malformed_yaml_names_line_and_column(
    newsroom: Newsroom, text: str, line: int, says: str
) -> None:
    result, registry = check_with_registry(newsroom, text)
    message = assert_refused(result, registry, line=line, says=says)
    assert "invalid YAML" in message


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        pytest.param(
            (FIXTURES / "wrong-types.yaml").read_text(),
            4,
            "source '1': `text` must be text, not list",
            id="text-list",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: 2024\n    text: a\n',
            3,
            "`title` must be text, not int",
            id="title-int",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: T\n    text: a\n    url: {a: 1}\n',
            5,
            "`url` must be text, not dict",
            id="url-mapping",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: T\n    file: 5\n',
            4,
            "`file` must be text, not int",
            id="file-int",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: T\n    text: a\n    published: soon\n',
            5,
            "`published` must be a date (YYYY-MM-DD)",
            id="published-word",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: T\n    text: a\n    published: 2026-13-45\n',
            5,
            "invalid YAML value (month must be in 1..12)",
            id="published-impossible",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: T\n    text: a\n    n: ' + "9" * 5000 + "\n",
            5,
            "invalid YAML value",
            id="huge-integer",
        ),
        pytest.param("sources: [a, b]\n", 1, "expected a mapping", id="sources-list"),
        pytest.param("- a\n- b\n", 1, "expected a mapping", id="top-list"),
        pytest.param('sources:\n  "1": just text\n', 2, "must be a mapping", id="record-text"),
        pytest.param('sources:\n  "1":\n    text: a\n', 2, "has no `title`", id="no-title"),
        pytest.param(
            'sources:\n  "1":\n    title: T\n',
            2,
            "needs one of `text` or `file`",
            id="no-text",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: T\n    text: a\n    file: b.txt\n',
            5,
            "has both `text` and `file`",
            id="text-and-file",
        ),
        pytest.param(
            f"sources:\n{RECORD}settings: 1\n",
            5,
            "unknown top-level key 'settings'",
            id="unknown-top-key",
        ),
        pytest.param(
            f"sources:\n{RECORD}{RECORD}",
            5,
            "duplicate source label '1'",
            id="duplicate-label",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: T\n    title: U\n    text: a\n',
            4,
            "has `title` twice",
            id="duplicate-key",
        ),
        pytest.param(
            f"sources:\n{RECORD}sources: {{}}\n",
            5,
            "`sources:` appears twice",
            id="duplicate-sources",
        ),
        pytest.param(
            'sources:\n  "1":\n'
            "    title: !!python/object/apply:os.system [echo pwned]\n"
            "    text: a\n",
            3,
            "could not determine a constructor",
            id="python-tag",
        ),
        pytest.param(
            'sources:\n  "1":\n    title: T\n    text: a\n    n: ' + "[" * 3000 + "]" * 3000 + "\n",
            5,
            "nested more than 50 levels",
            id="deep-nesting",
        ),
    ],
)
def test_hostile_registry_wrong_values(newsroom: Newsroom, text: str, line: int, says: str) -> None:
    result, registry = check_with_registry(newsroom, text)
    assert_refused(result, registry, line=line, says=says)


@pytest.mark.parametrize(
    "label",
    [
        pytest.param('"a b"', id="space"),
        pytest.param('"x]y"', id="bracket"),
        pytest.param('" 1"', id="leading-space"),
        pytest.param('""', id="empty"),
        pytest.param('"é"', id="non-ascii-first"),
        pytest.param('"^1"', id="caret"),
        pytest.param('"1\\n2"', id="newline"),
        pytest.param("~", id="null"),
        pytest.param("[1, 2]", id="list"),
    ],
)
def test_hostile_registry_label_with_odd_characters(newsroom: Newsroom, label: str) -> None:
    text = f"sources:\n  {label}:\n    title: T\n    text: a\n"
    result, registry = check_with_registry(newsroom, text)
    assert_refused(result, registry, line=2, says="cannot be cited")


def test_hostile_registry_labels_that_are_fine(newsroom: Newsroom) -> None:
    text = (
        "sources:\n"
        + RECORD
        + "  2026-05-06:\n    title: T\n    text: a\n"
        + "  smith2024:\n    title: T\n    text: a\n"
        + "  doi:10.1000/182:\n    title: T\n    text: a\n"
        + "  müller_2024.v2:\n    title: T\n    text: a\n"
        + "  1.10:\n    title: T\n    text: a\n"
        + "  yes:\n    title: T\n    text: a\n"
    )
    result, registry = check_with_registry(newsroom, text)
    assert result.exit_code in (0, 1), result.output
    labels = [source.label for source in load_registry(registry).sources]
    assert labels == [
        "1",
        "2026-05-06",
        "smith2024",
        "doi:10.1000/182",
        "müller_2024.v2",
        "1.10",
        "yes",
    ]  # as written, not as PyYAML would build them


def test_hostile_registry_alias_bomb_is_refused_at_once(newsroom: Newsroom) -> None:
    started = time.monotonic()
    result, registry = check_with_registry(newsroom, (FIXTURES / "alias-bomb.yaml").read_bytes())
    assert_refused(result, registry, line=3, says="aliases and anchors are not allowed")
    assert time.monotonic() - started < 5


def test_hostile_registry_not_utf8(newsroom: Newsroom) -> None:
    result, registry = check_with_registry(
        newsroom, b'sources:\n  "1":\n    title: Caf\xe9\n    text: a\n'
    )
    assert_refused(result, registry, says="not UTF-8 text (byte 0xe9 at offset 30)")


def test_hostile_registry_binary(newsroom: Newsroom) -> None:
    result, registry = check_with_registry(newsroom, b"sources:\x00\x01\x02")
    assert_refused(result, registry, says="binary file (NUL byte at offset 8)")


def test_hostile_registry_not_utf8_after_a_bom(newsroom: Newsroom) -> None:
    result, registry = check_with_registry(newsroom, b"\xef\xbb\xbfsources: caf\xe9\n")
    assert_refused(result, registry, says="byte 0xe9 at offset 15")


def test_hostile_registry_too_large(newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources_module, "MAX_REGISTRY_BYTES", 64)
    result, registry = check_with_registry(newsroom, "sources:\n" + RECORD * 3)
    assert_refused(result, registry, says="over the 64-byte limit for a sources registry")


def test_hostile_registry_option_missing(newsroom: Newsroom) -> None:
    missing = newsroom.root / "nope.yaml"
    result = invoke(newsroom, "check", "--sources", str(missing), str(newsroom.article))
    assert_refused(result, missing, says="no such file")


def test_hostile_registry_option_is_a_folder(newsroom: Newsroom) -> None:
    folder = newsroom.root / "registry"
    folder.mkdir()
    result = invoke(newsroom, "check", "--sources", str(folder), str(newsroom.article))
    assert_refused(result, folder, says="is a folder")


def test_hostile_registry_unreadable_simulated(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "sources.yaml":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    result = invoke(newsroom, "check", str(newsroom.article))
    assert_refused(result, "sources.yaml", says="cannot be read (Permission denied)")


def test_hostile_registry_linked_outside_the_repository(newsroom: Newsroom, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("sources:\n" + RECORD)
    newsroom.registry.unlink()
    newsroom.registry.symlink_to(outside)
    result = invoke(newsroom, "check", str(newsroom.article))
    assert_refused(result, newsroom.registry, says="outside the repository")


# --- file: copies ---------------------------------------------------------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """Return a file outside the newsroom that no registry may read."""
    path = tmp_path / "secret.txt"
    path.write_text("The council approved the budget.\n")
    return path


def file_record(name: str) -> str:
    return f'sources:\n  "1":\n    title: Council minutes\n    file: {name}\n'


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("../secret.txt", id="parent"),
        pytest.param("copies/../../secret.txt", id="through-a-folder"),
        pytest.param("{secret}", id="absolute"),
    ],
)
def test_hostile_file_escaping_the_registry_folder(
    newsroom: Newsroom, secret: Path, name: str
) -> None:
    result, registry = check_with_registry(newsroom, file_record(name.format(secret=secret)))
    assert_refused(result, registry, line=4, says="is outside the registry's folder")


def test_hostile_file_escaping_through_a_symlink(newsroom: Newsroom, secret: Path) -> None:
    (newsroom.root / "copy.txt").symlink_to(secret)
    result, registry = check_with_registry(newsroom, file_record("copy.txt"))
    assert_refused(result, registry, line=4, says="is outside the registry's folder")


def test_hostile_file_escaping_through_a_linked_folder(newsroom: Newsroom, secret: Path) -> None:
    (newsroom.root / "copies").symlink_to(secret.parent)
    result, registry = check_with_registry(newsroom, file_record("copies/secret.txt"))
    assert_refused(result, registry, line=4, says="is outside the registry's folder")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param('""', id="empty"),
        pytest.param('"a\\0b.txt"', id="nul"),
    ],
)
def test_hostile_file_name_unusable(newsroom: Newsroom, name: str) -> None:
    result, registry = check_with_registry(newsroom, file_record(name))
    assert_refused(result, registry, line=4, says="is not a usable file name")


@pytest.mark.parametrize(
    ("setup", "name"),
    [
        pytest.param(None, "missing.txt", id="missing"),
        pytest.param(b"\x89PNG\x00\x00", "copy.txt", id="binary"),
        pytest.param(b"caf\xe9", "copy.txt", id="latin-1"),
        pytest.param("folder", "copies", id="folder"),
    ],
)
def test_hostile_file_unreadable_makes_the_source_unavailable(
    newsroom: Newsroom, setup: bytes | str | None, name: str
) -> None:
    """A ``file:`` that cannot be read is a verdict (CD103), not a crash."""
    if setup == "folder":
        (newsroom.root / name).mkdir()
    elif setup is not None:
        newsroom.write(name, setup)
    newsroom.write("sources.yaml", file_record(name))
    result = invoke(newsroom, "check", "-f", "json", str(newsroom.article))
    assert result.exit_code == 1, result.output
    (claim,) = json.loads(result.stdout)["files"][0]["claims"]
    assert (claim["verdict"], claim["reason"]) == ("unsupported", "source-unavailable")
