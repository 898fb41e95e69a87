"""Every setting rasd reads, declared once with its default and its help.

The CLI, the API and the dashboard read this table; a test checks that each
setting is documented in the README.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One named setting with its default and a one-line help."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_input_bytes", 50_000_000, "inputs larger than this many bytes are refused"),
    Setting("url_timeout", 20.0, "seconds before a URL fetch is abandoned"),
    Setting("url_max_bytes", 10_000_000, "largest response body accepted from a URL"),
    Setting("allow_private_urls", False, "fetch private, loopback and link-local addresses too"),
    Setting("dedup_threshold", 0.5, "estimated Jaccard similarity above which two articles are duplicates"),
    Setting("dedup_num_perm", 128, "MinHash permutations for near-duplicate detection"),
    Setting("dedup_shingle", 5, "words per shingle for near-duplicate detection"),
    Setting("workers", 1, "processes for the per-document stages (0: one per CPU core)"),
    Setting("ner_model", None, "path of a trained CRF model used together with the rules"),
)


@dataclass
class Options:
    """The settings of one run; built from SETTINGS defaults and overridden by the caller."""

    values: dict[str, Any] = field(default_factory=lambda: {s.name: s.default for s in SETTINGS})

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__.get("values", {})
        if name in values:
            return values[name]
        raise AttributeError(name)

    def replace(self, **changes: Any) -> Options:
        """A copy with some settings changed (unknown names are an error)."""
        unknown = set(changes) - {s.name for s in SETTINGS}
        if unknown:
            raise KeyError(f"unknown settings: {sorted(unknown)}")
        return Options({**self.values, **changes})


