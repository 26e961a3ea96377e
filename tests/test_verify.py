"""Verification: each claim against its cited sources, with the real English model.

Every case is a short draft and the registry records it cites, written for these
tests (no WiCE text); the draft goes through read, segment, extract, resolve and
verify exactly as ``copydesk check`` runs them.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pytest

from copydesk.models import Claim, Format, Registry, Source, SourceSentence
from copydesk.pipeline import Checker, Options
from copydesk.pipeline.read import parse_document
from copydesk.pipeline.verify import CitedSource, labels, verify_claims
from copydesk.quantities import agrees, find_amounts, parse_quantity

if TYPE_CHECKING:
    from spacy.language import Language

SourceSpec = str | tuple[str, date] | None
DEAL = "Northwind Energy signed an agreement to acquire the Riverside solar farm, the company said."
EARNINGS = (
    "Earnings per share came to 1.46 dollars, short of the 1.58 dollars analysts had forecast."
)
FILLER = "The weather in Oslo was cold and wet for most of the week, forecasters said."


@pytest.fixture(scope="session")
def english() -> Language:
    """Return copydesk's English pipeline (the real model), loaded once."""
    from copydesk.nlp import load_nlp

    return load_nlp()


def registry(sources: dict[str, SourceSpec]) -> Registry:
    """Return a registry of records, each a text, a (text, published) pair, or None."""
    records = []
    for i, (label, spec) in enumerate(sources.items(), 1):
        text, published = spec if isinstance(spec, tuple) else (spec, None)
        problem = "no such file: sources/missing.txt" if text is None else None
        records.append(
            Source(
                label=label,
                title=f"Record {label}",
                line=i,
                text=text,
                published=published,
                problem=problem,
            )
        )
    return Registry(path="sources.yaml", sources=tuple(records))


def check(
    english: Language, article: str, sources: dict[str, SourceSpec], published: date | None = None
) -> tuple[Claim, ...]:
    """Check a draft against a registry and return its claims with verdicts."""
    return check_records(english, article, registry(sources).sources, published)


def check_records(
    english: Language, article: str, records: tuple[Source, ...], published: date | None = None
) -> tuple[Claim, ...]:
    """Check a draft against registry records and return its claims with verdicts."""
    checker = Checker(Options(), lambda _model: english)
    document = parse_document(article.encode(), "draft.txt", Format.TEXT, published=published)
    return checker.check_document(document, Registry("sources.yaml", records)).claims


def check_one_record(
    english: Language, article: str, label: str, text: str, **fields: object
) -> tuple[Claim, ...]:
    """Check a draft against one record, with fields such as its publisher set."""
    record = replace(registry({label: text}).sources[0], **fields)
    return check_records(english, article, (record,))


def outcome(claim: Claim) -> tuple[str, str, str]:
    """Return a claim's verdict, reason and message."""
    assert claim.verdict is not None
    return claim.verdict.label.value, claim.verdict.reason.value, claim.verdict.message


