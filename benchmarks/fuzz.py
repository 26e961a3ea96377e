"""Fuzz the stages that read untrusted input, for as long as you let it run.

copydesk runs in CI on files anyone can put in a pull request.  This script
throws random articles (.txt, .md, .html, with BOMs, CRLF, stray markup and
every marker form), random citation text and random sources registries at the
reader, the marker finder, the segmenter and the registry loader, and checks
the same properties as ``tests/test_properties.py``, only for longer:

- reading gives a ``Document`` or a ``CopydeskError``, never another exception;
  ``view`` has the length of ``text``, keeps its line breaks, and blocks are in
  order, inside the text and not overlapping;
- ``Document.position`` agrees with a naive line/column count (``\\r\\n``,
  ``\\r`` and ``\\n`` end lines) at every offset;
- every marker's span starts with ``[`` and ends with ``]``, spans are in
  order and do not overlap, and each label comes from the marker's text;
- sentence spans are in order, do not overlap, lie inside one prose block and
  slice to the sentence's text; every citation points at a marker's
  characters, and every marker in the prose ends up in some sentence;
- a registry gives a ``Registry`` or a ``SourcesError``, and every label it
  accepts is one a marker can cite;
- the same input always gives the same output.

A failure is shrunk to a small example and printed.  The exit status is 1 when
anything failed, so the script can gate a nightly job.

    python benchmarks/fuzz.py                       # 120 s, seed 0, all targets
    python benchmarks/fuzz.py --seconds 600 --seed 7
    python benchmarks/fuzz.py --targets read,markers --no-nlp
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from copydesk.errors import CopydeskError, SourcesError
from copydesk.models import Document, Format, Segment
from copydesk.pipeline.markers import LABEL_BODY, find_markers
from copydesk.pipeline.read import parse_document
from copydesk.sources import load_registry

BOM = "\ufeff"

# Pieces of articles: prose, every marker form, things that look like markers
# but are not, markup of all three formats, line ends and awkward characters.
PROSE = [
    "The council",
    " approved",
    " the budget",
    " on May 6, 2026",
    " of $3 million",
    " by 3.9%",
    " SpaceX",
    " signed a deal",
    " with Anthropic",
    ", Musk said",
    " in Memphis, Tennessee",
    ".",
    ".",
    "!",
    "?",
    "…",
    ",",
    ";",
    ":",
    " —",
    " -- ",
    " ",
    " ",
    "  ",
    "\t",
    " Dr. Smith",
    " the U.S. economy",
    " Inc.",
    " e.g.",
    " No. 5",
    " Tenn.",
    " 10 a.m.",
    " “a breakthrough”",
    ' "quoted"',
    " (aside)",
    " 's",
    " it's",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\n \n",
    " [1]",
    " [2]",
    "[3]",
    " [1, 2]",
    " [1-3]",
    " [1–3]",
    " [a]",
    " [smith2024]",
    "[^1]",
    " [^note]",
    ".[3]",
    ".[1][2]",
    " [4] [5]",
    " [1,2]",
    "[1;2]",
    " [ 1 ]",
    " [99999-1]",
    " [1-999]",
    " [Musk]",
    " [sic]",
    " [emphasis added]",
    " [a b]",
    " []",
    " [",
    "]",
    " [[1]]",
    " [é]",
    " [1",
    " https://example.com/a[1]",
    " www.x.org/[2]",
    " x=[1]",
    " a#[1]",
    " ?[2]",
    "é",
    "ß",
    "中文",
    "😀",
    "\u200b",
    "\u00a0",
    "\u2028",
    "\u0085",
    "\x0c",
    "\x0b",
    "\u202e",
]
MARKUP = {
    Format.TEXT: [
        "MEMPHIS, May 7, 2026 — ",
        "HOUSTON, Tex., 7 May 2026 -- ",
        "NEW YORK, 2026-05-07 - ",
    ],
    Format.MARKDOWN: [
        "---\ndate: 2026-05-07\n---\n",
        "---\n",
        "---\ntitle: [\n---\n",
        "# ",
        "## Head\n",
        "* ",
        "- ",
        "1. ",
        "> ",
        "**",
        "*",
        "_",
        "`",
        "`[1]`",
        "```\ncode [1]\n```\n",
        "    indented [2]\n",
        "[link](https://a.b/[1])",
        "![img](x.png)",
        "[^1]: A note.\n",
        "\\[1\\]",
        "<b>",
        "</b>",
        "|a|b|\n|-|-|\n|c [1]|d|\n",
        "&amp;",
        "&#91;1&#93;",
        "---\n",
        "***\n",
        "<!-- [9] -->",
        "[ref]: https://x.y\n",
        "[ref]",
        "\\",
        "~~x~~",
    ],
    Format.HTML: [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<br/>",
        "<b>",
        "</b>",
        "<script>var a='[5]';</script>",
        "<style>p{}</style>",
        "<!-- [8] -->",
        "<!--",
        "-->",
        "<h1>Head [9]</h1>",
        "<code>[7]</code>",
        "<pre>x [6]\n</pre>",
        "&amp;",
        "&amp",
        "&#65;",
        "&#x41;",
        "&bogus;",
        "&#0;",
        "&#99999999;",
        "<![CDATA[x]]>",
        "<![if x]>",
        "<![img",
        "<![3] ",
        "<!ELEMENT [",
        "<!doctype html>",
        "<?php ?>",
        "<a href='https://a.b/[1]'>",
        "</a>",
        '<meta name="date" content="2026-05-07">',
        '<meta name="date" content="2026-99-99">',
        "<title>T</title>",
        "<svg/>",
        "<",
        ">",
        "&",
        "</",
        "<a b='",
        '<x y="',
        "<li>",
        "<td>",
        "<noscript>",
        "</noscript>",
        "<template>",
    ],
}
YAML_ATOMS = [
    "sources:\n",
    "sources: {}\n",
    "sources: ~\n",
    "sources: []\n",
    "extra: 1\n",
    '  "1":\n',
    "  2:\n",
    "  smith2024:\n",
    "  a b:\n",
    "  ~:\n",
    "  true:\n",
    "  [1, 2]:\n",
    '  "":\n',
    "  2026-05-06:\n",
    "  1.5:\n",
    "  é:\n",
    "  x]y:\n",
    "    title: T\n",
    "    title: 5\n",
    "    title: [a]\n",
    "    title: ''\n",
    "    title: {a: 1}\n",
    "    text: The council approved the budget.\n",
    "    text: |\n      Block text.\n",
    "    text: 3\n",
    "    file: copy.txt\n",
    "    file: ../outside.txt\n",
    "    file: /etc/hostname\n",
    "    file: link.txt\n",
    "    file: ''\n",
    "    file: sub\n",
    '    file: "a\\0b"\n',
    "    file: missing.txt\n",
    "    published: 2026-05-06\n",
    "    published: 2026-13-45\n",
    "    published: soon\n",
    "    published: 2026\n",
    "    note: kept\n",
    "    n: 1e999\n",
    "    n: " + "9" * 5000 + "\n",
    "    n: !!binary aGVsbG8=\n",
    "    n: !!python/object:os.system x\n",
    "    n: !!set {a, b}\n",
    "    <<: {title: T}\n",
    "  1: &a\n",
    "  2: *a\n",
    "    x: &b [1, 2]\n",
    "    y: *b\n",
    "    deep: " + "[" * 200 + "]" * 200 + "\n",
    "\t",
    "  ",
    ":",
    "- ",
    "---\n",
    "...\n",
    "\x0c",
    "\x00",
    "\x85",
    "\u2028",
    "\x7f",
    "\ufffe",
    "%YAML 1.1\n",
    "# comment\n",
    "\ufeff",
    "'",
    '"',
    "{",
    "}",
    "[",
    "]",
    "\n",
]


# --- properties ---------------------------------------------------------------------


def naive_position(text: str, offset: int) -> tuple[int, int]:
    """Count lines the slow way: ``\\r\\n``, a lone ``\\r`` and ``\\n`` each end one."""
    line, start = 1, 0
    for i, ch in enumerate(text[:offset]):
        if ch == "\n" or (ch == "\r" and text[i + 1 : i + 2] != "\n"):
            line, start = line + 1, i + 1
    return line, offset - start + 1


def check_document(document: Document, data: bytes) -> None:
    """Check what every reader must guarantee about a ``Document``."""
    text, view = document.text, document.view
    expected = data.decode("utf-8")
    assert text == (expected[1:] if expected.startswith(BOM) else expected), "text-is-input"
    assert len(view) == len(text), "view-length"
    for i, (t, v) in enumerate(zip(text, view, strict=True)):
        if t in "\r\n":
            assert v == t, f"view-keeps-line-breaks at {i}"
        elif v not in (t, " "):
            # Only an HTML entity (&amp;) may show as another character.
            assert document.format is Format.HTML and "&" in text[max(0, i - 12) : i + 1], (
                f"view-is-text-or-blank at {i}"
            )
    previous_end = 0
    for start, end in document.blocks:
        assert 0 <= previous_end <= start < end <= len(text), f"blocks-in-order {document.blocks}"
        assert view[start:end].strip(), f"block-has-prose {(start, end)}"
        previous_end = end
    if len(text) <= 3000:
        for offset in range(len(text) + 1):
            assert document.position(offset) == naive_position(text, offset), (
                f"position at {offset}"
            )


def check_markers(text: str) -> None:
    """Check the spans and labels of the markers found in ``text``."""
    markers = find_markers(text)
    assert markers == find_markers(text), "markers-deterministic"
    previous_end = 0
    for marker in markers:
        start, end = marker.span
        assert previous_end <= start < end <= len(text), "markers-in-order"
        body = text[start:end]
        assert body[0] == "[" and body[-1] == "]", f"marker-span-is-brackets {body!r}"
        assert marker.labels and len(set(marker.labels)) == len(marker.labels), "labels-unique"
        for label in marker.labels:
            assert label and label == label.strip(), f"label-trimmed {label!r}"
            assert label in body or label.isdigit(), f"label-from-marker {label!r} in {body!r}"
        previous_end = end


def check_segments(document: Document, segments: tuple[Segment, ...]) -> None:
    """Check sentence spans and the citations they hold."""
    text, view = document.text, document.view
    previous_end = 0
    for index, sentence in enumerate(segments):
        start, end = sentence.span
        assert sentence.index == index, "segment-index"
        assert previous_end <= start < end <= len(text), f"sentences-in-order {sentence.span}"
        assert sentence.text == text[start:end], "sentence-text-is-its-span"
        assert any(s <= start and end <= e for s, e in document.blocks), "sentence-in-one-block"
        assert not view[start].isspace() and not view[end - 1].isspace(), "sentence-trimmed"
        previous_end = end
    expected: dict[tuple[int, int], set[str]] = {}
    for block_start, block_end in document.blocks:
        for marker in find_markers(view[block_start:block_end]):
            span = (block_start + marker.span[0], block_start + marker.span[1])
            expected[span] = set(marker.labels)
    found: dict[tuple[int, int], set[str]] = {}
    for sentence in segments:
        for citation in sentence.citations:
            assert citation.span in expected, (
                f"citation-points-at-marker {text[citation.span[0] : citation.span[1]]!r}"
            )
            assert citation.label in expected[citation.span], "citation-label-from-marker"
            found.setdefault(citation.span, set()).add(citation.label)
    if segments:
        # A marker before the first sentence has nothing to belong to.
        first = segments[0].span[0]
        lost = {
            s: labels for s, labels in expected.items() if s[0] > first and found.get(s) != labels
        }
        assert not lost, f"marker-kept {[text[s:e] for s, e in lost]}"


# --- targets ------------------------------------------------------------------------


@dataclass
class Case:
    """One generated input: the pieces it was joined from, and how to read them."""

    atoms: list[str]
    fmt: Format = Format.TEXT
    bom: bool = False

    def text(self) -> str:
        return "".join(self.atoms)

    def data(self) -> bytes:
        return ((BOM if self.bom else "") + self.text()).encode("utf-8", "surrogatepass")


def random_article(rng: random.Random, size: int) -> Case:
    """Return a random article in a random format."""
    fmt = rng.choice(list(Format))
    pool = PROSE * 3 + MARKUP[fmt]
    atoms = [rng.choice(pool) for _ in range(rng.randint(1, size))]
    if rng.random() < 0.05:
        atoms.insert(rng.randrange(len(atoms) + 1), chr(rng.randint(1, 0x2FFF)))
    if rng.random() < 0.1:
        atoms = [a.replace("\n", "\r\n") for a in atoms]
    return Case(atoms, fmt, bom=rng.random() < 0.1)


def run_read(case: Case, nlp: object) -> None:
    data = case.data()
    try:
        document = parse_document(data, "fuzz", case.fmt)
    except CopydeskError:
        return
    check_document(document, data)
    assert document == parse_document(data, "fuzz", case.fmt), "read-deterministic"


def run_markers(case: Case, nlp: object) -> None:
    check_markers(case.text())


def run_segment(case: Case, nlp: object) -> None:
    from copydesk.pipeline.segment import segment

    try:
        document = parse_document(case.data(), "fuzz", case.fmt)
    except CopydeskError:
        return
    segments = segment(document, nlp)  # type: ignore[arg-type]
    check_segments(document, segments)
    again = segment(document, nlp)  # type: ignore[arg-type]
    assert [(s.span, s.citations) for s in segments] == [(s.span, s.citations) for s in again], (
        "segment-deterministic"
    )


def random_registry(rng: random.Random, size: int) -> Case:
    """Return a random sources registry, mostly well-formed, sometimes not."""
    atoms = ["sources:\n"] if rng.random() < 0.8 else []
    for _ in range(rng.randint(0, size // 3 + 1)):
        atoms.append(rng.choice(YAML_ATOMS[5:17]))
        atoms += [rng.choice(YAML_ATOMS[17:]) for _ in range(rng.randint(0, 4))]
    return Case(atoms)


REGISTRY_FOLDER = Path(tempfile.mkdtemp(prefix="copydesk-fuzz-"))


def run_registry(case: Case, nlp: object) -> None:
    folder = REGISTRY_FOLDER / "news"
    if not folder.exists():
        folder.mkdir()
        (folder / "sub").mkdir()
        (folder / "copy.txt").write_text("The council approved the budget.\n")
        (REGISTRY_FOLDER / "outside.txt").write_text("secret\n")
        (folder / "link.txt").symlink_to(REGISTRY_FOLDER / "outside.txt")
    path = folder / "sources.yaml"
    path.write_bytes(case.data())
    try:
        registry = load_registry(path)
    except SourcesError:
        return
    for source in registry.sources:
        assert re.fullmatch(LABEL_BODY, source.label), f"label-citable {source.label!r}"
        assert isinstance(source.title, str) and source.title, "title-is-text"
        assert (source.text is None) == (source.problem is not None), "text-or-problem"
        assert source.text != "secret\n", "file-stays-inside"


@dataclass
class Target:
    """A stage to fuzz: how to make a case and how to check it."""

    name: str
    make: Callable[[random.Random, int], Case]
    run: Callable[[Case, object], None]
    needs_nlp: bool = False
    tried: int = 0
    failures: dict[str, Case] = field(default_factory=dict)


TARGETS = {
    "read": Target("read", random_article, run_read),
    "markers": Target("markers", random_article, run_markers),
    "segment": Target("segment", random_article, run_segment, needs_nlp=True),
    "registry": Target("registry", random_registry, run_registry),
}


# --- running and shrinking ----------------------------------------------------------


def signature(target: Target, case: Case, nlp: object) -> str | None:
    """Return what went wrong with ``case`` (a short stable key), or None."""
    try:
        target.run(case, nlp)
    except AssertionError as exc:
        return f"property {str(exc).split(' ')[0]}"
    except Exception as exc:  # noqa: BLE001 - any other exception is the finding
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno}"
    return None


def shrink(target: Target, case: Case, key: str, nlp: object, budget: float) -> Case:
    """Remove pieces while the same failure remains; stop after ``budget`` seconds."""
    deadline = time.monotonic() + budget
    atoms = list(case.atoms)

    def fails(candidate: list[str]) -> bool:
        trial = Case(candidate, case.fmt, case.bom)
        return signature(target, trial, nlp) == key

    chunk = max(1, len(atoms) // 2)
    while chunk >= 1 and time.monotonic() < deadline:
        i, changed = 0, False
        while i < len(atoms) and time.monotonic() < deadline:
            candidate = atoms[:i] + atoms[i + chunk :]
            if candidate and fails(candidate):
                atoms, changed = candidate, True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    if case.bom and fails(atoms) and signature(target, Case(atoms, case.fmt, False), nlp) == key:
        return Case(atoms, case.fmt, False)
    return Case(atoms, case.fmt, case.bom)


def main(argv: list[str] | None = None) -> int:
    """Fuzz until the time budget is spent and print what was tried and found."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="time budget (default 120)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--size", type=int, default=40, help="most pieces per case (default 40)")
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated targets")
    parser.add_argument("--no-nlp", action="store_true", help="skip the spaCy-backed segmenter")
    args = parser.parse_args(argv)

    names = [n for n in args.targets.split(",") if n]
    unknown = set(names) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}; choose from {sorted(TARGETS)}")
    targets = [TARGETS[n] for n in names if not (args.no_nlp and TARGETS[n].needs_nlp)]
    nlp = None
    started = time.monotonic()
    if any(t.needs_nlp for t in targets):
        from copydesk.nlp import load_nlp

        nlp = load_nlp()
    load_seconds = time.monotonic() - started
    rng = random.Random(args.seed)
    # spaCy cases cost ~100x a read; give each target an equal share of the time.
    spent: Counter[str] = Counter()
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        target = min(targets, key=lambda t: spent[t.name])
        case = target.make(rng, rng.randint(1, args.size))
        began = time.monotonic()
        key = signature(target, case, nlp)
        target.tried += 1
        if key is not None and key not in target.failures:
            target.failures[key] = shrink(target, case, key, nlp, budget=20.0)
        spent[target.name] += time.monotonic() - began

    elapsed = time.monotonic() - started
    print(
        f"copydesk fuzz: seed {args.seed}, {elapsed:.1f} s "
        f"(model load {load_seconds:.1f} s, budget {args.seconds:.0f} s)"
    )
    total_failures = 0
    for target in targets:
        print(
            f"  {target.name:<9} {target.tried:>8} cases  {spent[target.name]:7.1f} s  "
            f"{len(target.failures)} distinct failures"
        )
        for key, case in target.failures.items():
            total_failures += 1
            print(
                f"    FAIL {key}\n      format={case.fmt.value} bom={case.bom} "
                f"minimal={case.text()!r}"
            )
    print(f"total: {sum(t.tried for t in targets)} cases, {total_failures} distinct failures")
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
