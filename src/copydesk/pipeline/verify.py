"""Decide each claim's verdict by comparing it with its cited sources' sentences.

Every verdict rests on the source text.  The cited sources are indexed once per
article (word stems, words as written, amounts, dates, years); each claim is then
matched against the index:

* its slots, each of which the sources must state: every date and year, every
  amount (``$1.2 billion`` = ``1,200 million dollars``), every party (a surname
  will do), every other name the claim capitalises, and the place (a city
  confirms its state);
* the numbers, years, negations ("never", "not") and quantifiers ("all",
  "only") the slots leave out, each of which the chosen evidence or the sources
  must state too;
* its content words, matched by lemma, light stem and the lexicon's synonyms,
  each weighted by how rare it is among the source's sentences (a word the source
  uses everywhere says little), over the whole source, the best sentence, and the
  best one to three sentences together.

A slot that the sentence best matching the claim states differently makes the
claim ``contradicted``; a slot the sources do not state, or a score below the
threshold, makes it ``not-in-source``, naming what is missing.  The score is a
logistic model of the match whose weights ``benchmarks/fit_support.py`` fits on
the project's own annotated claims; its threshold was chosen on the WiCE tuning
half (see ``WEIGHTS`` and ``SUPPORT_THRESHOLD``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import lru_cache

from copydesk.dates import MONTH_NAMES, QUARTER, WEEKDAY_NAMES, within
from copydesk.lexicon import Lexicon, lexicon
from copydesk.models import (
    Claim,
    ClaimKind,
    Evidence,
    Quantity,
    Reason,
    Source,
    SourceSentence,
    Verdict,
)
from copydesk.pipeline.names import COMPANY_NOUNS, GOVERNED_PLACES, INSTITUTIONS, LANDFORMS
from copydesk.pipeline.places import BUILDING_NOUNS, SITE_NOUNS, STRUCTURES
from copydesk.quantities import (
    STRICT_UNITS,
    WORD_NUMBERS,
    Amount,
    agrees,
    find_amounts,
    is_tally,
    normalise_unit,
)
from copydesk.rules import RULES_BY_REASON

MAX_EVIDENCE = 3
# Sentences considered when picking the evidence (the best-scoring ones).
CANDIDATES = 50
# Logistic model of P(the sources support the claim): an intercept and a weight per
# feature, fitted by benchmarks/fit_support.py on the project's own annotated claims
# (benchmarks/support/ and the cited claims of the gold corpus's dev split); no
# public data set went into them.
WEIGHTS = {"bias": -1.48, "best": 0.88, "window": 1.18, "coverage": 1.18, "gap": -2.08}
# Scores from here up are "supported".  Chosen by looking at the WiCE tuning half
# (benchmarks/wice_bench.py --thresholds): balanced accuracy is flat from 0.20 to
# 0.46 and falls after; the top of that range keeps the gold dev split's supported
# precision, since a claim passed wrongly costs a newsroom more than one flagged.
SUPPORT_THRESHOLD = 0.44
# The best sentence must state this share of the claim's weighted words before a
# different date, number, place or party in it counts as a contradiction.
CONTRADICTION_MATCH = 0.5
# Last words of a street or building, which may stand in a town another sentence names.
WORKS = STRUCTURES | BUILDING_NOUNS
# Last words of a place's name that say only what kind of place it is.
KINDS_OF_PLACE = WORKS | LANDFORMS | GOVERNED_PLACES
# Last words of a site: compared with other sites, not with the towns they stand in.
SITES = WORKS | SITE_NOUNS
SIDES = re.compile(r"\s+(?:sides|parties)\b", re.I)
EXPLICIT_MOTIVE = re.compile(
    r"(?:in order to|in order that|so that|because|as part of|in an effort to|"
    r"in a bid to|aimed at|with the aim of)\b",
    re.I,
)
MOTIVE_STOP = {
    "the",
    "a",
    "an",
    "to",
    "of",
    "its",
    "their",
    "his",
    "her",
    "and",
    "for",
    "in",
    "on",
    "with",
    "that",
    "this",
    "by",
    "as",
    "be",
    "it",
    "is",
    "due",
    "because",
}
NAME_STOP = {
    "the",
    "of",
    "and",
    "for",
    "in",
    "on",
    "at",
    "de",
    "la",
    "le",
    "du",
    "van",
    "von",
    "der",
    "da",
    "di",
    "a",
    "an",
    "&",
    "inc",
    "ltd",
    "llc",
    "co",
    "corp",
    "mr",
    "mrs",
    "ms",
    "dr",
    "jr",
    "sr",
}
WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
YEAR = re.compile(r"(?<![\d.,])(1[0-9]\d\d|20\d\d)(?![\d.,]\d)")
DATE_WORDS = set(MONTH_NAMES) | {m[:3] for m in MONTH_NAMES} | {"sept", *WEEKDAY_NAMES}
DATE_WORDS |= {f"q{n}" for n in range(1, 5)}  # "in Q2 2027", which a source may spell out
# "212,400 vehicles, all of them SUVs": what a number counts ("are all of them" once
# the apposition is a claim of its own).
COUNTED = re.compile(r"\d[\d,.]*\s+\w+(?:,| is| are| was| were)\s+all of them\b", re.I)
# Wikipedia adds converted units in brackets: "355 feet (108 m)" states one amount.
CONVERSION = re.compile(r"\d[\d,.]*\s*[^\W\d_]*\.?\s*\(([^()]*\d[^()]*)\)")
# Maintenance tags copied from Wikipedia with a sentence: "[citation needed]".
WIKI_TAGS = re.compile(
    r"\[(?:citation|clarification|verification|better source|page|"
    r"when|who|which|by whom|according to whom|dubious|failed "
    r"verification|original research)[^\]]*\]",
    re.I,
)
# "according to the finance department": the cited source itself, not the claim.
ATTRIBUTION = re.compile(r"\baccording to [^,.;]*", re.I)
# Web addresses in a source: the digits of "web/20180508105055/" or ".../2018/10/..."
# are not amounts or years the source states.
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
# Words that turn a statement round: a claim with one needs a source with one.
NEGATIONS = {"not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without"}
# A source may state a negation as "Absent changes" for the claim's "Without changes",
# or "homes that lack service" for "homes that have no service".
STATED_NEGATIONS = NEGATIONS | {"absent", "lack", "lacks", "lacked", "lacking"}
NEGATION = re.compile(r"n't\b|\bcannot\b", re.I)
# Words that begin with "un" without negating anything ("under", "united", "unit").
NOT_UN = {"under", "until", "unite", "unive", "union", "uniqu", "unifo", "unifi", "unles"}
# Words that widen a claim to everything ("all of the work" for "part of the work").
QUANTIFIERS = {"all", "only", "always", "entire", "entirely", "whole", "solely"}
# Words that open an amount: "only about 450", "only 12%", "only one".
NUMBER_LEADS = {"about", "around", "some", "roughly", "nearly", "almost"} | set(WORD_NUMBERS)
# Number words that seldom count anything: "one of", "a", "half".
WEAK_NUMBERS = {"a", "an", "one", "half", "zero"}
# A number in digits or words, as a count in a sentence ("85", "four").
NUMERAL = re.compile(
    r"\b(?:\d[\d,.]*|" + "|".join(w for w in WORD_NUMBERS if w not in WEAK_NUMBERS) + r")\b",
    re.I,
)
# Suffixes the light stemmer strips, longest first: "acquisitions" ~ "acquired".
SUFFIXES = (
    "izations",
    "ization",
    "ational",
    "fulness",
    "iveness",
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ities",
    "ity",
    "ies",
    "ied",
    "ers",
    "edly",
    "ed",
    "ly",
    "es",
    "er",
    "s",
    "ians",
    "ian",
    "ans",
    "an",
    "al",
    "ic",
    "ive",
    "ous",
)


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A cited record with its analysed sentences (empty when unavailable)."""

    source: Source
    sentences: tuple[SourceSentence, ...]