@pytest.mark.parametrize(
    ("article", "sources"),
    [
        pytest.param(
            "Northwind Energy struck a deal to buy the Riverside solar farm [1].",
            {"1": DEAL},
            id="struck-a-deal-for-signed-an-agreement",
        ),
        pytest.param(
            "The company will bring back 620 workers who were laid off when the furnace was"
            " idled in March 2024 [1].",
            {
                "1": "The company will rehire 620 employees who lost their jobs when the furnace"
                " was shut down in March 2024."
            },
            id="workers-for-employees-idled-for-shut-down",
        ),
        pytest.param(
            "The combined system will employ 31,000 people [1].",
            {"1": "The combined system will have about 31,000 employees."},
            id="employ-people-for-employees",
        ),
        pytest.param(
            "Visitors will pay $2 for the first hour and no more than $12 a day [1].",
            {
                "1": "Visitors will pay 2 dollars for the first hour and a maximum of 12 dollars "
                "per day."
            },
            id="no-more-than-is-a-bound-not-a-negation",
        ),
        pytest.param(
            "Starting pay at the plant will be $21 an hour [1].",
            {"1": "The starting wage at the plant will be 21 dollars an hour."},
            id="a-source-word-read-by-its-stem-pay-for-wage",
        ),
        pytest.param(
            "The arts council awarded the theatre $1.2 million for the roof in March 2026 [1].",
            {
                "1": (
                    "The arts council has awarded 1.2 million dollars to the theatre to "
                    "repair its roof.",
                    date(2026, 3, 30),
                )
            },
            id="a-month-dated-by-the-page-that-reports-it-done",
        ),
        pytest.param(
            "The Riverside solar farm was acquired by Northwind Energy [1].",
            {"1": "Northwind Energy acquired the Riverside solar farm in March."},
            id="passive-voice",
        ),
        pytest.param(
            "The city council approved a $1.2 billion budget [1].",
            {"1": "The city council approved a budget of 1,200 million dollars on Monday."},
            id="billion-as-million-dollars",
        ),
        pytest.param(
            "Voter turnout in the city rose to 40% [1].",
            {"1": "Voter turnout in the city rose to 40 percent, officials said."},
            id="percent-sign-as-word",
        ),
        pytest.param(
            "Northwind Energy signed the agreement on May 6, 2026 [1].",
            {
                "1": (
                    "Northwind Energy on Wednesday signed an agreement to buy the farm.",
                    date(2026, 5, 6),
                )
            },
            id="wednesday-is-may-6-in-a-source-of-that-day",
        ),
        pytest.param(
            "The new battery plant is in Tennessee [1].",
            {"1": "The new battery plant is in Memphis, the company said."},
            id="city-confirms-its-state",
        ),
        pytest.param(
            "Northwind Energy bought the Riverside solar farm for $40 million [1, 2].",
            {
                "1": "Northwind Energy bought the Riverside solar farm.",
                "2": "The price of the farm was $40 million, filings show.",
            },
            id="two-citations-together",
        ),
        pytest.param(
            "Northwind Energy bought the Riverside solar farm [1-20].",
            {str(i): DEAL if i == 7 else f"{FILLER} Report {i}." for i in range(1, 21)},
            id="twenty-citations-one-states-it",
        ),
        pytest.param(
            "The county will shut the Old Mill Bridge for repairs that take ten months [1].",
            {"1": "The county will close the Old Mill Bridge for repairs lasting 10 months."},
            id="shut-for-close-and-ten-as-digits",
        ),
        pytest.param(
            "The gunman has never been identified [1].",
            {"1": "The gunman has not been identified, police said."},
            id="never-as-not",
        ),
        pytest.param(
            "The boards said no branch will close [1].",
            {"1": "No branch will close and no staff will be laid off, the boards said."},
            id="negation-in-both",
        ),
        pytest.param(
            "Snooker player Mark Williams won the final three frames of the session [1].",
            {
                "1": (
                    "Sunday 6 May 2018: Snooker player Mark Williams won the final three "
                    "frames of the session."
                )
            },
            id="day-of-a-date-is-not-a-count",
        ),
        pytest.param(
            "Halberd has agreed to sponsor the orchestra's home seasons through Q3 2028 [1].",
            {"1": "Halberd's sponsorship of the orchestra's home seasons runs to September 2028."},
            id="a-month-within-the-quarter",
        ),
        pytest.param(
            "Velmora Power Systems said on Monday that it would build a plant in Orvale [1].",
            {
                "1": (
                    "Velmora Power Systems today announced plans to build a plant in Orvale.",
                    date(2026, 5, 4),
                )
            },
            id="today-in-a-release-of-that-day",
        ),
        pytest.param(
            "Households earning less than $40,000 a year will be able to get a 30% discount, "
            "the utility said [2].",
            {
                "2": (
                    "Customers whose annual household income is below 40,000 dollars can apply "
                    "for a 30 percent reduction in their bills, the authority said."
                )
            },
            id="the-speakers-description-and-a-paraphrase",
        ),
        pytest.param(
            "Without changes, the required annual payment would reach $52 million by 2030 [3].",
            {
                "3": "Absent changes to benefits, the required annual payment is projected to "
                "reach 52 million dollars in 2030."
            },
            id="absent-for-without",
        ),
        pytest.param(
            "The levee will run 3 miles along the west bank of the Orrin River [1].",
            {"1": "The levee will run for 3 miles on the western bank of the Orrin River."},
            id="a-place-phrase-in-other-common-words",
        ),
        pytest.param(
            "Clinics in Harlan can treat only about 450 patients at a time [1].",
            {"1": "Clinics in Harlan can treat about 450 patients at any one time, a study found."},
            id="only-before-a-number-weighs-it",
        ),
        pytest.param(
            "The city council in Callowford voted 5-2 on Tuesday to ask voters for a fire "
            "station bond [1].",
            {
                "1": "The council voted 5-2 on Tuesday to ask voters for a fire station bond "
                "for a site on Ridgeline Avenue. Callowford has 14,000 residents."
            },
            id="a-street-may-be-in-the-town",
        ),
        pytest.param(
            "The two sides have met 23 times since bargaining began in October 2025 [1].",
            {"1": "The parties have met 23 times since bargaining began in October 2025."},
            id="the-two-sides-are-the-parties",
        ),
        pytest.param(
            "The city is adding the firefighters in order to reduce emergency response times [1].",
            {
                "1": "The adopted budget funds 24 new positions in the fire department in "
                "order to reduce emergency response times."
            },
            id="the-source-gives-the-same-reason",
        ),
        pytest.param(
            "No one was hurt in the landslide [1].",
            {"1": "No one was injured in the landslide, but 1,400 residents are cut off."},
            id="hurt-is-injured",
        ),
        pytest.param(
            "The sale is expected to close in the first three months of 2027 [1].",
            {"1": "The transaction is expected to close in the first quarter of 2027."},
            id="the-first-three-months-are-the-first-quarter",
        ),
        pytest.param(
            "Students from families earning less than $65,000 a year will pay no tuition at "
            "all [1].",
            {"1": "Students from families earning under 65,000 dollars a year pay no tuition."},
            id="at-all-stresses-a-negation",
        ),
        pytest.param(
            "Ardent Motor Company is recalling 212,400 vehicles, all of them Sorrel SUVs [1].",
            {"1": "Ardent Motor Company is recalling 212,400 Sorrel SUVs because of a seal."},
            id="all-of-them-says-what-a-number-counts",
        ),
        pytest.param(
            "The tour will cost nearly $4.2 million [1].",
            {"1": "The tour is budgeted at 4.15 million dollars, the orchestra said."},
            id="a-budget-is-a-cost",
        ),
        pytest.param(
            "Run-off from cropland accounted for almost two-thirds of the load [1].",
            {"1": "Run-off from cropland accounted for an estimated 64 percent of the load."},
            id="a-fraction-is-a-percentage",
        ),
        pytest.param(
            "Some 300 workers will be needed to build it [1].",
            {"1": "Roughly 300 workers will be needed during construction, and 20 after."},
            id="construction-is-building",
        ),
        pytest.param(
            "Velmora will spend $48 million on a sulfur capture system to be finished in "
            "the third quarter of 2027 [1].",
            {
                "1": "Velmora will invest 48 million dollars in a new sulfur capture system. "
                "Construction of the system is expected to be completed in the third quarter "
                "of 2027."
            },
            id="invested-and-completed",
        ),
        pytest.param(
            "The county opened a 7-mile trail along the river on Monday [1].",
            {"1": "On Monday the county opened a trail of 7 miles along the river."},
            id="a-measure-written-as-an-adjective",
        ),
        pytest.param(
            "Ardent will build a 250-megawatt solar farm near Tolland [1].",
            {"1": "Ardent plans to build a solar farm of 250 megawatts near Tolland."},
            id="megawatts-written-as-an-adjective",
        ),
        pytest.param(
            "The refinery released about 4,200 pounds of sulfur dioxide on Saturday [1].",
            {"1": "On Saturday the refinery released an estimated 4,200 pounds of sulfur dioxide."},
            id="pounds-of-something-weigh",
        ),
        pytest.param(
            "The council voted 6-3 to approve the budget [1].",
            {"1": "The council approved the budget by a vote of 6 to 3."},
            id="a-tally-written-two-ways",
        ),
        pytest.param(
            "The Sorrel County Commission voted 4-1 on Monday to approve the permit [1].",
            {
                "1": "The Sorrel County Commission on Monday voted four to one to approve "
                "the permit."
            },
            id="a-tally-in-words",
        ),
        pytest.param(
            "The trial enrolled twenty-four patients at Harlow General [1].",
            {"1": "The trial at Harlow General enrolled 24 patients."},
            id="a-compound-number-word",
        ),
        pytest.param(
            "About one in five rural counties has a single pharmacy [1].",
            {"1": "About 20% of rural counties have a single pharmacy, the survey found."},
            id="a-ratio-is-a-share",
        ),
        pytest.param(
            "Half of the residents opposed the plan [1].",
            {"1": "Fifty percent of the residents opposed the plan."},
            id="half-of-them-is-fifty-percent",
        ),
        pytest.param(
            "The closures will leave the chain with 22 shops [1].",
            {"1": "After the nine stores close, the chain will operate 22 stores."},
            id="a-shop-is-a-store",
        ),
        pytest.param(
            "The duty will stay in place for four years [1].",
            {"1": "The duty takes effect on August 1, 2026, and will remain in force for 4 years."},
            id="to-stay-is-to-remain",
        ),
    ],
)
def test_verify_supported(english: Language, article: str, sources: dict[str, SourceSpec]) -> None:
    (claim,) = check(english, article, sources)
    label, reason, message = outcome(claim)
    assert (label, reason) == ("supported", "supported"), message
    assert claim.verdict is not None and claim.verdict.evidence


def test_a_date_is_checked_against_the_dated_sentence_of_a_publishers_record(
    english: Language,
) -> None:
    # The publisher speaks in every sentence of its record, so the undated one
    # with more of the claim's words would otherwise hide the date.
    record = Source(
        label="3",
        title="Summary of findings",
        line=1,
        publisher="Lexmoor Equine Analytical Laboratory",
        text="The Lexmoor Equine Analytical Laboratory confirmed on May 21, 2026 that a urine"
        " sample from Midnight Ledger contained dermorphin.\nThe sample was collected at"
        " Sallowmere Downs after the Bluestem Stakes on May 9, 2026.\nA split sample sent to a"
        " second laboratory in Tallow Creek, Oklahoma, confirmed the finding.\nThe laboratory"
        " reported the result to the Brackenridge Racing Authority.",
    )
    claim, _ = check_records(
        english,
        "The Lexmoor Equine Analytical Laboratory confirmed the result on May 28, 2026, and a"
        " second laboratory in Tallow Creek, Oklahoma, later backed it up [3].",
        (record,),
    )
    assert outcome(claim)[:2] == ("unsupported", "contradicted"), outcome(claim)[2]
    assert "2026-05-21" in outcome(claim)[2]


def test_a_party_read_from_the_city_needs_no_capital_in_the_source(english: Language) -> None:
    # "the city" is the City of Lakeford; the source need not write "City".
    *_, claim = check(
        english,
        "The Lakeford City Council approved its share on August 25. Lakeford, Michigan, will"
        " host the 2030 Chess Olympiad after members of the Global Chess Union voted for the"
        " city on Saturday [1].",
        {
            "1": "The Global Chess Union today awarded the 2030 Chess Olympiad to Lakeford,"
            " Michigan, following a vote of its General Assembly in Brennholm, Denmark."
        },
    )
    assert "City of Lakeford" in claim.facts.slots.parties
    assert outcome(claim)[:2] == ("supported", "supported"), outcome(claim)[2]


