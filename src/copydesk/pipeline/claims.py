"""Turn sentences into claims: what each states, and whether it is opinion.

Extraction is heuristic; each heuristic carries the sentence that made it
necessary.  The same ``read_facts`` reads article sentences and source
sentences, so that the two are compared like with like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from copydesk.dates import SPAN_BEFORE_DATE, is_kind_of_month, resolve_date
from copydesk.lexicon import Lexicon, lexicon
from copydesk.models import Claim, ClaimKind, Document, Facts, Quantity, Segment, Slots
from copydesk.pipeline.clauses import REPORTING, Clause, Part, split_clauses
from copydesk.pipeline.labels import PARTY_LABELS, agree_labels
from copydesk.pipeline.markers import is_marker
from copydesk.pipeline.motives import find_motive, is_clause_of_purpose
from copydesk.pipeline.names import (
    COMPANY_NOUNS,
    INSTITUTIONS,
    NOT_NAMES,
    ROLE_BODIES,
    TITLES,
    NameBook,
    before_region,
    is_business,
    is_landform,
)
from copydesk.pipeline.opinion import opinion_cue, share_name_heads
from copydesk.pipeline.places import (
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    find_places,
    is_destination,
    is_place,
    is_recipient,
    town_of,
)
from copydesk.quantities import parse_quantity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

NUMBER_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
# A length of time the model tags as a date: "12 months", "three years".
DURATION = re.compile(
    r"(?:about |nearly |almost |more than |at least |up to )?"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|ninety|a hundred)[ -]"
    r"(second|minute|hour|day|week|month|year|decade)s?",
    re.I,
)
# Two amounts the model tags as one: "7% to 10%", "between 40 and 50 percent",
# "$5-$7 million".
RANGE = re.compile(
    r"(?P<left>.*?\d[\d,.]*(?:%|\s*[a-z]+)?)(?:\s+(?:to|and|through)\s+|\s*[-–]\s*(?=[$€£\d]))"
    r"(?P<right>\D{0,3}(?P<number>\d[\d,.]*)(?P<tail>.*))"
)
# A day named by the one before it: "will go on sale the same day", "later that day",
# "ordered the ride shut down that night".
SAME_DAY = re.compile(
    r"(?i)\b(?:the same day|that same day|that day|the same date"
    r"|that (?:night|evening|morning|afternoon))\b"
)
# Radio bands, which the small model tags with a frequency as a name ("97.4 FM").
BANDS = {"fm", "am", "mhz", "khz"}
# Units the small model leaves out of a number or tags as a name ("300 MW").
UNITS = {
    "mw",
    "gw",
    "kw",
    "tw",
    "kwh",
    "mwh",
    "gwh",
    "twh",
    "km",
    "mi",
    "mph",
    "kph",
    "kg",
    "tons",
    "tonnes",
    "acres",
    "hectares",
    "ha",
    "ft",
    "gb",
    "tb",
    "gbps",
    "bpd",
    "barrels",
    "megawatts",
    "gigawatts",
    "kilowatts",
    "miles",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "feet",
    "pounds",
    "liters",
    "litres",
    "gallons",
}
# "It is notable that ...", "It remains to be seen ...": "it" stands for nothing.
EXPLETIVE_HEADS = {
    "be",
    "remain",
    "seem",
    "appear",
    "take",
    "make",
    "look",
    "suggest",
    "signal",
    "show",
    "mean",
}
CONTENT_WORD_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}


def extract_claims(
    document: Document,
    segments: Iterable[Segment],
    aliases: dict[str, str] | None = None,
    known: Iterable[str] = (),
) -> tuple[Claim, ...]:
    """Return the atomic claims of each sentence: its main clause first.

    ``known`` holds the full names in the cited sources, which "the fire
    department" may stand for when the article never names it in full.
    """
    names = NameBook(aliases=dict(aliases or {}), known=tuple(known))
    docs = {id(s.sent.doc): s.sent.doc for s in segments if s.sent is not None}.values()
    agree_labels(docs)
    share_name_heads(docs)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in {"GPE", "LOC"}:
                # for "the county", "towns like New Harrow", even before they are read
                names.note_place(ent.text, met=False)
                if before_region(ent):
                    names.towns.add(ent.text)
    claims: list[Claim] = []
    seen: dict[str, str] = {}
    quarter: str | None = None  # the last quarter named: what "the quarter" means
    day: str | None = None  # the last day named: what "the same day" means
    for segment in segments:
        if segment.sent is None:
            continue
        for ent in segment.sent.ents:
            if ent.label_ in {"GPE", "LOC"}:
                names.note_place(ent.text)
        clauses = split_clauses(segment.sent)
        cited = bool(segment.citations)
        sentence_cue = opinion_cue(segment.sent, cited=cited) or own_question(segment.sent)
        for clause in clauses:
            if len(clauses) == 1:
                text, cue = claim_text(document, segment), sentence_cue
            else:
                text = clause_words(segment.sent, clause, names)
                cue = clause_cue(segment.sent, clause, text, sentence_cue, cited=cited)
                if sentence_cue and not segment.citations and clause.part is Part.MAIN:
                    # The writer's judgement carries the uncited sentence it frames
                    # ("The ruling is a landmark, and it should have come years
                    # ago"); its other clauses stay facts, checked on their own.
                    cue = cue or sentence_cue
            keep = None if len(clauses) == 1 else {*clause.shared, *clause.tokens}
            judged = bool(cue) and not segment.citations
            facts = read_facts(segment.sent, document.published, names, keep=keep, judged=judged)
            if clause.shared:
                own = content_terms(segment.sent, lexicon(), set(clause.tokens))
                facts = replace(facts, own_terms=own)
            elif len(clauses) == 1 and (added := reported_conjunct(segment.sent)) is not None:
                # "said the inquiry would look at X and whether it should move its
                # lines underground": what the second half adds must be stated too
                own = content_terms(segment.sent, lexicon(), {t.i for t in added.subtree})
                facts = replace(facts, own_terms=own)
            if clause.part is Part.RELATIVE:
                for party in reversed(antecedent_parties(segment.sent, clause, names)):
                    facts = with_party(facts, party, first=True)
            if clause.subject is not None and (named := named_subject(segment.sent, clause, names)):
                facts = with_party(facts, named, first=True)
            facts, quarter = the_quarter(segment.sent, facts, quarter)
            facts, day = the_same_day(segment.sent, facts, day)
            if judged:
                # An uncited judgement asserts no event, so it has no date, place or
                # purpose of one: "We suspect patients will remember this week", "Why
                # did it take a fire to ...?", "The board should publish it so that
                # ...". What it is about stays: parties, amounts, the places it names
                # and a goal it ascribes ("his priority is dominating"). A cited one
                # keeps every slot for the source to state.
                motive = facts.slots.motive
                if motive and is_clause_of_purpose(motive):
                    motive = None
                facts = replace(
                    facts, slots=replace(facts.slots, date=None, location=None, motive=motive)
                )
            key = sentence_key(text)
            claim_id = f"c{len(claims) + 1}"
            claims.append(
                Claim(
                    id=claim_id,
                    text=text,
                    span=segment.span,
                    kind=ClaimKind.OPINION if cue else ClaimKind.FACTUAL,
                    facts=facts,
                    citations=segment.citations,
                    opinion_cue=cue,
                    # A pull quote repeats an earlier sentence: the same claim.
                    duplicate_of=seen.get(key) if len(key) > 20 else None,
                    sentence=segment.index,
                    part=clause.part.value,
                )
            )
            seen.setdefault(key, claim_id)
    return tuple(claims)


def is_acting_county(ent: SpacySpan) -> bool:
    """Tell whether a county is the subject of what it does: "Kettlewell County has
    won an $18.4 million grant" (a body, not where things happen)."""
    return (
        ent.label_ == "GPE"
        and ent[-1].lower_ == "county"
        and ent.root.dep_ == "nsubj"
        and ent.root.head.pos_ == "VERB"
    )