@dataclass
class SourceIndex:
    """The sentences of the cited sources, indexed once for matching claims."""

    pool: list[tuple[Source, SourceSentence]] = field(default_factory=list)
    words: list[frozenset[str]] = field(default_factory=list)  # per sentence, lower case
    postings: dict[str, list[int]] = field(default_factory=dict)  # stem key -> sentences
    word_postings: dict[str, list[int]] = field(default_factory=dict)  # word -> sentences
    by_prefix: dict[str, set[str]] = field(default_factory=dict)  # 4 letters -> stem keys
    amounts: list[tuple[int, Amount]] = field(default_factory=list)
    amounts_at: dict[int, list[Amount]] = field(default_factory=dict)  # sentence -> amounts
    dates: list[tuple[int, str]] = field(default_factory=list)
    years: dict[str, list[int]] = field(default_factory=dict)
    # Words of the records' titles and publishers: a press release calls its
    # publisher "the company", and a headline names whom the record is about.
    about: set[str] = field(default_factory=set)
    # The records' publishers and authors (by the words of their names), each with
    # the sentences it speaks in: "Elm Row Analytics estimates" cites a report of
    # Elm Row Analytics that says "we estimate".
    voices: dict[frozenset[str], set[int]] = field(default_factory=dict)
    published: list[str] = field(default_factory=list)  # the records' own dates, ISO
    # The parties the sentences name: (source label, name, the words of the name).
    parties: list[tuple[str, str, list[str]]] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Return the number of sentences."""
        return len(self.pool)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A slot that a source sentence states differently from the claim."""

    label: str  # the source that says otherwise
    stated: str
    claimed: str

    def __str__(self) -> str:
        return f"{self.stated}, not {self.claimed}"


@dataclass
class Match:
    """How a claim compares with the sources: what is stated, missing and contradicted."""

    terms: dict[str, float]  # term -> weight
    hits: dict[str, set[int]]  # term -> sentences that state it
    chosen: list[int]  # evidence sentences, best first
    coverage: float  # weighted share of the terms the sources state anywhere
    window: float  # weighted share the chosen sentences state together
    best: float  # weighted share the best single sentence states
    stated: list[str] = field(default_factory=list)  # slots found, for the message
    gaps: list[str] = field(default_factory=list)  # slots not found (each fails the claim)
    soft_gaps: list[str] = field(default_factory=list)  # shown when the score fails
    conflicts: list[Conflict] = field(default_factory=list)
    named: set[str] = field(default_factory=set)  # words of the places found (or within)

    @property
    def missing_terms(self) -> list[str]:
        """Return the claim's words the sources do not state, rarest first."""
        absent = [t for t in self.terms if not self.hits.get(t)]
        return sorted(absent, key=lambda t: -self.terms[t])


def verify_claims(
    claims: tuple[Claim, ...], sources: Mapping[str, CitedSource]
) -> tuple[Claim, ...]:
    """Return the claims with a verdict each; a repeated claim shares the first's."""
    checked: dict[str, Claim] = {}
    indexes: dict[tuple[str, ...], SourceIndex] = {}
    for claim in claims:
        if claim.duplicate_of and claim.duplicate_of in checked:
            verdict = checked[claim.duplicate_of].verdict
        else:
            verdict = verify(claim, sources, indexes)
        checked[claim.id] = replace(claim, verdict=verdict)
    return tuple(checked.values())


def make_verdict(reason: Reason, message: str, **fields: object) -> Verdict:
    """Build a verdict from the rule behind a reason."""
    rule = RULES_BY_REASON[reason]
    assert rule.verdict is not None
    return Verdict(
        label=rule.verdict,
        reason=reason,
        code=rule.code,
        level=rule.level,
        # "not Kettering Roofing Co." ends the sentence with the name's own stop
        message=message[:-1] if message.endswith("..") else message,
        **fields,
    )  # type: ignore[arg-type]


def labels(keys: list[str]) -> str:
    """Return ``[1]``, ``[1] and [2]``, or ``[1], [2], [3] and 17 more``."""
    shown = [f"[{k}]" for k in keys]
    if len(shown) > 4:
        return ", ".join(shown[:3]) + f" and {len(shown) - 3} more"
    if len(shown) > 1:
        return ", ".join(shown[:-1]) + " and " + shown[-1]
    return "".join(shown)


def subject(keys: list[str]) -> tuple[str, bool]:
    """Return ``Source [1]`` or ``Sources [1] and [2]``, and whether it is plural."""
    keys = list(dict.fromkeys(keys))
    plural = len(keys) > 1
    return ("Sources " if plural else "Source ") + labels(keys), plural


def verify(
    claim: Claim,
    sources: Mapping[str, CitedSource],
    indexes: dict[tuple[str, ...], SourceIndex] | None = None,
) -> Verdict:
    """Return the verdict on one claim.

    ``indexes`` caches the index of each set of cited sources across the claims
    of one article, so that a long source is indexed once.
    """
    if claim.kind is ClaimKind.OPINION:
        return make_verdict(
            Reason.OPINION, f"Writer's judgement ({claim.opinion_cue!r}).", confidence=0.7
        )
    if not claim.citations:
        return make_verdict(Reason.UNCITED, "Factual claim with no citation.", confidence=0.95)
    missing_labels = list(dict.fromkeys(c.label for c in claim.citations if c.source is None))
    if missing_labels:
        noun, verb = ("Citations", "are") if len(missing_labels) > 1 else ("Citation", "is")
        return make_verdict(
            Reason.DANGLING_CITATION,
            f"{noun} {labels(missing_labels)} {verb} not in the registry.",
            confidence=1.0,
        )
    cited = [sources[c.source] for c in claim.citations if c.source in sources]
    cited = list({s.source.label: s for s in cited}.values())
    readable = [s for s in cited if s.source.text is not None and s.sentences]
    unreadable = [s for s in cited if s.source.text is None or not s.sentences]
    if not readable:
        if not unreadable:
            return make_verdict(
                Reason.SOURCE_UNAVAILABLE, "The cited source was not loaded.", confidence=1.0
            )
        first = unreadable[0].source
        # A record whose text is only blank lines or punctuation has nothing to check.
        problem = first.problem or (
            "it has no text" if not (first.text or "").strip() else "it has no sentences"
        )
        name, _ = subject([s.source.label for s in unreadable])
        return make_verdict(
            Reason.SOURCE_UNAVAILABLE, f"{name} cannot be read: {problem}.", confidence=1.0
        )
    key = tuple(s.source.label for s in readable)
    if indexes is None:
        indexes = {}
    if key not in indexes:
        indexes[key] = index_sources(readable)
    return compare(claim, readable, unavailable=bool(unreadable), index=indexes[key])


def compare(
    claim: Claim, cited: list[CitedSource], *, unavailable: bool, index: SourceIndex | None = None
) -> Verdict:
    """Compare a cited claim with the sentences of its readable sources."""
    index = index or index_sources(cited)
    found = match(claim, index)
    quotes = tuple(evidence(found, index))
    score = support_score(found)
    if found.conflicts:
        conflict = found.conflicts[0]
        name, _ = subject([conflict.label])
        # NOTE: WiCE has too few contradictions to calibrate on; the better the
        # sentence that says otherwise matches the claim, the surer the verdict.
        return make_verdict(
            Reason.CONTRADICTED,
            f"{name} says {conflict}.",
            evidence=quotes,
            contradicted=tuple(str(c) for c in found.conflicts),
            confidence=round(0.5 + 0.45 * found.best, 2),
        )
    name, plural = subject([s.source.label for s in cited])
    missing = list(found.gaps)
    if score < SUPPORT_THRESHOLD or not found.terms and not found.stated:
        missing += found.soft_gaps
        reported = " ".join(missing).lower()
        written = (as_written(w, claim) for w in found.missing_terms)
        words = [w for w in written if w.lower() not in reported][:4]
        if words:
            missing.append(", ".join(f"'{w}'" for w in words))
        elif not missing:
            missing.append("enough of the claim's words")
    if missing:
        reason = Reason.SOURCE_UNAVAILABLE if unavailable else Reason.NOT_IN_SOURCE
        verb = "do not state" if plural else "does not state"
        return make_verdict(
            reason,
            f"{name} {verb} {'; '.join(missing[:3])}.",
            evidence=quotes,
            missing=tuple(missing),
            confidence=round(1 - score, 2),
        )
    used, plural = subject([e.source for e in quotes] or [s.source.label for s in cited])
    verb = "state" if plural else "states"
    return make_verdict(
        Reason.SUPPORTED,
        f"{used} {verb} {stated_words(found)}.",
        evidence=quotes,
        confidence=round(score, 2),
    )


