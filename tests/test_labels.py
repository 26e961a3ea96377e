"""One name, one meaning across an article: places, parties, people and products."""

from __future__ import annotations

from datetime import date

import pytest

from copydesk.models import Format
from copydesk.pipeline.claims import extract_claims
from copydesk.pipeline.labels import agree_labels
from copydesk.pipeline.read import parse_document
from copydesk.pipeline.segment import segment

PUBLISHED = date(2026, 8, 12)


def main_claims(nlp, text: str):  # noqa: ANN001, ANN201
    document = parse_document(text.encode(), "a.txt", Format.TEXT, published=PUBLISHED)
    return [c for c in extract_claims(document, segment(document, nlp)) if c.part == "main"]


def test_a_place_written_with_its_region_is_a_place_everywhere(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "About 6,500 residents of Cedar Gap, Oregon, were ordered to leave their homes.\n\n"
        "State Highway 412 has been closed between Cedar Gap and Mill Flat since Sunday.\n\n"
        "Cedar Gap, a former mill town of about 2,100 people, last faced an evacuation "
        "order in 2017.",
    )
    assert [c.facts.slots.location for c in claims] == [
        "Cedar Gap, Oregon",
        "Cedar Gap and Mill Flat",
        "Cedar Gap",
    ]
    assert [c.facts.slots.parties for c in claims] == [(), (), ()]


def test_the_make_of_a_thing_is_no_party(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Ardent Motor Company is recalling 212,400 Tern pickups.\n\n"
        "Ardent recalled about 90,000 Tern pickups in 2024.\n\n"
        "The European Space Agency's Ariadne probe entered orbit around Mars.",
    )
    assert [c.facts.slots.parties for c in claims] == [
        ("Ardent Motor Company",),
        ("Ardent Motor Company",),
        ("European Space Agency",),
    ]


def test_what_a_party_owns_and_a_contest_are_no_parties(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Sweetgrass Northern Railway asked regulators on Monday for permission to end"
        " freight service on 86 miles of its Sibley Branch.\n\n"
        "Chief operating officer Ambrose Kellerby said shippers on the Sibley Branch would be"
        " offered trucking.\n\n"
        "Lakeford, Michigan, will host the 2030 Chess Olympiad, the Global Chess Union said."
        " The Olympiad will open on July 11, 2030.",
    )
    assert [c.facts.slots.parties for c in claims] == [
        (),
        ("Ambrose Kellerby",),
        ("Global Chess Union",),
        (),
    ]


def test_a_party_the_model_missed_once_is_found_by_its_other_mentions(nlp) -> None:  # noqa: ANN001
    from spacy.tokens import Span

    first = nlp("Kingsport Athletic signed Mateo Villanueva from Sporting Almera.")
    second = nlp("Sporting Almera will also receive 15% of any future transfer fee.")
    at = [t.text for t in first].index("Sporting")
    first.ents = [Span(first, at, at + 2, label="ORG")]  # the model's reading, once
    second.ents = []  # and nothing the next time
    agree_labels([first, second])
    assert ("Sporting Almera", "ORG") in [(e.text, e.label_) for e in second.ents]


def test_a_role_beside_a_name_makes_it_a_person(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Pellrose Airlines agreed to buy Cascara Air.\n\n"
        "Helena Marsh, the Pellrose chief executive, said the deal would create jobs.\n\n"
        "The companies expect to complete the deal in the fourth quarter.",
    )
    assert "Helena Marsh" in claims[1].facts.slots.parties
    assert sorted(claims[2].facts.slots.parties) == ["Cascara Air", "Pellrose Airlines"]


def test_the_board_of_a_body_is_that_body(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The board of the Greyhaven Regional Transit Authority voted 7-2 on Thursday to "
        "raise the base fare. The board also agreed to scrap 12 bus routes.",
    )
    assert [c.facts.slots.parties for c in claims] == [
        ("Greyhaven Regional Transit Authority",),
        ("Greyhaven Regional Transit Authority",),
    ]


def test_a_relative_clause_takes_the_parties_of_its_antecedent(nlp) -> None:  # noqa: ANN001
    document = parse_document(
        b"Pellrose Airlines will buy Cascara Air. The merged airline, which will keep the "
        b"Pellrose name, will be based in Halden.",
        "a.txt",
        Format.TEXT,
        published=PUBLISHED,
    )
    relative = [c for c in extract_claims(document, segment(document, nlp)) if c.part == "relative"]
    assert relative
    assert "The merged airline" not in relative[0].facts.slots.parties


