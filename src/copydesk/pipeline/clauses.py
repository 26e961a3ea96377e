"""Split a parsed sentence into the clauses that assert separate facts.

A sentence such as "This partnership signals a shift for Elon Musk, who is
engaged in a lawsuit against OpenAI." asserts two things: the writer's framing
and a fact about Musk.  Each becomes its own claim; the main clause keeps the
sentence minus the split-off parts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# "While Musk has criticized OpenAI, this partnership ..." asserts both halves.
CONTRAST_MARKS = {"while", "whereas", "although", "though"}
RELATIVE_PRONOUNS = {"who", "which", "whom", "whose"}
PLACE_OR_TIME = {"GPE", "LOC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
REPORTING = {
    "say",
    "tell",
    "state",
    "add",
    "claim",
    "argue",
    "write",
    "announce",
    "accord",
    "report",
    "note",
    "explain",
    "warn",
    "insist",
}


class Part(str, Enum):
    """Where a claim comes from in its sentence."""

    MAIN = "main"
    RELATIVE = "relative"
    APPOSITION = "apposition"
    CONTRAST = "contrast"
    COORDINATE = "coordinate"
    CONJUNCT = "conjunct"


@dataclass(frozen=True)
class Clause:
    """The tokens of one asserted fact, and words to put before them."""

    part: Part
    tokens: tuple[int, ...]  # token indices into the Doc, in order
    prefix: str = ""  # "Elon Musk" for "who is engaged ..."; "X is" for appositions
    subject: int | None = None  # index of a pronoun subject to name ("he remains ...")
    shared: tuple[int, ...] = ()  # the words before a conjunct's first verb, read with it


def split_clauses(sent: SpacySpan) -> list[Clause]:
    """Return the main clause first, then each split-off clause in order."""
    quoted = quoted_indices(sent)
    taken: set[int] = set()
    clauses: list[Clause] = []
    for token in sent:
        if token.i in taken or token.i in quoted:
            continue
        if is_reported(token):
            # "Lammert said the company would keep the name and add a restaurant"
            # reports two things; the attribution goes with each.
            clause = verb_conjunct(token)
        else:
            clause = (
                relative_clause(token)
                or apposition(token)
                or contrast_clause(token)
                or coordinate_clause(token)
                or verb_conjunct(token)
            )
        if clause is None:
            continue
        hole = set(clause[1])
        if hole & taken:
            continue
        taken |= hole
        clauses.append(clause[0])
    if not clauses:
        return [Clause(Part.MAIN, tuple(t.i for t in sent))]
    main = tuple(t.i for t in sent if t.i not in taken)
    # A conjunct is read after the beginning it shares, less what other clauses took.
    clauses = [
        replace(c, shared=tuple(i for i in c.shared if i not in taken)) if c.shared else c
        for c in clauses
    ]
    return [Clause(Part.MAIN, main), *clauses]


def subtree(token: Token) -> list[int]:
    """Return the indices of a token's subtree, which spaCy keeps contiguous."""
    doc, end = token.doc, token.right_edge.i + 1
    dangling = token.right_edge.pos_ == "ADP" and not list(token.right_edge.children)
    if dangling and end < len(doc) and doc[end].ent_iob_ == "B":
        # "covered by Halberd Mutual Insurance Co.": the parser took the "Co."
        # for the end of the sentence and hung the name off the root; the name
        # is the object of the preposition left without one.
        end = next(ent.end for ent in doc.ents if ent.start == end)
    return list(range(token.left_edge.i, end))


def with_commas(token: Token, indices: list[int]) -> list[int]:
    """Add the commas (and markers) that set a clause off from the sentence."""
    doc = token.doc
    before, after = indices[0] - 1, indices[-1] + 1
    extra = []
    if before >= 0 and doc[before].text in {",", "—", "–"}:
        extra.append(before)
    if after < len(doc) and doc[after].text in {",", "—", "–"} and extra:
        extra.append(after)
    return sorted({*indices, *extra})


def relative_clause(token: Token) -> tuple[Clause, list[int]] | None:
    """Split "Elon Musk, who is engaged in a lawsuit" off as "Elon Musk is engaged ..."."""
    if token.dep_ != "relcl" or token.head.pos_ not in {"PROPN", "NOUN"}:
        return None
    words = subtree(token)
    first = token.doc[words[0]]
    if (
        first.lower_ not in RELATIVE_PRONOUNS
        or words[0] == 0
        or token.doc[words[0] - 1].text != ","
    ):
        return None  # a restrictive clause ("constraints that hinder") defines, not adds
    antecedent = token.doc[token.head.left_edge.i : token.head.i + 1].text
    body = tuple(i for i in words[1:])
    return Clause(Part.RELATIVE, body, prefix=antecedent), with_commas(token, words)


