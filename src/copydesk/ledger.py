"""The claims ledger: one YAML file per article, where editors sign off claims.

``copydesk check --update-ledger`` writes ``<ledger>/<article-stem>.yaml`` (the
ledger folder is ``claims/`` in the repository root unless configured) with each
claim's id, text, a hash of its sentence, verdict and evidence, and a
``review:`` that an editor fills in::

    review: "verified: phone call with the company's press office, 2026-05-07, J. Doe"

A review applies while the hash matches, that is while the claim's sentence is
unchanged.  Updating keeps every review whose sentence is unchanged and moves
the others under ``stale:``, so that no sign-off is lost without a trace.  A
malformed ledger is a ``LedgerError`` naming file and line, and is never
overwritten.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from copydesk import errors
from copydesk.atomic import write_atomically
from copydesk.errors import LedgerError
from copydesk.models import ArticleReport, Claim
from copydesk.sources import shortest
from copydesk.yamlfile import LineDict, LineList, read_yaml

LEDGER_VERSION = 1
TOP_KEYS = ("version", "article", "claims", "stale")
ENTRY_KEYS = ("id", "text", "text_sha256", "verdict", "reason", "code", "evidence", "review")
SHA256 = re.compile(r"[0-9a-f]{64}")
HEADER = """\
# copydesk claims ledger for {article}
# Written by `copydesk check --update-ledger`; keep it in the repository.
# When an editor has verified a claim by other means, fill in its `review:`, e.g.
#   review: "verified: phone call with the company's press office, 2026-05-07, J. Doe"
# A review applies while the claim's sentence is unchanged (text_sha256).
# `stale:` keeps reviews of sentences that have since changed: check the new
# sentence, review it, then delete the stale entry.
"""

Review = str | tuple[tuple[str, Any], ...]


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One claim of a ledger, with the editor's review if there is one."""

    id: str
    text: str
    text_sha256: str
    review: Review | None
    line: int

    def review_note(self) -> str:
        """Return the review as one line of text."""
        if isinstance(self.review, tuple):
            return "; ".join(f"{k}: {v}" for k, v in self.review)
        return self.review or ""


@dataclass(frozen=True, slots=True)
class Ledger:
    """A loaded claims ledger."""

    path: str
    article: str | None
    claims: tuple[LedgerEntry, ...] = ()
    stale: tuple[LedgerEntry, ...] = ()

    def reviewed(self) -> dict[str, LedgerEntry]:
        """Return the reviewed entries by sentence hash, current ones before stale ones."""
        found: dict[str, LedgerEntry] = {}
        for entry in (*self.claims, *self.stale):
            if entry.review is not None:
                found.setdefault(entry.text_sha256, entry)
        return found


# --- paths and hashes -----------------------------------------------------------


def ledger_path(folder: Path, article: Path) -> Path:
    """Return the ledger file of an article: ``<folder>/<article-stem>.yaml``."""
    return folder / f"{article.stem}.yaml"


def article_key(root: Path, article: Path) -> str:
    """Return the article's path relative to the repository root, as the ledger records it."""
    absolute = article.resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def text_sha256(sentence: str, claim: str) -> str:
    """Return the hash a review is tied to: the sentence as written and the claim's text.

    Runs of whitespace count as one space, so re-wrapping a paragraph keeps its
    reviews; any other change to the sentence, its citations included, does not.
    """
    words = f"{' '.join(sentence.split())}\n{' '.join(claim.split())}"
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def claim_sha256(claim: Claim, text: str) -> str:
    """Return the hash of a claim of a document whose text is ``text``."""
    return text_sha256(text[claim.span[0] : claim.span[1]], claim.text)


# --- reading --------------------------------------------------------------------


def load_ledger(path: Path, where: str | None = None) -> Ledger:
    """Load and check a ledger; every problem is a LedgerError with file and line."""
    where = where or str(path)
    data = read_yaml(path, error=LedgerError, where=where)
    if data is None:
        return Ledger(path=where, article=None)
    if not isinstance(data, LineDict):
        raise LedgerError(errors.LEDGER_NOT_MAPPING, path=where, line=getattr(data, "line", 1))
    check_keys(data, TOP_KEYS, where)
    version = data.get("version", LEDGER_VERSION)
    if version != LEDGER_VERSION:
        raise LedgerError(
            errors.LEDGER_VERSION.format(version=version), path=where, line=data.line_of("version")
        )
    article = data.get("article")
    if article is not None and not isinstance(article, str):
        raise bad_value("article", "a path", article, where, data.line_of("article"))
    return Ledger(
        path=where,
        article=article,
        claims=entries(data, "claims", where),
        stale=entries(data, "stale", where),
    )


def check_keys(mapping: LineDict, known: tuple[str, ...], where: str) -> None:
    """Raise on the first key of a mapping that the ledger does not know."""
    for key in mapping:
        if key not in known:
            raise LedgerError(
                errors.LEDGER_UNKNOWN_KEY.format(key=key, known=", ".join(known)),
                path=where,
                line=mapping.line_of(key),
            )


def entries(data: LineDict, key: str, where: str) -> tuple[LedgerEntry, ...]:
    """Return the entries of the ``claims:`` or ``stale:`` list."""
    items = data.get(key)
    if items is None:
        return ()
    if not isinstance(items, LineList):
        raise bad_value(key, "a list of claim entries", items, where, data.line_of(key))
    return tuple(
        entry(item, line, where) for item, line in zip(items, items.item_lines, strict=True)
    )


