"""Give each name one label across an article.

The small model labels every mention on its own: "Cedar Gap" is a place in
"Cedar Gap, Oregon" and a person two paragraphs on; "Sporting Almera" is a
facility once and nothing the next time; "Ariadne" of "the Ariadne probe" is
an organisation. The article as a whole says what each name is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from copydesk.lexicon import lexicon
from copydesk.pipeline.names import TITLES, before_region, is_landform, is_public_body
from copydesk.pipeline.places import AREA_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# A named ship acts in the story as a party does ("The Teal Horizon collided
# with ..."); spaCy has no label for it.
PARTY_LABELS = {"ORG", "PERSON", "VESSEL"}
VESSEL_NOUNS = {
    "ship", "vessel", "tanker", "freighter", "trawler", "tug", "tugboat",
    "barge", "containership", "yacht", "dredger", "icebreaker", "ferry",
}  # fmt: skip
# What a party may own and name: "its Sibley Branch", "its Redstone Quarry".
HOLDING_NOUNS = {
    "branch", "line", "quarry", "mine", "plant", "mill", "farm", "field", "terminal", "depot",
    "yard", "route", "project", "site", "refinery", "smelter", "reservoir", "pipeline", "campus",
    "wing", "tower", "building", "store", "warehouse", "factory", "works",
}  # fmt: skip
# Contests the model tags as bodies: "the 2030 Chess Olympiad will open".
EVENT_NOUNS = {
    "olympiad", "olympics", "games", "championship", "championships", "tournament", "regatta",
}  # fmt: skip
# Labels of names, which the article may correct; a date or an amount keeps its label.
NAME_LABELS = {
    "ORG", "PERSON", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "GPE", "LOC", "VESSEL",
}  # fmt: skip
# Things a name may be the make of: "the Ariadne probe", "Tern pickups", "the
# MMR vaccine", "Renquora, a drug made by ...", "the trial, known as VESTA",
# "its streaming service, Talonstream".
PRODUCT_NOUNS = {
    "probe", "spacecraft", "satellite", "rocket", "rover", "telescope", "lander",
    "vaccine", "drug", "medicine", "therapy", "pill", "trial", "jab",
    "vehicle", "pickup", "sedan", "suv", "truck", "car", "hatchback", "van",
    "phone", "smartphone", "handset", "laptop", "tablet", "console", "app",
    "aircraft", "jet", "plane", "airliner", "drone", "ship", "vessel", "ferry",
    "engine", "reactor", "chip", "processor", "model", "service", "platform",
}  # fmt: skip
# Where a kind of ship is written, for the names after it ("the tug Marten").
VESSEL_WORDS = re.compile(rf"\b(?:{'|'.join(sorted(VESSEL_NOUNS))}|carrier)s?\b", re.IGNORECASE)
# "the bulk carrier Sea Marigold" (but "the carrier" of an airline story is the airline)
CARGOES = {"bulk", "lng", "ore", "oil", "gas", "car", "container", "aircraft", "grain"}
# A person's role in apposition: "Helena Marsh, the Pellrose chief executive".
ROLE_WORDS = TITLES | {"lawyer", "official", "resident", "spokesperson", "scientist", "owner"}
# "a stake in Anthropic", "invested in Halvorsen": in a party, not in a place.
HOLDINGS = {"stake", "invest", "investment", "interest", "share", "role", "confidence"}
NAMING_VERBS = {"know", "call", "name", "dub", "brand", "market"}
# A party speaks and owns; a product does not ("Pfizer said", "Pfizer's vaccine").
SPEAKING_VERBS = {"say", "tell", "announce", "add", "state", "confirm", "decline"}


def agree_labels(docs: Iterable[Doc]) -> None:
    """Relabel the entities of an article's docs so that a name means one thing.

    A name tagged a place anywhere, written with its region, or known as a
    state or province, is a place everywhere, gaps the model left included; a
    name of several words tagged a party is that party wherever else it
    stands, gaps included; a name whose first word the article uses alone as
    an organisation is that organisation; a two-word name whose last word
    stands alone as a person, or with a person's role beside it, is a person;
    a name that is the make of a thing is a product, never a party, but a
    named ship is a party (label ``VESSEL``); a sentence's first word that the
    article also writes in lower case as a noun is no name at all.
    """
    from spacy.tokens import Span

    from copydesk.nlp import mark_names

    docs = list(docs)
    drop_common_nouns(docs)
    ents = [e for doc in docs for e in doc.ents]
    orgs = {e.text for e in ents if e.label_ == "ORG"}
    with_region = {e.text for e in ents if before_region(e)}
    places = {
        e.text
        for e in ents
        if (e.label_ in {"GPE", "LOC"} or e.text in with_region)
        # "Ardent" of "Ardent Motor Company" is the company, but "Mossbank" of
        # "Mossbank Town Council" is the town, and so is "New Harrow" of the New
        # Harrow Fishermen's Cooperative once written "New Harrow, Massachusetts"
        and (
            e.text in with_region
            or not any(o.startswith(f"{e.text} ") and not is_public_body(o) for o in orgs)
        )
    }
    # "Ardent" of "Ardent Motor Company", "Pfizer said": parties, whatever else they seem.
    acting = short_forms(orgs) | speakers(ents)
    vessels = vessel_names(docs, ents)
    products = product_names(ents) - acting - vessels
    holdings = held_names(ents) - acting - vessels
    events = {bare_name(e.text) for e in ents if e.label_ == "ORG" and e[-1].lower_ in EVENT_NOUNS}
    places -= vessels
    places |= (towns(ents) | grounds(ents)) - acting
    places |= towns_before_regions(ents) | named_areas(ents)
    # "Pelham Cove, New Brunswick" with "New Brunswick" tagged a person: a known place.
    known = lexicon().places
    places |= {e.text for e in ents if e.text.lower() in known} - acting
    fronted = fronted_by_short_form(ents) - {p for p in places if p.lower() in known}
    places -= fronted
    surnames = {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1}
    # "Karim Tazouti, Qestra's purchasing director" tagged a place: a person.
    places -= {e.text for e in ents if len(e) == 2 and e[0].pos_ == "PROPN" and has_role(e)}
    votes: dict[str, Counter] = {}
    for e in ents:
        if len(e) > 1 and e.label_ in PARTY_LABELS and e.text not in places:
            votes.setdefault(e.text, Counter())[e.label_] += 1
    parties = {text: count.most_common(1)[0][0] for text, count in votes.items()}
    for e in ents:
        if len(e) == 2 and e[0].pos_ == "PROPN" and e.text not in places and is_person(e, surnames):
            parties[e.text] = "PERSON"
    parties |= dict.fromkeys(fronted, "ORG")
    # "Shares of Lumenfield rose" in an article about Lumenfield Software Inc.
    # (unless the article also puts things in a town of that name).
    towns_named = {e.text for e in ents if e.root.head.lower_ in {"in", "near"}}
    parties |= dict.fromkeys(company_short_forms(ents, orgs) - places - towns_named, "ORG")
    for text, label in list(parties.items()):
        if label == "PERSON" and len(text.split()) == 2:
            parties.setdefault(text.split()[-1], "PERSON")  # "Marsh" after "Helena Marsh"
    for doc in docs:
        fixed = []
        for e in doc.ents:
            label = e.label_
            if label in NAME_LABELS:
                if bare_name(e.text) in vessels:
                    # "the Sea Marigold": the name without its article
                    start = e.start + (e[0].lower_ == "the")
                    fixed.append(Span(doc, start, e.end, label="VESSEL"))
                    continue
                if e.text in products or e.text.endswith("s") and e.text[:-1] in products:
                    label = "PRODUCT"  # "unrepaired Sorrels and Terns"
                elif bare_name(e.text) in holdings:
                    label = "FAC"
                elif bare_name(e.text) in events:
                    label = "EVENT"
                elif e.text in places:
                    label = "GPE" if label != "LOC" else label
                elif e.text in parties:
                    label = parties[e.text]
            fixed.append(e if label == e.label_ else Span(doc, e.start, e.end, label=label))
        if any(
            (a.start, a.label_) != (b.start, b.label_) for a, b in zip(fixed, doc.ents, strict=True)
        ):
            doc.ents = fixed
        # "Sporting Almera will also receive 15%", "the Ashgrove office": a name
        # the model missed here.
        missed = [(label, text) for text, label in parties.items()]
        missed += [("GPE", place) for place in places]
        missed += [("VESSEL", vessel) for vessel in vessels]
        mark_names(doc, tuple(missed), overwrite=False)


def drop_common_nouns(docs: list[Doc]) -> None:
    """Untag one-word parties the article also writes in lower case as a noun.

    "Cod landings at New Harrow fell 52%" opens with a capital only because it
    opens the sentence; "the cod population" shows the word is a fish.
    """
    suspects = {e.text.lower() for doc in docs for e in doc.ents if may_be_common(e)}
    if not suspects:
        return
    common = set()
    for doc in docs:
        text = doc.text  # spaCy joins the words anew at each access
        for word in suspects - common:
            # A search of the text, not of every token: this runs on every article.
            for match in re.finditer(rf"\b{re.escape(word)}\b", text):
                span = doc.char_span(*match.span())
                if span is not None and span.root.pos_ == "NOUN":
                    common.add(word)
                    break
    for doc in docs:
        kept = [e for e in doc.ents if not (may_be_common(e) and e.text.lower() in common)]
        if len(kept) < len(doc.ents):
            doc.ents = kept


def may_be_common(ent: Span) -> bool:
    """Tell whether a one-word party may be a noun: capitalised only because it
    opens a sentence, or in lower case ("the valley" tagged a place stays one)."""
    return (
        len(ent) == 1
        and ent.label_ in PARTY_LABELS
        and (ent[0].is_sent_start or ent.text.islower())
    )


def is_person(ent: Span, surnames: set[str]) -> bool:
    """Tell whether a two-word name is a person's, whatever the model said.

    "Marcus Oyelaran" (tagged NORP) is "Oyelaran told supporters"; "Helena
    Marsh, the Pellrose chief executive" has a person's role beside her name.
    """
    return ent[-1].text in surnames or has_role(ent)


def has_role(ent: Span) -> bool:
    """Tell whether a name has a person's role in apposition ("..., the chief executive")."""
    return any(c.dep_ == "appos" and c.lower_ in ROLE_WORDS for c in ent.root.children)


