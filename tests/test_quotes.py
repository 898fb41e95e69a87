"""Quotations and speakers on sentences written for these tests (no article text)."""

from __future__ import annotations

import pytest

from rasd.model import Document, Mention, Role, Span
from rasd.ner.quote_marks import find_quoted_spans
from rasd.ner.quotes import extract_quotes
from rasd.text.normalize import normalize_key
from rasd.text.sentences import split_sentences


def make_doc(body: str, names: list[tuple[str, str]],
             roles: list[tuple[str, str, str | None]] = ()) -> Document:
    """A document with a mention at every occurrence of each (name, type); roles are (person, title, of)."""
    mentions = []
    for name, etype in names:
        start = body.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name, etype, normalize_key(name)))
            start = body.find(name, start + 1)
    mentions.sort(key=lambda m: m.start)
    # drop mentions nested in a longer one (a surname inside its full name)
    mentions = [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                               and (o.end - o.start) > (m.end - m.start) for o in mentions)]
    doc = Document(id="t", path=None, body=body, sentences=split_sentences(body), mentions=mentions)
    for person, title, of in roles:
        p = next(i for i, m in enumerate(mentions) if m.text == person)
        o = next((i for i, m in enumerate(mentions) if m.text == of), None)
        doc.roles.append(Role(person=p, title=title, of=o))
    return doc


def speakers(doc: Document) -> list[tuple[str, str | None]]:
    """(quote text, speaker mention text) of every quote."""
    extract_quotes(doc)
    return [(q.text, doc.mentions[q.speaker].text if q.speaker is not None else None) for q in doc.quotes]


SAID = "نحن ماضون في بناء شراكة متينة مع جيراننا"


@pytest.mark.parametrize("opening, closing", [
    ('"', '"'), ("“", "”"), ("”", "“"), ("«", "»"), ("„", "“"),
])
def test_every_quotation_mark_style(opening: str, closing: str) -> None:
    body = f"وقال الرئيس خالد منصور: {opening}{SAID}{closing}، في خطاب أمام النواب"
    doc = make_doc(body, [("خالد منصور", "PERSON")])
    assert speakers(doc) == [(SAID, "خالد منصور")]
    quote = doc.quotes[0]
    assert body[quote.start:quote.end] == SAID


def test_offsets_exclude_marks_and_spaces() -> None:
    body = f"وأكد سامي عادل « {SAID} » أمس"
    doc = make_doc(body, [("سامي عادل", "PERSON")])
    extract_quotes(doc)
    [quote] = doc.quotes
    assert (quote.text, body[quote.start:quote.end]) == (SAID, SAID)


def test_stray_mark_after_a_closed_quote_does_not_open_another() -> None:
    body = f"وقال سامي عادل: “{SAID}”. “\nونشرت الوزارة صورا عبر “تويتر” للمعدات الجديدة التي وصلت"
    doc = make_doc(body, [("سامي عادل", "PERSON")])
    assert speakers(doc) == [(SAID, "سامي عادل")]


def test_unclosed_mark_is_ignored() -> None:
    assert find_quoted_spans('قال الوزير "كلام بلا نهاية\nسطر آخر') == []


@pytest.mark.parametrize("body", [
    'وساعدت مجموعة "فاغنر" الجيش في المعارك الأخيرة',
    "ونشرت الرئاسة عبر حسابها على “تويتر” صورا للشحنة",
    "وقال المحلل في تصريحات لـ“قناة الأخبار العربية” إن الصفقة مهمة",
    'وانسحبت قوة "برخان" من البلاد قبل عامين',
    "وتحدث التقرير عن حملة “تجنيد واسعة” في المنطقة",
])
def test_quoted_names_and_titles_are_not_quotations(body: str) -> None:
    doc = make_doc(body, [])
    extract_quotes(doc)
    assert doc.quotes == []


def test_short_phrase_after_attribution_verb_is_kept() -> None:
    body = 'أشاد وزير الخارجية كمال يوسف، الثلاثاء، بـ"الإنجاز الكبير" الذي تحقق'
    doc = make_doc(body, [("كمال يوسف", "PERSON")])
    assert speakers(doc) == [("الإنجاز الكبير", "كمال يوسف")]


def test_speaker_after_the_quote() -> None:
    body = f'"{SAID}"، قال كمال يوسف في المؤتمر'
    doc = make_doc(body, [("كمال يوسف", "PERSON")])
    assert speakers(doc) == [(SAID, "كمال يوسف")]