def stated_words(found: Match) -> str:
    """Return what a supporting source states, for the message."""
    parts = list(dict.fromkeys(found.stated)) + ["the assertion"]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


# --- indexing the sources ---------------------------------------------------------------


def index_sources(cited: Iterable[CitedSource]) -> SourceIndex:
    """Index the sentences of the cited sources: stems, words, amounts, dates, years."""
    index = SourceIndex()
    for cited_source in cited:
        record = cited_source.source
        for heading in (record.title, record.publisher, dict(record.extra).get("author")):
            if isinstance(heading, str):
                index.about.update(w.lower() for w in WORD.findall(heading))
        if record.published is not None:
            index.published.append(record.published.isoformat())
        first = len(index.pool)
        for sent in cited_source.sentences:
            i = len(index.pool)
            index.pool.append((cited_source.source, sent))
            entry = sentence_entry(sent)
            index.words.append(entry.words)
            for key in entry.keys:
                index.postings.setdefault(key, []).append(i)
            for word in entry.words:
                index.word_postings.setdefault(word, []).append(i)
            index.amounts.extend((i, amount) for amount in entry.amounts)
            index.amounts_at[i] = list(entry.amounts)
            index.dates.extend((i, iso) for iso in sent.facts.dates)
            index.parties.extend(
                (record.label, party, name_tokens(party)) for party in sent.facts.slots.parties
            )
            for year in entry.years:
                index.years.setdefault(year, []).append(i)
        for voice in (record.publisher, dict(record.extra).get("author")):
            if isinstance(voice, str) and name_tokens(voice):
                index.voices.setdefault(frozenset(name_tokens(voice)), set()).update(
                    range(first, len(index.pool))
                )
    for key in index.postings:
        index.by_prefix.setdefault(key[:4], set()).add(key)
    return index


@dataclass(frozen=True, slots=True)
class SentenceEntry:
    """What the index holds of one source sentence."""

    words: frozenset[str]  # lower case
    keys: tuple[str, ...]  # stem keys of its words and content terms
    amounts: tuple[Amount, ...]
    years: tuple[str, ...]


@lru_cache(maxsize=8192)
def sentence_entry(sent: SourceSentence) -> SentenceEntry:
    """Return the index entry of a source sentence, read once however many
    citation sets the sentence's source is part of."""
    lex = lexicon()
    plain = URL.sub(lambda m: " " * len(m.group()), sent.text)
    words = [w.lower() for w in WORD.findall(sent.text)]
    keys = {term_key(w, lex) for w in words if not w[0].isdigit()}
    keys.update(term_key(t, lex) for t in sent.facts.terms)
    keys.discard("")
    amounts = list(find_amounts(plain))
    amounts += [
        Amount(quantity.text, quantity.value, normalise_unit(quantity.unit), sent.span)
        for quantity in sent.facts.slots.numbers
        if quantity.value is not None
    ]
    return SentenceEntry(
        frozenset(words), tuple(sorted(keys)), tuple(amounts), tuple(YEAR.findall(plain))
    )


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return a light stem of a word: ``married`` and ``marry`` give ``marri``."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    stripped = False
    for suffix in SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            stripped = True
            break
    if not stripped and w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]  # "besieged" ~ "besiege"
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # "planned" ~ "plan"
    return w


def term_key(word: str, lex: Lexicon) -> str:
    """Return the matching key of a word or lemma: its synonym group's stem."""
    word = word.lower()
    canonical = lex.canonical(word)
    if canonical == word:
        # Source words are not lemmatised: "meters" should find the "metre" group,
        # and "starting" the "begin" one.
        for base in (word[:-1], word[:-2], stem(word)) if word.endswith("s") else (stem(word),):
            if lex.canonical(base) != base:
                canonical = lex.canonical(base)
                break
    return stem(canonical)


def key_matches(key: str, index: SourceIndex) -> list[str]:
    """Return the source keys a claim key matches: itself, or one a prefix of the other."""
    found = [key] if key in index.postings else []
    if len(key) < 4:
        return found
    for other in index.by_prefix.get(key[:4], ()):
        if other == key:
            continue
        short, long_ = (key, other) if len(key) <= len(other) else (other, key)
        # "libya" ~ "libyan", "marri" ~ "marriage"; but not "plan" ~ "planet".
        if long_.startswith(short) and (len(short) >= 5 or len(long_) - len(short) <= 1):
            found.append(other)
    return found


# --- matching a claim -------------------------------------------------------------------


def claim_terms(claim: Claim) -> list[str]:
    """Return the claim's content words to look for, without numbers, dates and noise."""
    noise = {w.lower() for tag in WIKI_TAGS.findall(claim.text) for w in WORD.findall(tag)}
    noise |= attributed_words(claim)
    # The words of an amount ("42 cents", "12 months") are checked with the amount.
    noise |= {w.lower() for q in claim.facts.slots.numbers for w in WORD.findall(q.text)}
    kept = []
    for term in claim.facts.terms:
        # "June" and "Wednesday" are checked as dates, "three" as an amount.
        if term[:1].isdigit() or term in noise or term in WORD_NUMBERS or term in DATE_WORDS:
            continue
        kept.append(term)
    return list(dict.fromkeys(kept))


def attributed_words(claim: Claim) -> set[str]:
    """Return the words of "according to the finance department": the cited source
    itself (but the author of "according to a survey by ..." is a fact to check)."""
    return {
        w.lower()
        for m in ATTRIBUTION.finditer(claim.text)
        for w in WORD.findall(re.split(r"\bby\b", m[0])[0])
    }


def claim_amounts(claim: Claim) -> list[Quantity]:
    """Return the claim's amounts, without years and Wikipedia's unit conversions."""
    converted = {m.group(1).strip() for m in CONVERSION.finditer(claim.text)}
    kept = []
    for quantity in claim.facts.slots.numbers:
        if quantity.value is None:
            continue
        if any(quantity.text in c for c in converted):
            continue  # "355 feet (108 m)": the 108 m is a conversion, not a claim
        if not quantity.unit and YEAR.fullmatch(quantity.text.strip()):
            continue  # "in 2016" tagged as a number is a date
        kept.append(quantity)
    return kept


def match(claim: Claim, index: SourceIndex) -> Match:
    """Compare a claim with the indexed sources."""
    lex = lexicon()
    terms = claim_terms(claim)
    n = max(index.size, 1)
    hits = {term: sentences_with(term_key(term, lex), index) for term in terms}
    # A party that is a cited record's publisher or author speaks in each of its
    # sentences: "Elm Row Analytics estimates" is the report's "we estimate".
    for party in claim.facts.slots.parties:
        spoken = index.voices.get(frozenset(name_tokens(party)))
        if not spoken:
            continue
        for word in name_tokens(party):
            if word in hits:
                hits[word] |= spoken
        # "The company will also give ..." of the company's own release (but "the
        # authority" of a magazine's article is the Racing Authority it names)
        others = [w for p in claim.facts.slots.parties if p != party for w in name_tokens(p)]
        named = {lex.canonical(w) for w in others}
        for word in hits.keys() & describing_nouns() - named:
            hits[word] |= spoken
    weights = {t: idf(len(hits[t]), n) for t in terms}
    total = sum(weights.values()) or 1.0
    coverage = sum(w for t, w in weights.items() if hits[t]) / total
    chosen = choose_evidence(weights, hits, index, claim)
    covered = {t for t in terms if hits[t] & set(chosen)}
    window = sum(weights[t] for t in covered) / total
    best = max(
        (sum(w for t, w in weights.items() if i in hits[t]) / total for i in chosen), default=0.0
    )
    found = Match(
        terms=weights, hits=hits, chosen=chosen, coverage=coverage, window=window, best=best
    )
    check_dates(claim, index, found)
    check_amounts(claim, index, found)
    check_parties(claim, index, found)
    check_places(claim, index, found)
    check_names(claim, terms, index, found)
    check_motive(claim, index, found)
    check_details(claim, index, found)
    check_conjunct(claim, terms, found)
    return found


@lru_cache(maxsize=1)
def describing_nouns() -> frozenset[str]:
    """Return the nouns that describe a body ("the company", "the council"), as terms."""
    return frozenset(lexicon().canonical(w) for w in COMPANY_NOUNS | INSTITUTIONS)