def towns(ents: list[Span]) -> set[str]:
    """Return the one-word names an article puts things in: "crested at 24.6 feet in
    Ellswick" makes "Ellswick also flooded in 1996" a place, whatever the model said.
    """
    return {
        e.text
        for e in ents
        if len(e) == 1
        and e.label_ in {"ORG", "PERSON", "FAC", "NORP"}
        and e.root.dep_ == "pobj"
        and e.root.head.lower_ in {"in", "near"}
        and e.root.head.head.lemma_ not in HOLDINGS
    }


def towns_before_regions(ents: list[Span]) -> set[str]:
    """Return the untagged towns written with a known region: "Mossbank" of
    "Mossbank, Alaska, a town of 2,600", where the model tagged only Alaska."""
    found = set()
    known = lexicon().places
    for e in ents:
        doc, first = e.doc, e.start - 1
        if first < 1 or doc[first].text != "," or e.text.lower() not in known:
            continue
        while first > 0 and is_bare_name_word(doc[first - 1]):
            first -= 1
        town = doc[first : e.start - 1]
        if 0 < len(town) < 3 and (first == 0 or doc[first - 1].lower_ not in {"the", "'s"}):
            found.add(town.text)
    return found


def named_areas(ents: list[Span]) -> set[str]:
    """Return the names of parts of a town: "Lakeview Terrace" of "the Lakeview
    Terrace neighborhood", which the model may take for an organisation."""
    return {
        e.text
        for e in ents
        if e.end < len(e.doc)
        and e.doc[e.end].is_lower
        and e.doc[e.end].lemma_ in AREA_NOUNS
        and e.label_ in {"ORG", "PERSON", "FAC"}
    }


