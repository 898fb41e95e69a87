"""CoNLL files and the bridge from rasd mentions to BIO labels, on snippets written for these tests."""

from __future__ import annotations

import pytest

from rasd.errors import InputError
from rasd.model import Document, Mention
from rasd.ner.conll import (
    Sentence,
    bio_to_spans,
    conll_type,
    entity_scores,
    format_conll,
    join_tokens,
    mention_labels,
    mention_tags,
    merge_labels,
    parse_conll,
    propagate_labels,
    read_conll,
    rule_labels,
    spans_to_bio,
    tag_label,
)

SNIPPET = """استقبل O
الرئيس O
سعيد B-PERS
الهادي I-PERS
وفدا O
من O
الكاميرون B-LOC
. O

وصل O
إلى O
ياوندي B-LOC
"""


def test_parse_reads_tokens_labels_and_sentence_breaks():
    sentences = parse_conll(SNIPPET)
    assert [len(s.tokens) for s in sentences] == [8, 3]
    assert sentences[0].tokens[2:4] == ["سعيد", "الهادي"]
    assert sentences[0].labels[2:4] == ["B-PERS", "I-PERS"]
    assert sentences[1].labels == ["O", "O", "B-LOC"]


def test_tokens_without_labels_are_accepted():
    sentences = parse_conll("زار\nالوفد\nتونس\n")
    assert sentences[0].tokens == ["زار", "الوفد", "تونس"]
    assert sentences[0].labels is None


def test_other_column_layouts_and_docstart_lines():
    ours = parse_conll("زار O O\nتونس B-LOC O\n")  # token gold predicted
    assert ours[0].labels == ["O", "B-LOC"]
    conll2003 = parse_conll("-DOCSTART- -X- -X- O\n\nزار VBD B-VP O\nتونس NNP B-NP B-LOC\n"
                            "-DOCSTART- O\nقال O\n")
    assert [s.tokens for s in conll2003] == [["زار", "تونس"], ["قال"]]
    assert conll2003[0].labels == ["O", "B-LOC"]


def test_write_then_read_round_trip(tmp_path):
    sentences = parse_conll(SNIPPET)
    path = tmp_path / "gold.txt"
    path.write_text(format_conll(sentences, [s.labels for s in sentences]), encoding="utf-8")
    back = read_conll(path)
    assert [s.tokens for s in back] == [s.tokens for s in sentences]
    assert [s.labels for s in back] == [s.labels for s in sentences]


def test_output_keeps_gold_before_prediction():
    sentences = parse_conll("زار O\nتونس B-LOC\n")
    assert format_conll(sentences, [["O", "O"]]) == "زار O O\nتونس B-LOC O\n"
    bare = [Sentence(["زار", "تونس"])]
    assert format_conll(bare, [["O", "B-LOC"]]) == "زار O\nتونس B-LOC\n"


@pytest.mark.parametrize("rasd_type, label", [
    ("PERSON", "PERS"), ("GPE", "LOC"), ("LOC", "LOC"), ("FAC", "LOC"),
    ("ORG", "ORG"), ("FORCE", "ORG"), ("EQUIPMENT", "MISC"), ("DATE", None),
])
def test_type_mapping(rasd_type, label):
    assert conll_type(rasd_type) == label


def test_join_tokens_keeps_exact_offsets():
    sentences = [Sentence(["قال", "الوزير"]), Sentence(["وصل", "الوفد"])]
    body, offsets, spans = join_tokens(sentences)
    assert body == "قال الوزير\nوصل الوفد"
    for sentence, token_offsets in zip(sentences, offsets, strict=True):
        assert [body[a:b] for a, b in token_offsets] == sentence.tokens
    assert [body[s.start:s.end] for s in spans] == ["قال الوزير", "وصل الوفد"]


def test_multi_token_span_gets_b_then_i():
    body, offsets, _ = join_tokens([Sentence(["التقى", "عبد", "الرحمن", "الصادق", "أمس"])])
    start = body.index("عبد")
    end = body.index("الصادق") + len("الصادق")
    assert spans_to_bio(offsets[0], [(start, end, "PERS")]) == ["O", "B-PERS", "I-PERS", "I-PERS", "O"]


def test_mention_after_a_clitic_labels_the_whole_token():
    body, offsets, _ = join_tokens([Sentence(["سافر", "وزير", "إلى", "وباماكو", "ولواندا"])])
    doc = Document(id="d", path=None, body=body)
    for name in ("باماكو", "لواندا"):
        start = body.index(name)
        doc.mentions.append(Mention(start, start + len(name), name, "GPE", name))
    assert mention_labels(offsets[0], doc.mentions) == ["O", "O", "O", "B-LOC", "B-LOC"]


