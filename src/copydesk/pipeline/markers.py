"""Find citation markers such as ``[1]``, ``[1, 2]``, ``[1-3]``, ``[a]`` and ``[^1]``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from copydesk.models import Span

# What a registry label may look like; a marker may add ``^`` (a Markdown footnote).
LABEL_BODY = r"[A-Za-z0-9][\w.:/-]*"
LABEL = rf"\^?{LABEL_BODY}"
MARKER = re.compile(rf"\[\s*(?P<body>{LABEL}(?:\s*[,;–-]\s*{LABEL})*)\s*\]")
RANGE = re.compile(r"^(\d{1,6})\s*[-–]\s*(\d{1,6})$")
MAX_RANGE = 50
# "He [Musk] said" and "[sic]" are editorial insertions, not citations.
INSERTION = re.compile(r"^(?:[A-Z][a-z]+(?:'s)?|sic|sic\.|emphasis added|ed\.?)$")
URLISH = re.compile(r"(?:^|\s)\S*(?:://|www\.)\S*\Z")  # \Z: a line break ends the URL


MARKERS = "copydesk_markers"  # doc.user_data key: the token index of each marker
MARKER_SET = "copydesk_marker_set"  # doc.user_data key: the same, as a set


@dataclass(frozen=True, slots=True)
class Marker:
    """One bracketed marker and the labels it cites, in order."""

    span: Span
    labels: tuple[str, ...]


def find_markers(text: str) -> tuple[Marker, ...]:
    """Return the citation markers in ``text`` in order of position."""
    markers = []
    for match in MARKER.finditer(text):
        start = match.start()
        if (
            start
            and text[start - 1] in "/=?&#\\"
            or URLISH.search(text[max(0, start - 200) : start])
        ):
            continue  # inside a URL or an index expression, not a citation
        labels = expand(match.group("body"))
        if labels:
            markers.append(Marker((start, match.end()), labels))
    return tuple(markers)


def expand(body: str) -> tuple[str, ...]:
    """Return the labels of a marker body: ``1-3`` gives 1, 2, 3."""
    whole = RANGE.match(body.strip())
    if whole:
        return numeric_range(whole)
    labels: list[str] = []
    for part in re.split(r"\s*[,;]\s*", body.strip()):
        if not part:
            continue
        if INSERTION.match(part):
            return ()
        span = RANGE.match(part)
        labels.extend(numeric_range(span) if span else (part,))
    return tuple(dict.fromkeys(labels))


def numeric_range(match: re.Match[str]) -> tuple[str, ...]:
    """Expand ``3-5`` to its labels; a reversed or huge range is kept as written."""
    low, high = int(match.group(1)), int(match.group(2))
    if low <= high and high - low < MAX_RANGE:
        return tuple(str(n) for n in range(low, high + 1))
    return (match.group(0),)


def is_marker(token: Any) -> bool:  # noqa: ANN401 - a spaCy Token
    """Tell whether a token is a citation marker.

    The same as ``token._.citation is not None``, which is slow to ask of every
    token: the marker positions are kept with the doc.
    """
    doc = token.doc
    found = doc.user_data.get(MARKER_SET)
    if found is None:
        found = doc.user_data[MARKER_SET] = frozenset(doc.user_data.get(MARKERS, ()))
    return token.i in found