def is_bare_name_word(token: Token) -> bool:
    """Tell whether a word may be part of a name the model left untagged."""
    return token.is_title and not token.is_stop and not token.ent_type_


def grounds(ents: list[Span]) -> set[str]:
    """Return the banks and reefs an article puts things on: "the cod quota on the
    Brannock Bank" is a fishing ground, not a lender."""
    return {
        e.text
        for e in ents
        if e[-1].lower_ in {"bank", "banks", "shoal", "shoals", "reef", "ledge"}
        and e.root.dep_ == "pobj"
        and e.root.head.lower_ in {"on", "off", "across", "along", "over"}
    }


def fronted_by_short_form(ents: list[Span]) -> set[str]:
    """Return the names of several words whose first word the article uses alone
    as an organisation: "Qestra Flour Mills" (tagged a place) and "Ellery
    Streaming" (tagged a person) in an article that says "Qestra bought" and
    "Ellery will pay"."""
    alone = {e.text for e in ents if e.label_ == "ORG" and len(e) == 1}
    return {
        e.text
        for e in ents
        if len(e) > 1
        and e.label_ in NAME_LABELS
        and e[0].text in alone
        and not before_region(e)
        and not is_landform(e)
    }


def company_short_forms(ents: list[Span], orgs: set[str]) -> set[str]:
    """Return the one-word names tagged places that are a company's first word
    and act, are owned or are paired as a company is ("Shares of Lumenfield
    rose")."""
    firsts = {o.split()[0] for o in orgs if len(o.split()) > 1 and not is_public_body(o)}
    known = lexicon().places
    return {
        e.text
        for e in ents
        if len(e) == 1
        and e.label_ in {"GPE", "LOC"}
        and e.text in firsts
        and e.text.lower() not in known
        and not before_region(e)
        and (
            e.root.dep_ in {"nsubj", "nsubjpass", "dobj", "poss"}
            or owned(e)
            # "between Halcyra and Western Plains Power Corporation"
            or any(c.dep_ == "conj" and c.ent_type_ == "ORG" for c in e.root.children)
        )
    }


