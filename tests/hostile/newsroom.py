"""A scratch newsroom for the hostile-input suite, and what "refused" means.

Every hostile case builds its files in ``tmp_path`` (nothing large is
committed), runs the real command line through typer's ``CliRunner``, and
then checks the promises of the issue: exit code 2, one line on stderr that
names the file (and the line, where there is one), no traceback, and not a
byte, mtime or file name changed next to the inputs.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from copydesk.cache import CACHE_DIR
from copydesk.cli import app

FIXTURES = Path(__file__).parent / "fixtures"

ARTICLE = "The council approved the budget on May 6, 2026 [1].\n"
REGISTRY = """\
sources:
  "1":
    title: Council minutes
    text: The council approved the budget on May 6, 2026.
"""

Snapshot = dict[str, tuple[str, object, int]]


@dataclass
class Newsroom:
    """A scratch repository with one good article and its registry."""

    root: Path

    @property
    def article(self) -> Path:
        return self.root / "good.txt"

    @property
    def registry(self) -> Path:
        return self.root / "sources.yaml"

    def write(self, name: str, data: bytes | str) -> Path:
        """Write a file under the newsroom and return its path."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    def snapshot(self) -> Snapshot:
        """Return every entry under the root with its content (or link) and mtime."""
        # The root's own mtime changes if a file is made there even for a moment.
        # The result cache is the one thing copydesk may add, at the repository root,
        # so the root's own mtime is not compared; new entries still show in the listing.
        found: Snapshot = {str(self.root): ("dir", None, None)}
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            if Path(folder) == self.root and CACHE_DIR in dirs:
                dirs.remove(CACHE_DIR)
            for name in [*dirs, *files]:
                path = Path(folder, name)
                info = path.lstat()
                if path.is_symlink():
                    found[str(path)] = ("link", os.readlink(path), info.st_mtime_ns)
                elif path.is_dir():
                    found[str(path)] = ("dir", None, info.st_mtime_ns)
                elif not stat.S_ISREG(info.st_mode):  # a FIFO: reading it would block
                    found[str(path)] = ("special", None, info.st_mtime_ns)
                else:
                    try:
                        content: object = path.read_bytes()
                    except OSError:  # a file made unreadable on purpose
                        content = None
                    found[str(path)] = ("file", content, info.st_mtime_ns)
        return found


def make_newsroom(root: Path) -> Newsroom:
    """Return a scratch repository: ``.git``, ``good.txt`` and ``sources.yaml``."""
    room = Newsroom(root)
    (room.root / ".git").mkdir(parents=True)
    room.write("good.txt", ARTICLE)
    room.write("sources.yaml", REGISTRY)
    return room


runner = CliRunner()


def invoke(room: Newsroom, *args: str, input: bytes | str | None = None) -> Result:  # noqa: A002
    """Run ``copydesk ARGS`` and check that nothing under the newsroom changed."""
    before = room.snapshot()
    result = runner.invoke(app, list(args), input=input)
    after = room.snapshot()
    assert sorted(after) == sorted(before), "copydesk created or removed files"
    assert after == before, "copydesk changed a file it read"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"unexpected {result.exception!r}"
    )
    return result


def assert_refused(
    result: Result, path: Path | str, line: int | None = None, says: str = ""
) -> str:
    """Check the refusal contract and return the one stderr line."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    (message,) = lines
    assert f"{path}:" in message, message
    if line is not None:
        # "draft.md:3:12: ..." or "draft.md: 3:12: ...": the file, then its line.
        assert re.search(re.escape(f"{path}:") + rf" ?{line}:", message), message
    assert says in message, message
    assert result.stdout == ""
    return message
