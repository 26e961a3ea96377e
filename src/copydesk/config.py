"""Find and load copydesk's configuration, then merge the command line over it.

Discovery follows ruff: ``--config PATH`` wins; otherwise copydesk walks up
from the first article's folder, stopping at the folder that holds ``.git``,
and in each folder the first of ``copydesk.yaml``, ``.copydesk.yaml`` or a
``pyproject.toml`` with a ``[tool.copydesk]`` table wins, with no merging
across files.  ``--isolated`` ignores them all.  Relative paths in a file
resolve from that file's folder; on the command line, from the current one.

Raw YAML and TOML values stop here: the rest of copydesk sees a frozen
``Config``.  Every problem is a ``ConfigError`` naming the file (or flag), the
line where it can be found, and what is wrong.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from copydesk import errors
from copydesk.errors import ConfigError
from copydesk.models import FailOn
from copydesk.pipeline.read import DEFAULT_MAX_BYTES
from copydesk.rules import matching_codes
from copydesk.selection import PerFileIgnore, RuleFilter
from copydesk.yamlfile import LineDict, parse_yaml, read_text

CONFIG_FILES = ("copydesk.yaml", ".copydesk.yaml", "pyproject.toml")
DEFAULT_FORMAT = "rich"
DEFAULT_LEDGER = "claims"
STDIN = "-"
TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
TOML_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
TOML_KEY = re.compile(r"^\s*(\"?)([A-Za-z0-9_-]+)\1\s*[=.]")


@dataclass(frozen=True, slots=True)
class Config:
    """The settings in effect for one run, and where each one came from."""

    fail_on: FailOn = FailOn.UNSUPPORTED
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    sources: Path | None = None
    date: date | None = None
    format: str = DEFAULT_FORMAT
    output: Path | None = None
    exit_zero: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    known_names: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ledger: Path = Path(DEFAULT_LEDGER)
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache: bool = True
    exclude: tuple[str, ...] = ()
    file: Path | None = None  # the configuration file used, if any
    root: Path = field(default_factory=Path.cwd)  # the repository root (absolute)
    origins: tuple[tuple[str, str], ...] = ()  # setting -> "default", "file:line", "--flag"

    def origin(self, key: str) -> str:
        """Return where a setting came from."""
        return dict(self.origins).get(key, "default")

    def selected_codes(self) -> frozenset[str] | None:
        """Return the codes ``select`` names, or None when every rule is selected."""
        if self.select is None:
            return None
        return frozenset().union(*(matching_codes(p) for p in self.select))

    def ignored_codes(self) -> frozenset[str]:
        """Return the codes ``ignore`` names."""
        return frozenset().union(*(matching_codes(p) for p in self.ignore))

    def rule_filter(self) -> RuleFilter:
        """Return the codes that count toward the gate, with where each choice was made."""
        return RuleFilter(
            select=self.selected_codes(),
            ignore=self.ignored_codes(),
            per_file=self.per_file_ignores,
            select_origin=self.setting_origin("select"),
            ignore_origin=self.setting_origin("ignore"),
        )

    def setting_origin(self, key: str) -> str:
        """Return ``--ignore``, or ``ignore in copydesk.yaml:3``, for messages."""
        origin = self.origin(key)
        return origin if origin.startswith("--") else f"{key} in {origin}"


@dataclass(frozen=True, slots=True)
class Where:
    """Where a value was written: for error messages, origins and relative paths."""

    origin: str  # ``copydesk.yaml:3`` or ``--select``
    base: Path  # the folder relative paths resolve from
    path: str  # for errors: the file, or the flag
    line: int | None = None

    def error(self, message: str) -> ConfigError:
        """Return a ConfigError at this place."""
        return ConfigError(message, path=self.path, line=self.line)


# --- discovery ----------------------------------------------------------------


def start_folder(articles: Sequence[str]) -> Path:
    """Return the folder discovery starts from: the first article's, else the current one."""
    for article in articles:
        if article != STDIN:
            path = Path(article)
            return (path if path.is_dir() else path.parent).resolve()
    return Path.cwd()


