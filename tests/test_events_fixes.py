"""Reviewer findings on event extraction, each on a sentence written for this test."""

from __future__ import annotations

from test_events_extract import make_doc, roles


def _types(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.type for e in doc.events]


def test_a_date_inside_an_after_clause_belongs_to_the_embedded_event() -> None:
    doc = make_doc("وقعت كينيا وغانا اتفاقية للتعاون الدفاعي، بعد أن تعثرت المحادثات بين البلدين عام 2016.",
                   {"كينيا": "GPE", "غانا": "GPE"})
    ev = next(e for e in doc.events if e.type == "AGREEMENT")
    assert ev.date != "2016"


def test_a_date_after_a_verbal_noun_in_a_since_clause_is_not_the_meeting_date() -> None:
    doc = make_doc("واستأنفت كينيا وغانا المحادثات الثنائية بعد انقطاعها عام 2009.",
                   {"كينيا": "GPE", "غانا": "GPE"})
    assert all(e.date != "2009" for e in doc.events)


def test_a_date_right_after_since_still_dates_the_event() -> None:
    doc = make_doc("وانسحبت القوات الكينية من الصومال منذ مارس 2011.",
                   {"القوات الكينية": "FORCE", "الصومال": "GPE"})
    assert [e.date for e in doc.events] == ["2011-03"]


def test_leaving_towards_a_destination_is_a_deployment_there() -> None:
    doc = make_doc("وغادرت السرية الأردنية عمان متوجهة إلى بانغي للمشاركة في مهمة حفظ السلام.",
                   {"عمان": "GPE", "بانغي": "GPE"})
    assert _types(doc) == ["DEPLOYMENT"]
    assert roles(doc) == {"force": {"السرية الأردنية"}, "host": {"بانغي"}}


def test_a_force_noun_keeps_its_article() -> None:
    doc = make_doc("وانسحبت الكتيبة البولندية من كوسوفو.", {"كوسوفو": "GPE"})
    assert roles(doc)["force"] == {"الكتيبة البولندية"}


def test_the_announcer_before_a_new_subject_is_not_the_recipient() -> None:
    doc = make_doc("وأعلنت الحكومة الإندونيسية أن البحرية تسلمت أربعة زوارق هجومية من كوريا الجنوبية.",
                   {"الحكومة الإندونيسية": "ORG", "كوريا الجنوبية": "GPE"})
    assert "recipient" not in roles(doc)
    assert roles(doc)["supplier"] == {"كوريا الجنوبية"}


def test_a_hesitating_parliament_is_no_party_and_the_sale_is_only_planned() -> None:
    doc = make_doc("ويتردد البرلمان الألماني في الموافقة على صفقة بيع دبابات لنيروبي.",
                   {"البرلمان الألماني": "ORG", "نيروبي": "GPE"})
    ev = next(e for e in doc.events if e.type == "ARMS_TRANSFER")
    assert ev.status == "planned"
    assert {a.text for a in ev.arguments if a.mention is not None} == {"نيروبي"}


def test_a_maker_in_a_relative_clause_is_the_supplier_not_a_production() -> None:
    doc = make_doc("وطلبت اليونان شراء عشرين مقاتلة F-35 تنتجها شركة لوكهيد مارتن الأمريكية.",
                   {"اليونان": "GPE", "F-35": "EQUIPMENT", "شركة لوكهيد مارتن": "ORG"})
    assert _types(doc) == ["ARMS_TRANSFER"]
    assert roles(doc)["supplier"] == {"شركة لوكهيد مارتن"} and roles(doc)["recipient"] == {"اليونان"}


def test_an_item_nationality_names_the_supplier_when_none_is_named() -> None:
    doc = make_doc("وتسلم الجيش الصومالي 12 طائرة مسيرة تركية الأسبوع الماضي.", {"الجيش الصومالي": "FORCE"})
    assert roles(doc)["supplier"] == {"تركية"}


def test_a_named_supplier_wins_over_the_item_nationality() -> None:
    doc = make_doc("واشترت نيجيريا مروحيات أمريكية من الصين.", {"نيجيريا": "GPE", "الصين": "GPE"})
    assert roles(doc)["supplier"] == {"الصين"}


def test_a_meeting_partner_after_time_and_place_adverbials() -> None:
    doc = make_doc("بحث الفريق أول سالم الهاشمي وزير الدفاع الأردني، خلال لقائه، في مكتبه بعمان، "
                   "اليوم الثلاثاء، وزير الدفاع الكيني بيتر موانغي، سبل التعاون.",
                   {"سالم الهاشمي": "PERSON", "عمان": "GPE", "بيتر موانغي": "PERSON"})
    assert roles(doc)["participant"] == {"سالم الهاشمي", "بيتر موانغي"}


