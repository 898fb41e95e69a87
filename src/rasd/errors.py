"""The exceptions rasd raises; the CLI and the API turn them into one-line errors."""

from __future__ import annotations


class RasdError(Exception):
    """Base class of every error rasd reports to a user."""


class InputError(RasdError):
    """An input (file, URL, record) that cannot be read; the message names the input."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(RasdError):
    """The store cannot be opened, migrated or written."""


class ModelError(RasdError):
    """A trained model file is missing or unusable."""
