"""Fit the support model of ``pipeline/verify.py`` on the project's own annotated claims.

Run from the repository root::

    .venv/bin/python benchmarks/fit_support.py

The examples are cited claims that copydesk's real pipeline (read, segment,
extract, resolve) reads from

* ``benchmarks/support/*.yaml``: one-sentence claims and the sources they cite,
  written for the project (see its README);
* the dev split of the gold corpus (``benchmarks/gold/a-*``): every sentence
  that cites a source and is annotated supported, not-in-source or
  contradicted.

A claim is a positive example when it is annotated supported.  A claim whose
source copydesk finds stating another date, number, party or place is left out:
its verdict is ``contradicted`` whatever the score says.  A gold sentence that
is not supported and splits into several claims is left out too, since the
annotation does not say which part fails.

The script prints the L2-regularised logistic weights of the features that
``verify.features`` computes, ready to paste into ``WEIGHTS``, and a
reliability table from leave-one-topic-out cross-validation (each topic or
article scored by weights fitted without it), with the threshold in force.
The decision threshold itself is chosen on the WiCE tuning half
(``benchmarks/wice_bench.py --thresholds``).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import yaml

from copydesk.models import Claim, Format, Registry, Source
from copydesk.nlp import load_nlp
from copydesk.pipeline import Checker, Options
from copydesk.pipeline import verify as V
from copydesk.pipeline.claims import sentence_key
from copydesk.pipeline.read import parse_document

HERE = Path(__file__).resolve().parent
MARKER = re.compile(r"\s*\[\^?[\w.,;:\s–-]+\]")
SCORED = {"supported", "not-in-source", "contradicted"}
# Strength of the L2 penalty: with ~200 examples it keeps the weights from
# chasing the few examples that sit far from the rest.
L2 = 1.0
BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass
class Example:
    """One cited claim, with what verification needs to score it again."""

    group: str  # the topic file or article, for cross-validation
    text: str
    supported: bool
    claim: Claim
    cited: list[V.CitedSource]
    index: V.SourceIndex

    def match(self) -> V.Match:
        """Return how the claim compares with its sources."""
        return V.match(self.claim, self.index)


def cited_sources(claim: Claim, checker: Checker, registry: Registry) -> list[V.CitedSource]:
    """Return the readable sources a claim cites."""
    keys = dict.fromkeys(c.source for c in claim.citations if c.source)
    cited = checker.analyse(registry, tuple(keys)).values()
    return [c for c in cited if c.source.text and c.sentences]


def example(
    group: str, text: str, supported: bool, claim: Claim, checker: Checker, registry: Registry
) -> Example | None:
    """Return the example for a claim, or None when verification never scores it."""
    cited = cited_sources(claim, checker, registry)
    if not cited or claim.verdict is None or claim.verdict.reason.value not in SCORED:
        return None
    index = V.index_sources(cited)
    if V.match(claim, index).conflicts:
        return None
    return Example(group, text, supported, claim, cited, index)


def support_examples(checker: Checker, folder: Path) -> list[Example]:
    """Return the examples of the project-written claim and source pairs."""
    examples = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        published = data.get("published")
        published = date.fromisoformat(str(published)) if published else None
        registry = Registry(
            path=str(path),
            sources=tuple(
                Source(
                    label=str(label),
                    title=f"{path.stem} {label}",
                    line=i,
                    text=text,
                    published=published,
                )
                for i, (label, text) in enumerate(data["sources"].items(), 1)
            ),
        )
        for item in data["claims"]:
            document = parse_document(
                item["text"].encode(), "claim.txt", Format.TEXT, published=published
            )
            claims = checker.check_document(document, registry).claims
            supported = item["label"] == "supported"
            if len(claims) > 1 and not supported:
                continue
            for claim in claims:
                found = example(path.stem, item["text"], supported, claim, checker, registry)
                if found:
                    examples.append(found)
    return examples


def key(text: str) -> str:
    """Return a sentence's matching key, without citation markers."""
    return sentence_key(MARKER.sub("", text))


