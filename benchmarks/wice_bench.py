"""Measure copydesk's verification on WiCE (Wikipedia claims with the pages they cite).

Run from the repository root::

    python benchmarks/wice_bench.py            # reads ../shared/data/wice/dev.jsonl
    python benchmarks/wice_bench.py --data DIR --split held-out

Each WiCE line is one cited sentence (``claim``) and the sentences of the web page
it cites (``evidence``).  The claim goes through copydesk's real pipeline (read,
segment, extract) with a citation ``[1]`` to a source whose ``text`` is the
evidence sentences joined with new lines, analysed as ``Checker.source_sentences``
does.  Gold ``supported`` should come out supported; ``partially_supported`` and
``not_supported`` should come out unsupported.  A sentence spaCy splits into
several claims is supported only if every part is; a part the opinion detector
calls opinion counts as not supported (and is counted).

WiCE has only a dev split here, so it is cut in two by a hash of each claim's id:
the tuning half (used to set the thresholds in ``pipeline/verify.py``) and the
held-out half (never looked at while tuning).  Both halves and the whole are
reported.  This is a script, not a test: the data is not on a user's machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from copydesk.models import Citation, Claim, ClaimKind, Format, Source, SourceSentence, VerdictLabel
from copydesk.pipeline import Checker, Options
from copydesk.pipeline.claims import extract_claims
from copydesk.pipeline.read import parse_document
from copydesk.pipeline.segment import segment
from copydesk.pipeline.verify import CitedSource, verify_claims

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SPLITS = ("tuning", "held-out", "all")
PUBLISHED = re.compile(r"\(meta data\) PUBLISHED DATETIME: (\d{4}-\d{2}-\d{2})")
BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


@dataclass
class Case:
    """One WiCE line, analysed: its claims and the cited page's sentences."""

    key: str
    label: str
    text: str
    claims: tuple[Claim, ...]
    sentences: tuple[SourceSentence, ...]
    source: Source
    extract_seconds: float


@dataclass
class Outcome:
    """What copydesk said about one case."""

    case: Case
    predicted: bool  # True when every part came out supported
    confidence: float
    opinion: bool
    reasons: tuple[str, ...]
    verify_seconds: float


def split_of(row: dict[str, Any]) -> str:
    """Return ``tuning`` or ``held-out`` for a row, from a hash of its id (or its claim)."""
    key = str(row.get("meta", {}).get("id") or row["claim"])
    return "tuning" if hashlib.sha256(key.encode()).digest()[0] % 2 == 0 else "held-out"


def analyse(row: dict[str, Any], checker: Checker) -> Case:
    """Run a WiCE line through read, segment and extract, and read its cited page."""
    started = time.perf_counter()
    text = " ".join(row["claim"].split())
    document = parse_document(text.encode(), "claim.txt", Format.TEXT)
    claims = extract_claims(document, segment(document, checker.nlp))
    end = len(text)
    citation = Citation(label="1", span=(end, end), source="1")
    claims = tuple(replace(c, citations=(citation,)) for c in claims)
    # The registry record a newsroom would write: the page's text, and its date
    # when the page gives one ("(meta data) PUBLISHED DATETIME: 2013-09-13T22:36:28Z").
    source = Source(
        label="1",
        title="cited page",
        line=1,
        text="\n".join(row["evidence"]),
        published=page_date(row["evidence"]),
    )
    sentences = checker.source_sentences(source)
    return Case(
        key=str(row.get("meta", {}).get("id", "")),
        label=row["label"],
        text=text,
        claims=claims,
        sentences=sentences,
        source=source,
        extract_seconds=time.perf_counter() - started,
    )


def page_date(evidence: list[str]) -> date | None:
    """Return the publication date a WiCE page states in its metadata lines, if any."""
    for line in evidence[:20]:
        match = PUBLISHED.search(line)
        if match:
            try:
                return date.fromisoformat(match.group(1))
            except ValueError:
                return None
    return None


