"""Expand the paths a user gives (files, folders, globs) into the articles to check."""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
# Files that sit beside drafts but are not drafts.
NOT_ARTICLES = (
    "*.sources.yaml",
    "sources.yaml",
    "*.gold.yaml",
    "README*",
    "CHANGELOG*",
    "LICENSE*",
    "requirements*.txt",
)
SKIPPED_DIRS = {"node_modules", "__pycache__", "venv", ".venv", "site-packages"}
STDIN = "-"


def discover(targets: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str]:
    """Yield each article once, in a stable order: files as given, folders sorted.

    A name that is neither a file, a folder nor a matching glob is yielded as is,
    so that reading it reports the problem.
    """
    excludes = tuple(exclude)
    seen: set[str] = set()
    for target in targets:
        for path in expand(target, excludes):
            if path not in seen:
                seen.add(path)
                yield path


def expand(target: str, excludes: tuple[str, ...]) -> Iterator[str]:
    """Yield the articles one command-line argument names."""
    if target == STDIN:
        yield target
        return
    if glob.has_magic(target):
        matches = sorted(glob.glob(target, recursive=True))
        for match in matches:
            yield from (
                expand(match, excludes) if Path(match).is_dir() else filtered([match], excludes)
            )
        return
    path = Path(target)
    if path.is_dir():
        yield from filtered(walk(path), excludes)
    else:
        yield target


def walk(folder: Path) -> Iterator[str]:
    """Yield candidate files under a folder, skipping hidden folders and symlink loops."""
    visited: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        try:
            stat = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in visited:
            dirs[:] = []  # a symlink loop: this folder was walked already
            continue
        visited.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield str(Path(root) / name)


def filtered(paths: Iterable[str], excludes: tuple[str, ...]) -> Iterator[str]:
    """Yield the paths that are articles and match no exclude pattern."""
    for path in paths:
        name = Path(path).name
        if Path(path).suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if any(fnmatch.fnmatch(name, pattern) for pattern in NOT_ARTICLES):
            continue
        if any(
            fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(name, pattern) for pattern in excludes
        ):
            continue
        yield path
