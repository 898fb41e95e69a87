"""`rasd` commands of the events family (filled in by their stage)."""

from __future__ import annotations

COMMANDS: list = []
