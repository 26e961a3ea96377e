"""Claim extraction: atomic clauses and their slots, on real sentences."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span

from copydesk.dates import resolve_date
from copydesk.models import Format
from copydesk.pipeline.claims import extract_claims, is_name
from copydesk.pipeline.read import parse_document
from copydesk.pipeline.segment import segment

PUBLISHED = date(2026, 5, 7)  # a Thursday


def claims_of(nlp, text: str, published: date | None = PUBLISHED):  # noqa: ANN001, ANN201
    document = parse_document(text.encode(), "a.txt", Format.TEXT, published=published)
    return extract_claims(document, segment(document, nlp))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The council approved the budget on Tuesday.",
            ["The council approved the budget on Tuesday."],
            id="one-fact-stays-one",
        ),
        pytest.param(
            "This partnership signals a shift for Elon Musk, who is suing OpenAI.",
            ["This partnership signals a shift for Elon Musk.", "Elon Musk is suing OpenAI."],
            id="relative-clause",
        ),
        pytest.param(
            "The firm plans an offering, a move that requires strong revenue.",
            ["The firm plans an offering.", "An offering is a move that requires strong revenue."],
            id="apposition",
        ),
        pytest.param(
            "While Musk has criticized OpenAI, his company backed Anthropic.",
            ["His company backed Anthropic.", "Musk has criticized OpenAI."],
            id="while-clause",
        ),
        pytest.param(
            "The union rejected the offer, and the port closed on Monday.",
            ["The union rejected the offer.", "The port closed on Monday."],
            id="coordination",
        ),
        pytest.param(
            "The mayor said the plan, which costs $4 million, was a disaster.",
            ["The mayor said the plan, which costs $4 million, was a disaster."],
            id="attribution-stays-whole",
        ),
        pytest.param(
            "The engines that failed were replaced.",
            ["The engines that failed were replaced."],
            id="restrictive-relative-stays",
        ),
        pytest.param(
            "The plant is in Memphis, Tennessee, near the river.",
            ["The plant is in Memphis, Tennessee, near the river."],
            id="place-is-not-apposition",
        ),
        pytest.param(
            "The trip will cost nearly $4.2 million, and about 60% of that is being covered "
            "by Halberd Mutual Insurance Co. [1].",
            [
                "The trip will cost nearly $4.2 million.",
                "About 60% of that is being covered by Halberd Mutual Insurance Co.",
            ],
            id="name-ending-in-an-abbreviation",
        ),
        pytest.param(
            "Chief executive Priya Lammert said the company would keep the Halloran name "
            "and add a rooftop restaurant.",
            [
                "Chief executive Priya Lammert said the company would keep the Halloran name.",
                "Chief executive Priya Lammert said the company would add a rooftop restaurant.",
            ],
            id="reported-verbs-share-their-beginning",
        ),
        pytest.param(
            "The repairs will cost 14 million dollars and take 10 months.",
            ["The repairs will cost 14 million dollars.", "The repairs will take 10 months."],
            id="verbs-share-their-subject",
        ),
        pytest.param(
            "The plan was drawn up by Kittredge & Lowe Engineering, a design firm based in "
            "Wexley, Ohio.",
            [
                "The plan was drawn up by Kittredge & Lowe Engineering.",
                "Kittredge & Lowe Engineering is a design firm based in Wexley, Ohio.",
            ],
            id="apposition-to-a-name-with-an-ampersand",
        ),
        pytest.param(
            "The wine council plans to seek federal disaster aid and expects an answer by Q3.",
            ["The wine council plans to seek federal disaster aid and expects an answer by Q3."],
            id="misparsed-conjunct-stays",
        ),
    ],
)
def test_extract_claims_atomic(nlp, text: str, expected: list[str]) -> None:  # noqa: ANN001
    assert [c.text for c in claims_of(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The deal closed on May 6, 2026.", "2026-05-06", id="month-day-year"),
        pytest.param("The deal closed on 6 May 2026.", "2026-05-06", id="day-month-year"),
        pytest.param("The deal closed on 2026-05-06.", "2026-05-06", id="iso"),
        pytest.param("The deal closed on Wednesday.", "2026-05-06", id="weekday"),
        pytest.param("The deal closed last week.", "2026-W18", id="last-week"),
        pytest.param("The board met earlier this month.", "2026-05", id="earlier-this-month"),
        pytest.param("Revenue grew in Q3 2026.", "2026-Q3", id="quarter"),
        pytest.param(
            "The authority ended fiscal year 2025 with a deficit.", "2025", id="fiscal-year"
        ),
        pytest.param(
            "The sale should close in the first three months of 2027.", "2027-Q1", id="months-q1"
        ),
        pytest.param("The plant opened in 2024.", "2024", id="year"),
        pytest.param("The plant opened in March 2025.", "2025-03", id="month-year"),
        pytest.param("The probe entered orbit on 8 September 2026 [1].", "2026-09-08", id="d-m-y"),
        pytest.param("Farmers left 310,000 acres unplanted this spring.", "2026", id="season"),
        pytest.param("The merger should close by the end of 2026.", "2026", id="end-of-year"),
        pytest.param(
            "The bikes will arrive by the end of Q3 2026 [3].", "2026-Q3", id="end-of-a-quarter"
        ),
        pytest.param(
            "The 38 workers will be laid off at the end of the month.",
            "2026-05",
            id="end-of-the-month",
        ),
        pytest.param(
            "The report will be out by the end of the week.", "2026-W19", id="end-of-the-week"
        ),
        pytest.param("A 2025 study found that prices rose.", "2025", id="year-before-noun"),
        pytest.param("The fund grew in the 2020s.", None, id="decade-stays-null"),
        pytest.param("The bank reported a fourth-quarter profit.", "2025-Q4", id="quarter-before"),
        pytest.param(
            "Deposits reached $48 billion at the end of April.", "2026-04", id="month-end"
        ),
        pytest.param("The council will meet again in late January.", "2027-01", id="next-january"),
        # A stative present is no schedule: the Monday before publication.
        pytest.param(
            "The price represents a premium over the closing price on Monday [1].",
            "2026-05-04",
            id="stative-present-looks-back",
        ),
        pytest.param("Tickets go on sale on Monday.", "2026-05-11", id="schedule-looks-ahead"),
        pytest.param(
            "The superintendent said districts would receive guidance in June.",
            "2026-06",
            id="would-looks-ahead",
        ),
        pytest.param(
            "Varga told the radio on Tuesday that the recount would confirm her win.",
            "2026-05-05",
            id="past-telling-of-a-future",
        ),
        pytest.param(
            "The results were published in a journal in March.", "2026-03", id="bare-month"
        ),
        pytest.param("The office will close by the end of the year.", "2026", id="end-of-the-year"),
        pytest.param("Classes begin on August 24 [1].", "2026-08-24", id="date-before-marker"),
        pytest.param("Velmora today announced a plan [1].", "2026-05-07", id="today"),
        pytest.param(
            "Full results will be presented next month in Lisgard.", "2026-06", id="next-month"
        ),
        pytest.param(
            "The tour opens on October 6 in Marbeck, the orchestra said [2].",
            "2026-10-06",
            id="schedule-in-reported-words",
        ),
        pytest.param(
            "The symphony had its premiere in Velmont last November.",
            "2025-11",
            id="last-month-name",
        ),
        pytest.param("The hall will reopen next March.", "2027-03", id="next-month-name"),
        pytest.param(
            "The festival will run from October 8 to October 14.", "2026-10-08", id="a-span-starts"
        ),
        pytest.param(
            "Coffee futures climbed 11% between January and March.", "2026-Q1", id="a-quarter-span"
        ),
        pytest.param("Water rates will rise 6% a year through 2029.", "2029", id="through-a-year"),
        pytest.param(
            "Bookings were 40% below last year's level.", "2025", id="a-possessive-relative-year"
        ),
        pytest.param(
            "Alvaro said infected trees must be destroyed by October 15 [1].",
            "2026-10-15",
            id="a-deadline-looks-ahead",
        ),
        pytest.param(
            "The union has asked the board to put off the cuts until January [2].",
            "2027-01",
            id="what-is-asked-looks-ahead",
        ),
        pytest.param(
            "The utility has suspended shutoffs for unpaid bills until October 15 [1].",
            "2026-10-15",
            id="what-lasts-until-a-date-looks-ahead",
        ),
        pytest.param(
            "The academy will offer 40 scholarships under a partnership that was signed on"
            " 18 April [3].",
            "2026-04-18",
            id="a-past-clause-in-a-future-sentence",
        ),
        pytest.param(
            "Bexley said the group would sue unless every player was refunded by October [1].",
            "2026-10",
            id="a-condition-looks-ahead",
        ),
        pytest.param(
            "The authority has contracted Brightway Coaches to run 12 shuttle routes serving"
            " hospitals from Tuesday [2].",
            "2026-05-12",
            id="what-a-body-is-engaged-to-do-looks-ahead",
        ),
        pytest.param(
            "Visits were cancelled on 46 days last year [1].", "2025", id="days-in-last-year"
        ),
        pytest.param(
            "June Strand told staff at a meeting on December 7 that nobody would lose their job.",
            "2025-12-07",
            id="a-forename-is-no-month",
        ),
        pytest.param(
            "Under a rate plan the water department released on Friday, bills would rise 22%.",
            "2026-05-01",
            id="what-was-released-in-a-sentence-of-the-future",
        ),
        pytest.param(
            "A concert planned for Friday will raise money for the clinic.",
            "2026-05-08",
            id="what-is-planned-looks-ahead",
        ),
        pytest.param(
            "Fiske said the grant would keep the clinic open through at least June 2029.",
            "2029-06",
            id="a-bound-on-a-date",
        ),
        pytest.param(
            "On Monday, Ruppert had proposed cutting the award to $2.5 million.",
            "2026-05-04",
            id="a-day-and-the-name-after-its-comma",
        ),
    ],
)
def test_extract_claims_date_slot(nlp, text: str, expected: str) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, text)
    assert claim.facts.slots.date == expected


def test_the_quarter_is_the_quarter_named_before(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp,
        "The bank earned $5 million in the first quarter. "
        "It bought back 2 million shares during the quarter. "
        "The quarter was a hard one.",
    )
    assert [c.facts.slots.date for c in claims] == ["2026-Q1", "2026-Q1", None]


def test_the_same_day_is_the_day_named_before(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp,
        "Fares rise on January 4, 2027. A monthly pass will go on sale the same day. "
        "Riders had the same worries.",
    )
    assert [c.facts.slots.date for c in claims] == ["2027-01-04", "2027-01-04", None]


def test_a_month_that_names_a_kind_is_no_date(nlp) -> None:  # noqa: ANN001
    text = "Organisers say a July marathon needs an earlier start."
    (claim,) = claims_of(nlp, text)
    assert claim.facts.slots.date is None


def test_that_night_is_the_day_named_before(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp,
        "On the night of August 19, a car on the Whirlwind Scrambler broke away from its arm. "
        "The sheriff's office ordered the ride shut down that night.",
        published=date(2026, 8, 26),
    )
    assert [c.facts.slots.date for c in claims] == ["2026-08-19", "2026-08-19"]


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("last spring", date(2026, 10, 29), "2026"),
        ("last spring", date(2026, 5, 7), "2025"),
        ("next summer", date(2026, 3, 2), "2026"),
        ("next summer", date(2026, 10, 29), "2027"),
        ("last autumn", date(2026, 12, 1), "2026"),
        ("earlier this week", date(2026, 10, 15), "2026-W42"),
        ("July next year", date(2026, 10, 15), "2027-07"),
        ("March last year", date(2026, 10, 15), "2025-03"),
        ("in the second quarter of next year", date(2026, 11, 11), "2027-Q2"),
        ("the fourth quarter of last year", date(2026, 2, 3), "2025-Q4"),
    ],
)
def test_relative_periods_are_read_from_the_publication_date(
    phrase: str, published: date, expected: str
) -> None:
    assert resolve_date(phrase, published) == expected


@pytest.mark.parametrize(
    ("phrase", "future", "expected"),
    [
        ("June", True, "2026-06"),  # the month under way is this one, ahead or not
        ("June", False, "2026-06"),
        ("May", True, "2027-05"),
        ("July", False, "2025-07"),
        ("in June", True, "2026-06"),  # a month, not a day of it
        ("by July", True, "2026-07"),
    ],
)
def test_a_month_is_the_one_nearest_the_publication_date(
    phrase: str, future: bool, expected: str
) -> None:
    assert resolve_date(phrase, date(2026, 6, 4), future=future) == expected


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("June 30", date(2026, 5, 22), "2026-06-30"),  # "said it was closing the lab on June 30"
        ("30 June", date(2026, 5, 22), "2026-06-30"),
        ("November 9", date(2026, 10, 21), "2026-11-09"),
        ("May 3", date(2026, 5, 22), "2026-05-03"),
        ("December 20", date(2026, 1, 5), "2025-12-20"),  # too far ahead: last year's
        ("September 30", date(2026, 5, 22), "2025-09-30"),
    ],
)
def test_a_day_without_its_year_is_this_years_when_near(
    phrase: str, published: date, expected: str
) -> None:
    assert resolve_date(phrase, published) == expected


def test_a_length_of_time_before_its_date_is_an_amount(nlp) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, "Visits were cancelled on 46 days last year [1].")
    assert [(q.text, q.value, q.unit) for q in claim.facts.slots.numbers] == [
        ("46 days", 46.0, "day")
    ]


def test_officials_of_an_institution_speak_for_it(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Idaho Arts Commission gave the Kettleby Museum of Flight $2 million in May. "
        "The hangar roof has leaked since a storm on January 9, museum officials said.",
    )
    assert parties[-1] == ("Kettleby Museum of Flight",)


def test_a_forename_the_model_read_as_a_month_is_a_person(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp, "June Strand told staff at a meeting on December 7 that nobody would lose their job."
    )
    assert parties == [("June Strand",)]


def test_extract_claims_relative_date_without_publication_stays_null(nlp) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, "The deal closed on Wednesday.", published=None)
    assert claim.facts.slots.date is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The firm raised $1.2 billion.", [("$1.2 billion", 1.2e9, "USD", None)], id="money"
        ),
        pytest.param("Sales rose 40% this year.", [("40%", 40.0, "%", None)], id="percent"),
        pytest.param(
            "It will build a 300 MW solar farm.", [("300 MW", 300.0, "MW", None)], id="unit"
        ),
        pytest.param(
            "The factory will add 1,200 jobs.", [("1,200", 1200.0, None, "job")], id="count"
        ),
        pytest.param(
            "Earnings per share came to $1.46.", [("$1.46", 1.46, "USD", None)], id="dollar-sign"
        ),
        pytest.param(
            "Customers will be offered 12 months of free monitoring.",
            [("12 months", 12.0, "month", None)],
            id="length-of-time",
        ),
        pytest.param(
            "Contributions will climb from 7% to 10% of pay.",
            [("7%", 7.0, "%", None), ("10%", 10.0, "%", None)],
            id="range",
        ),
        pytest.param(
            "The county opened a 7-mile trail.",
            [("7-mile", 7.0, "mi", None)],
            id="measure-as-adjective",
        ),
        pytest.param(
            "The growers lost 37 orchards to the blight.",
            [("37 orchards", 37.0, None, "orchard")],
            id="count-tagged-with-its-noun",
        ),
        pytest.param(
            "The plant released 4,200 pounds of sulfur dioxide.",
            [("4,200 pounds", 4200.0, "lb", None)],
            id="pounds-of-something",
        ),
        pytest.param(
            "The Marrowby County Council voted 7–2 on Tuesday to close the library.",
            [("7–2", 7.0, "to 2", None)],
            id="tally-after-voted",
        ),
        pytest.param(
            "Crews will stay on the site for the next 48 hours.",
            [("48 hours", 48.0, "hour", None)],
            id="length-of-time-inside-a-date",
        ),
        pytest.param(
            "The sale is expected to close in the first three months of 2027.",
            [],
            id="months-of-a-year-are-a-date",
        ),
        pytest.param(
            "Brannock Line was fined after one of its ships ran aground.",
            [],
            id="one-of-them-is-not-an-amount",
        ),
        pytest.param(
            "The system would cut weekly hours at its nine branches from 58 to 40.",
            [("nine", 9.0, None, "branch"), ("58", 58.0, None, None), ("40", 40.0, None, None)],
            id="a-change-from-one-count-to-another",
        ),
        pytest.param(
            "Eleven runners were taken to Greyfield Regional Medical Center in Penwarden Bend,"
            " Missouri, where two remained on Monday.",
            [("Eleven", 11.0, None, "runner"), ("two", 2.0, None, None)],
            id="a-count-in-words-the-model-missed",
        ),
    ],
)
def test_extract_claims_numbers(nlp, text: str, expected: list) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, text)
    assert [(q.text, q.value, q.unit, q.counts) for q in claim.facts.slots.numbers] == expected


def test_a_tally_is_one_number(nlp) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, "The measure passed by a vote of 6 to 3.")
    assert [(q.text, q.value, q.unit) for q in claim.facts.slots.numbers] == [
        ("6 to 3", 6.0, "to 3")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The agreement gives Anthropic capacity to scale its Claude AI models.",
            "to scale its Claude AI models",
            id="infinitive-of-purpose",
        ),
        pytest.param(
            "The city raised fees in order to balance the budget.",
            "in order to balance the budget",
            id="in-order-to",
        ),
        pytest.param(
            "The airline cut routes because fuel prices rose.",
            "because fuel prices rose",
            id="because",
        ),
        pytest.param(
            "NASA signed the contract as part of an effort to cut launch costs.",
            "as part of an effort to cut launch costs",
            id="part-of-an-effort",
        ),
        pytest.param(
            "SpaceX signed a deal on May 6, 2026, to lease its data center to Anthropic.",
            None,
            id="content-of-a-deal-is-not-a-motive",
        ),
        pytest.param(
            "Both carriers have struggled to fill their planes since 2024.",
            None,
            id="what-is-tried-is-not-a-motive",
        ),
        pytest.param(
            "The approval requires Sunfield to restore the land when the farm closes [2].",
            None,
            id="what-someone-must-do-is-not-a-motive",
        ),
        pytest.param(
            "The pathway requires the company to confirm the drug's benefit in a later study.",
            None,
            id="what-a-body-must-do-is-not-a-motive",
        ),
        pytest.param(
            "QuickRide has 60 days to comply [1].", None, id="time-to-do-it-is-not-a-motive"
        ),
        pytest.param(
            "The spilled fuel could take weeks to clear from the marsh.",
            None,
            id="how-long-it-takes-is-not-a-motive",
        ),
        pytest.param(
            "The captain turned the ferry hard to port to avoid a sailing dinghy.",
            "to avoid a sailing dinghy",
            id="a-direction-before-the-purpose",
        ),
        pytest.param(
            "The first cargo is due to sail from Calder Bay on November 16.",
            None,
            id="due-to-before-a-verb-schedules",
        ),
        pytest.param(
            "The match was postponed due to heavy rain.",
            "due to heavy rain",
            id="due-to-before-a-noun-is-a-reason",
        ),
        pytest.param(
            "We think drivers deserve to know what a round trip will cost.",
            None,
            id="a-judgement-has-no-motive",
        ),
        pytest.param(
            "Deputies went door to door overnight to warn residents.",
            "to warn residents",
            id="door-to-door-is-no-purpose",
        ),
        pytest.param(
            "The museum should publish the survey so that donors can see what it fixes.",
            None,
            id="a-recommendations-purpose-is-the-writers",
        ),
        pytest.param(
            "The district will study whether to renew the bus contract in March.",
            None,
            id="whether-to-is-a-question-not-a-motive",
        ),
        pytest.param(
            "Parents kept pressing the board to reopen the library on Saturdays.",
            None,
            id="what-someone-is-pressed-to-do-is-not-a-motive",
        ),
        pytest.param(
            "The regulator has given Marlow Energy until July 9 to repair the valve.",
            None,
            id="a-deadline-is-not-a-motive",
        ),
        pytest.param(
            "The foundation gave $2 million to expand the clinic [1].",
            "to expand the clinic",
            id="a-gift-for-a-purpose",
        ),
        pytest.param(
            "The commission voted on Tuesday to hire Haldane Marine Works to restore a"
            " nine-mile stretch of the Ferrand Canal [1].",
            None,
            id="what-someone-is-hired-to-do-is-not-a-motive",
        ),
        pytest.param(
            "Ruelas said the union would press Grayhaven to keep the tuna line running [2].",
            None,
            id="pressed-to-do-read-as-a-clause-of-its-own",
        ),
        pytest.param(
            "Customers are entitled to ask why the work was left so late.",
            None,
            id="what-one-is-entitled-to-do-is-not-a-motive",
        ),
        pytest.param(
            "Ruppert said the county could not afford to prop up a private nonprofit.",
            None,
            id="what-one-can-afford-is-not-a-motive",
        ),
        pytest.param(
            "The orbiter is designed to operate for at least four years.",
            None,
            id="what-a-thing-is-designed-to-do-is-not-a-motive",
        ),
        pytest.param(
            "The firm will spend $9 million widening the quay to land bigger ships.",
            "to land bigger ships",
            id="why-the-work-the-money-pays-for-is-done",
        ),
        pytest.param(
            "The mill will stay shut until inspectors clear it to restart.",
            None,
            id="what-inspectors-clear-a-plant-to-do-is-not-a-motive",
        ),
        pytest.param(
            "The department warned shoppers not to use the heaters on Friday.",
            None,
            id="what-someone-is-warned-against-is-not-a-motive",
        ),
        pytest.param(
            "The rules will require every bus to carry a defibrillator.",
            None,
            id="what-each-must-do-is-not-a-motive",
        ),
        pytest.param(
            "Okafor urged anyone who bought the salad to return it because the lettuce may"
            " be tainted.",
            "because the lettuce may be tainted",
            id="what-is-urged-hung-on-a-relative-clause-is-not-a-motive",
        ),
        pytest.param(
            "The increase is intended to reduce class sizes.",
            "to reduce class sizes",
            id="what-a-thing-is-intended-for-is",
        ),
        pytest.param(
            "The hospital will pay Clearline Parking Services to install gates.",
            None,
            id="what-someone-is-paid-to-do-is-not-a-motive",
        ),
        pytest.param(
            "The city will pay $2 million to repair the bridge.",
            None,
            id="what-money-is-paid-for",
        ),
        pytest.param(
            "The tariff was imposed to shield coffee growers in Hawaii from cheaper imports.",
            "to shield coffee growers in Hawaii from cheaper imports",
            id="a-passive-verbs-purpose",
        ),
        pytest.param(
            "Two deaths in Cawthorn County have been linked to carbon monoxide from portable "
            "generators [2].",
            None,
            id="linked-to-a-noun-read-as-a-verb",
        ),
    ],
)
def test_extract_claims_motive(nlp, text: str, expected: str | None) -> None:  # noqa: ANN001
    assert claims_of(nlp, text)[0].facts.slots.motive == expected


def test_what_a_ride_is_cleared_to_do_is_not_a_motive(nlp) -> None:  # noqa: ANN001
    text = (
        "The other 38 rides on the midway were inspected again on August 20 and cleared to"
        " keep running, according to state officials."
    )
    claims = claims_of(nlp, text)
    assert [claim.facts.slots.motive for claim in claims] == [None] * len(claims)
    assert len(claims) == 2


def test_extract_claims_parties_are_canonical(nlp) -> None:  # noqa: ANN001
    text = (
        "Elon Musk met SpaceX engineers in Texas. Musk praised the engineers. "
        "The company prepares for an offering."
    )
    claims = claims_of(nlp, text)
    assert [c.facts.slots.parties for c in claims] == [
        ("Elon Musk", "SpaceX"),
        ("Elon Musk",),
        ("SpaceX",),
    ]
    assert claims[0].facts.slots.location == "Texas"


def test_extract_claims_hostile_sentences_keep_null_slots(nlp) -> None:  # noqa: ANN001
    long_text = " ".join(["word"] * 2000) + "."
    claims = claims_of(
        nlp,
        long_text + "\n\nno punctuation at all here just words and more"
        "\n\nLe conseil a voté le budget mardi dernier.\n\nOn Febtober 45th it rained.",
    )
    assert len(claims) >= 3
    assert all(c.facts.slots.date is None for c in claims)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Is a free clinic enough to stop the outbreak?", "opinion", id="own-question"),
        pytest.param("Who, after all, benefits from ships idling offshore?", "opinion", id="who"),
        pytest.param('She asked: "Who pays for this?"', "factual", id="quoted-question"),
        pytest.param("The clinic opens on Saturday.", "factual", id="statement"),
        pytest.param(
            "The new depot would be built on Mill Lane [1].", "factual", id="cited-modal-reports"
        ),
        pytest.param("The new depot would be built on Mill Lane.", "opinion", id="uncited-modal"),
    ],
)
def test_extract_claims_writers_question_is_opinion(nlp, text: str, kind: str) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, text)
    assert claim.kind.value == kind


def test_a_place_that_describes_a_name_is_no_party(nlp) -> None:  # noqa: ANN001
    text = (
        "Tallowmere County runs the ambulances. Tallowmere General Hospital, which is the"
        " county's only trauma center, handled about 41,000 emergency visits last year."
    )
    *_, claim = claims_of(nlp, text)
    assert claim.facts.slots.parties == ("Tallowmere General Hospital",)


@pytest.mark.parametrize(
    ("judgement", "parties"),
    [
        ("We think the neighbors deserve a better answer on traffic.", ()),
        ("Both sides should accept a mediator before the dispute drags on.", ()),
        (
            "The commissioners should make the fire study a condition of the permit.",
            ("Linden Park County Board of Commissioners",),
        ),
    ],
)
def test_people_in_the_writers_judgement_are_no_organisation(  # noqa: ANN001
    nlp, judgement: str, parties: tuple
) -> None:
    text = (
        "The Linden Park Neighbors Association sued the Linden Park County Board of"
        " Commissioners on Monday [1]. " + judgement
    )
    *_, claim = claims_of(nlp, text)
    assert claim.kind.value == "opinion"
    assert claim.facts.slots.parties == parties


@pytest.mark.parametrize(
    ("text", "actor", "action"),
    [
        ("The Marlow City Council approved the plan on Monday.", "Marlow City Council", "approve"),
        (
            "The plan was approved by the Marlow City Council on Monday.",
            "Marlow City Council",
            "approve",
        ),
        (
            "Ruth Ngata said the Marlow City Council approved the plan.",
            "Marlow City Council",
            "approve",
        ),
        ("The plan was approved on Monday.", None, None),
    ],
)
def test_the_actor_is_who_does_the_deed(
    nlp,  # noqa: ANN001
    text: str,
    actor: str | None,
    action: str | None,
) -> None:
    (claim,) = claims_of(nlp, text)
    assert (claim.facts.actor, claim.facts.action) == (actor, action)


def test_a_judgement_is_about_what_it_names(nlp) -> None:  # noqa: ANN001
    text = (
        "Grayhaven Seafoods Inc. will close its cannery in March [1]. For a town built around"
        " its waterfront, the news could hardly have come at a worse time."
    )
    *_, claim = claims_of(nlp, text)
    assert claim.kind.value == "opinion"
    assert claim.facts.slots.parties == ()


def test_a_place_that_owns_something_is_no_party(nlp) -> None:  # noqa: ANN001
    text = (
        "The Marrowby County Council voted to close the library. Why should a mountain town"
        " give up its library to plug a hole in the county's budget?"
    )
    *_, claim = claims_of(nlp, text)
    assert claim.facts.slots.parties == ()


def test_a_name_in_another_paragraph_is_no_verdict(nlp) -> None:  # noqa: ANN001
    text = (
        "This year's Ambrey County Fair drew a record 312,400 visitors, the Ambrey County "
        "Agricultural Society said on Monday.\n\n"
        "The fair board is due to vote next spring on whether to renew the midway contract."
    )
    assert [claim.kind.value for claim in claims_of(nlp, text)] == ["factual", "factual"]


@pytest.mark.parametrize(
    "text",
    [
        "We suspect patients will remember this week long after the strike ends.",
        "Will a new building help the people on waiting lists on Monday?",
        "We think the board should publish the routes before August.",
    ],
)
def test_a_judgement_asserts_no_dated_event(nlp, text: str) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, text)
    assert claim.kind.value == "opinion"
    assert claim.facts.slots.date is None


def test_a_judgement_happens_nowhere(nlp) -> None:  # noqa: ANN001
    text = "We think families in Bransford, Iowa, deserve to see the staffing plan."
    (claim,) = claims_of(nlp, text)
    assert claim.kind.value == "opinion"
    assert claim.facts.slots.location is None


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        pytest.param(
            "The court ruled for the drivers, and it should have done so years ago.",
            ["opinion", "opinion"],
            id="uncited-fact-inside-judgement",
        ),
        pytest.param(
            "The court ruled for the drivers [1], and it should have done so years ago.",
            ["factual", "opinion"],
            id="cited-fact-is-still-checked",
        ),
        pytest.param(
            "This partnership signals a shift for Elon Musk, who is suing OpenAI.",
            ["opinion", "factual"],
            id="relative-clause-stays-a-fact",
        ),
    ],
)
def test_extract_claims_judgement_carries_its_uncited_facts(nlp, text: str, kinds) -> None:  # noqa: ANN001
    assert [c.kind.value for c in claims_of(nlp, text)] == kinds


def parties_of(nlp, text: str, known: tuple[str, ...] = ()) -> list[tuple[str, ...]]:  # noqa: ANN001
    document = parse_document(text.encode(), "a.txt", Format.TEXT, published=PUBLISHED)
    claims = extract_claims(document, segment(document, nlp), known=known)
    return [c.facts.slots.parties for c in claims if c.part == "main"]


def test_the_clinic_is_the_health_center_named(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Tallis Creek Community Health Center will receive $3 million. Okonjo said the"
        " clinic would open a walk-in mental health service in 2027.",
    )
    assert parties[1] == ("Okonjo", "Tallis Creek Community Health Center")


def test_the_county_is_the_one_named_so_far_not_one_named_later(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The storm closed 40 roads, the Ardley County Highway Department said. The county paid"
        " $2 million for new plows. The same plows failed in Dorran County, Ohio, in 2024.",
    )
    assert parties[1] == ("Ardley County",)


def test_a_general_manager_speaks_for_the_business_of_the_story(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Brantley Orchards Inc. recalled 4,000 crates of apples on Friday. General manager"
        " Odette Marchetti said the packing line would reopen on Monday.",
    )
    assert parties[1] == ("Odette Marchetti", "Brantley Orchards Inc.")


def test_a_company_spokeswoman_speaks_for_the_company_named_most(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Harlan Mills Inc. will close its Dunmore plant in March. Harlan Mills employs 300"
        " people there. Its owner, Castlebrook Holdings, bought the plant in 2019. A company"
        " spokeswoman, Tessa Ruiz, said no other plants would close.",
    )
    assert set(parties[3]) == {"Tessa Ruiz", "Harlan Mills Inc."}


def test_the_state_board_is_the_board_named_for_the_state(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Omar Ruiz, who chairs the Dunley County Board of Supervisors, said the board would"
        " meet on Monday. The Ohio Water Quality Board opened an inquiry on Tuesday. The state"
        " board's chair, Lena Brandt, said the inquiry would take a month.",
    )
    assert "Ohio Water Quality Board" in parties[2]


def test_members_with_no_article_stand_for_their_body(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Marlow County Board of Supervisors approved the budget on Monday. Okafor said"
        " supervisors acted quickly to keep the library open.",
    )
    assert "Marlow County Board of Supervisors" in parties[1]


def test_what_an_apposition_calls_a_body_names_it_later(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Harlow & Finch Provisions, a specialty grocer based in Dunmore, said shoppers would"
        " get a refund [1]. The Dunmore Food Bank will take the returned stock [1]. The"
        " grocer said it had called every customer [1].",
    )
    assert parties[2] == ("Harlow & Finch Provisions",)


def test_a_work_an_apposition_names_is_no_role(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The council voted to approve the Riverside Cycle Network, a plan for 40 miles of"
        " bike lanes [1]. The plan was drawn up by Kittering Design [1].",
    )
    assert parties[1] == ("Kittering Design",)


def test_a_name_joined_by_and_is_one_body(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The strike was called by the Parcel and Freight Drivers Union Local 318 on Friday. "
        "Members of the union voted 9-1 for it.",
    )
    assert parties == [("Parcel and Freight Drivers Union Local 318",)] * 2


@pytest.mark.parametrize(
    ("text", "party"),
    [
        pytest.param(
            "The Montana Department of Highways and Transit on Tuesday awarded a $14 million "
            "contract for the overpass.",
            "Montana Department of Highways and Transit",
            id="a-word-joined-to-the-last",
        ),
        pytest.param(
            "Hourly workers will vote on whether to join the Distribution and Warehouse Workers "
            "Union Local 583.",
            "Distribution and Warehouse Workers Union Local 583",
            id="a-word-joined-to-the-first-of-a-local",
        ),
        pytest.param(
            "The permit was issued by the State Bureau of Mines and Reclamation.",
            "State Bureau of Mines and Reclamation",
            id="of-two-things",
        ),
        pytest.param(
            "Large tunnels have run 38 percent over budget, according to Underground Works "
            "Quarterly.",
            "Underground Works Quarterly",
            id="a-quarterly",
        ),
        pytest.param(
            "Pembrey Hollow Egg Farms will cull about 2.6 million hens.",
            "Pembrey Hollow Egg Farms",
            id="farms",
        ),
        pytest.param(
            "The Ottersley County Sportsmen's Alliance pledged $150,000 toward the overpass.",
            "Ottersley County Sportsmen's Alliance",
            id="a-plural-in-the-possessive",
        ),
        pytest.param(
            "A survey of 1,240 families by the Wrexfield Valley PTA found that 63 percent were "
            "unhappy with the meals.",
            "Wrexfield Valley PTA",
            id="a-parent-teacher-association",
        ),
    ],
)
def test_names_joined_by_and_are_one_body(nlp, text: str, party: str) -> None:  # noqa: ANN001
    assert parties_of(nlp, text) == [(party,)]


def test_two_bodies_joined_by_and_stay_two(nlp) -> None:  # noqa: ANN001
    text = "Ordway Basin Electric Cooperative and Kestrelstone Geothermal LLC signed the deal."
    parties = parties_of(nlp, text)
    assert parties == [("Ordway Basin Electric Cooperative", "Kestrelstone Geothermal LLC")]


def test_a_company_takes_the_legal_form_its_sources_give_it(nlp) -> None:  # noqa: ANN001
    text = (
        "Workers at the Brisbourne Home Goods distribution center will vote on Thursday. "
        "Brisbourne will raise starting pay to $21.50 an hour."
    )
    known = ("Brisbourne Home Goods Inc.",)
    assert parties_of(nlp, text, known) == [known, known]
    assert parties_of(nlp, text) == [("Brisbourne Home Goods",)] * 2


def test_an_organizer_is_a_title(nlp) -> None:  # noqa: ANN001
    text = "Organizer Nettie Mashburn said workers had turned to the union over the heat."
    assert parties_of(nlp, text)[0][0] == "Nettie Mashburn"


def test_a_unit_at_a_body_is_the_one_the_sources_name(nlp) -> None:  # noqa: ANN001
    text = "The survey was run by the Pollinator Research Lab at Calder State University [1]."
    known = ("Calder State University Pollinator Research Lab",)
    assert parties_of(nlp, text, known) == [known]
    assert parties_of(nlp, text) == [("Pollinator Research Lab", "Calder State University")]
    assert claims_of(nlp, text)[0].facts.slots.location is None


def test_a_name_has_a_capital(nlp) -> None:  # noqa: ANN001
    text = (
        "Mayor Corinne Thibodeau said the town would borrow $5.5 million and take the rest "
        "from its capital reserve."
    )
    assert parties_of(nlp, text) == [("Corinne Thibodeau",)]
    # The model, reading a whole article, may tag the lower-case words as a name.
    doc = nlp(text)
    start = [t.text for t in doc].index("capital")
    assert not is_name(Span(doc, start, start + 2, label="ORG"))
    assert is_name(Span(doc, 1, 3, label="PERSON"))


def test_whole_organisation_names_and_their_short_forms(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Tri-Valley Regional Transit Authority struck a deal with Castell Rail Systems. "
        "The International Dockworkers Union Local 17 wants a 6% raise. "
        "Local 17 represents workers at all four terminals.",
    )
    assert parties == [
        ("Tri-Valley Regional Transit Authority", "Castell Rail Systems"),
        ("International Dockworkers Union Local 17",),
        ("International Dockworkers Union Local 17",),
    ]


def test_a_chief_executive_speaks_for_the_company_of_the_story(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Velmora Power Systems Inc. will build a battery plant in Orvale. "
        "Chief executive Camille Ostrander said construction would start in July. "
        "Chief executive Camille Ostrander said Kestrel Motors would buy the cells. "
        "Principal cellist Dana Whitlock said the tour was long.",
    )
    assert parties == [
        ("Velmora Power Systems Inc.",),
        ("Camille Ostrander", "Velmora Power Systems Inc."),
        ("Camille Ostrander", "Kestrel Motors"),
        ("Dana Whitlock",),
    ]


def test_the_utility_is_the_one_utility_named(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Tressel Valley Water Authority raised rates by 14%. "
        "The Tressel County Health District lifted a notice on Friday. "
        "Customers have used the utility's online tool. "
        "Pellrose Airlines Inc. will buy Cascara Air Corp. "
        "The airline will keep 40 routes.",
    )
    assert parties[2] == ("Tressel Valley Water Authority",)
    assert "Cascara Air Corp." not in parties[4]


def test_orchestras_libraries_and_task_forces_are_organisations(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Velmont Philharmonic Orchestra announced on Monday that it will play 14 concerts. "
        "The Ostwick Public Library will close in January. "
        "The Lakeshore Regional Cyber Task Force said the attack began on a Sunday.",
    )
    assert parties == [
        ("Velmont Philharmonic Orchestra",),
        ("Ostwick Public Library",),
        ("Lakeshore Regional Cyber Task Force",),
    ]


def test_bodies_named_by_their_kind_and_places_that_are_no_party(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The National Highway Traffic Safety Administration opened an inquiry. "
        "The agency asked Ardent Motor Company for records. "
        "Carrow Bay FC signed a lease. The club has played at Lindell Park since 1961. "
        "Most of the deaths were in the Tessaro Valley. "
        "Rescuers reached the valley's villages on Monday.",
    )
    assert parties == [
        ("National Highway Traffic Safety Administration",),
        ("National Highway Traffic Safety Administration", "Ardent Motor Company"),
        ("Carrow Bay FC",),
        ("Carrow Bay FC",),
        (),
        (),
    ]


def test_a_station_is_its_broadcaster_and_a_frequency_no_party(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The board refused to renew the licence of Tarnmouth Community Radio Inc., the "
        "volunteer-run station on 97.4 FM in Tarnmouth. "
        "The board said the station had failed to stay on air for 41 days. "
        "Station manager Declan Moyle said the outages followed a transmitter failure. "
        "Guild president Harlan Mbeki said members were leaving for hospital jobs.",
    )
    assert parties == [
        ("Tarnmouth Community Radio Inc.",),
        ("Tarnmouth Community Radio Inc.",),
        ("Tarnmouth Community Radio Inc.", "Declan Moyle"),
        ("Harlan Mbeki",),
    ]


def test_a_ministers_brief_and_courts_at_large_are_no_parties(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The registry of Crestholm Regional Court keeps a pool of 40 interpreters. "
        "Justice Minister Tomas Renquist said new interpreters would be working in the "
        "courts by March.",
    )
    assert parties == [("Crestholm Regional Court",), ("Tomas Renquist",)]


def test_the_bar_and_the_ombudsman_are_their_offices(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Aldermoor Bar Association filed a complaint with the Office of the Judicial "
        "Ombudsman on Friday. The bar went to the ombudsman after two trials collapsed.",
    )
    assert parties[1] == ("Aldermoor Bar Association", "Office of the Judicial Ombudsman")


def test_a_town_the_model_read_into_a_company_name_is_its_place(nlp) -> None:  # noqa: ANN001
    text = "Cordell will add 400 electric bikes, built by Tandry Motors in Fenbrook, by June."
    main = claims_of(nlp, text)[0]
    assert "Tandry Motors" in main.facts.slots.parties
    assert main.facts.slots.location == "Fenbrook"


def test_a_body_owned_by_a_place_goes_by_the_sources_name(nlp) -> None:  # noqa: ANN001
    text = (
        "Aldermoor's Ministry of Justice on Monday announced a plan to hire 120 interpreters. "
        "Victoria's Department of Water and Catchments banned the fertiliser."
    )
    known = ("Aldermoor Ministry of Justice", "Department of Water and Catchments")
    assert parties_of(nlp, text, known) == [
        ("Aldermoor Ministry of Justice",),
        ("Department of Water and Catchments",),
    ]
    # With no source naming them, the names stay as written.
    assert parties_of(nlp, text)[0] == ("Aldermoor's Ministry of Justice",)


def test_a_frequency_is_no_party_of_any_claim(nlp) -> None:  # noqa: ANN001
    text = (
        "The board refused to renew the licence of Tarnmouth Community Radio Inc., the "
        "volunteer-run station on 97.4 FM in Tarnmouth, Tasmania [1, 2]."
    )
    parties = {p for claim in claims_of(nlp, text) for p in claim.facts.slots.parties}
    assert "Tarnmouth Community Radio Inc." in parties
    assert not any("FM" in p for p in parties), parties


def test_a_surname_is_the_person_the_model_took_for_a_body(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Official results show Helena Varga of the Green Democrats ahead. "
        "Varga told Radio Dunmore on Tuesday that she was confident.",
    )
    assert parties[0] == ("Helena Varga", "Green Democrats")
    assert parties[1] == ("Helena Varga", "Radio Dunmore")


def test_descriptions_resolve_to_named_or_cited_bodies(nlp) -> None:  # noqa: ANN001
    known = (
        "City of Millbrook",
        "Millbrook Finance Department",
        "Nebraska Public Service Commission",
    )
    parties = parties_of(
        nlp,
        "The Millbrook City Council approved the budget. The city is adding firefighters. "
        "The finance department recommended selling two garages. "
        "The council will meet again on March 24. "
        "The state's utility regulators approved the application. "
        "The federal government will pay 40% of the cost.",
        known,
    )
    assert parties == [
        ("Millbrook City Council",),
        ("City of Millbrook",),
        ("Millbrook Finance Department",),
        ("Millbrook City Council",),
        ("Nebraska Public Service Commission",),
        ("federal government",),
    ]


def test_a_medical_center_is_the_hospital_before_one_only_a_source_names(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "About 1,400 registered nurses at St. Brendan's Regional Medical Center walked off "
        "the job on Tuesday, starting a strike at the hospital. The hospital has offered a "
        "13 percent raise. Ambulances were diverted on Tuesday to Wexley Memorial Hospital. "
        "Agencies are charging the hospital $180 an hour for each replacement nurse.",
        ("Wexley Memorial Hospital",),
    )
    # the possessive name is one organisation, the nurses' employer, not a place
    assert parties[0] == ("St. Brendan's Regional Medical Center",)
    assert parties[1] == ("St. Brendan's Regional Medical Center",)
    # the hospital of the story, not the one the ambulances went to once
    assert parties[3] == ("St. Brendan's Regional Medical Center",)


def test_an_organisations_board_is_the_organisation(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Nebraska Civil Servants' Pension Trust lost 6.8% last year. "
        "The trust's board hired Pemberton Hale Advisors. "
        "The board will meet again on November 17.",
        ("Board of Trustees",),
    )
    trust = "Nebraska Civil Servants' Pension Trust"
    assert parties == [(trust,), (trust, "Pemberton Hale Advisors"), (trust,)]


def test_a_ports_commission_is_named_whole_and_the_port_is_the_port(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Port of Galloway Point Commission voted 4-1 on Tuesday to hire a dredging firm. "
        "The port had pushed for the project for years.",
        ("Port of Galloway Point", "Port of Galloway Point Commission"),
    )
    assert parties == [("Port of Galloway Point Commission",), ("Port of Galloway Point",)]


def test_description_with_another_modifier_is_not_resolved(nlp) -> None:  # noqa: ANN001
    # "the fire department" is not the finance department the sources name.
    parties = parties_of(
        nlp, "The fire department will hire 24 people.", ("Millbrook Finance Department",)
    )
    assert parties == [()]


def test_pronouns_stand_for_the_last_party_only_when_none_is_named(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "QuickRide Inc. lost the case. Its drivers earned $19 an hour. "
        "Judith Leyster painted for decades. A painting of hers was sold in 1892. "
        "The Hallam Museum of Art will publish its catalogue.",
    )
    assert parties == [
        ("QuickRide Inc.",),
        ("QuickRide Inc.",),
        ("Judith Leyster",),
        ("Judith Leyster",),
        ("Hallam Museum of Art",),
    ]


@pytest.mark.parametrize(
    ("text", "location", "parties"),
    [
        pytest.param("Leyster was born in Haarlem in 1609.", "Haarlem", ("Leyster",), id="born-in"),
        pytest.param(
            "The clinic will be held at Harlow Central High School [1].",
            "Harlow Central High School",
            (),
            id="facility-before-marker",
        ),
        pytest.param("Alder Creek has about 1,900 residents.", "Alder Creek", (), id="creek-town"),
        pytest.param(
            "The authority will build the Northern Line between Carrow and Penhurst.",
            "Carrow and Penhurst",
            (),
            id="between-two-towns",
        ),
        pytest.param(
            "The fire has burned 18,000 acres in the foothills of the Talbot Range [1].",
            "the foothills of the Talbot Range",
            (),
            id="phrase-that-says-where",
        ),
        pytest.param(
            "The Pennsylvania Department of Transportation closed the Wexley Avenue Bridge.",
            "the Wexley Avenue Bridge",
            ("Pennsylvania Department of Transportation",),
            id="a-bridge-is-no-party",
        ),
        pytest.param(
            "The Pennsylvania Department of Transportation closed the Wexley Avenue Bridge "
            "in Granton.",
            "Granton",
            ("Pennsylvania Department of Transportation",),
            id="the-town-before-the-bridge",
        ),
        pytest.param(
            "Jessup County Sheriff Dale Harrigan said deputies went door to door.",
            None,
            ("Dale Harrigan",),
            id="a-place-before-a-title-is-no-location",
        ),
        pytest.param(
            "The paintings will be shown in the museum's newly restored east wing.",
            "the museum's newly restored east wing",
            (),
            id="part-of-a-building",
        ),
        pytest.param(
            "The Halverston, Michigan-based carmaker announced the recall on Monday.",
            "Halverston, Michigan",
            (),
            id="place-based-company",
        ),
        pytest.param(
            "Ariadne launched from Kourou, French Guiana, in February 2026.",
            "Kourou, French Guiana",
            ("Ariadne",),
            id="region-in-apposition",
        ),
        pytest.param(
            "Velmora said it would build a plant in Orvale, Upper Teslin[^1].",
            "Orvale, Upper Teslin",
            ("Velmora",),
            id="region-before-a-footnote",
        ),
        pytest.param(
            "Two ships will be built by Ostrander Shipbuilding in Pelham Cove, New Brunswick [1].",
            "Pelham Cove, New Brunswick",
            ("Ostrander Shipbuilding",),
            id="a-province-the-model-took-for-a-person",
        ),
        pytest.param(
            "Protesters marched through the Eastgate district on Saturday.",
            "the Eastgate district",
            (),
            id="a-named-district",
        ),
        pytest.param(
            "The council voted to close the Ostwick Public Library, the only library in the "
            "mountain town of Ostwick [1].",
            "the mountain town of Ostwick",
            ("Ostwick Public Library",),
            id="a-town-named-like-its-library",
        ),
        pytest.param(
            "Mayor Nadia Forsythe said shops on Wexley Avenue had already lost customers.",
            "Wexley Avenue",
            ("Nadia Forsythe",),
            id="a-street-after-on",
        ),
        pytest.param(
            "The town of Dunlevy shut both of its drinking-water intakes on Thursday.",
            "The town of Dunlevy",
            (),
            id="the-town-of",
        ),
        pytest.param(
            "Route 31, which runs through the Fenmore Heights neighborhood, will be cut.",
            "the Fenmore Heights neighborhood",
            (),
            id="a-named-neighborhood",
        ),
        pytest.param(
            "The levee will run 3 miles along the west bank of the Orrin River [1].",
            "the west bank of the Orrin River",
            (),
            id="part-of-a-named-place",
        ),
        pytest.param(
            "Halvard Mining Inc. was fined over a spill at the Redcliff zinc mine near Tolland.",
            "the Redcliff zinc mine near Tolland",
            ("Halvard Mining Inc.",),
            id="a-site-near-a-town",
        ),
        pytest.param(
            "Brook Street School, on Quarry Road in Ashby Flats, needs a new roof.",
            "Quarry Road in Ashby Flats",
            ("Brook Street School",),
            id="a-street-in-a-town",
        ),
        pytest.param(
            "The museum will borrow six paintings from a gallery in Leiden.",
            "Leiden",
            (),
            id="a-building-in-a-town-is-in-the-town",
        ),
        pytest.param(
            "Two tankers collided in Port Ellery harbour late on Sunday.",
            "Port Ellery harbour",
            (),
            id="a-named-harbour",
        ),
        pytest.param(
            "The board chose Kestle Road for the new depot.",
            "Kestle Road",
            (),
            id="a-road-as-an-object",
        ),
        pytest.param(
            "The authority approved a $4 million repair of Marrow Creek Dam on Monday.",
            "Marrow Creek Dam",
            (),
            id="a-dam-the-model-took-for-an-event",
        ),
        pytest.param(
            "Part of the money will pay for a 40-bed clinic in Pruett's Landing.",
            "Pruett's Landing",
            (),
            id="a-possessive-town-name",
        ),
        pytest.param(
            "The existing road between Lindell and Ashgrove carries 18,000 vehicles a day.",
            "Lindell and Ashgrove",
            (),
            id="two-towns-one-untagged",
        ),
        pytest.param(
            "Ines Halloran, a grape specialist at the Northern Lakes Agricultural Station in "
            "East Corvin, Michigan, warned of frost.",
            "East Corvin, Michigan",
            ("Ines Halloran", "Northern Lakes Agricultural Station"),
            id="the-town-before-the-building",
        ),
        pytest.param(
            "The wing will be rebuilt by Corvane Builders of Dorrance, Oregon [2].",
            "Dorrance, Oregon",
            ("Corvane Builders",),
            id="a-firm-of-a-town",
        ),
        pytest.param(
            "The city hired Haldane Marine Works of Lathrop Mills, Ohio, to do the work.",
            "Lathrop Mills, Ohio",
            ("Haldane Marine Works",),
            id="a-firm-of-a-town-read-with-its-of",
        ),
        pytest.param(
            "The hospital will pay Clearline Parking Services of Pinecrest Falls, Wisconsin,"
            " to install gates.",
            "Pinecrest Falls, Wisconsin",
            ("Clearline Parking Services",),
            id="a-firm-of-a-town-matched-whole",
        ),
        pytest.param(
            "The Global Chess Union today awarded the 2030 Chess Olympiad to Lakeford, Michigan.",
            "Michigan",
            ("Global Chess Union", "Lakeford"),
            id="a-name-read-with-the-word-after-it",
        ),
        pytest.param(
            "Members will rally just outside the Brell County Courthouse on Friday.",
            "the Brell County Courthouse",
            (),
            id="outside-a-place",
        ),
        pytest.param(
            "The fair will run from May 4 to 6 at Dunn's Meadow near Carver Bend, Oregon [1].",
            "Dunn's Meadow near Carver Bend, Oregon",
            (),
            id="a-meadow-near-a-town-and-its-region",
        ),
        pytest.param(
            "Prices paid at elevators around Ashby Falls, Nebraska, have fallen.",
            "Ashby Falls, Nebraska",
            (),
            id="a-bare-noun-is-no-place-phrase",
        ),
        pytest.param(
            "The meltwater lake at the foot of the glacier has doubled in area [1].",
            "the foot of the glacier",
            (),
            id="a-described-place",
        ),
        pytest.param(
            "A tram derailed at the Pine Street junction in central Aldgate on Tuesday [1].",
            "the Pine Street junction in central Aldgate",
            (),
            id="a-described-place-in-a-town",
        ),
        pytest.param(
            "The coatings plant on the riverbank in Wyndham Ford closed in 2009 [2].",
            "Wyndham Ford",
            (),
            id="a-town-the-model-cut-in-two",
        ),
        pytest.param(
            "Resurfacing of the Carver Street corridor will start in May [1].",
            "the Carver Street corridor",
            (),
            id="a-corridor-named-by-its-street",
        ),
        pytest.param(
            "About 150 people, many of them from Wrenfield Island, crowded into the civic hall "
            "in Marlow Point, Washington, for the vote [2].",
            "the civic hall in Marlow Point, Washington",
            (),
            id="where-people-came-from-is-not-where-it-happened",
        ),
        pytest.param(
            "The Ordway County Water Board will take up the complaint at the county courthouse "
            "in Bristow Gap, Nevada, on October 8.",
            "the county courthouse in Bristow Gap, Nevada",
            ("Ordway County Water Board",),
            id="a-building-in-a-town",
        ),
        pytest.param(
            "Meals will be cooked at the old Quillby Elementary kitchen on Wilcombe Avenue.",
            "the old Quillby Elementary kitchen on Wilcombe Avenue",
            (),
            id="a-building-on-a-street",
        ),
        pytest.param(
            "Up to an inch of ice coated trees and power lines across Cawthorn and Meddick "
            "counties on January 16 [2].",
            "Cawthorn and Meddick counties",
            (),
            id="two-counties",
        ),
        pytest.param(
            "The line will cross 1,340 parcels owned by about 860 landowners in Varnell, Ambry "
            "and Tesky counties [1].",
            "Varnell, Ambry and Tesky counties",
            (),
            id="three-counties",
        ),
        pytest.param(
            "The board voted 4-1 on Monday to approve the route between Hatchel Bend and "
            "Delmore Falls, Iowa [1].",
            "Hatchel Bend and Delmore Falls, Iowa",
            (),
            id="two-towns-and-their-state",
        ),
        pytest.param(
            "The tunnel will carry water from Tamsley Creek Reservoir to a treatment plant [1].",
            "Tamsley Creek Reservoir",
            (),
            id="a-reservoir-is-a-place",
        ),
        pytest.param(
            "Warming centers have opened at Cawthorn Central High School and the Yelverton "
            "Community Center [2].",
            "Cawthorn Central High School and the Yelverton Community Center",
            (),
            id="two-buildings",
        ),
        pytest.param(
            "Kettlewell County has won an $18.4 million grant from the National Rural "
            "Connectivity Administration [1].",
            None,
            ("Kettlewell County", "National Rural Connectivity Administration"),
            id="a-county-that-acts-is-a-party",
        ),
        pytest.param(
            "The three votes against the measure came from council members Rufina Obradovic, "
            "Osric Fitzgrove and Fenna Stancombe [1].",
            None,
            ("Rufina Obradovic", "Osric Fitzgrove", "Fenna Stancombe"),
            id="votes-from-people",
        ),
        pytest.param(
            "Container volumes at Gulf Coast ports rose 5.4 percent in the third quarter [a].",
            "Gulf Coast ports",
            (),
            id="the-ports-of-a-coast",
        ),
        pytest.param(
            "Indoor temperatures at the Caddis Hollow center reached 94 degrees in June [4].",
            "the Caddis Hollow center",
            (),
            id="a-center-named-by-its-town",
        ),
        pytest.param(
            "Ochre Lake's airport, which handled about 21,000 passengers last year, will be "
            "left without any scheduled flights [3].",
            "Ochre Lake",
            (),
            id="a-town-in-the-possessive",
        ),
        pytest.param(
            "A study found that about 1,400 elk cross the highway each spring and autumn [3].",
            None,
            (),
            id="a-clause-the-model-took-for-a-name",
        ),
        pytest.param(
            "Some 250 people crowded into the Grange Hall in Harrow Springs on Tuesday.",
            "the Grange Hall in Harrow Springs",
            (),
            id="a-named-hall-in-a-town",
        ),
        pytest.param(
            "A fire tore through a warehouse at the Corvane Solvents Inc. plant in Bellhaven, "
            "Ohio, on Sunday.",
            "Bellhaven, Ohio",
            ("Corvane Solvents Inc.",),
            id="a-company-plant-is-where-its-town-is",
        ),
        pytest.param(
            "Losses were heaviest around Owenby, where some apiaries lost more than 80% of "
            "their hives [1].",
            "Owenby",
            (),
            id="a-one-word-name-around-which-things-happen",
        ),
        pytest.param(
            "A groundwater study submitted to Lorrimer County on 27 February found that wells "
            "could drop by 6 feet [1].",
            None,
            ("Lorrimer County",),
            id="a-county-handed-a-study-is-a-body",
        ),
        pytest.param(
            "Truck traffic on Old Mill Pike is expected to rise to about 220 trucks a day [2].",
            "Old Mill Pike",
            (),
            id="a-pike-is-a-road",
        ),
        pytest.param(
            "Gordon Pike, who chairs the Eastshore Neighbors Alliance, said it would sue [1].",
            None,
            ("Gordon Pike", "Eastshore Neighbors Alliance"),
            id="and-a-surname",
        ),
        pytest.param(
            "Five of the people rescued were taken to Silverbend Regional Hospital, where two"
            " remained on Sunday [2].",
            "Silverbend Regional Hospital",
            (),
            id="taken-to-a-hospital",
        ),
        pytest.param(
            "About 4,800 runners had set off from Wickerby Commons before dawn [1].",
            "Wickerby Commons",
            (),
            id="set-off-from-a-green",
        ),
        pytest.param(
            "The hospital has brought in 90 replacement nurses from Brightline Clinical"
            " Staffing [1].",
            None,
            ("Brightline Clinical Staffing",),
            id="brought-in-from-a-company",
        ),
        pytest.param(
            "Lottery ticket sales in the region reached $1.9 billion in fiscal 2025 [1].",
            None,
            (),
            id="the-region-only-sets-the-scene",
        ),
    ],
)
def test_places_are_where_things_happen(nlp, text: str, location: str, parties: tuple) -> None:  # noqa: ANN001
    claim = claims_of(nlp, text)[0]
    assert claim.facts.slots.location == location
    assert claim.facts.slots.parties == parties


def test_a_scientist_at_a_university_works_for_it(nlp) -> None:  # noqa: ANN001
    text = "Adaeze Osei, a geologist at Western Cascades University, found cracks in the slope."
    main, apposition = claims_of(nlp, text)
    assert apposition.text == "Adaeze Osei is a geologist at Western Cascades University."
    assert apposition.facts.slots.parties == ("Western Cascades University",)
    assert apposition.facts.slots.location is None


def test_title_marks_a_person_the_model_called_a_place(nlp) -> None:  # noqa: ANN001
    doc = nlp("The report's author, epidemiologist\nAmara Okafor, said the decline began.")
    assert ("Amara Okafor", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_title_the_model_read_into_a_name_is_not_part_of_it(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "State Treasurer Philip Marsh, who sits on the trust's board, said he would ask "
        "questions. Rautio said members would hand a petition to Elmsworth Mayor Teodor "
        "Vance on Friday.",
    )
    assert parties == [("Philip Marsh",), ("Teodor Vance",)]


def repaired(nlp, text: str, misread: str, label: str | None, verb: str = ""):  # noqa: ANN001, ANN201
    """Return the entities of ``text`` after copydesk's repair, when the model
    had read ``misread`` with ``label`` (None: left it untagged) and the word
    ``verb`` as a verb, as the small model does in some sentences."""

    with nlp.select_pipes(disable=["copydesk_entities"]):
        doc = nlp(text)
    start = doc.text.index(misread)
    span = doc.char_span(start, start + len(misread), label=label or "")
    kept = [e for e in doc.ents if e.end <= span.start or e.start >= span.end]
    doc.ents = kept + [span] if label else kept
    for token in doc:
        if token.text == verb:
            token.pos_ = "VERB"
    doc = nlp.get_pipe("copydesk_entities")(doc)
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "number", "count"),
    [
        ("Child care centers took in roughly 900 extra children.", "900", "roughly 900"),
        ("More than 1,200 households have applied.", "1,200", "More than 1,200"),
        ("The zoo will build a 900-space parking garage.", "900", "900"),
    ],
)
def test_a_count_the_model_left_untagged_is_an_amount(
    nlp,
    text: str,
    number: str,
    count: str,  # noqa: ANN001
) -> None:
    assert (count, "CARDINAL") in repaired(nlp, text, number, None)


@pytest.mark.parametrize(
    ("text", "misread", "entity"),
    [
        pytest.param(
            '"We were never asked," Teodora Vance-Okoro, the coalition\'s director, said.',
            ("Teodora Vance-Okoro", "GPE", ""),
            ("Teodora Vance-Okoro", "PERSON"),
            id="a-person-by-her-title-in-apposition",
        ),
        pytest.param(
            "Greenway Fuel, a retailer in Tarlow, Michigan, sold 12 winning tickets.",
            ("Tarlow", "DATE", ""),
            ("Tarlow", "GPE"),
            id="a-town-before-its-state-read-as-a-date",
        ),
        pytest.param(
            "The board agreed to sell the quarry to Ardentree Valley Holdings LLC.",
            ("Valley Holdings LLC", "ORG", "Ardentree"),
            ("Ardentree Valley Holdings LLC", "ORG"),
            id="a-company-whose-first-word-was-read-as-a-verb",
        ),
        pytest.param(
            "Piedmont Brick Workers' Local 9 said it would seek to represent the workers.",
            ("Piedmont Brick Workers'", "ORG", ""),
            ("Piedmont Brick Workers' Local 9", "ORG"),
            id="a-union-local-after-a-possessive",
        ),
        pytest.param(
            "The Dunmore family agreed on Monday to sell Harrow Peak Lodge.",
            ("Dunmore", "PERSON", ""),
            ("Dunmore family", "ORG"),
            id="a-family-by-the-name-it-goes-by",
        ),
        pytest.param(
            "The work will be done by Hensley Glazing Co. of Marston Falls, Vermont.",
            ("Hensley Glazing Co. of Marston Falls", "GPE", ""),
            ("Hensley Glazing Co.", "ORG"),
            id="a-company-of-a-town",
        ),
    ],
)
def test_entities_the_model_misreads(nlp, text: str, misread: tuple, entity: tuple) -> None:  # noqa: ANN001
    assert entity in repaired(nlp, text, *misread)


def test_a_name_the_tagger_read_as_a_verb_is_no_motive(nlp) -> None:  # noqa: ANN001
    claim = claims_of(
        nlp,
        "The Orme family agreed on Monday to sell Birch Knob Ski Area to Cairnridge Mountain "
        "Partners LLC for $31 million.",
    )[0]
    assert claim.facts.slots.motive is None
    assert "Cairnridge Mountain Partners LLC" in claim.facts.slots.parties


def test_a_kind_named_after_a_place_is_no_location(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp,
        "The pens, which will cover 30 acres off Corran Point, will produce 4,000 tonnes of "
        "Atlantic salmon a year [1].",
    )
    assert [c.facts.slots.location for c in claims] == [None, "Corran Point"]


def test_the_two_sides_of_a_dispute_and_the_artist(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Ellis Terminal Operators Association rejected the offer of the "
        "International Dockworkers Union Local 17. Talks between the two sides collapsed in 2022. "
        "Judith Leyster painted for decades. The museum published a biography of the artist.",
    )
    assert parties[1] == (
        "Ellis Terminal Operators Association",
        "International Dockworkers Union Local 17",
    )
    assert parties[3] == ("Judith Leyster",)


def test_the_company_is_the_one_the_last_sentence_was_about(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Pemberton & Vale Stores Inc. said hackers stole card data. "
        "Pemberton & Vale has notified the FBI. "
        "The company operates 212 stores.",
    )
    assert parties[2] == ("Pemberton & Vale Stores Inc.",)


def test_a_county_is_not_the_company(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "A ruptured flange at the Harlan Gulf Refining Co. plant released gas on Saturday. "
        "Tidewell County Judge Rosalind Petrakis lifted the shelter order on Sunday. "
        "Petrakis said the county issued the order because wind was carrying the plume "
        "toward two schools. The state authority could fine the company up to $25,000 a day.",
    )
    assert parties[3] == ("Harlan Gulf Refining Co.",)


def test_a_named_neighborhood_is_a_place_not_a_party(nlp) -> None:  # noqa: ANN001
    (claim,) = claims_of(
        nlp, "Air samples taken in the Larkspur neighborhood on Tuesday showed high levels."
    )
    assert claim.facts.slots.parties == ()
    assert claim.facts.slots.location == "the Larkspur neighborhood"


def test_where_a_company_is_based_is_a_place(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp, "Orlanth, which is based in Kelsall Downs, New South Wales, makes tyres [1]."
    )
    based = claims[1].facts.slots
    assert (based.location, based.parties) == ("Kelsall Downs, New South Wales", ("Orlanth",))


def test_a_union_local_is_the_union_and_acts_through_its_members(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Amalgamated Transit Workers Local 1142 is seeking pay rises [1]. Renata Kowalczyk,"
        " the union's president, said talks had failed. Union members voted 94% in favour"
        " of a strike [1]. Members of the public complained.",
    )
    local = "Amalgamated Transit Workers Local 1142"
    assert parties == [(local,), ("Renata Kowalczyk", local), (local,), ()]


def test_observatories_councilwomen_and_temperature_scales(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Councilwoman Ines Halloway, who voted against the rezoning, said the vote was"
        " rushed. The temperature hit 117 degrees Fahrenheit on Sunday. Observatory director"
        " Ines Valcourt said work at Kestrel Peak Observatory would begin soon.",
    )
    assert parties == [("Ines Halloway",), (), ("Ines Valcourt", "Kestrel Peak Observatory")]


def test_a_ferry_in_a_town_name_names_no_ship(nlp) -> None:  # noqa: ANN001
    # "Ferry" is a word of the town's name here, so the state after it is no
    # ship's name, in this sentence or another.
    claims = claims_of(
        nlp,
        "The Kessling Seed Bank will build a vault in Orland Falls, Nebraska [1]. Staff moved "
        "about 900 seed samples to a backup freezer in Upper Ferry, Nebraska[^2].",
    )
    assert [c.facts.slots.parties for c in claims] == [("Kessling Seed Bank",), ()]
    assert [c.facts.slots.location for c in claims] == [
        "Orland Falls, Nebraska",
        "Upper Ferry, Nebraska",
    ]


def test_a_street_is_not_short_for_a_group_named_after_it(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp,
        "The Halsey Avenue Merchants Association opposed the plan. Ines Dorrance, who runs "
        "a bakery on Halsey Avenue, said she would lose customers.",
    )
    assert claims[1].facts.slots.parties == ("Ines Dorrance",)
    assert claims[1].facts.slots.location == "Halsey Avenue"


def test_a_site_is_where_its_town_is(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp, "Lumenfield opened an office in Ashgrove in 2019. The Ashgrove office will close."
    )
    assert claims[1].facts.slots.location == "Ashgrove"


def test_a_company_named_like_a_place_is_no_location(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp,
        "Lumenfield Software Inc. will cut 1,100 jobs. Shares of Lumenfield rose 4% on "
        "Wednesday. The company has an office in Lumenfield.",
    )
    assert [c.facts.slots.location for c in claims] == [None, None, "Lumenfield"]


def test_a_place_named_anywhere_is_no_party_elsewhere(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "About 6,500 residents of Cedar Gap, Oregon, were told to leave. "
        "Cedar Gap, a former mill town of about 2,100 people, last faced a fire in 2002.",
    )
    assert parties[1] == ()


def test_the_company_is_a_business_not_its_event_or_a_germ(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Harlow Live LLC on Tuesday cancelled the Cedar Valley Folk Festival. "
        "The Cedar Valley Folk Festival drew 22,000 visitors last year. "
        "The company said it had called off the event because of smoke. "
        "Millbake Inc. said it acted because Listeria had been found on a slicer.",
    )
    # "the company" is the business; "the event" is the festival it cancelled
    assert parties[2] == ("Harlow Live LLC", "Cedar Valley Folk Festival")
    assert parties[3] == ("Millbake Inc.",)


def test_the_company_is_no_hospital(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "Harlan Gulf Refining Co. said a flange had ruptured at its plant. "
        "Seventeen workers were taken to St. Brigid Medical Center with breathing problems. "
        "Regulators could fine the company up to $25,000 a day.",
    )
    assert parties[2][-1] == "Harlan Gulf Refining Co."


def test_its_president_speaks_for_the_organisation_just_named(nlp) -> None:  # noqa: ANN001
    parties = parties_of(
        nlp,
        "The Harrow Creek Ranchers Alliance filed an appeal on Monday. Its president, Wade "
        "Kessler, said ranchers feared for their wells. Orrin Vale will serve as "
        "its chief executive.",
    )
    assert parties[1] == ("Harrow Creek Ranchers Alliance", "Wade Kessler")
    assert parties[2] == ("Orrin Vale",)


def test_a_town_written_with_its_region_is_a_place_beside_its_council(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp,
        "Mossbank, Alaska, a town of about 2,600 people, sits below the glacier [b]. "
        "The Mossbank Town Council voted 6-1 last week to pay for a survey [c].",
    )
    assert claims[1].text == "Mossbank is a town of about 2,600 people."
    main = [c for c in claims if c.part == "main"]
    assert [c.facts.slots.location for c in main] == ["Mossbank, Alaska", None]
    assert [c.facts.slots.parties for c in main] == [(), ("Mossbank Town Council",)]


def test_a_future_word_outside_the_dates_clause_does_not_move_it_ahead(nlp) -> None:  # noqa: ANN001
    claims = claims_of(
        nlp,
        "The lawsuit, filed on April 30 in Harrow County Superior Court, says the contract "
        "gave it first refusal on her next novel.\n\n"
        "The next hearing is scheduled for June 2.\n\n"
        "The launch had been set for April 28, but the rocket stayed on the pad.",
        published=date(2026, 5, 13),
    )
    dates = [c.facts.slots.date for c in claims if c.part == "main"]
    assert dates == ["2026-04-30", "2026-06-02", "2026-04-28"]


def test_a_party_in_a_town_leaves_the_town_as_the_place(nlp) -> None:  # noqa: ANN001
    (claim,) = claims_of(
        nlp, "About 1,400 nurses at Calderwood General Hospital in Bransford walked off the job."
    )
    assert claim.facts.slots.location == "Bransford"
    assert claim.facts.slots.parties == ("Calderwood General Hospital",)


def test_a_body_named_by_its_kind_takes_the_name_of_its_town(nlp) -> None:  # noqa: ANN001
    text = (
        "The City Council in Hallam Bridge, Oregon, voted 5-2 on Tuesday to close the depot. "
        "The council will meet again in May. The City Council voted 4-3 in 2024."
    )
    assert parties_of(nlp, text) == [("Hallam Bridge City Council",)] * 3
    # A body with a name of its own keeps it.
    assert parties_of(nlp, "The Marlow Transit Authority in Hallam Bridge hired 40 drivers.") == [
        ("Marlow Transit Authority",)
    ]


def test_a_river_is_a_place_even_when_a_club_shares_its_name(nlp) -> None:  # noqa: ANN001
    text = (
        "Marrow Rowing Club won the women's final. Marrow took gold again. "
        "The regatta has been held on the Marrow River since 1950. "
        "The Marrow crew finished in 6 minutes. "
        "The company picked Tansy Flat because the ore is shallow there."
    )
    claims = claims_of(nlp, text)
    assert claims[2].facts.slots.parties == ()
    assert claims[2].facts.slots.location == "the Marrow River"
    assert claims[3].facts.slots.parties == ("Marrow Rowing Club",)
    assert claims[4].facts.slots.location == "Tansy Flat"


def test_what_a_place_is_is_a_claim_of_its_own(nlp) -> None:  # noqa: ANN001
    texts = [
        c.text
        for c in claims_of(
            nlp,
            "Orrin Vale, Oregon, a town of about 3,100 people, sits below the dam. "
            "Hallworth Textile Mills, a weaver based in Ghent, closed in 2024. "
            "The plant is in Memphis, Tennessee, near the river.",
        )
    ]
    assert "Orrin Vale is a town of about 3,100 people." in texts
    assert "Hallworth Textile Mills is a weaver based in Ghent." in texts
    assert "The plant is in Memphis, Tennessee, near the river." in texts


def test_an_island_or_creek_is_a_place_even_when_a_body_begins_with_its_name(
    nlp,  # noqa: ANN001
) -> None:
    text = (
        "The Wrenfield Island Residents' Council opposed the fare rise. "
        "The crossing from Port Ellery to Wrenfield Island covers 6.5 miles. "
        "The Tamsin Creek Civic Association will appeal. "
        "Tamsin Creek Mayor Constance Ruehl said nobody had consulted her. "
        "Wrenfield ferries run hourly."
    )
    claims = claims_of(nlp, text)
    assert claims[0].facts.slots.parties == ("Wrenfield Island Residents' Council",)
    assert claims[1].facts.slots.parties == ()
    assert claims[3].facts.slots.parties == ("Constance Ruehl",)
    assert "Wrenfield Island Residents' Council" not in claims[4].facts.slots.parties


def test_a_relative_clause_takes_its_whole_antecedent_as_party(nlp) -> None:  # noqa: ANN001
    text = (
        "The Corran Valley Board of Education, which oversees public schools in and around "
        "Tallis Creek, Oregon, voted 5-2 on Monday to close two schools."
    )
    parties = [c.facts.slots.parties for c in claims_of(nlp, text)]
    assert parties == [("Corran Valley Board of Education",)] * 2


def test_according_to_is_no_term_of_the_claim(nlp) -> None:  # noqa: ANN001
    (claim,) = claims_of(nlp, "The breach began on September 2, according to the retailer.")
    assert "deal" not in claim.facts.terms
    assert "accord" not in claim.facts.terms


def test_a_town_written_with_its_region_is_no_short_name_of_a_body(nlp) -> None:  # noqa: ANN001
    text = (
        "Painful is an understatement for the families who still fish out of New Harrow. "
        "The New Harrow Fishermen's Cooperative said its members would lose about $9 million. "
        "Cod landings at New Harrow, Massachusetts, fell 52% in 2025 [2]. "
        "Haddock and pollock now make up most of the catch in New Harrow [2]."
    )
    claims = claims_of(nlp, text)
    assert claims[1].facts.slots.parties == ("New Harrow Fishermen's Cooperative",)
    assert [c.facts.slots.location for c in claims[2:]] == [
        "New Harrow, Massachusetts",
        "New Harrow",
    ]
    assert [c.facts.slots.parties for c in claims[2:]] == [(), ()]


def test_the_city_council_is_the_council_of_the_town_of_the_story(nlp) -> None:  # noqa: ANN001
    text = (
        "Landlords in Ardenmoor, Minnesota, will be barred from raising rents by more than 5 "
        "percent a year after the City Council voted 6-3 on Tuesday. The council should give "
        "the new rent board a real budget."
    )
    assert parties_of(nlp, text) == [("Ardenmoor City Council",)] * 2


def test_the_city_is_not_made_from_an_office_of_the_city(nlp) -> None:  # noqa: ANN001
    text = (
        "An audit released last month by the Office of the City Auditor found delays. "
        "Kolaczyk said the geological survey the city gave bidders had understated the risk."
    )
    parties = parties_of(nlp, text)
    assert parties[0] == ("Office of the City Auditor",)
    assert all("Office" not in p and "City of" not in p for p in parties[1])


def test_a_state_is_no_short_name_of_its_bodies(nlp) -> None:  # noqa: ANN001
    text = (
        "The Iowa Energy Facilities Board voted 4-1 on Monday to approve the route. "
        "The final hearing took place at the Ambry County fairgrounds in Kellam, Iowa [2]. "
        "Iowa growers sold 41 million bushels in 2025 [1]."
    )
    claims = claims_of(nlp, text)
    assert claims[1].facts.slots.location == "the Ambry County fairgrounds in Kellam, Iowa"
    assert "Iowa Energy Facilities Board" not in claims[2].facts.slots.parties
