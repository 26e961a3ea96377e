"""Tell the writer's own judgement from facts and from attributed speech.

The cue words, the weight of each cue family, the threshold and the decisive
families live in ``data/opinion_cues.yaml`` (the weights are fitted by
``benchmarks/fit_opinion.py`` on the project's own labelled sentences), and
the general words of praise and blame come from the VADER sentiment lexicon
of the ``vaderSentiment`` package; this module reads the spaCy parse
to find the cues the writer is responsible for. Words inside quotation marks,
under a reporting verb whose subject can speak ("Musk said ...") or in an
"according to" clause are someone else's, so they do not count.

A sentence is opinion when it holds a cue of a decisive family ("signals a
shift", "is notable"), or when the weights of the distinct cue families in it
add up to the threshold: one strong cue ("a fiasco") is enough, weak ones
("could", "never") need company, and the marks of a report (figures, dates,
a main verb in the past tense) count against.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from copydesk.dates import MONTH_NAMES, WEEKDAY_NAMES, is_kind_of_month
from copydesk.lexicon import OpinionCues, lexicon
from copydesk.pipeline.markers import is_marker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
NAME_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
)
NUMBER_ENTITIES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
DATE_ENTITIES = frozenset({"DATE", "TIME"})
# Families that tell whether the writer asserts a clause, rather than what they
# think of it: they do not count inside an indirect question.
ASSERTION_FAMILIES = frozenset({"speculation", "figure", "date", "past_narrative"})
WORD_FAMILIES = "copydesk_word_families"  # doc.user_data key: token index -> cue families
NAME_HEADS = "copydesk_name_heads"  # doc.user_data key: last words of the article's names
# What a prescription is for ("so that ..."), or is due by ("before ...").
WISHED_MARKS = frozenset({"so", "that", "before", "until", "till", "once"})
QUESTION_OPENERS = frozenset({"whether", "if", "how", "what", "why", "when", "where", "which"})
THIRD_PERSON = frozenset({"he", "she", "they", "who", "him", "her", "them"})
WRITER_AND_READER = frozenset({"i", "we", "you"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
INDEFINITE_PRONOUNS = frozenset({"nothing", "something", "anything"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd"})
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
# Verbs whose object predicate is a title given, not the writer's word.
DESIGNATING_VERBS = frozenset({"name", "designate", "declare", "list", "register"})
DOUBLE_QUOTES = {"“": "”", '"': '"', "«": "»"}
SINGLE_QUOTES = {"‘": "’", "'": "'"}
QUESTION_WORDS = frozenset({"really", "possibly", "even", "ever", "else"})
LEADING_WORDS = frozenset({"just", "so", "now", "and", "but", "then", "yet"})
CLAUSE_ENDS = frozenset({".", ";", ":", "?", "!"})
MONTHS_AND_DAYS = frozenset(
    {
        *MONTH_NAMES,
        *WEEKDAY_NAMES,
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "yesterday",
        "today",
        "tomorrow",
    }
)
# VADER's valence of a word runs from -4 to 4; from 2 on, a word praises or
# condemns ("shameful", "superb"), below it many words only describe news
# ("protest", "tax").
SENTIMENT_MIN = 2.0
SENTIMENT_POS = frozenset({"ADJ", "ADV", "NOUN", "VERB"})
# Multi-word entries of these lists are matched on the text, as this family.
PHRASE_FAMILIES = {
    "phrases": "phrase",
    "argument_markers": "argument_marker",
    "loaded_nouns": "loaded_word",
    "loaded_adjectives": "loaded_word",
    "stance_adverbs": "stance_adverb",
    "hedge_words": "hedge",
    "minimizers": "minimizer",
    "prescriptive_phrases": "prescription",
    "absolutes": "absolute",
    "verdict_phrases": "writer_belief",
    "open_questions": "writer_belief",
}


@dataclass(frozen=True, slots=True)
class Cue:
    """One word, phrase or feature that marks opinion, or counts against it."""

    family: str  # the key of its weight in ``opinion_cues.yaml``
    text: str  # the words as written
    i: int  # index of its first token in the document


def opinion_cue(sent: SpacySpan, *, cited: bool = False) -> str | None:
    """Return the words that make a sentence the writer's opinion, or None.

    Attributed speech ("Musk said the deal was a breakthrough") and quoted
    words are facts about what was said, so their cues do not count; nor, in
    a ``cited`` sentence, do the families a source states for itself.
    """
    lex = lexicon().opinion
    cues = find_cues(sent)
    if cited:
        cues = [cue for cue in cues if not lex.has("stated_by_sources", cue.family)]
    if not is_opinion(cues):
        return None
    best = max(
        cues, key=lambda cue: (cue.family in lex.decisive, lex.weights.get(cue.family, 0.0), -cue.i)
    )
    return best.text


def is_opinion(cues: Iterable[Cue]) -> bool:
    """Tell whether a sentence with these cues is the writer's opinion."""
    lex = lexicon().opinion
    cues = list(cues)
    return any(cue.family in lex.decisive for cue in cues) or (opinion_score(cues) >= lex.threshold)


def opinion_score(cues: Iterable[Cue]) -> float:
    """Return the summed weight of the distinct cue families in ``cues``."""
    weights = lexicon().opinion.weights
    return sum(weights.get(family, 0.0) for family in {cue.family for cue in cues})