def check_conjunct(claim: Claim, terms: list[str], found: Match) -> None:
    """A conjunct none of whose own words a source states adds what it does not say.

    "Lammert said the company would keep the name and add a rooftop restaurant"
    against "... would retain the Halloran name": the shared beginning matches,
    the restaurant is nowhere.
    """
    own = [t for t in claim.facts.own_terms if t in terms]
    if len(own) < 2 or any(found.hits[t] for t in own):
        return
    if any(q.value is not None for q in claim.facts.slots.numbers) and not any(
        g.startswith("the number") for g in found.gaps
    ):
        return  # "and employ 31,000 people": the number is stated
    found.gaps.append(", ".join(f"'{t}'" for t in own[:3]))


def idf(df: int, n: int) -> float:
    """Return the weight of a word found in ``df`` of ``n`` sentences (0: not found)."""
    return math.log((n + 1) / (df + 1)) + 1.0


def choose_evidence(
    weights: dict[str, float], hits: dict[str, set[int]], index: SourceIndex, claim: Claim
) -> list[int]:
    """Return up to three sentences that together state most of the claim, best first."""
    gains: dict[int, float] = {}
    for term, sentences in hits.items():
        for i in sentences:
            gains[i] = gains.get(i, 0.0) + weights[term]
    # A sentence with the claim's year is the better quote of two that match as well.
    for year in claim_years(claim):
        for i in index.years.get(year, ()):
            if i in gains:
                gains[i] += 1.0
    # Of two that match as well, the one that dates the event is the better quote,
    # and so is the one with an amount of what the claim counts: "makes 4 million
    # tyres a year" is checked against "produces 2.6 million tyres a year".
    if claim.facts.dates:
        for i in {i for i, _ in index.dates}:
            if i in gains:
                gains[i] += 0.5
    for quantity in claim_amounts(claim):
        unit = normalise_unit(quantity.unit)
        for i in {
            i for i, a in index.amounts if i in gains and same_kind(quantity, unit, i, a, index)
        }:
            gains[i] += 0.5
    chosen: list[int] = []
    covered: set[str] = set()
    # Of two that match as well, the shorter says it more precisely.
    ranked = sorted(gains, key=lambda i: (-gains[i], len(index.words[i]), i))[:CANDIDATES]
    while len(chosen) < MAX_EVIDENCE and ranked:
        best_i, best_gain = -1, 0.0
        for i in ranked:
            gain = sum(w for t, w in weights.items() if i in hits[t] and t not in covered)
            if gain > best_gain + 1e-9:
                best_i, best_gain = i, gain
        # A second or third quote must add at least one word the first did not state.
        if best_i < 0 or (chosen and best_gain < 1.0):
            break
        chosen.append(best_i)
        covered |= {t for t in weights if best_i in hits[t]}
        ranked.remove(best_i)
    return chosen


def claim_years(claim: Claim) -> list[str]:
    """Return the years a claim's dates name."""
    return list(dict.fromkeys(d[:4] for d in claim.facts.dates if YEAR.fullmatch(d[:4])))


def best_sentence(
    found: Match, slot: Iterable[str] = (), among: set[int] | None = None
) -> int | None:
    """Return the sentence that best states the claim, if it states enough to contradict.

    The words of the ``slot`` being checked do not count: a sentence that states
    all but the place is the one that puts the event somewhere else. ``among``
    keeps only the sentences that could (those with a date, say).
    """
    chosen = [i for i in found.chosen if among is None or i in among]
    if not chosen:
        return None
    skipped = set(slot)
    left = {t: w for t, w in found.terms.items() if t not in skipped}
    total = sum(left.values()) or 1.0
    shares = {i: sum(w for t, w in left.items() if i in found.hits[t]) / total for i in chosen}
    top = max(chosen, key=lambda i: shares[i])  # the first of equals
    if shares[top] >= CONTRADICTION_MATCH:
        return top
    if among is not None:
        return None
    return found.chosen[0] if found.best >= CONTRADICTION_MATCH else None


def check_dates(claim: Claim, index: SourceIndex, found: Match) -> None:
    """Look for each date of the claim; a different one in the best sentence contradicts."""
    top = best_sentence(found)
    dated = {i for i, _ in index.dates}
    if top is not None and top not in dated:
        # "The laboratory confirmed the result on May 28" against a record by the
        # laboratory whose sentence "reported the result" has no date, and whose
        # "confirmed on May 21, 2026" has.
        if (dated_top := best_sentence(found, among=dated)) is not None:
            top = dated_top
    denial = denies_text(claim.text)
    for claimed in claim.facts.dates:
        # "signed on May 4" against "signed on Wednesday" (May 6): same precision, other day.
        near = [
            d
            for i, d in index.dates
            if i == top and precision(d) >= precision(claimed) and not same_period(d, claimed)
        ]
        # "will close by the end of the year" (2026) against the sentence that says
        # "by the end of March 2027": a year the claim does not write out is
        # the best sentence's to confirm, not any sentence's.
        implied = precision(claimed) == 1 and claimed not in claim.text
        retold = any(i == top and same_period(d, claimed) for i, d in index.dates)
        overruled = implied and bool(near) and not retold
        # "cited for two violations in 2024" against "cited for two violations in
        # 2025" and "No violations were recorded in 2024": a sentence that denies
        # something happened then does not state the claim's date.
        dating = {i for i, _ in index.dates} | set(index.years.get(claimed[:4], []))
        denied = {i for i in dating if denies(i, index)} if near and not denial else set()
        if not overruled and date_stated(claimed, index, set(found.chosen), denied):
            found.stated.append("the date")
            continue
        if claimed in claim.facts.said_on and any(within(p, claimed) for p in index.published):
            # "Earlier this month, the council reported ...", citing the council's
            # report of July 9: the record's own date is when it was reported.
            found.stated.append("the date")
            continue
        if top is not None and dated_by_record(top, claimed, index):
            found.stated.append("the date")
            continue
        if near:
            label = index.pool[top][0].label if top is not None else ""
            found.conflicts.append(Conflict(label, near[0][: len(claimed)], claimed))
        else:
            found.gaps.append(f"the date {claimed}")


def dated_by_record(i: int, claimed: str, index: SourceIndex) -> bool:
    """Tell whether an undated source sentence happened in a claimed year or month
    by its record's date.

    "In 2024, the cooperative deposited seeds" against a record of November 2024
    saying "The cooperative has deposited seeds": news is dated by its page. A
    month only by what the page reports as just done ("has awarded", not "had
    begun"); a day is more than a page's date can say.
    """
    record = index.pool[i][0]
    recent = precision(claimed) == 1 or bool(index.words[i] & {"has", "have"})
    return (
        record.published is not None
        and re.fullmatch(r"\d{4}(?:-\d\d)?", claimed) is not None
        and recent
        and within(record.published.isoformat(), claimed)
        and not any(j == i for j, _ in index.dates)
        and claimed[:4] not in index.words[i]
    )


def precision(iso: str) -> int:
    """Return how precise an ISO date is: 1 year, 2 month or quarter, 3 day."""
    return iso.count("-") + 1


def same_period(a: str, b: str) -> bool:
    """Tell whether one ISO date lies within the other (``2026-05-06`` in ``2026-05``)."""
    return within(a, b) or within(b, a)


def date_stated(
    claimed: str, index: SourceIndex, quoted: set[int], denied: AbstractSet[int] = frozenset()
) -> bool:
    """Tell whether a source states a date (or a more precise one within it),
    in a sentence other than the ``denied`` ones.

    A month, a quarter or a week must be in the quoted sentences: a source published in
    November has other November dates, and "earlier this month" is not one of them.
    """
    loose = not re.fullmatch(r"\d{4}-(?:\d\d|W\d\d|Q\d)", claimed)
    if any(
        within(d, claimed) and (loose or i in quoted) and i not in denied for i, d in index.dates
    ):
        return True
    sentences = [i for i in index.years.get(claimed[:4], []) if i not in denied]
    if precision(claimed) == 1 or not sentences:
        return bool(sentences)
    # The parser may miss a date the text spells out ("27 July 2018" in a table row),
    # or a page gives the day and month in one sentence and the year in its dateline.
    month = MONTH_NAMES[int(claimed[5:7]) - 1] if claimed[5:7].isdigit() else None
    if month is None:
        return False
    day = str(int(claimed[8:10])) if len(claimed) == 10 else None
    days = {day, f"{day}th", f"{day}st", f"{day}nd", f"{day}rd"} if day else set()
    for i in index.word_postings.get(month, []) + index.word_postings.get(month[:3], []):
        if i in denied:
            continue
        if (day is None and i in sentences) or (day is not None and days & index.words[i]):
            return True
    return False