def find_root(start: Path) -> Path | None:
    """Return the nearest folder at or above ``start`` that holds ``.git``."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def find_config(start: Path) -> Path | None:
    """Return the configuration file for ``start``, per the discovery order."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or has_tool_table(candidate)):
                return candidate
        if (folder / ".git").exists():
            return None
    return None


def has_tool_table(path: Path) -> bool:
    """Return whether a pyproject.toml has a ``[tool.copydesk]`` table."""
    data = load_toml(path)
    return isinstance(data.get("tool"), dict) and "copydesk" in data["tool"]


def display(path: Path) -> str:
    """Return ``path`` relative to the current folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(path)


# --- reading files --------------------------------------------------------------


def load_toml(path: Path, where: str | None = None) -> dict[str, Any]:
    """Parse a TOML file; a syntax error names the file, line and column."""
    where = where or display(path)
    text = read_text(path, error=ConfigError, where=where)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = TOML_POSITION.search(message)
        raise ConfigError(
            errors.TOML_SYNTAX.format(problem=TOML_POSITION.sub("", message)),
            path=where,
            line=int(position.group(1)) if position else None,
            column=int(position.group(2)) if position else None,
        ) from None


def toml_key_lines(text: str) -> dict[str, int]:
    """Return the line of each key of ``[tool.copydesk]`` (tomllib does not keep lines)."""
    lines: dict[str, int] = {}
    in_table = False
    for number, line in enumerate(text.splitlines(), 1):
        header = TOML_HEADER.match(line)
        if header:
            name = re.sub(r"[\s\"']", "", header.group(1))
            in_table = name == "tool.copydesk"
            if name.startswith("tool.copydesk."):
                lines.setdefault(name.split(".")[2], number)
            continue
        key = TOML_KEY.match(line)
        if in_table and key:
            lines.setdefault(key.group(2), number)
    return lines


def read_settings(path: Path, where: str) -> dict[str, tuple[Any, int | None]]:
    """Return each raw setting of a configuration file with the line it is on."""
    if path.name == "pyproject.toml":
        data = load_toml(path, where)
        tool = data.get("tool")
        if not isinstance(tool, dict) or "copydesk" not in tool:
            raise ConfigError(errors.CONFIG_NO_TABLE, path=where)
        table = tool["copydesk"]
        if not isinstance(table, dict):
            raise ConfigError(errors.CONFIG_NOT_MAPPING, path=where)
        lines = toml_key_lines(read_text(path, error=ConfigError, where=where))
        return {str(k): (v, lines.get(str(k))) for k, v in table.items()}
    data = parse_yaml(
        read_text(path, error=ConfigError, where=where), where=where, error=ConfigError
    )
    if data is None:
        return {}
    if not isinstance(data, LineDict):
        raise ConfigError(errors.CONFIG_NOT_MAPPING, path=where, line=getattr(data, "line", 1))
    return {str(k): (v, data.line_of(k)) for k, v in data.items()}


# --- values ---------------------------------------------------------------------


def describe(value: object) -> str:
    """Return a reader's name for the type of a raw value."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def as_choice(key: str, value: object, where: Where, choices: Sequence[str]) -> str:
    """Return a value that must be one of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise where.error(
            errors.CONFIG_BAD_CHOICE.format(key=key, choices=", ".join(choices), actual=value)
        )
    return value


def as_fail_on(key: str, value: object, where: Where) -> FailOn:
    """Return the ``fail_on`` threshold."""
    value = value.value if isinstance(value, FailOn) else value
    return FailOn(as_choice(key, value, where, [f.value for f in FailOn]))


def as_format(key: str, value: object, where: Where) -> str:
    """Return a report format that a reporter exists for."""
    from copydesk.reporters import REPORTERS

    return as_choice(key, getattr(value, "value", value), where, sorted(REPORTERS))


def as_codes(key: str, value: object, where: Where) -> tuple[str, ...]:
    """Return rule-code selectors (``CD201``, or ``CD2`` for a block), each one checked."""
    items = split_codes(value)
    if items is None:
        raise where.error(
            errors.CONFIG_BAD_VALUE.format(
                key=key,
                expected="a list of rule codes such as [CD201, CD3]",
                actual=describe(value),
            )
        )
    for item in items:
        if not matching_codes(item):
            raise where.error(errors.CONFIG_BAD_CODE.format(key=key, code=item))
    return tuple(item.strip().upper() for item in items)


def split_codes(value: object) -> list[str] | None:
    """Return the codes of a list or of a comma-separated string, or None for anything else."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        return None
    return [code for item in value for code in re.split(r"[,\s]+", item) if code]


