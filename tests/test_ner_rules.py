"""Rule-based NER on sentences written for these tests, with a small gazetteer of our own."""

from __future__ import annotations

import pytest

import rasd.ner as ner
from rasd.errors import InputError
from rasd.model import Document
from rasd.ner.gazetteer import Entry, build_gazetteer, expand_adjectives
from rasd.ner.lexicon import build_lexicon, load_lexicon


def _entry(entry_id: str, etype: str, name: str, aliases: tuple[str, ...] = (),
           adjectives: tuple[str, ...] = (), ambiguous: bool = False) -> Entry:
    return Entry(id=entry_id, type=etype, name=name, name_en=None, wikidata=None, aliases=aliases,
                 adjectives=expand_adjectives(adjectives), country=None, lat=None, lon=None,
                 ambiguous=ambiguous)


GAZ = build_gazetteer([
    _entry("gpe:mali", "GPE", "مالي", adjectives=("مالي",), ambiguous=True),
    _entry("gpe:russia", "GPE", "روسيا", adjectives=("روسي",)),
    _entry("gpe:france", "GPE", "فرنسا", adjectives=("فرنسي",)),
    _entry("gpe:bamako", "GPE", "باماكو"),
    _entry("gpe:moscow", "GPE", "موسكو"),
    _entry("org:un", "ORG", "الأمم المتحدة"),
    _entry("loc:africa", "LOC", "أفريقيا", aliases=("إفريقيا",)),
    _entry("force:wagner", "FORCE", "فاغنر", aliases=("فاجنر",)),
    _entry("per:putin", "PERSON", "فلاديمير بوتين", aliases=("بوتين",)),
])


@pytest.fixture(autouse=True)
def small_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "_gazetteer", lambda: GAZ)


def mentions(text: str) -> list[tuple[str, str]]:
    doc = ner.recognize_entities(Document("t", None, body=text))
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.type) for m in doc.mentions]


