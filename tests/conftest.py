"""Shared fixtures: the real English pipeline, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--update-golden`` to rewrite golden files instead of comparing."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden report files from the current output",
    )


@pytest.fixture(scope="session")
def nlp():  # noqa: ANN201 - spaCy's Language, imported lazily
    """Return copydesk's English pipeline (the real model, always installed)."""
    from copydesk.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """Return the folder of test fixtures."""
    return FIXTURES
