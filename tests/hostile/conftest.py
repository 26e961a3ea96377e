"""Fixtures of the hostile-input suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .newsroom import Newsroom, make_newsroom


@pytest.fixture
def newsroom(tmp_path: Path) -> Iterator[Newsroom]:
    """Return a scratch repository with one good article and its registry."""
    room = make_newsroom(tmp_path / "repo")
    yield room
    # Undo any chmod 000, so that pytest can clean up.
    for path in room.root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