def find_cues(sent: SpacySpan) -> list[Cue]:
    """Return the cues in a sentence that the writer is responsible for."""
    lex = lexicon().opinion
    quoted = quoted_tokens(sent)
    reported = reported_tokens(sent, lex)
    asked = asked_tokens(sent) | wished_tokens(sent, lex)
    found = {
        cue
        for cue in (
            *word_cues(sent, lex),
            *phrase_cues(sent, lex),
            *sentence_cues(sent, lex),
            *scare_quotes(sent, lex, quoted),
        )
        if cue.i not in reported
        and (cue.i not in quoted or cue.family == "scare_quote")
        and not (cue.i in asked and cue.family in ASSERTION_FAMILIES)
    }
    return sorted(found, key=lambda cue: (cue.i, cue.family))


def asked_tokens(sent: SpacySpan) -> set[int]:
    """Return the indices of tokens in indirect questions ("whether it would ...").

    Nobody asserts the clause of "a review of how much water the plant would
    take" or "It remains to be seen whether $140 a day will go far": its
    modal is not the writer's guess, and its figures are not a report.
    """
    inside: set[int] = set()
    for clause in sent:
        if clause.dep_ not in {"ccomp", "pcomp"} or clause.pos_ not in {"VERB", "AUX"}:
            continue  # "If the plan fails, the city would pay" is a condition (advcl)
        first = clause.left_edge
        if first.lower_ in QUESTION_OPENERS:
            # "whether it would ...", "if it would ...", "how much water it would take"
            inside.update(t.i for t in clause.subtree)
    return inside


def wished_tokens(sent: SpacySpan, lex: OpinionCues) -> set[int]:
    """Return the indices of tokens in what a prescription is for, or is due by.

    "The council should publish the model so residents can test the mayor's
    $210 million figure": the writer's aim, not a report of the figure. "The
    board should publish routes before families enroll for August": a deadline.
    """
    inside: set[int] = set()
    for clause in sent:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in WISHED_MARKS for c in clause.children
        ):
            continue
        if any(is_prescription(c, lex) for c in clause.head.children):
            inside.update(t.i for t in clause.subtree)
    return inside


# --- attribution: whose words are these? ----------------------------------------


def quoted_tokens(sent: SpacySpan) -> set[int]:
    """Return the indices of tokens inside quotation marks, the marks included."""
    inside: set[int] = set()
    open_at: int | None = None
    closer = ""
    for token in sent:
        text = token.text
        if open_at is None:
            if text in DOUBLE_QUOTES:
                open_at, closer = token.i, DOUBLE_QUOTES[text]
            elif text in SINGLE_QUOTES and not is_apostrophe(token):
                open_at, closer = token.i, SINGLE_QUOTES[text]
            elif text == "”":
                # '“We will build it.” The mayor then left.' split in two: the
                # quotation began in the sentence before.
                inside.update(range(sent.start, token.i + 1))
        elif text == closer or (closer == "”" and text == '"') or closes(text, closer):
            inside.update(range(open_at, token.i + 1))
            open_at = None
    if open_at is not None and closer in DOUBLE_QUOTES.values():
        # '“We will build it,' a quotation that goes on in the next sentence.
        inside.update(range(open_at, sent.end))
    return inside


def closes(text: str, closer: str) -> bool:
    """Tell whether a closing mark is glued inside a token ("‘reset’—that")."""
    return re.search(rf".{re.escape(closer)}(?![a-z])", text, re.IGNORECASE) is not None


def is_apostrophe(token: Token) -> bool:
    """Tell whether a single quote mark is an apostrophe ("the workers’ pay")."""
    return token.i > 0 and not token.doc[token.i - 1].whitespace_


def is_speaker(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a subject is someone, or a document, that can say things."""
    if token.lower_ in WRITER_AND_READER:
        return False  # the writer or the reader: their words are the article's
    if token.pos_ in {"VERB", "AUX"}:
        return False  # "Finding ice would signal that ...": an act says nothing
    if token.lower_ == "who" and token.head.dep_ != "relcl":
        return False  # "Who could possibly object?" asks; "critics, who say" report
    if token.ent_type_ in SPEAKER_ENTITIES or token.lower_ in THIRD_PERSON:
        return True
    if token.pos_ == "PROPN" and token.ent_type_ not in DATE_ENTITIES:
        # "Musk said ...", even when the tagger finds no entity in "Musk".
        return True
    lemma = token.lemma_.lower()
    return lex.has("speakers", lemma) or lex.has("speakers", token.lower_)


def subjects(token: Token) -> list[Token]:
    """Return the grammatical subjects of a verb."""
    return [c for c in token.children if c.dep_ in SUBJECT_DEPS]


def reports_words(verb: Token) -> bool:
    """Tell whether a reporting verb reports words here, not only an act."""
    if any(
        c.dep_ in {"ccomp", "xcomp", "oprd", "parataxis"} or c.lower_ == "as" for c in verb.children
    ):
        # "Economists describe the plan as reckless." (but "The council called
        # in outside auditors" reports no words)
        return True
    # '“We are done,” he said.' and "He said: ..." (but not the scare quote in
    # "The council called in auditors for its “savings” plan.")
    colon = any(c.text == ":" for c in verb.children)
    return colon or len(quoted_tokens(verb.sent)) > 5


def reported_tokens(sent: SpacySpan, lex: OpinionCues) -> set[int]:
    """Return the indices of tokens that report someone else's words."""
    inside: set[int] = set()
    for token in sent:
        lemma = token.lemma_.lower()
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            # "According to analysts, the move is a bold bet."
            clause = token.head if token.dep_ != "ROOT" else token
            inside.update(t.i for t in clause.subtree)
        elif (
            lex.has("reporting_passives", lemma)
            and token.tag_ == "VBN"
            and any(c.dep_ == "auxpass" for c in token.children)
        ):
            # "The merger is expected to close next month."
            inside.update(
                t.i for c in token.children if c.dep_ in {"xcomp", "ccomp"} for t in c.subtree
            )
        elif lex.has("reporting_verbs", lemma) and token.pos_ in {"VERB", "AUX"}:
            framing = lex.has("framing_verbs", lemma)
            speaks = not has_fact_subject(token) and any(
                (frames_as_speaker(s, token, lex) if framing else is_speaker(s, lex))
                for s in subjects(token)
            )
            # "The board should explain why ..." demands words; it reports none.
            # "The state should require escorts, as Bay Watch has urged": the
            # writer joins the call.
            demanded = any(is_prescription(c, lex) for c in token.children) or (
                token.dep_ == "advcl"
                and any(c.lower_ == "as" for c in token.children)
                and any(is_prescription(c, lex) for c in token.head.children)
            )
            if speaks and reports_words(token) and not demanded:
                inside.update(reported_by(token))
    return inside


def reported_by(verb: Token) -> set[int]:
    """Return the indices of the words a reporting verb with a speaker reports."""
    if verb.dep_ in {"ROOT", "parataxis"}:
        # "Musk said the deal was a breakthrough." The writer's own words stay:
        # the speaker's description ("The minister, whose record is dismal,
        # said ...") and a comment on the saying ("The report, tellingly,
        # notes that ...").
        own = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS | {"advmod"} for t in c.subtree}
        return {t.i for t in verb.sent if t.i not in own}
    if verb.dep_ == "advcl" and any(c.lower_ == "as" for c in verb.children):
        # "As the regulator noted, the rules are vague."
        return {t.i for t in verb.head.subtree}
    # "Critics claim the fee is unfair, and the board will meet on Monday."
    return {t.i for c in verb.children if c.dep_ in REPORTED_DEPS for t in c.subtree}


