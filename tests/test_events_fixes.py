"""Reviewer findings on event extraction, each on a sentence written for this test."""

from __future__ import annotations

from test_events_extract import make_doc, roles


def _types(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.type for e in doc.events]


def test_a_date_inside_an_after_clause_belongs_to_the_embedded_event() -> None:
    doc = make_doc("وأبرمت كينيا وغانا أمس اتفاقية دفاعية جديدة، بعد أن جمد الطرفان مفاوضاتهما عام 2016.",
                   {"كينيا": "GPE", "غانا": "GPE"})
    ev = next(e for e in doc.events if e.type == "AGREEMENT")
    assert ev.date != "2016"


def test_a_date_after_a_verbal_noun_in_a_since_clause_is_not_the_meeting_date() -> None:
    doc = make_doc("واجتمع وزيرا دفاع كينيا وغانا للمرة الأولى منذ تجميد التعاون عام 2009.",
                   {"كينيا": "GPE", "غانا": "GPE"})
    assert doc.events and all(e.date != "2009" for e in doc.events)


def test_a_date_right_after_since_still_dates_the_event() -> None:
    doc = make_doc("وانسحبت القوات الكينية من الصومال منذ مارس 2011.",
                   {"القوات الكينية": "FORCE", "الصومال": "GPE"})
    assert [e.date for e in doc.events] == ["2011-03"]


def test_leaving_towards_a_destination_is_a_deployment_there() -> None:
    doc = make_doc("غادر الفوج الغاني أكرا صباح اليوم متجها إلى جوبا ضمن قوة حفظ سلام.",
                   {"أكرا": "GPE", "جوبا": "GPE"})
    assert _types(doc) == ["DEPLOYMENT"]
    assert roles(doc) == {"force": {"الفوج الغاني"}, "host": {"جوبا"}}


def test_a_force_noun_keeps_its_article() -> None:
    doc = make_doc("وانسحبت الكتيبة البولندية من كوسوفو.", {"كوسوفو": "GPE"})
    assert roles(doc)["force"] == {"الكتيبة البولندية"}


def test_the_announcer_before_a_new_subject_is_not_the_recipient() -> None:
    doc = make_doc("وأكدت وزارة الدفاع الإندونيسية أن سلاح البحرية استلم ثلاثة قوارب دورية من اليابان.",
                   {"وزارة الدفاع الإندونيسية": "ORG", "اليابان": "GPE"})
    assert "recipient" not in roles(doc)
    assert roles(doc)["supplier"] == {"اليابان"}


def test_a_opposing_parliament_is_no_party_and_the_sale_is_only_planned() -> None:
    doc = make_doc("ويعارض البرلمان الألماني بيع دبابات حديثة لنيروبي.",
                   {"البرلمان الألماني": "ORG", "نيروبي": "GPE"})
    ev = next(e for e in doc.events if e.type == "ARMS_TRANSFER")
    assert ev.status == "planned"
    assert {a.text for a in ev.arguments if a.mention is not None} == {"نيروبي"}


def test_a_maker_in_a_relative_clause_is_the_supplier_not_a_production() -> None:
    doc = make_doc("واشترت البرتغال ست فرقاطات F-310 تصنعها مجموعة نافانتيا الإسبانية.",
                   {"البرتغال": "GPE", "F-310": "EQUIPMENT", "مجموعة نافانتيا": "ORG"})
    assert _types(doc) == ["ARMS_TRANSFER"]
    assert roles(doc)["supplier"] == {"مجموعة نافانتيا"} and roles(doc)["recipient"] == {"البرتغال"}


def test_an_item_nationality_names_the_supplier_when_none_is_named() -> None:
    doc = make_doc("وتسلم الجيش الصومالي 12 طائرة مسيرة تركية الأسبوع الماضي.", {"الجيش الصومالي": "FORCE"})
    assert roles(doc)["supplier"] == {"تركية"}


def test_a_named_supplier_wins_over_the_item_nationality() -> None:
    doc = make_doc("واشترت نيجيريا مروحيات أمريكية من الصين.", {"نيجيريا": "GPE", "الصين": "GPE"})
    assert roles(doc)["supplier"] == {"الصين"}


def test_a_meeting_partner_after_time_and_place_adverbials() -> None:
    doc = make_doc("التقى اللواء موسى كابوي قائد الجيش الزامبي، صباح أمس، في مقر القيادة بلوساكا، "
                   "السفير التنزاني جون مواكا.",
                   {"موسى كابوي": "PERSON", "لوساكا": "GPE", "جون مواكا": "PERSON"})
    assert roles(doc)["participant"] == {"موسى كابوي", "جون مواكا"}