def reported_conjunct(sent: SpacySpan) -> Token | None:
    """Return the second verb of what a sentence reports someone said, when it
    has words of its own: "said the inquiry would look at X and whether it
    should move its lines underground" (left whole by the clause splitter)."""
    for verb, _ in reporting_subjects(sent):
        for said in (c for c in verb.children if c.dep_ == "ccomp"):
            for conj in (c for c in said.children if c.dep_ == "conj" and c.pos_ == "VERB"):
                return conj
    return None


def own_question(sent: SpacySpan) -> str | None:
    """Return "?" when the writer asks a question (outside quotation marks).

    NOTE: a question asserts nothing a source could support, so the writer's own
    ("Is a free clinic enough to reverse a decade of complacency?") is framing.
    The opinion detector weighs questions lightly because news data sets label
    many of them objective; copydesk decides here, for its own verdicts.
    """
    words = [t for t in sent if not t.is_space and not is_marker(t)]
    if not words or words[-1].text != "?":
        return None
    quotes = sum(1 for t in words if t.text in {"“", "”", '"'})
    return "?" if quotes == 0 else None


def clause_words(sent: SpacySpan, clause: Clause, names: NameBook) -> str:
    """Return a split-off clause as a sentence that reads on its own."""
    doc = sent.doc
    words = []
    kept = {*clause.shared, *clause.tokens}
    for i in sorted(kept):
        token = doc[i]
        if is_marker(token) or token.is_space:
            continue
        text = token.text
        if i == clause.subject:
            # "even while he remains in opposition" -> "Elon Musk remains ..."
            text = named_subject(sent, clause, names) or text
        # "The office, which ..., will close": the word before a cut keeps a space.
        gap = token.whitespace_ or ("" if i + 1 in kept else " ")
        words.append(text + gap)
    body = " ".join("".join(words).split())
    body = re.sub(r" ([,.;:!?])", r"\1", body).strip(" ,;:—–")
    if clause.prefix:
        prefix = " ".join(clause.prefix.split())
        body = f"{prefix} {body}"
    body = body.rstrip(".") + "."
    return body[:1].upper() + body[1:]


def antecedent_parties(sent: SpacySpan, clause: Clause, names: NameBook) -> tuple[str, ...]:
    """Return the parties a relative clause speaks of through its antecedent:
    "Elon Musk, who ...", "The union, which ..." (the union named earlier);
    "The merged airline, which ..." names none.
    """
    verb = next((sent.doc[i] for i in clause.tokens if sent.doc[i].dep_ == "relcl"), None)
    if verb is None:
        return ()
    head = verb.head
    # The whole antecedent, up to the clause: "The Corran Valley Board of Education, which"
    words = set(range(head.left_edge.i, max(verb.left_edge.i, head.i + 1)))
    ents = [e for e in sent.ents if all(t.i in words for t in e)]
    return find_parties(sent, ents, names, words)


def named_subject(sent: SpacySpan, clause: Clause, names: NameBook) -> str | None:
    """Return the name a clause's pronoun subject stands for, when one is known."""
    if clause.subject is None:
        return None
    pronoun = sent.doc[clause.subject].lower_
    return names.last_person if pronoun in {"he", "she"} else names.last_org


def clause_cue(
    sent: SpacySpan, clause: Clause, text: str, sentence_cue: str | None, *, cited: bool
) -> str | None:
    """Return the opinion cue of one clause of a split sentence."""
    if clause.part is Part.MAIN:
        # The sentence's cue counts for the main clause when its words are there.
        return sentence_cue if sentence_cue and sentence_cue.lower() in text.lower() else None
    doc = sent.doc
    span = doc[clause.tokens[0] : clause.tokens[-1] + 1]
    return opinion_cue(span, cited=cited)


