"""Where a sentence says things happen: the places it names or describes.

"Memphis, Tennessee", "the east bank of the Sallow River", "Lindell and
Ashgrove" (a road between them), "the foot of the glacier": read from spaCy's
entities and parse, as written but without the preposition, ranked so that
where things happen comes first.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from typing import TYPE_CHECKING

from copydesk.pipeline.markers import is_marker
from copydesk.pipeline.names import NOT_NAMES, STREETS, NameBook, is_landform

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


# Nouns that stand for a place already named: "in the county", "at the port".
PLACE_NOUNS = {
    "county",
    "city",
    "port",
    "valley",
    "state",
    "region",
    "town",
    "village",
    "country",
    "province",
    "island",
    "neighbourhood",
    "neighborhood",
    "capital",
}
# Nouns for features of land and town that say where, described rather than
# named: "at the foot of the glacier", "off the Maine coast".
FEATURE_NOUNS = {
    "coast", "shore", "shoreline", "bank", "creek", "river", "lake", "aquifer",
    "reservoir", "foot", "edge", "junction", "intersection", "platform", "lot",
    "village", "outskirts", "waterfront", "backcountry", "corridor", "shelf", "bay",
}  # fmt: skip
PLACE_PREPOSITIONS = {
    "in",
    "at",
    "across",
    "near",
    "around",
    "throughout",
    "between",
    "through",
    "inside",
    "outside",
    "within",
}
# Prepositions of an area, which a one-word name after them is: "around Owenby".
AREA_PREPOSITIONS = {"around", "near", "throughout"}
# Verbs that hand something to whoever follows "to": a county or state there is a body.
TRANSFER_VERBS = {
    "submit", "send", "pay", "sell", "give", "hand", "deliver", "report", "present",
    "owe", "lend", "donate", "transfer", "lease", "award", "refund", "return",
}  # fmt: skip
# A road or bridge is where things are after these too.
ROUTE_PREPOSITIONS = {"on", "over", "along", "under", "across"}
# After any of these, a noun phrase may say where.
WHERE_PREPOSITIONS = PLACE_PREPOSITIONS | ROUTE_PREPOSITIONS | {"from", "off"}
# Named roads and works are places wherever they stand: "the board chose Millrace Road".
STRUCTURES = STREETS | {"bridge", "dam"}
# What links a place to the larger place phrase it is in: "the ridge north of
# Cedar Gap", "the Greyhollow copper mine near Dunlevy" ("in" links a town to a
# street or building named in it: see ``town_of``).
CHAIN_PREPOSITIONS = {"of", "near", "around", "off", "outside", "along"}
# Parts of a site: "shown in the museum's newly restored east wing".
BUILDING_NOUNS = {"wing", "building", "hall", "gallery", "campus", "auditorium", "plaza", "square"}
# "born in Haarlem", "based in Leeds": after these the name is a place.
LOCATIVE_VERBS = {"bear", "born", "live", "base", "locate", "headquarter", "die"}
# Verbs of moving people or things: "taken to Carradine Base Hospital", "set off
# from Wickerby Commons" go to and from a place, not to a party.
MOTION_VERBS = {
    "take", "bring", "divert", "route", "reroute", "send", "transport", "airlift", "fly",
    "move", "evacuate", "rush", "carry", "return", "bus", "ferry", "tow", "relocate",
    "transfer", "set", "depart", "drive", "walk", "march", "run", "sail",
}  # fmt: skip
# Parts of a town named by a name before them: "the Eastgate district".
AREA_NOUNS = {
    "district", "neighborhood", "neighbourhood", "quarter", "area", "borough", "ward",
    "harbour", "harbor",
}  # fmt: skip
# Sites a place name before them locates: "the Ashgrove office", "the Orvale plant".
SITE_NOUNS = {
    "office",
    "plant",
    "factory",
    "branch",
    "store",
    "warehouse",
    "site",
    "campus",
    "mine",
    "depot",
    "terminal",
    "headquarters",
    "facility",
    "mill",
    "refinery",
    "yard",
    "port",
    "center",
    "centre",
}
# Nouns a place name before them makes part of the place: "the Ashgrove
# office", "the Eastgate district", "the Maine coast".
PART_NOUNS = AREA_NOUNS | SITE_NOUNS | FEATURE_NOUNS
# People who work at an organisation's building, which is then their employer.
STAFF_NOUNS = {
    "nurse", "worker", "employee", "staff", "doctor", "physician", "surgeon",
    "teacher", "researcher", "scientist", "technician", "pharmacist", "guard",
}  # fmt: skip
# "at Harlow Central High School": an organisation's building is a place.
FACILITY_WORDS = {
    "school",
    "hospital",
    "stadium",
    "airport",
    "arena",
    "center",
    "centre",
    "park",
    "museum",
    "library",
    "station",
    "university",
    "college",
    "hall",
}
# Places so wide that "in the region" or "in the city" only sets the scene.
WIDE_PLACES = {"region", "city", "state", "country", "nation", "area"}
# Buildings that stand for the body in them: "nurses at the hospital in Carrick Bay".
BODY_WORDS = {"hospital", "school", "university", "college", "museum", "library"}
# Buildings and grounds where things happen, which a town after them locates:
# "the civic hall in Marlow Point".
SITES = (
    SITE_NOUNS
    | BUILDING_NOUNS
    | FACILITY_WORDS
    | {
        "courthouse", "kitchen", "church", "chapel", "gym", "gymnasium", "clinic",
        "shelter", "pier", "dock", "wharf", "marina", "fairground", "fairgrounds",
        "theatre", "theater", "hotel", "mall", "market", "offices", "bay", "arena",
        "cafeteria", "ballroom", "lobby", "courtyard", "field", "commons",
    }
)  # fmt: skip


def find_places(
    sent: SpacySpan, ents: list, parties: tuple[str, ...], names: NameBook | None = None
) -> tuple[str, ...]:
    """Return the places a sentence names, where things happen first.

    "Memphis, Tennessee" is one place, and so is "Carrow and Penhurst" when a
    line runs between them; a place is given without its preposition.
    """
    groups: list[list] = []
    ranked: list[tuple[int, str]] = []
    known = names.known_parties() if names is not None else set()
    based = [span for ent in ents if is_place(ent, known) and (span := based_in(ent))]
    for ent in ents:
        if is_destination(ent):
            groups.append([ent])
            continue
        if not is_place(ent, known) or ent.text in parties or ent.text.lower() in NOT_NAMES:
            continue
        if is_recipient(ent):
            continue
        if any(span.start <= ent.start < span.end for span in based):
            continue
        where = ent.root.dep_ == "pobj" and (
            ent.root.head.lower_ in PLACE_PREPOSITIONS
            or ent.root.head.lower_ == "of"
            and ent.root.head.head.lemma_ in PLACE_NOUNS  # "the mountain town of Ostwick"
        )
        if names is not None and not where and names.names_org(ent.text):
            continue  # "Shares of Lumenfield", "Calder Ridge will pay": the company
        if ent.root.dep_ == "amod" and len(ent) == 1:
            continue  # "Atlantic salmon": a kind, not a place
        owner = ent.root.head
        if (
            ent.root.dep_ in {"compound", "nmod"}
            and owner.i >= ent.end
            and not (owner.dep_ == "pobj" and owner.head.lower_ in PLACE_PREPOSITIONS)
            and owner.lemma_ not in PART_NOUNS
        ):
            # "Colorado lawmakers", "Jessup County Sheriff": whose, not where (but
            # "the Ashgrove office will close" is where)
            continue
        bare = re.sub(r"(?:'s|’s)$", "", ent.text)
        if names is not None and bare in names.short and ent.root.dep_ != "pobj":
            continue  # "a museum of Hallam's size", "requires Sunfield to": a party
        if groups and between_is_comma(sent, groups[-1][-1], ent):
            groups[-1].append(ent)
        else:
            groups.append([ent])
    doc = sent.doc
    ranked.extend((2, span.text) for span in based)
    for group in groups:
        start, end = group[0].start, group[-1].end
        before = doc[start - 1] if start > sent.start else None
        if before is not None and before.lower_ == "the" and start <= before.head.i < end:
            start -= 1  # "the Sable River", as written
        start, end = place_phrase(group[0], start, end)
        if len(group) == 1:
            end = with_region(group[0], end)
            end = max(end, other_town(group[0]))
        elif end == group[-1].end:
            end = with_region(group[-1], end)  # "Hatchel Bend and Delmore Falls, Iowa"
        if doc[end - 1].tag_ == "POS":
            end -= 1  # "Ochre Lake's airport": the town, without the possessive
        text = " ".join(doc[start:end].text.split())  # as read, not as wrapped
        head = group[0].root.head
        if head.lower_ == "between" and len(group) == 2 and " and " not in text:
            text = text.replace(", ", " and ", 1)  # two towns, not a town and its region
        # Where something happens ("in Memphis") before what is named ("the
        # Northern Line will run"): the place of the sentence is in a phrase,
        # and a town before a building in it ("a specialist at the Northern
        # Lakes Agricultural Station in East Corvin").
        if group[0].root.dep_ != "pobj":
            rank = 2
        elif head.lower_ not in PLACE_PREPOSITIONS | ROUTE_PREPOSITIONS:
            rank = 1  # "people from Wrenfield Island crowded into the hall in Marlow Point"
        else:
            rank = 0 if group[0].label_ in {"GPE", "LOC"} or head.lower_ == "between" else 1
        ranked.append((rank, text))
    named_heads = {p.split()[-1].lower() for p in names.places} if names else set()
    for token in sent:
        phrase = phrase_of(token)
        det = [c for c in phrase.children if c.dep_ in {"det", "poss"}]
        if not (det and phrase.dep_ == "pobj" and phrase.head.lower_ in PLACE_PREPOSITIONS):
            continue
        if token.lemma_.lower() in WIDE_PLACES and not any(
            c.dep_ == "compound" for c in token.children
        ):
            continue  # "builders in the region", "wages in the city": the story's setting
        if det[0].lower_ == "the" and (
            token.lemma_.lower() in PLACE_NOUNS or token.lower_ in named_heads
        ):
            # "in the county", "at the fairgrounds": a place named earlier;
            # "through the Fenmore Heights neighborhood": one named here
            first = min([token.i, *(c.left_edge.i for c in token.children if c.dep_ == "compound")])
            ranked.append((1, f"the {doc[first : token.i + 1].text}"))
        elif token.lemma_.lower() in BUILDING_NOUNS | FEATURE_NOUNS:
            # "in the east wing", "at the foot of the glacier", "at the Marlow
            # Street junction in central Kelvane": a place described, not named
            ranked.append((1, described_place(phrase)))
    ranked.sort(key=lambda pair: pair[0])
    texts = list(dict.fromkeys(text for _, text in ranked))
    # "Mill Road in Dunmore Flats" says all that "Dunmore Flats" does.
    return tuple(t for t in texts if not any(t != o and f" {t}" in f" {o}" for o in texts))


def other_town(ent: SpacySpan) -> int:
    """Return where "Lindell and Ashgrove" ends, a town the model left untagged
    included; else where the place ends."""
    root = ent.root
    towns = [
        c
        for c in root.children
        if c.dep_ == "conj" and c.pos_ == "PROPN" and not c.ent_type_ and c.i >= ent.end
    ]
    if towns and any(c.lower_ == "and" for c in root.children if c.dep_ == "cc"):
        return towns[0].i + 1
    return ent.end


def based_in(ent: SpacySpan) -> SpacySpan | None:
    """Return "Halverston, Michigan" of "the Halverston, Michigan-based carmaker"."""
    doc = ent.doc
    if not (
        ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ == "based"
    ):
        return None
    start = ent.start
    if start > 1 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN":
        start -= 2
        while start > 0 and doc[start - 1].pos_ == "PROPN":
            start -= 1
    return doc[start : ent.end]


def with_region(ent: SpacySpan, end: int) -> int:
    """Return where "Kourou, French Guiana" ends, the region in apposition included."""
    doc = ent.doc
    region = [
        c
        for c in ent.root.children
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == end + 1
    ]
    if region and doc[end].text == ",":
        last = region[0].right_edge
        while is_marker(last) or last.is_punct:
            last = doc[last.i - 1]  # "Upper Teslin[^1]": the marker hangs off the region
        return last.i + 1
    return end


def town_of(ent: SpacySpan) -> list[Token]:
    """Return the place a name is said to be in: "Bransford" of "Calderwood
    General Hospital in Bransford"."""
    towns = [
        c
        for p in ent.root.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for c in p.children
        if c.dep_ == "pobj" and c.ent_type_ in {"GPE", "LOC"}
    ]
    doc = ent.doc
    if not towns and ent.end + 1 < len(doc) and doc[ent.end].lower_ == "in":
        # "at the Northern Lakes Agricultural Station in East Corvin", with the
        # town parsed as where the verb happens
        town = doc[ent.end + 1]
        if town.ent_type_ in {"GPE", "LOC"} and town.ent_iob_ == "B":
            towns = [town]
    return towns


