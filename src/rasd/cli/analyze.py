"""`rasd analyze`: inputs to a rasd-kb/1 file."""

from __future__ import annotations

import sys

import click

from rasd.kb.writer import write_kb
from rasd.settings import Options


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False), help="the kb.json to write")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar, errors only")
@click.option("--allow-private-urls", is_flag=True, help="also fetch private/loopback/link-local URLs")
@click.option("--workers", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="processes for the per-document stages (0: one per CPU core)")
@click.option("--model", "ner_model", type=click.Path(exists=True, dir_okay=False), default=None,
              help="a CRF model from `rasd ner train`, used together with the rules")
def analyze(inputs: tuple[str, ...], out: str, quiet: bool, allow_private_urls: bool,
            workers: int, ner_model: str | None) -> None:
    """Analyse files, folders and URLs (INPUTS) and write the knowledge base to --out."""
    from rasd.cli.progress import progress_bar
    from rasd.ingest import read_inputs
    from rasd.pipeline import analyze_documents, build_documents

    options = Options().replace(allow_private_urls=allow_private_urls, ner_model=ner_model,
                                workers=workers)
    failures: list[str] = []
    docs = list(build_documents(read_inputs(list(inputs), options, failures), options, failures))
    with progress_bar(len(docs), quiet) as advance:
        kb = analyze_documents(docs, options, failures, progress=lambda _doc: advance())
    write_kb(kb, out)
    if not quiet:
        click.echo(f"rasd: {len(kb.documents)} documents, {len(kb.entities)} entities, "
                   f"{len(kb.events)} events -> {out}", err=True)
    if failures:
        click.echo(f"rasd: {len(failures)} input(s) failed", err=True)
        sys.exit(1)


COMMANDS = [analyze]