# --- cues carried by single words -------------------------------------------------


def word_cues(sent: SpacySpan, lex: OpinionCues) -> Iterator[Cue]:
    """Yield the cues that single words carry."""
    # A word's families do not depend on the span it is read in: a sentence and
    # its split-off clauses share them (kept with the parsed text).
    known = sent.doc.user_data.setdefault(WORD_FAMILIES, {})
    for token in sent:
        if token.i not in known:
            known[token.i] = tuple(token_families(token, lex))
        for family in known[token.i]:
            yield Cue(family, token.text, token.i)


def token_families(token: Token, lex: OpinionCues) -> Iterator[str]:  # noqa: C901
    """Yield the cue families one token belongs to."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if token.pos_ == "ADJ" and token.head.lemma_ in {"go", "test"} and token.i > token.head.i:
        # "what went wrong", "went bankrupt", "tested positive": what happened, not a judgement
        return
    if token.pos_ == "ADJ" and finds_a_state(token):
        # "Inspectors found nothing wrong with it": what the inspection found
        return
    if not token.ent_type_ and lower in name_heads(token.doc):
        # "the fair board" after "the Ambrey County Fair": the thing named, not a verdict
        return
    if is_loaded(token, lex):
        # "The launch turned into a costly fiasco."
        yield "loaded_word"
    elif (
        token.pos_ == "ADJ"
        # "a humbling retreat", the participle tagged a noun
        or token.dep_ in {"amod", "compound"}
        and lower.endswith("ing")
    ) and lex.has("evaluative_adjectives", lemma):
        if is_predicate(token):
            # "The timing of the deal is notable."
            yield "evaluative_predicate"
        elif not lex.has("descriptive_modifiers", lemma):
            # "a thoughtful proposal" (but "critical compute capacity" describes)
            yield "evaluative_modifier"
    elif (
        token.tag_ == "VBG"
        and lex.has("evaluative_adjectives", lower)
        and (before_its_noun(token) or judges_a_clause(token))
    ):
        # "These are sobering numbers", parsed as "are sobering" with an object;
        # "It is telling that ...", parsed as a verb with a clause.
        yield "evaluative_predicate"
    if (
        token.pos_ == "NOUN"
        and lex.has("evaluative_nouns", lemma)
        and is_predicate(token)
        # "was named a city landmark in 1987" is a designation, not a judgement
        and not (token.dep_ == "oprd" and token.head.lemma_ in DESIGNATING_VERBS)
    ):
        # "The ruling is a landmark." / "The slowdown is a warning sign."
        yield "evaluative_predicate"
    if token.dep_ == "amod" and lex.has("size_adjectives", lemma):
        # "The bill is a massive giveaway to landlords."
        yield "intensifier"
    if is_intensifier(token, lex):
        # "The rollout was deeply flawed."
        yield "intensifier"
    if lex.has("framing_verbs", lemma) and is_framing(token, lex):
        # "This partnership signals a strategic shift for Elon Musk."
        yield "framing_verb"
    if token.pos_ in {"ADV", "INTJ"} and lex.has("stance_adverbs", lower):
        # "It is arguably the boldest bet in the industry."
        yield "stance_adverb"
        if (
            token.i == token.sent.start
            and token.i + 1 < token.sent.end
            and token.nbor().text == ","
        ) or lex.has("comment_adverbs", lower):
            # "Arguably, the university acted only after ...", "$74 million is
            # arguably modest": a comment on the whole sentence, which no
            # report makes
            yield "sentence_comment"
    if is_hedge(token, lex):
        # "The company appears to be pivoting."
        yield "hedge"
        if (
            token.i == token.sent.start
            and token.pos_ == "ADV"
            and token.head.dep_ == "ROOT"
            and not (token.i + 1 < token.sent.end and token.nbor().like_num)
        ):
            # "Perhaps the board had little choice": a guess at the whole sentence
            # (but "Perhaps 200 people came" only rounds a number)
            yield "sentence_comment"
    if token.tag_ == "MD" and lex.has("speculative_modals", lemma):
        # "The deal could reshape the market."
        yield "speculation"
    if is_prescription(token, lex):
        # "The board must change course."
        yield "prescription"
        if is_perfect(token.head):
            # "The county should have acted sooner": the writer's verdict on
            # what was done, however many facts it holds
            yield "writer_belief"
    if token.pos_ == "VERB" and lex.has("verdict_verbs", lemma):
        # "The department deserves credit", "Residents deserve better"
        yield "writer_belief"
    if is_writer(token, lex):
        # "I believe the plan will fail." / "We are sleepwalking into a crisis."
        yield "first_person"
        if token.dep_ == "nsubj" and (
            lex.has("belief_verbs", token.head.lemma_.lower()) or writer_not_narrating(token)
        ):
            # "We doubt that 120 new hires will be enough", "We will be at the
            # gate on November 30": the writer's own view or intent, however
            # many figures it weighs
            yield "writer_belief"
    if lower == "few" and token.i == token.sent.start and generalises(token.head):
        # "Few households will take much comfort from ...": the writer's guess
        # about people at large (but "Few details were released" reports)
        yield "writer_belief"
    if (
        token.dep_ == "nsubj"
        and lower in {"anyone", "anybody", "everyone", "everybody"}
        and token.head.lemma_ in {"know", "understand", "see", "recognize", "recognise"}
        and (token.head.tag_ == "VBZ" or any(c.tag_ == "MD" for c in token.head.children))
    ):
        # "Anyone who has driven the pass knows ..." / "... will understand why":
        # the writer's appeal to what all know, however many facts it holds
        yield "writer_belief"
    if (
        token.pos_ == "PRON"
        and lex.has("second_person", lower)
        and token.ent_type_ not in NAME_ENTITIES
    ):
        # "You would be forgiven for missing the fine print."
        yield "reader_address"
    if is_superlative(token, lex):
        # "It is the smartest move the firm has made."
        yield "superlative"
    if lex.has("absolutes", lower) and token.pos_ in {"ADV", "PRON", "DET", "NOUN"}:
        # "Nobody wants higher fees."
        yield "absolute"
    if (
        lex.has("minimizers", lower)
        and token.dep_ in {"advmod", "amod"}
        and not next_is_number(token)
    ):
        # "The merger was merely a rebranding." (but "only 20 percent" is a figure)
        yield "minimizer"
    if token.dep_ == "neg" and is_contrast(token):
        # "The delay is not an accident but a strategy."
        yield "argument_marker"
    if is_sentiment_word(token, lex):
        # "The festival has lost the scrappy charm that made it worth the trip."
        yield "sentiment_word"
    if (
        token.is_upper
        and len(token) > 2
        and token.is_alpha
        and not token.ent_type_
        and lex.has("emphasis_words", lower)
    ):
        # "The plan does NOT cut costs." (but "the FDA" is a name)
        yield "emphasis"


def finds_a_state(token: Token) -> bool:
    """Tell whether an adjective is what someone else found ("found nothing wrong")."""
    verb = token.head.head if token.head.lower_ in INDEFINITE_PRONOUNS else token.head
    if verb.lemma_ != "find" or verb.i > token.i:
        return False
    # "checked the ride and found ...": the subject is the first verb's
    finder = subjects(verb) or (subjects(verb.head) if verb.dep_ == "conj" else [])
    return bool(finder) and all(s.lower_ not in WRITER_AND_READER for s in finder)


def share_name_heads(docs: Iterable[Doc]) -> None:
    """Let every parsed block of an article know the article's names.

    "The fair board" three paragraphs after "the Ambrey County Fair" is in
    another block, which spaCy parsed as another Doc.
    """
    docs = list(docs)
    heads = frozenset().union(*(own_name_heads(doc) for doc in docs))
    for doc in docs:
        doc.user_data[NAME_HEADS] = heads


def name_heads(doc: Doc) -> frozenset[str]:
    """Return the last words of the article's names of several words ("Fair")."""
    if NAME_HEADS not in doc.user_data:
        doc.user_data[NAME_HEADS] = own_name_heads(doc)
    return doc.user_data[NAME_HEADS]


