"""Read a small YAML file safely, keeping the line of every key for error messages.

Used for configuration files and claims ledgers.  Safe constructors only; no
aliases (they can blow up memory); duplicate keys are errors.  Mappings come
back as ``LineDict`` and lists as ``LineList``, which remember where each key
and item was written, so that the loaders can say "file:line: what is wrong".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from copydesk import errors
from copydesk.errors import CopydeskError

MAX_BYTES = 5 * 1024 * 1024


class LineDict(dict[Any, Any]):
    """A YAML mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:  # noqa: ANN401 - YAML keys can be anything
        """Return the line of ``key``, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A YAML sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


def line_of(value: Any, default: int | None = None) -> int | None:  # noqa: ANN401
    """Return the line a loaded mapping or list starts on, else ``default``."""
    return getattr(value, "line", None) or default


MAX_DEPTH = 50
# libyaml parses many times faster than pure Python (used for sources registries).
FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


class YamlProblem(Exception):
    """A problem found while loading, before the caller's error class is known."""

    def __init__(self, message: str, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def check_structure(
    text: str,
    *,
    alias_message: str,
    first_line: int = 1,
    parser: Any = yaml.SafeLoader,  # noqa: ANN401
) -> None:
    """Refuse aliases (alias bombs) and nesting past MAX_DEPTH, from parser events alone.

    Run before composing: PyYAML composes recursively, so ``[[[[...`` 5,000 deep
    would otherwise be a RecursionError. ``first_line`` is the file line on which
    ``text`` starts; ``parser`` is the loader whose parser reads it (its syntax
    errors are the ones the user sees).
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=parser):
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(alias_message, mark.line + first_line, None)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(errors.YAML_TOO_DEEP, mark.line + first_line, mark.column + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # libyaml 0.2.5 (in PyYAML 6.0.4's wheels) scans "[[[[..." ahead and stops at
        # its own limit before the parser hands over the events counted above.
        if "nesting depth" not in str(exc.problem) or exc.problem_mark is None:
            raise
        mark = exc.problem_mark
        raise YamlProblem(errors.YAML_TOO_DEEP, mark.line + first_line, mark.column + 1) from None


class ValueLines:
    """Loader mixin: a value that cannot be built fails with its line and column."""

    first_line = 1  # the file line on which the loaded text starts

    def construct_object(self, node: Any, deep: bool = False) -> Any:  # noqa: ANN401
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, OverflowError, TypeError) as exc:
            # ``date: 2026-13-45`` reaches datetime(), which raises ValueError;
            # so does an integer of more than 4300 digits.
            mark = node.start_mark
            raise YamlProblem(
                errors.YAML_VALUE.format(problem=str(exc).split(";")[0]),
                mark.line + self.first_line,
                mark.column + 1,
            ) from exc


class _Loader(ValueLines, yaml.SafeLoader):
    """A safe loader that records the line of every key and item."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            first = mapping.key_lines.get(key)
        except TypeError:
            raise YamlProblem(
                errors.YAML_VALUE.format(problem="a mapping key must be text"),
                line,
                key_node.start_mark.column + 1,
            ) from None
        if first is not None:
            raise YamlProblem(
                errors.YAML_DUPLICATE_KEY.format(key=key, first=first),
                line,
                key_node.start_mark.column + 1,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse_yaml(text: str, *, where: str, error: type[CopydeskError]) -> Any:  # noqa: ANN401
    """Parse YAML text; raise ``error`` naming ``where``, the line and the problem."""
    loader = None
    try:
        check_structure(text, alias_message=errors.YAML_NO_ALIASES)
        loader = _Loader(text)
        return loader.get_single_data()
    except YamlProblem as exc:
        raise error(exc.message, path=where, line=exc.line, column=exc.column) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(
            errors.YAML_SYNTAX.format(problem=getattr(exc, "problem", None) or exc),
            path=where,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


def read_yaml(path: Path, *, error: type[CopydeskError], where: str | None = None) -> Any:  # noqa: ANN401
    """Read and parse a YAML file; every problem becomes ``error`` with file and line."""
    return parse_yaml(
        read_text(path, error=error, where=where), where=where or str(path), error=error
    )


def read_text(path: Path, *, error: type[CopydeskError], where: str | None = None) -> str:
    """Read a small UTF-8 text file; every problem becomes ``error`` naming the file."""
    where = where or str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise error(errors.MISSING_FILE, path=where) from None
    except OSError as exc:
        raise error(errors.UNREADABLE.format(reason=exc.strerror or exc), path=where) from None
    if len(data) > MAX_BYTES:
        raise error(errors.YAML_FILE_TOO_LARGE.format(limit=MAX_BYTES), path=where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(
            errors.NOT_UTF8.format(byte=data[exc.start], offset=exc.start), path=where
        ) from None
