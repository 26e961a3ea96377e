"""Tests of the opinion detector on sentences written for these tests.

They run the real English model: the cues are read from its parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from copydesk.lexicon import _opinion_cues, lexicon
from copydesk.pipeline.opinion import find_cues, is_opinion, opinion_cue

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

FAMILIES = {
    "loaded_word",
    "evaluative_predicate",
    "evaluative_modifier",
    "framing_verb",
    "stance_adverb",
    "sentence_comment",
    "intensifier",
    "hedge",
    "speculation",
    "prescription",
    "first_person",
    "writer_belief",
    "reader_address",
    "rhetorical_question",
    "question",
    "exclamation",
    "superlative",
    "absolute",
    "minimizer",
    "argument_marker",
    "phrase",
    "scare_quote",
    "emphasis",
    "figure",
    "date",
    "past_narrative",
    "sentiment_word",
}


@pytest.fixture(scope="session")
def english() -> Language:
    """Return copydesk's English pipeline, loaded once."""
    from copydesk.nlp import load_nlp

    return load_nlp()


def sentence(english: Language, text: str) -> Span:
    """Return the text parsed as one span, as copydesk passes a sentence."""
    return english(text)[:]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        pytest.param("The launch turned into a costly fiasco.", "loaded_word", id="loaded-noun"),
        pytest.param(
            "The board recklessly ignored the warnings.",
            "loaded_word",
            id="loaded-adverb-from-adjective",
        ),
        pytest.param(
            "The agency squandered the grant on consultants.", "loaded_word", id="loaded-verb"
        ),
        pytest.param(
            "The timing of the merger is notable.",
            "evaluative_predicate",
            id="evaluative-predicate",
        ),
        pytest.param(
            "It was a thoughtful proposal from the mayor.",
            "evaluative_predicate",
            id="evaluative-attribute-of-predicate",
        ),
        pytest.param(
            "The mayor made a thoughtful proposal.", "evaluative_modifier", id="evaluative-modifier"
        ),
        pytest.param(
            "This acquisition signals a retreat from Europe.", "framing_verb", id="framing-verb"
        ),
        pytest.param(
            "The plan is arguably the boldest bet in the industry.",
            "stance_adverb",
            id="stance-adverb",
        ),
        pytest.param("The rollout was deeply flawed.", "intensifier", id="intensifier"),
        pytest.param(
            "The bill is a massive giveaway to landlords.", "intensifier", id="size-adjective"
        ),
        pytest.param(
            "The company appears to be pivoting toward cloud services.", "hedge", id="hedge-verb"
        ),
        pytest.param("The plant will perhaps close next year.", "hedge", id="hedge-adverb"),
        pytest.param("The deal could reshape the market.", "speculation", id="speculation"),
        pytest.param(
            "The board must change course before the vote.", "prescription", id="prescriptive-modal"
        ),
        pytest.param(
            "Regulators need to act before the merger closes.",
            "prescription",
            id="prescriptive-need",
        ),
        pytest.param("I believe the plan will fail.", "first_person", id="first-person-i"),
        pytest.param(
            "We are sleepwalking into a housing crisis.", "first_person", id="first-person-we"
        ),
        pytest.param(
            "You would be forgiven for missing the fine print.",
            "reader_address",
            id="second-person",
        ),
        pytest.param("Consider the cost of another delay.", "reader_address", id="imperative"),
        pytest.param(
            "Who could possibly object to lower fares?",
            "rhetorical_question",
            id="rhetorical-question",
        ),
        pytest.param("Why did the price of copper rise?", "question", id="plain-question"),
        pytest.param("What a waste of public money!", "exclamation", id="exclamation"),
        pytest.param(
            "It is the smartest move the firm has made in years.", "superlative", id="superlative"
        ),
        pytest.param("Nobody wants higher fees.", "absolute", id="absolute"),
        pytest.param("The merger was merely a rebranding.", "minimizer", id="minimizer"),
        pytest.param(
            "The delay is not an accident but a strategy.", "argument_marker", id="not-x-but-y"
        ),
        pytest.param(
            "Of course, the new stadium will cost more than promised.",
            "argument_marker",
            id="argument-phrase",
        ),
        pytest.param(
            "Gone are the days when the scheme paid for itself.", "phrase", id="set-phrase"
        ),
        pytest.param("The firm’s “savings” never arrived.", "scare_quote", id="scare-quote"),
        pytest.param("The plan does NOT cut costs.", "emphasis", id="capitals"),
        pytest.param("The company paid $9,500 in fines.", "figure", id="figure"),
        pytest.param("He resigned in 2019.", "date", id="date"),
        pytest.param("The board approved the plan.", "past_narrative", id="past-narrative"),
        pytest.param(
            "The ruling is a landmark.", "evaluative_predicate", id="evaluative-noun-predicated"
        ),
        pytest.param(
            "The slowdown is a warning sign for the city.",
            "evaluative_predicate",
            id="evaluative-noun-in-compound",
        ),
        pytest.param(
            "The signing signals that the owners are finally willing to spend.",
            "framing_verb",
            id="framing-verb-tagged-as-noun",
        ),
        pytest.param(
            "Owners, it seems, will be left waiting weeks for a fix.", "hedge", id="it-seems"
        ),
        pytest.param(
            "The company's board should explain why the cuts fell so heavily on the city.",
            "prescription",
            id="reporting-verb-demanded",
        ),
    ],
)
def test_find_cues_finds_each_family(english: Language, text: str, family: str) -> None:
    """Find the cue of each family in a sentence written to show it."""
    assert family in {cue.family for cue in find_cues(sentence(english, text))}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "That is cold comfort to the families who spent the afternoon taping towels under "
            "their doors.",
            id="cold-comfort",
        ),
        pytest.param(
            "While the fee sounds steep, $48 million is arguably cheap for a harbour this deep.",
            id="arguably-outweighs-a-figure",
        ),
        # The project's example article: the writer's framing and judgement.
        pytest.param(
            "This partnership signals a strategic shift for Elon Musk, who is "
            "currently engaged in a lawsuit against OpenAI.",
            id="example-signals",
        ),
        pytest.param(
            "The timing of the deal is notable given the ongoing legal conflict "
            "between Musk and OpenAI [1].",
            id="example-notable",
        ),
        pytest.param(
            "While Musk has criticized the current direction of OpenAI, this "
            "partnership with Anthropic demonstrates a willingness to support a "
            "direct competitor in the AI race through infrastructure leasing.",
            id="example-demonstrates",
        ),
        pytest.param(
            "This partnership illustrates the growing interdependence between AI "
            "software developers and infrastructure providers.",
            id="example-illustrates",
        ),
        pytest.param(
            "Furthermore, Musk's decision to back Anthropic suggests that his "
            "priority is dominating the AI infrastructure layer, even while he "
            "remains in legal opposition to OpenAI.",
            id="example-suggests",
        ),
        # One strong cue is enough.
        pytest.param("The launch turned into a costly fiasco.", id="loaded-word"),
        pytest.param("The board must change course before the vote.", id="prescription"),
        pytest.param("I believe the plan will fail.", id="first-person"),
        pytest.param("It remains to be seen whether the scheme will work.", id="phrase"),
        pytest.param(
            "After a summer of dry taps, the new rate felt less like a reform than a penalty.",
            id="less-like-a-than-a",
        ),
        pytest.param(
            "The fight is less on wages than on who controls the schedule.",
            id="less-on-than-on",
        ),
        pytest.param(
            "Whether the smaller growers can survive a second bad harvest is an open question.",
            id="whether-clause-as-subject",
        ),
        pytest.param(
            "Whether tenants will trust a landlord that has just broken its word is another"
            " matter.",
            id="whether-clause-is-another-matter",
        ),
        pytest.param("What a waste of public money!", id="exclamation"),
        pytest.param("The company appears to be pivoting toward cloud services.", id="hedge"),
        # Weak cues together.
        pytest.param("Nobody could have predicted such a mess.", id="weak-cues-together"),
        pytest.param("Who could possibly object to lower fares?", id="rhetorical-question"),
        # A decisive cue outweighs the marks of a report.
        pytest.param(
            "The deal, signed on May 6, 2026, signals a shift in strategy.",
            id="decisive-despite-date",
        ),
        # The writer's own words around attributed speech still count.
        pytest.param(
            "The minister, whose record on housing is dismal, said the plan would work.",
            id="description-of-speaker",
        ),
        pytest.param(
            "The regulator, laughably, said the rules were clear.", id="comment-on-saying"
        ),
        pytest.param(
            "The council called in outside auditors after a disastrous year.",
            id="reporting-verb-without-words",
        ),
        pytest.param("I think the merger is a mistake.", id="writer-is-no-speaker"),
        pytest.param(
            "It remains to be seen whether $140 a day will go far in the cities on the itinerary.",
            id="figure-inside-an-open-question",
        ),
        pytest.param(
            "He has a point: a flat percentage increase is a blunt tool for a burden this uneven.",
            id="has-a-point",
        ),
        pytest.param("It is a bargain on paper.", id="on-paper"),
        pytest.param(
            "His objection deserved a fuller answer than the majority gave it.",
            id="a-judging-verb-in-the-past",
        ),
        pytest.param(
            "It is a humbling retreat for a chain that opened its first shop in 1979.",
            id="a-participle-read-as-a-noun",
        ),
        pytest.param(
            "Anyone who has driven the pass in January knows how little room those bends leave.",
            id="what-anyone-knows",
        ),
        pytest.param("Neither side looks ready to blink.", id="looks-ready"),
        pytest.param(
            "Finding large deposits of ice would signal that crewed missions could live there.",
            id="an-act-is-no-speaker",
        ),
        pytest.param(
            "That record suggests the fire was less an accident than a warning.",
            id="inference-from-a-fact-just-told",
        ),
        pytest.param(
            "The order signals that operators are once again willing to pay for their own rides.",
            id="a-document-does-not-signal",
        ),
        pytest.param(
            "The board should release the model so voters can check the mayor's "
            "$210 million figure.",
            id="figure-in-what-a-prescription-is-for",
        ),
        pytest.param(
            "The council should publish the routes before families are asked to enrol in August.",
            id="date-in-a-prescription-deadline",
        ),
        pytest.param(
            "The size of the grant signals that donors are warming to rural clinics.",
            id="framing-verb-parsed-as-a-noun",
        ),
        pytest.param(
            "The vote signals that Halden is no longer willing to wait for cheaper trams.",
            id="framing-verb-with-no-parsed-subject",
        ),
        pytest.param(
            "The size of the investment signals that Harrowgate expects to keep the smelter "
            "running for decades.",
            id="framing-verb-parsed-as-a-noun-in-a-prepositional-phrase",
        ),
        pytest.param(
            "We doubt that 120 new hires will be enough if the interpreters already on the "
            "register keep walking away.",
            id="the-writer-doubts-a-figure",
        ),
        pytest.param(
            "For a farming town, that is a very large bet on a hungry neighbour.",
            id="the-writer-names-what-was-told",
        ),
        pytest.param(
            "Those are sobering figures for a port that has long relied on its trawlers.",
            id="participle-read-as-a-verb",
        ),
        pytest.param("It is a small mercy that no one was hurt in the blaze.", id="a-small-mercy"),
        pytest.param("It is a large ask for a town of this size.", id="a-large-ask"),
        pytest.param(
            "A cracked blade at one of the town's busiest junctions signals a repair budget that "
            "has fallen short.",
            id="framing-verb-in-a-verbless-parse",
        ),
        pytest.param(
            "Arguably, the university acted only after outsiders had forced its hand.",
            id="a-stance-adverb-opens-a-past-narrative",
        ),
        pytest.param(
            "Perhaps the board had little choice, given the age of its ships.",
            id="a-hedge-opens-a-past-narrative",
        ),
        pytest.param(
            "That is a long spring for a town living at the end of a detour.",
            id="a-plain-adjective-measured-against-a-kind",
        ),
        pytest.param(
            "That the company settled at all suggests its lawyers did not like their chances.",
            id="a-fact-as-the-subject-of-a-framing-verb",
        ),
        pytest.param(
            "The state government should require tug escorts for every large ship, as Bay "
            "Watch has urged.",
            id="the-writer-joins-a-call",
        ),
        pytest.param(
            "Borrowing against next year's crop is a poor substitute for insurance.",
            id="a-poor-substitute",
        ),
        pytest.param(
            "The filing suggests that Sagebrook Air now sees its future on a few busy routes, "
            "not in the small towns that built it.",
            id="a-filing-draws-no-conclusion",
        ),
        pytest.param(
            "It is telling that the board moved only after a county inspector walked into the "
            "kitchen, not after months of complaints from families at its own meetings.",
            id="it-is-telling-that",
        ),
        pytest.param(
            "A company feeding roughly 6,800 children a day should not have needed a county "
            "inspector to find a warm cooler.",
            id="a-reproach-with-a-figure",
        ),
        pytest.param(
            "While the overpass will not carry its first elk until late 2027, the department "
            "deserves credit for finally listening to the people who drive this road after dark.",
            id="deserves-credit-beside-a-date",
        ),
        pytest.param(
            "It is the most consequential housing vote the city has taken in a generation, and "
            "both sides know it.",
            id="the-most-consequential",
        ),
        pytest.param(
            "Landlords have a fair point about repair costs, but an industry that pushed median "
            "rents up 7.8 percent last year will struggle to cast itself as the victim.",
            id="a-fair-point-beside-a-figure",
        ),
        pytest.param(
            "With rates already rising 6 percent a year partly to pay for the tunnel, "
            "ratepayers have every right to be losing patience.",
            id="every-right",
        ),
        pytest.param(
            "Anyone who has worked a July afternoon under a metal warehouse roof in Tennessee "
            "will understand why the campaign caught on so quickly.",
            id="what-anyone-will-understand",
        ),
        pytest.param(
            "It remains to be seen whether a cheap bid stays cheap once crews start pulling "
            "55-year-old pilings out of the harbor.",
            id="an-open-question-beside-a-figure",
        ),
        pytest.param(
            "We will be at the gate on November 30 to count how many of the 620 actually "
            "walk back in.",
            id="the-writers-intent-beside-a-date",
        ),
        pytest.param(
            "For a fair that needed a county bailout to survive the 2020 season, those are "
            "numbers worth celebrating.",
            id="a-yardstick-beside-a-date",
        ),
        pytest.param(
            "For a town that has lived beside a silent mill for more than two and a half years, "
            "the news will sound like a reprieve.",
            id="a-yardstick",
        ),
        pytest.param(
            "It is a tidy figure, but savings on a spreadsheet rarely survive contact with a bus"
            " timetable.",
            id="a-name-for-what-was-told-then-but",
        ),
        pytest.param(
            "Few households will take much comfort from being told that their money is going"
            " into the ground.",
            id="few-people-will",
        ),
        pytest.param(
            "The city hardly needs three months of study to conclude that a July marathon needs"
            " an earlier start.",
            id="a-july-marathon-is-no-date",
        ),
    ],
)
def test_opinion_cue_flags_the_writers_opinion(english: Language, text: str) -> None:
    """Flag the writer's judgement, speculation and framing as opinion."""
    assert opinion_cue(sentence(english, text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The hotel, which opened in 1911, was named a city landmark in 1987.",
            id="a-landmark-by-designation",
        ),
        pytest.param("Perhaps 200 people came to the meeting.", id="a-hedged-count"),
        # The project's example article: facts, cited or not.
        pytest.param(
            "SpaceX signed a deal on May 6, 2026 [1], to lease its Colossus 1 "
            "artificial-intelligence data center to Anthropic.",
            id="example-deal",
        ),
        pytest.param(
            "The agreement provides Anthropic with critical compute capacity to "
            "scale its Claude AI models.",
            id="example-descriptive-adjective",
        ),
        pytest.param(
            "The Colossus 1 facility is located in Memphis, Tennessee [2].", id="example-location"
        ),
        pytest.param(
            "By utilizing this infrastructure, Anthropic can ease the compute "
            "capacity constraints that often hinder the development of "
            "large-scale language models [3].",
            id="example-can",
        ),
        pytest.param(
            "The deal allows Anthropic to expand its processing power without the "
            "immediate need to build its own physical hardware sites.",
            id="example-need-noun",
        ),
        pytest.param(
            "For SpaceX, the deal secures a marquee customer for its AI infrastructure [4].",
            id="example-marquee",
        ),
        pytest.param(
            "This move comes as the company prepares for a planned initial public "
            "offering, a transition that requires strong revenue streams and "
            "high-profile corporate partnerships to attract investors [4].",
            id="example-strong",
        ),
        pytest.param(
            "SpaceX continues to diversify its business model beyond rocket "
            "launches and satellite internet.",
            id="example-continues",
        ),
        # Attributed speech and quoted words are facts about what was said.
        pytest.param(
            'Musk said the deal was "a breakthrough" for the industry.',
            id="reporting-verb-and-quote",
        ),
        pytest.param("According to analysts, the move is a bold bet.", id="according-to"),
        pytest.param("Analysts said the merger was a reckless gamble.", id="reporting-verb-root"),
        pytest.param("Musk said the deal was a reckless gamble.", id="speaker-name-without-entity"),
        pytest.param("The merger is a reckless gamble, the union said.", id="reporting-verb-after"),
        pytest.param("“This is a reckless gamble,” the senator said.", id="quotation"),
        pytest.param(
            "The banner outside the hall read “Stop this absurd plan”.", id="quoted-words"
        ),
        pytest.param("As the regulator noted, the rules are vague and confusing.", id="as-clause"),
        pytest.param(
            "Critics claim the fee is absurd, but the board approved it.", id="reported-clause"
        ),
        pytest.param("Experts describe the plan as ludicrous.", id="describe-as"),
        pytest.param("The merger is expected to be a huge success.", id="passive-reporting"),
        pytest.param(
            "Figure 2 shows that the plan is a huge waste of money.", id="document-speaks"
        ),
        pytest.param(
            "Analysts suggest the merger will lower prices.", id="framing-verb-with-speaker"
        ),
        pytest.param(
            "The mayor has been, in the words of one aide, “a total disaster”.", id="words-of"
        ),
        pytest.param(
            "“The plan is a shambles. It will never work,” he told reporters.",
            id="quotation-of-two-sentences",
        ),
        # Weak cues alone, descriptions and the marks of a report.
        pytest.param("The company has never paid a dividend.", id="weak-cue-alone"),
        pytest.param("Nobody attended the hearing on May 6.", id="weak-cue-and-date"),
        pytest.param(
            "The council decides what should be built on the site.", id="should-in-relative-clause"
        ),
        pytest.param(
            "The agreement still needs to be approved by shareholders.", id="needs-to-be-passive"
        ),
        pytest.param("I asked the minister about the delay.", id="writer-reports-an-act"),
        pytest.param(
            "Save Our Parks, a local charity, filed the complaint.", id="first-person-in-a-name"
        ),
        pytest.param(
            "The company dropped the phrase “net zero” from its annual report.",
            id="mention-not-scare-quote",
        ),
        pytest.param("So far, only 20 percent of the homes have power.", id="so-far-only-figure"),
        pytest.param("The US imposed new tariffs on steel.", id="us-is-a-country"),
        pytest.param("The agency issued a warning on Monday.", id="evaluative-noun-as-object"),
        pytest.param(
            "The price represents a premium of 38% over the closing price.",
            id="framing-verb-with-a-figure",
        ),
        pytest.param(
            "The guild, which represents about 2,000 employees, has asked for talks.",
            id="framing-verb-in-relative-clause",
        ),
        pytest.param(
            "The Teslin River Alliance asked for a review of whether the plant would draw "
            "too much water from the river.",
            id="modal-in-an-indirect-question",
        ),
        pytest.param(
            "The alliance asked for an independent review of how much water the plant would "
            "take from the river [2].",
            id="modal-in-a-how-question",
        ),
        pytest.param("Police are looking into the fire.", id="looking-into"),
        pytest.param(
            "The report suggests the fire started in a storage shed.", id="a-report-suggests"
        ),
        pytest.param("The city paid $5 million so residents can swim.", id="purpose-of-a-fact"),
        pytest.param(
            "The council published the routes before families were asked to enrol for August.",
            id="date-before-a-past-act",
        ),
        pytest.param(
            "The union signals that it will strike in March.", id="a-speaker-signals-that"
        ),
        pytest.param(
            "The board ignored the signals that the dam was failing.", id="signals-is-a-noun"
        ),
        pytest.param(
            "We expect to hire 40 people next year, the company said.",
            id="a-quoted-company-expects",
        ),
        pytest.param("The company looks to expand into Asia.", id="looks-to"),
        pytest.param(
            "Tips can be given in confidence to the task force.", id="in-confidence-is-no-praise"
        ),
        pytest.param(
            "Investigators believe the thieves got in through a window with a broken alarm.",
            id="thieves-are-no-judgement",
        ),
        pytest.param("That is a small town in northern Ohio.", id="that-is-a-described-noun"),
        pytest.param(
            "Two passengers were taken to hospital with serious injuries.", id="serious-injuries"
        ),
        pytest.param(
            "The mayor said that, clearly, the budget would need a second vote.",
            id="a-stance-adverb-in-attributed-speech",
        ),
        pytest.param(
            "Pike & Pine Lager is the best-selling craft beer in Michigan.", id="best-selling"
        ),
        pytest.param("The worst-hit towns received the first grants.", id="worst-hit"),
        pytest.param("It was the largest fine for a company in the state.", id="largest-for-a"),
        pytest.param("As the regulator noted, the rules are vague.", id="as-someone-noted"),
        pytest.param(
            "The airline has until Friday to explain what went wrong with its booking system.",
            id="what-went-wrong",
        ),
        pytest.param("Poor families will get the first vouchers.", id="poor-families"),
        pytest.param(
            "Samples taken from the colt after the race tested positive for dermorphin.",
            id="tested-positive",
        ),
        pytest.param(
            "The avalanche center had rated the danger on the pass as high that morning.",
            id="a-danger-rating",
        ),
        pytest.param(
            "The runner has been provisionally suspended after testing positive for EPO.",
            id="suspended-after-a-test",
        ),
        pytest.param(
            "Smith said residents have every right to object to the plan.",
            id="every-right-in-attributed-speech",
        ),
        pytest.param(
            "The filing reveals that the airline owes $12 million to its fuel supplier.",
            id="a-filing-states-a-debt",
        ),
        pytest.param(
            "The report suggests that demand for flights fell by a third in 2025.",
            id="a-report-finds",
        ),
        pytest.param(
            "State inspectors had last checked the Scrambler on August 11 and found nothing "
            "wrong with it.",
            id="what-inspectors-found",
        ),
        pytest.param("We reviewed 1,200 inspection records.", id="the-newsrooms-own-work"),
        pytest.param("For a family of four, the bill would come to $400 a year.", id="a-rate"),
        pytest.param("For a second year, the company missed its target.", id="for-a-year"),
        pytest.param("It is a new plant, and it will employ 300 people.", id="a-plain-description"),
        pytest.param("Few details of the plan were released.", id="few-details-were"),
        pytest.param(
            "Harwick Freight, which is based in Tulsa, has blamed a shortage of mechanics for"
            " the delays.",
            id="a-company-blames",
        ),
        pytest.param(
            "Regional health officials have linked six illnesses in three towns to the salmon.",
            id="illnesses-linked",
        ),
        pytest.param(
            "Nurses in Dalby earn 7% less on average than those in the capital.",
            id="a-measured-difference",
        ),
        pytest.param(
            "The plant released less of the solvent than its permit allowed.",
            id="less-of-than-a-limit",
        ),
        pytest.param(
            "Whether the council meets on Monday depends on the weather.",
            id="a-whether-clause-that-is-no-open-question",
        ),
    ],
)
def test_opinion_cue_passes_facts_and_attributed_speech(english: Language, text: str) -> None:
    """Pass facts, attributed speech and quoted words."""
    assert opinion_cue(sentence(english, text)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("This partnership signals a strategic shift.", "signals", id="framing"),
        pytest.param("The timing of the deal is notable.", "notable", id="predicate"),
        pytest.param("The launch turned into a costly fiasco.", "fiasco", id="loaded"),
        pytest.param(
            "It remains to be seen whether it works.", "It remains to be seen", id="phrase"
        ),
    ],
)
def test_opinion_cue_names_the_strongest_cue(english: Language, text: str, expected: str) -> None:
    """Name the words of the strongest cue, a decisive one first."""
    assert opinion_cue(sentence(english, text)) == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            'Musk said the deal was "a breakthrough" for the industry.', "breakthrough", id="quoted"
        ),
        pytest.param("According to critics, the fee is absurd.", "absurd", id="according-to"),
        pytest.param(
            "Critics claim the fee is absurd, but it stays.", "absurd", id="reported-clause"
        ),
        pytest.param(
            "The merger is expected to be a huge success.", "huge", id="passive-reporting"
        ),
    ],
)
def test_find_cues_skips_attributed_words(english: Language, text: str, word: str) -> None:
    """Leave out the cues inside someone else's words."""
    assert word not in {cue.text for cue in find_cues(sentence(english, text))}


