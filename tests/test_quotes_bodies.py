"""Organisations as speakers, on sentences written for these tests (Gulf, Levant, Horn of Africa)."""

from __future__ import annotations

from tests.test_quotes import make_doc, speakers

from rasd.ner.quotes import extract_quotes

SAID = "الطرفان اتفقا على تعزيز التعاون في مجال الأمن البحري"


def test_generic_agency_noun_is_the_agency_named_before() -> None:
    body = (f"ذكرت وكالة الأنباء العمانية أن الوزيرين التقيا في مسقط. "
            f"وأشارت الوكالة إلى أن الجانبين ناقشا الملفات الإقليمية، و\"{SAID}\".")
    doc = make_doc(body, [("وكالة الأنباء العمانية", "ORG"), ("مسقط", "GPE")])
    assert speakers(doc) == [(SAID, "وكالة الأنباء العمانية")]


def test_generic_noun_without_an_organisation_of_its_kind_has_no_speaker() -> None:
    body = f"زار الوفد عمّان أمس. وأشارت الوكالة إلى أن \"{SAID}\"."
    doc = make_doc(body, [("عمّان", "GPE")])
    assert speakers(doc) == [(SAID, None)]


def test_army_congratulating_in_a_statement_is_the_speaker() -> None:
    body = (f"تقدم الجيش الصومالي نحو المدينة. "
            f"وهنأ الجيش في بيان سكان الإقليم \"{SAID}\".")
    doc = make_doc(body, [("الجيش الصومالي", "FORCE")])
    assert speakers(doc) == [(SAID, "الجيش الصومالي")]


def test_named_force_congratulating_in_a_statement_is_the_speaker() -> None:
    body = f"وهنأت قوات الدفاع الجيبوتية في بيان المواطنين \"{SAID}\"."
    doc = make_doc(body, [("قوات الدفاع الجيبوتية", "FORCE")])
    assert speakers(doc) == [(SAID, "قوات الدفاع الجيبوتية")]


def test_dual_verb_is_the_cue_not_an_earlier_document_cue() -> None:
    body = (f"جاء ذلك خلال اتصال بين وزير الخارجية الأردني ونظيره اللبناني، أشادا فيه \"{SAID}\".")
    doc = extract_quotes(make_doc(body, []))
    assert [q.cue for q in doc.quotes] == ["أشادا"]
