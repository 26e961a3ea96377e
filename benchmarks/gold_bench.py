"""Score copydesk on the project's annotated corpus (benchmarks/gold/).

Runs the real pipeline over every article that has a ``.gold.yaml`` beside it
and prints verdict accuracy and macro-F1, unsupported recall, supported
precision, reason accuracy, per-slot scores and extraction time.

    .venv/bin/python benchmarks/gold_bench.py [--gold benchmarks/gold] [--verbose]
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from copydesk.nlp import load_nlp
from copydesk.pipeline import Checker, Options
from copydesk.pipeline.claims import extract_claims, sentence_key
from copydesk.pipeline.segment import segment
from copydesk.quantities import parse_quantity, same_amount

LABELS = ("supported", "unsupported", "opinion")
# The articles tuned on and the ones held out (see benchmarks/gold/README.md).
SPLITS = {"dev": "[a-z]-*.gold.yaml", "test": "aa-*.gold.yaml", "all": "*.gold.yaml"}
MARKER = re.compile(r"\s*\[\^?[\w.,;:\s–-]+\]")


@dataclass
class Tally:
    """Counts gathered over the corpus."""

    verdicts: list[tuple[str, str]] = field(default_factory=list)  # (gold, predicted)
    reasons: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    parties: Counter = field(default_factory=Counter)  # tp, fp, fn
    location: Counter = field(default_factory=Counter)
    motive: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)
    findings: list[bool] = field(default_factory=list)
    unaligned: int = 0
    extraction_ms: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    slot_misses: list[str] = field(default_factory=list)


def as_list(value: object) -> list:
    """Return a gold value that may be one answer or a list of accepted answers."""
    return value if isinstance(value, list) else [value]


def key(text: str) -> str:
    """Return a sentence's matching key, without citation markers."""
    return sentence_key(MARKER.sub("", text))


def tokens(text: str | None) -> list[str]:
    """Return the lower-case word tokens of a slot value."""
    return re.findall(r"\w+", (text or "").lower())


def add_overlap(counter: Counter, gold: list[str], predicted: list[str]) -> None:
    """Add the true positives, false positives and false negatives of two bags."""
    g, p = Counter(gold), Counter(predicted)
    common = sum((g & p).values())
    counter["tp"] += common
    counter["fp"] += sum(p.values()) - common
    counter["fn"] += sum(g.values()) - common


def f1(counter: Counter) -> float:
    """Return F1 from tp/fp/fn counts."""
    tp, fp, fn = counter["tp"], counter["fp"], counter["fn"]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def sentence_verdict(claims: list) -> object:
    """Return the claim whose verdict stands for a whole sentence.

    A sentence the writer frames as judgement is opinion; otherwise any of its
    claims that is unsupported ("Talonstream, which had 34 million subscribers",
    where the source says 31 million) makes the sentence unsupported, as it
    fails a CI check.
    """
    main = claims[0]
    if main.verdict.label.value == "opinion":
        return main
    return next((c for c in claims if c.verdict.label.value == "unsupported"), main)


