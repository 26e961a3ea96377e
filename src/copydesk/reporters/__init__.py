"""Reporters: pure functions from a ``Report`` to the text of one format.

Adding a format means adding a module and one entry in ``REPORTERS``.
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk.models import Report
from copydesk.reporters import github, junit, markdown, sarif, terminal
from copydesk.reporters import json as json_reporter

Reporter = Callable[[Report], str]

REPORTERS: dict[str, Reporter] = {
    "rich": terminal.render,
    "json": json_reporter.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "markdown": markdown.render,
}