def test_nominal_attribution() -> None:
    body = f'وبحسب الباحث الأمني نادر حمدي، "{SAID}"'
    doc = make_doc(body, [("نادر حمدي", "PERSON")])
    assert speakers(doc) == [(SAID, "نادر حمدي")]


def test_subject_is_not_a_name_inside_the_reported_clause() -> None:
    other = "سيزور البلاد قريبا في زيارة رسمية طويلة"
    body = f'وقال كمال يوسف: "{SAID}"\nوأضاف أن الرئيس رامي فؤاد "{other}"'
    doc = make_doc(body, [("كمال يوسف", "PERSON"), ("رامي فؤاد", "PERSON")])
    assert speakers(doc) == [(SAID, "كمال يوسف"), (other, "كمال يوسف")]


def test_chain_and_pronoun_inherit_previous_speaker() -> None:
    second = "سنواصل العمل مع كل الشركاء دون استثناء أو تمييز"
    third = "لن نقبل أي ضغوط خارجية على قراراتنا السيادية"
    body = (f'وقال العقيد حسن بكري لأعضاء المجلس: "{SAID}"\n'
            f'وأضاف: "{second}"\nوتابع أن "{third}"')
    doc = make_doc(body, [("حسن بكري", "PERSON"), ("المجلس", "ORG")])
    assert speakers(doc) == [(SAID, "حسن بكري"), (second, "حسن بكري"), (third, "حسن بكري")]


def test_participle_takes_the_subject_of_the_main_verb() -> None:
    other = "تعزيز التعاون بين البلدين"
    body = (f'أكد وزير الدفاع، اللواء حسن بكري، أن "{SAID}"، '
            f'مشددا على ضرورة الالتزام بـ"{other}" في المرحلة المقبلة')
    doc = make_doc(body, [("حسن بكري", "PERSON")])
    assert speakers(doc) == [(SAID, "حسن بكري"), (other, "حسن بكري")]


def test_described_as_refers_to_the_sentence_subject() -> None:
    body = "من جانبه، أبرز السفير في العاصمة، رامي فؤاد، ما وصفه بـ“التقدم المطرد للعلاقات الثنائية”"
    doc = make_doc(body, [("رامي فؤاد", "PERSON")])
    assert speakers(doc) == [("التقدم المطرد للعلاقات الثنائية", "رامي فؤاد")]


def test_bare_surname_subject() -> None:
    body = f'واجتمع الوزير مع نظيره\nوقال بكري: "{SAID}"'
    doc = make_doc(body, [("بكري", "PERSON")])
    assert speakers(doc) == [(SAID, "بكري")]


def test_title_refers_back_to_a_named_person() -> None:
    body = (f"وصل وزير الخارجية التشادي صالح عمر إلى القاهرة، والتقى وزير الخارجية الليبي جمال ناصر\n"
            f'وأكد وزير خارجية ليبيا الذي وصل أمس أن "{SAID}"')
    doc = make_doc(body, [("صالح عمر", "PERSON"), ("جمال ناصر", "PERSON"), ("القاهرة", "GPE"),
                          ("ليبيا", "GPE"), ("تشاد", "GPE")],
                   roles=[("صالح عمر", "وزير الخارجية", None), ("جمال ناصر", "وزير الخارجية", "ليبيا")])
    assert speakers(doc) == [(SAID, "جمال ناصر")]


def test_ambiguous_title_gives_no_speaker() -> None:
    body = ("التقى وزير الدفاع صالح عمر بوزير الدفاع جمال ناصر\n"
            f'وقال الوزير: "{SAID}"')
    doc = make_doc(body, [("صالح عمر", "PERSON"), ("جمال ناصر", "PERSON")],
                   roles=[("صالح عمر", "وزير الدفاع", None), ("جمال ناصر", "وزير الدفاع", None)])
    assert speakers(doc) == [(SAID, None)]


def test_pronoun_verb_takes_the_one_person_of_the_sentence() -> None:
    body = f"وجاءت تصريحات بكري خلال حفل في السفارة، حيث أشار إلى أن “{SAID}”"
    doc = make_doc(body, [("بكري", "PERSON"), ("السفارة", "ORG")])
    assert speakers(doc) == [(SAID, "بكري")]


def test_document_quotes_have_no_speaker() -> None:
    body = (f'ويتضمن الاتفاق الذي وقعه الوزير حسن بكري "{SAID}"\n'
            f'وجاء في نص البيان "{SAID}"')
    doc = make_doc(body, [("حسن بكري", "PERSON")])
    assert speakers(doc) == [(SAID, None), (SAID, None)]