def test_is_opinion_needs_two_weak_cues(english: Language) -> None:
    """Call one weak cue a fact and two of them opinion."""
    alone = find_cues(sentence(english, "The company has never paid a dividend."))
    together = find_cues(sentence(english, "Nobody could have predicted it."))
    assert (is_opinion(alone), is_opinion(together)) == (False, True)


def test_opinion_weights_cover_every_family() -> None:
    """Give every cue family a weight in opinion_cues.yaml."""
    cues = lexicon().opinion
    assert (set(cues.weights), cues.decisive, cues.threshold) == (
        FAMILIES,
        frozenset({"framing_verb", "evaluative_predicate", "sentence_comment", "writer_belief"}),
        1.0,
    )


def test_opinion_cues_reject_an_unquoted_yaml_boolean() -> None:
    """Refuse a list entry that YAML read as a boolean (a bare yes or no)."""
    with pytest.raises(ValueError, match="stance_adverbs must be a list of strings"):
        _opinion_cues({"stance_adverbs": ["alas", True]})


@pytest.mark.parametrize(
    ("text", "opinion"),
    [
        # Words of praise or blame that the hand-made lists lack.
        pytest.param("The film is a dazzling, maddening mess.", True, id="praise-and-blame"),
        pytest.param("The museum's new wing is a joy to walk through.", True, id="joy"),
        # The words of a report of events are not judgements.
        pytest.param(
            "Two people were killed when the bridge collapsed.", False, id="news-event-words"
        ),
        pytest.param("The team won the championship in 2019.", False, id="win"),
        # Someone else's praise and blame are facts about what was said.
        pytest.param("The mayor said the festival was a dazzling success.", False, id="said"),
        pytest.param("Critics called the film “a dazzling mess.”", False, id="quoted"),
    ],
)
def test_sentiment_words_count_only_in_the_writers_voice(
    english: Language, text: str, opinion: bool
) -> None:
    """Count a general lexicon's words of praise or blame, outside speech and quotes."""
    families = {cue.family for cue in find_cues(sentence(english, text))}
    assert ("sentiment_word" in families, opinion_cue(sentence(english, text)) is not None) == (
        opinion,
        opinion,
    )


@pytest.mark.parametrize("text", ["Arguably", "Clearly,"])
def test_a_stance_adverb_that_ends_the_article_is_read_without_error(
    english: Language, text: str
) -> None:
    """A one-word article has no word after its adverb to look at."""
    assert "stance_adverb" in {cue.family for cue in find_cues(sentence(english, text))}
