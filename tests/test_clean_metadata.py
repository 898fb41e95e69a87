"""Metadata rules on lines we write: datelines, outlets, credited agencies, original URLs."""

from __future__ import annotations

import pytest

from rasd.clean.credits import caption_credits, inline_credits, original_url_in, source_line_credits
from rasd.clean.dates import dateline_value, lead_date, parse_stated_date
from rasd.clean.lines import is_paragraph
from rasd.clean.outlet import outlet_from_copyright


@pytest.mark.parametrize("line, edtf", [
    ("19 أغسطس 2023، 9:40 م", "2023-08-19T21:40"),
    ("١٩ أغسطس ٢٠٢٣، ٩:٤٠ م", "2023-08-19T21:40"),
    ("12 تموز 2024، 10:15 ص", "2024-07-12T10:15"),
    ("3 جويلية 2023", "2023-07-03"),
    ("15 يوليوز 2022 - 12:05 ص", "2022-07-15T00:05"),
    ("آخر تحديث: 18/07/2025 - 3:36 م", "2025-07-18T15:36"),
    ("• 4-11-2024 | 22:22", "2024-11-04T22:22"),
    ("2020-01-02 | 09:46", "2020-01-02T09:46"),
    ("الثلاثاء 2024/09/17", "2024-09-17"),
    ("نشر في 5 كانون الثاني 2021", "2021-01-05"),
    ("الأحد 9 مارس 2025 - 12:30 مساءً", "2025-03-09T12:30"),
    ("نشر في: 19 أغسطس ,2023: 09:40 م GST", "2023-08-19T21:40"),  # a time the date parser leaves apart
    ("نشر في: 19 أغسطس 2023 - 09:40 م بتوقيت الدوحة", "2023-08-19T21:40"),
])
def test_datelines(line, edtf):
    assert dateline_value(line) == edtf


@pytest.mark.parametrize("line", [
    "جميع الحقوق محفوظة © 2024",  # a copyright year is not a date
    "وقعت الحكومة في 4 يوليو 2024 اتفاقية مع روسيا لتوريد القمح والوقود إلى البلاد.",  # a sentence
    "عام 2023",
    "تشاد تفتتح مصنعا جديدا للأسلحة الخفيفة",
])
def test_not_datelines(line):
    assert dateline_value(line) is None


def test_month_day_order_and_impossible_dates():
    assert parse_stated_date("13/05/2024") == "2024-05-13"
    assert parse_stated_date("05/13/2024") == "2024-05-13"
    assert parse_stated_date("40 يوليو 2024") is None


@pytest.mark.parametrize("line, outlet", [
    ("جميع الحقوق محفوظة ©️ 2024 شركة الأفق ميديا - Alofoq Media FZ LLC", "الأفق ميديا"),
    ("© 2023 صحيفة النهار", "صحيفة النهار"),
    ("جميع الحقوق محفوظة لموقع الخبر اليوم 2020 - 2024", "الخبر اليوم"),
    ("Copyright © 2024 Sahel News. All rights reserved.", "Sahel News"),
    ("جميع الحقوق محفوظة لهسبريس 2024", "هسبريس"),
    ("جميع الحقوق محفوظة للمؤسسة العربية للإعلام", "المؤسسة العربية للإعلام"),
    ("جميع الحقوق محفوظة", None),
])
def test_outlet_from_copyright(line, outlet):
    assert outlet_from_copyright(line) == outlet


@pytest.mark.parametrize("line, names", [
    ("المصدر: AFP", ["AFP"]),
    ("المصدر وكالات", ["وكالات"]),
    ("المصدر: رويترز / أ ف ب", ["رويترز", "أ ف ب"]),
    ("مصدر مطلع قال ذلك", None),  # a sentence, not a credit
    ("المصدر: https://example.org/a", None),  # a link is an original URL, not a source
])
def test_source_lines(line, names):
    assert source_line_credits(line) == names


def test_caption_credits():
    assert caption_credits("جنود في الشمالالمصدر: رويترز") == ["رويترز"]
    assert caption_credits("عربات مدرعة في العاصمة (أ ف ب)") == ["أ ف ب"]
    assert caption_credits("وزير الدفاع في مؤتمر صحفي (أرشيف)") is None


def test_inline_credits():
    text = ('قال الجيش (أ ف ب) إن القوات انسحبت، وفق ما ذكرته وكالة أنباء "النهر" الإقليمية '
            "ونقلته وكالة الأنباء الرسمية الوطنية ووكالة رويترز.")
    assert inline_credits(text) == ["أ ف ب", "النهر", "وكالة الأنباء الوطنية", "رويترز"]
    assert inline_credits("زار الوفد الوكالة الدولية للطاقة الذرية في فيينا.") == []
    assert inline_credits("وصلت الطائرات إلى القاعدة في مراكش (و م ع).") == ["و م ع"]


def test_original_url_markers():
    assert original_url_in("أصل الخبر", "https://example.org/x?id=1") == "https://example.org/x?id=1"
    assert original_url_in("المصدر الأصلي: https://example.org/y", None) == "https://example.org/y"
    assert original_url_in("رابط الخبر الأصلي", "نص بلا رابط") is None
    assert original_url_in("خبر عادي", "https://example.org/z") is None


@pytest.mark.parametrize("line, expected", [
    ("وقعت حكومة النيجر يوم الجمعة اتفاقية مع شركة تركية لشراء طائرات مسيرة.", True),
    ("النيجر توقع اتفاقية لشراء طائرات مسيرة من تركيا", False),  # headline: no final stop
    ("كلام الأمين خطاب القائد لبنان فلسطين عربي ودولي إيران منوعات رياضة تحقيقات ومقابلات صور فيديو "
     "إنفوغراف كاريكاتير أرشيف اتصل بنا", False),  # flattened menu: no function words
    ('وقال: "نعم".', False),  # too short to be sure
    ("النيجر تتسلم طائرات مسيرة «من» تركيا ضمن صفقة عسكرية كبيرة جديدة.", True),  # quoted من
    ("وقعت حكومة النيجر يوم الجمعة اتفاقية مع شركة تركية لشراء طائرات مسيرة. (أ ف ب)", True),  # credited
    ("النيجر تتسلم طائرات مسيرة وعربات مدرعة ورادارات جديدة ضمن صفقة عسكرية كبيرة.", False),  # none
])
def test_paragraph_test(line, expected):
    assert is_paragraph(line, len(line.split())) is expected


@pytest.mark.parametrize("lead, edtf", [
    ("date 2025-09-17 وقعت الحكومة اتفاقية جديدة مع الشركاء", "2025-09-17"),  # a scraper's label
    ("19 أغسطس 2023 - أعلنت الحكومة خطة جديدة للتعاون", "2023-08-19"),  # an agency-style dateline
    ("في 4 يوليو 2024، وقعت الحكومة اتفاقية", None),  # the date of an event, not of the page
    ("7 يوليو 2024 أعلنت الحكومة خطة", None),
    ("أعلنت الحكومة في 7 يوليو 2024 - خطة", None),
])
def test_lead_dates(lead, edtf):
    assert lead_date(lead) == edtf