def test_a_received_guest_after_a_place_phrase() -> None:
    doc = make_doc("واستقبل الرئيس هاكايندي هيشيليما في قصر الرئاسة في لوساكا المبعوث التنزاني الخاص "
                   "جون مواكا.",
                   {"هاكايندي هيشيليما": "PERSON", "لوساكا": "GPE", "جون مواكا": "PERSON"})
    assert roles(doc)["participant"] == {"هاكايندي هيشيليما", "جون مواكا"}


def test_a_with_partner_after_a_relative_clause() -> None:
    doc = make_doc("وبحث الجنرال موسى كابوي الذي وصل إلى دودوما أمس مع نظيره التنزاني، جون مواكا، "
                   "ملفات التعاون.", {"موسى كابوي": "PERSON", "دودوما": "GPE", "جون مواكا": "PERSON"})
    assert roles(doc)["participant"] == {"موسى كابوي", "جون مواكا"}


def test_a_verb_describing_an_item_is_no_new_event() -> None:
    doc = make_doc("ويشغل سلاح الجو الكيني حاليا أربع طائرات نقل وصلت في عام 2019.",
                   {"سلاح الجو الكيني": "FORCE"})
    assert doc.events == []


def test_a_clause_describing_an_item_keeps_only_its_own_participants() -> None:
    doc = make_doc("ويشغل سلاح الجو الكيني حاليا أربع طائرات نقل وصلت في عام 2019 من إيطاليا.",
                   {"سلاح الجو الكيني": "FORCE", "إيطاليا": "GPE"})
    assert all("سلاح الجو الكيني" not in {a.text for a in e.arguments} for e in doc.events)


def test_items_opening_a_clause_still_arrive() -> None:
    doc = make_doc("وذكر المتحدث أن ست مروحيات وصلت إلى لواندا أمس.", {"لواندا": "GPE"})
    assert _types(doc) == ["ARMS_TRANSFER"]


def test_an_aim_in_a_relative_clause_is_no_operation() -> None:
    doc = make_doc("ونشرت أوغندا كتيبتين دعما للجيش الكونغولي الذي يسعى إلى استعادة بلدة بيني.",
                   {"أوغندا": "GPE", "الجيش الكونغولي": "FORCE", "بيني": "GPE"})
    assert "MILITARY_OPERATION" not in _types(doc)


def test_a_noun_told_attack_with_its_dead_and_its_place_is_cited() -> None:
    doc = make_doc("وأسفر هجوم بمسيرات انتحارية على ثكنة عسكرية في جنوب غرب النيجر عن مقتل 5 جنود.",
                   {"جنوب غرب النيجر": "LOC"})
    assert _types(doc) == ["MILITARY_OPERATION"]
    assert doc.mentions[doc.events[0].location].text == "جنوب غرب النيجر"


def test_a_named_base_receiving_a_delivery_is_the_recipient() -> None:
    doc = make_doc("واستلمت قاعدة نيامي الجوية أمس أربع مروحيات نقل جديدة.",
                   {"قاعدة نيامي الجوية": "FAC"})
    assert roles(doc)["recipient"] == {"قاعدة نيامي الجوية"}


def test_a_direction_phrase_after_the_target_is_the_attack_place() -> None:
    doc = make_doc("وأسفر هجوم بمسيرات انتحارية على ثكنة للجيش جنوب غرب النيجر عن مقتل 5 جنود.",
                   {"جنوب غرب النيجر": "LOC"})
    assert _types(doc) == ["MILITARY_OPERATION"]
    assert doc.mentions[doc.events[0].location].text == "جنوب غرب النيجر"


def test_the_airspace_of_a_province_is_the_place_not_the_target() -> None:
    doc = make_doc("وتمكنت الدفاعات الجوية الكينية من إسقاط مسيرة معادية في سماء ولاية لامو.",
                   {"الدفاعات الجوية الكينية": "FORCE", "لامو": "GPE"})
    ev = doc.events[0]
    assert doc.mentions[ev.location].text == "لامو" and "target" not in roles(doc)


def test_an_unnamed_base_receiving_at_a_named_place_is_cited() -> None:
    doc = make_doc("استلمت القاعدة البحرية الرئيسية في ميناء ممباسا الدفعة الأولى من 3 زوارق دورية.",
                   {"ممباسا": "GPE"})
    assert _types(doc) == ["ARMS_TRANSFER"]
    assert roles(doc)["recipient"] == {"القاعدة البحرية الرئيسية"}