def check_amounts(claim: Claim, index: SourceIndex, found: Match) -> None:
    """Look for each amount of the claim; another in the best sentence contradicts."""
    top = best_sentence(found)
    amounts = [as_bounded(q, claim.text) for q in claim_amounts(claim)]
    for quantity in amounts:
        if amount_stated(quantity, index):
            found.stated.append("the number" if len(amounts) == 1 else "the numbers")
            continue
        unit = normalise_unit(quantity.unit)
        # "1,500 jobs" against "1,200 jobs": an amount of the same kind in the same sentence.
        near = [
            a
            for i, a in index.amounts
            if i == top
            and (a.unit == unit or is_tally(a.unit) and is_tally(unit))
            and not any(agrees(q.value, q.text, a.value) for q in amounts)
            and (unit or quantity.counts)
            and not YEAR.fullmatch(a.text.strip())
            and (unit or counts_same(quantity, i, a, index))
        ]
        if not near and top is not None and quantity.counts and not unit:
            # "six injuries" against "four injuries", a number the source spells out
            number = quantity.text.split()[-1]
            if other := counted_otherwise(number, claim.text, index.pool[top][1].text):
                found.conflicts.append(Conflict(index.pool[top][0].label, other, quantity.text))
                continue
        if near and top is not None:
            found.conflicts.append(
                Conflict(index.pool[top][0].label, near[0].text.strip(), quantity.text)
            )
        else:
            found.gaps.append(f"the number {quantity.text}")


# Verbs that put an amount below what happened: "wind gusts topped 35 miles per hour".
PASSING = re.compile(r"\b(?:top(?:s|ped|ping)|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?)\s+$", re.I)


def as_bounded(quantity: Quantity, text: str) -> Quantity:
    """Return an amount a verb bounds as "more than" it: gusts that "topped 35
    miles per hour" may have reached 38."""
    at = text.find(quantity.text)
    if at > 0 and PASSING.search(text[:at]):
        return replace(quantity, text=f"more than {quantity.text}")
    return quantity


def same_kind(
    quantity: Quantity, unit: str | None, i: int, amount: Amount, index: SourceIndex
) -> bool:
    """Tell whether a source amount is of the claim's kind: its unit, or what it counts."""
    if unit:
        return amount.unit == unit
    return counts_same(quantity, i, amount, index)


def counts_same(quantity: Quantity, i: int, amount: Amount, index: SourceIndex) -> bool:
    """Tell whether a source amount counts what the claim's does ("three frames", "6 frames").

    Without it, "the final three frames" would be contradicted by the "6" of "6 May".
    """
    text = index.pool[i][1].text
    start, end = amount.span
    if not quantity.counts or end > len(text) or text[start:end] != amount.text:
        return False
    for other in index.amounts_at.get(i, ()):
        at = text.find(other.text) if other.unit else -1
        if 0 <= at <= start and end <= at + len(other.text):
            return False  # the "420 million" of "420 million Australian dollars" is money
    # Up to five words on: "about 2,300 bus and rail workers". The counted noun
    # is a lemma, whose plural may stem shorter ("tyre", "tyres" -> "tyr").
    counted = quantity.counts.split()[-1]
    wanted = {stem(counted), stem(counted + "s")}
    following = {stem(w) for w in WORD.findall(text[end : end + 40])[:5]}
    return any(same_stem(w, s) for w in wanted for s in following)


def same_stem(a: str, b: str) -> bool:
    """Tell whether two light stems are one word's ("busi" of "business" and
    "business" of "businesses")."""
    short, long = sorted((a, b), key=len)
    return short == long or len(short) >= 4 and long.startswith(short)


def amount_stated(quantity: Quantity, index: SourceIndex) -> bool:
    """Tell whether a source states an amount, however it is written."""
    unit = normalise_unit(quantity.unit)
    for _, amount in index.amounts:
        if units_agree(unit, amount.unit) and agrees(quantity.value, quantity.text, amount.value):
            return True
    # "two children" in a source that writes "two" (and not "2").
    words = [w.lower() for w in WORD.findall(quantity.text)]
    spelled = [w for w in words if w in WORD_NUMBERS and w not in {"a", "an", "half"}]
    return bool(spelled) and all(w in index.word_postings for w in spelled)


def units_agree(a: str | None, b: str | None) -> bool:
    """Tell whether two amounts are of the same kind (a missing unit agrees with words)."""
    if a and b:
        return a.lower() == b.lower()
    return (a or b) not in STRICT_UNITS and not is_tally(a or b)


def check_parties(claim: Claim, index: SourceIndex, found: Match) -> None:
    """Look for each party; the best sentence naming another one in its place contradicts."""
    parties = claim.facts.slots.parties
    written = claim_words(claim) - attributed_words(claim)
    capitals = {w.lower() for w in WORD.findall(claim.text) if w[:1].isupper()}
    misquoted = other_speaker(claim, index, found)
    if misquoted:
        found.conflicts.append(misquoted)
    for party in parties:
        if misquoted and party == misquoted.claimed:
            continue
        if party == claim.facts.actor and (rival := other_actor(claim, index, found, party)):
            found.conflicts.append(rival)
            continue
        if not any(w in written for w in name_tokens(party)):
            # "the company", "officials": the source may refer to it the same way;
            # "according to the department" names the cited source itself.
            if rival := other_author(claim, index, found, party):
                found.conflicts.append(rival)
            continue
        words = name_tokens(party)
        short = [w for w in words if w in written]
        # "Sallow Peak" for "Sallow Peak Ski Area": the source may use the same short
        # name (a name, not "the board").
        said_short = (
            len(short) < len(words)
            and bool(set(short) & capitals)
            and all(word_stated(w, index) for w in short)
        )
        if name_stated(party, index) or name_stated(party, index, index.about) or said_short:
            if rival := namesake(party, index, written):
                found.conflicts.append(rival)
                continue
            found.stated.append(
                {1: "the party", 2: "both parties"}.get(len(parties), "the parties")
            )
            continue
        conflict = other_party(claim, index, found, party)
        if conflict:
            found.conflicts.append(conflict)
        else:
            found.gaps.append(party)


def other_actor(claim: Claim, index: SourceIndex, found: Match, name: str) -> Conflict | None:
    """Return who does the claim's deed in the best sentence, when another party does.

    "Karen Holt will run the combined system" against "David Okafor will lead the
    merged system" (run = lead); "the utility lifted the notice" against "the
    Health District lifted the advisory it had issued for customers of the
    utility". A party the claim names itself is no rival.
    """
    top = best_sentence(found, name_tokens(name))
    if top is None or claim.facts.action is None:
        return None
    record, sent = index.pool[top]
    theirs, action = sent.facts.actor, sent.facts.action
    if theirs is None or action is None:
        return None
    lex = lexicon()
    if term_key(action, lex) != term_key(claim.facts.action, lex):
        return None
    mine, words = set(name_tokens(name)), name_tokens(theirs)
    if not words or words[-1] not in index.words[top]:
        return None  # "The company has notified ...": whom the source means is a guess
    # "Lumenfield" of "Lumenfield Software Inc." is the same party, but the
    # Tressel County Health District is not the Tressel Valley Water Authority
    own = claim_words(claim) - mine
    if set(words) <= mine or mine <= set(words) or any(w in own for w in words):
        return None
    return Conflict(record.label, theirs, name)


def other_author(claim: Claim, index: SourceIndex, found: Match, name: str) -> Conflict | None:
    """Return the publisher of the best sentence's record when the claim puts its
    finding on someone else by name.

    "..., according to the Pacific Glass Council [1]" against a record of the
    Cascadia Materials Institute saying "..., the institute found".
    """
    words = name_tokens(name)
    if not words or not all(w in claim_words(claim) for w in words):
        return None  # "according to the department": a name the claim does not write
    if word_stated(words[-1], index) or words[-1] in index.about:
        return None  # "the council" may be the body named in full
    top = best_sentence(found, words)
    if top is None:
        return None
    record = index.pool[top][0]
    author = name_tokens(record.publisher or "")
    if author and author[-1] in index.words[top] and not set(author) & set(words):
        return Conflict(record.label, record.publisher or "", name)
    return None