def apposition(token: Token) -> tuple[Clause, list[int]] | None:
    """Split "an offering, a transition that ..." into "An offering is a transition ..."."""
    head = token.head
    if token.dep_ != "appos" or head.pos_ not in {"PROPN", "NOUN"}:
        return None
    described = (
        token.pos_ == "NOUN"
        and head.ent_type_ in {"GPE", "LOC"}
        and any(c.dep_ == "det" for c in token.children)
    )  # "Lodgepole Basin, a resort in Utah": what the place is
    if token.ent_type_ in PLACE_OR_TIME or head.ent_type_ in PLACE_OR_TIME and not described:
        return None  # "Memphis, Tennessee" is one place
    if described:
        head = town_before_region(head)
    words = subtree(token)
    if words[0] == 0 or token.doc[words[0] - 1].text != "," or len(words) < 3:
        return None
    end = head.i + 1
    if head.ent_iob_ in {"B", "I"}:
        # "Kittredge & Lowe Engineering, a design firm": the whole name, which the
        # parser may have split at the "&"
        end = next(e.end for e in token.doc.ents if e.start <= head.i < e.end)
    subject = token.doc[head.left_edge.i : end].text
    verb = "are" if head.tag_ == "NNS" else "is"  # "Qestra Flour Mills is a miller"
    return Clause(Part.APPOSITION, tuple(words), prefix=f"{subject} {verb}"), with_commas(
        token, words
    )


def town_before_region(place: Token) -> Token:
    """Return the town of "Mossbank, Alaska, a town of 2,600", not its state."""
    doc = place.doc
    first = place.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    before = doc[first - 2] if first >= 2 and doc[first - 1].text == "," else None
    if before is not None and (before.ent_type_ in {"GPE", "LOC"} or before.pos_ == "PROPN"):
        return before
    return place


def contrast_clause(token: Token) -> tuple[Clause, list[int]] | None:
    """Split "while Musk has criticized OpenAI" off as its own claim."""
    if token.dep_ != "advcl":
        return None
    marks = [c for c in token.children if c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS]
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not marks or not subjects:
        return None
    words = subtree(token)
    # "even while he remains ..." – the adverb before the mark goes with it.
    if words[0] > 0 and token.doc[words[0] - 1].lower_ == "even":
        words.insert(0, words[0] - 1)
    skip = {marks[0].i, *(i for i in words if token.doc[i].lower_ == "even" and i < marks[0].i)}
    body = tuple(i for i in words if i not in skip)
    return (Clause(Part.CONTRAST, body, subject=pronoun(subjects[0])), with_commas(token, words))


def coordinate_clause(token: Token) -> tuple[Clause, list[int]] | None:
    """Split "..., and Anthropic will pay for it" off the main clause."""
    if token.dep_ != "conj" or token.pos_ not in {"VERB", "AUX"} or token.head.dep_ != "ROOT":
        return None
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects:
        return None
    words = subtree(token)
    doc = token.doc
    start = words[0]
    while start > 0 and (doc[start - 1].dep_ == "cc" or doc[start - 1].text == ","):
        start -= 1
    hole = list(range(start, words[-1] + 1))
    return Clause(Part.COORDINATE, tuple(words), subject=pronoun(subjects[0])), hole


def verb_conjunct(token: Token) -> tuple[Clause, list[int]] | None:
    """Split "... would keep the name and add a rooftop restaurant" into "... would
    keep the name" and "... would add a rooftop restaurant", which share what
    comes before the first verb."""
    head = token.head
    if token.dep_ != "conj" or token.pos_ != "VERB" or head.pos_ != "VERB":
        return None
    if token.tag_ != head.tag_:
        return None  # "plans to seek aid and expects an answer": "expects" goes with "plans"
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children):
        return None  # a clause with its own subject is split at the root, or not at all
    words = subtree(token)
    if len(words) < 2:
        return None
    doc = token.doc
    start = words[0]
    while start > head.i + 1 and (doc[start - 1].dep_ == "cc" or doc[start - 1].text == ","):
        start -= 1
    if start <= head.i:
        return None
    hole = list(range(start, words[-1] + 1))
    return Clause(Part.CONJUNCT, tuple(words), shared=tuple(range(token.sent.start, head.i))), hole


def pronoun(token: Token) -> int | None:
    """Return a subject's index when it is a pronoun a name can replace."""
    return token.i if token.lower_ in {"he", "she", "it", "they"} else None


def is_reported(token: Token) -> bool:
    """Tell whether a token sits under a reporting verb ("Musk said ...")."""
    return any(a.lemma_.lower() in REPORTING and a.pos_ == "VERB" for a in token.ancestors)


def quoted_indices(sent: SpacySpan) -> set[int]:
    """Return the indices of tokens between quotation marks."""
    inside: set[int] = set()
    start: int | None = None
    for token in sent:
        if token.text in {"“", "‘"} or (token.text == '"' and start is None):
            start = token.i
        elif start is not None and token.text in {"”", "’", '"'}:
            inside.update(range(start, token.i + 1))
            start = None
    return inside
