"""Cross-document resolution with people and places of the Gulf, the Levant and the Horn of Africa
(names written for these tests)."""

from __future__ import annotations

from tests.test_resolve_entities import doc_with, entity_of

from rasd.model import Role
from rasd.resolve.entities import resolve_entities


def test_name_with_and_without_the_fathers_name_is_one_person() -> None:
    first = doc_with("a", [("سالم خالد الهاجري", "PERSON"), ("الدوحة", "GPE")])
    second = doc_with("b", [("سالم الهاجري", "PERSON"), ("الدوحة", "GPE")])
    entities = resolve_entities([first, second])
    assert entity_of(entities, first, 0) is entity_of(entities, second, 0)
    assert entity_of(entities, first, 0).name == "سالم خالد الهاجري"


def test_two_fathers_names_leave_the_short_name_alone() -> None:
    first = doc_with("a", [("عمر حسن دالي", "PERSON")])
    second = doc_with("b", [("عمر يوسف دالي", "PERSON")])
    third = doc_with("c", [("عمر دالي", "PERSON")])
    entities = resolve_entities([first, second, third])
    short = entity_of(entities, third, 0)
    assert short is not entity_of(entities, first, 0) and short is not entity_of(entities, second, 0)


def test_different_given_names_with_one_family_name_stay_apart() -> None:
    first = doc_with("a", [("فيصل ناصر الخليفة", "PERSON")])
    second = doc_with("b", [("راشد الخليفة", "PERSON")])
    entities = resolve_entities([first, second])
    assert entity_of(entities, first, 0) is not entity_of(entities, second, 0)


def test_levant_and_horn_places_resolve_by_name_across_documents() -> None:
    first = doc_with("a", [("طرابلس", "GPE"), ("بربرة", "GPE")])
    second = doc_with("b", [("بربرة", "GPE"), ("طرابلس", "GPE")])
    entities = resolve_entities([first, second])
    assert entity_of(entities, first, 1) is entity_of(entities, second, 0)


def test_role_country_from_the_gazetteer_is_a_typed_named_entity_without_mentions() -> None:
    doc = doc_with("a", [("عبدي فارح", "PERSON")])
    doc.roles = [Role(person=0, title="وزير الدفاع", of=None, of_gaz="gpe:somalia", rank=None,
                      start=0, end=1)]
    entities = resolve_entities([doc])
    somalia = next((e for e in entities if e.id == "gpe:somalia"), None)
    assert somalia is not None and somalia.type == "GPE" and somalia.name and somalia.mentions == []
    assert entity_of(entities, doc, 0).roles[0].of == "gpe:somalia"
