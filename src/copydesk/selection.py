"""Which rule codes count toward the gate: select, ignore and per-file ignores."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from copydesk.models import Suppression, SuppressionKind


@dataclass(frozen=True, slots=True)
class PerFileIgnore:
    """Rule codes that do not count for the articles a glob matches."""

    pattern: str  # relative to ``base``; ``*`` also matches ``/``
    codes: frozenset[str]
    base: Path  # the absolute folder of the configuration file that wrote it
    origin: str  # ``copydesk.yaml:7``

    def matches(self, article: Path) -> bool:
        """Return whether the glob matches the article's path below ``base``."""
        try:
            relative = article.resolve().relative_to(self.base)
        except ValueError:
            return False
        pattern = self.pattern.removeprefix("./")
        # A glob without a folder, such as ``*.html``, matches file names anywhere.
        return fnmatchcase(relative.as_posix(), pattern) or (
            "/" not in pattern and fnmatchcase(relative.name, pattern)
        )


@dataclass(frozen=True, slots=True)
class RuleFilter:
    """The codes that count: all, or ``select``, minus ``ignore`` and per-file ignores."""

    select: frozenset[str] | None = None  # None: every rule
    ignore: frozenset[str] = frozenset()
    per_file: tuple[PerFileIgnore, ...] = ()
    select_origin: str = "select"
    ignore_origin: str = "ignore"

    def why_off(self, code: str, article: Path | None) -> Suppression | None:
        """Return why ``code`` does not count for ``article``, or None when it counts."""
        note = None
        if self.select is not None and code not in self.select:
            note = f"{code} is not selected ({self.select_origin})"
        elif code in self.ignore:
            note = f"{code} is ignored ({self.ignore_origin})"
        elif article is not None:
            for rule in self.per_file:
                if code in rule.codes and rule.matches(article):
                    note = f"{code} is ignored for {rule.pattern} ({rule.origin})"
                    break
        return Suppression(SuppressionKind.CONFIG, note) if note else None
