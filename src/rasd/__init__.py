"""rasd: Arabic news pages to a sourced, cross-document knowledge base (rasd-kb/1)."""

from typing import Any

from rasd.model import KB, Document
from rasd.pipeline import Pipeline, analyze

__all__ = ["KB", "Document", "Pipeline", "Store", "analyze"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """`rasd.Store` on first use, so `import rasd` does not load SQLAlchemy."""
    if name == "Store":
        from rasd.store import Store

        return Store
    raise AttributeError(f"module 'rasd' has no attribute {name!r}")