def own_name_heads(doc: Doc) -> frozenset[str]:
    """Return the last words of one Doc's names of several words, but people's."""
    return frozenset(
        ent[-1].lower_
        for ent in doc.ents
        if ent.label_ in NAME_ENTITIES - {"PERSON"} and len(ent) > 1 and ent[-1].is_title
    )


def is_loaded(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a word judges wherever it stands ("fiasco", "recklessly")."""
    if token.ent_type_ in NAME_ENTITIES:
        return False  # part of a name: "the Brilliant Minds Foundation"
    lemma, lower = token.lemma_.lower(), token.lower_
    if token.pos_ == "ADV" and lower.endswith("ly"):
        # "The board recklessly ignored the warnings." (from "reckless")
        bases = adjective_bases(lower)
        return any(lex.has("loaded_adjectives", base) for base in bases)
    if token.pos_ == "ADJ" or token.tag_ in {"VBN", "VBG"}:
        # "an unhinged rant"; the tagger also calls a noun such as "nonsense"
        # an adjective when it stands alone after "is".
        if (
            lex.has("loaded_adjectives", lower)
            or lex.has("loaded_adjectives", lemma)
            or lex.has("loaded_nouns", lower)
        ):
            return True
    if token.pos_ in {"NOUN", "PROPN"}:
        return lex.has("loaded_nouns", lemma) or lex.has("loaded_nouns", lower)
    # "The agency squandered the grant." (but not "lies" in "what lies ahead",
    # which is no noun)
    return token.pos_ == "VERB" and lex.has("loaded_verbs", lemma)


def is_sentiment_word(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a word praises or condemns in a general sentiment lexicon.

    It widens the hand-made lists to words they miss ("dazzling", "joy"); the
    words a report of events needs ("killed", "crisis", "win") do not count.
    """
    if token.pos_ not in SENTIMENT_POS or token.ent_type_ in NAME_ENTITIES:
        return False
    if measures_a_participle(token):
        return False
    lemma, lower = token.lemma_.lower(), token.lower_
    if lex.has("neutral_in_news", lemma) or lex.has("neutral_in_news", lower):
        return False
    valences = sentiment_valences()
    valence = valences.get(lower, valences.get(lemma, 0.0))
    return abs(valence) >= SENTIMENT_MIN


@lru_cache(maxsize=1)
def sentiment_valences() -> dict[str, float]:
    """Return VADER's word valences, read once from the installed package.

    The lexicon (C.J. Hutto, MIT licence) ships with ``vaderSentiment``;
    copydesk reads it from there and copies none of it. Emoticons and slang
    abbreviations are skipped: only plain words are kept.
    """
    path = importlib.resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    valences: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        if word.replace("-", "").isalpha() and rest:
            valences[word.lower()] = float(rest.split("\t", 1)[0])
    return valences


def adjective_bases(adverb: str) -> tuple[str, ...]:
    """Return the adjectives an "-ly" adverb may come from ("laughably")."""
    stem = adverb[:-2]
    bases = [stem]
    if stem.endswith("i"):
        bases.append(stem[:-1] + "y")  # "angrily" -> "angry"
    if stem.endswith(("b", "l")):
        bases.append(stem + "e")  # "laughably" -> "laughable", "subtly" -> "subtle"
    if stem.endswith("al"):
        bases.append(stem[:-2])  # "cynically" -> "cynic"
    return tuple(bases)


def is_predicate(token: Token) -> bool:
    """Tell whether an adjective is said of something rather than modifying it."""
    if token.dep_ in PREDICATE_DEPS:
        return True  # "The timing is notable."
    if token.dep_ in {"amod", "compound"} and token.head.dep_ in PREDICATE_DEPS:
        return True  # "The merger is a good sign." / "It is a warning sign."
    if token.dep_ == "conj":
        return is_predicate(token.head)  # "The plan is cheap and sensible."
    return token.dep_ == "ROOT" and any(c.lemma_ == "be" for c in token.children)


def before_its_noun(participle: Token) -> bool:
    """Tell whether a participle after "be" is an adjective its object follows."""
    return (
        participle.i + 1 < len(participle.doc)
        and participle.nbor().dep_ == "dobj"
        and participle.nbor().pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in participle.children)
    )