def the_quarter(sent: SpacySpan, facts: Facts, last: str | None) -> tuple[Facts, str | None]:
    """Date "for the quarter" by the quarter named before; return the facts and
    the quarter a later "the quarter" refers to."""
    named = next((d for d in facts.dates if re.fullmatch(r"\d{4}-Q[1-4]", d)), None)
    if named:
        return facts, named
    if (
        last
        and facts.slots.date is None
        and re.search(r"(?i)\b(?:for|during|in|over) (?:the|that) quarter\b", sent.text)
    ):
        return replace(facts, slots=replace(facts.slots, date=last), dates=(last,)), last
    return facts, last


def the_same_day(sent: SpacySpan, facts: Facts, last: str | None) -> tuple[Facts, str | None]:
    """Date "on the same day" by the day named before; return the facts and the day
    a later "the same day" refers to."""
    named = next((d for d in facts.dates if len(d) == 10), None)
    if named:
        return facts, named
    if last and facts.slots.date is None and SAME_DAY.search(sent.text):
        return replace(facts, slots=replace(facts.slots, date=last), dates=(last,)), last
    return facts, last


def with_party(facts: Facts, party: str, *, first: bool) -> Facts:
    """Return facts with a party added (the antecedent of a relative clause)."""
    if party in facts.slots.parties or not party[:1].isupper():
        return facts
    parties = (party, *facts.slots.parties) if first else (*facts.slots.parties, party)
    return replace(facts, slots=replace(facts.slots, parties=parties))


def claim_text(document: Document, segment: Segment) -> str:
    """Return the sentence as a reader sees it, without markup or markers."""
    start, end = segment.span
    view = document.view[start:end]
    for citation in sorted({c.span for c in segment.citations}, reverse=True):
        a, b = citation[0] - start, citation[1] - start
        view = view[:a] + " " * (b - a) + view[b:]
    text = " ".join(view.split())
    return re.sub(r" ([,.;:!?])", r"\1", text)


def sentence_key(text: str) -> str:
    """Return a form of a sentence that ignores quotes, case and punctuation."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def read_facts(
    sent: SpacySpan,
    published: date | None,
    names: NameBook | None = None,
    keep: set[int] | None = None,
    *,
    judged: bool = False,
) -> Facts:
    """Return the slots, terms, dates and places that a sentence (or some of its words) states.

    ``judged``: the words are the writer's uncited judgement, where "the
    neighbors" and "both sides" are people at large, not their organisations.
    """
    names = names or NameBook()
    ents = [
        e
        for e in sent.ents
        if not any(is_marker(t) for t in e) and (keep is None or all(t.i in keep for t in e))
    ]
    resolved = {
        e.start: d
        for e in ents
        if e.label_ in {"DATE", "TIME"}
        and not is_kind_of_month(e)  # "a July marathon"
        and (d := resolve_date(e.text, published, future=speaks_of_future(sent, e)))
    }
    dates = tuple(dict.fromkeys(resolved.values()))
    said_on = tuple(d for e in ents if (d := resolved.get(e.start)) and dates_the_saying(e))
    placed: list[tuple[int, str]] = []
    parties = find_parties(sent, ents, names, keep, judged=judged, placed=placed)
    actor, action = find_actor(sent, placed, keep)
    places = find_places(sent, ents, parties, names)
    numbers = tuple(find_numbers(ents))
    slots = Slots(
        date=dates[0] if dates else None,
        parties=parties,
        location=places[0] if places else None,
        motive=find_motive(sent, keep),
        numbers=numbers,
    )
    terms = content_terms(sent, lexicon(), keep)
    speaker = find_speaker(sent, parties)
    return Facts(
        slots=slots,
        terms=terms,
        dates=dates,
        places=places,
        speaker=speaker,
        said_on=said_on,
        actor=actor,
        action=action,
    )


def find_actor(
    sent: SpacySpan, placed: list[tuple[int, str]], keep: set[int] | None = None
) -> tuple[str | None, str | None]:
    """Return the party that does what a clause says, and the verb's lemma.

    "The Tressel County Health District lifted the advisory" -> the district,
    "lift"; "Okafor said the district lifted it" -> the district too; a passive
    gives its agent ("was approved by the board").
    """
    tokens = [t for t in sent if keep is None or t.i in keep]
    roots = [t for t in tokens if t.head == t or keep is not None and t.head.i not in keep]
    verb = next((t for t in roots if t.pos_ in {"VERB", "AUX"}), None)
    if verb is not None and verb.lemma_ in REPORTING:
        verb = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    if verb is None:
        return None, None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subject is None and agent is not None:
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subject is None:
        return None, None
    # "Meridian chief executive Karen Holt": the name the subject ends with
    own = [(i, name) for i, name in placed if subject.left_edge.i <= i <= subject.i]
    return (max(own)[1], verb.lemma_.lower()) if own else (None, None)


# What studies do, and the studies that do it: their date is their publication's.
FINDING_VERBS = {"find", "conclude", "show", "estimate"}
STUDIES = {"study", "report", "survey", "review", "audit", "analysis", "assessment", "inquiry"}


def dates_the_saying(when: SpacySpan) -> bool:
    """Tell whether a date is when something was said or published: "said last
    week that ...", "Earlier this month, the council reported ...", "a survey
    released last month" (not "said she had begun ... earlier this month")."""
    verb = when.root.head.head if when.root.head.pos_ == "ADP" else when.root.head
    if verb.lemma_ in FINDING_VERBS:
        # "a Cascadia Materials Institute study found in April": when it was published
        return study_of(verb) is not None
    return verb.lemma_ in REPORTING | {"publish", "release"}


def study_of(verb: Token) -> Token | None:
    """Return the study whose finding a verb reports: "a ... study found"."""
    if verb.lemma_ not in FINDING_VERBS:
        return None
    finders = [verb.head] if verb.dep_ == "acl" else []
    finders += [c for c in verb.children if c.dep_ == "nsubj"]
    return next((f for f in finders if f.lemma_.lower() in STUDIES), None)


