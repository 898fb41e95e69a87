"""The CRF tagger: features, training on a tiny snippet written here, the model file and mentions."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from rasd.cli.ner import ner
from rasd.errors import InputError, ModelError
from rasd.model import Document, Mention, Span
from rasd.ner import conll, crf, crf_features
from rasd.ner.conll import parse_conll
from rasd.ner.crf_dictionary import first_word_sizes, listed_features
from rasd.text.tokens import tokenize

# a tiny corpus written for these tests: a person after قال/الرئيس, a place after في/إلى
LINES = []
for person, place in (("سعيد", "نيامي"), ("خالد", "باماكو"), ("عمر", "داكار"), ("كريم", "لواندا"),
                      ("يوسف", "نيامي"), ("سعيد", "باماكو")):
    LINES.append(f"قال O\nالرئيس O\n{person} B-PERS\nالهادي I-PERS\nفي O\n{place} B-LOC\n. O")
    LINES.append(f"وصل O\n{person} B-PERS\nإلى O\n{place} B-LOC\nأمس O\n. O")
TRAIN = "\n\n".join(LINES) + "\n"


def no_rules(doc: Document) -> Document:
    return doc


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("crf") / "tiny.crf"
    sentences = parse_conll(TRAIN)
    stats = crf.train(sentences, path, iterations=60, use_rules=False, stages=2)
    assert stats["tokens"] == sum(len(s.tokens) for s in sentences)
    return path


def test_features_cover_word_clitics_affixes_shape_and_window():
    feats = crf.sentence_features(["قال", "وباماكو", "T-72"], ["O", "B-LOC", "O"])
    middle = set(feats[1])
    assert {"w=وباماكو", "n=وباماكو", "st=باماكو", "p1=و", "x3=اكو", "r=B-LOC"} <= middle
    assert {"-1:n=قال", "1:n=t-72"} <= middle
    assert {"latin", "hyphen", "hasdigit", "EOS"} <= set(feats[2])
    assert "BOS" in feats[0]


def test_features_know_cue_words_listed_names_and_organisation_heads():
    feats = crf.sentence_features(["وقالت", "للمدافع", "جمعية", "الهلال", "الأحمر", "،", "وبرشلونة"])
    assert "cue=speech" in feats[0]
    assert {"cue=person", "sp3=مدا", "sx3=افع", "-1:cue=speech"} <= set(feats[1])
    assert {"after=org/1", "after=org"} <= set(feats[3])
    assert "after=org/2" in feats[4]
    assert not any(f.startswith("after=") for f in feats[6])  # the comma ends the name


def test_listed_names_match_longest_first_unless_the_data_knows_them():
    names = crf_features.listed_names()
    sizes = first_word_sizes(names)
    words = ["ولريال", "مدريد", "بوش", "سعيد"]
    assert listed_features(words, names, sizes, {}) == [["lst=B-ORG"], ["lst=I-ORG"], ["lst=B-PERS"], []]
    known = {("بوش",): ("PERS", 3, 3)}  # the training names' dictionary already says it
    assert listed_features(words, names, sizes, known)[2] == []


def test_training_and_tagging_back(model_path):
    model = crf.load_model(model_path)
    gold = parse_conll(TRAIN)
    predicted = crf.tag_sentences(model, gold, rules=[None] * len(gold))
    assert predicted == [s.labels for s in gold]
    assert crf.tag(model, ["قال", "الرئيس", "عمر", "الهادي", "في", "داكار", "."]) == [
        "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]
    assert model.first is not None and model.meta["stages"] == 2


def test_a_one_stage_model_tags_too(tmp_path):
    path = tmp_path / "one.crf"
    gold = parse_conll(TRAIN)
    crf.train(gold, path, iterations=60, use_rules=False, stages=1)
    model = crf.load_model(path)
    assert model.first is None
    assert crf.tag_sentences(model, gold, rules=[None] * len(gold)) == [s.labels for s in gold]


def test_model_file_refuses_other_files_and_versions(tmp_path, model_path):
    other = tmp_path / "other.crf"
    other.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="not a rasd CRF model"):
        crf.load_model(other)
    with pytest.raises(ModelError, match="no such model file"):
        crf.load_model(tmp_path / "absent.crf")
    old = tmp_path / "old.crf"
    old.write_bytes(model_path.read_bytes().replace(crf.FEATURE_SET.encode(), b"rasd-ner-crf/0"))
    with pytest.raises(ModelError, match="retrain"):
        crf.load_model(old)


def test_training_needs_gold_labels(tmp_path):
    with pytest.raises(ModelError, match="no gold label"):
        crf.train(parse_conll("زار\nتونس\n"), tmp_path / "m.crf", use_rules=False)


def test_predict_mentions_gives_exact_spans_without_clitics(model_path):
    body = "قال الرئيس سعيد الهادي في نيامي. ووصل عمر إلى وباماكو أمس."
    doc = Document(id="d", path=None, body=body, sentences=[Span(0, 32), Span(33, len(body))])
    mentions = crf.predict_mentions(doc, str(model_path))
    assert [(m.text, m.type, m.source) for m in mentions] == [
        ("سعيد الهادي", "PERSON", "crf"), ("نيامي", "GPE", "crf"), ("عمر", "PERSON", "crf"),
        ("باماكو", "GPE", "crf")]
    for m in mentions:
        assert body[m.start:m.end] == m.text


def test_strip_length_keeps_names_that_start_like_a_clitic():
    forms = {"وليد": 4, "بغداد": 9}
    word, = tokenize("وليد")
    assert crf.strip_length(word, forms) == 0
    word, = tokenize("وبغداد")
    assert crf.strip_length(word, forms) == 1
    for text, strip in (("وباربادوس", 1), ("وليد", 0), ("ويليامز", 0)):  # و + an unknown name
        word, = tokenize(text)
        assert crf.strip_length(word, {}) == strip, text
    word, = tokenize("المالي")  # the article stays: Malian is not Mali
    assert crf.strip_length(word, {"مالي": 50}) == 0
    word, = tokenize("والمالي")
    assert crf.strip_length(word, {"مالي": 50, "المالي": 1}) == 1


def test_nationality_adjectives_are_not_names():
    assert crf._is_adjective("الروسية")
    assert not crf._is_adjective("روسيا")


def test_cli_tags_and_trains(tmp_path, monkeypatch, model_path):
    monkeypatch.setattr(conll, "_default_recognizer", no_rules)
    gold = tmp_path / "gold.txt"
    gold.write_text(TRAIN, encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out.txt"
    result = runner.invoke(ner, ["--conll", str(gold), "--out", str(out)])
    assert result.exit_code == 0, result.output
    first = out.read_text(encoding="utf-8").splitlines()[2]
    assert first.split() == ["سعيد", "B-PERS", "O"]  # token, gold, rules (none here)
    result = runner.invoke(ner, ["train", "--conll", str(gold), "--out", str(tmp_path / "m.crf"),
                                 "--iterations", "60"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(ner, ["--conll", str(gold), "--out", str(out), "--model", str(tmp_path / "m.crf")])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines()[2].split() == ["سعيد", "B-PERS", "B-PERS"]
    assert "F1 1.000" in result.output


def test_cli_bad_input_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(ner, ["--conll", str(tmp_path / "absent.txt"), "--out", str(tmp_path / "o")])
    assert isinstance(result.exception, InputError)
    assert "absent.txt: no such file" in str(result.exception)
    result = CliRunner().invoke(ner, ["--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "needs --conll" in result.output


def test_a_stacked_model_follows_the_rule_tags(tmp_path):
    # the same slot holds a place when the rules found one there and a plain word otherwise
    words = ["تونس", "مراكش", "قلم", "بيت", "غزة", "باب", "أسوان", "كتاب"]
    sentences, tags = [], []
    for word in words * 3:
        place = words.index(word) % 2 == 0
        sentences.append(parse_conll(f"ذكر O\n{word} {'B-LOC' if place else 'O'}\nأمس O\n")[0])
        tags.append(["O", "B-GPE@gazetteer" if place else "O", "O"])
    path = tmp_path / "stacked.crf"
    crf.train(sentences, path, iterations=50, rules=tags)
    body = "ذكر حلب أمس"
    doc = Document(id="d", path=None, body=body)
    assert crf.predict_mentions(doc, str(path)) == []
    rule = Mention(4, 7, "حلب", "GPE", "حلب")
    found = crf.predict_mentions(doc, str(path), rules=[rule])
    assert [(m.text, m.type) for m in found] == [("حلب", "GPE")]


def test_pipeline_component_keeps_rule_mentions_and_adds_exact_crf_ones(model_path):
    from rasd.ner import recognize_entities

    body = "قال الرئيس كريم الهادي في لواندا. ووصل يوسف إلى وداكار أمس."
    rules_only = recognize_entities(Document(id="r", path=None, body=body)).mentions
    doc = recognize_entities(Document(id="d", path=None, body=body), model=str(model_path))
    assert {(m.start, m.end) for m in rules_only} <= {(m.start, m.end) for m in doc.mentions}
    for m in doc.mentions:
        assert body[m.start:m.end] == m.text
    spans = sorted((m.start, m.end) for m in doc.mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert "داكار" in {m.text for m in doc.mentions}