def other_party(claim: Claim, index: SourceIndex, found: Match, name: str) -> Conflict | None:
    """Return the one other party the best sentence names where the claim has ``name``.

    "signed with Siemens" against "signed with Hitachi on Monday": the sentence
    matches the claim but for the party, and names exactly one party the claim
    does not.
    """
    top = best_sentence(found, name_tokens(name))
    if top is None:
        return None
    # Parties the claim names besides this one ("the authority") are no rivals;
    # the words this one shares with a rival ("Ashcombe Family Foundation" and
    # "Harwell Family Foundation") do not make them the same.
    mine = name_tokens(name)
    own = claim_words(claim) - set(mine)
    others = [
        p
        for p in index.pool[top][1].facts.slots.parties
        if (words := name_tokens(p))
        and not any(w in own for w in words)
        # "Lumenfield" of "Lumenfield Software Inc." is the same party
        and not (set(words) <= set(mine) or set(mine) <= set(words))
    ]
    return Conflict(index.pool[top][0].label, others[0], name) if len(others) == 1 else None


def namesake(name: str, index: SourceIndex, written: set[str] | frozenset[str]) -> Conflict | None:
    """Return the party the sources name where the claim has one differing
    only in its first word.

    "the Calder County Prosecutor's Office" against "the Hollis County
    Prosecutor's Office": the words they share are not what tells them apart.
    (Two words are too few to tell: "Jack Kennedy" may be "John Kennedy".)
    """
    mine = name_tokens(name)
    if len(mine) < 3:
        return None
    if any(words == mine for _, _, words in index.parties):
        return None
    return next(
        (
            Conflict(label, party, name)
            for label, party, words in index.parties
            if len(words) == len(mine)
            and words[1:] == mine[1:]
            and words[0] != mine[0]
            or other_prefix(mine, words, written)
        ),
        None,
    )


def other_prefix(mine: list[str], theirs: list[str], written: set[str] | frozenset[str]) -> bool:
    """Tell whether two names end alike and begin with wholly different words the
    claim writes: "Hadlow Community College" and "Quarrow Ridge Community College"
    (but "the tribunal" may be either of two tribunals)."""
    shared = 0
    while shared < min(len(mine), len(theirs)) and mine[-1 - shared] == theirs[-1 - shared]:
        shared += 1
    head, other = mine[: len(mine) - shared], theirs[: len(theirs) - shared]
    return (
        shared >= 2
        and bool(head)
        and bool(other)
        and not set(head) & set(other)
        and all(w in written for w in head)
    )


def other_speaker(claim: Claim, index: SourceIndex, found: Match) -> Conflict | None:
    """Return who the source says spoke, when its sentence with the claim's words
    gives them to another person.

    "Mayor Colin Hext said the festival brings $9 million" against "Council
    member Ruth Ngata said the festival brings 9 million dollars": the source
    may name Hext elsewhere, but not as saying this.
    """
    speaker = claim.facts.speaker
    top = best_sentence(found, name_tokens(speaker or ""))
    if speaker is None or top is None:
        return None
    source, sentence = index.pool[top]
    said_by = sentence.facts.speaker
    if said_by is None or any(w in index.words[top] for w in name_tokens(speaker)):
        return None
    return Conflict(source.label, said_by, speaker)


def check_places(claim: Claim, index: SourceIndex, found: Match) -> None:
    """Look for each place; the best sentence naming another place contradicts."""
    slots = claim.facts.slots
    places = dict.fromkeys(([slots.location] if slots.location else []) + list(claim.facts.places))
    for place in places:
        if place in slots.parties:
            continue
        if len(members := listed_places(place)) > 2:
            check_listed_places(members, index, found)
            continue
        top = best_sentence(found, name_tokens(place))
        own = claim_words(claim)
        near = (
            [
                p
                for p in index.pool[top][1].facts.places
                if not place_within(place, p)
                # "Carrow, North Carolina" against "Durrell, North Carolina": the
                # town is what differs; a region both name is no conflict
                and not any(w in own for w in name_tokens(p.split(",")[0]))
            ]
            if top is not None
            else []
        )
        head = place.split(",")[0].strip()
        # "outside the district offices in Calderbrook" against "outside the
        # courthouse in Ashby Mills": the Calderbrook of the school district's
        # name in another sentence does not put the rally there.
        in_top = top is not None and all(t in index.words[top] for t in name_tokens(head))
        # A street the best sentence names may be in the claimed town.
        towns = [p for p in near if p.split(",")[0].split()[-1].lower() not in WORKS]
        if top is not None and (moved := same_town_elsewhere(place, index.pool[top][1])):
            # "Vennick Ridge, Ohio" against "Vennick Ridge, Indiana"
            found.conflicts.append(Conflict(index.pool[top][0].label, moved, place))
            continue
        if place_stated(place, index) and not (
            towns and not in_top and not named_as_place(head, index, claim.facts.terms)
        ):
            if not name_stated(head, index):
                # "in Tennessee" stated by "in Memphis": its words need not be in the source.
                found.named.update(name_tokens(place))
            found.stated.append("the place")
            continue
        if head.split()[-1].lower() in SITES:
            # "beside the Fenwick Road water treatment plant" against a source
            # naming only the town: the plant may be in it; another site differs.
            near = [p for p in near if p.split(",")[0].split()[-1].lower() in SITES]
        if rival := same_region(place, index, near):
            found.conflicts.append(Conflict(*rival, place))
        elif near and top is not None:
            pick = next((p for p in near if region_of(p) == region_of(place)), near[0])
            stated = pick if "," in place else pick.split(",")[0]
            found.conflicts.append(Conflict(index.pool[top][0].label, stated, place))
        else:
            found.gaps.append(f"the place {place}")


def same_region(place: str, index: SourceIndex, near: list[str]) -> tuple[str, str] | None:
    """Return the label and name of another town a source puts in the claimed
    place's region: "Aalholm, Denmark" against "... its General Assembly in
    Brennholm, Denmark", even when the sentence most like the claim names
    another place ("Lakeford received 94 votes")."""
    region = region_of(place)
    if region is None or any(region_of(p) == region for p in near):
        return None
    return next(
        (
            (source.label, p)
            for source, sentence in index.pool
            for p in sentence.facts.places
            if region_of(p) == region and not place_within(place, p)
        ),
        None,
    )


def same_town_elsewhere(place: str, sentence: SourceSentence) -> str | None:
    """Return the place a sentence names with the claimed town's name in another
    region: "Vennick Ridge, Indiana" against "Vennick Ridge, Ohio" (but not
    "Salem, Ore." against "Salem, Oregon")."""
    region = region_of(place)
    if region is None:
        return None
    town = place.split(",")[0].strip()
    for other in sentence.facts.places:
        theirs = region_of(other)
        if other.split(",")[0].strip() != town or theirs is None:
            continue
        a, b = sorted((region.lower().rstrip("."), theirs.lower().rstrip(".")), key=len)
        if len(a) > 2 and not b.startswith(a) and "." not in region + theirs:
            return other
    return None


def region_of(place: str) -> str | None:
    """Return the region written after a place's comma: "Denmark" of "Aalholm, Denmark"."""
    return place.split(",", 1)[1].strip() if "," in place else None