def find_speaker(sent: SpacySpan, parties: tuple[str, ...]) -> str | None:
    """Return the person named as saying what the sentence reports, as a party."""
    for verb, subject in reporting_subjects(sent):
        if not any(c.dep_ == "ccomp" for c in verb.children):
            continue
        for ent in sent.ents:
            inside = subject.left_edge.i <= ent.root.i <= subject.right_edge.i
            if inside and ent.label_ == "PERSON":
                return next((p for p in parties if p.split()[-1] == ent[-1].text), None)
    return None


# "The council will meet on March 24", "Tickets go on sale in July", "is scheduled
# to begin in September": a bare day or month is the coming one, not the last.
FUTURE_WORDS = {
    "will",
    "shall",
    "would",
    "next",
    "upcoming",
    "schedule",
    "plan",
    "due",
    "expect",
    "set",
    "must",  # "trees must be pulled out by October 15": a deadline ahead
    "should",
}
# "asked the board to put off the cuts until January": what is asked, urged or
# promised is yet to happen.
ASKING_VERBS = {"ask", "urge", "want", "hope", "aim", "intend", "seek", "propose", "promise"}
# Present tenses that state a lasting fact, not a schedule: "The price represents ...".
STATIVE = {"be", "have", "say", "remain", "seem", "appear", "represent", "include", "mean"}


def speaks_of_future(sent: SpacySpan, when: SpacySpan) -> bool:
    """Tell whether a date in a sentence is about what is yet to happen."""
    verb = when.root.head.head if when.root.head.pos_ == "ADP" else when.root.head
    past = verb.tag_ == "VBD" or (
        # (but "unless every player was refunded by October" is a condition)
        verb.dep_ != "advcl"
        and any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)
    )
    if past and not any(c.tag_ == "MD" for c in verb.children):
        # "Varga told the radio on Tuesday that the recount would confirm her
        # win": the telling is past, whatever the clause it reports, and so is
        # "a partnership that was signed on 18 August" in what "will" happen.
        return False
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() not in FUTURE_WORDS:
        # "a rate plan the department released on Friday ... would rise": done
        # (but "a concert planned for Friday" is to come)
        return False
    if when.root.head.lower_ in {"until", "till"} and verb.tag_ in {"VBN", "VBZ", "VBP"}:
        return True  # "has suspended shutoffs until October 15": it lasts till then
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return False  # "The mission had been set for July 30": a plan of the past
    if any(
        v.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        and (v.head.lemma_ in ASKING_VERBS or is_present(v.head))
        for v in (verb, *verb.ancestors)
    ):
        # "asked the board to put off the cuts until January"; "has contracted
        # Brightway to run shuttles serving hospitals from Tuesday"
        return True
    # The date's own clause and the verbs above it: "is scheduled to begin in
    # September", but not "filed on September 30 ... on her next novel".
    above = list(verb.ancestors)
    scope = [*verb.subtree, *above, *(c for a in above for c in a.children if c.dep_ == "aux")]
    for token in scope:
        if token.lemma_.lower() in FUTURE_WORDS and token.pos_ in {"AUX", "VERB", "ADJ"}:
            return True
    # The present of a schedule, "Tickets go on sale in July", when the date is
    # the verb's: in "represents a premium over the price on Monday" it is not.
    return (
        verb.dep_ in {"ROOT", "relcl", "conj", "ccomp"}  # "The tour opens ..., it said"
        and verb.tag_ in {"VBP", "VBZ"}
        and verb.lemma_ not in STATIVE
        and when.root.head.i != when.root.i
    )


def is_present(verb: Token) -> bool:
    """Tell whether a verb is in the present or the present perfect ("has contracted")."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )


# Words of a body's name that say what kind of body it is, not whose.
GENERIC_BODY_WORDS = {
    "the", "city", "town", "county", "village", "council", "board", "commission", "of",
    "commissioners", "supervisors", "education", "school", "committee", "planning",
}  # fmt: skip


def local_name(ent: SpacySpan, names: NameBook) -> str:
    """Return a body's name with its town when the name alone says only its kind:
    "The City Council in Corran Falls" is the "Corran Falls City Council", and so
    is "the City Council" of a sentence about Corran Falls, Oregon."""
    words = ent.text.lower().split()
    generic = set(words) <= GENERIC_BODY_WORDS and words[-1] not in {"the", "of"}
    towns = town_of(ent) if ent.label_ == "ORG" else []
    if generic and not towns and {"city", "town"} & set(words):
        # the town the sentence names with its region
        home = [e.text for e in ent.sent.ents if e.text in names.towns and before_region(e)]
        if len(home) == 1:
            return f"{home[0]} {' '.join(t.text for t in ent if t.lower_ != 'the')}"
    if not towns or not generic:
        return ent.text
    town = towns[0]
    first = town
    while first.ent_iob_ == "I":
        first = town.doc[first.i - 1]
    name = " ".join(t.text for t in ent if t.lower_ != "the")
    return f"{town.doc[first.i : town.i + 1].text} {name}"


def known_units(ents: list, names: NameBook) -> dict[int, str]:
    """Return, by where they start, the units the cited sources name with the body
    they belong to, and those bodies (with ""): "the Pollinator Research Lab at
    Calder State University" is their "Calder State University Pollinator Research
    Lab"."""
    starts = {e.start: e for e in ents}
    units: dict[int, str] = {}
    for ent in ents:
        if ent.label_ != "ORG":
            continue
        for prep in ent.root.children:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.lower_ not in {"at", "of"} or pobj is None:
                continue
            parent = next((e for e in starts.values() if e.start <= pobj.i < e.end), None)
            unit = re.sub(r"^(?:the|The) ", "", ent.text)
            if parent is not None and (full := f"{parent.text} {unit}") in names.known:
                units[ent.start], units[parent.start] = full, ""
    return units


