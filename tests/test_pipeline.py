"""The pipeline end to end on pages written for the test."""

import json

from rasd.kb.writer import kb_to_dict
from rasd.pipeline import analyze

PAGE = """الرئيسية
أخبار

وزير الدفاع يبحث مع نظيره التعاون العسكري

بحث وزير الدفاع النيجري مع نظيره التركي في أنقرة سبل تعزيز التعاون العسكري بين البلدين، وفق بيان رسمي.

وقال الوزير إن بلاده تسلمت دفعة جديدة من الطائرات المسيرة التركية خلال الشهر الماضي في إطار اتفاق سابق.

جميع الحقوق محفوظة
"""


def test_two_files_with_one_article_get_distinct_ids_and_the_copy_is_marked(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")
    kb = kb_to_dict(analyze([str(tmp_path)]))
    ids = [d["id"] for d in kb["documents"]]
    assert len(ids) == 2 and len(set(ids)) == 2
    first, second = kb["documents"]
    assert second["duplicate_of"] == first["id"] and first["duplicate_of"] is None


def test_every_span_of_the_kb_points_into_its_body(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    kb = kb_to_dict(analyze([str(tmp_path / "a.txt")]))
    bodies = {d["id"]: d["body"] for d in kb["documents"]}
    for entity in kb["entities"]:
        for m in entity["mentions"]:
            assert bodies[m["doc"]][m["start"]:m["end"]] == m["text"]
    for event in kb["events"]:
        for x in event["evidence"]:
            assert bodies[x["doc"]][x["start"]:x["end"]] == x["text"]
    for q in kb["quotes"]:
        assert q["text"] in bodies[q["doc"]][q["start"]:q["end"]]
    json.dumps(kb, ensure_ascii=False)  # serialisable
    assert kb["entities"], "the page names a ministry, countries and a capital"


def test_workers_give_the_same_kb_as_one_process(tmp_path):
    from rasd.settings import Options

    for i in range(6):
        (tmp_path / f"p{i}.txt").write_text(PAGE.replace("أنقرة", ["باماكو", "نيامي", "القاهرة"][i % 3]),
                                            encoding="utf-8")
    one = kb_to_dict(analyze([str(tmp_path)], Options()))
    two = kb_to_dict(analyze([str(tmp_path)], Options().replace(workers=2)))
    assert one == two


def test_a_failing_stage_skips_that_document_and_names_it(tmp_path, monkeypatch):
    import rasd.pipeline as pipeline_module

    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE.replace("أنقرة", "باماكو"), encoding="utf-8")
    real = pipeline_module.Pipeline.__call__

    def broken(self, doc):
        if doc.path.endswith("b.txt"):
            raise ValueError("boom")
        return real(self, doc)

    monkeypatch.setattr(pipeline_module.Pipeline, "__call__", broken)
    kb = analyze([str(tmp_path)])
    assert [d.path.rsplit("/", 1)[-1] for d in kb.documents] == ["a.txt"]
    assert len(kb.failures) == 1 and "b.txt" in kb.failures[0] and "boom" in kb.failures[0]
