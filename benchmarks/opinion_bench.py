"""Measure the opinion detector on the CheckThat! 2025 English subjectivity data.

A sentence labelled SUBJ should come out as opinion (``opinion_cue`` returns a
cue) and one labelled OBJ should not. For each split this prints the number of
sentences, macro-F1 over SUBJ and OBJ, per-class precision, recall and F1,
accuracy, and throughput.

    python benchmarks/opinion_bench.py                  # train, dev, dev_test
    python benchmarks/opinion_bench.py --split dev      # one split
    python benchmarks/opinion_bench.py --data PATH      # another data folder

The data (CC BY-NC-SA 4.0) is for measurement only and never ships with
copydesk. When it is absent the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
DATASET = "checkthat-2025-en"
SPLITS = {"train": "train_en.tsv", "dev": "dev_en.tsv", "dev_test": "dev_test_en.tsv"}
LABELS = ("SUBJ", "OBJ")


@dataclass(frozen=True)
class ClassScore:
    """Precision, recall and F1 of one class."""

    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class SplitResult:
    """The scores of the detector on one split."""

    split: str
    n: int
    macro_f1: float
    scores: dict[str, ClassScore]
    accuracy: float
    per_second: float


def find_dataset(data: Path) -> Path | None:
    """Return the CheckThat folder under ``data`` (or ``data`` itself), or None."""
    for candidate in (data / DATASET, data):
        if (candidate / SPLITS["train"]).is_file():
            return candidate
    return None


def read_split(path: Path) -> list[tuple[str, str]]:
    """Return ``(sentence, label)`` pairs from one TSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        # Sentences holding straight quotes are CSV-quoted ("""I was ...""").
        reader = csv.DictReader(handle, delimiter="\t")
        return [(row["sentence"], row["label"]) for row in reader]


def class_score(gold: list[str], predicted: list[str], label: str) -> ClassScore:
    """Return precision, recall and F1 of ``label``."""
    hits = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
    said = sum(p == label for p in predicted)
    real = sum(g == label for g in gold)
    precision = hits / said if said else 0.0
    recall = hits / real if real else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScore(precision, recall, f1)


def evaluate(split: str, rows: list[tuple[str, str]]) -> SplitResult:
    """Run the detector over one split with ``nlp.pipe`` and score it."""
    from copydesk.nlp import load_nlp
    from copydesk.pipeline.opinion import opinion_cue

    nlp = load_nlp()
    texts = [text for text, _ in rows]
    gold = [label for _, label in rows]
    started = time.perf_counter()
    predicted = [
        "SUBJ" if opinion_cue(doc[:]) is not None else "OBJ"
        for doc in nlp.pipe(texts, batch_size=64)
    ]
    elapsed = time.perf_counter() - started
    scores = {label: class_score(gold, predicted, label) for label in LABELS}
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return SplitResult(
        split=split,
        n=len(rows),
        macro_f1=sum(s.f1 for s in scores.values()) / len(LABELS),
        scores=scores,
        accuracy=correct / len(rows) if rows else 0.0,
        per_second=len(rows) / elapsed if elapsed else 0.0,
    )


def format_result(result: SplitResult) -> str:
    """Return one split's scores as a line of text."""
    parts = [f"{result.split:<9} n={result.n:<4} macro-F1={result.macro_f1:.3f}"]
    for label in LABELS:
        s = result.scores[label]
        parts.append(f"{label} P/R/F1={s.precision:.3f}/{s.recall:.3f}/{s.f1:.3f}")
    parts.append(f"acc={result.accuracy:.3f}")
    parts.append(f"{result.per_second:.0f} sent/s")
    return "  ".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the splits asked for and print their scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help=f"folder holding {DATASET}/ (default: {DEFAULT_DATA})",
    )
    parser.add_argument(
        "--split",
        action="append",
        choices=list(SPLITS),
        help="split to run (repeatable; default: all three)",
    )
    args = parser.parse_args(argv)
    dataset = find_dataset(args.data)
    if dataset is None:
        print(f"CheckThat! data not found under {args.data}; nothing to measure.")
        return 0
    for split in args.split or list(SPLITS):
        path = dataset / SPLITS[split]
        if not path.is_file():
            print(f"{split:<9} missing ({path})")
            continue
        print(format_result(evaluate(split, read_split(path))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
