"""The training names' dictionary: counts, clitic-tolerant matching, jackknife and its JSON form."""

from __future__ import annotations

from rasd.ner.conll import parse_conll
from rasd.ner.crf_dictionary import (
    build_dictionary,
    build_parts,
    dictionary_features,
    dictionary_from_json,
    dictionary_to_json,
    jackknife_features,
    part_features,
)

GOLD = parse_conll("""زار O
منظمة B-ORG
الأمن I-ORG
والتعاون I-ORG
العاصمة O
. O

قال O
الأمن O
إن O
منظمة B-ORG
الأمن I-ORG
والتعاون I-ORG
تعمل O
""")


def test_dictionary_counts_tagged_and_seen():
    dictionary = build_dictionary(GOLD)
    assert dictionary[("منظمه", "الامن", "والتعاون")] == ("ORG", 2, 2)
    assert ("الامن",) not in dictionary  # never tagged on its own


def test_match_takes_the_longest_sequence_and_strips_a_clitic():
    dictionary = build_dictionary(GOLD)
    feats = dictionary_features(["ولمنظمة", "الأمن", "والتعاون", "دور"], dictionary)
    assert "dict=B-ORG" in feats[0] and "dict=B-ORG/hi" in feats[0]
    assert "dict=I-ORG" in feats[2]
    assert feats[3] == []


def test_jackknife_hides_a_sentence_from_its_own_dictionary():
    feats = jackknife_features(GOLD, folds=2)
    assert len(feats) == 2
    assert "dict=B-ORG" in feats[0][1]  # known from the other fold
    only = jackknife_features(GOLD[:1], folds=2)
    assert only[0][1] == ["freq=0"]  # nothing else to learn it from


def test_json_round_trip():
    dictionary = build_dictionary(GOLD)
    assert dictionary_from_json(dictionary_to_json(dictionary)) == dictionary


def test_parts_know_where_a_word_sits_in_names():
    parts = build_parts(GOLD)
    assert parts[("منظمه",)] == ("B-ORG", 2, 2)
    assert parts[("الامن",)] == ("I-ORG", 2, 3)  # once outside a name
    assert parts[("قال",)] == ("O", 0, 1)
    feats = part_features(["وللأمن", "تعمل", "غدا", "."], parts)
    assert feats == [["freq=few", "part=I-ORG", "part=I-ORG/mid"], ["freq=1"], ["freq=0"], []]