def place_phrase(ent: SpacySpan, start: int, end: int) -> tuple[int, int]:
    """Widen a place to the phrase that says where: "the foothills of the Talbot
    Range", "the ridge north of Cedar Gap", "the Jessup County Fairgrounds in
    Harlan Springs".
    """
    doc = ent.doc
    root = ent.root
    area = root.head
    if root.dep_ == "compound" and area.lemma_ in PART_NOUNS and area.dep_ == "pobj":
        # "through the Eastgate district", "into the Tolley Point terminal",
        # "off the Maine coast"
        return area.left_edge.i, area.i + 1
    site = site_around(root)
    if site is not None:
        return site.left_edge.i, end
    inner = town_of(ent)
    if inner and root.dep_ == "pobj" and root.head.lower_ in WHERE_PREPOSITIONS:
        inner_end = inner[0].i + 1
        while inner_end < len(doc) and doc[inner_end].ent_iob_ == "I":
            inner_end += 1  # the name alone: not "Easton Vale, which enrolled ..."
        if ent.label_ == "ORG":
            # "nurses at Calderwood General Hospital in Bransford": the hospital
            # is a party; the town is where.
            inner_start = inner[0].i
            while doc[inner_start].ent_iob_ == "I":
                inner_start -= 1
            return inner_start, inner_end
        return start, max(end, inner_end)
    outer = None
    token = root
    while token.dep_ == "pobj" and token.head.lower_ in CHAIN_PREPOSITIONS:
        head = token.head.head
        while head.pos_ == "ADV" and head.dep_ == "advmod":
            head = head.head  # "north of"
        if head.pos_ not in {"NOUN", "PROPN"} or head.i > root.i:
            break
        token = head
        # "The town of Dunlevy"; "the Greyhollow copper mine near Dunlevy"
        named_town = head.lemma_ in PLACE_NOUNS and root.head.lower_ == "of"
        if named_town or head.dep_ == "pobj" and head.head.lower_ in WHERE_PREPOSITIONS:
            outer = head
    if outer is None:
        return start, end
    nearer = [
        t
        for t in doc[outer.i + 1 : root.i]
        if t.dep_ == "pobj" and t.pos_ == "NOUN" and t.head.lower_ in WHERE_PREPOSITIONS
    ]
    if nearer:
        outer = nearer[0]  # "a spill at the copper mine near Dunlevy": the mine is where
    first = outer.left_edge.i
    if doc[first].dep_ not in {"det", "amod", "poss", "compound"} or first == outer.i:
        return start, end  # "prices paid at elevators around Ashby Falls": not a place
    return first, max(end, root.i + 1)


