"""Each event type, word orders, dropped subjects, passives, statuses, dates and no-event cases,
on sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.test_events_extract import make_doc, roles


def types(doc) -> list[str]:
    return [e.type for e in doc.events]


def test_training_verb_first() -> None:
    doc = make_doc("ودربت فرنسا الجيش النيجري على مكافحة الإرهاب.",
                   {"فرنسا": "GPE", "الجيش النيجري": "FORCE"})
    assert types(doc) == ["TRAINING"]
    assert roles(doc)["trainer"] == {"فرنسا"} and roles(doc)["trainee"] == {"الجيش النيجري"}


def test_training_noun_with_trainee_and_place() -> None:
    doc = make_doc("واختتم تدريب القوات الخاصة الأردنية في الكويت.",
                   {"القوات الخاصة الأردنية": "FORCE", "الكويت": "GPE"})
    ev = doc.events[0]
    assert ev.type == "TRAINING" and roles(doc)["trainee"] == {"القوات الخاصة الأردنية"}
    assert doc.mentions[ev.location].text == "الكويت"


def test_production_with_producer_partner_and_items() -> None:
    doc = make_doc("وبدأت الجزائر إنتاج المدرعات بالتعاون مع ألمانيا.", {"الجزائر": "GPE", "ألمانيا": "GPE"})
    assert types(doc) == ["PRODUCTION"]
    r = roles(doc)
    assert r["producer"] == {"الجزائر"} and r["partner"] == {"ألمانيا"} and r["item"] == {"المدرعات"}


def test_production_of_a_described_maker_is_no_event() -> None:
    doc = make_doc("اشترت قطر مقاتلات تنتجها شركة داسو.", {"قطر": "GPE", "شركة داسو": "ORG"})
    assert "PRODUCTION" not in types(doc)


def test_pledge_is_planned() -> None:
    doc = make_doc("وتعهدت اليابان بتقديم مساعدات إنسانية إلى السودان.", {"اليابان": "GPE", "السودان": "GPE"})
    assert [(e.type, e.status) for e in doc.events] == [("PLEDGE", "planned"), ("AID", "planned")]
    pledge = {a.role: a.text for a in doc.events[0].arguments}
    assert pledge["agent"] == "اليابان" and pledge["topic"].startswith("تقديم مساعدات")
    assert roles(doc, 1)["recipient"] == {"السودان"}


def test_a_pledge_to_strengthen_relations_is_no_event() -> None:
    doc = make_doc("وتعهدت اليابان بتعزيز العلاقات مع السودان.", {"اليابان": "GPE", "السودان": "GPE"})
    assert doc.events == []


def test_phone_call_between_two_named_persons() -> None:
    doc = make_doc("جرى اتصال هاتفي بين الرئيس عبد المجيد تبون والرئيس قيس سعيد.",
                   {"عبد المجيد تبون": "PERSON", "قيس سعيد": "PERSON"})
    assert types(doc) == ["MEETING"]
    assert roles(doc)["participant"] == {"عبد المجيد تبون", "قيس سعيد"}


def test_visit_to_a_capital_has_the_capital_as_place() -> None:
    doc = make_doc("زار وزير الخارجية أحمد عطاف موسكو يوم الأحد.", {"أحمد عطاف": "PERSON", "موسكو": "GPE"})
    ev = doc.events[0]
    assert ev.type == "MEETING" and doc.mentions[ev.location].text == "موسكو"
    assert roles(doc)["participant"] == {"أحمد عطاف"}


def test_withdrawal_noun_with_genitive_force_and_host_after_min() -> None:
    doc = make_doc("وأعلنت باريس انسحاب القوات الفرنسية من تشاد.",
                   {"باريس": "GPE", "القوات الفرنسية": "FORCE", "تشاد": "GPE"})
    ev = doc.events[0]
    assert ev.type == "WITHDRAWAL"
    assert roles(doc)["force"] == {"القوات الفرنسية"} and roles(doc)["host"] == {"تشاد"}


def test_dropped_subject_comes_from_the_previous_sentence() -> None:
    doc = make_doc("وصل الجيش التشادي إلى الحدود الشمالية. ثم سيطر على مدينة فايا.",
                   {"الجيش التشادي": "FORCE", "فايا": "GPE"})
    ev = next(e for e in doc.events if e.type == "MILITARY_OPERATION")
    assert roles(doc, doc.events.index(ev)) == {"agent": {"الجيش التشادي"}, "target": {"فايا"}}


def test_passive_transfer_with_supplier_after_min_qibal() -> None:
    doc = make_doc("وتم تسليم 12 دبابة إلى المغرب من قبل الولايات المتحدة.",
                   {"المغرب": "GPE", "الولايات المتحدة": "GPE"})
    ev = doc.events[0]
    assert ev.type == "ARMS_TRANSFER"
    assert roles(doc)["recipient"] == {"المغرب"} and roles(doc)["supplier"] == {"الولايات المتحدة"}
    assert next(a for a in ev.arguments if a.role == "item").quantity == 12


@pytest.mark.parametrize(("phrase", "quantity", "unit"), [
    ("ثلاث مروحيات", 3, None),
    ("طائرتين مقاتلتين", 2, None),
    ("نحو ألفي طن من الطحين", 2000, "طن"),
    ("1.5 مليون لتر من الوقود", 1500000, "لتر"),
])
def test_quantity_forms_on_items(phrase: str, quantity: float, unit: str | None) -> None:
    doc = make_doc(f"وسلمت تركيا {phrase} إلى ليبيا.", {"تركيا": "GPE", "ليبيا": "GPE"})
    item = next(a for a in doc.events[0].arguments if a.role == "item")
    assert item.quantity == quantity and item.unit == unit


def test_a_designation_number_is_not_a_quantity() -> None:
    doc = make_doc("وتسلمت صربيا من روسيا دبابات T-72B3 ومدافع عيار 152 ملم.",
                   {"صربيا": "GPE", "روسيا": "GPE", "T-72B3": "EQUIPMENT"})
    assert all(a.quantity is None for a in doc.events[0].arguments)


@pytest.mark.parametrize(("when", "published", "edtf"), [
    ("في 5 مارس 2024", None, "2024-03-05"),
    ("في 5 مارس", None, "XXXX-03-05"),
    ("في 5 مارس الماضي", "2024-06-01", "2024-03-05"),
    ("في نهاية عام 2022", None, "2022-10/2022-12"),
    ("في أغسطس الماضي", None, "XXXX-08"),
])
def test_date_forms_in_context(when: str, published: str | None, edtf: str) -> None:
    doc = make_doc(f"ووقعت مصر والسودان {when} اتفاقية دفاع مشترك.", {"مصر": "GPE", "السودان": "GPE"},
                   published=published)
    assert doc.events[0].date == edtf


def test_no_date_is_null_and_a_year_is_never_invented() -> None:
    doc = make_doc("نص قصير. ووقعت مصر والسودان اتفاقية دفاع مشترك.", {"مصر": "GPE", "السودان": "GPE"})
    assert doc.events[0].date is None


def test_each_clause_keeps_its_own_date() -> None:
    doc = make_doc("وفي مارس 2023 نشرت روسيا قوات في مالي، بينما انسحبت القوات الفرنسية من النيجر "
                   "في ديسمبر 2023.",
                   {"روسيا": "GPE", "مالي": "GPE", "القوات الفرنسية": "FORCE", "النيجر": "GPE"})
    assert [(e.type, e.date) for e in doc.events] == [("DEPLOYMENT", "2023-03"), ("WITHDRAWAL", "2023-12")]


@pytest.mark.parametrize(("sentence", "status"), [
    ("وسوف تسلم روسيا مروحيات إلى مالي.", "planned"),
    ("ومن المقرر أن تسلم روسيا مروحيات إلى مالي.", "planned"),
    ("وبحسب مصادر مطلعة، سلمت روسيا مروحيات إلى مالي.", "reported"),
    ("ونفت موسكو أن تكون روسيا سلمت مروحيات إلى مالي.", "reported"),
    ("وسلمت روسيا مروحيات إلى مالي.", "occurred"),
])
def test_status(sentence: str, status: str) -> None:
    doc = make_doc(sentence, {"روسيا": "GPE", "مالي": "GPE", "موسكو": "GPE"})
    assert [(e.type, e.status) for e in doc.events] == [("ARMS_TRANSFER", status)]


def test_agreement_content_is_planned() -> None:
    doc = make_doc("وتتضمن الاتفاقية تسليم مروحيات من روسيا إلى مالي.", {"روسيا": "GPE", "مالي": "GPE"})
    assert [(e.type, e.status) for e in doc.events] == [("ARMS_TRANSFER", "planned")]


@pytest.mark.parametrize("sentence", [
    "وأكد الوزير أن بلاده تولي أهمية كبيرة للتدريب والتعاون مع مصر.",
    "وتبحث الحكومة سبل تقديم الدعم لقطاع الزراعة.",
    "وألغت أستراليا صفقة الغواصات مع فرنسا.",
    "ولم توقع مصر أي اتفاقية مع إثيوبيا.",
    "وقال الوزير: \"سنواصل تقديم كل الدعم لإخواننا في مالي من أجل السلام والاستقرار\".",
])
def test_no_event(sentence: str) -> None:
    names = {"مصر": "GPE", "أستراليا": "GPE", "فرنسا": "GPE", "إثيوبيا": "GPE", "مالي": "GPE"}
    doc = make_doc(sentence, names)
    assert doc.events == []


def test_country_adjective_inside_a_force_is_not_a_second_participant() -> None:
    doc = make_doc("واستعاد الجيش التشادي بلدة فايا أمس.",
                   {"الجيش التشادي": "FORCE", "تشاد": "GPE", "فايا": "GPE"})
    assert roles(doc) == {"agent": {"الجيش التشادي"}, "target": {"فايا"}}


def test_offsets_of_arguments_and_trigger_are_exact() -> None:
    doc = make_doc("وقدمت كندا 40 ألف طن من الأرز إلى اليمن.", {"كندا": "GPE", "اليمن": "GPE"})
    ev = doc.events[0]
    assert doc.body[ev.trigger.start:ev.trigger.end] == "قدمت"
    for a in ev.arguments:
        assert doc.body[a.start:a.end] == a.text


def test_a_capital_as_party_stands_for_its_country_named_in_the_article() -> None:
    from rasd.events import extract_events
    from rasd.model import Document, Mention, Span

    body = "تعاون مالي وروسيا. ووقعت باماكو وموسكو اتفاقية دفاع مشترك."
    names = [("مالي", "gpe:mali"), ("روسيا", "gpe:russia"), ("باماكو", "gpe:bamako"), ("موسكو", "gpe:moscow")]
    mentions = []
    for text, gaz in names:
        start = body.index(text)
        mentions.append(Mention(start, start + len(text), text, "GPE", text, gaz_id=gaz))
    doc = Document(id="t", path=None, body=body, mentions=mentions,
                   sentences=[Span(0, 18), Span(19, len(body))])
    ev = extract_events(doc).events[0]
    parties = {doc.mentions[a.mention].text for a in ev.arguments if a.role == "party"}
    assert ev.type == "AGREEMENT" and parties == {"مالي", "روسيا"}


def test_announced_capture_takes_the_announcing_force_as_agent() -> None:
    doc = make_doc("أعلن الجيش الليبي، الأحد، استعادة السيطرة على مدينة سرت من المسلحين.",
                   {"الجيش الليبي": "FORCE", "سرت": "GPE"})
    assert roles(doc) == {"agent": {"الجيش الليبي"}, "target": {"سرت"}}


def test_a_strike_told_by_a_verb_is_cited_by_its_place() -> None:
    doc = make_doc("وقصفت طائرات حربية مواقع في شمال سوريا فجر اليوم.", {"شمال سوريا": "LOC"})
    ev = doc.events[0]
    assert ev.type == "MILITARY_OPERATION" and doc.mentions[ev.location].text == "شمال سوريا"


def test_after_an_attack_the_sentence_subject_is_not_the_attacker() -> None:
    doc = make_doc("وتراجع المتمردون عن التلال عقب هجوم نفذه الحرس الجمهوري.",
                   {"المتمردون": "FORCE", "الحرس الجمهوري": "FORCE"})
    op = next(e for e in doc.events if e.type == "MILITARY_OPERATION")
    assert {a.text for a in op.arguments if a.role == "agent"} == {"الحرس الجمهوري"}


def test_an_unnamed_force_subject_leaves_a_named_country() -> None:
    doc = make_doc("وغادر آخر جندي فرنسي النيجر في 22 ديسمبر 2023.", {"النيجر": "GPE"})
    ev = doc.events[0]
    assert ev.type == "WITHDRAWAL" and ev.date == "2023-12-22"
    assert roles(doc) == {"host": {"النيجر"}, "force": {"جندي فرنسي"}}


def test_a_named_weapon_is_an_item_not_the_buyer() -> None:
    doc = make_doc("أبرمت مصر صفقة لشراء 24 طائرة رافال من فرنسا.",
                   {"مصر": "GPE", "فرنسا": "GPE", "رافال": "EQUIPMENT"})
    found = [(e.type, e.status) for e in doc.events]
    assert found == [("AGREEMENT", "occurred"), ("ARMS_TRANSFER", "planned")]
    r = roles(doc, 1)
    assert r["recipient"] == {"مصر"} and r["supplier"] == {"فرنسا"} and "رافال" in r["item"]


def test_a_visit_next_week_is_planned() -> None:
    doc = make_doc("ويزور الرئيس التونسي قيس سعيد الجزائر الأسبوع المقبل.",
                   {"قيس سعيد": "PERSON", "الجزائر": "GPE"})
    assert [(e.type, e.status) for e in doc.events] == [("MEETING", "planned")]


def test_restoring_stability_is_no_capture() -> None:
    doc = make_doc("وأعلن الجيش الصومالي استعادة الاستقرار بعد أشهر من التوتر.", {"الجيش الصومالي": "FORCE"})
    assert doc.events == []


def test_coordinated_items_are_separate_and_keep_their_article() -> None:
    doc = make_doc("وقدمت صربيا المدرعات والزوارق الحربية لأنغولا.", {"صربيا": "GPE", "أنغولا": "GPE"})
    assert roles(doc)["item"] == {"المدرعات", "الزوارق الحربية"}


def test_handing_over_bases_is_a_withdrawal() -> None:
    doc = make_doc("وسلمت إيطاليا معسكراتها الباقية في النيجر.", {"إيطاليا": "GPE", "النيجر": "GPE"})
    assert types(doc) == ["WITHDRAWAL"]
    assert roles(doc) == {"force": {"إيطاليا"}, "host": {"النيجر"}}


def test_counted_fighters_joining_a_group_are_recruits() -> None:
    doc = make_doc("وانضم قرابة 300 بيروفي إلى ميليشيا النمر الأسود.", {"ميليشيا النمر الأسود": "FORCE"})
    ev = doc.events[0]
    assert ev.type == "RECRUITMENT" and roles(doc)["recruiter"] == {"ميليشيا النمر الأسود"}
    assert next(a for a in ev.arguments if a.role == "recruit").quantity == 300


def test_a_country_joining_an_alliance_is_no_recruitment() -> None:
    doc = make_doc("وانضمت السويد إلى حلف الناتو.", {"السويد": "GPE", "حلف الناتو": "ORG"})
    assert doc.events == []


def test_the_noun_before_a_relative_clause_is_the_object_of_a_resumptive_pronoun() -> None:
    doc = make_doc("واقتربت الوحدات من سد الوادي الأخضر، الذي استولت عليه ميليشيا النمر الأسود "
                   "في يونيو 2021.",
                   {"سد الوادي الأخضر": "FAC", "ميليشيا النمر الأسود": "FORCE"})
    ev = doc.events[0]
    assert ev.type == "MILITARY_OPERATION" and ev.date == "2021-06"
    assert roles(doc) == {"agent": {"ميليشيا النمر الأسود"}, "target": {"سد الوادي الأخضر"}}


def test_a_stray_full_stop_before_the_items_does_not_lose_them() -> None:
    doc = make_doc("وقالت لواندا إن جيشها استلم شحنة. راجمات صواريخ من طراز BM-21 من بلغراد.",
                   {"لواندا": "GPE", "بلغراد": "GPE", "BM-21": "EQUIPMENT"})
    ev = doc.events[0]
    assert ev.type == "ARMS_TRANSFER" and roles(doc)["supplier"] == {"بلغراد"}
    assert {"BM-21", "راجمات صواريخ"} <= roles(doc)["item"]


def test_a_sum_of_money_given_is_aid() -> None:
    doc = make_doc("وقدمت قطر 50 مليون دولار إلى السودان.", {"قطر": "GPE", "السودان": "GPE"})
    ev = doc.events[0]
    assert ev.type == "AID" and roles(doc)["donor"] == {"قطر"}
    item = next(a for a in ev.arguments if a.role == "item")
    assert item.quantity == 50_000_000 and item.unit == "دولار"


def test_a_shipment_noun_lends_its_items_and_receiver_to_the_sending_verb() -> None:
    doc = make_doc("وأفادت مصادر بأن الإمارات أرسلت شحنات من الذخيرة إلى قوات الدعم السريع.",
                   {"الإمارات": "GPE", "قوات الدعم السريع": "FORCE"})
    assert types(doc) == ["ARMS_TRANSFER"]
    r = roles(doc)
    assert r["supplier"] == {"الإمارات"} and r["recipient"] == {"قوات الدعم السريع"}
    assert r["item"] == {"الذخيرة"}


def test_a_country_sending_warships_to_a_sea_deploys_them() -> None:
    doc = make_doc("وأرسلت روسيا سفنا حربية للمشاركة في مناورات في المحيط الهندي.",
                   {"روسيا": "GPE", "المحيط الهندي": "LOC"})
    assert types(doc) == ["DEPLOYMENT"] and roles(doc)["force"] == {"روسيا"}


def test_no_event_after_a_negation_two_words_back() -> None:
    doc = make_doc("ولم يتم تسليم أي شحنة أسلحة إلى ليبيا منذ عام 2020.", {"ليبيا": "GPE"})
    assert doc.events == []


def test_supplying_someone_makes_the_genitive_the_recipient() -> None:
    doc = make_doc("وقد تعهدت ألمانيا بتزويد أوكرانيا بأنظمة دفاع جوي إضافية.",
                   {"ألمانيا": "GPE", "أوكرانيا": "GPE"})
    transfer = next(e for e in doc.events if e.type == "ARMS_TRANSFER")
    found = {(a.role, a.text) for a in transfer.arguments}
    assert {("supplier", "ألمانيا"), ("recipient", "أوكرانيا"), ("item", "أنظمة دفاع")} <= found
    assert transfer.status == "planned"


def test_trainees_taken_from_a_named_army() -> None:
    doc = make_doc("وأشرف مدربون أمريكيون على تدريب 500 جندي من الجيش اللبناني.", {"الجيش اللبناني": "FORCE"})
    assert types(doc) == ["TRAINING"] and roles(doc)["trainee"] == {"الجيش اللبناني"}


def test_a_delegation_arriving_to_discuss_a_deal_is_no_transfer() -> None:
    doc = make_doc("ومن المقرر أن يصل وفد عسكري أمريكي إلى أبوجا الأسبوع المقبل لبحث صفقة مروحيات.",
                   {"أبوجا": "GPE"})
    assert "ARMS_TRANSFER" not in types(doc)


def test_relative_dates_resolve_against_the_publication_date() -> None:
    doc = make_doc("وكان الجيش التشادي قد شن أمس هجوما على مواقع المتمردين في تيبستي.",
                   {"الجيش التشادي": "FORCE", "تيبستي": "GPE"}, published="2024-05-12")
    assert doc.events[0].date == "2024-05-11"


@pytest.mark.parametrize(("sentence", "names", "expected"), [
    ("ووصل الرئيس الزامبي هاكايندي هيشيليما إلى بكين مساء الجمعة.",
     {"هاكايندي هيشيليما": "PERSON", "بكين": "GPE"}, "MEETING"),
    ("ووصل الجيش المالي إلى كيدال.", {"الجيش المالي": "FORCE", "كيدال": "GPE"}, "DEPLOYMENT"),
    ("ووصلت طائرتان محملتان بالأسلحة من روسيا إلى مالي.", {"روسيا": "GPE", "مالي": "GPE"}, "ARMS_TRANSFER"),
])
def test_what_arrives_decides_the_type(sentence: str, names: dict[str, str], expected: str) -> None:
    assert types(make_doc(sentence, names)) == [expected]


def test_recruits_into_a_national_army_are_recruited_by_its_country() -> None:
    from rasd.events import extract_events
    from rasd.model import Document, Mention, Span

    body = "روسيا تواصل الحرب. وتم تجنيد 900 أفريقي في الجيش الروسي خلال عام 2024."
    mentions = [Mention(0, 5, "روسيا", "GPE", "روسيا", gaz_id="gpe:russia")]
    start = body.index("الجيش الروسي")
    mentions.append(Mention(start, start + len("الجيش الروسي"), "الجيش الروسي", "FORCE", "الجيش الروسي"))
    doc = Document(id="t", path=None, body=body, mentions=mentions,
                   sentences=[Span(0, 18), Span(19, len(body))])
    ev = extract_events(doc).events[0]
    recruiters = {doc.mentions[a.mention].text for a in ev.arguments if a.role == "recruiter"}
    assert ev.type == "RECRUITMENT" and recruiters == {"روسيا"}