def as_path(key: str, value: object, where: Where) -> Path:
    """Return a path, relative ones resolved from the file (or folder) that wrote them."""
    if isinstance(value, Path):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise where.error(
            errors.CONFIG_BAD_VALUE.format(key=key, expected="a path", actual=describe(value))
        )
    path = Path(value)
    if key == "output" and value == "-":
        return path  # standard output
    return path if path.is_absolute() else where.base / path


def as_date(key: str, value: object, where: Where) -> date:
    """Return a publication date written as YYYY-MM-DD (or a YAML/TOML date)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise where.error(errors.BAD_DATE.format(value=value)) from None
    raise where.error(
        errors.CONFIG_BAD_VALUE.format(
            key=key, expected="a date written YYYY-MM-DD", actual=describe(value)
        )
    )


def as_bool(key: str, value: object, where: Where) -> bool:
    """Return a true/false setting."""
    if not isinstance(value, bool):
        raise where.error(
            errors.CONFIG_BAD_VALUE.format(
                key=key, expected="true or false", actual=describe(value)
            )
        )
    return value


def as_positive_int(key: str, value: object, where: Where) -> int:
    """Return a whole number above zero."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise where.error(
            errors.CONFIG_BAD_VALUE.format(
                key=key, expected="a whole number above 0", actual=describe(value)
            )
        )
    return value


def as_per_file_ignores(key: str, value: object, where: Where) -> tuple[PerFileIgnore, ...]:
    """Return ``{glob: codes}`` as per-file ignores rooted at the file's folder."""
    if not isinstance(value, dict):
        raise where.error(
            errors.CONFIG_BAD_VALUE.format(
                key=key,
                expected='a mapping of globs to codes, such as {"opinion/*.md": [CD301]}',
                actual=describe(value),
            )
        )
    found = []
    for pattern, codes in value.items():
        line = value.line_of(pattern) if isinstance(value, LineDict) else where.line
        here = Where(f"{where.path}:{line}" if line else where.origin, where.base, where.path, line)
        if not isinstance(pattern, str) or not pattern.strip():
            raise here.error(
                errors.CONFIG_BAD_VALUE.format(
                    key=key, expected="globs as keys", actual=describe(pattern)
                )
            )
        selectors = as_codes(f"{key}: {pattern}", codes, here)
        found.append(
            PerFileIgnore(
                pattern=pattern.strip(),
                codes=frozenset().union(*map(matching_codes, selectors)),
                base=where.base.resolve(),
                origin=here.origin,
            )
        )
    return tuple(found)


KnownNames = tuple[tuple[str, tuple[str, ...]], ...]


def as_known_names(key: str, value: object, where: Where) -> KnownNames:
    """Return extra names for the entity ruler: ``{ORG: [Colossus 1], PERSON: [J. Doe]}``."""
    expected = "a mapping of entity labels to names, such as {ORG: [Colossus 1]}"
    if not isinstance(value, dict):
        raise where.error(
            errors.CONFIG_BAD_VALUE.format(key=key, expected=expected, actual=describe(value))
        )
    found = []
    for label, names in value.items():
        if isinstance(names, str):
            names = [names]
        if (
            not isinstance(label, str)
            or not isinstance(names, (list, tuple))
            or not all(isinstance(n, str) and n.strip() for n in names)
        ):
            line = value.line_of(label) if isinstance(value, LineDict) else where.line
            raise Where(where.origin, where.base, where.path, line).error(
                errors.CONFIG_BAD_VALUE.format(
                    key=f"{key}: {label}", expected="a list of names", actual=describe(names)
                )
            )
        found.append((label, tuple(n.strip() for n in names)))
    return tuple(found)