def test_who_does_the_deed_may_be_a_description(english: Language) -> None:
    # "the utility" is the water authority; the source has the health district lift it.
    *_, claim = check(
        english,
        "The Tressel Valley Water Authority serves 24,000 customers. On July 2, the utility"
        " lifted a boil-water notice that had covered some 24,000 customers after a main burst"
        " on Halsey Avenue [1].",
        {
            "1": "On July 2 the Tressel County Health District lifted the boil-water advisory it"
            " had issued for approximately 24,000 customers of the Tressel Valley Water"
            " Authority after a water main break on Halsey Avenue."
        },
    )
    assert claim.facts.actor == "Tressel Valley Water Authority"
    assert outcome(claim)[:2] == ("unsupported", "contradicted"), outcome(claim)[2]


def test_a_publisher_named_in_the_draft_is_an_organisation(english: Language) -> None:
    # The model reads "Threat Bulletin" as a person; the record's publisher says otherwise.
    (claim,) = check_one_record(
        english,
        "Hospitals reported 389 ransomware attacks in 2025, according to the trade newsletter"
        " Health Sector Threat Bulletin [1].",
        "1",
        "US hospitals reported 389 ransomware attacks in 2025.",
        publisher="Health Sector Threat Bulletin",
    )
    assert claim.facts.slots.parties == ("Health Sector Threat Bulletin",)


def test_a_publisher_does_not_cut_a_longer_name(english: Language) -> None:
    (claim,) = check_one_record(
        english,
        "The Board of Regents of Calloway State University voted 6-3 on Tuesday to raise"
        " tuition [1].",
        "1",
        "The Board of Regents of Calloway State University voted 6-3 on Tuesday to raise tuition.",
        publisher="Calloway State University",
    )
    assert claim.facts.slots.parties == ("Board of Regents of Calloway State University",)