def judge(case: Case) -> Outcome:
    """Verify a case's claims against its page and combine the parts' verdicts."""
    started = time.perf_counter()
    checked = verify_claims(case.claims, {"1": CitedSource(case.source, case.sentences)})
    seconds = time.perf_counter() - started
    verdicts = [c.verdict for c in checked if c.verdict is not None]
    opinion = any(c.kind is ClaimKind.OPINION for c in checked)
    supported = bool(verdicts) and all(v.label is VerdictLabel.SUPPORTED for v in verdicts)
    if supported:
        confidence = min(v.confidence for v in verdicts)
    else:
        confidence = (
            max(v.confidence for v in verdicts if v.label is not VerdictLabel.SUPPORTED)
            if verdicts
            else 0.5
        )
    return Outcome(
        case=case,
        predicted=supported,
        confidence=confidence,
        opinion=opinion,
        reasons=tuple(v.reason.value for v in verdicts),
        verify_seconds=seconds,
    )


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Return precision, recall and F1."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(outcomes: list[Outcome]) -> dict[str, float]:
    """Return balanced accuracy and macro-F1 of supported vs not."""
    tp = sum(o.predicted and o.case.label == "supported" for o in outcomes)
    fp = sum(o.predicted and o.case.label != "supported" for o in outcomes)
    fn = sum(not o.predicted and o.case.label == "supported" for o in outcomes)
    tn = sum(not o.predicted and o.case.label != "supported" for o in outcomes)
    sup = prf(tp, fp, fn)
    uns = prf(tn, fn, fp)
    return {
        "n": len(outcomes),
        "balanced_accuracy": (sup[1] + uns[1]) / 2,
        "macro_f1": (sup[2] + uns[2]) / 2,
        "supported_p": sup[0],
        "supported_r": sup[1],
        "supported_f1": sup[2],
        "unsupported_p": uns[0],
        "unsupported_r": uns[1],
        "unsupported_f1": uns[2],
    }


def report(name: str, outcomes: list[Outcome]) -> None:
    """Print the figures for one part of the data."""
    if not outcomes:
        print(f"\n== {name}: no cases")
        return
    s = scores(outcomes)
    print(
        f"\n== {name}: n={s['n']}  balanced accuracy {s['balanced_accuracy']:.3f}  "
        f"macro-F1 {s['macro_f1']:.3f}"
    )
    print(
        f"   supported    P {s['supported_p']:.3f}  R {s['supported_r']:.3f}  "
        f"F1 {s['supported_f1']:.3f}"
    )
    print(
        f"   unsupported  P {s['unsupported_p']:.3f}  R {s['unsupported_r']:.3f}  "
        f"F1 {s['unsupported_f1']:.3f}"
    )
    print("   confusion by WiCE label (copydesk supported / unsupported):")
    for label in ("supported", "partially_supported", "not_supported"):
        rows = [o for o in outcomes if o.case.label == label]
        yes = sum(o.predicted for o in rows)
        print(f"     {label:<20} {yes:4d} / {len(rows) - yes:4d}")
    reasons = Counter(r for o in outcomes for r in set(o.reasons))
    print(
        "   reasons (cases with at least one part so): "
        + ", ".join(f"{k} {v}" for k, v in reasons.most_common())
    )
    print(
        f"   cases with a part classed as opinion (counted not supported): "
        f"{sum(o.opinion for o in outcomes)}"
    )


def reliability(outcomes: list[Outcome]) -> None:
    """Print confidence bins against the observed accuracy of the verdicts."""
    print("\n   reliability (confidence of the verdict vs how often it was right):")
    print("     confidence     n   mean conf  accuracy")
    low = 0.0
    for high in BINS:
        rows = [o for o in outcomes if low <= o.confidence < high]
        low_shown = max(low, 0.0)
        if rows:
            right = sum(o.predicted == (o.case.label == "supported") for o in rows)
            mean = sum(o.confidence for o in rows) / len(rows)
            print(
                f"     [{low_shown:.2f}, {min(high, 1.0):.2f})  {len(rows):4d}   {mean:.3f}"
                f"      {right / len(rows):.3f}"
            )
        low = high


