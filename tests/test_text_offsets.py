"""Whatever the input, the text layer never crashes and every span points exactly into the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.dates import find_dates, parse_datetime
from rasd.text.numbers import find_quantities, parse_number
from rasd.text.sentences import split_sentences

# pieces that exercise the hard cases: clitics, harakat, tatweel, Indic digits, quotes, stops
PIECES = ["في", "و", "عام", "2024", "٢٠٢٤", "4", "يوليو", "تموز", "الماضي", "الجاري", "نهاية", "مطلع",
          "الأربعاء", "أمس", "ألف", "ثلاثة", "وعشرون", "عشرات", "طائرتين", "T-72B3", "إس-400", "عيار",
          "57", "ملم", "نحو", "1,500", "٢٫٥", "%", "دولار", "جندي", "د.", "U.S.", "«", "»", "“", "”", '"',
          ".", "؟", "!", "…", "..", "،", ":", "\n", " ", "ـ", "َ", "ً", "8:35", "م", "/", "-", "بين", "عامي"]

texts = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join) | st.text(max_size=60)


@settings(max_examples=80, deadline=None)
@given(texts)
def test_spans_are_exact_and_nothing_crashes(text):
    for d in find_dates(text, "2024-07-07"):
        assert text[d.start:d.end] == d.text and d.text.strip() == d.text and d.edtf
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text and q.value >= 0
    previous_end = 0
    for s in split_sentences(text):
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        previous_end = s.end
    parse_datetime(text)
    parse_number(text)


@settings(max_examples=30, deadline=None)
@given(texts)
def test_every_non_blank_line_is_covered(text):
    spans = split_sentences(text)
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            assert any(offset <= s.start < offset + len(line) for s in spans)
        offset += len(line)