def site_around(root: Token) -> Token | None:
    """Return the building a town or street is where of: "the civic hall" of
    "crowded into the civic hall in Marlow Point", "the old school kitchen" of
    "cooked at the old school kitchen on Wilcombe Avenue" (but "its cannery in
    Port Hadlow" and "the Corvane Solvents Inc. plant in Bellhaven" are where the
    town is: a body's building stands for the body)."""
    if not (root.dep_ == "pobj" and root.head.lower_ in {"in", "on"}):
        return None
    site = root.head.head
    before = root.doc[root.head.i - 1]
    if site.i != before.i and before.dep_ == "pobj":
        site = before  # "into the Grange Hall in Harrow Springs", "in" read as the verb's
    if (
        site.dep_ == "pobj"
        and site.head.lower_ in WHERE_PREPOSITIONS | {"into", "onto"}
        and site.lemma_.lower() in SITES - BODY_WORDS
        and not any(t.ent_type_ in {"ORG", "PERSON", "GPE"} for t in site.lefts)
        and site.ent_type_ not in {"ORG", "PERSON", "GPE"}
        and any(c.dep_ == "det" and c.lower_ == "the" for c in site.children)
    ):
        return site
    return None


def described_place(phrase: Token) -> str:
    """Return a noun phrase that says where, without its clauses and markers."""
    cut = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}
    words = sorted(
        t.i
        for t in phrase.subtree
        if not is_marker(t) and not any(a.dep_ in cut for a in path_to(t, phrase))
    )
    end = words[0]
    while end + 1 in words:
        end += 1  # the words next to each other from the first on
    return phrase.doc[words[0] : end + 1].text