def test_a_received_guest_after_a_place_phrase() -> None:
    doc = make_doc("وقد استقبل رئيس الأركان اللواء سالم الهاشمي في مكتبه في الزرقاء سفير دولة كينيا "
                   "في الأردن بيتر موانغي.",
                   {"سالم الهاشمي": "PERSON", "الزرقاء": "GPE", "كينيا": "GPE", "الأردن": "GPE",
                    "بيتر موانغي": "PERSON"})
    assert roles(doc)["participant"] == {"سالم الهاشمي", "بيتر موانغي"}


def test_a_with_partner_after_a_relative_clause() -> None:
    doc = make_doc("وبحث الوزير سالم الهاشمي الذي يزور نيروبي حاليا مع وزير الدفاع الكيني، بيتر موانغي، "
                   "سبل تعزيز التعاون.", {"سالم الهاشمي": "PERSON", "نيروبي": "GPE", "بيتر موانغي": "PERSON"})
    assert roles(doc)["participant"] == {"سالم الهاشمي", "بيتر موانغي"}


def test_a_verb_describing_an_item_is_no_new_event() -> None:
    doc = make_doc("وتستخدم القوات الجوية الكينية ست مروحيات وصلت في عام 2019.",
                   {"القوات الجوية الكينية": "FORCE"})
    assert doc.events == []


def test_a_clause_describing_an_item_keeps_only_its_own_participants() -> None:
    doc = make_doc("وتستخدم القوات الجوية الكينية ست مروحيات وصلت في عام 2019 من إيطاليا.",
                   {"القوات الجوية الكينية": "FORCE", "إيطاليا": "GPE"})
    assert all("القوات الجوية الكينية" not in {a.text for a in e.arguments} for e in doc.events)


def test_items_opening_a_clause_still_arrive() -> None:
    doc = make_doc("وقالت الوزارة إن ست مروحيات وصلت إلى لواندا أمس.", {"لواندا": "GPE"})
    assert _types(doc) == ["ARMS_TRANSFER"]


def test_an_aim_in_a_relative_clause_is_no_operation() -> None:
    doc = make_doc("وأرسلت تنزانيا خمسمائة جندي لدعم القوات الملاوية التي تسعى إلى السيطرة على منطقة ليكوما.",
                   {"تنزانيا": "GPE", "ليكوما": "LOC"})
    assert "MILITARY_OPERATION" not in _types(doc)


def test_a_noun_told_attack_with_its_dead_and_its_place_is_cited() -> None:
    doc = make_doc("مقتل 4 جنود بهجوم بطائرة مسيرة على موقع عسكري في شمال شرق مالي.",
                   {"شمال شرق مالي": "LOC"})
    assert _types(doc) == ["MILITARY_OPERATION"]
    assert doc.mentions[doc.events[0].location].text == "شمال شرق مالي"


def test_a_base_receiving_a_delivery_is_the_recipient() -> None:
    doc = make_doc("تسلمت قاعدة تمبكتو الجوية الدفعة الأولى من 4 مروحيات قتالية.",
                   {"قاعدة تمبكتو الجوية": "FAC"})
    assert roles(doc)["recipient"] == {"قاعدة تمبكتو الجوية"}


def test_a_direction_phrase_after_the_target_is_the_attack_place() -> None:
    doc = make_doc("قتل 4 جنود ماليين، في هجوم بطائرة مسيرة، على موقع عسكري شمال شرق مالي.",
                   {"شمال شرق مالي": "LOC"})
    assert _types(doc) == ["MILITARY_OPERATION"]
    assert doc.mentions[doc.events[0].location].text == "شمال شرق مالي"


def test_the_airspace_of_a_province_is_the_place_not_the_target() -> None:
    doc = make_doc("ونجحت الدفاعات الجوية الكينية في إسقاط طائرة مسيرة في أجواء محافظة لامو.",
                   {"الدفاعات الجوية الكينية": "FORCE", "لامو": "GPE"})
    ev = doc.events[0]
    assert doc.mentions[ev.location].text == "لامو" and "target" not in roles(doc)


def test_an_unnamed_base_receiving_at_a_named_place_is_cited() -> None:
    doc = make_doc("تلقت القاعدة الجوية الثانية في مدينة أغاديز النيجرية الدفعة الأولى "
                   "من 4 مروحيات Mi-17 أمس.",
                   {"أغاديز": "GPE", "Mi-17": "EQUIPMENT"})
    assert _types(doc) == ["ARMS_TRANSFER"]
    assert roles(doc)["recipient"] == {"القاعدة الجوية الثانية"}