def is_framing(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a framing verb has a thing, not a speaker, as its subject."""
    if token.tag_ == "VBG":
        return False  # "the tests were proving to be accurate" reports a result
    if token.pos_ == "NOUN":
        if verb_read_as_noun(token):
            return True
    elif token.pos_ != "VERB" or token.dep_ == "relcl":
        return False  # "the guild, which represents 2,000 workers" describes
    elif any(t.like_num for c in token.children if c.dep_ == "dobj" for t in c.subtree):
        return False  # "The price represents a premium of 38%" is a figure
    if has_fact_subject(token):
        return True
    found = subjects(token) or (subjects(token.head) if token.dep_ == "conj" else [])
    if not found and introduces_clause(token):
        # "The size of the round signals that ..." and "The vote signals that
        # ...", parsed without a subject: the noun just before it is one.
        found = [token.nbor(-1)]
    if not found and token.tag_ == "VBZ" and token.sent.root.pos_ in {"NOUN", "PROPN"}:
        # "A cracked blade at one of the city's busiest junctions signals a
        # ...", parsed with no verb at all: the root noun is its subject.
        found = [token.sent.root]
    return bool(found) and not any(frames_as_speaker(s, token, lex) for s in found)


def verb_read_as_noun(token: Token) -> bool:
    """Tell whether a plural noun is a verb the tagger misread: at the root with
    a "that" clause ("The signing signals that ..."), or opening "that" in a
    sentence left with no verb at its root ("The size of the investment signals
    that Harrowgate expects ...")."""
    if token.tag_ != "NNS":
        return False
    rooted = token.dep_ == "ROOT" and any(
        g.lower_ == "that" for c in token.children for g in c.children
    )
    return rooted or (
        token.sent.root.pos_ in {"NOUN", "PROPN"}
        and token.i + 1 < token.sent.end
        and token.nbor().lower_ == "that"
    )


def judges_a_clause(token: Token) -> bool:
    """Tell whether a participle judges the "that" clause after "it is":
    "It is telling that the board moved only then" (parsed as a verb)."""
    children = list(token.children)
    return (
        any(c.dep_ == "nsubj" and c.lower_ == "it" for c in children)
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in children)
        and any(
            c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            for c in children
        )
    )


def has_fact_subject(verb: Token) -> bool:
    """Tell whether a verb's subject is a "that" clause opening the sentence:
    "That the company settled at all suggests ..." (the parser may take the
    clause's own subject for the verb's)."""
    return any(
        c.dep_ == "mark" and c.lower_ == "that" and c.i == verb.sent.start for c in verb.children
    )


def introduces_clause(token: Token) -> bool:
    """Tell whether a third-person verb form directly opens a "that" clause."""
    return (
        token.tag_ in {"VBZ", "NNS"}
        and 0 < token.i < len(token.doc) - 1
        and token.nbor(-1).pos_ in {"NOUN", "PROPN", "ADJ"}
        and token.nbor().lower_ == "that"
        and token.nbor().tag_ == "IN"
    )


def frames_as_speaker(subject: Token, verb: Token, lex: OpinionCues) -> bool:
    """Tell whether the subject of a framing verb is someone it reports.

    "Analysts suggest ..." and "The report suggests ..." report; "That record
    suggests ..." (a thing the article has just told of) and "The order
    signals that ..." (a document cannot signal) are the writer's inference.
    """
    if not is_speaker(subject, lex):
        return False
    if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in subject.children):
        return False
    lemma, verb_lemma = subject.lemma_.lower(), verb.lemma_.lower()
    if lex.has("records", lemma):
        return lex.has("record_verbs", verb_lemma)
    return not lex.has("documents", lemma) or lex.has("document_verbs", verb_lemma)


