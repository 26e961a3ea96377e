"""The word lists copydesk's heuristics use, read once from ``data/``."""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml


@dataclass(frozen=True)
class OpinionCues:
    """The opinion cue lists of ``data/opinion_cues.yaml``, with their weights.

    Each list is split in two: single words (matched on lemmas or lower-case
    text) and multi-word entries (matched on lower-case text).
    """

    words: dict[str, frozenset[str]]  # list name -> single-word entries
    phrases: dict[str, tuple[str, ...]]  # list name -> multi-word entries
    weights: dict[str, float]  # cue family -> how much it counts
    threshold: float  # the total weight that makes a sentence opinion
    decisive: frozenset[str]  # families that make a sentence opinion on their own

    def has(self, name: str, word: str) -> bool:
        """Tell whether a single word is in the list ``name``."""
        return word in self.words.get(name, frozenset())


def _opinion_cues(raw: dict[str, Any]) -> OpinionCues:
    """Turn the parsed ``opinion_cues.yaml`` into ``OpinionCues``."""
    words: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    for name, entries in raw.items():
        if name in {"weights", "threshold", "decisive"}:
            continue
        # YAML reads a bare yes, no, true or false as a boolean: quote them.
        if not isinstance(entries, list) or any(type(e) is not str for e in entries):
            raise ValueError(f"opinion_cues.yaml: {name} must be a list of strings")
        entries = [entry.lower() for entry in entries]
        words[name] = frozenset(e for e in entries if " " not in e)
        phrases[name] = tuple(e for e in entries if " " in e)
    weights = {str(k): float(v) for k, v in (raw.get("weights") or {}).items()}
    return OpinionCues(
        words=words,
        phrases=phrases,
        weights=weights,
        threshold=float(raw.get("threshold", 1.0)),
        decisive=frozenset(raw.get("decisive") or ()),
    )


@dataclass(frozen=True)
class Lexicon:
    """Cue words for opinion, synonyms for matching, and name fixes."""

    opinion: OpinionCues
    synonyms: dict[str, str]  # lemma -> canonical lemma of its group
    weak_terms: frozenset[str]
    # Lower case: each place and the region that contains it ("memphis" ->
    # "tennessee"), and each adjective of nationality and the places it names.
    regions: dict[str, str]
    demonyms: dict[str, tuple[str, ...]]

    @property
    def places(self) -> frozenset[str]:
        """Return every place and region the places table names."""
        return frozenset(self.regions) | frozenset(self.regions.values())

    def canonical(self, lemma: str) -> str:
        """Return the canonical form of a lemma (itself when it has no synonyms)."""
        return self.synonyms.get(lemma, lemma)


def _load(name: str) -> dict:
    text = importlib.resources.files("copydesk.data").joinpath(name).read_text("utf-8")
    return yaml.safe_load(text) or {}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Return the lexicon, loaded once."""
    cues = _load("opinion_cues.yaml")
    words = _load("lexicon.yaml")
    synonyms: dict[str, str] = {}
    for group in words.get("synonyms", []):
        for word in group:
            synonyms.setdefault(word, group[0])
    return Lexicon(
        opinion=_opinion_cues(cues),
        synonyms=synonyms,
        weak_terms=frozenset(words.get("weak_terms", [])),
        regions=_regions(words.get("places") or {}),
        demonyms={
            str(adjective).lower(): tuple(str(p).lower() for p in places or ())
            for adjective, places in (words.get("demonyms") or {}).items()
        },
    )


def _regions(table: dict) -> dict[str, str]:
    """Map each place of the places table to its region (the first one listed)."""
    regions: dict[str, str] = {}
    for region, places in table.items():
        for place in places or ():
            regions.setdefault(str(place).lower(), str(region).lower())
    return regions
