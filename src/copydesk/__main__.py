"""Run copydesk as ``python -m copydesk``."""

from copydesk.cli import app

app(prog_name="copydesk")
