"""Batch speed: copydesk against the floor of bare spaCy over the same drafts.

Builds a folder of drafts (300-800 words, with citations and sidecar
registries) from the gold corpus, then alternates, three times:
  A = bare spaCy: ``nlp.pipe`` with the same model and number of processes;
  B = ``copydesk check --format json --no-cache --jobs N DIR``.
Both run as fresh processes, so both pay for start-up and model loading.
Prints medians, B/A, articles/s, words/s, peak memory, and a warm-cache rerun.

    .venv/bin/python benchmarks/bench.py [--drafts 300] [--jobs 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

GOLD = Path(__file__).parent / "gold"
MARKER = re.compile(r"\[([^\]\[]+)\]")
COPYDESK = [sys.executable, "-m", "copydesk"]


def gold_articles() -> list[tuple[list[str], dict]]:
    """Return each gold article's sentences (as plain text) and registry."""
    found = []
    for gold_path in sorted(GOLD.glob("*.gold.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.name[: -len(".gold.yaml")]
        registry = yaml.safe_load((GOLD / f"{stem}.sources.yaml").read_text(encoding="utf-8"))
        found.append(([s["text"] for s in gold["sentences"]], registry["sources"]))
    return found


def relabel(text: str, prefix: str) -> str:
    """Prefix every citation label in a sentence: ``[1, 2]`` -> ``[p1, p2]``."""

    def one(match: re.Match[str]) -> str:
        body = match.group(1)
        if re.fullmatch(r"\d+\s*[-–]\s*\d+", body):
            low, high = map(int, re.split(r"\s*[-–]\s*", body))
            return "[" + ", ".join(f"{prefix}{n}" for n in range(low, high + 1)) + "]"
        labels = [label.strip().lstrip("^") for label in body.split(",")]
        return "[" + ", ".join(f"{prefix}{label}" for label in labels) + "]"

    return MARKER.sub(one, text)


def build(folder: Path, count: int) -> tuple[list[str], int]:
    """Write ``count`` drafts with sidecar registries; return their texts and words."""
    articles = gold_articles()
    texts, words = [], 0
    for n in range(count):
        # One gold article and the start of the next make a draft whose length is
        # spread over 300-800 words; each part keeps its whole registry.
        target = 300 + (n * 211) % 501
        paragraphs, registry, size = [], {}, 0
        for k in range(3):
            sentences, sources = articles[(n + k * 5) % len(articles)]
            prefix = "abc"[k]
            kept = []
            for sentence in sentences:
                if size >= target:
                    break
                kept.append(relabel(sentence, prefix))
                size += len(sentence.split())
            for i in range(0, len(kept), 4):
                paragraphs.append(" ".join(kept[i : i + 4]))
            for label, record in sources.items():
                registry[f"{prefix}{label}"] = record
            if size >= target:
                break
        text = "\n\n".join(paragraphs) + "\n"
        (folder / f"draft-{n:04d}.txt").write_text(text, encoding="utf-8")
        (folder / f"draft-{n:04d}.sources.yaml").write_text(
            yaml.safe_dump({"sources": registry}, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
        texts.append(text)
        words += len(text.split())
    return texts, words


BARE_SPACY = """
import sys, importlib, pathlib
from copydesk.nlp import model_module_name
nlp = importlib.import_module(model_module_name()).load()
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=16):
    pass
"""


def tree_rss(root: int) -> int:
    """Return the resident memory, in bytes, of a process and all its descendants."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            status = Path(f"/proc/{entry}/statm").read_text().split()
        except OSError:
            continue
        parents[int(entry)] = int(stat[1])
        rss[int(entry)] = int(status[1]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


def timed(command: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> tuple[float, int]:
    """Run a command; return its wall time and the peak memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = process.communicate()
    sampler.join()
    elapsed = time.perf_counter() - started
    if process.returncode not in ok:
        raise SystemExit(f"{command[:4]} failed ({process.returncode}): {stderr.decode()[-500:]}")
    return elapsed, peak


def main() -> None:
    """Build the drafts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-"))
    try:
        drafts = work / "drafts"
        drafts.mkdir()
        (work / ".git").mkdir()  # the repository root, where the cache lives
        texts, words = build(drafts, args.drafts)
        print(
            f"{args.drafts} drafts, {words} words ({words // args.drafts} per draft), "
            f"{args.jobs} jobs, {os.cpu_count()} cores"
        )
        bare, full, peaks_a, peaks_b = [], [], [], []
        check = [
            *COPYDESK,
            "check",
            "--format",
            "json",
            "--no-cache",
            "--jobs",
            str(args.jobs),
            str(drafts),
        ]
        for round_ in range(args.rounds):
            seconds, peak = timed(
                [sys.executable, "-c", BARE_SPACY, str(drafts), str(args.jobs)], work
            )
            bare.append(seconds)
            peaks_a.append(peak)
            seconds, peak = timed(check, work, ok=(0, 1))
            full.append(seconds)
            peaks_b.append(peak)
            print(f"round {round_ + 1}: A {bare[-1]:.1f} s, B {full[-1]:.1f} s")
        a, b = statistics.median(bare), statistics.median(full)
        print(
            f"A bare spaCy   median {a:.1f} s, {args.drafts / a:.1f} articles/s, "
            f"{words / a:.0f} words/s, peak {max(peaks_a) / 2**20:.0f} MiB"
        )
        print(
            f"B copydesk     median {b:.1f} s, {args.drafts / b:.1f} articles/s, "
            f"{words / b:.0f} words/s, peak {max(peaks_b) / 2**20:.0f} MiB"
        )
        print(f"B/A = {b / a:.2f}")
        cached = [*COPYDESK, "check", "--format", "json", "--jobs", str(args.jobs), str(drafts)]
        cold, _ = timed(cached, work, ok=(0, 1))
        warm, _ = timed(cached, work, ok=(0, 1))
        print(
            f"cache: cold {cold:.1f} s, warm rerun {warm:.2f} s = {100 * warm / cold:.1f}% of cold"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
