"""Cleaning a scraped text page: every kind of page furniture goes, the article and its subheadings stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.clean import build_document
from rasd.model import Source
from rasd.settings import Options

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGE = FIXTURES / "page_with_furniture.txt"

BODY = [
    "وقعت حكومة النيجر يوم الجمعة اتفاقية مع شركة تركية لشراء عدد من الطائرات المسيرة المسلحة، "
    "في إطار خطة لتحديث قدرات الجيش.",
    "وقال وزير الدفاع في بيان إن الاتفاقية تشمل تدريب الطيارين والفنيين على تشغيل الطائرات وصيانتها "
    "خلال العام المقبل.",
    "تفاصيل الصفقة",
    "وأوضح البيان أن قيمة الصفقة لم تعلن، لكن مصادر مطلعة قالت إنها تشمل ست طائرات على الأقل "
    "مع منظومات التحكم الأرضية.",
    "وكانت النيجر قد عززت تعاونها العسكري مع عدة دول خلال العامين الماضيين، بحسب ما نقلته وكالة رويترز "
    "عن مسؤولين.",
    "وأكد مسؤول في الرئاسة أن الطائرات الأولى ستصل قبل نهاية العام الجاري.",
]


def clean(content: str, fmt: str = "text"):
    return build_document(Source(path="page.txt", content=content, fmt=fmt), Options())


@pytest.fixture(scope="module")
def page():
    return clean(PAGE.read_text(encoding="utf-8"))


def test_body_is_the_article_only(page):
    assert page.body.split("\n") == BODY


@pytest.mark.parametrize("furniture", [
    "الرئيس يصل إلى العاصمة في زيارة مفاجئة",  # ticker headline after عاجل
    "logo", "سياسة", "اقتصاد", "الرئيسية / أخبار / سياسة",  # menus and section labels
    "طائرة مسيرة خلال عرض عسكري في نيامي",  # photo caption
    "12 تموز 2024",  # dateline
    "مالي تتسلم شحنة جديدة من المعدات العسكرية",  # related-article headline
    "Sahel-Photo",  # lone Latin photo credit
    "المصدر", "أصل الخبر", "example.org",  # source credit and original-article link
    "اترك تعليقاً", "بريدك الإلكتروني",  # comment form
    "شارك هذا المقال", "تابعونا على",  # share/follow
    "تشاد تعلن حالة الطوارئ", "السودان: معارك",  # sidebar after "most read"
    "زر الذهاب", "جميع الحقوق محفوظة",  # back-to-top, copyright
])
def test_furniture_is_not_in_the_body(page, furniture):
    assert furniture not in page.body


def test_headline_is_the_title_once(page):
    assert page.title == "النيجر توقع اتفاقية لشراء طائرات مسيرة من تركيا"
    assert page.title not in page.body


def test_metadata_of_the_page(page):
    assert page.published == "2024-07-12T10:15"
    assert page.outlet == "الأفق ميديا"
    assert page.original_url == "https://example.org/news/niger-drones-123"
    assert page.cited_sources == ["أ ف ب", "رويترز", "وكالات"]  # in page order
    assert page.language == "ar"


def test_body_lines_keep_their_text_exactly():
    content = "عنوان الخبر هنا بكلمات قليلة\n\n   " + BODY[0] + "   \n\n" + BODY[1] + "\n"
    doc = clean(content)
    assert doc.body == BODY[0] + "\n" + BODY[1]
    assert doc.title == "عنوان الخبر هنا بكلمات قليلة"


def test_subheading_between_paragraphs_stays_but_trailing_headlines_go():
    content = "\n".join([BODY[0], "عنوان فرعي داخل المقال", BODY[1], "", "التعليقات",
                         "خبر آخر لا علاقة له بالمقال", "عنوان ثالث في الشريط الجانبي"])
    assert clean(content).body.split("\n") == [BODY[0], "عنوان فرعي داخل المقال", BODY[1]]


def test_related_block_in_the_middle_is_skipped_and_the_article_resumes():
    content = "\n".join([BODY[0], "أخبار ذات علاقة", "عنوان مقال آخر من الموقع", BODY[1], BODY[3]])
    assert clean(content).body.split("\n") == [BODY[0], BODY[1], BODY[3]]


def test_glued_caption_credit_is_metadata():
    content = "\n".join(["عنوان الخبر عن الجيش والحدود", "جنود على الحدودالمصدر: رويترز", BODY[0], BODY[1]])
    doc = clean(content)
    assert doc.cited_sources == ["رويترز"]
    assert "المصدر" not in doc.body
    assert doc.title == "عنوان الخبر عن الجيش والحدود"


def test_page_without_a_date_has_none_even_with_a_copyright_year():
    content = "\n".join(["عنوان الخبر عن الجيش والحدود", BODY[0], BODY[1], "© 2023 موقع الساحل اليوم"])
    doc = clean(content)
    assert doc.published is None
    assert doc.outlet == "الساحل اليوم"


def test_id_is_a_stable_hash_of_the_body():
    first, second = clean("عنوان\n" + BODY[0]), clean("عنوان آخر\n" + BODY[0])
    assert first.id == second.id and len(first.id) == 16
    assert int(first.id, 16) >= 0
    assert clean("عنوان\n" + BODY[1]).id != first.id


def test_html_page_through_trafilatura():
    doc = clean((FIXTURES / "article.html").read_text(encoding="utf-8"), fmt="html")
    assert doc.title == "تشاد تستقبل دفعة من العربات المدرعة"
    assert doc.published == "2024-03-05T09:30"
    assert doc.outlet == "الأفق"
    assert doc.cited_sources == ["رويترز"]
    assert doc.body.split("\n")[0].startswith("تسلم الجيش التشادي")
    assert len(doc.body.split("\n")) == 3
    for furniture in ("الرئيسية", "رياضة", "النيجر توقع", "جميع الحقوق", "المصدر"):
        assert furniture not in doc.body


def test_html_copyright_year_is_not_a_publication_date():
    html = ("<html><head><title>خبر</title></head><body><article><h1>خبر عن الجيش</h1>"
            f"<p>{BODY[0]}</p><p>{BODY[1]}</p></article><footer>© 2021 الموقع</footer></body></html>")
    assert clean(html, fmt="html").published is None


def test_language_of_non_arabic_bodies():
    english = "The army received a new batch of armoured vehicles on Tuesday, the spokesman said."
    french = "L'armée a reçu mardi un nouveau lot de véhicules blindés, a déclaré le porte-parole."
    assert clean(english).language == "en"
    assert clean(french).language == "fr"


def test_html_dateline_and_footer_outlet_when_the_markup_has_neither():
    html = ("<html><head><title>خبر</title></head><body><nav><a>الرئيسية</a> <a>العالم</a></nav>"
            "<h1>مالي تعلن خطة جديدة للتعاون</h1><div><span>كتب: محمد علي</span> "
            "<span>19 أغسطس 2023، 9:40 م</span></div>"
            f"<article><p>{BODY[0]}</p><p>{BODY[1]}</p><p>وأضاف: نعم.</p></article>"
            "<footer><p>جميع الحقوق محفوظة © 2024 شركة الخبر ميديا</p></footer></body></html>")
    doc = clean(html, fmt="html")
    assert doc.title == "مالي تعلن خطة جديدة للتعاون"
    assert (doc.published, doc.outlet) == ("2023-08-19T21:40", "الخبر ميديا")
    assert doc.body.split("\n") == [BODY[0], BODY[1], "وأضاف: نعم."]  # a short last paragraph stays


def test_byline_is_neither_title_nor_body_and_a_dated_byline_gives_the_date():
    content = "\n".join(["الجيش يتسلم دفعة جديدة من العربات", "كتب: سامي عبد الرحمن الحسيني",
                         "كتب: سامي | 3 آذار 2023 - 09:10", BODY[0], BODY[1], "الوسوم: الجيش النيجر تركيا"])
    doc = clean(content)
    assert doc.title == "الجيش يتسلم دفعة جديدة من العربات"
    assert doc.published == "2023-03-03T09:10"
    assert doc.body.split("\n") == [BODY[0], BODY[1]]


def test_nothing_after_a_comments_header_is_article_text():
    comment = "هذا خبر مهم جدا ويجب على الحكومة أن تتحرك بسرعة قبل فوات الأوان في المنطقة."
    content = "\n".join([BODY[0], BODY[1], "التعليقات", comment, "الأكثر قراءة", BODY[3]])
    assert clean(content).body.split("\n") == [BODY[0], BODY[1]]


def test_a_comments_link_above_the_article_does_not_end_it():
    content = "\n".join(["أضف تعليق", "عنوان الخبر عن الجيش والحدود", BODY[0], BODY[1]])
    assert clean(content).body.split("\n") == [BODY[0], BODY[1]]


def test_teasers_under_related_headlines_do_not_resume_the_article():
    teaser = "أعلنت الحكومة في بيان رسمي أنها ستبدأ تنفيذ خطة جديدة لتطوير قطاع النقل في البلاد..."
    content = "\n".join([BODY[0], "اقرأ أيضا", "خطة جديدة للنقل", teaser, BODY[1]])
    assert clean(content).body.split("\n") == [BODY[0], BODY[1]]


def test_question_headline_and_paragraph_ending_with_an_agency_credit():
    ending = "وأكد الجيش أن العملية انتهت بنجاح وأن القوات عادت إلى قواعدها في الشمال. (رويترز)"
    content = "\n".join(["عاجل: زلزال يضرب المنطقة", "هل تنجح الحكومة في إعادة الأمن إلى الشمال؟",
                         BODY[0], BODY[1], ending, "المصادر: وكالات"])
    doc = clean(content)
    assert doc.title == "هل تنجح الحكومة في إعادة الأمن إلى الشمال؟"
    assert doc.body.split("\n") == [BODY[0], BODY[1], ending]
    assert doc.cited_sources == ["رويترز", "وكالات"]


def test_a_headline_repeated_as_a_sentence_is_still_the_headline():
    headline = "وقعت الحكومة اتفاقية مع تركيا لشراء طائرات مسيرة."
    content = "\n".join([headline, "", headline, BODY[0], BODY[1]])
    doc = clean(content)
    assert doc.title == headline and doc.body.split("\n") == [BODY[0], BODY[1]]


def test_headline_above_its_deck_caption_with_photo_credit_and_inline_read_also():
    doc = clean((FIXTURES / "page_with_deck.txt").read_text(encoding="utf-8"))
    assert doc.title == "الجزائر تعلن تعزيز قواتها على الحدود الجنوبية"
    assert doc.published == "2024-04-03"
    assert doc.outlet == "شبكة الجزيرة الإعلامية"
    assert doc.cited_sources == ["الفرنسية", "الجزيرة", "وكالات"]
    body = doc.body.split("\n")
    assert len(body) == 5 and body[2] == "مخاوف أمنية"
    for furniture in ("صورة أرشيفية", "اقرأ أيضا", "كلمات مفتاحية", "الأكثر قراءة", "تشاد", "شارك"):
        assert furniture not in doc.body


def test_flattened_tweet_embed_is_not_body():
    tweet = ("The minister met his counterpart today to sign the agreement. pic.twitter.com/AbCdEf123 "
             "— Ministry (@SomeMinistry) March 3, 2024")
    content = "\n".join(["عنوان الخبر عن الجيش والحدود", BODY[0], tweet, BODY[1]])
    assert clean(content).body.split("\n") == [BODY[0], BODY[1]]


def test_a_lone_agency_line_is_a_credit():
    content = "\n".join(["عنوان الخبر عن الجيش والحدود", BODY[0], BODY[1], "(أ ف ب)"])
    doc = clean(content)
    assert doc.body.split("\n") == [BODY[0], BODY[1]] and doc.cited_sources == ["أ ف ب"]


def test_byline_without_colon_related_topics_and_comment_form():
    doc = clean((FIXTURES / "page_with_byline.txt").read_text(encoding="utf-8"))
    assert doc.title == "مصر تستقبل وفدا عسكريا من الصومال لبحث التعاون الدفاعي"
    assert (doc.published, doc.outlet) == ("2024-08-14T16:30", "اليوم السابع")
    assert len(doc.body.split("\n")) == 3
    for furniture in ("كتب أحمد", "وزير الدفاع يلتقي", "Trending", "تعليق", "الاسم"):
        assert furniture not in doc.body