def test_a_town_named_after_in_is_where_not_who(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Provincial Administrative Court in Harlen on Thursday rejected the request. "
        "The quake was centred near the mountain town of Brisca.",
    )
    assert claims[0].facts.slots.parties == ("Provincial Administrative Court",)
    assert claims[0].facts.slots.location == "Harlen"
    assert claims[1].facts.slots.parties == ()
    assert claims[1].facts.slots.location == "the mountain town of Brisca"


def test_every_parent_in_the_county_is_no_party(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Harlow County Health Department will open a clinic on Saturday. "
        "These numbers should alarm every parent in the county.",
    )
    assert claims[1].facts.slots.parties == ()


def test_the_county_is_the_county_not_its_board(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Danmoor County Board of Commissioners voted 4-1 on Tuesday to build a flood "
        "wall. The county will cover the cost with a state grant.",
    )
    assert claims[0].facts.slots.parties == ("Danmoor County Board of Commissioners",)
    assert claims[1].facts.slots.parties == ("Danmoor County",)


def test_a_town_things_happen_in_is_a_place_everywhere(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Sallow River crested at 24.6 feet in Ellswick on April 11.\n\n"
        "Ellswick also flooded in 1996, when the river peaked at 21.3 feet.",
    )
    assert [c.facts.slots.location for c in claims] == ["Ellswick", "Ellswick"]
    assert all("Ellswick" not in c.facts.slots.parties for c in claims)


def test_a_drug_described_as_one_is_no_place(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The U.S. Food and Drug Administration on Tuesday approved Renquora, a drug made "
        "by Harrowgate Therapeutics Inc., for adults with a rare kidney disease.",
    )
    assert claims[0].facts.slots.location is None


def test_the_two_sides_are_the_bodies_the_story_is_about(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Meridian Health System agreed to merge with Ashford & Bell Hospitals. "
        "Meridian Health System runs 14 hospitals. Ashford & Bell Hospitals runs nine. "
        "Nurses at Wabash County Hospital asked for talks. "
        "Neither company disclosed the financial terms of the deal.",
    )
    assert sorted(claims[-1].facts.slots.parties) == [
        "Ashford & Bell Hospitals",
        "Meridian Health System",
    ]


def test_a_tribe_is_an_organisation(nlp) -> None:  # noqa: ANN001
    claims = main_claims(nlp, "The Red Willow Tribe sued the company on Tuesday.")
    assert claims[0].facts.slots.parties[0] == "Red Willow Tribe"


def test_a_fishing_bank_is_a_place_and_a_fish_is_no_party(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Northeast Regional Fisheries Council voted on Wednesday to cut the cod quota "
        "on the Brannock Bank by 28% [1]. Cod landings at New Harrow fell 52% in 2025 [2].",
    )
    assert claims[0].facts.slots.parties == ("Northeast Regional Fisheries Council",)
    assert claims[0].facts.slots.location == "the Brannock Bank"
    assert claims[1].facts.slots.parties == ()


def test_the_town_of_a_public_body_is_no_short_name_for_it(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Denver City Council approved the rezoning on Monday. "
        "Denver's population grew by about 9,000 people in 2025.",
    )
    assert claims[1].facts.slots.parties == ()


def test_a_name_the_article_shortens_to_its_first_word_is_that_organisation(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Tovell Grain Cooperative agreed on Monday to sell 800,000 tons of wheat to "
        "Qestra Flour Mills, a miller based in Morocco.\n\n"
        "Qestra bought 610,000 tons of imported wheat in 2025.\n\n"
        "Ellery Streaming, which is based in Marlow Springs, California, has signed a "
        "three-year deal.\n\n"
        "In return, Ellery will get first-look rights to the films.",
    )
    assert [c.facts.slots.parties for c in claims] == [
        ("Tovell Grain Cooperative", "Qestra Flour Mills"),
        ("Qestra Flour Mills",),
        ("Ellery Streaming",),
        ("Ellery Streaming",),
    ]


def test_a_company_designator_makes_an_organisation(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp, "The wheat will be loaded at a terminal run by Brisden Terminals LLC."
    )
    assert claims[0].facts.slots.parties == ("Brisden Terminals LLC",)


