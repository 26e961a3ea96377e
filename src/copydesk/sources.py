"""Find and load a sources registry (``sources.yaml``) into a ``Registry``.

YAML is read with PyYAML's safe loader only, and turned into dataclasses here:
nothing past this module sees a raw dict.  Every error names the file and line.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from copydesk import errors
from copydesk.dates import parse_iso
from copydesk.errors import InputError, SourcesError
from copydesk.models import Format, Registry, Source
from copydesk.yamlfile import FAST_LOADER, ValueLines, YamlProblem, check_structure

REGISTRY_NAME = "sources.yaml"
SIDECAR_SUFFIX = ".sources.yaml"
TEXT_KEYS = ("title", "publisher", "url", "text", "file")
MAX_SOURCE_BYTES = 20 * 1024 * 1024
MAX_REGISTRY_BYTES = 20 * 1024 * 1024
# A registry needs three levels (sources → record → value); 50 leaves room for `extra` keys.
SOURCE_FORMATS = {
    ".txt": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".markdown": Format.MARKDOWN,
    ".text": Format.TEXT,
}


def find_registry(article: Path | None, override: Path | None = None) -> Path | None:
    """Return the registry for an article, per the discovery contract.

    ``--sources`` wins; then ``<stem>.sources.yaml`` beside the article; then
    the nearest ``sources.yaml`` up to the repository root (the folder with
    ``.git``).  Standard input (``article`` None) searches from the current folder.
    """
    if override is not None:
        return override
    folder = Path.cwd() if article is None else article.parent
    if article is not None:
        sidecar = article.with_name(article.stem + SIDECAR_SUFFIX)
        if sidecar.is_file():
            return sidecar
    absolute = folder.resolve()
    for parent in (absolute, *absolute.parents):
        candidate = parent / REGISTRY_NAME
        if candidate.is_file():
            return shortest(candidate)
        if (parent / ".git").exists():
            break
    return None


def shortest(path: Path) -> Path:
    """Return ``path`` relative to the current folder when it lies inside it."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


class _Loader(ValueLines, FAST_LOADER):  # type: ignore[misc, valid-type]
    """A safe loader whose bad values fail with their line and column."""


def load_registry(path: Path) -> Registry:
    """Load and validate a sources registry, reading ``file:`` copies too."""
    from copydesk.pipeline.read import link_target_outside_repository

    where = str(path)
    try:
        if path.is_dir():
            raise SourcesError(errors.REGISTRY_IS_FOLDER, path=where)
        if path.exists() and (outside := link_target_outside_repository(path)) is not None:
            raise SourcesError(errors.LINK_ESCAPES.format(target=outside), path=where)
        with path.open("rb") as handle:
            data = handle.read(MAX_REGISTRY_BYTES + 1)
    except FileNotFoundError as exc:
        raise SourcesError(errors.MISSING_FILE, path=where) from exc
    except OSError as exc:
        raise SourcesError(
            errors.UNREADABLE.format(reason=exc.strerror or exc), path=where
        ) from exc
    if len(data) > MAX_REGISTRY_BYTES:
        raise SourcesError(
            errors.REGISTRY_TOO_LARGE.format(
                size=f"over {MAX_REGISTRY_BYTES}", limit=MAX_REGISTRY_BYTES
            ),
            path=where,
        )
    from copydesk.pipeline.read import decode

    try:
        raw = decode(data, where)
    except InputError as exc:  # the same checks and wording as for an article
        raise SourcesError(exc.message, path=where) from exc
    from copydesk.pipeline.read import yaml_problem

    loader = None
    try:
        # The parser checks every character as it reads: both steps inside the try.
        check_structure(raw, alias_message=errors.YAML_ALIAS, parser=FAST_LOADER)
        loader = _Loader(raw)
        root = loader.get_single_node()
        return Registry(path=where, sources=tuple(_records(root, loader, path)))
    except YamlProblem as exc:
        raise SourcesError(exc.message, path=where, line=exc.line, column=exc.column) from exc
    except SourcesError as exc:
        exc.path = where
        raise
    except yaml.YAMLError as exc:
        problem, line, column = yaml_problem(exc, raw)
        raise SourcesError(
            errors.YAML_SYNTAX.format(problem=problem),
            path=where,
            line=line + 1 if line is not None else None,
            column=column + 1 if column is not None else None,
        ) from exc
    finally:
        if loader is not None:
            loader.dispose()


def _records(root: Any, loader: yaml.SafeLoader, path: Path) -> list[Source]:  # noqa: ANN401
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise SourcesError(errors.REGISTRY_NOT_MAPPING, line=root.start_mark.line + 1)
    records: list[Source] = []
    seen_sources: int | None = None
    for key_node, value_node in root.value:
        key = loader.construct_object(key_node)
        if key != "sources":
            raise SourcesError(
                errors.REGISTRY_UNKNOWN_TOP.format(key=key), line=key_node.start_mark.line + 1
            )
        if seen_sources is not None:
            raise SourcesError(
                errors.REGISTRY_DUPLICATE_TOP.format(first=seen_sources),
                line=key_node.start_mark.line + 1,
            )
        seen_sources = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.ScalarNode) and value_node.value in ("", "~", "null"):
            continue
        if not isinstance(value_node, yaml.MappingNode):
            raise SourcesError(errors.REGISTRY_NOT_MAPPING, line=value_node.start_mark.line + 1)
        first_line: dict[str, int] = {}
        for label_node, record_node in value_node.value:
            line = label_node.start_mark.line + 1
            label = _label(label_node, line)
            if label in first_line:
                raise SourcesError(
                    errors.RECORD_DUPLICATE.format(label=label, first=first_line[label]), line=line
                )
            first_line[label] = line
            records.append(_record(label, line, record_node, loader, path))
    return records


