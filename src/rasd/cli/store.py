"""`rasd` commands of the store family: ingest, export, serve, report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from rasd.settings import Options

DB_HELP = "the store: a SQLite file (created when missing) or a postgresql:// URL"


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", required=True, help=DB_HELP)
@click.option("--batch-size", default=50, show_default=True, help="documents committed per transaction")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar, errors only")
@click.option("--allow-private-urls", is_flag=True, help="also fetch private/loopback/link-local URLs")
def ingest(inputs: tuple[str, ...], db: str, batch_size: int, quiet: bool, allow_private_urls: bool) -> None:
    """Add the articles of INPUTS to the store; already stored articles are skipped."""
    from rasd.cli.progress import progress_bar
    from rasd.ingest import read_inputs
    from rasd.pipeline import build_documents
    from rasd.store import open_store
    from rasd.store.ingest import ingest_documents

    options = Options().replace(allow_private_urls=allow_private_urls)
    failures: list[str] = []
    docs = list(build_documents(read_inputs(list(inputs), options, failures), options, failures))
    with open_store(db) as store, progress_bar(len(docs), quiet) as advance:
        result = ingest_documents(store, docs, options, batch_size=max(1, batch_size),
                                  progress=lambda _doc: advance())
    failures += result.failures
    if not quiet:
        click.echo(f"rasd: {result.added} added, {result.skipped} already stored"
                   f"{', resolution updated' if result.resolved else ''} -> {db}", err=True)
    if failures:
        click.echo(f"rasd: {len(failures)} input(s) failed", err=True)
        sys.exit(1)


@click.command()
@click.option("--db", required=True, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["kb", "jsonl", "csv", "parquet", "graphml"]),
              default="kb", show_default=True, help="kb = rasd-kb/1 JSON; csv/parquet = a folder of tables")
@click.option("--out", "-o", default=None, help="file (folder for csv/parquet); stdout when omitted")
def export(db: str, fmt: str, out: str | None) -> None:
    """Export the store as rasd-kb/1, JSON Lines, CSV/Parquet tables or a GraphML graph."""
    import json

    from rasd.kb.writer import kb_to_dict, write_kb
    from rasd.store import export as ex
    from rasd.store import open_store
    from rasd.store.read import load_kb

    if fmt in ("csv", "parquet", "graphml") and not out:
        raise click.UsageError(f"--format {fmt} needs --out")
    with open_store(db) as store:
        kb = kb_to_dict(load_kb(store))
    if fmt == "kb":
        if out:
            write_kb(kb, out)
        else:
            json.dump(kb, sys.stdout, ensure_ascii=False, indent=1)
    elif fmt == "jsonl":
        if out:
            with open(out, "w", encoding="utf-8") as fh:
                ex.write_jsonl(kb, fh)
        else:
            ex.write_jsonl(kb, sys.stdout)
    elif fmt == "csv":
        ex.write_csv(kb, Path(out))
    elif fmt == "parquet":
        ex.write_parquet(kb, Path(out))
    else:
        ex.write_graphml(kb, Path(out))


@click.command()
@click.option("--db", required=True, help=DB_HELP)
@click.option("--port", default=8765, show_default=True, help="port on 127.0.0.1")
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--token-env", default="RASD_API_TOKEN", show_default=True,
              help="environment variable holding the bearer token for writes (writes refused when unset)")
def serve(db: str, port: int, host: str, token_env: str) -> None:
    """Serve the REST API (/api, /openapi.json) and the dashboard (/) for the store."""
    import uvicorn

    from rasd.api import create_app
    from rasd.store import open_store

    store = open_store(db)
    app = create_app(store, token=os.environ.get(token_env) or None)
    click.echo(f"rasd: serving {db} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command()
@click.option("--db", required=True, help=DB_HELP)
@click.option("--topic", required=True, help="an entity id or name (any alias)")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("--out", "-o", default=None, help="file to write; stdout when omitted")
def report(db: str, topic: str, fmt: str, out: str | None) -> None:
    """A dated brief on TOPIC: timeline, key actors, arms transfers and quotes, every line cited."""
    from rasd.report import build_report
    from rasd.store import open_store

    with open_store(db) as store:
        text = build_report(store, topic, fmt)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        click.echo(text)


COMMANDS = [ingest, export, serve, report]
