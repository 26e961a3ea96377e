"""Run the pipeline: the only place the order of the stages is written.

read → segment → extract → resolve → verify → report
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from copydesk import __version__
from copydesk.cache import CachedResult, ResultCache, SourceShelf, cache_key
from copydesk.errors import CopydeskError, InputError, ModelNotInstalledError
from copydesk.ledger import Ledger, article_key, check_owner, ledger_path, load_ledger
from copydesk.models import (
    ArticleReport,
    Document,
    FileError,
    Registry,
    Report,
    Segment,
    Source,
    SourceSentence,
)
from copydesk.pipeline.citations import (
    resolve_citations,
    resolve_label,
    unreported_dangling,
    unused_sources,
)
from copydesk.pipeline.claims import extract_claims, read_facts
from copydesk.pipeline.directives import find_directives
from copydesk.pipeline.discover import discover
from copydesk.pipeline.labels import agree_labels
from copydesk.pipeline.names import COMPANY_NOUNS, INSTITUTIONS, TITLES, NameBook
from copydesk.pipeline.read import DEFAULT_MAX_BYTES, read_document, read_stream
from copydesk.pipeline.segment import segment, segment_all
from copydesk.pipeline.suppress import apply_suppressions
from copydesk.pipeline.verify import CitedSource, verify_claims
from copydesk.selection import RuleFilter
from copydesk.sources import find_registry, load_registry, shortest

if TYPE_CHECKING:
    from typing import BinaryIO

    from spacy.language import Language

    from copydesk.nlp import Names

STDIN = "-"
GENERIC_NOUNS = COMPANY_NOUNS | INSTITUTIONS | TITLES


@dataclass
class Options:
    """What the user asked for, as far as the pipeline is concerned."""

    sources: Path | None = None
    published: date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    model: str | None = None
    stdin: BinaryIO | None = None
    jobs: int = 1
    cache_dir: Path | None = None  # None: no cache
    exclude: tuple[str, ...] = ()
    rules: RuleFilter = RuleFilter()  # the codes that count toward the gate
    ledger: Path | None = None  # the claims ledger folder; None: no ledger
    root: Path | None = None  # the repository root, which ledgers name articles from
    known_names: tuple[tuple[str, tuple[str, ...]], ...] = ()  # extra names (entity label, names)
    shelf: Path | None = None  # where one run's worker processes share the sources they read

    def settings(self) -> dict[str, object]:
        """Return the options a result depends on (for the cache key)."""
        return {
            "sources": str(self.sources) if self.sources else None,
            "published": self.published,
            "model": self.model,
            "known_names": self.known_names,
        }


def is_source_name(text: str) -> bool:
    """Tell whether a name found in a source may tag the article's words.

    A lone generic word the model took for a name ("Authority" of "the Transit
    Authority") would otherwise become a party wherever the article says it.
    """
    words = text.split()
    if len(text) <= 2 or not text[:1].isupper():
        return False
    return len(words) > 1 or words[0].lower() not in GENERIC_NOUNS


def text_key(source: Source) -> tuple[str, date | None]:
    """Return what a source's analysis depends on: its text and publication date."""
    return (source.text or "", source.published)


class CacheMiss(Exception):
    """An article the cache has no result for (with ``Checker.only_cached``)."""


@dataclass
class Checker:
    """Checks articles one at a time, keeping registries and sources it has read."""

    options: Options
    nlp_loader: Callable[[str | None], Language]
    registries: dict[Path, Registry] = field(default_factory=dict)
    analysed: dict[tuple[str, date | None], tuple[SourceSentence, ...]] = field(
        default_factory=dict
    )
    source_names: dict[tuple[str, date | None], Names] = field(default_factory=dict)
    only_cached: bool = False  # raise CacheMiss instead of checking (no model needed)

    @property
    def nlp(self) -> Language:
        return self.nlp_loader(self.options.model)

    def check(self, target: str) -> ArticleReport:
        """Check one article (a path, or ``-`` for standard input), using the cache."""
        document, article_path = self.read(target)
        document, directives = find_directives(document)
        registry = self.registry_for(article_path)
        ledger = self.ledger_for(article_path)
        report = self.verdicts(document, registry)
        return apply_suppressions(
            report,
            directives=directives,
            rules=self.options.rules,
            ledger=ledger,
            path=article_path,
        )

    def verdicts(self, document: Document, registry: Registry | None) -> ArticleReport:
        """Return the verdicts on a document, from the cache when it has them."""
        if self.options.cache_dir is None:
            return self.check_document(document, registry)
        cache = ResultCache(self.options.cache_dir)
        key = cache_key(document, registry, self.options.settings())
        hit = cache.get(key)
        if hit is not None:
            return ArticleReport(
                path=document.path,
                document=document,
                registry=registry.path if registry else None,
                claims=hit.claims,
                findings=hit.findings,
            )
        if self.only_cached:
            raise CacheMiss(document.path)
        report = self.check_document(document, registry)
        cache.put(key, CachedResult(report.claims, report.findings))
        return report

    def outcome(self, target: str) -> ArticleReport | FileError:
        """Check one article, turning a user error into a FileError."""
        try:
            return self.check(target)
        except (CacheMiss, ModelNotInstalledError):
            raise
        except CopydeskError as exc:
            if exc.path not in (None, target):
                # The problem is in another file (a registry): the message names it.
                return FileError(path=target, message=str(exc), code=exc.code)
            return FileError(
                path=target, message=exc.message, code=exc.code, line=exc.line, column=exc.column
            )

    def read(self, target: str) -> tuple[Document, Path | None]:
        """Read one article; return it with its path (None for standard input)."""
        if target == STDIN:
            if self.options.stdin is None:
                raise InputError("standard input is not available", path=STDIN)
            document = read_stream(
                self.options.stdin,
                published=self.options.published,
                max_bytes=self.options.max_bytes,
            )
            article_path = None
        else:
            article_path = Path(target)
            document = read_document(
                article_path, published=self.options.published, max_bytes=self.options.max_bytes
            )
        return document, article_path

    def registry_for(self, article: Path | None) -> Registry | None:
        """Return the article's registry, loading each file once."""
        path = find_registry(article, self.options.sources)
        if path is None:
            return None
        key = path.resolve()
        if key not in self.registries:
            self.registries[key] = load_registry(path)
        return self.registries[key]

    def ledger_for(self, article: Path | None) -> Ledger | None:
        """Return the article's claims ledger, or None when it has none (or is stdin)."""
        if article is None or self.options.ledger is None:
            return None
        path = ledger_path(self.options.ledger, article)
        if not path.is_file():
            return None
        ledger = load_ledger(path, where=str(shortest(path.resolve())))
        check_owner(ledger, article_key(self.options.root or Path.cwd(), article))
        return ledger

    def check_document(self, document: Document, registry: Registry | None) -> ArticleReport:
        """Run every stage after ``read`` on one document."""
        from copydesk.nlp import mark_names

        segments = segment(document, self.nlp)
        labels = [c.label for s in segments for c in s.citations]
        keys = dict.fromkeys(k for k in (resolve_label(x, registry) for x in labels) if k)
        sources = self.analyse(registry, tuple(keys)) if registry else {}
        # Names the model missed: the configured list corrects its labels, and the
        # names in the cited sources fill the gaps it left ("Anthropic").
        configured = tuple(
            (label, name) for label, names in self.options.known_names for name in names
        )
        from_sources = tuple(
            dict.fromkeys(
                n
                for cited in sources.values()
                for n in self.source_names.get(text_key(cited.source), ())
            )
        )
        # A cited source's publisher is an organisation, whatever the model read
        # ("the newsletter Health Sector Threat Bulletin", "Threat Bulletin" a person).
        published_by = [c.source.publisher for c in sources.values() if c.source.publisher]
        publishers = tuple(("ORG", name) for name in dict.fromkeys(published_by))
        for doc in {id(s.sent.doc): s.sent.doc for s in segments if s.sent is not None}.values():
            mark_names(doc, configured, overwrite=True)
            mark_names(doc, publishers, overwrite=True, within_names=False)
            mark_names(doc, from_sources, overwrite=False)
        # The full names a description may stand for: those the cited sources
        # name, and their publishers ("the city" -> "City of Millbrook").
        known = [name for _, name in from_sources]
        known += published_by
        claims = extract_claims(document, segments, known=known)
        claims = resolve_citations(claims, registry)
        claims = verify_claims(claims, sources)
        return ArticleReport(
            path=document.path,
            document=document,
            registry=registry.path if registry else None,
            claims=claims,
            findings=unused_sources(claims, registry) + unreported_dangling(claims, document),
        )

    def analyse(self, registry: Registry, keys: tuple[str, ...]) -> dict[str, CitedSource]:
        """Return the cited sources with their sentences read, once per distinct text.

        Registries of one newsroom often hold the same source under several
        articles; its text is analysed once, whichever record names it. The
        texts not read yet are parsed in one batch.
        """
        records = {key: source for key in keys if (source := registry.get(key)) is not None}
        pending = {text_key(s): s for s in records.values() if text_key(s) not in self.analysed}
        shelf = SourceShelf(self.options.shelf) if self.options.shelf else None
        for key in list(pending) if shelf else ():
            reading = shelf.get(*key)
            if reading is not None:
                self.analysed[key], self.source_names[key] = reading
                del pending[key]  # another worker of this run has read it
        documents = {key: d for key, s in pending.items() if (d := source_document(s)) is not None}
        parsed = segment_all(list(documents.values()), self.nlp) if documents else []
        for key, segments in zip(documents, parsed, strict=True):
            self.analysed[key] = self.read_source(pending[key], segments)
            if shelf:
                shelf.put(*key, (self.analysed[key], self.source_names[key]))
        for key in pending.keys() - documents.keys():
            self.analysed[key] = ()  # a record with no text states nothing
        return {key: CitedSource(s, self.analysed[text_key(s)]) for key, s in records.items()}

    def source_sentences(self, source: Source) -> tuple[SourceSentence, ...]:
        """Split one source's text into sentences and read what each states."""
        document = source_document(source)
        if document is None:
            return ()
        return self.read_source(source, segment(document, self.nlp))

    def read_source(
        self, source: Source, segments: tuple[Segment, ...]
    ) -> tuple[SourceSentence, ...]:
        """Read what each sentence of a source states."""
        segments = tuple(s for s in segments if s.sent is not None)
        agree_labels({id(s.sent.doc): s.sent.doc for s in segments}.values())
        self.source_names[text_key(source)] = tuple(
            dict.fromkeys(
                (e.label_, e.text)
                for s in segments
                for e in s.sent.ents
                if e.label_ in {"ORG", "PERSON"} and is_source_name(e.text)
            )
        )
        names = NameBook()
        return tuple(
            SourceSentence(
                span=s.span, text=s.text, facts=read_facts(s.sent, source.published, names)
            )
            for s in segments
        )


def source_document(source: Source) -> Document | None:
    """Return a source's text as a document to segment, or None when it has none."""
    if not source.text or not source.text.strip():
        return None
    from copydesk.pipeline.read import paragraphs

    text = source.text
    return Document(
        path=source.label,
        text=text,
        format=None,  # type: ignore[arg-type]
        view=text,
        blocks=paragraphs(text, 0, len(text)),
    )


def extract(target: str, options: Options) -> ArticleReport:
    """Read one article and extract its claims, without resolving or verifying them."""
    from copydesk.nlp import load_nlp

    checker = Checker(options, load_nlp)
    document, _ = checker.read(target)
    document, _ = find_directives(document)
    claims = extract_claims(document, segment(document, checker.nlp))
    return ArticleReport(path=document.path, document=document, registry=None, claims=claims)


Progress = Callable[[str, "ArticleReport | FileError"], None]


def run(
    targets: Iterable[str],
    options: Options,
    nlp_loader: Callable[[str | None], Language] | None = None,
    on_result: Progress | None = None,
) -> Report:
    """Check every article the targets name; unreadable ones become errors.

    With ``options.jobs`` above 1, articles are checked in worker processes that
    each load the model once; the report is the same as with one job.
    """
    paths = list(discover(targets, options.exclude))
    if nlp_loader is None:
        from copydesk.nlp import load_nlp as nlp_loader
    checker = Checker(options, nlp_loader)
    outcomes: dict[str, ArticleReport | FileError] = {}
    missing = paths
    if options.jobs > 1 and options.cache_dir is not None and STDIN not in paths:
        # Answer from the cache first, so that a warm rerun starts no worker.
        probe = Checker(options, nlp_loader, only_cached=True)
        missing = []
        for path in paths:
            try:
                outcomes[path] = probe.outcome(path)
            except CacheMiss:
                missing.append(path)
                continue
            if on_result:
                on_result(path, outcomes[path])
    if options.jobs > 1 and len(missing) > 1 and STDIN not in missing:
        outcomes.update(run_parallel(missing, options, on_result))
    else:
        for path in missing:
            outcomes[path] = checker.outcome(path)
            if on_result:
                on_result(path, outcomes[path])
    ordered = [outcomes[path] for path in paths]
    return Report(
        tool_version=__version__,
        articles=tuple(o for o in ordered if isinstance(o, ArticleReport)),
        errors=tuple(o for o in ordered if isinstance(o, FileError)),
    )


_worker: Checker | None = None


def _start_worker(options: Options) -> None:
    """Load the model once in a worker process."""
    global _worker
    from copydesk.nlp import load_nlp

    _worker = Checker(options, load_nlp)
    _worker.nlp  # noqa: B018 - load now, not on the first article


def _check_in_worker(path: str) -> ArticleReport | FileError:
    assert _worker is not None
    return _worker.outcome(path)


def run_parallel(
    paths: list[str], options: Options, on_result: Progress | None
) -> dict[str, ArticleReport | FileError]:
    """Check articles in ``options.jobs`` processes; the results keyed by path."""
    import tempfile
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    results: dict[str, ArticleReport | FileError] = {}
    jobs = min(options.jobs, len(paths))
    with tempfile.TemporaryDirectory(prefix="copydesk-sources-") as shelf:
        worker_options = replace(options, stdin=None, shelf=Path(shelf))
        pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(worker_options,),
        )
        try:
            for path, outcome in zip(
                paths, pool.map(_check_in_worker, paths, chunksize=4), strict=True
            ):
                results[path] = outcome
                if on_result:
                    on_result(path, outcome)
        except BaseException:
            # Interrupted: stop the workers now rather than wait for their articles.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
    return results