def as_globs(key: str, value: object, where: Where) -> tuple[str, ...]:
    """Return file-name patterns to skip: ``[drafts/old/*, "*.draft.md"]``."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) and i for i in items):
        raise where.error(
            errors.CONFIG_BAD_VALUE.format(
                key=key,
                expected='a list of file patterns such as ["drafts/old/*"]',
                actual=describe(value),
            )
        )
    return tuple(i.strip() for part in items for i in part.split(",") if i.strip())


Converter = Callable[[str, Any, Where], Any]

CONVERTERS: dict[str, Converter] = {
    "fail_on": as_fail_on,
    "select": as_codes,
    "ignore": as_codes,
    "per_file_ignores": as_per_file_ignores,
    "sources": as_path,
    "date": as_date,
    "format": as_format,
    "output": as_path,
    "exit_zero": as_bool,
    "max_bytes": as_positive_int,
    "known_names": as_known_names,
    "ledger": as_path,
    "jobs": as_positive_int,
    "cache": as_bool,
    "exclude": as_globs,
}


# --- merging ----------------------------------------------------------------------


def load_config(
    articles: Sequence[str],
    *,
    config_file: Path | None = None,
    isolated: bool = False,
    overrides: Mapping[str, tuple[object, str]] | None = None,
) -> Config:
    """Return the settings in effect: defaults, then the configuration file, then flags.

    ``overrides`` maps a setting to ``(value, flag)`` for each flag given on the
    command line; flags win over the file.
    """
    if config_file is not None and isolated:
        raise ConfigError(errors.CONFIG_AND_ISOLATED)
    start = start_folder(articles)
    if config_file is not None:
        if not config_file.is_file():
            raise ConfigError(errors.CONFIG_MISSING, path=str(config_file))
        path: Path | None = config_file
    else:
        path = None if isolated else find_config(start)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    if path is not None:
        shown = display(path)
        raw = read_settings(path, shown)
        seen: dict[str, str] = {}
        for written, (value, line) in raw.items():
            key = written.replace("-", "_")
            where = Where(f"{shown}:{line}" if line else shown, path.parent, shown, line)
            if key not in CONVERTERS:
                raise where.error(errors.CONFIG_UNKNOWN_KEY.format(key=written))
            if key in seen:
                raise where.error(errors.YAML_DUPLICATE_KEY.format(key=written, first=seen[key]))
            seen[key] = str(line)
            values[key] = CONVERTERS[key](key, value, where)
            origins[key] = where.origin
    for key, (value, flag) in (overrides or {}).items():
        where = Where(flag, Path(), flag)
        values[key] = CONVERTERS[key](key, value, where)
        origins[key] = flag
    root = find_root(start) or (path.parent.resolve() if path is not None else Path.cwd())
    if "ledger" not in values:
        values["ledger"] = root / DEFAULT_LEDGER
    return Config(**values, file=path, root=root, origins=tuple(sorted(origins.items())))


def settings_table(config: Config) -> list[tuple[str, str, str]]:
    """Return (setting, value, origin) rows for ``copydesk config``."""

    def shown(value: object) -> str:
        if value is None:
            return "-"
        if isinstance(value, FailOn):
            return value.value
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, Path):
            return display(value)
        if isinstance(value, tuple) and all(isinstance(v, PerFileIgnore) for v in value):
            return "; ".join(f"{v.pattern}: {', '.join(sorted(v.codes))}" for v in value) or "-"
        if isinstance(value, tuple) and all(isinstance(v, tuple) for v in value):
            return "; ".join(f"{k}: {', '.join(v)}" for k, v in value) or "-"
        if isinstance(value, tuple):
            return ", ".join(value) or "-"
        return str(value)

    rows = []
    for key in CONVERTERS:
        value, origin = shown(getattr(config, key)), config.origin(key)
        if key == "select" and config.select is None:
            value = "all rules"
        elif key == "ledger" and origin == "default":
            origin = "default: claims/ in the repository root"
        rows.append((key, value, origin))
    return rows


def config_origin(config: Config) -> str:
    """Return the configuration file used, or why there is none."""
    return display(config.file) if config.file is not None else "none found (defaults)"
