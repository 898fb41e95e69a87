"""`rasd` commands of the ner family (filled in by their stage)."""

from __future__ import annotations

COMMANDS: list = []