@pytest.mark.parametrize(
    ("article", "sources", "expected"),
    [
        pytest.param(
            "Northwind Energy signed the agreement on May 4, 2026 [1].",
            {
                "1": (
                    "Northwind Energy on Wednesday signed an agreement to buy the farm.",
                    date(2026, 5, 6),
                )
            },
            ("contradicted", "Source [1] says 2026-05-06, not 2026-05-04."),
            id="date",
        ),
        pytest.param(
            "The union represents about 3,200 bus and rail workers [2].",
            {"2": "The union, which represents about 2,300 bus and rail workers, wants a delay."},
            ("contradicted", "Source [2] says 2,300, not about 3,200."),
            id="a-count-with-words-before-its-noun",
        ),
        pytest.param(
            "Orlanth makes 4 million tyres a year at its plant in Kelsall Downs [1].",
            {
                "1": "Orlanth will invest 420 million Australian dollars in a tyre plant in "
                "Yarrowind. The plant will produce tyres for electric vehicles. Orlanth, "
                "based in Kelsall Downs, produces 2.6 million tyres a year at its plant there."
            },
            ("contradicted", "Source [1] says 2.6 million, not 4 million."),
            id="the-sentence-that-counts-the-same-thing",
        ),
        pytest.param(
            "Kelderby is based in Stellmoor, Maine [1].",
            {
                "1": "Kelderby, a salmon company headquartered in Rockport Mills, Maine, will stock"
                " the pens."
            },
            ("contradicted", "Source [1] says Rockport Mills, Maine, not Stellmoor, Maine."),
            id="based-is-headquartered",
        ),
        pytest.param(
            "The farm won a $1.2 million grant from the Blue Harbor Development Fund [2].",
            {
                "2": "The project received a 1.2 million dollar grant from the Northern Gulf"
                " Innovation Trust in 2025."
            },
            (
                "contradicted",
                "Source [2] says Northern Gulf Innovation Trust, not Blue Harbor Development Fund.",
            ),
            id="won-is-received",
        ),
        pytest.param(
            "A survey by the Lakemont Downtown Alliance found that 37% of employers had told"
            " staff to work from home [a].",
            {
                "a": "A Lakemont Chamber of Commerce survey of 420 employers found that 37 percent"
                " had asked staff to work from home."
            },
            (
                "contradicted",
                "Source [a] says Lakemont Chamber of Commerce, not Lakemont Downtown Alliance.",
            ),
            id="a-chamber-of-commerce-is-a-party",
        ),
        pytest.param(
            "Visits were cancelled on 46 days in 2025, according to a survey by the Ohio "
            "Prison Families Network [1].",
            {
                "1": "Visits were cancelled on 46 days in 2025, according to a survey by the "
                "Lakeshore Justice Project."
            },
            (
                "contradicted",
                "Source [1] says Lakeshore Justice Project, not Ohio Prison Families Network.",
            ),
            id="the-author-of-what-is-cited",
        ),
        pytest.param(
            "The new battery plant is in Memphis [2].",
            {"2": "The new battery plant is in Nashville, Tennessee, the company said."},
            ("contradicted", "Source [2] says Nashville, not Memphis."),
            id="place",
        ),
        pytest.param(
            "The drug will be made at the company's plant in Durrell, North Carolina [2].",
            {"2": "The drug will be made at the company's plant in Carrow, North Carolina."},
            (
                "contradicted",
                "Source [2] says Carrow, North Carolina, not Durrell, North Carolina.",
            ),
            id="another-town-of-the-same-state",
        ),
        pytest.param(
            "The carmaker said it knew of 37 crashes and six injuries [2].",
            {"2": "The carmaker said it knew of 37 crashes and four injuries."},
            ("contradicted", "Source [2] says four, not six."),
            id="a-count-the-source-spells-out",
        ),
        pytest.param(
            "Officials said about 640 homes and 58 businesses were flooded [2].",
            {"2": "Officials counted about 640 flooded homes and 85 flooded businesses."},
            ("contradicted", "Source [2] says 85, not 58."),
            id="a-count-of-the-plural-noun",
        ),
        pytest.param(
            "The county opened a 9-mile trail along the river on Monday [1].",
            {"1": "On Monday the county opened a trail of 7 miles along the river."},
            ("contradicted", "Source [1] says 7 miles, not 9-mile."),
            id="a-measure-written-as-an-adjective",
        ),
        pytest.param(
            "Wanjiru won the Harbour City Marathon in 2:21:37 on Sunday [1].",
            {"1": "Wanjiru won the Harbour City Marathon on Sunday in 2:25:10."},
            ("contradicted", "Source [1] says 2:25:10, not 2:21:37."),
            id="a-finishing-time",
        ),
        pytest.param(
            "The vault keeps the seeds at minus 18 degrees Celsius [1].",
            {"1": "The vault keeps the seeds at 18 degrees Celsius."},
            ("contradicted", "Source [1] says 18 degrees Celsius, not minus 18 degrees Celsius."),
            id="a-temperature-below-zero",
        ),
        pytest.param(
            "The council voted 6-3 to approve the budget [1].",
            {"1": "The council approved the budget by a vote of 5 to 4."},
            ("contradicted", "Source [1] says 5 to 4, not 6-3."),
            id="a-tally",
        ),
        pytest.param(
            "Board chair Lorna Featherstone said the board had voted 5-0 to renew the licence [1].",
            {
                "1": "Board chair Lorna Featherstone said the licence was renewed by a vote "
                "of four to one."
            },
            ("contradicted", "Source [1] says four to one, not 5-0."),
            id="a-tally-the-source-spells-out",
        ),
        pytest.param(
            "One in three nurses plans to quit [1].",
            {"1": "A survey found that one in four nurses plan to quit."},
            ("contradicted", "Source [1] says one in four, not One in three."),
            id="another-ratio",
        ),
        pytest.param(
            "Dana Whitfield said the money would let districts hire about 900 additional "
            "teachers [2].",
            {
                "2": "Dana Whitfield said the funding would allow districts to hire about 600 "
                "additional teachers."
            },
            ("contradicted", "Source [2] says 600, not about 900."),
            id="a-count-the-model-left-untagged",
        ),
        pytest.param(
            "The Ashcombe Family Foundation has pledged $12 million to the zoo [3].",
            {"3": "The Harwell Family Foundation has pledged 12 million dollars to the zoo."},
            (
                "contradicted",
                "Source [3] says Harwell Family Foundation, not Ashcombe Family Foundation.",
            ),
            id="a-party-of-the-same-kind",
        ),
        pytest.param(
            "The plant will employ 1,500 people [1].",
            {"1": "The plant will employ 1,200 people when it opens."},
            ("contradicted", "Source [1] says 1,200, not 1,500."),
            id="number",
        ),
        pytest.param(
            "Employee contributions will climb from 7% to 10% of pay over three years [1].",
            {
                "1": "Employee contributions will increase from 7 percent to 9 percent of salary, "
                "phased in over three years."
            },
            ("contradicted", "Source [1] says 9 percent, not 10%."),
            id="end-of-a-range",
        ),
        pytest.param(
            "Northwind Energy paid $1.5 billion for the farm [1].",
            {"1": "Northwind Energy paid 1,200 million dollars for the farm."},
            ("contradicted", "Source [1] says 1,200 million dollars, not $1.5 billion."),
            id="amount-in-other-units",
        ),
        pytest.param(
            "Northwind Energy signed an agreement with Siemens [1].",
            {"1": "Northwind Energy signed an agreement with Hitachi on Monday."},
            ("contradicted", "Source [1] says Hitachi, not Siemens."),
            id="party",
        ),
        pytest.param(
            "The board referred the findings to the Calder County Prosecutor's Office [1].",
            {
                "1": "The board referred the audit's findings to the Hollis County "
                "Prosecutor's Office on Tuesday. A store in Calder sold most of the tickets."
            },
            (
                "contradicted",
                "Source [1] says Hollis County Prosecutor's Office, "
                "not Calder County Prosecutor's Office.",
            ),
            id="a-party-differing-in-its-first-word",
        ),
        pytest.param(
            "The council's mobile career center is run with Hadlow Community College [3].",
            {
                "3": "The council's mobile career center, operated with Quarrow Ridge Community "
                "College, will visit Port Hadlow every Tuesday starting October 20."
            },
            (
                "contradicted",
                "Source [3] says Quarrow Ridge Community College, not Hadlow Community College.",
            ),
            id="a-party-differing-in-the-words-before-its-kind",
        ),
        pytest.param(
            "The roofing work will be done by Kettering Roofing Co. of Carrow Point, Oregon [2].",
            {
                "2": "The roofing work will be carried out by Saltmarsh Builders, a contractor"
                " based in Carrow Point, Oregon."
            },
            ("contradicted", "Source [2] says Saltmarsh Builders, not Kettering Roofing Co."),
            id="a-firm-of-a-town-and-a-name-ending-in-a-full-stop",
        ),
        pytest.param(
            "Five of the people rescued were taken to Silverbend Regional Hospital [2].",
            {
                "2": "Rescuers freed 23 people from the snow. Four of the people rescued were"
                " taken to Silverbend Regional Hospital."
            },
            ("contradicted", "Source [2] says Four, not Five."),
            id="a-share-of-those-counted",
        ),
        pytest.param(
            "The union represents 460 of the authority's drivers [a].",
            {
                "a": "The union represents 640 bus operators and mechanics. About 85 of the"
                " authority's mechanics will be retrained."
            },
            ("not-in-source", "Source [a] does not state the number 460; 'drivers'."),
            id="a-share-of-an-owners-people-is-not-the-owner",
        ),
        pytest.param(
            "The city won 94 votes to 61 for Trenvik, Norway, at the union's General Assembly"
            " in Aalholm, Denmark [1].",
            {
                "1": "The Global Chess Union today awarded the 2030 Chess Olympiad to Lakeford,"
                " Michigan, following a vote of its General Assembly in Brennholm, Denmark."
                " Lakeford received 94 votes, against 61 for Trenvik, Norway."
            },
            ("contradicted", "Source [1] says Brennholm, Denmark, not Aalholm, Denmark."),
            id="another-town-of-the-same-region",
        ),
        pytest.param(
            "Clearline Parking Services is based in Ashby Mills, Wisconsin [2].",
            {
                "2": "Clearline Parking Services will operate the gates. The company is based in"
                " Dorrel Falls, Wisconsin."
            },
            (
                "contradicted",
                "Source [2] says Dorrel Falls, Wisconsin, not Ashby Mills, Wisconsin.",
            ),
            id="based-in-another-town-of-the-same-state",
        ),
        pytest.param(
            "Clearline Parking Services is based in Ashby Mills, Ohio [2].",
            {"2": "Clearline Parking Services is based in Ashby Mills, Wisconsin."},
            (
                "contradicted",
                "Source [2] says Ashby Mills, Wisconsin, not Ashby Mills, Ohio.",
            ),
            id="the-same-town-name-in-another-state",
        ),
        pytest.param(
            "Mayor Colin Hext said the festival brings $9 million a year to local shops [3].",
            {
                "3": "Council member Ruth Ngata said the festival brings an estimated 9 million "
                "dollars a year to local shops. Mayor Colin Hext voted against the grant."
            },
            ("contradicted", "Source [3] says Ruth Ngata, not Colin Hext."),
            id="speaker",
        ),
        pytest.param(
            "Northwind Energy will close the Riverside plant in 2027 [1].",
            {"1": FILLER},
            (
                "not-in-source",
                "Source [1] does not state the date 2027; Northwind Energy; Riverside.",
            ),
            id="not-in-source-names-what-is-missing",
        ),
        pytest.param(
            "Northwind Energy bought the Riverside solar farm for $40 million [1].",
            {
                "1": "Northwind Energy bought the Riverside solar farm.",
                "2": "The price of the farm was $40 million, filings show.",
            },
            ("not-in-source", "Source [1] does not state the number $40 million."),
            id="one-of-two-sources-cited",
        ),
        pytest.param(
            "Northwind Energy bought the Riverside solar farm [1-20].",
            {str(i): f"{FILLER} Report {i}." for i in range(1, 21)},
            (
                "not-in-source",
                "Sources [1], [2], [3] and 17 more do not state "
                "Northwind Energy; Riverside; 'buy', 'solar', 'farm'.",
            ),
            id="twenty-citations-none-states-it",
        ),
        pytest.param(
            "The repairs are expected to take 10 months [1].",
            {
                "1": "The repairs will cost 14 million dollars "
                "and are expected to take eight months."
            },
            ("contradicted", "Source [1] says eight months, not 10 months."),
            id="number-the-slots-miss",
        ),
        pytest.param(
            "Varga said she had begun assembling a transition team in November 2026 [1].",
            {"1": ("Varga said she had begun assembling a transition team.", date(2026, 11, 10))},
            ("not-in-source", "Source [1] does not state the date 2026-11."),
            id="a-page-does-not-date-what-had-been-done",
        ),
        pytest.param(
            "Earnings per share came to $1.46, short of the $1.62 that analysts had forecast [1].",
            {"1": EARNINGS},
            ("contradicted", "Source [1] says 1.58 dollars, not $1.62."),
            id="the-amount-not-already-matched",
        ),
        pytest.param(
            "The company also bought back 2.5 million of its own shares [1].",
            {"1": "The company repurchased 1.2 million shares during the quarter."},
            ("contradicted", "Source [1] says 1.2 million, not 2.5 million."),
            id="what-an-amount-counts-after-of",
        ),
        pytest.param(
            "Engineers found cracks up to 14 inches long during an inspection [1].",
            {
                "1": "The bridge closed on Monday, September 14, 2026. The cracks, up to "
                "9 inches long, were found during a routine inspection."
            },
            ("contradicted", "Source [1] says 9 inches, not 14 inches."),
            id="a-day-of-the-month-is-no-amount",
        ),
        pytest.param(
            "Brandt Motors will close its engine plant in Halden at the end of 2027 [1].",
            {"1": "Brandt Motors will close its engine plant in Halden at the end of 2026."},
            ("contradicted", "Source [1] says 2026, not 2027."),
            id="other-year",
        ),
        pytest.param(
            "Ruth Bakker said the ferries had never lost money [1].",
            {"1": "Mayor Ruth Bakker said the ferries had lost money for six years in a row."},
            ("not-in-source", "Source [1] does not state the negation 'never'."),
            id="negation-the-source-lacks",
        ),
        pytest.param(
            "Brandt will move all of the work to its plant in Ostrava [1].",
            {"1": "Brandt will move part of the work to its plant in Ostrava."},
            ("not-in-source", "Source [1] does not state 'all'."),
            id="all-for-part",
        ),
        pytest.param(
            "Northwind Energy bought the farm [9].",
            {"1": DEAL},
            ("dangling-citation", "Citation [9] is not in the registry."),
            id="dangling",
        ),
        pytest.param(
            "Northwind Energy bought the farm [1].",
            {"1": None},
            ("source-unavailable", "Source [1] cannot be read: no such file: sources/missing.txt."),
            id="source-unavailable",
        ),
        pytest.param(
            "Northwind Energy bought the farm [1].",
            {"1": "  \n  "},
            ("source-unavailable", "Source [1] cannot be read: it has no text."),
            id="source-with-no-text",
        ),
        pytest.param(
            "Northwind Energy bought the farm [1].",
            {"1": "--- *** ---"},
            ("source-unavailable", "Source [1] cannot be read: it has no sentences."),
            id="source-with-no-sentences",
        ),
        pytest.param(
            "Northwind Energy bought the farm.",
            {"1": DEAL},
            ("uncited", "Factual claim with no citation."),
            id="uncited",
        ),
        pytest.param(
            "Northwind Energy signed an agreement to acquire the Riverside solar farm in "
            "order to cut its carbon emissions [1].",
            {"1": DEAL},
            (
                "not-in-source",
                "Source [1] does not state the motive 'in order to cut its carbon emissions'.",
            ),
            id="added-motive",
        ),
        pytest.param(
            "Union president Gloria Benavides said members had already accepted a two-year "
            "wage freeze in 2021 to help the city close a budget gap [a].",
            {
                "a": "Union president Gloria Benavides said members had accepted a two-year "
                "wage freeze in 2021."
            },
            (
                "not-in-source",
                "Source [a] does not state the motive 'to help the city close a budget gap'.",
            ),
            id="added-purpose",
        ),
        pytest.param(
            "Analyst Corinne Vance said developers bid aggressively because state law "
            "requires utilities to buy 5 gigawatts of offshore wind power by 2035 [1].",
            {
                "1": "The auction raised $1.3 billion. Maine law requires utilities to buy 5 "
                "gigawatts of offshore wind power by 2035. Corinne Vance, an analyst, said the "
                "prices were well above what most developers had signaled."
            },
            (
                "not-in-source",
                "Source [1] does not state the motive 'because state law requires utilities "
                "to buy 5 gigawatts of offshore wind power by 2035'; 'bid', 'aggressively'.",
            ),
            id="a-stated-fact-given-as-the-reason-for-another",
        ),
        pytest.param(
            "About 1,200 teachers and parents rallied outside the district offices in "
            "Calderbrook on Friday [1].",
            {
                "1": "On Friday, some 1,200 teachers and parents rallied outside the Marlow "
                "County Courthouse in Ashby Mills. Teachers in the Calderbrook Unified School "
                "District earn 9 percent less than teachers in neighbouring districts."
            },
            (
                "contradicted",
                "Source [1] says the Marlow County Courthouse in Ashby Mills, not the "
                "district offices in Calderbrook.",
            ),
            id="the-best-sentence-puts-it-elsewhere",
        ),
        pytest.param(
            "Tips can be given in confidence to the Vermont Cultural Property Task Force [1].",
            {
                "1": "Tips can be given in confidence to the Hallam County Sheriff's Office. "
                "The paintings were insured."
            },
            (
                "contradicted",
                "Source [1] says Hallam County Sheriff's Office, "
                "not Vermont Cultural Property Task Force.",
            ),
            id="the-best-sentence-but-for-a-long-name",
        ),
        pytest.param(
            "Meridian chief executive Karen Holt will run the combined system as its chief"
            " executive [1].",
            {
                "1": "Ashford & Bell chief executive David Okafor will lead the merged system as"
                " its chief executive. Meridian's Karen Holt will become chair of the combined"
                " board."
            },
            ("contradicted", "Source [1] says David Okafor, not Karen Holt."),
            id="someone-else-does-the-deed",
        ),
    ],
)
def test_verify_unsupported(
    english: Language, article: str, sources: dict[str, SourceSpec], expected: tuple[str, str]
) -> None:
    (claim,) = check(english, article, sources)
    assert outcome(claim) == ("unsupported", *expected)