def is_intensifier(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a word heightens an adjective or adverb ("deeply", "sheer")."""
    if not lex.has("intensifiers", token.lower_):
        return False
    following = token.nbor() if token.i + 1 < len(token.doc) else token
    if token.dep_ == "advmod":
        # "so far", "far more", "too many", "and so on" measure or list.
        return (
            token.head.pos_ in {"ADJ", "ADV"}
            and following.lower_ != "on"
            and not (
                lex.has("quantity_words", token.head.lower_)
                or lex.has("quantity_words", following.lower_)
            )
        )
    if following.lower_ in {"as", "and"}:
        return False  # "such as", "such and such"
    # "It was sheer luck." / "Such a waste."
    return token.dep_ in {"amod", "predet", "nsubj"} and token.pos_ in {"ADJ", "DET"}


def is_hedge(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a word hedges the claim ("seems", "appears to", "perhaps")."""
    if token.pos_ in {"VERB", "AUX"} and lex.has("hedge_verbs", token.lemma_.lower()):
        # "The firm seems keen." / "It seems like a trap." / "It appears that ..."
        # (but "She appeared in court" is a fact)
        deps = {"xcomp", "ccomp", "acomp", "attr", "oprd"}
        if token.dep_ == "parataxis" and any(c.lower_ == "it" for c in token.children):
            return True  # "Owners, it seems, will be left waiting."
        if token.lemma_ == "look":
            # "Neither side looks ready", "looks like a trap" (but "looks to
            # expand" aims, and "police are looking into it" investigate)
            return any(
                c.dep_ in {"acomp", "attr", "oprd"} or c.lower_ == "like" for c in token.subtree
            )
        return any(
            c.dep_ in deps or c.dep_ == "prep" and token.lemma_ == "seem" for c in token.children
        )
    return (
        token.pos_ in {"ADV", "ADJ"}
        and lex.has("hedge_words", token.lower_)
        and token.dep_ in {"advmod", "acomp", "amod"}
    )


def is_prescription(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a word prescribes ("the board must act", "we need to act")."""
    if token.pos_ == "VERB" and token.lemma_ == "need":
        # "Regulators need to act now." (but "The deal still needs to be
        # approved" states a step)
        return any(
            c.dep_ == "xcomp" and all(g.dep_ != "auxpass" for g in c.children)
            for c in token.children
        )
    if token.tag_ != "MD" or not lex.has("prescriptive_modals", token.lemma_.lower()):
        return False
    verb = token.head
    # "The council decides what should be built" describes; it does not prescribe.
    return verb.dep_ in {"ROOT", "conj", "ccomp"} and not any(
        c.tag_ in {"WP", "WDT", "WRB"} for c in verb.children
    )


def is_writer(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a first-person word is the writer arguing, not reporting."""
    lower = token.lower_
    if token.pos_ != "PRON" or not lex.has("first_person", lower):
        return False
    if (
        token.ent_type_ in NAME_ENTITIES
        or token.text == "US"
        or (token.is_title and token.i != token.sent.start)
    ):
        return False  # a name, "Save Our Parks", or the country, "the US"
    if lower not in FIRST_SINGULAR:
        return True  # "We are sleepwalking into a crisis."
    # "I believe the plan will fail" argues; "I asked the minister" reports.
    verb = token.head
    return lex.has("opinion_verbs", verb.lemma_.lower()) or verb.lemma_ == "be"


def generalises(subject: Token) -> bool:
    """Tell whether a plural subject's verb speaks of now or next, not of an event."""
    verb = subject.head
    return (
        subject.dep_ == "nsubj"
        and subject.tag_ == "NNS"
        and verb.tag_ in {"VB", "VBP", "VBZ"}
        and not is_perfect(verb)
    )


def writer_not_narrating(token: Token) -> bool:
    """Tell whether "we" speaks of now or next, not of what the paper did.

    "We will be watching" and "We are not convinced" are the writer's stance;
    "We reviewed 1,200 records" reports the newsroom's own work.
    """
    verb = token.head
    return token.lower_ == "we" and verb.tag_ != "VBD" and not is_perfect(verb)


def is_perfect(verb: Token) -> bool:
    """Tell whether a verb is in a perfect tense: "have acted", "has stopped"."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def is_superlative(token: Token, lex: OpinionCues) -> bool:
    """Tell whether a word is an evaluative superlative ("the smartest move")."""
    if measures_a_participle(token):
        return False
    if token.tag_ in {"JJS", "RBS"} and token.lower_ not in {"most", "least"}:
        return not lex.has("factual_superlatives", token.lower_)  # not "the largest"
    if token.lower_ in {"most", "least"} and token.dep_ == "advmod":
        # "the most reckless plan" (but not "the most recent figures")
        return token.head.pos_ in {"ADJ", "ADV"} and not lex.has(
            "factual_superlatives", token.head.lower_
        )
    return False


def measures_a_participle(token: Token) -> bool:
    """Tell whether a word ranks by a measure: "the best-selling beer", "the
    worst-hit towns" count sales and damage rather than judge."""
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].tag_ in {"VBG", "VBN"}
        and token.head.i == token.i + 2
    )