def test_types_without_a_conll_class_and_overlaps_are_dropped():
    offsets = [(0, 3), (4, 8), (9, 14)]
    assert spans_to_bio(offsets, [(0, 8, "ORG"), (4, 14, "LOC")]) == ["B-ORG", "I-ORG", "O"]
    doc_mentions = [Mention(0, 3, "x", "DATE", "x")]
    assert mention_labels(offsets, doc_mentions) == ["O", "O", "O"]


def test_bio_to_spans_reads_orphan_i_as_a_new_entity():
    labels = ["B-PERS", "I-PERS", "O", "I-LOC", "I-ORG", "B-ORG", "I-ORG"]
    assert bio_to_spans(labels) == [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]


def test_rule_labels_run_the_recogniser_per_group_of_sentences():
    seen: list[Document] = []

    def recognizer(doc: Document) -> Document:
        seen.append(doc)
        for name, kind in (("نيامي", "GPE"), ("الجيش النيجري", "FORCE")):
            at = doc.body.find(name)
            while at >= 0:
                doc.mentions.append(Mention(at, at + len(name), name, kind, name))
                at = doc.body.find(name, at + 1)
        return doc

    sentences = parse_conll("وصل\nالجيش\nالنيجري\nإلى\nنيامي\n\nغادر\nنيامي\n\nقال\nالجيش\nالنيجري\n")
    labels = rule_labels(sentences, recognizer, batch=2)
    assert labels == [["O", "B-ORG", "I-ORG", "O", "B-LOC"], ["O", "B-LOC"], ["O", "B-ORG", "I-ORG"]]
    assert len(seen) == 2
    assert [len(doc.sentences) for doc in seen] == [2, 1]


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_conll(tmp_path / "absent.txt")


@pytest.mark.parametrize("text, problem", [
    ("زار O\nتونس\n", "line 2: expected token and label"),
    ("زار O\nتونس LOCATION\n", "line 2: 'LOCATION' is not a BIO label"),
    ("\n\n", "no tokens"),
])
def test_malformed_file_is_an_input_error_naming_the_line(tmp_path, text, problem):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as caught:
        read_conll(path)
    assert str(path) in str(caught.value)


def test_binary_file_is_an_input_error(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="not UTF-8"):
        read_conll(path)


def test_merge_keeps_primary_entities_and_adds_non_overlapping_ones():
    rules = ["B-PERS", "I-PERS", "O", "O", "O", "O"]
    model = ["B-PERS", "O", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert merge_labels(rules, model) == ["B-PERS", "I-PERS", "O", "B-LOC", "B-ORG", "I-ORG"]
    assert merge_labels(["O", "B-LOC", "O"], ["B-ORG", "I-ORG", "I-ORG"]) == ["O", "B-LOC", "O"]


def test_detailed_tags_keep_type_and_rule_and_map_back_to_conll():
    body, offsets, _ = join_tokens([Sentence(["قاد", "اللواء", "سالم", "قوات", "الدعم", "السريع"])])
    at = body.index("سالم")
    force = body.index("قوات")
    mentions = [Mention(at, at + 4, "سالم", "PERSON", "سالم", source="rank"),
                Mention(force, len(body), body[force:], "FORCE", "x", source="pattern")]
    tags = mention_tags(offsets[0], mentions)
    assert tags == ["O", "O", "B-PERSON@rank", "B-FORCE@pattern", "I-FORCE@pattern", "I-FORCE@pattern"]
    assert [tag_label(t) for t in tags] == ["O", "O", "B-PERS", "B-ORG", "I-ORG", "I-ORG"]


def test_entity_scores_count_whole_entities():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "O"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "B-LOC"]]
    precision, recall, f1 = entity_scores(gold, predicted)
    assert (precision, recall) == (2 / 4, 2 / 3)
    assert f1 == pytest.approx(2 * (1 / 2) * (2 / 3) / (1 / 2 + 2 / 3))
    assert entity_scores([["O"]], [["O"]]) == (0.0, 0.0, 0.0)


def test_propagation_labels_later_occurrences_of_a_tagged_name():
    words = [["التقى", "سالم", "بن", "عمر", "بالوفد"], ["وقال", "وسالم", "بن", "عمر", "إن", "سالم", "غادر"],
             ["في", "سالم"]]
    labels = [["O", "B-PERS", "I-PERS", "I-PERS", "O"], ["O"] * 7, ["O", "B-LOC"]]
    result = propagate_labels(words, labels)
    assert result[0] == labels[0]
    # the longest remembered sequence wins; a lone word takes the class it had alone
    assert result[1] == ["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-LOC", "O"]
    assert result[2] == ["O", "B-LOC"]
    assert propagate_labels([["من", "في"]], [["B-ORG", "O"]]) == [["B-ORG", "O"]]  # too short to spread
    surname = propagate_labels([["قال", "سالم", "الحداد"], ["وأضاف", "الحداد"]],
                               [["O", "B-PERS", "I-PERS"], ["O", "O"]])
    assert surname[1] == ["O", "B-PERS"]  # a person's last name alone