def test_each_conjunct_is_checked_on_its_own(english: Language) -> None:
    """A sentence of two verbs states two things; the source may state only one."""
    sources: dict[str, SourceSpec] = {
        "1": "Chief executive Priya Lammert said the company would retain the Halloran name."
    }
    article = (
        "Chief executive Priya Lammert said the company would keep the Halloran name "
        "and add a rooftop restaurant [1]."
    )
    kept, added = check(english, article, sources)
    assert outcome(kept)[0] == "supported"
    assert outcome(added) == (
        "unsupported",
        "not-in-source",
        "Source [1] does not state 'rooftop', 'restaurant'.",
    )


def test_a_place_the_source_names_elsewhere_is_no_contradiction(english: Language) -> None:
    """The best sentence's New York is where she spoke; Syria, which the source also
    names as a place, is what she spoke of."""
    sources: dict[str, SourceSpec] = {
        "1": "Nujeen Mustafa fled the war in Syria in 2015. In 2019 she became the first "
        "person with a disability to brief the United Nations Security Council in New York."
    }
    article = (
        "In 2019 she became the first person to brief the United Nations Security Council "
        "on the war in Syria [1]."
    )
    (claim,) = check(english, article, sources)
    assert outcome(claim)[0] == "supported"


def test_a_site_is_not_contradicted_by_the_town_it_may_stand_in(english: Language) -> None:
    """The source says where the levee failed by its town only: the plant the
    claim names may be in that town, so it is missing, not contradicted."""
    sources: dict[str, SourceSpec] = {
        "1": "The review found that the levee protecting Ellswick was overtopped at two points."
    }
    article = (
        "The review found that the levee had been overtopped at two points, one of them "
        "beside the Fenwick Road water treatment plant [1]."
    )
    (claim,) = check(english, article, sources)
    assert outcome(claim) == (
        "unsupported",
        "not-in-source",
        "Source [1] does not state the place the Fenwick Road water treatment plant.",
    )


