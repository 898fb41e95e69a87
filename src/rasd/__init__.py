"""rasd: Arabic news pages to a sourced, cross-document knowledge base (rasd-kb/1)."""

from rasd.model import KB, Document
from rasd.pipeline import Pipeline, analyze

__all__ = ["KB", "Document", "Pipeline", "analyze"]
__version__ = "0.1.0"