def path_to(token: Token, top: Token) -> Iterator[Token]:
    """Yield a token and its heads up to, not including, ``top``."""
    while token.i != top.i:
        yield token
        token = token.head


def phrase_of(token: Token) -> Token:
    """Return the head of a noun's phrase, seeing through a marker parsed as its head.

    The parser sometimes takes "east wing [^1]" for a compound whose head is
    the marker; the marker then stands where the noun should.
    """
    if token.dep_ == "compound" and is_marker(token.head):
        return token.head
    return token


def is_place(ent: SpacySpan, parties: Container[str] = ()) -> bool:
    """Tell whether an entity is where something happens.

    ``parties`` holds the names already met as parties: "a stake in Anthropic"
    is no place once Anthropic is known.
    """
    if ent.label_ in {"GPE", "LOC"} or is_landform(ent):
        return True  # a landform: "from Tamsley Creek Reservoir", "the Quillan River"
    root = ent.root
    if ent.label_ in {"ORG", "PERSON", "FAC"} and ent.text not in parties:
        if root.dep_ == "conj" and root.head.ent_type_ in {"GPE", "LOC"}:
            return True  # "between Cedar Gap and Mill Flat"
        if (
            root.dep_ == "conj"
            and ent[-1].lower_ in FACILITY_WORDS
            and root.head.dep_ == "pobj"
            and root.head.head.lower_ in PLACE_PREPOSITIONS
        ):
            return True  # "at Cawthorn Central High School and the Yelverton Community Center"
        if root.head.lower_ == "between" and " and " in ent.text:
            return True  # "between Ballangrove and Tarrawong" read as one name
        if root.head.lower_ == "of" and root.head.head.lemma_ in PLACE_NOUNS:
            return True  # "the mountain town of Brisca"
        if len(ent) == 1 and root.head.lower_ == "in" and root.head.head.pos_ in {"NOUN", "PROPN"}:
            return True  # "The Provincial Administrative Court in Harlen"
        if len(ent) == 1 and root.dep_ == "pobj" and root.head.lower_ in AREA_PREPOSITIONS:
            return True  # "Losses were heaviest around Owenby"
    # "born in Haarlem": a place the small model took for a person; a facility
    # is a place only after a preposition ("at Harlow Central High School").
    after_preposition = ent.root.head.lower_ in PLACE_PREPOSITIONS | {"from"}
    if ent.label_ == "FAC" and ent.root.head.lower_ in ROUTE_PREPOSITIONS:
        return True  # "shops on Wexley Avenue", "a detour over the Kessler Road Bridge"
    if ent.label_ == "FAC" and ent[-1].lower_ in STRUCTURES:
        # "the board chose Millrace Road", "Brannock Dam holds back ...", "on the
        # Halsey Avenue corridor" (but not "Millrace Road residents")
        return ent.root.dep_ != "compound" or ent.root.head.lemma_ in PART_NOUNS
    if (
        ent.label_ in {"ORG", "PERSON", "FAC"}
        and after_preposition
        and len(ent) == 1
        and ent.root.head.head.lemma_ in LOCATIVE_VERBS
    ):
        return True
    if ent.label_ == "ORG":
        # "nurses at St. Brendan's Regional Medical Center" work for it, and so
        # does "Saskia Vanderhoef, a tourism economist at Marquand College"
        role = ent.root.head.head
        staff = role.lemma_ in STAFF_NOUNS or (
            role.dep_ == "appos" and role.head.ent_type_ == "PERSON"
        )
        # "the Pollinator Research Lab at Calder State University": a body's
        # parent, not where it is
        parent = ent.root.head.head.ent_type_ == "ORG"
        return after_preposition and ent[-1].lower_ in FACILITY_WORDS and not (staff or parent)
    if ent.label_ == "PERSON" and ent.root.head.lower_ == "from":
        return False  # "votes from council members Rufina Obradovic, ...": who, not where
    return ent.label_ in {"FAC", "PERSON"} and after_preposition and ent.text not in parties