def test_a_place_the_source_names_for_something_else_still_contradicts(
    english: Language,
) -> None:
    """The hearing is in Pruett; the source's Calder Wash is where the smelter is."""
    sources: dict[str, SourceSpec] = {
        "1": "The smelter in Calder Wash, Arizona, employs about 620 people. The Redmesa "
        "Regional Environment Agency said it would hold a public hearing on the renewal "
        "application in Pruett, the county seat, in the third quarter of 2026."
    }
    article = (
        "The Redmesa Regional Environment Agency will hold a public hearing on the renewal in "
        "Calder Wash in Q3 2026 [1]."
    )
    (claim,) = check(english, article, sources)
    assert outcome(claim)[:2] == ("unsupported", "contradicted")
    assert "Pruett, not Calder Wash" in outcome(claim)[2]


def test_a_quarter_is_a_date_not_a_word(english: Language) -> None:
    """ "Q2 2027" is stated by "the second quarter of 2027"; only the verb is missing."""
    sources: dict[str, SourceSpec] = {
        "1": "Dredging will continue until its planned completion in the second quarter of 2027."
    }
    (claim,) = check(english, "Dredging is due to be finished in Q2 2027 [1].", sources)
    expected = ("unsupported", "not-in-source", "Source [1] does not state 'finished'.")
    assert outcome(claim) == expected


def test_in_all_is_a_total_not_a_quantifier(english: Language) -> None:
    sources: dict[str, SourceSpec] = {
        "1": "The network will cost 23.5 million dollars. A state grant will pay 9 million "
        "dollars of the cost."
    }
    article = (
        "While the network will cost $23.5 million in all, $9 million of that will come "
        "from a state grant [1]."
    )
    assert [outcome(c)[0] for c in check(english, article, sources)] == ["supported"] * 2


@pytest.mark.parametrize(("year", "expected"), [("2024", "supported"), ("2019", "unsupported")])
def test_an_undated_sentence_happened_in_its_records_year(
    english: Language, year: str, expected: str
) -> None:
    """A record of November 2024 that says "has deposited" dates the deposit in 2024."""
    sources: dict[str, SourceSpec] = {
        "1": (
            "The Plains Heirloom Growers Cooperative has deposited seeds of 420 heirloom "
            "varieties with the Kessling Prairie Seed Bank.",
            date(2024, 11, 5),
        )
    }
    article = (
        f"In {year}, the Plains Heirloom Growers Cooperative deposited seeds of 420 heirloom "
        "varieties with the seed bank [1]."
    )
    (claim,) = check(english, article, sources)
    assert outcome(claim)[0] == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        ("2024", ("unsupported", "contradicted", "Source [1] says 2025, not 2024.")),
        (
            "2025",
            (
                "supported",
                "supported",
                "Source [1] states the date, the number, the party and the assertion.",
            ),
        ),
    ],
)
def test_a_year_the_source_denies_is_not_stated(
    english: Language, year: str, expected: tuple[str, str, str]
) -> None:
    """ "No violations were recorded in 2024" does not say the violations were in 2024."""
    sources: dict[str, SourceSpec] = {
        "1": "Inspectors from the State Bureau of Mines cited the Redstone Quarry for two "
        "dust-control violations in 2025. No violations were recorded at the quarry in 2024."
    }
    article = (
        "The State Bureau of Mines cited the Redstone Quarry for two dust-control violations "
        f"in {year} [1]."
    )
    (claim,) = check(english, article, sources)
    assert outcome(claim) == expected


def test_a_road_is_not_stated_by_another_road(english: Language) -> None:
    """ "Road" names no road: "Cold Spring Road" against "Millrace Road" and "Old Mill Pike"."""
    sources: dict[str, SourceSpec] = {
        "1": "The quarry will bring the pit to within 900 feet of homes on Millrace Road. "
        "Truck traffic on Old Mill Pike is expected to rise to about 220 loaded trucks a day."
    }
    article = "Traffic on Cold Spring Road is expected to climb to about 220 loaded trucks a day"
    (claim,) = check(english, f"{article} [1].", sources)
    assert outcome(claim) == (
        "unsupported",
        "contradicted",
        "Source [1] says Old Mill Pike, not Cold Spring Road.",
    )


@pytest.mark.parametrize(
    ("towns", "expected"),
    [
        (
            "Sable Point, Gull Harbor and Marrow Inlet",
            "Source [1] says Ketteridge Island, not Marrow Inlet.",
        ),
        (
            "Sable Point, Gull Harbor and Ketteridge Island",
            "Source [1] states the place and the assertion.",
        ),
    ],
)
def test_each_place_of_a_list_is_checked(english: Language, towns: str, expected: str) -> None:
    sources: dict[str, SourceSpec] = {
        "1": "Harborline will stop writing new flood policies in Sable Point, Gull Harbor and "
        "Ketteridge Island."
    }
    article = f"Harborline will also stop writing new flood policies in {towns} [1]."
    (claim,) = check(english, article, sources)
    assert outcome(claim)[2] == expected


def test_a_month_must_be_in_the_quoted_sentences(english: Language) -> None:
    """A source dated in May has May dates; "earlier this month" needs its own."""
    sources: dict[str, SourceSpec] = {
        "1": (f"{DEAL} Shares of Northwind rose 4% on Monday.", date(2026, 5, 6))
    }
    article = "Northwind Energy signed an agreement to acquire the Riverside solar farm"
    (claim,) = check(english, f"{article} earlier this month [1].", sources, date(2026, 5, 7))
    assert outcome(claim) == (
        "unsupported",
        "not-in-source",
        "Source [1] does not state the date 2026-05.",
    )
    (claim,) = check(english, f"{article} in 2026 [1].", sources, date(2026, 5, 7))
    assert outcome(claim)[0] == "supported"


def test_the_date_of_a_saying_is_the_records_own(english: Language) -> None:
    """ "Northwind said last week that ..." citing Northwind's statement of last
    week: the record's date states when it was said, not when what it says happened."""
    sources: dict[str, SourceSpec] = {"1": (DEAL, date(2026, 4, 29))}
    said = "Northwind Energy said last week that it had signed an agreement to acquire the "
    (claim,) = check(english, f"{said}Riverside solar farm [1].", sources, date(2026, 5, 7))
    assert outcome(claim)[0] == "supported"
    signed = "Northwind Energy said it had signed an agreement last week to acquire the "
    (claim,) = check(english, f"{signed}Riverside solar farm [1].", sources, date(2026, 5, 7))
    assert outcome(claim)[:2] == ("unsupported", "not-in-source")


def test_a_year_the_claim_implies_is_the_best_sentences_to_confirm(english: Language) -> None:
    """ "By the end of the year" against "by the end of March 2027": contradicted, even
    though another sentence of the source is dated this year."""
    sources: dict[str, SourceSpec] = {
        "1": (
            "Lumenfield said on Tuesday it would cut 1,100 jobs in 2026. "
            "The Ashgrove office will close by the end of March 2027.",
            date(2026, 10, 27),
        )
    }
    article = "The Ashgrove office will close by the end of the year [1]."
    (claim,) = check(english, article, sources, date(2026, 10, 28))
    assert outcome(claim) == ("unsupported", "contradicted", "Source [1] says 2027, not 2026.")


