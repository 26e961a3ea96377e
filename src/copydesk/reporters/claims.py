"""Show extracted claims and their slots (``copydesk claims``), before any verdict."""

from __future__ import annotations

import json
from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from copydesk.models import ArticleReport, Claim
from copydesk.reporters.summary import slots_data


def render_json(articles: list[ArticleReport]) -> str:
    """Return the claims of each article as JSON."""
    data = []
    for article in articles:
        claims = []
        for claim in article.claims:
            line, column = article.document.position(claim.span[0])
            claims.append(
                {
                    "id": claim.id,
                    "text": claim.text,
                    "kind": claim.kind.value,
                    "sentence": {
                        "start": claim.span[0],
                        "end": claim.span[1],
                        "line": line,
                        "column": column,
                    },
                    "slots": slots_data(claim),
                    "citations": [c.label for c in claim.citations],
                    "opinion_cue": claim.opinion_cue,
                    "duplicate_of": claim.duplicate_of,
                }
            )
        published = article.document.published
        data.append(
            {
                "path": article.path,
                "published": published.isoformat() if published else None,
                "claims": claims,
            }
        )
    return json.dumps({"version": 1, "files": data}, indent=2, ensure_ascii=False) + "\n"


def render_table(articles: list[ArticleReport], *, width: int = 100, color: bool = False) -> str:
    """Return a table per article: each claim, its kind, citations and slots."""
    buffer = StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False
    )
    for article in articles:
        published = article.document.published
        table = Table(
            title=f"{article.path} (published {published or 'unknown'})",
            title_justify="left",
            expand=True,
            show_lines=True,
        )
        table.add_column("id", no_wrap=True)
        table.add_column("line", no_wrap=True, justify="right")
        table.add_column("kind", no_wrap=True)
        table.add_column("cites", no_wrap=True)
        table.add_column("claim and slots", ratio=1)
        for claim in article.claims:
            line, column = article.document.position(claim.span[0])
            table.add_row(
                claim.id,
                f"{line}:{column}",
                claim.kind.value,
                " ".join(c.label for c in claim.citations),
                claim_cell(claim),
            )
        console.print(table)
    return buffer.getvalue()


def claim_cell(claim: Claim) -> Text:
    """Return the claim text and one line per slot that is filled."""
    text = Text(claim.text)
    slots = claim.facts.slots
    filled = [
        ("date", slots.date),
        ("parties", ", ".join(slots.parties)),
        ("location", slots.location),
        ("motive", slots.motive),
        ("numbers", ", ".join(q.text for q in slots.numbers)),
        ("opinion cue", claim.opinion_cue),
        ("repeats", claim.duplicate_of),
    ]
    for name, value in filled:
        if value:
            text.append(f"\n{name}: ", style="dim")
            text.append(value)
    return text
