"""copydesk: an offline fact-checker for news drafts."""

__version__ = "0.1.0"
