"""Reporters: pure functions from a ``Report`` to the text of one format.

Adding a format means adding a module and one entry in ``REPORTERS``.
"""

from __future__ import annotations

from collections.abc import Callable

from copydesk.models import Report
from copydesk.reporters import json as json_reporter
from copydesk.reporters import terminal

Reporter = Callable[[Report], str]

REPORTERS: dict[str, Reporter] = {
    "rich": terminal.render,
    "json": json_reporter.render,
}