def test_unattributed_quote_has_no_speaker() -> None:
    body = f'وانتشرت على المواقع عبارة "{SAID}" خلال الأيام الماضية'
    doc = make_doc(body, [])
    assert speakers(doc) == [(SAID, None)]


def test_organisation_speaker() -> None:
    body = f'وقالت وزارة الدفاع في بيان: "{SAID}"'
    doc = make_doc(body, [("وزارة الدفاع", "ORG")])
    assert speakers(doc) == [(SAID, "وزارة الدفاع")]


def test_no_quotation_marks_no_quotes() -> None:
    doc = make_doc("وقال الوزير إن التعاون مستمر بين البلدين", [])
    extract_quotes(doc)
    assert doc.quotes == []


@pytest.mark.parametrize("body", [
    'وبحسب ما أعلنت عنه شركة "إل جي سي نيكس ون للصناعات الدفاعية" فإن الصفقة كبيرة',
    "وتسيطر حركة “إم 23″ على مناطق واسعة من شرق البلاد منذ سنوات",
    'ونقلت "سي إن إن" عن مسؤولين أن الهجوم وقع فجرا',
])
def test_names_after_a_name_noun_or_a_bare_verb_are_not_quotations(body: str) -> None:
    doc = make_doc(body, [])
    extract_quotes(doc)
    assert doc.quotes == []


def test_mixed_marks_pair_and_a_mark_before_punctuation_does_not_open() -> None:
    first = "تم الاتفاق على إنهاء المهمة على مرحلتين"
    second = "المرحلة الأولى تبدأ هذا العام وتنتهي العام المقبل"
    body = f'وقال المتحدث كمال يوسف إنه "{first}”، موضحا أن "{second}"'
    doc = make_doc(body, [("كمال يوسف", "PERSON")])
    assert speakers(doc) == [(first, "كمال يوسف"), (second, "كمال يوسف")]


def test_bare_title_after_a_chain_verb_refers_back() -> None:
    body = ("وأشاد وزير الدفاع حسن بكري بدور المركز\n"
            f'وأضاف الوزير، إن "{SAID}"')
    doc = make_doc(body, [("حسن بكري", "PERSON")], roles=[("حسن بكري", "وزير الدفاع", None)])
    assert speakers(doc) == [(SAID, "حسن بكري")]


def test_title_before_the_verb_refers_back() -> None:
    body = ("استقبلت السفيرة التشادية منى صالح الوفد\n"
            f"السفيرة التشادية أكدت أن “{SAID}”")
    doc = make_doc(body, [("منى صالح", "PERSON"), ("تشاد", "GPE")],
                   roles=[("منى صالح", "السفيرة", None)])
    assert speakers(doc) == [(SAID, "منى صالح")]


def test_an_organisation_after_a_title_is_not_the_speaker() -> None:
    body = f'وقال المتحدث باسم تحالف القوى الوطنية: "{SAID}"'
    doc = make_doc(body, [("تحالف القوى الوطنية", "ORG")])
    assert speakers(doc) == [(SAID, None)]


def test_armed_force_statement() -> None:
    body = f'وقالت قوات الدفاع الوطنية في بيان: "{SAID}"'
    doc = make_doc(body, [("قوات الدفاع الوطنية", "FORCE")])
    assert speakers(doc) == [(SAID, "قوات الدفاع الوطنية")]


def test_colon_at_the_end_of_the_previous_paragraph() -> None:
    body = f'وقال الوزير حسن بكري في ختام الاجتماع:\n"{SAID}"'
    doc = make_doc(body, [("حسن بكري", "PERSON")])
    assert speakers(doc) == [(SAID, "حسن بكري")]


def test_went_on_saying_continues_the_speaker() -> None:
    other = "لن نتراجع عن هذا الخيار مهما كانت الضغوط"
    body = f'وقال حسن بكري: "{SAID}"\nومضى قائلا: "{other}"'
    doc = make_doc(body, [("حسن بكري", "PERSON")])
    assert speakers(doc) == [(SAID, "حسن بكري"), (other, "حسن بكري")]