def owned(ent: Span) -> bool:
    """Tell whether a name is what shares or a stake are of ("shares of Veridane")."""
    head = ent.root.head
    return ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in HOLDINGS


def short_forms(orgs: set[str]) -> set[str]:
    """Return the first words organisations go by: "Ardent" of "Ardent Motor Company"."""
    return {o.split()[0] for o in orgs if len(o.split()) > 1}


def speakers(ents: list[Span]) -> set[str]:
    """Return the names that speak or own: "Pfizer said", "Pfizer's vaccine"."""
    return {
        e.text
        for e in ents
        if e.root.dep_ == "nsubj" and e.root.head.lemma_ in SPEAKING_VERBS or e[-1].tag_ == "POS"
    }


def vessel_names(docs: list[Doc], ents: list[Span]) -> set[str]:
    """Return the names of ships: "the container ship Teal Horizon", "the Corella, a tug"."""
    found = set()
    for doc in docs:
        # A search of the text, not of every token: this runs on every article.
        for match in VESSEL_WORDS.finditer(doc.text):
            kind = doc.char_span(*match.span())
            if kind is None or kind.end >= len(doc):
                continue
            token = doc[kind.end]
            # "The tug Marten": a name the model did not tag.
            if token.pos_ == "PROPN" and not token.ent_type_ and is_vessel(kind.root):
                end = token.i + 1
                while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
                    end += 1
                found.add(doc[token.i : end].text)
    for e in ents:
        root = e.root
        if e.label_ in NAME_LABELS and (
            root.dep_ in {"appos", "compound"}
            and is_vessel(root.head)
            and root.head.i < e.start
            or any(c.dep_ in {"appos", "compound"} and is_vessel(c) for c in root.children)
        ):
            found.add(bare_name(e.text))
    return found


def is_vessel(noun: Token) -> bool:
    """Tell whether a noun names a kind of ship ("tug", "bulk carrier"), not a
    word of a name ("Grand Ferry, Nebraska")."""
    if noun.pos_ == "PROPN":
        return False
    lemma = noun.lemma_.lower()
    if lemma == "carrier":
        return any(c.lower_ in CARGOES for c in noun.children)
    return lemma in VESSEL_NOUNS


def bare_name(text: str) -> str:
    """Return a name without the article before it ("Sea Marigold" of "The Sea Marigold")."""
    return re.sub(r"^(?:the|The) ", "", text)


def product_names(ents: list[Span]) -> set[str]:
    """Return the names an article uses for things rather than for parties."""
    found = set()
    for e in ents:
        if e.label_ not in NAME_LABELS:
            continue
        root = e.root
        head = root.head
        # "the Ariadne probe", but "a Mars lander" is where the lander goes
        make = root.dep_ in {"compound", "nmod", "amod"} and head.i >= e.end
        make &= e.label_ not in {"GPE", "LOC"}
        # "Renquora, a drug made by ...", "its streaming service, Talonstream"
        described = any(c.dep_ == "appos" and c.lemma_ in PRODUCT_NOUNS for c in root.children)
        described |= root.dep_ == "appos" and head.lemma_ in PRODUCT_NOUNS
        named = (
            head.lower_ == "as"
            and head.head.lemma_ in NAMING_VERBS
            and head.head.head.lemma_ in PRODUCT_NOUNS
        )
        if make and head.lemma_.lower() in PRODUCT_NOUNS or described or named:
            found.add(e.text)
    return found


def held_names(ents: list[Span]) -> set[str]:
    """Return the names of what a party owns: "its Sibley Branch", "its Redstone
    Quarry" are a rail line and a quarry, not parties."""
    return {
        bare_name(e.text)
        for e in ents
        if e.label_ == "ORG"
        and e[-1].lower_ in HOLDING_NOUNS
        and e.start > 0
        and e.doc[e.start - 1].lower_ in {"its", "their"}
    }