def is_contrast(neg: Token) -> bool:
    """Tell whether a negation opens a "not X but Y" correction."""
    for token in neg.doc[neg.i + 1 : min(neg.i + 12, neg.sent.end)]:
        if token.text in CLAUSE_ENDS:
            return False
        if token.lower_ == "but" and token.dep_ == "cc":
            return True
    return False


def next_is_number(token: Token) -> bool:
    """Tell whether the next token is a number ("only 20 percent")."""
    return token.i + 1 < len(token.doc) and token.nbor().like_num


# --- cues carried by phrases and by the whole sentence ---------------------------


def phrase_cues(sent: SpacySpan, lex: OpinionCues) -> Iterator[Cue]:
    """Yield the cues that multi-word entries of the lists carry."""
    lowered = sent.text.lower().replace("’", "'")
    for name, family in PHRASE_FAMILIES.items():
        pattern = phrase_pattern(tuple(lex.phrases.get(name, ())))
        if pattern is None:
            continue
        for match in pattern.finditer(lowered):
            span = sent.char_span(*match.span(), alignment_mode="expand")
            if span is not None:
                # "Of course, the plan will cost more." / "It remains to be seen."
                yield Cue(family, span.text, span.start)


@lru_cache(maxsize=64)
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Return one regular expression for a list of phrases, longest first (built once)."""
    if not phrases:
        return None
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def sentence_cues(sent: SpacySpan, lex: OpinionCues) -> Iterator[Cue]:
    """Yield the cues of the sentence as a whole: its mood and its anchors."""
    for token in sent:
        if token.text == "!":
            # "What a waste of money!"
            yield Cue("exclamation", "!", token.i)
    for sub in sentences_in(sent):
        yield from mood_cues(sub)
        yield from open_question_cues(sub)
        yield from contrast_cues(sub)
        yield from characterisation_cues(sub, lex)
        yield from yardstick_cues(sub)
    yield from anchor_cues(sent)


def characterisation_cues(sub: SpacySpan, lex: OpinionCues) -> Iterator[Cue]:
    """Yield the writer's name for what the article has just told.

    "That is a very large bet", "Those are disastrous numbers": a demonstrative
    subject, "be", and a noun the writer weighs ("That is a 12% rise" counts,
    and "That is a small town" describes).  Any plain adjective weighs when the
    noun is measured against a kind of thing: "That is a long spring for a town
    at the end of a detour", "It is a steep increase for a university".
    """
    root = sub.root
    pronouns = {c.lower_ for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PRON"}
    if root.lemma_ != "be" or not pronouns & (DEMONSTRATIVES | {"it"}):
        return
    demonstrative = bool(pronouns & DEMONSTRATIVES)
    for attr in (c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
        # "It is a tidy figure, but savings rarely survive ...": a name for what
        # was just told, then the writer's "but" or "and"
        after = attr.i + 2 < sub.end and sub.doc[attr.i + 1].text == ","
        conceded = after and sub.doc[attr.i + 2].lower_ in {"but", "and", "yet"}
        measured = against_a_kind(attr)
        weighed = [
            c
            for c in attr.children
            if c.dep_ == "amod"
            and (
                demonstrative
                and (
                    lex.has("evaluative_adjectives", c.lemma_.lower())
                    or is_sentiment_word(c, lex)
                    or any(is_intensifier(a, lex) for a in c.children)
                )
                or (measured or conceded)
                and c.tag_ == "JJ"  # not "the largest", "a bigger"
                and not lex.has("plain_adjectives", c.lemma_.lower())
            )
        ]
        if weighed:
            yield Cue("evaluative_predicate", weighed[0].text, weighed[0].i)


def yardstick_cues(sub: SpacySpan) -> Iterator[Cue]:
    """Yield the writer measuring the news against a kind of thing.

    "For a town that lost its biggest employer, this is the best news in years":
    an opening "For a ..." phrase sets the yardstick of a verdict. A figure
    after it makes it a report ("For a family of four, the bill is $400 a year").
    """
    words = [t for t in sub if not (t.is_space or t.is_punct and t.text in "\"“‘'")]
    if not words or words[0].lower_ != "for" or words[0].head != sub.root:
        return
    opener = words[0]
    if not any(
        c.dep_ == "pobj"
        and any(d.lower_ in {"a", "an"} and d.dep_ == "det" for d in c.children)
        # "For a second year, ...", "For a while, ..." say when
        and c.ent_type_ not in DATE_ENTITIES
        and c.lemma_ not in {"time", "while", "moment"}
        for c in opener.children
    ):
        return
    end = opener.right_edge.i + 1
    if end >= sub.end or sub.doc[end].text != ",":
        return
    if any(e.label_ in NUMBER_ENTITIES and e.start > end for e in sub.ents):
        return
    yield Cue("sentence_comment", sub.doc[opener.i : end].text, opener.i)


def against_a_kind(noun: Token) -> bool:
    """Tell whether a noun is measured against a kind of thing: "for a town"."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "for"
        and any(
            obj.dep_ == "pobj" and any(d.lower_ in {"a", "an"} for d in obj.children)
            for obj in prep.children
        )
        for prep in noun.children
    )


def sentences_in(span: SpacySpan) -> Iterator[SpacySpan]:
    """Yield the parser's sentences inside a span (a benchmark item may hold two)."""
    doc = span.doc
    for sent in span.sents:
        yield doc[max(sent.start, span.start) : min(sent.end, span.end)]