def test_troops_sent_to_support_a_countrys_forces_are_hosted_by_it() -> None:
    doc = make_doc("ونشرت أوغندا نحو ألفي عسكري لمساندة القوات الصومالية في مواجهة المتمردين.",
                   {"أوغندا": "GPE", "القوات الصومالية": "FORCE"})
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
    doc = make_doc("ويتردد مجلس النواب منذ أشهر في إقرار شراء مدرعات لنيروبي.",
                   {"مجلس النواب": "ORG", "نيروبي": "GPE"})
    ev = next(e for e in doc.events if e.type == "ARMS_TRANSFER")
    assert {(a.role, a.text) for a in ev.arguments if a.mention is not None} == {("recipient", "نيروبي")}
    assert ev.status == "planned"


def test_a_dual_nationality_adjective_names_the_supplier() -> None:
    doc = make_doc("ووصلت إلى نيروبي أمس مروحيتان عسكريتان أوغنديتان.", {"نيروبي": "GPE"})
    assert roles(doc)["supplier"] == {"أوغنديتان"}


def test_foreign_military_planes_arriving_at_a_named_airport_are_cited() -> None:
    doc = make_doc("ووصلت ثلاث طائرات عسكرية أوغندية أمس إلى مطار جومو كينياتا الدولي.",
                   {"مطار جومو كينياتا الدولي": "FAC"})
    assert _types(doc) == ["ARMS_TRANSFER"]
    assert roles(doc)["supplier"] == {"أوغندية"}


def test_the_subject_before_a_training_noun_is_the_trainer() -> None:
    doc = make_doc("وأكد قائد البعثة أن كينيا مصممة على تدريب الجيش الصومالي وتجهيزه.",
                   {"كينيا": "GPE", "الجيش الصومالي": "FORCE"})
    assert roles(doc)["trainer"] == {"كينيا"} and roles(doc)["trainee"] == {"الجيش الصومالي"}


def test_who_receives_training_is_the_trainee() -> None:
    doc = make_doc("ويتلقى ضباط سلاح الجو الكيني منذ أسابيع تدريبا متقدما في روما.",
                   {"سلاح الجو الكيني": "FORCE", "روما": "GPE"})
    assert "trainer" not in roles(doc) or "سلاح الجو الكيني" not in roles(doc)["trainer"]


def test_the_name_after_a_relative_verb_is_its_object() -> None:
    doc = make_doc("وتكررت الغارات التي استهدفت القوات الكينية في لامو خلال الشهر الجاري.",
                   {"القوات الكينية": "FORCE", "لامو": "GPE"})
    assert roles(doc)["target"] == {"القوات الكينية"} and "agent" not in roles(doc)


def test_the_body_hosting_a_summit_is_no_meeting_participant() -> None:
    doc = make_doc("واجتمع الرئيس الكيني وليام روتو بنظيره الغاني جون ماهاما على هامش أعمال قمة "
                   "الاتحاد الأفريقي.",
                   {"وليام روتو": "PERSON", "جون ماهاما": "PERSON", "الاتحاد الأفريقي": "ORG"})
    assert roles(doc)["participant"] == {"وليام روتو", "جون ماهاما"}


def test_a_police_contingent_is_a_force() -> None:
    doc = make_doc("وأوضح المتحدث أن أول كتيبة من الشرطة الرواندية غادرت كيغالي فجر السبت في طريقها "
                   "إلى بانغي.",
                   {"كيغالي": "GPE", "بانغي": "GPE"})
    assert _types(doc) == ["DEPLOYMENT"]
    assert roles(doc) == {"force": {"الشرطة الرواندية"}, "host": {"بانغي"}}


def test_a_unit_of_a_named_force_is_that_force() -> None:
    doc = make_doc("وأوضح المتحدث أن أول سرية من الحرس الوطني غادرت كيغالي فجر السبت في طريقها "
                   "إلى بانغي.",
                   {"الحرس الوطني": "FORCE", "كيغالي": "GPE", "بانغي": "GPE"})
    assert roles(doc) == {"force": {"الحرس الوطني"}, "host": {"بانغي"}}


def test_his_country_receiving_is_the_articles_country() -> None:
    doc = make_doc("وتعمل زامبيا على تحديث جيشها. وقال وزير الدفاع إن بلاده استلمت أربع مدرعات من صربيا.",
                   {"زامبيا": "GPE", "صربيا": "GPE"})
    ev = next(e for e in doc.events if e.type == "ARMS_TRANSFER")
    assert {a.text for a in ev.arguments if a.role == "recipient"} == {"زامبيا"}
