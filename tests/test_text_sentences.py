"""Sentence splitting: Arabic and Latin stops, lines, quotations, abbreviations, decimals, exact spans."""

import pytest

from rasd.text.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("وصل الوفد إلى العاصمة. وبدأت المحادثات.", ["وصل الوفد إلى العاصمة.", "وبدأت المحادثات."]),
    ("هل تستمر الهدنة؟ لا أحد يعرف! الوضع غامض…", ["هل تستمر الهدنة؟", "لا أحد يعرف!", "الوضع غامض…"]),
    ("Is it over? Yes! Done.", ["Is it over?", "Yes!", "Done."]),
    # every line is at least one sentence
    ("عنوان بلا نقطة\n\nنص الخبر الأول. نص ثان", ["عنوان بلا نقطة", "نص الخبر الأول.", "نص ثان"]),
    ("  سطر بمسافات   \r\nسطر آخر  ", ["سطر بمسافات", "سطر آخر"]),
    # quotations
    ("قال الوزير: «سنرد بقوة. ولن نتراجع». وأضاف أن الجيش جاهز.",
     ["قال الوزير: «سنرد بقوة. ولن نتراجع».", "وأضاف أن الجيش جاهز."]),
    ("قال: “الوضع مستقر. والقوات منتشرة” مضيفا أن الهدوء عاد.",
     ["قال: “الوضع مستقر. والقوات منتشرة” مضيفا أن الهدوء عاد."]),
    ('قال: "نعم." وأضاف المتحدث كلاما آخر.', ['قال: "نعم."', "وأضاف المتحدث كلاما آخر."]),
    ("قال «نعم.»، مضيفا أنه سيعود.", ["قال «نعم.»، مضيفا أنه سيعود."]),
    ("كتب »لن ننسحب. أبدا« ثم غادر.", ["كتب »لن ننسحب. أبدا« ثم غادر."]),
    ("قال “بدأنا. ثم غادر القاعة. انتهى", ["قال “بدأنا.", "ثم غادر القاعة.", "انتهى"]),  # unclosed quote
    # abbreviations, initials, decimals, dotted acronyms
    ("التقى د. أحمد مع م. علي في القاهرة. ثم غادر.", ["التقى د. أحمد مع م. علي في القاهرة.", "ثم غادر."]),
    ("قالت أ. ف. ب إن الهجوم وقع. وأضافت.", ["قالت أ. ف. ب إن الهجوم وقع.", "وأضافت."]),
    ("وكالة ج.م.ع للأنباء. تابع", ["وكالة ج.م.ع للأنباء.", "تابع"]),
    ("بلغت النسبة 2.5 بالمئة. وارتفعت.", ["بلغت النسبة 2.5 بالمئة.", "وارتفعت."]),
    ("وصل وفد من U.S. Army إلى القاهرة. ثم غادر.", ["وصل وفد من U.S. Army إلى القاهرة.", "ثم غادر."]),
    ("Dr. Smith met Gen. Lee. They talked.", ["Dr. Smith met Gen. Lee.", "They talked."]),
    ("انتهى العام 2024 م. وبدأ عام جديد.", ["انتهى العام 2024 م.", "وبدأ عام جديد."]),
    ("انظر ص. 12 من التقرير.", ["انظر ص. 12 من التقرير."]),
    # an ellipsis followed by a lower-case continuation stays inside the sentence
    ("He said... and then left. Then.", ["He said... and then left.", "Then."]),
    ("", []),
    ("   \n  ", []),
])
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s.start:s.end] for s in spans] == expected
    for s in spans:
        assert text[s.start:s.end] == text[s.start:s.end].strip()


def test_spans_are_ordered_and_disjoint():
    text = "أ. جملة أولى. «اقتباس. طويل» ثانية!\nسطر ثالث؟ نعم"
    spans = split_sentences(text)
    for a, b in zip(spans, spans[1:], strict=False):
        assert a.end <= b.start
    assert "\n" not in "".join(text[s.start:s.end] for s in spans)


def test_word_before_a_stop_read_backwards_matches_the_pattern() -> None:
    """`_word_start` must find the run the pattern `([\\p{L}\\p{M}.]+)$` finds before each stop."""
    import regex

    from rasd.text.sentences import _word_start

    pattern = regex.compile(r"([\p{L}\p{M}.]+)$")
    line = "قال د. أحمد إن ج.م.ع. وU.S. وقّعتا 2.5 م. اتفاقًا... ثم غادر.\n"
    for dot in range(len(line)):
        m = pattern.search(line[:dot])
        assert _word_start(line, dot) == (m.start() if m else dot)