def test_troops_sent_to_support_a_countrys_forces_are_hosted_by_it() -> None:
    doc = make_doc("وأرسلت تنزانيا خمسمائة جندي الشهر الماضي لدعم القوات الصومالية في شمال البلاد.",
                   {"تنزانيا": "GPE", "القوات الصومالية": "FORCE"})
    assert roles(doc)["host"] == {"الصومالية"}


def test_the_troop_count_is_the_force_quantity() -> None:
    doc = make_doc("ونشرت تنزانيا 300 جندي في مالاوي.", {"تنزانيا": "GPE", "مالاوي": "GPE"})
    force = next(a for a in doc.events[0].arguments if a.role == "force")
    assert force.quantity == 300


def test_the_partner_of_a_deal_supplies_the_transfer() -> None:
    doc = make_doc("وتسعى نيجيريا إلى شراء 12 مروحية هجومية في إطار صفقة مع كندا.",
                   {"نيجيريا": "GPE", "كندا": "GPE"})
    ev = next(e for e in doc.events if e.type == "ARMS_TRANSFER")
    assert {a.text for a in ev.arguments if a.role == "supplier"} == {"كندا"}


def test_a_purchase_for_a_country_names_the_recipient() -> None:
    doc = make_doc("ويتردد البرلمان الألماني في الموافقة على صفقة شراء دبابات لنيروبي.",
                   {"البرلمان الألماني": "ORG", "نيروبي": "GPE"})
    ev = next(e for e in doc.events if e.type == "ARMS_TRANSFER")
    assert {(a.role, a.text) for a in ev.arguments if a.mention is not None} == {("recipient", "نيروبي")}
    assert ev.status == "planned"


def test_a_dual_nationality_adjective_names_the_supplier() -> None:
    doc = make_doc("وصلت طائرتان عسكريتان أوغنديتان إلى نيروبي.", {"نيروبي": "GPE"})
    assert roles(doc)["supplier"] == {"أوغنديتان"}


def test_foreign_military_planes_arriving_at_a_named_airport_are_cited() -> None:
    doc = make_doc("وصلت طائرتان عسكريتان أوغنديتان إلى مطار جومو كينياتا الدولي وعلى متنهما معدات عسكرية.",
                   {"مطار جومو كينياتا الدولي": "FAC"})
    assert _types(doc) == ["ARMS_TRANSFER"]
    assert roles(doc)["supplier"] == {"أوغنديتان"}


def test_the_subject_before_a_training_noun_is_the_trainer() -> None:
    doc = make_doc("وقال العقيد سالم إن كينيا عازمة على تأهيل القوات المسلحة الصومالية.",
                   {"كينيا": "GPE", "القوات المسلحة الصومالية": "FORCE"})
    assert roles(doc) == {"trainer": {"كينيا"}, "trainee": {"القوات المسلحة الصومالية"}}


def test_who_receives_training_is_the_trainee() -> None:
    doc = make_doc("ويتلقى طيارو القوات الجوية الكينية تدريبا في إيطاليا.",
                   {"القوات الجوية الكينية": "FORCE", "إيطاليا": "GPE"})
    assert "trainer" not in roles(doc) or "القوات الجوية الكينية" not in roles(doc)["trainer"]


def test_the_name_after_a_relative_verb_is_its_object() -> None:
    doc = make_doc("منذ بدء الهجمات التي استهدفت القوات الكينية في لامو.",
                   {"القوات الكينية": "FORCE", "لامو": "GPE"})
    assert roles(doc)["target"] == {"القوات الكينية"} and "agent" not in roles(doc)


def test_the_body_hosting_a_summit_is_no_meeting_participant() -> None:
    doc = make_doc("والتقى الرئيسان الكيني وليام روتو والغاني جون ماهاما على هامش قمة الاتحاد الأفريقي.",
                   {"وليام روتو": "PERSON", "جون ماهاما": "PERSON", "الاتحاد الأفريقي": "ORG"})
    assert roles(doc)["participant"] == {"وليام روتو", "جون ماهاما"}


def test_a_police_contingent_is_a_force() -> None:
    doc = make_doc("وقال الوزير إن دفعة أولى من الشرطة الرواندية غادرت، مساء الأحد، كيغالي متوجهة إلى بانغي.",
                   {"كيغالي": "GPE", "بانغي": "GPE"})
    assert _types(doc) == ["DEPLOYMENT"]
    assert roles(doc) == {"force": {"الشرطة الرواندية"}, "host": {"بانغي"}}


def test_a_unit_of_a_named_force_is_that_force() -> None:
    doc = make_doc("أعلن الوزير، أن سرية أولى من الحرس الوطني غادرت مساء الأحد، كيغالي متوجهة إلى بانغي.",
                   {"الحرس الوطني": "FORCE", "كيغالي": "GPE", "بانغي": "GPE"})
    assert roles(doc) == {"force": {"الحرس الوطني"}, "host": {"بانغي"}}