def find_parties(
    sent: SpacySpan,
    ents: list,
    names: NameBook,
    keep: set[int] | None = None,
    *,
    judged: bool = False,
    placed: list[tuple[int, str]] | None = None,
) -> tuple[str, ...]:
    """Return the organisations and people a sentence is about, canonical names
    (and add each with the index of its first word to ``placed``)."""
    found: list[tuple[int, str]] = []
    executive: int | None = None
    place_owner = False  # "the county's budget": a place owns something here
    units = known_units(ents, names)
    for ent in ents:
        if ent.start in units:
            if units[ent.start]:
                found.append((ent.start, units[ent.start]))
            continue
        bare = re.sub(r"(?:'s|’s)$", "", ent.text)
        where = ent.root.dep_ == "pobj" and ent.root.head.lower_ in PLACE_PREPOSITIONS
        full = names.org_prefix(bare)
        if (
            full
            and not before_region(ent)
            and not (where and bare in names.places or is_landform(ent))
        ):
            found.append((ent.start, full))  # "Calder Ridge" tagged a place
            continue
        region = ent.root.dep_ == "appos" and ent.root.head.ent_type_ in {"GPE", "LOC"}
        if region and sent.doc[max(ent.root.left_edge.i - 1, 0)].text == ",":
            continue  # "Kourou, French Guiana": the region of a place
        if is_destination(ent):
            continue  # "taken to Silverbend Regional Hospital": where, not who
        # "nurses at Calderwood General Hospital in Bransford" work for a party
        # in a town; "at Harlow Central High School", "live in Millbrook": where,
        # not who.
        if is_recipient(ent) or is_acting_county(ent):
            found.append((ent.start, re.sub(r"^(?:the|The) ", "", bare)))  # as a body
            continue
        if is_place(ent, names.known_parties()) and not (ent.label_ == "ORG" and town_of(ent)):
            names.note_place(bare)
            root = ent.root
            if root.dep_ == "pobj" or root.dep_ == "conj" and root.head.dep_ == "pobj":
                continue  # "at Cawthorn Central High School and the Yelverton Community Center"
        if ent.label_ in PARTY_LABELS and bare in names.places and bare not in names.short:
            continue  # "towns like New Harrow": a place the article names elsewhere
        if len(ent) == 1 and is_portfolio(ent):
            continue  # "Justice Minister Tomas Renquist": the minister's brief
        if len(ent) == 1 and ent.root.lower_ in TITLE_BODIES:
            # "Alliance spokesman Tomas Vidler", the one word tagged a name
            if body := titled_body(ent.root, ent.root.head, names):
                found.append((ent.start, body))
            continue
        if ent.label_ in PARTY_LABELS and is_name(ent):
            name = names.canonical(local_name(ent, names), ent.label_)
            found.append((ent.start, name))
            kinds = [c for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            for kind in kinds if ent.label_ == "ORG" else ():
                if not kind.ent_type_ and kind.lemma_ not in NO_ROLES:
                    # "Pemberly & Oakes Fine Foods, a specialty grocer": "the grocer"
                    names.roles[kind.lemma_.lower()] = name
        elif bare in names.short and bare not in names.towns:
            # "Hallam's size" tagged a place (but "Ashgrove, Pennsylvania" is a town,
            # whatever Ashgrove Road Watch is called for short)
            found.append((ent.start, names.short[bare]))
    in_ents = {t.i for e in ents for t in e}
    for token in sent:
        if keep is not None and token.i not in keep or token.i in in_ents:
            continue
        if token.text in names.short and (token.pos_ == "PROPN" or token.is_title):
            # "between Musk and OpenAI": a short name the model missed.
            found.append((token.i, names.short[token.text]))
        elif (
            token.lower_ == "it"
            and not judged  # "It is a tidy slogan, but ...": what was just told
            and token.i == sent.start
            and token.dep_ == "nsubj"
            and token.head.lemma_ not in EXPLETIVE_HEADS
            and names.subject
        ):
            # "It lists clinic hours on its page." – the organisation the last
            # sentence was about ("Cotterell filed the suit in Harrow County
            # Superior Court. It argues ..." is Cotterell, not the court).
            found.append((token.i, names.subject))
    for token in sent:
        if keep is not None and token.i not in keep or token.ent_type_ or token.pos_ != "NOUN":
            continue
        if token.dep_ == "compound" and token.head.ent_type_ == "PERSON":
            words = [t for t in token.subtree if t.i <= token.i]
            title = " ".join(t.lower_ for t in words)
            if title in EXECUTIVE_TITLES:
                executive = token.head.i  # "Chief executive Camille Ostrander"
            elif len(words) == 2 and (body := titled_body(words[0], token, names)):
                found.append((words[0].i, body))
            continue
        owned = any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in token.children)
        named = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)
        if owned and named and token.lemma_ in TITLES and names.subject:
            # "Its president, Wade Kessler, said": of the organisation the last
            # sentence was about
            found.append((token.i, names.subject))
            continue
        kind = [
            c
            for c in token.children
            if c.dep_ in {"compound", "amod"}
            and c.lemma_ in COMPANY_NOUNS | INSTITUTIONS | {"cooperative"}
        ]
        if named and kind and token.lemma_ in TITLES and not token.ent_type_:
            # "A company spokeswoman, Irene Matsuda, said": of the company the
            # story is about, the one it names most
            noun = kind[-1].lemma_
            body = names.main_business() if noun in COMPANY_NOUNS else names.describe(noun)
            if body:
                found.append((token.i, body))
                continue
        determiners = [
            c
            for c in token.children
            if c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "poss" and c.pos_ == "NOUN"
        ]
        first = token.left_edge
        if not determiners and first.lower_ == "the" and first.head.dep_ in {"nmod", "compound"}:
            determiners = [first]  # "The Halverston, Michigan-based carmaker"
        if not determiners and token.tag_ == "NNS" and token.lemma_ in ROLE_BODIES:
            determiners = [token]  # "Regulators should publish the plan."
        elif (
            not determiners
            and token.tag_ == "NNS"
            and token.dep_ == "nsubj"
            and token.lemma_ in MEMBER_NOUNS
        ):
            determiners = [token]  # "Supervisors should publish the contract."
        if (
            judged
            and token.tag_ == "NNS"
            and (determiners or token.lemma_ == "side")
            and token.lemma_ not in MEMBER_NOUNS | PAIR_NOUNS - {"side"}
        ):
            # "We think the neighbors deserve better", "Both sides should accept a
            # mediator": the writer speaks of people, not of their association
            # (but "the commissioners should" and "both parties have" are bodies)
            continue
        if token.lemma_ in PAIR_NOUNS and (
            any(c.lower_ in SIDES for c in token.children)
            or token.tag_ == "NNS"
            and token.lemma_ != "side"
            and determiners
        ):
            # "Talks between the two sides", "Neither company disclosed the terms",
            # "the companies said": the two organisations of the story.
            found.extend((token.i, name) for name in names.sides(token.lemma_))
            continue
        where = token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS | {"from"}
        if where and token.lemma_ in PLACE_NOUNS:
            continue  # "every parent in the county", "workers from the county": where
        if token.dep_ == "poss" and token.lemma_ in PLACE_NOUNS:
            # "a hole in the county's budget", "Zofia Pendlebury, the county's EMS
            # director": whose, of a place, and no party acting; an "its" beside
            # it may be the place's too
            place_owner = True
            continue
        owner = owner_of(token, ents)
        if determiners and owner is not None:
            # "The board of the Greyhaven Regional Transit Authority": the authority,
            # named in the sentence; "the board" means it from now on.
            names.roles.setdefault(token.lemma_, names.canonical(owner.text, owner.label_))
            continue
        if token.lemma_ in GOVERNING_BODIES and (body := governed(token, ents, names)):
            # "the trust's board", "the Calderbrook Unified School District board":
            # the trust and the district act through them, and are the party.
            names.roles[token.lemma_] = body
            continue
        if determiners:
            # "the council", "the city's tax", "the operators", "the state's
            # regulators": a party named earlier, or in the cited sources.
            modifiers = tuple(
                c.lower_ for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"
            )
            plural = token.tag_ == "NNS"
            party = (
                token.lemma_ in COMPANY_NOUNS
                and speakers_employer(sent, ents, names)
                or names.describe(
                    token.lemma_,
                    plural=plural,
                    modifiers=modifiers,
                    # "nurses at St. Brendan's Regional Medical Center ... at the hospital"
                    recent=[name for i, name in sorted(found) if i < token.i],
                )
            )
            level = [c.lower_ for c in token.children if c.lower_ in GOVERNMENTS]
            if party is None and token.lemma_ == "government" and level:
                party = f"{level[-1]} government"  # named by its level, as written
            if party:
                found.append((determiners[0].i, party))
    named_orgs = [n for _, n in found if names.kinds.get(n, "ORG") == "ORG"]
    if executive is not None and names.company and not named_orgs:
        # "Chief executive Camille Ostrander said ...": of the business the
        # story is about, unless the sentence names one.
        found.append((executive, names.company))
    if not found and not place_owner:
        # A sentence that names no one may speak of the last party through a
        # pronoun: "Its drivers earned $19 an hour", "A painting of hers". In
        # the writer's judgement "its" is seldom the organisation last named
        # ("For a town built around its waterfront, ...").
        for token in sent:
            if keep is not None and token.i not in keep:
                continue
            if token.lower_ == "its" and not judged and (names.focus or names.last_org):
                found.append((token.i, names.subject))
            elif token.lower_ in PERSON_PRONOUNS and names.last_person:
                found.append((token.i, names.last_person))
    found.sort()
    orgs: list[tuple[int, str]] = []
    for i, name in found:
        names.remember(name)
        if names.kinds.get(name, "ORG") == "ORG":
            orgs.append((0 if is_subject(sent.doc[i]) else 1, name))
    if orgs:
        names.focus = min(orgs, key=lambda pair: pair[0])[1]  # subject first, else first named
    businesses = [pair for pair in orgs if is_business(pair[1])]
    if businesses:
        names.business = min(businesses, key=lambda pair: pair[0])[1]
    if placed is not None:
        placed.extend(found)
    return tuple(dict.fromkeys(name for _, name in found))