def listed_places(place: str) -> list[str]:
    """Return the places a list names: "Sable Point, Gull Harbor and Marrow Inlet"."""
    if " and " not in place:
        return [place]
    return [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", place) if p]


def check_listed_places(members: list[str], index: SourceIndex, found: Match) -> None:
    """Look for each place of a list; one the best sentence lists otherwise contradicts."""
    missing = [m for m in members if not place_stated(m, index)]
    if not missing:
        found.stated.append("the place")
        return
    top = best_sentence(found, [t for m in missing for t in name_tokens(m)])
    theirs = (
        [
            m
            for p in index.pool[top][1].facts.places
            for m in listed_places(p)
            if not any(place_within(mine, m) for mine in members)
        ]
        if top is not None
        else []
    )
    if theirs and top is not None:
        found.conflicts.append(Conflict(index.pool[top][0].label, theirs[0], missing[0]))
    else:
        found.gaps.append(f"the place {missing[0]}")


def check_names(claim: Claim, terms: list[str], index: SourceIndex, found: Match) -> None:
    """Look for each word the claim capitalises inside the sentence, as written."""
    capitals = {
        w.lower() for i, w in enumerate(WORD.findall(claim.text)) if i > 0 and w[:1].isupper()
    }
    # A party's words the claim writes with a capital, even first ("Siemens
    # signed ..."), but not "the city" read as "City of Lakeford".
    written = {w.lower() for w in WORD.findall(claim.text) if w[:1].isupper()}
    for name in claim.facts.slots.parties:
        capitals.update(w.lower() for w in WORD.findall(name) if w.lower() in written)
    for place in claim.facts.places:
        # "the east bank of the Sallow River": its names, not its common words.
        capitals.update(w.lower() for w in WORD.findall(place) if w[:1].isupper())
    # "American DJ" against a page that only says "America" elsewhere: names are matched
    # as written (or by their country), not by stem.
    missing = [
        t
        for t in terms
        if t in capitals
        and t not in found.named
        and t not in index.about
        and not word_stated(t, index)
    ]
    already = " ".join(found.gaps).lower()
    for term in missing:
        if term in already:
            continue
        # The parser may not tag a name as a party ("with Siemens [1]."), so a name
        # another party stands in for is a contradiction too; a word of a party's
        # name ("Ashcombe" of "Ashcombe Family Foundation") stands for the party.
        parties = claim.facts.slots.parties
        name = next((p for p in parties if term in name_tokens(p)), as_written(term, claim))
        conflict = other_party(claim, index, found, name) if len(missing) == 1 else None
        if conflict:
            found.conflicts.append(conflict)
        else:
            found.gaps.append(f"'{as_written(term, claim)}'")


def as_written(term: str, claim: Claim) -> str:
    """Return a term as the claim writes it ("McDonald" for "mcdonald", "budget"
    for the synonym group "price" it stands in)."""
    words = WORD.findall(claim.text)
    exact = next((w for w in words if w.lower() == term), None)
    if exact is not None:
        return exact
    lex = lexicon()
    key = term_key(term, lex)
    return next((w for w in words if term_key(w, lex) == key), term)


def claim_words(claim: Claim) -> frozenset[str]:
    """Return the claim's words in lower case."""
    return frozenset(w.lower() for w in WORD.findall(claim.text))


def word_stated(word: str, index: SourceIndex) -> bool:
    """Tell whether a source has a word as written (a plural or a country will do)."""
    forms = (word, word + "s", word + "es", word.removesuffix("s"))
    if any(f in index.word_postings for f in forms):
        return True
    # "Canadian gigs" in a source that says "Canada".
    demonyms = lexicon().demonyms
    return any(
        all(w in index.word_postings for w in WORD.findall(place))
        # "Ohioans" are Ohio's people
        for place in demonyms.get(word, demonyms.get(word.removesuffix("s"), ()))
    )


def name_tokens(name: str) -> list[str]:
    """Return the words of a name that identify it (not "the", "of", "Inc.")."""
    return [
        w.lower()
        for w in WORD.findall(name)
        if w.lower() not in NAME_STOP and (len(w) > 1 or w.isupper())
    ]


def name_stated(name: str, index: SourceIndex, within: set[str] | None = None) -> bool:
    """Tell whether a source (or the words ``within``) names a party.

    Its last word counts, or two thirds of its words.
    """
    tokens = name_tokens(name)
    if not tokens:
        return True
    if within is None:
        present = [t for t in tokens if word_stated(t, index)]
    else:
        present = [t for t in tokens if t in within]
    # "Powell" for "W. Brent Powell", "Aoki" for "Steve Aoki".
    if tokens[-1] in present and (len(tokens) <= 3 or len(present) >= 2):
        return True
    return len(present) * 3 >= len(tokens) * 2


def place_stated(place: str, index: SourceIndex) -> bool:
    """Tell whether a source names a place, or a place inside it (Memphis for Tennessee)."""
    head = place.split(",")[0].strip()
    words = head.split()
    if len(words) > 1 and words[-1].lower() in KINDS_OF_PLACE and all(w.istitle() for w in words):
        # "Cold Spring Road" is not stated by "Millrace Road": the kind is no name
        head = " ".join(words[:-1])
    if name_stated(head, index):
        return True
    inside = [p for p, region in lexicon().regions.items() if region == head.lower()]
    return any(name_stated(p, index) for p in inside)


def named_as_place(head: str, index: SourceIndex, terms: Iterable[str]) -> bool:
    """Tell whether a source names a town as a place of what the claim speaks of,
    not only in a name or as a modifier ("the Calderbrook Unified School
    District", "Calderbrook teachers"): "the war in Syria" for a claim about the
    war, but not "the smelter in Calder Wash" for a hearing held elsewhere."""
    tokens = name_tokens(head)
    context = {t for t in terms if not t.isdigit()} - set(tokens)
    return any(
        any(all(t in name_tokens(p) for t in tokens) for p in sent.facts.places)
        and not context.isdisjoint(index.words[i])
        for i, (_, sent) in enumerate(index.pool)
    )


def place_within(claimed: str, stated: str) -> bool:
    """Tell whether two places are the same, or one contains the other."""
    parts = [p.strip().lower() for p in claimed.split(",")]
    other = stated.split(",")[0].strip().lower()
    regions = lexicon().regions
    return other in parts or regions.get(parts[0]) == other or regions.get(other) == parts[0]


def check_motive(claim: Claim, index: SourceIndex, found: Match) -> None:
    """Look for most words of the claim's motive in the sources.

    A stated purpose ("to help the city close a budget gap", "because ...")
    the sources do not give fails the claim. Other motives ("fees due to be
    distributed") are named when the claim fails, but do not fail it alone: on
    WiCE such a missing motive was as common in supported claims as in the others.
    """
    motive = claim.facts.slots.motive
    if not motive:
        return
    lex = lexicon()
    words = [w for w in WORD.findall(motive.lower()) if w not in MOTIVE_STOP and len(w) > 2]
    if not words:
        return
    hits = [sentences_with(term_key(w, lex), index) for w in words]
    stated = sum(1 for h in hits if h)
    asserted = EXPLICIT_MOTIVE.match(motive) or motive.startswith("to ")
    keys = {term_key(w, lex) for w in words}
    if stated * 2 >= len(words) and (
        not asserted or motive_linked(claim, keys, hits, index, found)
    ):
        found.stated.append("the motive")
    elif asserted:
        # "in order to keep the club", "because its wards fill", "to help the
        # city": the writer asserts a reason, and a source silent on it does
        # not support it.
        found.gaps.append(f"the motive '{motive}'")
    else:
        found.soft_gaps.append(f"the motive '{motive}'")


def sentences_with(key: str, index: SourceIndex) -> set[int]:
    """Return the sentences that have a word of the matching key."""
    return {i for k in key_matches(key, index) for i in index.postings[k]}


def motive_linked(
    claim: Claim, keys: set[str], hits: list[set[int]], index: SourceIndex, found: Match
) -> bool:
    """Tell whether a sentence states the motive with the act it is the motive of.

    "Developers bid aggressively because state law requires utilities to buy 5
    gigawatts" against a source that states the law in one sentence and the
    bids nowhere: each is stated, the reason is not. The act is the claim's
    words outside the motive and the names of its parties, places and speaker;
    a sentence that states most of the motive must state one of them.
    """
    facts = claim.facts
    named = (*facts.slots.parties, *facts.places, facts.slots.location or "", facts.speaker or "")
    names = {w for name in named for w in name_tokens(name)}
    lex = lexicon()
    act = [t for t in found.terms if term_key(t, lex) not in keys and t not in names]
    if not act:
        return True
    counts = Counter(i for sentences in hits for i in sentences)
    where = {i for i, n in counts.items() if n * 2 >= len(hits)}
    if any(found.hits[t] & where for t in act):
        return True
    # "funds 24 new positions in the fire department in order to reduce response
    # times": the source gives the same reason for what the claim words otherwise.
    for i in where:
        reason = index.pool[i][1].facts.slots.motive or ""
        given = {term_key(w, lex) for w in WORD.findall(reason.lower())}
        if len(keys & given) * 2 >= len(keys):
            return True
    return False


def check_details(claim: Claim, index: SourceIndex, found: Match) -> None:
    """Look for the numbers, years, negations and quantifiers the slots leave out.

    The slots miss some of them ("take 10 months", "for twelve years", "at the
    end of 2027", "beat them 3-1"), and a claim that adds one ("never lost
    money", "all of the work") says more than a source without it.
    """
    text = claim.text
    words = [w.lower() for w in WORD.findall(text)]
    reported = " ".join(found.gaps + [str(c) for c in found.conflicts]).lower()
    top = best_sentence(found)
    for number in loose_numbers(claim):
        if number in reported or number_stated(number, index):
            continue
        # "hire about 900 teachers" against the best sentence's "about 600 teachers"
        if top is not None and (other := counted_otherwise(number, text, index.pool[top][1].text)):
            found.conflicts.append(Conflict(index.pool[top][0].label, other, number))
        else:
            found.gaps.append(f"the number {number}")
    dated = {d[:4] for d in claim.facts.dates}
    converted = " ".join(m.group(1) for m in CONVERSION.finditer(text))
    for year in dict.fromkeys(YEAR.findall(text)):
        if year in dated or year in converted or year in reported:
            continue
        if year not in index.years and year not in index.word_postings:
            found.gaps.append(f"the year {year}")
    chosen = [index.words[i] for i in found.chosen]
    # "voted no" is a vote and "no more than $15" a bound, not negations.
    negation = next(
        (
            w
            for k, w in enumerate(words)
            if w in NEGATIONS
            and (w != "no" or k == 0 or not words[k - 1].startswith("vot"))
            and words[k + 1 : k + 3] not in (["more", "than"], ["fewer", "than"], ["less", "than"])
        ),
        None,
    )
    if negation is None and NEGATION.search(text):
        negation = NEGATION.search(text).group().lower()  # type: ignore[union-attr]
    if negation and not any(negated(i, index) for i in found.chosen):
        found.gaps.append(f"the negation '{negation}'")
    # "can serve only about 450 patients": "only" before a number weighs it, and
    # the number is checked on its own.
    weighs_number = any(
        w == "only" and (after in NUMBER_LEADS or after[:1].isdigit())
        for w, after in zip(words, words[1:], strict=False)
    )
    quantifiers = QUANTIFIERS - {"only"} if weighs_number else QUANTIFIERS
    # "$23.5 million in all" is a total and "no tuition at all" a stress, not
    # quantifiers; nor is "212,400 vehicles, all of them Sorrel SUVs", which says
    # what the number counts.
    unweighed = {
        k + 1 for k, w in enumerate(words[:-1]) if w in {"in", "at"} and words[k + 1] == "all"
    }
    if COUNTED.search(text):
        unweighed |= {k for k, w in enumerate(words[:-2]) if w == "all" and words[k + 1] == "of"}
    weighed = (w for k, w in enumerate(words) if w in quantifiers and k not in unweighed)
    for word in dict.fromkeys(weighed):
        if not any(word in sentence for sentence in chosen):
            found.gaps.append(f"'{word}'")


def denies(i: int, index: SourceIndex) -> bool:
    """Tell whether a source sentence says that something is not so ("No violations were
    recorded"), by a negating word rather than a prefix."""
    return denies_text(index.pool[i][1].text)


def denies_text(text: str) -> bool:
    """Tell whether a text has a negating word ("not", "no", "never", "didn't")."""
    return bool(NEGATIONS & set(WORD.findall(text.lower()))) or bool(NEGATION.search(text))


def negated(i: int, index: SourceIndex) -> bool:
    """Tell whether a source sentence has a negation ("never identified" ~ "unidentified")."""
    words = index.words[i]
    return (
        bool(STATED_NEGATIONS & words)
        or bool(NEGATION.search(index.pool[i][1].text))
        or any(w.startswith("un") and len(w) > 6 and w[:5] not in NOT_UN for w in words)
    )


def loose_numbers(claim: Claim) -> list[str]:
    """Return the numbers of a claim that no amount, date or year slot accounts for."""
    text = claim.text
    slotted = " ".join(q.text for q in claim.facts.slots.numbers).lower()
    converted = " ".join(m.group(1) for m in CONVERSION.finditer(text))
    # "the first three months of 2027" is a quarter, checked as a date.
    quarters = [m.span() for m in QUARTER.finditer(text)]
    found = []
    for match in re.finditer(r"\w+(?:[.,]\d+)*", text):
        token = match.group()
        lower = token.lower()
        if any(start <= match.start() < end for start, end in quarters):
            continue
        if re.fullmatch(r"[\d.,]+", token):
            if YEAR.fullmatch(token) or token in converted or token in slotted:
                continue
            # "March 10", "10 March", "10th": a day of a date, checked with the date.
            before = text[: match.start()].split()[-1:]
            after = text[match.end() :].split()[:1]
            near = {w.lower().strip(".,") for w in before + after}
            if near & DATE_WORDS or text[match.end() : match.end() + 2] in {"st", "nd", "rd", "th"}:
                continue
            found.append(token)
        elif lower in WORD_NUMBERS and lower not in WEAK_NUMBERS and lower not in slotted:
            if lower == "two" and SIDES.match(text, match.end()):
                continue  # "the two sides": who, not a figure
            found.append(lower)
    return list(dict.fromkeys(found))


# The words of "four of the people": a share of what is counted.
OWNERS = ("the", "those", "its", "their")
PARTITIVE = {"of", *OWNERS}


def counted_otherwise(number: str, claim_text: str, source_text: str) -> str | None:
    """Return another number a source sentence gives for what the claim's counts:
    "four" of "37 crashes and four injuries" against "six injuries", and "Four of
    the people rescued" against "Five of the people rescued"."""
    after = re.search(
        rf"\b{re.escape(number)}\s+(?:of\s+(?:{'|'.join(OWNERS)})\s+)?([A-Za-z]{{4,}})"
        r"(?:['’]s\s+([A-Za-z]{4,}))?",
        claim_text,
        re.I,
    )
    if after is None:
        return None
    # "460 of the authority's drivers" counts drivers, not the authority
    counted = stem(after.group(2) or after.group(1))
    for match in NUMERAL.finditer(source_text):
        # The number, then at most one word ("85 flooded businesses"), then the noun.
        words = WORD.findall(source_text[match.end() : match.end() + 40])
        following = [w for w in words[:5] if w.lower() not in PARTITIVE and w != "s"][:2]
        same = any(same_stem(counted, stem(w)) for w in following)
        if same and match.group().lower() != number.lower():
            return match.group()
    return None


def number_stated(number: str, index: SourceIndex) -> bool:
    """Tell whether a source has a number, in digits or in words ("10" or "ten")."""
    if number in index.word_postings:
        return True
    if number[0].isdigit():
        value = float(number.replace(",", ""))
        spelled = [w for w, v in WORD_NUMBERS.items() if v == value and w not in {"a", "an"}]
        return any(w in index.word_postings for w in spelled) or any(
            agrees(value, number, a.value) for _, a in index.amounts
        )
    value = WORD_NUMBERS[number]
    return str(int(value)) in index.word_postings or any(
        agrees(float(value), number, a.value) for _, a in index.amounts
    )


# --- scoring ----------------------------------------------------------------------------


def features(found: Match) -> dict[str, float]:
    """Return the features of a match that the support score weighs."""
    if not found.terms:
        # A claim that is all slots ("Revenue was $5 million in 2024.") stands on them.
        return {
            "bias": 1.0,
            "best": 1.0,
            "window": 1.0,
            "coverage": 1.0,
            "gap": float(bool(found.gaps)),
        }
    return {
        "bias": 1.0,
        "best": found.best,
        "window": found.window,
        "coverage": found.coverage,
        "gap": float(bool(found.gaps)),
    }


def support_score(found: Match) -> float:
    """Return the probability that the sources support the claim (logistic)."""
    z = sum(WEIGHTS[name] * value for name, value in features(found).items())
    return 1.0 / (1.0 + math.exp(-z))


def evidence(found: Match, index: SourceIndex) -> Iterable[Evidence]:
    """Yield the quotes behind a verdict, best first."""
    total = sum(found.terms.values()) or 1.0
    for i in found.chosen:
        source, sent = index.pool[i]
        score = sum(w for t, w in found.terms.items() if i in found.hits[t]) / total
        yield Evidence(
            source=source.label,
            text=" ".join(sent.text.split()),
            span=sent.span,
            score=round(score, 2),
        )