def test_a_person_after_a_title_or_with_a_forename_is_named_whole(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Bellhaven Fire Chief Marguerite Oduya said crews fought the blaze for nine hours.\n\n"
        "Chief Executive Officer Dana Wu said the plant would reopen.\n\n"
        "Nadine Corliss said the smell reached her street.",
    )
    assert [c.facts.slots.parties for c in claims] == [
        ("Marguerite Oduya",),
        ("Dana Wu",),
        ("Nadine Corliss",),
    ]


def test_a_company_is_named_by_its_first_word_and_by_what_it_is(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Lumenfield Software Inc. said on Tuesday it would cut 1,150 jobs.\n\n"
        "Shares of Lumenfield rose 4% in early trading on Wednesday.\n\n"
        "The Ashgrove, Ohio-based company announced the cuts in a filing.",
    )
    assert [c.facts.slots.parties for c in claims] == [
        ("Lumenfield Software Inc.",),
        ("Lumenfield Software Inc.",),
        ("Lumenfield Software Inc.",),
    ]


def test_a_county_is_no_short_name_for_its_bodies(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Marsh County Health District told residents to keep their windows closed.\n\n"
        "Marsh County Commissioner Adaeze Hollins said the county would hold a public "
        "meeting on September 3.",
    )
    assert "Marsh County Health District" not in claims[1].facts.slots.parties
    assert "Adaeze Hollins" in claims[1].facts.slots.parties


def test_a_name_with_a_persons_role_beside_it_is_no_place(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Karim Tazouti, Qestra's purchasing director, said the company had chosen Corvale "
        "because Black Sea supplies had become unreliable.",
    )
    assert "Karim Tazouti" in claims[0].facts.slots.parties
    assert claims[0].facts.slots.location != "Karim Tazouti"


def test_a_title_before_a_name_is_no_party(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp, "Tribal Chairwoman Dora Kessling said the creek had fed the tribe for generations."
    )
    assert claims[0].facts.slots.parties == ("Dora Kessling",)


def test_two_names_joined_by_a_preposition_are_two_names(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Regulators were likely to make the airlines hand some of their gates at Brayton "
        "to Westline Airways, their main rival there.",
    )
    assert "Westline Airways" in claims[0].facts.slots.parties
    assert "Brayton to Westline Airways" not in claims[0].facts.slots.parties


def test_a_hall_is_a_building_not_a_party(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp, "Screenings moved after the Riverside Cinema Hall failed a fire inspection in June."
    )
    assert claims[0].facts.slots.parties == ()


def test_the_company_a_speaker_works_for_is_the_company_they_speak_of(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Brackwater Ferries Ltd. won the contract on Monday.\n\n"
        "Gideon Pelletier, a spokesman for Skelmarsh Shipping Co., said last week that the "
        "company was considering a legal challenge.",
    )
    assert claims[1].facts.slots.parties == ("Gideon Pelletier", "Skelmarsh Shipping Co.")


def test_a_union_local_is_named_in_full(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "United Appliance Workers Local 412, which represents 480 hourly workers, "
        "opposes the closure.\n\n"
        "Local 412 will push for a year of severance pay.",
    )
    assert [c.facts.slots.parties for c in claims] == [
        ("United Appliance Workers Local 412",),
        ("United Appliance Workers Local 412",),
    ]


def test_an_investment_firm_is_named_in_full(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp, "Sable Point Capital and the Norcastle Bio Fund also took part in the round."
    )
    assert claims[0].facts.slots.parties[:2] == ("Sable Point Capital", "Norcastle Bio Fund")


def test_a_named_ship_is_a_party_not_a_place(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The container ship Alder Crest collided with the bulk carrier Blue Heron in the "
        "harbour on Sunday.\n\n"
        "The Blue Heron, which is registered in Liberia, was carrying 30,000 tonnes of grain.\n\n"
        "The tug Marten was escorting the Blue Heron at the time.",
    )
    assert claims[0].facts.slots.parties == ("Alder Crest", "Blue Heron")
    assert claims[1].facts.slots.parties == ("Blue Heron",)
    assert claims[1].facts.slots.location is None  # the ship is no place
    assert claims[2].facts.slots.parties == ("Marten", "Blue Heron")


def test_the_board_of_an_authority_is_the_authority(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Harbin Valley Water Authority will raise rates by 9% in July.\n\n"
        "The board approved the plan by a 6-3 vote after a long hearing.",
    )
    assert claims[1].facts.slots.parties == ("Harbin Valley Water Authority",)


