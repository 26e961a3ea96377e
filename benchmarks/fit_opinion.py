"""Fit the weights of the opinion cue families on the project's own sentences.

The weights in ``src/copydesk/data/opinion_cues.yaml`` come from here: a
logistic regression with one yes/no feature per cue family (is there a cue of
this family in the sentence?), fitted on

- the dev split of the gold corpus (``benchmarks/gold/a-*.gold.yaml``), where
  a sentence whose verdict is ``opinion`` is opinion and any other is not;
- the opinion set (``benchmarks/opinion/*.yaml``), sentences written for
  copydesk and labelled ``opinion`` or ``fact``.

A weight is the log-odds one family adds; minus the intercept is the
threshold at which the model says even odds on these sentences (the
threshold in the yaml may move from there to suit other news). The decisive
families stay decisive whatever their weight. Nothing from outside the
project is fitted on.

    .venv/bin/python benchmarks/fit_opinion.py            # print the weights as yaml
    .venv/bin/python benchmarks/fit_opinion.py --l2 2.0   # another L2 penalty
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLD = REPO_ROOT / "benchmarks" / "gold"
OPINION_SET = REPO_ROOT / "benchmarks" / "opinion"
# Citation markers are dropped: a sentence parsed alone has no segmenter to
# tell them from words.
MARKER = re.compile(r"\s*\[\^?[\w.,;:\s–-]+\]")


def gold_dev_sentences(gold: Path = GOLD) -> list[tuple[str, int]]:
    """Return ``(sentence, is_opinion)`` from the dev split of the gold corpus."""
    rows = []
    for path in sorted(gold.glob("a-*.gold.yaml")):
        for sentence in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]:
            rows.append((MARKER.sub("", sentence["text"]), int(sentence["verdict"] == "opinion")))
    return rows


def opinion_set_sentences(folder: Path = OPINION_SET) -> list[tuple[str, int]]:
    """Return ``(sentence, is_opinion)`` from the project's opinion set."""
    rows = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows += [(text, 1) for text in data.get("opinion") or ()]
        rows += [(text, 0) for text in data.get("fact") or ()]
    return rows


def cue_families(texts: list[str]) -> list[frozenset[str]]:
    """Return the cue families the detector finds in each sentence."""
    from copydesk.nlp import load_nlp
    from copydesk.pipeline.opinion import find_cues

    nlp = load_nlp()
    return [
        frozenset(cue.family for cue in find_cues(doc[:])) for doc in nlp.pipe(texts, batch_size=64)
    ]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Return the weights and intercept of an L2-penalised logistic regression.

    Newton's method: deterministic, and exact at convergence. The intercept is
    not penalised.
    """
    design = np.hstack([x, np.ones((x.shape[0], 1))])
    w = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty @ w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian + 1e-9 * np.eye(len(w)), gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w[:-1], float(w[-1])


def main(argv: list[str] | None = None) -> int:
    """Fit the weights and print them, with how well they fit their own data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default: 1.0)")
    args = parser.parse_args(argv)

    from copydesk.lexicon import lexicon

    rows = gold_dev_sentences() + opinion_set_sentences()
    found = cue_families([text for text, _ in rows])
    lex = lexicon().opinion
    families = sorted(set(lex.weights) | {f for fams in found for f in fams})
    x = np.array([[float(f in fams) for f in families] for fams in found])
    y = np.array([label for _, label in rows], dtype=float)
    weights, intercept = fit_logistic(x, y, args.l2)
    scaled = {f: round(float(w), 2) for f, w in zip(families, weights, strict=True)}
    threshold = round(-intercept, 2)

    print(f"# {len(rows)} sentences ({int(y.sum())} opinion), L2 {args.l2}")
    print(f"threshold: {threshold}")
    print("weights:")
    for family in families:
        count = int(x[:, families.index(family)].sum())
        print(f"  {family}: {scaled[family]:<5}  # in {count} sentences")
    score = x @ np.array([scaled[f] for f in families])
    decisive = np.array([any(f in lex.decisive for f in fams) for fams in found])
    predicted = decisive | (score >= threshold)
    accuracy = float((predicted == y.astype(bool)).mean())
    print(f"# accuracy on these sentences at threshold {threshold}: {accuracy:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
