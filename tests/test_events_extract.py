"""Event extraction on sentences written for these tests, with hand-built entity mentions."""

from __future__ import annotations

import regex

from rasd.events import extract_events
from rasd.model import Document, Mention
from rasd.text.sentences import split_sentences


def make_doc(text: str, names: dict[str, str], published: str | None = None) -> Document:
    """A document whose mentions are every occurrence of the given names (longest first)."""
    mentions: list[Mention] = []
    for name, type_ in sorted(names.items(), key=lambda kv: -len(kv[0])):
        for m in regex.finditer(regex.escape(name), text):
            if not any(o.start <= m.start() < o.end for o in mentions):
                mentions.append(Mention(m.start(), m.end(), name, type_, name))
    mentions.sort(key=lambda m: m.start)
    doc = Document(id="t", path=None, body=text, published=published, mentions=mentions)
    doc.sentences = split_sentences(text)
    return extract_events(doc)


def roles(doc: Document, n: int = 0) -> dict[str, set[str]]:
    """role -> argument texts of event n."""
    found: dict[str, set[str]] = {}
    for a in doc.events[n].arguments:
        found.setdefault(a.role, set()).add(a.text)
    return found


def test_arms_transfer_verb_first_with_supplier_recipient_and_dual_item() -> None:
    doc = make_doc("سلمت روسيا إلى النيجر طائرتين مروحيتين قتاليتين الأسبوع الماضي.",
                   {"روسيا": "GPE", "النيجر": "GPE"})
    assert [e.type for e in doc.events] == ["ARMS_TRANSFER"]
    r = roles(doc)
    assert r["supplier"] == {"روسيا"} and r["recipient"] == {"النيجر"}
    item = next(a for a in doc.events[0].arguments if a.role == "item")
    assert item.quantity == 2 and item.text.startswith("طائرتين")
    assert doc.body[item.start:item.end] == item.text


def test_arms_transfer_subject_first_receiver_with_supplier_after_min() -> None:
    doc = make_doc("الجزائر تتسلم دفعة جديدة من الدبابات من الصين.", {"الجزائر": "GPE", "الصين": "GPE"})
    r = roles(doc)
    assert doc.events[0].type == "ARMS_TRANSFER"
    assert r["recipient"] == {"الجزائر"} and r["supplier"] == {"الصين"}


def test_aid_with_tonnes_keeps_the_noun_as_item_text() -> None:
    doc = make_doc("قدمت تركيا 30 ألف طن من الدقيق إلى السودان.", {"تركيا": "GPE", "السودان": "GPE"})
    ev = doc.events[0]
    assert ev.type == "AID"
    item = next(a for a in ev.arguments if a.role == "item")
    assert item.text == "الدقيق" and item.quantity == 30000 and item.unit == "طن"
    assert roles(doc)["donor"] == {"تركيا"}


def test_agreement_parties_from_coordination_and_dated_topic() -> None:
    doc = make_doc("ووقعت حكومتا تشاد والمجر في 12 مارس الجاري اتفاقية دفاع مشترك.",
                   {"تشاد": "GPE", "المجر": "GPE"}, published="2025-03-20")
    ev = doc.events[0]
    assert ev.type == "AGREEMENT" and ev.date == "2025-03-12"
    assert roles(doc)["party"] == {"تشاد", "المجر"}


def test_signing_without_an_agreement_noun_is_no_event() -> None:
    doc = make_doc("وقعت اشتباكات عنيفة بين الجيش السوداني والمتمردين.", {"الجيش السوداني": "FORCE"})
    assert doc.events == []


def test_two_withdrawals_in_one_sentence_keep_their_own_dates_and_share_the_host() -> None:
    doc = make_doc("وأرغمت السلطات في غامبيا الكتيبة السويدية على الرحيل في عام 2021، فيما أرغمت أيضا "
                   "الكتيبة الإيطالية على المغادرة في عام 2022.",
                   {"غامبيا": "GPE", "الكتيبة السويدية": "FORCE", "الكتيبة الإيطالية": "FORCE"})
    assert [(e.type, e.date) for e in doc.events] == [("WITHDRAWAL", "2021"), ("WITHDRAWAL", "2022")]
    assert roles(doc, 0)["force"] == {"الكتيبة السويدية"}
    assert roles(doc, 1)["force"] == {"الكتيبة الإيطالية"}
    assert roles(doc, 1)["host"] == {"غامبيا"}


def test_deployment_passive_noun_with_host_and_partial_date() -> None:
    doc = make_doc("وفي 3 فبراير تم نشر لواء المشاة في الصومال.",
                   {"لواء المشاة": "FORCE", "الصومال": "GPE"})
    ev = doc.events[0]
    assert ev.type == "DEPLOYMENT" and ev.date == "XXXX-02-03"
    assert doc.mentions[ev.location].text == "الصومال"


def test_publishing_is_not_a_deployment() -> None:
    doc = make_doc("نشرت صحيفة الأهرام تقريرا عن الاقتصاد في مصر.", {"صحيفة الأهرام": "ORG", "مصر": "GPE"})
    assert doc.events == []


def test_meeting_with_counterpart_and_place() -> None:
    doc = make_doc("والتقى أحمد عطاف بنظيره الصيني وانغ يي في بكين.",
                   {"أحمد عطاف": "PERSON", "وانغ يي": "PERSON", "بكين": "GPE"})
    ev = doc.events[0]
    assert ev.type == "MEETING"
    assert roles(doc)["participant"] == {"أحمد عطاف", "وانغ يي"}
    assert doc.mentions[ev.location].text == "بكين"


def test_attack_and_capture_in_one_sentence_are_one_operation() -> None:
    doc = make_doc("وفي هجوم نفذه اللواء الرابع بدعم من الحرس الوطني واختتم بالسيطرة على بلدة تل الزيتون.",
                   {"اللواء الرابع": "FORCE", "الحرس الوطني": "FORCE", "تل الزيتون": "GPE"})
    assert [e.type for e in doc.events] == ["MILITARY_OPERATION"]
    r = roles(doc)
    assert r["agent"] == {"اللواء الرابع"} and r["target"] == {"تل الزيتون"} and r["ally"] == {"الحرس الوطني"}
    assert doc.mentions[doc.events[0].location].text == "تل الزيتون"


def test_future_transfer_is_planned_and_reported_claim_is_reported() -> None:
    doc = make_doc("وقال الوزير إن فرنسا ستقدم مساعدات غذائية إلى تشاد. وأفادت تقارير بأن إيران سلمت "
                   "صواريخ إلى الحوثيين.",
                   {"فرنسا": "GPE", "تشاد": "GPE", "إيران": "GPE", "الحوثيين": "FORCE"})
    assert [(e.type, e.status) for e in doc.events] == [("AID", "planned"), ("ARMS_TRANSFER", "reported")]


def test_recruitment_counts_recruits() -> None:
    doc = make_doc("وذكر التقرير أن روسيا جندت نحو 5 آلاف مقاتل من سوريا.", {"روسيا": "GPE", "سوريا": "GPE"})
    ev = doc.events[0]
    assert ev.type == "RECRUITMENT"
    recruit = next(a for a in ev.arguments if a.role == "recruit")
    assert recruit.quantity == 5000 and recruit.approximate
    assert roles(doc)["recruiter"] == {"روسيا"}


def test_generic_cooperation_statement_is_no_event() -> None:
    doc = make_doc("وأكد الوزير أهمية التعاون العسكري بين مصر والسعودية.", {"مصر": "GPE", "السعودية": "GPE"})
    assert doc.events == []