def is_destination(ent: SpacySpan) -> bool:
    """Tell whether a name is where someone or something was moved to or from:
    "taken to Silverbend Regional Hospital", "routed back to Tallowmere General".

    Read from the words before the name, which the parser often attaches
    wrongly here. A name with its town after it ("Harwell Regional Medical
    Center in Corliss") leaves the town to say where.
    """
    if not (ent.label_ in {"GPE", "LOC", "FAC"} or ent.label_ == "ORG" and ent[-1].lower_ in SITES):
        return False  # "nurses from Brightline Clinical Staffing": a company
    doc = ent.doc
    i = ent.start - 1
    while (
        i > ent.sent.start
        and (doc[i].pos_ in {"DET", "ADJ"} or doc[i].tag_ == "VBN")
        and (ent.start - i <= 2)
    ):
        i -= 1  # "to the restored Orpheum Theatre"
    if i <= ent.sent.start or doc[i].lower_ not in {"to", "from"} or town_of(ent):
        return False
    verb = doc[i - 1]
    if verb.lower_ in {"back", "off"} and i >= 2:
        verb = doc[i - 2]  # "routed back to", "set off from"
    elif verb.lemma_ == "set":
        return False  # "set to open", not "set off from"
    return verb.pos_ == "VERB" and verb.lemma_.lower() in MOTION_VERBS


def is_recipient(ent: SpacySpan) -> bool:
    """Tell whether a place is a body something is handed to: "a study submitted
    to Lorrimer County", "sold the land to the state"."""
    root = ent.root
    return (
        ent.label_ == "GPE"
        and root.dep_ == "pobj"
        and root.head.lower_ == "to"
        and root.head.head.lemma_.lower() in TRANSFER_VERBS
    )


def between_is_comma(sent: SpacySpan, left, right) -> bool:
    """Tell whether only a comma, "and" or "and the" separates two places."""
    between = [t.lower_ for t in sent.doc[left.end : right.start]]
    return between in ([","], ["and"], ["and", "the"])
