"""Sentence mending before event extraction: cuts where no sentence can end."""

from rasd.events.mend import mend_sentences
from rasd.model import Span
from rasd.text.sentences import split_sentences


def _mend(body: str) -> list[str]:
    return [body[s.start:s.end] for s in mend_sentences(body, split_sentences(body))]


def test_a_complement_clause_cannot_open_a_sentence() -> None:
    body = "وقال بيان الحركة. إن مسلحيها سيطروا على الجسر بعد اشتباكات استمرت ساعات."
    assert len(_mend(body)) == 1


def test_a_bare_count_keeps_its_counted_noun() -> None:
    body = "أعلنت الحكومة أنها تسلمت اثنتين. مدرعات خفيفة من طراز جديد من بلغراد."
    assert len(_mend(body)) == 1


def test_ordinary_sentences_stay_apart() -> None:
    body = "وصل الوفد إلى العاصمة. وبحث الوزيران التعاون. بلغ عدد الجرحى 12. وأضاف المسؤول أن الوضع هادئ."
    assert len(_mend(body)) == 4


def test_item_noun_after_a_full_stop_is_not_joined_without_a_count() -> None:
    body = "اختتمت المناورات أمس. طائرات الشحن عادت إلى قواعدها."
    assert len(_mend(body)) == 2


def test_not_joined_across_lines() -> None:
    body = "أعلن المتحدث الرسمي.\nان القوات انسحبت."
    spans = [Span(0, 20), Span(21, len(body))]
    assert mend_sentences(body, spans) == spans


def test_a_partitive_noun_keeps_its_counted_noun() -> None:
    body = "وقالت الوزارة إنها استلمت شحنة. ذخائر مدفعية من مصنع محلي."
    assert len(_mend(body)) == 1
