"""Names the small model gets wrong, corrected with spaCy's entity machinery."""

from __future__ import annotations

from copydesk.models import Format
from copydesk.nlp import mark_names, relabel
from copydesk.pipeline import Checker, Options
from copydesk.pipeline.read import parse_document
from copydesk.sources import load_registry


def ents(doc) -> list[tuple[str, str]]:  # noqa: ANN001
    return [(e.text, e.label_) for e in doc.ents]


def test_example_names_are_organisations(nlp) -> None:  # noqa: ANN001
    doc = nlp("SpaceX leased Colossus 1 to Anthropic while OpenAI watched.")
    assert ("SpaceX", "ORG") in ents(doc) and ("Anthropic", "ORG") in ents(doc)
    assert ("OpenAI", "ORG") in ents(doc)


def test_entity_repair_reads_whole_company_and_body_names(nlp) -> None:  # noqa: ANN001
    found = ents(nlp("Harlow Live LLC cancelled the show, Kessel's Markets said."))
    assert ("Harlow Live LLC", "ORG") in found
    assert ("Kessel's Markets", "ORG") in found
    # A marker after "of Victoria" is no part of the name, and does not hide it.
    text = "The tram went too fast, according to the Rail Safety Commission of Victoria [2]."
    assert ("Rail Safety Commission of Victoria", "ORG") in ents(nlp(text))


def test_relabel_fixes_what_the_model_calls_a_name(nlp) -> None:  # noqa: ANN001
    from spacy.tokens import Span

    doc = nlp.make_doc("The stadium will host Carrow Bay FC and the Green Democrats.")
    assert relabel(Span(doc, 0, 2, label="PERSON")) is None  # "The stadium"
    assert relabel(Span(doc, 4, 7, label="GPE")).label_ == "ORG"  # "Carrow Bay FC"
    assert relabel(Span(doc, 9, 11, label="NORP")).label_ == "ORG"  # "Green Democrats"
    assert relabel(Span(doc, 0, 2, label="DATE")) is not None  # only names are dropped
    works = nlp.make_doc("The Loessway Pipeline will run past the Harrowfield Mill.")
    assert relabel(Span(works, 1, 3, label="ORG")).label_ == "FAC"  # a work, not a party
    assert relabel(Span(works, 7, 9, label="ORG")).label_ == "FAC"
    mall = nlp.make_doc("It will turn the former Sycamore Row Mall into an arena.")
    assert relabel(Span(mall, 5, 8, label="ORG")).label_ == "FAC"
    counts = nlp.make_doc("cut hours from 58 to 40")
    assert relabel(Span(counts, 3, 6, label="DATE")).label_ == "CARDINAL"


def test_mark_names_fills_gaps_or_overwrites(nlp) -> None:  # noqa: ANN001
    doc = nlp("Elon Musk met the Quillfeather board.")
    mark_names(doc, (("ORG", "Elon Musk"), ("ORG", "Quillfeather")), overwrite=False)
    assert ("Elon Musk", "PERSON") in ents(doc) and ("Quillfeather", "ORG") in ents(doc)
    mark_names(doc, (("ORG", "Elon Musk"),), overwrite=True)
    assert ("Elon Musk", "ORG") in ents(doc)


def test_configured_and_registry_names_reach_the_parties(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  1:\n    title: Lease\n    text: Vantor Dynamics signed the lease with "
        "the city of Memphis on Monday.\n"
    )
    registry = load_registry(tmp_path / "sources.yaml")
    text = "Vantor Dynamics signed the lease [1]. Zeltrix will supply the chips."
    document = parse_document(text.encode(), "a.txt", Format.TEXT)
    options = Options(known_names=(("ORG", ("Zeltrix",)),))
    from copydesk.nlp import load_nlp

    report = Checker(options, load_nlp).check_document(document, registry)
    assert [c.facts.slots.parties for c in report.claims] == [("Vantor Dynamics",), ("Zeltrix",)]


def test_a_town_written_with_its_state_is_no_short_name_of_a_team() -> None:
    from copydesk.pipeline.names import NameBook

    names = NameBook()
    names.towns.add("Kessendale")  # "Kessendale, Indiana"
    names.canonical("Kessendale Wraiths", "ORG")
    names.canonical("Vantorra Interactive Inc.", "ORG")
    assert names.canonical("Kessendale", "GPE") == "Kessendale"
    assert names.canonical("Vantorra", "ORG") == "Vantorra Interactive Inc."