def mood_cues(sub: SpacySpan) -> Iterator[Cue]:
    """Yield questions and imperatives: the writer turning to the reader."""
    kept = [t for t in sub if not (t.is_space or is_marker(t))]
    words = [t for t in kept if not t.is_punct]
    if not words:
        return
    ending = kept[-1]
    if ending.text == "?":
        # "Who could possibly object?" asks nothing; "Why did prices rise?" may
        # only announce the answer, so it counts for less.
        rhetorical = any(
            t.tag_ == "MD" or t.dep_ == "neg" or t.lower_ in QUESTION_WORDS for t in words
        )
        yield Cue("rhetorical_question" if rhetorical else "question", "?", ending.i)
    # "Just consider the cost." / "Now look at the bill."
    leading = words[0].lower_ in LEADING_WORDS and len(words) > 1
    first = words[1] if leading else words[0]
    root = sub.root
    if (
        root.tag_ == "VB"
        and root.i == first.i
        and not subjects(root)
        and not any(c.dep_ in {"aux", "auxpass"} for c in root.children)
    ):
        # "Consider the cost of the delay."
        yield Cue("reader_address", root.text, root.i)


def open_question_cues(sub: SpacySpan) -> Iterator[Cue]:
    """Yield a question the writer leaves open: "Whether the farms can ride out
    a blow of this size is an open question", "... is another matter"."""
    root = sub.root
    if root.lemma_ not in {"be", "remain"}:
        return
    for clause in (c for c in root.children if c.dep_ == "csubj"):
        mark = next((c for c in clause.children if c.dep_ == "mark"), None)
        if mark is not None and mark.lower_ == "whether":
            yield Cue("writer_belief", mark.text, mark.i)


# The words a contrast repeats on both sides: "less about X than about Y".
CONTRASTED = {"about", "on", "a", "an", "the", "in", "for", "with", "of"}


def contrast_cues(sub: SpacySpan) -> Iterator[Cue]:
    """Yield the writer's "less X than Y": "the vote felt less like a decision
    than a formality", "less about patients than about bargaining power" (but
    not "earn 9% less on average than those in neighboring districts")."""
    words = [t for t in sub if not t.is_space]
    for k, token in enumerate(words[:-1]):
        if token.lower_ not in {"less", "more"} or (k and words[k - 1].like_num):
            continue
        after = words[k + 1]
        # "less like a punishment than a license fee": the "a" after "like"
        first = words[k + 2] if after.lower_ == "like" and k + 2 < len(words) else after
        if first.lower_ not in CONTRASTED:
            continue
        than = next((j for j in range(k + 2, len(words) - 1) if words[j].lower_ == "than"), None)
        if than is not None and words[than + 1].lower_ == first.lower_:
            yield Cue("writer_belief", token.text, token.i)
            return


def anchor_cues(sent: SpacySpan) -> Iterator[Cue]:
    """Yield the marks of a report: figures, dates and a narrative past tense.

    A citation marker is not one: "The timing of the deal is notable [1]" is
    still the writer's judgement.
    """
    for ent in sent.ents:
        # "the one thing", "in those days" and "for decades" are not the exact
        # figures and dates of a report.
        exact = any(
            t.is_digit
            or t.like_num
            and any(c.isdigit() for c in t.text)
            or t.lower_ in MONTHS_AND_DAYS
            for t in ent
        )
        if ent.label_ in NUMBER_ENTITIES and (exact or ent.label_ != "CARDINAL"):
            # "The company paid $9,500 in fines."
            yield Cue("figure", ent.text, ent.start)
        elif ent.label_ in DATE_ENTITIES and exact and not is_kind_of_month(ent):
            # "He resigned in 2019."
            yield Cue("date", ent.text, ent.start)
    for sub in sentences_in(sent):
        root = sub.root
        if (
            root.tag_ == "VBD"
            and root.lemma_ != "be"
            and not any(c.tag_ == "MD" for c in root.children)
            and not is_loaded(root, lexicon().opinion)
        ):
            # "The board approved the plan." (but "The plan was a mistake" and
            # "His objection deserved a fuller answer" judge)
            yield Cue("past_narrative", root.text, root.i)


def scare_quotes(sent: SpacySpan, lex: OpinionCues, quoted: set[int]) -> Iterator[Cue]:
    """Yield short quoted words the writer keeps at a distance.

    "The firm’s “savings” never arrived" holds a scare quote; "the phrase
    “net zero”" and "a rocket dubbed “Starship”" only mention words.
    """
    doc = sent.doc
    if any(
        lex.has("reporting_verbs", t.lemma_.lower()) and t.pos_ == "VERB"
        for t in sent
        if t.i not in quoted
    ):
        return  # "The union complained of “unsafe staffing”": a partial quotation
    runs: list[list[int]] = []
    for i in sorted(quoted):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        inner = [doc[i] for i in run if not doc[i].is_punct]
        if not inner or len(inner) > 3 or any(t.pos_ in {"VERB", "AUX"} for t in inner):
            continue  # a quotation of a whole saying, not of a word
        if run[0] <= sent.start + 1 and run[-1] >= sent.end - 2:
            continue  # the whole sentence is a quotation
        before = doc[max(sent.start, run[0] - 5) : run[0]]
        if any(lex.has("mention_words", t.lemma_.lower()) for t in before):
            continue  # "the phrase “net zero”", "in the words of an aide, “...”"
        if len(inner) > 1 and all(t.is_title for t in inner):
            continue  # a title: “Made in America”
        yield Cue("scare_quote", doc[run[0] : run[-1] + 1].text, run[0])
