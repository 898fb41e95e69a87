"""`rasd` commands of the entities family (filled in by their stage)."""

from __future__ import annotations

COMMANDS: list = []