def sweep(cases: list[Case]) -> None:
    """Print the tuning half's scores at each support threshold (the half it is chosen on)."""
    import copydesk.pipeline.verify as verify

    saved = verify.SUPPORT_THRESHOLD
    print(f"tuning half, {len(cases)} claims (threshold in force: {saved})")
    print("   threshold  balanced accuracy  macro-F1")
    try:
        for step in range(20, 86, 2):
            verify.SUPPORT_THRESHOLD = step / 100
            s = scores([judge(case) for case in cases])
            print(
                f"     {step / 100:.2f}        {s['balanced_accuracy']:.3f}"
                f"         {s['macro_f1']:.3f}"
            )
    finally:
        verify.SUPPORT_THRESHOLD = saved


def load_cases(path: Path, limit: int | None, cache: Path | None) -> list[tuple[str, Case]]:
    """Return (split, case) for every line, analysing each (or reading a cache)."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    if cache is not None and cache.exists():
        cached: list[Case] = pickle.loads(cache.read_bytes())
        if len(cached) == len(rows):
            return [(split_of(row), case) for row, case in zip(rows, cached, strict=True)]
    from copydesk.nlp import load_nlp

    checker = Checker(Options(), load_nlp)
    checker.nlp  # noqa: B018 - load the model before timing
    cases = []
    for i, row in enumerate(rows, 1):
        cases.append(analyse(row, checker))
        if i % 50 == 0:
            print(f"  analysed {i}/{len(rows)}", file=sys.stderr)
    if cache is not None:
        cache.write_bytes(pickle.dumps(cases))
    return [(split_of(row), case) for row, case in zip(rows, cases, strict=True)]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="folder holding wice/dev.jsonl (default: ../shared/data)",
    )
    parser.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="report only this part (default: both halves and the whole)",
    )
    parser.add_argument("--limit", type=int, default=None, help="read only the first N lines")
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="pickle of the analysed cases, to re-run verification quickly",
    )
    parser.add_argument("--errors", action="store_true", help="list the cases judged wrongly")
    parser.add_argument(
        "--thresholds",
        action="store_true",
        help="print the tuning half's scores for each support threshold, and stop",
    )
    args = parser.parse_args(argv)
    path = args.data / "wice" / "dev.jsonl" if args.data.is_dir() else args.data
    if not path.exists():
        print(f"WiCE data not found at {path}; nothing to measure (use --data).")
        return 0
    cases = load_cases(path, args.limit, args.cache)
    if args.thresholds:
        sweep([case for split, case in cases if split == "tuning"])
        return 0
    outcomes = [(split, judge(case)) for split, case in cases]
    parts = {
        "tuning": [o for s, o in outcomes if s == "tuning"],
        "held-out": [o for s, o in outcomes if s == "held-out"],
        "all": [o for _, o in outcomes],
    }
    names = {
        "tuning": "tuning half (thresholds were set on it)",
        "held-out": "held-out half (not used for tuning)",
        "all": "whole dev set",
    }
    shown = SPLITS if args.split == "all" else (args.split,)
    print(f"WiCE dev: {path}  ({len(outcomes)} claims; split by sha256 of the claim id)")
    for name in shown:
        report(names[name], parts[name])
    reliability(parts["tuning"] if args.split != "held-out" else parts["held-out"])
    every = [o for _, o in outcomes]
    extract = sum(o.case.extract_seconds for o in every) / len(every)
    verify = sum(o.verify_seconds for o in every) / len(every)
    print(
        f"\n   seconds per claim: extraction {extract:.3f} (claim and page through spaCy), "
        f"verification {verify:.4f}"
    )
    if args.errors:
        for split, o in outcomes:
            if split == "tuning" and o.predicted != (o.case.label == "supported"):
                print(f"\n[{o.case.label}] {o.case.text}\n   -> {o.reasons}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
