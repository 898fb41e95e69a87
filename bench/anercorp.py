"""ANERcorp (CAMeL Lab split): entity-level P/R/F1 of rasd's NER, rules alone and rules + CRF.

Trains the CRF on the reconstructed train split, tags the official test split
and prints seqeval scores (default mode, micro average, per class), training
and tagging CPU time. The model goes to bench/out/ (git-ignored).

    .venv/bin/python bench/anercorp.py [--data ../shared/eval/anercorp] [--iterations 150] [--stages 1]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from seqeval.metrics import classification_report, f1_score, precision_score, recall_score

from rasd.ner import crf
from rasd.ner.conll import Sentence, merge_labels, read_conll, rule_labels, tag_label

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "anercorp"
TRAIN = "ANERCorp_CamelLab_train.reconstructed.txt"
TEST = "ANERCorp_CamelLab_test.txt"
CLEAN_TEST = "ANERCorp_CamelLab_test.reconstructed_clean.txt"


def score(name: str, gold: list[Sentence], predicted: list[list[str]], per_class: bool = True) -> float:
    """Print one system's entity-level scores; returns its F1."""
    truth = [s.labels for s in gold]
    p, r, f = (m(truth, predicted, zero_division=0) for m in (precision_score, recall_score, f1_score))
    print(f"{name:<32} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if per_class:
        print(classification_report(truth, predicted, digits=3, zero_division=0))
    return f


def timed(label: str, tokens: int, func, *args, **kwargs):
    """Run func and print its CPU time and tokens per CPU second (the machine is shared: wall time varies)."""
    started = time.process_time()
    result = func(*args, **kwargs)
    seconds = time.process_time() - started
    print(f"{label:<32} {seconds:7.1f}s CPU  {tokens / max(seconds, 1e-9):>9,.0f} tokens/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with the ANERcorp CAMeL split files")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="where the models go")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--stages", type=int, default=1, choices=(1, 2),
                        help="2: a second CRF reads the first one's labels of each word's other occurrences")
    parser.add_argument("--no-crf-alone", action="store_true", help="skip the CRF trained without the rules")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    train = read_conll(args.data / TRAIN)
    test = read_conll(args.data / TEST)
    n_train = sum(len(s.tokens) for s in train)
    n_test = sum(len(s.tokens) for s in test)
    print(f"train {len(train)} sentences {n_train} tokens; test {len(test)} sentences {n_test} tokens\n")

    test_tags = timed("rules: tag test", n_test, rule_labels, test, detailed=True)
    train_tags = timed("rules: tag train", n_train, rule_labels, train, detailed=True)
    test_rules = [[tag_label(tag) for tag in sentence] for sentence in test_tags]
    score("rules alone", test, test_rules)

    systems = [("rules + CRF (stacked)", "anercorp.crf", True)]
    if not args.no_crf_alone:
        systems.append(("CRF alone (no rule features)", "anercorp_norules.crf", False))
    for name, filename, stacked in systems:
        path = args.out / filename
        timed(f"{name}: train", n_train, crf.train, train, path, c1=args.c1, c2=args.c2,
                      iterations=args.iterations, rules=train_tags if stacked else None, use_rules=stacked,
                      stages=args.stages)
        model = crf.load_model(path)
        rules = test_tags if stacked else [None] * len(test)
        predicted = timed(f"{name}: tag test", n_test, crf.tag_sentences, model, test, rules)
        score(name, test, predicted)
        if stacked:
            union = [merge_labels(r, c) for r, c in zip(test_rules, predicted, strict=True)]
            score("rules ∪ CRF (pipeline merge)", test, union)

    clean = args.data / CLEAN_TEST
    if clean.is_file():
        clean_test = read_conll(clean)
        model = crf.load_model(args.out / "anercorp.crf")
        predicted = crf.tag_sentences(model, clean_test, rule_labels(clean_test, detailed=True))
        score("rules + CRF on the clean rebuild", clean_test, predicted, per_class=False)


if __name__ == "__main__":
    main()