def is_portfolio(ent: SpacySpan) -> bool:
    """Tell whether a one-word name is a minister's brief: "Justice" in "Justice
    Minister Tomas Renquist"."""
    doc = ent.doc
    return (
        ent.end + 1 < len(doc)
        and doc[ent.end].lower_ in PORTFOLIO_TITLES
        and doc[ent.end + 1].ent_type_ == "PERSON"
    )


def titled_body(body: Token, title: Token, names: NameBook) -> str | None:
    """Return the body a title before a person names: "Council chair Fiona
    Teague", "Union president Gloria Szabo" speak for theirs ("Board member
    Yusuf Adeyemi" for himself); so does a word of its name ("Health
    commissioner Owen Tiernan" of the Tri-County Health District)."""
    if title.lemma_ == "member" or body.lower_ in GOVERNMENTS:
        return None
    if body.lower_ in TITLE_BODIES:
        return names.describe(body.lower_)
    return names.named_for(body.lower_)


def speakers_employer(sent: SpacySpan, ents: list, names: NameBook) -> str | None:
    """Return the organisation a speaker is described as working for, which is
    "the company" of what they say: "Karim Tazouti, Qestra's purchasing
    director, said the company had chosen ...", "a spokesman for Skelmarsh"."""
    for _, subject in reporting_subjects(sent):
        roles = (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN")
        for role in roles:
            inside = {t.i for t in role.subtree}
            for ent in ents:
                if ent.label_ == "ORG" and ent.root.i in inside:
                    return names.canonical(re.sub(r"(?:'s|’s)$", "", ent.text), "ORG")
    return None


def governed(body: Token, ents: list, names: NameBook) -> str | None:
    """Return the organisation whose board ``body`` is, by its name or description
    before it ("the trust's board", "the Calderbrook Unified School District board")."""
    for child in body.children:
        if child.dep_ not in {"poss", "compound"}:
            continue
        ent = next((e for e in ents if child in e and e.label_ == "ORG"), None)
        if ent is not None and ent[-1].is_title:  # not "the Corran Valley school board"
            return names.canonical(ent.text, ent.label_)
        if child.dep_ == "poss" and child.pos_ == "NOUN" and child.lemma_ not in GOVERNING_BODIES:
            return names.describe(child.lemma_)
    return None


def owner_of(noun: Token, ents: list) -> SpacySpan | None:
    """Return the organisation a body belongs to: "the board of <Greyhaven ...>"
    (but "the town of Dunlevy" is a place)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for ent in ents:
                if ent.label_ == "ORG" and ent.root.head.i == prep.i and not is_place(ent):
                    return ent
    return None


# What an apposition may call a name without making it "the <noun>" of the
# story: words for any organisation, which its other bodies may share ("the
# Oregon Educators Alliance, the statewide union" is not "the union"), and the
# works the model tags as bodies ("Crosstown Cycle Network, a plan for ...").
NO_ROLES = COMPANY_NOUNS | INSTITUTIONS | {
    "network", "coalition", "alliance", "organisation", "organization", "nonprofit",
    "charity", "body", "campaign", "operator", "provider", "developer",
    "plan", "project", "scheme", "proposal", "program", "programme", "report", "study",
    "series", "book", "novel", "brand", "product", "magazine", "newspaper",
}  # fmt: skip
# Bodies that govern an organisation and speak for it: "the trust's board".
GOVERNING_BODIES = {"board", "trustees"}
# Words that make "side" or "company" the two parties of a deal or dispute.
SIDES = {"both", "neither", "either", "two"}
PAIR_NOUNS = {"side", "company", "firm", "system", "club", "hospital", "group", "party"}
# The members a body acts through: "the commissioners voted", "the trustees should".
MEMBER_NOUNS = {
    "commissioner", "trustee", "regent", "councillor", "councilor", "supervisor", "alderman",
    "director", "operator",
}  # fmt: skip
# Pronouns that stand for the person last named (outside quotations).
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
# "The federal government will pay 40%": a party that needs no name.
GOVERNMENTS = {"federal", "state", "national", "provincial", "regional"}
# Bodies a title may name before a person: "Council chair Fiona Teague".
TITLE_BODIES = {
    "council", "club", "board", "union", "party", "committee", "commission", "alliance",
    "association", "coalition", "guild", "station", "observatory",
}  # fmt: skip
# Titles that follow the name of a brief: "Justice Minister", "Health Secretary".
PORTFOLIO_TITLES = {"minister", "secretary"}
# Titles of the one who runs an organisation: which one goes without saying.
EXECUTIVE_TITLES = {
    "chief executive",
    "chief executive officer",
    "ceo",
    "executive director",
    "chief financial officer",
    "chief operating officer",
    "general manager",
    "director",
    "superintendent",
}


def lower_words(doc) -> set[str]:
    """Return the words a document writes in lower case (computed once per doc)."""
    if "lower_words" not in doc.user_data:
        doc.user_data["lower_words"] = {t.text for t in doc if t.is_lower}
    return doc.user_data["lower_words"]


def is_subject(token: Token) -> bool:
    """Tell whether a word belongs to the subject of its clause."""
    while token.dep_ in {"compound", "det", "poss", "amod", "flat"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass"}


def is_name(ent: SpacySpan) -> bool:
    """Tell whether an ORG or PERSON entity names a party and not a thing or place."""
    if ent.text.lower() in NOT_NAMES | UNITS:
        return False
    if len(ent) == 1 and ent[0].tag_ in {"NN", "NNS"}:
        return False  # "Trains will run", "Library funding rises": common nouns
    if all(t.is_lower for t in ent if t.is_alpha):
        return False  # "said varroa mites were the main cause": no capital, no name
    if ent[0].like_num and ent[-1].lower_ in BANDS:
        return False  # "the station on 97.4 FM": a frequency
    if len(ent) == 1 and ent[0].is_sent_start and ent[0].lower_ in lower_words(ent.doc):
        return False  # "Cod landings fell" where the text also says "the cod"
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if ent[-1].lower_ in TITLES and following is not None and following.ent_type_ == "PERSON":
        return False  # "Tribal Chairwoman Dora Kessling": a title before a name
    # "born in Haarlem": a place the small model took for a person.
    return not (ent.root.head.lower_ in {"in", "near"} and ent.label_ == "PERSON")


def noun_chunks(sent: SpacySpan) -> list:
    """Return the noun chunks of a sentence (none when the parse is missing)."""
    try:
        return list(sent.noun_chunks)
    except ValueError:
        return []


def find_numbers(ents: list) -> Iterable[Quantity]:
    """Yield the amounts among the entities, with their value, unit and count noun."""
    for ent in ents:
        if ent.label_ in {"DATE", "TIME"}:
            # "12 months of free credit monitoring", "for the next 48 hours": a
            # length of time is an amount ("the first three months of 2027" is a date).
            length = DURATION.search(ent.text)
            if length and length.end() < len(ent.text) and not SPAN_BEFORE_DATE.match(ent.text):
                length = None  # but "46 days last year" is a count of days
            value = parse_quantity(length.group())[0] if length else None
            if value is not None:
                period = length.group(1).lower()
                yield Quantity(text=length.group(), value=value, unit=period, counts=None)
            continue
        if ent.label_ not in NUMBER_LABELS or ent.text.lower() == "one":
            continue  # "one of its ships", "the one readers remember": not an amount
        doc = ent.doc
        start = ent.start
        if start > 0 and doc[start - 1].is_currency and doc[start - 1].whitespace_ == "":
            start -= 1  # the small model leaves "$" out of "$1.46"
        text = doc[start : ent.end].text
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and after.lower_ in UNITS and ent.label_ == "CARDINAL":
            text = doc[start : ent.end + 1].text  # "300 MW"
        share = after is not None and after.lower_ == "of"  # "two-thirds of the load"
        moving = start > 0 and doc[start - 1].lower_ == "from"
        for part in range_ends(text, moving=moving):
            value, unit = parse_quantity(part, share=share)
            if value is not None:
                counts = None if unit else counted(ent)
                if value == 2 and counts in {"side", "party"}:
                    continue  # "the two sides": who, not a figure the source must give
                yield Quantity(text=part, value=value, unit=unit, counts=counts)


def range_ends(text: str, *, moving: bool = False) -> list[str]:
    """Return the two ends of a range as amounts ("7% to 10%" -> "7%", "10%";
    "between 40 and 50 percent" -> "40 percent", "50 percent"), or the text.

    ``moving``: "from" comes before it, so two bare numbers are a change ("cut
    hours from 58 to 40"), not a tally.
    """
    found = RANGE.fullmatch(text)
    if not found or not (moving or re.search(r"[^\d\s,.\-–]", found["right"])):
        return [text]  # "a vote of 6 to 3" is one tally
    left, right = re.sub(r"^(?:between|from)\s+", "", found["left"], flags=re.I), found["right"]
    if not re.search(r"[%a-z]\s*$", left, re.I):
        left += found["tail"]  # the unit and scale written once, after the second number
    return [left, right]


def counted(ent: SpacySpan) -> str | None:
    """Return the noun an amount counts: "1,200 jobs", "2.5 million of its shares"."""
    root = ent.root
    if root.dep_ in {"nummod", "quantmod"} and root.head.pos_ == "NOUN" and root.head not in ent:
        return root.head.lemma_.lower()
    if root.pos_ == "NOUN" and root.i == ent.end - 1 and not root.like_num:
        return root.lemma_.lower()  # "37 orchards", tagged as one quantity
    for prep in root.children:
        if prep.lower_ == "of":
            nouns = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if nouns:
                return nouns[0].lemma_.lower()
    return None


def content_terms(sent: SpacySpan, lex: Lexicon, keep: set[int] | None = None) -> tuple[str, ...]:
    """Return the canonical lemmas of a sentence's content words."""
    terms = []
    speakers = attribution_speakers(sent)
    for token in sent:
        if keep is not None and token.i not in keep or token.i in speakers:
            continue
        if is_marker(token) or token.is_stop or token.is_punct or token.is_space:
            continue
        if token.pos_ not in CONTENT_WORD_POS:
            continue
        if token.ent_type_ in {"DATE", "TIME"} and token.pos_ not in {"PROPN", "NUM"}:
            continue  # "earlier this month", "the end of June": the date slot's words
        if (
            token.lower_ == "according"
            and token.i + 1 < len(token.doc)
            and token.nbor().lower_ == "to"
        ):
            continue  # who says so, not what is said (nor an "accord")
        if completes_an_event(token) or reports_a_finding(token):
            continue
        lemma = token.lemma_.lower() if token.pos_ != "PROPN" else token.lower_
        lemma = lex.canonical(lemma)
        if lemma not in lex.weak_terms and len(lemma) > 1:
            terms.append(lemma)
    return tuple(dict.fromkeys(terms))


def reports_a_finding(verb: Token) -> bool:
    """Tell whether a verb only says who found or published what the claim reports:
    "the council found that ...", "in a report published last month"."""
    lemma = verb.lemma_.lower()
    if lemma in FINDING_VERBS:
        return any(c.dep_ == "ccomp" for c in verb.children)
    return (
        lemma in {"publish", "release"}
        and verb.dep_ == "acl"
        and verb.head.lemma_.lower() in STUDIES
    )


def completes_an_event(verb: Token) -> bool:
    """Tell whether a verb only says that what its subject names will end: "The
    closures are to be completed by January 15" is what "the stores will close
    by January 15" says."""
    if verb.lemma_.lower() not in {"complete", "finish"}:
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects and verb.dep_ == "xcomp":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return any(s.pos_ == "NOUN" for s in subjects)


def attribution_speakers(sent: SpacySpan) -> set[int]:
    """Return the words of a speaker described after the words ("..., the utility said").

    A source has its own way to say who spoke ("the authority said"), and a
    named speaker is checked as a party: the description is not the claim.
    """
    found: set[int] = set()
    for verb, subject in reporting_subjects(sent):
        if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            words = list(subject.subtree)
            if not any(t.pos_ == "PROPN" for t in words):
                found.update(t.i for t in words)
    doc = sent.doc
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            # "according to an analysis by labor economist Rosalie Wrenshaw": who
            # says so; a name in it is checked as a party, the rest is no claim
            words = [t for c in token.nbor().children if c.dep_ == "pobj" for t in c.subtree]
            if any(t.pos_ == "PROPN" for t in words):
                found.update(t.i for t in words if t.pos_ != "PROPN" and not t.ent_type_)
    for verb in sent:
        study = study_of(verb)
        first = study.left_edge.i if study is not None else sent.start
        if study is not None and first > sent.start and doc[first - 1].text == ",":
            # "..., a Cascadia Materials Institute study found": the source
            # itself, whose publisher is checked as a party
            found.update({verb.i, study.i})
    return found


def reporting_subjects(sent: SpacySpan) -> Iterator[tuple[Token, Token]]:
    """Yield each reporting verb of a sentence with its subject ("Ngata said")."""
    for verb in sent:
        if verb.lemma_ in REPORTING:
            for subject in verb.children:
                if subject.dep_ == "nsubj":
                    yield verb, subject