def score_article(gold_path: Path, checker: Checker, tally: Tally, verbose: bool) -> None:
    """Check one gold article and add its scores to the tally."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    article = gold_path.with_name(gold["article"])
    document, path = checker.read(str(article))
    nlp = checker.nlp
    started = time.perf_counter()
    extract_claims(document, segment(document, nlp))
    tally.extraction_ms.append((time.perf_counter() - started) * 1000)
    tally.words.append(len(document.text.split()))
    report = checker.check_document(document, checker.registry_for(path))

    by_sentence: dict[int, list] = {}
    for claim in report.claims:
        by_sentence.setdefault(claim.sentence, []).append(claim)
    ordered = [by_sentence[i] for i in sorted(by_sentence)]
    predicted_keys = [key(document.view[c[0].span[0] : c[0].span[1]]) for c in ordered]
    gold_keys = [key(s["text"]) for s in gold["sentences"]]
    matcher = difflib.SequenceMatcher(a=gold_keys, b=predicted_keys, autojunk=False)
    pairs = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs[block.a + k] = block.b + k
    for gi, sentence in enumerate(gold["sentences"]):
        if gi not in pairs:
            # The sentence was split or merged differently: try a fuzzy match.
            close = difflib.get_close_matches(gold_keys[gi], predicted_keys, n=1, cutoff=0.8)
            if not close:
                tally.unaligned += 1
                tally.misses.append(f"{article.name}: unaligned: {sentence['text'][:70]}")
                continue
            pairs[gi] = predicted_keys.index(close[0])
        claims = ordered[pairs[gi]]
        main = sentence_verdict(claims)
        verdicts, reasons = as_list(sentence["verdict"]), as_list(sentence["reason"])
        predicted = main.verdict.label.value
        tally.verdicts.append((predicted if predicted in verdicts else verdicts[0], predicted))
        tally.reasons.append(main.verdict.reason.value in reasons)
        if verbose and predicted not in verdicts or main.verdict.reason.value not in reasons:
            tally.misses.append(
                f"{article.name}: gold {verdicts}/{reasons}, got {predicted}/"
                f"{main.verdict.reason.value}: {sentence['text'][:70]} "
                f"— {main.verdict.message}"
            )
        slots = sentence["slots"]
        dates = [c.facts.slots.date for c in claims if c.facts.slots.date]
        gold_date = str(slots["date"]) if slots.get("date") else None
        parties = list(dict.fromkeys(p for c in claims for p in c.facts.slots.parties))
        places = [c.facts.slots.location for c in claims if c.facts.slots.location]
        motives = [c.facts.slots.motive for c in claims if c.facts.slots.motive]
        got = {
            "date": dates[0] if dates else None,
            "parties": parties,
            "location": places[0] if places else None,
            "motive": motives[0] if motives else None,
        }
        if gold_date or dates:
            tally.dates.append(got["date"] == gold_date)
        add_overlap(tally.parties, list(slots.get("parties") or []), parties)
        add_overlap(tally.location, tokens(slots.get("location")), tokens(got["location"]))
        add_overlap(tally.motive, tokens(slots.get("motive")), tokens(got["motive"]))
        quantities = {q.text: q for c in claims for q in c.facts.slots.numbers}.values()
        amounts: Counter = Counter()
        add_amounts(
            amounts,
            [gold_amount(str(text)) for text in slots.get("numbers") or []],
            [q.value for q in quantities],
        )
        tally.numbers.update(amounts)
        if verbose and (amounts["fp"] or amounts["fn"]):
            tally.slot_misses.append(
                f"{article.name}: numbers: gold {slots.get('numbers')!r}, got "
                f"{[q.text for q in quantities]!r}: {sentence['text'][:60]}"
            )
        if verbose:
            expected_slots = {**slots, "date": gold_date, "parties": slots.get("parties") or []}
            for name, value in got.items():
                wanted = expected_slots.get(name)
                same = sorted(value) == sorted(wanted) if name == "parties" else value == wanted
                if not same:
                    tally.slot_misses.append(
                        f"{article.name}: {name}: gold {wanted!r}, got {value!r}: "
                        f"{sentence['text'][:60]}"
                    )
    expected = gold.get("findings") or {}
    dangling = sorted(
        {c.label for claim in report.claims for c in claim.citations if c.source is None}
    )
    unused = sorted(f.label for f in report.findings if f.reason.value == "unused-source")
    tally.findings.append(
        dangling == sorted(map(str, expected.get("dangling") or []))
        and unused == sorted(map(str, expected.get("unused") or []))
    )


def gold_amount(text: str) -> float | None:
    """Return the value of an amount as the gold writes it ("a third", "half of
    the output" are shares)."""
    amount, of, _ = text.partition(" of ")
    value, _ = parse_quantity(amount, share=bool(of))
    return value if value is not None else parse_quantity(text, share=True)[0]


def add_amounts(counts: Counter, gold: list[float | None], got: list[float | None]) -> None:
    """Count the amounts found: one gold amount matches one found amount of the same
    value. Units are left out: the gold gives amounts as written, and reading their
    units would take the very parser being measured."""
    left = list(got)
    for value in gold:
        same = next((k for k, v in enumerate(left) if same_amount(v, value)), None)
        if same is None:
            counts["fn"] += 1
        else:
            counts["tp"] += 1
            del left[same]
    counts["fp"] += len(left)


def print_scores(tally: Tally, articles: int) -> None:
    """Print the corpus scores."""
    pairs = tally.verdicts
    n = len(pairs)
    accuracy = sum(g == p for g, p in pairs) / n
    per_label = {}
    for label in LABELS:
        tp = sum(g == p == label for g, p in pairs)
        fp = sum(p == label != g for g, p in pairs)
        fn = sum(g == label != p for g, p in pairs)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        per_label[label] = (
            precision,
            recall,
            2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            tp + fn,
        )
    macro = statistics.mean(v[2] for v in per_label.values())
    print(f"articles: {articles}   sentences scored: {n}   unaligned: {tally.unaligned}")
    print(
        f"verdict accuracy: {accuracy:.3f}   macro-F1: {macro:.3f}   "
        f"reason accuracy: {sum(tally.reasons) / n:.3f}"
    )
    for label, (p, r, f, support) in per_label.items():
        print(f"  {label:<12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (n={support})")
    print(
        f"unsupported recall: {per_label['unsupported'][1]:.3f}   "
        f"supported precision: {per_label['supported'][0]:.3f}"
    )
    print(
        f"date exact match: {sum(tally.dates) / max(1, len(tally.dates)):.3f} "
        f"(n={len(tally.dates)})   parties F1: {f1(tally.parties):.3f}   "
        f"location token F1: {f1(tally.location):.3f}   motive token F1: {f1(tally.motive):.3f}"
    )
    print(f"numbers F1 (amounts matched by value): {f1(tally.numbers):.3f}")
    print(f"findings (dangling + unused) exact: {sum(tally.findings)}/{len(tally.findings)}")
    per_600 = [ms * 600 / max(1, w) for ms, w in zip(tally.extraction_ms, tally.words, strict=True)]
    print(
        "extraction per article (model loaded): median "
        f"{statistics.median(tally.extraction_ms):.0f} ms, "
        f"max {max(tally.extraction_ms):.0f} ms; scaled to 600 words: median "
        f"{statistics.median(per_600):.0f} ms"
    )


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path(__file__).parent / "gold")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument(
        "--split",
        choices=["dev", "test", "all"],
        default="all",
        help="dev = a-* to z-* (tuned on), test = aa-* (held out)",
    )
    args = parser.parse_args()
    checker = Checker(Options(), lambda model: load_nlp(model))
    checker.nlp  # noqa: B018 - load once, outside the timings
    for split in ["dev", "test", "all"] if args.split == "all" else [args.split]:
        gold_files = sorted(args.gold.glob(SPLITS[split]))
        if not gold_files:
            print(f"no gold files for {split} in {args.gold}")
            continue
        tally = Tally()
        for path in gold_files:
            score_article(path, checker, tally, args.verbose)
        print(f"== {split} ==")
        print_scores(tally, len(gold_files))
        if args.verbose:
            print("\n".join(tally.misses + tally.slot_misses))


if __name__ == "__main__":
    main()