def test_title_with_a_country_adjective_picks_the_minister_of_that_country() -> None:
    body = ("استقبل وزير الدفاع المالي حسن بكري نظيره النيجري سالم توري في العاصمة\n"
            f'وقال الوزير المالي: "{SAID}"')
    doc = make_doc(body, [("حسن بكري", "PERSON"), ("سالم توري", "PERSON")])
    doc.roles = [Role(person=0, title="وزير الدفاع", of_gaz="gpe:mali"),
                 Role(person=1, title="وزير الدفاع", of_gaz="gpe:niger")]
    assert speakers(doc) == [(SAID, "حسن بكري")]


def test_titles_introduced_by_a_title_word_are_not_quotations() -> None:
    body = 'وعقدت الجامعة ندوة بعنوان "الأمن والتنمية في منطقة الساحل والصحراء الكبرى" أمس'
    doc = make_doc(body, [])
    extract_quotes(doc)
    assert doc.quotes == []


@pytest.mark.parametrize("tail", ["على حد قول كمال يوسف", "حسبما قال كمال يوسف", "نقلا عن كمال يوسف"])
def test_attribution_after_the_quote(tail: str) -> None:
    body = f'"{SAID}"، {tail} في المؤتمر'
    doc = make_doc(body, [("كمال يوسف", "PERSON")])
    assert speakers(doc) == [(SAID, "كمال يوسف")]


def test_condemnation_verb_with_a_short_quoted_phrase() -> None:
    body = 'وندد رئيس الحكومة كمال يوسف بـ"الهجوم الجبان" على الثكنة'
    doc = make_doc(body, [("كمال يوسف", "PERSON")])
    assert speakers(doc) == [("الهجوم الجبان", "كمال يوسف")]


def test_title_naming_another_country_is_not_the_known_minister() -> None:
    body = ("أعلن وزير الدفاع المالي حسن بكري زيارة إلى العاصمة\n"
            'وأشاد الوزير النيجري بـ"الروح الإيجابية للمباحثات"')
    doc = make_doc(body, [("حسن بكري", "PERSON")])
    doc.roles = [Role(person=0, title="وزير الدفاع", of_gaz="gpe:mali")]
    assert speakers(doc) == [("الروح الإيجابية للمباحثات", None)]


def test_a_new_unnamed_subject_does_not_inherit_the_previous_speaker() -> None:
    other = "الاتفاق لم يدخل حيز التنفيذ حتى الآن بسبب الخلافات"
    body = (f'وقال حسن بكري: "{SAID}"\nوأضاف الثلاثاء أن "{other}"\n'
            f'وأفادت وسائل الإعلام أن "{other}"\nوتابع: "{SAID}"')
    doc = make_doc(body, [("حسن بكري", "PERSON")])
    assert speakers(doc) == [(SAID, "حسن بكري"), (other, "حسن بكري"), (other, None), (SAID, None)]


def test_an_organisation_after_a_verb_with_an_object_is_not_the_speaker() -> None:
    body = 'وكان حسن بكري قد وصف قوات الحماية الوطنية بأنها "جماعة مسلحة خارجة عن القانون تماما"'
    doc = make_doc(body, [("حسن بكري", "PERSON"), ("قوات الحماية الوطنية", "FORCE")])
    assert speakers(doc) == [("جماعة مسلحة خارجة عن القانون تماما", "حسن بكري")]


def test_a_so_called_name_is_not_a_quotation() -> None:
    body = 'وسيطرت قوات ما يسمى "الحكومة الوطنية المؤقتة في شرق البلاد" على المدينة'
    doc = make_doc(body, [])
    extract_quotes(doc)
    assert doc.quotes == []


def test_chain_continues_the_last_indirect_speaker() -> None:
    other = "لن نتراجع عن هذا الخيار مهما كانت الضغوط"
    body = (f'وقال حسن بكري: "{SAID}"\n'
            "من جهته، أكد سالم توري أن الوضع الأمني مستقر في الشمال\n"
            f'وأضاف: "{other}"')
    doc = make_doc(body, [("حسن بكري", "PERSON"), ("سالم توري", "PERSON")])
    assert speakers(doc) == [(SAID, "حسن بكري"), (other, "سالم توري")]


def test_chain_after_an_unnamed_indirect_speaker_has_no_speaker() -> None:
    other = "لن نتراجع عن هذا الخيار مهما كانت الضغوط"
    body = (f'وقال حسن بكري: "{SAID}"\n'
            "وقال المصدر إن الوضع الأمني مستقر في الشمال\n"
            f'وأضاف: "{other}"')
    doc = make_doc(body, [("حسن بكري", "PERSON")])
    assert speakers(doc) == [(SAID, "حسن بكري"), (other, None)]