def entry(item: object, line: int, where: str) -> LedgerEntry:
    """Return one checked entry."""
    if not isinstance(item, LineDict):
        raise bad_value("claims", "a list of mappings", item, where, line)
    check_keys(item, ENTRY_KEYS, where)
    if "text_sha256" not in item:
        raise LedgerError(
            errors.LEDGER_MISSING_KEY.format(key="text_sha256"), path=where, line=item.line
        )
    digest = item["text_sha256"]
    if not isinstance(digest, str) or not SHA256.fullmatch(digest):
        raise bad_value(
            "text_sha256",
            "the 64-character hash copydesk wrote",
            digest,
            where,
            item.line_of("text_sha256"),
        )
    for key in ("id", "text"):
        if not isinstance(item.get(key, ""), str):
            raise bad_value(key, "text", item[key], where, item.line_of(key))
    return LedgerEntry(
        id=item.get("id", ""),
        text=item.get("text", ""),
        text_sha256=digest,
        review=review(item.get("review"), where, item.line_of("review")),
        line=item.line,
    )


def review(value: object, where: str, line: int) -> Review | None:
    """Return a review: free text, or a mapping such as ``{verified: ..., by: ...}``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip()
    if (
        isinstance(value, dict)
        and value
        and all(
            isinstance(k, str) and isinstance(v, (str, int, float, date)) and str(v).strip()
            for k, v in value.items()
        )
    ):
        return tuple(value.items())
    raise bad_value(
        "review",
        'text such as "verified: phone call with ..., J. Doe", or null',
        value,
        where,
        line,
    )


def bad_value(key: str, expected: str, actual: object, where: str, line: int | None) -> LedgerError:
    """Return the error for a value of the wrong kind."""
    if isinstance(actual, list):
        shown = "a list"
    elif isinstance(actual, dict):
        shown = "a mapping"
    else:
        shown = repr(actual) if isinstance(actual, (str, int, float)) else type(actual).__name__
    return LedgerError(
        errors.LEDGER_BAD_VALUE.format(key=key, expected=expected, actual=shown),
        path=where,
        line=line,
    )


def check_owner(ledger: Ledger, article: str) -> None:
    """Refuse a ledger that records another article (two articles with the same stem)."""
    if ledger.article is not None and ledger.article != article:
        raise LedgerError(
            errors.LEDGER_OTHER_ARTICLE.format(other=ledger.article, article=article),
            path=ledger.path,
            line=None,
        )


# --- writing --------------------------------------------------------------------


def ledger_data(report: ArticleReport, article: str, previous: Ledger | None) -> dict[str, Any]:
    """Return the new ledger of an article, keeping the reviews that still apply."""
    reviewed = previous.reviewed() if previous is not None else {}
    claims = []
    hashes = set()
    for claim in report.claims:
        digest = claim_sha256(claim, report.document.text)
        hashes.add(digest)
        kept = reviewed.get(digest)
        claims.append(claim_data(claim, digest, kept.review if kept else None))
    stale = [
        {"id": e.id, "text": e.text, "text_sha256": digest, "review": review_data(e.review)}
        for digest, e in reviewed.items()
        if digest not in hashes
    ]
    data: dict[str, Any] = {"version": LEDGER_VERSION, "article": article, "claims": claims}
    if stale:
        data["stale"] = stale
    return data


def claim_data(claim: Claim, digest: str, kept: Review | None) -> dict[str, Any]:
    """Return one claim's ledger entry."""
    verdict = claim.verdict
    return {
        "id": claim.id,
        "text": claim.text,
        "text_sha256": digest,
        "verdict": verdict.label.value if verdict else None,
        "reason": verdict.reason.value if verdict else None,
        "code": verdict.code if verdict else None,
        "evidence": [{"source": e.source, "text": e.text} for e in verdict.evidence]
        if verdict
        else [],
        "review": review_data(kept),
    }


def review_data(value: Review | None) -> Any:  # noqa: ANN401 - YAML data
    """Return a review as it is written back."""
    return dict(value) if isinstance(value, tuple) else value


def render_ledger(data: dict[str, Any]) -> str:
    """Return the ledger's YAML text, with its explanatory header."""
    body: str = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=88, default_flow_style=False
    )
    return HEADER.format(article=data["article"]) + body


def write_ledger(folder: Path, root: Path, report: ArticleReport) -> Path:
    """Write (or update) an article's ledger atomically; return its path."""
    article = Path(report.path)
    path = ledger_path(folder, article)
    key = article_key(root, article)
    where = str(shortest(path.resolve()))
    if path.exists() and not path.is_file():
        # A folder, pipe or device where the ledger should be: never read or replace it.
        raise LedgerError(errors.LEDGER_NOT_A_FILE, path=where)
    previous = load_ledger(path, where) if path.is_file() else None
    if previous is not None:
        check_owner(previous, key)
    if not folder.parent.is_dir():
        raise LedgerError(errors.LEDGER_DIR_MISSING.format(folder=folder.parent), path=where)
    try:
        folder.mkdir(exist_ok=True)
        write_atomically(path, render_ledger(ledger_data(report, key, previous)))
    except OSError as exc:
        raise LedgerError(
            errors.CANNOT_WRITE.format(reason=exc.strerror or exc), path=where
        ) from exc
    return path
