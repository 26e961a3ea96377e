"""A content-hash cache of results in ``.copydesk_cache/``, as linters keep.

An article whose text, registry, options and copydesk version are unchanged is
not checked again.  Entries are JSON, written atomically; a corrupt or foreign
entry is ignored and rebuilt, never fatal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from copydesk import __version__
from copydesk.atomic import write_atomically
from copydesk.codec import from_data, to_data
from copydesk.models import Claim, Document, Finding, Registry, SourceSentence

CACHE_DIR = ".copydesk_cache"
FORMAT = 1
# A source's sentences with what each states, and the names it holds (label, name).
SourceReading = tuple[tuple[SourceSentence, ...], tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class CachedResult:
    """What the cache keeps of one checked article."""

    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]


def cache_key(document: Document, registry: Registry | None, settings: Any) -> str:  # noqa: ANN401
    """Return the hash of everything a result depends on."""
    payload = json.dumps(
        {
            "copydesk": __version__,
            "format": FORMAT,
            "text": document.text,
            "kind": document.format.value,
            "published": to_data(document.published),
            "registry": to_data(registry),
            "settings": to_data(settings),
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


class ResultCache:
    """Read and write cache entries under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedResult | None:
        """Return the cached result for ``key``, or None (missing, corrupt or foreign)."""
        try:
            data = json.loads(self.path(key).read_text(encoding="utf-8"))
            if data.get("key") != key or data.get("copydesk") != __version__:
                return None
            return CachedResult(
                claims=tuple(from_data(Claim, c) for c in data["claims"]),
                findings=tuple(from_data(Finding, f) for f in data["findings"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, result: CachedResult) -> None:
        """Store a result; a cache that cannot be written is skipped silently."""
        data = {
            "key": key,
            "copydesk": __version__,
            "claims": to_data(result.claims),
            "findings": to_data(result.findings),
        }
        target = self.path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not (self.root / ".gitignore").exists():
                write_atomically(self.root / ".gitignore", "*\n")
            # Two processes writing the same key write the same bytes; the rename
            # is atomic, so a reader sees one whole entry or none.
            write_atomically(target, json.dumps(data))
        except OSError:
            return


class SourceShelf:
    """The sources the worker processes of one batch run have read, shared.

    Without it each worker parses every source its articles cite, though
    another worker has read it already. Entries are keyed by what a source's
    reading depends on (its text and date) and last as long as the run.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, text: str, published: date | None) -> Path:
        digest = hashlib.sha256(json.dumps([text, to_data(published)]).encode()).hexdigest()
        return self.root / f"{digest}.json"

    def get(self, text: str, published: date | None) -> SourceReading | None:
        """Return a source's sentences and names as a worker read them, or None."""
        try:
            data = json.loads(self.path(text, published).read_text(encoding="utf-8"))
            return (
                from_data(tuple[SourceSentence, ...], data["sentences"]),
                from_data(tuple[tuple[str, str], ...], data["names"]),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, text: str, published: date | None, reading: SourceReading) -> None:
        """Keep a source's reading for the other workers; skipped if it cannot be written."""
        sentences, names = reading
        data = {"sentences": to_data(sentences), "names": to_data(names)}
        with contextlib.suppress(OSError):
            write_atomically(self.path(text, published), json.dumps(data))