def test_title_without_a_role_refers_to_the_person_introduced_by_it() -> None:
    other = "العلاقات بين البلدين تشهد تطورا كبيرا في كل المجالات"
    body = ("التقى الرئيسان التشادي سالم توري والنيجري موسى كوناتي أمس\n"
            f'وقال الرئيس التشادي: "{other}"')
    doc = make_doc(body, [("سالم توري", "PERSON"), ("موسى كوناتي", "PERSON")])
    assert speakers(doc) == [(other, "سالم توري")]


def test_attribution_after_a_quote_that_ends_a_sentence() -> None:
    body = f'"{SAID}." قال كمال يوسف للصحفيين'
    doc = make_doc(body, [("كمال يوسف", "PERSON")])
    doc.sentences = [Span(0, body.index(".") + 2), Span(body.index(".") + 3, len(body))]
    assert speakers(doc) == [(SAID + ".", "كمال يوسف")]


def test_stray_opening_mark_glued_to_a_word_does_not_swallow_the_paragraph() -> None:
    body = f'وقال سامي عادل: "{SAID}". “وأضاف أن الحكومة نشرت عبر “تويتر” صورا للمعدات الجديدة'
    doc = make_doc(body, [("سامي عادل", "PERSON")])
    assert speakers(doc) == [(SAID, "سامي عادل")]


@pytest.mark.parametrize("body, quoted", [
    ('وقال سامي عادل: "نرفض ما يسمى "المجلس المؤقت" جملة وتفصيلا"',
     'نرفض ما يسمى "المجلس المؤقت" جملة وتفصيلا'),
    ("وأكد سامي عادل أن “هذه العملية هي الثالثة خلال معركة “الفتح المبين”.",
     "هذه العملية هي الثالثة خلال معركة “الفتح المبين"),
])
def test_a_quoted_name_inside_a_quotation(body: str, quoted: str) -> None:
    doc = make_doc(body, [("سامي عادل", "PERSON")])
    assert speakers(doc) == [(quoted, "سامي عادل")]


def test_the_cue_is_recorded_as_written() -> None:
    body = f'وأضافَ حسن بكري: "{SAID}"'
    doc = make_doc(body, [("حسن بكري", "PERSON")])
    extract_quotes(doc)
    assert doc.quotes[0].cue == "وأضافَ"


def test_two_people_sharing_a_surname_are_not_one_speaker() -> None:
    body = f'وبعد لقاء عمر الشامسي وموسى الشامسي، قال: "{SAID}"'
    doc = make_doc(body, [("عمر الشامسي", "PERSON"), ("موسى الشامسي", "PERSON")])
    assert speakers(doc) == [(SAID, None)]


@pytest.mark.parametrize("body, speaker", [
    (f'ونقلت وكالة الأنباء عن الوزير حسن بكري قوله إن "{SAID}"', "حسن بكري"),
    (f'ونقلت وكالة الأنباء عن دبلوماسي غربي قوله إن "{SAID}"', None),
    (f'وقال حسن بكري: "{SAID}"\nونقلت وكالة الأنباء عن مصدر قوله إن "{SAID}"', None),
    (f'"{SAID}"، نقلا عن وزارة الدفاع', "وزارة الدفاع"),
])
def test_relayed_quotes_belong_to_the_source_not_the_relay(body: str, speaker: str | None) -> None:
    doc = make_doc(body, [("حسن بكري", "PERSON"), ("وكالة الأنباء", "ORG"), ("وزارة الدفاع", "ORG")])
    assert speakers(doc)[-1] == (SAID, speaker)


def test_chain_after_an_organisation_statement() -> None:
    body = ("وقالت وزارة الدفاع في بيان إن قواتها استعادت السيطرة على المدينة\n"
            f'وأضافت: "{SAID}"')
    doc = make_doc(body, [("وزارة الدفاع", "ORG")])
    assert speakers(doc) == [(SAID, "وزارة الدفاع")]


@pytest.mark.parametrize("body", [
    'ووقع الجانبان على "الاتفاقية الشاملة للتكامل الأمني والازدهار" أمس',
    'وأعلن الجيش إطلاق "عملية الفجر الجديد لتطهير المنطقة" فجر اليوم',
])
def test_quoted_names_of_agreements_and_operations_are_not_quotations(body: str) -> None:
    doc = make_doc(body, [])
    extract_quotes(doc)
    assert doc.quotes == []
