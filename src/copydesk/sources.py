"""Find and load a sources registry (``sources.yaml``) into a ``Registry``.

YAML is read with PyYAML's safe loader only, and turned into dataclasses here:
nothing past this module sees a raw dict.  Every error names the file and line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from copydesk import errors
from copydesk.dates import parse_iso
from copydesk.errors import SourcesError
from copydesk.models import Format, Registry, Source

REGISTRY_NAME = "sources.yaml"
SIDECAR_SUFFIX = ".sources.yaml"
TEXT_KEYS = ("title", "publisher", "url", "text", "file")
MAX_SOURCE_BYTES = 20 * 1024 * 1024
SOURCE_FORMATS = {".txt": Format.TEXT, ".md": Format.MARKDOWN, ".html": Format.HTML,
                  ".htm": Format.HTML, ".markdown": Format.MARKDOWN, ".text": Format.TEXT}


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


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases, which can blow up memory."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: ANN401
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise SourcesError(errors.YAML_ALIAS, line=event.start_mark.line + 1)
        return super().compose_node(parent, index)


def load_registry(path: Path) -> Registry:
    """Load and validate a sources registry, reading ``file:`` copies too."""
    where = str(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise SourcesError(errors.MISSING_FILE, path=where) from exc
    except UnicodeDecodeError as exc:
        raise SourcesError(errors.NOT_UTF8.format(byte=exc.object[exc.start], offset=exc.start),
                           path=where) from exc
    except OSError as exc:
        raise SourcesError(errors.UNREADABLE.format(reason=exc.strerror or exc), path=where) from exc
    loader = _StrictLoader(raw)
    try:
        root = loader.get_single_node()
        return Registry(path=where, sources=tuple(_records(root, loader, path)))
    except SourcesError as exc:
        exc.path = where
        raise
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SourcesError(
            errors.YAML_SYNTAX.format(problem=getattr(exc, "problem", None) or exc),
            path=where,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from exc
    finally:
        loader.dispose()


def _records(root: Any, loader: yaml.SafeLoader, path: Path) -> list[Source]:  # noqa: ANN401
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise SourcesError(errors.REGISTRY_NOT_MAPPING, line=root.start_mark.line + 1)
    records: list[Source] = []
    for key_node, value_node in root.value:
        key = loader.construct_object(key_node)
        if key != "sources":
            raise SourcesError(errors.REGISTRY_UNKNOWN_TOP.format(key=key),
                               line=key_node.start_mark.line + 1)
        if isinstance(value_node, yaml.ScalarNode) and value_node.value in ("", "~", "null"):
            continue
        if not isinstance(value_node, yaml.MappingNode):
            raise SourcesError(errors.REGISTRY_NOT_MAPPING, line=value_node.start_mark.line + 1)
        first_line: dict[str, int] = {}
        for label_node, record_node in value_node.value:
            label = str(loader.construct_object(label_node))
            line = label_node.start_mark.line + 1
            if label in first_line:
                raise SourcesError(errors.RECORD_DUPLICATE.format(label=label, first=first_line[label]),
                                   line=line)
            first_line[label] = line
            records.append(_record(label, line, record_node, loader, path))
    return records


def _record(label: str, line: int, node: Any, loader: yaml.SafeLoader, path: Path) -> Source:  # noqa: ANN401
    if not isinstance(node, yaml.MappingNode):
        raise SourcesError(errors.RECORD_NOT_MAPPING.format(label=label), line=line)
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node))
        fields[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    for key in TEXT_KEYS:
        if key in fields and fields[key] is not None and not isinstance(fields[key], str):
            raise SourcesError(errors.RECORD_BAD_TYPE.format(
                label=label, key=key, expected="text", actual=type(fields[key]).__name__),
                line=lines[key])
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
            raise SourcesError(errors.RECORD_BAD_TYPE.format(
                label=label, key="published", expected="a date (YYYY-MM-DD)",
                actual=repr(published)), line=lines["published"])
    text, problem = fields.get("text"), None
    if fields.get("file") is not None:
        text, problem = _read_copy(label, fields["file"], path, lines["file"])
    extra = tuple((k, v) for k, v in fields.items() if k not in {*TEXT_KEYS, "published"})
    return Source(label=label, title=fields["title"].strip(), line=line, text=text,
                  publisher=fields.get("publisher"), url=fields.get("url"), published=when,
                  file=fields.get("file"), problem=problem, extra=extra)


def _read_copy(label: str, name: str, registry: Path, line: int) -> tuple[str | None, str | None]:
    """Read a ``file:`` copy; a missing copy makes the source unavailable, not an error."""
    root = registry.parent.resolve()
    target = (registry.parent / name).resolve()
    if not target.is_relative_to(root):
        raise SourcesError(errors.FILE_ESCAPES.format(label=label, file=name, root=root), line=line)
    try:
        if target.stat().st_size > MAX_SOURCE_BYTES:
            return None, f"{name} is over {MAX_SOURCE_BYTES} bytes"
        data = target.read_bytes()
    except FileNotFoundError:
        return None, f"{name} does not exist"
    except OSError as exc:
        return None, f"{name} cannot be read ({exc.strerror or exc})"
    from copydesk.pipeline.read import parse_document
    from copydesk.errors import InputError

    try:
        document = parse_document(data, name, SOURCE_FORMATS.get(target.suffix.lower(), Format.TEXT))
    except InputError as exc:
        return None, f"{name}: {exc.message}"
    # The view keeps every offset of the saved copy, with markup blanked.
    return document.view, None