CASES = [
    # title + name
    ("أعلن وزير الدفاع الفرنسي جان لوران أن القوات ستنسحب.", ("جان لوران", "PERSON")),
    ("وصرح المتحدث باسم الأمم المتحدة، ستيفان دوجاريك، بأن البعثة ستبقى.", ("ستيفان دوجاريك", "PERSON")),
    ("وقال الخبير الاقتصادي كريم بنعلي إن الأسعار سترتفع.", ("كريم بنعلي", "PERSON")),
    # rank + name
    ("وصل العقيد أمادو كوليبالي إلى باماكو صباحا.", ("أمادو كوليبالي", "PERSON")),
    ("استقبل الفريق أول يوسف حداد الوفد الزائر.", ("يوسف حداد", "PERSON")),
    # honorific + name
    ("واستقبل السيد موسى كانتي الوفد في مكتبه.", ("موسى كانتي", "PERSON")),
    # a listed given name without a title
    ("وقال فلاديمير سوكولوف للصحفيين إن الاجتماع كان مثمرا.", ("فلاديمير سوكولوف", "PERSON")),
    # organisation heads
    ("أصدرت وزارة الخارجية المالية بيانا مساء أمس.", ("وزارة الخارجية المالية", "ORG")),
    ('نشرت صحيفة "لوموند" تقريرا عن الصفقة.', ('صحيفة "لوموند"', "ORG")),
    ("وقعت شركة نوفاتيك اتفاقا جديدا.", ("شركة نوفاتيك", "ORG")),
    ("وافق المجلس الوطني الانتقالي على القانون.", ("المجلس الوطني الانتقالي", "ORG")),
    ("أقامت سفارة روسيا في مالي حفلا كبيرا.", ("سفارة روسيا في مالي", "ORG")),
    # armed forces
    ("هاجم الجيش المالي مواقع المسلحين.", ("الجيش المالي", "FORCE")),
    ("انسحبت القوات الفرنسية من القاعدة.", ("القوات الفرنسية", "FORCE")),
    ("اشتبكت جماعات الطوارق المتمردة مع الجنود.", ("جماعات الطوارق المتمردة", "FORCE")),
    ("غادرت بعثة الأمم المتحدة البلاد.", ("بعثة الأمم المتحدة", "FORCE")),
    # areas and facilities
    ("تتواصل المعارك في شمال مالي منذ أشهر.", ("شمال مالي", "LOC")),
    ("تعاني دول غرب أفريقيا من الجفاف.", ("غرب أفريقيا", "LOC")),
    ("هبطت الطائرة في مطار باماكو الدولي ليلا.", ("مطار باماكو الدولي", "FAC")),
    ("قصفت الطائرات قاعدة تساليت الجوية.", ("قاعدة تساليت الجوية", "FAC")),
    ("دخل المسلحون مدينة تمبكتو فجرا.", ("تمبكتو", "GPE")),
    # equipment designations
    ("تسلم الجيش دبابات T-90M حديثة.", ("T-90M", "EQUIPMENT")),
    ("وصلت ناقلات BTR-80/82A إلى الميناء.", ("BTR-80/82A", "EQUIPMENT")),
    ("نشرت روسيا منظومة إس-400 قرب الحدود.", ("إس-400", "EQUIPMENT")),
    ("اشترت البحرية طائرات من طراز رافال.", ("رافال", "EQUIPMENT")),
    # clitics stay outside the span, the article stays inside
    ("وصل الوفد إلى موسكو وباماكو أمس.", ("باماكو", "GPE")),
    ("قدم الخبراء تقريرا لوزارة الدفاع الروسية.", ("وزارة الدفاع الروسية", "ORG")),
    ("وأشاد الرئيس بدور فاغنر في المعارك.", ("فاغنر", "FORCE")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_pattern_families_find_the_name(text: str, expected: tuple[str, str]) -> None:
    assert expected in mentions(text)


@pytest.mark.parametrize("text", [
    "قال المسؤول المالي إن الوضع صعب.",  # nationality adjective alone
    "قدمت الحكومة دعم مالي للمزارعين.",  # مالي = financial
    "تعاني الشركة من عجز مالي كبير.",
    "أصيب الجنود بفيروس COVID-19 في المعسكر.",  # a designation shape that is not equipment
    "وقال دبلوماسي تركي يتحدث للصحفيين إن المفاوضات مستمرة.",  # an unnamed source
    "وقال وزير الدفاع أن الجيش مستعد.",  # a title with no name after it
])
def test_no_mention_where_there_is_no_name(text: str) -> None:
    found = mentions(text)
    assert not [m for m in found if m[1] in ("GPE", "PERSON", "EQUIPMENT")], found


def test_ambiguous_country_accepted_after_a_preposition() -> None:
    assert ("مالي", "GPE") in mentions("وصل الرئيس إلى مالي في زيارة رسمية.")


def test_adjective_alone_is_never_a_country() -> None:
    found = mentions("أشاد الجانب المالي بالتعاون، وأكد الوزير الروسي دعم بلاده.")
    assert all(t != "GPE" for _, t in found), found


def test_clitic_lam_lam_keeps_both_lams_and_reads_the_article_in_the_key() -> None:
    doc = ner.recognize_entities(Document("t", None, body="قدمت فرنسا معدات للجيش المالي أمس."))
    army = [m for m in doc.mentions if m.type == "FORCE"]
    assert [m.text for m in army] == ["للجيش المالي"]
    assert army[0].key == "الجيش المالي"


def test_national_army_names_share_one_key() -> None:
    doc = ner.recognize_entities(Document("t", None, body="دعمت القوات المسلحة المالية الجيش المالي بالمؤن."))
    keys = {m.key for m in doc.mentions if m.type == "FORCE"}
    assert keys == {"الجيش المالي"}


def test_surname_propagates_with_and_without_clitics() -> None:
    text = "قال وزير الدفاع الفرنسي جان لوران إن الجيش جاهز. وأضاف لوران أن الرئيس أشاد بلوران كثيرا."
    persons = [m for m in ner.recognize_entities(Document("t", None, body=text)).mentions
               if m.type == "PERSON"]
    assert [m.text for m in persons] == ["جان لوران", "لوران", "لوران"]
    assert [m.source for m in persons] == ["title", "alias", "alias"]


def test_name_stops_at_verbs_prepositions_and_definite_nouns() -> None:
    found = mentions("وقال العقيد أمادو كوليبالي لأعضاء البرلمان إن الهجوم فشل.")
    assert ("أمادو كوليبالي", "PERSON") in found


def test_mentions_never_overlap_and_come_in_text_order() -> None:
    text = " ".join(t for t, _ in CASES)
    doc = ner.recognize_entities(Document("t", None, body=text))
    spans = [(m.start, m.end) for m in doc.mentions]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


def test_gazetteer_ids_are_kept() -> None:
    doc = ner.recognize_entities(Document("t", None, body="التقى فلاديمير بوتين بنظيره في موسكو."))
    assert {(m.text, m.gaz_id) for m in doc.mentions} == {("فلاديمير بوتين", "per:putin"),
                                                          ("موسكو", "gpe:moscow")}


def test_crf_mentions_only_fill_gaps(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from rasd.model import Mention

    def predict(doc: Document, model: str, rules: list[Mention] | None = None) -> list[Mention]:
        body = doc.body
        out = []
        for word, etype in (("موسكو", "ORG"), ("كيتا", "PERSON")):
            start = body.index(word)
            out.append(Mention(start, start + len(word), word, etype, word, source="crf"))
        return out

    monkeypatch.setitem(sys.modules, "rasd.ner.crf", types.SimpleNamespace(predict_mentions=predict))
    doc = ner.recognize_entities(Document("t", None, body="التقى كيتا وفدا في موسكو."), model="m.crfsuite")
    assert [(m.text, m.type, m.source) for m in doc.mentions] == [("كيتا", "PERSON", "crf"),
                                                                  ("موسكو", "GPE", "gazetteer")]


def test_lexicon_loads_and_a_malformed_file_is_an_input_error(tmp_path) -> None:
    lex = load_lexicon()
    assert lex.ranks["الكولونيل"] == "عقيد" and "وزير" in lex.title("head")
    (tmp_path / "ranks.tsv").write_text("surface\tbase\nالعقيد\tعقيد\textra\n", encoding="utf-8")
    with pytest.raises(InputError, match="ranks.tsv"):
        build_lexicon(tmp_path)


def test_a_shorter_phrase_takes_the_key_of_the_fuller_one_in_the_document() -> None:
    text = "أقامت سفارة روسيا في مالي حفلا. وبحسب السفارة الروسية فإن الحفل نجح."
    doc = ner.recognize_entities(Document("t", None, body=text))
    assert [(m.text, m.key) for m in doc.mentions if m.type == "ORG"] == [
        ("سفارة روسيا في مالي", "سفاره روسيا في مالي"), ("السفارة الروسية", "سفاره روسيا في مالي")]


def test_name_before_a_title_in_apposition_after_a_speech_verb() -> None:
    found = mentions("وقال كوفي منساه، رئيس تحالف القوى المدنية، إن الحوار ممكن.")
    assert ("كوفي منساه", "PERSON") in found
    assert mentions("وقال مصدر مطلع، رئيس سابق للجنة، إن الحوار ممكن.") == []


def test_a_given_name_spelt_like_a_preposition_inside_a_name() -> None:
    assert ("حسن علي محمد", "PERSON") in mentions("وأشاد وزير الدفاع حسن علي محمد بالجنود.")


@pytest.mark.parametrize("text", [
    "وقال الرئيس التركي يهدد اليونان بالرد.",
    "الرئيس الجزائري يلتقي نظيره غدا.",
    "الرئيس التركي يهدد بشن هجوم جديد.",
])
def test_a_verb_after_a_title_is_not_a_name(text: str) -> None:
    assert [m for m in mentions(text) if m[1] == "PERSON"] == []


def test_a_word_after_a_rank_is_trusted_even_when_it_looks_like_a_verb() -> None:
    assert ("تياني", "PERSON") in mentions("وقال الجنرال تياني للصحفيين إن الوضع مستقر.")


def test_name_before_a_title_in_construct_after_a_speech_verb() -> None:
    assert ("رومانو برودي", "PERSON") in mentions("وقال رومانو برودي رئيس اللجنة إن الاتحاد متماسك.")


@pytest.mark.parametrize(("text", "name"), [
    ("وقال رئيس الوزراء البريطاني توني بلير إن الحرب ضرورية.", "توني بلير"),  # ت + ب...: still a name
    ("وأشار خوسيه بوريل إلى أن الاتحاد موحد.", "خوسيه بوريل"),  # surname starting with ب
])
def test_names_starting_with_clitic_letters(text: str, name: str) -> None:
    assert (name, "PERSON") in mentions(text)


def test_weapon_class_name_and_agreeing_adjective_is_equipment() -> None:
    found = mentions("وتسلم الجيش دبابات أبرامز الأمريكية ومروحيات أباتشي الهجومية.")
    assert ("أبرامز", "EQUIPMENT") in found and ("أباتشي", "EQUIPMENT") in found
    assert mentions("اشترت البحرية سفنا حربية وطائرات شحن جديدة.") == []


def test_a_country_spelt_like_its_adjective_needs_a_place_context(monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = build_gazetteer([_entry("gpe:turkey", "GPE", "تركيا", aliases=("تركية",), adjectives=("تركي",))])
    monkeypatch.setattr(ner, "_gazetteer", lambda: gaz)
    assert mentions("وصلت طائرات مسيرة تركية إلى الميناء.") == []
    assert ("تركية", "GPE") in mentions("وصل الوفد إلى تركية أمس.")


def test_a_short_given_name_before_a_nisba_family_name_is_not_a_verb() -> None:
    assert ("ثابت العباسي", "PERSON") in mentions("استقبل وزير الدفاع الفرنسي ثابت العباسي الوفد.")


def test_an_ambiguous_given_name_counts_after_a_speech_verb_only() -> None:
    assert ("جمال بنعمر", "PERSON") in mentions("وقال جمال بنعمر إن المفاوضات مستمرة.")
    assert mentions("وكان جمال المدينة لافتا للزوار.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("وافتتح الملك محمد السادس المعرض.", "محمد السادس"),  # a regnal number ends the name
    ("وقال وزير الإعلام الفرنسي طارق عظيم خان، إن الاتهامات باطلة.", "طارق عظيم خان"),
    ("وفاز الألماني مايكل شوماخر سائق فريق فيراري بالسباق.", "مايكل شوماخر"),  # a profession noun ends it
])
def test_name_extent_ends(text: str, name: str) -> None:
    assert (name, "PERSON") in mentions(text)


def test_a_rank_that_is_also_a_noun_before_a_verb_is_no_name() -> None:
    assert mentions("وقال المدرب إن حظوظ الفريق تلاشت تقريبا.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("قال محافظ بنك فرنسا المركزي إن التضخم تراجع.", ("بنك فرنسا المركزي", "ORG")),
    ("فاز حزب العدالة والتنمية بالانتخابات.", ("حزب العدالة والتنمية", "ORG")),
    ("رفع البنك المركزي سعر الفائدة.", ("البنك المركزي", "ORG")),
])
def test_more_organisation_shapes(text: str, expected: tuple[str, str]) -> None:
    assert expected in mentions(text)


def test_a_definite_head_alone_is_no_name() -> None:
    assert mentions("وقال المجلس إن الحكومة والجيش وضعا خطة.") == []


@pytest.mark.parametrize("text", [
    "بعد هجوم مجموعة مسلحة على القرية.",  # an indefinite adjective after a head
    "وأقلعت الطائرة من مطار شمالي البلاد.",  # a direction adjective is no airport name
    "وخصصت غرفة في قصر لتؤدي فيه الصلاة.",  # a verb after a head
    "وتواصل دائرة العنف في المنطقة.",  # دائرة = circle
])
def test_head_words_without_a_name_after_them(text: str) -> None:
    assert [m for m in mentions(text) if m[1] in ("ORG", "FAC", "FORCE")] == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["وزير", "الدفاع", "المالي", "العقيد", "جان", "لوران", "في", "مالي", "،", ".", "و", "بن", "عبد",
         "الله", "الجيش", "شمال", "مطار", "باماكو", "الدولي", "T-72B3", "السيد", "قال", "إن", "\n", "لل",
         "من", "طراز", '"', "رئيس", "اللجنة", "مركبات", "المدرعة", "الأمم", "المتحدة", "بعثة", "سفارة",
         "روسيا", "د", "ولي", "العهد"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_any_word_sequence_gives_exact_non_overlapping_spans(words: list[str]) -> None:
    text = " ".join(words)
    doc = ner.recognize_entities(Document("t", None, body=text))
    previous_end = 0
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text and m.text.strip() == m.text and m.text
        assert m.start >= previous_end
        previous_end = m.end


def test_definite_head_after_lam_lam() -> None:
    assert ("للحكومة الفرنسية", "ORG") in mentions("لا يحق للحكومة الفرنسية إرسال قوات.")


@pytest.mark.parametrize(("text", "expected"), [
    ("اشترت تركيا منظومة إس 400 الروسية.", ("إس 400", "EQUIPMENT")),
    ("وصلت مقاتلات إف 16 إلى القاعدة.", ("إف 16", "EQUIPMENT")),
])
def test_designations_written_in_two_tokens(text: str, expected: tuple[str, str]) -> None:
    assert expected in mentions(text)


def test_an_ambiguous_non_place_name_needs_quotes_or_its_full_name(monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = build_gazetteer([_entry("force:qaeda", "FORCE", "تنظيم القاعدة", aliases=("القاعدة",),
                                  ambiguous=True)])
    monkeypatch.setattr(ner, "_gazetteer", lambda: gaz)
    assert mentions("عادت الطائرات إلى القاعدة مساء.") == []
    assert ("القاعدة", "FORCE") in mentions('وتبنى "القاعدة" الهجوم.')
    assert mentions("أعلن تنظيم القاعدة مسؤوليته. وقالت القاعدة إن") == [
        ("تنظيم القاعدة", "FORCE"), ("القاعدة", "FORCE")]


def test_a_governing_noun_is_no_evidence_for_a_name_spelt_like_an_adjective(
        monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = build_gazetteer([_entry("gpe:turkey", "GPE", "تركيا", aliases=("تركية",), adjectives=("تركي",))])
    monkeypatch.setattr(ner, "_gazetteer", lambda: gaz)
    assert mentions("وافق البرلمان على إرسال قوات تركية إلى الحدود.") == []


def test_a_town_spelt_like_a_noun_needs_its_country_in_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    tyre = Entry(id="gpe:tyre", type="GPE", name="صور", name_en="Tyre", wikidata=None, aliases=(),
                 adjectives=(), country="gpe:lebanon", lat=None, lon=None, ambiguous=True)
    gaz = build_gazetteer([tyre, _entry("gpe:lebanon", "GPE", "لبنان", adjectives=("لبناني",))])
    monkeypatch.setattr(ner, "_gazetteer", lambda: gaz)
    assert mentions("كشفت الشركة عن صور رسمية للطائرة.") == []
    assert ("صور", "GPE") in mentions("قصفت الطائرات مدينة صور جنوب لبنان.")


def test_a_title_at_the_end_of_a_line_licenses_no_name_on_the_next() -> None:
    assert mentions("تصريحات وزير الدفاع الفرنسي\nسيناريو مفتوح للتصعيد") == []


@pytest.mark.parametrize("text", [
    "أعلن وزير الدفاع الفرنسي انسحاب القوات من المدينة.",
    "وأكد الرئيس الروسي استعداد بلاده للحوار.",
    "وبحث وزير الخارجية الفرنسي تعزيز التعاون.",
])
def test_a_verbal_noun_after_a_title_is_no_name(text: str) -> None:
    assert [m for m in mentions(text) if m[1] == "PERSON"] == []


def test_a_given_name_shaped_like_a_verbal_noun_still_counts() -> None:
    assert ("توفيق الحكيم", "PERSON") in mentions("وقال الكاتب توفيق الحكيم إن المسرح حي.")


@pytest.mark.parametrize("text", [
    "وعرض وزير الدفاع الفرنسي خطة جديدة للتسليح.",
    "وأكد الرئيس الروسي دعم بلاده للحوار.",
])
def test_a_lone_common_noun_after_a_title_is_no_name(text: str) -> None:
    assert [m for m in mentions(text) if m[1] == "PERSON"] == []


@pytest.mark.parametrize("text", [
    "وأعلن الرئيس الفرنسي صفقة ضخمة مع الهند.",
    "وقدم وزير الدفاع الفرنسي مساعدات عسكرية للجيش.",
])
def test_a_noun_phrase_after_a_title_is_no_name(text: str) -> None:
    assert [m for m in mentions(text) if m[1] == "PERSON"] == []


def test_word_lists_use_only_known_rules_and_kinds() -> None:
    from rasd.ner.patterns import RULES

    lex = load_lexicon()
    assert {rule for rules in lex.heads.values() for _, rule in rules} <= set(RULES)
    assert {etype for rules in lex.heads.values() for etype, _ in rules} <= set(ner.ENTITY_TYPES)
    known = {"head", "counterpart", "prefix", "profession", "complement", "descriptor", "link", "cue",
             "rank_modifier", "regnal", "echo"}
    assert set(lex.titles) <= known
    assert all(lex.ranks.values()) and lex.particles and lex.divine_names and lex.masdars


@pytest.mark.parametrize(("text", "expected"), [
    ("وفاز الفرنسي سيدريك بيولين 7 / 6.", [("سيدريك بيولين", "PERSON")]),
    ("وتغلب الروسي فلاديمير كوزنيتسوف على منافسه.", [("فلاديمير كوزنيتسوف", "PERSON")]),
    ("وقال الجيش الروسي إن الهجوم فشل.", [("الجيش الروسي", "FORCE")]),  # the adjective qualifies a noun
    ("وأيد الرئيس منح الأوروبيين مزيدا من الوقت.", []),
])
def test_nationality_used_as_a_noun_before_a_name(text: str, expected: list) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize("text", ["دخلت القوات مدينة مهمة في الشمال.", "تقع قرية نائية قرب الحدود."])
def test_a_town_head_with_an_adjective_is_no_place(text: str) -> None:
    assert mentions(text) == []


def test_a_name_coordinated_with_equipment_is_equipment() -> None:
    found = mentions("وتسلم الجيش مركبات سبارتاك المدرعة وكاماز.")
    assert ("سبارتاك", "EQUIPMENT") in found and ("كاماز", "EQUIPMENT") in found
    assert mentions("اشترت البحرية طائرات من طراز رافال وغيرها.") == [("رافال", "EQUIPMENT")]


@pytest.mark.parametrize("text", ["شارك الوفد في مؤتمر COP28 للمناخ.", "اجتمع قادة مجموعة G20 في الهند."])
def test_designation_shaped_names_of_events_and_groups_are_no_equipment(text: str) -> None:
    assert [m for m in mentions(text) if m[1] == "EQUIPMENT"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("ونقلت صحيفة الغارديان البريطانية عن مصادر أمنية.", [("صحيفة الغارديان", "ORG")]),
    ("ونقلت صحيفة محلية عن مصادر أمنية.", []),
    ("ونقلت صحيفة الحكومة عن مصادر أمنية.", []),
])
def test_newspaper_names_may_carry_the_article(text: str, expected: list) -> None:
    assert mentions(text) == expected
