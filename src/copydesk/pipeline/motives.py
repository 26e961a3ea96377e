"""Why a sentence says something was done: its purpose and reason clauses.

"to scale its Claude AI models", "in order to ...", "because ...", "as part
of an effort to ...", read from spaCy's parse; an infinitive that only says
what is done, tried or asked for ("agreed to pay", "a deal to lease") is no
motive.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# "a deal to lease", "a willingness to support": the infinitive is what the
# noun or verb is about, not the purpose of the sentence.
CONTENT_HEADS = {
    "deal",
    "agreement",
    "contract",
    "pact",
    "plan",
    "decision",
    "willingness",
    "need",
    "ability",
    "right",
    "attempt",
    "offer",
    "promise",
    "pledge",
    "commitment",
    "intention",
    "chance",
    "opportunity",
    "way",
    "order",
    "permission",
    "approval",
    "vote",
    "bid",
    "proposal",
    "license",
    "licence",
    "time",
    "sign",
    "agree",
    "decide",
    "want",
    "hope",
    "expect",
    "continue",
    "begin",
    "start",
    "try",
    "fail",
    "refuse",
    "threaten",
    "seem",
    "appear",
    "have",
    "going",
    "able",
    "likely",
    "set",
    "due",
    "expected",
    "poised",
    "move",
    "vow",
    "announce",
    "say",
    "ask",
    "tell",
    "urge",
    "intend",
    "choose",
    "seek",
    "manage",
    "prepare",
    "decline",
    "remain",
    "schedule",
    "enough",
    "too",
}
# "is intended to reduce class sizes", "was needed to protect storage": purpose
# (but "is designed to produce 24,000 tons a year" says what it can do).
PURPOSE_PARTICIPLES = {"intend", "need", "mean", "aim", "use", "plan"}
# Verbs whose infinitive says what is done, tried or asked for, not why.
CONTROL_VERBS = {
    "struggle", "learn", "like", "love", "want", "try", "fail", "manage", "agree", "decide",
    "refuse", "continue", "begin", "start", "hope", "promise", "threaten", "expect", "seem",
    "appear", "tend", "choose", "vote", "plan", "intend", "seek", "attempt", "offer",
    "pledge", "vow", "prefer", "hate", "need", "afford", "deserve", "dare", "wait", "hesitate",
    "neglect", "forget", "bother",
}  # fmt: skip
# Verbs that tell or engage someone to do something: "orders QuickRide to pay",
# "hire Haldane Marine Works to restore the canal".
ORDER_VERBS = {
    "order", "require", "ask", "force", "urge", "tell", "compel", "direct", "press",
    "pressure", "push", "encourage", "persuade", "lobby", "hire", "contract", "commission",
    "appoint", "engage", "employ", "invite", "recruit", "select", "choose", "pick", "pay",
    "warn", "advise", "remind", "instruct", "clear", "certify",
}  # fmt: skip
# "is entitled to run", "was allowed to stay", "cleared to keep running": what
# one may or must do; "is designed to produce": what a thing can do.
PASSIVE_CONTROL = {
    "entitle", "oblige", "allow", "permit", "authorize", "authorise", "empower", "suppose",
    "forbid", "bar", "prohibit", "instruct", "elect", "schedule", "design", "clear",
    "license", "licence", "certify", "qualify",
}  # fmt: skip
# "pays $86,000 a year to maintain it", "spending $45 million to expand the
# terminal": what the money buys, not why.
SPENDING_VERBS = {"pay", "spend", "invest", "cost"}
# "whether to keep the company", "how to pay for it": a question, not a purpose.
QUESTION_WORDS = {"whether", "how", "what", "where", "which", "who"}
# Verbs that grant time: "has given Quillhaven until June 26 to explain".
GRANTING_VERBS = {"give", "grant", "allow"}
# Who may be told to act: "requires utilities to buy 5 gigawatts".
AGENT_NOUNS = {
    "company", "firm", "utility", "city", "county", "state", "agency", "council", "district",
    "operator", "developer", "employer", "manufacturer", "hospital", "school", "university",
    "airline", "bank", "landlord", "owner", "driver", "resident", "student", "worker",
    "board", "commission", "committee", "government", "authority", "regulator", "department",
    "ministry", "union", "consumer", "customer", "shopper", "passenger", "patient", "tenant",
    "parent", "family", "member", "contractor", "vendor", "supplier", "retailer",
}  # fmt: skip
# Nouns of time an infinitive can complete: "60 days to comply" is no purpose.
TIME_NOUNS = {"day", "week", "month", "year", "hour", "minute", "time", "deadline"}
ENABLING_VERBS = {"allow", "enable", "help", "let", "permit"}
GOAL_NOUNS = {
    "priority",
    "goal",
    "aim",
    "objective",
    "purpose",
    "intention",
    "mission",
    "strategy",
    "motive",
    "reason",
}
MOTIVE_PHRASES = re.compile(
    r"\b(?:in order to|so as to|so that|(?:as )?part of (?:an|its|a|their|his|her) "
    r"(?:effort|push|drive|bid|plan|strategy) to|in an effort to|in a bid to|"
    r"in an attempt to|with the aim of|aimed at|because|due to|owing to)\b[^.;]*",
    re.I,
)


def find_motive(sent: SpacySpan, keep: set[int] | None = None) -> str | None:
    """Return the purpose or reason a sentence gives, as written, or None."""
    candidates: list[tuple[int, str]] = []
    for match in MOTIVE_PHRASES.finditer(sent.text):
        first = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if first is None or first[0].lower_ == "due" and len(first) > 2 and first[2].tag_ == "VB":
            continue  # "is due to open in 2027": when, not why ("due to rain" is why)
        if keep is None or first[0].i in keep:
            candidates.append((match.start(), match.group(0)))
            break
    for token in sent:
        if token.pos_ not in {"VERB", "AUX"} or (keep is not None and token.i not in keep):
            continue
        # (the "to" of "linked to carbon monoxide", tagged a preposition, marks no
        # infinitive, whatever the parser made of "carbon")
        aux_to = [
            c for c in token.children if c.lower_ == "to" and c.dep_ == "aux" and c.tag_ == "TO"
        ]
        if aux_to and is_purpose(token):
            candidates.append((aux_to[0].idx - sent.start_char, clause_text(aux_to[0], token)))
        elif token.tag_ == "VBG" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in GOAL_NOUNS
            for c in (*token.children, *token.head.children)
        ):
            # "his priority is dominating the AI infrastructure layer" (the small
            # model parses the priority as the subject of "dominating")
            candidates.append((token.idx - sent.start_char, clause_text(token, token)))
    if not candidates:
        return None
    text = min(candidates)[1]
    text = re.sub(r"\s*\[[^\]]*\]", "", text)
    return " ".join(text.split()).rstrip(" ,.;:") or None


def is_clause_of_purpose(motive: str) -> bool:
    """Return whether a motive is a purpose or reason clause ("to ...", "so that
    ...", "because ..."), not a goal the sentence states ("his priority is X")."""
    return motive.startswith("to ") or MOTIVE_PHRASES.match(motive) is not None


def is_purpose(verb: Token) -> bool:
    """Tell whether an infinitive is a purpose ("to attract investors")."""
    head = verb.head
    if verb.tag_ != "VB" or verb.ent_type_ in {"ORG", "PERSON", "GPE", "FAC"}:
        return False  # "to sell the resort to Cairnridge Partners LLC": a name, not a verb
    if verb.dep_ == "ccomp" and head.lemma_.lower() in ENABLING_VERBS:
        return True  # "The deal allows Anthropic to expand its processing power"
    if verb.dep_ not in {"advcl", "acl", "xcomp", "relcl"}:
        return False
    if any(c.lower_ in QUESTION_WORDS for c in verb.lefts):
        return False
    if head.lemma_.lower() in GRANTING_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "until" for c in head.children
    ):
        return False  # a deadline and what is due by it, not a purpose
    if head.tag_ == "VBN" and head.lemma_.lower() in PURPOSE_PARTICIPLES:
        return True
    if verb.dep_ == "xcomp" and head.lemma_.lower() in CONTROL_VERBS:
        return False  # "struggled to fill their planes": what is done, not why
    if head.lemma_ == "take" and any(
        c.dep_ == "dobj" and (c.ent_type_ == "DATE" or c.lemma_.lower() in TIME_NOUNS)
        for c in head.children
    ):
        return False  # "may take months to clear": how long, not why
    if (
        verb.n_lefts + verb.n_rights == 1
        and verb.i + 1 < len(verb.doc)
        and verb.nbor().lower_ == "to"
    ):
        return False  # "swung the ship hard to starboard to avoid ...": a direction
    if verb.i >= 2 and verb.doc[verb.i - 2].lower_ == verb.lower_:
        return False  # "went door to door", "from day to day"
    passive = any(c.dep_ == "auxpass" for c in head.children) or (
        # "were inspected and cleared to keep running": the passive of the first verb
        head.dep_ == "conj"
        and head.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in head.head.children)
    )
    if verb.dep_ == "xcomp" and head.lemma_.lower() in ORDER_VERBS | PASSIVE_CONTROL and passive:
        return False  # "is entitled to run a business", "was forced to close": no why
    if head.lemma_.lower() in ORDER_VERBS and any(
        c.dep_ == "dobj" and is_agent(c) and (verb.dep_ == "xcomp" or c.right_edge.i + 2 == verb.i)
        for c in head.children
    ):
        # "orders QuickRide to pay", "requires the company to confirm" say what
        # someone must do (but "requires strong partnerships to attract
        # investors" may say what for); the parser may hang "press Grayhaven to
        # keep the line" on the verb as a clause of its own.
        return False
    if (
        head.lemma_.lower() in SPENDING_VERBS
        and any(
            c.dep_ in {"dobj", "dative"}
            and c.ent_type_ == "MONEY"
            # (but "spend $45 million upgrading the port to assemble turbines there"
            # says why the port is upgraded)
            and not any(t.pos_ == "VERB" for t in verb.doc[c.right_edge.i + 1 : verb.i])
            for c in head.children
        )
    ):
        return False
    asked = head.head if head.dep_ == "relcl" and head.head.dep_ == "dobj" else None
    if asked is not None and asked.head.lemma_.lower() in ORDER_VERBS and is_agent(asked):
        # "urged anyone who bought the cheese to throw it out": the parser hangs
        # what was urged on the relative clause
        return False
    if verb.dep_ in {"acl", "relcl"} and (
        head.lemma_.lower() in TIME_NOUNS or head.tag_ in {"JJ", "JJS"}
    ):
        return False  # "60 days to comply", "the first to test the law"
    if head.lemma_.lower() in CONTENT_HEADS or any(
        c.lower_ in {"enough", "too"} for c in head.children
    ):
        return False
    # "signed a deal on May 6, 2026, to lease ..." attaches to the verb but
    # still says what the deal is.
    objects = [c for c in head.children if c.dep_ in {"dobj", "attr"}]
    if any(o.lemma_.lower() in CONTENT_HEADS for o in objects):
        return False
    if verb.dep_ == "xcomp" and head.pos_ in {"ADJ", "AUX"}:
        return False
    return True


def is_agent(noun: Token) -> bool:
    """Tell whether a noun names who acts: a name, a pronoun, a body ("the
    company") or each of a kind ("requires every plow to carry a tracker")."""
    return (
        noun.pos_ in {"PROPN", "PRON"}
        or noun.lemma_.lower() in AGENT_NOUNS
        or any(c.dep_ == "det" and c.lower_ in {"every", "each"} for c in noun.children)
    )


STOP_CHILDREN = {"advcl", "cc", "conj", "punct", "mark", "relcl"}
STOP_PREPS = {"without", "despite", "while", "although", "even", "unless"}


def clause_text(first: Token, verb: Token) -> str:
    """Return the words of a clause from ``first`` up to where an aside begins."""
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ in STOP_CHILDREN or child.lower_ in STOP_PREPS:
            break
        end = child.right_edge.i + 1
    return verb.doc[first.i : end].text
