"""Hostile articles: every bad one is refused with exit 2 and one clear line.

Each case runs ``copydesk check`` through typer's CliRunner on files made in
``tmp_path`` (see ``conftest.py``), and ``invoke`` checks that no file next to
the inputs was written, touched or created.
"""

from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest

from copydesk.errors import InputError
from copydesk.models import Format
from copydesk.pipeline import Options, run
from copydesk.pipeline.read import parse_document, read_document

from .newsroom import ARTICLE, FIXTURES, Newsroom, assert_refused, invoke

MB = 1024 * 1024


def realistic_article(size: int) -> str:
    """Return news-like prose with citations, about ``size`` characters long."""
    paragraph = (
        "The council approved the budget on May 6, 2026 [1]. The mayor said the vote "
        "was “a relief for every household”, and the finance office expects a surplus "
        "of $3.2 million by the end of the year [2]. Critics were absent.\n\n"
    )
    return paragraph * (size // len(paragraph) + 1)


# --- missing, folders, devices --------------------------------------------------------


def test_hostile_missing_file(newsroom: Newsroom) -> None:
    missing = newsroom.root / "nope.txt"
    assert_refused(invoke(newsroom, "check", str(missing)), missing, says="no such file")


def test_hostile_missing_folder(newsroom: Newsroom) -> None:
    missing = newsroom.root / "drafts"
    result = invoke(newsroom, "check", str(missing) + "/")
    assert_refused(result, missing, says="no such file")


def test_hostile_folder_is_checked_article_by_article(newsroom: Newsroom) -> None:
    newsroom.write("drafts/a.txt", ARTICLE)
    bad = newsroom.write("drafts/b.txt", b"caf\xe9\n")
    result = invoke(newsroom, "check", "-f", "json", str(newsroom.root / "drafts"))
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(newsroom.root / "drafts" / "a.txt")]
    assert [e["path"] for e in report["errors"]] == [str(bad)]


def test_hostile_fifo_is_not_read(newsroom: Newsroom) -> None:
    fifo = newsroom.root / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever
    assert_refused(invoke(newsroom, "check", str(fifo)), fifo, says="not a regular file")


def test_hostile_link_to_device_is_not_read(newsroom: Newsroom) -> None:
    link = newsroom.root / "zero.txt"
    link.symlink_to("/dev/zero")  # endless NULs behind an article's name
    assert_refused(invoke(newsroom, "check", str(link)), link, says="not a regular file")


def test_hostile_unknown_suffix(newsroom: Newsroom) -> None:
    path = newsroom.write("draft.docx", b"PK\x03\x04")
    assert_refused(invoke(newsroom, "check", str(path)), path, says="unknown article format")


def test_hostile_file_name_with_newline_is_escaped_in_the_error() -> None:
    error = InputError("not UTF-8 text", path="drafts/a\nerror: all fine.txt", line=3)
    assert str(error) == "drafts/a\\nerror: all fine.txt:3: not UTF-8 text"


def test_hostile_file_name_with_newline_stays_one_line(newsroom: Newsroom) -> None:
    # A pull request can name a file so that CI logs show a forged second line.
    path = newsroom.write("a\nerror: all fine.txt", b"caf\xe9\n")
    message = assert_refused(invoke(newsroom, "check", str(path)), "a\\nerror: all fine.txt")
    assert "byte 0xe9 at offset 3" in message


# --- bytes that are not text ----------------------------------------------------------


def test_hostile_binary_file(newsroom: Newsroom) -> None:
    path = newsroom.write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_refused(
        invoke(newsroom, "check", str(path)),
        path,
        says="binary file (NUL byte at offset 8)",
    )


def test_hostile_nul_byte_after_the_first_8_kb(newsroom: Newsroom) -> None:
    data = realistic_article(10_000).encode()[:10_000] + b"\x00tail"
    path = newsroom.write("late-nul.txt", data)
    assert_refused(invoke(newsroom, "check", str(path)), path, says="NUL byte at offset 10000")


