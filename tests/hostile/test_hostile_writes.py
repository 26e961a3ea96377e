"""Nothing lost: copydesk never writes its inputs; an interrupt leaves no partial file.

The signal tests run copydesk in a child process on a long article, wait
until the English model is loaded (the child's resident memory passes
``LOADED_KB``), send the signal, and check the exit status, stderr and that
the folder holds exactly what it held before.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copydesk.cli import app

from .newsroom import ARTICLE, Newsroom, invoke, runner

# The English model makes the process grow past this (it starts near 60 MB).
LOADED_KB = 250_000


def long_article(paragraphs: int = 2500) -> str:
    """Return an article that takes the model far longer than the test waits."""
    text = (
        "The council approved the budget on May {day}, 2026 [1]. The mayor said the "
        "vote was a relief, and the finance office expects a surplus of ${n} "
        "million.\n\n"
    )
    return "".join(text.format(day=1 + i % 28, n=i) for i in range(paragraphs))


# --- --output -------------------------------------------------------------------------


def test_hostile_output_is_written_whole_and_alone(newsroom: Newsroom) -> None:
    # ``invoke`` forbids new files, so this one case runs the runner directly.
    out = newsroom.root / "reports"
    out.mkdir()
    before = newsroom.article.read_bytes(), newsroom.registry.read_bytes()
    result = runner.invoke(
        app,
        ["check", "-f", "json", "-o", str(out / "report.json"), str(newsroom.article)],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["report.json"]  # no temporary left
    assert json.loads((out / "report.json").read_text())["version"] == 1
    assert (newsroom.article.read_bytes(), newsroom.registry.read_bytes()) == before


def test_hostile_output_into_a_missing_folder(newsroom: Newsroom) -> None:
    result = invoke(
        newsroom,
        "check",
        "-f",
        "json",
        "-o",
        str(newsroom.root / "no" / "r.json"),
        str(newsroom.article),
    )
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "does not exist" in result.stderr


@pytest.mark.parametrize("target", ["good.txt", "sources.yaml"])
def test_hostile_output_never_overwrites_an_input(newsroom: Newsroom, target: str) -> None:
    result = invoke(
        newsroom,
        "check",
        "-f",
        "json",
        "-o",
        str(newsroom.root / target),
        str(newsroom.article),
    )
    assert result.exit_code == 2
    assert "never writes to its inputs" in result.stderr


# --- signals --------------------------------------------------------------------------


def resident_kb(pid: int) -> int:
    """Return a process's resident memory in kB (0 once it is gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def interrupt(newsroom: Newsroom, sig: signal.Signals, *paths: Path) -> subprocess.CompletedProcess:
    """Run ``copydesk check -o`` on ``paths``, send ``sig`` once the model is loaded."""
    out = newsroom.root / "reports"
    out.mkdir()
    args = [
        sys.executable,
        "-m",
        "copydesk",
        "check",
        "-f",
        "json",
        "-o",
        str(out / "report.json"),
        # One process, so that the model loads where this test can watch it.
        "--jobs",
        "1",
        *map(str, paths),
    ]
    child = subprocess.Popen(
        args,
        cwd=newsroom.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while resident_kb(child.pid) < LOADED_KB and time.monotonic() < deadline:
        if child.poll() is not None:
            break
        time.sleep(0.1)
    time.sleep(1.0)  # into the long article
    assert child.poll() is None, "copydesk finished before it could be interrupted"
    child.send_signal(sig)
    try:
        stdout, stderr = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        stdout, stderr = child.communicate()
        pytest.fail(f"copydesk did not stop on {sig.name}")
    assert list(out.iterdir()) == [], "a partial or temporary report was left behind"
    return subprocess.CompletedProcess(args, child.returncode, stdout, stderr)


LINUX_ONLY = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="waits for the model through /proc"
)


@LINUX_ONLY
def test_hostile_sigint_exits_130_and_writes_nothing(newsroom: Newsroom) -> None:
    article = newsroom.write("long.txt", long_article())
    before = newsroom.snapshot()
    result = interrupt(newsroom, signal.SIGINT, article)
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert "interrupted" in result.stderr
    assert result.stdout == ""
    after = newsroom.snapshot()
    after.pop(str(newsroom.root / "reports"))
    assert {k: v for k, v in after.items() if k != str(newsroom.root)} == {
        k: v for k, v in before.items() if k != str(newsroom.root)
    }


@LINUX_ONLY
def test_hostile_sigterm_exits_143_and_writes_nothing(newsroom: Newsroom) -> None:
    article = newsroom.write("long.txt", long_article())
    result = interrupt(newsroom, signal.SIGTERM, article)
    assert result.returncode == 143, result.stderr
    assert "Traceback" not in result.stderr
    assert "interrupted by SIGTERM" in result.stderr


@LINUX_ONLY
def test_hostile_interrupted_batch_says_what_finished(newsroom: Newsroom) -> None:
    short = newsroom.write("a-short.txt", ARTICLE)
    article = newsroom.write("b-long.txt", long_article())
    result = interrupt(newsroom, signal.SIGINT, short, article)
    assert result.returncode == 130, result.stderr
    assert "after checking 1 of 2 articles" in result.stderr
    assert str(short) in result.stderr


def test_hostile_signal_exit_statuses_are_named() -> None:
    from copydesk.errors import ExitStatus

    assert (ExitStatus.INTERRUPTED, ExitStatus.TERMINATED) == (
        128 + signal.SIGINT,
        128 + signal.SIGTERM,
    )
    assert os.EX_OK == ExitStatus.OK


# --- configuration that points writes elsewhere -------------------------------------


@pytest.mark.parametrize(
    "output",
    [
        pytest.param("../outside.json", id="outside-the-repository"),
        pytest.param(".git/hooks/pre-commit", id="git-hook"),
        pytest.param("good.txt", id="the-article"),
    ],
)
def test_hostile_config_output_cannot_leave_the_repository(newsroom: Newsroom, output: str) -> None:
    (newsroom.root / ".git" / "hooks").mkdir()
    newsroom.write("copydesk.yaml", f"format: json\noutput: {output}\n")
    result = invoke(newsroom, "check", str(newsroom.article))
    assert result.exit_code == 2
    assert not (newsroom.root.parent / "outside.json").exists()


def test_hostile_size_limit_from_flag_and_configuration(newsroom: Newsroom) -> None:
    result = invoke(newsroom, "check", "--max-bytes", "20", str(newsroom.article))
    assert result.exit_code == 2
    assert "over the 20-byte limit" in result.stderr
    assert "--max-bytes" in result.stderr
    newsroom.write("copydesk.yaml", "max_bytes: 30\n")
    result = invoke(newsroom, "check", str(newsroom.article))
    assert result.exit_code == 2
    assert "over the 30-byte limit" in result.stderr
