"""Tell the writer's own judgement from facts and from attributed speech.

The cue words live in ``data/opinion_cues.yaml``; this module reads the parse
to decide whether a cue is the writer speaking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from copydesk.lexicon import Lexicon, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


def quoted_tokens(sent: SpacySpan) -> set[int]:
    """Return the indices of tokens inside quotation marks in a sentence."""
    inside: set[int] = set()
    open_at: int | None = None
    for token in sent:
        text = token.text
        if text in {"“", "‘"} or (text == '"' and open_at is None):
            open_at = token.i
        elif text in {"”", "’"} and open_at is not None or (text == '"' and open_at is not None):
            inside.update(range(open_at, token.i + 1))
            open_at = None
    return inside


def is_speaker(token: Token, lex: Lexicon) -> bool:
    """Tell whether a subject is someone who can say things."""
    return (token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or token.lemma_.lower() in lex.speakers
            or token.lower_ in {"he", "she", "they", "i", "we", "you"})


def is_attributed(token: Token, lex: Lexicon) -> bool:
    """Tell whether a word sits inside someone else's reported speech."""
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in lex.reporting_verbs and ancestor.pos_ == "VERB":
            subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(is_speaker(s, lex) for s in subjects):
                return True
    return False


def opinion_cue(sent: SpacySpan) -> str | None:
    """Return the words that make a sentence the writer's opinion, or None.

    Attributed speech ("Musk said the deal was a breakthrough") and quoted
    words are facts about what was said, so their cues do not count.
    """
    lex = lexicon()
    lowered = sent.text.lower()
    if "according to" in lowered:
        return None
    quoted = quoted_tokens(sent)

    def counts(token: Token) -> bool:
        return token.i not in quoted and not is_attributed(token, lex)

    for phrase in lex.phrases:
        at = lowered.find(phrase)
        if at >= 0:
            token = sent.char_span(at, at + len(phrase), alignment_mode="expand")
            if token is not None and counts(token[0]):
                return phrase
    for token in sent:
        lemma = token.lemma_.lower()
        if not counts(token):
            continue
        if lemma in lex.framing_verbs and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}]
            if subjects and not any(is_speaker(s, lex) for s in subjects):
                return token.text  # "This partnership signals a strategic shift"
        if lemma in lex.evaluative_adjectives and token.pos_ == "ADJ":
            if token.dep_ in {"acomp", "attr", "oprd"} or (
                    token.dep_ == "amod" and token.head.dep_ in {"attr", "acomp"}):
                return token.text  # "The timing of the deal is notable"
        if lemma in lex.stance_adverbs and token.dep_ == "advmod":
            return token.text  # "arguably the boldest bet"
        if lemma in lex.modals and token.tag_ == "MD":
            return token.text  # "the deal could reshape the market"
        if lemma in lex.hedge_verbs and any(c.dep_ == "xcomp" for c in token.children):
            return token.text  # "the company appears to be pivoting"
        if token.lower_ in lex.first_person and token.pos_ == "PRON":
            return token.text  # the writer speaking
    last = [t for t in sent if not t.is_space and t._.citation is None]
    if last and last[-1].text == "?" and last[-1].i not in quoted:
        return "?"  # a rhetorical question
    return None