@pytest.mark.parametrize(
    ("data", "byte", "offset"),
    [
        pytest.param(b"caf\xe9 au lait [1].\n", "0xe9", 3, id="latin-1"),
        pytest.param(b"\xff\xfeT\x00h\x00e\x00", "0xff", 0, id="utf-16"),
        pytest.param(b"The council approved it [1].\n" + b"\xc3", "0xc3", 29, id="truncated"),
        pytest.param(b"\xef\xbb\xbfcaf\xe9\n", "0xe9", 6, id="after-a-bom"),
    ],
)
def test_hostile_not_utf8_names_byte_and_offset(
    newsroom: Newsroom, data: bytes, byte: str, offset: int
) -> None:
    path = newsroom.write("draft.txt", data)
    says = f"not UTF-8 text (byte {byte} at offset {offset}); save it as UTF-8"
    if b"\x00" in data:
        says = "binary file"
    assert_refused(invoke(newsroom, "check", str(path)), path, says=says)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="zero-bytes"),
        pytest.param(b" \n\r\n\t\n", id="whitespace"),
        pytest.param(b"\xef\xbb\xbf", id="bom-only"),
    ],
)
def test_hostile_empty_article(newsroom: Newsroom, data: bytes) -> None:
    path = newsroom.write("empty.txt", data)
    assert_refused(invoke(newsroom, "check", str(path)), path, says="the article is empty")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param(
            "only-script.html",
            "<html><script>document.write('The deal [1].')</script></html>",
            id="html-all-script",
        ),
        pytest.param(
            "only-code.md",
            "---\ndate: 2026-05-07\n---\n\n```\nThe deal [1].\n```\n",
            id="markdown-front-matter-and-code",
        ),
        pytest.param("dateline.txt", "MEMPHIS, May 7, 2026 — \n", id="dateline-only"),
    ],
)
def test_hostile_no_prose_is_refused_not_passed(newsroom: Newsroom, name: str, data: str) -> None:
    path = newsroom.write(name, data)
    assert_refused(invoke(newsroom, "check", str(path)), path, says="no prose to check")


# --- accepted oddities: BOM, CRLF, markup ---------------------------------------------


def test_hostile_bom_and_crlf_are_accepted_with_right_offsets(
    newsroom: Newsroom,
) -> None:
    text = "The council met on Tuesday.\r\nThe council approved the budget on May 6, 2026 [1].\r\n"
    path = newsroom.write("crlf.txt", b"\xef\xbb\xbf" + text.encode())
    result = invoke(newsroom, "check", "-f", "json", str(path))
    assert result.exit_code in (0, 1), result.output
    (entry,) = json.loads(result.stdout)["files"]
    second = next(c for c in entry["claims"] if "[1]" in c["text"] or c["citations"])
    start = text.index("The council approved")
    assert second["sentence"]["start"] == start
    assert (second["sentence"]["line"], second["sentence"]["column"]) == (2, 1)
    (citation,) = second["citations"]
    assert text[citation["start"] : citation["end"]] == "[1]"


def test_hostile_html_scripts_styles_and_comments_are_ignored(
    newsroom: Newsroom,
) -> None:
    path = newsroom.root / "scripts.html"
    path.write_bytes((FIXTURES / "scripts.html").read_bytes())
    result = invoke(newsroom, "check", "-f", "json", str(path))
    assert result.exit_code in (0, 1), result.output
    (entry,) = json.loads(result.stdout)["files"]
    text = (FIXTURES / "scripts.html").read_text()
    (claim,) = entry["claims"]
    start, end = claim["sentence"]["start"], claim["sentence"]["end"]
    assert text[start:end] == "The council approved the budget on May 6, 2026 [1]."
    assert [c["label"] for c in claim["citations"]] == ["1"]
    assert entry["published"] == "2026-05-07"


def test_hostile_citations_in_code_and_urls_are_not_citations(nlp) -> None:  # noqa: ANN001
    from copydesk.pipeline.segment import segment

    data = (FIXTURES / "code-and-urls.md").read_bytes()
    document = parse_document(data, "code-and-urls.md", Format.MARKDOWN)
    labels = [c.label for s in segment(document, nlp) for c in s.citations]
    assert labels == ["1"]


# --- front matter ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "line", "says"),
    [
        pytest.param("title: Budget\ndate: [2026\n", 3, "invalid YAML", id="malformed"),
        pytest.param("title: Budget\ndate: 2026-13-45\n", 3, "invalid YAML value", id="bad-date"),
        pytest.param(
            "a: &x [lol, lol]\nb: *x\n",
            3,
            "aliases and anchors are not allowed",
            id="alias",
        ),
        pytest.param(
            "date: !!python/object/apply:os.system [echo pwned]\n",
            2,
            "could not determine a constructor",
            id="python-tag",
        ),
        pytest.param("title: a\x0cb\n", 2, "U+000C is not allowed", id="control-character"),
        pytest.param(
            "deep: " + "[" * 3000 + "]" * 3000 + "\n",
            2,
            "nested more than 50 levels",
            id="deep-nesting",
        ),
    ],
)
def test_hostile_front_matter(newsroom: Newsroom, front: str, line: int, says: str) -> None:
    path = newsroom.write("draft.md", f"---\n{front}---\n\nThe council approved it [1].\n")
    assert_refused(invoke(newsroom, "check", str(path)), path, line=line, says=says)


