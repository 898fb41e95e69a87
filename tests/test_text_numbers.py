"""Quantities: digits, words, duals, multipliers, approximations; designations and calibres are not counts."""

import pytest

from rasd.text.numbers import find_quantities, parse_number


@pytest.mark.parametrize("text, value", [
    ("2500", 2500), ("1,500", 1500), ("١٬٥٠٠", 1500), ("٢٥", 25), ("2.5", 2.5), ("٢٫٥", 2.5),
    ("واحد", 1), ("ثلاث", 3), ("ثلاثة", 3), ("عشرة", 10),
    ("اثنا عشر", 12), ("اثنتا عشرة", 12), ("اثني عشر", 12), ("أحد عشر", 11), ("ثلاثة عشر", 13),
    ("خمسة وعشرون", 25), ("تسعة وتسعون", 99), ("ثمانون", 80), ("ثمانين", 80),
    ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("ثلاثمائة", 300), ("ثلاث مئة", 300),
    ("مئة وخمسون", 150), ("ألف", 1000), ("ألفان", 2000), ("ثلاثة آلاف", 3000),
    ("خمسمائة ألف", 500000), ("مليون", 1e6), ("مليون ومئتا ألف", 1.2e6), ("ثلاثة ملايين", 3e6),
    ("مليار", 1e9), ("25 ألف", 25000), ("1.5 مليار", 1.5e9), ("عشرات", 10), ("طائرتين", 2),
    ("نصف مليون", 5e5), ("ربع مليون", 2.5e5), ("ألفي", 2000), ("العشرات", 10), ("نصف", None),
    ("لا أرقام هنا", None), ("أحد الجنود", None), ("", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, expected", [
    # (text, value, approximate, unit_text, kind)
    ("نشرت الحكومة 2500 جندي على الحدود", [("2500 جندي", 2500, False, "جندي", "count")]),
    ("تسلم الجيش ٣٠ دبابة", [("٣٠ دبابة", 30, False, "دبابة", "count")]),
    ("وصلت ثلاث طائرات إلى المطار", [("ثلاث طائرات", 3, False, "طائرات", "count")]),
    ("تضم الصفقة اثنتي عشرة مروحية", [("اثنتي عشرة مروحية", 12, False, "مروحية", "count")]),
    ("وصلت شحنة من 25 ألف طن من القمح", [("25 ألف طن", 25000, False, "طن", "measure")]),
    ("بقيمة 1.5 مليار دولار", [("1.5 مليار دولار", 1.5e9, False, "دولار", "money")]),
    ("ارتفعت الصادرات بنسبة 13% خلال الربع", [("13%", 13, False, "%", "percent")]),
    ("ارتفعت الصادرات 7 في المئة", [("7 في المئة", 7, False, "في المئة", "percent")]),
    # approximate markers: value is the stated number or the lower bound
    ("أرسلت نحو 400 عنصر", [("400 عنصر", 400, True, "عنصر", "count")]),
    ("قتل حوالي 30 مسلحا", [("30 مسلحا", 30, True, "مسلحا", "count")]),
    ("يتمركز هناك أكثر من 1000 مقاتل", [("1000 مقاتل", 1000, True, "مقاتل", "count")]),
    ("كلف ما يزيد على 300 مليون دولار", [("300 مليون دولار", 3e8, True, "دولار", "money")]),
    ("وصل 50 مدربا تقريبا", [("50 مدربا", 50, True, "مدربا", "count")]),
    ("قتل عشرات الجنود في الهجوم", [("عشرات الجنود", 10, True, "الجنود", "count")]),
    ("نزح مئات الآلاف من السكان", [("مئات الآلاف من السكان", 100000, True, "السكان", "count")]),
    ("وصل 500 من الجنود", [("500 من الجنود", 500, False, "الجنود", "count")]),
    ("وصل 5 من موسكو", [("5", 5, False, None, "count")]),
    ("تظاهر آلاف الطلاب", [("آلاف الطلاب", 1000, True, "الطلاب", "count")]),
    # duals of counted nouns
    ("تسلمت القوات طائرتين حربيتين", [("طائرتين حربيتين", 2, False, "طائرتين حربيتين", "count")]),
    ("شملت الدفعة طائرتي هليكوبتر", [("طائرتي", 2, False, "طائرتي", "count")]),
    ("أسقطت الدفاعات مروحيتين", [("مروحيتين", 2, False, "مروحيتين", "count")]),
    ("استهدف القصف قاعدتين جويتين", [("قاعدتين جويتين", 2, False, "قاعدتين جويتين", "count")]),
    ("أطلق صاروخين باتجاه السفينة", [("صاروخين", 2, False, "صاروخين", "count")]),
    ("استمرت المفاوضات شهرين", [("شهرين", 2, False, "شهرين", "duration")]),
    ("وبالطائرتين وصل الوفد", [("الطائرتين", 2, False, "الطائرتين", "count")]),
    # look-alikes of duals are not quantities
    ("قال المسلحين التي بين لبنان وإيران والصين وباكستان إن الدين حتى", []),
    ("أكد المقاتلين والمتمردين والناشطين ويأتي ذلك يتعين تأمين القوانين", []),
    # designations, identifiers and calibres are marked, not counted
    ("دبابات T-72B3 ومروحيات Mi-35B", [("T-72B3", 72, False, None, "designation"),
                                        ("Mi-35B", 35, False, None, "designation")]),
    ("منظومة إس-400 الروسية", [("إس-400", 400, False, None, "designation")]),
    ("منظومة إس 300 الروسية", [("300", 300, False, None, "designation")]),
    ("بموجب القرار 2719 نشر المجلس", [("2719", 2719, False, None, "designation")]),
    ("مدفع مضاد للطائرات عيار 57 ملم", [("57 ملم", 57, False, "ملم", "calibre")]),
    ("قذائف 155 ملم", [("155 ملم", 155, False, "ملم", "calibre")]),
    # numbers inside dates: the year is marked, the day and the clock time are not quantities
    ("في 4 يوليو 2024 الساعة 8:35 وصل 5 خبراء", [("2024", 2024, False, None, "year"),
                                                 ("5 خبراء", 5, False, "خبراء", "count")]),
    ("ارتفع العدد إلى ما بين 2500 و 3000 بحلول عام 2023", [("2500", 2500, False, None, "count"),
                                                        ("3000", 3000, False, None, "count"),
                                                        ("2023", 2023, False, None, "year")]),
    ("وتأتي التصريحات مع شركاء آخرين", []),
    ("قتل 5 وأصيب 7 آخرون", [("5", 5, False, None, "count"), ("7 آخرون", 7, False, "آخرون", "count")]),
])
def test_find_quantities(text, expected):
    found = find_quantities(text)
    assert [(q.text, q.value, q.approximate, q.unit_text, q.kind) for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.text


def test_offsets_exact_with_clitics_and_indic_digits():
    text = "وثلاثة آلاف صاروخ، و٢٬٥٠٠ جندي"
    found = find_quantities(text)
    assert [(q.text, q.value) for q in found] == [("ثلاثة آلاف صاروخ", 3000), ("٢٬٥٠٠ جندي", 2500)]
    for q in found:
        assert text[q.start:q.end] == q.text