def test_the_company_is_no_investor_that_took_part(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Quellmoor Therapeutics Inc. raised $72 million on Tuesday.\n\n"
        "Sable Point Capital and the Norcastle Bio Fund also took part in the round.\n\n"
        "The money will pay for a trial of the company's lead drug.",
    )
    assert claims[2].facts.slots.parties == ("Quellmoor Therapeutics Inc.",)


def test_the_group_is_the_campaign_group(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Orrin River Alliance, an environmental group, asked for a new review.\n\n"
        "Velmora Power Systems Inc. said the plant would use recycled water.\n\n"
        "The group said the plant could use 2 million litres a day.",
    )
    assert claims[2].facts.slots.parties == ("Orrin River Alliance",)


@pytest.mark.parametrize(
    ("title", "parties"),
    [
        pytest.param("Council chair", ("Penwick Regional Council", "Tessa Morland"), id="chair"),
        pytest.param("Council member", ("Tessa Morland",), id="a-member-speaks-for-herself"),
        pytest.param(
            "Alliance spokesman",
            ("Penwick Ratepayers Alliance", "Tessa Morland"),
            id="a-groups-spokesman",
        ),
    ],
)
def test_a_title_names_the_body_a_person_speaks_for(nlp, title: str, parties: tuple) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Penwick Regional Council voted 9-4 on Tuesday to sell the ferry.\n\n"
        "The Penwick Ratepayers Alliance opposes the sale.\n\n"
        f"{title} Tessa Morland said the bid came in lower than expected.",
    )
    assert claims[2].facts.slots.parties == parties


def test_a_title_may_name_its_body_by_a_word_of_its_name(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Tri-County Health District ordered the recall on Monday.\n\n"
        "Health commissioner Owen Tiernan urged anyone who fell ill to call.",
    )
    assert claims[1].facts.slots.parties == ("Tri-County Health District", "Owen Tiernan")


def test_the_agency_may_be_a_department(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "The Harlan Department of Environmental Protection fined Dorvane Mining Ltd. on Monday.\n\n"
        "Tests found copper in the creek at 40 times the limit, the agency said.",
    )
    assert claims[1].facts.slots.parties == ("Harlan Department of Environmental Protection",)


def test_it_is_what_the_last_sentence_was_about(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Cotterell House Publishing filed the suit on September 30 in Harrow County "
        "Superior Court.\n\n"
        "It argues that the 2016 contract gave it first refusal on the novel.",
    )
    assert claims[1].facts.slots.parties == ("Cotterell House Publishing",)


def test_a_spaceport_is_a_place_not_a_party(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp, "Corvane Launch Systems Inc. launched its rocket from Saltmarsh Point Spaceport."
    )
    assert claims[0].facts.slots.parties == ("Corvane Launch Systems Inc.",)
    assert claims[0].facts.slots.location == "Saltmarsh Point Spaceport"


def test_the_union_may_be_an_association(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "About 900 nurses in the Lakeside State Nurses Association walked out on Monday.\n\n"
        "The union is seeking raises of 18% over three years.",
    )
    assert claims[1].facts.slots.parties == ("Lakeside State Nurses Association",)


def test_the_airport_is_the_airport_named_as_a_place(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Crews will lengthen the main runway at Tamsworth Regional Airport next year.\n\n"
        "The airport handled about 412,000 passengers in 2025.",
    )
    assert claims[1].facts.slots.parties == ("Tamsworth Regional Airport",)


def test_a_company_paired_with_another_is_no_place(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Halcyra Data Pty Ltd will build a data centre in Ballangrove.\n\n"
        "The Victorian Energy Connections Board approved a connection agreement between "
        "Halcyra and Western Plains Power Corporation on 8 October.",
    )
    parties = claims[1].facts.slots.parties
    assert "Halcyra Data Pty Ltd" in parties
    assert "Western Plains Power Corporation" in parties
    assert claims[1].facts.slots.location is None


def test_a_chief_executive_speaks_for_the_business(nlp) -> None:  # noqa: ANN001
    claims = main_claims(
        nlp,
        "Halcyra Data Pty Ltd will build a data centre in Ballangrove.\n\n"
        "Ballangrove Shire Council voted 5-2 on Monday to grant the permit.\n\n"
        "Chief executive Imogen Clarebrook said the first hall would open in 2028.",
    )
    assert claims[2].facts.slots.parties == ("Imogen Clarebrook", "Halcyra Data Pty Ltd")