# --- size -----------------------------------------------------------------------------


def test_hostile_50_mb_article_is_refused_without_reading_it(
    newsroom: Newsroom,
) -> None:
    path = newsroom.root / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * MB)  # sparse: 50 MB long, no disk used
    assert_refused(
        invoke(newsroom, "check", str(path)),
        path,
        says=f"{50 * MB} bytes is over the {10 * MB}-byte limit",
    )


def test_hostile_12_mb_realistic_article_is_refused_in_bounded_memory(
    newsroom: Newsroom,
) -> None:
    path = newsroom.write("long.txt", realistic_article(12 * MB))
    assert_refused(invoke(newsroom, "check", str(path)), path, says="-byte limit")
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="over the"):
            read_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1 * MB, f"refusing a 12 MB file used {peak} bytes"


def test_hostile_12_mb_on_standard_input_reads_at_most_the_limit(
    newsroom: Newsroom,
) -> None:
    result = invoke(newsroom, "check", "-", input=realistic_article(12 * MB).encode())
    assert_refused(result, "-", says="-byte limit")


def test_hostile_size_limit_is_an_option(newsroom: Newsroom) -> None:
    """The limit is ``Options.max_bytes``; a small one refuses a small article."""
    report = run([str(newsroom.article)], Options(max_bytes=20))
    assert report.articles == ()
    (error,) = report.errors
    assert error.path == str(newsroom.article)
    assert f"{len(ARTICLE)} bytes is over the 20-byte limit" in error.message


# --- permissions and links ------------------------------------------------------------


@pytest.mark.skipif(
    os.geteuid() == 0,
    reason="root reads files whatever their mode; "
    "test_hostile_unreadable_file_simulated covers this case",
)
def test_hostile_unreadable_file(newsroom: Newsroom) -> None:
    newsroom.article.chmod(0)
    assert_refused(
        invoke(newsroom, "check", str(newsroom.article)),
        newsroom.article,
        says="cannot be read (Permission denied); check its permissions",
    )


def test_hostile_unreadable_file_simulated(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == newsroom.article:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    assert_refused(
        invoke(newsroom, "check", str(newsroom.article)),
        newsroom.article,
        says="cannot be read (Permission denied); check its permissions",
    )


def test_hostile_article_linked_outside_the_repository(newsroom: Newsroom, tmp_path: Path) -> None:
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY----- [1].\n")
    link = newsroom.root / "drafts" / "innocent.txt"
    link.parent.mkdir()
    link.symlink_to(secret)
    result = invoke(newsroom, "check", "-f", "json", str(link))
    message = assert_refused(result, link, says="outside the repository")
    assert "PRIVATE KEY" not in result.output and "PRIVATE KEY" not in message


def test_hostile_article_linked_inside_the_repository_is_read(
    newsroom: Newsroom,
) -> None:
    link = newsroom.root / "drafts" / "same.txt"
    link.parent.mkdir()
    link.symlink_to(newsroom.article)
    result = invoke(newsroom, "check", "-f", "json", str(link))
    assert result.exit_code in (0, 1), result.output


# --- batches --------------------------------------------------------------------------


def test_hostile_batch_checks_good_file_and_lists_bad_one(newsroom: Newsroom) -> None:
    bad = newsroom.write("latin1.txt", b"caf\xe9 [1].\n")
    result = invoke(newsroom, "check", "-f", "json", str(newsroom.article), str(bad))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(newsroom.article)]
    assert report["files"][0]["claims"][0]["verdict"] == "supported"
    assert [e["path"] for e in report["errors"]] == [str(bad)]
    assert "byte 0xe9 at offset 3" in report["errors"][0]["message"]
    (line,) = result.stderr.splitlines()
    assert str(bad) in line


def test_hostile_batch_of_many_bad_files_lists_each_once(newsroom: Newsroom) -> None:
    bad = [
        newsroom.write("empty.txt", b""),
        newsroom.write("binary.txt", b"\x00\x01"),
        newsroom.root / "missing.txt",
        newsroom.write("front.md", "---\na: [\n---\nText [1].\n"),
    ]
    result = invoke(newsroom, "check", "-f", "json", *map(str, bad), str(newsroom.article))
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert sorted(e["path"] for e in report["errors"]) == sorted(str(p) for p in bad)
    assert [f["path"] for f in report["files"]] == [str(newsroom.article)]
    assert len(result.stderr.splitlines()) == len(bad)
