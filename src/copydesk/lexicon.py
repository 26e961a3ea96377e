"""The word lists copydesk's heuristics use, read once from ``data/``."""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from functools import lru_cache

import yaml


@dataclass(frozen=True)
class Lexicon:
    """Cue words for opinion, synonyms for matching, and name fixes."""

    framing_verbs: frozenset[str]
    evaluative_adjectives: frozenset[str]
    stance_adverbs: frozenset[str]
    modals: frozenset[str]
    hedge_verbs: frozenset[str]
    phrases: tuple[str, ...]
    first_person: frozenset[str]
    speakers: frozenset[str]
    reporting_verbs: frozenset[str]
    synonyms: dict[str, str]  # lemma -> canonical lemma of its group
    weak_terms: frozenset[str]

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
        framing_verbs=frozenset(cues["framing_verbs"]),
        evaluative_adjectives=frozenset(cues["evaluative_adjectives"]),
        stance_adverbs=frozenset(cues["stance_adverbs"]),
        modals=frozenset(cues["modals"]),
        hedge_verbs=frozenset(cues["hedge_verbs"]),
        phrases=tuple(cues["phrases"]),
        first_person=frozenset(cues["first_person"]),
        speakers=frozenset(cues["speakers"]),
        reporting_verbs=frozenset(cues["reporting_verbs"]),
        synonyms=synonyms,
        weak_terms=frozenset(words.get("weak_terms", [])),
    )
