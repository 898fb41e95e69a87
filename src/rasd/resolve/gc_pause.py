"""Pausing Python's cycle collector while a cross-document step builds many small objects.

Resolution allocates hundreds of thousands of sets, dicts and records while the
annotated corpus (millions of objects) is alive; every few thousand allocations
the collector walks older generations, and its full passes over the corpus cost
as much as the resolution itself. None of these objects form cycles, so nothing
is left for the collector when it resumes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cycle collector for the block; it resumes afterwards only if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