def gold_examples(checker: Checker, folder: Path) -> list[Example]:
    """Return the examples of the gold corpus's dev split."""
    examples = []
    for gold_path in sorted(folder.glob("a-*.gold.yaml")):
        gold = yaml.safe_load(gold_path.read_text("utf-8"))
        document, path = checker.read(str(gold_path.with_name(gold["article"])))
        registry = checker.registry_for(path)
        assert registry is not None
        report = checker.check_document(document, registry)
        by_key: dict[str, list[Claim]] = {}
        for claim in report.claims:
            first = next(c for c in report.claims if c.sentence == claim.sentence)
            text = document.view[first.span[0] : first.span[1]]
            by_key.setdefault(key(text), []).append(claim)
        for sentence in gold["sentences"]:
            reasons = (
                sentence["reason"] if isinstance(sentence["reason"], list) else [sentence["reason"]]
            )
            if not set(reasons) & SCORED:
                continue
            close = difflib.get_close_matches(key(sentence["text"]), list(by_key), n=1, cutoff=0.8)
            if not close:
                continue
            claims = by_key[close[0]]
            supported = "supported" in reasons
            if len(claims) > 1 and not supported:
                continue
            for claim in claims:
                found = example(
                    gold_path.stem, sentence["text"], supported, claim, checker, registry
                )
                if found:
                    examples.append(found)
    return examples


def design(examples: list[Example]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Return the feature names, the feature matrix and the labels."""
    rows = [V.features(e.match()) for e in examples]
    names = list(rows[0])
    x = np.array([[row[n] for n in names] for row in rows], dtype=float)
    y = np.array([e.supported for e in examples], dtype=float)
    return names, x, y


def fit(x: np.ndarray, y: np.ndarray, names: list[str]) -> dict[str, float]:
    """Return L2-regularised logistic weights (the bias is not penalised), by Newton steps."""
    w = np.zeros(x.shape[1])
    penalty = np.diag([0.0 if n == "bias" else L2 for n in names])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {n: round(float(v), 2) for n, v in zip(names, w, strict=True)}


def cross_validated(
    examples: list[Example], names: list[str], x: np.ndarray, y: np.ndarray
) -> list[tuple[bool, float]]:
    """Return (verdict right, confidence) per example, from weights fitted without its group."""
    groups = sorted({e.group for e in examples})
    saved = V.WEIGHTS
    results = []
    try:
        for group in groups:
            inside = np.array([e.group != group for e in examples])
            V.WEIGHTS = fit(x[inside], y[inside], names)
            for e in (e for e in examples if e.group == group):
                verdict = V.compare(e.claim, e.cited, unavailable=False, index=e.index)
                right = (verdict.label.value == "supported") == e.supported
                results.append((right, verdict.confidence))
    finally:
        V.WEIGHTS = saved
    return results


def print_reliability(results: list[tuple[bool, float]]) -> None:
    """Print confidence bins against how often the verdicts in them were right."""
    print("     confidence     n   mean conf  accuracy")
    low = 0.0
    for high in BINS:
        rows = [(r, c) for r, c in results if low <= c < high]
        if rows:
            mean = sum(c for _, c in rows) / len(rows)
            right = sum(r for r, _ in rows) / len(rows)
            print(
                f"     [{low:.2f}, {min(high, 1.0):.2f})  {len(rows):4d}   "
                f"{mean:.3f}      {right:.3f}"
            )
        low = high


def main(argv: list[str] | None = None) -> int:
    """Fit the weights and print them with their cross-validated reliability."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--support", type=Path, default=HERE / "support")
    parser.add_argument("--gold", type=Path, default=HERE / "gold")
    parser.add_argument("--list", action="store_true", help="list every example and its score")
    args = parser.parse_args(argv)
    checker = Checker(Options(), lambda model: load_nlp(model))
    examples = support_examples(checker, args.support) + gold_examples(checker, args.gold)
    names, x, y = design(examples)
    weights = fit(x, y, names)
    print(
        f"examples: {len(examples)} ({int(y.sum())} supported, {int(len(y) - y.sum())} not); "
        f"{sum(e.group.startswith('a-') for e in examples)} from the gold dev split"
    )
    print(f"WEIGHTS = {weights}")
    z = x @ np.array([weights[n] for n in names])
    loss = float(np.mean(np.log1p(np.exp(-np.where(y > 0, z, -z)))))
    print(f"mean log loss on the examples: {loss:.3f}")
    if args.list:
        for e, score in zip(examples, 1 / (1 + np.exp(-z)), strict=True):
            verdict = V.compare(e.claim, e.cited, unavailable=False, index=e.index)
            print(
                f"  {'+' if e.supported else '-'} {score:.2f} {verdict.reason.value:<13} "
                f"{e.group}: {e.claim.text[:90]}"
            )
    results = cross_validated(examples, names, x, y)
    right = sum(r for r, _ in results)
    print(
        f"\nleave-one-topic-out verdicts (threshold {V.SUPPORT_THRESHOLD}): "
        f"{right}/{len(results)} right"
    )
    print_reliability(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