def huge_source(english: Language, statement: str, size: int) -> CitedSource:
    """Return a source of ``size`` characters: filler sentences, the statement in the middle."""
    checker = Checker(Options(), lambda _model: english)
    small = Source(label="1", title="Huge", line=1, text=f"{FILLER}\n{statement}\n")
    filler, stated = checker.source_sentences(small)
    sentences: list[SourceSentence] = []
    parts: list[str] = []
    offset = 0
    count = size // (len(FILLER) + 1)
    for i in range(count):
        sent = stated if i == count // 2 else filler
        sentences.append(replace(sent, span=(offset, offset + len(sent.text))))
        parts.append(sent.text)
        offset += len(sent.text) + 1
    text = "\n".join(parts)
    return CitedSource(replace(small, text=text), tuple(sentences))


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        pytest.param(
            "Northwind Energy struck a deal to buy the Riverside solar farm [1].",
            "supported",
            id="stated-in-the-middle",
        ),
        pytest.param(
            "Northwind Energy will close the Riverside plant in 2027 [1].",
            "not-in-source",
            id="not-stated",
        ),
    ],
)
def test_verify_huge_source_is_fast(english: Language, article: str, expected: str) -> None:
    source = huge_source(english, DEAL, 5_000_000)
    document = parse_document(article.encode(), "draft.txt", Format.TEXT)
    checker = Checker(Options(), lambda _model: english)
    claims = checker.check_document(document, registry({"1": DEAL})).claims
    started = time.perf_counter()
    (claim,) = verify_claims(claims, {"1": source})
    elapsed = time.perf_counter() - started
    assert claim.verdict is not None and claim.verdict.reason.value == expected
    assert len(source.source.text or "") >= 4_900_000
    assert elapsed < 20, f"verification of a 5 MB source took {elapsed:.1f} s"


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        pytest.param(["1"], "[1]", id="one"),
        pytest.param(["1", "2"], "[1] and [2]", id="two"),
        pytest.param([str(i) for i in range(1, 21)], "[1], [2], [3] and 17 more", id="twenty"),
    ],
)
def test_labels_list_citations(keys: list[str], expected: str) -> None:
    assert labels(keys) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("$1.2 billion", (1.2e9, "USD"), id="billion-dollars"),
        pytest.param("1,200 million dollars", (1.2e9, "USD"), id="million-dollars-in-words"),
        pytest.param("US$1.2bn", (1.2e9, "USD"), id="abbreviated"),
        pytest.param("40 percent", (40.0, "%"), id="percent-word"),
        pytest.param("230 metres", (230.0, "m"), id="metres"),
        pytest.param("108 m", (108.0, "m"), id="m-without-money-is-metres"),
        pytest.param("$3m", (3e6, "USD"), id="m-with-money-is-million"),
        pytest.param("42 cents", (0.42, "USD"), id="cents-are-dollars"),
        pytest.param("1,850 metric tons", (1850.0, "t"), id="metric-tons-are-tonnes"),
        pytest.param("1,850 tonnes", (1850.0, "t"), id="tonnes"),
        pytest.param("1.2 million metric tons", (1.2e6, "t"), id="scaled-metric-tons"),
        pytest.param("7-mile", (7.0, "mi"), id="measure-as-adjective"),
        pytest.param("28,000-square-foot", (28000.0, "sq ft"), id="area-as-adjective"),
        pytest.param("1,000 megawatt-hours", (1000.0, "MWh"), id="hyphenated-unit"),
        pytest.param("minus 18 degrees Celsius", (-18.0, "°C"), id="below-zero"),
        pytest.param("negative 6.8 percent", (6.8, "%"), id="a-loss-keeps-its-figure"),
        pytest.param("2:21:37", (8497.0, "time"), id="clock-time-in-seconds"),
        pytest.param("6-3", (6.0, "to 3"), id="tally"),
        pytest.param("11 to 8", (11.0, "to 8"), id="tally-in-words"),
        pytest.param("37 orchards", (37.0, None), id="a-count-is-not-a-unit"),
        pytest.param("about 4,200 pounds", (4200.0, "GBP"), id="pounds-alone-are-money"),
        pytest.param("twenty-four", (24.0, None), id="compound-number-word"),
        pytest.param("one in five", (20.0, "%"), id="ratio"),
        pytest.param("3 in 10", (30.0, "%"), id="ratio-in-digits"),
    ],
)
def test_parse_quantity_reads_forms(text: str, expected: tuple[float, str]) -> None:
    assert parse_quantity(text) == expected


def test_a_fraction_of_something_is_a_share() -> None:
    assert parse_quantity("almost two-thirds", share=True) == (66.67, "%")
    assert parse_quantity("nearly half", share=True) == (50.0, "%")
    assert parse_quantity("half a mile", share=True) == (0.5, "mi")
    assert parse_quantity("three quarters", share=True) == (75.0, "%")
    # "the last three quarters" of a year count periods, not a share.
    assert parse_quantity("three quarters") == (3.0, None)


@pytest.mark.parametrize(
    ("claimed", "text", "stated", "expected"),
    [
        pytest.param(1.2e9, "$1.2 billion", 1.234e9, True, id="rounded-claim"),
        pytest.param(260_000, "over 260,000", 262_000, True, id="hedged-claim"),
        pytest.param(40, "40%", 43, False, id="exact-claim"),
        pytest.param(1500, "1,500", 1200, False, id="different"),
        pytest.param(640_000, "More than 640,000", 612_380, False, id="more-than-is-a-floor"),
        pytest.param(500, "nearly 500", 512, False, id="nearly-is-a-ceiling"),
        pytest.param(500, "nearly 500", 490, True, id="nearly-below"),
        pytest.param(41e6, "about $41 million", 40.2e6, True, id="about-is-near"),
        pytest.param(41e6, "about $41 million", 38.6e6, False, id="about-is-not-six-percent-off"),
        pytest.param(38e6, "About $38 million", 41e6, False, id="about-is-not-seven-percent-off"),
    ],
)
def test_agrees_allows_rounding(claimed: float, text: str, stated: float, expected: bool) -> None:
    assert agrees(claimed, text, stated) is expected


def test_find_amounts_in_running_text() -> None:
    text = "It paid $1.2 billion, or 1,200 million dollars, for 40 percent of a 230 metres site."
    assert [(a.value, a.unit) for a in find_amounts(text)] == [
        (1.2e9, "USD"),
        (1.2e9, "USD"),
        (40.0, "%"),
        (230.0, "m"),
    ]


def test_in_after_an_amount_is_not_inches() -> None:
    assert [(a.value, a.unit) for a in find_amounts("Sales rose 5 in March, by 14 inches.")] == [
        (5.0, None),
        (14.0, "in"),
    ]


def test_pounds_of_something_are_a_weight() -> None:
    assert parse_quantity("about 4,200 pounds", share=True) == (4200.0, "lb")
    assert parse_quantity("£4,200", share=True) == (4200.0, "GBP")


def test_find_amounts_reads_tallies_times_and_measures_as_adjectives() -> None:
    text = "By a vote of 6 to 3, it paid for a 7-mile trail; she ran it in 1:02:05 at minus 4 °C."
    assert [(a.text, a.value, a.unit) for a in find_amounts(text)] == [
        ("6 to 3", 6.0, "to 3"),
        ("1:02:05", 3725.0, "time"),
        ("6", 6.0, None),
        ("3", 3.0, None),
        ("7-mile", 7.0, "mi"),
        ("4 °C", -4.0, "°C"),
    ]


def test_find_amounts_gives_both_ends_of_a_range_their_unit() -> None:
    text = "Revenue of 1.86 billion to 1.90 billion dollars, between 40 and 50 percent."
    assert [(a.value, a.unit) for a in find_amounts(text)] == [
        (1.86e9, "USD"),
        (1.9e9, "USD"),
        (40.0, "%"),
        (50.0, "%"),
    ]


def test_the_publisher_of_a_record_is_the_company_it_speaks_of(english: Language) -> None:
    # A press release says "the company"; its publisher names the party.
    sources = {"1": "The company has notified the FBI and the attorneys general of all states."}
    checker = Checker(Options(), lambda _model: english)
    plain = registry(sources)
    published_by = replace(plain.sources[0], publisher="Pemberton & Vale Stores Inc.")
    record = replace(plain, sources=(published_by,))
    article = "Pemberton & Vale has notified the FBI and the attorneys general of every state [1]."
    document = parse_document(article.encode(), "draft.txt", Format.TEXT)
    (claim,) = checker.check_document(document, record).claims
    assert outcome(claim)[:2] == ("supported", "supported"), outcome(claim)