def _label(node: Any, line: int) -> str:  # noqa: ANN401
    """Return a record's label exactly as written, refusing one no marker could cite."""
    # NOTE: the text as written, not the value PyYAML builds: ``1.10`` is the
    # float 1.1, ``007`` the int 7 and ``yes`` True, but the article cites
    # [1.10], [007] and [yes].  ``~`` and ``[1, 2]`` are not labels.
    if not isinstance(node, yaml.ScalarNode):
        raise SourcesError(errors.RECORD_BAD_LABEL.format(label=node_text(node)), line=line)
    label = str(node.value)
    # A label must be one that a marker can cite: [smith2024], [1], [a.1].
    from copydesk.pipeline.markers import LABEL_BODY

    if not re.fullmatch(LABEL_BODY, label):
        raise SourcesError(errors.RECORD_BAD_LABEL.format(label=label), line=line)
    return label


def node_text(node: Any) -> str:  # noqa: ANN401
    """Return a short rendering of a YAML key as written, for a message."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return "[...]" if isinstance(node, yaml.SequenceNode) else "{...}"


def _record(label: str, line: int, node: Any, loader: yaml.SafeLoader, path: Path) -> Source:  # noqa: ANN401
    if not isinstance(node, yaml.MappingNode):
        raise SourcesError(errors.RECORD_NOT_MAPPING.format(label=label), line=line)
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node))
        if key in fields:
            raise SourcesError(
                errors.RECORD_DUPLICATE_KEY.format(label=label, key=key, first=lines[key]),
                line=key_node.start_mark.line + 1,
            )
        fields[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    for key in TEXT_KEYS:
        if key in fields and fields[key] is not None and not isinstance(fields[key], str):
            raise SourcesError(
                errors.RECORD_BAD_TYPE.format(
                    label=label, key=key, expected="text", actual=type(fields[key]).__name__
                ),
                line=lines[key],
            )
    if not (fields.get("title") or "").strip():
        raise SourcesError(errors.RECORD_NO_TITLE.format(label=label), line=line)
    if fields.get("text") is None and fields.get("file") is None:
        raise SourcesError(errors.RECORD_NO_TEXT.format(label=label), line=line)
    if fields.get("text") is not None and fields.get("file") is not None:
        raise SourcesError(errors.RECORD_BOTH_TEXT.format(label=label), line=lines["file"])
    published = fields.get("published")
    when: date | None = None
    if published is not None:
        when = parse_iso(published)
        if when is None:
            raise SourcesError(
                errors.RECORD_BAD_TYPE.format(
                    label=label,
                    key="published",
                    expected="a date (YYYY-MM-DD)",
                    actual=repr(published),
                ),
                line=lines["published"],
            )
    text, problem = fields.get("text"), None
    if fields.get("file") is not None:
        text, problem = _read_copy(label, fields["file"], path, lines["file"])
    extra = tuple((k, v) for k, v in fields.items() if k not in {*TEXT_KEYS, "published"})
    return Source(
        label=label,
        title=fields["title"].strip(),
        line=line,
        text=text,
        publisher=fields.get("publisher"),
        url=fields.get("url"),
        published=when,
        file=fields.get("file"),
        problem=problem,
        extra=extra,
    )


def _read_copy(label: str, name: str, registry: Path, line: int) -> tuple[str | None, str | None]:
    """Read a ``file:`` copy; a missing copy makes the source unavailable, not an error."""
    if not name.strip() or "\x00" in name:
        raise SourcesError(errors.FILE_BAD_NAME.format(label=label, file=name), line=line)
    root = registry.parent.resolve()
    # resolve() follows every symlink, so a link that points outside is caught too.
    target = (registry.parent / name).resolve()
    if not target.is_relative_to(root):
        raise SourcesError(errors.FILE_ESCAPES.format(label=label, file=name, root=root), line=line)
    try:
        if target.is_dir():
            return None, f"{name} is a folder, not a saved copy"
        with target.open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        return None, f"{name} does not exist"
    except OSError as exc:
        return None, f"{name} cannot be read ({exc.strerror or exc})"
    if len(data) > MAX_SOURCE_BYTES:
        return None, f"{name} is over {MAX_SOURCE_BYTES} bytes"
    from copydesk.pipeline.read import parse_document

    try:
        document = parse_document(
            data, name, SOURCE_FORMATS.get(target.suffix.lower(), Format.TEXT)
        )
    except InputError as exc:
        return None, f"{name}: {exc.message}"
    # The view keeps every offset of the saved copy, with markup blanked.
    return document.view, None
