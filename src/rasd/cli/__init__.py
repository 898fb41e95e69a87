"""The `rasd` command line: one group, one module per family of commands."""

from __future__ import annotations

import logging
import sys

import click

from rasd.errors import RasdError


@click.group()
@click.version_option(package_name="rasd")
def cli() -> None:
    """rasd: Arabic news pages to a sourced, cross-document knowledge base."""
    logging.basicConfig(level=logging.WARNING, format="rasd: %(message)s")


def _register() -> None:
    """Attach every command module's commands to the group."""
    from rasd.cli import analyze, entities, events, ner, store

    for module in (analyze, entities, events, ner, store):
        for command in module.COMMANDS:
            cli.add_command(command)


def main() -> None:
    """Entry point: RasdError becomes a one-line message and exit status 2."""
    _register()
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except RasdError as exc:
        click.echo(f"rasd: error: {exc}", err=True)
        sys.exit(2)
    except SystemExit:
        raise
