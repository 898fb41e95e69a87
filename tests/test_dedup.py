"""Near-duplicate detection marks copies and leaves different stories alone."""

from rasd.dedup import mark_duplicates, shingles
from rasd.model import Document
from rasd.settings import Options
from rasd.text.normalize import normalize_key

STORY = (
    "أعلنت وزارة الدفاع في بيان صدر اليوم أن الجيش تسلم دفعة جديدة من المركبات المدرعة "
    "ضمن اتفاق التعاون العسكري الموقع العام الماضي، وأوضح البيان أن الشحنة وصلت إلى الميناء "
    "الرئيسي صباح الثلاثاء وأن وحدات الهندسة بدأت نقلها إلى القواعد الشمالية. وقال المتحدث باسم "
    "الوزارة إن التدريب على المعدات الجديدة سيبدأ الشهر المقبل بمشاركة خبراء أجانب."
)
OTHER = (
    "عقدت اللجنة الاقتصادية المشتركة اجتماعها السنوي في العاصمة لبحث زيادة التبادل التجاري "
    "في مجالات الزراعة والطاقة والنقل، واتفق الجانبان على تشكيل فرق عمل فنية تقدم تقاريرها خلال "
    "ستة أشهر، كما ناقشا تسهيل إجراءات التأشيرات لرجال الأعمال وإقامة معرض دائم للمنتجات الوطنية."
)


def _doc(doc_id: str, body: str) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", body=body)


def test_light_edit_is_a_duplicate_of_the_earlier_copy():
    edited = STORY.replace("صباح الثلاثاء", "صباح يوم الثلاثاء").replace("وقال", "وأضاف") + " (وكالات)"
    docs = [_doc("a", STORY), _doc("b", OTHER), _doc("c", edited)]
    mark_duplicates(docs, Options())
    assert docs[2].duplicate_of == "a"
    assert docs[0].duplicate_of is None and docs[1].duplicate_of is None


def test_copy_of_a_copy_points_to_the_original():
    docs = [_doc("a", STORY), _doc("b", STORY + " تابعونا"), _doc("c", STORY + " المزيد")]
    mark_duplicates(docs, Options())
    assert docs[1].duplicate_of == "a" and docs[2].duplicate_of == "a"


def test_harakat_and_spelling_variants_do_not_hide_a_copy():
    variant = STORY.replace("أعلنت", "اعلنت").replace("الجيش", "الجَيش")
    docs = [_doc("a", STORY), _doc("b", variant)]
    mark_duplicates(docs, Options())
    assert docs[1].duplicate_of == "a"


def test_short_texts_and_different_stories_are_not_duplicates():
    docs = [_doc("a", "خبر قصير"), _doc("b", "خبر قصير"), _doc("c", OTHER), _doc("d", STORY)]
    mark_duplicates(docs, Options())
    assert all(d.duplicate_of is None for d in docs)


def test_shingles_are_normalised():
    assert shingles("أعلنت الوزارة", 5) == shingles("اعلنت الوزارة", 5)


def test_incremental_index_remembers_earlier_batches():
    first = [_doc("a", STORY)]
    index = mark_duplicates(first, Options())
    later = [_doc("b", OTHER), _doc("c", STORY + " المزيد")]
    mark_duplicates(later, Options(), index=index)
    assert later[1].duplicate_of == "a" and later[0].duplicate_of is None


def _joined_shingles(text: str, size: int) -> set[bytes]:
    """The shingles as word joins: what the byte slicing must reproduce."""
    words = normalize_key(text).split()
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def test_shingles_are_the_word_joins_at_every_length():
    texts = ["", "  ،، ", "خبر", "خبر قصير", STORY, OTHER, STORY + " " + STORY,
             "أ\u00a0ب\u2028ت  ث، ج. ح خ د ذ"]
    for text in texts:
        for size in (1, 2, 5, 8):
            assert shingles(text, size) == _joined_shingles(text, size), (text[:20], size)
