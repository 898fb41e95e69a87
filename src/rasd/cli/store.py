"""`rasd` commands of the store family (filled in by their stage)."""

from __future__ import annotations

COMMANDS: list = []
