"""`rasd ner`: tag CoNLL files with the rules (and a CRF), and train that CRF."""

from __future__ import annotations

import time

import click

from rasd.errors import RasdError


@click.group(invoke_without_command=True)
@click.option("--conll", "conll_in", type=click.Path(dir_okay=False),
              help="CoNLL input: `token [gold label]` a line, blank line between sentences")
@click.option("--out", "-o", type=click.Path(dir_okay=False),
              help="CoNLL output: `token gold predicted` when the input has labels, else `token predicted`")
@click.option("--model", type=click.Path(dir_okay=False), default=None,
              help="a CRF model from `rasd ner train`, stacked on the rules")
@click.pass_context
def ner(ctx: click.Context, conll_in: str | None, out: str | None, model: str | None) -> None:
    """Tag a CoNLL file with rasd's recogniser (PERS, LOC, ORG, MISC labels); see also `ner train`."""
    if ctx.invoked_subcommand is not None:
        return
    if not conll_in or not out:
        raise click.UsageError("rasd ner needs --conll IN and --out OUT (or a subcommand such as `train`)")
    from rasd.ner import crf
    from rasd.ner.conll import read_conll, rule_labels, tag_label, write_conll

    sentences = read_conll(conll_in)
    started = time.perf_counter()
    tags = rule_labels(sentences, detailed=True)
    if model:
        labels = crf.tag_sentences(crf.load_model(model), sentences, tags)
    else:
        labels = [[tag_label(tag) for tag in sentence] for sentence in tags]
    seconds = time.perf_counter() - started
    write_conll(out, sentences, labels)
    tokens = sum(len(s.tokens) for s in sentences)
    click.echo(f"rasd: {len(sentences)} sentences, {tokens} tokens in {seconds:.1f}s "
               f"({tokens / max(seconds, 1e-9):,.0f} tokens/s) -> {out}", err=True)
    if all(s.labels for s in sentences):
        _report(sentences, labels)


def _report(sentences: list, labels: list[list[str]]) -> None:
    """Entity-level scores against the input's gold column (as seqeval counts them by default)."""
    from rasd.ner.conll import entity_scores

    p, r, f = entity_scores([s.labels for s in sentences], labels)
    click.echo(f"rasd: entity P {p:.3f} R {r:.3f} F1 {f:.3f}", err=True)


@ner.command("train")
@click.option("--conll", "conll_in", required=True, type=click.Path(dir_okay=False),
              help="gold CoNLL training data: `token label` a line, blank line between sentences")
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False), help="the model file to write")
@click.option("--c1", default=0.05, show_default=True, help="L1 regularisation")
@click.option("--c2", default=0.05, show_default=True, help="L2 regularisation")
@click.option("--iterations", default=150, show_default=True, help="L-BFGS iterations")
@click.option("--no-rules", is_flag=True, help="do not stack on the rule-based labels")
def train_command(conll_in: str, out: str, c1: float, c2: float, iterations: int, no_rules: bool) -> None:
    """Train a CRF on gold CoNLL data (--conll), stacked on the rules, and write the model to --out."""
    from rasd.ner import crf
    from rasd.ner.conll import read_conll

    sentences = read_conll(conll_in)
    try:
        stats = crf.train(sentences, out, c1=c1, c2=c2, iterations=iterations, use_rules=not no_rules)
    except ValueError as exc:  # crfsuite's own complaints (e.g. a single label)
        raise RasdError(f"{conll_in}: cannot train: {exc}") from None
    click.echo(f"rasd: trained on {stats['sentences']} sentences, {stats['tokens']} tokens "
               f"in {stats['seconds']:.1f}s -> {out}", err=True)


COMMANDS = [ner]