def test_a_records_author_speaks_in_each_of_its_sentences(english: Language) -> None:
    # "Elm Row Analytics estimates" cites a report of Elm Row Analytics: "we estimate".
    text = (
        "Volkaren will supply the cells from its plant in Tennessee. We estimate the "
        "battery could earn around 48 million dollars a year, mostly by charging overnight "
        "when prices are low and discharging during the evening peak."
    )
    article = (
        "Elm Row Analytics estimates that the plant could earn about $48 million a year "
        "by charging at night, when power is cheap [1]."
    )
    (plain,) = check_one_record(english, article, "1", text)
    assert outcome(plain)[0] == "unsupported", outcome(plain)
    (claim,) = check_one_record(english, article, "1", text, publisher="Elm Row Analytics")
    assert outcome(claim)[0] == "supported", outcome(claim)


def test_a_short_name_the_source_also_uses_states_the_party(english: Language) -> None:
    claims = check(
        english,
        "The Dunmore family sold Harlan Peak Ski Area on Tuesday. "
        "Skiers made about 90,000 visits to Harlan Peak last season [1].",
        {
            "1": "The chamber of commerce estimates that Harlan Peak recorded about 90,000 "
            "skier visits last season."
        },
    )
    assert claims[-1].facts.slots.parties == ("Harlan Peak Ski Area",)
    assert outcome(claims[-1])[:2] == ("supported", "supported")


def test_a_study_found_in_a_month_is_dated_by_its_record(english: Language) -> None:
    article = (
        "Towns that switched to weekly pickup saw missed collections fall by 30%, "
        "a Harlow Waste Institute study found in March [1]."
    )
    text = "Towns that switched to weekly pickup saw missed collections fall by 30 percent."

    def verdict(published: date) -> tuple[str, str, str]:
        study = Source(
            label="1",
            title="Weekly pickup",
            line=1,
            text=text,
            publisher="Harlow Waste Institute",
            published=published,
        )
        (claim,) = check_records(english, article, (study,), published=date(2026, 5, 7))
        return outcome(claim)

    # The study is the record: its publisher found it, in the month it was published.
    assert verdict(date(2026, 3, 12))[:2] == ("supported", "supported")
    assert verdict(date(2026, 1, 12))[:2] == ("unsupported", "not-in-source")


def test_a_finding_put_on_another_body_contradicts_the_records_publisher(
    english: Language,
) -> None:
    text = "Diesel makes up a third of the cost of running a ferry, the institute found."

    def verdict(article: str) -> tuple[str, str, str]:
        study = Source(
            label="1", title="Ferry costs", line=1, text=text, publisher="Tolley Marine Institute"
        )
        (claim,) = check_records(english, article, (study,))
        return outcome(claim)

    claim = "Diesel makes up a third of the cost of running a ferry, according to the {} [1]."
    assert verdict(claim.format("Harbour Pilots Guild")) == (
        "unsupported",
        "contradicted",
        "Source [1] says Tolley Marine Institute, not Harbour Pilots Guild.",
    )
    assert verdict(claim.format("Tolley Marine Institute"))[:2] == ("supported", "supported")
    # "according to the institute" names the cited record itself.
    assert verdict(claim.format("institute"))[:2] == ("supported", "supported")


def test_closures_to_be_completed_are_stores_that_close(english: Language) -> None:
    source = "All of the affected branches will close by March 31, 2027, the bank said."
    article = "The closures are to be completed by March 31, 2027 [1]."
    (claim,) = check(english, article, {"1": source})
    assert outcome(claim)[:2] == ("supported", "supported")
    (claim,) = check(english, article.replace("March 31", "June 30"), {"1": source})
    assert outcome(claim)[1] == "contradicted"


def test_who_found_it_and_whose_people_are_read_as_the_source_writes_them(
    english: Language,
) -> None:
    source = "An estimated 120,000 Oregon residents live more than 10 miles from a clinic."
    article = (
        "In a report released last week, the Cascade Health Council found that about "
        "120,000 Oregonians live more than 10 miles from a clinic [1]."
    )
    (claim,) = check(english, article, {"1": source}, published=date(2026, 5, 7))
    message = outcome(claim)[2]
    for word in ("released", "found", "Oregonians"):
        assert word not in message
    # A demonym of another state is still missing.
    (claim,) = check(english, article.replace("Oregonians", "Idahoans"), {"1": source})
    assert "Idahoans" in outcome(claim)[2]


@pytest.mark.parametrize(
    ("stated", "reason"),
    [("41", "supported"), ("30", "contradicted")],
)
def test_an_amount_a_verb_passes_is_a_lower_bound(
    english: Language, stated: str, reason: str
) -> None:
    source = f"The ferry was cancelled after waves reached {stated} feet on Tuesday."
    article = "The ferry was cancelled after waves topped 38 feet on Tuesday [1]."
    (claim,) = check(english, article, {"1": source})
    assert outcome(claim)[1] == reason


def test_the_company_is_the_publisher_of_its_own_release(english: Language) -> None:
    # "The company will also give ..." of Brisbourne's release, which never says
    # "the company" or "workers" ("associates").
    text = "All hourly associates will also receive two additional paid days off each year."
    article = (
        "Brisbourne Home Goods Inc. will raise starting pay at the center. "
        "The company will also give all hourly workers two additional paid days off a year [3]."
    )
    claims = check_one_record(english, article, "3", text, publisher="Brisbourne Home Goods Inc.")
    assert outcome(claims[-1])[:2] == ("supported", "supported"), outcome(claims[-1])


def test_a_records_author_is_a_party_it_states(english: Language) -> None:
    text = (
        "Union drives at warehouses in the South have won about half of the "
        "representation elections held since 2022."
    )
    article = (
        "Union drives at warehouses in the South have succeeded in about half of the "
        "elections held since 2022, according to an analysis by labor economist Rosalie "
        "Wrenshaw [w]."
    )
    (plain,) = check_one_record(english, article, "w", text)
    assert outcome(plain)[0] == "unsupported", outcome(plain)
    author = (("author", "Rosalie Wrenshaw"),)
    (claim,) = check_one_record(english, article, "w", text, extra=author)
    assert outcome(claim)[0] == "supported", outcome(claim)


def test_a_part_of_a_building_is_a_place_the_source_must_state(english: Language) -> None:
    source = {"1": "Voting will take place in the center's main break room."}
    (wrong,) = check(
        english, "Voting will take place in the center's north loading bay [1].", source
    )
    assert outcome(wrong)[0] == "unsupported", outcome(wrong)
    (right,) = check(english, "Voting will take place in the center's main break room [1].", source)
    assert outcome(right)[0] == "supported", outcome(right)


def test_what_the_second_half_of_reported_words_adds_must_be_stated(english: Language) -> None:
    source = {
        "3": "Board chair Octavia Penhaligon said the inquiry would examine the cooperative's "
        "tree-trimming program and how it kept members informed during the outage."
    }
    (added,) = check(
        english,
        "Board chair Octavia Penhaligon said the inquiry would look at the cooperative's "
        "tree-trimming program and whether it should move more of its lines underground [3].",
        source,
    )
    assert outcome(added)[:2] == ("unsupported", "not-in-source"), outcome(added)
    (stated,) = check(
        english,
        "Board chair Octavia Penhaligon said the inquiry would look at the cooperative's "
        "tree-trimming program and how it kept members informed [3].",
        source,
    )
    assert outcome(stated)[0] == "supported", outcome(stated)


def test_homes_that_lack_service_have_no_service(english: Language) -> None:
    (claim,) = check(
        english,
        "The network will reach about 6,200 homes that have no high-speed service today [1].",
        {"1": "The network will reach about 6,200 homes that currently lack high-speed service."},
    )
    assert outcome(claim)[0] == "supported", outcome(claim)
